// Hostile input to every exported function of the built package: NaN,
// Infinity, huge strings, deep nesting, cyclic objects, wrong types. Each
// call either returns or throws a TwosidedError with a short message; none
// traps the WebAssembly instance (a RuntimeError), and the module gives the
// same results afterwards as before.
//
// And what happens if a bug ever did trap: the caller gets a RuntimeError
// and recovers with a new instance of the module.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as api from "twosided";

const pkgDir = fileURLToPath(new URL("../../pkg/", import.meta.url));

/** Longest error message allowed: errors quote input, never all of it. */
const MAX_MESSAGE = 2_000;

const example = api.exampleBacklog();
const healthy = JSON.stringify(api.score(example));

function cyclic() {
  const backlog = { initiatives: [] };
  backlog.initiatives.push(backlog);
  return backlog;
}

function nested(depth, make) {
  let value = 1;
  for (let i = 0; i < depth; i++) value = make(value);
  return value;
}

/** Values no function expects, by name. Built lazily: some are large. */
const HOSTILE = {
  NaN: () => NaN,
  Infinity: () => Infinity,
  "-Infinity": () => -Infinity,
  "-0": () => -0,
  undefined: () => undefined,
  null: () => null,
  true: () => true,
  "a huge number": () => 1e308,
  "an empty string": () => "",
  "a 20 MB string": () => "x".repeat(20_000_000),
  "a symbol": () => Symbol("hostile"),
  "a BigInt": () => 10n ** 30n,
  "a function": () => () => 1,
  "an empty array": () => [],
  "an empty object": () => ({}),
  "a cyclic object": cyclic,
  "objects nested 100 000 deep": () => nested(100_000, (v) => ({ initiatives: v })),
  "arrays nested 100 000 deep": () => nested(100_000, (v) => [v]),
  "a Map": () => new Map([["initiatives", []]]),
  "a Date": () => new Date(0),
  "a typed array": () => new Float64Array(8),
  "a Proxy that throws": () =>
    new Proxy({}, { get() { throw new Error("hostile getter"); }, ownKeys() { throw new Error("hostile keys"); } }),
  "an object with 100 000 keys": () => Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i])),
  "a key of 1 MB": () => ({ initiatives: [], ["k".repeat(1_000_000)]: 1 }),
  "a prototype-polluting object": () => JSON.parse('{"__proto__": {"polluted": 1}, "initiatives": []}'),
};

/**
 * Calls `run`, which must return or throw a TwosidedError (or re-throw the
 * caller's own error from a hostile getter); never a RuntimeError.
 */
function assertSafe(label, run) {
  let result;
  try {
    result = run();
  } catch (error) {
    assert.ok(!(error instanceof WebAssembly.RuntimeError), `${label}: the module trapped: ${error}`);
    assert.ok(error instanceof Error, `${label}: threw a non-Error ${String(error)}`);
    if (/^hostile/.test(error.message)) return { error };
    // The glue converts a number argument with JavaScript's own rules before
    // calling in: a BigInt or a Symbol fails there, as in any JS function,
    // and so does an array nested 100 000 deep (Number() recurses into it).
    if (error instanceof TypeError && /Cannot convert/.test(error.message)) return { error };
    if (label.includes("setSegmentWeight(buyer, s, x)") && error instanceof RangeError) return { error };
    assert.equal(error.name, "TwosidedError", `${label}: ${error.name}: ${error.message}`);
    assert.equal(typeof error.code, "string", label);
    assert.equal(typeof error.path, "string", label);
    assert.ok(Array.isArray(error.problems), label);
    assert.ok(error.message.length <= MAX_MESSAGE, `${label}: a message of ${error.message.length} characters`);
    assert.ok(error.path.length <= MAX_MESSAGE, `${label}: a path of ${error.path.length} characters`);
    return { error };
  }
  return { result };
}

/** Every exported entry point, called with one hostile argument in each position. */
const prioritiser = new api.Prioritiser(example);
const CALLS = {
  "exampleBacklog(x)": (x) => api.exampleBacklog(x),
  "defaultOptions(x)": (x) => api.defaultOptions(x),
  "formulaNames(x)": (x) => api.formulaNames(x),
  "builtInTemplates(x)": (x) => api.builtInTemplates(x),
  "validate(x)": (x) => api.validate(x),
  "score(x)": (x) => api.score(x),
  "score(backlog, x)": (x) => api.score(example, x),
  "new Prioritiser(x)": (x) => new api.Prioritiser(x).free(),
  "prioritiser.rank(x)": (x) => prioritiser.rank(x),
  "prioritiser.order(x)": (x) => prioritiser.order(x),
  "prioritiser.setSegmentWeight(x, s, 1)": (x) => prioritiser.setSegmentWeight(x, "new", 1),
  "prioritiser.setSegmentWeight(buyer, x, 1)": (x) => prioritiser.setSegmentWeight("buyer", x, 1),
  "prioritiser.setSegmentWeight(buyer, s, x)": (x) => prioritiser.setSegmentWeight("buyer", "x", x),
  "compileFormula(x)": (x) => api.compileFormula(x),
  "compileFormula(text, x)": (x) => api.compileFormula("value / effort", x),
  "compileFormula(text, [], x)": (x) => api.compileFormula("value / effort", [], x),
  "checkTemplate(x)": (x) => api.checkTemplate(x),
  "labelPins(x)": (x) => api.labelPins(x),
  "labelPins(backlog, x)": (x) => api.labelPins(example, x),
};

for (const [call, run] of Object.entries(CALLS)) {
  test(`${call} survives every hostile value`, () => {
    for (const [name, make] of Object.entries(HOSTILE)) {
      assertSafe(`${call} with ${name}`, () => run(make()));
    }
    assert.equal(JSON.stringify(api.score(example)), healthy, `${call}: results unchanged afterwards`);
    assert.equal(Object.prototype.polluted, undefined, "no prototype pollution");
  });
}

test("a wrong type where text belongs is a PARSE_ERROR, not a trap", () => {
  for (const value of [42, {}, [], null, true]) {
    const { error } = assertSafe(`compileFormula(${String(value)})`, () => api.compileFormula(value));
    assert.equal(error?.code, "PARSE_ERROR");
    assert.equal(error.path, "text");
  }
  const { error } = assertSafe("setSegmentWeight(1, 2, 3)", () => prioritiser.setSegmentWeight(1, 2, 3));
  assert.equal(error?.code, "PARSE_ERROR");
  assert.equal(error.path, "side");
});

test("every number field of a backlog rejects NaN and Infinity with its path", () => {
  const paths = [
    ["effort"], ["buyer", "reach"], ["buyer", "impact"], ["buyer", "confidence"],
    ["seller", "reach"], ["seller", "impact"], ["seller", "confidence"],
  ];
  for (const bad of [NaN, Infinity, -Infinity]) {
    for (const path of paths) {
      const backlog = structuredClone(example);
      const item = backlog.initiatives.find((i) => i.buyer && i.seller && typeof i.buyer.reach === "number");
      let target = item;
      for (const key of path.slice(0, -1)) target = target[key];
      target[path.at(-1)] = bad;
      const index = backlog.initiatives.indexOf(item);
      for (const call of [() => api.validate(backlog), () => api.score(backlog), () => new api.Prioritiser(backlog)]) {
        const { error } = assertSafe(path.join("."), call);
        assert.equal(error?.code, "PARSE_ERROR", `${path.join(".")} = ${bad}`);
        assert.equal(error.path, `initiatives[${index}].${path.join(".")}`);
      }
    }
  }
  for (const [option, bad] of [["buyerWeight", NaN], ["buyerWeight", Infinity], ["guardrail", { delta: NaN }]]) {
    const { error } = assertSafe(option, () => api.score(example, { [option]: bad }));
    assert.ok(["PARSE_ERROR", "INVALID_OPTION"].includes(error?.code), `${option}: ${error?.code}`);
    assert.match(error.path, /^options\./);
  }
});

test("huge strings in every text field are validation problems, not slow or fatal", () => {
  const huge = "<script>alert(1)</script>".repeat(400_000); // 10 MB
  const fields = ["name", "description", "problemSpace", "journeyStage", "targetMetric", "hypothesis", "successCriterion"];
  const backlog = structuredClone(example);
  for (const field of fields) backlog.initiatives[0][field] = huge;
  backlog.initiatives[0].tags = [huge];
  backlog.sideNames = { buyer: huge, seller: huge };
  const problems = api.validate(backlog);
  const paths = problems.map((p) => p.path);
  for (const field of fields) assert.ok(paths.includes(`initiatives[0].${field}`), field);
  assert.ok(paths.includes("initiatives[0].tags[0]"));
  assert.ok(paths.includes("sideNames.buyer") || paths.some((p) => p.startsWith("sideNames")));
  for (const problem of problems) assert.ok(problem.message.length < MAX_MESSAGE, problem.path);
  const { error } = assertSafe("score", () => api.score(backlog));
  assert.equal(error?.code, "VALIDATION_FAILED");
  const formula = api.compileFormula(huge);
  assert.equal(formula.ok, false);
  assert.equal(formula.errors[0].code, "TOO_LONG");
});

test("a backlog over the initiative limit is refused with LIMIT or SIZE, not worked through", () => {
  const one = example.initiatives[0];
  const initiatives = Array.from({ length: 100_001 }, (_, i) => ({ ...one, id: `i${i}`, dependencies: [] }));
  const problems = api.validate({ ...example, initiatives });
  assert.deepEqual(problems.map((p) => [p.code, p.path]), [["INVALID_SIZE", "initiatives"]]);
  const { error } = assertSafe("new Prioritiser", () => new api.Prioritiser({ ...example, initiatives }));
  assert.equal(error?.code, "VALIDATION_FAILED");
});

test("a freed Prioritiser throws a clear error, and others keep working", () => {
  const p = new api.Prioritiser(example);
  p.free();
  assert.throws(() => p.order(), (error) => !(error instanceof WebAssembly.RuntimeError) && /null pointer/.test(error.message));
  assert.equal(prioritiser.order().order.length, example.initiatives.length);
});

/** A separate instance of the module: its own memory, its own state. */
async function freshInstance(tag) {
  const module = await import(`${pathToFileURL(`${pkgDir}twosided.js`).href}?instance=${tag}`);
  const exports = module.initSync({ module: readFileSync(`${pkgDir}twosided_bg.wasm`) });
  return { module, exports };
}

test("a trap surfaces as a RuntimeError; a new instance recovers", async () => {
  // Input never reaches a panic, so the test forces a trap the way a bug
  // would end: an allocation that cannot be met aborts, which in a release
  // build (panic = "abort") is the WebAssembly `unreachable` instruction.
  const broken = await freshInstance("broken");
  const prioritiserBefore = new broken.module.Prioritiser(example);
  assert.throws(
    () => broken.exports.__wbindgen_malloc(0xffff_fff0, 8),
    (error) => error instanceof WebAssembly.RuntimeError && /unreachable/.test(error.message),
  );
  // The caller's recovery: drop the instance and load a new one, which gives
  // exactly the results of an untouched one.
  const fresh = await freshInstance("fresh");
  assert.equal(JSON.stringify(fresh.module.score(example)), healthy);
  assert.equal(fresh.module.exampleBacklog().initiatives.length, example.initiatives.length);
  // The default instance was never involved.
  assert.equal(JSON.stringify(api.score(example)), healthy);
  void prioritiserBefore;
});
