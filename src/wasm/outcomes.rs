//! Post-launch reviews for JavaScript: `reviewOutcomes` and
//! `applyCorrections`, with their TypeScript shapes.

use super::convert::{from_js, from_js_or_default, to_js};
use crate::model::Backlog;
use crate::outcomes::{self, Correction, ReviewOptions};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const OUTCOME_TYPES: &'static str = r#"
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
"#;

/// Reviews every launched or reviewed initiative: whether it met its success
/// criterion, the portfolio hit rate, estimate accuracy (median actual /
/// estimated ratio and quartiles per field and side, overall and per problem
/// space), whether effort tends to be under-estimated, and suggested
/// corrections for new estimates (none applied: see `applyCorrections`).
///
/// Throws a `TwosidedError`: "VALIDATION_FAILED", "INVALID_OPTION" or
/// "PARSE_ERROR".
///
/// @example
/// ```js
/// const review = reviewOutcomes(exampleBacklog());
/// console.log(review.hitRate.sentence);
/// for (const c of review.corrections) console.log(c.sentence);
/// ```
#[wasm_bindgen(js_name = reviewOutcomes, unchecked_return_type = "Review")]
pub fn review_outcomes(
    #[wasm_bindgen(unchecked_param_type = "Backlog")] backlog: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ReviewOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let backlog: Backlog = from_js(backlog, "")?;
    let options: ReviewOptions = from_js_or_default(options, "options")?;
    to_js(&outcomes::review_outcomes(&backlog, &options)?)
}

/// Returns a corrected copy of the backlog: each correction multiplies the
/// effort or reach estimates of initiatives not launched yet (an initiative
/// takes its problem space's own correction, else the overall one).
/// Launched and reviewed initiatives keep their estimates. Every change is
/// listed with a sentence saying a correction was applied and why; the input
/// is not modified. Leave `corrections` out to apply the ones
/// `reviewOutcomes(backlog)` suggests.
///
/// Throws a `TwosidedError`: "VALIDATION_FAILED", "INVALID_OPTION" (with a
/// path such as "corrections[0].factor"), "LIMIT_EXCEEDED" or "PARSE_ERROR".
///
/// @example
/// ```js
/// const { backlog: corrected, changes } = applyCorrections(backlog);
/// const ranked = score(corrected);
/// for (const change of changes) console.log(change.explanation);
/// ```
#[wasm_bindgen(js_name = applyCorrections, unchecked_return_type = "CorrectedBacklog")]
pub fn apply_corrections(
    #[wasm_bindgen(unchecked_param_type = "Backlog")] backlog: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CorrectionInput[]")] corrections: Option<
        JsValue,
    >,
) -> Result<JsValue, JsValue> {
    let backlog: Backlog = from_js(backlog, "")?;
    let corrected = match corrections {
        Some(value) if !value.is_undefined() && !value.is_null() => {
            let corrections: Vec<Correction> = from_js(value, "corrections")?;
            outcomes::apply_corrections(&backlog, &corrections)?
        }
        _ => outcomes::corrected_backlog(&backlog, &ReviewOptions::default())?,
    };
    to_js(&corrected)
}
