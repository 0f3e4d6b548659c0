//! A planned roadmap written as CSV: every initiative once, planned rows by
//! period with their values, left-out rows with the reason, and text that
//! spreadsheets cannot run as a formula.

mod roadmap_common;

use roadmap_common::{backlog, item, options};
use twosided::io::csv::{
    roadmap_to_csv, CsvExportOptions, DecimalSeparator, Delimiter, LineEnding,
};
use twosided::roadmap::{plan_roadmap, Pins};
use twosided::{Error, WorkKind};

/// Splits simple CSV (no quoted delimiters) into cells.
fn rows(csv: &str) -> Vec<Vec<String>> {
    csv.lines()
        .map(|line| line.split(',').map(str::to_string).collect())
        .collect()
}

#[test]
fn planned_rows_come_by_period_and_left_out_rows_say_why() {
    // Two periods of 10: "b" (90 for 10) fills one, "a" (11 for 1) and "c"
    // (5 for 4) fit in the other; "d" is pinned out.
    let backlog = backlog(vec![
        item("a", 11.0, 1.0, WorkKind::CustomerFacing, &[]),
        item("b", 90.0, 10.0, WorkKind::CustomerFacing, &[]),
        item("c", 5.0, 4.0, WorkKind::Platform, &[]),
        item("d", 40.0, 2.0, WorkKind::Operational, &[]),
        item("e", 50.0, 30.0, WorkKind::CustomerFacing, &[]),
    ]);
    let mut plan = options(&[10.0, 10.0]);
    plan.pins = Pins {
        include: vec!["c".into()],
        exclude: vec!["d".into()],
        fixed: Vec::new(),
    };
    let roadmap = plan_roadmap(&backlog, &plan).unwrap();
    let options = CsvExportOptions {
        line_ending: LineEnding::Lf,
        ..CsvExportOptions::default()
    };
    let csv = roadmap_to_csv(&backlog, &roadmap, &options).unwrap();
    let rows = rows(&csv);
    assert_eq!(
        rows[0],
        [
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
            "Left out because"
        ]
    );
    // One row per initiative, none twice.
    assert_eq!(rows.len(), 1 + 5);
    let mut ids: Vec<&str> = rows[1..].iter().map(|r| r[1].as_str()).collect();
    ids.sort_unstable();
    assert_eq!(ids, ["a", "b", "c", "d", "e"]);
    // Planned rows first, in period order, with score x effort as value
    // (buyer weight 1, so the balanced score is the buyer's RICE score).
    let planned: Vec<&Vec<String>> = rows[1..].iter().filter(|r| r[0] != "not planned").collect();
    assert_eq!(planned.len(), 3);
    let periods: Vec<&str> = planned.iter().map(|r| r[0].as_str()).collect();
    let mut sorted = periods.clone();
    sorted.sort_unstable();
    assert_eq!(periods, sorted);
    let b = planned.iter().find(|r| r[1] == "b").unwrap();
    assert_eq!(
        b[2..10],
        [
            "Initiative b",
            "customer-facing",
            "10",
            "90",
            "0",
            "9",
            "90",
            "no"
        ]
    );
    assert_eq!(b[10], "");
    let c = planned.iter().find(|r| r[1] == "c").unwrap();
    assert_eq!(c[3], "platform");
    assert_eq!(c[8], "5");
    assert_eq!(c[9], "yes");
    // Left-out rows: the kind and effort from the backlog, no values, and the reason.
    let d = rows.iter().find(|r| r[1] == "d").unwrap();
    assert_eq!(d[0], "not planned");
    assert_eq!(d[3..10], ["operational", "2", "", "", "20", "", "no"]);
    let reason = &roadmap
        .left_out
        .iter()
        .find(|l| l.id == "d")
        .unwrap()
        .explanation;
    assert!(!reason.is_empty());
    assert!(csv.contains(reason.as_str()), "{csv}");
    let e = rows.iter().find(|r| r[1] == "e").unwrap();
    assert_eq!((e[0].as_str(), e[4].as_str()), ("not planned", "30"));
    assert_ne!(e[10], "");
}

#[test]
fn names_that_look_like_formulas_are_guarded_and_still_read_back() {
    let mut evil = item("evil", 10.0, 1.0, WorkKind::CustomerFacing, &[]);
    evil.name = "=HYPERLINK(\"http://x\",\"click\")".into();
    let mut minus = item("minus", 1.0, 50.0, WorkKind::CustomerFacing, &[]);
    minus.name = "-1+2".into();
    let backlog = backlog(vec![evil, minus]);
    let roadmap = plan_roadmap(&backlog, &options(&[5.0])).unwrap();
    let csv = roadmap_to_csv(&backlog, &roadmap, &CsvExportOptions::default()).unwrap();
    assert!(
        csv.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\""),
        "{csv}"
    );
    assert!(csv.contains(",'-1+2,"), "{csv}");
    // No cell starts with a formula character once the guard is removed.
    for line in csv.lines().skip(1) {
        for cell in line.split(',') {
            let cell = cell.trim_start_matches('"');
            assert!(!cell.starts_with(['=', '+', '@']), "{cell}");
            assert!(
                !cell.starts_with('-') || cell.parse::<f64>().is_ok(),
                "{cell}"
            );
        }
    }
}

#[test]
fn european_excel_gets_semicolons_and_decimal_commas() {
    let backlog = backlog(vec![item("a", 3.0, 2.0, WorkKind::CustomerFacing, &[])]);
    let roadmap = plan_roadmap(&backlog, &options(&[4.0])).unwrap();
    let options = CsvExportOptions {
        delimiter: Delimiter::Semicolon,
        decimal: DecimalSeparator::Comma,
        ..CsvExportOptions::default()
    };
    let csv = roadmap_to_csv(&backlog, &roadmap, &options).unwrap();
    let row = csv.lines().nth(1).unwrap();
    // RICE 3 / 2 = 1.5 per person-month.
    assert_eq!(row, "P1;a;Initiative a;customer-facing;2;3;0;1,5;3;no;");
    let bad = CsvExportOptions {
        decimal: DecimalSeparator::Comma,
        ..CsvExportOptions::default()
    };
    let error = roadmap_to_csv(&backlog, &roadmap, &bad).unwrap_err();
    assert!(matches!(error, Error::InvalidOption { ref path, .. } if path == "options.decimal"));
}
