import './wasm-environment.js';
// The standalone build, by path: wrangler's alias of `satori` (wrangler.toml) would otherwise
// turn `satori/standalone` into a subpath of this very file.
import standalone, { init } from '../../node_modules/satori/dist/standalone.js';
import yoga from '../../node_modules/satori/layout.wasm';

/**
 * `satori` for the Worker: the standalone build, whose layout engine (yoga) is handed over as a
 * module compiled at deploy time. The default build compiles embedded WebAssembly bytes at run
 * time, which workerd refuses. wrangler.toml aliases `satori` to this file, so the documents
 * code imports `satori` on both runtimes.
 */
let ready: Promise<void> | undefined;

export default async function satori(
  ...args: Parameters<typeof import('satori').default>
): Promise<string> {
  ready ??= init(yoga);
  await ready;
  return standalone(...args);
}
