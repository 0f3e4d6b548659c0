//! A loaded backlog that re-ranks quickly as options change.

use crate::balance::{self, Strategy, ViolatorHandling};
use crate::model::{Backlog, Side};
use crate::rank::{rank_scored, side_scores, side_values, ScoreOptions, ScoredInitiative};
use crate::{validate, Error};

/// A backlog validated once and kept, so that each re-ranking skips reading
/// and checking it again. [`Prioritiser::order`] scores every initiative
/// from its estimates on each call, without building explanations (as
/// cheap as re-sorting cached scores, so nothing is cached to go stale);
/// [`Prioritiser::rank`] gives the full, explained results.
///
/// ```
/// use twosided::{example_backlog, Prioritiser, ScoreOptions};
/// let prioritiser = Prioritiser::new(example_backlog()).unwrap();
/// let buyers_first = prioritiser.order(&ScoreOptions { buyer_weight: 1.0, ..Default::default() }).unwrap();
/// let sellers_first = prioritiser.order(&ScoreOptions { buyer_weight: 0.0, ..Default::default() }).unwrap();
/// assert_ne!(buyers_first.order, sellers_first.order);
/// ```
#[derive(Debug, Clone)]
pub struct Prioritiser {
    backlog: Backlog,
    /// Backlog indices in id order: ties in score are broken by id, and
    /// sorting by a position in this list is faster than comparing ids.
    by_id: Vec<u32>,
    /// Each initiative's position in `by_id`.
    id_rank: Vec<u32>,
}

/// A ranking as plain numbers, for hot paths such as a slider.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Order {
    /// Backlog indices, best first. Guardrail exclusions are left out.
    pub order: Vec<u32>,
    /// Balanced score per backlog index (not sorted).
    pub scores: Vec<f64>,
}

impl Prioritiser {
    /// Validates the backlog and keeps it.
    pub fn new(backlog: Backlog) -> Result<Self, Error> {
        let problems = validate(&backlog);
        if !problems.is_empty() {
            return Err(Error::Invalid(problems));
        }
        let ids: Vec<&str> = backlog.initiatives.iter().map(|i| i.id.as_str()).collect();
        let mut by_id: Vec<u32> = (0..ids.len())
            .filter_map(|i| u32::try_from(i).ok())
            .collect();
        by_id.sort_unstable_by_key(|&i| ids.get(i as usize).copied().unwrap_or(""));
        let mut id_rank = vec![0; by_id.len()];
        for (position, &index) in by_id.iter().enumerate() {
            if let (Some(slot), Ok(position)) =
                (id_rank.get_mut(index as usize), u32::try_from(position))
            {
                *slot = position;
            }
        }
        Ok(Prioritiser {
            backlog,
            by_id,
            id_rank,
        })
    }

    /// The backlog being ranked.
    pub fn backlog(&self) -> &Backlog {
        &self.backlog
    }

    /// Full results, as [`crate::score`] gives them.
    pub fn rank(&self, options: &ScoreOptions) -> Result<Vec<ScoredInitiative>, Error> {
        let sides = side_scores(&self.backlog, options)?;
        Ok(rank_scored(&self.backlog, sides, options)?.results)
    }

    /// The ranking as indices and scores only: no explanations, no Pareto,
    /// no strings. Same order as [`Prioritiser::rank`].
    pub fn order(&self, options: &ScoreOptions) -> Result<Order, Error> {
        let balance_options = options.balance();
        balance_options.check()?;
        let values = side_values(&self.backlog, options)?;
        let floor = if options.strategy == Strategy::Nash {
            balance::nash_floor(&values)
        } else {
            0.0
        };
        let mut scores = Vec::with_capacity(values.len());
        let mut violated = Vec::with_capacity(values.len());
        for (index, &(buyer, seller)) in values.iter().enumerate() {
            let result = balance::balance(buyer, seller, &balance_options, floor);
            if !result.score.is_finite() {
                return Err(Error::NotFinite {
                    path: format!("initiatives[{index}]"),
                    detail: format!("{} balancing", options.strategy.label()),
                });
            }
            scores.push(result.score);
            violated.push(result.violates_guardrail);
        }
        let exclude = options.strategy == Strategy::Guardrail
            && options.guardrail.violators == ViolatorHandling::Exclude;
        // One integer per initiative sorts like [`crate::score`]'s order:
        // violators last, then score descending, then id (by its position
        // in id order).
        let mut keys: Vec<u128> = scores
            .iter()
            .zip(&violated)
            .zip(&self.id_rank)
            .filter(|&((_, &violates), _)| !(exclude && violates))
            .map(|((&score, &violates), &id_rank)| {
                (u128::from(violates) << 96)
                    | (u128::from(descending_key(score)) << 32)
                    | u128::from(id_rank)
            })
            .collect();
        keys.sort_unstable();
        let by_id = &self.by_id;
        let order = keys
            .into_iter()
            .filter_map(|key| by_id.get((key & 0xffff_ffff) as usize).copied())
            .collect();
        Ok(Order { order, scores })
    }

    /// Changes one segment's weight, keeping everything else.
    pub fn set_segment_weight(
        &mut self,
        side: Side,
        segment: &str,
        weight: f64,
    ) -> Result<(), Error> {
        if !(weight.is_finite() && (0.0..=crate::limits::MAX_WEIGHT).contains(&weight)) {
            return Err(Error::option(
                "weight",
                format!(
                    "a segment's weight must be from 0 to {}",
                    crate::limits::MAX_WEIGHT
                ),
            ));
        }
        let declared = self
            .backlog
            .segments
            .of_mut(side)
            .iter_mut()
            .find(|s| s.id == segment)
            .ok_or_else(|| {
                Error::option(
                    "segment",
                    format!(
                        "\"{segment}\" is not a {} segment of this backlog",
                        side.key()
                    ),
                )
            })?;
        declared.weight = weight;
        Ok(())
    }
}

/// A key that sorts like `f64::total_cmp`, reversed: the largest score first.
fn descending_key(score: f64) -> u64 {
    let bits = score.to_bits();
    // Flip negatives whole and positives' sign bit: the unsigned order of the
    // result is the total order of the floats; inverting it descends.
    let ascending = if bits >> 63 == 1 {
        !bits
    } else {
        bits | (1 << 63)
    };
    !ascending
}

#[cfg(test)]
mod tests {
    use super::descending_key;

    #[test]
    fn descending_key_sorts_like_total_cmp_reversed() {
        let mut values = vec![
            -3.5,
            -0.0,
            0.0,
            1.0,
            f64::MIN_POSITIVE,
            -f64::MIN_POSITIVE,
            2.5e10,
            -2.5e10,
            0.25,
        ];
        let mut by_key = values.clone();
        by_key.sort_by_key(|&v| descending_key(v));
        values.sort_by(|a, b| b.total_cmp(a));
        assert_eq!(
            by_key.iter().map(|v| v.to_bits()).collect::<Vec<_>>(),
            values.iter().map(|v| v.to_bits()).collect::<Vec<_>>()
        );
    }
}
