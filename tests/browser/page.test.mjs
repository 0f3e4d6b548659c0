// The calculator page in real Chromium: what a person sees and does.
// Expected orders come from the package itself (the same scores the page
// shows), so the tests check that the page ranks as the scores say.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { exampleBacklog, score } from 'twosided';
import { pollUntil, SHOTS, useCalculator } from './harness.mjs';

const offOrigin = [];
const dialogs = [];

const suite = useCalculator({
  failedResponses: true,
  watch(page) {
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(`${suite.server.origin}/`) && !url.startsWith('blob:') && !url.startsWith('data:')) offOrigin.push(url);
    });
    page.on('dialog', async (dialog) => { dialogs.push(dialog.message()); await dialog.dismiss(); });
  },
});

/** Opens the page again, keeping what it saved. */
async function open() {
  await suite.page.goto(`${suite.server.origin}/www/index.html`);
  await suite.page.locator('.rank-row').first().waitFor();
}

/** Poll until `check` returns a truthy value (the page updates after events). */
const until = (check, message) => pollUntil(suite.page, check, message);

const rankedNames = () => suite.page.locator('.rank-row .name').allTextContents();
const expectedNames = (backlog, options) => score(backlog, options).filter((r) => r.rank !== null).map((r) => r.name);

async function setWeight(percent) {
  await suite.page.locator('input.weight').evaluate((slider, value) => {
    slider.value = String(value);
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    slider.dispatchEvent(new Event('change', { bubbles: true }));
  }, percent);
}

async function showTab(name) {
  await suite.page.getByRole('tab', { name }).click();
}

const fieldInput = (path) => suite.page.locator(`[data-path="${path}"]`);
const fieldError = (path) => suite.page.locator(`.field:has(> [data-path="${path}"]) > .field-error`);

describe('the calculator page', () => {
  test('loads with no console errors and shows the example ranked', async () => {
    const example = exampleBacklog();
    assert.ok(example.initiatives.length >= 10, 'the example has a real backlog');
    const names = await rankedNames();
    assert.deepEqual(names, expectedNames(example, {}));
    const ranks = await suite.page.locator('.rank-row .rank').allTextContents();
    assert.deepEqual(ranks, names.map((_, i) => String(i + 1)));
    assert.equal(await suite.page.locator('svg.chart circle.point').count(), example.initiatives.length);
    assert.ok(await suite.page.locator('svg.chart polyline.frontier').count() === 1, 'the Pareto frontier is drawn');
    await suite.page.screenshot({ path: join(SHOTS, 'desktop-default.png'), fullPage: true });
    assert.deepEqual(suite.errors, []);
  });

  test('moving the slider from buyers to sellers reorders as the scores say', async () => {
    const example = exampleBacklog();
    await setWeight(100);
    const buyers = expectedNames(example, { buyerWeight: 1 });
    await until(async () => JSON.stringify(await rankedNames()) === JSON.stringify(buyers), 'buyers-only order');
    await setWeight(0);
    const sellers = expectedNames(example, { buyerWeight: 0 });
    assert.notDeepEqual(buyers, sellers, 'the example ranks differently for each side');
    await until(async () => JSON.stringify(await rankedNames()) === JSON.stringify(sellers), 'sellers-only order');
    // Movement since the last change is shown for at least one row.
    assert.ok(await suite.page.locator('.rank-row .move.up').count() > 0);
  });

  test('editing an initiative\'s impact moves it in the ranking', async () => {
    const example = exampleBacklog();
    const before = score(example, {});
    // The lowest-ranked initiative with a single buyer estimate, raised to massive impact.
    const target = [...before].reverse().find((r) => {
      const buyer = example.initiatives[r.index].buyer;
      return buyer && !buyer.segments?.length;
    });
    const edited = structuredClone(example);
    edited.initiatives[target.index].buyer.impact = 3;
    const expected = expectedNames(edited, {});
    const newRank = expected.indexOf(target.name) + 1;
    assert.ok(newRank < target.rank, 'the edit should move it up');

    await showTab('Backlog');
    await fieldInput(`initiatives[${target.index}].buyer.impact`).fill('3');
    await showTab('Ranking');
    await until(async () => (await rankedNames()).indexOf(target.name) + 1 === newRank, `rank ${newRank} after the edit`);
    assert.deepEqual(await rankedNames(), expected);
  });

  test('an invalid effort shows an error next to the field and loses nothing', async () => {
    const example = exampleBacklog();
    const index = 2;
    const path = `initiatives[${index}].effort`;
    const ranked = await rankedNames();
    await showTab('Backlog');
    const name = fieldInput(`initiatives[${index}].name`);
    await name.fill('Renamed before the mistake');
    await fieldInput(path).fill('0');
    await until(async () => (await fieldError(path).isVisible()) && /effort/i.test(await fieldError(path).textContent()), 'effort error shown');
    await fieldInput(path).fill('two months');
    await until(async () => /not a number/i.test(await fieldError(path).textContent()), 'not-a-number error shown');
    assert.equal(await fieldInput(path).getAttribute('aria-invalid'), 'true');
    // The last valid results stay, and what was typed is still there, also after a reload.
    await showTab('Ranking');
    assert.equal(await suite.page.locator('.rank-row').count(), example.initiatives.length);
    assert.ok((await rankedNames()).includes('Renamed before the mistake'));
    assert.notDeepEqual(await rankedNames(), [], String(ranked.length));
    await suite.page.waitForTimeout(400);
    await open();
    await showTab('Backlog');
    assert.equal(await fieldInput(path).inputValue(), 'two months');
    assert.equal(await name.inputValue(), 'Renamed before the mistake');
    assert.ok(await fieldError(path).isVisible());
    // Fixing it brings the results up to date.
    await fieldInput(path).fill('3');
    await until(async () => !(await fieldError(path).isVisible()), 'error cleared');
    assert.equal(await suite.page.locator('.problems').isVisible(), false);
  });

  test('a reload restores edits and settings', async () => {
    await showTab('Backlog');
    await fieldInput('initiatives[0].name').fill('Edited and kept');
    await suite.page.getByLabel('Scoring framework').selectOption('ice');
    await setWeight(30);
    await suite.page.waitForTimeout(400);
    await open();
    assert.equal(await suite.page.getByLabel('Scoring framework').inputValue(), 'ice');
    assert.equal(await suite.page.locator('input.weight').inputValue(), '30');
    assert.ok((await rankedNames()).includes('Edited and kept'));
  });

  test('an initiative named like HTML renders as text and runs nothing', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    await showTab('Backlog');
    await fieldInput('initiatives[0].name').fill(evil);
    await showTab('Ranking');
    await until(async () => (await rankedNames()).includes(evil), 'the name shown as text');
    await suite.page.locator('svg.chart circle.point').first().hover();
    await suite.page.waitForTimeout(300);
    const images = await suite.page.evaluate(() => document.querySelector('twosided-calculator').shadowRoot.querySelectorAll('img').length);
    assert.equal(images, 0);
    assert.deepEqual(dialogs, []);
  });

  test('the slider, import/export and the why panel are usable by keyboard', async () => {
    const slider = suite.page.locator('input.weight');
    await slider.focus();
    const before = await slider.inputValue();
    await suite.page.keyboard.press('ArrowRight');
    assert.equal(Number(await slider.inputValue()), Number(before) + 1);
    const why = suite.page.locator('.rank-row .why-toggle').first();
    await why.focus();
    await suite.page.keyboard.press('Enter');
    assert.equal(await why.getAttribute('aria-expanded'), 'true');
    assert.ok(await suite.page.locator('.rank-row .why').first().isVisible());
    // Tabs follow the arrow keys.
    await suite.page.getByRole('tab', { name: 'Ranking' }).focus();
    await suite.page.keyboard.press('ArrowRight');
    assert.equal(await suite.page.getByRole('tab', { name: 'Backlog' }).getAttribute('aria-selected'), 'true');
  });

  test('a bad file is refused and replaces nothing', async () => {
    const names = await rankedNames();
    await showTab('Import / export');
    await suite.page.locator('input[type=file]').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"initiatives": [{"id": "a", "name": "A", "effort": "lots"}]}') });
    await until(async () => /not imported|not valid/i.test(await suite.page.locator('.data-message').textContent()), 'import refused');
    await suite.page.locator('input[type=file]').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{ nope') });
    await until(async () => /not valid JSON/i.test(await suite.page.locator('.data-message').textContent()), 'JSON error');
    await showTab('Ranking');
    assert.deepEqual(await rankedNames(), names);
  });

  test('reset to example asks first', async () => {
    await showTab('Backlog');
    await fieldInput('initiatives[0].name').fill('About to be reset');
    await suite.page.getByRole('button', { name: 'Reset to example' }).click();
    await suite.page.getByRole('button', { name: 'Cancel' }).click();
    assert.equal(await fieldInput('initiatives[0].name').inputValue(), 'About to be reset');
    await suite.page.getByRole('button', { name: 'Reset to example' }).click();
    await suite.page.getByRole('button', { name: 'Yes, replace' }).click();
    await until(async () => (await fieldInput('initiatives[0].name').inputValue()) === exampleBacklog().initiatives[0].name, 'example restored');
  });

  for (const [label, width, height] of [['phone', 375, 812], ['desktop', 1440, 900]]) {
    test(`the layout holds at ${width} px`, async () => {
      await suite.page.setViewportSize({ width, height });
      for (const tab of ['Ranking', 'Backlog', 'Settings', 'Import / export']) {
        await showTab(tab);
        await suite.page.waitForTimeout(100);
        const overflow = await suite.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${tab} at ${width} px overflows by ${overflow} px`);
        await suite.page.screenshot({ path: join(SHOTS, `${label}-${tab.replace(/\W+/g, '-').toLowerCase()}.png`), fullPage: width > 400 });
      }
    });
  }

  test('no request leaves the origin', () => {
    assert.deepEqual(offOrigin, []);
    assert.deepEqual(suite.errors, []);
  });
});
