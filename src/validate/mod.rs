//! Validation: every problem in a backlog at once, each with a code, a path
//! and a sentence a product manager understands.

mod dependencies;
mod estimates;

use crate::limits::*;
use crate::model::{Backlog, Footing, Side};
use crate::{Problem, ProblemCode};
use std::collections::HashMap;

/// Checks a backlog and returns every problem found; an empty list means
/// the backlog is valid. Never panics, whatever the input.
///
/// ```
/// use twosided::{validate, example_backlog, ProblemCode};
/// assert!(validate(&example_backlog()).is_empty());
///
/// let mut broken = example_backlog();
/// broken.initiatives[3].effort = 0.0.into();
/// let problems = validate(&broken);
/// assert_eq!(problems[0].code, ProblemCode::InvalidEffort);
/// assert_eq!(problems[0].path, "initiatives[3].effort");
/// ```
pub fn validate(backlog: &Backlog) -> Vec<Problem> {
    let mut problems = Vec::new();
    let count = backlog.initiatives.len();
    if count == 0 {
        problems.push(Problem::new(
            ProblemCode::InvalidSize,
            "initiatives",
            "The backlog is empty: add at least one initiative.",
        ));
    }
    if count > MAX_INITIATIVES {
        problems.push(Problem::new(
            ProblemCode::InvalidSize,
            "initiatives",
            format!(
                "The backlog has {count} initiatives; the most it can hold is {MAX_INITIATIVES}."
            ),
        ));
        // Checking each one would take long for no benefit.
        return problems;
    }
    check_settings(backlog, &mut problems);
    let mut first_index: HashMap<&str, usize> = HashMap::with_capacity(count);
    for (index, initiative) in backlog.initiatives.iter().enumerate() {
        let path = format!("initiatives[{index}]");
        if !valid_id(&initiative.id) {
            check_id(&initiative.id, &format!("{path}.id"), &mut problems);
        }
        if let Some(first) = first_index.insert(initiative.id.as_str(), index) {
            first_index.insert(initiative.id.as_str(), first);
            problems.push(Problem::new(
                ProblemCode::DuplicateId,
                format!("{path}.id"),
                format!(
                    "The id \"{}\" is already used by initiative {}; each initiative needs its own id.",
                    truncate(&initiative.id),
                    first.saturating_add(1)
                ),
            ));
        }
        check_texts(initiative, &path, &mut problems);
        estimates::check_initiative(backlog, initiative, &path, &mut problems);
        crate::outcomes::check_initiative(backlog, initiative, &path, &mut problems);
    }
    dependencies::check(backlog, &first_index, &mut problems);
    crate::formula::check_criteria(backlog, &mut problems);
    problems
}

fn check_settings(backlog: &Backlog, problems: &mut Vec<Problem>) {
    for side in Side::BOTH {
        let name = backlog.side_names.name(side);
        if name.trim().is_empty() || name.len() > MAX_NAME_BYTES {
            problems.push(Problem::new(
                ProblemCode::InvalidSetting,
                format!("sideNames.{}", side.key()),
                format!(
                    "The {} side needs a name of 1 to {MAX_NAME_BYTES} characters.",
                    side.key()
                ),
            ));
        }
        let segments = backlog.segments.of(side);
        if segments.len() > MAX_SEGMENTS {
            problems.push(Problem::new(
                ProblemCode::TooMany,
                format!("segments.{}", side.key()),
                format!("A side can have at most {MAX_SEGMENTS} segments."),
            ));
        }
        for (i, segment) in segments.iter().enumerate() {
            let path = format!("segments.{}[{i}]", side.key());
            check_id(&segment.id, &format!("{path}.id"), problems);
            if segments.iter().take(i).any(|s| s.id == segment.id) {
                problems.push(Problem::new(
                    ProblemCode::InvalidSegment,
                    format!("{path}.id"),
                    format!(
                        "The segment \"{}\" is declared twice.",
                        truncate(&segment.id)
                    ),
                ));
            }
            if !(segment.weight.is_finite() && (0.0..=MAX_WEIGHT).contains(&segment.weight)) {
                problems.push(Problem::new(
                    ProblemCode::InvalidSegment,
                    format!("{path}.weight"),
                    format!("A segment's weight must be a number from 0 to {MAX_WEIGHT}."),
                ));
            }
            if segment.name.len() > MAX_NAME_BYTES {
                problems.push(too_long(&format!("{path}.name"), MAX_NAME_BYTES));
            }
        }
    }
    if let Footing::UnitValue {
        buyer,
        seller,
        unit,
    } = &backlog.footing
    {
        for (side, value) in [("buyer", buyer), ("seller", seller)] {
            if !(value.is_finite() && *value > 0.0 && *value <= MAX_WEIGHT) {
                problems.push(Problem::new(
                    ProblemCode::InvalidSetting,
                    format!("footing.{side}"),
                    format!(
                        "The value of one {side} unit must be above 0 and at most {MAX_WEIGHT}."
                    ),
                ));
            }
        }
        if unit.as_ref().is_some_and(|u| u.len() > MAX_NAME_BYTES) {
            problems.push(too_long("footing.unit", MAX_NAME_BYTES));
        }
    }
    if backlog.reach_period.len() > MAX_NAME_BYTES {
        problems.push(too_long("reachPeriod", MAX_NAME_BYTES));
    }
    estimates::check_scales(&backlog.scales, problems);
}

fn valid_id(id: &str) -> bool {
    !(id.trim().is_empty() || id.len() > MAX_ID_BYTES)
}

fn check_id(id: &str, path: &str, problems: &mut Vec<Problem>) {
    if !valid_id(id) {
        problems.push(Problem::new(
            ProblemCode::InvalidId,
            path,
            format!("An id must be 1 to {MAX_ID_BYTES} characters and not blank."),
        ));
    }
}

fn check_texts(initiative: &crate::Initiative, path: &str, problems: &mut Vec<Problem>) {
    if initiative.name.trim().is_empty() || initiative.name.len() > MAX_NAME_BYTES {
        problems.push(Problem::new(
            ProblemCode::InvalidName,
            format!("{path}.name"),
            format!("Every initiative needs a name of 1 to {MAX_NAME_BYTES} characters."),
        ));
    }
    let texts = [
        (
            "description",
            initiative.description.as_deref().unwrap_or(""),
        ),
        ("problemSpace", initiative.problem_space.as_str()),
        ("journeyStage", initiative.journey_stage.as_str()),
        ("targetMetric", initiative.target_metric.as_str()),
        ("hypothesis", initiative.hypothesis.as_str()),
        ("successCriterion", initiative.success_criterion.as_str()),
    ];
    for (field, text) in texts {
        if text.len() > MAX_TEXT_BYTES {
            problems.push(too_long(&format!("{path}.{field}"), MAX_TEXT_BYTES));
        }
    }
    if initiative.tags.len() > MAX_TAGS {
        problems.push(Problem::new(
            ProblemCode::TooMany,
            format!("{path}.tags"),
            format!("An initiative can have at most {MAX_TAGS} tags."),
        ));
    }
    for (i, tag) in initiative.tags.iter().enumerate() {
        if tag.len() > MAX_NAME_BYTES {
            problems.push(too_long(&format!("{path}.tags[{i}]"), MAX_NAME_BYTES));
        }
    }
}

fn too_long(path: &str, limit: usize) -> Problem {
    Problem::new(
        ProblemCode::TextTooLong,
        path,
        format!("This text is too long: keep it under {limit} characters."),
    )
}

/// Shortens user text quoted in a message.
pub(crate) fn truncate(text: &str) -> String {
    let mut out: String = text.chars().take(40).collect();
    if out.len() < text.len() {
        out.push('…');
    }
    out
}
