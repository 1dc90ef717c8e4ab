import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { type FontSubsetter, hbSubsetter } from './font-subset.js';

/** Instantiates HarfBuzz's subsetter from node_modules. Node only: a Worker imports the module. */
export async function loadNodeSubsetter(): Promise<FontSubsetter> {
  const path = createRequire(import.meta.url).resolve('harfbuzzjs/hb-subset.wasm');
  const module = await WebAssembly.compile(await readFile(path));
  return hbSubsetter(await WebAssembly.instantiate(module));
}
