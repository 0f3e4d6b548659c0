// The review tab in real Chromium: launched initiatives with hit or miss,
// the calibration chart, and the switch that puts corrected estimates into
// the live ranking. Expectations come from the package itself.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { applyCorrections, exampleBacklog, reviewOutcomes, score } from 'twosided';
import { pollUntil, SHOTS, useCalculator } from './harness.mjs';

const suite = useCalculator({ tab: 'Review', errorsPerTest: true });

const until = (check, message) => pollUntil(suite.page, check, message);

const rankedNames = () => suite.page.locator('.rank-row .name').allTextContents();
const ranked = (backlog) => score(backlog).filter((r) => r.rank !== null).map((r) => r.name);

describe('the review tab', () => {
  test('lists launched initiatives with hit or miss and estimate against actual', async () => {
    const review = reviewOutcomes(exampleBacklog());
    const rows = suite.page.locator('tr.review-row');
    await rows.first().waitFor();
    assert.equal(await rows.count(), review.initiatives.length);
    for (const [i, r] of review.initiatives.entries()) {
      const row = rows.nth(i);
      assert.equal(await row.locator('th').textContent(), r.name);
      const verdict = { met: 'Hit', missed: 'Miss', notJudged: 'Not judged yet' }[r.verdict];
      assert.equal(await row.locator('.verdict').textContent(), verdict);
    }
    const guest = suite.page.locator('tr.review-row[data-id="guest-checkout"]');
    // Estimated 2 person-months, took 3.5.
    assert.equal(await guest.locator('td').nth(2).textContent(), '2 → 3.5');
    assert.equal(await suite.page.locator('.hit-rate').textContent(), review.hitRate.sentence);
    const suggested = await suite.page.locator('.suggested li').allTextContents();
    assert.deepEqual(suggested, review.corrections.map((c) => c.sentence));
  });

  test('draws a calibration chart with one point per effort or reach comparison', async () => {
    const review = reviewOutcomes(exampleBacklog());
    const expected = review.initiatives.flatMap((r) => r.comparisons)
      .filter((c) => c.field !== 'impact' && c.estimated > 0 && c.actual > 0).length;
    assert.ok(expected >= 10, 'the example gives a real chart');
    const points = suite.page.locator('svg.calibration circle.calibration-point[data-id]');
    assert.equal(await points.count(), expected);
    assert.equal(await suite.page.locator('svg.calibration line.diagonal').count(), 1);
    // Effort ran over: guest checkout's effort point sits above the diagonal.
    const guest = suite.page.locator('svg.calibration circle.effort[data-id="guest-checkout"]');
    const [cx, cy] = await Promise.all([guest.getAttribute('cx'), guest.getAttribute('cy')]);
    const size = 360;
    assert.ok(Number(cy) < size - Number(cx), `(${cx}, ${cy}) is above the diagonal`);
  });

  test('the switch applies the suggested corrections to the live ranking, visibly', async () => {
    const example = exampleBacklog();
    const corrected = applyCorrections(example);
    const before = ranked(example);
    const after = ranked(corrected.backlog);
    assert.notDeepEqual(after, before, 'the corrections change the example ranking');
    assert.deepEqual(await rankedNames(), before);

    await suite.page.getByLabel('Use the corrected estimates in the ranking').check();
    await until(async () => JSON.stringify(await rankedNames()) === JSON.stringify(after) || false,
      'the ranking follows the corrected estimates');
    assert.equal(await suite.page.locator('.correction-changes .applied').textContent(), corrected.sentence);
    const explanations = await suite.page.locator('.correction-changes details li').allTextContents();
    assert.equal(explanations.length, corrected.changes.length);
    assert.ok(explanations.every((text) => text.startsWith('Correction applied')));
    assert.match(await suite.page.locator('.status').textContent(), /Corrected estimates are in the ranking/);
    await suite.page.screenshot({ path: join(SHOTS, 'desktop-review.png'), fullPage: true });

    await suite.page.getByLabel('Use the corrected estimates in the ranking').uncheck();
    await until(async () => JSON.stringify(await rankedNames()) === JSON.stringify(before) || false,
      'the ranking is back to the estimates as entered');
    assert.equal(await suite.page.locator('.correction-changes .applied').count(), 0);
    assert.deepEqual(suite.errors, []);
  });
});
