//! Reading a whole spreadsheet into a backlog, all-or-nothing or partially.

use super::cell::{is_blank, looks_decimal_comma};
use super::columns::{plan_columns, Columns, Plan};
use super::fields::{Slot, Text};
use super::reader::read_table;
use super::records::Record;
use super::row::read_row;
use super::{
    CsvImport, CsvImportOptions, DecimalSeparator, Delimiter, ImportProblem, MAX_CSV_BYTES,
    MAX_REPORTED_PROBLEMS,
};
use crate::model::{Backlog, Initiative, Segment};
use crate::{validate, Error, ProblemCode};
use std::collections::HashSet;

/// Reads a spreadsheet (CSV, or tab-separated text pasted from one) into a
/// backlog.
///
/// All-or-nothing by default: any problem fails the import with
/// [`Error::Invalid`], listing every problem with its row and column as the
/// path (`row 4, column 3 (Buyer reach)`). With `options.partial`, rows with
/// problems are left out and listed in [`CsvImport::skipped_rows`] and
/// [`CsvImport::problems`]; problems with the file itself (its header, an
/// unclosed quote, its size) still fail it.
///
/// ```
/// use twosided::io::csv::{parse_csv, CsvImportOptions};
/// let text = "Name;Buyer reach;Buyer impact;Confidence %;Effort (PM)\n\
///             Faster checkout;2000;high;80;1,5\n";
/// let import = parse_csv(text, &CsvImportOptions::default()).unwrap();
/// let checkout = &import.backlog.initiatives[0];
/// assert_eq!(checkout.id, "faster-checkout");
/// assert_eq!(checkout.effort.likely(), 1.5);
/// assert_eq!(checkout.buyer.as_ref().unwrap().confidence.unwrap().likely(), 0.8);
/// ```
pub fn parse_csv(text: &str, options: &CsvImportOptions) -> Result<CsvImport, Error> {
    parse_csv_located(text, options).map_err(Error::from)
}

/// Why [`parse_csv_located`] failed.
#[derive(Debug, Clone, PartialEq)]
pub enum CsvImportError {
    /// The problems, each still located by row and column as numbers.
    Problems(Vec<ImportProblem>),
    /// Any other failure, such as a file over the size limit.
    Other(Error),
}

impl From<CsvImportError> for Error {
    fn from(error: CsvImportError) -> Error {
        match error {
            CsvImportError::Problems(problems) => {
                Error::Invalid(problems.iter().map(ImportProblem::to_problem).collect())
            }
            CsvImportError::Other(error) => error,
        }
    }
}

/// [`parse_csv`], failing with the problems still located by row and column
/// as numbers (for an interface that points at cells) rather than as paths.
pub fn parse_csv_located(
    text: &str,
    options: &CsvImportOptions,
) -> Result<CsvImport, CsvImportError> {
    if text.len() > MAX_CSV_BYTES {
        return Err(CsvImportError::Other(Error::LimitExceeded {
            path: "csv".into(),
            message: format!(
                "the file is {} bytes; the most that can be imported is {MAX_CSV_BYTES} (10 MB)",
                text.len()
            ),
        }));
    }
    let fail = CsvImportError::Problems;
    let table = read_table(text, options.delimiter).map_err(|p| fail(vec![p]))?;
    let mut records = table.records.iter();
    let header = records
        .by_ref()
        .find(|record| !record.iter().all(|c| is_blank(c)))
        .ok_or_else(|| {
            fail(vec![ImportProblem::in_file(
                ProblemCode::InvalidSize,
                "The file is empty: it needs a header row and a row per initiative.",
            )])
        })?;
    let header_row = table
        .records
        .iter()
        .position(|r| std::ptr::eq(r, header))
        .unwrap_or(0)
        .saturating_add(1);
    let mut settings = options.settings.clone().unwrap_or_default();
    settings.initiatives.clear();
    let columns = plan_columns(header, options, &settings.side_names).map_err(fail)?;
    let decimal = resolve_decimal(options.decimal, table.delimiter, &table.records, &columns);
    let decimal_comma = decimal == DecimalSeparator::Comma;
    let mut warnings = columns.warnings.clone();
    declare_segments(&mut settings, &columns, &mut warnings);

    let mut rows = Vec::new();
    let mut initiatives = Vec::new();
    let mut row_problems: Vec<Vec<ImportProblem>> = Vec::new();
    let mut guessed_columns: Vec<usize> = Vec::new();
    for (offset, cells) in records.enumerate() {
        let row = header_row.saturating_add(offset).saturating_add(1);
        if cells.iter().all(|c| is_blank(c)) {
            continue;
        }
        let (initiative, mut notes) = read_row(cells, row, &columns, decimal_comma);
        if let Some(extra) = cells
            .iter()
            .skip(columns.plans.len())
            .position(|c| !is_blank(c))
        {
            notes.problems.push(ImportProblem::at_cell(
                row,
                columns.plans.len().saturating_add(extra).saturating_add(1),
                None,
                ProblemCode::RaggedRow,
                format!(
                    "This row has {} cells but the header has {}: a cell beyond the last column holds data.",
                    cells.len(),
                    columns.plans.len()
                ),
            ));
        }
        for column in notes.percent_guesses {
            if !guessed_columns.contains(&column) {
                guessed_columns.push(column);
            }
        }
        rows.push(row);
        initiatives.push(initiative);
        row_problems.push(notes.problems);
    }
    for column in guessed_columns {
        warnings.push(ImportProblem::at_cell(
            header_row,
            column,
            columns.header(column),
            ProblemCode::InvalidConfidence,
            "Numbers above 1 in this confidence column were read as percentages (80 means 80%).",
        ));
    }
    name_missing_ids(&mut initiatives, &columns, &mut warnings);
    settings.initiatives = initiatives;
    let mut backlog = settings;

    let mut skipped_rows = Vec::new();
    let mut reported = Vec::new();
    let mut problem_count = 0usize;
    let mut record = |problems: Vec<ImportProblem>, reported: &mut Vec<ImportProblem>| {
        problem_count = problem_count.saturating_add(problems.len());
        let room = MAX_REPORTED_PROBLEMS.saturating_sub(reported.len());
        reported.extend(problems.into_iter().take(room));
    };
    // Up to three rounds: dropping a row can leave a dependency dangling,
    // which the next round's validation finds (and the cascade below
    // settles in one go).
    for _round in 0..3 {
        let validation = located_validation(&backlog, &rows, &columns);
        let (file_level, by_row): (Vec<_>, Vec<_>) =
            validation.into_iter().partition(|p| p.row.is_none());
        if !file_level.is_empty() {
            let mut all = file_level;
            all.extend(row_problems.into_iter().flatten());
            all.extend(by_row);
            return Err(fail(all));
        }
        for problem in by_row {
            let Some(index) = problem.row.and_then(|r| rows.iter().position(|&x| x == r)) else {
                continue;
            };
            if let Some(list) = row_problems.get_mut(index) {
                let duplicate = list
                    .iter()
                    .any(|p| p.column.is_none() || p.column == problem.column);
                if !duplicate {
                    list.push(problem);
                }
            }
        }
        if row_problems.iter().all(Vec::is_empty) {
            break;
        }
        if !options.partial {
            return Err(fail(row_problems.into_iter().flatten().collect()));
        }
        let keep: Vec<bool> = row_problems.iter().map(Vec::is_empty).collect();
        for (row, problems) in rows.iter().zip(row_problems.iter_mut()) {
            if !problems.is_empty() {
                skipped_rows.push(*row);
                record(std::mem::take(problems), &mut reported);
            }
        }
        let mut kept = keep.iter();
        backlog
            .initiatives
            .retain(|_| kept.next().copied().unwrap_or(false));
        let mut kept = keep.iter();
        rows.retain(|_| kept.next().copied().unwrap_or(false));
        for (row, problem) in drop_dangling(&mut backlog, &mut rows, &columns) {
            skipped_rows.push(row);
            record(vec![problem], &mut reported);
        }
        row_problems = vec![Vec::new(); rows.len()];
        if backlog.initiatives.is_empty() {
            let mut all = reported;
            all.push(ImportProblem::in_file(
                ProblemCode::InvalidSize,
                "No row could be imported.",
            ));
            return Err(fail(all));
        }
    }
    if row_problems.iter().any(|p| !p.is_empty()) {
        return Err(fail(row_problems.into_iter().flatten().collect()));
    }
    skipped_rows.sort_unstable();
    Ok(CsvImport {
        backlog,
        rows,
        columns: columns.uses,
        skipped_rows,
        problems: reported,
        problem_count,
        warnings,
        delimiter: table.delimiter,
        decimal,
    })
}

fn resolve_decimal(
    chosen: DecimalSeparator,
    delimiter: Delimiter,
    records: &[Vec<String>],
    columns: &Columns,
) -> DecimalSeparator {
    match (chosen, delimiter) {
        (DecimalSeparator::Auto, Delimiter::Semicolon) => DecimalSeparator::Comma,
        (DecimalSeparator::Auto, Delimiter::Tab) => {
            let numeric: Vec<bool> = columns
                .plans
                .iter()
                .map(|p| match p {
                    Plan::Estimate { .. } | Plan::Criterion { .. } => true,
                    Plan::Record(record) => record.is_numeric(),
                    _ => false,
                })
                .collect();
            let comma = records.iter().skip(1).any(|cells| {
                cells
                    .iter()
                    .zip(&numeric)
                    .any(|(cell, &is_number)| is_number && looks_decimal_comma(cell))
            });
            if comma {
                DecimalSeparator::Comma
            } else {
                DecimalSeparator::Point
            }
        }
        (DecimalSeparator::Auto, _) => DecimalSeparator::Point,
        (chosen, _) => chosen,
    }
}

/// Declares, with weight 1, segments the headers name but the settings lack.
fn declare_segments(settings: &mut Backlog, columns: &Columns, warnings: &mut Vec<ImportProblem>) {
    for (slot, parts) in &columns.slots {
        if let Slot::Side {
            side,
            segment: Some(segment),
            ..
        } = slot
        {
            if settings.segments.weight(*side, segment).is_none() {
                settings.segments.of_mut(*side).push(Segment {
                    id: segment.clone(),
                    name: segment.clone(),
                    weight: 1.0,
                });
                let column = parts.iter().flatten().next().copied().unwrap_or(1);
                warnings.push(ImportProblem::at_cell(
                    1,
                    column,
                    columns.header(column),
                    ProblemCode::UnknownSegment,
                    format!(
                        "The {} segment \"{segment}\" was not declared, so it was added with weight 1.",
                        side.key()
                    ),
                ));
            }
        }
    }
}

/// Gives rows without an id one made from the name (`Faster checkout` ->
/// `faster-checkout`), unique within the file.
fn name_missing_ids(
    initiatives: &mut [Initiative],
    columns: &Columns,
    warnings: &mut Vec<ImportProblem>,
) {
    let mut taken: HashSet<String> = initiatives
        .iter()
        .filter(|i| !i.id.is_empty())
        .map(|i| i.id.clone())
        .collect();
    let mut named = 0usize;
    for initiative in initiatives.iter_mut() {
        if initiative.name.is_empty() && !initiative.id.is_empty() && !columns.has_text(Text::Name)
        {
            initiative.name = initiative.id.clone();
        }
        if !initiative.id.is_empty() || initiative.name.trim().is_empty() {
            continue;
        }
        let base = slug(&initiative.name);
        let mut candidate = base.clone();
        let mut suffix = 2u32;
        while taken.contains(&candidate) {
            candidate = format!("{base}-{suffix}");
            suffix = suffix.saturating_add(1);
        }
        taken.insert(candidate.clone());
        initiative.id = candidate;
        named = named.saturating_add(1);
    }
    if named > 0 && columns.has_text(Text::Id) {
        warnings.push(ImportProblem::in_file(
            ProblemCode::InvalidId,
            format!("{named} row(s) had no id, so ids were made from their names."),
        ));
    }
}

fn slug(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.len() >= 60 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        "initiative".into()
    } else {
        slug.to_string()
    }
}

/// Validation problems, located by row and column where the path allows.
fn located_validation(backlog: &Backlog, rows: &[usize], columns: &Columns) -> Vec<ImportProblem> {
    validate(backlog)
        .into_iter()
        .map(|problem| {
            let located = problem.path.strip_prefix("initiatives[").and_then(|rest| {
                let (index, remainder) = rest.split_once(']')?;
                let index: usize = index.parse().ok()?;
                let row = *rows.get(index)?;
                let initiative = backlog.initiatives.get(index)?;
                let remainder = remainder.strip_prefix('.').unwrap_or(remainder);
                Some((row, column_of(remainder, initiative, columns)))
            });
            match located {
                Some((row, Some(column))) => ImportProblem::at_cell(
                    row,
                    column,
                    columns.header(column),
                    problem.code,
                    problem.message,
                ),
                Some((row, None)) => ImportProblem::at_row(row, problem.code, problem.message),
                None => ImportProblem::in_file(
                    problem.code,
                    format!("{} ({})", problem.message, problem.path),
                ),
            }
        })
        .collect()
}

/// The column whose field path is the longest prefix of `path`.
fn column_of(path: &str, initiative: &Initiative, columns: &Columns) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for (index, plan) in columns.plans.iter().enumerate() {
        let field_path = match plan {
            Plan::Text(text) => text.key().to_string(),
            Plan::Record(record) => record.path(),
            Plan::Estimate { slot, part, .. } if *part == super::fields::Part::Likely => {
                match columns.slots.get(*slot).map(|(s, _)| s) {
                    Some(Slot::Side {
                        side,
                        segment: Some(segment),
                        quantity,
                    }) => {
                        let position = initiative
                            .side(*side)
                            .and_then(|s| s.segments.iter().position(|g| g.segment == *segment));
                        let Some(position) = position else { continue };
                        let quantity = Slot::Side {
                            side: *side,
                            segment: None,
                            quantity: *quantity,
                        }
                        .path();
                        let quantity = quantity.rsplit('.').next().unwrap_or("");
                        format!("{}.segments[{position}].{quantity}", side.key())
                    }
                    Some(slot) => slot.path(),
                    None => continue,
                }
            }
            Plan::Criterion { criterion, .. } => match columns.criteria.get(*criterion) {
                Some((id, _)) => format!("criteria.{id}"),
                None => continue,
            },
            _ => continue,
        };
        let matches = path == field_path
            || path
                .strip_prefix(field_path.as_str())
                .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['));
        if matches && best.is_none_or(|(length, _)| field_path.len() > length) {
            best = Some((field_path.len(), index.saturating_add(1)));
        }
    }
    // An outcome on an initiative that has not launched (or a reviewed one
    // without) is a problem with its status.
    best.map(|(_, column)| column).or_else(|| {
        (path == "outcome")
            .then(|| columns.record_column(Record::Status))
            .flatten()
            .map(|(column, _)| column)
    })
}

/// Leaves out rows that depend on a row that was left out, transitively.
fn drop_dangling(
    backlog: &mut Backlog,
    rows: &mut Vec<usize>,
    columns: &Columns,
) -> Vec<(usize, ImportProblem)> {
    let mut dropped = Vec::new();
    loop {
        let ids: HashSet<&str> = backlog.initiatives.iter().map(|i| i.id.as_str()).collect();
        let dangling: Vec<(usize, String)> = backlog
            .initiatives
            .iter()
            .enumerate()
            .filter_map(|(index, initiative)| {
                let missing = initiative
                    .dependencies
                    .iter()
                    .find(|d| !ids.contains(d.as_str()))?;
                Some((index, missing.clone()))
            })
            .collect();
        if dangling.is_empty() {
            return dropped;
        }
        let column = columns.text_column(Text::Dependencies);
        for (index, missing) in dangling.iter().rev() {
            if *index < backlog.initiatives.len() && *index < rows.len() {
                backlog.initiatives.remove(*index);
                let row = rows.remove(*index);
                let message = format!(
                    "This row depends on \"{missing}\", which was not imported, so it was left out too."
                );
                let problem = match column {
                    Some(column) => ImportProblem::at_cell(
                        row,
                        column,
                        columns.header(column),
                        ProblemCode::UnknownDependency,
                        message,
                    ),
                    None => ImportProblem::at_row(row, ProblemCode::UnknownDependency, message),
                };
                dropped.push((row, problem));
            }
        }
    }
}
