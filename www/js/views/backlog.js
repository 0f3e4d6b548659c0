// The backlog table: one row per initiative, edited in place. The columns
// follow the chosen framework (RICE reach/impact/confidence per side, ICE
// impacts, WSJF values; a custom formula adds the backlog's own criteria),
// with the MoSCoW and Kano labels always shown; every other field is in the
// detail panel.

import { h, replaceChildren } from '../dom.js';
import { field, showProblems, sync } from '../fields.js';
import { KINDS } from '../format.js';
import { isWithin } from '../paths.js';
import { criterionColumns, criterionField, labelField } from './criterion-cells.js';
import { openDetail } from './detail.js';
import { registerView } from './registry.js';

/**
 * Columns per framework: [side group, label, path inside the initiative,
 * { criterion, side } for a custom criterion].
 */
function columns(framework, names, criteria) {
  const rice = (side) => [[side, 'Reach', `${side}.reach`], [side, 'Impact', `${side}.impact`], [side, 'Confidence', `${side}.confidence`]];
  switch (framework) {
    case 'ice':
      return { block: 'ice', cells: [['buyer', 'Impact', 'ice.buyerImpact'], ['seller', 'Impact', 'ice.sellerImpact'], [null, 'Confidence', 'ice.confidence'], [null, 'Ease', 'ice.ease']] };
    case 'wsjf':
      return { block: 'wsjf', cells: [['buyer', 'Value', 'wsjf.buyerValue'], ['seller', 'Value', 'wsjf.sellerValue'], [null, 'Time criticality', 'wsjf.timeCriticality'], [null, 'Risk reduction', 'wsjf.riskReduction'], [null, 'Job size', 'wsjf.jobSize']] };
    case 'custom':
      return { block: null, cells: [...rice('buyer'), ...rice('seller'), [null, 'Effort (months)', 'effort'], ...criterionColumns(criteria)] };
    default:
      return { block: null, cells: [...rice('buyer'), ...rice('seller'), [null, 'Effort (months)', 'effort']], names };
  }
}

/** Rows per page of the table: a 10,000-row table of inputs would stall the page. */
const PAGE_SIZE = 100;

const NEUTRAL = {
  ice: { buyerImpact: 5, sellerImpact: 5, confidence: 5, ease: 5 },
  wsjf: { buyerValue: 3, sellerValue: 3, timeCriticality: 3, riskReduction: 3, jobSize: 3 },
};

registerView({
  id: 'backlog',
  label: 'Backlog',
  create(context) {
    const { store } = context;
    const table = h('table', { class: 'backlog-table' });
    const wrap = h('div', { class: 'table-wrap' }, table);
    const add = h('button', { type: 'button', class: 'primary', onclick: () => {
      const index = store.addInitiative();
      focusPath(`initiatives[${index}].name`, true);
    } }, '+ Add initiative');

    let page = 0;
    const pageOf = (index) => Math.floor(index / PAGE_SIZE);
    const pager = h('nav', { class: 'pager', 'aria-label': 'Pages of the backlog', hidden: true });
    const showPage = (next) => {
      page = next;
      render();
    };
    const renderPager = (count) => {
      const pages = Math.max(1, Math.ceil(count / PAGE_SIZE));
      pager.hidden = pages === 1;
      if (pages === 1) return;
      const first = page * PAGE_SIZE + 1;
      const last = Math.min(count, (page + 1) * PAGE_SIZE);
      const go = (label, target, disabled) => h('button', {
        type: 'button', class: 'small', disabled, onclick: () => showPage(target),
      }, label);
      replaceChildren(pager,
        go('First', 0, page === 0), go('Previous', page - 1, page === 0),
        h('span', { class: 'pager-status', 'aria-live': 'polite' },
          `Initiatives ${first.toLocaleString('en')}–${last.toLocaleString('en')} of ${count.toLocaleString('en')}`),
        go('Next', page + 1, page >= pages - 1), go('Last', pages - 1, page >= pages - 1));
    };

    const render = () => {
      const names = store.names();
      const { block, cells } = columns(store.options.framework, names, store.backlog.criteria);
      const groups = [];
      for (const [side] of cells) {
        const last = groups[groups.length - 1];
        if (last && last.side === side) last.span += 1;
        else groups.push({ side, span: 1 });
      }
      const head = h('thead', {},
        h('tr', { class: 'group-row' },
          h('td', { colspan: 4 }),
          groups.map((g) => h(g.side ? 'th' : 'td', { colspan: g.span, scope: g.side ? 'colgroup' : null, class: g.side ? `group ${g.side}` : null }, g.side ? names[g.side] : '')),
          h('td', { colspan: 2 })),
        h('tr', {},
          h('th', { scope: 'col' }, 'Initiative'), h('th', { scope: 'col' }, 'Kind of work'),
          h('th', { scope: 'col' }, 'MoSCoW'), h('th', { scope: 'col' }, 'Kano'),
          cells.map(([side, label]) => h('th', { scope: 'col', class: side ? `side ${side}` : null }, label)),
          h('th', { scope: 'col' }, 'Depends on'), h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, 'Actions'))));
      const initiatives = store.initiatives();
      page = Math.min(page, Math.max(0, Math.ceil(initiatives.length / PAGE_SIZE) - 1));
      const start = page * PAGE_SIZE;
      const body = h('tbody', {}, initiatives.slice(start, start + PAGE_SIZE)
        .map((initiative, k) => row(initiative, start + k, { block, cells, names })));
      replaceChildren(table, head, body);
      renderPager(initiatives.length);
      showProblems(table, store.problems);
    };

    const row = (initiative, index, { block, cells, names }) => {
      const base = `initiatives[${index}]`;
      const label = (text) => `${text} for ${initiative.name || `initiative ${index + 1}`}`;
      const tds = [];
      const missingBlock = block && !initiative[block];
      let skip = 0;
      cells.forEach(([side, text, path, custom], c) => {
        if (skip > 0) { skip -= 1; return; }
        if (custom) {
          const heading = side ? `${names[side]} ${text}` : text;
          tds.push(h('td', { 'data-label': heading, class: 'criterion-cell' },
            criterionField(store, base, custom, label(heading))));
          return;
        }
        if (missingBlock) {
          tds.push(h('td', { colspan: cells.length, class: 'note-cell' },
            `No ${block.toUpperCase()} inputs yet. `,
            h('button', { type: 'button', class: 'link', onclick: () => store.setField(`${base}.${block}`, { ...NEUTRAL[block] }) },
              `Add ${block.toUpperCase()} inputs`)));
          skip = cells.length - 1;
          return;
        }
        const sideValue = side && !block ? initiative[side] : undefined;
        if (side && !block && (!sideValue || sideValue.segments?.length)) {
          const span = cells.slice(c).filter(([s, , , custom]) => s === side && !custom).length;
          skip = span - 1;
          tds.push(h('td', { colspan: span, class: 'note-cell', 'data-label': names[side] },
            sideValue ? `Split into ${sideValue.segments.length} segment${sideValue.segments.length === 1 ? '' : 's'}. ` : `No effect on ${names[side]}. `,
            h('button', { type: 'button', class: 'link', onclick: () => openDetail(context, index, `${base}.${side}`) }, 'Edit')));
          return;
        }
        const heading = side ? `${names[side]} ${text.toLowerCase()}` : text;
        tds.push(h('td', { 'data-label': heading },
          field(store, `${base}.${path}`, { ariaLabel: label(heading), kind: 'estimate' })));
      });
      const deps = (initiative.dependencies ?? []).map((id) => store.initiatives().find((i) => i.id === id)?.name ?? id);
      return h('tr', { 'data-index': index },
        h('th', { scope: 'row', class: 'name-cell', 'data-label': 'Initiative' },
          field(store, `${base}.name`, { ariaLabel: `Name of initiative ${index + 1}` })),
        h('td', { 'data-label': 'Kind of work' },
          field(store, `${base}.kind`, { ariaLabel: label('Kind of work'), kind: 'select', choices: KINDS })),
        h('td', { 'data-label': 'MoSCoW', class: 'label-cell' }, labelField(store, base, 'moscow', label('MoSCoW'))),
        h('td', { 'data-label': 'Kano', class: 'label-cell' }, labelField(store, base, 'kano', label('Kano'))),
        tds,
        h('td', { class: 'deps', 'data-label': 'Depends on' }, deps.length ? deps.join(', ') : '—'),
        h('td', { class: 'actions' },
          h('button', { type: 'button', class: 'small', onclick: () => openDetail(context, index), 'aria-label': label('All details') }, 'Details'),
          h('button', { type: 'button', class: 'small', onclick: () => {
            const copy = store.duplicate(index);
            focusPath(`initiatives[${copy}].name`, true);
          }, 'aria-label': label('Duplicate') }, 'Duplicate'),
          h('button', { type: 'button', class: 'small danger-text', onclick: () => store.remove(index), 'aria-label': label('Delete') }, 'Delete')));
    };

    const focusPath = (path, select = false) => {
      const at = /^initiatives\[(\d+)\]/.exec(path);
      if (at && pageOf(Number(at[1])) !== page) showPage(pageOf(Number(at[1])));
      const input = [...table.querySelectorAll('[data-path]')].find((el) => el.dataset.path === path);
      if (!input) return false;
      input.focus();
      if (select) input.select?.();
      return true;
    };

    const structural = (path) => /\.(id|dependencies|segments|ice|wsjf|buyer|seller)$/.test(path)
      || /^initiatives\[\d+\]\.(buyer|seller)\.segments/.test(path) || isWithin(path, 'sideNames')
      // The custom framework's columns follow the criteria defined in the Framework tab.
      || (isWithin(path, 'criteria') && store.options.framework === 'custom');
    store.on('backlog', render);
    store.on('names', render);
    store.on('options', ({ path }) => { if (path === '' || path === 'framework') render(); });
    store.on('edit', ({ path }) => {
      if (structural(path)) { render(); return; }
      const active = table.getRootNode().activeElement;
      for (const input of table.querySelectorAll('[data-path]')) if (input !== active) sync(store, input);
      if (/\.name$/.test(path)) {
        for (const tr of table.querySelectorAll('tbody tr')) {
          const initiative = store.initiatives()[Number(tr.dataset.index)];
          const deps = (initiative?.dependencies ?? []).map((id) => store.initiatives().find((i) => i.id === id)?.name ?? id);
          const cell = tr.querySelector('.deps');
          if (cell) cell.textContent = deps.length ? deps.join(', ') : '—';
        }
      }
    });
    store.on('problems', () => showProblems(table, store.problems));

    const element = h('section', { class: 'backlog' },
      h('div', { class: 'section-head' },
        h('div', {},
          h('h2', { class: 'section-title' }, 'Backlog'),
          h('p', { class: 'section-note' }, 'Type to edit. Ranges are written low / likely / high, for example 1 / 2 / 4. Confidence is a fraction: 1 high, 0.8 medium, 0.5 low.')),
        add),
      wrap, pager);
    render();
    return {
      element,
      reveal(path) {
        const match = /^initiatives\[(\d+)\]/.exec(path);
        if (!match) return false;
        if (pageOf(Number(match[1])) !== page) showPage(pageOf(Number(match[1])));
        const input = [...table.querySelectorAll('[data-path]')].find((el) => isWithin(path, el.dataset.path));
        if (input) {
          context.showView('backlog');
          input.focus();
          return true;
        }
        openDetail(context, Number(match[1]), path);
        return true;
      },
    };
  },
});
