// Prints the section sizes of a .wasm file and, when it has a name section,
// its largest functions: what dominates the package size.
// Usage: node tests/tools/wasm-sizes.mjs FILE.wasm [TOP_N]
import { readFileSync } from "node:fs";

const bytes = readFileSync(process.argv[2]);
const top = Number(process.argv[3] ?? 30);
const sectionNames = ["custom", "type", "import", "function", "table", "memory", "global",
  "export", "start", "elem", "code", "data", "datacount"];
let offset = 8;
const leb = () => {
  let result = 0, shift = 0, byte;
  do { byte = bytes[offset++]; result += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
  return result;
};
const name = () => { const n = leb(); const s = bytes.subarray(offset, offset + n).toString(); offset += n; return s; };

let imports = 0;
const bodies = [];
const names = new Map();
while (offset < bytes.length) {
  const id = bytes[offset++];
  const size = leb();
  const end = offset + size;
  let label = sectionNames[id];
  if (id === 0) {
    const custom = name();
    label = `custom "${custom}"`;
    if (custom === "name") {
      while (offset < end) {
        const sub = bytes[offset++]; const subSize = leb(); const subEnd = offset + subSize;
        if (sub === 1) { const count = leb(); for (let i = 0; i < count; i++) { const index = leb(); names.set(index, name()); } }
        offset = subEnd;
      }
    }
  } else if (id === 2) {
    const count = leb();
    for (let i = 0; i < count; i++) {
      name(); name(); const kind = bytes[offset++];
      if (kind === 0) { leb(); imports++; } else if (kind === 1) { offset++; const f = bytes[offset++]; leb(); if (f & 1) leb(); }
      else if (kind === 2) { const f = bytes[offset++]; leb(); if (f & 1) leb(); } else if (kind === 3) { offset += 2; } else { offset++; leb(); }
    }
  } else if (id === 10) {
    const count = leb();
    for (let i = 0; i < count; i++) { const bodySize = leb(); bodies.push({ index: imports + i, size: bodySize }); offset += bodySize; }
  }
  console.log(`${label.padEnd(24)} ${String(size).padStart(8)} bytes`);
  offset = end;
}
if (names.size > 0) {
  bodies.sort((a, b) => b.size - a.size);
  console.log(`\nlargest of ${bodies.length} functions:`);
  for (const { index, size } of bodies.slice(0, top)) {
    console.log(`${String(size).padStart(8)}  ${names.get(index) ?? `func ${index}`}`);
  }
}
