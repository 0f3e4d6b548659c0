//! Scoring a whole backlog: side values, footing, balance, Pareto and rank.

use crate::balance::{self, BalanceOptions, Guardrail, ParetoStatus, Strategy, ViolatorHandling};
use crate::model::{Backlog, Footing, Side, WorkKind};
use crate::scoring::{
    Explanation, Framework, Ice, IceCombination, Number, Rice, Scorecard, ScorecardOptions, Scorer,
    SideRaw, Term, Wsjf,
};
use crate::{validate, Error};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// Everything that decides a ranking. Every field has a canonical default,
/// so `ScoreOptions::default()` is RICE balanced by an even weighted sum.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ScoreOptions {
    /// The scoring framework.
    #[serde(default)]
    pub framework: Framework,
    /// The balancing strategy.
    #[serde(default)]
    pub strategy: Strategy,
    /// The buyer share w in [0, 1].
    #[serde(default = "half")]
    pub buyer_weight: f64,
    /// The guardrail's settings.
    #[serde(default)]
    pub guardrail: Guardrail,
    /// How ICE combines its inputs.
    #[serde(default)]
    pub ice: IceCombination,
    /// The scorecard's criteria; the business-outcomes preset by default.
    #[serde(default)]
    pub scorecard: ScorecardOptions,
    /// The formula for [`Framework::Custom`], such as `value / effort`
    /// (see [`crate::formula`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub formula: Option<String>,
}

fn half() -> f64 {
    0.5
}

impl Default for ScoreOptions {
    fn default() -> Self {
        ScoreOptions {
            framework: Framework::Rice,
            strategy: Strategy::WeightedSum,
            buyer_weight: 0.5,
            guardrail: Guardrail::default(),
            ice: IceCombination::Product,
            scorecard: ScorecardOptions::default(),
            formula: None,
        }
    }
}

impl ScoreOptions {
    /// The balancing part of the options.
    pub fn balance(&self) -> BalanceOptions {
        BalanceOptions {
            strategy: self.strategy,
            buyer_weight: self.buyer_weight,
            guardrail: self.guardrail,
        }
    }
}

/// One side's score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SideScore {
    /// The framework's raw value for this side.
    pub raw: f64,
    /// The value on the common footing, which balancing uses.
    pub value: f64,
    /// How the raw value was built, and how it was put on the footing.
    pub explanation: Explanation,
}

/// One initiative's result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ScoredInitiative {
    /// The initiative's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its position in the backlog.
    pub index: usize,
    /// Its kind of work.
    pub kind: WorkKind,
    /// The buyer side's score.
    pub buyer: SideScore,
    /// The seller side's score.
    pub seller: SideScore,
    /// The balanced score.
    pub score: f64,
    /// 1 for the best; `None` when a guardrail excluded it.
    pub rank: Option<usize>,
    /// Whether it breaks the guardrail (always false for other strategies).
    pub guardrail_violated: bool,
    /// Its place relative to the Pareto frontier.
    pub pareto: ParetoStatus,
    /// How the balanced score was built.
    pub explanation: Explanation,
}

/// Scores and ranks a backlog. The result is sorted best first; equal scores
/// are ordered by id, so the order never depends on input order.
///
/// Fails with [`Error::Invalid`] listing every problem when the backlog is
/// invalid, or with [`Error::InvalidOption`] for a bad option.
///
/// ```
/// use twosided::{example_backlog, score, ScoreOptions};
/// let options = ScoreOptions { buyer_weight: 1.0, ..ScoreOptions::default() };
/// let ranked = score(&example_backlog(), &options).unwrap();
/// assert!(ranked.windows(2).all(|p| p[0].buyer.value >= p[1].buyer.value));
/// ```
pub fn score(backlog: &Backlog, options: &ScoreOptions) -> Result<Vec<ScoredInitiative>, Error> {
    let problems = validate(backlog);
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    let sides = side_scores(backlog, options)?;
    Ok(rank_scored(backlog, sides, options)?.results)
}

/// Both sides' scores for every initiative, on the common footing.
pub(crate) fn side_scores(
    backlog: &Backlog,
    options: &ScoreOptions,
) -> Result<Vec<[SideScore; 2]>, Error> {
    let scorer = scorer(backlog, options)?;
    let raws = each_side(backlog, |index, initiative, side| {
        scorer.score_side(backlog, index, initiative, side)
    })?;
    let conversions = conversions(&backlog.footing, scorer.counts_people(), || {
        largest_magnitudes(raws.iter().map(|[b, s]| [b.value, s.value]))
    });
    raws.into_iter()
        .enumerate()
        .map(|(index, [b, s])| {
            let buyer = on_footing(b, conversions[0], backlog, index, Side::Buyer)?;
            let seller = on_footing(s, conversions[1], backlog, index, Side::Seller)?;
            Ok([buyer, seller])
        })
        .collect()
}

/// Both sides' values on the common footing, as [`side_scores`] gives them,
/// without building explanations: the fast path for re-ranking, sweeps and
/// simulations.
pub(crate) fn side_values(
    backlog: &Backlog,
    options: &ScoreOptions,
) -> Result<Vec<(f64, f64)>, Error> {
    let scorer = scorer(backlog, options)?;
    let raws = each_side(backlog, |index, initiative, side| {
        scorer.value_side(backlog, index, initiative, side)
    })?;
    let [buyer, seller] = conversions(&backlog.footing, scorer.counts_people(), || {
        largest_magnitudes(raws.iter().copied())
    });
    raws.into_iter()
        .enumerate()
        .map(|(index, [b, s])| {
            let values = (buyer.apply(b), seller.apply(s));
            if values.0.is_finite() && values.1.is_finite() {
                Ok(values)
            } else {
                let side = if values.0.is_finite() {
                    Side::Seller
                } else {
                    Side::Buyer
                };
                // The full scorer names the calculation that overflowed.
                let detail = backlog
                    .initiatives
                    .get(index)
                    .and_then(|initiative| scorer.score_side(backlog, index, initiative, side).ok())
                    .map(|raw| raw.explanation.sentence)
                    .unwrap_or_default();
                Err(Error::NotFinite {
                    path: format!("initiatives[{index}].{}", side.key()),
                    detail,
                })
            }
        })
        .collect()
}

/// The scorer of the chosen framework.
fn scorer(backlog: &Backlog, options: &ScoreOptions) -> Result<Box<dyn Scorer>, Error> {
    Ok(match options.framework {
        Framework::Rice => Box::new(Rice),
        Framework::Ice => Box::new(Ice {
            combination: options.ice,
        }),
        Framework::Wsjf => Box::new(Wsjf),
        Framework::Scorecard => Box::new(Scorecard::new(&options.scorecard, backlog)?),
        Framework::Custom => Box::new(crate::formula::scorer_for(
            options.formula.as_deref(),
            backlog,
        )?),
    })
}

/// Runs `score` for both sides of every initiative, collecting every
/// problem (not only the first).
fn each_side<T>(
    backlog: &Backlog,
    score: impl Fn(usize, &crate::Initiative, Side) -> Result<T, crate::Problem>,
) -> Result<Vec<[T; 2]>, Error> {
    let mut scored = Vec::with_capacity(backlog.initiatives.len());
    let mut problems = Vec::new();
    for (index, initiative) in backlog.initiatives.iter().enumerate() {
        match (
            score(index, initiative, Side::Buyer),
            score(index, initiative, Side::Seller),
        ) {
            (Ok(b), Ok(s)) => scored.push([b, s]),
            (b, s) => {
                // Inputs shared by both sides (ICE, WSJF, scorecard) fail the
                // same way for each side: report such a problem once.
                let (buyer_problem, seller_problem) = (b.err(), s.err());
                let seller_problem = seller_problem.filter(|p| Some(p) != buyer_problem.as_ref());
                problems.extend(buyer_problem.into_iter().chain(seller_problem));
            }
        }
    }
    if problems.is_empty() {
        Ok(scored)
    } else {
        Err(Error::Invalid(problems))
    }
}

/// How one side's raw values are put on the common footing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Conversion {
    /// Already comparable: the value is the raw value.
    Same,
    /// Multiplied by the value of one unit of reach on this side.
    UnitValue(f64),
    /// Divided by the largest magnitude on this side (0 if every value is 0).
    DividedBy(f64),
}

/// A unit value prices reach, so it applies to frameworks whose scores count
/// people reached (RICE, and formulas that use reach). ICE, WSJF and
/// scorecards are judgements on one shared scale already: multiplying them by
/// a price per person would let one side swamp the other for no reason.
///
/// `largest` gives each side's largest magnitude; it is only called for
/// [`Footing::ScaledToLargest`].
pub(crate) fn conversions(
    footing: &Footing,
    counts_people: bool,
    largest: impl FnOnce() -> [f64; 2],
) -> [Conversion; 2] {
    match footing {
        Footing::UnitValue { buyer, seller, .. } if counts_people => [
            Conversion::UnitValue(*buyer),
            Conversion::UnitValue(*seller),
        ],
        Footing::UnitValue { .. } => [Conversion::Same; 2],
        Footing::ScaledToLargest => largest().map(Conversion::DividedBy),
    }
}

/// Each side's largest magnitude (0 for none).
pub(crate) fn largest_magnitudes(values: impl Iterator<Item = [f64; 2]>) -> [f64; 2] {
    values.fold([0.0, 0.0], |[b, s], [vb, vs]| {
        [f64::max(b, vb.abs()), f64::max(s, vs.abs())]
    })
}

impl Conversion {
    /// A raw value on the footing.
    pub(crate) fn apply(self, raw: f64) -> f64 {
        match self {
            Conversion::Same => raw,
            Conversion::UnitValue(price) => raw * price,
            Conversion::DividedBy(largest) if largest > 0.0 => raw / largest,
            Conversion::DividedBy(_) => 0.0,
        }
    }
}

fn on_footing(
    raw: SideRaw,
    conversion: Conversion,
    backlog: &Backlog,
    index: usize,
    side: Side,
) -> Result<SideScore, Error> {
    let value = conversion.apply(raw.value);
    if !value.is_finite() {
        return Err(Error::NotFinite {
            path: format!("initiatives[{index}].{}", side.key()),
            detail: raw.explanation.sentence,
        });
    }
    let mut explanation = raw.explanation;
    match conversion {
        Conversion::UnitValue(price) if price != 1.0 => {
            let unit = match &backlog.footing {
                Footing::UnitValue {
                    unit: Some(unit), ..
                } => unit.as_str(),
                _ => "value",
            };
            explanation.sentence.push_str(&format!(
                "; x {} {unit} per {} = {}",
                Number(price),
                side.key(),
                Number(value)
            ));
            explanation.terms.push(Term::new("value per unit", price));
        }
        Conversion::DividedBy(largest) => {
            explanation.sentence.push_str(&format!(
                "; / {} (the largest on this side) = {}",
                Number(largest),
                Number(value)
            ));
            explanation
                .terms
                .push(Term::new("largest on this side", largest));
        }
        Conversion::Same | Conversion::UnitValue(_) => {}
    }
    Ok(SideScore {
        raw: raw.value,
        value,
        explanation,
    })
}

/// The outcome of ranking: results best first.
pub(crate) struct Ranked {
    pub results: Vec<ScoredInitiative>,
}

/// Balances, finds the frontier and ranks already-computed side scores.
pub(crate) fn rank_scored(
    backlog: &Backlog,
    sides: Vec<[SideScore; 2]>,
    options: &ScoreOptions,
) -> Result<Ranked, Error> {
    let balance_options = options.balance();
    balance_options.check()?;
    let values: Vec<(f64, f64)> = sides.iter().map(|[b, s]| (b.value, s.value)).collect();
    let ids: Vec<&str> = backlog.initiatives.iter().map(|i| i.id.as_str()).collect();
    let frontier = balance::pareto_frontier(&values, &ids);
    let floor = balance::nash_floor(&values);
    let mut results = Vec::with_capacity(sides.len());
    for (index, ((initiative, [buyer, seller]), pareto)) in backlog
        .initiatives
        .iter()
        .zip(sides)
        .zip(frontier)
        .enumerate()
    {
        let balanced = balance::balance(buyer.value, seller.value, &balance_options, floor);
        if !balanced.score.is_finite() {
            return Err(Error::NotFinite {
                path: format!("initiatives[{index}]"),
                detail: format!("{} balancing", options.strategy.label()),
            });
        }
        let explanation = balance::explain(
            buyer.value,
            seller.value,
            &balanced,
            &balance_options,
            floor,
            &backlog.side_names,
        );
        results.push(ScoredInitiative {
            id: initiative.id.clone(),
            name: initiative.name.clone(),
            index,
            kind: initiative.kind,
            buyer,
            seller,
            score: balanced.score,
            rank: None,
            guardrail_violated: balanced.violates_guardrail,
            pareto,
            explanation,
        });
    }
    results.sort_by(compare_results);
    let exclude = options.strategy == Strategy::Guardrail
        && options.guardrail.violators == ViolatorHandling::Exclude;
    let mut next_rank = 1;
    for result in &mut results {
        if exclude && result.guardrail_violated {
            continue;
        }
        result.rank = Some(next_rank);
        next_rank = next_rank.saturating_add(1);
    }
    Ok(Ranked { results })
}

/// The total order: guardrail violators last, then score descending, then id.
pub(crate) fn compare_results(a: &ScoredInitiative, b: &ScoredInitiative) -> Ordering {
    a.guardrail_violated
        .cmp(&b.guardrail_violated)
        .then(b.score.total_cmp(&a.score))
        .then_with(|| a.id.cmp(&b.id))
}
