//! Splits formula text into tokens, each with its position.

use super::{FormulaError, FormulaErrorKind, Span, MAX_NAME_BYTES};

/// A token of the formula language.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Token {
    Number(f64),
    Name(String),
    Plus,
    Minus,
    Star,
    Slash,
    Caret,
    LeftParen,
    RightParen,
    Comma,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Equal,
    NotEqual,
}

impl Token {
    /// How the token reads in a message.
    pub(crate) fn describe(&self) -> String {
        match self {
            Token::Number(_) => "a number".into(),
            Token::Name(name) => format!("the name \"{name}\""),
            other => format!("\"{}\"", other.symbol()),
        }
    }

    fn symbol(&self) -> &'static str {
        match self {
            Token::Plus => "+",
            Token::Minus => "-",
            Token::Star => "*",
            Token::Slash => "/",
            Token::Caret => "^",
            Token::LeftParen => "(",
            Token::RightParen => ")",
            Token::Comma => ",",
            Token::Less => "<",
            Token::LessOrEqual => "<=",
            Token::Greater => ">",
            Token::GreaterOrEqual => ">=",
            Token::Equal => "==",
            Token::NotEqual => "!=",
            Token::Number(_) | Token::Name(_) => "",
        }
    }
}

/// The tokens of `source`, or the first character that cannot start one.
pub(crate) fn tokenize(source: &str) -> Result<Vec<(Token, Span)>, FormulaError> {
    let bytes = source.as_bytes();
    let mut tokens = Vec::new();
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        let start = at;
        let single = |token: Token| Ok::<_, FormulaError>((token, 1));
        let next = bytes.get(at.saturating_add(1)).copied();
        let (token, length) = match byte {
            b' ' | b'\t' | b'\n' | b'\r' => {
                at = at.saturating_add(1);
                continue;
            }
            b'0'..=b'9' | b'.' => number(source, start)?,
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => name(source, start)?,
            b'+' => single(Token::Plus)?,
            b'-' => single(Token::Minus)?,
            b'*' => single(Token::Star)?,
            b'/' => single(Token::Slash)?,
            b'^' => single(Token::Caret)?,
            b'(' => single(Token::LeftParen)?,
            b')' => single(Token::RightParen)?,
            b',' => single(Token::Comma)?,
            b'<' if next == Some(b'=') => (Token::LessOrEqual, 2),
            b'<' => single(Token::Less)?,
            b'>' if next == Some(b'=') => (Token::GreaterOrEqual, 2),
            b'>' => single(Token::Greater)?,
            b'=' if next == Some(b'=') => (Token::Equal, 2),
            b'!' if next == Some(b'=') => (Token::NotEqual, 2),
            b'=' => {
                return Err(FormulaError::new(
                    FormulaErrorKind::UnexpectedCharacter,
                    Span::new(start, 1),
                    "A single \"=\" is not a comparison: write \"==\" to compare.",
                ))
            }
            _ => {
                let character = source.get(start..).and_then(|rest| rest.chars().next());
                let length = character.map(char::len_utf8).unwrap_or(1);
                let shown = character.map(String::from).unwrap_or_default();
                return Err(FormulaError::new(
                    FormulaErrorKind::UnexpectedCharacter,
                    Span::new(start, length),
                    format!("\"{shown}\" has no meaning in a formula. Use numbers, names, + - * / ^, comparisons, parentheses and commas."),
                ));
            }
        };
        tokens.push((token, Span::new(start, length)));
        at = start.saturating_add(length);
    }
    Ok(tokens)
}

fn digits_from(bytes: &[u8], mut at: usize) -> usize {
    while bytes.get(at).is_some_and(u8::is_ascii_digit) {
        at = at.saturating_add(1);
    }
    at
}

/// A number: digits, an optional fraction, an optional exponent (`1e6`).
fn number(source: &str, start: usize) -> Result<(Token, usize), FormulaError> {
    let bytes = source.as_bytes();
    let mut end = digits_from(bytes, start);
    let whole_digits = end > start;
    let mut fraction_digits = false;
    if bytes.get(end) == Some(&b'.') {
        let after = digits_from(bytes, end.saturating_add(1));
        fraction_digits = after > end.saturating_add(1);
        end = after;
    }
    if bytes.get(end).is_some_and(|b| matches!(b, b'e' | b'E')) {
        let mut exponent = end.saturating_add(1);
        if bytes
            .get(exponent)
            .is_some_and(|b| matches!(b, b'+' | b'-'))
        {
            exponent = exponent.saturating_add(1);
        }
        let after = digits_from(bytes, exponent);
        if after == exponent {
            return Err(FormulaError::new(
                FormulaErrorKind::InvalidNumber,
                Span::new(start, after.saturating_sub(start)),
                "An exponent needs digits after the \"e\", as in 1e6.",
            ));
        }
        end = after;
    }
    let text = source.get(start..end).unwrap_or("");
    let span = Span::new(start, end.saturating_sub(start));
    if !(whole_digits || fraction_digits) {
        return Err(FormulaError::new(
            FormulaErrorKind::InvalidNumber,
            span,
            "A number needs at least one digit, as in 0.5.",
        ));
    }
    // A number glued to a name ("2x") is a typo for "2 * x": say so.
    if bytes
        .get(end)
        .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'_' || *b == b'.')
    {
        return Err(FormulaError::new(
            FormulaErrorKind::InvalidNumber,
            Span::new(start, end.saturating_add(1).saturating_sub(start)),
            format!("\"{text}\" runs into the next character: put an operator between a number and a name, as in 2 * reach."),
        ));
    }
    match text.parse::<f64>() {
        Ok(value) if value.is_finite() => Ok((Token::Number(value), end.saturating_sub(start))),
        _ => Err(FormulaError::new(
            FormulaErrorKind::InvalidNumber,
            span,
            format!("{text} is too large to be a number here."),
        )),
    }
}

fn name(source: &str, start: usize) -> Result<(Token, usize), FormulaError> {
    let bytes = source.as_bytes();
    let mut end = start;
    while bytes
        .get(end)
        .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
    {
        end = end.saturating_add(1);
    }
    let length = end.saturating_sub(start);
    if length > MAX_NAME_BYTES {
        return Err(FormulaError::new(
            FormulaErrorKind::TooLong,
            Span::new(start, length),
            format!("A name can be at most {MAX_NAME_BYTES} characters long."),
        ));
    }
    let text = source.get(start..end).unwrap_or("").to_string();
    Ok((Token::Name(text), length))
}
