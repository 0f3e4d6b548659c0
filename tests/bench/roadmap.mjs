// Benchmark of planRoadmap in WebAssembly under Node: the same synthetic
// backlogs as the native benchmark (tests/bench/roadmap.rs, same generator
// and seeds), timed against score() on the same backlog in the same run.
// Run by hand after `make pkg`: node tests/bench/roadmap.mjs
import { planRoadmap, score, exampleBacklog } from "../../pkg/node.js";

const MASK = (1n << 64n) - 1n;
class Generator {
  constructor(seed) {
    this.state = BigInt(Math.max(1, seed));
  }
  next() {
    let x = this.state;
    x ^= (x << 13n) & MASK;
    x ^= x >> 7n;
    x ^= (x << 17n) & MASK;
    this.state = x;
    return x;
  }
  below(n) {
    return Number(this.next() % BigInt(n));
  }
  pick(items) {
    return items[this.below(items.length)];
  }
}

function syntheticBacklog(n, seed) {
  const g = new Generator(seed);
  const initiatives = [];
  for (let k = 0; k < n; k++) {
    const roll = g.below(20);
    const kind = roll <= 11 ? "customerFacing" : roll <= 16 ? "platform" : "operational";
    const side = () => ({ reach: 50 + g.below(5000), impact: g.pick([3, 2, 1, 0.5, 0.25]), confidence: g.pick([1, 0.8, 0.5]) });
    const buyer = side();
    const seller = side();
    const dependencies = k > 0 && g.below(10) === 0 ? [`i${g.below(k)}`] : [];
    const problemSpace = `space ${g.below(6)}`;
    const hasSeller = g.below(3) !== 0;
    const effort = g.pick([0.5, 1, 2, 3, 5, 8]);
    initiatives.push({ id: `i${k}`, name: `Initiative ${k}`, kind, problemSpace, buyer, ...(hasSeller ? { seller } : {}), effort, dependencies });
  }
  return { initiatives };
}

function benchOptions(backlog, timeBudgetMs) {
  const total = backlog.initiatives.reduce((sum, i) => sum + (typeof i.effort === "number" ? i.effort : i.effort.likely), 0);
  const perPeriod = Math.max(1, Math.round(total / 8));
  return {
    periods: [1, 2, 3, 4].map((q) => ({ name: `2027-Q${q}`, capacity: perPeriod })),
    targets: [{ kind: "platform", min: 0.2 }, { kind: "operational", max: 0.15 }],
    timeBudgetMs,
    nodeBudget: 100_000_000,
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
// BUDGET_MS (default 10000) and TARGETS=0 (no allocation targets) choose the run.
const budget = Number(process.env.BUDGET_MS ?? 10000);
const withTargets = process.env.TARGETS !== "0";
console.log(`budget ${budget} ms, allocation targets: ${withTargets}`);
console.log("| initiatives | plan ms (median of 5 seeds) | worst ms | optimal | max gap | score ms | plan / score |");
console.log("|---|---|---|---|---|---|---|");
for (const n of [50, 100, 200, 300]) {
  const times = [];
  const baseline = [];
  let optimal = 0;
  let worstGap = 0;
  for (let seed = 1; seed <= 5; seed++) {
    const backlog = syntheticBacklog(n, seed * 7919 + n);
    const options = benchOptions(backlog, budget);
    if (!withTargets) options.targets = [];
    let t0 = performance.now();
    score(backlog);
    baseline.push(performance.now() - t0);
    t0 = performance.now();
    const roadmap = planRoadmap(backlog, options);
    times.push(performance.now() - t0);
    if (roadmap.optimal) optimal++;
    worstGap = Math.max(worstGap, roadmap.relativeGap);
  }
  const plan = median(times);
  const base = median(baseline);
  console.log(`| ${n} | ${plan.toFixed(1)} | ${Math.max(...times).toFixed(1)} | ${optimal}/5 | ${(worstGap * 100).toFixed(3)}% | ${base.toFixed(2)} | ${(plan / base).toFixed(0)}x |`);
}
const example = exampleBacklog();
const options = benchOptions(example, budget);
if (!withTargets) options.targets = [];
const roadmap = planRoadmap(example, options);
console.log(
  `example backlog (${example.initiatives.length} initiatives, 4 x ${options.periods[0].capacity} person-months): exact ${roadmap.value.toFixed(1)}, greedy ${roadmap.greedy?.value.toFixed(1)}, gain ${((roadmap.gainOverGreedyShare ?? NaN) * 100).toFixed(2)}% (optimal: ${roadmap.optimal})`,
);
