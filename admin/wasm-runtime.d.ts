/** @napi-rs/wasm-runtime ships no type declarations; it re-exports these packages' functions, which do. */
declare module '@napi-rs/wasm-runtime' {
  export { instantiateNapiModule, instantiateNapiModuleSync } from '@emnapi/core';
  export { getDefaultContext } from '@emnapi/runtime';
  export { WASI } from '@tybys/wasm-util';
}
