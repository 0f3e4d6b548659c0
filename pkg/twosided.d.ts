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



/** One period of a roadmap, such as a quarter. */
export interface Period {
    /** A unique name, such as "2027-Q1". */
    name: string;
    /** Person-months available. */
    capacity: number;
    /** How long it lasts, in a unit shared by all periods; used only by cost of delay. Default 1. */
    length?: number;
}

/** What an initiative is worth to the plan: "auto" is score x effort for RICE and WSJF, the score for ICE and scorecards. */
export type ValueMeasure = "auto" | "scoreTimesEffort" | "score";

/** A minimum and/or maximum share (0 to 1) of used capacity for one kind of work. */
export interface AllocationTarget {
    kind: WorkKind;
    min?: number;
    max?: number;
}

/** Where targets apply: to every period on its own, or to the plan as a whole. */
export type TargetScope = "eachPeriod" | "wholePlan";

/** Decisions the planner must respect. */
export interface Pins {
    /** Ids that must be in the plan. */
    include?: string[];
    /** Ids that must stay out. */
    exclude?: string[];
    /** Ids that must be delivered in a named period. */
    fixed?: { id: string; period: string }[];
}

/** Plan options as `planRoadmap` accepts them: every field may be left out. */
export interface PlanOptionsInput {
    /** Default: four quarters "Q1" to "Q4" of 12 person-months. */
    periods?: Period[];
    scoring?: ScoreOptionsInput;
    value?: ValueMeasure;
    /** Person-months per period for a problem space's team. */
    teamCapacities?: { problemSpace: string; capacity: number }[];
    targets?: AllocationTarget[];
    targetScope?: TargetScope;
    /** Allow an initiative in the same period as its prerequisite (default: an earlier one). */
    samePeriodDependencies?: boolean;
    pins?: Pins;
    /** Initiatives labelled MoSCoW "must" are pinned into the plan (default false). */
    mustAsPins?: boolean;
    /** Initiatives labelled MoSCoW "wont" are kept out of the plan (default false). */
    wontAsExclusions?: boolean;
    /** Earlier delivery is worth more: value x time left after the period. */
    costOfDelay?: { periodsAfterPlan?: number } | null;
    /** Most search steps (default 2,000,000). */
    nodeBudget?: number;
    /** Most milliseconds (default 2000). */
    timeBudgetMs?: number;
}

/** How much of the used capacity went to one kind of work, against its targets. */
export interface KindAllocation {
    kind: WorkKind;
    effort: number;
    /** Share of used capacity, 0 to 1 (0 when nothing is used). */
    share: number;
    min?: number;
    max?: number;
    onTarget: boolean;
}

/** One period of a plan. */
export interface PeriodPlan {
    name: string;
    capacity: number;
    used: number;
    slack: number;
    /** What one unit of value delivered here is worth (1 without cost of delay). */
    valueWeight: number;
    /** Ids planned in this period. */
    initiatives: string[];
    allocation: KindAllocation[];
    teams: { problemSpace: string; capacity: number; used: number }[];
}

/** One initiative in a plan. */
export interface PlannedInitiative {
    id: string;
    name: string;
    index: number;
    kind: WorkKind;
    /** The period's index. */
    period: number;
    periodName: string;
    effort: number;
    score: number;
    /** What it adds to the plan's value. */
    value: number;
    buyerValue: number;
    sellerValue: number;
    problemSpace: string;
    targetMetric: string;
    pinned: boolean;
    /** Ids of its prerequisites. */
    dependencies: string[];
}

/** One plan and what it adds up to. */
export interface Plan {
    value: number;
    buyerValue: number;
    sellerValue: number;
    effort: number;
    periods: PeriodPlan[];
    allocation: KindAllocation[];
    scheduled: PlannedInitiative[];
}

/** Why an initiative is not in the plan. */
export type LeftOutReason =
| "excludedByPin" | "guardrail" | "notWorthIt" | "prerequisiteNotScheduled"
| "noCapacity" | "teamCapacity" | "allocationCap" | "allocationMinimum" | "betterUseOfCapacity";

/** An initiative left out, and why. */
export interface LeftOut {
    id: string;
    name: string;
    index: number;
    score: number;
    reason: LeftOutReason;
    explanation: string;
}

/** A planned roadmap. `optimal` is true only when no plan is worth more. */
export interface Roadmap {
    optimal: boolean;
    status: "optimal" | "stoppedEarly";
    value: number;
    /** No plan is worth more than this (equal to `value` when optimal). */
    bound: number;
    gap: number;
    relativeGap: number;
    nodes: number;
    plan: Plan;
    /** The greedy plan (highest score first that still fits), when it meets the pins and targets. */
    greedy?: Plan;
    gainOverGreedy?: number;
    gainOverGreedyShare?: number;
    leftOut: LeftOut[];
    targets: AllocationTarget[];
    targetScope: TargetScope;
    periodNames: string[];
}

/** A roadmap with its scenario's name. */
export interface NamedRoadmap {
    name: string;
    roadmap: Roadmap;
}

/** One initiative's place in two roadmaps. */
export interface RoadmapMove {
    id: string;
    name: string;
    fromPeriod: string | null;
    toPeriod: string | null;
}

/** One roadmap's measures in a comparison. */
export interface ScenarioSummary {
    name: string;
    value: number;
    optimal: boolean;
    buyerValue: number;
    sellerValue: number;
    /** Buyer value over both sides' value; 0.5 is even. */
    buyerShare: number;
    /** The smaller side's value over the larger's: 1 is perfectly balanced. */
    balance: number;
    effort: number;
    capacity: number;
    allocation: KindAllocation[];
    onTarget: boolean;
    metrics: string[];
    problemSpaces: string[];
    initiatives: number;
}

/** Roadmaps side by side. */
export interface RoadmapComparison {
    scenarios: ScenarioSummary[];
    /** From each roadmap to each later one. */
    differences: { from: string; to: string; added: RoadmapMove[]; removed: RoadmapMove[]; moved: RoadmapMove[] }[];
    /** Pairs where one roadmap is at least as good for both sides and better for one. */
    dominance: { dominant: string; dominated: string }[];
}



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
| "INVALID_WSJF" | "INVALID_CRITERION" | "INVALID_SETTING" | "MISSING_INPUTS" | "TOO_MANY"
| "INVALID_CELL" | "RAGGED_ROW" | "INVALID_HEADER" | "INVALID_GOAL" | "INVALID_OUTCOME";

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



/** Options for `sweepWeights`; every field may be left out. */
export interface SweepOptionsInput {
    /** Scoring options; `buyerWeight` is the current weight. */
    scoring?: ScoreOptionsInput;
    /** Size of the top group whose membership intervals are reported (default 5). */
    topK?: number;
    /** Follow ranks 1 to depth only (default: every rank). Makes large sweeps cheap. */
    depth?: number;
    /** Grid steps for strategies other than the weighted sum (default 100). */
    gridSteps?: number;
}

/** An interval of the buyer weight. */
export interface WeightInterval {
    from: number;
    to: number;
}

/** A rank held over an interval of w; `rank` is null below the depth or when excluded. */
export interface RankInterval {
    from: number;
    to: number;
    rank: number | null;
}

/** Two balanced scores crossing: above `weight`, `rises` ranks just above `falls`. */
export interface Crossing {
    weight: number;
    rises: string;
    falls: string;
    /** The rank `rises` takes. */
    rank: number;
}

/** One initiative's rank as the buyer weight moves. */
export interface SweepLine {
    id: string;
    name: string;
    index: number;
    /** Buyer value on the common footing (its score at w = 1). */
    buyer: number;
    /** Seller value on the common footing (its score at w = 0). */
    seller: number;
    currentRank: number | null;
    /** Exact: intervals covering [0, 1]. Grid: runs of grid points, with the change somewhere in each gap. */
    ranks: RankInterval[];
    /** Where it is in the top k. */
    topK: WeightInterval[];
    /** For a current top-k member: the interval around the current weight where it stays in the top k. */
    staysInTopK?: WeightInterval;
}

/** How the ranking depends on the buyer weight. */
export interface WeightSweep {
    method: "exact" | "grid";
    currentWeight: number;
    topK: number;
    depth: number;
    /** The weights evaluated (grid only). */
    grid: number[];
    /** Every crossing that changes a rank within the depth (exact only). */
    crossings: Crossing[];
    initiatives: SweepLine[];
}

/** Options for `simulate` and `new Simulation`; every field may be left out. */
export interface SimulationOptionsInput {
    scoring?: ScoreOptionsInput;
    /** The same seed gives the same result everywhere (a whole number up to 2^53 - 1; default 0). */
    seed?: number;
    /** Samples to draw, 1 to 100000 (default 10000). */
    samples?: number;
    /** Size of the top group (default 5). */
    topK?: number;
    /** Also plan every sample's roadmap (leave its `scoring` out) for the probability of making the plan. */
    plan?: PlanOptionsInput;
}

/** How far a simulation has got. */
export interface Progress {
    done: number;
    total: number;
    finished: boolean;
    cancelled: boolean;
}

/** One initiative's spread of outcomes across the samples. */
export interface InitiativeOutlook {
    id: string;
    name: string;
    index: number;
    /** Rank with every estimate at its likely value. */
    likelyRank: number | null;
    likelyScore: number;
    /** In 10% of samples it ranks here or better. */
    rankP10: number | null;
    rankP50: number | null;
    /** In 90% of samples it ranks here or better. */
    rankP90: number | null;
    topKProbability: number;
    expectedScore: number;
    /** With plan options: whether the plan of the likely values includes it. */
    inLikelyPlan?: boolean;
    /** With plan options: the share of samples whose plan includes it. */
    planProbability?: number;
}

/** The outcome of a simulation. */
export interface SimulationResult {
    seed: number;
    samples: number;
    requested: number;
    cancelled: boolean;
    topK: number;
    /** With plan options: samples whose draws no plan could meet. */
    planFailures?: number;
    /** How many estimates are ranges; 0 means every sample is the same. */
    rangedEstimates: number;
    /** Every initiative, in the order of its likely rank. */
    initiatives: InitiativeOutlook[];
}



/** The character between cells: "auto" detects comma, semicolon or tab on import (and writes commas). */
export type Delimiter = "auto" | "comma" | "semicolon" | "tab";

/** The decimal separator: "auto" reads a comma where cells are separated by semicolons. */
export type DecimalSeparator = "auto" | "point" | "comma";

/** How `parseCsv` reads a spreadsheet; every field may be left out. */
export interface CsvImportOptions {
    delimiter?: Delimiter;
    decimal?: DecimalSeparator;
    /** Header text to field path, overriding the guess: { "Pts": "effort", "Status": "ignore" }. */
    mapping?: Record<string, string>;
    /** Skip rows with problems and list them, instead of failing. */
    partial?: boolean;
    /** The side names, footing, segments and scales the imported initiatives join. */
    settings?: Backlog;
}

/** One problem in a spreadsheet. `row` and `column` count from 1 as a spreadsheet
 * shows them (the header is row 1); `path` says the same in words. */
export interface ImportProblem extends Problem {
    row: number | null;
    column: number | null;
    /** The column's header text, when known. */
    header: string | null;
}

/** Which field one column was read into (`field` is null for an unused column). */
export interface ColumnUse { column: number; header: string; field: string | null; }

/** What `parseCsv` gives. */
export interface CsvImport {
    /** The imported rows, in file order, with the settings given. */
    backlog: Backlog;
    /** The file row each initiative came from. */
    rows: number[];
    columns: ColumnUse[];
    /** Rows a partial import left out. */
    skippedRows: number[];
    /** Why they were left out (at most 1000; `problemCount` counts all). */
    problems: ImportProblem[];
    problemCount: number;
    /** Things worth knowing that did not stop the import. */
    warnings: ImportProblem[];
    delimiter: Delimiter;
    decimal: DecimalSeparator;
}

/** What `parseCsv` throws when rows have problems: code "VALIDATION_FAILED",
 * with every problem located by row and column. */
export interface CsvImportError extends TwosidedError {
    problems: ImportProblem[];
}

/** What `toCsv` writes: the backlog, the scored results, or the planned roadmap. */
export type CsvContent = "backlog" | "results" | "roadmap";

/** How `toCsv` writes; every field may be left out. */
export interface CsvExportOptions {
    /** The backlog (default), the scored results or the planned roadmap. */
    what?: CsvContent;
    /** The scoring options for "results". */
    scoreOptions?: ScoreOptionsInput;
    /** The plan options for "roadmap" (their `scoring` decides the scores). */
    plan?: PlanOptionsInput;
    /** Commas by default. */
    delimiter?: Delimiter;
    /** A point by default; a comma needs the semicolon or tab delimiter. */
    decimal?: DecimalSeparator;
    /** "crlf" (default, as Excel writes) or "lf". */
    lineEnding?: "crlf" | "lf";
    /** Start with a byte-order mark, which Excel needs for accented letters. */
    bom?: boolean;
}

/** A backlog and the settings it is scored with, as a share link carries them. */
export interface Scenario {
    backlog: Backlog;
    /** null when the link was made without settings. */
    settings: ScoreOptions | null;
}

/** What `encodeShareLink` accepts: settings may be partial or left out. */
export interface ScenarioInput {
    backlog: Backlog;
    settings?: ScoreOptionsInput | null;
}

/** The versioned JSON document, as `readDocument` gives it. */
export interface TwosidedDocument {
    version: 1;
    backlog: Backlog;
    settings?: ScoreOptions;
}



/** Where an initiative is in its life. */
export type Status = "idea" | "planned" | "inProgress" | "launched" | "reviewed";

/** Which way the target metric should move. */
export type Direction = "increase" | "decrease";

/**
 * The success criterion in numbers. The direction follows from baseline and
 * target; give it only when they are equal ("stay at 2% or below").
 */
export interface Goal {
    baseline: number;
    target: number;
    direction?: Direction;
    /** Such as "%" or "contacts per 1000 orders". */
    unit?: string;
}

/** What an initiative really did for one side. */
export interface SideActual {
    /** People really reached per period. */
    reach?: number;
    /** Impact per person really seen, on the impact scale's span. */
    impact?: number;
}

/** The post-launch record: every number optional. */
export interface Outcome {
    /** Actual effort in person-months. */
    effort?: number;
    buyer?: SideActual;
    seller?: SideActual;
    /** The metric's value after launch (or give `movement`). */
    observed?: number;
    /** The metric's change from the goal's baseline (or give `observed`). */
    movement?: number;
    /** What the team learned. */
    learning?: string;
}

/** Goals, status and outcome extend every initiative. */
export interface Initiative {
    goal?: Goal;
    /** "idea" when left out. */
    status?: Status;
    /** Only for launched or reviewed initiatives. */
    outcome?: Outcome;
}

/** An estimate a review compares with what really happened. */
export type Field = "effort" | "reach" | "impact";

/** One estimate against its actual. */
export interface Comparison {
    field: Field;
    /** Absent for effort, which both sides share. */
    side?: Side;
    estimated: number;
    actual: number;
    /** actual / estimated (above 1: the estimate was low); absent when the estimate was 0. */
    ratio?: number;
}

export type Verdict = "met" | "missed" | "notJudged";

/** The review of one launched or reviewed initiative. */
export interface InitiativeReview {
    id: string;
    name: string;
    index: number;
    problemSpace: string;
    status: Status;
    targetMetric: string;
    successCriterion: string;
    goal?: Goal;
    observed?: number;
    verdict: Verdict;
    verdictSentence: string;
    comparisons: Comparison[];
    learning: string;
}

/** Which way one estimate tends to miss. */
export type Tendency = "estimatesLow" | "estimatesHigh" | "aboutRight" | "tooFewData";

/** How accurate one estimate (field and side) has been. */
export interface FieldAccuracy {
    field: Field;
    side?: Side;
    count: number;
    medianRatio: number | null;
    lowerQuartile: number | null;
    upperQuartile: number | null;
    interquartileRange: number | null;
    aboveEstimate: number;
    belowEstimate: number;
    tendency: Tendency;
    sentence: string;
}

/** How many launched initiatives met their success criterion. */
export interface HitRate {
    met: number;
    missed: number;
    notJudged: number;
    /** met / (met + missed); null when nothing could be judged. */
    rate: number | null;
    sentence: string;
}

/** Accuracy and hit rate within one problem space. */
export interface GroupAccuracy {
    problemSpace: string;
    launched: number;
    hitRate: HitRate;
    fields: FieldAccuracy[];
}

/** A suggested correction: multiply new effort or reach estimates by `factor`. */
export interface Correction {
    field: "effort" | "reach";
    /** The side, for reach. */
    side?: Side;
    /** Absent for the overall correction. */
    problemSpace?: string;
    /** Problem spaces the overall correction leaves alone (they have their own data). */
    exceptProblemSpaces?: string[];
    factor: number;
    basedOn: number;
    sentence: string;
}

/** A correction as `applyCorrections` takes it: what a review suggests, or one of your own. */
export interface CorrectionInput {
    field: "effort" | "reach";
    side?: Side;
    problemSpace?: string;
    exceptProblemSpaces?: string[];
    factor: number;
    basedOn?: number;
    sentence?: string;
}

/** The post-launch review of a backlog. */
export interface Review {
    initiatives: InitiativeReview[];
    hitRate: HitRate;
    overall: FieldAccuracy[];
    byProblemSpace: GroupAccuracy[];
    /** null with too few reviews to tell. */
    effortUnderestimated: boolean | null;
    corrections: Correction[];
    notes: string[];
}

/** How a review judges accuracy; every field optional. */
export interface ReviewOptions {
    /** Fewest comparisons before a tendency or correction is claimed (default 3, at least 2). */
    minReviewed?: number;
    /** How far from 1 the median ratio must be (default 0.1: 1.1 times low or high). */
    tolerance?: number;
}

/** One estimate changed by a correction. */
export interface AppliedCorrection {
    id: string;
    index: number;
    /** Such as "initiatives[4].effort". */
    path: string;
    field: "effort" | "reach";
    side?: Side;
    from: number;
    to: number;
    factor: number;
    /** Says that a correction was applied, and why. */
    explanation: string;
}

/** A corrected copy of a backlog, with every change listed. */
export interface CorrectedBacklog {
    backlog: Backlog;
    changes: AppliedCorrection[];
    sentence: string;
}



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
    free(): void;
    [Symbol.dispose](): void;
    /**
     * Stops the run: later steps do nothing, and `result()` covers the
     * samples drawn so far.
     */
    cancel(): void;
    /**
     * Validates the backlog and options. Throws a `TwosidedError` like
     * `simulate`.
     */
    constructor(backlog: Backlog, options?: SimulationOptionsInput);
    /**
     * How far the run has got.
     */
    progress(): Progress;
    /**
     * The figures over the samples drawn so far.
     */
    result(): SimulationResult;
    /**
     * Draws up to `samples` more samples and returns the progress.
     */
    step(samples: number): Progress;
}

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
 */
export function applyCorrections(backlog: Backlog, corrections?: CorrectionInput[]): CorrectedBacklog;

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
 */
export function compareRoadmaps(scenarios: NamedRoadmap[]): RoadmapComparison;

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
 */
export function decodeShareLink(link: string): Scenario;

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
 */
export function encodeShareLink(scenario: ScenarioInput): string;

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
 */
export function parseCsv(text: string, options?: CsvImportOptions): CsvImport;

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
 */
export function planRoadmap(backlog: Backlog, options?: PlanOptionsInput): Roadmap;

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
 */
export function readDocument(document: unknown): TwosidedDocument;

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
 */
export function reviewOutcomes(backlog: Backlog, options?: ReviewOptions): Review;

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
 */
export function simulate(backlog: Backlog, options?: SimulationOptionsInput): SimulationResult;

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
 */
export function sweepWeights(backlog: Backlog, options?: SweepOptionsInput): WeightSweep;

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
 */
export function toCsv(backlog: Backlog, options?: CsvExportOptions): string;

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
    readonly __wbg_simulation_free: (a: number, b: number) => void;
    readonly applyCorrections: (a: unknown, b: number) => [number, number, number];
    readonly builtInTemplates: () => [number, number, number];
    readonly checkTemplate: (a: unknown) => [number, number, number];
    readonly compareRoadmaps: (a: unknown) => [number, number, number];
    readonly compileFormula: (a: unknown, b: number, c: number) => [number, number, number];
    readonly decodeShareLink: (a: unknown) => [number, number, number];
    readonly defaultOptions: () => [number, number, number];
    readonly encodeShareLink: (a: unknown) => [number, number, number, number];
    readonly exampleBacklog: () => [number, number, number];
    readonly formulaNames: () => [number, number, number];
    readonly labelPins: (a: unknown, b: number) => [number, number, number];
    readonly parseCsv: (a: unknown, b: number) => [number, number, number];
    readonly planRoadmap: (a: unknown, b: number) => [number, number, number];
    readonly prioritiser_backlog: (a: number) => [number, number, number];
    readonly prioritiser_new: (a: unknown) => [number, number, number];
    readonly prioritiser_order: (a: number, b: number) => [number, number, number];
    readonly prioritiser_rank: (a: number, b: number) => [number, number, number];
    readonly prioritiser_setSegmentWeight: (a: number, b: unknown, c: unknown, d: unknown) => [number, number];
    readonly readDocument: (a: unknown) => [number, number, number];
    readonly reviewOutcomes: (a: unknown, b: number) => [number, number, number];
    readonly score: (a: unknown, b: number) => [number, number, number];
    readonly simulate: (a: unknown, b: number) => [number, number, number];
    readonly simulation_cancel: (a: number) => void;
    readonly simulation_new: (a: unknown, b: number) => [number, number, number];
    readonly simulation_progress: (a: number) => [number, number, number];
    readonly simulation_result: (a: number) => [number, number, number];
    readonly simulation_step: (a: number, b: number) => [number, number, number];
    readonly sweepWeights: (a: unknown, b: number) => [number, number, number];
    readonly toCsv: (a: unknown, b: number) => [number, number, number, number];
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
