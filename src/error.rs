//! Errors and validation problems, each with a stable machine-readable code.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A stable, machine-readable code for a problem. Serialised as
/// `SCREAMING_SNAKE_CASE`, for example `INVALID_EFFORT`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
pub enum ProblemCode {
    /// The backlog has no initiatives, or more than the limit.
    InvalidSize,
    /// An id is empty or too long.
    InvalidId,
    /// Two initiatives share an id.
    DuplicateId,
    /// A name is empty or too long.
    InvalidName,
    /// A text field is too long.
    TextTooLong,
    /// A number is NaN or infinite.
    NotFinite,
    /// Effort is not above zero, or too large.
    InvalidEffort,
    /// Reach is negative or too large.
    InvalidReach,
    /// Impact is outside the scale.
    InvalidImpact,
    /// Confidence is outside 0 to 1 (or the scale).
    InvalidConfidence,
    /// A range is not ordered low <= likely <= high.
    InvalidRange,
    /// A side has neither complete estimates nor segments, or both.
    MissingEstimate,
    /// A side refers to a segment the backlog does not declare.
    UnknownSegment,
    /// A segment is declared twice or has a bad weight.
    InvalidSegment,
    /// A dependency names an initiative that does not exist.
    UnknownDependency,
    /// Dependencies form a cycle.
    DependencyCycle,
    /// An ICE input is outside 1-10.
    InvalidIce,
    /// A WSJF input is not on the scale.
    InvalidWsjf,
    /// A scorecard criterion or its value is invalid.
    InvalidCriterion,
    /// The footing or another backlog setting is invalid.
    InvalidSetting,
    /// The framework needs inputs this initiative lacks.
    MissingInputs,
    /// Too many items in a list (dependencies, tags, segments).
    TooMany,
    /// A spreadsheet cell cannot be read as what its column holds.
    InvalidCell,
    /// A spreadsheet row has cells beyond the header, or the file too many rows.
    RaggedRow,
    /// A spreadsheet's header row is missing a needed column, repeats one, or
    /// a column mapping names a column or field that does not exist.
    InvalidHeader,
    /// A goal's baseline, target and direction do not fit together.
    InvalidGoal,
    /// An outcome record is inconsistent with the initiative's status or itself.
    InvalidOutcome,
}

impl ProblemCode {
    /// The code as text, such as `INVALID_EFFORT`.
    pub fn as_str(self) -> &'static str {
        match self {
            ProblemCode::InvalidSize => "INVALID_SIZE",
            ProblemCode::InvalidId => "INVALID_ID",
            ProblemCode::DuplicateId => "DUPLICATE_ID",
            ProblemCode::InvalidName => "INVALID_NAME",
            ProblemCode::TextTooLong => "TEXT_TOO_LONG",
            ProblemCode::NotFinite => "NOT_FINITE",
            ProblemCode::InvalidEffort => "INVALID_EFFORT",
            ProblemCode::InvalidReach => "INVALID_REACH",
            ProblemCode::InvalidImpact => "INVALID_IMPACT",
            ProblemCode::InvalidConfidence => "INVALID_CONFIDENCE",
            ProblemCode::InvalidRange => "INVALID_RANGE",
            ProblemCode::MissingEstimate => "MISSING_ESTIMATE",
            ProblemCode::UnknownSegment => "UNKNOWN_SEGMENT",
            ProblemCode::InvalidSegment => "INVALID_SEGMENT",
            ProblemCode::UnknownDependency => "UNKNOWN_DEPENDENCY",
            ProblemCode::DependencyCycle => "DEPENDENCY_CYCLE",
            ProblemCode::InvalidIce => "INVALID_ICE",
            ProblemCode::InvalidWsjf => "INVALID_WSJF",
            ProblemCode::InvalidCriterion => "INVALID_CRITERION",
            ProblemCode::InvalidSetting => "INVALID_SETTING",
            ProblemCode::MissingInputs => "MISSING_INPUTS",
            ProblemCode::TooMany => "TOO_MANY",
            ProblemCode::InvalidCell => "INVALID_CELL",
            ProblemCode::RaggedRow => "RAGGED_ROW",
            ProblemCode::InvalidHeader => "INVALID_HEADER",
            ProblemCode::InvalidGoal => "INVALID_GOAL",
            ProblemCode::InvalidOutcome => "INVALID_OUTCOME",
        }
    }
}

impl fmt::Display for ProblemCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One thing wrong with the input: what (the code), where (the path, such as
/// `initiatives[3].buyer.reach`) and why (a sentence for a product manager).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Problem {
    /// Stable machine-readable code.
    pub code: ProblemCode,
    /// Where the problem is, as a field path.
    pub path: String,
    /// What is wrong and how to fix it, in plain words.
    pub message: String,
}

impl Problem {
    /// A problem with a code, a path and a message.
    pub fn new(code: ProblemCode, path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            code,
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at {}: {}", self.code, self.path, self.message)
    }
}

/// Everything that can go wrong, with a stable [`Error::code`].
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The backlog failed validation; every problem is listed.
    #[error("the backlog has {} problem(s); the first: {}", .0.len(), first_message(.0))]
    Invalid(Vec<Problem>),
    /// An option is out of range or inconsistent.
    #[error("{path}: {message}")]
    InvalidOption {
        /// The option's path, such as `options.buyerWeight`.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// The input could not be read at all (wrong type, malformed document).
    #[error("{path}: {message}")]
    Parse {
        /// Where reading failed, when known.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// A computed score was not a finite number.
    #[error("{path}: the score is not a finite number ({detail})")]
    NotFinite {
        /// The initiative's path.
        path: String,
        /// How it came about.
        detail: String,
    },
    /// The constraints cannot all be met.
    #[error("{path}: {message}")]
    Infeasible {
        /// The constraint's path.
        path: String,
        /// Which constraints conflict.
        message: String,
    },
    /// An input is over a documented limit.
    #[error("{path}: {message}")]
    LimitExceeded {
        /// What is too large.
        path: String,
        /// The limit and the value.
        message: String,
    },
}

fn first_message(problems: &[Problem]) -> String {
    problems.first().map(|p| p.to_string()).unwrap_or_default()
}

impl Error {
    /// The stable code: `VALIDATION_FAILED`, `INVALID_OPTION`, `PARSE_ERROR`,
    /// `NOT_FINITE`, `INFEASIBLE` or `LIMIT_EXCEEDED`.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Invalid(_) => "VALIDATION_FAILED",
            Error::InvalidOption { .. } => "INVALID_OPTION",
            Error::Parse { .. } => "PARSE_ERROR",
            Error::NotFinite { .. } => "NOT_FINITE",
            Error::Infeasible { .. } => "INFEASIBLE",
            Error::LimitExceeded { .. } => "LIMIT_EXCEEDED",
        }
    }

    /// The field path the error is about (the first problem's, for validation).
    pub fn path(&self) -> &str {
        match self {
            Error::Invalid(problems) => problems.first().map(|p| p.path.as_str()).unwrap_or(""),
            Error::InvalidOption { path, .. }
            | Error::Parse { path, .. }
            | Error::NotFinite { path, .. }
            | Error::Infeasible { path, .. }
            | Error::LimitExceeded { path, .. } => path,
        }
    }

    /// Every validation problem (empty for other errors).
    pub fn problems(&self) -> &[Problem] {
        match self {
            Error::Invalid(problems) => problems,
            _ => &[],
        }
    }

    /// An invalid-option error.
    pub fn option(path: impl Into<String>, message: impl Into<String>) -> Self {
        Error::InvalidOption {
            path: path.into(),
            message: message.into(),
        }
    }
}
