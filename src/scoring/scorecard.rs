//! Weighted scorecards: named criteria with weights, on absolute scales or
//! min-max normalised across the backlog.

use super::{side_title, Explanation, Number, Scorer, SideRaw, Term};
use crate::model::{Backlog, Initiative, Side};
use crate::{Error, Problem, ProblemCode};
use serde::{Deserialize, Serialize};

/// How criterion values are put on 0-100 before weighting.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Normalisation {
    /// Value divided by the criterion's scale maximum, x 100. Stable: a
    /// score never moves because another initiative was added. Signed, so
    /// harm stays negative.
    #[default]
    Absolute,
    /// (value - lowest) / (highest - lowest) x 100 across the backlog. Common
    /// in spreadsheets, but a score moves when another initiative is added.
    MinMax,
}

/// One criterion of a scorecard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ScorecardCriterion {
    /// The key initiatives use in their `criteria`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Relative weight (>= 0).
    pub weight: f64,
    /// The largest magnitude on the absolute scale (for example 5 for -5..5).
    #[serde(default = "five")]
    pub scale_max: f64,
    /// True for a cost: lower values are better.
    #[serde(default)]
    pub lower_is_better: bool,
}

fn five() -> f64 {
    5.0
}

/// Scorecard settings: the criteria and the normalisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ScorecardOptions {
    /// The criteria and weights.
    pub criteria: Vec<ScorecardCriterion>,
    /// Absolute scales (default) or min-max.
    #[serde(default)]
    pub normalisation: Normalisation,
}

impl Default for ScorecardOptions {
    /// The business-outcomes preset: conversion 40%, margin 20%,
    /// acquisition 20%, retention 20%, each scored -5..5 per side.
    fn default() -> Self {
        let criterion = |id: &str, name: &str, weight: f64| ScorecardCriterion {
            id: id.into(),
            name: name.into(),
            weight,
            scale_max: 5.0,
            lower_is_better: false,
        };
        ScorecardOptions {
            criteria: vec![
                criterion("conversion", "Conversion", 0.4),
                criterion("margin", "Margin", 0.2),
                criterion("acquisition", "Acquisition", 0.2),
                criterion("retention", "Retention", 0.2),
            ],
            normalisation: Normalisation::Absolute,
        }
    }
}

/// A weighted scorecard, prepared for one backlog (min-max needs the span of
/// every criterion first). A side's score is the weighted mean of its
/// normalised criterion values, on -100..100.
#[derive(Debug, Clone)]
pub struct Scorecard {
    options: ScorecardOptions,
    /// Per criterion and side: (lowest, highest) across the backlog.
    spans: Vec<[(f64, f64); 2]>,
    total_weight: f64,
}

impl Scorecard {
    /// Checks the options and prepares the scorecard for `backlog`.
    pub fn new(options: &ScorecardOptions, backlog: &Backlog) -> Result<Self, Error> {
        if options.criteria.is_empty() || options.criteria.len() > crate::limits::MAX_CRITERIA {
            return Err(Error::option(
                "options.scorecard.criteria",
                format!(
                    "a scorecard needs between 1 and {} criteria",
                    crate::limits::MAX_CRITERIA
                ),
            ));
        }
        for (i, criterion) in options.criteria.iter().enumerate() {
            let path = format!("options.scorecard.criteria[{i}]");
            if !(criterion.weight.is_finite() && criterion.weight >= 0.0) {
                return Err(Error::option(
                    format!("{path}.weight"),
                    "a weight must be a number of 0 or more",
                ));
            }
            if !(criterion.scale_max.is_finite() && criterion.scale_max > 0.0) {
                return Err(Error::option(
                    format!("{path}.scaleMax"),
                    "the scale maximum must be above 0",
                ));
            }
        }
        let total_weight: f64 = options.criteria.iter().map(|c| c.weight).sum();
        if total_weight <= 0.0 {
            return Err(Error::option(
                "options.scorecard.criteria",
                "at least one criterion needs a weight above 0",
            ));
        }
        let spans = options
            .criteria
            .iter()
            .map(|criterion| {
                Side::BOTH.map(|side| {
                    backlog
                        .initiatives
                        .iter()
                        .filter_map(|i| i.criteria.get(&criterion.id))
                        .map(|v| v.for_side(side))
                        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
                            (lo.min(v), hi.max(v))
                        })
                })
            })
            .collect();
        Ok(Scorecard {
            options: options.clone(),
            spans,
            total_weight,
        })
    }

    fn normalise(&self, criterion_index: usize, side: Side, value: f64) -> f64 {
        let Some(criterion) = self.options.criteria.get(criterion_index) else {
            return 0.0;
        };
        let normalised = match self.options.normalisation {
            Normalisation::Absolute => value / criterion.scale_max * 100.0,
            Normalisation::MinMax => {
                let side_index = usize::from(side == Side::Seller);
                let (lo, hi) = self
                    .spans
                    .get(criterion_index)
                    .and_then(|s| s.get(side_index))
                    .copied()
                    .unwrap_or((0.0, 0.0));
                if hi > lo {
                    (value - lo) / (hi - lo) * 100.0
                } else {
                    // Every initiative has the same value: it tells nothing apart.
                    0.0
                }
            }
        };
        if criterion.lower_is_better {
            match self.options.normalisation {
                Normalisation::Absolute => -normalised,
                Normalisation::MinMax => 100.0 - normalised,
            }
        } else {
            normalised
        }
    }
}

impl Scorer for Scorecard {
    fn label(&self) -> &'static str {
        "Scorecard"
    }

    fn score_side(
        &self,
        backlog: &Backlog,
        index: usize,
        initiative: &Initiative,
        side: Side,
    ) -> Result<SideRaw, Problem> {
        let mut weighted = 0.0;
        let mut terms = Vec::new();
        let mut parts = Vec::new();
        for (criterion_index, criterion) in self.options.criteria.iter().enumerate() {
            let (value, normalised) =
                self.criterion_value(index, initiative, criterion_index, side)?;
            weighted += criterion.weight * normalised;
            terms.push(Term::new(criterion.name.clone(), value));
            parts.push(format!(
                "{} {} x {}",
                criterion.name,
                Number(normalised),
                Number(criterion.weight)
            ));
        }
        let value = weighted / self.total_weight;
        Ok(SideRaw {
            value,
            explanation: Explanation {
                sentence: format!(
                    "{} scorecard {} = ({}) / {} total weight",
                    side_title(backlog, side),
                    Number(value),
                    parts.join(" + "),
                    Number(self.total_weight)
                ),
                terms,
            },
        })
    }

    fn value_side(
        &self,
        _backlog: &Backlog,
        index: usize,
        initiative: &Initiative,
        side: Side,
    ) -> Result<f64, Problem> {
        let mut weighted = 0.0;
        for (criterion_index, criterion) in self.options.criteria.iter().enumerate() {
            let (_, normalised) = self.criterion_value(index, initiative, criterion_index, side)?;
            weighted += criterion.weight * normalised;
        }
        Ok(weighted / self.total_weight)
    }
}

impl Scorecard {
    /// One criterion's value for this side, as entered and normalised.
    fn criterion_value(
        &self,
        index: usize,
        initiative: &Initiative,
        criterion_index: usize,
        side: Side,
    ) -> Result<(f64, f64), Problem> {
        let Some(criterion) = self.options.criteria.get(criterion_index) else {
            return Ok((0.0, 0.0));
        };
        let value = initiative
            .criteria
            .get(&criterion.id)
            .ok_or_else(|| {
                Problem::new(
                    ProblemCode::MissingInputs,
                    format!("initiatives[{index}].criteria.{}", criterion.id),
                    format!("The scorecard needs a value for \"{}\".", criterion.name),
                )
            })?
            .for_side(side);
        Ok((value, self.normalise(criterion_index, side, value)))
    }
}
