// The roadmap tab in real Chromium: periods as columns with capacity bars,
// pins and capacities that re-plan, and scenarios compared side by side.
// Expectations come from the package itself.

import { beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { exampleBacklog, planRoadmap, defaultOptions } from 'twosided';
import { useCalculator } from './harness.mjs';
import { formatNumber } from '../../www/js/format.js';

const suite = useCalculator({ tab: 'Roadmap', errorsPerTest: true });

// The plan is drawn a moment after the tab shows; this runs after
// useCalculator's hook, which opened the tab.
beforeEach(() => suite.page.locator('section.period').first().waitFor());

const quarters = (capacities) => capacities.map((capacity, q) => ({ name: `2027-Q${q + 1}`, capacity }));
const plannedIds = (period) => suite.page.locator(`section.period[data-period="${period}"] .planned-item`).evaluateAll((items) => items.map((i) => i.dataset.id));
const expected = (capacities, extra = {}, backlog = exampleBacklog()) => planRoadmap(backlog, {
  periods: quarters(capacities),
  scoring: defaultOptions(),
  targets: [{ kind: 'platform', min: 0.2 }, { kind: 'operational', max: 0.15 }],
  nodeBudget: 20000,
  timeBudgetMs: 5000,
  ...extra,
});

describe('the roadmap tab', () => {
  test('shows each period as a column with its capacity bar and the planned initiatives', async () => {
    const roadmap = expected([10, 10, 10, 10]);
    assert.equal(await suite.page.locator('section.period').count(), 4);
    for (const period of roadmap.plan.periods) {
      assert.deepEqual(await plannedIds(period.name), period.initiatives);
      const label = await suite.page.locator(`section.period[data-period="${period.name}"] .capacity-bar`).getAttribute('aria-label');
      assert.match(label, /person-months used/);
      // The bar runs the width of its column, filled in proportion to the capacity used.
      const column = suite.page.locator(`section.period[data-period="${period.name}"]`);
      const [box, track, used] = await Promise.all([column.boundingBox(),
        column.locator('.capacity-total').boundingBox(), column.locator('.capacity-used').boundingBox()]);
      assert.ok(track.width > 0.8 * box.width, `${period.name}: bar ${track.width}px in a ${box.width}px column`);
      assert.ok(Math.abs(used.width - track.width * Math.min(period.used / period.capacity, 1)) < 1.5,
        `${period.name}: ${used.width}px of ${track.width}px for ${period.used} of ${period.capacity}`);
      // An empty kind reads 0%, never -0%.
      assert.doesNotMatch(await column.locator('.allocation').textContent(), /-0%/);
    }
    assert.equal(await suite.page.locator('.left-out-item').count(), roadmap.leftOut.length);
    assert.match(await suite.page.locator('.plan-status').textContent(), /best plan/);
    assert.deepEqual(suite.errors, []);
  });

  test('MoSCoW labels pin must-haves in and leave won\'t-haves out when ticked', async () => {
    const plain = expected([10, 10, 10, 10]);
    const backlog = exampleBacklog();
    const byId = new Map(backlog.initiatives.map((i) => [i.id, i]));
    // A must-have the plan leaves out though it would fit, and a won't-have it plans.
    const must = plain.leftOut.find((l) => l.reason !== 'excludedByPin' && byId.get(l.id).effort <= 4
      && !(byId.get(l.id).dependencies ?? []).length);
    const wont = plain.plan.scheduled.find((p) => !p.pinned && p.id !== must?.id
      && !backlog.initiatives.some((i) => (i.dependencies ?? []).includes(p.id)));
    assert.ok(must && wont, 'a left-out and a planned initiative to label');
    await suite.page.getByRole('tab', { name: 'Backlog' }).click();
    await suite.page.getByLabel(`MoSCoW for ${must.name}`).selectOption('must');
    await suite.page.getByLabel(`MoSCoW for ${wont.name}`).selectOption('wont');
    byId.get(must.id).moscow = 'must';
    byId.get(wont.id).moscow = 'wont';
    await suite.page.getByRole('tab', { name: 'Roadmap' }).click();
    const planned = () => suite.page.locator('section.period .planned-item').evaluateAll((items) => items.map((i) => i.dataset.id));
    const allPlanned = (roadmap) => roadmap.plan.periods.flatMap((p) => p.initiatives);
    // Labels alone change nothing.
    await suite.page.waitForFunction(() => true);
    assert.deepEqual(await planned(), allPlanned(plain));

    await suite.page.getByLabel('Must-haves are pinned in').check();
    const withMust = expected([10, 10, 10, 10], { mustAsPins: true }, backlog);
    assert.ok(allPlanned(withMust).includes(must.id));
    await suite.page.waitForFunction((id) => document.querySelector('twosided-calculator').shadowRoot
      .querySelector(`.planned-item[data-id="${id}"]`) !== null, must.id);
    assert.deepEqual(await planned(), allPlanned(withMust));

    await suite.page.getByLabel("Won't-haves are left out").check();
    const withBoth = expected([10, 10, 10, 10], { mustAsPins: true, wontAsExclusions: true }, backlog);
    await suite.page.waitForFunction((id) => document.querySelector('twosided-calculator').shadowRoot
      .querySelector(`.left-out-item[data-id="${id}"]`) !== null, wont.id);
    assert.deepEqual(await planned(), allPlanned(withBoth));
    assert.equal(await suite.page.locator(`.left-out-item[data-id="${wont.id}"]`).getAttribute('data-reason'), 'excludedByPin');
    assert.deepEqual(suite.errors, []);
  });

  test('pinning an item and changing a capacity re-plan', async () => {
    const candidate = expected([10, 10, 10, 10]).plan.scheduled.find((p) => p.period === 0 && p.dependencies.length === 0);
    assert.ok(candidate, 'an initiative planned in the first quarter');
    await suite.page.locator(`select.pin[data-id="${candidate.id}"]`).first().selectOption('2027-Q4');
    await suite.page.waitForFunction((id) => {
      const root = document.querySelector('twosided-calculator').shadowRoot;
      return root.querySelector(`section.period[data-period="2027-Q4"] .planned-item[data-id="${id}"]`) !== null;
    }, candidate.id);
    const pinnedRoadmap = expected([10, 10, 10, 10], { pins: { fixed: [{ id: candidate.id, period: '2027-Q4' }] } });
    assert.deepEqual(await plannedIds('2027-Q4'), pinnedRoadmap.plan.periods[3].initiatives);

    const capacity = suite.page.locator('input.capacity[data-period="2027-Q1"]');
    await capacity.fill('6');
    await capacity.dispatchEvent('change');
    const smaller = expected([6, 10, 10, 10], { pins: { fixed: [{ id: candidate.id, period: '2027-Q4' }] } });
    await suite.page.waitForFunction((count) => {
      const root = document.querySelector('twosided-calculator').shadowRoot;
      return root.querySelectorAll('section.period[data-period="2027-Q1"] .planned-item').length === count;
    }, smaller.plan.periods[0].initiatives.length);
    assert.deepEqual(await plannedIds('2027-Q1'), smaller.plan.periods[0].initiatives);
    assert.match(await suite.page.locator('section.period[data-period="2027-Q1"] .capacity-text').textContent(), /\/ 6 person-months/);
    assert.deepEqual(suite.errors, []);
  });

  test('saves scenarios and compares them with a buyer against seller chart', async () => {
    await suite.page.locator('input.scenario-name').fill('Even');
    await suite.page.locator('button.save-scenario').click();
    const capacity = suite.page.locator('input.capacity[data-period="2027-Q2"]');
    await capacity.fill('25');
    await capacity.dispatchEvent('change');
    await suite.page.locator('input.scenario-name').fill('More in Q2');
    await suite.page.locator('button.save-scenario').click();
    const rows = suite.page.locator('tr.scenario-row');
    await rows.nth(1).waitFor();
    assert.deepEqual(await rows.evaluateAll((r) => r.map((x) => x.dataset.name)), ['Even', 'More in Q2']);
    assert.equal(await suite.page.locator('.scenario-chart .scenario-point').count(), 2);
    const more = expected([10, 25, 10, 10]);
    const buyer = await suite.page.locator('tr.scenario-row[data-name="More in Q2"] .buyer-value').textContent();
    assert.equal(buyer, formatNumber(more.plan.buyerValue));
    assert.match(await suite.page.locator('.scenario-differences li').first().textContent(), /Even → More in Q2: \d+ added, \d+ removed, \d+ moved/);
    assert.deepEqual(suite.errors, []);
  });
});
