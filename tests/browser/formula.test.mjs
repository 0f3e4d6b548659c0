// The Framework tab and the label columns in real Chromium: write a formula,
// see the mistake underlined where it is, fix it, use it and see the ranking
// change; MoSCoW and Kano edit in the backlog table and survive a reload.
// Expected orders come from the package itself.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { exampleBacklog, score } from 'twosided';
import { pollUntil, SHOTS, useCalculator } from './harness.mjs';

const suite = useCalculator();

async function reload() {
  await suite.page.reload();
  await suite.page.locator('.rank-row').first().waitFor();
}

const until = (check, message) => pollUntil(suite.page, check, message);

const rankedNames = () => suite.page.locator('.rank-row .name').allTextContents();
const expectedNames = (backlog, options) => score(backlog, options).filter((r) => r.rank !== null).map((r) => r.name);
const formulaInput = () => suite.page.locator('textarea.formula-input');
const marks = () => suite.page.locator('.formula-mirror mark');

/** Where each mark starts in the mirrored text, and what it covers. */
const markedSpans = () => suite.page.locator('.formula-mirror').evaluate((mirror) => {
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
    await suite.page.getByRole('tab', { name: 'Framework' }).click();
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
    const message = await suite.page.locator('.formula-message').textContent();
    assert.match(message, /At “efort” \(character 14\)/);
    assert.match(message, /neither a field nor a criterion/);
    assert.equal(await suite.page.getByRole('button', { name: 'Use this framework' }).isDisabled(), true);

    // The mark lies on the textarea's first line, past "value / sqrt(".
    const area = await formulaInput().boundingBox();
    const mark = await marks().first().boundingBox();
    assert.ok(mark.x > area.x + 40 && mark.x + mark.width < area.x + area.width, `mark ${JSON.stringify(mark)} inside ${JSON.stringify(area)}`);
    assert.ok(mark.y > area.y && mark.y + mark.height < area.y + area.height);
    await suite.page.locator('section.framework').screenshot({ path: join(SHOTS, 'formula-error.png') });

    // A formula that ends too soon marks the end.
    await typeFormula('value / effort +');
    await until(async () => (await markedSpans()).spans[0]?.start === 'value / effort +'.length, 'the end is marked');
    assert.match(await suite.page.locator('.formula-message').textContent(), /At the end/);

    // Fixed: no marks, the preview shows the formula's top list, and it can be used.
    const fixed = 'value / sqrt(effort)';
    await typeFormula(fixed);
    await until(async () => (await marks().count()) === 0, 'the marks go away');
    assert.equal(await formulaInput().getAttribute('aria-invalid'), null);
    assert.match(await suite.page.locator('.formula-message').textContent(), /The formula is valid/);
    const expected = expectedNames(exampleBacklog(), { framework: 'custom', formula: fixed });
    assert.notDeepEqual(expected, before, 'the formula ranks differently from RICE');
    await until(async () => (await suite.page.locator('.preview-table td.custom').first().textContent()).startsWith(expected[0]),
      'the preview shows the formula\'s first initiative');

    await suite.page.getByRole('button', { name: 'Use this framework' }).click();
    await until(async () => (await rankedNames()).join() === expected.join(), 'the ranking follows the formula');
    assert.equal(await suite.page.locator('.controls select').first().inputValue(), 'custom');
    assert.ok((await suite.page.locator('.controls select').first().locator('option').allTextContents()).includes('Custom formula'));
    assert.match(await suite.page.locator('.formula-in-use').textContent(), /ranks the backlog now/);

    // Kept with the saved state (saved a moment after the last change).
    await suite.page.waitForTimeout(400);
    await reload();
    assert.deepEqual(await rankedNames(), expected);
    await suite.page.getByRole('tab', { name: 'Framework' }).click();
    assert.equal(await formulaInput().inputValue(), fixed);
    assert.deepEqual(suite.errors, []);
  });

  test('saves the formula as a template, keeps it, and a built-in template switches back', async () => {
    await suite.page.getByRole('tab', { name: 'Framework' }).click();
    await typeFormula('value / sqrt(effort)');
    await suite.page.getByLabel('Template name').fill('Square-root effort');
    await suite.page.getByRole('button', { name: 'Save as template' }).click();
    await until(async () => (await suite.page.locator('.saved-templates').textContent()).includes('Square-root effort'), 'the template is listed');
    await reload();
    await suite.page.getByRole('tab', { name: 'Framework' }).click();
    assert.match(await suite.page.locator('.saved-templates').textContent(), /Square-root effort/);

    await suite.page.getByRole('button', { name: 'Use Square-root effort' }).click();
    const custom = expectedNames(exampleBacklog(), { framework: 'custom', formula: 'value / sqrt(effort)' });
    await until(async () => (await rankedNames()).join() === custom.join(), 'the template ranks');
    // Import: a template with a broken formula is refused with the reason; a good one is listed.
    const importTemplate = async (name, template) => {
      const chooser = suite.page.waitForEvent('filechooser');
      await suite.page.getByRole('button', { name: 'Import template…' }).click();
      await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(template)) });
    };
    await importTemplate('broken.json', { name: 'Broken', framework: 'custom', formula: 'value / reach' });
    await until(async () => /was not imported/.test(await suite.page.locator('.template-message').textContent()), 'the broken template is refused');
    assert.match(await suite.page.locator('.template-message').textContent(), /divisor reach can be 0/);
    await importTemplate('shared.json', { name: 'Shared by the growth team', framework: 'custom', formula: 'value / effort' });
    await until(async () => (await suite.page.locator('.saved-templates').textContent()).includes('Shared by the growth team'), 'the imported template is listed');
    assert.doesNotMatch(await suite.page.locator('.saved-templates').textContent(), /Broken/);

    await suite.page.getByRole('button', { name: 'Use WSJF', exact: true }).click();
    const wsjf = expectedNames(exampleBacklog(), { framework: 'wsjf' });
    await until(async () => (await rankedNames()).join() === wsjf.join(), 'the built-in WSJF ranks');
    assert.deepEqual(suite.errors, []);
  });
});

describe('MoSCoW and Kano columns', () => {
  test('edit in the backlog table, persist, and feed a formula', async () => {
    await suite.page.getByRole('tab', { name: 'Backlog' }).click();
    const backlog = exampleBacklog();
    const rice = expectedNames(backlog, { framework: 'rice' });
    // One from the middle of the RICE ranking (its value is positive on both sides).
    const middleName = rice[Math.floor(rice.length / 2)];
    const index = backlog.initiatives.findIndex((i) => i.name === middleName);

    const moscow = suite.page.getByLabel(`MoSCoW for ${middleName}`);
    const kano = suite.page.getByLabel(`Kano for ${middleName}`);
    assert.equal(await moscow.inputValue(), '');
    await moscow.selectOption('must');
    await kano.selectOption('delighter');
    await until(async () => suite.page.evaluate(() => document.querySelector('twosided-calculator').store.backlog.initiatives
      .some((i) => i.moscow === 'must' && i.kano === 'delighter')), 'the labels reach the backlog');
    await suite.page.screenshot({ path: join(SHOTS, 'labels-backlog.png') });

    await suite.page.waitForTimeout(400);
    await reload();
    await suite.page.getByRole('tab', { name: 'Backlog' }).click();
    assert.equal(await suite.page.getByLabel(`MoSCoW for ${middleName}`).inputValue(), 'must');
    assert.equal(await suite.page.getByLabel(`Kano for ${middleName}`).inputValue(), 'delighter');

    // A formula that favours delighters puts it first.
    await suite.page.getByRole('tab', { name: 'Framework' }).click();
    const formula = 'value / effort * if(kano_delighter, 1000000, 1)';
    await typeFormula(formula);
    await suite.page.getByRole('button', { name: 'Use this framework' }).click();
    backlog.initiatives[index].moscow = 'must';
    backlog.initiatives[index].kano = 'delighter';
    const expected = expectedNames(backlog, { framework: 'custom', formula });
    assert.equal(expected[0], middleName);
    await until(async () => (await rankedNames()).join() === expected.join(), 'the labelled initiative ranks first');

    // Clearing a label removes it.
    await suite.page.getByRole('tab', { name: 'Backlog' }).click();
    await suite.page.getByLabel(`MoSCoW for ${middleName}`).selectOption('');
    await until(async () => suite.page.evaluate((i) => !('moscow' in document.querySelector('twosided-calculator').store.backlog.initiatives[i]), index),
      'the MoSCoW label is gone');
    assert.deepEqual(suite.errors, []);
  });

  test('a criterion defined in the Framework tab becomes a column of the custom framework', async () => {
    await suite.page.getByRole('tab', { name: 'Framework' }).click();
    await suite.page.getByRole('button', { name: '+ Add a criterion' }).click();
    const card = suite.page.locator('.criterion-card');
    await card.getByLabel('Name', { exact: true }).fill('T-shirt size');
    await card.getByLabel('Name in formulas').fill('size');
    await until(async () => suite.page.evaluate(() => document.querySelector('twosided-calculator').store.backlog.criteria?.[0]?.id === 'size'),
      'the criterion is renamed');
    await card.getByLabel('Scale').selectOption('levels');
    await until(async () => (await card.getByLabel('Levels and their numbers').count()) === 1, 'levels are offered');
    await typeFormula('value / size');
    await until(async () => /The formula is valid/.test(await suite.page.locator('.formula-message').textContent()), 'the criterion is a known name');
    assert.match(await suite.page.locator('.preview-error').textContent(), /no value/);
    await suite.page.getByRole('button', { name: 'Use this framework' }).click();

    await suite.page.getByRole('tab', { name: 'Backlog' }).click();
    const first = exampleBacklog().initiatives[0].name;
    const size = suite.page.getByLabel(`T-shirt size for ${first}`);
    assert.deepEqual(await size.locator('option').allTextContents(), ['—', 'S (1)', 'M (2)', 'L (3)', 'XL (5)']);
    await size.selectOption('5');
    await until(async () => suite.page.evaluate(() => document.querySelector('twosided-calculator').store.backlog.initiatives[0].criteria.size === 5),
      'the value is stored as the level\'s number');
    assert.deepEqual(suite.errors, []);
  });
});
