//! WSJF: cost of delay / job size, with user-business value per side.

use super::{side_title, Explanation, Number, Scorer, SideRaw, Term};
use crate::model::{Backlog, Initiative, Side};
use crate::{Problem, ProblemCode};

/// WSJF (SAFe). A side's cost of delay is that side's user-business value
/// plus the shared time criticality and risk reduction; dividing by job size
/// gives the side's WSJF. Because buyer weight and seller weight add up to
/// one, the shared terms count exactly once in a weighted sum.
///
/// ```
/// use twosided::scoring::{Wsjf, Scorer};
/// use twosided::{Backlog, Initiative, Side, Estimate};
/// use twosided::model::WsjfInputs;
/// let item = Initiative {
///     id: "a".into(), name: "A".into(), effort: Estimate::Value(1.0),
///     wsjf: Some(WsjfInputs { buyer_value: 13.0.into(), seller_value: 13.0.into(),
///         time_criticality: 8.0.into(), risk_reduction: 5.0.into(), job_size: 8.0.into() }),
///     ..Initiative::default()
/// };
/// assert_eq!(Wsjf.score_side(&Backlog::default(), 0, &item, Side::Seller).unwrap().value, 3.25);
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct Wsjf;

impl Scorer for Wsjf {
    fn label(&self) -> &'static str {
        "WSJF"
    }

    fn score_side(
        &self,
        backlog: &Backlog,
        index: usize,
        initiative: &Initiative,
        side: Side,
    ) -> Result<SideRaw, Problem> {
        let parts = inputs(initiative, index, side)?;
        let (cost_of_delay, value) = weigh(parts);
        let [business_value, time_criticality, risk_reduction, job_size] = parts;
        Ok(SideRaw {
            value,
            explanation: Explanation {
                sentence: format!(
                    "{} WSJF {} = ({} value + {} time criticality + {} risk reduction) / {} job size",
                    side_title(backlog, side),
                    Number(value),
                    Number(business_value),
                    Number(time_criticality),
                    Number(risk_reduction),
                    Number(job_size)
                ),
                terms: vec![
                    Term::new("user-business value", business_value),
                    Term::new("time criticality", time_criticality),
                    Term::new("risk reduction", risk_reduction),
                    Term::new("cost of delay", cost_of_delay),
                    Term::new("job size", job_size),
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
        Ok(weigh(inputs(initiative, index, side)?).1)
    }
}

/// WSJF's arithmetic, for the value and its explanation alike: the cost of
/// delay (value + time criticality + risk reduction), and that over the job size.
fn weigh([business_value, time_criticality, risk_reduction, job_size]: [f64; 4]) -> (f64, f64) {
    let cost_of_delay = business_value + time_criticality + risk_reduction;
    (cost_of_delay, cost_of_delay / job_size)
}

/// This side's user-business value, then the shared time criticality, risk
/// reduction and job size.
fn inputs(initiative: &Initiative, index: usize, side: Side) -> Result<[f64; 4], Problem> {
    let inputs = initiative.wsjf.ok_or_else(|| {
        Problem::new(
            ProblemCode::MissingInputs,
            format!("initiatives[{index}].wsjf"),
            "WSJF needs user-business value, time criticality, risk reduction and job size for this initiative.",
        )
    })?;
    let business_value = match side {
        Side::Buyer => inputs.buyer_value.likely(),
        Side::Seller => inputs.seller_value.likely(),
    };
    Ok([
        business_value,
        inputs.time_criticality.likely(),
        inputs.risk_reduction.likely(),
        inputs.job_size.likely(),
    ])
}
