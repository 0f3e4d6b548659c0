//! Explanations: how every score was built, as terms and one sentence.

use serde::{Deserialize, Serialize};

/// How a score was built: each term with its value, and one sentence a
/// product lead can read, such as
/// "Buyer RICE 675 = 450 reach x 3 impact x 100% confidence / 2 person-months".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Explanation {
    /// The whole calculation in one line.
    pub sentence: String,
    /// The terms that went into it, in order.
    pub terms: Vec<Term>,
}

/// One input or intermediate value of a score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Term {
    /// What it is, such as `reach`, `impact`, `new buyers weight`.
    pub name: String,
    /// Its value.
    pub value: f64,
}

impl Term {
    /// A term.
    pub fn new(name: impl Into<String>, value: f64) -> Self {
        Term {
            name: name.into(),
            value,
        }
    }
}

/// Formats a number for people: whole numbers without decimals, others with
/// at most three significant decimals, thousands unseparated so the text can
/// be pasted back as a number.
///
/// ```
/// use twosided::scoring::format_number;
/// assert_eq!(format_number(675.0), "675");
/// assert_eq!(format_number(0.5), "0.5");
/// assert_eq!(format_number(3.25), "3.25");
/// assert_eq!(format_number(-0.25), "-0.25");
/// assert_eq!(format_number(1.0 / 3.0), "0.333");
/// ```
pub fn format_number(value: f64) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    if value == value.trunc() && value.abs() < 1e15 {
        // Avoid "-0".
        return format!("{}", value as i64);
    }
    let magnitude = value.abs();
    let decimals = if magnitude >= 100.0 {
        1
    } else if magnitude >= 1.0 {
        2
    } else {
        3
    };
    let text = format!("{value:.decimals$}");
    let trimmed = text.trim_end_matches('0').trim_end_matches('.');
    if trimmed == "-0" || trimmed.is_empty() {
        "0".into()
    } else {
        trimmed.into()
    }
}

/// Formats a fraction as a percentage: 0.8 -> "80%".
pub fn format_percent(fraction: f64) -> String {
    format!("{}%", format_number(fraction * 100.0))
}
