// The "Import / export" tab.
// - Import a spreadsheet (CSV, or cells pasted from Excel or Google Sheets)
//   or a JSON document, by file picker, drag and drop or paste. A preview and
//   every problem (row, column, message) appear before anything is replaced;
//   rows with problems can be skipped.
// - Export the backlog or the ranking as CSV, or everything as JSON.
// - Copy a share link that carries the whole scenario; opening one loads it.

import { h, replaceChildren, uid } from '../dom.js';
import { MAX_IMPORT_BYTES, plainMessage, readImport } from '../io/importer.js';
import { backlogTable, problemTable, warningList } from '../io/preview.js';
import { createShare } from '../io/share.js';
import { registerView } from './registry.js';

const PASTE_DELAY_MS = 250;

const FORMATS = {
  comma: { label: 'Comma-separated (Excel in English, Google Sheets, Numbers)', options: { bom: true } },
  semicolon: { label: 'Semicolon and decimal comma (Excel in German, French, Spanish…)', options: { delimiter: 'semicolon', decimal: 'comma', bom: true } },
};

registerView({
  id: 'data',
  label: 'Import / export',
  create(context) {
    const { store, showView } = context;
    const api = store.api;

    const section = (title, note, ...children) => {
      const id = uid('io-title');
      return h('section', { class: 'io-section', 'aria-labelledby': id },
        h('h3', { id }, title), note ? h('p', { class: 'section-note' }, note) : null, children);
    };

    // ---- messages ---------------------------------------------------------
    // One `.data-message` region for the import: its preview and its outcome.
    const message = (name) => h('div', { class: `io-message ${name}`, role: 'status', 'aria-live': 'polite' });
    const importMessage = message('import-message');
    const exportMessage = message('export-message');
    const shareMessage = message('share-message');
    const say = (area, text, kind = 'ok', ...extra) => {
      replaceChildren(area, h('p', { class: kind, role: kind === 'error' ? 'alert' : null }, text), extra);
    };

    // ---- import -----------------------------------------------------------
    let source = null; // { text, name, label }
    let pending = null;
    const preview = h('div', { class: 'io-preview', hidden: true, 'aria-live': 'polite' });
    const skipId = uid('skip-rows');
    const skip = h('input', { type: 'checkbox', id: skipId, class: 'skip-rows', onchange: () => refresh() });

    const importNow = () => {
      if (!pending?.ready) return;
      const previous = { backlog: JSON.parse(JSON.stringify(store.backlog)), options: { ...store.options } };
      const count = pending.backlog.initiatives.length;
      const options = pending.settings ? { ...store.defaultOptions(), ...pending.settings } : undefined;
      store.replace(pending.backlog, options);
      const from = source.label;
      clearImport();
      say(importMessage, `Imported ${count} initiative${count === 1 ? '' : 's'} from ${from}.`, 'ok',
        h('div', { class: 'data-actions' },
          h('button', { type: 'button', class: 'small', onclick: () => showView('ranking') }, 'See the ranking'),
          h('button', { type: 'button', class: 'small ghost', onclick: () => {
            store.replace(previous.backlog, previous.options);
            say(importMessage, 'The import was undone: your previous backlog is back.');
          } }, 'Undo import')));
    };

    const clearImport = () => {
      source = null;
      pending = null;
      paste.value = '';
      preview.hidden = true;
      replaceChildren(preview);
    };

    function refresh() {
      if (!source) return;
      pending = readImport(api, source.text, { name: source.name, partial: skip.checked, settings: store.backlog });
      renderPreview();
    }

    function renderPreview() {
      const count = pending.backlog?.initiatives.length ?? 0;
      const problems = pending.problems;
      const skippable = pending.kind === 'csv' && problems.length > 0 && count > 0;
      let summary;
      if (pending.ready && pending.skippedRows.length) {
        summary = `Ready to import ${count} initiative${count === 1 ? '' : 's'} from ${source.label}, skipping ${pending.skippedRows.length} row${pending.skippedRows.length === 1 ? '' : 's'} with problems (${pending.skippedRows.join(', ')}).`;
      } else if (pending.ready) {
        summary = `Ready to import ${count} initiative${count === 1 ? '' : 's'} from ${source.label}${pending.format ? ` (${pending.format})` : ''}. This replaces the current backlog of ${store.backlog.initiatives?.length ?? 0}.`;
      } else {
        summary = `${source.label.replace(/^t/, 'T')} ${source.label.endsWith('cells') ? 'were' : 'was'} not imported: ${problems.length === 1 ? 'there is a problem' : `there are ${problems.length} problems`}. Nothing was replaced.`
          + (skippable ? ` Fix them in the spreadsheet, or skip those rows to import the other ${count}.` : ' Fix them and try again.');
      }
      preview.hidden = false;
      replaceChildren(preview,
        h('p', { class: `io-summary ${pending.ready ? 'ok' : 'error'}` }, summary),
        problems.length ? problemTable(problems, { caption: problems.length === 1 ? 'The problem' : `The ${problems.length} problems` }) : null,
        skippable || skip.checked ? h('div', { class: 'field checkbox' }, skip, h('label', { for: skipId }, 'Skip rows with problems')) : null,
        warningList(pending.warnings),
        count ? backlogTable(pending, store.names()) : null,
        h('div', { class: 'data-actions' },
          h('button', { type: 'button', class: 'primary import-now', disabled: !pending.ready, onclick: importNow },
            pending.ready ? `Import ${count} initiative${count === 1 ? '' : 's'}` : 'Import'),
          h('button', { type: 'button', class: 'ghost', onclick: () => { clearImport(); replaceChildren(importMessage); } }, 'Cancel')));
    }

    const load = (text, name, label) => {
      replaceChildren(importMessage);
      source = { text, name, label };
      skip.checked = false;
      refresh();
    };

    const loadFile = async (file) => {
      if (!file) return;
      if (file.size > MAX_IMPORT_BYTES) {
        say(importMessage, `"${file.name}" is larger than 10 MB, so it was not read. Nothing was replaced.`, 'error');
        return;
      }
      try {
        load(await file.text(), file.name, `"${file.name}"`);
      } catch (error) {
        say(importMessage, `"${file.name}" could not be read. ${plainMessage(error)} Nothing was replaced.`, 'error');
      }
    };

    const fileInput = h('input', {
      type: 'file', id: uid('import-file'), class: 'file-input',
      accept: '.csv,.tsv,.txt,.json,text/csv,text/tab-separated-values,application/json',
    });
    fileInput.addEventListener('change', () => {
      const file = fileInput.files?.[0];
      fileInput.value = '';
      loadFile(file);
    });

    let pasteTimer = 0;
    const pasteId = uid('paste');
    const paste = h('textarea', {
      id: pasteId, class: 'paste', rows: 4, spellcheck: 'false', wrap: 'off',
      placeholder: 'Name\tBuyer reach\tBuyer impact\tBuyer confidence\tEffort\nFaster checkout\t2000\thigh\t80%\t3',
      oninput: () => {
        window.clearTimeout(pasteTimer);
        pasteTimer = window.setTimeout(() => {
          if (paste.value.trim()) load(paste.value, '', 'the pasted cells');
          else clearImport();
        }, PASTE_DELAY_MS);
      },
    });

    const drop = h('div', { class: 'dropzone' },
      h('p', { class: 'dropzone-title' }, 'Drop a CSV or JSON file here'),
      h('p', { class: 'dropzone-or' }, 'or'),
      h('label', { for: fileInput.id, class: 'button' }, 'Choose a file…'),
      fileInput);
    const dragging = (on) => drop.classList.toggle('dragging', on);
    drop.addEventListener('dragover', (event) => { event.preventDefault(); dragging(true); });
    drop.addEventListener('dragleave', () => dragging(false));
    drop.addEventListener('drop', (event) => {
      event.preventDefault();
      dragging(false);
      loadFile(event.dataTransfer?.files?.[0]);
    });

    // ---- export -----------------------------------------------------------
    const formatId = uid('csv-format');
    const format = h('select', { id: formatId, class: 'csv-format' },
      Object.entries(FORMATS).map(([value, { label }]) => h('option', { value }, label)));

    const save = (text, name, type) => {
      const url = URL.createObjectURL(new Blob([text], { type }));
      const link = h('a', { href: url, download: name, hidden: true });
      exportMessage.append(link);
      link.click();
      link.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 1000);
      say(exportMessage, `Downloaded ${name}.`);
    };
    const exporting = (run) => () => {
      try {
        run();
      } catch (error) {
        say(exportMessage, `Nothing was exported: ${plainMessage(error)}`, 'error');
      }
    };
    const csvOptions = () => FORMATS[format.value]?.options ?? {};
    const documentJson = () => `${JSON.stringify({ version: 1, backlog: store.backlog, settings: store.options }, null, 2)}\n`;

    const exportBacklog = exporting(() => save(api.toCsv(store.backlog, csvOptions()), 'twosided-backlog.csv', 'text/csv'));
    const exportResults = exporting(() => {
      if (!store.validBacklog) throw new Error('there are no results yet: fix the problems listed above first.');
      save(api.toCsv(store.validBacklog, { ...csvOptions(), what: 'results', scoreOptions: store.options }), 'twosided-ranking.csv', 'text/csv');
    });
    const exportJson = exporting(() => save(documentJson(), 'twosided-scenario.json', 'application/json'));
    const copyJson = async () => {
      try {
        await navigator.clipboard.writeText(documentJson());
        say(exportMessage, 'Copied the backlog and settings as JSON to the clipboard.');
      } catch {
        say(exportMessage, 'This browser did not allow copying. Use "JSON file" instead.', 'error');
      }
    };

    // ---- share ------------------------------------------------------------
    const linkId = uid('share-link');
    const linkField = h('input', { type: 'text', id: linkId, class: 'share-link', readonly: true, hidden: true, onfocus: () => linkField.select() });
    const share = createShare(context, {
      onError: (text) => {
        showView('data');
        say(shareMessage, text, 'error');
        shareSection.scrollIntoView?.({ block: 'nearest' });
      },
      onLoaded: (scenario) => {
        const count = scenario.backlog.initiatives.length;
        store.emit('status', { message: `Opened the shared scenario: ${count} initiative${count === 1 ? '' : 's'}.` });
        say(shareMessage, `Opened the shared scenario (${count} initiative${count === 1 ? '' : 's'}).`);
      },
    });
    const copyLink = async () => {
      try {
        const { url, copied } = await share.copy();
        linkField.value = url;
        linkField.hidden = false;
        say(shareMessage, copied
          ? `Copied the share link (${url.length.toLocaleString('en')} characters). It is also in the address bar.`
          : 'The link is in the address bar and below: this browser did not allow copying, so select it and copy it.');
      } catch (error) {
        linkField.hidden = true;
        say(shareMessage, error.message, 'error');
      }
    };
    // After the calculator has drawn itself, so a message or question can show.
    window.setTimeout(share.openFromLocation, 0);

    const shareSection = section('Share',
      'The link carries the whole scenario, backlog and settings, compressed after the # of the address. Browsers never send that part to a server, so it goes only to the people you give it to.',
      h('div', { class: 'data-actions' },
        h('button', { type: 'button', class: 'primary copy-link', onclick: copyLink }, 'Copy share link')),
      h('label', { for: linkId, class: 'sr-only' }, 'Share link'),
      linkField,
      shareMessage);

    const element = h('section', { class: 'data' },
      h('h2', { class: 'section-title' }, 'Import, export and share'),
      h('p', { class: 'section-note' },
        'The backlog is saved in this browser as you work, and never sent anywhere.'),
      h('div', { class: 'io-grid' },
        section('Import',
          'From a spreadsheet (CSV, or cells copied from Excel or Google Sheets) or a twosided JSON file. Columns are matched by their header, such as "Name", "Buyer reach", "Confidence %" or "Effort (PM)". You see a preview first.',
          drop,
          h('div', { class: 'field' },
            h('label', { for: pasteId }, 'Or paste cells from a spreadsheet, header row included'),
            paste),
          h('div', { class: 'data-message' }, preview, importMessage)),
        h('div', { class: 'io-side' },
          section('Export', null,
            h('div', { class: 'field' }, h('label', { for: formatId }, 'Spreadsheet format'), format),
            h('div', { class: 'data-actions' },
              h('button', { type: 'button', class: 'export-backlog', onclick: exportBacklog }, 'Backlog CSV'),
              h('button', { type: 'button', class: 'export-results', onclick: exportResults }, 'Ranking CSV'),
              h('button', { type: 'button', class: 'export-json', onclick: exportJson }, 'JSON file'),
              h('button', { type: 'button', class: 'ghost copy-json', onclick: copyJson }, 'Copy JSON')),
            exportMessage),
          shareSection)));
    return { element };
  },
});
