#!/usr/bin/env bash
# Builds the npm package into a folder (pkg/ by default) from scratch:
#   cargo (cdylib, release) -> wasm-bindgen --target web -> wasm-opt -Os
#   -> package.json, node.js entry, README, LICENSE.
# The build is deterministic, so `make check-pkg` can build into a temporary
# folder and compare it with the committed pkg/.
# Usage: tests/tools/build-pkg.sh [OUT_DIR]
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
out="${1:-$root/pkg}"
cd "$root"

wasm_opt="$root/tests/node_modules/.bin/wasm-opt"
if [ ! -x "$wasm_opt" ]; then
  echo "wasm-opt is missing: run 'make setup' (npm ci --prefix tests)" >&2
  exit 1
fi

# `cargo rustc --crate-type cdylib` rather than `cargo build`: with
# crate-type = ["cdylib", "rlib"] cargo silently turns LTO off, which costs
# about a fifth of the size.
cargo rustc --quiet --lib --release --target wasm32-unknown-unknown --crate-type cdylib
wasm="${CARGO_TARGET_DIR:-$root/target}/wasm32-unknown-unknown/release/twosided.wasm"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

wasm-bindgen --target web --out-dir "$work" --out-name twosided "$wasm"

# -Os: the same trade as the Rust opt-level "s" (see README); WASM_OPT_LEVEL
# overrides it only to measure alternatives. Debug info and
# the producers section are stripped here, not by cargo's `strip = true`,
# which would drop the target_features section wasm-opt reads. Never pass
# --all-features: the output then fails to load in Node 20.
"$wasm_opt" "${WASM_OPT_LEVEL:--Os}" --strip-debug --strip-producers \
  "$work/twosided_bg.wasm" -o "$work/twosided_bg.opt.wasm"
mv "$work/twosided_bg.opt.wasm" "$work/twosided_bg.wasm"
# The raw export signatures that wasm-bindgen declares (InitOutput) type
# JavaScript values as `any`; `unknown` is as true and keeps `any` out of the
# package's types entirely.
sed -i -E '/^ *(readonly|export const) [A-Za-z0-9_]+: /s/\bany\b/unknown/g' "$work/twosided.d.ts" "$work/twosided_bg.wasm.d.ts"
if grep -nE '(:|<|\||,|\()\s*any\b' "$work/twosided.d.ts" "$work/twosided_bg.wasm.d.ts"; then
  echo "the generated types contain 'any' (above): declare the shape in src/wasm/" >&2
  exit 1
fi
# wasm-bindgen writes a .gitignore of "*" (as wasm-pack does): pkg/ is committed.
rm -f "$work/.gitignore"

# Node entry: initialises synchronously from the bundled .wasm, so
# `import { score } from "twosided"` needs no init() and no fetch.
cat > "$work/node.js" <<'JS'
// Node entry of twosided: compiles the bundled WebAssembly synchronously at
// import, so `import { score } from "twosided"` works with no init() call.
import { readFileSync } from "node:fs";
import { initSync } from "./twosided.js";

initSync({ module: readFileSync(new URL("./twosided_bg.wasm", import.meta.url)) });

export * from "./twosided.js";
export { default } from "./twosided.js";
JS

cp "$root/tests/tools/pkg-README.md" "$work/README.md"
cp "$root/LICENSE" "$work/LICENSE"

# package.json from the crate's metadata, so the version is set in one place.
cargo metadata --no-deps --format-version 1 --offline | node --input-type=module -e '
import { readFileSync, writeFileSync, readdirSync } from "node:fs";
const crate = JSON.parse(readFileSync(0, "utf8")).packages.find((p) => p.name === "twosided");
const out = process.argv[1];
const files = readdirSync(out).filter((f) => f !== "package.json").sort();
const pkg = {
  name: "twosided",
  version: crate.version,
  description: crate.description,
  license: crate.license,
  repository: crate.repository,
  keywords: crate.keywords,
  type: "module",
  main: "./twosided.js",
  types: "./twosided.d.ts",
  exports: {
    ".": {
      types: "./twosided.d.ts",
      node: "./node.js",
      default: "./twosided.js",
    },
    "./twosided_bg.wasm": "./twosided_bg.wasm",
    "./package.json": "./package.json",
  },
  files,
  sideEffects: false,
  engines: { node: ">=20" },
};
writeFileSync(`${out}/package.json`, JSON.stringify(pkg, null, 2) + "\n");
' "$work"

# Replace the output folder's contents, so nothing stale stays behind. The
# folder itself is kept: tests/node_modules/twosided links to it.
mkdir -p "$out"
find "$out" -mindepth 1 -delete
cp -R "$work"/. "$out"/

raw=$(wc -c < "$out/twosided_bg.wasm")
gzipped=$(gzip -9 -c "$out/twosided_bg.wasm" | wc -c)
echo "twosided_bg.wasm: $raw bytes, $gzipped gzipped (gzip -9)"
