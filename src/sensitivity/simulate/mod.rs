//! Monte Carlo over estimate ranges.
//!
//! Every estimate given as low / likely / high is drawn from the triangular
//! distribution with those three points. Triangular rather than PERT:
//! - its inverse CDF needs only a square root, which IEEE 754 rounds
//!   correctly on every platform, so a seed gives bit-identical results
//!   natively and in WebAssembly (PERT's Beta draws need `ln` and `exp`,
//!   which may differ by an ulp between platforms);
//! - its three parameters are exactly what the team wrote down, with no
//!   hidden shape parameter;
//! - it puts more weight on the ends than PERT, which is the cautious choice
//!   for the question "how robust is this ranking?".
//!
//! Draws are independent of each other. A discrete scale (RICE impact's
//! 3 / 2 / 1 / 0.5 / 0.25, WSJF's Fibonacci) is treated as continuous
//! between the ends of the range. Single values and scorecard criteria are
//! not drawn.

mod plan;
mod state;
mod tally;

pub use plan::MAX_SIMULATION_PLAN_STEPS;
pub use state::Simulation;

use crate::rank::ScoreOptions;
use crate::roadmap::PlanOptions;
use crate::{Backlog, Error};
use serde::{Deserialize, Serialize};

/// Most samples in one simulation. The 95% error of an estimated
/// probability is at most 0.98 / sqrt(samples): 10 000 samples give about
/// one point, 100 000 about a third of a point.
pub const MAX_SAMPLES: u64 = 100_000;
/// Most initiatives in one simulation: each keeps a count per possible rank,
/// so memory grows with the square (2 000 initiatives: 16 MB).
pub const MAX_SIMULATION_INITIATIVES: usize = 2_000;

/// What to simulate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SimulationOptions {
    /// The scoring options each sample is ranked with.
    #[serde(default)]
    pub scoring: ScoreOptions,
    /// The seed: the same seed gives the same result, on every platform and
    /// however the run is split into chunks. Up to 2^53 - 1 from JavaScript.
    #[serde(default)]
    pub seed: u64,
    /// How many samples to draw (1 to [`MAX_SAMPLES`]).
    #[serde(default = "ten_thousand")]
    pub samples: u64,
    /// The size of the top group whose probability is reported.
    #[serde(default = "five")]
    pub top_k: usize,
    /// With plan options, every sample's roadmap is planned too (see
    /// [`crate::roadmap::plan_roadmap`]) and each initiative's probability
    /// of making the plan is reported. Leave its `scoring` out: plans are
    /// scored with this simulation's `scoring`. Planning costs far more than
    /// ranking; the planner's `nodeBudget` (not its time budget) bounds each
    /// plan, so results do not depend on the machine's speed; all the
    /// samples' plans together take at most [`MAX_SIMULATION_PLAN_STEPS`]
    /// steps (each sample's budget is lowered to fit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<PlanOptions>,
}

fn ten_thousand() -> u64 {
    10_000
}

fn five() -> usize {
    5
}

impl Default for SimulationOptions {
    fn default() -> Self {
        SimulationOptions {
            scoring: ScoreOptions::default(),
            seed: 0,
            samples: 10_000,
            top_k: 5,
            plan: None,
        }
    }
}

/// How far a simulation has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Progress {
    /// Samples drawn so far.
    pub done: u64,
    /// Samples requested.
    pub total: u64,
    /// Whether every requested sample is drawn.
    pub finished: bool,
    /// Whether the run was cancelled (its result covers `done` samples).
    pub cancelled: bool,
}

/// The outcome of a simulation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SimulationResult {
    /// The seed used.
    pub seed: u64,
    /// Samples the figures are based on.
    pub samples: u64,
    /// Samples requested.
    pub requested: u64,
    /// Whether the run was cancelled before all samples were drawn.
    pub cancelled: bool,
    /// The top group's size.
    pub top_k: usize,
    /// With plan options: samples whose draws no plan could meet (for
    /// example a pinned initiative's drawn effort over its period's
    /// capacity). Plan probabilities count them as "not in the plan".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_failures: Option<u64>,
    /// How many estimates are ranges and were drawn; with none, every sample
    /// is the same and the ranking carries no estimate uncertainty.
    pub ranged_estimates: usize,
    /// Every initiative, in the order of its rank with likely values.
    pub initiatives: Vec<InitiativeOutlook>,
}

/// One initiative's spread of outcomes across the samples.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InitiativeOutlook {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its position in the backlog.
    pub index: usize,
    /// Its rank with every estimate at its likely value (as [`crate::score`]).
    pub likely_rank: Option<usize>,
    /// Its balanced score with likely values.
    pub likely_score: f64,
    /// The optimistic rank: in 10% of samples it ranks here or better.
    /// `None` when it lands there excluded by a guardrail (or no samples).
    pub rank_p10: Option<usize>,
    /// The median rank.
    pub rank_p50: Option<usize>,
    /// The pessimistic rank: in 90% of samples it ranks here or better.
    pub rank_p90: Option<usize>,
    /// The share of samples in which it ranks in the top k.
    pub top_k_probability: f64,
    /// Its mean balanced score across the samples.
    pub expected_score: f64,
    /// With plan options: whether the plan of the likely values includes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_likely_plan: Option<bool>,
    /// With plan options: the share of samples whose plan includes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_probability: Option<f64>,
}

/// Runs a whole simulation in one call. For long runs that must report
/// progress or be cancelled, drive a [`Simulation`] in chunks instead: the
/// result is identical.
///
/// ```
/// use twosided::{Backlog, Estimate, Initiative, SideEstimate};
/// use twosided::sensitivity::{simulate, SimulationOptions};
/// let item = |id: &str, reach: Estimate| Initiative {
///     id: id.into(),
///     name: id.into(),
///     buyer: Some(SideEstimate { reach: Some(reach), ..SideEstimate::new(0.0, 1.0, 1.0) }),
///     effort: 1.0.into(),
///     ..Initiative::default()
/// };
/// // A sure 100 against a long shot between 0 and 400 (likely 50).
/// let backlog = Backlog {
///     initiatives: vec![
///         item("steady", Estimate::Value(100.0)),
///         item("gamble", Estimate::range(0.0, 50.0, 400.0)),
///     ],
///     ..Backlog::default()
/// };
/// let options = SimulationOptions { seed: 7, samples: 4_000, top_k: 1, ..Default::default() };
/// let result = simulate(&backlog, &options).unwrap();
/// let gamble = result.initiatives.iter().find(|i| i.id == "gamble").unwrap();
/// assert_eq!(gamble.likely_rank, Some(2));
/// // Above the likely value the triangle's tail is P(reach > x) =
/// // (400 - x)^2 / (400 x 350): P(reach > 100) = 0.643. Usually the gamble wins.
/// assert!((gamble.top_k_probability - 0.643).abs() < 0.03);
/// ```
pub fn simulate(backlog: &Backlog, options: &SimulationOptions) -> Result<SimulationResult, Error> {
    let mut simulation = Simulation::new(backlog, options)?;
    simulation.run(options.samples)?;
    Ok(simulation.result())
}
