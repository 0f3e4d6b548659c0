// The JavaScript API against the plain-JavaScript baseline (baseline.mjs),
// at 1 000, 10 000 and 100 000 generated initiatives: time of each case and
// its ratio to the baseline measured in the same run (below 1 is faster than
// plain JS). Then peak memory at 100 000.
// Usage: node tests/bench/api.mjs [PKG_DIR]   (default pkg/)
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { generatedBacklog } from "./backlogs.mjs";
import { reorder, scoreAndRank } from "./baseline.mjs";

const pkgDir = resolve(process.argv[2] ?? new URL("../../pkg", import.meta.url).pathname);
const api = await import(pathToFileURL(`${pkgDir}/twosided.js`).href);
const wasm = api.initSync({ module: readFileSync(`${pkgDir}/twosided_bg.wasm`) });

/** Median of `repeats` runs after one warm-up, in ms. */
function median(run, repeats) {
  run(0);
  const times = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run(i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const weight = (i) => (i % 60) / 59;
console.log("| initiatives | case | ms (median) | x plain JS |");
console.log("|---:|---|---:|---:|");
for (const count of [1_000, 10_000, 100_000]) {
  const backlog = generatedBacklog(count);
  const repeats = count >= 100_000 ? 5 : count >= 10_000 ? 15 : 50;

  // Same answer first: every initiative gets the same score (ties may be
  // ordered differently: the package breaks them by its own rules).
  const theirs = new Map(scoreAndRank(backlog).map((r) => [r.id, r.score]));
  for (const r of api.score(backlog)) {
    const want = theirs.get(r.id);
    if (Math.abs(r.score - want) > 1e-9 * Math.max(1, Math.abs(want))) throw new Error(`${r.id}: ${r.score} vs ${want}`);
  }

  const baseline = median((i) => scoreAndRank(backlog, weight(i)), repeats);
  const prioritiser = new api.Prioritiser(backlog);
  const sides = scoreAndRank(backlog).sort((a, b) => a.index - b.index);
  const buyer = Float64Array.from(sides, (r) => r.buyer);
  const seller = Float64Array.from(sides, (r) => r.seller);
  const reorderBaseline = median((i) => reorder(buyer, seller, weight(i)), repeats * 2);
  const cases = [
    ["plain JS: score + rank (baseline)", baseline, baseline],
    ["score(backlog, options)", median((i) => api.score(backlog, { buyerWeight: weight(i) }), repeats), baseline],
    ["new Prioritiser + order()", median((i) => { const p = new api.Prioritiser(backlog); p.order({ buyerWeight: weight(i) }); p.free(); }, repeats), baseline],
    ["new Prioritiser + rank()", median((i) => { const p = new api.Prioritiser(backlog); p.rank({ buyerWeight: weight(i) }); p.free(); }, repeats), baseline],
    ["plain JS: re-weigh + sort (slider baseline)", reorderBaseline, reorderBaseline],
    // order() scores every initiative from its estimates on each call (no
    // cache), then ranks: the same work as the plain-JS baseline, once the
    // backlog is loaded. Compared with both baselines.
    ["Prioritiser.order(): score + rank (vs plain JS score + rank)", median((i) => prioritiser.order({ buyerWeight: weight(i) }), repeats * 2), baseline],
    ["Prioritiser.order() (vs plain JS re-weigh + sort)", median((i) => prioritiser.order({ buyerWeight: weight(i) }), repeats * 2), reorderBaseline],
    ["Prioritiser.rank() (full results)", median((i) => prioritiser.rank({ buyerWeight: weight(i) }), repeats), baseline],
  ];
  for (const [name, ms, against] of cases) {
    console.log(`| ${count} | ${name} | ${ms.toFixed(2)} | ${(ms / against).toFixed(2)} |`);
  }
  prioritiser.free();
}

// Peak memory at 100 000: the wasm linear memory after scoring (it only
// grows, so this is its peak) and the process's peak resident set.
const big = generatedBacklog(100_000);
const before = wasm.memory.buffer.byteLength;
api.score(big);
const p = new api.Prioritiser(big);
p.rank();
p.order();
const mb = (bytes) => (bytes / 2 ** 20).toFixed(1);
console.log(`\nwasm memory at 100000: ${mb(before)} MB before, ${mb(wasm.memory.buffer.byteLength)} MB after score + Prioritiser rank/order`);
console.log(`process peak RSS: ${mb(process.resourceUsage().maxRSS * 1024)} MB`);
