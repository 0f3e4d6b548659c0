//! Prints a syntax tree back as text with the fewest parentheses, so
//! parse -> print -> parse gives the same tree. The same printer writes the
//! explanation's "values substituted" line through a [`Leaves`] hook.

use super::ast::{BinaryOp, Expr, ExprKind, Function};

/// Binding strength: a child printed where a stronger one is needed gets
/// parentheses.
const COMPARE: u8 = 1;
const ADDITIVE: u8 = 2;
const PRODUCT: u8 = 3;
const UNARY: u8 = 4;
const POWER: u8 = 5;
const PRIMARY: u8 = 6;

/// Prints a formula in its canonical form: single spaces around operators,
/// no redundant parentheses, numbers in their shortest exact form.
///
/// ```
/// use twosided::formula::{parse, print};
/// assert_eq!(print(&parse("(a - (b - c)) ^ 2").unwrap()), "(a - (b - c)) ^ 2");
/// assert_eq!(print(&parse("((2)) * -x ^ 2").unwrap()), "2 * -x ^ 2");
/// ```
pub fn print(expr: &Expr) -> String {
    let mut out = String::new();
    write(expr, 0, &mut out, &Plain);
    out
}

/// How names and `segments(...)` are written: as text, or with values.
pub(crate) trait Leaves {
    /// Writes a name.
    fn name(&self, name: &str, out: &mut String);
    /// Writes `segments(inner)`; returns false to print it as a call.
    fn segments(&self, _inner: &Expr, _out: &mut String) -> bool {
        false
    }
}

struct Plain;

impl Leaves for Plain {
    fn name(&self, name: &str, out: &mut String) {
        out.push_str(name);
    }
}

/// The shortest text that reads back as exactly this number.
pub(crate) fn number_text(value: f64) -> String {
    // Debug gives the shortest round-trip form and switches to an exponent
    // for very large or small numbers, so "1e300" stays short.
    let text = format!("{value:?}");
    match text.strip_suffix(".0") {
        Some(whole) => whole.to_string(),
        None => text,
    }
}

fn strength(expr: &Expr) -> u8 {
    match &expr.kind {
        ExprKind::Number(_) | ExprKind::Name(_) | ExprKind::Call(..) => PRIMARY,
        ExprKind::Negate(_) => UNARY,
        ExprKind::Compare(..) => COMPARE,
        ExprKind::Binary(op, ..) => match op {
            BinaryOp::Add | BinaryOp::Subtract => ADDITIVE,
            BinaryOp::Multiply | BinaryOp::Divide => PRODUCT,
            BinaryOp::Power => POWER,
        },
    }
}

/// Writes `expr` where a binding strength of at least `needed` is required.
/// Recursion depth is bounded by the tree's, which the parser bounds.
pub(crate) fn write(expr: &Expr, needed: u8, out: &mut String, leaves: &dyn Leaves) {
    let own = strength(expr);
    let wrap = own < needed;
    if wrap {
        out.push('(');
    }
    match &expr.kind {
        ExprKind::Number(value) => out.push_str(&number_text(*value)),
        ExprKind::Name(name) => leaves.name(name, out),
        ExprKind::Negate(inner) => {
            out.push('-');
            write(inner, UNARY, out, leaves);
        }
        ExprKind::Binary(op, left, right) => {
            let (left_needs, right_needs) = match op {
                BinaryOp::Add | BinaryOp::Subtract => (ADDITIVE, PRODUCT),
                BinaryOp::Multiply | BinaryOp::Divide => (PRODUCT, UNARY),
                // Right-associative; the base must be a primary so that
                // (-2) ^ 2 keeps its parentheses.
                BinaryOp::Power => (PRIMARY, UNARY),
            };
            write(left, left_needs, out, leaves);
            out.push(' ');
            out.push_str(op.symbol());
            out.push(' ');
            write(right, right_needs, out, leaves);
        }
        ExprKind::Compare(op, left, right) => {
            write(left, ADDITIVE, out, leaves);
            out.push(' ');
            out.push_str(op.symbol());
            out.push(' ');
            write(right, ADDITIVE, out, leaves);
        }
        ExprKind::Call(function, args) => {
            let expanded = match (function, args.as_slice()) {
                (Function::Segments, [inner]) => leaves.segments(inner, out),
                _ => false,
            };
            if !expanded {
                out.push_str(function.name());
                out.push('(');
                for (i, arg) in args.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    write(arg, 0, out, leaves);
                }
                out.push(')');
            }
        }
    }
    if wrap {
        out.push(')');
    }
}
