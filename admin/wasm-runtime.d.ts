/** @napi-rs/wasm-runtime ships no type declarations; it re-exports these packages' functions, which do. */
declare module '@napi-rs/wasm-runtime' {
  export { instantiateNapiModule, instantiateNapiModuleSync } from '@emnapi/core';
  export { getDefaultContext } from '@emnapi/runtime';
  /** @tybys/wasm-util's WASI, as emnapi takes it (its own declaration types start() more loosely than emnapi's). */
  export const WASI: new (options: import('@tybys/wasm-util').WASIOptions) => import('@emnapi/core').WASIInstance;
}
