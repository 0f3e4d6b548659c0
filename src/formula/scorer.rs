//! A formula as a scoring framework: one value per side, with an
//! explanation that shows the formula and the values put into it.

use super::ast::Expr;
use super::eval::{evaluate, EvalError, Inputs, PerPerson};
use super::print::{write, Leaves};
use super::{compile, to_option_error, CompileContext, Formula, Variable};
use crate::model::{Backlog, Initiative, Side};
use crate::scoring::{format_number, side_title, Explanation, Scorer, SideRaw, Term};
use crate::{Error, Problem};

/// Scores each side with a compiled formula.
///
/// ```
/// use twosided::formula::FormulaScorer;
/// use twosided::scoring::Scorer;
/// use twosided::{Backlog, Estimate, Initiative, Side, SideEstimate};
/// let item = Initiative {
///     id: "a".into(), name: "A".into(),
///     buyer: Some(SideEstimate::new(450.0, 3.0, 1.0)),
///     effort: Estimate::Value(2.0),
///     ..Initiative::default()
/// };
/// let backlog = Backlog { initiatives: vec![item.clone()], ..Backlog::default() };
/// let scorer = FormulaScorer::new("reach * impact * confidence / effort", &backlog).unwrap();
/// let raw = scorer.score_side(&backlog, 0, &item, Side::Buyer).unwrap();
/// assert_eq!(raw.value, 675.0);
/// assert_eq!(raw.explanation.sentence,
///     "Buyers formula 675 = reach * impact * confidence / effort = 450 * 3 * 1 / 2");
/// ```
#[derive(Debug, Clone)]
pub struct FormulaScorer {
    formula: Formula,
}

impl FormulaScorer {
    /// Compiles `source` against the backlog's criteria and scales. Errors
    /// become one [`Error::InvalidOption`] at `options.formula` that lists
    /// them with their positions.
    pub fn new(source: &str, backlog: &Backlog) -> Result<Self, Error> {
        let context = CompileContext {
            criteria: &backlog.criteria,
            scales: &backlog.scales,
        };
        compile(source, context)
            .map(|formula| FormulaScorer { formula })
            .map_err(|errors| to_option_error("options.formula", &errors))
    }

    /// The compiled formula.
    pub fn formula(&self) -> &Formula {
        &self.formula
    }
}

impl Scorer for FormulaScorer {
    fn label(&self) -> &'static str {
        "Formula"
    }

    /// A formula that uses reach (directly or through `value`) counts people.
    fn counts_people(&self) -> bool {
        self.formula
            .names()
            .iter()
            .any(|name| name == "reach" || name == "value")
    }

    fn score_side(
        &self,
        backlog: &Backlog,
        index: usize,
        initiative: &Initiative,
        side: Side,
    ) -> Result<SideRaw, Problem> {
        let inputs = Inputs {
            backlog,
            initiative,
            side,
        };
        let value = evaluate(&self.formula.checked, &inputs, None)
            .map_err(|e| self.problem(e, index, side))?;
        let mut substituted = String::new();
        write(
            &self.formula.tree,
            0,
            &mut substituted,
            &Substitute {
                inputs: &inputs,
                segment: None,
            },
        );
        let terms = self
            .formula
            .names()
            .into_iter()
            .filter_map(|name| {
                let variable = resolve(backlog, &name)?;
                let value = inputs
                    .variable(variable, None, super::Span::default())
                    .ok()?;
                Some(Term::new(name, value))
            })
            .collect();
        Ok(SideRaw {
            value,
            explanation: Explanation {
                sentence: format!(
                    "{} formula {} = {} = {substituted}",
                    side_title(backlog, side),
                    format_number(value),
                    self.formula.text
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
        let inputs = Inputs {
            backlog,
            initiative,
            side,
        };
        evaluate(&self.formula.checked, &inputs, None).map_err(|e| self.problem(e, index, side))
    }
}

impl FormulaScorer {
    fn problem(&self, error: EvalError, index: usize, side: Side) -> Problem {
        let path = if error.field.is_empty() {
            format!("initiatives[{index}].{}", side.key())
        } else {
            format!("initiatives[{index}].{}", error.field)
        };
        let part = snippet(&self.formula, error.span);
        Problem::new(
            error.code,
            path,
            format!("{} (in the formula at {part})", error.message),
        )
    }
}

/// The part of the formula a span covers, as the user wrote it (the tree's
/// spans point into the source it was compiled from, so print that node).
fn snippet(formula: &Formula, span: super::Span) -> String {
    let mut found: Option<&Expr> = None;
    let mut stack = vec![&formula.tree];
    while let Some(expr) = stack.pop() {
        if expr.span == span {
            found = Some(expr);
            break;
        }
        stack.extend(expr.children());
    }
    match found {
        Some(expr) => format!("\"{}\"", super::print(expr)),
        None => format!("character {}", span.start.saturating_add(1)),
    }
}

fn resolve(backlog: &Backlog, name: &str) -> Option<Variable> {
    Variable::built_in(name).or_else(|| {
        backlog
            .criteria
            .iter()
            .position(|c| c.id == name)
            .map(Variable::Criterion)
    })
}

/// Prints the formula with each name replaced by its value, and
/// `segments(x)` expanded into one term per segment.
struct Substitute<'a> {
    inputs: &'a Inputs<'a>,
    segment: Option<PerPerson>,
}

impl Leaves for Substitute<'_> {
    fn name(&self, name: &str, out: &mut String) {
        let value = resolve(self.inputs.backlog, name).and_then(|variable| {
            self.inputs
                .variable(variable, self.segment, super::Span::default())
                .ok()
        });
        match value {
            Some(v) if v < 0.0 => {
                out.push('(');
                out.push_str(&format_number(v));
                out.push(')');
            }
            Some(v) => out.push_str(&format_number(v)),
            // Only in a branch of if(...) that was not taken.
            None => out.push('?'),
        }
    }

    fn segments(&self, inner: &Expr, out: &mut String) -> bool {
        let people = self.inputs.per_person();
        let segmented = self
            .inputs
            .initiative
            .side(self.inputs.side)
            .is_some_and(|e| e.is_segmented());
        if !segmented {
            let Some(person) = people.first().copied() else {
                out.push('0');
                return true;
            };
            let nested = Substitute {
                inputs: self.inputs,
                segment: Some(person),
            };
            out.push('(');
            write(inner, 0, out, &nested);
            out.push(')');
            return true;
        }
        out.push('(');
        for (i, person) in people.into_iter().enumerate() {
            if i > 0 {
                out.push_str(" + ");
            }
            let nested = Substitute {
                inputs: self.inputs,
                segment: Some(person),
            };
            write(inner, 2, out, &nested);
        }
        out.push(')');
        true
    }
}

/// Compiles a formula for a backlog, for [`crate::score`].
pub(crate) fn scorer_for(formula: Option<&str>, backlog: &Backlog) -> Result<FormulaScorer, Error> {
    match formula {
        Some(source) => FormulaScorer::new(source, backlog),
        None => Err(Error::option(
            "options.formula",
            "the custom framework needs a formula, such as value / effort",
        )),
    }
}
