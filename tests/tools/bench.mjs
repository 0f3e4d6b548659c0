// Speed of the package on a 1,000-initiative backlog (the example repeated),
// with ratios against a plain JavaScript baseline measured in the same run.
// Usage: node tests/tools/bench.mjs [PKG_DIR]   (default pkg/)
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const pkgDir = resolve(process.argv[2] ?? new URL("../../pkg", import.meta.url).pathname);
const api = await import(pathToFileURL(`${pkgDir}/twosided.js`).href);
api.initSync({ module: readFileSync(`${pkgDir}/twosided_bg.wasm`) });

const example = api.exampleBacklog();
const copies = Math.ceil(1000 / example.initiatives.length);
const initiatives = [];
for (let copy = 0; copy < copies && initiatives.length < 1000; copy++) {
  for (const item of example.initiatives) {
    if (initiatives.length >= 1000) break;
    const suffix = copy === 0 ? "" : `-${copy}`;
    initiatives.push({
      ...item,
      id: item.id + suffix,
      dependencies: (item.dependencies ?? []).map((d) => d + suffix),
    });
  }
}
// Copies of a dependency may fall past 1,000: drop such links.
const ids = new Set(initiatives.map((i) => i.id));
for (const item of initiatives) item.dependencies = item.dependencies.filter((d) => ids.has(d));
const backlog = { ...example, initiatives };

function median(run, repeats) {
  const times = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run(i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const prioritiser = new api.Prioritiser(backlog);
const { scores } = prioritiser.order();
const buyer = prioritiser.rank().sort((a, b) => a.index - b.index).map((r) => r.buyer.value);
const seller = prioritiser.rank().sort((a, b) => a.index - b.index).map((r) => r.seller.value);

// Baseline: the same weighted sum and sort in plain JavaScript.
const baseline = median((i) => {
  const w = (i % 60) / 59;
  const s = buyer.map((b, k) => w * b + (1 - w) * seller[k]);
  Array.from(s.keys()).sort((a, b) => s[b] - s[a]);
}, 200);
const order = median((i) => prioritiser.order({ buyerWeight: (i % 60) / 59 }), 200);
const orderNash = median((i) => prioritiser.order({ strategy: "nash", buyerWeight: (i % 60) / 59 }), 200);
const rank = median((i) => prioritiser.rank({ buyerWeight: (i % 60) / 59 }), 30);
const score = median(() => api.score(backlog), 30);
const construct = median(() => new api.Prioritiser(backlog).free(), 30);

const line = (name, ms) =>
  console.log(`${name.padEnd(40)} ${ms.toFixed(3).padStart(9)} ms  ${(ms / baseline).toFixed(2).padStart(7)} x baseline`);
console.log(`${initiatives.length} initiatives, medians; ${scores.length} scores`);
line("baseline: plain JS weighted sum + sort", baseline);
line("Prioritiser.order (slider move)", order);
line("Prioritiser.order, Nash", orderNash);
line("Prioritiser.rank (full results)", rank);
line("score (backlog across + full results)", score);
line("new Prioritiser (load + validate)", construct);
