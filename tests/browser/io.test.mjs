// Import, export and share links in real Chromium: paste a spreadsheet
// selection, see the preview, import it, share it, open the link in a fresh
// browser, and see the same ranking. Broken input replaces nothing.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultOptions, exampleBacklog, parseCsv, planRoadmap, score } from 'twosided';
import { launch, pollUntil, recordErrors, ROOT, SHOTS, useCalculator } from './harness.mjs';

const data = (name) => readFile(join(ROOT, 'tests', 'data', name), 'utf8');

const requests = [];
const suite = useCalculator({
  requests,
  setup: ({ browser, server }) => browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin }),
});

const until = (check, message, on = suite.page) => pollUntil(on, check, message);

const rankedNames = (on = suite.page) => on.locator('.rank-row .name').allTextContents();
const expectedNames = (backlog, options) => score(backlog, options).filter((r) => r.rank !== null).map((r) => r.name);
const showTab = (name, on = suite.page) => on.getByRole('tab', { name }).click();

describe('import, export and share', () => {
  test('paste a spreadsheet selection, preview, import, share, open in a fresh browser', async () => {
    const tsv = await data('spreadsheet_paste.tsv');
    await showTab('Import / export');
    await suite.page.getByLabel('Or paste cells from a spreadsheet, header row included').fill(tsv);
    // The preview appears before anything is replaced.
    const rows = suite.page.locator('.io-preview .io-row');
    await until(async () => (await rows.count()) === 3, 'three rows previewed');
    assert.deepEqual(await suite.page.locator('.io-preview .io-name').allTextContents(), ['Faster checkout', 'Seller analytics', 'Saved searches']);
    assert.match(await suite.page.locator('.io-summary').textContent(), /Ready to import 3 initiatives from the pasted cells \(tab-separated\)/);
    assert.equal(await suite.page.locator('.io-problems').count(), 0);
    await suite.page.screenshot({ path: join(SHOTS, 'io-desktop-preview.png'), fullPage: true });
    await showTab('Ranking');
    assert.deepEqual(await rankedNames(), expectedNames(exampleBacklog(), defaultOptions()), 'nothing replaced yet');

    await showTab('Import / export');
    await suite.page.getByRole('button', { name: 'Import 3 initiatives' }).click();
    await until(async () => /Imported 3 initiatives/.test(await suite.page.locator('.import-message').textContent()), 'import confirmed');
    const settings = { ...exampleBacklog(), initiatives: [] };
    const imported = parseCsv(tsv, { settings }).backlog;
    const expected = expectedNames(imported, defaultOptions());
    await suite.page.getByRole('button', { name: 'See the ranking' }).click();
    await until(async () => JSON.stringify(await rankedNames()) === JSON.stringify(expected), 'imported backlog ranked');

    // Change a setting so the link must carry it. The slider is still held:
    // the ranking follows it, and the settled value is announced on release.
    const slider = suite.page.locator('input.weight');
    await slider.evaluate((input) => {
      input.value = '85';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const expectedShared = expectedNames(imported, { ...defaultOptions(), buyerWeight: 0.85 });
    await until(async () => JSON.stringify(await rankedNames()) === JSON.stringify(expectedShared), 'weight applied');

    await showTab('Import / export');
    await suite.page.getByRole('button', { name: 'Copy share link' }).click();
    await until(async () => /Copied the share link/.test(await suite.page.locator('.share-message').textContent()), 'link copied');
    const url = suite.page.url();
    assert.match(url, /#scenario=v1\.[A-Za-z0-9_-]+$/);
    assert.equal(await suite.page.evaluate(() => navigator.clipboard.readText()), url);
    assert.equal(await suite.page.locator('input.share-link').inputValue(), url);
    // Released after the copy: the weight the link carries settles, which is no edit.
    await slider.evaluate((input) => input.dispatchEvent(new Event('change', { bubbles: true })));
    await suite.page.waitForTimeout(600);
    assert.equal(suite.page.url(), url, 'the slider settling keeps the link in the address bar');

    // A fresh browser profile: no saved backlog, only the link.
    const fresh = await launch();
    try {
      const other = await fresh.context.newPage();
      recordErrors(other, suite.errors);
      const before = requests.length;
      await other.goto(url);
      await other.locator('.rank-row').first().waitFor();
      await until(async () => JSON.stringify(await rankedNames(other)) === JSON.stringify(expectedShared), 'same ranking from the link', other);
      assert.equal(await other.locator('input.weight').inputValue(), '85');
      // The scenario never reached the server: requests carry no fragment.
      assert.ok(requests.length > before);
      assert.ok(requests.every((r) => !r.includes('scenario') && !r.includes('#')), JSON.stringify(requests));
      // An edit takes the stale scenario out of the address bar.
      await other.getByRole('tab', { name: 'Backlog' }).click();
      await other.locator('[data-path="initiatives[0].name"]').first().fill('Renamed');
      await until(async () => !other.url().includes('#scenario='), 'fragment removed after an edit', other);
    } finally {
      await fresh.close();
    }
  });

  test('a malformed share link shows an error and keeps the data', async () => {
    const names = await rankedNames();
    await suite.page.goto('about:blank');
    await suite.page.goto(`${suite.server.origin}/www/index.html#scenario=v1.NOTAREALLINK-bXlkYXRh`);
    const message = suite.page.locator('.share-message');
    await until(async () => /could not be opened/.test(await message.textContent()), 'error shown');
    assert.match(await message.textContent(), /damaged/);
    assert.match(await message.textContent(), /current backlog was kept/);
    assert.equal(await suite.page.getByRole('tab', { name: 'Import / export' }).getAttribute('aria-selected'), 'true');
    assert.ok(!suite.page.url().includes('#scenario='), 'the bad fragment is removed');
    await suite.page.screenshot({ path: join(SHOTS, 'io-desktop-bad-link.png') });
    await showTab('Ranking');
    assert.deepEqual(await rankedNames(), names);
  });

  test('a CSV with a bad cell shows the row and column and replaces nothing', async () => {
    const names = await rankedNames();
    await showTab('Import / export');
    await suite.page.locator('input[type=file]').setInputFiles({ name: 'broken_types.csv', mimeType: 'text/csv', buffer: Buffer.from(await data('broken_types.csv')) });
    const problems = suite.page.locator('.io-problem');
    await until(async () => (await problems.count()) === 5, 'five problems listed');
    const first = await problems.first().locator('td').allTextContents();
    assert.equal(first[0], '3');
    assert.equal(first[1], '2 (Buyer reach)');
    assert.match(first[2], /lots/);
    assert.match(await suite.page.locator('.io-summary').textContent(), /not imported.*Nothing was replaced/);
    assert.equal(await suite.page.locator('button.import-now').isDisabled(), true);
    // The rows that could be imported are shown; skipping the bad ones enables Import.
    assert.deepEqual(await suite.page.locator('.io-preview .io-name').allTextContents(), ['Good row']);
    await suite.page.setViewportSize({ width: 375, height: 812 });
    await suite.page.waitForTimeout(100);
    const overflow = await suite.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `overflows by ${overflow} px at 375 px`);
    await suite.page.screenshot({ path: join(SHOTS, 'io-phone-problems.png'), fullPage: true });
    await suite.page.setViewportSize({ width: 1280, height: 900 });
    await suite.page.getByLabel('Skip rows with problems').check();
    await until(async () => !(await suite.page.locator('button.import-now').isDisabled()), 'import enabled');
    assert.equal(await suite.page.locator('button.import-now').textContent(), 'Import 1 initiative');
    await suite.page.getByRole('button', { name: 'Cancel' }).click();
    await showTab('Ranking');
    assert.deepEqual(await rankedNames(), names);
  });

  test('a JSON file is read strictly: an unknown field is refused with its path', async () => {
    await showTab('Import / export');
    const typo = { version: 1, backlog: { initiatives: [{ id: 'a', name: 'A', effort: 1, reahc: 5 }] } };
    await suite.page.locator('input[type=file]').setInputFiles({ name: 'typo.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(typo)) });
    await until(async () => (await suite.page.locator('.io-problem').count()) === 1, 'problem listed');
    const [where, what] = await suite.page.locator('.io-problem td').allTextContents();
    assert.equal(where, 'backlog.initiatives[0].reahc');
    assert.match(what, /unknown field/i);
    // A valid document with settings imports backlog and settings.
    const backlog = exampleBacklog();
    backlog.initiatives = backlog.initiatives.slice(0, 5).map(({ dependencies, ...initiative }) => initiative);
    const doc = { version: 1, backlog, settings: { ...defaultOptions(), strategy: 'maxMin' } };
    await suite.page.locator('input[type=file]').setInputFiles({ name: 'five.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
    await suite.page.getByRole('button', { name: 'Import 5 initiatives' }).click();
    await showTab('Ranking');
    await until(async () => JSON.stringify(await rankedNames()) === JSON.stringify(expectedNames(backlog, doc.settings)), 'document imported');
  });

  test('exports download CSV and JSON', async () => {
    await showTab('Import / export');
    const [download] = await Promise.all([suite.page.waitForEvent('download'), suite.page.getByRole('button', { name: 'Ranking CSV' }).click()]);
    assert.equal(download.suggestedFilename(), 'twosided-ranking.csv');
    const text = await readFile(await download.path(), 'utf8');
    const ids = text.replace(/^\uFEFF/, '').trim().split(/\r\n/).slice(1).map((line) => line.split(',')[1]);
    assert.deepEqual(ids, score(exampleBacklog(), defaultOptions()).map((r) => r.id));
    const [json] = await Promise.all([suite.page.waitForEvent('download'), suite.page.getByRole('button', { name: 'JSON file' }).click()]);
    const document = JSON.parse(await readFile(await json.path(), 'utf8'));
    assert.equal(document.version, 1);
    assert.deepEqual(document.backlog, exampleBacklog());
    // The roadmap is planned with the Roadmap tab's capacities and targets.
    const [roadmapFile] = await Promise.all([suite.page.waitForEvent('download'), suite.page.getByRole('button', { name: 'Roadmap CSV' }).click()]);
    assert.equal(roadmapFile.suggestedFilename(), 'twosided-roadmap.csv');
    const rows = (await readFile(await roadmapFile.path(), 'utf8')).replace(/^\uFEFF/, '').trim().split(/\r\n/);
    assert.match(rows[0], /^Period,ID,Name,Kind,Effort,/);
    assert.equal(rows.length, exampleBacklog().initiatives.length + 1);
    const expected = planRoadmap(exampleBacklog(), {
      periods: ['2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4'].map((name) => ({ name, capacity: 10 })),
      scoring: defaultOptions(),
      targets: [{ kind: 'platform', min: 0.2 }, { kind: 'operational', max: 0.15 }],
      nodeBudget: 20000,
      timeBudgetMs: 5000,
    });
    const planned = rows.slice(1).filter((row) => !row.startsWith('not planned')).map((row) => row.split(',')[1]);
    assert.deepEqual(planned, expected.plan.scheduled.map((p) => p.id));
  });

  test('no console errors', () => {
    assert.deepEqual(suite.errors, []);
  });
});
