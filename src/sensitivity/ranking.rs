//! Ranking plain (buyer, seller) values with the core's order, reusing
//! buffers: the sweep ranks once per grid point, a simulation once per sample.

use crate::balance::{self, BalanceOptions, Strategy, ViolatorHandling};
use crate::{Backlog, Error};
use std::cmp::Ordering;

/// Each initiative's place in id order, so ties are broken by id (as in the
/// core) with an integer comparison instead of a string one.
pub(crate) fn id_ranks(backlog: &Backlog) -> Vec<u32> {
    let mut by_id: Vec<(&str, usize)> = backlog
        .initiatives
        .iter()
        .enumerate()
        .map(|(index, initiative)| (initiative.id.as_str(), index))
        .collect();
    by_id.sort_unstable();
    let mut ranks = vec![0; by_id.len()];
    for (place, (_, index)) in by_id.into_iter().enumerate() {
        if let Some(slot) = ranks.get_mut(index) {
            *slot = u32::try_from(place).unwrap_or(u32::MAX);
        }
    }
    ranks
}

/// One initiative's sort key: guardrail violators last, then score
/// descending, then id.
#[derive(Debug, Clone, Copy)]
struct Entry {
    violated: bool,
    score: f64,
    id_rank: u32,
    index: u32,
}

fn compare(a: &Entry, b: &Entry) -> Ordering {
    a.violated
        .cmp(&b.violated)
        .then(b.score.total_cmp(&a.score))
        .then(a.id_rank.cmp(&b.id_rank))
}

/// Ranks (buyer, seller) values exactly as [`crate::score`] orders them.
#[derive(Debug, Clone)]
pub(crate) struct Ranker {
    id_rank: Vec<u32>,
    balance: BalanceOptions,
    entries: Vec<Entry>,
    /// Balanced score per backlog index, after [`Ranker::rank`].
    pub(crate) scores: Vec<f64>,
    /// Rank per backlog index (1 is best; `None` when a guardrail excludes it).
    pub(crate) ranks: Vec<Option<usize>>,
}

impl Ranker {
    pub(crate) fn new(backlog: &Backlog, balance: BalanceOptions) -> Self {
        let count = backlog.initiatives.len();
        Ranker {
            id_rank: id_ranks(backlog),
            balance,
            entries: Vec::with_capacity(count),
            scores: Vec::with_capacity(count),
            ranks: Vec::with_capacity(count),
        }
    }

    /// Balances `values` at `buyer_weight` and ranks them.
    pub(crate) fn rank(&mut self, values: &[(f64, f64)], buyer_weight: f64) -> Result<(), Error> {
        let options = BalanceOptions {
            buyer_weight,
            ..self.balance
        };
        let floor = if options.strategy == Strategy::Nash {
            balance::nash_floor(values)
        } else {
            0.0
        };
        self.entries.clear();
        self.scores.clear();
        for (index, (&(buyer, seller), &id_rank)) in values.iter().zip(&self.id_rank).enumerate() {
            let balanced = balance::balance(buyer, seller, &options, floor);
            if !balanced.score.is_finite() {
                return Err(Error::NotFinite {
                    path: format!("initiatives[{index}]"),
                    detail: format!("{} balancing", options.strategy.label()),
                });
            }
            self.scores.push(balanced.score);
            self.entries.push(Entry {
                violated: balanced.violates_guardrail,
                score: balanced.score,
                id_rank,
                index: u32::try_from(index).unwrap_or(u32::MAX),
            });
        }
        // Ids are unique, so the order is total and an unstable sort is
        // deterministic.
        self.entries.sort_unstable_by(compare);
        let exclude = options.strategy == Strategy::Guardrail
            && options.guardrail.violators == ViolatorHandling::Exclude;
        self.ranks.clear();
        self.ranks.resize(values.len(), None);
        let mut next = 1;
        for entry in &self.entries {
            if exclude && entry.violated {
                continue;
            }
            if let Some(slot) = self.ranks.get_mut(entry.index as usize) {
                *slot = Some(next);
            }
            next = next.saturating_add(1);
        }
        Ok(())
    }

    /// Backlog indices, best first (excluded violators included, last).
    pub(crate) fn order(&self) -> impl Iterator<Item = usize> + '_ {
        self.entries.iter().map(|e| e.index as usize)
    }
}
