// A 10,000-initiative backlog in real Chromium: it imports from a JSON file,
// the ranking renders only the rows in view, the backlog table is paged, the slider reorders them as an
// independent plain-JS ranking says (while it moves and once it settles),
// scrolling shows the right rows further down, and opening a row shows its
// explanation. Not timed: tests/bench/slider.mjs measures speed.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { score } from 'twosided';
import { openCalculator, pollUntil, useBrowser } from './harness.mjs';
import { generatedBacklog } from '../bench/backlogs.mjs';
import { scoreAndRank } from '../bench/baseline.mjs';

const COUNT = 10_000;
const backlog = generatedBacklog(COUNT, 0x5eed);
const nameOf = new Map(backlog.initiatives.map((item) => [item.id, item.name]));

let page;
const pageErrors = [];

// One page for the whole file: importing the large backlog is the slow part,
// and the tests build on each other's state.
useBrowser({
  setup: async ({ browser, server }) => { page = await openCalculator(browser, server.origin, pageErrors); },
});

/** Poll until `check` returns a truthy value. */
const until = (check, message, timeout = 30_000) =>
  pollUntil(page, check, message, { timeout, interval: 100 });

/** The rendered rows as [position (1-based), name], top to bottom. */
const renderedRows = () => page.locator('.rank-row').evaluateAll((rows) =>
  rows.map((row) => [Number(row.getAttribute('aria-posinset')), row.querySelector('.name').textContent]));

/** Names best first, by the plain-JS RICE and weighted sum of baseline.mjs. */
const expectedNames = (buyerWeight) => scoreAndRank(backlog, buyerWeight).map((r) => nameOf.get(r.id));

/**
 * Every rendered row sits at the position the expected order gives it (the
 * page updates on the next frame, so this waits for it, then checks).
 */
async function assertRowsMatch(expected, label) {
  const matches = (rows) => rows.length > 5 && rows.every(([position, name]) => name === expected[position - 1]);
  await until(async () => matches(await renderedRows()), label, 10_000).catch(() => {});
  const rows = await renderedRows();
  assert.ok(rows.length > 5, `${label}: some rows are rendered`);
  for (const [position, name] of rows) assert.equal(name, expected[position - 1], `${label}: row ${position}`);
  return rows;
}

/** The full ranking has arrived (the list is not busy with a live order). */
const settled = () => until(async () => (await page.locator('.rank-list').getAttribute('aria-busy')) === null, 'the settled ranking');

/** Move the slider as a pointer does: input events, then optionally the release. */
async function moveSlider(percent, { release }) {
  await page.locator('input.weight').evaluate((slider, { value, release }) => {
    slider.value = String(value);
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    if (release) slider.dispatchEvent(new Event('change', { bubbles: true }));
  }, { value: percent, release });
}

describe('a 10,000-initiative backlog', () => {
  test('imports from a JSON file and ranks with only the rows in view in the DOM', async () => {
    await page.getByRole('tab', { name: 'Import / export' }).click();
    await page.locator('input[type=file]').setInputFiles({
      name: 'large.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backlog)),
    });
    const importButton = page.locator('button.import-now');
    await until(async () => /10,?000/.test((await importButton.textContent().catch(() => '')) ?? ''), 'the import preview');
    await importButton.click();
    await until(async () => /Imported 10,?000 initiatives/.test(await page.locator('.import-message').textContent()), 'import confirmed', 60_000);
    await page.getByRole('tab', { name: 'Ranking' }).click();
    await until(async () => (await page.locator('.rank-row').first().getAttribute('aria-setsize')) === String(COUNT), 'the large ranking');
    assert.match(await page.locator('.rank-summary').textContent(), /^10,000 initiatives/);
    const rendered = await page.locator('.rank-row').count();
    assert.ok(rendered < 100, `only the rows in view are rendered (${rendered})`);
    // The default weight is 0.5: the same order as the independent ranking.
    await assertRowsMatch(expectedNames(0.5), 'after import');
    // The chart keeps a bounded number of focusable points.
    const points = await page.locator('svg.chart circle.point').count();
    assert.ok(points > 0 && points < 1_000, `focusable chart points: ${points}`);
    assert.equal(await page.locator('svg.chart path.crowd').count(), 3);
  });

  test('the backlog table shows one page of rows at a time', async () => {
    await page.getByRole('tab', { name: 'Backlog' }).click();
    assert.equal(await page.locator('.backlog-table tbody tr').count(), 100);
    assert.equal(await page.locator('.pager-status').textContent(), 'Initiatives 1–100 of 10,000');
    await page.getByRole('button', { name: 'Last' }).click();
    assert.equal(await page.locator('.pager-status').textContent(), 'Initiatives 9,901–10,000 of 10,000');
    assert.equal(await page.locator('[data-path="initiatives[9999].name"]').inputValue(), backlog.initiatives[9999].name);
    await page.getByRole('button', { name: 'First' }).click();
    await page.getByRole('tab', { name: 'Ranking' }).click();
  });

  test('moving the slider reorders the rows in view, live and once it settles', async () => {
    for (const percent of [90, 10, 35]) {
      await moveSlider(percent, { release: false });
      await until(async () => (await page.locator('.rank-list').getAttribute('aria-busy')) === 'true', 'a live order is marked busy');
      await assertRowsMatch(expectedNames(percent / 100), `live at ${percent}%`);
    }
    await moveSlider(20, { release: true });
    await settled();
    // Once settled the movement badges are measured from before the drag.
    assert.ok(await page.locator('.rank-row .move.up, .rank-row .move.down').count() > 0, 'movement shown');
    await assertRowsMatch(expectedNames(0.2), 'settled at 20%');
    assert.deepEqual(pageErrors, []);
  });

  test('scrolling the list shows the rows further down, in order', async () => {
    const expected = expectedNames(0.2);
    const viewport = page.locator('.rank-viewport');
    await viewport.evaluate((el) => { el.scrollTop = el.scrollHeight / 2; });
    await until(async () => ((await renderedRows())[0]?.[0] ?? 0) > 1000, 'rows from the middle');
    const rows = await assertRowsMatch(expected, 'middle');
    assert.ok(rows[0][0] > 4000 && rows[0][0] < 6000, `middle rows start at ${rows[0][0]}`);
    await viewport.evaluate((el) => { el.scrollTop = el.scrollHeight; });
    await until(async () => (await renderedRows()).at(-1)?.[0] === COUNT, 'the last row');
    await assertRowsMatch(expected, 'end');
    await viewport.evaluate((el) => { el.scrollTop = 0; });
    await until(async () => (await renderedRows())[0]?.[0] === 1, 'back at the top');
  });

  test('opening a row shows its explanation, and the arrow keys move through the list', async () => {
    await settled();
    const expected = expectedNames(0.2);
    const first = page.locator('.rank-row').first();
    const toggle = first.locator('.why-toggle');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    const why = first.locator('.why');
    assert.ok(await why.isVisible());
    // The explanation the package gives for the same initiative and options.
    const id = await first.getAttribute('data-id');
    const result = score(backlog, { buyerWeight: 0.2 }).find((r) => r.id === id);
    assert.equal(nameOf.get(id), expected[0]);
    assert.equal(await why.locator('.why-sentence').textContent(), result.explanation.sentence);
    assert.match(await why.textContent(), result.pareto.onFrontier ? /On the Pareto frontier/ : /Dominated by/);
    // Keyboard: from the first name down to row 40 and to the end.
    await first.locator('.name').focus();
    for (let k = 0; k < 39; k++) await page.keyboard.press('ArrowDown');
    const focused = () => page.evaluate(() => {
      const active = document.querySelector('twosided-calculator').shadowRoot.activeElement;
      return [Number(active?.closest('.rank-row')?.getAttribute('aria-posinset')), active?.textContent];
    });
    assert.deepEqual(await focused(), [40, expected[39]]);
    await page.keyboard.press('End');
    assert.deepEqual(await focused(), [COUNT, expected[COUNT - 1]]);
    assert.deepEqual(pageErrors, []);
  });
});
