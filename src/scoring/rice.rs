//! RICE, per side: reach x impact x confidence / effort.

use super::{
    format_number, format_percent, no_effect, side_title, Explanation, Scorer, SideRaw, Term,
};
use crate::model::{Backlog, Estimate, Initiative, Side};
use crate::{Problem, ProblemCode};

/// RICE (Intercom) computed per side. With segments, the numerator is the
/// sum over segments of weight x reach x impact x confidence.
///
/// ```
/// use twosided::scoring::{Rice, Scorer};
/// use twosided::{Backlog, Initiative, Side, SideEstimate, Estimate};
/// let backlog = Backlog::default();
/// let item = Initiative {
///     id: "a".into(), name: "A".into(),
///     buyer: Some(SideEstimate::new(450.0, 3.0, 1.0)),
///     effort: Estimate::Value(2.0),
///     ..Initiative::default()
/// };
/// let raw = Rice.score_side(&backlog, 0, &item, Side::Buyer).unwrap();
/// assert_eq!(raw.value, 675.0);
/// assert_eq!(raw.explanation.sentence,
///     "Buyers RICE 675 = 450 reach x 3 impact x 100% confidence / 2 person-months");
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct Rice;

impl Scorer for Rice {
    fn label(&self) -> &'static str {
        "RICE"
    }

    fn counts_people(&self) -> bool {
        true
    }

    fn score_side(
        &self,
        backlog: &Backlog,
        index: usize,
        initiative: &Initiative,
        side: Side,
    ) -> Result<SideRaw, Problem> {
        let Some(estimate) = initiative.side(side) else {
            return Ok(no_effect(backlog, side, "RICE"));
        };
        let effort = initiative.effort.likely();
        let mut terms = Vec::new();
        let (numerator, described) = if estimate.is_segmented() {
            let mut total = 0.0;
            let mut parts = Vec::new();
            for segment in &estimate.segments {
                let weight = backlog
                    .segments
                    .weight(side, &segment.segment)
                    .unwrap_or(1.0);
                let (reach, impact, confidence) = (
                    segment.reach.likely(),
                    segment.impact.likely(),
                    segment.confidence.likely(),
                );
                total += weight * reach * impact * confidence;
                let name = segment_name(backlog, side, &segment.segment);
                terms.push(Term::new(format!("{name} weight"), weight));
                terms.push(Term::new(format!("{name} reach"), reach));
                terms.push(Term::new(format!("{name} impact"), impact));
                terms.push(Term::new(format!("{name} confidence"), confidence));
                parts.push(format!(
                    "{name}: {} weight x {} reach x {} impact x {} confidence",
                    format_number(weight),
                    format_number(reach),
                    format_number(impact),
                    format_percent(confidence)
                ));
            }
            (total, format!("({})", parts.join(" + ")))
        } else {
            let path = format!("initiatives[{index}].{}", side.key());
            let reach = required(estimate.reach, &path, "reach")?;
            let impact = required(estimate.impact, &path, "impact")?;
            let confidence = required(estimate.confidence, &path, "confidence")?;
            terms.push(Term::new("reach", reach));
            terms.push(Term::new("impact", impact));
            terms.push(Term::new("confidence", confidence));
            (
                reach * impact * confidence,
                format!(
                    "{} reach x {} impact x {} confidence",
                    format_number(reach),
                    format_number(impact),
                    format_percent(confidence)
                ),
            )
        };
        terms.push(Term::new("effort", effort));
        let value = numerator / effort;
        Ok(SideRaw {
            value,
            explanation: Explanation {
                sentence: format!(
                    "{} RICE {} = {described} / {} person-months",
                    side_title(backlog, side),
                    format_number(value),
                    format_number(effort)
                ),
                terms,
            },
        })
    }
}

fn required(estimate: Option<Estimate>, path: &str, field: &str) -> Result<f64, Problem> {
    estimate.map(|e| e.likely()).ok_or_else(|| {
        Problem::new(
            ProblemCode::MissingEstimate,
            format!("{path}.{field}"),
            format!("RICE needs a {field} for this side; enter one or remove the side."),
        )
    })
}

fn segment_name(backlog: &Backlog, side: Side, id: &str) -> String {
    backlog
        .segments
        .of(side)
        .iter()
        .find(|s| s.id == id)
        .map(|s| s.name.clone())
        .unwrap_or_else(|| id.to_string())
}
