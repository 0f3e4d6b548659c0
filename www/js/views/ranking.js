// The ranking: the ranked list with both sides' values, the balanced score,
// the movement since the last change and a "why" per initiative, beside the
// scatter chart. While the weight slider moves, rows are only reordered and
// their scores updated; the explanations are rebuilt when it is released.

import { h, replaceChildren } from '../dom.js';
import { STRATEGIES, formatNumber, frameworkChoices, kindLabel } from '../format.js';
import { createChart } from './chart.js';
import { registerView } from './registry.js';

registerView({
  id: 'ranking',
  label: 'Ranking',
  create({ store }) {
    const list = h('ol', { class: 'rank-list', 'aria-label': 'Initiatives, best first' });
    const heading = h('p', { class: 'rank-summary' });
    const printSummary = h('p', { class: 'print-only print-settings' });
    const chart = createChart(store);
    const rows = new Map();
    const expanded = new Set();

    const movement = (id, rank, base) => {
      const before = base.get(id);
      if (rank === null || rank === undefined || before === null || before === undefined) return 0;
      return before - rank;
    };
    const setMove = (badge, move) => {
      badge.className = `move ${move > 0 ? 'up' : move < 0 ? 'down' : 'same'}`;
      badge.textContent = move > 0 ? `▲ ${move}` : move < 0 ? `▼ ${-move}` : '–';
      badge.setAttribute('aria-label', move > 0 ? `up ${move}` : move < 0 ? `down ${-move}` : 'no change');
    };

    const render = () => {
      const results = store.results ?? [];
      const names = store.names();
      rows.clear();
      const maxBuyer = Math.max(1e-12, ...results.map((r) => Math.abs(r.buyer.value)));
      const maxSeller = Math.max(1e-12, ...results.map((r) => Math.abs(r.seller.value)));
      const nameOf = new Map(results.map((r) => [r.id, r.name]));
      replaceChildren(list, results.map((result) => {
        const row = buildRow(store, result, { names, nameOf }, maxBuyer, maxSeller, expanded);
        setMove(row.move, movement(result.id, result.rank, store.previousRanks));
        rows.set(result.index, row);
        return row.element;
      }));
      const framework = frameworkChoices(store.options).find(([k]) => k === store.options.framework)?.[1] ?? '';
      const strategy = STRATEGIES.find(([k]) => k === store.options.strategy)?.[1] ?? '';
      const weight = Math.round((store.options.buyerWeight ?? 0.5) * 100);
      heading.textContent = results.length
        ? `${results.length} initiatives scored with ${framework}, balanced by ${strategy.toLowerCase()}.`
        : 'No results yet: fix the values listed above.';
      printSummary.textContent = `${framework} · ${strategy} · ${names.buyer} ${weight}% / ${names.seller} ${100 - weight}% · ${new Date().toLocaleDateString()}`;
      highlight(store.selectedId);
    };

    const reorder = ({ order, scores, ranks }) => {
      const placed = new Set();
      order.forEach((index, position) => {
        const row = rows.get(index);
        if (!row) return;
        placed.add(index);
        list.append(row.element);
        row.rank.textContent = String(position + 1);
        row.score.textContent = formatNumber(scores[index]);
        setMove(row.move, movement(row.id, position + 1, ranks));
      });
      for (const [index, row] of rows) {
        if (placed.has(index)) continue;
        list.append(row.element);
        row.rank.textContent = '–';
      }
    };

    const highlight = (id) => {
      for (const row of rows.values()) {
        const selected = row.id === id;
        row.element.classList.toggle('selected', selected);
        if (selected) row.element.setAttribute('aria-current', 'true');
        else row.element.removeAttribute('aria-current');
      }
    };

    store.on('results', render);
    store.on('order', reorder);
    store.on('select', ({ id }) => {
      highlight(id);
      const row = [...rows.values()].find((r) => r.id === id);
      if (row) {
        row.element.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
        row.name.focus({ preventScroll: true });
      }
    });

    const element = h('section', { class: 'ranking' },
      h('div', { class: 'ranking-list' }, h('h2', { class: 'section-title' }, 'Ranking'), heading, printSummary, list),
      h('div', { class: 'ranking-chart' }, h('h2', { class: 'section-title' }, 'Value to each side'), chart.element));
    render();
    return { element };
  },
});

function buildRow(store, result, { names, nameOf }, maxBuyer, maxSeller, expanded) {
  const whyId = `why-${result.index}`;
  const rank = h('span', { class: 'rank' }, result.rank ? String(result.rank) : '–');
  const move = h('span', { class: 'move' });
  const score = h('span', { class: 'score-value' }, formatNumber(result.score));
  const open = expanded.has(result.id);
  const why = h('div', { class: 'why', id: whyId, hidden: !open }, whyContent(result, names, nameOf));
  const toggle = h('button', {
    type: 'button', class: 'why-toggle', 'aria-expanded': String(open), 'aria-controls': whyId,
    'aria-label': `Why ${result.name} ranks here`,
    onclick: () => {
      const next = why.hidden;
      why.hidden = !next;
      toggle.setAttribute('aria-expanded', String(next));
      if (next) expanded.add(result.id);
      else expanded.delete(result.id);
    },
  }, 'Why?');
  const name = h('button', { type: 'button', class: 'name', onclick: () => store.select(result.id) }, result.name);
  const badges = [
    h('span', { class: `chip kind-${result.kind}` }, kindLabel(result.kind)),
    result.pareto.onFrontier ? h('span', { class: 'chip frontier' }, 'Pareto frontier') : null,
    result.guardrailViolated ? h('span', { class: 'chip warn' }, 'Breaks the guardrail') : null,
    result.buyer.value < 0 ? h('span', { class: 'chip harm' }, `Harms ${names.buyer}`) : null,
    result.seller.value < 0 ? h('span', { class: 'chip harm' }, `Harms ${names.seller}`) : null,
  ];
  const element = h('li', { class: 'rank-row' },
    h('div', { class: 'rank-cell' }, rank, move),
    h('div', { class: 'main-cell' }, name, h('div', { class: 'chips' }, badges)),
    h('div', { class: 'values' },
      valueBar(names.buyer, result.buyer.value, maxBuyer, 'buyer'),
      valueBar(names.seller, result.seller.value, maxSeller, 'seller')),
    h('div', { class: 'score-cell' }, h('span', { class: 'score-label' }, 'Score'), score),
    h('div', { class: 'why-cell' }, toggle),
    why);
  element.dataset.id = result.id;
  element.addEventListener('click', (event) => {
    if (event.target === element || event.target.closest('.values, .main-cell, .rank-cell')) store.select(result.id);
  });
  return { element, rank, move, score, name, id: result.id };
}

function valueBar(label, value, max, side) {
  const bar = h('span', { class: `bar ${value < 0 ? 'negative' : 'positive'} ${side}` });
  bar.style.width = `${Math.min(100, (Math.abs(value) / max) * 100).toFixed(1)}%`;
  return h('div', { class: 'value' },
    h('span', { class: 'value-label' }, label),
    h('span', { class: 'bar-track', 'aria-hidden': 'true' }, bar),
    h('span', { class: 'value-number' }, formatNumber(value)));
}

function whyContent(result, names, nameOf) {
  const dominators = result.pareto.dominatedBy.map((id) => nameOf.get(id) ?? id);
  const terms = (list) => h('dl', { class: 'terms' },
    list.map((term) => [h('dt', {}, term.name), h('dd', {}, formatNumber(term.value))]));
  return [
    h('p', { class: 'why-sentence' }, result.explanation.sentence),
    h('div', { class: 'why-sides' },
      h('div', {}, h('h4', {}, names.buyer), h('p', {}, result.buyer.explanation.sentence), terms(result.buyer.explanation.terms)),
      h('div', {}, h('h4', {}, names.seller), h('p', {}, result.seller.explanation.sentence), terms(result.seller.explanation.terms))),
    result.explanation.terms.length ? h('div', {}, h('h4', {}, 'Balance'), terms(result.explanation.terms)) : null,
    h('p', { class: 'pareto-note' }, result.pareto.onFrontier
      ? 'On the Pareto frontier: no other initiative gives both sides more.'
      : `Dominated by ${result.pareto.dominatedBy.length} initiative${result.pareto.dominatedBy.length === 1 ? '' : 's'} that give both sides at least as much: ${dominators.slice(0, 5).join(', ')}${dominators.length > 5 ? '…' : ''}.`),
  ];
}
