//! Reading one cell: numbers as spreadsheets write them, percentages, impact
//! and confidence words, kinds of work, lists, and text written by the export.

use crate::model::WorkKind;

/// Whether a text cell starts with a character a spreadsheet would treat as
/// the start of a formula (or that hides one).
pub(crate) fn needs_formula_guard(text: &str) -> bool {
    matches!(
        text.chars().next(),
        Some('=' | '+' | '-' | '@' | '\t' | '\r' | '\0' | '\'')
    )
}

/// Undoes the export's formula guard: one leading `'` is removed when what
/// follows would have needed it. A cell such as `'hello` typed by a person
/// keeps its quote.
pub(crate) fn unguard(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if needs_formula_guard(rest) => rest,
        _ => text,
    }
}

/// Whether a cell holds nothing but spaces.
pub(crate) fn is_blank(text: &str) -> bool {
    text.chars().all(char::is_whitespace)
}

/// Reads a number as a spreadsheet writes it. `decimal_comma` says whether
/// the comma is the decimal separator (then a point groups thousands) or
/// the point is (then a comma groups thousands). Returns why not otherwise.
pub(crate) fn parse_number(raw: &str, decimal_comma: bool) -> Result<f64, String> {
    let trimmed = unguard(raw.trim()).trim();
    let mut text: String = trimmed
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .map(|c| if c == '\u{2212}' { '-' } else { c })
        .collect();
    if let Some(rest) = text.strip_prefix('+') {
        text = rest.to_string();
    }
    // The other separator may only group thousands.
    let (decimal_sep, group_sep) = if decimal_comma {
        (',', '.')
    } else {
        ('.', ',')
    };
    let (whole, fraction) = match text.split_once(decimal_sep) {
        Some((whole, fraction)) => (whole.to_string(), Some(fraction.to_string())),
        None => (text.clone(), None),
    };
    let whole = if whole.contains(group_sep) {
        let digits = whole.trim_start_matches('-');
        if is_grouped(digits, group_sep) {
            whole.replace(group_sep, "")
        } else if decimal_comma && fraction.is_none() {
            // A lone point in a decimal-comma file: read it as a decimal
            // point (`0.8`), since it cannot be grouping.
            return finish(&whole, trimmed);
        } else {
            return Err(if decimal_comma {
                format!("\"{trimmed}\" is not a number: this file uses a decimal comma, so a point may only group thousands (1.200,5)")
            } else {
                format!("\"{trimmed}\" is not a number: this file uses a decimal point, so a comma may only group thousands (1,200.5)")
            });
        }
    } else {
        whole
    };
    match fraction {
        Some(fraction) => finish(&format!("{whole}.{fraction}"), trimmed),
        None => finish(&whole, trimmed),
    }
}

fn finish(text: &str, shown: &str) -> Result<f64, String> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let starts_well = digits
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || c == '.');
    let plain = digits
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'));
    match text.parse::<f64>() {
        Ok(value) if starts_well && plain && value.is_finite() => Ok(value),
        _ => Err(format!("\"{shown}\" is not a number")),
    }
}

/// `1,234,567` style grouping: 1-3 digits, then groups of exactly 3.
fn is_grouped(digits: &str, separator: char) -> bool {
    let mut groups = digits.split(separator);
    let first_ok = groups
        .next()
        .is_some_and(|g| (1..=3).contains(&g.len()) && g.chars().all(|c| c.is_ascii_digit()));
    let mut rest = groups.peekable();
    first_ok
        && rest.peek().is_some()
        && rest.all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()))
}

/// Whether a cell can only be a number with a decimal comma, such as `0,5`
/// or `12,75` (not `1,200`, which may be grouping).
pub(crate) fn looks_decimal_comma(raw: &str) -> bool {
    let text = raw
        .trim()
        .trim_start_matches(['-', '+'])
        .trim_end_matches('%');
    match text.split_once(',') {
        Some((whole, fraction)) => {
            !whole.is_empty()
                && whole.chars().all(|c| c.is_ascii_digit())
                && !fraction.is_empty()
                && fraction.chars().all(|c| c.is_ascii_digit())
                && fraction.len() != 3
        }
        None => false,
    }
}

/// Reads an estimate cell, which may hold a range `low-likely-high` of
/// non-negative numbers. Returns `[low, likely, high]` for a range.
pub(crate) fn parse_range(raw: &str, decimal_comma: bool) -> Option<[f64; 3]> {
    let text = unguard(raw.trim());
    if text.starts_with('-') || text.starts_with('\u{2212}') {
        return None;
    }
    let parts: Vec<&str> = text.split(['-', '\u{2013}']).collect();
    match parts.as_slice() {
        [low, likely, high] => Some([
            parse_number(low, decimal_comma).ok()?,
            parse_number(likely, decimal_comma).ok()?,
            parse_number(high, decimal_comma).ok()?,
        ]),
        _ => None,
    }
}

/// A word with an optional minus (`-high`, `− low`): the word in lower case
/// and whether it was negated.
fn signed_word(raw: &str) -> (String, bool) {
    let text = unguard(raw.trim()).trim();
    match text
        .strip_prefix('-')
        .or_else(|| text.strip_prefix('\u{2212}'))
    {
        Some(rest) => (rest.trim().to_lowercase(), true),
        None => (text.to_lowercase(), false),
    }
}

/// RICE impact words on the canonical scale, signed with a leading minus.
pub(crate) fn impact_word(raw: &str) -> Option<f64> {
    let (word, negative) = signed_word(raw);
    let value = match word.as_str() {
        "massive" => 3.0,
        "high" => 2.0,
        "medium" => 1.0,
        "low" => 0.5,
        "minimal" => 0.25,
        "none" => 0.0,
        _ => return None,
    };
    Some(if negative { -value } else { value })
}

/// RICE confidence words: high 100%, medium 80%, low 50%.
pub(crate) fn confidence_word(raw: &str) -> Option<f64> {
    match unguard(raw.trim()).trim().to_lowercase().as_str() {
        "high" => Some(1.0),
        "medium" => Some(0.8),
        "low" => Some(0.5),
        _ => None,
    }
}

/// A percentage such as `80%` or `80 %`, as a fraction.
pub(crate) fn parse_percent(raw: &str, decimal_comma: bool) -> Option<Result<f64, String>> {
    let text = raw.trim().strip_suffix('%')?;
    Some(parse_number(text, decimal_comma).map(|v| v / 100.0))
}

/// A kind of work, by its label or JSON name in any case or spacing.
pub(crate) fn parse_kind(raw: &str) -> Option<WorkKind> {
    let key: String = unguard(raw.trim())
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    match key.as_str() {
        "customerfacing" | "customer" | "cf" => Some(WorkKind::CustomerFacing),
        "platform" | "tech" | "technical" => Some(WorkKind::Platform),
        "operational" | "operations" | "ops" => Some(WorkKind::Operational),
        _ => None,
    }
}

/// A list cell: items separated by commas or semicolons, trimmed.
pub(crate) fn parse_list(raw: &str) -> Vec<String> {
    unguard(raw)
        .split([',', ';'])
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_with_point_or_comma() {
        assert_eq!(parse_number("1.5", false), Ok(1.5));
        assert_eq!(parse_number(" -2 ", false), Ok(-2.0));
        assert_eq!(parse_number("1,200.5", false), Ok(1200.5));
        assert_eq!(parse_number("1 200", false), Ok(1200.0));
        assert_eq!(parse_number("\u{2212}0.25", false), Ok(-0.25));
        assert_eq!(parse_number("1E+06", false), Ok(1e6));
        assert_eq!(parse_number("'-3", false), Ok(-3.0));
        assert!(parse_number("0,5", false).is_err());
        assert_eq!(parse_number("0,5", true), Ok(0.5));
        assert_eq!(parse_number("1.200,5", true), Ok(1200.5));
        assert_eq!(parse_number("1.200", true), Ok(1200.0));
        assert_eq!(parse_number("0.8", true), Ok(0.8));
        assert!(parse_number("1,2,3", true).is_err());
        for bad in ["abc", "inf", "NaN", "", "-", "1e999", "12abc", "0x10"] {
            assert!(parse_number(bad, false).is_err(), "{bad}");
        }
    }

    #[test]
    fn percentages_words_and_ranges() {
        assert_eq!(parse_percent("80%", false), Some(Ok(0.8)));
        assert_eq!(parse_percent("62,5 %", true), Some(Ok(0.625)));
        assert_eq!(parse_percent("80", false), None);
        assert_eq!(impact_word("Massive"), Some(3.0));
        assert_eq!(impact_word("-high"), Some(-2.0));
        assert_eq!(impact_word("\u{2212} low"), Some(-0.5));
        assert_eq!(impact_word("huge"), None);
        assert_eq!(confidence_word("Medium"), Some(0.8));
        assert_eq!(
            parse_range("300-450-700", false),
            Some([300.0, 450.0, 700.0])
        );
        assert_eq!(parse_range("0,5-1-1,5", true), Some([0.5, 1.0, 1.5]));
        assert_eq!(parse_range("-1-0-1", false), None);
        assert_eq!(parse_range("450", false), None);
    }

    #[test]
    fn guard_is_removed_once() {
        assert_eq!(unguard("'=SUM(A1)"), "=SUM(A1)");
        assert_eq!(unguard("''x"), "'x");
        assert_eq!(unguard("'hello"), "'hello");
        assert!(needs_formula_guard("-x") && !needs_formula_guard("x"));
    }

    #[test]
    fn kinds_lists_and_decimal_comma_detection() {
        assert_eq!(
            parse_kind("Customer-facing"),
            Some(WorkKind::CustomerFacing)
        );
        assert_eq!(parse_kind("OPS"), Some(WorkKind::Operational));
        assert_eq!(parse_kind("misc"), None);
        assert_eq!(parse_list("a, b;c,,"), vec!["a", "b", "c"]);
        assert!(looks_decimal_comma("0,5") && looks_decimal_comma("80,25%"));
        assert!(!looks_decimal_comma("1,200") && !looks_decimal_comma("abc"));
    }
}
