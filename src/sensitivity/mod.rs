//! Sensitivity and uncertainty: how much a ranking depends on the buyer
//! weight, and on the spread of the estimates.
//!
//! - [`sweep_weights`] moves the buyer weight w over [0, 1]. For the weighted
//!   sum it finds every crossing point exactly and gives each initiative's
//!   rank as a piecewise-constant function of w, and the interval over which
//!   each current top-k member stays in the top k. Other strategies are
//!   sampled on a grid.
//! - [`simulate`] and [`Simulation`] draw every estimate given as
//!   low / likely / high many times (Monte Carlo) and report, per
//!   initiative, its rank distribution, its probability of making the top k
//!   and its expected balanced score.

mod evaluate;
mod random;
mod ranking;
mod simulate;
mod sweep;

pub use simulate::{
    simulate, InitiativeOutlook, Progress, Simulation, SimulationOptions, SimulationResult,
    MAX_SAMPLES, MAX_SIMULATION_INITIATIVES, MAX_SIMULATION_PLAN_STEPS,
};
pub use sweep::{
    sweep_weights, Crossing, RankInterval, SweepLine, SweepMethod, SweepOptions, WeightInterval,
    WeightSweep, MAX_GRID_EVALUATIONS, MAX_GRID_STEPS, MAX_SWEEP_CROSSINGS,
};
