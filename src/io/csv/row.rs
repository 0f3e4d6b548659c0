//! Reading one data row into an initiative.

use super::cell::{
    confidence_word, impact_word, is_blank, parse_kind, parse_list, parse_number, parse_percent,
    parse_range, unguard,
};
use super::columns::{part_index, Columns, Plan};
use super::fields::{Quantity, Slot, Text};
use super::records::RecordCells;
use super::ImportProblem;
use crate::model::{
    CriterionValue, Estimate, IceInputs, Initiative, SegmentEstimate, Side, SideEstimate,
    WsjfInputs,
};
use crate::ProblemCode;

/// What reading a row found besides the initiative.
#[derive(Debug, Default)]
pub(crate) struct RowNotes {
    pub problems: Vec<ImportProblem>,
    /// Columns where a plain number above 1 was read as a percentage.
    pub percent_guesses: Vec<usize>,
}

/// Reads one row (`row` counted from 1). The initiative is built as far as
/// the cells allow; `notes.problems` lists what could not be read.
pub(crate) fn read_row(
    cells: &[String],
    row: usize,
    columns: &Columns,
    decimal_comma: bool,
) -> (Initiative, RowNotes) {
    let mut initiative = Initiative::default();
    let mut notes = RowNotes::default();
    let mut slots: Vec<[Option<f64>; 3]> = vec![[None; 3]; columns.slots.len()];
    let mut in_cell_range: Vec<Option<usize>> = vec![None; columns.slots.len()];
    let mut criteria: Vec<[Option<f64>; 3]> = vec![[None; 3]; columns.criteria.len()];
    let mut records = RecordCells::default();
    for (index, (cell, plan)) in cells.iter().zip(&columns.plans).enumerate() {
        if is_blank(cell) {
            continue;
        }
        let column = index.saturating_add(1);
        let mut problem = |message: String| {
            notes.problems.push(ImportProblem::at_cell(
                row,
                column,
                columns.header(column),
                ProblemCode::InvalidCell,
                message,
            ));
        };
        match plan {
            Plan::Ignore => {}
            Plan::Text(text) => {
                if let Err(message) = read_text(&mut initiative, *text, cell) {
                    problem(message);
                }
            }
            Plan::Record(record) => {
                if let Err(message) = records.read(*record, cell, decimal_comma) {
                    problem(message);
                }
            }
            Plan::Estimate {
                slot,
                part,
                percent,
            } => {
                let quantity = columns.slots.get(*slot).and_then(|(s, _)| match s {
                    Slot::Side { quantity, .. } => Some(*quantity),
                    _ => None,
                });
                let Some(values) = slots.get_mut(*slot) else {
                    continue;
                };
                match read_value(cell, quantity, *percent, decimal_comma) {
                    Ok((value, guessed)) => {
                        if guessed {
                            notes.percent_guesses.push(column);
                        }
                        if let Some(target) = values.get_mut(part_index(*part)) {
                            *target = Some(value);
                        }
                    }
                    Err(message) => match parse_range(cell, decimal_comma) {
                        Some([low, likely, high]) if part_index(*part) == 1 => {
                            values[0] = values[0].or(Some(low));
                            values[1] = Some(likely);
                            values[2] = values[2].or(Some(high));
                            if let Some(flag) = in_cell_range.get_mut(*slot) {
                                *flag = Some(column);
                            }
                        }
                        _ => problem(message),
                    },
                }
            }
            Plan::Criterion { criterion, which } => match parse_number(cell, decimal_comma) {
                Ok(value) => {
                    if let Some(target) =
                        criteria.get_mut(*criterion).and_then(|c| c.get_mut(*which))
                    {
                        *target = Some(value);
                    }
                }
                Err(message) => problem(message),
            },
        }
    }
    let mut builder = Builder {
        row,
        columns,
        slots: &slots,
        in_cell_range: &in_cell_range,
        cells,
        problems: &mut notes.problems,
    };
    builder.assemble(&mut initiative, &criteria);
    records.assemble(
        &mut initiative,
        row,
        |record| columns.record_column(record),
        columns.has_outcome_columns(),
        &mut notes.problems,
    );
    (initiative, notes)
}

fn read_text(initiative: &mut Initiative, text: Text, cell: &str) -> Result<(), String> {
    let short = || unguard(cell.trim()).to_string();
    let long = || unguard(cell).to_string();
    match text {
        Text::Id => initiative.id = short(),
        Text::Name => initiative.name = short(),
        Text::Description => initiative.description = Some(long()),
        Text::Kind => {
            initiative.kind = parse_kind(cell).ok_or_else(|| {
                format!(
                    "\"{}\" is not a kind of work: use customer-facing, platform or operational.",
                    cell.trim()
                )
            })?
        }
        Text::ProblemSpace => initiative.problem_space = short(),
        Text::JourneyStage => initiative.journey_stage = short(),
        Text::TargetMetric => initiative.target_metric = short(),
        Text::Hypothesis => initiative.hypothesis = long(),
        Text::SuccessCriterion => initiative.success_criterion = long(),
        Text::Dependencies => initiative.dependencies.extend(parse_list(cell)),
        Text::Tags => initiative.tags.extend(parse_list(cell)),
    }
    Ok(())
}

/// A single value; `true` when a plain number was read as a percentage.
fn read_value(
    cell: &str,
    quantity: Option<Quantity>,
    percent_header: bool,
    decimal_comma: bool,
) -> Result<(f64, bool), String> {
    match quantity {
        Some(Quantity::Confidence) => {
            if let Some(word) = confidence_word(cell) {
                return Ok((word, false));
            }
            if let Some(percent) = parse_percent(cell, decimal_comma) {
                return percent.map(|v| (v, false));
            }
            let value = parse_number(cell, decimal_comma).map_err(|why| {
                format!("{why}: give a confidence such as 80%, 0.8 or high / medium / low.")
            })?;
            if percent_header {
                Ok((value / 100.0, false))
            } else if value > 1.0 && value <= 100.0 {
                Ok((value / 100.0, true))
            } else {
                Ok((value, false))
            }
        }
        Some(Quantity::Impact) => match impact_word(cell) {
            Some(value) => Ok((value, false)),
            None => parse_number(cell, decimal_comma).map(|v| (v, false)).map_err(|why| {
                format!("{why}: give an impact as a number or a word: massive, high, medium, low, minimal (a minus in front for harm).")
            }),
        },
        _ => {
            if parse_percent(cell, decimal_comma).is_some() {
                return Err(format!(
                    "\"{}\" is a percentage, which only a confidence can be.",
                    cell.trim()
                ));
            }
            parse_number(cell, decimal_comma).map(|v| (v, false)).map_err(|why| format!("{why}."))
        }
    }
}

struct Builder<'a> {
    row: usize,
    columns: &'a Columns,
    slots: &'a [[Option<f64>; 3]],
    in_cell_range: &'a [Option<usize>],
    cells: &'a [String],
    problems: &'a mut Vec<ImportProblem>,
}

impl Builder<'_> {
    fn problem(&mut self, column: Option<usize>, message: String) {
        let problem = match column {
            Some(column) => ImportProblem::at_cell(
                self.row,
                column,
                self.columns.header(column),
                ProblemCode::InvalidCell,
                message,
            ),
            None => ImportProblem::at_row(self.row, ProblemCode::InvalidCell, message),
        };
        self.problems.push(problem);
    }

    fn cell_filled(&self, column: Option<usize>) -> bool {
        column
            .and_then(|c| self.cells.get(c.wrapping_sub(1)))
            .is_some_and(|cell| !is_blank(cell))
    }

    /// The estimate in slot `index`, if any part of it is filled.
    fn estimate(&mut self, index: usize) -> Option<Estimate> {
        let [low, likely, high] = *self.slots.get(index)?;
        let parts = self.columns.slots.get(index).map(|(_, p)| *p)?;
        if let Some(range_column) = self.in_cell_range.get(index).copied().flatten() {
            if self.cell_filled(parts[0]) || self.cell_filled(parts[2]) {
                self.problem(
                    Some(range_column),
                    "This cell holds a range, and the low or high column is filled as well: give the range one way only.".into(),
                );
            }
        }
        match (low, likely, high) {
            (None, None, None) => None,
            (_, None, _) => {
                let column = if low.is_some() { parts[0] } else { parts[2] };
                let likely_header = parts[1]
                    .and_then(|c| self.columns.header(c))
                    .map_or(String::new(), |h| format!(" in {h}"));
                self.problem(
                    column,
                    format!("There is a low or high value but no likely value{likely_header}."),
                );
                None
            }
            (None, Some(likely), None) => Some(Estimate::Value(likely)),
            (low, Some(likely), high) => Some(Estimate::Range {
                low: low.unwrap_or(likely),
                likely,
                high: high.unwrap_or(likely),
            }),
        }
    }

    /// Every one of `indices` must be filled once any is.
    fn group(&mut self, what: &str, indices: &[Option<usize>]) -> Option<Vec<Estimate>> {
        let values: Vec<Option<Estimate>> = indices
            .iter()
            .map(|i| i.and_then(|i| self.estimate(i)))
            .collect();
        if values.iter().all(Option::is_none) {
            return None;
        }
        let mut all = Vec::with_capacity(values.len());
        for (value, index) in values.into_iter().zip(indices) {
            match value {
                Some(value) => all.push(value),
                None => {
                    let column = index
                        .and_then(|i| self.columns.slots.get(i))
                        .and_then(|(_, parts)| parts[1]);
                    let needed = index
                        .and_then(|i| self.columns.slots.get(i))
                        .map_or_else(|| "a column for it".to_string(), |(s, _)| s.path());
                    self.problem(
                        column,
                        format!("{what} is partly filled in: this value ({needed}) is missing."),
                    );
                }
            }
        }
        (all.len() == indices.len()).then_some(all)
    }

    fn find(&self, wanted: &Slot) -> Option<usize> {
        self.columns.slots.iter().position(|(s, _)| s == wanted)
    }

    fn assemble(&mut self, initiative: &mut Initiative, criteria: &[[Option<f64>; 3]]) {
        match self.find(&Slot::Effort).map(|i| self.estimate(i)) {
            Some(Some(effort)) => initiative.effort = effort,
            _ => {
                let column = self
                    .columns
                    .slots
                    .iter()
                    .find_map(|(s, parts)| (*s == Slot::Effort).then_some(parts[1]).flatten());
                self.problem(
                    column,
                    "The effort is empty: enter it in person-months.".into(),
                );
            }
        }
        for side in Side::BOTH {
            *initiative.side_mut(side) = self.side(side);
        }
        let ice: Vec<Option<usize>> = (0..4).map(|i| self.find(&Slot::Ice(i))).collect();
        if let Some(values) = self.group("ICE", &ice) {
            if let [buyer_impact, seller_impact, confidence, ease] = values[..] {
                initiative.ice = Some(IceInputs {
                    buyer_impact,
                    seller_impact,
                    confidence,
                    ease,
                });
            }
        }
        let wsjf: Vec<Option<usize>> = (0..5).map(|i| self.find(&Slot::Wsjf(i))).collect();
        if let Some(values) = self.group("WSJF", &wsjf) {
            if let [buyer_value, seller_value, time_criticality, risk_reduction, job_size] =
                values[..]
            {
                initiative.wsjf = Some(WsjfInputs {
                    buyer_value,
                    seller_value,
                    time_criticality,
                    risk_reduction,
                    job_size,
                });
            }
        }
        for ((id, cols), values) in self.columns.criteria.iter().zip(criteria) {
            let value = match *values {
                [None, None, None] => continue,
                [Some(whole), None, None] => CriterionValue::Whole(whole),
                [None, Some(buyer), Some(seller)] => CriterionValue::PerSide { buyer, seller },
                [Some(_), _, _] => {
                    self.problem(cols[1].or(cols[2]), format!("The criterion {id} has a value for the whole initiative and one per side: give one or the other."));
                    continue;
                }
                [None, buyer, _] => {
                    let missing = if buyer.is_some() { cols[2] } else { cols[1] };
                    self.problem(
                        missing.or(cols[1]).or(cols[2]),
                        format!("The criterion {id} has a value for one side only: give both sides, or one value for the whole initiative."),
                    );
                    continue;
                }
            };
            initiative.criteria.insert(id.clone(), value);
        }
    }

    fn side(&mut self, side: Side) -> Option<SideEstimate> {
        let quantities = [Quantity::Reach, Quantity::Impact, Quantity::Confidence];
        let whole: Vec<Option<Estimate>> = quantities
            .iter()
            .map(|&quantity| {
                self.find(&Slot::Side {
                    side,
                    segment: None,
                    quantity,
                })
                .and_then(|i| self.estimate(i))
            })
            .collect();
        let mut segment_ids: Vec<String> = Vec::new();
        for (slot, _) in &self.columns.slots {
            if let Slot::Side {
                side: s,
                segment: Some(segment),
                ..
            } = slot
            {
                if *s == side && !segment_ids.contains(segment) {
                    segment_ids.push(segment.clone());
                }
            }
        }
        let mut segments = Vec::new();
        for segment in segment_ids {
            let indices: Vec<Option<usize>> = quantities
                .iter()
                .map(|&quantity| {
                    self.find(&Slot::Side {
                        side,
                        segment: Some(segment.clone()),
                        quantity,
                    })
                })
                .collect();
            let what = format!("The {} segment {segment}", side.key());
            if let Some(values) = self.group(&what, &indices) {
                if let [reach, impact, confidence] = values[..] {
                    segments.push(SegmentEstimate {
                        segment,
                        reach,
                        impact,
                        confidence,
                    });
                }
            }
        }
        if whole.iter().all(Option::is_none) && segments.is_empty() {
            return None;
        }
        let [reach, impact, confidence] = [0, 1, 2].map(|i| whole.get(i).copied().flatten());
        Some(SideEstimate {
            reach,
            impact,
            confidence,
            segments,
        })
    }
}
