//! Checks a parsed formula against a backlog's names and scales: every name
//! known, every function given the right number of arguments, no division
//! that can be by zero, no `segments(...)` inside another. Produces the
//! checked tree the evaluator runs.

use super::ast::{BinaryOp, Comparison, Expr, ExprKind, Function};
use super::interval::Interval;
use super::names::{Variable, BUILT_IN_NAMES};
use super::print::print;
use super::{CriterionDefinition, FormulaError, FormulaErrorKind, Span};
use crate::limits::{MAX_EFFORT, MAX_REACH, MAX_SEGMENTS, MAX_WEIGHT};
use crate::model::{Scale, Scales};
use crate::scoring::format_number;

/// What a formula is checked against: the backlog's criteria and scales.
#[derive(Debug, Clone, Copy)]
pub struct CompileContext<'a> {
    /// The custom criteria the formula may name.
    pub criteria: &'a [CriterionDefinition],
    /// The scales of the built-in fields (impact, ICE, WSJF).
    pub scales: &'a Scales,
}

/// A checked node: names resolved to variables.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Node {
    pub kind: NodeKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum NodeKind {
    Number(f64),
    Variable(Variable),
    Negate(Box<Node>),
    Binary(BinaryOp, Box<Node>, Box<Node>),
    Compare(Comparison, Box<Node>, Box<Node>),
    Call(Function, Vec<Node>),
}

struct Checker<'a> {
    context: CompileContext<'a>,
    errors: Vec<FormulaError>,
    /// What the conditions of enclosing `if(...)` branches say about names.
    guards: Vec<Guard>,
}

/// What a branch of `if(name op number, ...)` knows about the name.
#[derive(Debug, Clone, Copy)]
struct Guard {
    variable: Variable,
    known: Known,
    /// Whether the condition was inside `segments(...)`: a per-segment name
    /// means something else on the other side of that boundary.
    in_segments: bool,
}

#[derive(Debug, Clone, Copy)]
enum Known {
    Within(Interval),
    NotZero,
}

/// Checks `expr`, returning the checked tree or every error found.
pub(crate) fn check(expr: &Expr, context: CompileContext<'_>) -> Result<Node, Vec<FormulaError>> {
    let mut checker = Checker {
        context,
        errors: Vec::new(),
        guards: Vec::new(),
    };
    let (node, _) = checker.visit(expr, false);
    if checker.errors.is_empty() {
        Ok(node)
    } else {
        checker.errors.sort_by_key(|e| e.span.start);
        Err(checker.errors)
    }
}

impl Checker<'_> {
    fn error(&mut self, code: FormulaErrorKind, span: Span, message: String) {
        self.errors.push(FormulaError::new(code, span, message));
    }

    /// Returns the checked node and the range of values it can take.
    /// Recursion depth is the tree's depth, which the parser bounds.
    fn visit(&mut self, expr: &Expr, in_segments: bool) -> (Node, Interval) {
        let span = expr.span;
        let (kind, range) = match &expr.kind {
            ExprKind::Number(value) => (NodeKind::Number(*value), Interval::point(*value)),
            ExprKind::Name(name) => match self.resolve(name) {
                Some(variable) => (
                    NodeKind::Variable(variable),
                    self.guarded(variable, in_segments),
                ),
                None => {
                    self.unknown_name(name, span);
                    // A neutral range, so the wrong name is not reported a
                    // second time as a divisor that can be 0.
                    (NodeKind::Number(1.0), Interval::point(1.0))
                }
            },
            ExprKind::Negate(inner) => {
                let (inner, range) = self.visit(inner, in_segments);
                (NodeKind::Negate(Box::new(inner)), range.negate())
            }
            ExprKind::Binary(op, left, right) => {
                let (left_node, l) = self.visit(left, in_segments);
                let (right_node, r) = self.visit(right, in_segments);
                let range = match op {
                    BinaryOp::Add => l.add(r),
                    BinaryOp::Subtract => l.subtract(r),
                    BinaryOp::Multiply => l.multiply(r),
                    BinaryOp::Power => l.power(r),
                    BinaryOp::Divide => {
                        if r.contains_zero() {
                            self.division_by_zero(right, r);
                        }
                        l.divide(r)
                    }
                };
                (
                    NodeKind::Binary(*op, Box::new(left_node), Box::new(right_node)),
                    range,
                )
            }
            ExprKind::Compare(op, left, right) => {
                let (left_node, _) = self.visit(left, in_segments);
                let (right_node, _) = self.visit(right, in_segments);
                (
                    NodeKind::Compare(*op, Box::new(left_node), Box::new(right_node)),
                    Interval::new(0.0, 1.0),
                )
            }
            ExprKind::Call(function, args) => self.call(*function, args, span, in_segments),
        };
        (Node { kind, span }, range)
    }

    fn call(
        &mut self,
        function: Function,
        args: &[Expr],
        span: Span,
        in_segments: bool,
    ) -> (NodeKind, Interval) {
        let (fewest, most) = function.arity();
        if args.len() < fewest || args.len() > most {
            let wanted = if fewest == most {
                format!("{fewest}")
            } else if most >= super::MAX_ARGUMENTS {
                format!("at least {fewest}")
            } else {
                format!("{fewest} or {most}")
            };
            self.error(
                FormulaErrorKind::WrongArgumentCount,
                span,
                format!(
                    "{}(...) takes {wanted} argument{}, not {}.",
                    function.name(),
                    if wanted == "1" { "" } else { "s" },
                    args.len()
                ),
            );
        }
        let nested = function == Function::Segments;
        if nested && in_segments {
            self.error(
                FormulaErrorKind::NestedSegments,
                span,
                "segments(...) already sums over the side's segments; it cannot be used inside another segments(...).".into(),
            );
        }
        let mut nodes = Vec::with_capacity(args.len());
        let mut ranges = Vec::with_capacity(args.len());
        let inner_segments = in_segments || nested;
        let guard = match (function, args.first()) {
            (Function::If, Some(condition)) => self.guard_from(condition),
            _ => None,
        };
        for (i, arg) in args.iter().enumerate() {
            // The branches of if(...) know what their condition says.
            let known = match (guard, i) {
                (Some((variable, then, _)), 1) => Some((variable, then)),
                (Some((variable, _, otherwise)), 2) => Some((variable, otherwise)),
                _ => None,
            };
            if let Some((variable, known)) = known {
                self.guards.push(Guard {
                    variable,
                    known,
                    in_segments: inner_segments,
                });
            }
            let (node, range) = self.visit(arg, inner_segments);
            if known.is_some() {
                self.guards.pop();
            }
            nodes.push(node);
            ranges.push(range);
        }
        let first = ranges.first().copied().unwrap_or(Interval::ANY);
        let range = match function {
            Function::Min => ranges.iter().skip(1).fold(first, |a, b| a.min(*b)),
            Function::Max => ranges.iter().skip(1).fold(first, |a, b| a.max(*b)),
            Function::Abs => first.abs(),
            Function::Sqrt => first.sqrt(),
            Function::Log if ranges.len() == 1 => first.ln(),
            Function::Log => Interval::ANY,
            Function::Round => first.round(),
            Function::Sign => first.sign(),
            Function::If => match (ranges.get(1), ranges.get(2)) {
                (Some(then), Some(otherwise)) => then.union(*otherwise),
                _ => Interval::ANY,
            },
            Function::Segments => first.summed(MAX_SEGMENTS),
        };
        (NodeKind::Call(function, nodes), range)
    }

    /// A name's range, narrowed by the conditions of enclosing branches.
    fn guarded(&self, variable: Variable, in_segments: bool) -> Interval {
        let mut range = self.range_of(variable);
        for guard in &self.guards {
            let same_scope = !variable.is_per_segment() || guard.in_segments == in_segments;
            if guard.variable != variable || !same_scope {
                continue;
            }
            let narrowed = match guard.known {
                Known::Within(within) => {
                    Interval::new(range.lo.max(within.lo), range.hi.min(within.hi))
                }
                Known::NotZero => Interval::new(
                    if range.lo == 0.0 {
                        next_up(0.0)
                    } else {
                        range.lo
                    },
                    if range.hi == 0.0 {
                        next_down(0.0)
                    } else {
                        range.hi
                    },
                ),
            };
            // An empty range means the branch never runs; keep the wider
            // range rather than guess.
            if narrowed != Interval::ANY {
                range = narrowed;
            }
        }
        range
    }

    /// What `name op number` (or `number op name`) says about the name in
    /// the branch taken when it holds, and in the other.
    fn guard_from(&self, condition: &Expr) -> Option<(Variable, Known, Known)> {
        let ExprKind::Compare(op, left, right) = &condition.kind else {
            return None;
        };
        let (name, number, op) = match (&left.kind, &right.kind) {
            (ExprKind::Name(name), ExprKind::Number(c)) => (name, *c, *op),
            (ExprKind::Number(c), ExprKind::Name(name)) => (name, *c, flip(*op)),
            _ => return None,
        };
        let variable = self.resolve(name)?;
        let within = |lo: f64, hi: f64| Known::Within(Interval::new(lo, hi));
        let (inf, neg_inf) = (f64::INFINITY, f64::NEG_INFINITY);
        Some(match op {
            Comparison::Greater => (
                variable,
                within(next_up(number), inf),
                within(neg_inf, number),
            ),
            Comparison::GreaterOrEqual => (
                variable,
                within(number, inf),
                within(neg_inf, next_down(number)),
            ),
            Comparison::Less => (
                variable,
                within(neg_inf, next_down(number)),
                within(number, inf),
            ),
            Comparison::LessOrEqual => (
                variable,
                within(neg_inf, number),
                within(next_up(number), inf),
            ),
            Comparison::NotEqual if number == 0.0 => (variable, Known::NotZero, within(0.0, 0.0)),
            Comparison::Equal if number == 0.0 => (variable, within(0.0, 0.0), Known::NotZero),
            _ => return None,
        })
    }

    fn resolve(&self, name: &str) -> Option<Variable> {
        Variable::built_in(name).or_else(|| {
            self.context
                .criteria
                .iter()
                .position(|c| c.id == name)
                .map(Variable::Criterion)
        })
    }

    fn unknown_name(&mut self, name: &str, span: Span) {
        let mut known: Vec<&str> = BUILT_IN_NAMES.iter().map(|(n, _)| *n).collect();
        known.extend(self.context.criteria.iter().map(|c| c.id.as_str()));
        let hint = if super::Function::from_name(name).is_some() {
            format!(" {name} is a function: write {name}(...).")
        } else {
            String::new()
        };
        self.error(
            FormulaErrorKind::UnknownName,
            span,
            format!(
                "\"{name}\" is neither a field nor a criterion of this backlog.{hint} Known names: {}, and the labels moscow_must ... kano_delighter.",
                known.join(", ")
            ),
        );
    }

    fn division_by_zero(&mut self, divisor: &Expr, range: Interval) {
        let text = print(divisor);
        let message = if range.lo == 0.0 && range.hi == 0.0 {
            "This divides by 0.".to_string()
        } else if range.lo.is_infinite() || range.hi.is_infinite() {
            format!("The divisor {text} can be 0 for some initiatives. Keep it away from 0, for example max({text}, 1), or guard it: if({text} > 0, ... / {text}, 0).")
        } else {
            format!(
                "The divisor {text} can be 0 for some initiatives (it can range from {} to {}). Keep it away from 0, for example max({text}, 1), or guard it: if({text} > 0, ... / {text}, 0).",
                format_number(range.lo),
                format_number(range.hi)
            )
        };
        self.error(FormulaErrorKind::DivisionByZero, divisor.span, message);
    }

    /// The values a name can take on a valid initiative.
    fn range_of(&self, variable: Variable) -> Interval {
        let scales = self.context.scales;
        let with_zero = |range: Interval| range.union(Interval::point(0.0));
        let signed = |scale: &Scale| {
            let (lo, hi) = scale.bounds();
            let magnitude = lo.abs().max(hi.abs());
            Interval::new(-magnitude, magnitude)
        };
        let plain = |scale: &Scale| {
            let (lo, hi) = scale.bounds();
            Interval::new(lo, hi)
        };
        let reach = Interval::new(0.0, MAX_REACH);
        // Scale::bounds already spans the negatives of a signed scale.
        let impact = with_zero(plain(&scales.impact));
        let confidence = Interval::new(0.0, 1.0);
        let weight = Interval::new(0.0, MAX_WEIGHT).union(Interval::point(1.0));
        match variable {
            Variable::Reach => reach,
            Variable::Impact => impact,
            Variable::Confidence => confidence,
            Variable::Weight => weight,
            Variable::Value => weight
                .multiply(reach)
                .multiply(impact)
                .multiply(confidence)
                .summed(MAX_SEGMENTS),
            // Validation keeps effort above 0; the smallest positive number
            // is the honest lower bound.
            Variable::Effort => Interval::new(f64::from_bits(1), MAX_EFFORT),
            Variable::IceImpact => with_zero(signed(&scales.ice)),
            Variable::IceConfidence | Variable::Ease => plain(&scales.ice),
            Variable::BusinessValue => with_zero(signed(&scales.wsjf)),
            Variable::TimeCriticality | Variable::RiskReduction | Variable::JobSize => {
                plain(&scales.wsjf)
            }
            Variable::Moscow(_) | Variable::Kano(_) => Interval::new(0.0, 1.0),
            Variable::Criterion(index) => match self.context.criteria.get(index) {
                Some(criterion) => {
                    let (lo, hi) = criterion.scale.bounds();
                    Interval::new(lo, hi)
                }
                None => Interval::ANY,
            },
        }
    }
}

/// `a op b` as `b op' a`.
fn flip(op: Comparison) -> Comparison {
    match op {
        Comparison::Less => Comparison::Greater,
        Comparison::LessOrEqual => Comparison::GreaterOrEqual,
        Comparison::Greater => Comparison::Less,
        Comparison::GreaterOrEqual => Comparison::LessOrEqual,
        other => other,
    }
}

/// The next number above `x` (for finite `x`).
fn next_up(x: f64) -> f64 {
    if x == 0.0 {
        f64::from_bits(1)
    } else if x > 0.0 {
        f64::from_bits(x.to_bits().saturating_add(1))
    } else {
        f64::from_bits(x.to_bits().saturating_sub(1))
    }
}

/// The next number below `x` (for finite `x`).
fn next_down(x: f64) -> f64 {
    -next_up(-x)
}
