// Cells of the backlog table for the backlog's own criteria (defined in the
// Framework tab) and for the MoSCoW and Kano labels. A criterion on named
// levels or Fibonacci is a select; a range is a number field. A per-side
// criterion has a cell for each side and is stored as { buyer, seller }.

import { field } from '../fields.js';
import { KANO, MOSCOW } from '../format.js';

const FIBONACCI = [1, 2, 3, 5, 8, 13, 20];

/** Table columns for the criteria: [side, label, path inside the initiative, { criterion, side }]. */
export function criterionColumns(criteria) {
  const columns = [];
  for (const criterion of criteria ?? []) {
    if (!criterion?.id) continue;
    const label = criterion.name || criterion.id;
    if (criterion.applies === 'perSide') {
      for (const side of ['buyer', 'seller']) {
        columns.push([side, label, `criteria.${criterion.id}.${side}`, { criterion, side }]);
      }
    } else {
      columns.push([null, label, `criteria.${criterion.id}`, { criterion, side: null }]);
    }
  }
  return columns;
}

/** The choices of a scale shown as a select, or null for a free number. */
export function scaleChoices(scale) {
  if (scale?.kind === 'fibonacci') return FIBONACCI.map((n) => [String(n), String(n)]);
  if (scale?.kind === 'levels') {
    return (scale.levels ?? []).map((level) => [String(level.value), `${level.label} (${level.value})`]);
  }
  return null;
}

/** The input for one criterion value of the initiative at `base` (`initiatives[3]`). */
export function criterionField(store, base, { criterion, side }, ariaLabel) {
  const wholePath = `${base}.criteria.${criterion.id}`;
  const path = side ? `${wholePath}.${side}` : wholePath;
  const commit = (value) => {
    if (!side) {
      store.setField(wholePath, value);
      return;
    }
    // A per-side value may be stored as one number for both sides: split it first.
    const current = store.get(wholePath);
    const next = typeof current === 'number' ? { buyer: current, seller: current } : { ...(current ?? {}) };
    if (value === undefined) delete next[side];
    else next[side] = value;
    delete store.drafts[path];
    store.setField(wholePath, Object.keys(next).length ? next : undefined);
  };
  const choices = scaleChoices(criterion.scale);
  if (choices) {
    return field(store, path, {
      ariaLabel, kind: 'select', choices: [['', '—'], ...choices],
      onCommit: (text) => commit(text === '' ? undefined : Number(text)),
    });
  }
  return field(store, path, { ariaLabel, kind: 'number', optional: true, onCommit: commit });
}

/** A select for the MoSCoW (`moscow`) or Kano (`kano`) label; "—" removes it. */
export function labelField(store, base, key, ariaLabel) {
  const path = `${base}.${key}`;
  return field(store, path, {
    ariaLabel,
    kind: 'select',
    choices: [['', '—'], ...(key === 'moscow' ? MOSCOW : KANO)],
    onCommit: (value) => store.setField(path, value === '' ? undefined : value),
  });
}
