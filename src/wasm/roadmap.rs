//! Roadmaps for JavaScript: `planRoadmap` (the best plan under capacity,
//! targets, dependencies and pins, with the greedy plan beside it) and
//! `compareRoadmaps` (scenarios side by side).

use super::convert::{from_js, from_js_or_default, to_js, under};
use crate::model::Backlog;
use crate::roadmap::{NamedRoadmap, PlanOptions};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const ROADMAP_TYPES: &'static str = r#"
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
"#;

/// Plans the roadmap worth the most: each initiative goes into one period
/// (its effort counting against that period's capacity) or stays out,
/// respecting capacities, allocation targets, dependencies and pins. The
/// search is exact; if it runs out of `timeBudgetMs` (measured with
/// `Date.now()`) or `nodeBudget`, the result says `optimal: false` with the
/// bound and the gap. The greedy plan and what the plan adds over it come
/// with it, and every initiative left out has a reason.
///
/// Throws a `TwosidedError`: "VALIDATION_FAILED", "INVALID_OPTION",
/// "PARSE_ERROR", "INFEASIBLE" (naming the conflicting pins, targets or
/// capacities) or "LIMIT_EXCEEDED".
///
/// @example
/// ```js
/// const roadmap = planRoadmap(exampleBacklog(), {
///   periods: [{ name: "2027-Q1", capacity: 12 }, { name: "2027-Q2", capacity: 12 }],
///   targets: [{ kind: "platform", min: 0.2 }],
/// });
/// for (const p of roadmap.plan.periods) console.log(p.name, p.used, "/", p.capacity, p.initiatives);
/// console.log(roadmap.optimal, roadmap.gainOverGreedy);
/// ```
#[wasm_bindgen(js_name = planRoadmap, unchecked_return_type = "Roadmap")]
pub fn plan_roadmap(
    #[wasm_bindgen(unchecked_param_type = "Backlog")] backlog: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "PlanOptionsInput")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let backlog: Backlog = from_js(backlog, "")?;
    let options: PlanOptions = from_js_or_default(options, "options")?;
    let clock = js_sys::Date::now;
    let roadmap = crate::roadmap::plan_roadmap_with_clock(&backlog, &options, &clock)
        .map_err(|error| under(error, "options"))?;
    to_js(&roadmap)
}

/// Compares two to eight roadmaps (or scenarios: the same backlog under
/// different weights, strategies or capacities): each one's buyer and seller
/// value, their balance, the allocation against the targets, the metrics and
/// problem spaces covered; what was added, removed or moved between periods;
/// and which roadmaps dominate others on both sides.
///
/// @example
/// ```js
/// const backlog = exampleBacklog();
/// const comparison = compareRoadmaps([
///   { name: "Buyers first", roadmap: planRoadmap(backlog, { scoring: { buyerWeight: 0.8 } }) },
///   { name: "Sellers first", roadmap: planRoadmap(backlog, { scoring: { buyerWeight: 0.2 } }) },
/// ]);
/// console.log(comparison.scenarios.map((s) => [s.name, s.buyerValue, s.sellerValue]));
/// ```
#[wasm_bindgen(js_name = compareRoadmaps, unchecked_return_type = "RoadmapComparison")]
pub fn compare_roadmaps(
    #[wasm_bindgen(unchecked_param_type = "NamedRoadmap[]")] scenarios: JsValue,
) -> Result<JsValue, JsValue> {
    let scenarios: Vec<NamedRoadmap> = from_js(scenarios, "scenarios")?;
    to_js(&crate::roadmap::compare_roadmaps(&scenarios)?)
}
