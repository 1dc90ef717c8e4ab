import harfbuzz from 'harfbuzzjs/hb.wasm';

/**
 * What satori's Emscripten loaders need in workerd, set up when this module is evaluated, which
 * is before satori's (src/worker/satori-standalone.ts imports this first): satori starts loading
 * HarfBuzz as soon as it is imported.
 *
 * - The loader, seeing `WorkerGlobalScope`, reads `self.location.href` for a base URL it never
 *   uses here; workerd defines no `location`.
 * - HarfBuzz (text shaping) comes as embedded bytes that the loader compiles, which workerd
 *   forbids. The same bytes ship in harfbuzzjs 0.10.0 (the version satori pins), compiled at
 *   deploy time: an instantiation from bytes of exactly that size is answered with that module.
 *   Any other instantiation from bytes is left to fail as workerd says.
 */
const HB_WASM_BYTES = 381_964;

if (!globalThis.self?.location) {
  Object.defineProperty(globalThis, 'location', {
    value: { href: 'https://worker.invalid/' },
    configurable: true,
  });
}

const instantiate = WebAssembly.instantiate.bind(WebAssembly);
const fromDeployTime = async (source: unknown, imports?: WebAssembly.Imports) => {
  if (source instanceof WebAssembly.Module) return instantiate(source, imports);
  if ((source as ArrayBuffer | ArrayBufferView).byteLength === HB_WASM_BYTES) {
    return { instance: await instantiate(harfbuzz, imports), module: harfbuzz };
  }
  return instantiate(source as BufferSource, imports);
};
WebAssembly.instantiate = fromDeployTime as typeof WebAssembly.instantiate;
