//! Writing a planned roadmap as CSV: one row per initiative, planned or not.

use super::export::{number, text_cell, Cell, Writer};
use super::CsvExportOptions;
use crate::model::Backlog;
use crate::roadmap::Roadmap;
use crate::Error;

/// The headers of a roadmap export, in order.
const HEADERS: [&str; 11] = [
    "Period",
    "ID",
    "Name",
    "Kind",
    "Effort",
    "Buyer value",
    "Seller value",
    "Balanced score",
    "Value in plan",
    "Pinned",
    "Left out because",
];

/// What a row says in the period column for an initiative left out.
pub const NOT_PLANNED: &str = "not planned";

/// Writes a roadmap (as [`crate::roadmap::plan_roadmap`] returns it for
/// `backlog`) as CSV, one row per initiative: the planned ones first, by
/// period then backlog order, then those left out with the reason in a
/// sentence. Columns: period (or "not planned"), id, name, kind, effort,
/// buyer value, seller value, balanced score, value in the plan, whether a
/// pin put it there, and why it was left out. Side values and the value in
/// the plan are on the planner's basis (times effort for RICE and WSJF) and
/// are empty for initiatives left out, which add nothing. Text is guarded
/// against formula injection like every other export.
///
/// The backlog supplies the kind and effort of initiatives left out; a
/// roadmap planned from another backlog leaves those cells empty.
///
/// ```
/// use twosided::io::csv::{roadmap_to_csv, CsvExportOptions};
/// use twosided::roadmap::{plan_roadmap, Period, PlanOptions};
/// use twosided::{Backlog, Initiative, SideEstimate};
/// let backlog = Backlog {
///     initiatives: vec![Initiative {
///         id: "search".into(),
///         name: "Search relevance".into(),
///         buyer: Some(SideEstimate::new(100.0, 1.0, 1.0)),
///         effort: 2.0.into(),
///         ..Initiative::default()
///     }],
///     ..Backlog::default()
/// };
/// let options = PlanOptions { periods: vec![Period::new("Q1", 4.0)], ..PlanOptions::default() };
/// let roadmap = plan_roadmap(&backlog, &options).unwrap();
/// let csv = roadmap_to_csv(&backlog, &roadmap, &CsvExportOptions::default()).unwrap();
/// let row = csv.lines().nth(1).unwrap();
/// // RICE 100 x 1 x 1 / 2 = 50 for buyers, balanced half-and-half: 25; the
/// // plan counts score x effort: 100 buyer value and 50 in all.
/// assert_eq!(row, "Q1,search,Search relevance,customer-facing,2,100,0,25,50,no,");
/// ```
pub fn roadmap_to_csv(
    backlog: &Backlog,
    roadmap: &Roadmap,
    options: &CsvExportOptions,
) -> Result<String, Error> {
    let mut writer = Writer::new(options)?;
    writer.row(HEADERS.map(|h| Cell::Text(h.into())));
    let yes_no = |b: bool| Cell::Text(if b { "yes" } else { "no" }.into());
    for (k, planned) in roadmap.plan.scheduled.iter().enumerate() {
        let path = || format!("roadmap.plan.scheduled[{k}]");
        writer.row([
            text_cell(&planned.period_name),
            text_cell(&planned.id),
            text_cell(&planned.name),
            Cell::Text(planned.kind.label().into()),
            number(planned.effort, path)?,
            number(planned.buyer_value, path)?,
            number(planned.seller_value, path)?,
            number(planned.score, path)?,
            number(planned.value, path)?,
            yes_no(planned.pinned),
            Cell::Empty,
        ]);
    }
    for (k, left) in roadmap.left_out.iter().enumerate() {
        let path = || format!("roadmap.leftOut[{k}]");
        // The index names the backlog entry only if it is the same initiative.
        let initiative = backlog
            .initiatives
            .get(left.index)
            .filter(|i| i.id == left.id);
        let (kind, effort) = match initiative {
            Some(i) => (
                Cell::Text(i.kind.label().into()),
                number(i.effort.likely(), path)?,
            ),
            None => (Cell::Empty, Cell::Empty),
        };
        writer.row([
            Cell::Text(NOT_PLANNED.into()),
            text_cell(&left.id),
            text_cell(&left.name),
            kind,
            effort,
            Cell::Empty,
            Cell::Empty,
            number(left.score, path)?,
            Cell::Empty,
            yes_no(false),
            text_cell(&left.explanation),
        ]);
    }
    Ok(writer.out)
}
