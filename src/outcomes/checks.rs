//! Validation of goals, statuses and outcome records, called by
//! [`crate::validate`] for every initiative.

use super::MAX_METRIC_MAGNITUDE;
use crate::limits::{MAX_EFFORT, MAX_NAME_BYTES, MAX_REACH, MAX_TEXT_BYTES};
use crate::model::{Backlog, Direction, Goal, Initiative, Outcome, Side, Status};
use crate::scoring::format_number;
use crate::{Problem, ProblemCode};

/// Adds every problem with the initiative's goal, status and outcome.
pub(crate) fn check_initiative(
    backlog: &Backlog,
    initiative: &Initiative,
    path: &str,
    problems: &mut Vec<Problem>,
) {
    if let Some(goal) = &initiative.goal {
        check_goal(goal, &format!("{path}.goal"), problems);
    }
    let outcome_path = || format!("{path}.outcome");
    match (&initiative.outcome, initiative.status) {
        (Some(outcome), status) if status.has_launched() => {
            check_outcome(backlog, outcome, &outcome_path(), problems);
        }
        (Some(_), status) => problems.push(Problem::new(
            ProblemCode::InvalidOutcome,
            outcome_path(),
            format!(
                "This initiative's status is \"{}\", but only launched or reviewed initiatives have an outcome: set the status to launched or reviewed, or remove the outcome.",
                status.key()
            ),
        )),
        (None, Status::Reviewed) => problems.push(Problem::new(
            ProblemCode::InvalidOutcome,
            outcome_path(),
            "This initiative is marked reviewed but has no outcome record: add what really happened, or set the status back to launched.",
        )),
        (None, _) => {}
    }
}

fn check_goal(goal: &Goal, path: &str, problems: &mut Vec<Problem>) {
    let mut numbers_ok = true;
    for (field, value) in [("baseline", goal.baseline), ("target", goal.target)] {
        numbers_ok &= check_metric_value(
            value,
            &format!("{path}.{field}"),
            ProblemCode::InvalidGoal,
            problems,
        );
    }
    if goal.unit.len() > MAX_NAME_BYTES {
        problems.push(too_long(&format!("{path}.unit"), MAX_NAME_BYTES));
    }
    if !numbers_ok {
        return;
    }
    let (baseline, target) = (format_number(goal.baseline), format_number(goal.target));
    match goal.direction {
        None if goal.target == goal.baseline => problems.push(Problem::new(
            ProblemCode::InvalidGoal,
            format!("{path}.direction"),
            format!(
                "The target equals the baseline ({target}), so say which way is success: \"increase\" (stay at {target} or above) or \"decrease\" (stay at {target} or below)."
            ),
        )),
        Some(Direction::Increase) if goal.target < goal.baseline => problems.push(Problem::new(
            ProblemCode::InvalidGoal,
            format!("{path}.target"),
            format!(
                "The direction is \"increase\" but the target {target} is below the baseline {baseline}: raise the target or set the direction to \"decrease\"."
            ),
        )),
        Some(Direction::Decrease) if goal.target > goal.baseline => problems.push(Problem::new(
            ProblemCode::InvalidGoal,
            format!("{path}.target"),
            format!(
                "The direction is \"decrease\" but the target {target} is above the baseline {baseline}: lower the target or set the direction to \"increase\"."
            ),
        )),
        _ => {}
    }
}

fn check_outcome(backlog: &Backlog, outcome: &Outcome, path: &str, problems: &mut Vec<Problem>) {
    if let Some(effort) = outcome.effort {
        let field = format!("{path}.effort");
        if !effort.is_finite() {
            problems.push(not_a_number(&field));
        } else if !(effort > 0.0 && effort <= MAX_EFFORT) {
            problems.push(Problem::new(
                ProblemCode::InvalidEffort,
                field,
                format!(
                    "{} is not allowed. The actual effort is in person-months and must be above 0 and at most {}.",
                    format_number(effort),
                    format_number(MAX_EFFORT)
                ),
            ));
        }
    }
    let (impact_min, impact_max) = backlog.scales.impact.bounds();
    for side in Side::BOTH {
        let Some(actual) = outcome.side(side) else {
            continue;
        };
        let side_path = format!("{path}.{}", side.key());
        if let Some(reach) = actual.reach {
            let field = format!("{side_path}.reach");
            if !reach.is_finite() {
                problems.push(not_a_number(&field));
            } else if !(0.0..=MAX_REACH).contains(&reach) {
                problems.push(Problem::new(
                    ProblemCode::InvalidReach,
                    field,
                    format!(
                        "{} is not allowed. The actual reach counts people per period: 0 or more, at most {}.",
                        format_number(reach),
                        format_number(MAX_REACH)
                    ),
                ));
            }
        }
        if let Some(impact) = actual.impact {
            let field = format!("{side_path}.impact");
            if !impact.is_finite() {
                problems.push(not_a_number(&field));
            } else if !(impact_min..=impact_max).contains(&impact) {
                problems.push(Problem::new(
                    ProblemCode::InvalidImpact,
                    field,
                    format!(
                        "{} is not allowed. The actual impact is measured on the impact scale, so it must lie between {} and {} (it need not be one of the levels).",
                        format_number(impact),
                        format_number(impact_min),
                        format_number(impact_max)
                    ),
                ));
            }
        }
    }
    for (field, value) in [
        ("observed", outcome.observed),
        ("movement", outcome.movement),
    ] {
        if let Some(value) = value {
            check_metric_value(
                value,
                &format!("{path}.{field}"),
                ProblemCode::InvalidOutcome,
                problems,
            );
        }
    }
    if outcome.observed.is_some() && outcome.movement.is_some() {
        problems.push(Problem::new(
            ProblemCode::InvalidOutcome,
            format!("{path}.movement"),
            "Give the metric's observed value or its movement from the baseline, not both.",
        ));
    }
    if outcome.learning.len() > MAX_TEXT_BYTES {
        problems.push(too_long(&format!("{path}.learning"), MAX_TEXT_BYTES));
    }
}

/// Checks a metric value is a number of sensible size; true when it is.
fn check_metric_value(
    value: f64,
    path: &str,
    code: ProblemCode,
    problems: &mut Vec<Problem>,
) -> bool {
    if !value.is_finite() {
        problems.push(not_a_number(path));
        return false;
    }
    if value.abs() > MAX_METRIC_MAGNITUDE {
        problems.push(Problem::new(
            code,
            path,
            format!(
                "A metric value must lie between -{0} and {0}.",
                format_number(MAX_METRIC_MAGNITUDE)
            ),
        ));
        return false;
    }
    true
}

fn not_a_number(path: &str) -> Problem {
    Problem::new(
        ProblemCode::NotFinite,
        path,
        "This must be a number (it is empty, not a number, or infinite).",
    )
}

fn too_long(path: &str, limit: usize) -> Problem {
    Problem::new(
        ProblemCode::TextTooLong,
        path,
        format!("This text is too long: keep it under {limit} characters."),
    )
}
