//! Evaluates a checked formula for one side of one initiative. No loops, no
//! allocation beyond the tree, recursion no deeper than the tree; every
//! intermediate result is checked, so a NaN or an infinity is reported with
//! the part of the formula that produced it.

use super::ast::{BinaryOp, Function};
use super::check::{Node, NodeKind};
use super::names::Variable;
use super::Span;
use crate::model::{Backlog, Initiative, Side};
use crate::ProblemCode;

/// Why a formula could not be evaluated for an initiative.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct EvalError {
    pub code: ProblemCode,
    /// The field path, relative to the initiative (such as `ice` or
    /// `criteria.risk`), or empty for the side itself.
    pub field: String,
    /// The part of the formula it happened in.
    pub span: Span,
    pub message: String,
}

/// Everything a formula reads for one side of one initiative.
pub(crate) struct Inputs<'a> {
    pub backlog: &'a Backlog,
    pub initiative: &'a Initiative,
    pub side: Side,
}

/// The per-person values of one segment (or of an unsegmented side).
#[derive(Debug, Clone, Copy)]
pub(crate) struct PerPerson {
    pub weight: f64,
    pub reach: f64,
    pub impact: f64,
    pub confidence: f64,
}

impl Inputs<'_> {
    /// The per-person values of each segment; one entry for an unsegmented
    /// side; none for a side the initiative does not touch.
    pub fn per_person(&self) -> Vec<PerPerson> {
        let Some(estimate) = self.initiative.side(self.side) else {
            return Vec::new();
        };
        if estimate.is_segmented() {
            estimate
                .segments
                .iter()
                .map(|s| PerPerson {
                    weight: self
                        .backlog
                        .segments
                        .weight(self.side, &s.segment)
                        .unwrap_or(1.0),
                    reach: s.reach.likely(),
                    impact: s.impact.likely(),
                    confidence: s.confidence.likely(),
                })
                .collect()
        } else {
            let get = |e: Option<crate::Estimate>| e.map(|e| e.likely()).unwrap_or(0.0);
            vec![PerPerson {
                weight: 1.0,
                reach: get(estimate.reach),
                impact: get(estimate.impact),
                confidence: get(estimate.confidence),
            }]
        }
    }

    fn is_segmented(&self) -> bool {
        self.initiative
            .side(self.side)
            .is_some_and(|e| e.is_segmented())
    }

    /// The value of a name, `segment` being the one `segments(...)` is at.
    pub fn variable(
        &self,
        variable: Variable,
        segment: Option<PerPerson>,
        span: Span,
    ) -> Result<f64, EvalError> {
        let initiative = self.initiative;
        if variable.is_per_segment() {
            let person = match segment {
                Some(person) => Some(person),
                None if self.is_segmented() => {
                    return Err(EvalError {
                        code: ProblemCode::MissingInputs,
                        field: self.side.key().into(),
                        span,
                        message: "This side is split into segments, so reach, impact, confidence and weight differ per segment: use them inside segments(...), such as segments(weight * reach * impact * confidence), or use value.".into(),
                    });
                }
                None => self.per_person().first().copied(),
            };
            // A side the initiative does not touch reaches no one.
            let person = person.unwrap_or(PerPerson {
                weight: 1.0,
                reach: 0.0,
                impact: 0.0,
                confidence: 0.0,
            });
            return Ok(match variable {
                Variable::Reach => person.reach,
                Variable::Impact => person.impact,
                Variable::Confidence => person.confidence,
                _ => person.weight,
            });
        }
        let missing = |field: &str, what: &str| EvalError {
            code: ProblemCode::MissingInputs,
            field: field.into(),
            span,
            message: format!("The formula uses {what}, which this initiative does not have."),
        };
        let buyer = self.side == Side::Buyer;
        let ice = || initiative.ice.ok_or_else(|| missing("ice", "ICE inputs"));
        let wsjf = || {
            initiative
                .wsjf
                .ok_or_else(|| missing("wsjf", "WSJF inputs"))
        };
        Ok(match variable {
            Variable::Value => {
                // Exactly RICE's numerator, in RICE's order of operations.
                let people = self.per_person();
                if self.is_segmented() {
                    let mut total = 0.0;
                    for p in people {
                        total += p.weight * p.reach * p.impact * p.confidence;
                    }
                    total
                } else {
                    people
                        .first()
                        .map(|p| p.reach * p.impact * p.confidence)
                        .unwrap_or(0.0)
                }
            }
            Variable::Effort => initiative.effort.likely(),
            Variable::IceImpact => {
                let inputs = ice()?;
                if buyer {
                    inputs.buyer_impact.likely()
                } else {
                    inputs.seller_impact.likely()
                }
            }
            Variable::IceConfidence => ice()?.confidence.likely(),
            Variable::Ease => ice()?.ease.likely(),
            Variable::BusinessValue => {
                let inputs = wsjf()?;
                if buyer {
                    inputs.buyer_value.likely()
                } else {
                    inputs.seller_value.likely()
                }
            }
            Variable::TimeCriticality => wsjf()?.time_criticality.likely(),
            Variable::RiskReduction => wsjf()?.risk_reduction.likely(),
            Variable::JobSize => wsjf()?.job_size.likely(),
            Variable::Moscow(label) => indicator(initiative.moscow == Some(label)),
            Variable::Kano(category) => indicator(initiative.kano == Some(category)),
            Variable::Criterion(index) => {
                let definition = self.backlog.criteria.get(index);
                let id = definition.map(|d| d.id.as_str()).unwrap_or("");
                let name = definition.map(|d| d.name.as_str()).unwrap_or(id);
                initiative
                    .criteria
                    .get(id)
                    .map(|v| v.for_side(self.side))
                    .ok_or_else(|| EvalError {
                        code: ProblemCode::MissingInputs,
                        field: format!("criteria.{id}"),
                        span,
                        message: format!(
                            "The formula uses \"{name}\", which this initiative has no value for."
                        ),
                    })?
            }
            Variable::Reach | Variable::Impact | Variable::Confidence | Variable::Weight => 0.0,
        })
    }
}

fn indicator(on: bool) -> f64 {
    if on {
        1.0
    } else {
        0.0
    }
}

/// Evaluates `node`; recursion depth is the tree's, which the parser bounds.
pub(crate) fn evaluate(
    node: &Node,
    inputs: &Inputs<'_>,
    segment: Option<PerPerson>,
) -> Result<f64, EvalError> {
    let value = match &node.kind {
        NodeKind::Number(value) => *value,
        NodeKind::Variable(variable) => inputs.variable(*variable, segment, node.span)?,
        NodeKind::Negate(inner) => -evaluate(inner, inputs, segment)?,
        NodeKind::Binary(op, left, right) => {
            let l = evaluate(left, inputs, segment)?;
            let r = evaluate(right, inputs, segment)?;
            match op {
                BinaryOp::Add => l + r,
                BinaryOp::Subtract => l - r,
                BinaryOp::Multiply => l * r,
                BinaryOp::Divide => l / r,
                BinaryOp::Power => l.powf(r),
            }
        }
        NodeKind::Compare(op, left, right) => {
            let l = evaluate(left, inputs, segment)?;
            let r = evaluate(right, inputs, segment)?;
            indicator(op.holds(l, r))
        }
        NodeKind::Call(function, args) => call(*function, args, inputs, segment)?,
    };
    if value.is_finite() {
        Ok(value)
    } else {
        Err(not_finite(node, value))
    }
}

fn call(
    function: Function,
    args: &[Node],
    inputs: &Inputs<'_>,
    segment: Option<PerPerson>,
) -> Result<f64, EvalError> {
    let arg = |i: usize| -> Result<f64, EvalError> {
        match args.get(i) {
            Some(node) => evaluate(node, inputs, segment),
            // The checker guarantees the count; a missing one reads as 0.
            None => Ok(0.0),
        }
    };
    Ok(match function {
        Function::Min | Function::Max => {
            let mut result = arg(0)?;
            for i in 1..args.len() {
                let next = arg(i)?;
                result = if function == Function::Min {
                    result.min(next)
                } else {
                    result.max(next)
                };
            }
            result
        }
        Function::Abs => arg(0)?.abs(),
        Function::Sqrt => arg(0)?.sqrt(),
        Function::Log if args.len() == 2 => arg(0)?.ln() / arg(1)?.ln(),
        Function::Log => arg(0)?.ln(),
        Function::Round => arg(0)?.round(),
        Function::Sign => {
            let x = arg(0)?;
            if x == 0.0 {
                0.0
            } else {
                x.signum()
            }
        }
        // Only the chosen branch is evaluated, so a guard protects the other.
        Function::If => {
            if arg(0)? != 0.0 {
                arg(1)?
            } else {
                arg(2)?
            }
        }
        Function::Segments => {
            let Some(inner) = args.first() else {
                return Ok(0.0);
            };
            let people = inputs.per_person();
            if inputs
                .initiative
                .side(inputs.side)
                .is_some_and(|e| e.is_segmented())
            {
                // Summed from 0 in segment order, as RICE sums its numerator.
                let mut total = 0.0;
                for person in people {
                    total += evaluate(inner, inputs, Some(person))?;
                }
                total
            } else {
                match people.first() {
                    Some(person) => evaluate(inner, inputs, Some(*person))?,
                    None => 0.0,
                }
            }
        }
    })
}

fn not_finite(node: &Node, value: f64) -> EvalError {
    let what = match &node.kind {
        NodeKind::Binary(BinaryOp::Divide, ..) => "this division gives",
        NodeKind::Binary(BinaryOp::Power, ..) => "this power gives",
        NodeKind::Call(Function::Sqrt, _) => "the square root of a negative number is",
        NodeKind::Call(Function::Log, _) => {
            "the logarithm of 0 or of a negative number (or to base 1) is"
        }
        _ => "this part gives",
    };
    let result = if value.is_nan() {
        "not a number"
    } else {
        "too large a number"
    };
    EvalError {
        code: ProblemCode::NotFinite,
        field: String::new(),
        span: node.span,
        message: format!("For this initiative {what} {result}."),
    }
}
