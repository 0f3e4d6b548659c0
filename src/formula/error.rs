//! What can be wrong with a formula, and where.

use super::Span;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The kind of a formula error, serialised as `SCREAMING_SNAKE_CASE`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
pub enum FormulaErrorKind {
    /// The formula is blank.
    Empty,
    /// The text is longer than [`super::MAX_FORMULA_BYTES`], or a name longer
    /// than [`super::MAX_NAME_BYTES`].
    TooLong,
    /// More than [`super::MAX_NODES`] parts, or nested deeper than
    /// [`super::MAX_DEPTH`].
    TooComplex,
    /// A character that has no meaning in a formula.
    UnexpectedCharacter,
    /// A number that is malformed or too large.
    InvalidNumber,
    /// Something in the wrong place, or something missing.
    Syntax,
    /// A name that is neither a field nor a criterion of this backlog.
    UnknownName,
    /// A function that does not exist.
    UnknownFunction,
    /// A function called with too few or too many arguments.
    WrongArgumentCount,
    /// A division whose divisor can be 0 for some valid initiative.
    DivisionByZero,
    /// `segments(...)` inside another `segments(...)`.
    NestedSegments,
}

impl FormulaErrorKind {
    /// The code as text, such as `UNKNOWN_NAME`.
    pub fn as_str(self) -> &'static str {
        match self {
            FormulaErrorKind::Empty => "EMPTY",
            FormulaErrorKind::TooLong => "TOO_LONG",
            FormulaErrorKind::TooComplex => "TOO_COMPLEX",
            FormulaErrorKind::UnexpectedCharacter => "UNEXPECTED_CHARACTER",
            FormulaErrorKind::InvalidNumber => "INVALID_NUMBER",
            FormulaErrorKind::Syntax => "SYNTAX",
            FormulaErrorKind::UnknownName => "UNKNOWN_NAME",
            FormulaErrorKind::UnknownFunction => "UNKNOWN_FUNCTION",
            FormulaErrorKind::WrongArgumentCount => "WRONG_ARGUMENT_COUNT",
            FormulaErrorKind::DivisionByZero => "DIVISION_BY_ZERO",
            FormulaErrorKind::NestedSegments => "NESTED_SEGMENTS",
        }
    }
}

/// One thing wrong with a formula: what, where in the text, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FormulaError {
    /// The kind, as a stable code.
    pub code: FormulaErrorKind,
    /// The part of the text it is about.
    pub span: Span,
    /// What is wrong and how to fix it, in plain words.
    pub message: String,
}

impl FormulaError {
    /// An error of `code` at `span`.
    pub fn new(code: FormulaErrorKind, span: Span, message: impl Into<String>) -> Self {
        FormulaError {
            code,
            span,
            message: message.into(),
        }
    }
}

impl fmt::Display for FormulaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at character {}: {}",
            self.code.as_str(),
            self.span.start.saturating_add(1),
            self.message
        )
    }
}

/// Turns formula errors into one option error for `path`, listing them all.
pub(crate) fn to_option_error(path: &str, errors: &[FormulaError]) -> crate::Error {
    let listed: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    crate::Error::option(
        path,
        format!("the formula cannot be used: {}", listed.join("; ")),
    )
}
