//! Spreadsheet import over realistic and broken files, and export safety.

use twosided::io::csv::{
    backlog_to_csv, parse_csv, CsvExportOptions, CsvImport, CsvImportOptions, DecimalSeparator,
    Delimiter,
};
use twosided::model::Status;
use twosided::{score, validate, Error, Estimate, ProblemCode, ScoreOptions, WorkKind};

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    String::from_utf8(std::fs::read(path).unwrap()).unwrap()
}

fn import(name: &str) -> CsvImport {
    parse_csv(&fixture(name), &CsvImportOptions::default()).unwrap()
}

fn likely(estimate: Option<Estimate>) -> f64 {
    estimate.unwrap().likely()
}

fn problems(error: Error) -> Vec<(String, ProblemCode)> {
    error
        .problems()
        .iter()
        .map(|p| (p.path.clone(), p.code))
        .collect()
}

#[test]
fn excel_uk_quotes_words_percentages_and_grouping() {
    let import = import("excel_uk.csv");
    assert_eq!(import.delimiter, Delimiter::Comma);
    let backlog = &import.backlog;
    assert!(validate(backlog).is_empty(), "{:?}", validate(backlog));
    assert_eq!(backlog.initiatives.len(), 5);
    let checkout = &backlog.initiatives[0];
    assert_eq!(
        checkout.description.as_deref(),
        Some("Saves card details, address and delivery choice")
    );
    assert_eq!(likely(checkout.buyer.as_ref().unwrap().impact), 3.0);
    assert_eq!(checkout.tags, vec!["checkout", "conversion"]);
    let bulk = &backlog.initiatives[1];
    assert_eq!(
        bulk.description.as_deref(),
        Some("Upload a spreadsheet of listings.\r\nValidates each row first.")
    );
    assert!(bulk.buyer.is_none());
    let seller = bulk.seller.as_ref().unwrap();
    assert_eq!((likely(seller.reach), likely(seller.impact)), (1200.0, 2.0));
    assert_eq!(likely(seller.confidence), 0.8);
    let fee = &backlog.initiatives[2];
    assert_eq!(likely(fee.buyer.as_ref().unwrap().impact), -0.5);
    assert_eq!(fee.kind, WorkKind::Operational);
    assert_eq!(fee.dependencies, vec!["checkout"]);
    assert_eq!(
        fee.description.as_deref(),
        Some("A 2% fee on each order, shown at \"checkout\"")
    );
    // Import keeps a formula as plain text; the export neutralises it.
    assert!(backlog.initiatives[4]
        .description
        .as_deref()
        .unwrap()
        .starts_with("=cmd"));
    // The file's rows, counting the header as row 1 and the quoted line
    // break as part of row 3.
    assert_eq!(import.rows, vec![2, 3, 4, 5, 6]);
    assert!(score(backlog, &ScoreOptions::default()).is_ok());
}

#[test]
fn excel_german_semicolons_decimal_commas_and_bom() {
    let import = import("excel_de.csv");
    assert_eq!(import.delimiter, Delimiter::Semicolon);
    assert_eq!(import.decimal, DecimalSeparator::Comma);
    let backlog = &import.backlog;
    assert!(validate(backlog).is_empty(), "{:?}", validate(backlog));
    let payout = &backlog.initiatives[0];
    assert_eq!(payout.id, "payout");
    assert_eq!(payout.name, "Auszahlungs-Dashboard für Händler");
    assert_eq!(payout.effort, Estimate::range(1.0, 1.5, 2.5));
    assert_eq!(likely(payout.seller.as_ref().unwrap().reach), 1200.0);
    let search = &backlog.initiatives[1];
    assert_eq!(likely(search.buyer.as_ref().unwrap().reach), 5000.0);
    assert_eq!(likely(search.buyer.as_ref().unwrap().confidence), 0.5);
    assert_eq!(likely(search.seller.as_ref().unwrap().impact), 0.5);
    let fee = &backlog.initiatives[2];
    assert_eq!(fee.name, "Käufergebühr 2,5 %");
    assert_eq!(likely(fee.buyer.as_ref().unwrap().impact), -0.5);
    assert_eq!(likely(fee.buyer.as_ref().unwrap().confidence), 0.8);
}

#[test]
fn google_sheets_synonyms_and_ids_from_names() {
    let import = import("google_sheets.csv");
    let backlog = &import.backlog;
    assert!(validate(backlog).is_empty(), "{:?}", validate(backlog));
    let ids: Vec<&str> = backlog.initiatives.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "faster-checkout",
            "seller-analytics",
            "saved-searches",
            "free-returns"
        ]
    );
    let returns = &backlog.initiatives[3];
    assert_eq!(likely(returns.seller.as_ref().unwrap().impact), -1.0);
    assert_eq!(returns.effort, Estimate::Value(6.0));
    assert_eq!(returns.problem_space, "fulfilment");
    assert_eq!(backlog.initiatives[1].target_metric, "gmv per seller");
    let fields: Vec<Option<&str>> = import.columns.iter().map(|c| c.field.as_deref()).collect();
    assert_eq!(fields[7], Some("effort"));
}

#[test]
fn jira_export_custom_fields_repeated_labels_and_unused_columns() {
    let import = import("jira.csv");
    let backlog = &import.backlog;
    assert!(validate(backlog).is_empty(), "{:?}", validate(backlog));
    let onboarding = &backlog.initiatives[0];
    assert_eq!(
        (onboarding.id.as_str(), onboarding.name.as_str()),
        ("MKT-101", "Improve seller onboarding")
    );
    assert_eq!(onboarding.tags, vec!["sellers", "onboarding"]);
    assert_eq!(likely(onboarding.seller.as_ref().unwrap().confidence), 0.8);
    assert!(onboarding.buyer.is_none());
    let unused: Vec<&str> = import
        .columns
        .iter()
        .filter(|c| c.field.is_none())
        .map(|c| c.header.as_str())
        .collect();
    assert_eq!(
        unused,
        ["Issue id", "Issue Type", "Priority", "Sprint", "Sprint"]
    );
    // Jira's workflow words are statuses: "To Do" and "Backlog" are ideas.
    let statuses: Vec<Status> = backlog.initiatives.iter().map(|i| i.status).collect();
    assert_eq!(statuses, [Status::Idea, Status::InProgress, Status::Idea]);
    // Plain 80 in a confidence column is read as 80%, and said so.
    assert!(import
        .warnings
        .iter()
        .any(|w| w.code == ProblemCode::InvalidConfidence
            && w.header.as_deref() == Some("Custom field (Seller confidence)")));
}

#[test]
fn pasted_spreadsheet_selection_is_tab_separated() {
    let import = import("spreadsheet_paste.tsv");
    assert_eq!(import.delimiter, Delimiter::Tab);
    assert_eq!(import.decimal, DecimalSeparator::Point);
    assert_eq!(import.backlog.initiatives.len(), 3);
    assert_eq!(
        likely(
            import.backlog.initiatives[2]
                .seller
                .as_ref()
                .unwrap()
                .impact
        ),
        0.25
    );
    let german =
        "Name\tBuyer reach\tBuyer impact\tBuyer confidence\tEffort\nA\t1.000\t0,5\t80%\t1,5\n";
    let import = parse_csv(german, &CsvImportOptions::default()).unwrap();
    assert_eq!(import.decimal, DecimalSeparator::Comma);
    assert_eq!(import.backlog.initiatives[0].effort, Estimate::Value(1.5));
    assert_eq!(
        likely(import.backlog.initiatives[0].buyer.as_ref().unwrap().reach),
        1000.0
    );
}

#[test]
fn ragged_rows_are_located() {
    let error = parse_csv(&fixture("broken_ragged.csv"), &CsvImportOptions::default()).unwrap_err();
    assert_eq!(error.code(), "VALIDATION_FAILED");
    let found = problems(error);
    assert!(
        found.contains(&("row 3, column 6".into(), ProblemCode::RaggedRow)),
        "{found:?}"
    );
    // The short row lacks the effort: its cell is where the problem is.
    assert!(
        found.contains(&("row 4, column 5 (Effort)".into(), ProblemCode::InvalidCell)),
        "{found:?}"
    );
}

#[test]
fn wrong_types_fail_all_or_nothing_with_rows_and_columns() {
    let error = parse_csv(&fixture("broken_types.csv"), &CsvImportOptions::default()).unwrap_err();
    let found = problems(error.clone());
    let expected = [
        ("row 3, column 2 (Buyer reach)", ProblemCode::InvalidCell),
        ("row 4, column 3 (Buyer impact)", ProblemCode::InvalidCell),
        ("row 5, column 6 (Kind)", ProblemCode::InvalidCell),
        ("row 6, column 3 (Buyer impact)", ProblemCode::InvalidImpact),
        ("row 7, column 5 (Effort)", ProblemCode::InvalidEffort),
    ];
    for (path, code) in expected {
        assert!(
            found.contains(&(path.to_string(), code)),
            "{path}: {found:?}"
        );
    }
    assert_eq!(found.len(), expected.len(), "{found:?}");
    let message = &error.problems()[0].message;
    assert!(message.contains("\"lots\" is not a number"), "{message}");
}

#[test]
fn partial_import_skips_and_reports_rows() {
    let options = CsvImportOptions {
        partial: true,
        ..CsvImportOptions::default()
    };
    let import = parse_csv(&fixture("broken_types.csv"), &options).unwrap();
    assert_eq!(import.backlog.initiatives.len(), 1);
    assert_eq!(import.backlog.initiatives[0].name, "Good row");
    assert_eq!(import.rows, vec![2]);
    assert_eq!(import.skipped_rows, vec![3, 4, 5, 6, 7]);
    assert_eq!(import.problem_count, 5);
}

#[test]
fn partial_import_leaves_out_rows_that_depend_on_skipped_ones() {
    let text = "ID,Name,Effort,Dependencies\na,A,1,\nb,B,oops,a\nc,C,1,b\nd,D,1,c\ne,E,2,a\n";
    let options = CsvImportOptions {
        partial: true,
        ..CsvImportOptions::default()
    };
    let import = parse_csv(text, &options).unwrap();
    let ids: Vec<&str> = import
        .backlog
        .initiatives
        .iter()
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(ids, ["a", "e"]);
    assert_eq!(import.skipped_rows, vec![3, 4, 5]);
    assert!(validate(&import.backlog).is_empty());
}

#[test]
fn empty_and_header_only_files() {
    let error = parse_csv(&fixture("empty.csv"), &CsvImportOptions::default()).unwrap_err();
    assert_eq!(
        problems(error),
        vec![("file".to_string(), ProblemCode::InvalidSize)]
    );
    let error = parse_csv(&fixture("headers_only.csv"), &CsvImportOptions::default()).unwrap_err();
    let found = problems(error.clone());
    assert_eq!(found, vec![("file".to_string(), ProblemCode::InvalidSize)]);
    assert!(error.problems()[0].message.contains("empty"));
}

#[test]
fn missing_and_duplicate_columns_and_bad_mappings() {
    let error = parse_csv("Name,Reach\nA,1\n", &CsvImportOptions::default()).unwrap_err();
    assert_eq!(
        problems(error),
        vec![("row 1".to_string(), ProblemCode::InvalidHeader)]
    );
    let error = parse_csv("Name,Title,Effort\nA,B,1\n", &CsvImportOptions::default()).unwrap_err();
    assert_eq!(
        problems(error),
        vec![(
            "row 1, column 2 (Title)".to_string(),
            ProblemCode::InvalidHeader
        )]
    );
    let mut options = CsvImportOptions::default();
    options.mapping.insert("Pts".into(), "efort".into());
    options.mapping.insert("Missing".into(), "name".into());
    let error = parse_csv("Name,Pts\nA,1\n", &options).unwrap_err();
    let found = problems(error);
    assert!(found.contains(&("row 1, column 2 (Pts)".into(), ProblemCode::InvalidHeader)));
    assert!(found.contains(&("file".into(), ProblemCode::InvalidHeader)));
}

#[test]
fn explicit_mapping_overrides_the_guess() {
    let mut options = CsvImportOptions::default();
    options.mapping.insert("pts".into(), "effort".into());
    options
        .mapping
        .insert("Reach".into(), "seller.reach".into());
    options
        .mapping
        .insert("Impact".into(), "seller.impact".into());
    options
        .mapping
        .insert("Confidence".into(), "seller.confidence".into());
    options.mapping.insert("Summary".into(), "ignore".into());
    let text = "Title,Summary,Reach,Impact,Confidence,PTS\nA,ignored,300,high,50%,2\n";
    let import = parse_csv(text, &options).unwrap();
    let a = &import.backlog.initiatives[0];
    assert!(a.buyer.is_none());
    assert_eq!(likely(a.seller.as_ref().unwrap().reach), 300.0);
    assert_eq!(a.effort, Estimate::Value(2.0));
    assert!(a.description.is_none());
}

#[test]
fn ranges_in_one_cell_or_in_columns() {
    let text =
        "Name,Buyer reach,Buyer reach low,Buyer reach high,Buyer impact,Buyer confidence,Effort\n\
                A,450,300,700,1,80%,1-2-4\n\
                B,300-450-700,,,1,80%,1\n\
                C,300-450-700,100,,1,80%,1\n";
    let error = parse_csv(text, &CsvImportOptions::default()).unwrap_err();
    assert_eq!(
        problems(error),
        vec![(
            "row 4, column 2 (Buyer reach)".to_string(),
            ProblemCode::InvalidCell
        )]
    );
    let import = parse_csv(
        &text[..text.rfind("C,").unwrap()],
        &CsvImportOptions::default(),
    )
    .unwrap();
    let [a, b] = &import.backlog.initiatives[..] else {
        panic!()
    };
    assert_eq!(
        a.buyer.as_ref().unwrap().reach,
        Some(Estimate::range(300.0, 450.0, 700.0))
    );
    assert_eq!(a.effort, Estimate::range(1.0, 2.0, 4.0));
    assert_eq!(
        b.buyer.as_ref().unwrap().reach,
        a.buyer.as_ref().unwrap().reach
    );
}

#[test]
fn segments_criteria_ice_and_wsjf_columns() {
    let text = "Name,Effort,Buyer reach [new-buyers],Buyer impact [new-buyers],Buyer confidence [new-buyers],\
                ICE buyer impact,ICE seller impact,ICE confidence,ICE ease,Criterion: margin,Criterion: conversion (buyer),Criterion: conversion (seller)\n\
                A,1,100,2,80%,8,-2,7,5,3,4,1\n";
    let import = parse_csv(text, &CsvImportOptions::default()).unwrap();
    let a = &import.backlog.initiatives[0];
    assert_eq!(a.buyer.as_ref().unwrap().segments[0].segment, "new-buyers");
    assert_eq!(import.backlog.segments.buyer[0].id, "new-buyers");
    assert!(import
        .warnings
        .iter()
        .any(|w| w.code == ProblemCode::UnknownSegment));
    assert_eq!(a.ice.unwrap().seller_impact, Estimate::Value(-2.0));
    assert_eq!(a.criteria.len(), 2);
    assert!(
        validate(&import.backlog).is_empty(),
        "{:?}",
        validate(&import.backlog)
    );
    let back = parse_csv(
        &backlog_to_csv(&import.backlog, &CsvExportOptions::default()).unwrap(),
        &CsvImportOptions {
            settings: Some(import.backlog.clone()),
            ..CsvImportOptions::default()
        },
    )
    .unwrap();
    assert_eq!(back.backlog, import.backlog);
}

#[test]
fn a_five_megabyte_file_imports() {
    let mut text = String::from("ID,Name,Description,Buyer reach,Buyer impact,Buyer confidence,Seller reach,Seller impact,Seller confidence,Effort\r\n");
    let mut rows = 0;
    while text.len() < 5 * 1024 * 1024 {
        rows += 1;
        text.push_str(&format!(
            "item-{rows},Initiative {rows},\"A longer description, with a comma, for row {rows}, to make the file realistic\",{},high,80%,{},-low,50%,{}\r\n",
            100 + rows % 900,
            rows % 300,
            1 + rows % 5
        ));
    }
    let import = parse_csv(&text, &CsvImportOptions::default()).unwrap();
    assert_eq!(import.backlog.initiatives.len(), rows);
    let last = import.backlog.initiatives.last().unwrap();
    assert_eq!(last.id, format!("item-{rows}"));
    // Over the size limit the answer is a clear error, not work.
    let big = "x".repeat(twosided::io::csv::MAX_CSV_BYTES + 1);
    assert_eq!(
        parse_csv(&big, &CsvImportOptions::default())
            .unwrap_err()
            .code(),
        "LIMIT_EXCEEDED"
    );
}

#[test]
fn export_neutralises_formulas_and_keeps_negative_numbers() {
    let import = import("excel_uk.csv");
    let mut backlog = import.backlog;
    backlog.initiatives[0].name = "+1 checkout".into();
    backlog.initiatives[1].name = "@SUM(A1:A9)".into();
    backlog.initiatives[2].name = "-fees".into();
    backlog.initiatives[3].name = "\tsearch".into();
    backlog.initiatives[3].hypothesis = "\rhidden".into();
    let csv = backlog_to_csv(&backlog, &CsvExportOptions::default()).unwrap();
    for dangerous in [
        "'+1 checkout",
        "'@SUM(A1:A9)",
        "'-fees",
        "'\tsearch",
        "\"'\rhidden\"",
        "'=cmd|",
    ] {
        assert!(csv.contains(dangerous), "{dangerous:?} in {csv}");
    }
    // No cell starts with a formula character unguarded; numbers stay numbers.
    let fee_row = csv
        .split("\r\n")
        .find(|r| r.starts_with("buyer-fee"))
        .unwrap();
    assert!(fee_row.contains(",2000,-0.5,0.8,"), "{fee_row}");
    for cell in csv.split([',', '\n']) {
        let cell = cell.trim_start_matches('"');
        if let Some(first) = cell.chars().next() {
            let numeric = cell.parse::<f64>().is_ok();
            assert!(
                numeric || !matches!(first, '=' | '+' | '-' | '@'),
                "{cell:?}"
            );
        }
    }
    let back = parse_csv(&csv, &CsvImportOptions::default()).unwrap();
    assert_eq!(back.backlog, backlog);
}

#[test]
fn german_export_reads_back() {
    let backlog = import("excel_de.csv").backlog;
    let options = CsvExportOptions {
        delimiter: Delimiter::Semicolon,
        decimal: DecimalSeparator::Comma,
        bom: true,
        ..CsvExportOptions::default()
    };
    let csv = backlog_to_csv(&backlog, &options).unwrap();
    assert!(csv.starts_with('\u{feff}'));
    assert!(csv.contains(";1,5;1;2,5"), "{csv}");
    assert_eq!(
        parse_csv(&csv, &CsvImportOptions::default())
            .unwrap()
            .backlog,
        backlog
    );
    let bad = CsvExportOptions {
        decimal: DecimalSeparator::Comma,
        ..CsvExportOptions::default()
    };
    assert_eq!(
        backlog_to_csv(&backlog, &bad).unwrap_err().code(),
        "INVALID_OPTION"
    );
}
