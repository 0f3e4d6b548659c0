// One row of the ranking list. A row is built for one initiative (its name,
// chips and value bars come from the last full results) and then only its
// rank, score and movement change while the weight slider moves. The "why"
// panel is built when the row is opened, not before: at 10,000 initiatives
// the explanations would be most of the page.

import { h, replaceChildren } from '../dom.js';
import { formatNumber, kindLabel } from '../format.js';

/**
 * An empty row: a fixed set of elements that `bindRow` fills for one
 * initiative. Rows are kept and re-bound as the list scrolls or re-ranks, so
 * a slider move changes text and a few classes, never the row's structure.
 * `context` gives `store`, `names`, `nameOf(id)`, the bar scales
 * `maxBuyer`/`maxSeller`, and `onToggle(row, open)`.
 */
export function createRow(context, slot) {
  const { store } = context;
  const whyId = `why-${slot}`;
  const rank = h('span', { class: 'rank' }, '–');
  const move = h('span', { class: 'move' });
  const score = h('span', { class: 'score-value' }, '–');
  const why = h('div', { class: 'why', id: whyId, hidden: true });
  const row = { rank, move, score, why, id: null, index: -1, result: null, shown: {} };
  row.toggle = h('button', {
    type: 'button', class: 'why-toggle', 'aria-expanded': 'false', 'aria-controls': whyId,
    onclick: () => context.onToggle(row, why.hidden),
  }, 'Why?');
  row.name = h('button', { type: 'button', class: 'name', onclick: () => store.select(row.id) });
  row.chips = ['kind', 'frontier', 'warn', 'harm', 'harm'].map((kind) => h('span', { class: `chip ${kind}` }));
  row.bars = ['buyer', 'seller'].map((side) => {
    const bar = h('span', { class: `bar ${side}` });
    const label = h('span', { class: 'value-label' });
    const number = h('span', { class: 'value-number' });
    const element = h('div', { class: 'value' }, label, h('span', { class: 'bar-track', 'aria-hidden': 'true' }, bar), number);
    return { side, bar, label, number, element };
  });
  row.element = h('li', { class: 'rank-row' },
    h('div', { class: 'rank-cell' }, rank, move),
    h('div', { class: 'main-cell' }, row.name, h('div', { class: 'chips' }, row.chips)),
    h('div', { class: 'values' }, row.bars.map((b) => b.element)),
    h('div', { class: 'score-cell' }, h('span', { class: 'score-label' }, 'Score'), score),
    h('div', { class: 'why-cell' }, row.toggle),
    why);
  row.element.addEventListener('click', (event) => {
    if (event.target === row.element || event.target.closest('.values, .main-cell, .rank-cell')) store.select(row.id);
  });
  return row;
}

/** Show `result` in `row` (a no-op when it already shows it). */
export function bindRow(row, result, context, open) {
  if (row.result === result) {
    if (open !== !row.why.hidden) setOpen(row, open, context);
    return;
  }
  const { names } = context;
  row.result = result;
  row.id = result.id;
  row.index = result.index;
  row.element.dataset.id = result.id;
  row.element.dataset.index = String(result.index);
  row.name.textContent = result.name;
  row.name.title = result.name;
  row.toggle.setAttribute('aria-label', `Why ${result.name} ranks here`);
  const chips = [
    [`chip kind-${result.kind}`, kindLabel(result.kind)],
    result.pareto.onFrontier ? ['chip frontier', 'Pareto frontier'] : null,
    result.guardrailViolated ? ['chip warn', 'Breaks the guardrail'] : null,
    result.buyer.value < 0 ? ['chip harm', `Harms ${names.buyer}`] : null,
    result.seller.value < 0 ? ['chip harm', `Harms ${names.seller}`] : null,
  ];
  row.chips.forEach((chip, k) => {
    const shown = chips[k];
    chip.hidden = !shown;
    if (!shown) return;
    if (chip.className !== shown[0]) chip.className = shown[0];
    chip.textContent = shown[1];
  });
  for (const bar of row.bars) {
    const value = result[bar.side].value;
    const max = bar.side === 'buyer' ? context.maxBuyer : context.maxSeller;
    const cls = `bar ${value < 0 ? 'negative' : 'positive'} ${bar.side}`;
    if (bar.bar.className !== cls) bar.bar.className = cls;
    bar.bar.style.width = `${Math.min(100, (Math.abs(value) / max) * 100).toFixed(1)}%`;
    bar.label.textContent = names[bar.side];
    bar.number.textContent = formatNumber(value);
  }
  row.whyBuilt = false;
  setOpen(row, open, context);
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
