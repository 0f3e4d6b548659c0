//! What the planner returns: the plan, how sure it is, the greedy plan for
//! comparison, and why each initiative was left out.

use super::options::{AllocationTarget, TargetScope};
use crate::model::WorkKind;
use serde::{Deserialize, Serialize};

/// A planned roadmap.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Roadmap {
    /// True only when the search proved no plan is worth more.
    pub optimal: bool,
    /// `optimal`, or `stoppedEarly` when the budget ran out first.
    pub status: PlanStatus,
    /// The plan's value: the objective the planner maximises.
    pub value: f64,
    /// No plan is worth more than this (equal to `value` when optimal).
    pub bound: f64,
    /// `bound - value`: how much better a plan could at most be.
    pub gap: f64,
    /// The gap as a share of the bound (0 when optimal).
    pub relative_gap: f64,
    /// Search steps taken.
    pub nodes: u64,
    /// The best plan found.
    pub plan: Plan,
    /// The greedy plan (highest score first that still fits), when greedy
    /// finds one that meets the pins and targets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub greedy: Option<Plan>,
    /// How much more the plan is worth than the greedy plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gain_over_greedy: Option<f64>,
    /// That gain as a share of the greedy plan's value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gain_over_greedy_share: Option<f64>,
    /// Every initiative left out of the plan, with the reason.
    pub left_out: Vec<LeftOut>,
    /// The allocation targets the plan was made against.
    pub targets: Vec<AllocationTarget>,
    /// Where the targets apply.
    pub target_scope: TargetScope,
    /// The period names, in order.
    pub period_names: Vec<String>,
}

/// Whether a plan is proven best.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum PlanStatus {
    /// No plan is worth more.
    Optimal,
    /// The time or node budget ran out: the best plan found, with its gap.
    StoppedEarly,
}

/// One plan: what goes in which period, and what it adds up to.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Plan {
    /// The objective value.
    pub value: f64,
    /// The summed buyer value of the planned initiatives.
    pub buyer_value: f64,
    /// The summed seller value of the planned initiatives.
    pub seller_value: f64,
    /// Person-months planned.
    pub effort: f64,
    /// Each period's contents and use.
    pub periods: Vec<PeriodPlan>,
    /// The allocation across the whole plan.
    pub allocation: Vec<KindAllocation>,
    /// Every planned initiative, by period then backlog order.
    pub scheduled: Vec<PlannedInitiative>,
}

/// One period of a plan.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PeriodPlan {
    /// The period's name.
    pub name: String,
    /// Person-months available.
    pub capacity: f64,
    /// Person-months planned.
    pub used: f64,
    /// Person-months left.
    pub slack: f64,
    /// What one unit of value is worth when delivered in this period.
    pub value_weight: f64,
    /// The ids planned in this period.
    pub initiatives: Vec<String>,
    /// The allocation per kind of work against the targets.
    pub allocation: Vec<KindAllocation>,
    /// Each team's use, for teams with a capacity.
    pub teams: Vec<TeamUse>,
}

/// How much of the used capacity went to one kind of work.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KindAllocation {
    /// The kind of work.
    pub kind: WorkKind,
    /// Person-months.
    pub effort: f64,
    /// Share of the used capacity (0 when nothing is used).
    pub share: f64,
    /// The target minimum share, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// The target maximum share, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// Whether the share is within the targets.
    pub on_target: bool,
}

/// One team's use of its capacity in a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TeamUse {
    /// The problem space.
    pub problem_space: String,
    /// Person-months available.
    pub capacity: f64,
    /// Person-months planned.
    pub used: f64,
}

/// One initiative in a plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlannedInitiative {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its position in the backlog.
    pub index: usize,
    /// Its kind of work.
    pub kind: WorkKind,
    /// The period index.
    pub period: usize,
    /// The period's name.
    pub period_name: String,
    /// Person-months.
    pub effort: f64,
    /// Its balanced score.
    pub score: f64,
    /// What it adds to the plan's value.
    pub value: f64,
    /// Its buyer value (on the common footing, times effort when the value
    /// measure multiplies effort).
    pub buyer_value: f64,
    /// Its seller value, on the same basis.
    pub seller_value: f64,
    /// Its problem space.
    pub problem_space: String,
    /// The metric it should move.
    pub target_metric: String,
    /// Whether a pin put it in the plan.
    pub pinned: bool,
    /// Ids of its prerequisites.
    pub dependencies: Vec<String>,
}

/// An initiative left out, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LeftOut {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its position in the backlog.
    pub index: usize,
    /// Its balanced score.
    pub score: f64,
    /// The reason, as a stable code.
    pub reason: LeftOutReason,
    /// The reason in a sentence.
    pub explanation: String,
}

/// Why an initiative is not in the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum LeftOutReason {
    /// A pin keeps it out.
    ExcludedByPin,
    /// It harms a protected side beyond the guardrail.
    Guardrail,
    /// Its value is zero or less (or it would count for nothing so late).
    NotWorthIt,
    /// A prerequisite is not planned early enough.
    PrerequisiteNotScheduled,
    /// No period it could go in has room for it.
    NoCapacity,
    /// Its team has no room left in any period it could go in.
    TeamCapacity,
    /// It would take its kind of work above a maximum share.
    AllocationCap,
    /// It would take another kind of work below its minimum share.
    AllocationMinimum,
    /// Its room is better used by the planned initiatives.
    BetterUseOfCapacity,
}
