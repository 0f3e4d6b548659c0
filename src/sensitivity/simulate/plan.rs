//! Planning each sample's roadmap, for the probability that an initiative
//! makes the plan.

use crate::rank::ScoreOptions;
use crate::roadmap::{plan_roadmap, PlanOptions};
use crate::sensitivity::evaluate::drawn_backlog;
use crate::sensitivity::random::Generator;
use crate::{Backlog, Error};
use std::collections::HashMap;

/// Most planner search steps a whole simulation may take, over all its
/// samples: as many as one plan at its limit
/// ([`crate::roadmap::MAX_NODE_BUDGET`]). Each sample's plan gets at most
/// this divided by the number of samples, so 100,000 samples with plans
/// cannot run for hours.
pub const MAX_SIMULATION_PLAN_STEPS: u64 = crate::roadmap::MAX_NODE_BUDGET;

/// Plans drawn backlogs with fixed options.
#[derive(Debug, Clone)]
pub(super) struct SamplePlanner {
    options: PlanOptions,
    index_of: HashMap<String, usize>,
    in_plan: Vec<bool>,
}

impl SamplePlanner {
    /// Checks the plan options against the simulation's scoring, and plans
    /// the likely values once (their errors are the caller's to fix, so they
    /// are reported). Returns the planner and the likely plan's membership.
    pub(super) fn new(
        backlog: &Backlog,
        plan: &PlanOptions,
        scoring: &ScoreOptions,
        samples: u64,
    ) -> Result<(Self, Vec<bool>), Error> {
        if plan.scoring != *scoring && plan.scoring != ScoreOptions::default() {
            return Err(Error::option(
                "options.plan.scoring",
                "leave this out: each sample's plan is scored with the simulation's own scoring options",
            ));
        }
        let per_sample = MAX_SIMULATION_PLAN_STEPS
            .checked_div(samples)
            .unwrap_or(MAX_SIMULATION_PLAN_STEPS)
            .max(1);
        let options = PlanOptions {
            scoring: scoring.clone(),
            node_budget: plan.node_budget.min(per_sample),
            ..plan.clone()
        };
        let mut planner = SamplePlanner {
            options,
            index_of: backlog
                .initiatives
                .iter()
                .enumerate()
                .map(|(index, initiative)| (initiative.id.clone(), index))
                .collect(),
            in_plan: vec![false; backlog.initiatives.len()],
        };
        planner.plan_backlog(backlog)?;
        let likely = planner.in_plan.clone();
        Ok((planner, likely))
    }

    fn plan_backlog(&mut self, backlog: &Backlog) -> Result<(), Error> {
        let roadmap = plan_roadmap(backlog, &self.options)?;
        self.in_plan.iter_mut().for_each(|slot| *slot = false);
        for id in roadmap.plan.periods.iter().flat_map(|p| &p.initiatives) {
            if let Some(slot) = self.index_of.get(id).and_then(|&i| self.in_plan.get_mut(i)) {
                *slot = true;
            }
        }
        Ok(())
    }

    /// Plans the sample `generator` draws (the same draws as the ranking's,
    /// given the same generator state). `None` when no plan meets the
    /// constraints with these draws (say, a pinned initiative's drawn effort
    /// exceeds its period), which the result counts.
    pub(super) fn plan_sample(
        &mut self,
        backlog: &Backlog,
        generator: &mut Generator,
    ) -> Option<&[bool]> {
        let drawn = drawn_backlog(backlog, self.options.scoring.framework, generator);
        self.plan_backlog(&drawn).ok()?;
        Some(&self.in_plan)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_the_samples_plans_share_one_plans_step_limit() {
        let backlog = crate::example_backlog();
        let scoring = ScoreOptions::default();
        let plan = PlanOptions {
            node_budget: 2_000_000,
            ..PlanOptions::default()
        };
        let (many, _) = SamplePlanner::new(&backlog, &plan, &scoring, 100_000).unwrap();
        assert_eq!(many.options.node_budget, 1_000);
        let (few, _) = SamplePlanner::new(&backlog, &plan, &scoring, 10).unwrap();
        assert_eq!(few.options.node_budget, 2_000_000);
    }
}
