// One row of the ranking list. A row is built for one initiative (its name,
// chips and value bars come from the last full results) and then only its
// rank, score and movement change while the weight slider moves. The "why"
// panel is built when the row is opened, not before: at 10,000 initiatives
// the explanations would be most of the page.

import { h, replaceChildren } from '../dom.js';
import { formatNumber, kindLabel } from '../format.js';

/**
 * A row for `result`. `context` gives `store`, `names`, `nameOf(id)`, the
 * bar scales `maxBuyer`/`maxSeller`, and `onToggle(row, open)`.
 */
export function buildRow(result, context, open) {
  const { store, names } = context;
  const whyId = `why-${result.index}`;
  const rank = h('span', { class: 'rank' }, '–');
  const move = h('span', { class: 'move' });
  const score = h('span', { class: 'score-value' }, '–');
  const why = h('div', { class: 'why', id: whyId, hidden: true });
  const toggle = h('button', {
    type: 'button', class: 'why-toggle', 'aria-expanded': 'false', 'aria-controls': whyId,
    'aria-label': `Why ${result.name} ranks here`,
    onclick: () => context.onToggle(row, why.hidden),
  }, 'Why?');
  const name = h('button', { type: 'button', class: 'name', title: result.name, onclick: () => store.select(result.id) }, result.name);
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
      valueBar(names.buyer, result.buyer.value, context.maxBuyer, 'buyer'),
      valueBar(names.seller, result.seller.value, context.maxSeller, 'seller')),
    h('div', { class: 'score-cell' }, h('span', { class: 'score-label' }, 'Score'), score),
    h('div', { class: 'why-cell' }, toggle),
    why);
  element.dataset.id = result.id;
  element.dataset.index = String(result.index);
  element.addEventListener('click', (event) => {
    if (event.target === element || event.target.closest('.values, .main-cell, .rank-cell')) store.select(result.id);
  });
  const row = { element, rank, move, score, name, toggle, why, id: result.id, index: result.index, result, shown: {} };
  setOpen(row, open, context);
  return row;
}

/** Open or close the why panel, building its content the first time. */
export function setOpen(row, open, context) {
  if (open && !row.whyBuilt) {
    replaceChildren(row.why, whyContent(row.result, context.names, context.nameOf));
    row.whyBuilt = true;
  }
  row.why.hidden = !open;
  row.toggle.setAttribute('aria-expanded', String(open));
  row.element.classList.toggle('open', open);
}

/** Rank, score and movement: written only when they changed. */
export function showPlace(row, { rank, score, move, position, size, selected }) {
  const shown = row.shown;
  if (shown.rank !== rank) {
    row.rank.textContent = rank === null ? '–' : String(rank);
    shown.rank = rank;
  }
  if (shown.score !== score) {
    row.score.textContent = formatNumber(score);
    shown.score = score;
  }
  if (shown.move !== move) {
    row.move.className = `move ${move > 0 ? 'up' : move < 0 ? 'down' : 'same'}`;
    row.move.textContent = move > 0 ? `▲ ${move}` : move < 0 ? `▼ ${-move}` : '–';
    row.move.setAttribute('aria-label', move > 0 ? `up ${move}` : move < 0 ? `down ${-move}` : 'no change');
    shown.move = move;
  }
  if (shown.position !== position || shown.size !== size) {
    row.element.setAttribute('aria-posinset', String(position + 1));
    row.element.setAttribute('aria-setsize', String(size));
    shown.position = position;
    shown.size = size;
  }
  if (shown.selected !== selected) {
    row.element.classList.toggle('selected', selected);
    if (selected) row.element.setAttribute('aria-current', 'true');
    else row.element.removeAttribute('aria-current');
    shown.selected = selected;
  }
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
  const dominators = result.pareto.dominatedBy.map((id) => nameOf(id));
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
