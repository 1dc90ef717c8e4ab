// Modules that wrangler bundles for the Worker: WebAssembly compiled at deploy time (workerd
// cannot compile WebAssembly from bytes at run time) and font files as raw bytes (`[[rules]]`
// in wrangler.toml).
declare module '*.wasm' {
  const module: WebAssembly.Module;
  export default module;
}
declare module '*.ttf' {
  const bytes: ArrayBuffer;
  export default bytes;
}
