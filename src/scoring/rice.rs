//! RICE, per side: reach x impact x confidence / effort.

use super::{no_effect, side_title, Explanation, Number, Percent, Scorer, SideRaw, Term};
use crate::model::{Backlog, Estimate, Initiative, SegmentEstimate, Side, SideEstimate};
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
        let numerator = numerator(backlog, index, estimate, side)?;
        let mut terms = Vec::new();
        let described = if estimate.is_segmented() {
            let mut parts = Vec::new();
            for segment in &estimate.segments {
                let weight = segment_weight(backlog, side, &segment.segment);
                let (reach, impact, confidence) = segment_inputs(segment);
                let name = segment_name(backlog, side, &segment.segment);
                terms.push(Term::new(format!("{name} weight"), weight));
                terms.push(Term::new(format!("{name} reach"), reach));
                terms.push(Term::new(format!("{name} impact"), impact));
                terms.push(Term::new(format!("{name} confidence"), confidence));
                parts.push(format!(
                    "{name}: {} weight x {} reach x {} impact x {} confidence",
                    Number(weight),
                    Number(reach),
                    Number(impact),
                    Percent(confidence)
                ));
            }
            format!("({})", parts.join(" + "))
        } else {
            let [reach, impact, confidence] = whole_inputs(estimate, index, side)?;
            terms.push(Term::new("reach", reach));
            terms.push(Term::new("impact", impact));
            terms.push(Term::new("confidence", confidence));
            format!(
                "{} reach x {} impact x {} confidence",
                Number(reach),
                Number(impact),
                Percent(confidence)
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
                    Number(value),
                    Number(effort)
                ),
                terms,
            },
        })
    }

    fn value_side(
        &self,
        backlog: &Backlog,
        index: usize,
        initiative: &Initiative,
        side: Side,
    ) -> Result<f64, Problem> {
        match initiative.side(side) {
            Some(estimate) => {
                Ok(numerator(backlog, index, estimate, side)? / initiative.effort.likely())
            }
            None => Ok(0.0),
        }
    }
}

/// Reach x impact x confidence, or its weighted sum over segments: the one
/// place RICE's arithmetic is done, for the value and its explanation alike.
fn numerator(
    backlog: &Backlog,
    index: usize,
    estimate: &SideEstimate,
    side: Side,
) -> Result<f64, Problem> {
    if estimate.is_segmented() {
        let mut total = 0.0;
        for segment in &estimate.segments {
            let weight = segment_weight(backlog, side, &segment.segment);
            let (reach, impact, confidence) = segment_inputs(segment);
            total += weight * reach * impact * confidence;
        }
        Ok(total)
    } else {
        let [reach, impact, confidence] = whole_inputs(estimate, index, side)?;
        Ok(reach * impact * confidence)
    }
}

fn segment_weight(backlog: &Backlog, side: Side, segment: &str) -> f64 {
    backlog.segments.weight(side, segment).unwrap_or(1.0)
}

fn segment_inputs(segment: &SegmentEstimate) -> (f64, f64, f64) {
    (
        segment.reach.likely(),
        segment.impact.likely(),
        segment.confidence.likely(),
    )
}

/// Reach, impact and confidence of a side estimated as a whole.
fn whole_inputs(estimate: &SideEstimate, index: usize, side: Side) -> Result<[f64; 3], Problem> {
    let required = |value: Option<Estimate>, field: &str| {
        value.map(|e| e.likely()).ok_or_else(|| {
            Problem::new(
                ProblemCode::MissingEstimate,
                format!("initiatives[{index}].{}.{field}", side.key()),
                format!("RICE needs a {field} for this side; enter one or remove the side."),
            )
        })
    };
    Ok([
        required(estimate.reach, "reach")?,
        required(estimate.impact, "impact")?,
        required(estimate.confidence, "confidence")?,
    ])
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
