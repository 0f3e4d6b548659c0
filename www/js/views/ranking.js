// The ranking: the ranked list with both sides' values, the balanced score,
// the movement since the last change and a "why" per initiative, beside the
// scatter chart.
//
// It stays fast at 10,000 initiatives: only the rows in view are in the DOM
// (plus a few either side), the list is padded to its full height so the
// scroll bar is true, and a row is built once per initiative and reused while
// it stays in view. While the weight slider moves the store sends `order`
// (typed arrays from Prioritiser.order): the view re-sequences and rewrites
// the rank, score and movement of the rows in view, nothing else. The full
// results, with explanations, arrive as `results` once the slider settles,
// and a row's explanation is built only when it is opened. Short lists (up to
// FULL_LIST_LIMIT) keep every row in the DOM, for printing and find-in-page.

import { h } from '../dom.js';
import { STRATEGIES, frameworkChoices } from '../format.js';
import { createChart } from './chart.js';
import { bindRow, createRow, setOpen, showPlace } from './rank-row.js';
import { layout, visibleRange } from './rank-window.js';
import { registerView } from './registry.js';

/** Up to this many initiatives every row is in the DOM. */
export const FULL_LIST_LIMIT = 200;
/** Rows rendered beyond each edge of the viewport. */
const OVERSCAN = 3;
/** A row's height before one has been measured. */
const ESTIMATED_ROW_HEIGHT = 76;
/** Rows printed (the print style shows the top 15). */
const PRINT_ROWS = 15;
/** Rows moved by Page Up / Page Down. */
const PAGE_ROWS = 10;

registerView({
  id: 'ranking',
  label: 'Ranking',
  create({ store }) {
    const hint = h('p', { class: 'sr-only', id: 'rank-keys' }, 'Arrow keys move between initiatives; Home and End go to the first and last.');
    const list = h('ol', { class: 'rank-list', 'aria-label': 'Initiatives, best first', 'aria-describedby': hint.id });
    const viewport = h('div', { class: 'rank-viewport' }, list);
    const heading = h('p', { class: 'rank-summary' });
    const printSummary = h('p', { class: 'print-only print-settings' });
    const chart = createChart(store);

    let results = [];
    let byIndex = [];
    let indexOfId = new Map();
    let sequence = new Uint32Array(0);
    let positionOf = new Int32Array(0);
    let rankedCount = 0;
    let scores = new Float64Array(0);
    let baseRanks = new Map();
    let virtual = false;
    let printing = false;
    let rowHeight = ESTIMATED_ROW_HEIGHT;
    let measured = false;
    let remeasured = false;
    /** The rendered rows, top to bottom. */
    const pool = [];
    const expanded = new Set();
    const extraHeights = new Map();
    const context = { store, names: store.names(), nameOf: (id) => id, maxBuyer: 1, maxSeller: 1, onToggle: (row, open) => toggle(row, open) };

    /** The display order: the ranked indices, then the excluded ones. */
    const setSequence = (order) => {
      const size = results.length;
      const next = new Uint32Array(size);
      const where = new Int32Array(size).fill(-1);
      let count = 0;
      for (const index of order) {
        if (index >= size || where[index] !== -1) continue;
        where[index] = count;
        next[count++] = index;
      }
      rankedCount = count;
      for (const result of results) {
        if (where[result.index] !== -1) continue;
        where[result.index] = count;
        next[count++] = result.index;
      }
      sequence = next.subarray(0, count);
      positionOf = where;
    };

    const layoutNow = () => layout(sequence.length, rowHeight,
      [...extraHeights].map(([id, extra]) => ({ position: positionOf[indexOfId.get(id)] ?? -1, extra })));

    const renderWindow = () => {
      const size = sequence.length;
      let first = 0;
      let last = size;
      let padTop = 0;
      let padBottom = 0;
      if (printing) last = Math.min(size, PRINT_ROWS);
      else if (virtual) {
        const lay = layoutNow();
        ({ first, last } = visibleRange(size, lay, { top: viewport.scrollTop, height: viewport.clientHeight || 900, overscan: OVERSCAN }));
        padTop = lay.offset(first);
        padBottom = lay.total - lay.offset(last);
      }
      list.style.paddingTop = `${padTop}px`;
      list.style.paddingBottom = `${padBottom}px`;
      // Slot k of the pool shows the row at position first + k: a move
      // re-binds the slots, and the DOM keeps its elements.
      const count = Math.max(0, last - first);
      while (pool.length < count) {
        const row = createRow(context, pool.length);
        pool.push(row);
        list.append(row.element);
      }
      while (pool.length > count) pool.pop().element.remove();
      const wanted = pool;
      for (let k = 0; k < count; k++) {
        const position = first + k;
        const index = sequence[position];
        const result = byIndex[index];
        const row = pool[k];
        if (!result) continue;
        bindRow(row, result, context, expanded.has(result.id));
        const rank = position < rankedCount ? position + 1 : null;
        showPlace(row, {
          rank, score: scores[index], move: movement(result.id, rank, baseRanks),
          position, size, selected: result.id === store.selectedId,
        });
      }
      if (virtual && !printing) measure(wanted);
    };

    /** Learn the row height from a closed row, and each open row's extra height. */
    const measure = (rows) => {
      let changed = false;
      if (!measured) {
        const closed = rows.find((row) => !row.element.classList.contains('open') && row.element.offsetHeight > 0);
        if (closed) {
          measured = true;
          changed = closed.element.offsetHeight !== rowHeight;
          rowHeight = closed.element.offsetHeight;
          list.style.setProperty('--row-height', `${rowHeight}px`);
        }
      }
      for (const row of rows) {
        if (!expanded.has(row.id)) continue;
        const extra = row.element.offsetHeight - rowHeight;
        if (extra > 0 && extraHeights.get(row.id) !== extra) {
          extraHeights.set(row.id, extra);
          changed = true;
        }
      }
      // Once: heights measured now are used for the next render anyway.
      if (changed && !remeasured) {
        remeasured = true;
        renderWindow();
        remeasured = false;
      }
    };

    const toggle = (row, open) => {
      if (open) expanded.add(row.id);
      else {
        expanded.delete(row.id);
        extraHeights.delete(row.id);
      }
      setOpen(row, open, context);
      if (virtual) renderWindow();
    };

    const render = () => {
      list.removeAttribute('aria-busy');
      results = store.results ?? [];
      const names = store.names();
      byIndex = [];
      indexOfId = new Map();
      scores = new Float64Array(results.length);
      let maxBuyer = 1e-12;
      let maxSeller = 1e-12;
      const nameOf = new Map();
      const order = [];
      for (const result of results) {
        byIndex[result.index] = result;
        indexOfId.set(result.id, result.index);
        nameOf.set(result.id, result.name);
        if (result.index < scores.length) scores[result.index] = result.score;
        maxBuyer = Math.max(maxBuyer, Math.abs(result.buyer.value));
        maxSeller = Math.max(maxSeller, Math.abs(result.seller.value));
        if (result.rank !== null && result.rank !== undefined) order.push(result.index);
      }
      Object.assign(context, { names, nameOf: (id) => nameOf.get(id) ?? id, maxBuyer, maxSeller });
      baseRanks = store.previousRanks;
      for (const id of extraHeights.keys()) if (!indexOfId.has(id)) extraHeights.delete(id);
      setSequence(order);
      const nextVirtual = results.length > FULL_LIST_LIMIT;
      if (nextVirtual !== virtual) {
        virtual = nextVirtual;
        viewport.classList.toggle('virtual', virtual);
        if (virtual) {
          viewport.tabIndex = 0;
          viewport.setAttribute('role', 'region');
          viewport.setAttribute('aria-label', `Ranking of ${results.length.toLocaleString('en')} initiatives, scrollable`);
        } else {
          viewport.removeAttribute('tabindex');
          viewport.removeAttribute('role');
          viewport.removeAttribute('aria-label');
        }
      }
      if (virtual) viewport.setAttribute('aria-label', `Ranking of ${results.length.toLocaleString('en')} initiatives, scrollable`);
      renderWindow();
      const framework = frameworkChoices(store.options).find(([k]) => k === store.options.framework)?.[1] ?? '';
      const strategy = STRATEGIES.find(([k]) => k === store.options.strategy)?.[1] ?? '';
      const weight = Math.round((store.options.buyerWeight ?? 0.5) * 100);
      heading.textContent = results.length
        ? `${results.length.toLocaleString('en')} initiatives scored with ${framework}, balanced by ${strategy.toLowerCase()}.`
        : 'No results yet: fix the values listed above.';
      printSummary.textContent = `${framework} · ${strategy} · ${names.buyer} ${weight}% / ${names.seller} ${100 - weight}% · ${new Date().toLocaleDateString()}`;
    };

    // The slider's hot path: a new order and scores, the same rows.
    const reorder = ({ order, scores: liveScores, ranks }) => {
      if (results.length === 0) return;
      scores = liveScores;
      baseRanks = ranks;
      // Explanations and chips follow once the slider settles and the full results arrive.
      list.setAttribute('aria-busy', 'true');
      setSequence(order);
      renderWindow();
    };

    /** Scroll the list (not the page) so the row at `position` is in view, and render it. */
    const bringIntoView = (position) => {
      if (!virtual || position < 0) return;
      const lay = layoutNow();
      const top = lay.offset(position);
      const bottom = lay.offset(position + 1);
      if (top < viewport.scrollTop) viewport.scrollTop = top;
      else if (bottom > viewport.scrollTop + viewport.clientHeight) viewport.scrollTop = bottom - viewport.clientHeight;
      renderWindow();
    };

    const rowAt = (position) => pool.find((row) => row.index === sequence[position]);

    list.addEventListener('keydown', (event) => {
      const control = event.target.closest?.('button.name, button.why-toggle');
      const rowElement = control?.closest('.rank-row');
      if (!rowElement) return;
      const position = positionOf[Number(rowElement.dataset.index)];
      const size = sequence.length;
      const next = {
        ArrowDown: position + 1, ArrowUp: position - 1, Home: 0, End: size - 1,
        PageDown: position + PAGE_ROWS, PageUp: position - PAGE_ROWS,
      }[event.key];
      if (next === undefined || size === 0) return;
      event.preventDefault();
      const target = Math.min(size - 1, Math.max(0, next));
      bringIntoView(target);
      const row = rowAt(target);
      (control.classList.contains('name') ? row?.name : row?.toggle)?.focus({ preventScroll: virtual });
      row?.element.scrollIntoView({ block: 'nearest' });
    });

    viewport.addEventListener('scroll', () => { if (virtual) renderWindow(); }, { passive: true });
    // The viewport's height (the tab shown, the window resized, a phone turned)
    // changes how many rows fit, and may change the row height.
    new ResizeObserver(() => {
      if (!virtual) return;
      measured = false;
      list.style.removeProperty('--row-height');
      extraHeights.clear();
      renderWindow();
    }).observe(viewport);
    window.addEventListener('beforeprint', () => { printing = true; renderWindow(); });
    window.addEventListener('afterprint', () => { printing = false; renderWindow(); });

    store.on('results', render);
    store.on('order', reorder);
    store.on('select', ({ id }) => {
      const index = indexOfId.get(id);
      if (index === undefined) {
        for (const row of pool) showPlace(row, { ...row.shown, selected: false });
        return;
      }
      bringIntoView(positionOf[index]);
      for (const row of pool) showPlace(row, { ...row.shown, selected: row.id === id });
      const row = pool.find((r) => r.index === index);
      if (row) {
        row.element.scrollIntoView({ block: 'nearest', behavior: virtual ? 'auto' : 'smooth' });
        row.name.focus({ preventScroll: true });
      }
    });

    const element = h('section', { class: 'ranking' },
      h('div', { class: 'ranking-list' }, h('h2', { class: 'section-title' }, 'Ranking'), heading, printSummary, hint, viewport),
      h('div', { class: 'ranking-chart' }, h('h2', { class: 'section-title' }, 'Value to each side'), chart.element));
    render();
    return { element, shown: () => { if (virtual) renderWindow(); } };
  },
});

function movement(id, rank, base) {
  const before = base.get(id);
  if (rank === null || rank === undefined || before === null || before === undefined) return 0;
  return before - rank;
}
