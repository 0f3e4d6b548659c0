//! WebAssembly bindings: the JavaScript API. Compiled only for wasm32.
