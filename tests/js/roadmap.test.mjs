// Roadmaps from JavaScript, imported as a user would (the "node" export).
import { test } from "node:test";
import assert from "node:assert/strict";
import { exampleBacklog, planRoadmap, compareRoadmaps } from "twosided";
import { thrown, assertTwosidedError } from "./errors.mjs";

const quarters = (capacity, count = 4) =>
  Array.from({ length: count }, (_, q) => ({ name: `2027-Q${q + 1}`, capacity }));

/** A backlog of initiatives worth `value` to buyers (RICE reach x impact 1). */
function small(items) {
  return {
    initiatives: items.map(([id, value, effort, kind = "customerFacing", dependencies = []]) => ({
      id,
      name: `Initiative ${id}`,
      kind,
      buyer: { reach: value, impact: 1, confidence: 1 },
      effort,
      dependencies,
    })),
  };
}
const buyersOnly = { scoring: { buyerWeight: 1 } };

test("planRoadmap plans the example backlog within every capacity, never worse than greedy", () => {
  const backlog = exampleBacklog();
  const roadmap = planRoadmap(backlog, { periods: quarters(8) });
  assert.equal(roadmap.plan.periods.length, 4);
  for (const period of roadmap.plan.periods) {
    assert.ok(period.used <= period.capacity + 1e-9, `${period.name} over capacity`);
    assert.ok(Math.abs(period.slack - (period.capacity - period.used)) < 1e-9);
  }
  assert.ok(roadmap.bound >= roadmap.value - 1e-9);
  if (roadmap.optimal) assert.equal(roadmap.status, "optimal");
  if (roadmap.greedy) assert.ok(roadmap.value >= roadmap.greedy.value - 1e-9);
  assert.equal(roadmap.plan.scheduled.length + roadmap.leftOut.length, backlog.initiatives.length);
  for (const left of roadmap.leftOut) {
    assert.match(left.reason, /^(excludedByPin|guardrail|notWorthIt|prerequisiteNotScheduled|noCapacity|teamCapacity|allocationCap|allocationMinimum|betterUseOfCapacity)$/);
    assert.ok(left.explanation.length > 10);
  }
  // Prerequisites come first.
  const period = new Map(roadmap.plan.scheduled.map((p) => [p.id, p.period]));
  for (const p of roadmap.plan.scheduled) {
    for (const d of p.dependencies) assert.ok(period.get(d) < p.period, `${p.id} after ${d}`);
  }
});

test("the exact plan beats greedy where the best ratio blocks the big win", () => {
  const roadmap = planRoadmap(small([["a", 11, 1], ["b", 90, 10]]), { ...buyersOnly, periods: [{ name: "Q1", capacity: 10 }] });
  assert.equal(roadmap.optimal, true);
  assert.equal(roadmap.value, 90);
  assert.equal(roadmap.greedy.value, 11);
  assert.equal(roadmap.gainOverGreedy, 79);
  assert.deepEqual(roadmap.leftOut.map((l) => [l.id, l.reason]), [["a", "noCapacity"]]);
});

test("pins, targets and cost of delay shape the plan", () => {
  const backlog = small([["a", 10, 2], ["b", 8, 2], ["p", 3, 2, "platform"]]);
  const roadmap = planRoadmap(backlog, {
    ...buyersOnly,
    periods: quarters(4, 2),
    pins: { fixed: [{ id: "b", period: "2027-Q1" }] },
    targets: [{ kind: "platform", min: 0.5 }],
    costOfDelay: {},
  });
  const where = Object.fromEntries(roadmap.plan.scheduled.map((p) => [p.id, p.periodName]));
  assert.equal(where.b, "2027-Q1");
  assert.equal(roadmap.plan.periods[0].valueWeight, 2);
  const platform = roadmap.plan.periods[0].allocation.find((a) => a.kind === "platform");
  assert.equal(platform.min, 0.5);
  assert.ok(platform.onTarget);
});

test("infeasible pins and bad options throw a TwosidedError with a path", () => {
  const backlog = small([["a", 10, 2, "customerFacing", ["b"]], ["b", 10, 2]]);
  assertTwosidedError(
    thrown(() => planRoadmap(backlog, { periods: quarters(4, 2), pins: { fixed: [{ id: "a", period: "2027-Q1" }] } })),
    "INFEASIBLE",
    "options.pins.fixed[0]",
  );
  assertTwosidedError(
    thrown(() => planRoadmap(backlog, { periods: [{ name: "Q1", capacity: "ten" }] })),
    "PARSE_ERROR",
    "options.periods[0].capacity",
  );
  assertTwosidedError(
    thrown(() => planRoadmap(backlog, { periods: [{ name: "Q1", capacity: NaN }] })),
    "PARSE_ERROR",
    "options.periods[0].capacity",
  );
  assertTwosidedError(thrown(() => planRoadmap(backlog, { periods: [] })), "INVALID_OPTION", "options.periods");
  assertTwosidedError(thrown(() => planRoadmap(backlog, { quarters: 4 })), "PARSE_ERROR", "options.quarters");
  assertTwosidedError(
    thrown(() => planRoadmap(backlog, { pins: { include: ["nope"] } })),
    "INVALID_OPTION",
    "options.pins.include[0]",
  );
});

test("a time budget that runs out gives the best plan with its gap, never called optimal", () => {
  const initiatives = Array.from({ length: 150 }, (_, k) => ({
    id: `i${k}`,
    name: `Initiative ${k}`,
    kind: ["customerFacing", "platform", "operational"][k % 3],
    buyer: { reach: 100 + ((k * 7919) % 997), impact: [3, 2, 1, 0.5][k % 4], confidence: 0.8 },
    seller: { reach: 50 + ((k * 104729) % 613), impact: 1, confidence: 0.5 },
    effort: [0.5, 1, 2, 3, 5, 8][k % 6],
  }));
  const roadmap = planRoadmap({ initiatives }, { periods: quarters(60), targets: [{ kind: "platform", min: 0.3 }], timeBudgetMs: 1 });
  assert.ok(roadmap.bound >= roadmap.value);
  if (!roadmap.optimal) {
    assert.equal(roadmap.status, "stoppedEarly");
    assert.ok(roadmap.gap >= 0);
  }
});

test("compareRoadmaps sets scenarios side by side", () => {
  const backlog = {
    initiatives: [
      { id: "checkout", name: "Faster checkout", buyer: { reach: 900, impact: 2, confidence: 1 }, effort: 3, targetMetric: "conversion", problemSpace: "checkout" },
      { id: "bulk", name: "Bulk listing", seller: { reach: 800, impact: 2, confidence: 1 }, effort: 3, targetMetric: "listings", problemSpace: "seller tools" },
    ],
  };
  const plan = (buyerWeight, capacity) => planRoadmap(backlog, { scoring: { buyerWeight }, periods: [{ name: "Q1", capacity }] });
  const comparison = compareRoadmaps([
    { name: "Buyers first", roadmap: plan(0.8, 3) },
    { name: "Sellers first", roadmap: plan(0.2, 3) },
    { name: "More capacity", roadmap: plan(0.5, 6) },
  ]);
  const [buyers, sellers, both] = comparison.scenarios;
  assert.deepEqual(buyers.metrics, ["conversion"]);
  assert.deepEqual(both.problemSpaces, ["checkout", "seller tools"]);
  assert.ok(buyers.buyerValue > sellers.buyerValue && sellers.sellerValue > buyers.sellerValue);
  assert.deepEqual(comparison.differences[0].added.map((m) => [m.id, m.fromPeriod, m.toPeriod]), [["bulk", null, "Q1"]]);
  assert.deepEqual(comparison.dominance, [
    { dominant: "More capacity", dominated: "Buyers first" },
    { dominant: "More capacity", dominated: "Sellers first" },
  ]);
  assertTwosidedError(thrown(() => compareRoadmaps([{ name: "one", roadmap: plan(0.5, 3) }])), "INVALID_OPTION", "scenarios");
  assertTwosidedError(thrown(() => compareRoadmaps([{ name: "x" }, { name: "y" }])), "PARSE_ERROR", "scenarios[0]");
});

test("MoSCoW labels pin must-haves in and leave won't-haves out only when asked", () => {
  // One period of 10: "big" alone is best (90); "small" (11 for 1) is a must, "fancy" (30 for 3) a won't.
  const backlog = small([["small", 11, 1], ["fancy", 30, 3], ["big", 90, 10]]);
  backlog.initiatives[0].moscow = "must";
  backlog.initiatives[1].moscow = "wont";
  const periods = [{ name: "Q1", capacity: 10 }];
  const ids = (roadmap) => roadmap.plan.scheduled.map((p) => p.id).sort();
  assert.deepEqual(ids(planRoadmap(backlog, { ...buyersOnly, periods })), ["big"]);
  assert.deepEqual(ids(planRoadmap(backlog, { ...buyersOnly, periods, mustAsPins: true })), ["fancy", "small"]);
  const both = planRoadmap(backlog, { ...buyersOnly, periods, mustAsPins: true, wontAsExclusions: true });
  assert.deepEqual(ids(both), ["small"]);
  assert.equal(both.leftOut.find((l) => l.id === "fancy").reason, "excludedByPin");
  // A label against an explicit pin is a conflict naming both.
  const error = thrown(() => planRoadmap(backlog, { ...buyersOnly, periods, mustAsPins: true, pins: { exclude: ["small"] } }));
  assertTwosidedError(error, "INFEASIBLE", "options.pins.exclude[0]");
  assert.match(error.message, /"small".*Must.*mustAsPins/);
  const wont = thrown(() => planRoadmap(backlog, { ...buyersOnly, periods, wontAsExclusions: true, pins: { include: ["fancy"] } }));
  assertTwosidedError(wont, "INFEASIBLE", "options.pins.include[0]");
  assertTwosidedError(thrown(() => planRoadmap(backlog, { periods, mustAsPins: "yes" })), "PARSE_ERROR", "options.mustAsPins");
});
