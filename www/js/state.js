// The calculator's state: the backlog as typed (the draft, which may be
// invalid), the scoring options, and the last valid results. Views read it and
// call its methods; it tells them what changed through events:
//
//   backlog   rows were added, removed or replaced (tables rebuild)
//   edit      one field changed ({ path }); inputs keep their focus
//   problems  the list of problems changed
//   results   new full results (after an edit, an option change or a slider release)
//   order     live order while the weight slider moves ({ order, scores, ranks })
//   options   an option changed
//   select    the selected initiative changed ({ id })
//   status    a short message for the status line ({ message })
//
// The draft is checked with `validate` on every change; only a valid draft
// replaces the Prioritiser, so the last valid results stay on screen while a
// person fixes a mistake, and nothing they typed is thrown away.

import { getPath, isWithin, parsePath, setPath } from './paths.js';

const STORAGE_VERSION = 1;
const SAVE_DELAY_MS = 250;
/** The performance measure around each live slider update. */
export const SLIDER_MEASURE = 'twosided:slider-update';

const clone = (value) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

/** The problems a thrown TwosidedError carries, as `{ code, path, message }`. */
export function problemsFrom(error) {
  if (Array.isArray(error?.problems) && error.problems.length > 0) return error.problems;
  return [{ code: error?.code ?? 'ERROR', path: error?.path ?? '', message: error?.message ?? String(error) }];
}

export class Store extends EventTarget {
  constructor(api, { storageKey = 'twosided.calculator' } = {}) {
    super();
    this.api = api;
    this.storageKey = storageKey;
    this.backlog = api.exampleBacklog();
    this.options = this.defaultOptions();
    /** path -> { text, message } for fields whose text is not a number yet. */
    this.drafts = {};
    this.backlogProblems = [];
    this.optionProblems = [];
    this.validBacklog = null;
    this.prioritiser = null;
    this.results = null;
    this.ranks = new Map();
    this.previousRanks = new Map();
    this.selectedId = null;
    this.undo = null;
    this.saveTimer = 0;
    /** Framework templates the person saved or imported (FrameworkTemplate[]). */
    this.templates = [];
    /** The text in the formula editor, which may differ from the formula in use. */
    this.formulaDraft = null;
  }

  defaultOptions() {
    const defaults = clone(this.api.defaultOptions());
    return { ...defaults, guardrail: { ...defaults.guardrail } };
  }

  emit(type, detail = {}) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  on(type, listener) {
    this.addEventListener(type, (event) => listener(event.detail));
  }

  get problems() {
    return [...this.backlogProblems, ...this.optionProblems];
  }

  /** Side names for display, falling back while a name field is empty. */
  names() {
    const names = this.backlog.sideNames ?? {};
    return {
      buyer: String(names.buyer ?? '').trim() || 'Buyers',
      seller: String(names.seller ?? '').trim() || 'Sellers',
    };
  }

  // ---- persistence -------------------------------------------------------

  /** Restore the saved state, if any. Returns true when something was restored. */
  restore() {
    let saved;
    try {
      saved = JSON.parse(window.localStorage.getItem(this.storageKey) ?? 'null');
    } catch {
      saved = null;
    }
    if (!saved || saved.version !== STORAGE_VERSION || typeof saved.backlog !== 'object') return false;
    this.backlog = saved.backlog;
    this.options = { ...this.defaultOptions(), ...(saved.options ?? {}) };
    this.drafts = saved.drafts && typeof saved.drafts === 'object' ? saved.drafts : {};
    this.validBacklog = saved.validBacklog ?? null;
    this.templates = Array.isArray(saved.templates) ? saved.templates : [];
    this.formulaDraft = typeof saved.formulaDraft === 'string' ? saved.formulaDraft : null;
    return true;
  }

  scheduleSave() {
    window.clearTimeout(this.saveTimer);
    this.saveTimer = window.setTimeout(() => this.saveNow(), SAVE_DELAY_MS);
  }

  saveNow() {
    window.clearTimeout(this.saveTimer);
    this.saveTimer = 0;
    const state = {
      version: STORAGE_VERSION,
      backlog: this.backlog,
      options: this.options,
      drafts: this.drafts,
      validBacklog: this.validBacklog,
      templates: this.templates,
      formulaDraft: this.formulaDraft,
    };
    try {
      window.localStorage.setItem(this.storageKey, JSON.stringify(state));
    } catch {
      this.emit('status', { message: 'Could not save in this browser (storage is full or blocked). Export your backlog to keep it.' });
    }
  }

  // ---- scoring -----------------------------------------------------------

  /** Check the draft; when valid, load it and rank. */
  recompute() {
    const problems = Object.entries(this.drafts).map(([path, draft]) => ({
      code: 'NOT_A_NUMBER',
      path,
      message: draft.message,
    }));
    try {
      problems.push(...this.api.validate(this.backlog));
    } catch (error) {
      problems.push(...problemsFrom(error));
    }
    if (problems.length === 0) {
      try {
        this.load(this.backlog);
        this.validBacklog = clone(this.backlog);
      } catch (error) {
        problems.push(...problemsFrom(error));
      }
    } else if (!this.prioritiser && this.validBacklog) {
      // After a reload with mistakes in the draft: show the last valid results.
      try {
        this.load(this.validBacklog);
      } catch {
        this.validBacklog = null;
      }
    }
    this.backlogProblems = problems;
    this.rerank();
    this.emit('problems');
    this.scheduleSave();
  }

  load(backlog) {
    const next = new this.api.Prioritiser(clone(backlog));
    this.prioritiser?.free?.();
    this.prioritiser = next;
  }

  /** Full results with explanations for the current options. */
  rerank() {
    if (!this.prioritiser) return;
    try {
      const results = this.prioritiser.rank(this.options);
      this.optionProblems = [];
      this.setResults(results);
    } catch (error) {
      this.optionProblems = problemsFrom(error).map((p) => ({ ...p, path: p.path || 'options' }));
    }
  }

  setResults(results) {
    this.previousRanks = this.ranks;
    this.ranks = new Map(results.map((r) => [r.id, r.rank]));
    this.results = results;
    this.emit('results', { results });
  }

  /** The slider's hot path: order and scores only, no explanations. */
  liveWeight(buyerWeight) {
    this.options.buyerWeight = buyerWeight;
    this.scheduleSave();
    if (!this.prioritiser) return;
    const start = performance.now();
    try {
      const { order, scores } = this.prioritiser.order(this.options);
      this.emit('order', { order, scores, ranks: this.ranks });
      // The update's own time (order plus every view's DOM work), for
      // tests/bench/slider.mjs and the browser's performance panel. Only the
      // latest is kept, so a long drag does not fill the timeline buffer.
      performance.clearMeasures(SLIDER_MEASURE);
      performance.measure(SLIDER_MEASURE, { start, end: performance.now() });
    } catch (error) {
      this.optionProblems = problemsFrom(error);
      this.emit('problems');
    }
  }

  /** The slider was released: full results, movement measured from before the drag. */
  commitWeight(buyerWeight) {
    this.options.buyerWeight = buyerWeight;
    this.setOption('buyerWeight', buyerWeight);
    // The slider has settled (controls.js waits for it): save now rather
    // than after yet another pause.
    this.saveNow();
  }

  setOption(path, value) {
    setPath(this.options, path, value);
    this.rerank();
    this.emit('options', { path });
    this.emit('problems');
    this.scheduleSave();
  }

  /** Rank by a formula from now on (it was checked with compileFormula). */
  useFormula(text) {
    this.options.formula = text;
    this.setOption('framework', 'custom');
  }

  /**
   * Apply a framework template: add its criteria to the backlog (replacing
   * definitions with the same id) and take its scoring and balancing options.
   */
  applyTemplate(template) {
    const criteria = Array.isArray(this.backlog.criteria) ? this.backlog.criteria : [];
    for (const criterion of template.criteria ?? []) {
      const at = criteria.findIndex((c) => c.id === criterion.id);
      if (at >= 0) criteria[at] = clone(criterion);
      else criteria.push(clone(criterion));
    }
    if (criteria.length) this.backlog.criteria = criteria;
    const balance = template.balance ?? {};
    const defaults = this.defaultOptions();
    this.options = {
      ...this.options,
      framework: template.framework,
      ice: template.ice ?? defaults.ice,
      scorecard: clone(template.scorecard) ?? this.options.scorecard ?? defaults.scorecard,
      strategy: balance.strategy ?? defaults.strategy,
      buyerWeight: balance.buyerWeight ?? defaults.buyerWeight,
      guardrail: { ...defaults.guardrail, ...(balance.guardrail ?? {}) },
    };
    if (template.formula) {
      this.options.formula = template.formula;
      this.formulaDraft = template.formula;
    }
    this.emit('backlog');
    this.emit('options', { path: '' });
    this.recompute();
  }

  // ---- editing -----------------------------------------------------------

  /** A field changed to a value the page could read (it may still be invalid). */
  setField(path, value) {
    delete this.drafts[path];
    setPath(this.backlog, path, value);
    this.emit('edit', { path });
    if (isWithin(path, 'sideNames')) this.emit('names');
    this.recompute();
  }

  /** A field holds text that is not a number: keep it, and say why. */
  setDraft(path, text, message) {
    this.drafts[path] = { text, message };
    this.emit('edit', { path });
    this.recompute();
  }

  draftText(path) {
    return this.drafts[path]?.text;
  }

  get(path) {
    return getPath(this.backlog, path);
  }

  /** Replace the whole backlog (reset, import). */
  replace(backlog, options) {
    this.backlog = clone(backlog);
    if (options) this.options = options;
    this.drafts = {};
    this.prioritiser?.free?.();
    this.prioritiser = null;
    this.validBacklog = null;
    this.ranks = new Map();
    this.undo = null;
    this.emit('backlog');
    this.emit('names');
    this.emit('options', { path: '' });
    this.recompute();
  }

  resetToExample() {
    this.replace(this.api.exampleBacklog(), this.defaultOptions());
  }

  /**
   * Check a backlog read from a file or pasted. Returns the problems that
   * stop it from replacing the current one (empty when it is fine).
   */
  check(backlog) {
    if (!backlog || typeof backlog !== 'object' || Array.isArray(backlog)) {
      return [{ code: 'PARSE_ERROR', path: '', message: 'The file holds JSON, but not a backlog: expected an object with "initiatives".' }];
    }
    try {
      return this.api.validate(backlog);
    } catch (error) {
      return problemsFrom(error);
    }
  }

  initiatives() {
    if (!Array.isArray(this.backlog.initiatives)) this.backlog.initiatives = [];
    return this.backlog.initiatives;
  }

  uniqueId(base) {
    const taken = new Set(this.initiatives().map((i) => i.id));
    const stem = String(base).replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase() || 'initiative';
    if (!taken.has(stem)) return stem;
    for (let n = 2; ; n += 1) if (!taken.has(`${stem}-${n}`)) return `${stem}-${n}`;
  }

  addInitiative() {
    const list = this.initiatives();
    const initiative = {
      id: this.uniqueId('new-initiative'),
      name: 'New initiative',
      kind: 'customerFacing',
      buyer: { reach: 1000, impact: 1, confidence: 0.8 },
      seller: { reach: 100, impact: 1, confidence: 0.8 },
      effort: 1,
    };
    list.push(initiative);
    this.structural();
    return list.length - 1;
  }

  duplicate(index) {
    const list = this.initiatives();
    const original = list[index];
    if (!original) return -1;
    const copy = clone(original);
    copy.id = this.uniqueId(`${original.id}-copy`);
    copy.name = `${original.name} (copy)`;
    list.splice(index + 1, 0, copy);
    this.shiftDrafts(index + 1, +1);
    this.structural();
    return index + 1;
  }

  remove(index) {
    const list = this.initiatives();
    const removed = list[index];
    if (!removed) return;
    this.undo = { backlog: clone(this.backlog), drafts: clone(this.drafts), name: removed.name };
    list.splice(index, 1);
    // Nothing can depend on an initiative that is gone.
    for (const other of list) {
      if (Array.isArray(other.dependencies)) {
        other.dependencies = other.dependencies.filter((id) => id !== removed.id);
        if (other.dependencies.length === 0) delete other.dependencies;
      }
    }
    for (const path of Object.keys(this.drafts)) {
      if (isWithin(path, `initiatives[${index}]`)) delete this.drafts[path];
    }
    this.shiftDrafts(index + 1, -1);
    this.structural();
    this.emit('status', { message: `Deleted "${removed.name}".`, undo: true });
  }

  undoRemove() {
    if (!this.undo) return;
    this.backlog = this.undo.backlog;
    this.drafts = this.undo.drafts;
    this.undo = null;
    this.structural();
    this.emit('status', { message: 'Restored.' });
  }

  /** An id changed: keep dependencies pointing at it. */
  renameId(index, newId) {
    const list = this.initiatives();
    const oldId = list[index]?.id;
    if (oldId !== undefined && oldId !== newId) {
      for (const other of list) {
        if (Array.isArray(other.dependencies)) {
          other.dependencies = other.dependencies.map((id) => (id === oldId ? newId : id));
        }
      }
      if (this.selectedId === oldId) this.selectedId = newId;
    }
    this.setField(`initiatives[${index}].id`, newId);
  }

  shiftDrafts(fromIndex, delta) {
    const moved = {};
    for (const [path, draft] of Object.entries(this.drafts)) {
      const keys = parsePath(path);
      if (keys[0] === 'initiatives' && typeof keys[1] === 'number' && keys[1] >= fromIndex) {
        moved[path.replace(/^initiatives\[\d+\]/, `initiatives[${keys[1] + delta}]`)] = draft;
      } else {
        moved[path] = draft;
      }
    }
    this.drafts = moved;
  }

  structural() {
    this.emit('backlog');
    this.recompute();
  }

  select(id) {
    this.selectedId = id;
    this.emit('select', { id });
  }
}
