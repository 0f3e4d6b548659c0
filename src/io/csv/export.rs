//! Writing a backlog or scored results as CSV that spreadsheets open safely.

use super::cell::needs_formula_guard;
use super::fields::{Field, Part, Quantity, Slot, Text};
use super::records::{record_cell, used_records};
use super::{DecimalSeparator, Delimiter};
use crate::model::{Backlog, CriterionValue, Estimate, Initiative, Side};
use crate::rank::ScoredInitiative;
use crate::{Error, Problem, ProblemCode};
use serde::{Deserialize, Serialize};

/// The line break between rows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum LineEnding {
    /// `\r\n`, as RFC 4180 and Excel write.
    #[default]
    Crlf,
    /// `\n`.
    Lf,
}

/// How to write CSV.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CsvExportOptions {
    /// The delimiter (`Auto` writes commas).
    #[serde(default)]
    pub delimiter: Delimiter,
    /// The decimal separator (`Auto` writes a point). A comma needs the
    /// semicolon or tab delimiter, as European Excel expects.
    #[serde(default)]
    pub decimal: DecimalSeparator,
    /// The line break.
    #[serde(default)]
    pub line_ending: LineEnding,
    /// Start with a UTF-8 byte-order mark, which Excel needs to read
    /// accents and other non-ASCII letters correctly.
    #[serde(default)]
    pub bom: bool,
}

/// One cell to write.
pub(super) enum Cell {
    Text(String),
    Number(f64),
    Empty,
}

pub(super) struct Writer {
    pub(super) out: String,
    delimiter: char,
    decimal_comma: bool,
    line_ending: &'static str,
}

impl Writer {
    pub(super) fn new(options: &CsvExportOptions) -> Result<Self, Error> {
        let delimiter = char::from(options.delimiter.byte());
        let decimal_comma = options.decimal == DecimalSeparator::Comma;
        if decimal_comma && delimiter == ',' {
            return Err(Error::option(
                "options.decimal",
                "a decimal comma needs the semicolon or tab delimiter, or every number would be split in two",
            ));
        }
        Ok(Writer {
            out: if options.bom {
                "\u{feff}".into()
            } else {
                String::new()
            },
            delimiter,
            decimal_comma,
            line_ending: match options.line_ending {
                LineEnding::Crlf => "\r\n",
                LineEnding::Lf => "\n",
            },
        })
    }

    pub(super) fn row(&mut self, cells: impl IntoIterator<Item = Cell>) {
        for (i, cell) in cells.into_iter().enumerate() {
            if i > 0 {
                self.out.push(self.delimiter);
            }
            let text = match cell {
                Cell::Empty => continue,
                // Display writes the shortest text that reads back as the
                // same number, never with an exponent.
                Cell::Number(value) if self.decimal_comma => value.to_string().replace('.', ","),
                Cell::Number(value) => value.to_string(),
                Cell::Text(text) if needs_formula_guard(&text) => format!("'{text}"),
                Cell::Text(text) => text,
            };
            self.push_quoted(&text);
        }
        self.out.push_str(self.line_ending);
    }

    fn push_quoted(&mut self, text: &str) {
        let needs_quotes = text
            .chars()
            .any(|c| c == self.delimiter || matches!(c, '"' | '\n' | '\r'));
        if needs_quotes {
            self.out.push('"');
            self.out.push_str(&text.replace('"', "\"\""));
            self.out.push('"');
        } else {
            self.out.push_str(text);
        }
    }
}

pub(super) fn number(value: f64, path: impl FnOnce() -> String) -> Result<Cell, Error> {
    if value.is_finite() {
        Ok(Cell::Number(value))
    } else {
        Err(Error::NotFinite {
            path: path(),
            detail: "a number to write is not finite".into(),
        })
    }
}

/// The columns a backlog needs: the core ones always, others when some
/// initiative uses them.
fn backlog_fields(backlog: &Backlog) -> Vec<Field> {
    let initiatives = &backlog.initiatives;
    let any = |f: &dyn Fn(&Initiative) -> bool| initiatives.iter().any(f);
    let mut fields = Vec::new();
    for text in Text::ALL {
        let used = match text {
            Text::Id | Text::Name | Text::Kind => true,
            Text::Description => any(&|i| i.description.is_some()),
            Text::ProblemSpace => any(&|i| !i.problem_space.is_empty()),
            Text::JourneyStage => any(&|i| !i.journey_stage.is_empty()),
            Text::TargetMetric => any(&|i| !i.target_metric.is_empty()),
            Text::Hypothesis => any(&|i| !i.hypothesis.is_empty()),
            Text::SuccessCriterion => any(&|i| !i.success_criterion.is_empty()),
            Text::Dependencies => any(&|i| !i.dependencies.is_empty()),
            Text::Tags => any(&|i| !i.tags.is_empty()),
        };
        if used {
            fields.push(Field::Text(text));
        }
    }
    let mut slots = vec![Slot::Effort];
    for side in Side::BOTH {
        for quantity in [Quantity::Reach, Quantity::Impact, Quantity::Confidence] {
            slots.push(Slot::Side {
                side,
                segment: None,
                quantity,
            });
        }
    }
    for side in Side::BOTH {
        let mut segments: Vec<&str> = backlog
            .segments
            .of(side)
            .iter()
            .map(|s| s.id.as_str())
            .collect();
        for initiative in initiatives {
            for estimate in initiative.side(side).map_or(&[][..], |s| &s.segments) {
                if !segments.contains(&estimate.segment.as_str()) {
                    segments.push(&estimate.segment);
                }
            }
        }
        for segment in segments {
            let used = any(&|i| {
                i.side(side)
                    .is_some_and(|s| s.segments.iter().any(|g| g.segment == segment))
            });
            if used {
                for quantity in [Quantity::Reach, Quantity::Impact, Quantity::Confidence] {
                    slots.push(Slot::Side {
                        side,
                        segment: Some(segment.to_string()),
                        quantity,
                    });
                }
            }
        }
    }
    if any(&|i| i.ice.is_some()) {
        slots.extend((0..4).map(Slot::Ice));
    }
    if any(&|i| i.wsjf.is_some()) {
        slots.extend((0..5).map(Slot::Wsjf));
    }
    for slot in slots {
        fields.push(Field::Estimate(slot.clone(), Part::Likely));
        if any(&|i| estimate_of(i, &slot).is_some_and(|e| matches!(e, Estimate::Range { .. }))) {
            fields.push(Field::Estimate(slot.clone(), Part::Low));
            fields.push(Field::Estimate(slot, Part::High));
        }
    }
    let mut criteria: Vec<&str> = Vec::new();
    for initiative in initiatives {
        for id in initiative.criteria.keys() {
            if !criteria.contains(&id.as_str()) {
                criteria.push(id);
            }
        }
    }
    for id in criteria {
        let value_of = |i: &Initiative| i.criteria.get(id).copied();
        if any(&|i| matches!(value_of(i), Some(CriterionValue::Whole(_)))) {
            fields.push(Field::Criterion {
                id: id.to_string(),
                side: None,
            });
        }
        if any(&|i| matches!(value_of(i), Some(CriterionValue::PerSide { .. }))) {
            for side in Side::BOTH {
                fields.push(Field::Criterion {
                    id: id.to_string(),
                    side: Some(side),
                });
            }
        }
    }
    fields.extend(used_records(initiatives).into_iter().map(Field::Record));
    fields
}

fn estimate_of(initiative: &Initiative, slot: &Slot) -> Option<Estimate> {
    match slot {
        Slot::Effort => Some(initiative.effort),
        Slot::Side {
            side,
            segment: None,
            quantity,
        } => side_part(initiative, *side, *quantity),
        Slot::Side {
            side,
            segment: Some(id),
            quantity,
        } => {
            let estimate = initiative.side(*side)?;
            let segment = estimate.segments.iter().find(|s| s.segment == *id)?;
            Some(match quantity {
                Quantity::Reach => segment.reach,
                Quantity::Impact => segment.impact,
                Quantity::Confidence => segment.confidence,
            })
        }
        Slot::Ice(i) => {
            let ice = initiative.ice?;
            [
                ice.buyer_impact,
                ice.seller_impact,
                ice.confidence,
                ice.ease,
            ]
            .get(*i)
            .copied()
        }
        Slot::Wsjf(i) => {
            let w = initiative.wsjf?;
            [
                w.buyer_value,
                w.seller_value,
                w.time_criticality,
                w.risk_reduction,
                w.job_size,
            ]
            .get(*i)
            .copied()
        }
    }
}

fn side_part(initiative: &Initiative, side: Side, quantity: Quantity) -> Option<Estimate> {
    let estimate = initiative.side(side)?;
    match quantity {
        Quantity::Reach => estimate.reach,
        Quantity::Impact => estimate.impact,
        Quantity::Confidence => estimate.confidence,
    }
}

fn list_cell(items: &[String], path: &str) -> Result<Cell, Error> {
    if let Some((i, _)) = items
        .iter()
        .enumerate()
        .find(|(_, item)| item.contains([',', ';']) || item.trim() != item.as_str())
    {
        return Err(Error::Invalid(vec![Problem::new(
            ProblemCode::InvalidCell,
            format!("{path}[{i}]"),
            "In a spreadsheet, items of a list are separated by commas or semicolons, so an item cannot contain one (nor start or end with a space).",
        )]));
    }
    Ok(Cell::Text(items.join(", ")))
}

pub(super) fn text_cell(text: &str) -> Cell {
    if text.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(text.to_string())
    }
}

fn cell_for(initiative: &Initiative, index: usize, field: &Field) -> Result<Cell, Error> {
    let path = |field: &str| format!("initiatives[{index}].{field}");
    Ok(match field {
        Field::Text(text) => match text {
            Text::Id => text_cell(&initiative.id),
            Text::Name => text_cell(&initiative.name),
            Text::Description => text_cell(initiative.description.as_deref().unwrap_or("")),
            Text::Kind => Cell::Text(initiative.kind.label().to_string()),
            Text::ProblemSpace => text_cell(&initiative.problem_space),
            Text::JourneyStage => text_cell(&initiative.journey_stage),
            Text::TargetMetric => text_cell(&initiative.target_metric),
            Text::Hypothesis => text_cell(&initiative.hypothesis),
            Text::SuccessCriterion => text_cell(&initiative.success_criterion),
            Text::Dependencies => list_cell(&initiative.dependencies, &path("dependencies"))?,
            Text::Tags => list_cell(&initiative.tags, &path("tags"))?,
        },
        Field::Estimate(slot, part) => {
            let estimate = estimate_of(initiative, slot);
            let value = match (estimate, part) {
                (None, _) | (Some(Estimate::Value(_)), Part::Low | Part::High) => None,
                (Some(estimate), Part::Likely) => Some(estimate.likely()),
                (Some(estimate), Part::Low) => Some(estimate.low()),
                (Some(estimate), Part::High) => Some(estimate.high()),
            };
            match value {
                Some(value) => number(value, || path(&slot.path()))?,
                None => Cell::Empty,
            }
        }
        Field::Criterion { id, side } => match (initiative.criteria.get(id), side) {
            (Some(CriterionValue::Whole(v)), None) => number(*v, || path("criteria"))?,
            (Some(CriterionValue::PerSide { buyer, .. }), Some(Side::Buyer)) => {
                number(*buyer, || path("criteria"))?
            }
            (Some(CriterionValue::PerSide { seller, .. }), Some(Side::Seller)) => {
                number(*seller, || path("criteria"))?
            }
            _ => Cell::Empty,
        },
        Field::Record(record) => record_cell(initiative, index, *record)?,
        Field::Ignore => Cell::Empty,
    })
}

/// Writes a backlog's initiatives as CSV, one row each, with every field of
/// an initiative: estimates, segments, ICE and WSJF inputs, criteria,
/// dependencies, tags, MoSCoW and Kano labels, status, goal and outcome.
/// Importing the text with [`super::parse_csv`] (and the same backlog
/// settings) gives back the same backlog, with one exception: an outcome
/// record, or one side's actuals, holding no value at all reads back as
/// none (a reviewed initiative keeps its empty record). Backlog settings
/// (side names, footing, segment weights, criteria definitions, scales)
/// are not part of a spreadsheet: the JSON document keeps them.
///
/// ```
/// use twosided::io::csv::{backlog_to_csv, CsvExportOptions};
/// use twosided::{Backlog, Initiative, SideEstimate};
/// let backlog = Backlog {
///     initiatives: vec![Initiative {
///         id: "fee".into(),
///         name: "=HYPERLINK(\"http://x\")".into(),
///         seller: Some(SideEstimate::new(300.0, -0.5, 0.8)),
///         effort: 1.0.into(),
///         ..Initiative::default()
///     }],
///     ..Backlog::default()
/// };
/// let csv = backlog_to_csv(&backlog, &CsvExportOptions::default()).unwrap();
/// let row = csv.lines().nth(1).unwrap();
/// assert_eq!(row, "fee,\"'=HYPERLINK(\"\"http://x\"\")\",customer-facing,1,,,,300,-0.5,0.8");
/// ```
pub fn backlog_to_csv(backlog: &Backlog, options: &CsvExportOptions) -> Result<String, Error> {
    let mut writer = Writer::new(options)?;
    let fields = backlog_fields(backlog);
    writer.row(fields.iter().map(|f| Cell::Text(f.header())));
    for (index, initiative) in backlog.initiatives.iter().enumerate() {
        let cells = fields
            .iter()
            .map(|field| cell_for(initiative, index, field))
            .collect::<Result<Vec<_>, _>>()?;
        writer.row(cells);
    }
    Ok(writer.out)
}

/// Writes scored results (as [`crate::score`] returns them) as CSV: rank,
/// id, name, kind, the balanced score, each side's value on the common
/// footing and raw, the guardrail and Pareto status, and the explanation.
///
/// ```
/// use twosided::io::csv::{results_to_csv, CsvExportOptions};
/// let csv = results_to_csv(&[], &CsvExportOptions::default()).unwrap();
/// assert!(csv.starts_with("Rank,ID,Name,Kind,Score,"));
/// ```
pub fn results_to_csv(
    results: &[ScoredInitiative],
    options: &CsvExportOptions,
) -> Result<String, Error> {
    let mut writer = Writer::new(options)?;
    let headers = [
        "Rank",
        "ID",
        "Name",
        "Kind",
        "Score",
        "Buyer value",
        "Seller value",
        "Buyer raw",
        "Seller raw",
        "Guardrail violated",
        "On Pareto frontier",
        "Dominated by",
        "Explanation",
    ];
    writer.row(headers.map(|h| Cell::Text(h.into())));
    for result in results {
        let path = || format!("results[{}]", result.index);
        let yes_no = |b: bool| Cell::Text(if b { "yes" } else { "no" }.into());
        writer.row([
            result.rank.map_or(Cell::Empty, |r| Cell::Number(r as f64)),
            Cell::Text(result.id.clone()),
            Cell::Text(result.name.clone()),
            Cell::Text(result.kind.label().into()),
            number(result.score, path)?,
            number(result.buyer.value, path)?,
            number(result.seller.value, path)?,
            number(result.buyer.raw, path)?,
            number(result.seller.raw, path)?,
            yes_no(result.guardrail_violated),
            yes_no(result.pareto.on_frontier),
            text_cell(&result.pareto.dominated_by.join(", ")),
            text_cell(&result.explanation.sentence),
        ]);
    }
    Ok(writer.out)
}
