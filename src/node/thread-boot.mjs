// Worker threads start without the parent's TypeScript loader under vitest, so the thread
// registers tsx itself before it loads its TypeScript module (a second registration under
// `tsx src/server.ts` is harmless).
import { register } from 'tsx/esm/api';

register();
await import('./thread.ts');
