//! The formula's syntax tree: numbers, names, operators and function calls,
//! each with the part of the source it came from.

use serde::{Deserialize, Serialize};

/// A part of the formula's text: a byte offset and a length in bytes.
/// Formulas are ASCII, so bytes and characters coincide wherever an error
/// can point.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Span {
    /// Byte offset of the first character.
    pub start: usize,
    /// Length in bytes (at least 1, except for an empty formula).
    pub length: usize,
}

impl Span {
    /// A span from `start` with `length` bytes.
    pub fn new(start: usize, length: usize) -> Self {
        Span { start, length }
    }

    /// The byte just after the span.
    pub fn end(self) -> usize {
        self.start.saturating_add(self.length)
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        let start = self.start.min(other.start);
        let end = self.end().max(other.end());
        Span::new(start, end.saturating_sub(start))
    }
}

/// A binary arithmetic operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BinaryOp {
    /// `+`
    Add,
    /// `-`
    Subtract,
    /// `*`
    Multiply,
    /// `/`
    Divide,
    /// `^` (right-associative, binds tighter than a leading minus).
    Power,
}

impl BinaryOp {
    /// The operator as written.
    pub fn symbol(self) -> &'static str {
        match self {
            BinaryOp::Add => "+",
            BinaryOp::Subtract => "-",
            BinaryOp::Multiply => "*",
            BinaryOp::Divide => "/",
            BinaryOp::Power => "^",
        }
    }
}

/// A comparison; it gives 1 when true and 0 when false.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Comparison {
    /// `<`
    Less,
    /// `<=`
    LessOrEqual,
    /// `>`
    Greater,
    /// `>=`
    GreaterOrEqual,
    /// `==`
    Equal,
    /// `!=`
    NotEqual,
}

impl Comparison {
    /// The operator as written.
    pub fn symbol(self) -> &'static str {
        match self {
            Comparison::Less => "<",
            Comparison::LessOrEqual => "<=",
            Comparison::Greater => ">",
            Comparison::GreaterOrEqual => ">=",
            Comparison::Equal => "==",
            Comparison::NotEqual => "!=",
        }
    }

    /// Whether the comparison holds.
    pub fn holds(self, left: f64, right: f64) -> bool {
        match self {
            Comparison::Less => left < right,
            Comparison::LessOrEqual => left <= right,
            Comparison::Greater => left > right,
            Comparison::GreaterOrEqual => left >= right,
            Comparison::Equal => left == right,
            Comparison::NotEqual => left != right,
        }
    }
}

/// A built-in function.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Function {
    /// `min(a, b, ...)`: the smallest argument.
    Min,
    /// `max(a, b, ...)`: the largest argument.
    Max,
    /// `abs(x)`.
    Abs,
    /// `sqrt(x)`.
    Sqrt,
    /// `log(x)`: the natural logarithm; `log(x, base)` for another base.
    Log,
    /// `round(x)`: to the nearest whole number, halves away from zero.
    Round,
    /// `sign(x)`: -1, 0 or 1.
    Sign,
    /// `if(condition, then, otherwise)`: `then` when the condition is not 0.
    If,
    /// `segments(x)`: `x` for each segment of the side, summed.
    Segments,
}

impl Function {
    /// Every function, for listing.
    pub const ALL: [Function; 9] = [
        Function::Min,
        Function::Max,
        Function::Abs,
        Function::Sqrt,
        Function::Log,
        Function::Round,
        Function::Sign,
        Function::If,
        Function::Segments,
    ];

    /// The name as written.
    pub fn name(self) -> &'static str {
        match self {
            Function::Min => "min",
            Function::Max => "max",
            Function::Abs => "abs",
            Function::Sqrt => "sqrt",
            Function::Log => "log",
            Function::Round => "round",
            Function::Sign => "sign",
            Function::If => "if",
            Function::Segments => "segments",
        }
    }

    /// The function with this name.
    pub fn from_name(name: &str) -> Option<Function> {
        Function::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The fewest and most arguments it takes.
    pub fn arity(self) -> (usize, usize) {
        match self {
            Function::Min | Function::Max => (2, super::MAX_ARGUMENTS),
            Function::Log => (1, 2),
            Function::If => (3, 3),
            Function::Abs | Function::Sqrt | Function::Round | Function::Sign => (1, 1),
            Function::Segments => (1, 1),
        }
    }
}

/// One node of a formula.
#[derive(Debug, Clone)]
pub struct Expr {
    /// What the node is.
    pub kind: ExprKind,
    /// Where it is in the source.
    pub span: Span,
}

/// The kinds of node.
#[derive(Debug, Clone)]
pub enum ExprKind {
    /// A number literal (finite, not negative: a minus is [`ExprKind::Negate`]).
    Number(f64),
    /// A name: a field of the initiative or a custom criterion.
    Name(String),
    /// `-x`.
    Negate(Box<Expr>),
    /// `a op b`.
    Binary(BinaryOp, Box<Expr>, Box<Expr>),
    /// `a cmp b`, 1 or 0.
    Compare(Comparison, Box<Expr>, Box<Expr>),
    /// `f(args)`.
    Call(Function, Vec<Expr>),
}

impl Expr {
    /// A node.
    pub fn new(kind: ExprKind, span: Span) -> Self {
        Expr { kind, span }
    }

    /// The direct children, in order.
    pub fn children(&self) -> Vec<&Expr> {
        match &self.kind {
            ExprKind::Number(_) | ExprKind::Name(_) => Vec::new(),
            ExprKind::Negate(inner) => vec![inner],
            ExprKind::Binary(_, left, right) | ExprKind::Compare(_, left, right) => {
                vec![left, right]
            }
            ExprKind::Call(_, args) => args.iter().collect(),
        }
    }
}

/// Structural equality: same shape, operators, names and numbers (bit for
/// bit); positions are ignored, so a printed and re-parsed formula is equal
/// to the original.
impl PartialEq for Expr {
    fn eq(&self, other: &Self) -> bool {
        match (&self.kind, &other.kind) {
            (ExprKind::Number(a), ExprKind::Number(b)) => a.to_bits() == b.to_bits(),
            (ExprKind::Name(a), ExprKind::Name(b)) => a == b,
            (ExprKind::Negate(a), ExprKind::Negate(b)) => a == b,
            (ExprKind::Binary(op_a, la, ra), ExprKind::Binary(op_b, lb, rb)) => {
                op_a == op_b && la == lb && ra == rb
            }
            (ExprKind::Compare(op_a, la, ra), ExprKind::Compare(op_b, lb, rb)) => {
                op_a == op_b && la == lb && ra == rb
            }
            (ExprKind::Call(fa, aa), ExprKind::Call(fb, ab)) => fa == fb && aa == ab,
            _ => false,
        }
    }
}
