// Shared by the JS tests: catching a thrown error, and the shape every error
// of the package has.
import assert from "node:assert/strict";

/** Runs `run` and returns what it threw, failing if it threw nothing. */
export function thrown(run) {
  try {
    run();
  } catch (error) {
    return error;
  }
  assert.fail("expected an error to be thrown");
}

/**
 * Checks the shape every error of the package has: a real `Error` named
 * `TwosidedError` with `code`, `path` (checked when given), `problems` and a
 * message that says why.
 */
export function assertTwosidedError(error, code, path) {
  assert.ok(error instanceof Error, "a real Error");
  assert.equal(error.name, "TwosidedError");
  assert.equal(error.code, code, error.message);
  if (path !== undefined) assert.equal(error.path, path, error.message);
  assert.ok(Array.isArray(error.problems));
  assert.equal(typeof error.message, "string");
  assert.ok(error.message.length > 10, `a message that says why: ${error.message}`);
  assert.equal(typeof error.stack, "string");
}
