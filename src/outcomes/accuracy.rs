//! Estimate accuracy across many reviews: median ratio, spread, tendency,
//! and the portfolio hit rate.

use super::compare::{field_label, Field, InitiativeReview, Verdict, COMPARED};
use super::stats::quartiles;
use super::ReviewOptions;
use crate::model::{Backlog, Side};
use crate::scoring::{format_number, format_percent};
use serde::{Deserialize, Serialize};

/// Which way one estimate tends to miss.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Tendency {
    /// Actuals run above the estimates (for effort: under-estimated).
    EstimatesLow,
    /// Actuals run below the estimates (for reach or impact: over-optimistic).
    EstimatesHigh,
    /// The median ratio is within the tolerance of 1.
    AboutRight,
    /// Fewer comparisons than `minReviewed`: no tendency is claimed.
    TooFewData,
}

/// How accurate one estimate (field and side) has been.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldAccuracy {
    /// Which estimate.
    pub field: Field,
    /// Which side, for reach and impact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub side: Option<Side>,
    /// How many initiatives give a ratio (actual / estimated).
    pub count: usize,
    /// The median of actual / estimated.
    pub median_ratio: Option<f64>,
    /// The lower quartile of the ratios.
    pub lower_quartile: Option<f64>,
    /// The upper quartile of the ratios.
    pub upper_quartile: Option<f64>,
    /// Upper minus lower quartile: the spread of the middle half.
    pub interquartile_range: Option<f64>,
    /// How many actuals came in above their estimate.
    pub above_estimate: usize,
    /// How many came in below.
    pub below_estimate: usize,
    /// Which way the estimates tend to miss.
    pub tendency: Tendency,
    /// All of it in one sentence.
    pub sentence: String,
}

/// Accuracy and hit rate within one problem space.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupAccuracy {
    /// The problem space ("" for initiatives without one).
    pub problem_space: String,
    /// Its launched or reviewed initiatives.
    pub launched: usize,
    /// Its hit rate.
    pub hit_rate: HitRate,
    /// Accuracy per estimate, in the order effort, then reach and impact per side.
    pub fields: Vec<FieldAccuracy>,
}

/// How many launched initiatives met their success criterion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HitRate {
    /// Initiatives that met their criterion.
    pub met: usize,
    /// Initiatives that missed it.
    pub missed: usize,
    /// Launched initiatives that cannot be judged (yet).
    pub not_judged: usize,
    /// met / (met + missed); absent when nothing could be judged.
    pub rate: Option<f64>,
    /// All of it in one sentence.
    pub sentence: String,
}

pub(crate) fn hit_rate(reviews: &[&InitiativeReview]) -> HitRate {
    let count = |verdict| reviews.iter().filter(|r| r.verdict == verdict).count();
    let (met, missed, not_judged) = (
        count(Verdict::Met),
        count(Verdict::Missed),
        count(Verdict::NotJudged),
    );
    let judged = met.saturating_add(missed);
    let rate = (judged > 0).then(|| met as f64 / judged as f64);
    let mut sentence = match rate {
        Some(rate) => format!(
            "{met} of {judged} judged initiatives met their success criterion ({}).",
            format_percent(rate)
        ),
        None => "No launched initiative can be judged against its success criterion yet.".into(),
    };
    if not_judged > 0 && judged > 0 {
        sentence.push_str(&format!(
            " {not_judged} more cannot be judged yet (no numeric goal or no observed value)."
        ));
    }
    HitRate {
        met,
        missed,
        not_judged,
        rate,
        sentence,
    }
}

/// Accuracy of every compared field over some reviews.
pub(crate) fn field_accuracies(
    backlog: &Backlog,
    reviews: &[&InitiativeReview],
    options: &ReviewOptions,
) -> Vec<FieldAccuracy> {
    COMPARED
        .iter()
        .map(|&(field, side)| {
            let ratios: Vec<f64> = reviews
                .iter()
                .flat_map(|r| &r.comparisons)
                .filter(|c| c.field == field && c.side == side)
                .filter_map(|c| c.ratio)
                .collect();
            field_accuracy(backlog, field, side, &ratios, options)
        })
        .collect()
}

fn field_accuracy(
    backlog: &Backlog,
    field: Field,
    side: Option<Side>,
    ratios: &[f64],
    options: &ReviewOptions,
) -> FieldAccuracy {
    let count = ratios.len();
    let quartiles = quartiles(ratios);
    let tendency = match quartiles {
        Some(q) if count >= options.min_reviewed => tendency(q.median, options.tolerance),
        _ => Tendency::TooFewData,
    };
    let above_estimate = ratios.iter().filter(|&&r| r > 1.0).count();
    let below_estimate = ratios.iter().filter(|&&r| r < 1.0).count();
    let label = field_label(backlog, field, side);
    let sentence = match quartiles {
        None => format!("{label}: no comparisons yet."),
        Some(q) => {
            let mut text = format!(
                "{label}: actual was {} times the estimate (median of {count}; middle half {} to {})",
                format_number(q.median),
                format_number(q.lower),
                format_number(q.upper)
            );
            text.push_str(&match tendency {
                Tendency::EstimatesLow => format!(
                    "; estimates run low (actual above the estimate in {above_estimate} of {count})."
                ),
                Tendency::EstimatesHigh => format!(
                    "; estimates run high (actual below the estimate in {below_estimate} of {count})."
                ),
                Tendency::AboutRight => format!(
                    "; within {} of the estimates, about right.",
                    format_percent(options.tolerance)
                ),
                Tendency::TooFewData => format!(
                    "; fewer than {} comparisons, too few to claim a tendency.",
                    options.min_reviewed
                ),
            });
            text
        }
    };
    FieldAccuracy {
        field,
        side,
        count,
        median_ratio: quartiles.map(|q| q.median),
        lower_quartile: quartiles.map(|q| q.lower),
        upper_quartile: quartiles.map(|q| q.upper),
        interquartile_range: quartiles.map(|q| q.upper - q.lower),
        above_estimate,
        below_estimate,
        tendency,
        sentence,
    }
}

/// Low when the median ratio is at least 1 + tolerance, high when it is at
/// most 1 / (1 + tolerance): symmetric on a ratio scale, so "1.1 times low"
/// and "1.1 times high" are equally far from right.
fn tendency(median: f64, tolerance: f64) -> Tendency {
    let bound = 1.0 + tolerance;
    if median >= bound {
        Tendency::EstimatesLow
    } else if median <= 1.0 / bound {
        // Includes medians at or below 0: actuals opposite in sign to the
        // estimates, which overshot.
        Tendency::EstimatesHigh
    } else {
        Tendency::AboutRight
    }
}
