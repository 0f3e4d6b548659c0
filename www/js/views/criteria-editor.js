// The backlog's own criteria, defined in the Framework tab: a name, the name
// formulas use, a scale (a range, Fibonacci, or named levels such as
// S = 1, M = 2, L = 3, XL = 5), whole initiative or per side, and benefit or
// cost. Values are entered in the backlog table when the custom formula is in
// use. Every change goes through the store, so validation reports problems
// next to the field they concern.

import { h } from '../dom.js';
import { field } from '../fields.js';
import { isWithin } from '../paths.js';

const SCALES = [
  ['range', 'A range'],
  ['fibonacci', 'Fibonacci 1-20'],
  ['levels', 'Named levels'],
];

const DEFAULT_SCALES = {
  range: { kind: 'range', min: 1, max: 5 },
  fibonacci: { kind: 'fibonacci' },
  levels: { kind: 'levels', levels: [{ label: 'S', value: 1 }, { label: 'M', value: 2 }, { label: 'L', value: 3 }, { label: 'XL', value: 5 }] },
};

/** "S = 1, M = 2" for a list of levels. */
export function levelsText(levels) {
  return (levels ?? []).map((l) => `${l.label} = ${l.value}`).join(', ');
}

/** Parse "S = 1, M = 2, L = 3" into levels, or say what is wrong. */
export function parseLevels(text) {
  const parts = text.split(',').map((t) => t.trim()).filter(Boolean);
  if (parts.length === 0) return { error: 'Write each level as a label and its number, for example S = 1, M = 2, L = 3, XL = 5.' };
  const levels = [];
  for (const part of parts) {
    const match = /^(.+?)\s*[=:]\s*(-?(?:\d+\.?\d*|\.\d+))$/.exec(part);
    if (!match) return { error: `"${part}" needs a label and a number, such as XL = 5.` };
    levels.push({ label: match[1].trim(), value: Number(match[2]) });
  }
  return { value: levels };
}

/** True when an edit at `path` changes what the criteria editor shows (not a name being typed). */
export function reshapesCriteria(path) {
  return path === 'criteria' || /^criteria\[\d+\](\.(id|scale|applies|cost))?$/.test(path);
}

export function criteriaSection(store) {
  const criteria = store.backlog.criteria ?? [];
  return h('fieldset', { class: 'detail-section criteria-editor' },
    h('legend', {}, 'Your criteria'),
    h('p', { class: 'section-note' },
      'Add the criteria your team scores with. A formula uses each one by its formula name; with the custom formula in use, the backlog table gets a column for each.'),
    criteria.length === 0 ? h('p', { class: 'empty-note' }, 'No criteria yet: formulas can still use reach, impact, confidence, effort and the rest.') : null,
    criteria.map((criterion, index) => criterionCard(store, criterion, index)),
    h('button', { type: 'button', class: 'small', onclick: () => addCriterion(store) }, '+ Add a criterion'));
}

function criterionCard(store, criterion, index) {
  const base = `criteria[${index}]`;
  const title = criterion.name || `Criterion ${index + 1}`;
  const kind = criterion.scale?.kind;
  const select = (path, label, choices, value, commit) => {
    const wrapper = field(store, path, { label, kind: 'select', choices, onCommit: commit });
    wrapper.querySelector('select').value = value;
    return wrapper;
  };
  let scaleDetail = null;
  if (kind === 'range') {
    scaleDetail = [
      field(store, `${base}.scale.min`, { label: 'Lowest', kind: 'number' }),
      field(store, `${base}.scale.max`, { label: 'Highest', kind: 'number' }),
    ];
  } else if (kind === 'levels') {
    const path = `${base}.scale.levels`;
    scaleDetail = field(store, path, {
      label: 'Levels and their numbers',
      hint: 'for example S = 1, M = 2, L = 3, XL = 5',
      onCommit: (text) => {
        const { value, error } = parseLevels(text);
        if (error) store.setDraft(path, text, error);
        else store.setField(path, value);
      },
    });
    if (store.draftText(path) === undefined) scaleDetail.querySelector('input').value = levelsText(criterion.scale.levels);
    scaleDetail.classList.add('wide-field');
  }
  return h('div', { class: 'criterion-card', 'data-criterion': criterion.id },
    h('div', { class: 'criterion-head' },
      h('h3', {}, title),
      h('button', { type: 'button', class: 'small danger-text', 'aria-label': `Remove ${title}`, onclick: () => removeCriterion(store, index) }, 'Remove')),
    h('div', { class: 'criterion-grid' },
      field(store, `${base}.name`, { label: 'Name' }),
      field(store, `${base}.id`, {
        label: 'Name in formulas', hint: 'lower case, digits and _',
        onCommit: (id) => renameCriterion(store, index, String(id).trim()),
      }),
      select(`${base}.scale.kind`, 'Scale', SCALES, kind ?? 'range',
        (value) => store.setField(`${base}.scale`, structuredClone(DEFAULT_SCALES[value]))),
      scaleDetail,
      select(`${base}.applies`, 'Applies to', [['whole', 'Whole initiative'], ['perSide', 'Each side']],
        criterion.applies ?? 'whole', (value) => setApplies(store, index, value)),
      select(`${base}.cost`, 'Direction', [['benefit', 'Benefit (more is better)'], ['cost', 'Cost (less is better)']],
        criterion.cost ? 'cost' : 'benefit', (value) => store.setField(`${base}.cost`, value === 'cost' ? true : undefined))));
}

function addCriterion(store) {
  const criteria = store.backlog.criteria ?? [];
  const taken = new Set(criteria.map((c) => c.id));
  let n = criteria.length + 1;
  while (taken.has(`criterion_${n}`)) n += 1;
  store.setField(`criteria[${criteria.length}]`, { id: `criterion_${n}`, name: `Criterion ${n}`, scale: { ...DEFAULT_SCALES.range } });
}

/** Remove a criterion and every initiative's value for it. */
function removeCriterion(store, index) {
  const criterion = store.backlog.criteria?.[index];
  if (!criterion) return;
  for (const initiative of store.initiatives()) {
    if (initiative.criteria && criterion.id in initiative.criteria) delete initiative.criteria[criterion.id];
  }
  dropDrafts(store, (path) => /\.criteria\./.test(path) && path.includes(`.criteria.${criterion.id}`));
  store.setField(`criteria[${index}]`, undefined);
}

/** A new formula name: initiatives' values move with it. */
function renameCriterion(store, index, id) {
  const old = store.backlog.criteria?.[index]?.id;
  if (old && id && old !== id) {
    for (const initiative of store.initiatives()) {
      if (initiative.criteria && old in initiative.criteria && !(id in initiative.criteria)) {
        initiative.criteria[id] = initiative.criteria[old];
        delete initiative.criteria[old];
      }
    }
  }
  store.setField(`criteria[${index}].id`, id);
}

/** Whole <-> per side. A per-side pair with the same value on both sides becomes one value. */
function setApplies(store, index, applies) {
  const criterion = store.backlog.criteria?.[index];
  if (!criterion) return;
  if (applies === 'whole') {
    for (const initiative of store.initiatives()) {
      const value = initiative.criteria?.[criterion.id];
      if (value && typeof value === 'object' && value.buyer === value.seller) initiative.criteria[criterion.id] = value.buyer;
    }
  } else {
    // Per side: one number stands for both sides; the table edits each side.
    for (const initiative of store.initiatives()) {
      const value = initiative.criteria?.[criterion.id];
      if (typeof value === 'number') initiative.criteria[criterion.id] = { buyer: value, seller: value };
    }
  }
  store.setField(`criteria[${index}].applies`, applies === 'whole' ? undefined : applies);
}

function dropDrafts(store, matches) {
  for (const path of Object.keys(store.drafts)) if (matches(path)) delete store.drafts[path];
}

/** The input for a problem's path inside the criteria editor, if any. */
export function criteriaInput(container, path) {
  if (!isWithin(path, 'criteria')) return null;
  return [...container.querySelectorAll('[data-path]')].find((el) => isWithin(path, el.dataset.path))
    ?? container.querySelector('.criteria-editor [data-path]');
}
