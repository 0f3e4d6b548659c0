// Import and export of the whole backlog as JSON: download, upload, and copy
// to the clipboard. An upload is checked in full before it replaces anything.

import { h, replaceChildren } from '../dom.js';
import { registerView } from './registry.js';

const MAX_FILE_BYTES = 20 * 1024 * 1024;

registerView({
  id: 'data',
  label: 'Import / export',
  create({ store, confirm }) {
    const message = h('div', { class: 'data-message', role: 'status', 'aria-live': 'polite' });
    const say = (text, kind = 'ok', details = []) => {
      replaceChildren(message, h('p', { class: kind }, text),
        details.length ? h('ul', {}, details.map((d) => h('li', {}, d))) : null);
    };
    const json = () => `${JSON.stringify(store.backlog, null, 2)}\n`;

    const download = () => {
      const blob = new Blob([json()], { type: 'application/json' });
      const url = URL.createObjectURL(blob);
      const link = h('a', { href: url, download: 'twosided-backlog.json', hidden: true });
      message.append(link);
      link.click();
      link.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 1000);
      say('Downloaded twosided-backlog.json.');
    };

    const copy = async () => {
      try {
        await navigator.clipboard.writeText(json());
        say('Copied the backlog as JSON to the clipboard.');
      } catch {
        say('This browser did not allow copying. Use Download instead.', 'error');
      }
    };

    const fileInput = h('input', { type: 'file', accept: 'application/json,.json', id: 'import-file', class: 'file-input' });
    fileInput.addEventListener('change', async () => {
      const file = fileInput.files?.[0];
      fileInput.value = '';
      if (!file) return;
      if (file.size > MAX_FILE_BYTES) {
        say(`"${file.name}" is larger than 20 MB, so it was not imported. Nothing was replaced.`, 'error');
        return;
      }
      let backlog;
      try {
        backlog = JSON.parse(await file.text());
      } catch (error) {
        say(`"${file.name}" is not valid JSON (${error.message}). Nothing was replaced.`, 'error');
        return;
      }
      const problems = store.check(backlog);
      if (problems.length) {
        say(`"${file.name}" was not imported: ${problems.length === 1 ? 'one value is' : `${problems.length} values are`} not valid. Nothing was replaced.`, 'error',
          problems.slice(0, 8).map((p) => `${p.path || 'file'}: ${p.message}`));
        return;
      }
      confirm(`Replace the current backlog with the ${backlog.initiatives.length} initiatives in "${file.name}"?`, () => {
        store.replace(backlog);
        say(`Imported ${backlog.initiatives.length} initiatives from "${file.name}".`);
      });
    });

    const element = h('section', { class: 'data' },
      h('h2', { class: 'section-title' }, 'Import and export'),
      h('p', { class: 'section-note' },
        'The backlog is saved in this browser as you work, and never sent anywhere. Export it as JSON to share it or keep a copy; the same JSON works with the twosided npm package.'),
      h('div', { class: 'data-actions' },
        h('button', { type: 'button', class: 'primary', onclick: download }, 'Download JSON'),
        h('button', { type: 'button', onclick: copy }, 'Copy JSON'),
        h('label', { for: 'import-file', class: 'button' }, 'Upload JSON…'),
        fileInput),
      message);
    return { element };
  },
});
