//! Roadmaps: the best plan under capacity, allocation targets and
//! dependencies, and roadmaps compared side by side.
//!
//! [`plan_roadmap`] turns a backlog into the plan worth the most: each
//! initiative goes into one period (its effort counts against that period's
//! capacity) or stays out. Its value is the balanced score from the chosen
//! [`ScoreOptions`](crate::ScoreOptions) (times effort for RICE and WSJF, see
//! [`ValueMeasure`]), optionally weighted by the time left after delivery
//! ([`CostOfDelay`]). The planner is exact: branch and bound with a
//! Lagrangian bound on capacities and targets. Given a budget it cannot
//! meet, it returns the best plan found with the bound and the gap, marked
//! `optimal: false`. It also returns the greedy plan, so the value the
//! exact plan adds is visible.
//!
//! ```
//! use twosided::roadmap::{plan_roadmap, Period, PlanOptions};
//! use twosided::{Backlog, Initiative, SideEstimate};
//! // Two quick wins and one big bet, for buyers only.
//! let initiative = |id: &str, reach: f64, effort: f64| Initiative {
//!     id: id.into(),
//!     name: id.into(),
//!     buyer: Some(SideEstimate::new(reach, 1.0, 1.0)),
//!     effort: effort.into(),
//!     ..Initiative::default()
//! };
//! let backlog = Backlog {
//!     initiatives: vec![initiative("a", 11.0, 1.0), initiative("b", 90.0, 10.0)],
//!     ..Backlog::default()
//! };
//! let options = PlanOptions {
//!     periods: vec![Period::new("2027-Q1", 10.0)],
//!     ..PlanOptions::default()
//! };
//! let roadmap = plan_roadmap(&backlog, &options).unwrap();
//! assert!(roadmap.optimal);
//! // Greedy takes "a" first (the better ratio) and then "b" no longer fits.
//! assert_eq!(roadmap.plan.scheduled[0].id, "b");
//! assert!(roadmap.gain_over_greedy.unwrap() > 0.0);
//! ```

mod bound;
mod check;
mod compare;
mod diagnose;
mod domain;
mod explain;
mod greedy;
mod knapsack;
mod model;
mod node;
mod options;
mod pack;
mod result;
mod search;
mod split;

pub use check::{
    MAX_CAPACITY, MAX_NODE_BUDGET, MAX_PLAN_INITIATIVES, MAX_PLAN_PERIODS, MAX_TEAMS,
    MAX_TIME_BUDGET_MS,
};
pub use compare::{
    compare_roadmaps, Comparison, Difference, Dominance, Move, NamedRoadmap, ScenarioSummary,
    MAX_SCENARIOS,
};
pub use options::{
    AllocationTarget, CostOfDelay, FixedPin, Period, Pins, PlanOptions, TargetScope, TeamCapacity,
    ValueMeasure,
};
pub use result::{
    KindAllocation, LeftOut, LeftOutReason, PeriodPlan, Plan, PlanStatus, PlannedInitiative,
    Roadmap, TeamUse,
};

use crate::model::Backlog;
use crate::rank::ScoredInitiative;
use crate::Error;
use search::Budget;

/// Plans the roadmap worth the most, within `options.node_budget` search
/// steps. The result does not depend on the machine's speed.
///
/// Fails with [`Error::Invalid`] for an invalid backlog, with
/// [`Error::InvalidOption`] for a bad option, with [`Error::Infeasible`]
/// naming the conflicting pins, targets or capacities when no plan can meet
/// them all, and with [`Error::LimitExceeded`] when the budget ran out
/// before any plan meeting the pins was found.
pub fn plan_roadmap(backlog: &Backlog, options: &PlanOptions) -> Result<Roadmap, Error> {
    plan(backlog, options, None)
}

/// Plans like [`plan_roadmap`], and also stops after
/// `options.time_budget_ms` milliseconds as measured by `clock` (any
/// millisecond counter: `std::time::Instant` natively, `Date.now()` in a
/// browser, where `Instant` is not available).
///
/// ```
/// use std::time::Instant;
/// use twosided::roadmap::{plan_roadmap_with_clock, PlanOptions};
/// let start = Instant::now();
/// let clock = move || start.elapsed().as_secs_f64() * 1000.0;
/// let options = PlanOptions { time_budget_ms: 500.0, ..PlanOptions::default() };
/// let backlog = twosided::Backlog {
///     initiatives: vec![twosided::Initiative {
///         id: "search".into(),
///         name: "Search relevance".into(),
///         buyer: Some(twosided::SideEstimate::new(2000.0, 1.0, 0.8)),
///         effort: 4.0.into(),
///         ..Default::default()
///     }],
///     ..Default::default()
/// };
/// let roadmap = plan_roadmap_with_clock(&backlog, &options, &clock).unwrap();
/// assert!(roadmap.value <= roadmap.bound);
/// assert_eq!(roadmap.plan.scheduled.len(), 1);
/// ```
pub fn plan_roadmap_with_clock(
    backlog: &Backlog,
    options: &PlanOptions,
    clock: &dyn Fn() -> f64,
) -> Result<Roadmap, Error> {
    plan(backlog, options, Some(clock))
}

fn plan(
    backlog: &Backlog,
    options: &PlanOptions,
    clock: Option<&dyn Fn() -> f64>,
) -> Result<Roadmap, Error> {
    let pins = check::check(backlog, options)?;
    let mut scored: Vec<ScoredInitiative> = crate::score(backlog, &options.scoring)?;
    scored.sort_by_key(|s| s.index);
    let (model, ineligible) = model::build(backlog, &scored, options, &pins);
    let root = node::Node::root(&model)
        .map_err(|conflict| diagnose::root_conflict(backlog, options, &model, &pins, conflict))?;
    diagnose::check_pinned_capacity(backlog, options, &model, &root)?;
    let scores: Vec<f64> = scored.iter().map(|s| s.score).collect();
    let greedy_plan = greedy::greedy(&model, &root, &scores);
    let budget = Budget {
        nodes: options.node_budget,
        by_size: false,
        clock: clock.map(|c| (c, options.time_budget_ms)),
    };
    let start = greedy_plan
        .clone()
        .map(|plan| greedy::improve(&model, &root, plan));
    let outcome = search::solve_in_two(&model, root, start, &budget);
    let Some(assignment) = outcome.assignment.clone() else {
        return Err(if outcome.complete {
            diagnose::no_plan(backlog, options, &model, &pins)
        } else {
            Error::LimitExceeded {
                path: "nodeBudget".into(),
                message: format!(
                    "no plan meeting the pins and targets was found within {} search steps; allow more steps or time, or relax a pin or target",
                    outcome.nodes
                ),
            }
        });
    };
    let pinned: Vec<bool> = (0..backlog.initiatives.len())
        .map(|i| {
            pins.included.get(i).copied().unwrap_or(false)
                || pins.fixed.get(i).copied().flatten().is_some()
        })
        .collect();
    let context = explain::Context {
        backlog,
        scored: &scored,
        options,
        model: &model,
        pinned: &pinned,
    };
    let best = explain::plan(&context, &assignment);
    let greedy = greedy_plan.map(|g| explain::plan(&context, &g));
    let optimal = outcome.complete;
    let bound = if optimal {
        best.value
    } else {
        outcome.bound.max(best.value)
    };
    let gap = (bound - best.value).max(0.0);
    let gain = greedy.as_ref().map(|g| best.value - g.value);
    let gain_share = greedy
        .as_ref()
        .zip(gain)
        .and_then(|(g, gain)| (g.value.abs() > 0.0).then(|| gain / g.value.abs()));
    Ok(Roadmap {
        optimal,
        status: if optimal {
            PlanStatus::Optimal
        } else {
            PlanStatus::StoppedEarly
        },
        value: best.value,
        bound,
        gap,
        relative_gap: if bound.abs() > 0.0 {
            gap / bound.abs()
        } else {
            0.0
        },
        nodes: outcome.nodes,
        left_out: explain::left_out(&context, &assignment, &ineligible, optimal),
        plan: best,
        greedy,
        gain_over_greedy: gain,
        gain_over_greedy_share: gain_share,
        targets: options.targets.clone(),
        target_scope: options.target_scope,
        period_names: options.periods.iter().map(|p| p.name.clone()).collect(),
    })
}
