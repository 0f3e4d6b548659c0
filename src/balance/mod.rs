//! Two-sided balancing: turning a buyer value and a seller value into one.

mod pareto;

pub use pareto::{pareto_frontier, ParetoStatus};

use crate::model::Side;
use crate::scoring::{Explanation, Number, Term};
use crate::Error;
use serde::{Deserialize, Serialize};

/// How the two sides' values become one balanced score.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Strategy {
    /// w x B + (1 - w) x S.
    #[default]
    WeightedSum,
    /// The weighted geometric mean B'^w x S'^(1-w) on values shifted onto a
    /// positive floor (see [`nash_floor`]). Favours initiatives that help both sides.
    Nash,
    /// min(B, S): an initiative is as good as it is for the side it helps least.
    MaxMin,
    /// Rank by the primary objective, but flag (and rank last or exclude)
    /// anything that harms a protected side by more than `delta`.
    Guardrail,
}

impl Strategy {
    /// Display name.
    pub fn label(self) -> &'static str {
        match self {
            Strategy::WeightedSum => "weighted sum",
            Strategy::Nash => "Nash product",
            Strategy::MaxMin => "max-min",
            Strategy::Guardrail => "guardrail",
        }
    }
}

/// What happens to initiatives that break a guardrail.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ViolatorHandling {
    /// Keep them, ranked after every initiative that respects the guardrail.
    #[default]
    RankLast,
    /// Leave them out of the ranking (they get no rank).
    Exclude,
}

/// The guardrail's settings ("do no harm" to the other side).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Guardrail {
    /// How much harm a side may take: its value must stay at or above -delta.
    #[serde(default)]
    pub delta: f64,
    /// The side to maximise; the other side is protected. Absent: maximise the
    /// weighted sum and protect both sides.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary: Option<Side>,
    /// Rank violators last (default) or exclude them.
    #[serde(default)]
    pub violators: ViolatorHandling,
}

/// The balancing settings.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BalanceOptions {
    /// The strategy.
    #[serde(default)]
    pub strategy: Strategy,
    /// The buyer share w in [0, 1]; sellers get 1 - w.
    #[serde(default = "half")]
    pub buyer_weight: f64,
    /// Guardrail settings, used by [`Strategy::Guardrail`].
    #[serde(default)]
    pub guardrail: Guardrail,
}

fn half() -> f64 {
    0.5
}

impl Default for BalanceOptions {
    fn default() -> Self {
        BalanceOptions {
            strategy: Strategy::WeightedSum,
            buyer_weight: 0.5,
            guardrail: Guardrail::default(),
        }
    }
}

impl BalanceOptions {
    /// Checks the weight and threshold.
    pub fn check(&self) -> Result<(), Error> {
        if !(self.buyer_weight.is_finite() && (0.0..=1.0).contains(&self.buyer_weight)) {
            return Err(Error::option(
                "options.buyerWeight",
                "the buyer weight must be between 0 (sellers only) and 1 (buyers only)",
            ));
        }
        if !(self.guardrail.delta.is_finite() && self.guardrail.delta >= 0.0) {
            return Err(Error::option(
                "options.guardrail.delta",
                "the guardrail's allowed harm must be a number of 0 or more",
            ));
        }
        Ok(())
    }
}

/// One initiative's balanced result.
#[derive(Debug, Clone, PartialEq)]
pub struct Balanced {
    /// The balanced score.
    pub score: f64,
    /// Whether it breaks the guardrail.
    pub violates_guardrail: bool,
}

/// The floor Nash values are shifted by: every value x becomes x - floor.
///
/// The floor is the lowest value on either side (or 0 if nothing is
/// harmful), less 1% of the largest magnitude, so the most harmful
/// initiative keeps a small positive value instead of zeroing the product.
/// Because it depends on the whole backlog, it is reported in every Nash
/// explanation.
pub fn nash_floor(values: &[(f64, f64)]) -> f64 {
    let lowest = values
        .iter()
        .flat_map(|&(b, s)| [b, s])
        .fold(0.0_f64, f64::min);
    let largest = values
        .iter()
        .flat_map(|&(b, s)| [b.abs(), s.abs()])
        .fold(0.0_f64, f64::max);
    let margin = if largest > 0.0 { largest * 0.01 } else { 1.0 };
    lowest - margin
}

/// Balances one initiative's (buyer, seller) values. `floor` is
/// [`nash_floor`] of the whole backlog (used only by Nash).
pub fn balance(buyer: f64, seller: f64, options: &BalanceOptions, floor: f64) -> Balanced {
    let w = options.buyer_weight;
    let weighted_sum = w * buyer + (1.0 - w) * seller;
    match options.strategy {
        Strategy::WeightedSum => Balanced {
            score: weighted_sum,
            violates_guardrail: false,
        },
        Strategy::Nash => Balanced {
            score: (buyer - floor).powf(w) * (seller - floor).powf(1.0 - w),
            violates_guardrail: false,
        },
        Strategy::MaxMin => Balanced {
            score: buyer.min(seller),
            violates_guardrail: false,
        },
        Strategy::Guardrail => {
            let limit = -options.guardrail.delta;
            let (score, violates) = match options.guardrail.primary {
                Some(Side::Buyer) => (buyer, seller < limit),
                Some(Side::Seller) => (seller, buyer < limit),
                None => (weighted_sum, buyer < limit || seller < limit),
            };
            Balanced {
                score,
                violates_guardrail: violates,
            }
        }
    }
}

/// Explains a balanced score in one sentence with its terms.
pub fn explain(
    buyer: f64,
    seller: f64,
    result: &Balanced,
    options: &BalanceOptions,
    floor: f64,
    names: &crate::model::SideNames,
) -> Explanation {
    let w = options.buyer_weight;
    let (b, s) = (names.buyer.to_lowercase(), names.seller.to_lowercase());
    let n = Number;
    let score = n(result.score);
    let sentence = match options.strategy {
        Strategy::WeightedSum => format!(
            "Balanced {score} = {} x {} {b} + {} x {} {s} (weighted sum)",
            n(w),
            n(buyer),
            n(1.0 - w),
            n(seller)
        ),
        Strategy::Nash => format!(
            "Balanced {score} = ({} {b} - floor {})^{} x ({} {s} - floor {})^{} (Nash product)",
            n(buyer),
            n(floor),
            n(w),
            n(seller),
            n(floor),
            n(1.0 - w)
        ),
        Strategy::MaxMin => format!(
            "Balanced {score} = the smaller of {} {b} and {} {s} (max-min)",
            n(buyer),
            n(seller)
        ),
        Strategy::Guardrail => {
            let objective = match options.guardrail.primary {
                Some(Side::Buyer) => format!("{} {b}", n(buyer)),
                Some(Side::Seller) => format!("{} {s}", n(seller)),
                None => format!(
                    "{} x {} {b} + {} x {} {s}",
                    n(w),
                    n(buyer),
                    n(1.0 - w),
                    n(seller)
                ),
            };
            let verdict = if result.violates_guardrail {
                "breaks the guardrail"
            } else {
                "within the guardrail"
            };
            format!(
                "Balanced {score} = {objective}; {verdict} of harm no worse than -{}",
                n(options.guardrail.delta)
            )
        }
    };
    let mut terms = vec![
        Term::new(format!("{b} value"), buyer),
        Term::new(format!("{s} value"), seller),
        Term::new("buyer weight", w),
    ];
    if options.strategy == Strategy::Nash {
        terms.push(Term::new("floor", floor));
    }
    Explanation { sentence, terms }
}
