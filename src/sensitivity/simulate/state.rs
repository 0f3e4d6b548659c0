//! A simulation that runs in chunks, reports progress and can be cancelled.

use super::plan::SamplePlanner;
use super::tally::Tally;
use super::{
    InitiativeOutlook, Progress, SimulationOptions, SimulationResult, MAX_SAMPLES,
    MAX_SIMULATION_INITIATIVES,
};
use crate::sensitivity::evaluate::SampleModel;
use crate::sensitivity::random::Generator;
use crate::sensitivity::ranking::Ranker;
use crate::{validate, Backlog, Error};

/// A Monte Carlo run in progress.
///
/// Sample i always draws from a generator seeded by (seed, i), and samples
/// are tallied in order, so `run(10_000)` once and `run(1_000)` ten times
/// give identical results. Cancelling keeps the samples already drawn.
///
/// Cost: a sample draws every ranged estimate and sorts the backlog, so it
/// takes O(n log n) for n initiatives (a custom formula also scores a drawn
/// copy of the backlog with the core, which is several times slower).
/// Measured with `cargo bench --bench sensitivity` on a shared, busy 2-core
/// machine: 10 000 samples of 500 initiatives take 0.5 to 2 seconds
/// natively and about 1.4 to 1.6 times that in WebAssembly; the limits'
/// worst case, [`MAX_SAMPLES`] samples of [`MAX_SIMULATION_INITIATIVES`]
/// initiatives, takes about one to two minutes natively and 2.2 to 2.4 times
/// that in WebAssembly, which is why long runs go in chunks.
///
/// ```
/// use twosided::sensitivity::{simulate, Simulation, SimulationOptions};
/// # let backlog = twosided::Backlog { initiatives: vec![twosided::Initiative {
/// #     id: "a".into(), name: "A".into(), effort: twosided::Estimate::range(1.0, 2.0, 4.0),
/// #     buyer: Some(twosided::SideEstimate::new(10.0, 1.0, 1.0)), ..Default::default() }],
/// #     ..Default::default() };
/// let options = SimulationOptions { seed: 1, samples: 1_000, ..Default::default() };
/// let mut simulation = Simulation::new(&backlog, &options).unwrap();
/// while !simulation.run(250).unwrap().finished {
///     // Report simulation.progress() here, or call cancel().
/// }
/// assert_eq!(simulation.result(), simulate(&backlog, &options).unwrap());
/// ```
#[derive(Debug, Clone)]
pub struct Simulation {
    options: SimulationOptions,
    labels: Vec<(String, String)>,
    model: SampleModel,
    ranker: Ranker,
    likely_ranks: Vec<Option<usize>>,
    likely_scores: Vec<f64>,
    likely_order: Vec<usize>,
    values: Vec<(f64, f64)>,
    /// With plan options: the backlog to draw from, the planner and the
    /// likely plan.
    planning: Option<(Backlog, SamplePlanner, Vec<bool>)>,
    tally: Tally,
    done: u64,
    cancelled: bool,
}

impl Simulation {
    /// Validates the backlog and the options, and scores the likely values.
    pub fn new(backlog: &Backlog, options: &SimulationOptions) -> Result<Self, Error> {
        if options.samples == 0 {
            return Err(Error::option(
                "options.samples",
                "a simulation needs at least 1 sample",
            ));
        }
        if options.samples > MAX_SAMPLES {
            return Err(Error::LimitExceeded {
                path: "options.samples".into(),
                message: format!(
                    "{} samples asked for; the most is {MAX_SAMPLES}, which already measures a probability to within a third of a point",
                    options.samples
                ),
            });
        }
        if options.top_k == 0 {
            return Err(Error::option(
                "options.topK",
                "the top group needs at least 1 initiative",
            ));
        }
        let count = backlog.initiatives.len();
        if count > MAX_SIMULATION_INITIATIVES {
            return Err(Error::LimitExceeded {
                path: "initiatives".into(),
                message: format!(
                    "a simulation handles at most {MAX_SIMULATION_INITIATIVES} initiatives; this backlog has {count}"
                ),
            });
        }
        let problems = validate(backlog);
        if !problems.is_empty() {
            return Err(Error::Invalid(problems));
        }
        options.scoring.balance().check()?;
        let model = SampleModel::new(backlog, &options.scoring)?;
        let mut ranker = Ranker::new(backlog, options.scoring.balance());
        let likely = crate::rank::side_values(backlog, &options.scoring)?;
        ranker.rank(&likely, options.scoring.buyer_weight)?;
        let planning = match &options.plan {
            Some(plan) => {
                let (planner, likely_plan) =
                    SamplePlanner::new(backlog, plan, &options.scoring, options.samples)?;
                Some((backlog.clone(), planner, likely_plan))
            }
            None => None,
        };
        Ok(Simulation {
            options: options.clone(),
            labels: backlog
                .initiatives
                .iter()
                .map(|i| (i.id.clone(), i.name.clone()))
                .collect(),
            model,
            likely_ranks: ranker.ranks.clone(),
            likely_scores: ranker.scores.clone(),
            likely_order: ranker.order().collect(),
            ranker,
            values: Vec::with_capacity(count),
            planning,
            tally: Tally::new(count),
            done: 0,
            cancelled: false,
        })
    }

    /// Draws up to `samples` more samples (fewer if the run ends first) and
    /// reports the progress. Does nothing once finished or cancelled.
    pub fn run(&mut self, samples: u64) -> Result<Progress, Error> {
        let end = self.done.saturating_add(samples).min(self.options.samples);
        while self.done < end && !self.cancelled {
            let mut generator = Generator::for_sample(self.options.seed, self.done);
            if let Some((backlog, planner, _)) = &mut self.planning {
                // The plan draws the same values as the ranking below.
                let in_plan = planner.plan_sample(backlog, &mut generator.clone());
                self.tally.add_plan(in_plan);
            }
            self.model.evaluate(&mut generator, &mut self.values)?;
            self.ranker
                .rank(&self.values, self.options.scoring.buyer_weight)?;
            self.tally.add(&self.ranker.ranks, &self.ranker.scores);
            self.done = self.done.saturating_add(1);
        }
        Ok(self.progress())
    }

    /// Stops the run: later calls to [`Simulation::run`] do nothing, and the
    /// result covers the samples drawn so far.
    pub fn cancel(&mut self) {
        if self.done < self.options.samples {
            self.cancelled = true;
        }
    }

    /// How far the run has got.
    pub fn progress(&self) -> Progress {
        Progress {
            done: self.done,
            total: self.options.samples,
            finished: self.done >= self.options.samples,
            cancelled: self.cancelled,
        }
    }

    /// The figures over the samples drawn so far.
    pub fn result(&self) -> SimulationResult {
        let tally = &self.tally;
        let top_k = self.options.top_k;
        let likely_plan = self.planning.as_ref().map(|(_, _, likely)| likely);
        let initiatives = self
            .likely_order
            .iter()
            .filter_map(|&index| {
                let (id, name) = self.labels.get(index)?;
                Some(InitiativeOutlook {
                    id: id.clone(),
                    name: name.clone(),
                    index,
                    likely_rank: self.likely_ranks.get(index).copied().flatten(),
                    likely_score: self.likely_scores.get(index).copied().unwrap_or(0.0),
                    rank_p10: tally.percentile(index, 10),
                    rank_p50: tally.percentile(index, 50),
                    rank_p90: tally.percentile(index, 90),
                    top_k_probability: tally.top_k_share(index, top_k),
                    expected_score: tally.mean_score(index),
                    in_likely_plan: likely_plan.map(|p| p.get(index).copied().unwrap_or(false)),
                    plan_probability: likely_plan.map(|_| tally.plan_share(index)),
                })
            })
            .collect();
        SimulationResult {
            seed: self.options.seed,
            samples: self.done,
            requested: self.options.samples,
            cancelled: self.cancelled,
            top_k,
            plan_failures: self.planning.as_ref().map(|_| tally.plan_failures),
            ranged_estimates: self.model.ranged_estimates,
            initiatives,
        }
    }
}
