/* tslint:disable */
/* eslint-disable */

/** MoSCoW priority. */
export type Moscow = "must" | "should" | "could" | "wont";

/** Kano category. */
export type Kano = "basic" | "performance" | "delighter" | "indifferent";

/** One named level of a criterion's scale, such as { label: "XL", value: 5 }. */
export interface NamedLevel { label: string; value: number; }

/** The values a custom criterion may take. */
export type CriterionScale =
| { kind: "range"; min: number; max: number }
| { kind: "fibonacci" }
| { kind: "levels"; levels: NamedLevel[] };

/** A criterion a backlog defines for itself; formulas use it by `id`. */
export interface CriterionDefinition {
    /** A lower-case letter, then lower-case letters, digits or _ (at most 32). */
    id: string;
    name: string;
    scale: CriterionScale;
    /** "whole" (default): one value; "perSide": { buyer, seller }. */
    applies?: "whole" | "perSide";
    /** True for a cost, where lower is better. */
    cost?: boolean;
}

/** One thing wrong with a formula. `start` and `length` are JavaScript string
 * indices (UTF-16 code units), ready for `text.slice(start, start + length)`. */
export interface FormulaError {
    code: "EMPTY" | "TOO_LONG" | "TOO_COMPLEX" | "UNEXPECTED_CHARACTER" | "INVALID_NUMBER"
    | "SYNTAX" | "UNKNOWN_NAME" | "UNKNOWN_FUNCTION" | "WRONG_ARGUMENT_COUNT"
    | "DIVISION_BY_ZERO" | "NESTED_SEGMENTS";
    message: string;
    start: number;
    length: number;
}

/** What `compileFormula` gives: the canonical text and the names used, or every error. */
export type CompiledFormula =
| { ok: true; text: string; names: string[] }
| { ok: false; errors: FormulaError[] };

/** A framework saved under a name: what to score with and how to balance. */
export interface FrameworkTemplate {
    name: string;
    description?: string;
    framework: Framework;
    formula?: string;
    criteria?: CriterionDefinition[];
    ice?: "product" | "mean";
    scorecard?: ScorecardOptions;
    balance?: { strategy?: Strategy; buyerWeight?: number; guardrail?: Partial<Guardrail> };
}

/** Which MoSCoW labels become planner constraints (both off by default). */
export interface LabelPinOptions { mustAsPin?: boolean; wontAsExclusion?: boolean; }

/** Initiative ids that labels pin into, or exclude from, a plan. */
export interface LabelPins { mustInclude: string[]; exclude: string[]; }

/** A built-in name a formula can use, with what it means. */
export interface FormulaName { name: string; meaning: string; }



/** One side of the marketplace. */
export type Side = "buyer" | "seller";

/** A single number, or a range whose `likely` value is scored (low and high default to likely). */
export type Estimate = number | { low?: number; likely: number; high?: number };

/** The kind of work: a healthy roadmap balances all three. */
export type WorkKind = "customerFacing" | "platform" | "operational";

/** One segment's estimate within a side (for example "new buyers"). */
export interface SegmentEstimate {
    segment: string;
    reach: Estimate;
    impact: Estimate;
    confidence: Estimate;
}

/** One side's RICE estimate: reach, impact and confidence, or per-segment estimates. */
export interface SideEstimate {
    /** People reached per period. */
    reach?: Estimate;
    /** Impact on the impact scale; negative for harm. */
    impact?: Estimate;
    /** Confidence from 0 to 1. */
    confidence?: Estimate;
    segments?: SegmentEstimate[];
}

/** ICE inputs, each from 1 to 10. */
export interface IceInputs {
    buyerImpact: Estimate;
    sellerImpact: Estimate;
    confidence: Estimate;
    ease: Estimate;
}

/** WSJF inputs on the Fibonacci-like scale. */
export interface WsjfInputs {
    buyerValue: Estimate;
    sellerValue: Estimate;
    timeCriticality: Estimate;
    riskReduction: Estimate;
    jobSize: Estimate;
}

/** A scorecard rating: one for both sides, or one per side. */
export type CriterionValue = number | { buyer: number; seller: number };

/** One thing the team could build. */
export interface Initiative {
    id: string;
    name: string;
    description?: string;
    kind?: WorkKind;
    problemSpace?: string;
    journeyStage?: string;
    targetMetric?: string;
    hypothesis?: string;
    successCriterion?: string;
    /** Ids of initiatives that must come first. */
    dependencies?: string[];
    tags?: string[];
    buyer?: SideEstimate;
    seller?: SideEstimate;
    /** Effort in person-months. */
    effort: Estimate;
    ice?: IceInputs;
    wsjf?: WsjfInputs;
    /** Scorecard ratings and custom criterion values by criterion id. */
    criteria?: Record<string, CriterionValue>;
    /** MoSCoW label (see the formula types). */
    moscow?: Moscow;
    /** Kano category (see the formula types). */
    kano?: Kano;
}

/** What each side is called on screen. */
export interface SideNames {
    buyer: string;
    seller: string;
}

/** How the two sides' values are made comparable. */
export type Footing =
| { kind: "unitValue"; buyer: number; seller: number; unit?: string }
| { kind: "scaledToLargest" };

/** A declared segment of one side, with its weight. */
export interface Segment {
    id: string;
    name: string;
    weight?: number;
}

/** The segments of each side. */
export interface Segments {
    buyer?: Segment[];
    seller?: Segment[];
}

/** An estimation scale: a list of allowed levels, or a range. */
export type Scale =
| { kind: "levels"; levels: number[]; signed?: boolean }
| { kind: "range"; min: number; max: number };

/** The scales estimates are checked against. */
export interface Scales {
    impact?: Scale;
    ice?: Scale;
    wsjf?: Scale;
}

/** A backlog: initiatives plus the settings that make the sides comparable. */
export interface Backlog {
    initiatives: Initiative[];
    sideNames?: SideNames;
    footing?: Footing;
    /** The period reach is counted over, such as "quarter". */
    reachPeriod?: string;
    segments?: Segments;
    scales?: Scales;
    /** The backlog's own criteria, which custom formulas use by id. */
    criteria?: CriterionDefinition[];
}

/** A stable code for one validation problem. */
export type ProblemCode =
| "INVALID_SIZE" | "INVALID_ID" | "DUPLICATE_ID" | "INVALID_NAME" | "TEXT_TOO_LONG"
| "NOT_FINITE" | "INVALID_EFFORT" | "INVALID_REACH" | "INVALID_IMPACT"
| "INVALID_CONFIDENCE" | "INVALID_RANGE" | "MISSING_ESTIMATE" | "UNKNOWN_SEGMENT"
| "INVALID_SEGMENT" | "UNKNOWN_DEPENDENCY" | "DEPENDENCY_CYCLE" | "INVALID_ICE"
| "INVALID_WSJF" | "INVALID_CRITERION" | "INVALID_SETTING" | "MISSING_INPUTS" | "TOO_MANY";

/** One thing wrong with a backlog: what, where and why. */
export interface Problem {
    code: ProblemCode;
    /** Where, such as "initiatives[3].buyer.reach". */
    path: string;
    /** What is wrong and how to fix it, in plain words. */
    message: string;
}

/** The stable code of a thrown TwosidedError. */
export type ErrorCode =
| "VALIDATION_FAILED" | "INVALID_OPTION" | "PARSE_ERROR" | "NOT_FINITE"
| "INFEASIBLE" | "LIMIT_EXCEEDED";

/**
 * What every function of this package throws: a real `Error` whose `name` is
 * "TwosidedError". Test it with `error instanceof Error && error.name === "TwosidedError"`.
 */
export interface TwosidedError extends Error {
    name: "TwosidedError";
    code: ErrorCode;
    /** The field the error is about, such as "options.buyerWeight"; "" when none. */
    path: string;
    /** Every validation problem for VALIDATION_FAILED; empty otherwise. */
    problems: Problem[];
}

/** The scoring framework. */
export type Framework = "rice" | "ice" | "wsjf" | "scorecard" | "custom";

/** How the two sides are balanced into one score. */
export type Strategy = "weightedSum" | "nash" | "maxMin" | "guardrail";

/** What happens to initiatives that break the guardrail. */
export type ViolatorHandling = "rankLast" | "exclude";

/** The "do no harm" guardrail. */
export interface Guardrail {
    /** How much harm a side may take: its value must stay at or above -delta. */
    delta: number;
    /** The side to maximise; the other is protected. Absent: maximise the weighted sum and protect both. */
    primary?: Side;
    violators: ViolatorHandling;
}

/** One scorecard criterion. */
export interface ScorecardCriterion {
    id: string;
    name: string;
    weight: number;
    /** The top of the rating scale (default 5). */
    scaleMax?: number;
    lowerIsBetter?: boolean;
}

/** The scorecard's criteria and how ratings are normalised. */
export interface ScorecardOptions {
    criteria: ScorecardCriterion[];
    normalisation?: "absolute" | "minMax";
}

/** Everything that decides a ranking, as `defaultOptions()` returns it. */
export interface ScoreOptions {
    framework: Framework;
    strategy: Strategy;
    /** The buyer share from 0 (sellers only) to 1 (buyers only). */
    buyerWeight: number;
    guardrail: Guardrail;
    /** How ICE combines its inputs. */
    ice: "product" | "mean";
    scorecard: ScorecardOptions;
    /** The formula, for the "custom" framework (see `compileFormula`). */
    formula?: string;
}

/** Options as accepted by `score`, `rank` and `order`: every field may be left out. */
export interface ScoreOptionsInput {
    framework?: Framework;
    strategy?: Strategy;
    buyerWeight?: number;
    guardrail?: Partial<Guardrail>;
    ice?: "product" | "mean";
    scorecard?: ScorecardOptions;
    formula?: string;
}

/** One named number that went into a score. */
export interface Term {
    name: string;
    value: number;
}

/** How a score was built: one sentence and its terms, in order. */
export interface Explanation {
    sentence: string;
    terms: Term[];
}

/** One side's score. */
export interface SideScore {
    /** The framework's raw value. */
    raw: number;
    /** The value on the common footing, which balancing uses. */
    value: number;
    explanation: Explanation;
}

/** An initiative's place relative to the Pareto frontier. */
export interface ParetoStatus {
    onFrontier: boolean;
    /** Ids of the initiatives that are at least as good for both sides and better for one. */
    dominatedBy: string[];
}

/** One initiative's result. */
export interface ScoredInitiative {
    id: string;
    name: string;
    /** Its position in the backlog. */
    index: number;
    kind: WorkKind;
    buyer: SideScore;
    seller: SideScore;
    /** The balanced score. */
    score: number;
    /** 1 for the best; null when the guardrail excluded it. */
    rank: number | null;
    guardrailViolated: boolean;
    pareto: ParetoStatus;
    explanation: Explanation;
}

/** A ranking as typed arrays, for hot paths such as a slider. */
export interface Order {
    /** Backlog indices, best first (guardrail exclusions left out). */
    order: Uint32Array;
    /** The balanced score of each initiative, by backlog index. */
    scores: Float64Array;
}



/**
 * A backlog loaded once into WebAssembly and validated, then re-ranked
 * quickly as options change: each side's scores are kept between calls, so
 * moving the buyer/seller weight or switching strategy only re-balances and
 * re-sorts. Call `free()` when done with it (or use `using` where supported).
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
    free(): void;
    [Symbol.dispose](): void;
    /**
     * The backlog being ranked, with any segment weights changed since.
     */
    backlog(): Backlog;
    /**
     * Loads and validates a backlog. Throws a `TwosidedError` with code
     * "VALIDATION_FAILED" and every problem in `problems` when it is invalid.
     */
    constructor(backlog: Backlog);
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
     */
    order(options?: ScoreOptionsInput): Order;
    /**
     * The full ranked results, best first, as `score` gives them.
     *
     * @example
     * ```js
     * const top = prioritiser.rank({ strategy: "maxMin" })[0];
     * ```
     */
    rank(options?: ScoreOptionsInput): ScoredInitiative[];
    /**
     * Changes the weight of one declared segment of a side, keeping
     * everything else. Throws "INVALID_OPTION" for an unknown side or
     * segment, or a weight that is negative, too large or not a number.
     *
     * @example
     * ```js
     * prioritiser.setSegmentWeight("seller", "smallShops", 2);
     * ```
     */
    setSegmentWeight(side: Side, segment: string, weight: number): void;
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
 */
export function builtInTemplates(): FrameworkTemplate[];

/**
 * Every problem with a template (imported from JSON, say): its name, its
 * criteria, its formula and its balancing settings. `[]` means it can be
 * used. Throws a `TwosidedError` "PARSE_ERROR" if it is not template-shaped.
 *
 * @example
 * ```js
 * const problems = checkTemplate(JSON.parse(text));
 * ```
 */
export function checkTemplate(template: FrameworkTemplate): Problem[];

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
 */
export function compileFormula(text: string, criteria?: CriterionDefinition[], scales?: Scales): CompiledFormula;

/**
 * The canonical options: RICE, balanced by an even weighted sum (buyer
 * weight 0.5), no guardrail harm allowed, ICE as a product, and the
 * business-outcomes scorecard.
 *
 * @example
 * ```js
 * const options = { ...defaultOptions(), strategy: "nash" };
 * ```
 */
export function defaultOptions(): ScoreOptions;

/**
 * The built-in example backlog of a marketplace, as a plain object that can
 * be edited and passed back to `score` or `new Prioritiser`.
 *
 * @example
 * ```js
 * const backlog = exampleBacklog();
 * console.log(backlog.initiatives.length, backlog.initiatives[0].name);
 * ```
 */
export function exampleBacklog(): Backlog;

/**
 * The built-in names a formula can use, with what each means, for an
 * editor's help and completion.
 */
export function formulaNames(): FormulaName[];

/**
 * The initiatives MoSCoW labels pin into ("must") or exclude from ("won't")
 * a plan, each only when its option is on.
 *
 * @example
 * ```js
 * const { mustInclude, exclude } = labelPins(backlog, { mustAsPin: true, wontAsExclusion: true });
 * ```
 */
export function labelPins(backlog: Backlog, options?: LabelPinOptions): LabelPins;

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
 */
export function score(backlog: Backlog, options?: ScoreOptionsInput): ScoredInitiative[];

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
 */
export function validate(backlog: Backlog): Problem[];

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly __wbg_prioritiser_free: (a: number, b: number) => void;
    readonly builtInTemplates: () => [number, number, number];
    readonly checkTemplate: (a: unknown) => [number, number, number];
    readonly compileFormula: (a: number, b: number, c: number, d: number) => [number, number, number];
    readonly defaultOptions: () => [number, number, number];
    readonly exampleBacklog: () => [number, number, number];
    readonly formulaNames: () => [number, number, number];
    readonly labelPins: (a: unknown, b: number) => [number, number, number];
    readonly prioritiser_backlog: (a: number) => [number, number, number];
    readonly prioritiser_new: (a: unknown) => [number, number, number];
    readonly prioritiser_order: (a: number, b: number) => [number, number, number];
    readonly prioritiser_rank: (a: number, b: number) => [number, number, number];
    readonly prioritiser_setSegmentWeight: (a: number, b: number, c: number, d: number, e: number, f: number) => [number, number];
    readonly score: (a: unknown, b: number) => [number, number, number];
    readonly validate: (a: unknown) => [number, number, number];
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __wbindgen_exn_store: (a: number) => void;
    readonly __externref_table_alloc: () => number;
    readonly __wbindgen_externrefs: WebAssembly.Table;
    readonly __externref_table_dealloc: (a: number) => void;
    readonly __wbindgen_start: () => void;
}

export type SyncInitInput = BufferSource | WebAssembly.Module;

/**
 * Instantiates the given `module`, which can either be bytes or
 * a precompiled `WebAssembly.Module`.
 *
 * @param {{ module: SyncInitInput }} module - Passing `SyncInitInput` directly is deprecated.
 *
 * @returns {InitOutput}
 */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

/**
 * If `module_or_path` is {RequestInfo} or {URL}, makes a request and
 * for everything else, calls `WebAssembly.instantiate` directly.
 *
 * @param {{ module_or_path: InitInput | Promise<InitInput> }} module_or_path - Passing `InitInput` directly is deprecated.
 *
 * @returns {Promise<InitOutput>}
 */
export default function __wbg_init (module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<InitOutput>;
