//! The weight sweep: how each initiative's rank depends on the buyer weight w.
//!
//! For the weighted sum, an initiative's balanced score
//! `w x B + (1 - w) x S = S + w x (B - S)` is a straight line in w, so the
//! ranking only changes where two lines cross, at
//! `w* = (S_j - S_i) / ((B_i - S_i) - (B_j - S_j))`. [`sweep_weights`] finds
//! those crossings exactly (see [`exact`](self) for the algorithm) and
//! returns every rank as a piecewise-constant function of w. The other
//! strategies are not linear in w, so they are sampled on a grid the caller
//! chooses.

mod exact;
mod grid;
mod intervals;

use crate::balance::Strategy;
use crate::rank::{side_values, ScoreOptions};
use crate::{validate, Backlog, Error};
use serde::{Deserialize, Serialize};

/// Most line crossings the exact sweep will process. Each one costs a few
/// heap operations (under a microsecond natively), so the limit bounds a
/// sweep to about a second; over it the sweep fails with
/// [`Error::LimitExceeded`] rather than run on.
pub const MAX_SWEEP_CROSSINGS: usize = 2_000_000;
/// Most grid steps for a sampled sweep.
pub const MAX_GRID_STEPS: usize = 10_000;
/// Most (grid point x initiative) evaluations of a sampled sweep: each grid
/// point scores and sorts every initiative.
pub const MAX_GRID_EVALUATIONS: usize = 20_000_000;

/// What to sweep and how much of the ranking to follow.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SweepOptions {
    /// The scoring options; `buyerWeight` is the current weight, shown on
    /// the chart and used for "stays in the top k".
    #[serde(default)]
    pub scoring: ScoreOptions,
    /// The size of the top group whose membership intervals are reported.
    #[serde(default = "five")]
    pub top_k: usize,
    /// Follow ranks 1 to `depth` only; deeper ranks are reported as `None`.
    /// Absent: follow every rank. A small depth makes a sweep of a large
    /// backlog much cheaper (initiatives that can never reach the depth are
    /// left out before the sweep starts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub depth: Option<usize>,
    /// For strategies other than the weighted sum: the sweep evaluates
    /// w = 0, 1/steps, 2/steps, ..., 1, plus the current weight.
    #[serde(default = "hundred")]
    pub grid_steps: usize,
}

fn five() -> usize {
    5
}

fn hundred() -> usize {
    100
}

impl Default for SweepOptions {
    fn default() -> Self {
        SweepOptions {
            scoring: ScoreOptions::default(),
            top_k: 5,
            depth: None,
            grid_steps: 100,
        }
    }
}

/// How a sweep was computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum SweepMethod {
    /// Every crossing point computed exactly (the weighted sum).
    Exact,
    /// Evaluated at grid points; a rank changes somewhere between two
    /// points whose ranks differ.
    Grid,
}

/// The ranking's dependence on the buyer weight.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WeightSweep {
    /// Exact crossings, or a grid.
    pub method: SweepMethod,
    /// The current weight (the options' `buyerWeight`).
    pub current_weight: f64,
    /// The top group's size.
    pub top_k: usize,
    /// The deepest rank followed.
    pub depth: usize,
    /// The weights evaluated, for [`SweepMethod::Grid`] (empty for exact).
    pub grid: Vec<f64>,
    /// Every crossing that changes a rank within the depth, in order of
    /// weight (empty for a grid).
    pub crossings: Vec<Crossing>,
    /// Every initiative that ranks within the depth somewhere, ordered by
    /// its rank at the current weight (then best rank reached, then id).
    pub initiatives: Vec<SweepLine>,
}

/// Two initiatives' balanced scores crossing: above `weight`, `rises` ranks
/// just above `falls`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Crossing {
    /// Where the scores are equal: w* = (S_j - S_i) / ((B_i - S_i) - (B_j - S_j)).
    pub weight: f64,
    /// The id of the initiative that moves up.
    pub rises: String,
    /// The id of the initiative that moves down.
    pub falls: String,
    /// The rank `rises` takes (and `falls` gives up).
    pub rank: usize,
}

/// One initiative's rank as w moves.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SweepLine {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its position in the backlog.
    pub index: usize,
    /// Its buyer value B on the common footing (its score at w = 1).
    pub buyer: f64,
    /// Its seller value S on the common footing (its score at w = 0).
    pub seller: f64,
    /// Its rank at the current weight (`None` below the depth, or excluded
    /// by a guardrail).
    pub current_rank: Option<usize>,
    /// Its rank as a piecewise-constant function of w, in order of weight.
    /// Exact: the intervals cover [0, 1] and each rank holds strictly
    /// between `from` and `to`; exactly at a crossing the two initiatives
    /// tie and the one with the smaller id ranks first, as in the core.
    /// Grid: each interval runs from the first to the last grid point with
    /// that rank; the rank changed somewhere in the gap between intervals.
    pub ranks: Vec<RankInterval>,
    /// The weights at which it is in the top k, as intervals.
    pub top_k: Vec<WeightInterval>,
    /// For a current top-k member: the interval around the current weight
    /// over which it stays in the top k.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stays_in_top_k: Option<WeightInterval>,
}

/// A rank held over an interval of w.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RankInterval {
    /// Where it starts.
    pub from: f64,
    /// Where it ends.
    pub to: f64,
    /// The rank (`None`: below the depth, or excluded by a guardrail).
    pub rank: Option<usize>,
}

/// An interval of w.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WeightInterval {
    /// Where it starts.
    pub from: f64,
    /// Where it ends.
    pub to: f64,
}

/// Sweeps the buyer weight w over [0, 1] and reports how the ranking moves.
///
/// With the weighted sum the crossing points are exact. The work is
/// O((n + c) log n) for n initiatives and c crossings within [0, 1]; c is at
/// most n(n - 1)/2 (every pair crosses at most once), which is why a
/// `depth` helps on large backlogs and why the sweep stops with
/// [`Error::LimitExceeded`] past [`MAX_SWEEP_CROSSINGS`]. Other strategies
/// cost one ranking per grid point, O(g n log n) for g grid points, bounded
/// by [`MAX_GRID_EVALUATIONS`].
///
/// ```
/// use twosided::{Backlog, Initiative, SideEstimate};
/// use twosided::sensitivity::{sweep_weights, SweepOptions};
/// let item = |id: &str, buyers: f64, sellers: f64| Initiative {
///     id: id.into(),
///     name: id.into(),
///     buyer: Some(SideEstimate::new(buyers, 1.0, 1.0)),
///     seller: Some(SideEstimate::new(sellers, 1.0, 1.0)),
///     effort: 1.0.into(),
///     ..Initiative::default()
/// };
/// // "search" is best for buyers, "payouts" for sellers: they cross where
/// // w x 100 + (1 - w) x 20 = w x 40 + (1 - w) x 80, at w = 0.5.
/// let backlog = Backlog {
///     initiatives: vec![item("search", 100.0, 20.0), item("payouts", 40.0, 80.0)],
///     ..Backlog::default()
/// };
/// let sweep = sweep_weights(&backlog, &SweepOptions { top_k: 1, ..Default::default() }).unwrap();
/// assert_eq!(sweep.crossings[0].weight, 0.5);
/// assert_eq!(sweep.crossings[0].rises, "search");
/// let payouts = sweep.initiatives.iter().find(|l| l.id == "payouts").unwrap();
/// // At w = 0.5 the two tie and "payouts" wins by id; it stays first up to 0.5.
/// assert_eq!(payouts.stays_in_top_k.map(|i| (i.from, i.to)), Some((0.0, 0.5)));
/// ```
pub fn sweep_weights(backlog: &Backlog, options: &SweepOptions) -> Result<WeightSweep, Error> {
    let problems = validate(backlog);
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    options.scoring.balance().check()?;
    let count = backlog.initiatives.len();
    let depth = options.depth.unwrap_or(count).min(count);
    if options.top_k == 0 {
        return Err(Error::option(
            "options.topK",
            "the top group needs at least 1 initiative",
        ));
    }
    if options.depth.is_some_and(|d| d < options.top_k) {
        return Err(Error::option(
            "options.depth",
            "the depth followed must be at least topK, so the top group's ranks are known",
        ));
    }
    let values = side_values(backlog, &options.scoring)?;
    let lines = if options.scoring.strategy == Strategy::WeightedSum {
        exact::sweep(backlog, &values, depth)?
    } else {
        grid::sweep(
            backlog,
            &values,
            &options.scoring,
            options.grid_steps,
            depth,
        )?
    };
    intervals::assemble(backlog, &values, options, depth, lines)
}
