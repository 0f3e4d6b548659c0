//! What a roadmap is planned against: periods, capacities, allocation
//! targets, dependencies, pins and the objective.

use crate::model::WorkKind;
use crate::rank::ScoreOptions;
use crate::scoring::Framework;
use serde::{Deserialize, Serialize};

/// Everything that decides a roadmap. Only the periods usually need setting:
/// every other field has a sensible default.
///
/// ```
/// use twosided::roadmap::{Period, PlanOptions};
/// let options = PlanOptions {
///     periods: vec![Period::new("2027-Q1", 12.0), Period::new("2027-Q2", 12.0)],
///     ..PlanOptions::default()
/// };
/// assert_eq!(options.periods.len(), 2);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PlanOptions {
    /// The periods in delivery order, each with its capacity in person-months.
    /// Default: four quarters "Q1" to "Q4" of 12 person-months each.
    #[serde(default = "default_periods")]
    pub periods: Vec<Period>,
    /// How initiatives are scored and the two sides balanced.
    #[serde(default)]
    pub scoring: ScoreOptions,
    /// What an initiative is worth to the plan. Default: `auto`.
    #[serde(default)]
    pub value: ValueMeasure,
    /// Capacity per problem space (team), in person-months per period. Problem
    /// spaces not listed are limited only by the period's capacity.
    #[serde(default)]
    pub team_capacities: Vec<TeamCapacity>,
    /// Minimum and maximum shares of used capacity per kind of work.
    #[serde(default)]
    pub targets: Vec<AllocationTarget>,
    /// Whether the targets apply to each period or to the plan as a whole.
    #[serde(default)]
    pub target_scope: TargetScope,
    /// Whether an initiative may be delivered in the same period as its
    /// prerequisite. By default the prerequisite must finish in an earlier period.
    #[serde(default)]
    pub same_period_dependencies: bool,
    /// Initiatives that must be in, must be out, or must be in a given period.
    #[serde(default)]
    pub pins: Pins,
    /// When set, earlier delivery is worth more: value x periods remaining.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_of_delay: Option<CostOfDelay>,
    /// The most search steps the exact planner may take before it stops and
    /// reports the best plan found with its gap.
    #[serde(default = "default_node_budget")]
    pub node_budget: u64,
    /// The most milliseconds the exact planner may take, when it is given a
    /// clock. Default 2000.
    #[serde(default = "default_time_budget")]
    pub time_budget_ms: f64,
}

fn default_periods() -> Vec<Period> {
    ["Q1", "Q2", "Q3", "Q4"]
        .iter()
        .map(|name| Period::new(name, 12.0))
        .collect()
}

fn default_node_budget() -> u64 {
    2_000_000
}

fn default_time_budget() -> f64 {
    2_000.0
}

impl Default for PlanOptions {
    fn default() -> Self {
        PlanOptions {
            periods: default_periods(),
            scoring: ScoreOptions::default(),
            value: ValueMeasure::default(),
            team_capacities: Vec::new(),
            targets: Vec::new(),
            target_scope: TargetScope::default(),
            same_period_dependencies: false,
            pins: Pins::default(),
            cost_of_delay: None,
            node_budget: default_node_budget(),
            time_budget_ms: default_time_budget(),
        }
    }
}

/// One period of the roadmap, such as a quarter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Period {
    /// A unique name, such as "2027-Q1".
    pub name: String,
    /// Person-months available in this period.
    pub capacity: f64,
    /// How long the period lasts, in any unit shared by all periods (used
    /// only by cost of delay). Default 1.
    #[serde(default = "one")]
    pub length: f64,
}

fn one() -> f64 {
    1.0
}

impl Period {
    /// A period of length 1 with this name and capacity.
    pub fn new(name: &str, capacity: f64) -> Self {
        Period {
            name: name.into(),
            capacity,
            length: 1.0,
        }
    }
}

/// What one initiative is worth to the plan.
///
/// RICE and WSJF scores are value per unit of effort (they divide by effort
/// or job size), so an initiative's total value is its balanced score x its
/// effort, and "highest score first" is "most value per person-month first",
/// the classic knapsack greedy. ICE and scorecard scores are read as the
/// initiative's whole value.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ValueMeasure {
    /// Score x effort for RICE and WSJF, the score for ICE and scorecards.
    #[default]
    Auto,
    /// Balanced score x effort in person-months.
    ScoreTimesEffort,
    /// The balanced score itself.
    Score,
}

impl ValueMeasure {
    /// Whether the score is multiplied by effort for this framework.
    pub fn multiplies_effort(self, framework: Framework) -> bool {
        match self {
            ValueMeasure::Auto => matches!(framework, Framework::Rice | Framework::Wsjf),
            ValueMeasure::ScoreTimesEffort => true,
            ValueMeasure::Score => false,
        }
    }
}

/// The capacity of one problem space's team, in person-months per period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TeamCapacity {
    /// The problem space, as initiatives name it (such as "search").
    pub problem_space: String,
    /// Person-months the team has in every period.
    pub capacity: f64,
}

/// A target share of used capacity for one kind of work.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AllocationTarget {
    /// The kind of work.
    pub kind: WorkKind,
    /// The least share, from 0 to 1 (0.2 is "at least 20%").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// The most share, from 0 to 1 (0.15 is "at most 15%").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
}

/// Where allocation targets apply.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum TargetScope {
    /// Every period with work in it meets the targets on its own.
    #[default]
    EachPeriod,
    /// The plan as a whole meets the targets.
    WholePlan,
}

/// Decisions made by people that the planner must respect.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Pins {
    /// Ids that must be in the plan (in any period).
    #[serde(default)]
    pub include: Vec<String>,
    /// Ids that must stay out of the plan.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// Ids that must be delivered in a given period.
    #[serde(default)]
    pub fixed: Vec<FixedPin>,
}

/// An initiative pinned to a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FixedPin {
    /// The initiative's id.
    pub id: String,
    /// The period's name.
    pub period: String,
}

/// Earlier delivery is worth more: an initiative delivered at the end of a
/// period counts its value once for every period of time left after it,
/// in the spirit of cost of delay (Reinertsen's CD3).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CostOfDelay {
    /// How long delivered value keeps counting after the last period ends, in
    /// the unit of period lengths. Default 1, so work in the last period still
    /// counts once; 0 makes the plan's end the horizon.
    #[serde(default = "one")]
    pub periods_after_plan: f64,
}

impl Default for CostOfDelay {
    fn default() -> Self {
        CostOfDelay {
            periods_after_plan: 1.0,
        }
    }
}

impl PlanOptions {
    /// How much one unit of value delivered in each period is worth: 1 each,
    /// or with cost of delay the time left after the period ends.
    pub fn period_weights(&self) -> Vec<f64> {
        match self.cost_of_delay {
            None => vec![1.0; self.periods.len()],
            Some(cost_of_delay) => {
                let mut weights = vec![0.0; self.periods.len()];
                let mut remaining = cost_of_delay.periods_after_plan;
                for (weight, period) in weights.iter_mut().zip(&self.periods).rev() {
                    *weight = remaining;
                    remaining += period.length;
                }
                weights
            }
        }
    }

    /// The index of a period by name.
    pub fn period_index(&self, name: &str) -> Option<usize> {
        self.periods.iter().position(|p| p.name == name)
    }
}
