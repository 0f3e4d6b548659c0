// Framework templates in the Framework tab: save the formula (with the
// criteria and balancing settings) under a name, kept with the saved state;
// use, export (JSON) or delete a saved one; import one from a JSON file; and
// the built-in frameworks, which are templates too.

import { h, replaceChildren, uid } from '../dom.js';
import { problemsFrom } from '../state.js';

const MAX_FILE_BYTES = 1024 * 1024;

/** A template's JSON file name: "Reach-weighted delight" -> "reach-weighted-delight.json". */
function fileName(name) {
  return `${String(name).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'framework'}.json`;
}

/**
 * The templates section. `currentFormula()` gives the editor's text when it
 * is a valid formula (else null); `say(text, kind)` reports in the section.
 */
export function createTemplates({ store, confirm, currentFormula }) {
  const message = h('div', { class: 'template-message', role: 'status', 'aria-live': 'polite' });
  const say = (text, kind = 'ok', details = []) => replaceChildren(message, h('p', { class: kind }, text),
    details.length ? h('ul', {}, details.map((d) => h('li', {}, d))) : null);
  const check = (template) => {
    try {
      return store.api.checkTemplate(template);
    } catch (error) {
      return problemsFrom(error);
    }
  };

  const nameId = uid('template');
  const nameInput = h('input', { id: nameId, type: 'text', autocomplete: 'off', placeholder: 'for example Growth team score' });
  const save = () => {
    const formula = currentFormula();
    const name = nameInput.value.trim();
    if (!formula) { say('Write a valid formula first: a template saves the formula with its criteria.', 'error'); return; }
    if (!name) { say('Give the template a name.', 'error'); nameInput.focus(); return; }
    const { strategy, buyerWeight, guardrail, ice } = store.options;
    // Through JSON, so unset options are left out rather than sent as undefined.
    const template = JSON.parse(JSON.stringify({
      name, framework: 'custom', formula, criteria: store.backlog.criteria ?? [], ice,
      balance: { strategy, buyerWeight, guardrail },
    }));
    const problems = check(template);
    if (problems.length) {
      say('The template was not saved:', 'error', problems.map((p) => `${p.path || 'template'}: ${p.message}`));
      return;
    }
    const at = store.templates.findIndex((t) => t.name === name);
    if (at >= 0) store.templates[at] = template;
    else store.templates.push(template);
    store.saveNow();
    nameInput.value = '';
    render();
    say(at >= 0 ? `Replaced the template "${name}".` : `Saved the template "${name}".`);
  };

  const use = (template) => {
    store.applyTemplate(template);
    say(`Now ranking with "${template.name}".`);
  };

  const download = (template) => {
    const blob = new Blob([`${JSON.stringify(template, null, 2)}\n`], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = h('a', { href: url, download: fileName(template.name), hidden: true });
    message.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 1000);
    say(`Downloaded ${fileName(template.name)}.`);
  };

  const remove = (index) => {
    const [gone] = store.templates.splice(index, 1);
    store.saveNow();
    render();
    if (gone) say(`Deleted the template "${gone.name}".`);
  };

  // The file input is made when asked for, so the page holds a single file
  // input at rest (the backlog's upload).
  const importFile = () => {
    const fileInput = h('input', { type: 'file', accept: 'application/json,.json', hidden: true });
    fileInput.addEventListener('change', () => readTemplate(fileInput));
    fileInput.click();
  };
  const readTemplate = async (fileInput) => {
    const file = fileInput.files?.[0];
    fileInput.value = '';
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) { say(`"${file.name}" is larger than 1 MB, so it is not a template.`, 'error'); return; }
    let template;
    try {
      template = JSON.parse(await file.text());
    } catch (error) {
      say(`"${file.name}" is not valid JSON (${error.message}).`, 'error');
      return;
    }
    const problems = check(template);
    if (problems.length) {
      say(`"${file.name}" was not imported:`, 'error', problems.slice(0, 8).map((p) => `${p.path || 'template'}: ${p.message}`));
      return;
    }
    const add = () => {
      const at = store.templates.findIndex((t) => t.name === template.name);
      if (at >= 0) store.templates[at] = template;
      else store.templates.push(template);
      store.saveNow();
      render();
      say(`Imported the template "${template.name}".`);
    };
    if (store.templates.some((t) => t.name === template.name)) confirm(`Replace your template "${template.name}" with the one in "${file.name}"?`, add);
    else add();
  };

  const item = (template, actions) => h('li', { class: 'template-item' },
    h('div', { class: 'template-text' },
      h('strong', {}, template.name),
      template.description ? h('span', { class: 'template-description' }, template.description) : null,
      template.formula ? h('code', {}, template.formula) : null),
    h('div', { class: 'template-actions' }, actions));

  const saved = h('ul', { class: 'template-list saved-templates' });
  const builtIn = h('ul', { class: 'template-list built-in-templates' });
  const render = () => {
    replaceChildren(saved, store.templates.length === 0
      ? h('li', { class: 'empty-note' }, 'No saved templates yet.')
      : store.templates.map((template, index) => item(template, [
        h('button', { type: 'button', class: 'small', onclick: () => use(template), 'aria-label': `Use ${template.name}` }, 'Use'),
        h('button', { type: 'button', class: 'small', onclick: () => download(template), 'aria-label': `Export ${template.name}` }, 'Export'),
        h('button', { type: 'button', class: 'small danger-text', onclick: () => remove(index), 'aria-label': `Delete ${template.name}` }, 'Delete'),
      ])));
  };
  replaceChildren(builtIn, store.api.builtInTemplates().map((template) => item(template, [
    h('button', { type: 'button', class: 'small', onclick: () => use(template), 'aria-label': `Use ${template.name}` }, 'Use'),
  ])));
  render();

  const element = h('fieldset', { class: 'detail-section templates' },
    h('legend', {}, 'Templates'),
    h('p', { class: 'section-note' },
      'A template keeps a formula with its criteria and balancing settings. Templates are saved in this browser; export one as JSON to share it with another backlog or team.'),
    h('div', { class: 'template-save' },
      h('div', { class: 'field' }, h('label', { for: nameId }, 'Template name'), nameInput),
      h('button', { type: 'button', onclick: save }, 'Save as template'),
      h('button', { type: 'button', onclick: importFile }, 'Import template…')),
    message,
    h('h3', {}, 'Your templates'), saved,
    h('h3', {}, 'Built-in frameworks'), builtIn);
  return { element, render };
}
