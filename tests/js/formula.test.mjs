// Custom formulas, templates and labels through the built package, imported
// by name as a user would.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  compileFormula,
  builtInTemplates,
  checkTemplate,
  labelPins,
  formulaNames,
  exampleBacklog,
  score,
} from "twosided";

test("compileFormula gives the canonical text and the names used", () => {
  const result = compileFormula("value/effort*(fit)", [
    { id: "fit", name: "Strategic fit", scale: { kind: "range", min: 1, max: 5 } },
  ]);
  assert.deepEqual(result, { ok: true, text: "value / effort * fit", names: ["value", "effort", "fit"] });
});

test("compileFormula reports every error with its position, without throwing", () => {
  const result = compileFormula("value / reach + nope");
  assert.equal(result.ok, false);
  assert.deepEqual(
    result.errors.map((e) => [e.code, e.start, e.length]),
    [["DIVISION_BY_ZERO", 8, 5], ["UNKNOWN_NAME", 16, 4]],
  );
  for (const e of result.errors) assert.match(e.message, /\w/);
  const syntax = compileFormula("(reach + 1");
  assert.deepEqual(syntax.errors.map((e) => [e.code, e.start, e.length]), [["SYNTAX", 0, 1]]);
});

test("positions are JavaScript string indices", () => {
  // "×" is one UTF-16 unit but two UTF-8 bytes.
  const text = "reach × 2";
  const [error] = compileFormula(text).errors;
  assert.equal(error.code, "UNEXPECTED_CHARACTER");
  assert.equal(text.slice(error.start, error.start + error.length), "×");
  const emoji = "value 😀";
  const [e2] = compileFormula(emoji).errors;
  assert.equal(emoji.slice(e2.start, e2.start + e2.length), "😀");
});

test("a misshapen criterion list throws a TwosidedError", () => {
  assert.throws(() => compileFormula("1", [{ id: "x" }]), (error) => {
    assert.equal(error.name, "TwosidedError");
    assert.equal(error.code, "PARSE_ERROR");
    assert.match(error.path, /^criteria\[0\]/);
    return true;
  });
});

test("a custom framework ranks like the built-in it copies", () => {
  const backlog = exampleBacklog();
  const rice = score(backlog, { framework: "rice" });
  const [, , , , asFormula] = builtInTemplates();
  assert.equal(asFormula.framework, "custom");
  const custom = score(backlog, { framework: "custom", formula: asFormula.formula });
  assert.deepEqual(custom.map((r) => r.id), rice.map((r) => r.id));
  assert.deepEqual(custom.map((r) => r.score), rice.map((r) => r.score));
  assert.match(custom[0].buyer.explanation.sentence, /formula .* = segments\(weight \* reach/);
});

test("a bad formula in options throws INVALID_OPTION at options.formula", () => {
  assert.throws(() => score(exampleBacklog(), { framework: "custom", formula: "value / 0" }), (error) => {
    assert.equal(error.name, "TwosidedError");
    assert.equal(error.code, "INVALID_OPTION");
    assert.equal(error.path, "options.formula");
    assert.match(error.message, /DIVISION_BY_ZERO/);
    return true;
  });
});

test("templates are plain JSON and checked on import", () => {
  const templates = builtInTemplates();
  assert.deepEqual(templates.map((t) => t.name), ["RICE", "ICE", "WSJF", "Scorecard", "RICE as a formula"]);
  const exported = JSON.stringify({ ...templates[4], name: "Ours", formula: "value / effort * 2" });
  assert.deepEqual(checkTemplate(JSON.parse(exported)), []);
  const broken = checkTemplate({ name: "", framework: "custom", formula: "value / nope" });
  assert.deepEqual(broken.map((p) => p.path), ["name", "formula"]);
  assert.throws(() => checkTemplate({ name: "x", framework: "custom", surprise: 1 }), { name: "TwosidedError" });
});

test("MoSCoW labels become pins only when asked", () => {
  const backlog = exampleBacklog();
  backlog.initiatives[0].moscow = "must";
  backlog.initiatives[1].moscow = "wont";
  backlog.initiatives[2].kano = "delighter";
  assert.deepEqual(labelPins(backlog), { mustInclude: [], exclude: [] });
  assert.deepEqual(labelPins(backlog, { mustAsPin: true, wontAsExclusion: true }), {
    mustInclude: [backlog.initiatives[0].id],
    exclude: [backlog.initiatives[1].id],
  });
  const ranked = score(backlog, { framework: "custom", formula: "value / effort * if(kano_delighter, 2, 1)" });
  assert.equal(ranked.length, backlog.initiatives.length);
  assert.throws(() => labelPins({ ...backlog, initiatives: [{ ...backlog.initiatives[0], moscow: "maybe" }] }), {
    code: "PARSE_ERROR",
  });
});

test("formulaNames lists the built-in names with their meaning", () => {
  const names = formulaNames();
  assert.ok(names.some((n) => n.name === "effort" && /person-months/.test(n.meaning)));
});
