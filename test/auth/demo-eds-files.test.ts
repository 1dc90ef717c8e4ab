import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPersonas } from '../../src/gateway/fixture-data.js';
import { writeDemoEdsKeyFiles } from '../../src/node/demo-eds-files.js';
import { startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';
import { challenge, post, TODAY } from './sign-in-client.js';

const run = promisify(execFile);
const personas = demoPersonas(TODAY);

describe('demo EDS key files', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'registry-demo-eds-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('writes one private file per persona holding an EDS', async () => {
    const directory = await writeDemoEdsKeyFiles(dataDir, personas);

    const withEds = personas.filter((p) => p.edsSeed);
    expect((await readdir(directory)).sort()).toEqual(withEds.map((p) => `${p.key}.json`).sort());
    expect((await stat(directory)).mode & 0o777).toBe(0o700);

    for (const persona of withEds) {
      const path = join(directory, `${persona.key}.json`);
      expect((await stat(path)).mode & 0o777).toBe(0o600);
      expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({
        persona: persona.key,
        iin: persona.iin,
        seed: persona.edsSeed,
        publicKey: expect.stringMatching(/^[\w-]{43}$/),
      });
    }
  });

  it('makes a file that an older start left readable private again', async () => {
    const directory = join(dataDir, 'demo-eds');
    const path = join(directory, 'issued-guardianship-astana.json');
    await writeFile(path, '{}', { mode: 0o644 });

    await writeDemoEdsKeyFiles(dataDir, personas);

    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });
});

describe.each(databaseTargets)('scripts/eds-sign.ts against the registry on $name', (target) => {
  let registry: TestRegistry;
  let keyFile: string;
  let dataDir: string;
  beforeAll(async () => {
    registry = await startTestRegistry(target);
    dataDir = await mkdtemp(join(tmpdir(), 'registry-demo-eds-'));
    const directory = await writeDemoEdsKeyFiles(dataDir, personas);
    keyFile = join(directory, 'issued-guardianship-astana.json');
  });
  afterAll(async () => {
    await registry.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('signs a challenge as the README shows, and the registry opens a session', async () => {
    const nonce = await challenge(registry);

    const { stdout } = await run('npx', ['tsx', 'scripts/eds-sign.ts', keyFile, nonce, '--body']);
    const body = JSON.parse(stdout) as { iin: string; nonce: string; signature: string };
    expect(body.nonce).toBe(nonce);
    expect(body.signature).toMatch(/^[\w-]{86}$/);

    const response = await post(registry, '/api/v1/auth/eds', body);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ method: 'eds' });
  }, 60_000);
});
