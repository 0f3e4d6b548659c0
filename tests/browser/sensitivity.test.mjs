// The sensitivity and uncertainty tabs in real Chromium: the sweep chart
// renders with the package's crossing points, a simulation runs in a Web
// Worker with visible progress and the package's figures, and Cancel stops it.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { exampleBacklog, simulate, sweepWeights } from 'twosided';
import { pollUntil, SHOTS, useCalculator } from './harness.mjs';

const suite = useCalculator({ failedResponses: true, errorsPerTest: true });

/** Poll until `check` returns a truthy value. */
const until = (check, message, timeout = 10000) =>
  pollUntil(suite.page, check, message, { timeout, interval: 20 });

const showTab = (name) => suite.page.getByRole('tab', { name }).click();

async function setWeight(percent) {
  await suite.page.locator('input.weight').evaluate((slider, value) => {
    slider.value = String(value);
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    slider.dispatchEvent(new Event('change', { bubbles: true }));
  }, percent);
}

describe('the weight sweep', () => {
  test('plots each top initiative against the weight with exact crossings and the current weight', async () => {
    await showTab('Weight sweep');
    const chart = suite.page.locator('svg.sweep-chart');
    await chart.locator('path.sweep-line').first().waitFor();
    const example = exampleBacklog();
    const expected = sweepWeights(example, { topK: 5, depth: 10 });
    const plotted = expected.initiatives.filter((line) => line.topK.length > 0);
    assert.equal(await chart.locator('path.sweep-line').count(), plotted.length);
    const ids = new Set(plotted.map((line) => line.id));
    const weights = expected.crossings.filter((c) => ids.has(c.rises) || ids.has(c.falls)).map((c) => c.weight);
    assert.ok(weights.length > 0, 'the example has crossings among its top initiatives');
    const marked = (await chart.locator('circle.crossing').evaluateAll((nodes) => nodes.map((n) => Number(n.dataset.weight))));
    assert.deepEqual(marked, weights);
    // The top members' "stays in the top group" rows match the package.
    const rows = await suite.page.locator('.stays-table tbody tr').count();
    assert.equal(rows, expected.initiatives.filter((line) => line.staysInTopK).length);
    // The current weight is drawn, and follows the slider.
    const at = async () => Number(await chart.locator('line.current-weight').getAttribute('x1'));
    const middle = await at();
    await setWeight(80);
    await until(async () => (await at()) > middle, 'the current-weight line moves right');
    await suite.page.screenshot({ path: join(SHOTS, 'sensitivity-sweep.png'), fullPage: true });
    assert.deepEqual(suite.errors, []);
  });
});

describe('the uncertainty view', () => {
  test('runs in a worker with visible progress and shows the package\'s figures', async () => {
    await showTab('Uncertainty');
    await suite.page.locator('select[aria-label="Samples"]').selectOption('100000');
    await suite.page.getByRole('button', { name: 'Run simulation' }).click();
    const progress = suite.page.locator('progress.simulation-progress');
    const seen = new Set();
    await until(async () => {
      const [value, max] = await progress.evaluate((p) => [p.value, p.max]);
      seen.add(value);
      return value === max && max === 100000 && (await suite.page.locator('.uncertainty-table').isVisible());
    }, 'the run finishes', 60000);
    const partway = [...seen].filter((v) => v > 0 && v < 100000);
    assert.ok(partway.length > 0, `progress seen part-way: ${[...seen].join(', ')}`);
    assert.match(await suite.page.locator('.simulation-status').textContent(), /Done: 100,000 samples/);

    // A smaller run gives exactly what the package gives for the same seed.
    await suite.page.locator('select[aria-label="Samples"]').selectOption('1000');
    await suite.page.locator('input.seed').fill('9');
    await suite.page.getByRole('button', { name: 'Run simulation' }).click();
    await until(async () => /Done: 1,000 samples/.test(await suite.page.locator('.simulation-status').textContent()), 'the small run finishes');
    const expected = simulate(exampleBacklog(), { seed: 9, samples: 1000, topK: 5 });
    const shown = await suite.page.locator('.uncertainty-table tbody tr').evaluateAll((rows) => rows.map((row) => [
      row.dataset.id, row.querySelector('.probability').textContent,
    ]));
    assert.deepEqual(shown, expected.initiatives.map((i) => [i.id, `${(i.topKProbability * 100).toFixed(1)}%`]));
    await suite.page.screenshot({ path: join(SHOTS, 'sensitivity-uncertainty.png'), fullPage: true });
    assert.deepEqual(suite.errors, []);
  });

  test('Cancel stops a run part-way and keeps what was drawn', async () => {
    await showTab('Uncertainty');
    await suite.page.locator('select[aria-label="Samples"]').selectOption('100000');
    await suite.page.getByRole('button', { name: 'Run simulation' }).click();
    const progress = suite.page.locator('progress.simulation-progress');
    await until(async () => (await progress.evaluate((p) => p.value)) > 0, 'the run starts');
    await suite.page.getByRole('button', { name: 'Cancel' }).click();
    const status = suite.page.locator('.simulation-status');
    await until(async () => /Cancelled after/.test(await status.textContent()), 'the run is cancelled');
    const value = await progress.evaluate((p) => p.value);
    assert.ok(value > 0 && value < 100000, `stopped at ${value}`);
    assert.match(await status.textContent(), new RegExp(`Cancelled after ${value.toLocaleString('en')} samples of 100,000`));
    assert.ok(await suite.page.locator('.uncertainty-table').isVisible());
    assert.ok(await suite.page.getByRole('button', { name: 'Run simulation' }).isEnabled());
    assert.deepEqual(suite.errors, []);
  });
});
