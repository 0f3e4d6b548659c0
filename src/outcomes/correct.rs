//! Corrections for new estimates: suggested from the reviews, applied only
//! when asked, and every change explained.

use super::accuracy::{FieldAccuracy, GroupAccuracy, Tendency};
use super::compare::{field_label, Field};
use super::{review_outcomes, ReviewOptions, MAX_CORRECTIONS, MAX_FACTOR, MIN_FACTOR};
use crate::limits::MAX_NAME_BYTES;
use crate::model::{Backlog, Estimate, Initiative, Side};
use crate::scoring::format_number;
use crate::{validate, Error};
use serde::{Deserialize, Serialize};

/// A suggested correction: multiply one kind of new estimate by `factor`.
///
/// Only effort and reach are corrected. Impact is estimated on a level scale
/// (3, 2, 1, 0.5, 0.25), so a scaled impact would fall between levels; its
/// accuracy is reported but never corrected. Effort corrections change the
/// RICE effort only, not WSJF job size or ICE ease.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Correction {
    /// `effort` or `reach`.
    pub field: Field,
    /// The side, for reach; absent for effort.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub side: Option<Side>,
    /// The problem space it applies to; absent for the overall correction,
    /// which applies to every problem space not listed in
    /// `exceptProblemSpaces`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub problem_space: Option<String>,
    /// Problem spaces with enough reviews of their own, which the overall
    /// correction leaves alone.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub except_problem_spaces: Vec<String>,
    /// What new estimates are multiplied by: the median of actual / estimated.
    pub factor: f64,
    /// How many reviewed initiatives it is based on.
    #[serde(default)]
    pub based_on: usize,
    /// The suggestion in words (output only; ignored when applying).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub sentence: String,
}

/// One estimate changed by a correction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AppliedCorrection {
    /// The initiative's id.
    pub id: String,
    /// Its position in the backlog.
    pub index: usize,
    /// The estimate changed, such as `initiatives[4].effort`.
    pub path: String,
    /// `effort` or `reach`.
    pub field: Field,
    /// The side, for reach.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub side: Option<Side>,
    /// The likely value before.
    pub from: f64,
    /// The likely value after.
    pub to: f64,
    /// The factor applied.
    pub factor: f64,
    /// Why, in one sentence that says a correction was applied.
    pub explanation: String,
}

/// A backlog with corrections applied, and every change listed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CorrectedBacklog {
    /// A copy of the backlog with the corrected estimates.
    pub backlog: Backlog,
    /// Every estimate changed, in backlog order.
    pub changes: Vec<AppliedCorrection>,
    /// A summary, such as "Corrections applied to 5 estimates of 4 initiatives not launched yet."
    pub sentence: String,
}

/// Suggests corrections from the accuracy figures: a problem space's own
/// when it has at least `minReviewed` comparisons, and an overall one for the
/// problem spaces that do not.
pub(crate) fn suggest(
    backlog: &Backlog,
    overall: &[FieldAccuracy],
    groups: &[GroupAccuracy],
    options: &ReviewOptions,
) -> Vec<Correction> {
    let mut corrections = Vec::new();
    for (field, side) in [
        (Field::Effort, None),
        (Field::Reach, Some(Side::Buyer)),
        (Field::Reach, Some(Side::Seller)),
    ] {
        let find = |fields: &[FieldAccuracy]| {
            fields
                .iter()
                .find(|a| a.field == field && a.side == side)
                .cloned()
        };
        let mut with_own_data = Vec::new();
        for group in groups {
            let Some(accuracy) = find(&group.fields) else {
                continue;
            };
            if accuracy.count < options.min_reviewed {
                continue;
            }
            with_own_data.push(group.problem_space.clone());
            if let Some(factor) = correctable(&accuracy) {
                corrections.push(described(
                    backlog,
                    Correction {
                        field,
                        side,
                        problem_space: Some(group.problem_space.clone()),
                        except_problem_spaces: Vec::new(),
                        factor,
                        based_on: accuracy.count,
                        sentence: String::new(),
                    },
                ));
            }
        }
        let Some(accuracy) = find(overall) else {
            continue;
        };
        let applies_somewhere = backlog
            .initiatives
            .iter()
            .any(|i| !i.status.has_launched() && !with_own_data.contains(&i.problem_space));
        if let (Some(factor), true) = (correctable(&accuracy), applies_somewhere) {
            corrections.push(described(
                backlog,
                Correction {
                    field,
                    side,
                    problem_space: None,
                    except_problem_spaces: with_own_data,
                    factor,
                    based_on: accuracy.count,
                    sentence: String::new(),
                },
            ));
        }
    }
    corrections
}

/// The factor to suggest, when the estimates clearly miss one way and the
/// median can scale an estimate (a median of 0 or less cannot).
fn correctable(accuracy: &FieldAccuracy) -> Option<f64> {
    match accuracy.tendency {
        Tendency::EstimatesLow | Tendency::EstimatesHigh => accuracy
            .median_ratio
            .filter(|m| (MIN_FACTOR..=MAX_FACTOR).contains(m)),
        Tendency::AboutRight | Tendency::TooFewData => None,
    }
}

fn described(backlog: &Backlog, mut correction: Correction) -> Correction {
    correction.sentence = format!(
        "{}: multiply new {} estimates{} by {}.",
        finding(backlog, &correction),
        correction.field.key(),
        if correction.problem_space.is_some() {
            " there"
        } else {
            ""
        },
        format_number(correction.factor)
    );
    correction
}

/// "Effort estimates in checkout run 1.6 times low (median of 4 reviewed
/// initiatives)".
fn finding(backlog: &Backlog, correction: &Correction) -> String {
    let label = field_label(backlog, correction.field, correction.side);
    let scope = match (
        &correction.problem_space,
        correction.except_problem_spaces.is_empty(),
    ) {
        (Some(space), _) if space.is_empty() => " without a problem space".to_string(),
        (Some(space), _) => format!(" in {space}"),
        (None, true) => " across problem spaces".to_string(),
        (None, false) => format!(" outside {}", correction.except_problem_spaces.join(", ")),
    };
    let miss = if correction.factor >= 1.0 {
        format!("{} times low", format_number(correction.factor))
    } else {
        format!("{} times high", format_number(1.0 / correction.factor))
    };
    let all = if correction.problem_space.is_none() {
        "all "
    } else {
        ""
    };
    let basis = if correction.based_on > 0 {
        format!(
            " (median of {all}{} reviewed initiatives)",
            correction.based_on
        )
    } else {
        String::new()
    };
    // "Reach for buyers" reads "reach estimates for buyers".
    let (head, tail) = match label.split_once(" for ") {
        Some((head, tail)) => (head.to_string(), format!(" for {tail}")),
        None => (label, String::new()),
    };
    format!("{head} estimates{tail}{scope} run {miss}{basis}")
}

/// Returns a copy of the backlog with `corrections` applied to every
/// initiative not launched yet (idea, planned, in progress). Launched and
/// reviewed initiatives keep their estimates: they are the record the
/// corrections came from. An initiative takes its own problem space's
/// correction where there is one, else the overall one.
///
/// Nothing is corrected silently: every change is listed with a sentence
/// saying a correction was applied and why.
///
/// Fails with [`Error::Invalid`] for an invalid backlog, and with
/// [`Error::InvalidOption`] (path `corrections[i]...`) for a factor outside
/// 0.01 to 100, an impact correction, a side that does not fit the field, or
/// two corrections for the same estimate and problem space.
///
/// ```
/// use twosided::outcomes::{apply_corrections, Correction, Field};
/// use twosided::{Backlog, Initiative};
/// let backlog = Backlog {
///     initiatives: vec![Initiative {
///         id: "bulk-listing".into(),
///         name: "Bulk listing".into(),
///         problem_space: "seller tools".into(),
///         effort: 2.0.into(),
///         ..Initiative::default()
///     }],
///     ..Backlog::default()
/// };
/// let correction = Correction {
///     field: Field::Effort,
///     side: None,
///     problem_space: Some("seller tools".into()),
///     except_problem_spaces: vec![],
///     factor: 1.5,
///     based_on: 4,
///     sentence: String::new(),
/// };
/// let corrected = apply_corrections(&backlog, &[correction]).unwrap();
/// assert_eq!(corrected.backlog.initiatives[0].effort.likely(), 3.0);
/// assert!(corrected.changes[0].explanation.starts_with("Correction applied"));
/// ```
pub fn apply_corrections(
    backlog: &Backlog,
    corrections: &[Correction],
) -> Result<CorrectedBacklog, Error> {
    let problems = validate(backlog);
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    check_corrections(corrections)?;
    let mut corrected = backlog.clone();
    let mut changes = Vec::new();
    for (index, initiative) in corrected.initiatives.iter_mut().enumerate() {
        if initiative.status.has_launched() {
            continue;
        }
        for (field, side) in [
            (Field::Effort, None),
            (Field::Reach, Some(Side::Buyer)),
            (Field::Reach, Some(Side::Seller)),
        ] {
            if let Some(correction) =
                applicable(corrections, field, side, &initiative.problem_space)
            {
                let reason = finding(backlog, correction);
                apply_one(
                    backlog,
                    initiative,
                    index,
                    correction,
                    &reason,
                    &mut changes,
                );
            }
        }
    }
    let touched = {
        let mut ids: Vec<usize> = changes.iter().map(|c| c.index).collect();
        ids.dedup();
        ids.len()
    };
    let sentence = if changes.is_empty() {
        "No correction applied: no initiative that is not yet launched matches a correction."
            .to_string()
    } else {
        format!(
            "Corrections applied to {} estimates of {touched} initiatives not launched yet; launched and reviewed initiatives keep their estimates.",
            changes.len()
        )
    };
    Ok(CorrectedBacklog {
        backlog: corrected,
        changes,
        sentence,
    })
}

/// Reviews the backlog and applies the suggested corrections: the one call
/// behind a "use corrected estimates" switch.
pub fn corrected_backlog(
    backlog: &Backlog,
    options: &ReviewOptions,
) -> Result<CorrectedBacklog, Error> {
    let review = review_outcomes(backlog, options)?;
    apply_corrections(backlog, &review.corrections)
}

fn check_corrections(corrections: &[Correction]) -> Result<(), Error> {
    if corrections.len() > MAX_CORRECTIONS {
        return Err(Error::LimitExceeded {
            path: "corrections".into(),
            message: format!(
                "{} corrections given; the most is {MAX_CORRECTIONS}",
                corrections.len()
            ),
        });
    }
    for (i, correction) in corrections.iter().enumerate() {
        let path = format!("corrections[{i}]");
        match (correction.field, correction.side) {
            (Field::Impact, _) => {
                return Err(Error::option(
                    format!("{path}.field"),
                    "impact is estimated on a level scale and is never corrected; correct effort or reach",
                ))
            }
            (Field::Effort, Some(_)) => {
                return Err(Error::option(
                    format!("{path}.side"),
                    "effort is shared by both sides: leave the side out",
                ))
            }
            (Field::Reach, None) => {
                return Err(Error::option(
                    format!("{path}.side"),
                    "a reach correction needs a side: buyer or seller",
                ))
            }
            _ => {}
        }
        if !(correction.factor.is_finite()
            && (MIN_FACTOR..=MAX_FACTOR).contains(&correction.factor))
        {
            return Err(Error::option(
                format!("{path}.factor"),
                format!(
                    "a correction factor must be between {} and {}",
                    format_number(MIN_FACTOR),
                    format_number(MAX_FACTOR)
                ),
            ));
        }
        let names = correction
            .problem_space
            .iter()
            .chain(&correction.except_problem_spaces);
        if correction.except_problem_spaces.len() > MAX_CORRECTIONS
            || names.into_iter().any(|n| n.len() > MAX_NAME_BYTES)
        {
            return Err(Error::option(
                format!("{path}.problemSpace"),
                format!("problem space names must be at most {MAX_NAME_BYTES} characters, and at most {MAX_CORRECTIONS} listed"),
            ));
        }
        let duplicate = corrections.iter().take(i).any(|earlier| {
            earlier.field == correction.field
                && earlier.side == correction.side
                && earlier.problem_space == correction.problem_space
        });
        if duplicate {
            return Err(Error::option(
                path,
                "a second correction for the same estimate and problem space: give one for each",
            ));
        }
    }
    Ok(())
}

/// The problem space's own correction, else the overall one unless the
/// problem space is excepted from it.
fn applicable<'a>(
    corrections: &'a [Correction],
    field: Field,
    side: Option<Side>,
    problem_space: &str,
) -> Option<&'a Correction> {
    let matching = || {
        corrections
            .iter()
            .filter(move |c| c.field == field && c.side == side)
    };
    matching()
        .find(|c| c.problem_space.as_deref() == Some(problem_space))
        .or_else(|| {
            matching().find(|c| {
                c.problem_space.is_none()
                    && !c.except_problem_spaces.iter().any(|e| e == problem_space)
            })
        })
}

fn apply_one(
    backlog: &Backlog,
    initiative: &mut Initiative,
    index: usize,
    correction: &Correction,
    reason: &str,
    changes: &mut Vec<AppliedCorrection>,
) {
    let factor = correction.factor;
    let id = initiative.id.clone();
    let mut record = |path: String, what: String, from: f64, to: f64| {
        changes.push(AppliedCorrection {
            id: id.clone(),
            index,
            path,
            field: correction.field,
            side: correction.side,
            from,
            to,
            factor,
            explanation: format!(
                "Correction applied: {what} changed from {} to {} (x {}), because {}.",
                format_number(from),
                format_number(to),
                format_number(factor),
                lowercase_first(reason)
            ),
        });
    };
    let scale = |estimate: &mut Estimate| {
        let from = estimate.likely();
        *estimate = estimate.scaled(factor);
        (from, estimate.likely())
    };
    match correction.side {
        None => {
            let (from, to) = scale(&mut initiative.effort);
            record(
                format!("initiatives[{index}].effort"),
                "effort (person-months)".into(),
                from,
                to,
            );
        }
        Some(side) => {
            let side_name = backlog.side_names.name(side).to_lowercase();
            let Some(estimate) = initiative.side_mut(side).as_mut() else {
                return;
            };
            let side_path = format!("initiatives[{index}].{}", side.key());
            if let Some(reach) = estimate.reach.as_mut() {
                let (from, to) = scale(reach);
                record(
                    format!("{side_path}.reach"),
                    format!("reach for {side_name}"),
                    from,
                    to,
                );
            }
            for (i, segment) in estimate.segments.iter_mut().enumerate() {
                let (from, to) = scale(&mut segment.reach);
                record(
                    format!("{side_path}.segments[{i}].reach"),
                    format!("reach for {side_name} in segment {}", segment.segment),
                    from,
                    to,
                );
            }
        }
    }
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
