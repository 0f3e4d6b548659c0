//! Spreadsheet import and export (CSV, and tab-separated text pasted from a
//! spreadsheet).
//!
//! Import reads the header row by name: case, spacing and punctuation do not
//! matter, and common synonyms are known ("Summary" is the name,
//! "Person-months" and "Effort (PM)" the effort, "Buyer reach", "Reach
//! (buyers)", "Seller impact", "Confidence %"...). An explicit mapping from a
//! header to a field path overrides the guess. Values are read the way
//! spreadsheets write them:
//! - numbers with a decimal point, or a decimal comma where cells are
//!   separated by semicolons (European Excel); thousands separators such as
//!   `1,200` or `1.200,5`;
//! - confidence as `80%`, as `0.8`, as `80` (read as a percentage, with a
//!   warning) or as a word: high 100%, medium 80%, low 50%;
//! - impact as a number or a word: massive 3, high 2, medium 1, low 0.5,
//!   minimal 0.25, none 0; a minus in front (`-high`) means harm of that size;
//! - a range either as three numbers in one cell, `300-450-700` (low, likely,
//!   high; non-negative values only, as a minus would be ambiguous), or as
//!   separate columns such as "Buyer reach low" and "Buyer reach high" next to
//!   "Buyer reach" (the likely value). Export writes the separate columns.
//!
//! A row carries the whole initiative, post-launch record included: status
//! (idea, planned, in progress, launched, reviewed; Jira's "To Do",
//! "Backlog" and "Done" are understood), MoSCoW and Kano labels, the goal
//! ("Goal baseline", "Goal target", "Goal direction", "Goal unit"), and the
//! outcome ("Actual effort", "Actual buyer reach", "Actual seller impact",
//! "Observed value", "Metric movement", "Learning"). An empty cell means
//! "not set"; an outcome record with nothing in it is the same as none,
//! except for a reviewed initiative in a file with outcome columns, which
//! keeps its (empty) record. Backlog settings (side names, footing,
//! segment definitions and weights, criteria definitions, scales) are not
//! rows: pass them in [`CsvImportOptions::settings`], or use the JSON
//! document, which carries everything.
//!
//! Every problem names its row and column. The import is all-or-nothing
//! unless [`CsvImportOptions::partial`] is set; then rows with problems are
//! skipped and listed.
//!
//! Export writes numbers as numbers (so `-2` stays a negative number) and
//! protects text cells against formula injection by putting `'` in front of
//! any that starts with `=`, `+`, `-`, `@`, a tab, a carriage return or NUL,
//! or with `'` itself (so the import can always remove exactly one).

mod cell;
mod columns;
mod export;
mod fields;
mod import;
mod reader;
mod records;
mod roadmap;
mod row;

pub use export::{backlog_to_csv, results_to_csv, CsvExportOptions, LineEnding};
pub use import::{parse_csv, parse_csv_located, CsvImportError};
pub use roadmap::roadmap_to_csv;

use crate::model::Backlog;
use crate::{Problem, ProblemCode};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Largest CSV text accepted, in bytes (10 MiB).
pub const MAX_CSV_BYTES: usize = 10 * 1024 * 1024;
/// Most rows in a file, the header included.
pub const MAX_CSV_ROWS: usize = crate::limits::MAX_INITIATIVES + 1;
/// Most cells in one row.
pub const MAX_CSV_COLUMNS: usize = 512;
/// Most problems listed in one report; the count of the rest is given.
pub const MAX_REPORTED_PROBLEMS: usize = 1_000;

/// The character between cells.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Delimiter {
    /// Detect it from the header row (import); a comma on export.
    #[default]
    Auto,
    /// `,` as Excel in English and Google Sheets write.
    Comma,
    /// `;` as Excel writes where the decimal separator is a comma.
    Semicolon,
    /// A tab, as a copied spreadsheet selection is.
    Tab,
}

impl Delimiter {
    /// The delimiter as a byte (a comma for `Auto`).
    pub fn byte(self) -> u8 {
        match self {
            Delimiter::Auto | Delimiter::Comma => b',',
            Delimiter::Semicolon => b';',
            Delimiter::Tab => b'\t',
        }
    }
}

/// The decimal separator of numbers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum DecimalSeparator {
    /// A comma when cells are separated by semicolons; for tab-separated text,
    /// a comma when some number can only be read that way (`0,5`), else a
    /// point. A point on export.
    #[default]
    Auto,
    /// `1.5`; a comma groups thousands (`1,200`).
    Point,
    /// `1,5`; a point groups thousands (`1.200,5`).
    Comma,
}

/// How to read a spreadsheet.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CsvImportOptions {
    /// The delimiter; detected by default.
    #[serde(default)]
    pub delimiter: Delimiter,
    /// The decimal separator; decided by the delimiter by default.
    #[serde(default)]
    pub decimal: DecimalSeparator,
    /// Header text to field path, overriding the guess: for example
    /// `{"Pts": "effort", "Sellers hit": "seller.reach", "Status": "ignore"}`.
    /// Field paths: `id`, `name`, `description`, `kind`, `problemSpace`,
    /// `journeyStage`, `targetMetric`, `hypothesis`, `successCriterion`,
    /// `dependencies`, `tags`, `effort`, `buyer.reach`, `buyer.impact`,
    /// `buyer.confidence` (and `seller.`), `buyer.segments[new-buyers].reach`,
    /// `ice.buyerImpact`, `ice.sellerImpact`, `ice.confidence`, `ice.ease`,
    /// `wsjf.buyerValue`, `wsjf.sellerValue`, `wsjf.timeCriticality`,
    /// `wsjf.riskReduction`, `wsjf.jobSize`, `criteria[conversion]`,
    /// `criteria[conversion].buyer`, `status`, `moscow`, `kano`,
    /// `goal.baseline`, `goal.target`, `goal.direction`, `goal.unit`,
    /// `outcome.effort`, `outcome.buyer.reach`, `outcome.buyer.impact` (and
    /// `outcome.seller.`), `outcome.observed`, `outcome.movement`,
    /// `outcome.learning`; any estimate may end in `.low` or `.high`;
    /// `ignore` skips the column.
    #[serde(default)]
    pub mapping: BTreeMap<String, String>,
    /// Skip rows with problems and report them, instead of failing.
    #[serde(default)]
    pub partial: bool,
    /// The backlog settings (side names, footing, segments, scales) the
    /// imported initiatives join; the defaults when absent. Segments named
    /// in headers but not declared here are declared with weight 1.
    #[serde(default)]
    pub settings: Option<Backlog>,
}

/// One problem found while importing, located by row and column (both
/// counted from 1, as a spreadsheet shows them; the header is row 1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportProblem {
    /// The row, when the problem is in one.
    pub row: Option<usize>,
    /// The column, when the problem is in one cell.
    pub column: Option<usize>,
    /// The column's header text, when known.
    pub header: Option<String>,
    /// Stable machine-readable code.
    pub code: ProblemCode,
    /// What is wrong and how to fix it.
    pub message: String,
}

impl ImportProblem {
    /// A problem with a whole row.
    pub(crate) fn at_row(row: usize, code: ProblemCode, message: impl Into<String>) -> Self {
        ImportProblem {
            row: Some(row),
            column: None,
            header: None,
            code,
            message: message.into(),
        }
    }

    /// A problem with one cell.
    pub(crate) fn at_cell(
        row: usize,
        column: usize,
        header: Option<&str>,
        code: ProblemCode,
        message: impl Into<String>,
    ) -> Self {
        ImportProblem {
            row: Some(row),
            column: Some(column),
            header: header.map(str::to_string),
            code,
            message: message.into(),
        }
    }

    /// A problem with the whole file.
    pub(crate) fn in_file(code: ProblemCode, message: impl Into<String>) -> Self {
        ImportProblem {
            row: None,
            column: None,
            header: None,
            code,
            message: message.into(),
        }
    }

    /// Where, in words: `row 4, column 3 (Buyer reach)`, `row 4` or `file`.
    pub fn location(&self) -> String {
        match (self.row, self.column, &self.header) {
            (Some(row), Some(column), Some(header)) => {
                format!("row {row}, column {column} ({header})")
            }
            (Some(row), Some(column), None) => format!("row {row}, column {column}"),
            (Some(row), None, _) => format!("row {row}"),
            _ => "file".to_string(),
        }
    }

    /// As a [`Problem`] whose path is the location.
    pub fn to_problem(&self) -> Problem {
        Problem::new(self.code, self.location(), self.message.clone())
    }
}

/// Which field one column was read into.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ColumnUse {
    /// The column, from 1.
    pub column: usize,
    /// Its header text.
    pub header: String,
    /// The field path it fills, or `None` when it is not used.
    pub field: Option<String>,
}

/// The result of reading a spreadsheet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CsvImport {
    /// The backlog read (the imported rows only, in file order).
    pub backlog: Backlog,
    /// The file row each initiative came from.
    pub rows: Vec<usize>,
    /// How each column was used.
    pub columns: Vec<ColumnUse>,
    /// Rows left out by a partial import.
    pub skipped_rows: Vec<usize>,
    /// The problems that made them be left out (at most
    /// [`MAX_REPORTED_PROBLEMS`]).
    pub problems: Vec<ImportProblem>,
    /// How many problems there were in all.
    pub problem_count: usize,
    /// Things worth knowing that did not stop the import (unused columns,
    /// ids made from names, numbers read as percentages).
    pub warnings: Vec<ImportProblem>,
    /// The delimiter used.
    pub delimiter: Delimiter,
    /// The decimal separator used.
    pub decimal: DecimalSeparator,
}
