// The Framework tab: the team's own way of scoring. Define criteria, write a
// formula (checked as it is typed, mistakes underlined where they are),
// compare its top initiatives with RICE, ICE and WSJF, use it for the live
// ranking, and keep it as a template.

import { h, replaceChildren } from '../dom.js';
import { showProblems } from '../fields.js';
import { isWithin } from '../paths.js';
import { problemsFrom } from '../state.js';
import { criteriaInput, criteriaSection, reshapesCriteria } from './criteria-editor.js';
import { createFormulaEditor } from './formula-editor.js';
import { createTemplates } from './framework-templates.js';
import { registerView } from './registry.js';

const PREVIEW_ROWS = 5;
const PREVIEW_DELAY_MS = 120;
const STARTER_FORMULA = 'value / effort';
const COMPARED = [['rice', 'RICE'], ['ice', 'ICE'], ['wsjf', 'WSJF']];

registerView({
  id: 'framework',
  label: 'Framework',
  create(context) {
    const { store } = context;
    const criteriaHolder = h('div', { class: 'criteria-holder' });
    const renderCriteria = () => {
      replaceChildren(criteriaHolder, criteriaSection(store));
      showProblems(criteriaHolder, store.problems);
    };

    const compile = (text) => {
      try {
        return store.api.compileFormula(text, store.backlog.criteria ?? [], store.backlog.scales);
      } catch (error) {
        // The criteria themselves are not valid yet (a definition being edited).
        return { ok: false, errors: problemsFrom(error).map((p) => ({ code: p.code, message: `${p.message} Fix the criteria above first.`, start: null, length: 0 })) };
      }
    };

    const inUse = h('p', { class: 'formula-in-use', role: 'status' });
    const useButton = h('button', { type: 'button', class: 'primary', onclick: () => {
      const text = validFormula();
      if (!text) return;
      store.useFormula(text);
      store.emit('status', { message: 'The ranking now uses your formula.' });
    } }, 'Use this framework');

    let previewTimer = 0;
    const editor = createFormulaEditor({
      label: 'Formula (the score of one side; the two sides are then balanced as usual)',
      compile,
      onChange: (text) => {
        store.formulaDraft = text;
        store.scheduleSave();
        showInUse();
        schedulePreview();
      },
    });
    const validFormula = () => (editor.result?.ok ? editor.textarea.value.trim() : null);

    const showInUse = () => {
      const live = store.options.framework === 'custom' ? store.options.formula : null;
      const draft = editor.textarea.value.trim();
      useButton.disabled = !validFormula() || live === draft;
      if (live && live === draft) inUse.textContent = 'This formula ranks the backlog now.';
      else if (live) inUse.textContent = `The ranking uses your earlier formula, ${live}. Use this framework to switch to the one above.`;
      else inUse.textContent = '';
    };

    // Names to click into the formula: the built-ins and the backlog's criteria.
    const namesList = h('ul', { class: 'formula-names' });
    const renderNames = () => {
      const criteria = (store.backlog.criteria ?? []).filter((c) => c?.id)
        .map((c) => ({ name: c.id, meaning: `your criterion “${c.name || c.id}”${c.applies === 'perSide' ? ', this side’s value' : ''}` }));
      const functions = ['min(a, b)', 'max(a, b)', 'abs(x)', 'sqrt(x)', 'log(x)', 'round(x)', 'if(condition, a, b)', 'segments(x)']
        .map((name) => ({ name, meaning: 'function' }));
      replaceChildren(namesList, [...criteria, ...store.api.formulaNames(), ...functions].map(({ name, meaning }) =>
        h('li', {}, h('button', { type: 'button', class: 'name-chip', title: meaning, onclick: () => editor.insert(name.replace(/\(.*$/, '(')) }, name),
          h('span', {}, meaning))));
    };

    // Top initiatives under RICE, ICE, WSJF and the formula, with the current balancing.
    const previewTable = h('table', { class: 'preview-table' });
    const previewNote = h('p', { class: 'section-note' });
    const renderPreview = () => {
      window.clearTimeout(previewTimer);
      if (!store.prioritiser) {
        previewNote.textContent = 'The preview appears once every value in the backlog is valid.';
        replaceChildren(previewTable);
        return;
      }
      const columns = COMPARED.map(([framework, label]) => ({ label, ...top({ framework }) }));
      const formula = validFormula();
      columns.push({ label: 'Your formula', custom: true, ...(formula ? top({ framework: 'custom', formula })
        : { error: 'Write a valid formula to see its ranking.' }) });
      const names = store.names();
      const weight = Math.round((store.options.buyerWeight ?? 0.5) * 100);
      previewNote.textContent = `Top ${PREVIEW_ROWS} under each framework, balanced as in the controls above (${names.buyer} ${weight}%, ${names.seller} ${100 - weight}%).`;
      const rice = new Set(columns[0].rows?.map((r) => r.id) ?? []);
      replaceChildren(previewTable,
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, '#'),
          columns.map((c) => h('th', { scope: 'col', class: c.custom ? 'custom' : null }, c.label)))),
        h('tbody', {}, Array.from({ length: PREVIEW_ROWS }, (_, i) => h('tr', {},
          h('th', { scope: 'row' }, String(i + 1)),
          columns.map((c) => {
            if (c.error) return i === 0 ? h('td', { rowspan: PREVIEW_ROWS, class: 'preview-error' }, c.error) : null;
            const row = c.rows[i];
            const fresh = c.custom && row && !rice.has(row.id);
            return h('td', { class: c.custom ? 'custom' : null },
              row ? row.name : '—', fresh ? h('span', { class: 'new-badge', title: 'Not in the RICE top list' }, 'new') : null);
          })))));
    };
    // Four rankings per update: only while the tab is open (opening it renders).
    function schedulePreview() {
      window.clearTimeout(previewTimer);
      if (element.hidden) return;
      previewTimer = window.setTimeout(renderPreview, PREVIEW_DELAY_MS);
    }
    const top = (options) => {
      try {
        const rows = store.prioritiser.rank({ ...store.options, ...options })
          .filter((r) => r.rank !== null).slice(0, PREVIEW_ROWS);
        return { rows };
      } catch (error) {
        const problems = problemsFrom(error);
        const first = problems[0]?.message ?? String(error?.message ?? error);
        return { error: problems.length > 1 ? `${problems.length} values are missing or not valid, such as: ${first}` : first };
      }
    };

    const templates = createTemplates({ store, confirm: context.confirm, currentFormula: validFormula });

    const element = h('section', { class: 'framework' },
      h('h2', { class: 'section-title' }, 'Your framework'),
      h('p', { class: 'section-note' },
        'Score the backlog your way: define your own criteria, write a formula for each side’s score, compare it with the built-in frameworks, then use it for the ranking.'),
      criteriaHolder,
      h('fieldset', { class: 'detail-section formula-section' },
        h('legend', {}, 'Formula'),
        editor.element,
        h('div', { class: 'formula-actions' }, useButton, inUse),
        h('details', { class: 'formula-help' },
          h('summary', {}, 'Names and functions you can use'),
          h('p', { class: 'section-note' },
            'Numbers, + − × (*) ÷ (/) and ^, comparisons such as reach > 100 (1 when true, 0 when not), and the names below. Click one to add it at the cursor.'),
          namesList)),
      h('fieldset', { class: 'detail-section preview' },
        h('legend', {}, 'Preview beside the built-in frameworks'),
        previewNote,
        h('div', { class: 'preview-wrap' }, previewTable)),
      templates.element);

    store.on('edit', ({ path }) => {
      if (!isWithin(path, 'criteria')) return;
      if (reshapesCriteria(path)) renderCriteria();
      renderNames();
      editor.check();
    });
    store.on('backlog', () => { renderCriteria(); renderNames(); editor.check(); });
    store.on('options', ({ path }) => {
      if (path === '') editor.setText(store.formulaDraft ?? store.options.formula ?? STARTER_FORMULA);
      showInUse();
    });
    store.on('results', schedulePreview);
    store.on('problems', () => showProblems(criteriaHolder, store.problems));

    renderCriteria();
    renderNames();
    editor.setText(store.formulaDraft ?? store.options.formula ?? STARTER_FORMULA);
    return {
      element,
      shown: renderPreview,
      reveal(path) {
        const input = criteriaInput(element, path);
        if (!input) return false;
        context.showView('framework');
        input.focus();
        return true;
      },
    };
  },
});
