//! ICE: impact x confidence x ease (or their mean), with impact per side.

use super::{side_title, Explanation, Number, Scorer, SideRaw, Term};
use crate::model::{Backlog, Initiative, Side};
use crate::{Problem, ProblemCode};
use serde::{Deserialize, Serialize};

/// How ICE combines its three inputs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum IceCombination {
    /// Impact x Confidence x Ease (the original).
    #[default]
    Product,
    /// The mean of the three. The sign of impact is kept, so harm stays
    /// harm, and a side with impact 0 scores 0.
    Mean,
}

/// ICE (Sean Ellis). The side's impact is that side's; confidence and ease
/// are shared.
///
/// ```
/// use twosided::scoring::{Ice, IceCombination, Scorer};
/// use twosided::{Backlog, Initiative, Side, Estimate};
/// use twosided::model::IceInputs;
/// let item = Initiative {
///     id: "a".into(), name: "A".into(), effort: Estimate::Value(1.0),
///     ice: Some(IceInputs { buyer_impact: 8.0.into(), seller_impact: 0.0.into(),
///                           confidence: 7.0.into(), ease: 5.0.into() }),
///     ..Initiative::default()
/// };
/// let ice = Ice { combination: IceCombination::Product };
/// assert_eq!(ice.score_side(&Backlog::default(), 0, &item, Side::Buyer).unwrap().value, 280.0);
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct Ice {
    /// Product or mean.
    pub combination: IceCombination,
}

impl Scorer for Ice {
    fn label(&self) -> &'static str {
        "ICE"
    }

    fn score_side(
        &self,
        backlog: &Backlog,
        index: usize,
        initiative: &Initiative,
        side: Side,
    ) -> Result<SideRaw, Problem> {
        let [impact, confidence, ease] = inputs(initiative, index, side)?;
        let value = self.combine(impact, confidence, ease);
        let title = side_title(backlog, side);
        let sentence = match self.combination {
            IceCombination::Product => format!(
                "{title} ICE {} = {} impact x {} confidence x {} ease",
                Number(value),
                Number(impact),
                Number(confidence),
                Number(ease)
            ),
            IceCombination::Mean => format!(
                "{title} ICE {} = mean of {} impact, {} confidence, {} ease",
                Number(value),
                Number(impact),
                Number(confidence),
                Number(ease)
            ),
        };
        Ok(SideRaw {
            value,
            explanation: Explanation {
                sentence,
                terms: vec![
                    Term::new("impact", impact),
                    Term::new("confidence", confidence),
                    Term::new("ease", ease),
                ],
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
        let [impact, confidence, ease] = inputs(initiative, index, side)?;
        Ok(self.combine(impact, confidence, ease))
    }
}

impl Ice {
    /// ICE's arithmetic, for the value and its explanation alike.
    fn combine(&self, impact: f64, confidence: f64, ease: f64) -> f64 {
        match self.combination {
            IceCombination::Product => impact * confidence * ease,
            IceCombination::Mean if impact == 0.0 => 0.0,
            IceCombination::Mean => impact.signum() * (impact.abs() + confidence + ease) / 3.0,
        }
    }
}

/// This side's impact, then the shared confidence and ease.
fn inputs(initiative: &Initiative, index: usize, side: Side) -> Result<[f64; 3], Problem> {
    let inputs = initiative.ice.ok_or_else(|| {
        Problem::new(
            ProblemCode::MissingInputs,
            format!("initiatives[{index}].ice"),
            "ICE needs impact, confidence and ease for this initiative.",
        )
    })?;
    let impact = match side {
        Side::Buyer => inputs.buyer_impact.likely(),
        Side::Seller => inputs.seller_impact.likely(),
    };
    Ok([impact, inputs.confidence.likely(), inputs.ease.likely()])
}
