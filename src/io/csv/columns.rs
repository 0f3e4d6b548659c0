//! The header row: which field each column fills, checked once per file.

use super::fields::{normalise, recognise, Field, Part, Slot, Text};
use super::records::Record;
use super::{ColumnUse, CsvImportOptions, ImportProblem};
use crate::model::SideNames;
use crate::ProblemCode;
use std::collections::HashMap;

/// What to do with one column's cells.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Plan {
    Ignore,
    Text(Text),
    Estimate {
        slot: usize,
        part: Part,
        percent: bool,
    },
    Criterion {
        criterion: usize,
        /// 0 whole, 1 buyer, 2 seller.
        which: usize,
    },
    Record(Record),
}

/// The plan for every column of a file.
#[derive(Debug, Default)]
pub(crate) struct Columns {
    pub headers: Vec<String>,
    pub plans: Vec<Plan>,
    /// Every estimate some column fills, and the columns (from 1) of its
    /// low, likely and high parts.
    pub slots: Vec<(Slot, [Option<usize>; 3])>,
    /// Every criterion id some column fills, and the columns of its whole,
    /// buyer and seller values.
    pub criteria: Vec<(String, [Option<usize>; 3])>,
    pub uses: Vec<ColumnUse>,
    pub warnings: Vec<ImportProblem>,
}

pub(crate) fn part_index(part: Part) -> usize {
    match part {
        Part::Low => 0,
        Part::Likely => 1,
        Part::High => 2,
    }
}

impl Columns {
    /// The header of a column counted from 1.
    pub(crate) fn header(&self, column: usize) -> Option<&str> {
        self.headers.get(column.wrapping_sub(1)).map(String::as_str)
    }

    /// Whether some column fills this text field.
    pub(crate) fn has_text(&self, text: Text) -> bool {
        self.plans.contains(&Plan::Text(text))
    }

    /// The column (from 1) filling a record field, and its header.
    pub(crate) fn record_column(&self, record: Record) -> Option<(usize, String)> {
        let index = self.plans.iter().position(|p| *p == Plan::Record(record))?;
        let column = index.saturating_add(1);
        Some((column, self.header(column)?.to_string()))
    }

    /// Whether some column fills a field of the outcome record.
    pub(crate) fn has_outcome_columns(&self) -> bool {
        self.plans
            .iter()
            .any(|p| matches!(p, Plan::Record(record) if record.is_outcome()))
    }

    /// The first column filling this text field.
    pub(crate) fn text_column(&self, text: Text) -> Option<usize> {
        self.plans
            .iter()
            .position(|p| *p == Plan::Text(text))
            .map(|i| i.saturating_add(1))
    }
}

/// Plans the columns from the header row; every problem found is returned.
pub(crate) fn plan_columns(
    header_row: &[String],
    options: &CsvImportOptions,
    names: &SideNames,
) -> Result<Columns, Vec<ImportProblem>> {
    let mut problems = Vec::new();
    let mut columns = Columns {
        headers: header_row.iter().map(|h| h.trim().to_string()).collect(),
        ..Columns::default()
    };
    let mut used_mappings = vec![false; options.mapping.len()];
    let mut first_column: HashMap<Field, usize> = HashMap::new();
    for (index, header) in header_row.iter().enumerate() {
        let column = index.saturating_add(1);
        let header = header.trim().trim_start_matches('\u{feff}');
        let mapped =
            options.mapping.iter().enumerate().find(|(_, (from, _))| {
                from.as_str() == header || normalise(from) == normalise(header)
            });
        let (field, percent) = match mapped {
            Some((i, (_, to))) => {
                if let Some(used) = used_mappings.get_mut(i) {
                    *used = true;
                }
                match Field::from_path(to) {
                    Some(field) => (field, header.contains('%')),
                    None => {
                        problems.push(ImportProblem::at_cell(
                            1,
                            column,
                            Some(header),
                            ProblemCode::InvalidHeader,
                            format!("The mapping sends this column to \"{to}\", which is not a field: use a path such as name, effort, buyer.reach, seller.impact.low or ignore."),
                        ));
                        continue;
                    }
                }
            }
            None => match recognise(header, names) {
                Some(found) => {
                    if found.assumed_side {
                        columns.warnings.push(ImportProblem::at_cell(
                            1,
                            column,
                            Some(header),
                            ProblemCode::InvalidHeader,
                            "This column names no side, so it was read as the buyer side; map it to a seller field if it is about sellers.",
                        ));
                    }
                    (found.field, found.percent)
                }
                None => {
                    if !header.is_empty() {
                        columns.warnings.push(ImportProblem::at_cell(
                            1,
                            column,
                            Some(header),
                            ProblemCode::InvalidHeader,
                            "This column is not used: no field has this name. Map it to a field to use it.",
                        ));
                    }
                    (Field::Ignore, false)
                }
            },
        };
        let allows_repeats =
            matches!(field, Field::Ignore) || matches!(&field, Field::Text(text) if text.is_list());
        if !allows_repeats {
            if let Some(first) = first_column.get(&field) {
                problems.push(ImportProblem::at_cell(
                    1,
                    column,
                    Some(header),
                    ProblemCode::InvalidHeader,
                    format!(
                        "Both column {first} ({}) and this column give {}: map one of them to ignore.",
                        header_row.get(first.wrapping_sub(1)).map_or("", |h| h.trim()),
                        field.path()
                    ),
                ));
                continue;
            }
            first_column.insert(field.clone(), column);
        }
        columns.uses.push(ColumnUse {
            column,
            header: header.to_string(),
            field: (field != Field::Ignore).then(|| field.path()),
        });
        let plan = match field {
            Field::Ignore => Plan::Ignore,
            Field::Text(text) => Plan::Text(text),
            Field::Record(record) => Plan::Record(record),
            Field::Estimate(slot, part) => {
                let slot = match columns.slots.iter().position(|(s, _)| *s == slot) {
                    Some(found) => found,
                    None => {
                        columns.slots.push((slot, [None; 3]));
                        columns.slots.len().saturating_sub(1)
                    }
                };
                if let Some(part_column) = columns
                    .slots
                    .get_mut(slot)
                    .and_then(|(_, parts)| parts.get_mut(part_index(part)))
                {
                    *part_column = Some(column);
                }
                Plan::Estimate {
                    slot,
                    part,
                    percent,
                }
            }
            Field::Criterion { id, side } => {
                let criterion = match columns.criteria.iter().position(|(c, _)| *c == id) {
                    Some(found) => found,
                    None => {
                        columns.criteria.push((id, [None; 3]));
                        columns.criteria.len().saturating_sub(1)
                    }
                };
                let which = match side {
                    None => 0,
                    Some(crate::Side::Buyer) => 1,
                    Some(crate::Side::Seller) => 2,
                };
                if let Some(slot) = columns
                    .criteria
                    .get_mut(criterion)
                    .and_then(|(_, c)| c.get_mut(which))
                {
                    *slot = Some(column);
                }
                Plan::Criterion { criterion, which }
            }
        };
        columns.plans.push(plan);
    }
    for ((from, _), used) in options.mapping.iter().zip(used_mappings) {
        if !used {
            problems.push(ImportProblem::in_file(
                ProblemCode::InvalidHeader,
                format!("The mapping names a column \"{from}\" that the file does not have."),
            ));
        }
    }
    if !columns.has_text(Text::Name) && !columns.has_text(Text::Id) {
        problems.push(ImportProblem::at_row(
            1,
            ProblemCode::InvalidHeader,
            "No column gives the initiatives' names: add a column called Name (or Title, Summary), or map one.",
        ));
    }
    let has_effort = columns
        .slots
        .iter()
        .any(|(slot, parts)| *slot == Slot::Effort && parts[1].is_some());
    if !has_effort {
        problems.push(ImportProblem::at_row(
            1,
            ProblemCode::InvalidHeader,
            "No column gives the effort: add a column called Effort (person-months), or map one.",
        ));
    }
    if problems.is_empty() {
        Ok(columns)
    } else {
        Err(problems)
    }
}
