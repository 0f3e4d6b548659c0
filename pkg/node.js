// Node entry of twosided: compiles the bundled WebAssembly synchronously at
// import, so `import { score } from "twosided"` works with no init() call.
import { readFileSync } from "node:fs";
import { initSync } from "./twosided.js";

initSync({ module: readFileSync(new URL("./twosided_bg.wasm", import.meta.url)) });

export * from "./twosided.js";
export { default } from "./twosided.js";
