// Post-launch reviews from JavaScript: reviewOutcomes and applyCorrections,
// imported by the package's name as a user would.
import { test } from "node:test";
import assert from "node:assert/strict";
import { exampleBacklog, reviewOutcomes, applyCorrections, score, validate } from "twosided";
import { thrown } from "./errors.mjs";

/** Two reviewed checkout initiatives and one new one. */
function smallBacklog() {
  const shipped = (id, effort, actualEffort, observed) => ({
    id,
    name: id,
    problemSpace: "checkout",
    targetMetric: "conversion",
    goal: { baseline: 3.1, target: 3.4, unit: "%" },
    status: "reviewed",
    outcome: { effort: actualEffort, observed, learning: `learned from ${id}` },
    buyer: { reach: 1000, impact: 1, confidence: 1 },
    effort,
  });
  return {
    initiatives: [
      shipped("saved-cards", 2, 3, 3.5),
      shipped("address-autocomplete", 1, 2, 3.2),
      shipped("guest-checkout", 4, 6, 3.4),
      {
        id: "one-click-reorder",
        name: "One-click reorder",
        problemSpace: "checkout",
        buyer: { reach: 800, impact: 1, confidence: 1 },
        effort: 2,
      },
    ],
  };
}

test("reviewOutcomes judges each launched initiative and computes the hit rate", () => {
  const review = reviewOutcomes(smallBacklog());
  assert.deepEqual(
    review.initiatives.map((r) => [r.id, r.verdict]),
    [
      ["saved-cards", "met"],
      ["address-autocomplete", "missed"],
      ["guest-checkout", "met"],
    ],
  );
  assert.equal(review.hitRate.met, 2);
  assert.equal(review.hitRate.missed, 1);
  assert.equal(review.hitRate.rate, 2 / 3);
  assert.equal(review.initiatives[0].learning, "learned from saved-cards");
  assert.deepEqual(review.initiatives[0].comparisons, [
    { field: "effort", estimated: 2, actual: 3, ratio: 1.5 },
  ]);
});

test("reviewOutcomes reports median ratio, quartiles and a correction", () => {
  const review = reviewOutcomes(smallBacklog());
  // Effort ratios 1.5, 2, 1.5: median 1.5, quartiles 1.5 and 1.75.
  const effort = review.overall[0];
  assert.equal(effort.field, "effort");
  assert.equal(effort.side, undefined);
  assert.equal(effort.medianRatio, 1.5);
  assert.equal(effort.lowerQuartile, 1.5);
  assert.equal(effort.upperQuartile, 1.75);
  assert.equal(effort.tendency, "estimatesLow");
  assert.equal(review.effortUnderestimated, true);
  // No buyer reach actuals: nothing to compare, a null median.
  assert.equal(review.overall[1].medianRatio, null);
  assert.equal(review.overall[1].tendency, "tooFewData");
  assert.equal(review.corrections[0].problemSpace, "checkout");
  assert.equal(review.corrections[0].factor, 1.5);
  assert.match(review.corrections[0].sentence, /^Effort estimates in checkout run 1.5 times low/);
});

test("too few reviews: no correction, and the notes say so", () => {
  const backlog = smallBacklog();
  backlog.initiatives.splice(2, 1);
  const review = reviewOutcomes(backlog);
  assert.deepEqual(review.corrections, []);
  assert.equal(review.effortUnderestimated, null);
  assert.match(review.notes[0], /needs at least 3 comparisons/);
  // A lower minimum is an explicit choice.
  assert.equal(reviewOutcomes(backlog, { minReviewed: 2 }).corrections.length, 1);
});

test("applyCorrections returns a corrected copy and explains every change", () => {
  const backlog = smallBacklog();
  const before = structuredClone(backlog);
  const corrected = applyCorrections(backlog);
  assert.deepEqual(backlog, before, "the input is not modified");
  assert.deepEqual(
    corrected.changes.map((c) => [c.path, c.from, c.to]),
    [["initiatives[3].effort", 2, 3]],
  );
  assert.match(corrected.changes[0].explanation, /^Correction applied: /);
  assert.equal(corrected.backlog.initiatives[3].effort, 3);
  assert.equal(corrected.backlog.initiatives[0].effort, 2, "reviewed ones keep their estimates");
  // 800 x 1 x 1 / 2 = 400 before, 800 / 3 after.
  const value = (ranked) => ranked.find((r) => r.id === "one-click-reorder").buyer.value;
  assert.equal(value(score(backlog, { buyerWeight: 1 })), 400);
  assert.ok(Math.abs(value(score(corrected.backlog, { buyerWeight: 1 })) - 800 / 3) < 1e-9);
});

test("applyCorrections takes corrections of one's own, and refuses bad ones with a path", () => {
  const own = applyCorrections(smallBacklog(), [{ field: "effort", factor: 2 }]);
  assert.equal(own.backlog.initiatives[3].effort, 4);
  const cases = [
    [[{ field: "impact", side: "buyer", factor: 2 }], "INVALID_OPTION", "corrections[0].field"],
    [[{ field: "effort", factor: 0 }], "INVALID_OPTION", "corrections[0].factor"],
    [[{ field: "reach", factor: 2 }], "INVALID_OPTION", "corrections[0].side"],
    [[{ field: "effort", factor: "2" }], "PARSE_ERROR", "corrections[0].factor"],
    [[{ field: "effort", factor: 2, colour: "red" }], "PARSE_ERROR", "corrections[0]"],
  ];
  for (const [corrections, code, path] of cases) {
    const error = thrown(() => applyCorrections(smallBacklog(), corrections));
    assert.equal(error.name, "TwosidedError");
    assert.equal(error.code, code, JSON.stringify(corrections));
    assert.ok(error.path.startsWith(path), `${error.path} starts with ${path}`);
  }
});

test("outcome fields are validated with codes and paths", () => {
  const backlog = smallBacklog();
  backlog.initiatives[3].outcome = { effort: 1 };
  backlog.initiatives[0].outcome.effort = -1;
  backlog.initiatives[1].goal = { baseline: 3, target: 3 };
  assert.deepEqual(
    validate(backlog).map((p) => [p.code, p.path]),
    [
      ["INVALID_EFFORT", "initiatives[0].outcome.effort"],
      ["INVALID_GOAL", "initiatives[1].goal.direction"],
      ["INVALID_OUTCOME", "initiatives[3].outcome"],
    ],
  );
  const error = thrown(() => reviewOutcomes(backlog));
  assert.equal(error.code, "VALIDATION_FAILED");
  assert.equal(error.problems.length, 3);
  const parse = thrown(() => validate({ initiatives: [{ ...smallBacklog().initiatives[0], status: "done" }] }));
  assert.equal(parse.code, "PARSE_ERROR");
  assert.equal(parse.path, "initiatives[0].status");
});

test("the example backlog has launched and reviewed initiatives to review", () => {
  const backlog = exampleBacklog();
  assert.ok(backlog.initiatives.some((i) => i.status === "reviewed" && i.outcome));
  const review = reviewOutcomes(backlog);
  assert.equal(review.initiatives.length, 6);
  assert.equal(review.hitRate.rate, 0.6);
  assert.ok(review.corrections.length > 0);
  const json = JSON.parse(JSON.stringify(review));
  assert.deepEqual(json, review, "plain, JSON-safe objects");
});

test("reviewOutcomes rejects bad options", () => {
  const error = thrown(() => reviewOutcomes(smallBacklog(), { minReviewed: 1 }));
  assert.equal(error.code, "INVALID_OPTION");
  assert.equal(error.path, "options.minReviewed");
  const parse = thrown(() => reviewOutcomes(smallBacklog(), { tolerence: 0.2 }));
  assert.equal(parse.code, "PARSE_ERROR");
});
