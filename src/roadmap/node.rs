//! A partial plan in the search: decisions made so far, what stays open,
//! and the capacity left.

use super::bound::fits;
use super::domain::{propagate, Domain};
use super::model::{cell, Model};

/// A partial plan.
#[derive(Debug, Clone)]
pub(crate) struct Node {
    pub domains: Vec<Domain>,
    /// `None`: open; `Some(None)`: out; `Some(Some(t))`: in period t.
    pub assigned: Vec<Option<Option<usize>>>,
    pub remaining: Vec<f64>,
    /// Team capacity left, `team x periods + period`.
    pub team_remaining: Vec<f64>,
}

impl Node {
    /// The starting node: nothing decided, pins and dependencies applied.
    /// `Err` names an initiative whose pins and dependencies conflict.
    pub fn root(model: &Model) -> Result<Node, Conflict> {
        let mut node = Node {
            domains: model.domain.clone(),
            assigned: vec![None; model.len()],
            remaining: model.capacity.clone(),
            team_remaining: model
                .team_capacity
                .iter()
                .flat_map(|&c| std::iter::repeat_n(c, model.periods))
                .collect(),
        };
        propagate(model, &mut node.domains, (0..model.len()).collect()).map_err(Conflict::Pins)?;
        node.settle(model).map_err(Conflict::Capacity)?;
        Ok(node)
    }

    /// Decides `i`: out (`None`) or in period `t`. `false` if that leaves
    /// no valid completion that propagation can see.
    pub fn decide(&mut self, model: &Model, i: usize, choice: Option<usize>) -> bool {
        let Some(slot) = self.domains.get_mut(i) else {
            return false;
        };
        *slot = match choice {
            None => Domain::out(),
            Some(t) => Domain::at(t),
        };
        propagate(model, &mut self.domains, vec![i]).is_ok() && self.settle(model).is_ok()
    }

    /// Narrows the domains of `changed` (already written) along the
    /// dependencies and records what became certain. `false` if nothing is
    /// left possible.
    pub fn narrowed(&mut self, model: &Model, changed: Vec<usize>) -> bool {
        if changed.is_empty() {
            return true;
        }
        propagate(model, &mut self.domains, changed).is_ok() && self.settle(model).is_ok()
    }

    /// Records every decision that propagation has made certain, using up
    /// capacity. `Err` names an initiative that no longer fits.
    fn settle(&mut self, model: &Model) -> Result<(), usize> {
        for i in 0..self.assigned.len() {
            if self.assigned.get(i).is_some_and(|a| a.is_some()) {
                continue;
            }
            let Some(decision) = self.domains.get(i).and_then(|d| d.decided()) else {
                continue;
            };
            if let Some(t) = decision {
                if !fits(model, self, i, t) {
                    return Err(i);
                }
                let effort = model.effort.get(i).copied().unwrap_or(0.0);
                if let Some(room) = self.remaining.get_mut(t) {
                    *room -= effort;
                }
                if let Some(team) = model.team.get(i).copied().flatten() {
                    if let Some(room) = self.team_remaining.get_mut(cell(team, model.periods, t)) {
                        *room -= effort;
                    }
                }
            }
            if let Some(slot) = self.assigned.get_mut(i) {
                *slot = Some(decision);
            }
        }
        Ok(())
    }

    /// The assignment, with open initiatives left out.
    pub fn assignment(&self) -> Vec<Option<usize>> {
        self.assigned.iter().map(|a| a.flatten()).collect()
    }

    /// Whether leaving every open initiative out is allowed by the domains.
    pub fn can_close(&self) -> bool {
        self.assigned
            .iter()
            .zip(&self.domains)
            .all(|(a, d)| a.is_some() || d.may_out)
    }
}

/// Why the starting node is impossible.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Conflict {
    /// Pins and dependencies leave this initiative nothing possible.
    Pins(usize),
    /// This initiative, which must be in a given period, does not fit.
    Capacity(usize),
}
