//! A small RFC 4180 reader: quoted fields holding delimiters, line breaks and
//! doubled quotes; CRLF, LF or CR line ends; a UTF-8 byte-order mark; Excel's
//! `sep=;` hint line; and delimiter detection.
//!
//! Hand-written rather than the `csv` crate: the whole reader is about a
//! hundred lines and adds no dependency, where `csv` measured +24 KB gzip in
//! the WebAssembly package and `csv-core` alone +5.2 KB in a scratch build
//! (17 KB with the record handling around it). Spreadsheet quirks (Excel's
//! `sep=` line, decimal commas, text after a quote) are easier to report by
//! row and column in our own loop too.

use super::{Delimiter, ImportProblem, MAX_CSV_COLUMNS, MAX_CSV_ROWS};
use crate::ProblemCode;

/// The records of a file, each a list of cells, and how it was read.
#[derive(Debug)]
pub(crate) struct Table {
    /// One record per spreadsheet row; `records[0]` is the header row.
    pub records: Vec<Vec<String>>,
    /// The delimiter used.
    pub delimiter: Delimiter,
}

/// Reads `text` into records. `delimiter` of `Auto` is detected from the
/// header row (or taken from a `sep=` line).
pub(crate) fn read_table(text: &str, delimiter: Delimiter) -> Result<Table, ImportProblem> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (text, hinted) = strip_sep_line(text);
    let delimiter = match (delimiter, hinted) {
        (Delimiter::Auto, Some(hint)) => hint,
        (Delimiter::Auto, None) => detect_delimiter(text),
        (chosen, _) => chosen,
    };
    let records = read_records(text, delimiter.byte())?;
    Ok(Table { records, delimiter })
}

/// Excel reads and writes a first line `sep=;` naming the delimiter.
fn strip_sep_line(text: &str) -> (&str, Option<Delimiter>) {
    let Some(rest) = text.strip_prefix("sep=") else {
        return (text, None);
    };
    let hint = match rest.as_bytes().first() {
        Some(b',') => Delimiter::Comma,
        Some(b';') => Delimiter::Semicolon,
        Some(b'\t') => Delimiter::Tab,
        _ => return (text, None),
    };
    let after = rest.get(1..).unwrap_or("");
    let after = after
        .strip_prefix("\r\n")
        .or_else(|| after.strip_prefix('\n'))
        .or_else(|| after.strip_prefix('\r'));
    match after {
        Some(body) => (body, Some(hint)),
        None if rest.len() == 1 => ("", Some(hint)),
        None => (text, None),
    }
}

/// The delimiter that occurs most often outside quotes in the first row.
/// Ties go to tab (a spreadsheet paste), then semicolon, then comma.
pub(crate) fn detect_delimiter(text: &str) -> Delimiter {
    let (mut commas, mut semicolons, mut tabs) = (0usize, 0usize, 0usize);
    let mut quoted = false;
    for byte in text.bytes() {
        match byte {
            b'"' => quoted = !quoted,
            b',' if !quoted => commas = commas.saturating_add(1),
            b';' if !quoted => semicolons = semicolons.saturating_add(1),
            b'\t' if !quoted => tabs = tabs.saturating_add(1),
            b'\n' | b'\r' if !quoted => break,
            _ => {}
        }
    }
    if tabs > 0 && tabs >= semicolons && tabs >= commas {
        Delimiter::Tab
    } else if semicolons > 0 && semicolons >= commas {
        Delimiter::Semicolon
    } else {
        Delimiter::Comma
    }
}

fn read_records(text: &str, delimiter: u8) -> Result<Vec<Vec<String>>, ImportProblem> {
    let bytes = text.as_bytes();
    let mut records = Vec::new();
    if bytes.is_empty() {
        return Ok(records);
    }
    let mut cells: Vec<String> = Vec::new();
    let mut at = 0;
    loop {
        let row = records.len().saturating_add(1);
        let column = cells.len().saturating_add(1);
        let (cell, next) = if bytes.get(at) == Some(&b'"') {
            read_quoted(text, at.saturating_add(1), row, column)?
        } else {
            let end = bytes
                .iter()
                .skip(at)
                .position(|&b| b == delimiter || b == b'\n' || b == b'\r')
                .map_or(bytes.len(), |offset| at.saturating_add(offset));
            (text.get(at..end).unwrap_or("").to_string(), end)
        };
        cells.push(cell);
        if cells.len() > MAX_CSV_COLUMNS {
            return Err(ImportProblem::at_row(
                row,
                ProblemCode::RaggedRow,
                format!(
                    "This row has more than {MAX_CSV_COLUMNS} cells, the most a file may have."
                ),
            ));
        }
        at = next.saturating_add(1);
        match bytes.get(next) {
            Some(&byte) if byte == delimiter => continue,
            Some(b'\r') | Some(b'\n') | None => {
                if bytes.get(next) == Some(&b'\r') && bytes.get(at) == Some(&b'\n') {
                    at = at.saturating_add(1);
                }
                records.push(std::mem::take(&mut cells));
                if records.len() > MAX_CSV_ROWS {
                    return Err(ImportProblem::at_row(
                        row,
                        ProblemCode::RaggedRow,
                        format!(
                            "The file has more than {MAX_CSV_ROWS} rows, the most it may have."
                        ),
                    ));
                }
                if at >= bytes.len() {
                    return Ok(records);
                }
            }
            Some(_) => {
                return Err(ImportProblem::at_cell(
                    row,
                    column,
                    None,
                    ProblemCode::InvalidCell,
                    "There is text after the closing quote of this cell: put the whole cell in quotes and double any quote inside it (\"\").",
                ));
            }
        }
    }
}

/// Reads a quoted cell whose first character is at `start`; returns the
/// cell and the index just after its closing quote.
fn read_quoted(
    text: &str,
    start: usize,
    row: usize,
    column: usize,
) -> Result<(String, usize), ImportProblem> {
    let bytes = text.as_bytes();
    let mut cell = String::new();
    let mut from = start;
    loop {
        let quote = bytes
            .iter()
            .skip(from)
            .position(|&b| b == b'"')
            .map(|offset| from.saturating_add(offset));
        let Some(quote) = quote else {
            return Err(ImportProblem::at_cell(
                row,
                column,
                None,
                ProblemCode::InvalidCell,
                "This cell opens a quote that is never closed, so the rest of the file would be one cell.",
            ));
        };
        cell.push_str(text.get(from..quote).unwrap_or(""));
        let after = quote.saturating_add(1);
        if bytes.get(after) == Some(&b'"') {
            cell.push('"');
            from = after.saturating_add(1);
        } else {
            return Ok((cell, after));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<Vec<String>> {
        read_table(text, Delimiter::Auto).unwrap().records
    }

    #[test]
    fn quoted_cells_hold_delimiters_line_breaks_and_quotes() {
        let records = read("a,b\r\n\"x, y\",\"line 1\nline 2 \"\"quoted\"\"\"\r\n");
        assert_eq!(records.len(), 2);
        assert_eq!(records[1], vec!["x, y", "line 1\nline 2 \"quoted\""]);
    }

    #[test]
    fn bom_crlf_lone_cr_and_missing_final_newline() {
        assert_eq!(
            read("\u{feff}a;b\rc;d"),
            vec![vec!["a", "b"], vec!["c", "d"]]
        );
    }

    #[test]
    fn empty_cells_and_trailing_delimiter() {
        assert_eq!(read("a,b,\n,,"), vec![vec!["a", "b", ""], vec!["", "", ""]]);
    }

    #[test]
    fn detects_each_delimiter_and_the_sep_hint() {
        assert_eq!(detect_delimiter("a,b;c,d"), Delimiter::Comma);
        assert_eq!(detect_delimiter("a;b;c,d"), Delimiter::Semicolon);
        assert_eq!(detect_delimiter("a\tb,c\td"), Delimiter::Tab);
        assert_eq!(detect_delimiter("\"a;b;c\",d"), Delimiter::Comma);
        let table = read_table("sep=;\r\na,b;c\r\n", Delimiter::Auto).unwrap();
        assert_eq!(table.delimiter, Delimiter::Semicolon);
        assert_eq!(table.records, vec![vec!["a,b", "c"]]);
    }

    #[test]
    fn unclosed_quote_and_text_after_quote_are_located() {
        let problem = read_table("a,b\n1,\"open\n2,3\n", Delimiter::Auto).unwrap_err();
        assert_eq!((problem.row, problem.column), (Some(2), Some(2)));
        let problem = read_table("a,b\n\"x\"y,2\n", Delimiter::Auto).unwrap_err();
        assert_eq!((problem.row, problem.column), (Some(2), Some(1)));
    }

    #[test]
    fn empty_text_has_no_records() {
        assert!(read("").is_empty());
        assert!(read("\u{feff}").is_empty());
    }
}
