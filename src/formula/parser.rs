//! A recursive-descent parser whose depth and size are bounded, so no input
//! can exhaust the stack or memory.
//!
//! Grammar, loosest first:
//! ```text
//! formula    = comparison
//! comparison = additive [ ("<" | "<=" | ">" | ">=" | "==" | "!=") additive ]
//! additive   = product { ("+" | "-") product }
//! product    = unary { ("*" | "/") unary }
//! unary      = "-" unary | power
//! power      = primary [ "^" unary ]          (so -2^2 = -4, 2^3^2 = 2^9)
//! primary    = number | name | name "(" formula { "," formula } ")" | "(" formula ")"
//! ```

use super::ast::{BinaryOp, Comparison, Expr, ExprKind, Function};
use super::lexer::{tokenize, Token};
use super::{FormulaError, FormulaErrorKind, Span, MAX_DEPTH, MAX_FORMULA_BYTES, MAX_NODES};

/// Parses formula text into a syntax tree, or reports the first syntax
/// error with its position. Names are not resolved here (see
/// [`super::compile`]); function names and argument counts are checked by
/// the checker too.
///
/// ```
/// use twosided::formula::{parse, print};
/// let tree = parse("reach*impact*(confidence)/effort").unwrap();
/// assert_eq!(print(&tree), "reach * impact * confidence / effort");
/// ```
pub fn parse(source: &str) -> Result<Expr, FormulaError> {
    if source.len() > MAX_FORMULA_BYTES {
        return Err(FormulaError::new(
            FormulaErrorKind::TooLong,
            Span::new(
                MAX_FORMULA_BYTES,
                source.len().saturating_sub(MAX_FORMULA_BYTES),
            ),
            format!(
                "A formula can be at most {MAX_FORMULA_BYTES} characters long; this one has {}.",
                source.len()
            ),
        ));
    }
    let tokens = tokenize(source)?;
    if tokens.is_empty() {
        return Err(FormulaError::new(
            FormulaErrorKind::Empty,
            Span::new(0, source.len()),
            "The formula is empty: write how a side's score is computed, such as reach * impact * confidence / effort.",
        ));
    }
    let mut parser = Parser {
        tokens,
        position: 0,
        depth: 0,
        nodes: 0,
        source_length: source.len(),
    };
    let expr = parser.comparison()?;
    if let Some((token, span)) = parser.peek() {
        let message = if *token == Token::RightParen {
            "This \")\" closes nothing: remove it or add the matching \"(\".".to_string()
        } else {
            format!(
                "Expected an operator or the end of the formula, found {}.",
                token.describe()
            )
        };
        return Err(FormulaError::new(FormulaErrorKind::Syntax, *span, message));
    }
    Ok(expr)
}

struct Parser {
    tokens: Vec<(Token, Span)>,
    position: usize,
    depth: usize,
    nodes: usize,
    source_length: usize,
}

impl Parser {
    fn peek(&self) -> Option<&(Token, Span)> {
        self.tokens.get(self.position)
    }

    fn advance(&mut self) -> Option<(Token, Span)> {
        let token = self.tokens.get(self.position).cloned();
        if token.is_some() {
            self.position = self.position.saturating_add(1);
        }
        token
    }

    fn eat(&mut self, expected: &Token) -> bool {
        if self.peek().is_some_and(|(t, _)| t == expected) {
            self.position = self.position.saturating_add(1);
            true
        } else {
            false
        }
    }

    fn end_span(&self) -> Span {
        Span::new(self.source_length, 0)
    }

    /// Counts a node and fails when the formula has too many.
    fn node(&mut self, kind: ExprKind, span: Span) -> Result<Expr, FormulaError> {
        self.nodes = self.nodes.saturating_add(1);
        if self.nodes > MAX_NODES {
            return Err(FormulaError::new(
                FormulaErrorKind::TooComplex,
                span,
                format!("A formula can have at most {MAX_NODES} numbers, names and operators."),
            ));
        }
        Ok(Expr::new(kind, span))
    }

    /// Enters one level of nesting, failing past the limit.
    fn enter(&mut self, span: Span) -> Result<(), FormulaError> {
        self.depth = self.depth.saturating_add(1);
        if self.depth > MAX_DEPTH {
            return Err(FormulaError::new(
                FormulaErrorKind::TooComplex,
                span,
                format!("The formula is nested too deeply: at most {MAX_DEPTH} levels of parentheses, minus signs and powers."),
            ));
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    fn here(&self) -> Span {
        self.peek()
            .map(|(_, s)| *s)
            .unwrap_or_else(|| self.end_span())
    }

    fn comparison(&mut self) -> Result<Expr, FormulaError> {
        self.enter(self.here())?;
        let left = self.additive()?;
        let operator = match self.peek().map(|(t, _)| t) {
            Some(Token::Less) => Some(Comparison::Less),
            Some(Token::LessOrEqual) => Some(Comparison::LessOrEqual),
            Some(Token::Greater) => Some(Comparison::Greater),
            Some(Token::GreaterOrEqual) => Some(Comparison::GreaterOrEqual),
            Some(Token::Equal) => Some(Comparison::Equal),
            Some(Token::NotEqual) => Some(Comparison::NotEqual),
            _ => None,
        };
        let result = match operator {
            None => left,
            Some(operator) => {
                self.advance();
                let right = self.additive()?;
                if let Some((token, span)) = self.peek() {
                    if matches!(
                        token,
                        Token::Less
                            | Token::LessOrEqual
                            | Token::Greater
                            | Token::GreaterOrEqual
                            | Token::Equal
                            | Token::NotEqual
                    ) {
                        return Err(FormulaError::new(
                            FormulaErrorKind::Syntax,
                            *span,
                            "Comparisons cannot be chained: compare two values at a time, inside if(...).",
                        ));
                    }
                }
                let span = left.span.to(right.span);
                self.node(
                    ExprKind::Compare(operator, Box::new(left), Box::new(right)),
                    span,
                )?
            }
        };
        self.leave();
        Ok(result)
    }

    fn additive(&mut self) -> Result<Expr, FormulaError> {
        let mut left = self.product()?;
        loop {
            let operator = match self.peek().map(|(t, _)| t) {
                Some(Token::Plus) => BinaryOp::Add,
                Some(Token::Minus) => BinaryOp::Subtract,
                _ => return Ok(left),
            };
            self.advance();
            let right = self.product()?;
            let span = left.span.to(right.span);
            left = self.node(
                ExprKind::Binary(operator, Box::new(left), Box::new(right)),
                span,
            )?;
        }
    }

    fn product(&mut self) -> Result<Expr, FormulaError> {
        let mut left = self.unary()?;
        loop {
            let operator = match self.peek().map(|(t, _)| t) {
                Some(Token::Star) => BinaryOp::Multiply,
                Some(Token::Slash) => BinaryOp::Divide,
                _ => return Ok(left),
            };
            self.advance();
            let right = self.unary()?;
            let span = left.span.to(right.span);
            left = self.node(
                ExprKind::Binary(operator, Box::new(left), Box::new(right)),
                span,
            )?;
        }
    }

    fn unary(&mut self) -> Result<Expr, FormulaError> {
        let here = self.here();
        self.enter(here)?;
        let result = if self.eat(&Token::Minus) {
            let inner = self.unary()?;
            let span = here.to(inner.span);
            self.node(ExprKind::Negate(Box::new(inner)), span)?
        } else {
            self.power()?
        };
        self.leave();
        Ok(result)
    }

    fn power(&mut self) -> Result<Expr, FormulaError> {
        let base = self.primary()?;
        if !self.eat(&Token::Caret) {
            return Ok(base);
        }
        let exponent = self.unary()?;
        let span = base.span.to(exponent.span);
        self.node(
            ExprKind::Binary(BinaryOp::Power, Box::new(base), Box::new(exponent)),
            span,
        )
    }

    fn primary(&mut self) -> Result<Expr, FormulaError> {
        let Some((token, span)) = self.advance() else {
            return Err(FormulaError::new(
                FormulaErrorKind::Syntax,
                self.end_span(),
                "The formula ends too soon: a number, a name or \"(\" should follow.",
            ));
        };
        match token {
            Token::Number(value) => self.node(ExprKind::Number(value), span),
            Token::Name(name) => {
                if self.peek().is_some_and(|(t, _)| *t == Token::LeftParen) {
                    self.call(name, span)
                } else {
                    self.node(ExprKind::Name(name), span)
                }
            }
            Token::LeftParen => {
                let inner = self.comparison()?;
                if !self.eat(&Token::RightParen) {
                    return Err(self.missing_close(span));
                }
                Ok(inner)
            }
            other => Err(FormulaError::new(
                FormulaErrorKind::Syntax,
                span,
                format!(
                    "Expected a number, a name or \"(\", found {}.",
                    other.describe()
                ),
            )),
        }
    }

    fn missing_close(&self, open: Span) -> FormulaError {
        match self.peek() {
            Some((token, span)) => FormulaError::new(
                FormulaErrorKind::Syntax,
                *span,
                format!("Expected \",\" or \")\" here, found {}.", token.describe()),
            ),
            None => FormulaError::new(
                FormulaErrorKind::Syntax,
                open,
                "This \"(\" is never closed: add a \")\".",
            ),
        }
    }

    fn call(&mut self, name: String, name_span: Span) -> Result<Expr, FormulaError> {
        let Some(function) = Function::from_name(&name) else {
            let known: Vec<&str> = Function::ALL.iter().map(|f| f.name()).collect();
            return Err(FormulaError::new(
                FormulaErrorKind::UnknownFunction,
                name_span,
                format!(
                    "There is no function \"{name}\". The functions are: {}.",
                    known.join(", ")
                ),
            ));
        };
        let open = self.here();
        self.advance();
        let mut args = Vec::new();
        if !self.eat(&Token::RightParen) {
            loop {
                args.push(self.comparison()?);
                if self.eat(&Token::Comma) {
                    continue;
                }
                if self.eat(&Token::RightParen) {
                    break;
                }
                return Err(self.missing_close(open));
            }
        }
        let close = self
            .tokens
            .get(self.position.saturating_sub(1))
            .map(|(_, s)| *s)
            .unwrap_or(open);
        self.node(ExprKind::Call(function, args), name_span.to(close))
    }
}
