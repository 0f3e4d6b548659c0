// The formula editor: a textarea checked as it is typed. A mirror of the
// text lies under the (transparent) textarea with each error's span marked,
// so the mistake is underlined where it is; the messages, in words, sit next
// to it. Positions come from compileFormula in JavaScript string indices.

import { h, replaceChildren, uid } from '../dom.js';

const MIN_ROWS = 3;
const MAX_ROWS = 12;

/**
 * Build the editor. `compile(text)` returns compileFormula's answer (or
 * `{ ok: false, errors }` for a problem outside the text); `onChange(text,
 * result)` runs after each check. Returns `{ element, textarea, setText,
 * check, result }`.
 */
export function createFormulaEditor({ label, compile, onChange }) {
  const id = uid('formula');
  const messageId = `${id}-message`;
  const textarea = h('textarea', {
    id, class: 'formula-input', rows: MIN_ROWS, spellcheck: 'false', autocomplete: 'off',
    autocapitalize: 'off', 'aria-describedby': messageId, placeholder: 'for example  value / effort',
  });
  const mirror = h('div', { class: 'formula-mirror', 'aria-hidden': 'true' });
  const message = h('div', { class: 'formula-message', id: messageId, 'aria-live': 'polite' });
  const editor = { result: null };

  const mark = (text, errors) => {
    // Marks in text order, without overlaps; an empty span (the formula ends
    // too soon) marks the character there, or a space after the end.
    const spans = errors
      .map((e) => ({ start: Math.min(e.start, text.length), end: Math.min(e.start + Math.max(e.length, 1), text.length + 1) }))
      .sort((a, b) => a.start - b.start);
    const parts = [];
    let at = 0;
    for (const span of spans) {
      if (span.start < at) continue;
      parts.push(text.slice(at, span.start));
      const inside = text.slice(span.start, span.end);
      parts.push(h('mark', { class: 'formula-error-mark' }, span.end > text.length ? `${inside}\u00a0` : inside));
      at = span.end;
    }
    parts.push(text.slice(Math.min(at, text.length)));
    // A trailing newline needs a character after it to take up its line.
    replaceChildren(mirror, parts, '\u200b');
  };

  const describe = (text, error) => {
    const snippet = text.slice(error.start, error.start + error.length);
    const where = error.length > 0
      ? `At “${snippet}” (character ${error.start + 1})`
      : error.start >= text.length ? 'At the end' : `At character ${error.start + 1}`;
    return h('li', {}, h('strong', {}, `${where}: `), error.message);
  };

  editor.check = () => {
    const text = textarea.value;
    const lines = text.split('\n').length;
    textarea.rows = Math.max(MIN_ROWS, Math.min(MAX_ROWS, lines + 1));
    let result = null;
    if (text.trim() === '') {
      mark(text, []);
      replaceChildren(message, h('p', { class: 'formula-hint' },
        'Write a formula for one side’s score, for example value / effort. It is checked as you type.'));
    } else {
      result = compile(text);
      if (result.ok) {
        mark(text, []);
        replaceChildren(message, h('p', { class: 'formula-ok' },
          'The formula is valid', result.names?.length ? `; it uses ${result.names.join(', ')}.` : '.'));
      } else {
        mark(text, result.errors.filter((e) => Number.isInteger(e.start)));
        replaceChildren(message,
          h('p', { class: 'formula-bad' }, result.errors.length === 1 ? 'The formula has a mistake:' : `The formula has ${result.errors.length} mistakes:`),
          h('ul', {}, result.errors.map((e) => describe(text, e))));
      }
    }
    if (result && !result.ok) textarea.setAttribute('aria-invalid', 'true');
    else textarea.removeAttribute('aria-invalid');
    mirror.scrollTop = textarea.scrollTop;
    editor.result = result;
    onChange?.(text, result);
  };

  editor.setText = (text) => {
    if (textarea.value !== text) textarea.value = text;
    editor.check();
  };

  /** Insert a name at the cursor (from the list of names). */
  editor.insert = (name) => {
    const { selectionStart: start, selectionEnd: end, value } = textarea;
    textarea.value = `${value.slice(0, start)}${name}${value.slice(end)}`;
    textarea.focus();
    textarea.selectionStart = textarea.selectionEnd = start + name.length;
    editor.check();
  };

  textarea.addEventListener('input', () => editor.check());
  textarea.addEventListener('scroll', () => { mirror.scrollTop = textarea.scrollTop; });

  editor.textarea = textarea;
  editor.element = h('div', { class: 'field formula-field' },
    h('label', { for: id }, label),
    h('div', { class: 'formula-editor' }, mirror, textarea),
    message);
  return editor;
}
