// Sensitivity from JavaScript: the weight sweep, Monte Carlo, and the chunked
// Simulation, checked against the native fixture (same seed, same result).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { exampleBacklog, simulate, sweepWeights, Simulation } from "twosided";

const fixture = JSON.parse(
  readFileSync(new URL("../fixtures/simulate-example.json", import.meta.url), "utf8"),
);

test("simulate gives exactly the native result for the same seed", () => {
  const { options, result } = fixture.simulate;
  assert.deepEqual(simulate(exampleBacklog(), options), result);
});

test("sweepWeights gives exactly the native crossings and ranks", () => {
  const { options, result } = fixture.sweep;
  assert.deepEqual(sweepWeights(exampleBacklog(), options), result);
});

test("a chunked Simulation equals a one-shot run, with progress", () => {
  const { options, result } = fixture.simulate;
  const run = new Simulation(exampleBacklog(), options);
  const seen = [];
  let progress;
  do {
    progress = run.step(333);
    seen.push(progress.done);
  } while (!progress.finished);
  assert.deepEqual(seen, [333, 666, 999, 1332, 1665, 1998, 2000]);
  assert.deepEqual(run.progress(), { done: 2000, total: 2000, finished: true, cancelled: false });
  assert.deepEqual(run.result(), result);
  run.free();
});

test("cancelling keeps the samples drawn and stops further steps", () => {
  const run = new Simulation(exampleBacklog(), { seed: 3, samples: 1000 });
  run.step(100);
  run.cancel();
  assert.deepEqual(run.step(100), { done: 100, total: 1000, finished: false, cancelled: true });
  const partial = run.result();
  assert.equal(partial.samples, 100);
  assert.equal(partial.cancelled, true);
  const short = simulate(exampleBacklog(), { seed: 3, samples: 100 });
  assert.deepEqual(partial.initiatives, short.initiatives);
  run.free();
});

test("options may be left out, and results have the documented shape", () => {
  const result = simulate(exampleBacklog(), { samples: 50 });
  assert.equal(result.seed, 0);
  assert.equal(result.topK, 5);
  const first = result.initiatives[0];
  assert.deepEqual(Object.keys(first).sort(), [
    "expectedScore", "id", "index", "likelyRank", "likelyScore", "name",
    "rankP10", "rankP50", "rankP90", "topKProbability",
  ]);
  const sweep = sweepWeights(exampleBacklog());
  assert.equal(sweep.method, "exact");
  assert.equal(sweep.currentWeight, 0.5);
  const grid = sweepWeights(exampleBacklog(), { scoring: { strategy: "nash" }, gridSteps: 20 });
  assert.equal(grid.method, "grid");
  assert.equal(grid.grid.length, 21);
});

test("bad input throws a TwosidedError with a code and a path", () => {
  const expectError = (run, code, path) =>
    assert.throws(run, (error) => {
      assert.ok(error instanceof Error);
      assert.equal(error.name, "TwosidedError");
      assert.equal(error.code, code);
      assert.equal(error.path, path);
      return true;
    });
  expectError(() => simulate(exampleBacklog(), { samples: 0 }), "INVALID_OPTION", "options.samples");
  expectError(() => simulate(exampleBacklog(), { samples: 100001 }), "LIMIT_EXCEEDED", "options.samples");
  expectError(() => simulate(exampleBacklog(), { sample: 10 }), "PARSE_ERROR", "options.sample");
  expectError(() => sweepWeights(exampleBacklog(), { topK: 0 }), "INVALID_OPTION", "options.topK");
  expectError(() => new Simulation(exampleBacklog(), { seed: -1 }), "PARSE_ERROR", "options.seed");
  const broken = exampleBacklog();
  broken.initiatives[1].effort = 0;
  expectError(() => simulate(broken), "VALIDATION_FAILED", "initiatives[1].effort");
});
