// The Framework tab and the label columns in real Chromium: write a formula,
// see the mistake underlined where it is, fix it, use it and see the ranking
// change; MoSCoW and Kano edit in the backlog table and survive a reload.
// Expected orders come from the package itself.

import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { exampleBacklog, score } from 'twosided';
import { launch, openCalculator, pollUntil, ROOT, serve } from './harness.mjs';

const SHOTS = process.env.SCREENSHOTS_DIR ?? join(ROOT, '.tmp', 'screenshots');

let server;
let browser;
let page;
const pageErrors = [];

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
  page = await openCalculator(browser, server.origin, pageErrors);
});

async function reload() {
  await page.reload();
  await page.locator('.rank-row').first().waitFor();
}

const until = (check, message) => pollUntil(page, check, message);

const rankedNames = () => page.locator('.rank-row .name').allTextContents();
const expectedNames = (backlog, options) => score(backlog, options).filter((r) => r.rank !== null).map((r) => r.name);
const formulaInput = () => page.locator('textarea.formula-input');
const marks = () => page.locator('.formula-mirror mark');

/** Where each mark starts in the mirrored text, and what it covers. */
const markedSpans = () => page.locator('.formula-mirror').evaluate((mirror) => {
  const spans = [];
  let offset = 0;
  for (const node of mirror.childNodes) {
    const text = node.textContent.replace(/\u200b$/, '');
    if (node.nodeName === 'MARK') spans.push({ start: offset, text });
    offset += text.length;
  }
  return { spans, text: mirror.textContent.replace(/\u200b$/, '') };
});

async function typeFormula(text) {
  await formulaInput().fill(text);
}

describe('the formula editor', () => {
  test('underlines a mistake where it is, and a fixed formula changes the ranking', async () => {
    await page.getByRole('tab', { name: 'Framework' }).click();
    const before = await rankedNames();
    assert.deepEqual(before, expectedNames(exampleBacklog(), { framework: 'rice' }));

    // A misspelt name: underlined exactly under "efort", explained in words.
    const wrong = 'value / sqrt(efort)';
    await typeFormula(wrong);
    await until(async () => (await marks().count()) === 1, 'one mistake is marked');
    const { spans, text } = await markedSpans();
    assert.equal(text, wrong, 'the mirror holds the same text as the textarea');
    assert.deepEqual(spans, [{ start: wrong.indexOf('efort'), text: 'efort' }]);
    assert.equal(await formulaInput().getAttribute('aria-invalid'), 'true');
    const message = await page.locator('.formula-message').textContent();
    assert.match(message, /At “efort” \(character 14\)/);
    assert.match(message, /neither a field nor a criterion/);
    assert.equal(await page.getByRole('button', { name: 'Use this framework' }).isDisabled(), true);

    // The mark lies on the textarea's first line, past "value / sqrt(".
    const area = await formulaInput().boundingBox();
    const mark = await marks().first().boundingBox();
    assert.ok(mark.x > area.x + 40 && mark.x + mark.width < area.x + area.width, `mark ${JSON.stringify(mark)} inside ${JSON.stringify(area)}`);
    assert.ok(mark.y > area.y && mark.y + mark.height < area.y + area.height);
    await page.locator('section.framework').screenshot({ path: join(SHOTS, 'formula-error.png') });

    // A formula that ends too soon marks the end.
    await typeFormula('value / effort +');
    await until(async () => (await markedSpans()).spans[0]?.start === 'value / effort +'.length, 'the end is marked');
    assert.match(await page.locator('.formula-message').textContent(), /At the end/);

    // Fixed: no marks, the preview shows the formula's top list, and it can be used.
    const fixed = 'value / sqrt(effort)';
    await typeFormula(fixed);
    await until(async () => (await marks().count()) === 0, 'the marks go away');
    assert.equal(await formulaInput().getAttribute('aria-invalid'), null);
    assert.match(await page.locator('.formula-message').textContent(), /The formula is valid/);
    const expected = expectedNames(exampleBacklog(), { framework: 'custom', formula: fixed });
    assert.notDeepEqual(expected, before, 'the formula ranks differently from RICE');
    await until(async () => (await page.locator('.preview-table td.custom').first().textContent()).startsWith(expected[0]),
      'the preview shows the formula\'s first initiative');

    await page.getByRole('button', { name: 'Use this framework' }).click();
    await until(async () => (await rankedNames()).join() === expected.join(), 'the ranking follows the formula');
    assert.equal(await page.locator('.controls select').first().inputValue(), 'custom');
    assert.ok((await page.locator('.controls select').first().locator('option').allTextContents()).includes('Custom formula'));
    assert.match(await page.locator('.formula-in-use').textContent(), /ranks the backlog now/);

    // Kept with the saved state (saved a moment after the last change).
    await page.waitForTimeout(400);
    await reload();
    assert.deepEqual(await rankedNames(), expected);
    await page.getByRole('tab', { name: 'Framework' }).click();
    assert.equal(await formulaInput().inputValue(), fixed);
    assert.deepEqual(pageErrors, []);
  });

  test('saves the formula as a template, keeps it, and a built-in template switches back', async () => {
    await page.getByRole('tab', { name: 'Framework' }).click();
    await typeFormula('value / sqrt(effort)');
    await page.getByLabel('Template name').fill('Square-root effort');
    await page.getByRole('button', { name: 'Save as template' }).click();
    await until(async () => (await page.locator('.saved-templates').textContent()).includes('Square-root effort'), 'the template is listed');
    await reload();
    await page.getByRole('tab', { name: 'Framework' }).click();
    assert.match(await page.locator('.saved-templates').textContent(), /Square-root effort/);

    await page.getByRole('button', { name: 'Use Square-root effort' }).click();
    const custom = expectedNames(exampleBacklog(), { framework: 'custom', formula: 'value / sqrt(effort)' });
    await until(async () => (await rankedNames()).join() === custom.join(), 'the template ranks');
    // Import: a template with a broken formula is refused with the reason; a good one is listed.
    const importTemplate = async (name, template) => {
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Import template…' }).click();
      await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(template)) });
    };
    await importTemplate('broken.json', { name: 'Broken', framework: 'custom', formula: 'value / reach' });
    await until(async () => /was not imported/.test(await page.locator('.template-message').textContent()), 'the broken template is refused');
    assert.match(await page.locator('.template-message').textContent(), /divisor reach can be 0/);
    await importTemplate('shared.json', { name: 'Shared by the growth team', framework: 'custom', formula: 'value / effort' });
    await until(async () => (await page.locator('.saved-templates').textContent()).includes('Shared by the growth team'), 'the imported template is listed');
    assert.doesNotMatch(await page.locator('.saved-templates').textContent(), /Broken/);

    await page.getByRole('button', { name: 'Use WSJF', exact: true }).click();
    const wsjf = expectedNames(exampleBacklog(), { framework: 'wsjf' });
    await until(async () => (await rankedNames()).join() === wsjf.join(), 'the built-in WSJF ranks');
    assert.deepEqual(pageErrors, []);
  });
});

describe('MoSCoW and Kano columns', () => {
  test('edit in the backlog table, persist, and feed a formula', async () => {
    await page.getByRole('tab', { name: 'Backlog' }).click();
    const backlog = exampleBacklog();
    const rice = expectedNames(backlog, { framework: 'rice' });
    // One from the middle of the RICE ranking (its value is positive on both sides).
    const middleName = rice[Math.floor(rice.length / 2)];
    const index = backlog.initiatives.findIndex((i) => i.name === middleName);

    const moscow = page.getByLabel(`MoSCoW for ${middleName}`);
    const kano = page.getByLabel(`Kano for ${middleName}`);
    assert.equal(await moscow.inputValue(), '');
    await moscow.selectOption('must');
    await kano.selectOption('delighter');
    await until(async () => page.evaluate(() => document.querySelector('twosided-calculator').store.backlog.initiatives
      .some((i) => i.moscow === 'must' && i.kano === 'delighter')), 'the labels reach the backlog');
    await page.screenshot({ path: join(SHOTS, 'labels-backlog.png') });

    await page.waitForTimeout(400);
    await reload();
    await page.getByRole('tab', { name: 'Backlog' }).click();
    assert.equal(await page.getByLabel(`MoSCoW for ${middleName}`).inputValue(), 'must');
    assert.equal(await page.getByLabel(`Kano for ${middleName}`).inputValue(), 'delighter');

    // A formula that favours delighters puts it first.
    await page.getByRole('tab', { name: 'Framework' }).click();
    const formula = 'value / effort * if(kano_delighter, 1000000, 1)';
    await typeFormula(formula);
    await page.getByRole('button', { name: 'Use this framework' }).click();
    backlog.initiatives[index].moscow = 'must';
    backlog.initiatives[index].kano = 'delighter';
    const expected = expectedNames(backlog, { framework: 'custom', formula });
    assert.equal(expected[0], middleName);
    await until(async () => (await rankedNames()).join() === expected.join(), 'the labelled initiative ranks first');

    // Clearing a label removes it.
    await page.getByRole('tab', { name: 'Backlog' }).click();
    await page.getByLabel(`MoSCoW for ${middleName}`).selectOption('');
    await until(async () => page.evaluate((i) => !('moscow' in document.querySelector('twosided-calculator').store.backlog.initiatives[i]), index),
      'the MoSCoW label is gone');
    assert.deepEqual(pageErrors, []);
  });

  test('a criterion defined in the Framework tab becomes a column of the custom framework', async () => {
    await page.getByRole('tab', { name: 'Framework' }).click();
    await page.getByRole('button', { name: '+ Add a criterion' }).click();
    const card = page.locator('.criterion-card');
    await card.getByLabel('Name', { exact: true }).fill('T-shirt size');
    await card.getByLabel('Name in formulas').fill('size');
    await until(async () => page.evaluate(() => document.querySelector('twosided-calculator').store.backlog.criteria?.[0]?.id === 'size'),
      'the criterion is renamed');
    await card.getByLabel('Scale').selectOption('levels');
    await until(async () => (await card.getByLabel('Levels and their numbers').count()) === 1, 'levels are offered');
    await typeFormula('value / size');
    await until(async () => /The formula is valid/.test(await page.locator('.formula-message').textContent()), 'the criterion is a known name');
    assert.match(await page.locator('.preview-error').textContent(), /no value/);
    await page.getByRole('button', { name: 'Use this framework' }).click();

    await page.getByRole('tab', { name: 'Backlog' }).click();
    const first = exampleBacklog().initiatives[0].name;
    const size = page.getByLabel(`T-shirt size for ${first}`);
    assert.deepEqual(await size.locator('option').allTextContents(), ['—', 'S (1)', 'M (2)', 'L (3)', 'XL (5)']);
    await size.selectOption('5');
    await until(async () => page.evaluate(() => document.querySelector('twosided-calculator').store.backlog.initiatives[0].criteria.size === 5),
      'the value is stored as the level\'s number');
    assert.deepEqual(pageErrors, []);
  });
});
