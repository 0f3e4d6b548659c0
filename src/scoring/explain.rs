//! Explanations: how every score was built, as terms and one sentence.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;

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
    /// What it is, such as `reach`, `impact`, `new buyers weight`. Borrowed
    /// for the fixed names, so scoring allocates no text for them.
    pub name: Cow<'static, str>,
    /// Its value.
    pub value: f64,
}

impl Term {
    /// A term.
    pub fn new(name: impl Into<Cow<'static, str>>, value: f64) -> Self {
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
    Number(value).to_string()
}

/// A number written as [`format_number`] writes it, straight into the text
/// being built (`format!("{} reach", Number(450.0))`), with no text of its
/// own to allocate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number(pub f64);

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let value = self.0;
        if !value.is_finite() {
            return write!(f, "{value}");
        }
        if value == value.trunc() && value.abs() < 1e15 {
            // Whole: written as an integer, which also avoids "-0".
            return write!(f, "{}", value as i64);
        }
        let magnitude = value.abs();
        let decimals = if magnitude >= 100.0 {
            1
        } else if magnitude >= 1.0 {
            2
        } else {
            3
        };
        // Rounding, then the shortest text that reads back as the rounded
        // number, is several times faster than exact decimal formatting.
        let scale = 10f64.powi(decimals);
        let rounded = (value * scale).round() / scale;
        if rounded == 0.0 {
            f.write_str("0")
        } else {
            write!(f, "{rounded}")
        }
    }
}

/// A fraction written as a percentage (0.8 as "80%"), like [`format_percent`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Percent(pub f64);

impl fmt::Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}%", Number(self.0 * 100.0))
    }
}

/// Formats a fraction as a percentage: 0.8 -> "80%".
pub fn format_percent(fraction: f64) -> String {
    Percent(fraction).to_string()
}
