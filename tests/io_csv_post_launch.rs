//! Spreadsheets with labels and post-launch records: status, MoSCoW, Kano,
//! goal and outcome columns, read from a hand-written file, the problems
//! they can have, and the example backlog through CSV and back.

use twosided::formula::{Kano, Moscow};
use twosided::io::csv::{backlog_to_csv, parse_csv, CsvExportOptions, CsvImportOptions};
use twosided::model::{Direction, Goal, Outcome, SideActual, Status};
use twosided::{example_backlog, validate, Backlog, Error, ProblemCode};

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    String::from_utf8(std::fs::read(path).unwrap()).unwrap()
}

/// Every problem as (path, code, message).
fn problems(error: Error) -> Vec<(String, ProblemCode, String)> {
    error
        .problems()
        .iter()
        .map(|p| (p.path.clone(), p.code, p.message.clone()))
        .collect()
}

const HEADER: &str = "Name,Effort,Status,Goal baseline,Goal target,Actual effort,Learning";

#[test]
fn a_hand_written_sheet_reads_into_goals_statuses_labels_and_outcomes() {
    let import = parse_csv(&fixture("post_launch.csv"), &CsvImportOptions::default()).unwrap();
    let backlog = &import.backlog;
    assert!(validate(backlog).is_empty(), "{:?}", validate(backlog));
    assert!(
        import.warnings.is_empty(),
        "every column is recognised: {:?}",
        import.warnings
    );
    let fields: Vec<&str> = import
        .columns
        .iter()
        .skip(6)
        .map(|c| c.field.as_deref().unwrap())
        .collect();
    assert_eq!(
        fields,
        [
            "status",
            "moscow",
            "kano",
            "targetMetric",
            "goal.baseline",
            "goal.target",
            "goal.direction",
            "goal.unit",
            "outcome.effort",
            "outcome.buyer.reach",
            "outcome.seller.impact",
            "outcome.observed",
            "outcome.movement",
            "outcome.learning",
        ]
    );
    let [guest, replies, dispatch, defects, gifts] = &backlog.initiatives[..] else {
        panic!("five rows")
    };

    assert_eq!(guest.status, Status::Reviewed);
    assert_eq!(
        (guest.moscow, guest.kano),
        (Some(Moscow::Must), Some(Kano::Performance))
    );
    assert_eq!(
        guest.goal,
        Some(Goal {
            baseline: 2.4,
            target: 4.4,
            direction: None,
            unit: "% first-order conversion".into(),
        })
    );
    assert_eq!(
        guest.outcome,
        Some(Outcome {
            effort: Some(3.5),
            buyer: Some(SideActual {
                reach: Some(21000.0),
                impact: None
            }),
            seller: None,
            observed: Some(3.6),
            movement: None,
            learning: "Guest buyers converted better, but a third stopped at the account step: +1.2 pt, not +2.".into(),
        })
    );

    // A word for the actual impact, a movement instead of an observed value.
    assert_eq!(
        (replies.moscow, replies.kano),
        (Some(Moscow::Should), Some(Kano::Delighter))
    );
    assert_eq!(
        replies.goal.as_ref().unwrap().direction,
        Some(Direction::Increase)
    );
    assert_eq!(
        replies.outcome,
        Some(Outcome {
            effort: Some(1.0),
            seller: Some(SideActual {
                reach: None,
                impact: Some(1.0)
            }),
            movement: Some(19.0),
            ..Outcome::default()
        })
    );

    // Jira's "Done" is launched; the outcome may hold the effort alone.
    assert_eq!(dispatch.status, Status::Launched);
    assert_eq!(
        dispatch.goal.as_ref().unwrap().direction,
        Some(Direction::Decrease)
    );
    assert!(dispatch.buyer.is_none());
    assert_eq!(
        dispatch.outcome,
        Some(Outcome {
            effort: Some(1.5),
            ..Outcome::default()
        })
    );

    // Target equal to the baseline, with the direction that makes it valid.
    assert_eq!(defects.status, Status::InProgress);
    assert_eq!(
        (defects.moscow, defects.kano),
        (Some(Moscow::Wont), Some(Kano::Basic))
    );
    assert_eq!(
        defects.goal,
        Some(Goal {
            baseline: 2.0,
            target: 2.0,
            direction: Some(Direction::Decrease),
            unit: "%".into(),
        })
    );
    assert!(defects.outcome.is_none());

    // Empty cells are "not set".
    assert_eq!(gifts.status, Status::Idea);
    assert_eq!((gifts.moscow, gifts.kano), (Some(Moscow::Could), None));
    assert!(gifts.goal.is_none() && gifts.outcome.is_none());
}

#[test]
fn a_bad_value_in_a_new_column_names_its_row_and_column_and_the_allowed_words() {
    let text = format!(
        "{HEADER},MoSCoW,Kano,Goal direction\n\
         A,1,purple,,,,,,,\n\
         B,1,,2.4%,3,,,must,,\n\
         C,1,launched,1,2,soon,,,,\n\
         D,1,,1,2,,,maybe,exciting,sideways\n"
    );
    let found = problems(parse_csv(&text, &CsvImportOptions::default()).unwrap_err());
    let at = |path: &str| {
        found
            .iter()
            .find(|(p, _, _)| p == path)
            .unwrap_or_else(|| panic!("no problem at {path}: {found:?}"))
            .2
            .clone()
    };
    assert!(at("row 2, column 3 (Status)")
        .contains("use idea, planned, in progress, launched or reviewed"));
    assert!(at("row 3, column 4 (Goal baseline)").contains("put % in the Goal unit column"));
    assert!(at("row 4, column 6 (Actual effort)")
        .contains("\"soon\" is not a number: give the effort it really took"));
    assert!(at("row 5, column 8 (MoSCoW)").contains("must, should, could or won't"));
    assert!(at("row 5, column 9 (Kano)").contains("basic, performance, delighter or indifferent"));
    assert!(at("row 5, column 10 (Goal direction)").contains("increase"));
    assert!(
        found
            .iter()
            .all(|(_, code, _)| *code == ProblemCode::InvalidCell),
        "{found:#?}"
    );
    assert_eq!(found.len(), 6, "{found:?}");
}

#[test]
fn a_half_filled_goal_and_an_outcome_before_launch_point_at_their_cells() {
    let text = format!(
        "{HEADER}\n\
         A,1,,2.4,,,\n\
         B,1,planned,,,2,\n\
         C,1,launched,,,,\n"
    );
    let found = problems(parse_csv(&text, &CsvImportOptions::default()).unwrap_err());
    assert_eq!(found.len(), 2, "{found:?}");
    let (path, code, message) = &found[0];
    assert_eq!(
        (path.as_str(), *code),
        ("row 2, column 5 (Goal target)", ProblemCode::InvalidGoal)
    );
    assert!(message.contains("target (the value that counts as success) is missing"));
    // Only launched or reviewed initiatives have an outcome: the problem
    // is with the status.
    let (path, code, _) = &found[1];
    assert_eq!(
        (path.as_str(), *code),
        ("row 3, column 3 (Status)", ProblemCode::InvalidOutcome)
    );
}

#[test]
fn a_reviewed_row_needs_outcome_columns_and_may_leave_them_empty() {
    // With outcome columns, an empty reviewed row has an empty record.
    let text = format!("{HEADER}\nA,1,reviewed,,,,\n");
    let import = parse_csv(&text, &CsvImportOptions::default()).unwrap();
    assert_eq!(
        import.backlog.initiatives[0].outcome,
        Some(Outcome::default())
    );
    // Without any, "reviewed" has nothing behind it, which is an error.
    let found = problems(
        parse_csv(
            "Name,Effort,Status\nA,1,reviewed\n",
            &CsvImportOptions::default(),
        )
        .unwrap_err(),
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (found[0].0.as_str(), found[0].1),
        ("row 2, column 3 (Status)", ProblemCode::InvalidOutcome)
    );
}

#[test]
fn an_explicit_mapping_reaches_every_new_field() {
    let text = "Name,Effort,Phase,Prio,Before,Goal,Spent,Seen,Notes\n\
                A,1,Shipped,M,10,12,2,11,went well\n";
    let mapping = [
        ("Phase", "status"),
        ("Prio", "moscow"),
        ("Before", "goal.baseline"),
        ("Goal", "goal.target"),
        ("Spent", "outcome.effort"),
        ("Seen", "outcome.observed"),
        ("Notes", "outcome.learning"),
    ];
    let options = CsvImportOptions {
        mapping: mapping
            .iter()
            .map(|(from, to)| (from.to_string(), to.to_string()))
            .collect(),
        ..CsvImportOptions::default()
    };
    let a = &parse_csv(text, &options).unwrap().backlog.initiatives[0];
    assert_eq!((a.status, a.moscow), (Status::Launched, Some(Moscow::Must)));
    let goal = a.goal.as_ref().unwrap();
    assert_eq!((goal.baseline, goal.target), (10.0, 12.0));
    let outcome = a.outcome.as_ref().unwrap();
    assert_eq!(
        (outcome.effort, outcome.observed, outcome.learning.as_str()),
        (Some(2.0), Some(11.0), "went well")
    );
}

/// Segment estimates in segment-id order: a spreadsheet has one column per
/// segment, so their order within an initiative is the columns' order.
fn segments_sorted(mut backlog: Backlog) -> Backlog {
    for initiative in &mut backlog.initiatives {
        for side in [&mut initiative.buyer, &mut initiative.seller]
            .into_iter()
            .flatten()
        {
            side.segments.sort_by(|a, b| a.segment.cmp(&b.segment));
        }
    }
    backlog
}

#[test]
fn the_example_backlog_goes_through_a_spreadsheet_whole() {
    let example = example_backlog();
    assert!(
        example.initiatives.iter().any(|i| i.outcome.is_some()),
        "the example has post-launch records"
    );
    let csv = backlog_to_csv(&example, &CsvExportOptions::default()).unwrap();
    let header = csv.lines().next().unwrap();
    for column in [
        "Status",
        "Goal baseline",
        "Goal target",
        "Actual effort",
        "Learning",
    ] {
        assert!(
            header.split(',').any(|h| h == column),
            "{column} in {header}"
        );
    }
    let settings = Backlog {
        initiatives: Vec::new(),
        ..example.clone()
    };
    let options = CsvImportOptions {
        settings: Some(settings),
        ..CsvImportOptions::default()
    };
    let back = parse_csv(&csv, &options).unwrap().backlog;
    assert_eq!(segments_sorted(back), segments_sorted(example));
}
