// The core API of the built package, imported as a user would: by its name,
// through pkg/package.json (tests/node_modules/twosided links to pkg/), so
// Node picks the "node" export, which needs no init().
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, existsSync, readdirSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import {
  exampleBacklog,
  validate,
  score,
  defaultOptions,
  Prioritiser,
} from "twosided";
import { thrown, assertTwosidedError } from "./errors.mjs";

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const fixture = JSON.parse(readFileSync(here("../fixtures/example-scores.json"), "utf8"));
const pkgDir = here("../../pkg/");

/**
 * Nash balancing raises values to a power: `powf` comes from the system's
 * libm natively and from Rust's own in WebAssembly, and the two may differ in
 * the last bit. Such scores are compared to 1e-12 relative; everything else,
 * the order included, must be identical.
 */
const POW_TOLERANCE = 1e-12;

function assertScoresMatch(actual, expected, label, options) {
  if (options.strategy !== "nash") {
    assert.deepEqual(actual, expected, label);
    return;
  }
  const withoutScore = (rows) => rows.map(({ score, ...rest }) => rest);
  assert.deepEqual(withoutScore(actual), withoutScore(expected), label);
  actual.forEach((row, i) => {
    const want = expected[i].score;
    assert.ok(Math.abs(row.score - want) <= POW_TOLERANCE * Math.abs(want), `${label}: ${row.id} ${row.score} vs ${want}`);
  });
}

/** A small valid backlog written by hand. */
function smallBacklog() {
  return {
    initiatives: [
      {
        id: "a",
        name: "Search filters",
        effort: 2,
        buyer: { reach: 1000, impact: 2, confidence: 0.8 },
        seller: { reach: 100, impact: 0.5, confidence: 0.5 },
      },
      {
        id: "b",
        name: "Faster payouts",
        effort: 1,
        buyer: { reach: 0, impact: 0, confidence: 1 },
        seller: { reach: 400, impact: 1, confidence: 1 },
      },
    ],
  };
}

test("exampleBacklog is a plain, valid, JSON-safe object", () => {
  const backlog = exampleBacklog();
  assert.equal(Object.getPrototypeOf(backlog), Object.prototype, "a plain object, not a Map");
  assert.ok(backlog.initiatives.length >= 30, `${backlog.initiatives.length} initiatives`);
  assert.deepEqual(JSON.parse(JSON.stringify(backlog)), backlog);
  assert.deepEqual(validate(backlog), []);
});

test("score by hand: RICE per side, weighted sum, ranked best first", () => {
  // a: buyers 1000 x 2 x 0.8 / 2 = 800, sellers 100 x 0.5 x 0.5 / 2 = 12.5
  // b: buyers 0, sellers 400 x 1 x 1 / 1 = 400
  const ranked = score(smallBacklog());
  assert.deepEqual(ranked.map((r) => r.id), ["a", "b"]);
  assert.equal(ranked[0].buyer.value, 800);
  assert.equal(ranked[0].seller.value, 12.5);
  assert.equal(ranked[0].score, 0.5 * 800 + 0.5 * 12.5);
  assert.equal(ranked[1].score, 200);
  assert.deepEqual(ranked.map((r) => r.rank), [1, 2]);
  assert.equal(ranked[0].kind, "customerFacing");
  assert.equal(ranked[0].index, 0);
  assert.equal(typeof ranked[0].explanation.sentence, "string");
  assert.ok(ranked[0].explanation.terms.every((t) => typeof t.name === "string" && Number.isFinite(t.value)));
  assert.deepEqual(ranked[0].pareto, { onFrontier: true, dominatedBy: [] });

  // Sellers only: b first. A partial options object keeps the other defaults.
  const sellersFirst = score(smallBacklog(), { buyerWeight: 0 });
  assert.deepEqual(sellersFirst.map((r) => r.id), ["b", "a"]);
  assert.equal(sellersFirst[0].score, 400);
});

test("options left out, undefined or null all mean the defaults", () => {
  const expected = score(smallBacklog(), defaultOptions());
  assert.deepEqual(score(smallBacklog()), expected);
  assert.deepEqual(score(smallBacklog(), undefined), expected);
  assert.deepEqual(score(smallBacklog(), null), expected);
  assert.deepEqual(score(smallBacklog(), {}), expected);
});

test("a field set to undefined or null counts as not set", () => {
  const backlog = smallBacklog();
  backlog.initiatives[0].description = undefined;
  backlog.footing = null;
  assert.deepEqual(score(backlog), score(smallBacklog()));
});

test("defaultOptions are the canonical ones", () => {
  assert.deepEqual(defaultOptions(), fixture.cases[0].options);
  const options = defaultOptions();
  assert.equal(options.framework, "rice");
  assert.equal(options.strategy, "weightedSum");
  assert.equal(options.buyerWeight, 0.5);
});

test("validate lists every problem with code, path and message", () => {
  const backlog = smallBacklog();
  backlog.initiatives[0].effort = 0;
  backlog.initiatives[1].dependencies = ["missing"];
  const problems = validate(backlog);
  assert.ok(problems.length >= 2, JSON.stringify(problems));
  const byPath = Object.fromEntries(problems.map((p) => [p.path, p]));
  assert.equal(byPath["initiatives[0].effort"].code, "INVALID_EFFORT");
  assert.equal(byPath["initiatives[1].dependencies[0]"].code, "UNKNOWN_DEPENDENCY");
  for (const problem of problems) {
    assert.deepEqual(Object.keys(problem).sort(), ["code", "message", "path"]);
    assert.ok(problem.message.length > 10);
  }
});

test("the example scored in WebAssembly matches the native core exactly", () => {
  const backlog = exampleBacklog();
  for (const { name, options, results } of fixture.cases) {
    const ranked = score(backlog, options);
    if (name === "default") {
      // Every field, explanations included.
      assert.deepEqual(ranked, results, name);
      continue;
    }
    const compact = ranked.map((r) => ({
      id: r.id,
      index: r.index,
      rank: r.rank,
      score: r.score,
      buyer: r.buyer.value,
      seller: r.seller.value,
      guardrailViolated: r.guardrailViolated,
      onFrontier: r.pareto.onFrontier,
    }));
    assertScoresMatch(compact, results, name, options);
  }
});

test("Prioritiser.rank and order agree with score for every fixture case", () => {
  const backlog = exampleBacklog();
  const prioritiser = new Prioritiser(backlog);
  try {
    for (const { name, options, results } of fixture.cases) {
      const pick = (r) => ({ id: r.id, score: r.score, rank: r.rank });
      assertScoresMatch(prioritiser.rank(options).map(pick), results.map(pick), name, options);

      const { order, scores } = prioritiser.order(options);
      assert.ok(order instanceof Uint32Array, name);
      assert.ok(scores instanceof Float64Array, name);
      assert.equal(scores.length, backlog.initiatives.length, name);
      const ranks = results.filter((r) => r.rank !== null);
      assert.deepEqual(Array.from(order), ranks.map((r) => r.index), name);
      const byIndex = results.map((r) => ({ id: r.id, score: scores[r.index] }));
      assertScoresMatch(byIndex, results.map((r) => ({ id: r.id, score: r.score })), name, options);
    }
  } finally {
    prioritiser.free();
  }
});

test("Prioritiser.setSegmentWeight re-ranks as a backlog with that weight would", () => {
  const backlog = exampleBacklog();
  const segment = backlog.segments.seller[0];
  const prioritiser = new Prioritiser(backlog);
  const before = prioritiser.rank();

  prioritiser.setSegmentWeight("seller", segment.id, 20);
  const changed = structuredClone(backlog);
  changed.segments.seller[0].weight = 20;
  const after = prioritiser.rank();
  assert.deepEqual(after, score(changed));
  assert.notDeepEqual(after.map((r) => r.id), before.map((r) => r.id));
  assert.equal(prioritiser.backlog().segments.seller[0].weight, 20);
  // The caller's object is untouched: the prioritiser keeps its own copy.
  assert.equal(backlog.segments.seller[0].weight, segment.weight);

  assertTwosidedError(thrown(() => prioritiser.setSegmentWeight("buyers", segment.id, 1)), "INVALID_OPTION", "side");
  assertTwosidedError(thrown(() => prioritiser.setSegmentWeight("seller", "nobody", 1)), "INVALID_OPTION", "segment");
  assertTwosidedError(thrown(() => prioritiser.setSegmentWeight("seller", segment.id, -1)), "INVALID_OPTION", "weight");
  assertTwosidedError(thrown(() => prioritiser.setSegmentWeight("seller", segment.id, NaN)), "INVALID_OPTION", "weight");
  prioritiser.free();
});

test("an invalid backlog throws VALIDATION_FAILED with every problem", () => {
  const backlog = smallBacklog();
  backlog.initiatives[0].effort = -1;
  backlog.initiatives[1].id = "a";
  for (const run of [() => score(backlog), () => new Prioritiser(backlog)]) {
    const error = thrown(run);
    assertTwosidedError(error, "VALIDATION_FAILED", error.problems[0].path);
    assert.deepEqual(error.problems, validate(backlog));
    const codes = error.problems.map((p) => p.code);
    assert.ok(codes.includes("INVALID_EFFORT") && codes.includes("DUPLICATE_ID"), codes.join());
  }
  assertTwosidedError(thrown(() => score({ initiatives: [] })), "VALIDATION_FAILED", "initiatives");
});

test("a value of the wrong shape throws PARSE_ERROR at the field", () => {
  const cases = [
    [{ initiatives: [{ id: "a", name: "A", effort: "two" }] }, "initiatives[0].effort", /expected a number/],
    [{ initiatives: [{ id: "a", name: "A", effort: 1, reahc: 1 }] }, "initiatives[0].reahc", /unknown field "reahc"/],
    [{ ...smallBacklog(), extra: true }, "extra", /unknown field "extra"/],
    [{ initiatives: [{ id: "a", effort: 1 }] }, "initiatives[0]", /missing field "name"/],
    [{ initiatives: [{ id: "a", name: "A", effort: { likely: NaN } }] }, "initiatives[0].effort.likely", /finite/],
    [{ initiatives: [{ id: "a", name: "A", effort: Infinity }] }, "initiatives[0].effort", /finite/],
    [{ initiatives: [{ id: "a", name: "A", effort: 1, kind: "secret" }] }, "initiatives[0].kind", /unknown variant "secret"/],
    [{ ...smallBacklog(), footing: { kind: "unitValue", buyer: 1 } }, "footing", /missing field "seller"/],
    ["a backlog", "", /expected an object/],
    [42, "", /expected an object/],
  ];
  for (const [backlog, path, message] of cases) {
    for (const run of [() => validate(backlog), () => score(backlog), () => new Prioritiser(backlog)]) {
      const error = thrown(run);
      assertTwosidedError(error, "PARSE_ERROR", path);
      assert.match(error.message, message);
      assert.deepEqual(error.problems, []);
    }
  }
});

test("a backlog that refers to itself is refused, not a crash", () => {
  const backlog = smallBacklog();
  backlog.initiatives[0].buyer.segments = [backlog];
  assertTwosidedError(thrown(() => score(backlog)), "PARSE_ERROR", "");
  // The instance is still healthy afterwards.
  assert.equal(score(smallBacklog()).length, 2);
});

test("bad options throw INVALID_OPTION or PARSE_ERROR at options.*", () => {
  const backlog = smallBacklog();
  assertTwosidedError(thrown(() => score(backlog, { buyerWeight: 2 })), "INVALID_OPTION", "options.buyerWeight");
  assertTwosidedError(thrown(() => score(backlog, { buyerWeight: NaN })), "PARSE_ERROR", "options.buyerWeight");
  assertTwosidedError(thrown(() => score(backlog, { strategy: "fair" })), "PARSE_ERROR", "options.strategy");
  assertTwosidedError(thrown(() => score(backlog, { bueyrWeight: 1 })), "PARSE_ERROR", "options.bueyrWeight");
  assertTwosidedError(thrown(() => score(backlog, { guardrail: { delta: -1 } })), "INVALID_OPTION", "options.guardrail.delta");
  const prioritiser = new Prioritiser(backlog);
  assertTwosidedError(thrown(() => prioritiser.order({ buyerWeight: -0.1 })), "INVALID_OPTION", "options.buyerWeight");
  assertTwosidedError(thrown(() => prioritiser.rank({ framework: "moscow" })), "PARSE_ERROR", "options.framework");
  // A failed call leaves the handle usable.
  assert.equal(prioritiser.order().order.length, 2);
  prioritiser.free();
});

test("importing the package by name in a fresh Node needs no init", () => {
  const script =
    "import { score, exampleBacklog } from 'twosided';" +
    "const ranked = score(exampleBacklog());" +
    "console.log(JSON.stringify([ranked.length, ranked[0].rank]));";
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    cwd: here(".."),
    encoding: "utf8",
  });
  assert.equal(run.status, 0, run.stderr);
  const [count, firstRank] = JSON.parse(run.stdout);
  assert.equal(count, exampleBacklog().initiatives.length);
  assert.equal(firstRank, 1);
});

test("the web entry works with init() given the bytes", () => {
  const script =
    "import { readFileSync } from 'node:fs';" +
    "import init, { score, exampleBacklog } from './twosided.js';" +
    "await init({ module_or_path: readFileSync(new URL('./twosided_bg.wasm', import.meta.url)) });" +
    "console.log(score(exampleBacklog()).length);";
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: pkgDir, encoding: "utf8" });
  // `-e` resolves relative imports against the working directory.
  assert.equal(run.status, 0, run.stderr);
  assert.equal(Number(run.stdout.trim()), exampleBacklog().initiatives.length);
});

test("package.json describes an ES module with node, types and default entries", () => {
  const pkg = JSON.parse(readFileSync(`${pkgDir}package.json`, "utf8"));
  assert.equal(pkg.name, "twosided");
  assert.match(pkg.version, /^\d+\.\d+\.\d+/);
  assert.equal(pkg.license, "MIT");
  assert.equal(pkg.type, "module");
  assert.equal(pkg.sideEffects, false);
  assert.ok(pkg.description.length > 20);
  assert.deepEqual(Object.keys(pkg.exports["."]), ["types", "node", "default"], "types first, default last");
  assert.equal(pkg.exports["."].node, "./node.js");
  assert.equal(pkg.exports["."].default, "./twosided.js");
  assert.equal(pkg.types, "./twosided.d.ts");
  // Every listed file exists, and every file is listed: nothing stale.
  const onDisk = readdirSync(pkgDir).filter((f) => f !== "package.json").sort();
  assert.deepEqual([...pkg.files].sort(), onDisk);
  assert.ok(!existsSync(`${pkgDir}.gitignore`), "no .gitignore hiding pkg/ from git");
});

test("the TypeScript declarations have no any", () => {
  for (const file of ["twosided.d.ts", "twosided_bg.wasm.d.ts"]) {
    const text = readFileSync(`${pkgDir}${file}`, "utf8");
    const anys = text.split("\n").filter((line) => /(:|<|\||,|\()\s*any\b/.test(line));
    assert.deepEqual(anys, [], file);
  }
  const types = readFileSync(`${pkgDir}twosided.d.ts`, "utf8");
  for (const declaration of [
    "export function score(backlog: Backlog, options?: ScoreOptionsInput): ScoredInitiative[];",
    "export function validate(backlog: Backlog): Problem[];",
    "export function exampleBacklog(): Backlog;",
    "export function defaultOptions(): ScoreOptions;",
    "order(options?: ScoreOptionsInput): Order;",
    "setSegmentWeight(side: Side, segment: string, weight: number): void;",
  ]) {
    assert.ok(types.includes(declaration), declaration);
  }
  assert.match(types, /@example/);
});
