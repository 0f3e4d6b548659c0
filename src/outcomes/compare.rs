//! One launched initiative: did it meet its success criterion, and how did
//! each estimate compare with what really happened.

use crate::model::{Backlog, Goal, Initiative, Side, SideEstimate, Status};
use crate::scoring::format_number;
use serde::{Deserialize, Serialize};

/// An estimated field that a review compares with the actual value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Field {
    /// Effort in person-months, shared by both sides.
    Effort,
    /// People reached per period, per side.
    Reach,
    /// Impact per person, per side.
    Impact,
}

impl Field {
    /// The JSON name: `effort`, `reach`, `impact`.
    pub fn key(self) -> &'static str {
        match self {
            Field::Effort => "effort",
            Field::Reach => "reach",
            Field::Impact => "impact",
        }
    }
}

/// The fields a review compares, in display order: effort, then reach and
/// impact for each side.
pub(crate) const COMPARED: [(Field, Option<Side>); 5] = [
    (Field::Effort, None),
    (Field::Reach, Some(Side::Buyer)),
    (Field::Impact, Some(Side::Buyer)),
    (Field::Reach, Some(Side::Seller)),
    (Field::Impact, Some(Side::Seller)),
];

/// A field's name for people: "Effort", "Reach for buyers".
pub(crate) fn field_label(backlog: &Backlog, field: Field, side: Option<Side>) -> String {
    let name = match field {
        Field::Effort => "Effort",
        Field::Reach => "Reach",
        Field::Impact => "Impact",
    };
    match side {
        Some(side) => format!(
            "{name} for {}",
            backlog.side_names.name(side).to_lowercase()
        ),
        None => name.into(),
    }
}

/// One estimate against its actual value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Comparison {
    /// Which estimate.
    pub field: Field,
    /// Which side, for reach and impact; absent for effort.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub side: Option<Side>,
    /// The estimate's likely value (0 when the side was not expected to be
    /// affected).
    pub estimated: f64,
    /// What really happened.
    pub actual: f64,
    /// actual / estimated: above 1 means the estimate was low. Absent when
    /// the estimate was 0, so no ratio exists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ratio: Option<f64>,
}

/// Whether an initiative met its success criterion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Verdict {
    /// The metric reached the target in the right direction.
    Met,
    /// It did not.
    Missed,
    /// It cannot be told: no numeric goal, or no observed value yet.
    NotJudged,
}

/// The review of one launched or reviewed initiative.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InitiativeReview {
    /// The initiative's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its position in the backlog.
    pub index: usize,
    /// Its problem space ("" when it has none).
    pub problem_space: String,
    /// Launched or reviewed.
    pub status: Status,
    /// The metric it targets.
    pub target_metric: String,
    /// The success criterion as the team wrote it.
    pub success_criterion: String,
    /// The criterion in numbers, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal: Option<Goal>,
    /// The metric's value after launch, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub observed: Option<f64>,
    /// Met, missed or not judged.
    pub verdict: Verdict,
    /// The verdict in one sentence, with the numbers.
    pub verdict_sentence: String,
    /// Each estimate against its actual, where the outcome gives one.
    pub comparisons: Vec<Comparison>,
    /// What the team learned.
    pub learning: String,
}

/// Reviews one initiative (the caller passes launched or reviewed ones).
pub(crate) fn review_initiative(index: usize, initiative: &Initiative) -> InitiativeReview {
    let goal = initiative.goal.as_ref();
    let observed = initiative
        .outcome
        .as_ref()
        .and_then(|o| o.observed_value(goal));
    let (verdict, verdict_sentence) = judge(initiative, goal, observed);
    InitiativeReview {
        id: initiative.id.clone(),
        name: initiative.name.clone(),
        index,
        problem_space: initiative.problem_space.clone(),
        status: initiative.status,
        target_metric: initiative.target_metric.clone(),
        success_criterion: initiative.success_criterion.clone(),
        goal: goal.cloned(),
        observed,
        verdict,
        verdict_sentence,
        comparisons: comparisons(initiative),
        learning: initiative
            .outcome
            .as_ref()
            .map(|o| o.learning.clone())
            .unwrap_or_default(),
    }
}

fn judge(initiative: &Initiative, goal: Option<&Goal>, observed: Option<f64>) -> (Verdict, String) {
    let metric = if initiative.target_metric.trim().is_empty() {
        "The target metric"
    } else {
        initiative.target_metric.as_str()
    };
    if initiative.outcome.is_none() {
        return (
            Verdict::NotJudged,
            "Launched and awaiting its review: no outcome record yet.".into(),
        );
    }
    let Some(goal) = goal else {
        return (
            Verdict::NotJudged,
            "There is no numeric goal (baseline and target), so whether it met its success criterion cannot be judged.".into(),
        );
    };
    let Some(observed) = observed else {
        return (
            Verdict::NotJudged,
            format!("{metric} has no observed value or movement yet, so it cannot be judged."),
        );
    };
    let (verdict, word) = match goal.is_met_by(observed) {
        Some(true) => (Verdict::Met, "met"),
        Some(false) => (Verdict::Missed, "missed"),
        None => {
            return (
                Verdict::NotJudged,
                "The goal has no direction, so it cannot be judged.".into(),
            )
        }
    };
    let bound = match goal.direction() {
        Some(crate::model::Direction::Decrease) => "or less",
        _ => "or more",
    };
    // A short unit ("%", "£", "pt") goes on every number; a long one, such
    // as "% zero-result searches", is named once after the metric.
    let short = goal.unit.chars().count() <= 3;
    let number = |value: f64| {
        if short {
            with_unit(value, &goal.unit)
        } else {
            format_number(value)
        }
    };
    let subject = if short || goal.unit.is_empty() {
        capitalised(metric)
    } else {
        format!("{} ({})", capitalised(metric), goal.unit)
    };
    (
        verdict,
        format!(
            "{subject} went from {} to {} against a target of {} {bound}: {word}.",
            number(goal.baseline),
            number(observed),
            number(goal.target)
        ),
    )
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn with_unit(value: f64, unit: &str) -> String {
    let number = format_number(value);
    match unit.chars().next() {
        None => number,
        Some(first) if first.is_alphanumeric() => format!("{number} {unit}"),
        Some(_) => format!("{number}{unit}"),
    }
}

fn comparisons(initiative: &Initiative) -> Vec<Comparison> {
    let Some(outcome) = &initiative.outcome else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (field, side) in COMPARED {
        let actual = match (field, side) {
            (Field::Effort, _) => outcome.effort,
            (Field::Reach, Some(side)) => outcome.side(side).and_then(|a| a.reach),
            (Field::Impact, Some(side)) => outcome.side(side).and_then(|a| a.impact),
            _ => None,
        };
        let Some(actual) = actual else {
            continue;
        };
        let estimated = match (field, side) {
            (Field::Effort, _) => initiative.effort.likely(),
            (_, Some(side)) => initiative
                .side(side)
                .map(|estimate| estimated(estimate, field))
                .unwrap_or(0.0),
            _ => 0.0,
        };
        let ratio = Some(actual / estimated).filter(|r| estimated != 0.0 && r.is_finite());
        out.push(Comparison {
            field,
            side,
            estimated,
            actual,
            ratio,
        });
    }
    out
}

/// A side's estimated reach or impact as one number. For a segmented side,
/// reach is the segments' total and impact their reach-weighted mean (the
/// plain mean when no segment reaches anyone), which is what a side-wide
/// actual measures.
fn estimated(estimate: &SideEstimate, field: Field) -> f64 {
    if !estimate.is_segmented() {
        let value = match field {
            Field::Reach => estimate.reach,
            _ => estimate.impact,
        };
        return value.map(|v| v.likely()).unwrap_or(0.0);
    }
    let total_reach: f64 = estimate.segments.iter().map(|s| s.reach.likely()).sum();
    match field {
        Field::Reach => total_reach,
        _ if total_reach > 0.0 => {
            estimate
                .segments
                .iter()
                .map(|s| s.reach.likely() * s.impact.likely())
                .sum::<f64>()
                / total_reach
        }
        _ => {
            let count = estimate.segments.len().max(1) as f64;
            estimate
                .segments
                .iter()
                .map(|s| s.impact.likely())
                .sum::<f64>()
                / count
        }
    }
}
