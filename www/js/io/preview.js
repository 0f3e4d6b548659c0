// The preview of a pending import: what would be imported, every problem
// (row, column, message) and the notes, shown before anything is replaced.

import { h } from '../dom.js';
import { estimateText, kindLabel } from '../format.js';

const PREVIEW_ROWS = 50;

const estimate = (value) => (value === undefined ? '' : estimateText(value));
const percent = (value) => {
  if (value === undefined) return '';
  const likely = typeof value === 'number' ? value : value?.likely;
  return typeof likely === 'number' ? `${Math.round(likely * 1000) / 10}%` : estimate(value);
};

/** The problems as a table: Row, Column, Problem (or Where, Problem for JSON). */
export function problemTable(problems, { caption }) {
  const located = problems.some((p) => p.row !== null && p.row !== undefined);
  return h('div', { class: 'table-wrap io-problems' },
    h('table', { class: 'io-table' },
      h('caption', {}, caption),
      h('thead', {}, h('tr', {},
        located ? [h('th', { scope: 'col' }, 'Row'), h('th', { scope: 'col' }, 'Column')] : h('th', { scope: 'col' }, 'Where'),
        h('th', { scope: 'col' }, 'Problem'))),
      h('tbody', {}, problems.map((p) => h('tr', { class: 'io-problem' },
        located
          ? [h('td', { class: 'num', 'data-label': 'Row' }, p.row ?? '–'),
            h('td', { 'data-label': 'Column' }, p.column ? `${p.column}${p.header ? ` (${p.header})` : ''}` : '–')]
          : h('td', { 'data-label': 'Where' }, p.where || 'file'),
        h('td', { class: 'io-message', 'data-label': 'Problem' }, p.message))))));
}

/** The first rows that would be imported. */
export function backlogTable(pending, names) {
  const initiatives = pending.backlog?.initiatives ?? [];
  const shown = initiatives.slice(0, PREVIEW_ROWS);
  const side = (i, key) => [
    h('td', { class: 'num', 'data-label': `${names[key]} reach` }, estimate(i[key]?.reach)),
    h('td', { class: 'num', 'data-label': `${names[key]} impact` }, estimate(i[key]?.impact)),
    h('td', { class: 'num', 'data-label': `${names[key]} confidence` }, percent(i[key]?.confidence)),
  ];
  return h('div', { class: 'table-wrap io-preview-table' },
    h('table', { class: 'io-table' },
      h('caption', {}, initiatives.length > shown.length
        ? `The first ${shown.length} of ${initiatives.length} initiatives`
        : pending.ready
          ? `${initiatives.length} initiative${initiatives.length === 1 ? '' : 's'} to import`
          : `The ${initiatives.length === 1 ? 'row' : `${initiatives.length} rows`} without problems`),
      h('thead', {}, h('tr', {},
        pending.rows ? h('th', { scope: 'col' }, 'Row') : null,
        h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'Id'), h('th', { scope: 'col' }, 'Kind'),
        ['buyer', 'seller'].map((key) => [
          h('th', { scope: 'col', class: `side ${key}` }, `${names[key]} reach`),
          h('th', { scope: 'col', class: `side ${key}` }, 'Impact'),
          h('th', { scope: 'col', class: `side ${key}` }, 'Confidence')]),
        h('th', { scope: 'col' }, 'Effort'))),
      h('tbody', {}, shown.map((initiative, index) => h('tr', { class: 'io-row' },
        pending.rows ? h('td', { class: 'num', 'data-label': 'Row' }, pending.rows[index]) : null,
        h('th', { scope: 'row', class: 'io-name' }, initiative.name),
        h('td', { 'data-label': 'Id' }, initiative.id),
        h('td', { 'data-label': 'Kind' }, kindLabel(initiative.kind ?? 'customerFacing')),
        side(initiative, 'buyer'), side(initiative, 'seller'),
        h('td', { class: 'num', 'data-label': 'Effort' }, estimate(initiative.effort)))))));
}

/** The notes that did not stop the import, folded away. */
export function warningList(warnings) {
  if (!warnings.length) return null;
  return h('details', { class: 'io-warnings' },
    h('summary', {}, warnings.length === 1 ? '1 note about the import' : `${warnings.length} notes about the import`),
    h('ul', {}, warnings.map((w) => h('li', {}, w.where && w.where !== 'file' ? `${w.where}: ` : '', w.message))));
}
