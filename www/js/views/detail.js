// The detail panel: every field of one initiative, including the ones the
// table leaves out (texts, segments, ranges, ICE and WSJF inputs, scorecard
// criteria, dependencies). Edits apply as they are typed, like the table.

import { h, replaceChildren, uid } from '../dom.js';
import { field, showProblems } from '../fields.js';
import { KINDS } from '../format.js';
import { isWithin } from '../paths.js';

let current = null;

/** Open the panel for initiative `index`, focusing the field for `focusPath` if given. */
export function openDetail(context, index, focusPath) {
  if (!current) current = createPanel(context);
  current.open(index, focusPath);
}

function createPanel(context) {
  const { store } = context;
  const title = h('h2', { id: uid('detail-title') });
  const body = h('div', { class: 'detail-body' });
  const dialog = h('dialog', { class: 'detail', 'aria-labelledby': title.id },
    h('div', { class: 'detail-head' }, title,
      h('button', { type: 'button', class: 'ghost', onclick: () => dialog.close() }, 'Done')),
    body);
  context.mount(dialog);
  let index = -1;

  const render = () => {
    const initiative = store.initiatives()[index];
    if (!initiative) { dialog.close(); return; }
    const names = store.names();
    const base = `initiatives[${index}]`;
    const f = (path, label, options = {}) => field(store, `${base}.${path}`, { label, ...options });
    title.textContent = initiative.name || 'Initiative';
    const scroll = body.scrollTop;
    replaceChildren(body,
      section('About', [
        f('name', 'Name'),
        field(store, `${base}.id`, { label: 'Id', hint: 'Used by dependencies and in exports.', onCommit: (id) => store.renameId(index, id) }),
        f('kind', 'Kind of work', { kind: 'select', choices: KINDS }),
        f('problemSpace', 'Problem space', { optional: true, hint: 'for example search, checkout, seller tools' }),
        f('journeyStage', 'Journey stage', { optional: true }),
        f('tags', 'Tags', { kind: 'list', hint: 'Separate with commas.' }),
        f('description', 'Description', { kind: 'textarea', optional: true }),
      ]),
      section('Hypothesis', [
        f('targetMetric', 'Metric it should move', { optional: true }),
        f('hypothesis', 'Hypothesis', { kind: 'textarea', optional: true }),
        f('successCriterion', 'Success criterion', { kind: 'textarea', optional: true }),
      ]),
      ['buyer', 'seller'].map((side) => sideSection(store, base, side, names[side], initiative[side])),
      section('Effort', [f('effort', 'Effort in person-months', { kind: 'estimate', hint: 'A number or low / likely / high.' })]),
      optionalBlock(store, base, initiative, 'ice', 'ICE inputs', [
        ['buyerImpact', `Impact on ${names.buyer}`], ['sellerImpact', `Impact on ${names.seller}`],
        ['confidence', 'Confidence (1-10)'], ['ease', 'Ease (1-10)'],
      ], { buyerImpact: 5, sellerImpact: 5, confidence: 5, ease: 5 }),
      optionalBlock(store, base, initiative, 'wsjf', 'WSJF inputs', [
        ['buyerValue', `Value to ${names.buyer}`], ['sellerValue', `Value to ${names.seller}`],
        ['timeCriticality', 'Time criticality'], ['riskReduction', 'Risk reduction / opportunity'], ['jobSize', 'Job size'],
      ], { buyerValue: 3, sellerValue: 3, timeCriticality: 3, riskReduction: 3, jobSize: 3 }),
      criteriaSection(store, base, initiative, names),
      dependencySection(store, base, index, initiative));
    body.scrollTop = scroll;
    showProblems(body, store.problems);
  };

  const structural = (path) => isWithin(path, `initiatives[${index}]`)
    && /\.(id|dependencies|segments|ice|wsjf|buyer|seller|criteria)(\[\d+\])?$|\.segments\[\d+\]\.segment$/.test(path);
  store.on('edit', ({ path }) => { if (dialog.open && structural(path)) render(); });
  store.on('backlog', () => { if (dialog.open) render(); });
  store.on('problems', () => { if (dialog.open) showProblems(body, store.problems); });

  return {
    open(at, focusPath) {
      index = at;
      render();
      if (!dialog.open) dialog.showModal();
      const inputs = [...body.querySelectorAll('[data-path]')];
      const target = (focusPath && (inputs.find((el) => el.dataset.path === focusPath)
        ?? inputs.find((el) => isWithin(focusPath, el.dataset.path))
        ?? inputs.find((el) => isWithin(el.dataset.path, focusPath)))) || inputs[0];
      target?.focus();
    },
  };
}

function section(heading, children) {
  return h('fieldset', { class: 'detail-section' }, h('legend', {}, heading), h('div', { class: 'detail-grid' }, children));
}

function sideSection(store, base, side, sideName, estimate) {
  const path = `${base}.${side}`;
  const declared = store.backlog.segments?.[side] ?? [];
  const mode = !estimate ? 'none' : estimate.segments?.length ? 'segments' : 'single';
  const modeId = uid('mode');
  const modeSelect = h('select', { id: modeId }, [
    h('option', { value: 'single' }, 'One estimate for the side'),
    declared.length ? h('option', { value: 'segments' }, 'Estimates per segment') : null,
    h('option', { value: 'none' }, `No effect on ${sideName}`),
  ]);
  modeSelect.value = mode;
  modeSelect.dataset.path = path;
  modeSelect.dataset.match = 'exact';
  modeSelect.addEventListener('change', () => {
    const next = modeSelect.value;
    if (next === 'none') store.setField(path, undefined);
    else if (next === 'single') store.setField(path, { reach: 0, impact: 1, confidence: 0.8 });
    else store.setField(path, { segments: [{ segment: declared[0].id, reach: 0, impact: 1, confidence: 0.8 }] });
  });
  const modeField = h('div', { class: 'field' }, h('label', { for: modeId }, 'Estimate'), modeSelect,
    h('p', { class: 'field-error', hidden: true }));
  let fields = [];
  if (mode === 'single') {
    fields = [
      field(store, `${path}.reach`, { label: `Reach (${store.backlog.reachPeriod ?? 'quarter'})`, kind: 'estimate' }),
      field(store, `${path}.impact`, { label: 'Impact', kind: 'estimate', hint: '3 massive, 2 high, 1 medium, 0.5 low, 0.25 minimal; negative for harm' }),
      field(store, `${path}.confidence`, { label: 'Confidence', kind: 'estimate', hint: '1 high, 0.8 medium, 0.5 low' }),
    ];
  } else if (mode === 'segments') {
    fields = estimate.segments.map((segment, i) => {
      const segPath = `${path}.segments[${i}]`;
      return h('div', { class: 'segment-row' },
        field(store, `${segPath}.segment`, { label: 'Segment', kind: 'select', choices: declared.map((d) => [d.id, d.name || d.id]) }),
        field(store, `${segPath}.reach`, { label: 'Reach', kind: 'estimate' }),
        field(store, `${segPath}.impact`, { label: 'Impact', kind: 'estimate' }),
        field(store, `${segPath}.confidence`, { label: 'Confidence', kind: 'estimate' }),
        h('button', { type: 'button', class: 'small danger-text', onclick: () => store.setField(segPath, undefined) }, 'Remove'));
    });
    const unused = declared.filter((d) => !estimate.segments.some((s) => s.segment === d.id));
    if (unused.length) {
      fields.push(h('button', { type: 'button', class: 'small', onclick: () => store.setField(`${path}.segments[${estimate.segments.length}]`,
        { segment: unused[0].id, reach: 0, impact: 1, confidence: 0.8 }) }, '+ Add a segment'));
    }
  }
  return section(`Value to ${sideName}`, [modeField, ...fields]);
}

function optionalBlock(store, base, initiative, key, heading, parts, neutral) {
  const present = Boolean(initiative[key]);
  const toggleId = uid('toggle');
  const toggle = h('input', { id: toggleId, type: 'checkbox', checked: present,
    onchange: () => store.setField(`${base}.${key}`, toggle.checked ? { ...neutral } : undefined) });
  return section(heading, [
    h('div', { class: 'field checkbox' }, toggle, h('label', { for: toggleId }, `This initiative has ${heading}`)),
    present ? parts.map(([part, label]) => field(store, `${base}.${key}.${part}`, { label, kind: 'estimate' })) : [],
  ]);
}

function criteriaSection(store, base, initiative, names) {
  const known = store.options.scorecard?.criteria ?? [];
  const ids = [...new Set([...known.map((c) => c.id), ...Object.keys(initiative.criteria ?? {})])];
  if (ids.length === 0) return null;
  return section('Scorecard criteria', ids.map((id) => {
    const label = known.find((c) => c.id === id)?.name ?? id;
    const path = `${base}.criteria.${id}`;
    const valueOf = (side) => {
      const value = store.get(path);
      return typeof value === 'number' ? value : value?.[side];
    };
    const commit = (side) => (text) => {
      const other = side === 'buyer' ? 'seller' : 'buyer';
      const next = { [side]: text, [other]: valueOf(other) ?? 0 };
      store.setField(path, next);
    };
    return h('div', { class: 'criterion-row' },
      ['buyer', 'seller'].map((side) => {
        const input = field(store, `${path}.${side}`, { label: `${label}: ${names[side]}`, kind: 'number', optional: true, onCommit: (value) => {
          if (value === undefined) {
            const other = valueOf(side === 'buyer' ? 'seller' : 'buyer');
            store.setField(path, other === undefined ? undefined : { buyer: side === 'buyer' ? 0 : other, seller: side === 'seller' ? 0 : other });
          } else commit(side)(value);
        } });
        const el = input.querySelector('input');
        if (store.draftText(el.dataset.path) === undefined) el.value = valueOf(side) === undefined ? '' : String(valueOf(side));
        return input;
      }));
  }));
}

function dependencySection(store, base, index, initiative) {
  const others = store.initiatives().map((other, i) => ({ other, i })).filter(({ i }) => i !== index);
  const chosen = new Set(initiative.dependencies ?? []);
  const path = `${base}.dependencies`;
  const list = h('div', { class: 'dependency-list', role: 'group', 'aria-label': 'Depends on' },
    others.map(({ other }) => {
      const id = uid('dep');
      const box = h('input', { id, type: 'checkbox', checked: chosen.has(other.id), onchange: () => {
        const next = new Set(store.get(path) ?? []);
        if (box.checked) next.add(other.id);
        else next.delete(other.id);
        store.setField(path, next.size ? [...next] : undefined);
      } });
      return h('div', { class: 'field checkbox' }, box, h('label', { for: id }, other.name || other.id));
    }));
  list.dataset.path = path;
  list.dataset.kind = 'group';
  list.dataset.match = 'within';
  return section('Depends on', [h('div', { class: 'field wide' }, list, h('p', { class: 'field-error', hidden: true }))]);
}
