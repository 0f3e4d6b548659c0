//! The TypeScript shapes of the core's inputs and outputs, written into the
//! package's `.d.ts`. They mirror the serde (camelCase) forms of the Rust
//! types; input fields that have a default are optional.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const CORE_TYPES: &'static str = r#"
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
"#;
