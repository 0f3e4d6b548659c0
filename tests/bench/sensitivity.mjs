// Benchmark, WebAssembly half: the same work as tests/bench/sensitivity.rs,
// in the package under Node, with the ratio to the native figures.
//   cargo bench --bench sensitivity && node tests/bench/sensitivity.mjs
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { simulate, sweepWeights } from "twosided";

/** Initiative i of the synthetic backlog (kept in step with the Rust copy). */
function synthetic(count) {
  const spread = (likely) => ({ low: likely * 0.5, likely, high: likely * 2 });
  const side = (reach, impact) => ({ reach: spread(reach), impact, confidence: 0.8 });
  const initiatives = [];
  for (let i = 0; i < count; i++) {
    initiatives.push({
      id: `i${String(i).padStart(4, "0")}`,
      name: `Initiative ${i}`,
      buyer: side(100 + ((i * 7919) % 5000), [0.5, 1, 2][i % 3]),
      seller: side(10 + ((i * 104729) % 800), [0.25, 1, 3][(i % 4) % 3]),
      effort: { low: 1, likely: 1 + (i % 6), high: 3 + (i % 6) * 2 },
    });
  }
  return { initiatives };
}

function medianMs(runs, work) {
  const times = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)];
}

const backlog = synthetic(500);
const simulateMs = medianMs(5, () => {
  const result = simulate(backlog, { seed: 1, samples: 10000, topK: 10 });
  if (result.samples !== 10000) throw new Error("short run");
});
const sweepMs = medianMs(9, () => sweepWeights(backlog));
const crossings = sweepWeights(backlog).crossings.length;
// The limits' worst case (100 000 samples of 2 000 initiatives), from 1 000 samples.
const largest = synthetic(2000);
const worstPer1000Ms = medianMs(3, () => simulate(largest, { seed: 1, samples: 1000, topK: 10 }));

let native = null;
try {
  native = JSON.parse(readFileSync(new URL("../../target/bench/sensitivity-native.json", import.meta.url), "utf8"));
} catch {
  console.log("(no native figures: run `cargo bench --bench sensitivity` first for the ratio)");
}
const ratio = (wasm, nat) => (nat ? ` (${(wasm / nat).toFixed(2)}x native ${nat.toFixed(1)} ms)` : "");
console.log(`wasm simulate 10000 samples x 500 initiatives (ranking only): ${simulateMs.toFixed(1)} ms${ratio(simulateMs, native?.simulateMs)}`);
console.log(`wasm sweep 500 initiatives exactly (${crossings} crossings): ${sweepMs.toFixed(1)} ms${ratio(sweepMs, native?.sweepMs)}`);
console.log(`wasm worst case at the limits, 100000 samples x 2000 initiatives: about ${(worstPer1000Ms / 10).toFixed(0)} s${native ? ` (${(worstPer1000Ms / native.worstPer1000Ms).toFixed(2)}x native)` : ""}`);
if (native && native.crossings !== crossings) throw new Error(`crossings differ: native ${native.crossings}, wasm ${crossings}`);
