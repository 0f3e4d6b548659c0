//! Hypotheses, success criteria, post-launch reviews and calibration of
//! estimates.
//!
//! Each initiative can carry a numeric goal ([`crate::model::Goal`]: the
//! target metric's baseline and target), a [`crate::model::Status`], and
//! once launched an [`crate::model::Outcome`]: actual effort, actual reach
//! and impact per side, the metric's observed value or movement, and what the
//! team learned. [`review_outcomes`] then answers:
//!
//! - did each launched initiative meet its success criterion, and what is
//!   the portfolio's hit rate;
//! - how accurate were the estimates: actual / estimated per field (effort,
//!   reach, impact) and side, overall and per problem space, as a median
//!   ratio with the quartiles around it; does effort tend to be
//!   under-estimated;
//! - which corrections to new estimates follow, such as "effort estimates in
//!   checkout run 1.6 times low". Corrections are only suggested from at
//!   least [`ReviewOptions::min_reviewed`] comparisons, and only applied when
//!   asked, by [`apply_corrections`], which lists every change.
//!
//! ```
//! use twosided::outcomes::{review_outcomes, ReviewOptions};
//! use twosided::example_backlog;
//! let review = review_outcomes(&example_backlog(), &ReviewOptions::default()).unwrap();
//! println!("{}", review.hit_rate.sentence);
//! for correction in &review.corrections {
//!     println!("{}", correction.sentence);
//! }
//! ```

mod accuracy;
pub(crate) mod checks;
mod compare;
mod correct;
mod example;
mod stats;

pub use accuracy::{FieldAccuracy, GroupAccuracy, HitRate, Tendency};
pub(crate) use checks::check_initiative;
pub use compare::{Comparison, Field, InitiativeReview, Verdict};
pub use correct::{
    apply_corrections, corrected_backlog, AppliedCorrection, CorrectedBacklog, Correction,
};
pub(crate) use example::add_review_history;

use crate::model::Backlog;
use crate::scoring::format_percent;
use crate::{validate, Error};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Largest magnitude of a metric value (baseline, target, observed, movement).
pub const MAX_METRIC_MAGNITUDE: f64 = 1e12;
/// Most corrections applied at once.
pub const MAX_CORRECTIONS: usize = 256;
/// Smallest correction factor: estimates shrunk a hundredfold at most.
pub const MIN_FACTOR: f64 = 0.01;
/// Largest correction factor: estimates grown a hundredfold at most.
pub const MAX_FACTOR: f64 = 100.0;

/// How a review judges accuracy and suggests corrections.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReviewOptions {
    /// The fewest comparisons of one estimate (reviewed initiatives) before
    /// a tendency is claimed or a correction suggested. Default 3, the
    /// fewest whose median is not just one value or the mean of two; at
    /// least 2.
    #[serde(default = "three")]
    pub min_reviewed: usize,
    /// How far the median ratio must be from 1 before a correction is
    /// suggested: 0.1 (the default) means at least 1.1 times low or high.
    #[serde(default = "one_tenth")]
    pub tolerance: f64,
}

fn three() -> usize {
    3
}

fn one_tenth() -> f64 {
    0.1
}

impl Default for ReviewOptions {
    fn default() -> Self {
        ReviewOptions {
            min_reviewed: three(),
            tolerance: one_tenth(),
        }
    }
}

impl ReviewOptions {
    /// Checks the options are in range.
    pub fn check(&self) -> Result<(), Error> {
        if !(2..=crate::limits::MAX_INITIATIVES).contains(&self.min_reviewed) {
            return Err(Error::option(
                "options.minReviewed",
                "a tendency needs at least 2 reviewed initiatives (and at most the backlog's limit)",
            ));
        }
        if !(self.tolerance.is_finite() && (0.0..=10.0).contains(&self.tolerance)) {
            return Err(Error::option(
                "options.tolerance",
                "the tolerance must be from 0 to 10 (0.1 means 10%)",
            ));
        }
        Ok(())
    }
}

/// The post-launch review of a whole backlog.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Review {
    /// Every launched or reviewed initiative, in backlog order.
    pub initiatives: Vec<InitiativeReview>,
    /// How many met their success criterion.
    pub hit_rate: HitRate,
    /// Estimate accuracy over all of them.
    pub overall: Vec<FieldAccuracy>,
    /// Estimate accuracy per problem space, in alphabetical order.
    pub by_problem_space: Vec<GroupAccuracy>,
    /// Whether effort tends to be under-estimated; absent with too few
    /// comparisons to tell.
    pub effort_underestimated: Option<bool>,
    /// Suggested corrections for new estimates (none applied).
    pub corrections: Vec<Correction>,
    /// What the review can and cannot say, in plain sentences.
    pub notes: Vec<String>,
}

/// Reviews every launched or reviewed initiative of a backlog: verdicts,
/// hit rate, estimate accuracy and suggested corrections. The backlog is
/// validated first, so every number used is finite and in range.
///
/// ```
/// use twosided::model::{Goal, Outcome, Status};
/// use twosided::outcomes::{review_outcomes, ReviewOptions, Verdict};
/// use twosided::{Backlog, Initiative};
/// let shipped = Initiative {
///     id: "saved-cards".into(),
///     name: "Saved cards".into(),
///     target_metric: "conversion".into(),
///     goal: Some(Goal { baseline: 3.1, target: 3.4, unit: "%".into(), ..Goal::default() }),
///     status: Status::Reviewed,
///     outcome: Some(Outcome { effort: Some(3.0), observed: Some(3.5), ..Outcome::default() }),
///     effort: 2.0.into(),
///     ..Initiative::default()
/// };
/// let backlog = Backlog { initiatives: vec![shipped], ..Backlog::default() };
/// let review = review_outcomes(&backlog, &ReviewOptions::default()).unwrap();
/// assert_eq!(review.initiatives[0].verdict, Verdict::Met);
/// assert_eq!(review.initiatives[0].comparisons[0].ratio, Some(1.5));
/// assert_eq!(review.hit_rate.rate, Some(1.0));
/// assert!(review.corrections.is_empty()); // one review is too few
/// ```
pub fn review_outcomes(backlog: &Backlog, options: &ReviewOptions) -> Result<Review, Error> {
    options.check()?;
    let problems = validate(backlog);
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    let initiatives: Vec<InitiativeReview> = backlog
        .initiatives
        .iter()
        .enumerate()
        .filter(|(_, i)| i.status.has_launched())
        .map(|(index, i)| compare::review_initiative(index, i))
        .collect();
    let all: Vec<&InitiativeReview> = initiatives.iter().collect();
    let overall = accuracy::field_accuracies(backlog, &all, options);
    let mut groups: BTreeMap<&str, Vec<&InitiativeReview>> = BTreeMap::new();
    for review in &initiatives {
        groups
            .entry(review.problem_space.as_str())
            .or_default()
            .push(review);
    }
    let by_problem_space: Vec<GroupAccuracy> = groups
        .into_iter()
        .map(|(space, reviews)| GroupAccuracy {
            problem_space: space.to_string(),
            launched: reviews.len(),
            hit_rate: accuracy::hit_rate(&reviews),
            fields: accuracy::field_accuracies(backlog, &reviews, options),
        })
        .collect();
    let effort_underestimated = overall
        .iter()
        .find(|a| a.field == Field::Effort)
        .and_then(|a| match a.tendency {
            Tendency::EstimatesLow => Some(true),
            Tendency::EstimatesHigh | Tendency::AboutRight => Some(false),
            Tendency::TooFewData => None,
        });
    let corrections = correct::suggest(backlog, &overall, &by_problem_space, options);
    let notes = notes(&initiatives, &overall, &corrections, options);
    Ok(Review {
        hit_rate: accuracy::hit_rate(&all),
        initiatives,
        overall,
        by_problem_space,
        effort_underestimated,
        corrections,
        notes,
    })
}

/// Honest statements of what the data can support.
fn notes(
    initiatives: &[InitiativeReview],
    overall: &[FieldAccuracy],
    corrections: &[Correction],
    options: &ReviewOptions,
) -> Vec<String> {
    let mut notes = Vec::new();
    if initiatives.is_empty() {
        notes.push(
            "No initiative is launched or reviewed yet, so there is nothing to review.".into(),
        );
        return notes;
    }
    let with_comparisons = initiatives
        .iter()
        .filter(|r| !r.comparisons.is_empty())
        .count();
    let enough = overall.iter().any(|a| a.count >= options.min_reviewed);
    if !enough {
        notes.push(format!(
            "Only {with_comparisons} launched initiatives compare an estimate with an actual; a tendency or correction needs at least {} comparisons of the same estimate, so none is claimed.",
            options.min_reviewed
        ));
    } else if corrections.is_empty() {
        notes.push(format!(
            "No correction is suggested: where there are at least {} comparisons, effort and reach estimates are within {} of the actuals, or the problem spaces have too few reviews.",
            options.min_reviewed,
            format_percent(options.tolerance)
        ));
    }
    if overall
        .iter()
        .any(|a| a.field == Field::Impact && a.count > 0)
    {
        notes.push("Impact is estimated on a level scale, so its accuracy is reported but never corrected automatically.".into());
    }
    if !corrections.is_empty() {
        notes.push("Corrections are suggestions: rankings change only when they are applied, and each change is listed.".into());
    }
    notes
}
