// <twosided-calculator>: the two-sided prioritisation calculator as a custom
// element. Embed it with one module script and the element:
//
//   <script type="module" src="/twosided/www/js/calculator.js"></script>
//   <twosided-calculator></twosided-calculator>
//
// Attribute `storage-key` (default "twosided.calculator") names the browser
// storage slot, so two calculators on one site keep separate backlogs.
//
// Adding a view (a tab): create www/js/views/<name>.js that calls
//   registerView({ id, label, create(context) { ...; return { element, shown, reveal }; } })
// from ./views/registry.js, and import it in www/js/views/index.js. `context`
// gives the shared Store (state.js: events 'results', 'order', 'edit',
// 'backlog', 'problems', 'options', 'select', 'names'), `showView(id)`,
// `reveal(path)` to lead a person to a problem's field, and `confirm(text)`.
// Put the view's styles in www/css/ and add the file to STYLESHEETS below.

import { h, replaceChildren } from './dom.js';
import { Store } from './state.js';
import { createControls } from './controls.js';
import { registeredViews } from './views/registry.js';
import './views/index.js';

const STYLESHEETS = ['../css/calculator.css', '../css/table.css', '../css/results.css', '../css/framework.css', '../css/review.css', '../css/roadmap.css', '../css/io.css', '../css/print.css'];

class TwosidedCalculator extends HTMLElement {
  async connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    for (const sheet of STYLESHEETS) {
      root.append(h('link', { rel: 'stylesheet', href: new URL(sheet, import.meta.url).href }));
    }
    const app = h('div', { class: 'app', 'aria-busy': 'true' }, h('p', { class: 'loading' }, 'Loading the calculator…'));
    root.append(app);
    let api;
    try {
      api = await import('../../pkg/twosided.js');
      await api.default();
    } catch (error) {
      replaceChildren(app, h('p', { class: 'fatal', role: 'alert' },
        `The calculator could not start: ${error?.message ?? error}. It needs a browser with WebAssembly.`));
      return;
    }
    const store = new Store(api, { storageKey: this.getAttribute('storage-key') || undefined });
    this.store = store;
    store.restore();
    this.build(app, store);
    store.recompute();
    app.removeAttribute('aria-busy');
    this.dispatchEvent(new CustomEvent('ready', { bubbles: true }));
  }

  build(app, store) {
    const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
    const summary = h('section', { class: 'problems', hidden: true, 'aria-live': 'polite' });
    const dialog = this.confirmDialog();
    const views = registeredViews();
    const panels = new Map();
    const tabs = h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Calculator sections' });

    const context = {
      store,
      showView: (id) => showView(id),
      reveal: (path) => reveal(path),
      confirm: (text, action) => dialog.ask(text, action),
      mount: (node) => app.append(node),
    };
    const controls = createControls(context);
    const instances = views.map((view) => ({ view, ...view.create(context) }));

    const showView = (id, { focus = false } = {}) => {
      for (const { view, element, shown } of instances) {
        const tab = panels.get(view.id).tab;
        const active = view.id === id;
        tab.setAttribute('aria-selected', String(active));
        tab.tabIndex = active ? 0 : -1;
        element.hidden = !active;
        if (active) {
          shown?.();
          if (focus) tab.focus();
        }
      }
    };
    const reveal = (path) => controls.reveal(path) || instances.some((v) => v.reveal?.(path));

    instances.forEach(({ view, element }, i) => {
      const tab = h('button', {
        type: 'button', role: 'tab', id: `tab-${view.id}`, 'aria-controls': `panel-${view.id}`,
        class: 'tab', onclick: () => showView(view.id),
        onkeydown: (event) => {
          const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
          if (step === undefined && event.key !== 'Home' && event.key !== 'End') return;
          event.preventDefault();
          let next = i + (step ?? 0);
          if (event.key === 'Home') next = 0;
          if (event.key === 'End') next = instances.length - 1;
          showView(instances[(next + instances.length) % instances.length].view.id, { focus: true });
        },
      }, view.label);
      element.id = `panel-${view.id}`;
      element.setAttribute('role', 'tabpanel');
      element.setAttribute('aria-labelledby', tab.id);
      element.dataset.view = view.id;
      element.classList.add('panel');
      panels.set(view.id, { tab, element });
      tabs.append(tab);
    });

    const renderSummary = () => {
      const problems = store.problems;
      summary.hidden = problems.length === 0;
      if (problems.length === 0) return;
      const shown = problems.slice(0, 6);
      replaceChildren(summary,
        h('h2', {}, problems.length === 1 ? '1 value needs a fix' : `${problems.length} values need a fix`),
        h('p', {}, store.results
          ? 'The results below are the last valid ones; they update as soon as every value is valid. Nothing you typed is lost.'
          : 'Results appear as soon as every value is valid.'),
        h('ul', {}, shown.map((problem) => h('li', {},
          h('span', {}, describePath(store, problem.path), ': ', problem.message, ' '),
          problem.path ? h('button', { type: 'button', class: 'link', onclick: () => reveal(problem.path) }, 'Show') : null))),
        problems.length > shown.length ? h('p', {}, `…and ${problems.length - shown.length} more.`) : null);
    };
    store.on('problems', renderSummary);

    let statusTimer = 0;
    store.on('status', ({ message, undo }) => {
      window.clearTimeout(statusTimer);
      replaceChildren(status, message, undo
        ? [' ', h('button', { type: 'button', class: 'link', onclick: () => store.undoRemove() }, 'Undo')]
        : null);
      statusTimer = window.setTimeout(() => replaceChildren(status), undo ? 12000 : 5000);
    });

    const header = h('header', { class: 'app-head' },
      h('div', { class: 'brand' },
        h('p', { class: 'eyebrow' }, 'Two-sided prioritisation'),
        h('h1', {}, 'Which initiatives serve both sides of your marketplace?'),
        h('p', { class: 'lede' },
          'Score the backlog for each side, choose how to balance them, and see the ranking change. Your data stays in this browser.')),
      h('div', { class: 'head-actions' },
        h('button', { type: 'button', class: 'ghost', onclick: () => window.print() }, 'Print summary'),
        h('button', {
          type: 'button', class: 'ghost',
          onclick: () => dialog.ask('Replace your backlog and settings with the example? Your changes will be lost unless you exported them.',
            () => { store.resetToExample(); store.emit('status', { message: 'The example backlog is back.' }); }),
        }, 'Reset to example')));
    replaceChildren(app, header, controls.element, summary, status, tabs,
      instances.map(({ element }) => element), dialog.element,
      h('p', { class: 'print-only print-foot' }, 'Scored with twosided: two-sided prioritisation for marketplaces.'));
    showView(instances[0].view.id);
  }

  confirmDialog() {
    const text = h('p', { class: 'dialog-text' });
    let action = null;
    const element = h('dialog', { class: 'confirm', 'aria-labelledby': 'confirm-title' },
      h('form', { method: 'dialog' },
        h('h2', { id: 'confirm-title' }, 'Please confirm'),
        text,
        h('div', { class: 'dialog-actions' },
          h('button', { value: 'cancel', class: 'ghost' }, 'Cancel'),
          h('button', { value: 'ok', class: 'danger' }, 'Yes, replace'))));
    element.addEventListener('close', () => {
      if (element.returnValue === 'ok') action?.();
      action = null;
    });
    return {
      element,
      ask(message, onConfirm) {
        text.textContent = message;
        action = onConfirm;
        element.returnValue = '';
        element.showModal();
      },
    };
  }
}

/** "initiatives[3].effort" -> "Checkout revamp, effort", for the summary list. */
function describePath(store, path) {
  const match = /^initiatives\[(\d+)\]\.?(.*)$/.exec(path ?? '');
  if (!match) return path || 'Backlog';
  const name = store.backlog.initiatives?.[Number(match[1])]?.name || `Initiative ${Number(match[1]) + 1}`;
  const names = store.names();
  const field = match[2]
    .replace(/^buyer\b/, names.buyer).replace(/^seller\b/, names.seller)
    .replace(/\[(\d+)\]/g, ' $1').replace(/\./g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return field ? `${name}, ${field}` : name;
}

if (!customElements.get('twosided-calculator')) {
  customElements.define('twosided-calculator', TwosidedCalculator);
}
