/* @ts-self-types="./twosided.d.ts" */
import { jsonText } from './snippets/twosided-077e37ef68bc1de0/inline0.js';


/**
 * A backlog loaded once into WebAssembly and validated, then re-ranked
 * quickly as options change: `order` scores every initiative from its
 * estimates and ranks them on each call, without explanations, faster than
 * plain JavaScript does it; `rank` gives the full, explained results. Call
 * `free()` when done with it (or use `using` where supported).
 *
 * @example
 * ```js
 * const prioritiser = new Prioritiser(exampleBacklog());
 * slider.oninput = () => {
 *   const { order, scores } = prioritiser.order({ buyerWeight: slider.valueAsNumber });
 *   render(order, scores);
 * };
 * ```
 */
export class Prioritiser {
    __destroy_into_raw() {
        const ptr = this.__wbg_ptr;
        this.__wbg_ptr = 0;
        PrioritiserFinalization.unregister(this);
        return ptr;
    }
    free() {
        const ptr = this.__destroy_into_raw();
        wasm.__wbg_prioritiser_free(ptr, 0);
    }
    /**
     * The backlog being ranked, with any segment weights changed since.
     * @returns {Backlog}
     */
    backlog() {
        const ret = wasm.prioritiser_backlog(this.__wbg_ptr);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
    /**
     * Loads and validates a backlog. Throws a `TwosidedError` with code
     * "VALIDATION_FAILED" and every problem in `problems` when it is invalid.
     * @param {Backlog} backlog
     */
    constructor(backlog) {
        const ret = wasm.prioritiser_new(backlog);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        this.__wbg_ptr = ret[0];
        PrioritiserFinalization.register(this, this.__wbg_ptr, this);
        return this;
    }
    /**
     * The ranking as typed arrays: `order` holds backlog indices best first,
     * `scores` the balanced score of each initiative by backlog index. The
     * same order as `rank`, without explanations: the hot path for a slider.
     *
     * @example
     * ```js
     * const { order, scores } = prioritiser.order({ buyerWeight: 0.8 });
     * const best = backlog.initiatives[order[0]];
     * ```
     * @param {ScoreOptionsInput} [options]
     * @returns {Order}
     */
    order(options) {
        const ret = wasm.prioritiser_order(this.__wbg_ptr, isLikeNone(options) ? 0 : addToExternrefTable0(options));
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
    /**
     * The full ranked results, best first, as `score` gives them.
     *
     * @example
     * ```js
     * const top = prioritiser.rank({ strategy: "maxMin" })[0];
     * ```
     * @param {ScoreOptionsInput} [options]
     * @returns {ScoredInitiative[]}
     */
    rank(options) {
        const ret = wasm.prioritiser_rank(this.__wbg_ptr, isLikeNone(options) ? 0 : addToExternrefTable0(options));
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
    /**
     * Changes the weight of one declared segment of a side, keeping
     * everything else. Throws "INVALID_OPTION" for an unknown side or
     * segment, or a weight that is negative, too large or not a number.
     *
     * @example
     * ```js
     * prioritiser.setSegmentWeight("seller", "smallShops", 2);
     * ```
     * @param {Side} side
     * @param {string} segment
     * @param {number} weight
     */
    setSegmentWeight(side, segment, weight) {
        const ret = wasm.prioritiser_setSegmentWeight(this.__wbg_ptr, side, segment, weight);
        if (ret[1]) {
            throw takeFromExternrefTable0(ret[0]);
        }
    }
}
if (Symbol.dispose) Prioritiser.prototype[Symbol.dispose] = Prioritiser.prototype.free;

/**
 * A simulation run in chunks, so a page can report progress and cancel:
 * call `step(n)` until `finished`, then `result()`. Chunking never changes
 * the result. Call `free()` when done with it.
 *
 * @example
 * ```js
 * const run = new Simulation(backlog, { seed: 1, samples: 20000 });
 * let progress;
 * do {
 *   progress = run.step(500);
 *   postMessage({ done: progress.done, total: progress.total });
 * } while (!progress.finished && !progress.cancelled);
 * const result = run.result();
 * run.free();
 * ```
 */
export class Simulation {
    __destroy_into_raw() {
        const ptr = this.__wbg_ptr;
        this.__wbg_ptr = 0;
        SimulationFinalization.unregister(this);
        return ptr;
    }
    free() {
        const ptr = this.__destroy_into_raw();
        wasm.__wbg_simulation_free(ptr, 0);
    }
    /**
     * Stops the run: later steps do nothing, and `result()` covers the
     * samples drawn so far.
     */
    cancel() {
        wasm.simulation_cancel(this.__wbg_ptr);
    }
    /**
     * Validates the backlog and options. Throws a `TwosidedError` like
     * `simulate`.
     * @param {Backlog} backlog
     * @param {SimulationOptionsInput} [options]
     */
    constructor(backlog, options) {
        const ret = wasm.simulation_new(backlog, isLikeNone(options) ? 0 : addToExternrefTable0(options));
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        this.__wbg_ptr = ret[0];
        SimulationFinalization.register(this, this.__wbg_ptr, this);
        return this;
    }
    /**
     * How far the run has got.
     * @returns {Progress}
     */
    progress() {
        const ret = wasm.simulation_progress(this.__wbg_ptr);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
    /**
     * The figures over the samples drawn so far.
     * @returns {SimulationResult}
     */
    result() {
        const ret = wasm.simulation_result(this.__wbg_ptr);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
    /**
     * Draws up to `samples` more samples and returns the progress.
     * @param {number} samples
     * @returns {Progress}
     */
    step(samples) {
        const ret = wasm.simulation_step(this.__wbg_ptr, samples);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
}
if (Symbol.dispose) Simulation.prototype[Symbol.dispose] = Simulation.prototype.free;

/**
 * Returns a corrected copy of the backlog: each correction multiplies the
 * effort or reach estimates of initiatives not launched yet (an initiative
 * takes its problem space's own correction, else the overall one).
 * Launched and reviewed initiatives keep their estimates. Every change is
 * listed with a sentence saying a correction was applied and why; the input
 * is not modified. Leave `corrections` out to apply the ones
 * `reviewOutcomes(backlog)` suggests.
 *
 * Throws a `TwosidedError`: "VALIDATION_FAILED", "INVALID_OPTION" (with a
 * path such as "corrections[0].factor"), "LIMIT_EXCEEDED" or "PARSE_ERROR".
 *
 * @example
 * ```js
 * const { backlog: corrected, changes } = applyCorrections(backlog);
 * const ranked = score(corrected);
 * for (const change of changes) console.log(change.explanation);
 * ```
 * @param {Backlog} backlog
 * @param {CorrectionInput[]} [corrections]
 * @returns {CorrectedBacklog}
 */
export function applyCorrections(backlog, corrections) {
    const ret = wasm.applyCorrections(backlog, isLikeNone(corrections) ? 0 : addToExternrefTable0(corrections));
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * The built-in frameworks as templates (RICE, ICE, WSJF, the scorecard and
 * "RICE as a formula"), to show beside a team's own and to start from.
 *
 * @example
 * ```js
 * const [rice] = builtInTemplates();
 * score(backlog, { framework: rice.framework });
 * ```
 * @returns {FrameworkTemplate[]}
 */
export function builtInTemplates() {
    const ret = wasm.builtInTemplates();
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * Every problem with a template (imported from JSON, say): its name, its
 * criteria, its formula and its balancing settings. `[]` means it can be
 * used. Throws a `TwosidedError` "PARSE_ERROR" if it is not template-shaped.
 *
 * @example
 * ```js
 * const problems = checkTemplate(JSON.parse(text));
 * ```
 * @param {FrameworkTemplate} template
 * @returns {Problem[]}
 */
export function checkTemplate(template) {
    const ret = wasm.checkTemplate(template);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * Compares two to eight roadmaps (or scenarios: the same backlog under
 * different weights, strategies or capacities): each one's buyer and seller
 * value, their balance, the allocation against the targets, the metrics and
 * problem spaces covered; what was added, removed or moved between periods;
 * and which roadmaps dominate others on both sides.
 *
 * @example
 * ```js
 * const backlog = exampleBacklog();
 * const comparison = compareRoadmaps([
 *   { name: "Buyers first", roadmap: planRoadmap(backlog, { scoring: { buyerWeight: 0.8 } }) },
 *   { name: "Sellers first", roadmap: planRoadmap(backlog, { scoring: { buyerWeight: 0.2 } }) },
 * ]);
 * console.log(comparison.scenarios.map((s) => [s.name, s.buyerValue, s.sellerValue]));
 * ```
 * @param {NamedRoadmap[]} scenarios
 * @returns {RoadmapComparison}
 */
export function compareRoadmaps(scenarios) {
    const ret = wasm.compareRoadmaps(scenarios);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * Checks a formula as an editor needs it: never throws for a bad formula,
 * but returns every error with its position, or the canonical text and the
 * names it uses. `criteria` are the backlog's own criteria (optional);
 * `scales` are checked as the canonical ones unless a backlog's are given.
 *
 * @example
 * ```js
 * const result = compileFormula("value / reach");
 * if (!result.ok) {
 *   const [e] = result.errors; // { code: "DIVISION_BY_ZERO", start: 8, length: 5, ... }
 * }
 * ```
 * @param {string} text
 * @param {CriterionDefinition[]} [criteria]
 * @param {Scales} [scales]
 * @returns {CompiledFormula}
 */
export function compileFormula(text, criteria, scales) {
    const ret = wasm.compileFormula(text, isLikeNone(criteria) ? 0 : addToExternrefTable0(criteria), isLikeNone(scales) ? 0 : addToExternrefTable0(scales));
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * Decodes a share link, its fragment (with or without `#`) or
 * `location.hash`, back to the scenario `{ backlog, settings }`. Safe on
 * any text: a cut, altered or foreign link throws a `TwosidedError`
 * ("PARSE_ERROR" with path "shareLink" and a message that says what is
 * wrong, or "LIMIT_EXCEEDED" for a link too long). The backlog is read as
 * strictly as a file but not validated: call `validate` before using it.
 *
 * @example
 * ```js
 * if (location.hash.startsWith("#scenario=")) {
 *   const { backlog, settings } = decodeShareLink(location.hash);
 * }
 * ```
 * @param {string} link
 * @returns {Scenario}
 */
export function decodeShareLink(link) {
    const ret = wasm.decodeShareLink(link);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * The canonical options: RICE, balanced by an even weighted sum (buyer
 * weight 0.5), no guardrail harm allowed, ICE as a product, and the
 * business-outcomes scorecard.
 *
 * @example
 * ```js
 * const options = { ...defaultOptions(), strategy: "nash" };
 * ```
 * @returns {ScoreOptions}
 */
export function defaultOptions() {
    const ret = wasm.defaultOptions();
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * Encodes a scenario (a backlog and, optionally, its scoring settings) as a
 * URL fragment, without the `#`: `scenario=v1.<data>`, the document
 * compressed and base64url-encoded. The fragment is never sent to a server.
 *
 * Throws "VALIDATION_FAILED" for an invalid backlog, and "LIMIT_EXCEEDED"
 * when the link would be longer than 65,536 characters (export a file
 * instead).
 *
 * @example
 * ```js
 * location.hash = encodeShareLink({ backlog, settings: options });
 * await navigator.clipboard.writeText(location.href);
 * ```
 * @param {ScenarioInput} scenario
 * @returns {string}
 */
export function encodeShareLink(scenario) {
    let deferred2_0;
    let deferred2_1;
    try {
        const ret = wasm.encodeShareLink(scenario);
        var ptr1 = ret[0];
        var len1 = ret[1];
        if (ret[3]) {
            ptr1 = 0; len1 = 0;
            throw takeFromExternrefTable0(ret[2]);
        }
        deferred2_0 = ptr1;
        deferred2_1 = len1;
        return getStringFromWasm0(ptr1, len1);
    } finally {
        wasm.__wbindgen_free(deferred2_0, deferred2_1, 1);
    }
}

/**
 * The built-in example backlog of a marketplace, as a plain object that can
 * be edited and passed back to `score` or `new Prioritiser`.
 *
 * @example
 * ```js
 * const backlog = exampleBacklog();
 * console.log(backlog.initiatives.length, backlog.initiatives[0].name);
 * ```
 * @returns {Backlog}
 */
export function exampleBacklog() {
    const ret = wasm.exampleBacklog();
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * The built-in names a formula can use, with what each means, for an
 * editor's help and completion.
 * @returns {FormulaName[]}
 */
export function formulaNames() {
    const ret = wasm.formulaNames();
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * The initiatives MoSCoW labels pin into ("must") or exclude from ("won't")
 * a plan, each only when its option is on.
 *
 * @example
 * ```js
 * const { mustInclude, exclude } = labelPins(backlog, { mustAsPin: true, wontAsExclusion: true });
 * ```
 * @param {Backlog} backlog
 * @param {LabelPinOptions} [options]
 * @returns {LabelPins}
 */
export function labelPins(backlog, options) {
    const ret = wasm.labelPins(backlog, isLikeNone(options) ? 0 : addToExternrefTable0(options));
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * Reads a spreadsheet (CSV, or tab-separated text pasted from one) into a
 * backlog. Headers are matched by name, with common synonyms ("Effort (PM)",
 * "Buyer reach", "Confidence %"); the delimiter and decimal comma are
 * detected.
 *
 * All-or-nothing by default: rows with problems throw a `TwosidedError`
 * "VALIDATION_FAILED" whose `problems` each carry `row`, `column`, `header`
 * and `message`. With `{ partial: true }`, such rows are left out and listed
 * in `skippedRows` and `problems`. A file over 10 MB throws
 * "LIMIT_EXCEEDED".
 *
 * @example
 * ```js
 * const { backlog, warnings } = parseCsv("Name\tBuyer reach\tEffort\nFaster checkout\t2000\t3\n");
 * try { parseCsv(text); } catch (e) { for (const p of e.problems) console.log(p.row, p.column, p.message); }
 * ```
 * @param {string} text
 * @param {CsvImportOptions} [options]
 * @returns {CsvImport}
 */
export function parseCsv(text, options) {
    const ret = wasm.parseCsv(text, isLikeNone(options) ? 0 : addToExternrefTable0(options));
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * Plans the roadmap worth the most: each initiative goes into one period
 * (its effort counting against that period's capacity) or stays out,
 * respecting capacities, allocation targets, dependencies and pins. The
 * search is exact; if it runs out of `timeBudgetMs` (measured with
 * `Date.now()`) or `nodeBudget`, the result says `optimal: false` with the
 * bound and the gap. The greedy plan and what the plan adds over it come
 * with it, and every initiative left out has a reason.
 *
 * Throws a `TwosidedError`: "VALIDATION_FAILED", "INVALID_OPTION",
 * "PARSE_ERROR", "INFEASIBLE" (naming the conflicting pins, targets or
 * capacities) or "LIMIT_EXCEEDED".
 *
 * @example
 * ```js
 * const roadmap = planRoadmap(exampleBacklog(), {
 *   periods: [{ name: "2027-Q1", capacity: 12 }, { name: "2027-Q2", capacity: 12 }],
 *   targets: [{ kind: "platform", min: 0.2 }],
 * });
 * for (const p of roadmap.plan.periods) console.log(p.name, p.used, "/", p.capacity, p.initiatives);
 * console.log(roadmap.optimal, roadmap.gainOverGreedy);
 * ```
 * @param {Backlog} backlog
 * @param {PlanOptionsInput} [options]
 * @returns {Roadmap}
 */
export function planRoadmap(backlog, options) {
    const ret = wasm.planRoadmap(backlog, isLikeNone(options) ? 0 : addToExternrefTable0(options));
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * Reads a saved document (the object `JSON.parse` gives) strictly: an
 * unknown or misspelt field throws a `TwosidedError` "PARSE_ERROR" with its
 * path (`backlog.initiatives[3].buyer.reahc`). A version 0 document (a bare
 * backlog, `{ initiatives: [...] }`) is migrated to version 1; a newer
 * version than this package reads is refused. The backlog is not validated:
 * call `validate` to list its problems.
 *
 * @example
 * ```js
 * const { backlog, settings } = readDocument(JSON.parse(await file.text()));
 * ```
 * @param {unknown} document
 * @returns {TwosidedDocument}
 */
export function readDocument(document) {
    const ret = wasm.readDocument(document);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * Reviews every launched or reviewed initiative: whether it met its success
 * criterion, the portfolio hit rate, estimate accuracy (median actual /
 * estimated ratio and quartiles per field and side, overall and per problem
 * space), whether effort tends to be under-estimated, and suggested
 * corrections for new estimates (none applied: see `applyCorrections`).
 *
 * Throws a `TwosidedError`: "VALIDATION_FAILED", "INVALID_OPTION" or
 * "PARSE_ERROR".
 *
 * @example
 * ```js
 * const review = reviewOutcomes(exampleBacklog());
 * console.log(review.hitRate.sentence);
 * for (const c of review.corrections) console.log(c.sentence);
 * ```
 * @param {Backlog} backlog
 * @param {ReviewOptions} [options]
 * @returns {Review}
 */
export function reviewOutcomes(backlog, options) {
    const ret = wasm.reviewOutcomes(backlog, isLikeNone(options) ? 0 : addToExternrefTable0(options));
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * Scores and ranks a backlog, best first. `options` may be left out or
 * partial; missing fields take the values of `defaultOptions()`. Each result
 * has both sides' values, the balanced score, the rank, the guardrail flag,
 * the Pareto status and a plain-words explanation.
 *
 * Throws a `TwosidedError`: "VALIDATION_FAILED" (with every problem in
 * `problems`), "INVALID_OPTION", "PARSE_ERROR" or "NOT_FINITE".
 *
 * @example
 * ```js
 * const ranked = score(exampleBacklog(), { framework: "rice", buyerWeight: 0.7 });
 * console.log(ranked[0].name, ranked[0].score, ranked[0].explanation.sentence);
 * ```
 * @param {Backlog} backlog
 * @param {ScoreOptionsInput} [options]
 * @returns {ScoredInitiative[]}
 */
export function score(backlog, options) {
    const ret = wasm.score(backlog, isLikeNone(options) ? 0 : addToExternrefTable0(options));
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * Monte Carlo over the estimates given as `{ low, likely, high }`, drawn
 * from triangular distributions with a seeded generator: per initiative its
 * rank distribution (p10, p50, p90), its probability of making the top k
 * and its expected balanced score. The same seed gives the same result as
 * the Rust library. For long runs, use `Simulation` in a Worker instead.
 *
 * @example
 * ```js
 * const result = simulate(backlog, { seed: 7, samples: 10000, topK: 5 });
 * for (const i of result.initiatives) console.log(i.name, i.topKProbability);
 * ```
 * @param {Backlog} backlog
 * @param {SimulationOptionsInput} [options]
 * @returns {SimulationResult}
 */
export function simulate(backlog, options) {
    const ret = wasm.simulate(backlog, isLikeNone(options) ? 0 : addToExternrefTable0(options));
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * How the ranking depends on the buyer weight w. For the weighted sum,
 * every crossing point is exact and each initiative's rank is given as
 * intervals of w; for other strategies the weight is sampled on a grid.
 * Current top-k members get the interval of w over which they stay there.
 *
 * Throws a `TwosidedError`: "VALIDATION_FAILED", "INVALID_OPTION",
 * "PARSE_ERROR", or "LIMIT_EXCEEDED" when a large backlog's scores cross
 * too often (set `depth`).
 *
 * @example
 * ```js
 * const sweep = sweepWeights(backlog, { scoring: { buyerWeight: 0.6 }, topK: 5, depth: 10 });
 * for (const line of sweep.initiatives) {
 *   if (line.staysInTopK) console.log(line.name, line.staysInTopK.from, line.staysInTopK.to);
 * }
 * ```
 * @param {Backlog} backlog
 * @param {SweepOptionsInput} [options]
 * @returns {WeightSweep}
 */
export function sweepWeights(backlog, options) {
    const ret = wasm.sweepWeights(backlog, isLikeNone(options) ? 0 : addToExternrefTable0(options));
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}

/**
 * Writes CSV that spreadsheets open safely: numbers as numbers, and text
 * that starts with `=`, `+`, `-` or `@` guarded with `'` so it is never run
 * as a formula. Importing an exported backlog gives the same backlog.
 *
 * By default the backlog; `{ what: "results", scoreOptions }` writes the
 * ranking instead (rank, scores, both sides' values, Pareto status and the
 * explanation); `{ what: "roadmap", plan }` plans the roadmap with those plan
 * options (as `planRoadmap` does) and writes one row per initiative: its
 * period or "not planned", id, name, kind, effort, buyer and seller value,
 * balanced score, value in the plan, whether it is pinned, and why it was
 * left out. Planning errors are thrown as `planRoadmap` throws them, with
 * paths under `options.plan`.
 *
 * @example
 * ```js
 * const csv = toCsv(backlog);
 * const ranking = toCsv(backlog, { what: "results", scoreOptions: { buyerWeight: 0.7 } });
 * const roadmap = toCsv(backlog, { what: "roadmap", plan: { periods: [{ name: "Q1", capacity: 12 }] } });
 * const forGermanExcel = toCsv(backlog, { delimiter: "semicolon", decimal: "comma", bom: true });
 * ```
 * @param {Backlog} backlog
 * @param {CsvExportOptions} [options]
 * @returns {string}
 */
export function toCsv(backlog, options) {
    let deferred2_0;
    let deferred2_1;
    try {
        const ret = wasm.toCsv(backlog, isLikeNone(options) ? 0 : addToExternrefTable0(options));
        var ptr1 = ret[0];
        var len1 = ret[1];
        if (ret[3]) {
            ptr1 = 0; len1 = 0;
            throw takeFromExternrefTable0(ret[2]);
        }
        deferred2_0 = ptr1;
        deferred2_1 = len1;
        return getStringFromWasm0(ptr1, len1);
    } finally {
        wasm.__wbindgen_free(deferred2_0, deferred2_1, 1);
    }
}

/**
 * Checks a backlog and lists every problem found; an empty array means it is
 * valid. Each problem has a `code`, a `path` (such as
 * "initiatives[3].buyer.reach") and a `message`.
 *
 * Throws a `TwosidedError` with code "PARSE_ERROR" when the value is not
 * backlog-shaped at all (a string where a number belongs, an unknown field,
 * NaN or Infinity).
 *
 * @example
 * ```js
 * const problems = validate(backlog);
 * for (const p of problems) console.log(`${p.path}: ${p.message}`);
 * ```
 * @param {Backlog} backlog
 * @returns {Problem[]}
 */
export function validate(backlog) {
    const ret = wasm.validate(backlog);
    if (ret[2]) {
        throw takeFromExternrefTable0(ret[1]);
    }
    return takeFromExternrefTable0(ret[0]);
}
function __wbg_get_imports() {
    const import0 = {
        __proto__: null,
        __wbg___wbindgen_is_null_c22311b1cc228e3a: function(arg0) {
            const ret = arg0 === null;
            return ret;
        },
        __wbg___wbindgen_is_undefined_be5b34249ff1fc15: function(arg0) {
            const ret = arg0 === undefined;
            return ret;
        },
        __wbg___wbindgen_number_get_934b640d0889af78: function(arg0, arg1) {
            const obj = arg1;
            const ret = typeof(obj) === 'number' ? obj : undefined;
            getDataViewMemory0().setFloat64((arg0 >>> 0) + 8 * 1, isLikeNone(ret) ? 0 : ret, true);
            getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 0, !isLikeNone(ret), true);
        },
        __wbg___wbindgen_string_get_7ce8eee7fd327545: function(arg0, arg1) {
            const obj = arg1;
            const ret = typeof(obj) === 'string' ? obj : undefined;
            var ptr1 = isLikeNone(ret) ? 0 : passStringToWasm0(ret, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
            var len1 = WASM_VECTOR_LEN;
            getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 1, len1, true);
            getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 0, ptr1, true);
        },
        __wbg___wbindgen_throw_4c88d8bf264fd984: function(arg0, arg1) {
            throw new Error(getStringFromWasm0(arg0, arg1));
        },
        __wbg___wbindgen_typeof_ee4990276e02f607: function(arg0) {
            const ret = typeof arg0;
            return ret;
        },
        __wbg_instanceof_Error_74e3cca0c4a69161: function(arg0) {
            let result;
            try {
                result = arg0 instanceof Error;
            } catch (_) {
                result = false;
            }
            const ret = result;
            return ret;
        },
        __wbg_jsonText_8761c22051b1323b: function() { return handleError(function (arg0) {
            const ret = jsonText(arg0);
            return ret;
        }, arguments); },
        __wbg_message_43d8c8f1d543a349: function(arg0) {
            const ret = arg0.message;
            return ret;
        },
        __wbg_new_37eb45aaf5eeb820: function() {
            const ret = new Array();
            return ret;
        },
        __wbg_new_787b9fb330d55d78: function(arg0, arg1) {
            const ret = new Error(getStringFromWasm0(arg0, arg1));
            return ret;
        },
        __wbg_new_cd4348290afae586: function() {
            const ret = new Object();
            return ret;
        },
        __wbg_new_from_slice_3512352010266e02: function(arg0, arg1) {
            const ret = new Uint32Array(getArrayU32FromWasm0(arg0, arg1));
            return ret;
        },
        __wbg_new_from_slice_aaf85a9746711968: function(arg0, arg1) {
            const ret = new Float64Array(getArrayF64FromWasm0(arg0, arg1));
            return ret;
        },
        __wbg_now_463ac581d2fc7ea3: function() {
            const ret = Date.now();
            return ret;
        },
        __wbg_parse_c3f72b5a24f83c01: function() { return handleError(function (arg0, arg1) {
            const ret = JSON.parse(getStringFromWasm0(arg0, arg1));
            return ret;
        }, arguments); },
        __wbg_set_2793479888329cb6: function() { return handleError(function (arg0, arg1, arg2) {
            const ret = Reflect.set(arg0, arg1, arg2);
            return ret;
        }, arguments); },
        __wbg_set_d2d33b52458e984a: function(arg0, arg1, arg2) {
            arg0[arg1 >>> 0] = arg2;
        },
        __wbg_set_e4b9a833d288759a: function(arg0, arg1, arg2) {
            arg0[arg1] = arg2;
        },
        __wbg_set_name_822e3903f3184979: function(arg0, arg1, arg2) {
            arg0.name = getStringFromWasm0(arg1, arg2);
        },
        __wbg_stringify_0a0fbf2ef722380a: function() { return handleError(function (arg0) {
            const ret = JSON.stringify(arg0);
            return ret;
        }, arguments); },
        __wbindgen_generic_0000000000000001: function(arg0, arg1) {
            // Cast intrinsic for `Ref(String) -> Externref`.
            const ret = getStringFromWasm0(arg0, arg1);
            return ret;
        },
        __wbindgen_init_externref_table: function() {
            const table = wasm.__wbindgen_externrefs;
            table.set(0, undefined);
            table.set(1024, undefined);
            table.set(1025, null);
            table.set(1026, true);
            table.set(1027, false);
        },
    };
    return {
        __proto__: null,
        "./twosided_bg.js": import0,
    };
}

const PrioritiserFinalization = (typeof FinalizationRegistry === 'undefined')
    ? { register: () => {}, unregister: () => {} }
    : new FinalizationRegistry(ptr => wasm.__wbg_prioritiser_free(ptr, 1));
const SimulationFinalization = (typeof FinalizationRegistry === 'undefined')
    ? { register: () => {}, unregister: () => {} }
    : new FinalizationRegistry(ptr => wasm.__wbg_simulation_free(ptr, 1));

function addToExternrefTable0(obj) {
    const idx = wasm.__externref_table_alloc();
    wasm.__wbindgen_externrefs.set(idx, obj);
    return idx;
}

function getArrayF64FromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    return getFloat64ArrayMemory0().subarray(ptr / 8, ptr / 8 + len);
}

function getArrayU32FromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    return getUint32ArrayMemory0().subarray(ptr / 4, ptr / 4 + len);
}

let cachedDataViewMemory0 = null;
function getDataViewMemory0() {
    if (cachedDataViewMemory0 === null || cachedDataViewMemory0.buffer.detached === true || (cachedDataViewMemory0.buffer.detached === undefined && cachedDataViewMemory0.buffer !== wasm.memory.buffer)) {
        cachedDataViewMemory0 = new DataView(wasm.memory.buffer);
    }
    return cachedDataViewMemory0;
}

let cachedFloat64ArrayMemory0 = null;
function getFloat64ArrayMemory0() {
    if (cachedFloat64ArrayMemory0 === null || cachedFloat64ArrayMemory0.byteLength === 0) {
        cachedFloat64ArrayMemory0 = new Float64Array(wasm.memory.buffer);
    }
    return cachedFloat64ArrayMemory0;
}

function getStringFromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    return decodeText(getUint8ArrayMemory0().subarray(ptr, ptr + len));
}

let cachedUint32ArrayMemory0 = null;
function getUint32ArrayMemory0() {
    if (cachedUint32ArrayMemory0 === null || cachedUint32ArrayMemory0.byteLength === 0) {
        cachedUint32ArrayMemory0 = new Uint32Array(wasm.memory.buffer);
    }
    return cachedUint32ArrayMemory0;
}

let cachedUint8ArrayMemory0 = null;
function getUint8ArrayMemory0() {
    if (cachedUint8ArrayMemory0 === null || cachedUint8ArrayMemory0.byteLength === 0) {
        cachedUint8ArrayMemory0 = new Uint8Array(wasm.memory.buffer);
    }
    return cachedUint8ArrayMemory0;
}

function handleError(f, args) {
    try {
        return f.apply(this, args);
    } catch (e) {
        const idx = addToExternrefTable0(e);
        wasm.__wbindgen_exn_store(idx);
    }
}

function isLikeNone(x) {
    return x === undefined || x === null;
}

function passStringToWasm0(arg, malloc, realloc) {
    if (realloc === undefined) {
        const buf = cachedTextEncoder.encode(arg);
        const ptr = malloc(buf.length, 1) >>> 0;
        getUint8ArrayMemory0().subarray(ptr, ptr + buf.length).set(buf);
        WASM_VECTOR_LEN = buf.length;
        return ptr;
    }

    let len = arg.length;
    let ptr = malloc(len, 1) >>> 0;

    const mem = getUint8ArrayMemory0();

    let offset = 0;

    for (; offset < len; offset++) {
        const code = arg.charCodeAt(offset);
        if (code > 0x7F) break;
        mem[ptr + offset] = code;
    }
    if (offset !== len) {
        if (offset !== 0) {
            arg = arg.slice(offset);
        }
        ptr = realloc(ptr, len, len = offset + arg.length * 3, 1) >>> 0;
        const view = getUint8ArrayMemory0().subarray(ptr + offset, ptr + len);
        const ret = cachedTextEncoder.encodeInto(arg, view);

        offset += ret.written;
        ptr = realloc(ptr, len, offset, 1) >>> 0;
    }

    WASM_VECTOR_LEN = offset;
    return ptr;
}

function takeFromExternrefTable0(idx) {
    const value = wasm.__wbindgen_externrefs.get(idx);
    wasm.__externref_table_dealloc(idx);
    return value;
}

let cachedTextDecoder = new TextDecoder('utf-8', { ignoreBOM: true });
cachedTextDecoder.decode();
const MAX_SAFARI_DECODE_BYTES = 2146435072;
let numBytesDecoded = 0;
function decodeText(bytes) {
    numBytesDecoded += bytes.length;
    if (numBytesDecoded >= MAX_SAFARI_DECODE_BYTES) {
        cachedTextDecoder = new TextDecoder('utf-8', { ignoreBOM: true });
        cachedTextDecoder.decode();
        numBytesDecoded = bytes.length;
    }
    return cachedTextDecoder.decode(bytes);
}

const cachedTextEncoder = new TextEncoder();

if (!('encodeInto' in cachedTextEncoder)) {
    cachedTextEncoder.encodeInto = function (arg, view) {
        const buf = cachedTextEncoder.encode(arg);
        view.set(buf);
        return {
            read: arg.length,
            written: buf.length
        };
    };
}

let WASM_VECTOR_LEN = 0;

let wasmModule, wasmInstance, wasm;
function __wbg_finalize_init(instance, module) {
    wasmInstance = instance;
    wasm = instance.exports;
    wasmModule = module;
    cachedDataViewMemory0 = null;
    cachedFloat64ArrayMemory0 = null;
    cachedUint32ArrayMemory0 = null;
    cachedUint8ArrayMemory0 = null;
    wasm.__wbindgen_start();
    return wasm;
}

async function __wbg_load(module, imports) {
    if (typeof Response === 'function' && module instanceof Response) {
        if (!module.ok) {
            throw new Error(`failed to fetch Wasm: ${module.status} ${module.statusText} fetching '${module.url}'`);
        }

        if (typeof WebAssembly.instantiateStreaming === 'function') {
            try {
                return await WebAssembly.instantiateStreaming(module, imports);
            } catch (e) {
                const validResponse = expectedResponseType(module.type);

                if (validResponse && module.headers.get('Content-Type') !== 'application/wasm') {
                    console.warn("`WebAssembly.instantiateStreaming` failed because your server does not serve Wasm with `application/wasm` MIME type. Falling back to `WebAssembly.instantiate` which is slower. Original error:\n", e);

                } else { throw e; }
            }
        }

        const bytes = await module.arrayBuffer();
        return await WebAssembly.instantiate(bytes, imports);
    } else {
        const instance = await WebAssembly.instantiate(module, imports);

        if (instance instanceof WebAssembly.Instance) {
            return { instance, module };
        } else {
            return instance;
        }
    }

    function expectedResponseType(type) {
        switch (type) {
            case 'basic': case 'cors': case 'default': return true;
        }
        return false;
    }
}

function initSync(module) {
    if (wasm !== undefined) return wasm;


    if (module !== undefined) {
        if (Object.getPrototypeOf(module) === Object.prototype) {
            ({module} = module)
        } else {
            console.warn('using deprecated parameters for `initSync()`; pass a single object instead')
        }
    }

    const imports = __wbg_get_imports();
    if (!(module instanceof WebAssembly.Module)) {
        module = new WebAssembly.Module(module);
    }
    const instance = new WebAssembly.Instance(module, imports);
    return __wbg_finalize_init(instance, module);
}

let __wbg_init_promise;
async function __wbg_init(module_or_path) {
    if (wasm !== undefined) return wasm;
    if (__wbg_init_promise === undefined) {
        __wbg_init_promise = __wbg_init_once(module_or_path);
        __wbg_init_promise.catch(() => { __wbg_init_promise = undefined; });
    }
    return __wbg_init_promise;
}

async function __wbg_init_once(module_or_path) {

    if (module_or_path !== undefined) {
        if (Object.getPrototypeOf(module_or_path) === Object.prototype) {
            ({module_or_path} = module_or_path)
        } else {
            console.warn('using deprecated parameters for the initialization function; pass a single object instead')
        }
    }

    if (module_or_path === undefined) {
        module_or_path = new URL('twosided_bg.wasm', import.meta.url);
    }
    const imports = __wbg_get_imports();

    if (typeof module_or_path === 'string' || (typeof Request === 'function' && module_or_path instanceof Request) || (typeof URL === 'function' && module_or_path instanceof URL)) {
        module_or_path = fetch(module_or_path);
    }

    const { instance, module } = await __wbg_load(await module_or_path, imports);

    return __wbg_finalize_init(instance, module);
}

export { initSync, __wbg_init as default };
