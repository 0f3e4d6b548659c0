// The review tab in real Chromium: launched initiatives with hit or miss,
// the calibration chart, and the switch that puts corrected estimates into
// the live ranking. Expectations come from the package itself.

import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { applyCorrections, exampleBacklog, reviewOutcomes, score } from 'twosided';
import { launch, openCalculator, pollUntil, ROOT, serve } from './harness.mjs';

const SHOTS = process.env.SCREENSHOTS_DIR ?? join(ROOT, '.tmp', 'screenshots');

let server;
let browser;
let page;
const consoleErrors = [];

before(async () => {
  server = await serve();
  browser = await launch();
  await mkdir(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  await page?.close();
  consoleErrors.length = 0;
  page = await openCalculator(browser, server.origin, consoleErrors);
  await page.getByRole('tab', { name: 'Review' }).click();
});

const until = (check, message) => pollUntil(page, check, message);

const rankedNames = () => page.locator('.rank-row .name').allTextContents();
const ranked = (backlog) => score(backlog).filter((r) => r.rank !== null).map((r) => r.name);

describe('the review tab', () => {
  test('lists launched initiatives with hit or miss and estimate against actual', async () => {
    const review = reviewOutcomes(exampleBacklog());
    const rows = page.locator('tr.review-row');
    await rows.first().waitFor();
    assert.equal(await rows.count(), review.initiatives.length);
    for (const [i, r] of review.initiatives.entries()) {
      const row = rows.nth(i);
      assert.equal(await row.locator('th').textContent(), r.name);
      const verdict = { met: 'Hit', missed: 'Miss', notJudged: 'Not judged yet' }[r.verdict];
      assert.equal(await row.locator('.verdict').textContent(), verdict);
    }
    const guest = page.locator('tr.review-row[data-id="guest-checkout"]');
    // Estimated 2 person-months, took 3.5.
    assert.equal(await guest.locator('td').nth(2).textContent(), '2 → 3.5');
    assert.equal(await page.locator('.hit-rate').textContent(), review.hitRate.sentence);
    const suggested = await page.locator('.suggested li').allTextContents();
    assert.deepEqual(suggested, review.corrections.map((c) => c.sentence));
  });

  test('draws a calibration chart with one point per effort or reach comparison', async () => {
    const review = reviewOutcomes(exampleBacklog());
    const expected = review.initiatives.flatMap((r) => r.comparisons)
      .filter((c) => c.field !== 'impact' && c.estimated > 0 && c.actual > 0).length;
    assert.ok(expected >= 10, 'the example gives a real chart');
    const points = page.locator('svg.calibration circle.calibration-point[data-id]');
    assert.equal(await points.count(), expected);
    assert.equal(await page.locator('svg.calibration line.diagonal').count(), 1);
    // Effort ran over: guest checkout's effort point sits above the diagonal.
    const guest = page.locator('svg.calibration circle.effort[data-id="guest-checkout"]');
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

    await page.getByLabel('Use the corrected estimates in the ranking').check();
    await until(async () => JSON.stringify(await rankedNames()) === JSON.stringify(after) || false,
      'the ranking follows the corrected estimates');
    assert.equal(await page.locator('.correction-changes .applied').textContent(), corrected.sentence);
    const explanations = await page.locator('.correction-changes details li').allTextContents();
    assert.equal(explanations.length, corrected.changes.length);
    assert.ok(explanations.every((text) => text.startsWith('Correction applied')));
    assert.match(await page.locator('.status').textContent(), /Corrected estimates are in the ranking/);
    await page.screenshot({ path: join(SHOTS, 'desktop-review.png'), fullPage: true });

    await page.getByLabel('Use the corrected estimates in the ranking').uncheck();
    await until(async () => JSON.stringify(await rankedNames()) === JSON.stringify(before) || false,
      'the ranking is back to the estimates as entered');
    assert.equal(await page.locator('.correction-changes .applied').count(), 0);
    assert.deepEqual(consoleErrors, []);
  });
});
