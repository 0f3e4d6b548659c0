//! A loaded backlog that re-ranks quickly as options change.

use crate::balance::{self, Strategy, ViolatorHandling};
use crate::model::{Backlog, Side};
use crate::rank::{rank_scored, side_scores, ScoreOptions, ScoredInitiative, SideScore};
use crate::scoring::{Framework, IceCombination, ScorecardOptions};
use crate::{validate, Error};

/// A backlog validated once, whose side scores are kept between calls, so
/// moving the buyer/seller weight or switching strategy only re-balances and
/// re-sorts. Changing the framework recomputes the side scores once.
///
/// ```
/// use twosided::{example_backlog, Prioritiser, ScoreOptions};
/// let mut prioritiser = Prioritiser::new(example_backlog()).unwrap();
/// let buyers_first = prioritiser.order(&ScoreOptions { buyer_weight: 1.0, ..Default::default() }).unwrap();
/// let sellers_first = prioritiser.order(&ScoreOptions { buyer_weight: 0.0, ..Default::default() }).unwrap();
/// assert_ne!(buyers_first.order, sellers_first.order);
/// ```
#[derive(Debug, Clone)]
pub struct Prioritiser {
    backlog: Backlog,
    cache: Option<Cached>,
}

#[derive(Debug, Clone)]
struct Cached {
    key: (Framework, IceCombination, ScorecardOptions, Option<String>),
    sides: Vec<[SideScore; 2]>,
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
        Ok(Prioritiser {
            backlog,
            cache: None,
        })
    }

    /// The backlog being ranked.
    pub fn backlog(&self) -> &Backlog {
        &self.backlog
    }

    /// Full results, as [`crate::score`] gives them.
    pub fn rank(&mut self, options: &ScoreOptions) -> Result<Vec<ScoredInitiative>, Error> {
        self.ensure_sides(options)?;
        let sides = self
            .cache
            .as_ref()
            .map(|c| c.sides.as_slice())
            .unwrap_or(&[]);
        Ok(rank_scored(&self.backlog, sides, options)?.results)
    }

    /// The ranking as indices and scores only: no explanations, no Pareto,
    /// no strings. Same order as [`Prioritiser::rank`].
    pub fn order(&mut self, options: &ScoreOptions) -> Result<Order, Error> {
        let balance_options = options.balance();
        balance_options.check()?;
        self.ensure_sides(options)?;
        let sides = self
            .cache
            .as_ref()
            .map(|c| c.sides.as_slice())
            .unwrap_or(&[]);
        let values: Vec<(f64, f64)> = sides.iter().map(|[b, s]| (b.value, s.value)).collect();
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
        let initiatives = &self.backlog.initiatives;
        let mut order: Vec<u32> = (0..values.len())
            .filter(|&i| !(exclude && violated.get(i).copied().unwrap_or(false)))
            .filter_map(|i| u32::try_from(i).ok())
            .collect();
        let key = |i: u32| {
            let i = i as usize;
            (
                violated.get(i).copied().unwrap_or(false),
                scores.get(i).copied().unwrap_or(0.0),
                initiatives.get(i).map(|x| x.id.as_str()).unwrap_or(""),
            )
        };
        order.sort_by(|&a, &b| {
            let (va, sa, ia) = key(a);
            let (vb, sb, ib) = key(b);
            va.cmp(&vb).then(sb.total_cmp(&sa)).then_with(|| ia.cmp(ib))
        });
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
        self.cache = None;
        Ok(())
    }

    fn ensure_sides(&mut self, options: &ScoreOptions) -> Result<(), Error> {
        let key = (
            options.framework,
            options.ice,
            options.scorecard.clone(),
            options.formula.clone(),
        );
        if self.cache.as_ref().is_some_and(|c| c.key == key) {
            return Ok(());
        }
        let sides = side_scores(&self.backlog, options)?;
        self.cache = Some(Cached { key, sides });
        Ok(())
    }
}
