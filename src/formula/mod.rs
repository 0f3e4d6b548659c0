//! Custom formulas: a small, safe expression language for a framework's
//! score, custom criteria, framework templates, and MoSCoW and Kano labels.
//!
//! A formula computes the score of **one side** of an initiative; the two
//! sides are then put on the common footing and balanced exactly as the
//! built-in frameworks are (weighted sum, Nash, max-min, guardrail, Pareto).
//! Select it with [`crate::Framework::Custom`] and
//! [`ScoreOptions::formula`](crate::ScoreOptions::formula).
//!
//! # The language
//!
//! - Numbers (`3`, `0.5`, `1e6`), `+ - * / ^`, parentheses. `^` binds tighter
//!   than a leading minus and groups to the right: `-2^2` is -4.
//! - Comparisons `< <= > >= == !=` give 1 or 0; `if(condition, a, b)` gives
//!   `a` when the condition is not 0, and only evaluates that branch.
//! - Functions: `min(a, b, ...)`, `max(a, b, ...)`, `abs`, `sqrt`, `log(x)`
//!   (natural) or `log(x, base)`, `round` (halves away from zero), `sign`,
//!   `segments(x)`.
//! - Names (the side being scored): `reach`, `impact`, `confidence`,
//!   `weight`, `value`; shared: `effort`; ICE: `ice_impact` (this side's),
//!   `ice_confidence`, `ease`; WSJF: `business_value` (this side's),
//!   `time_criticality`, `risk_reduction`, `job_size`; labels, 1 or 0:
//!   `moscow_must`, `moscow_should`, `moscow_could`, `moscow_wont`,
//!   `kano_basic`, `kano_performance`, `kano_delighter`, `kano_indifferent`;
//!   and the backlog's own criteria by id (a per-side criterion reads the
//!   side being scored).
//!
//! # Segments
//!
//! A side split into segments (new and repeat buyers, say) has a reach,
//! impact and confidence per segment. `segments(x)` evaluates `x` once per
//! segment, with `reach`, `impact`, `confidence` and `weight` being that
//! segment's, and sums the results in segment order; on an unsegmented side
//! it evaluates `x` once with `weight` 1. `value` is shorthand for
//! `segments(weight * reach * impact * confidence)`: RICE's numerator. Using
//! `reach`, `impact`, `confidence` or `weight` outside `segments(...)` on a
//! segmented side is an error for that initiative (it has no single reach).
//! A side the initiative does not touch has reach, impact and confidence 0.
//!
//! # Safety
//!
//! Text is at most [`MAX_FORMULA_BYTES`], with at most [`MAX_NODES`] parts
//! nested at most [`MAX_DEPTH`] deep, so parsing, checking and evaluation
//! take bounded time, memory and stack. There are no loops. A division whose
//! divisor can be 0 on some valid initiative is rejected before scoring (the
//! check uses the scales: `reach` can be 0, `effort` cannot; a branch of
//! `if(name > number, ...)` or `if(name != 0, ...)` knows what its condition
//! says about the name, so `if(reach > 0, value / reach, 0)` is accepted).
//! A result that is not a finite number is reported for that initiative,
//! never ranked.
//!
//! ```
//! use twosided::formula::{compile, CompileContext};
//! use twosided::Scales;
//! let scales = Scales::default();
//! let context = CompileContext { criteria: &[], scales: &scales };
//! let rice = compile("value / effort", context).unwrap();
//! assert_eq!(rice.text(), "value / effort");
//!
//! let errors = compile("value / reach", context).unwrap_err();
//! assert_eq!(errors[0].code.as_str(), "DIVISION_BY_ZERO");
//! assert_eq!((errors[0].span.start, errors[0].span.length), (8, 5));
//! ```

mod ast;
mod check;
mod criteria;
mod error;
mod eval;
mod interval;
mod labels;
mod lexer;
mod names;
mod parser;
mod print;
mod scorer;
mod template;

pub use ast::{BinaryOp, Comparison, Expr, ExprKind, Function, Span};
pub use check::CompileContext;
pub use criteria::{
    check_criteria, is_valid_criterion_id, Applies, CriterionDefinition, CriterionScale,
    NamedLevel, MAX_LEVELS,
};
pub use error::{FormulaError, FormulaErrorKind};
pub use labels::{
    filter_backlog, label_pins, Kano, LabelFilter, LabelPinOptions, LabelPins, Moscow,
};
pub use names::{is_reserved, Variable, BUILT_IN_NAMES};
pub use parser::parse;
pub use print::print;
pub use scorer::FormulaScorer;
pub use template::{built_in_templates, equivalent_formula, FrameworkTemplate};

pub(crate) use error::to_option_error;
pub(crate) use scorer::scorer_for;

/// Longest formula text, in bytes. Generous for any real formula, small
/// enough that parsing is instant.
pub const MAX_FORMULA_BYTES: usize = 8_192;
/// Most numbers, names, operators and calls in one formula. Chosen so the
/// canonical printed form of any accepted formula fits [`MAX_FORMULA_BYTES`].
pub const MAX_NODES: usize = 200;
/// Deepest nesting of parentheses, minus signs, powers and calls.
pub const MAX_DEPTH: usize = 64;
/// Longest name in a formula (and criterion id), in bytes.
pub const MAX_NAME_BYTES: usize = 32;
/// Most arguments to `min` or `max`.
pub const MAX_ARGUMENTS: usize = 16;

/// A parsed and checked formula, ready to score initiatives.
#[derive(Debug, Clone, PartialEq)]
pub struct Formula {
    tree: Expr,
    checked: check::Node,
    text: String,
}

/// Parses and checks a formula against a backlog's criteria and scales. On
/// failure, returns the syntax error, or every name, argument-count and
/// division problem, each with its position in the text.
pub fn compile(source: &str, context: CompileContext<'_>) -> Result<Formula, Vec<FormulaError>> {
    let tree = parse(source).map_err(|e| vec![e])?;
    let checked = check::check(&tree, context)?;
    let text = print(&tree);
    Ok(Formula {
        tree,
        checked,
        text,
    })
}

impl Formula {
    /// The canonical text: what [`print`] gives for it.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The syntax tree.
    pub fn tree(&self) -> &Expr {
        &self.tree
    }

    /// The names the formula uses, each once, in order of first use.
    pub fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        let mut stack = vec![&self.tree];
        // An explicit stack: no recursion, and at most MAX_NODES entries.
        while let Some(expr) = stack.pop() {
            if let ExprKind::Name(name) = &expr.kind {
                if !names.contains(name) {
                    names.push(name.clone());
                }
            }
            let mut children = expr.children();
            children.reverse();
            stack.extend(children);
        }
        names
    }
}

/// The checked form of a formula, as the editor and the JavaScript API show it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FormulaSummary {
    /// The canonical text.
    pub text: String,
    /// The names it uses, in order of first use.
    pub names: Vec<String>,
}

impl From<&Formula> for FormulaSummary {
    fn from(formula: &Formula) -> Self {
        FormulaSummary {
            text: formula.text.clone(),
            names: formula.names(),
        }
    }
}
