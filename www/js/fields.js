// Form fields bound to a path in the backlog. Each field shows the problem
// whose path matches it, right next to it, and keeps the text a person typed
// even when it is not a number yet (the store keeps it as a draft).

import { h, uid } from './dom.js';
import { estimateText, parseEstimate, parseNumber } from './format.js';
import { isWithin } from './paths.js';

const TYPING_DELAY_MS = 250;

/**
 * A bound input. `kind` is 'text', 'textarea', 'estimate', 'number', 'list'
 * (comma-separated) or 'select' (with `choices: [[value, label], ...]`).
 * Returns the wrapper element; `label: null` hides the label visually but
 * keeps it for screen readers through `ariaLabel`.
 */
export function field(store, path, { label, ariaLabel, kind = 'text', choices = [], optional = false, hint, onCommit } = {}) {
  const id = uid('field');
  const errorId = `${id}-error`;
  const describedBy = [errorId];
  let input;
  if (kind === 'select') {
    input = h('select', { id }, choices.map(([value, text]) => h('option', { value }, text)));
  } else if (kind === 'textarea') {
    input = h('textarea', { id, rows: 3 });
  } else {
    input = h('input', {
      id,
      type: 'text',
      inputmode: kind === 'estimate' || kind === 'number' ? 'decimal' : null,
      autocomplete: 'off',
      spellcheck: kind === 'text' || kind === 'list' ? null : 'false',
    });
  }
  input.dataset.path = path;
  input.dataset.kind = kind;
  if (ariaLabel) input.setAttribute('aria-label', ariaLabel);
  let hintEl = null;
  if (hint) {
    hintEl = h('p', { class: 'field-hint', id: `${id}-hint` }, hint);
    describedBy.push(hintEl.id);
  }
  input.setAttribute('aria-describedby', describedBy.join(' '));
  const error = h('p', { class: 'field-error', id: errorId, hidden: true });

  const read = () => {
    const text = input.value;
    switch (kind) {
      case 'estimate':
        return parseEstimate(text, { optional });
      case 'number':
        return parseNumber(text, { optional });
      case 'list':
        return { value: text.split(',').map((t) => t.trim()).filter(Boolean) };
      case 'select':
        return { value: text };
      default:
        return { value: optional && text.trim() === '' ? undefined : text };
    }
  };
  let timer = 0;
  const commit = () => {
    window.clearTimeout(timer);
    const { value, error: message } = read();
    if (message) store.setDraft(path, input.value, message);
    else if (onCommit) onCommit(value);
    else store.setField(path, kind === 'list' && value.length === 0 ? undefined : value);
  };
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(commit, kind === 'select' ? 0 : TYPING_DELAY_MS);
  });
  input.addEventListener('change', commit);
  sync(store, input);

  const wrapper = h('div', { class: `field field-${kind}` });
  if (label !== null && label !== undefined) wrapper.append(h('label', { for: id }, label));
  wrapper.append(input);
  if (hintEl) wrapper.append(hintEl);
  wrapper.append(error);
  return wrapper;
}

/** Put the stored value (or the draft text) into an input, unless it is being edited. */
export function sync(store, input) {
  const path = input.dataset.path;
  const draft = store.draftText(path);
  let text;
  if (draft !== undefined) text = draft;
  else {
    const value = store.get(path);
    if (input.dataset.kind === 'estimate' || input.dataset.kind === 'number') text = estimateText(value);
    else if (input.dataset.kind === 'list') text = Array.isArray(value) ? value.join(', ') : '';
    else text = value ?? '';
  }
  if (input.value !== String(text)) input.value = String(text);
}

/**
 * Show each problem next to the field whose path it names (or lies inside).
 * Returns the problems no field in `container` could show.
 */
export function showProblems(container, problems) {
  const shown = new Set();
  for (const input of container.querySelectorAll('[data-path]')) {
    const path = input.dataset.path;
    const exact = input.dataset.match === 'exact';
    const mine = problems.filter((p) => p.path === path || (!exact && isWithin(p.path, path)));
    mine.forEach((p) => shown.add(p));
    const error = input.closest('.field')?.querySelector(':scope > .field-error');
    if (mine.length > 0) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
    if (error) {
      error.textContent = mine.map((p) => p.message).join(' ');
      error.hidden = mine.length === 0;
    }
  }
  return problems.filter((p) => !shown.has(p));
}

/** The input for a path inside `container`, if it is there. */
export function inputFor(container, path) {
  return [...container.querySelectorAll('[data-path]')].find((el) => el.dataset.path === path) ?? null;
}
