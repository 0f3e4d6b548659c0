// The roadmap tab: the best plan for the periods' capacities, allocation
// targets and dependencies (periods as columns with capacity bars), pins
// per initiative, and scenarios saved and compared side by side with a
// buyer-value against seller-value chart.

import { h, replaceChildren, s, uid } from '../dom.js';
import { formatNumber } from '../format.js';
import { registerView } from './registry.js';

const KINDS = { customerFacing: 'customer-facing', platform: 'platform', operational: 'operational' };
const REASONS = {
  excludedByPin: 'Pinned out', guardrail: 'Guardrail', notWorthIt: 'Not worth it',
  prerequisiteNotScheduled: 'Prerequisite not planned', noCapacity: 'No capacity left',
  teamCapacity: 'Team capacity', allocationCap: 'Allocation cap', allocationMinimum: 'Allocation minimum',
  betterUseOfCapacity: 'Room better used',
};
const CHART = 320;
const MAX_COMPARED = 3;
const percent = (share) => `${formatNumber(share * 100)}%`;

registerView({
  id: 'roadmap',
  label: 'Roadmap',
  create({ store }) {
    const settings = {
      periods: ['2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4'].map((name) => ({ name, capacity: 10 })),
      platformMin: 20,
      operationalMax: 15,
      costOfDelay: false,
      mustAsPins: false,
      wontAsExclusions: false,
      pins: new Map(), // id -> period name, or '' for out
    };
    const scenarios = [];
    let roadmap = null;

    const numberField = (label, value, onchange, attrs = {}) => {
      const id = uid('roadmap-field');
      const input = h('input', { id, type: 'number', min: '0', step: '0.5', value: String(value), ...attrs });
      input.addEventListener('change', () => {
        if (input.value !== '' && Number.isFinite(input.valueAsNumber) && input.valueAsNumber >= 0) {
          onchange(input.valueAsNumber);
          plan();
        }
      });
      return h('label', { for: id, class: 'roadmap-field' }, label, ' ', input);
    };
    const cod = h('input', { type: 'checkbox', class: 'cost-of-delay' });
    cod.addEventListener('change', () => { settings.costOfDelay = cod.checked; plan(); });
    const labelBox = (key, className, text) => {
      const box = h('input', { type: 'checkbox', class: className });
      box.addEventListener('change', () => { settings[key] = box.checked; plan(); });
      return h('label', { class: 'roadmap-field' }, box, ` ${text}`);
    };
    const controls = h('fieldset', { class: 'roadmap-controls' },
      h('legend', {}, 'Capacity and targets'),
      settings.periods.map((p) => numberField(`${p.name} capacity (person-months)`, p.capacity, (v) => { p.capacity = v; },
        { class: 'capacity', 'data-period': p.name })),
      numberField('Platform at least (%)', settings.platformMin, (v) => { settings.platformMin = Math.min(v, 100); }, { class: 'platform-min', max: '100' }),
      numberField('Operational at most (%)', settings.operationalMax, (v) => { settings.operationalMax = Math.min(v, 100); }, { class: 'operational-max', max: '100' }),
      h('label', { class: 'roadmap-field' }, cod, ' Earlier is worth more (cost of delay)'),
      labelBox('mustAsPins', 'must-as-pins', 'Must-haves are pinned in'),
      labelBox('wontAsExclusions', 'wont-as-exclusions', "Won't-haves are left out"));
    const summary = h('div', { class: 'roadmap-summary', 'aria-live': 'polite' });
    const board = h('div', { class: 'roadmap-board' });
    const leftOut = h('div', { class: 'roadmap-left-out' });
    const scenarioName = h('input', { type: 'text', class: 'scenario-name', 'aria-label': 'Scenario name', placeholder: 'Scenario name' });
    const saveButton = h('button', { type: 'button', class: 'save-scenario' }, 'Save as scenario');
    const scenarioList = h('ul', { class: 'scenario-list' });
    const comparison = h('div', { class: 'scenario-comparison' });
    const element = h('div', { class: 'roadmap' }, controls, summary, board, leftOut,
      h('section', { class: 'scenarios' }, h('h2', {}, 'Scenarios'),
        h('p', {}, 'Save the current weights, strategy, capacities and pins as a scenario, then tick two or three to compare them.'),
        h('div', { class: 'scenario-save' }, scenarioName, saveButton), scenarioList, comparison));

    const options = () => ({
      periods: settings.periods.map((p) => ({ ...p })),
      scoring: store.options,
      targets: [
        ...(settings.platformMin > 0 ? [{ kind: 'platform', min: settings.platformMin / 100 }] : []),
        ...(settings.operationalMax < 100 ? [{ kind: 'operational', max: settings.operationalMax / 100 }] : []),
      ],
      pins: {
        fixed: [...settings.pins].filter(([, p]) => p).map(([id, period]) => ({ id, period })),
        exclude: [...settings.pins].filter(([, p]) => !p).map(([id]) => id),
      },
      costOfDelay: settings.costOfDelay ? {} : null,
      mustAsPins: settings.mustAsPins,
      wontAsExclusions: settings.wontAsExclusions,
      // A step budget, not only a clock, so the same settings always give the same plan.
      nodeBudget: 20000,
      timeBudgetMs: 5000,
    });

    // The Import / export tab writes the roadmap with the same options.
    store.roadmapPlanOptions = options;

    function plan() {
      try {
        roadmap = store.api.planRoadmap(store.validBacklog ?? store.backlog, options());
      } catch (error) {
        roadmap = null;
        replaceChildren(summary, h('p', { class: 'error', role: 'alert' }, error.message));
        replaceChildren(board);
        replaceChildren(leftOut);
        return;
      }
      renderSummary();
      renderBoard();
      renderLeftOut();
    }

    function renderSummary() {
      const status = roadmap.optimal
        ? 'The best plan (proven optimal).'
        : `The best plan found before the search stopped (after ${formatNumber(roadmap.nodes)} search steps): at most ${percent(roadmap.relativeGap)} below the best possible.`;
      const greedy = roadmap.greedy
        ? ` Taking the highest score that fits would give ${formatNumber(roadmap.greedy.value)}; this plan adds ${formatNumber(roadmap.gainOverGreedy)} (${percent(roadmap.gainOverGreedyShare ?? 0)}).`
        : '';
      replaceChildren(summary, h('p', { class: 'plan-status' }, status, ` Value ${formatNumber(roadmap.value)}.`, greedy));
    }

    function pinSelect(id, current) {
      const select = h('select', { class: 'pin', 'aria-label': `Pin ${id}`, dataset: { id } },
        h('option', { value: 'auto' }, 'Planner decides'),
        settings.periods.map((p) => h('option', { value: p.name }, `Pin to ${p.name}`)),
        h('option', { value: '' }, 'Keep out'));
      select.value = settings.pins.has(id) ? settings.pins.get(id) : 'auto';
      select.addEventListener('change', () => {
        if (select.value === 'auto') settings.pins.delete(id);
        else settings.pins.set(id, select.value);
        plan();
      });
      void current;
      return select;
    }

    function renderBoard() {
      const names = new Map(roadmap.plan.scheduled.map((p) => [p.id, p]));
      replaceChildren(board, roadmap.plan.periods.map((period) => {
        const used = period.capacity > 0 ? Math.min(period.used / period.capacity, 1) : 0;
        return h('section', { class: 'period', dataset: { period: period.name } },
          h('h3', {}, period.name),
          s('svg', { class: 'capacity-bar', viewBox: '0 0 100 8', preserveAspectRatio: 'none', role: 'img',
            'aria-label': `${formatNumber(period.used)} of ${formatNumber(period.capacity)} person-months used` },
          s('rect', { class: 'capacity-total', x: 0, y: 0, width: 100, height: 8 }),
          s('rect', { class: 'capacity-used', x: 0, y: 0, width: (used * 100).toFixed(2), height: 8 })),
          h('p', { class: 'capacity-text' }, `${formatNumber(period.used)} / ${formatNumber(period.capacity)} person-months, ${formatNumber(period.slack)} free`),
          h('ul', { class: 'allocation' }, period.allocation.filter((a) => a.effort > 0 || a.min || a.max).map((a) => h('li', {
            class: a.onTarget ? 'on-target' : 'off-target', dataset: { kind: a.kind },
          }, `${KINDS[a.kind]} ${percent(a.share)}`,
          a.min !== undefined ? ` (min ${percent(a.min)})` : '', a.max !== undefined ? ` (max ${percent(a.max)})` : ''))),
          h('ol', { class: 'planned' }, period.initiatives.map((id) => {
            const item = names.get(id);
            return h('li', { class: `planned-item ${item.kind}`, dataset: { id } },
              h('span', { class: 'name' }, item.name),
              h('span', { class: 'effort' }, ` ${formatNumber(item.effort)} person-month${item.effort === 1 ? '' : 's'}`),
              item.pinned ? h('span', { class: 'pinned' }, ' pinned') : null,
              item.dependencies.length
                ? h('span', { class: 'dependency-hint' }, ` after ${item.dependencies.map((d) => names.get(d)?.name ?? d).join(', ')}`)
                : null,
              pinSelect(id));
          })));
      }));
    }

    function renderLeftOut() {
      replaceChildren(leftOut, h('details', {}, h('summary', {}, `Left out (${roadmap.leftOut.length})`),
        h('ul', {}, roadmap.leftOut.map((l) => h('li', { class: 'left-out-item', dataset: { id: l.id, reason: l.reason } },
          h('strong', {}, l.name), ` — ${REASONS[l.reason] ?? l.reason}: ${l.explanation} `, pinSelect(l.id))))));
    }

    saveButton.addEventListener('click', () => {
      if (!roadmap) return;
      const base = scenarioName.value.trim() || `Scenario ${scenarios.length + 1}`;
      let name = base;
      for (let k = 2; scenarios.some((x) => x.name === name); k++) name = `${base} (${k})`;
      scenarios.push({ name, roadmap, compared: scenarios.filter((x) => x.compared).length < MAX_COMPARED });
      scenarioName.value = '';
      renderScenarios();
    });

    function renderScenarios() {
      replaceChildren(scenarioList, scenarios.map((scenario) => {
        const box = h('input', { type: 'checkbox', checked: scenario.compared, 'aria-label': `Compare ${scenario.name}` });
        box.addEventListener('change', () => {
          if (box.checked && scenarios.filter((x) => x.compared).length >= MAX_COMPARED) box.checked = false;
          scenario.compared = box.checked;
          renderScenarios();
        });
        return h('li', { class: 'scenario', dataset: { name: scenario.name } }, h('label', {}, box, ' ', scenario.name));
      }));
      const chosen = scenarios.filter((x) => x.compared);
      if (chosen.length < 2) {
        replaceChildren(comparison, h('p', {}, 'Tick two or three scenarios to compare them.'));
        return;
      }
      const result = store.api.compareRoadmaps(chosen.map(({ name, roadmap: r }) => ({ name, roadmap: r })));
      const names = store.names();
      const dominated = new Map(result.dominance.map((d) => [d.dominated, d.dominant]));
      replaceChildren(comparison,
        h('table', { class: 'scenario-table' },
          h('thead', {}, h('tr', {}, ['Scenario', `${names.buyer} value`, `${names.seller} value`, 'Balance', 'Initiatives', 'Metrics', 'Problem spaces', 'Dominated by']
            .map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, result.scenarios.map((x) => h('tr', { class: 'scenario-row', dataset: { name: x.name } },
            h('th', { scope: 'row' }, x.name), h('td', { class: 'buyer-value' }, formatNumber(x.buyerValue)),
            h('td', { class: 'seller-value' }, formatNumber(x.sellerValue)), h('td', {}, percent(x.balance)),
            h('td', {}, String(x.initiatives)), h('td', {}, x.metrics.join(', ') || '–'),
            h('td', {}, x.problemSpaces.join(', ') || '–'), h('td', { class: 'dominated-by' }, dominated.get(x.name) ?? '–'))))),
        h('ul', { class: 'scenario-differences' }, result.differences.map((d) => h('li', {},
          `${d.from} → ${d.to}: ${d.added.length} added, ${d.removed.length} removed, ${d.moved.length} moved between periods.`))),
        scenarioChart(result.scenarios, names));
    }

    // A hidden tab re-plans when shown: at 10,000 initiatives planning on every
    // re-rank would hold up the ranking.
    store.on('results', () => { if (element.isConnected && !element.hidden) plan(); });
    return { element, shown: () => { plan(); renderScenarios(); } };
  },
});

/** Buyer value across, seller value up, one labelled point per scenario. */
function scenarioChart(summaries, names) {
  const margin = 40;
  const span = CHART - 2 * margin;
  const most = Math.max(1, ...summaries.flatMap((x) => [x.buyerValue, x.sellerValue]));
  const least = Math.min(0, ...summaries.flatMap((x) => [x.buyerValue, x.sellerValue]));
  const scale = (v) => ((v - least) / (most - least)) * span;
  return h('figure', { class: 'scenario-figure' },
    s('svg', { class: 'scenario-chart', viewBox: `0 0 ${CHART} ${CHART}`, role: 'group', 'aria-label': `${names.buyer} value against ${names.seller} value per scenario` },
      s('line', { class: 'axis', x1: margin, y1: CHART - margin, x2: CHART - margin, y2: CHART - margin }),
      s('line', { class: 'axis', x1: margin, y1: margin, x2: margin, y2: CHART - margin }),
      s('text', { x: CHART / 2, y: CHART - 8, 'text-anchor': 'middle' }, `${names.buyer} value`),
      s('text', { x: 12, y: CHART / 2, transform: `rotate(-90 12 ${CHART / 2})`, 'text-anchor': 'middle' }, `${names.seller} value`),
      summaries.map((x) => {
        const cx = margin + scale(x.buyerValue);
        const cy = CHART - margin - scale(x.sellerValue);
        return s('g', { class: 'scenario-point', dataset: { name: x.name } },
          s('circle', { cx: cx.toFixed(1), cy: cy.toFixed(1), r: 5 }, s('title', {}, `${x.name}: ${formatNumber(x.buyerValue)}, ${formatNumber(x.sellerValue)}`)),
          s('text', { x: (cx + 8).toFixed(1), y: (cy - 6).toFixed(1) }, x.name));
      })),
    h('figcaption', {}, `Each scenario's total ${names.buyer.toLowerCase()} value (across) and ${names.seller.toLowerCase()} value (up).`));
}
