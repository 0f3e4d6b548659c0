//! Every input size limit, tested at the limit (accepted) and just over it
//! (a clear error naming what is too large), so no input can make the core
//! work for an unbounded time or memory.
// Reading JSON text is native only (in WebAssembly JSON.parse does it).
#![cfg(not(target_arch = "wasm32"))]

use twosided::formula::{
    compile, CompileContext, FormulaErrorKind, MAX_ARGUMENTS, MAX_DEPTH, MAX_FORMULA_BYTES,
    MAX_NAME_BYTES as MAX_FORMULA_NAME_BYTES, MAX_NODES,
};
use twosided::io::csv::{
    parse_csv, CsvImportOptions, MAX_CSV_BYTES, MAX_CSV_COLUMNS, MAX_CSV_ROWS,
};
use twosided::io::document::{read_document, MAX_DOCUMENT_BYTES};
use twosided::io::share::{
    decode_share_json, encode_share_json, MAX_SHARED_JSON_BYTES, MAX_SHARE_LINK_CHARS,
    SHARE_LINK_PREFIX,
};
use twosided::limits::*;
use twosided::{
    validate, Backlog, Estimate, Initiative, Problem, ProblemCode, Scales, Segment, SideEstimate,
};

fn item(index: usize) -> Initiative {
    Initiative {
        id: format!("i{index}"),
        name: format!("Initiative {index}"),
        buyer: Some(SideEstimate::new(100.0, 1.0, 0.8)),
        effort: Estimate::Value(1.0),
        ..Initiative::default()
    }
}

fn backlog_of(count: usize) -> Backlog {
    Backlog {
        initiatives: (0..count).map(item).collect(),
        ..Backlog::default()
    }
}

fn one(change: impl FnOnce(&mut Initiative)) -> Vec<Problem> {
    let mut backlog = backlog_of(1);
    change(&mut backlog.initiatives[0]);
    validate(&backlog)
}

/// The problems as (code, path), for exact comparison.
fn codes(problems: &[Problem]) -> Vec<(ProblemCode, String)> {
    problems.iter().map(|p| (p.code, p.path.clone())).collect()
}

fn only(code: ProblemCode, path: &str) -> Vec<(ProblemCode, String)> {
    vec![(code, path.to_string())]
}

#[test]
fn initiatives_at_and_over_the_limit() {
    let mut backlog = backlog_of(MAX_INITIATIVES);
    assert!(validate(&backlog).is_empty());
    backlog.initiatives.push(item(MAX_INITIATIVES));
    let problems = validate(&backlog);
    assert_eq!(
        codes(&problems),
        only(ProblemCode::InvalidSize, "initiatives")
    );
    assert!(
        problems[0].message.contains("100000"),
        "{}",
        problems[0].message
    );
}

#[test]
fn id_and_name_lengths() {
    assert!(one(|i| i.id = "x".repeat(MAX_ID_BYTES)).is_empty());
    assert_eq!(
        codes(&one(|i| i.id = "x".repeat(MAX_ID_BYTES + 1))),
        only(ProblemCode::InvalidId, "initiatives[0].id")
    );
    assert!(one(|i| i.name = "n".repeat(MAX_NAME_BYTES)).is_empty());
    assert_eq!(
        codes(&one(|i| i.name = "n".repeat(MAX_NAME_BYTES + 1))),
        only(ProblemCode::InvalidName, "initiatives[0].name")
    );
    // Bytes, not characters: 128 two-byte letters are 256 bytes.
    assert!(one(|i| i.name = "é".repeat(MAX_NAME_BYTES / 2)).is_empty());
    assert!(!one(|i| i.name = "é".repeat(MAX_NAME_BYTES / 2 + 1)).is_empty());
}

#[test]
fn every_free_text_field_is_bounded() {
    type Setter = fn(&mut Initiative, String);
    let fields: [(&str, Setter); 6] = [
        ("description", |i, t| i.description = Some(t)),
        ("problemSpace", |i, t| i.problem_space = t),
        ("journeyStage", |i, t| i.journey_stage = t),
        ("targetMetric", |i, t| i.target_metric = t),
        ("hypothesis", |i, t| i.hypothesis = t),
        ("successCriterion", |i, t| i.success_criterion = t),
    ];
    for (field, set) in fields {
        assert!(
            one(|i| set(i, "t".repeat(MAX_TEXT_BYTES))).is_empty(),
            "{field}"
        );
        assert_eq!(
            codes(&one(|i| set(i, "t".repeat(MAX_TEXT_BYTES + 1)))),
            only(ProblemCode::TextTooLong, &format!("initiatives[0].{field}")),
            "{field}"
        );
    }
}

#[test]
fn tags_count_and_length() {
    assert!(one(|i| i.tags = (0..MAX_TAGS).map(|k| format!("t{k}")).collect()).is_empty());
    assert_eq!(
        codes(&one(
            |i| i.tags = (0..=MAX_TAGS).map(|k| format!("t{k}")).collect()
        )),
        only(ProblemCode::TooMany, "initiatives[0].tags")
    );
    assert!(one(|i| i.tags = vec!["t".repeat(MAX_NAME_BYTES)]).is_empty());
    assert_eq!(
        codes(&one(|i| i.tags = vec!["t".repeat(MAX_NAME_BYTES + 1)])),
        only(ProblemCode::TextTooLong, "initiatives[0].tags[0]")
    );
}

#[test]
fn dependencies_per_initiative() {
    let mut backlog = backlog_of(MAX_DEPENDENCIES + 2);
    let others: Vec<String> = (1..=MAX_DEPENDENCIES + 1)
        .map(|k| format!("i{k}"))
        .collect();
    backlog.initiatives[0].dependencies = others[..MAX_DEPENDENCIES].to_vec();
    assert!(validate(&backlog).is_empty());
    backlog.initiatives[0].dependencies = others;
    assert_eq!(
        codes(&validate(&backlog)),
        only(ProblemCode::TooMany, "initiatives[0].dependencies")
    );
}

#[test]
fn segments_per_side() {
    let declare = |count: usize| -> Backlog {
        let mut backlog = backlog_of(1);
        backlog.segments.buyer = (0..count)
            .map(|k| Segment {
                id: format!("s{k}"),
                name: format!("Segment {k}"),
                weight: 1.0,
            })
            .collect();
        backlog
    };
    assert!(validate(&declare(MAX_SEGMENTS)).is_empty());
    assert_eq!(
        codes(&validate(&declare(MAX_SEGMENTS + 1))),
        only(ProblemCode::TooMany, "segments.buyer")
    );
}

#[test]
fn numbers_at_and_over_their_bounds() {
    assert!(one(|i| i.buyer = Some(SideEstimate::new(MAX_REACH, 1.0, 1.0))).is_empty());
    let over = MAX_REACH * (1.0 + f64::EPSILON);
    assert_eq!(
        codes(&one(|i| i.buyer = Some(SideEstimate::new(over, 1.0, 1.0)))),
        only(ProblemCode::InvalidReach, "initiatives[0].buyer.reach")
    );
    assert!(one(|i| i.effort = Estimate::Value(MAX_EFFORT)).is_empty());
    assert_eq!(
        codes(&one(
            |i| i.effort = Estimate::Value(MAX_EFFORT * (1.0 + f64::EPSILON))
        )),
        only(ProblemCode::InvalidEffort, "initiatives[0].effort")
    );
    let weighted = |weight: f64| {
        let mut backlog = backlog_of(1);
        backlog.segments.seller = vec![Segment {
            id: "s".into(),
            name: "S".into(),
            weight,
        }];
        validate(&backlog)
    };
    assert!(weighted(MAX_WEIGHT).is_empty());
    assert_eq!(
        codes(&weighted(MAX_WEIGHT * (1.0 + f64::EPSILON))),
        only(ProblemCode::InvalidSegment, "segments.seller[0].weight")
    );
}

/// A valid document padded with spaces to exactly `bytes` bytes.
fn document_of(bytes: usize) -> String {
    let mut json = String::from(
        r#"{"version":1,"backlog":{"initiatives":[{"id":"a","name":"A","effort":1}]}}"#,
    );
    json.push_str(&" ".repeat(bytes - json.len()));
    json
}

#[test]
fn document_bytes() {
    assert!(read_document(&document_of(MAX_DOCUMENT_BYTES)).is_ok());
    let error = read_document(&document_of(MAX_DOCUMENT_BYTES + 1)).unwrap_err();
    assert_eq!((error.code(), error.path()), ("LIMIT_EXCEEDED", "document"));
    assert!(error.to_string().contains("10485761 bytes"), "{error}");
}

#[test]
fn deeply_nested_json_is_an_error_not_a_stack_overflow() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(read_document(&deep).unwrap_err().code(), "PARSE_ERROR");
}

const CSV_HEADER: &str = "Name,Effort,Buyer reach,Buyer impact,Confidence %,Description\n";

/// A valid spreadsheet of `rows` initiatives padded (in the description
/// column) to exactly `bytes` bytes, when `bytes` is given.
fn csv_of(rows: usize, bytes: Option<usize>) -> String {
    let lines: Vec<String> = (0..rows).map(|k| format!("n{k},1,100,1,80%,")).collect();
    let base = CSV_HEADER.len() + lines.iter().map(|l| l.len() + 1).sum::<usize>();
    let mut padding = bytes.map_or(0, |b| b - base);
    let mut text = String::from(CSV_HEADER);
    for line in lines {
        let pad = padding.min(MAX_TEXT_BYTES);
        padding -= pad;
        text.push_str(&line);
        text.push_str(&"d".repeat(pad));
        text.push('\n');
    }
    assert_eq!(padding, 0, "enough rows to hold the padding");
    text
}

#[test]
fn csv_bytes() {
    let rows = MAX_CSV_BYTES / MAX_TEXT_BYTES + 1;
    let at = csv_of(rows, Some(MAX_CSV_BYTES));
    assert_eq!(at.len(), MAX_CSV_BYTES);
    let import = parse_csv(&at, &CsvImportOptions::default()).unwrap();
    assert_eq!(import.backlog.initiatives.len(), rows);
    let over = csv_of(rows, Some(MAX_CSV_BYTES + 1));
    let error = parse_csv(&over, &CsvImportOptions::default()).unwrap_err();
    assert_eq!((error.code(), error.path()), ("LIMIT_EXCEEDED", "csv"));
}

#[test]
fn csv_rows() {
    // The row limit counts the header: MAX_CSV_ROWS - 1 initiatives.
    let at = csv_of(MAX_CSV_ROWS - 1, None);
    let import = parse_csv(&at, &CsvImportOptions::default()).unwrap();
    assert_eq!(import.backlog.initiatives.len(), MAX_INITIATIVES);
    let over = csv_of(MAX_CSV_ROWS, None);
    let error = parse_csv(&over, &CsvImportOptions::default()).unwrap_err();
    assert_eq!(error.code(), "VALIDATION_FAILED");
    assert_eq!(error.problems()[0].code, ProblemCode::RaggedRow);
    assert!(error.problems()[0].message.contains("rows"), "{error}");
}

#[test]
fn csv_columns() {
    let row = |cells: usize| {
        let mut text = String::from("Name,Effort,Buyer reach,Buyer impact,Confidence %");
        for k in 5..cells {
            text.push_str(&format!(",Extra {k}"));
        }
        text.push_str("\nA,1,100,1,80%\n");
        text
    };
    let mapping = |cells: usize| CsvImportOptions {
        mapping: (5..cells)
            .map(|k| (format!("Extra {k}"), "ignore".to_string()))
            .collect(),
        ..CsvImportOptions::default()
    };
    assert!(parse_csv(&row(MAX_CSV_COLUMNS), &mapping(MAX_CSV_COLUMNS)).is_ok());
    let error = parse_csv(&row(MAX_CSV_COLUMNS + 1), &mapping(MAX_CSV_COLUMNS + 1)).unwrap_err();
    assert_eq!(error.problems()[0].code, ProblemCode::RaggedRow);
    assert!(error.problems()[0].message.contains("512"), "{error}");
}

/// Bytes that do not compress: a simple xorshift stream.
fn noise(length: usize) -> Vec<u8> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..length)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state.to_le_bytes()[0]
        })
        .collect()
}

#[test]
fn share_link_length() {
    // Grow incompressible content until the link is refused: the last one
    // accepted is within the limit and carries its bytes exactly.
    let mut accepted = None;
    let mut length = 40_000;
    let refused = loop {
        match encode_share_json(&noise(length)) {
            Ok(fragment) => accepted = Some((length, fragment)),
            Err(error) => break error,
        }
        length += 512;
    };
    assert_eq!(refused.code(), "LIMIT_EXCEEDED");
    let (length, fragment) = accepted.unwrap();
    assert!(fragment.len() <= MAX_SHARE_LINK_CHARS);
    assert!(
        fragment.len() > MAX_SHARE_LINK_CHARS - 2_000,
        "{}",
        fragment.len()
    );
    assert_eq!(decode_share_json(&fragment).unwrap(), noise(length));

    // Decoding: a fragment at the limit is read (and found damaged), one
    // character more is refused before any work.
    let at = format!(
        "{SHARE_LINK_PREFIX}{}",
        "A".repeat(MAX_SHARE_LINK_CHARS - SHARE_LINK_PREFIX.len())
    );
    assert_eq!(decode_share_json(&at).unwrap_err().code(), "PARSE_ERROR");
    let over = format!("{at}A");
    let error = decode_share_json(&over).unwrap_err();
    assert_eq!(
        (error.code(), error.path()),
        ("LIMIT_EXCEEDED", "shareLink")
    );
}

#[test]
fn shared_json_bytes() {
    // A link may expand to at most MAX_SHARED_JSON_BYTES; more is refused
    // before compressing (the link-length limit refuses most before that).
    let over = vec![b' '; MAX_SHARED_JSON_BYTES + 1];
    let error = encode_share_json(&over).unwrap_err();
    assert_eq!(
        (error.code(), error.path()),
        ("LIMIT_EXCEEDED", "shareLink")
    );
    assert!(error.to_string().contains("too large to share"), "{error}");
}

fn compile_kind(text: &str) -> Option<FormulaErrorKind> {
    let scales = Scales::default();
    let context = CompileContext {
        criteria: &[],
        scales: &scales,
    };
    compile(text, context).err().map(|errors| errors[0].code)
}

#[test]
fn formula_text_length() {
    let at = format!("effort{}", " ".repeat(MAX_FORMULA_BYTES - "effort".len()));
    assert_eq!(compile_kind(&at), None);
    assert_eq!(
        compile_kind(&format!("{at} ")),
        Some(FormulaErrorKind::TooLong)
    );
}

#[test]
fn formula_parts() {
    // `1+1+...+1` with k ones has 2k - 1 parts.
    let sum = |ones: usize| vec!["1"; ones].join("+");
    assert_eq!(compile_kind(&sum(MAX_NODES / 2)), None);
    assert_eq!(
        compile_kind(&sum(MAX_NODES / 2 + 1)),
        Some(FormulaErrorKind::TooComplex)
    );
}

#[test]
fn formula_nesting() {
    // Each parenthesis level costs two of the MAX_DEPTH levels (the group and
    // the expression inside), a leading minus about one.
    let deepest = |make: &dyn Fn(usize) -> String| {
        (1..=MAX_DEPTH + 2)
            .take_while(|&depth| compile_kind(&make(depth)).is_none())
            .last()
            .unwrap()
    };
    let parens = |depth: usize| format!("{}1{}", "(".repeat(depth), ")".repeat(depth));
    let minus = |depth: usize| format!("{}1", "-".repeat(depth));
    let (p, m) = (deepest(&parens), deepest(&minus));
    assert!(
        (MAX_DEPTH / 2 - 1..=MAX_DEPTH).contains(&p),
        "{p} levels of parentheses"
    );
    assert!((MAX_DEPTH - 2..=MAX_DEPTH).contains(&m), "{m} minus signs");
    assert_eq!(
        compile_kind(&parens(p + 1)),
        Some(FormulaErrorKind::TooComplex)
    );
    assert_eq!(
        compile_kind(&minus(m + 1)),
        Some(FormulaErrorKind::TooComplex)
    );
    // Far past the limit, still an error and not a stack overflow.
    assert_eq!(
        compile_kind(&parens(3_000)),
        Some(FormulaErrorKind::TooComplex)
    );
    assert_eq!(
        compile_kind(&minus(4_000)),
        Some(FormulaErrorKind::TooComplex)
    );
}

#[test]
fn formula_names_and_arguments() {
    let name = "a".repeat(MAX_FORMULA_NAME_BYTES);
    assert_eq!(compile_kind(&name), Some(FormulaErrorKind::UnknownName));
    assert_eq!(
        compile_kind(&format!("{name}a")),
        Some(FormulaErrorKind::TooLong)
    );
    let max = |count: usize| format!("max({})", vec!["effort"; count].join(", "));
    assert_eq!(compile_kind(&max(MAX_ARGUMENTS)), None);
    assert_eq!(
        compile_kind(&max(MAX_ARGUMENTS + 1)),
        Some(FormulaErrorKind::WrongArgumentCount)
    );
}

mod planner_and_simulation {
    use super::*;
    use twosided::roadmap::{
        plan_roadmap, Period, PlanOptions, MAX_NODE_BUDGET, MAX_PLAN_INITIATIVES, MAX_PLAN_PERIODS,
        MAX_TIME_BUDGET_MS,
    };
    use twosided::sensitivity::{
        simulate, SimulationOptions, MAX_SAMPLES, MAX_SIMULATION_INITIATIVES,
    };

    fn periods(count: usize) -> Vec<Period> {
        (0..count)
            .map(|k| Period {
                name: format!("P{k}"),
                capacity: 10.0,
                length: 1.0,
            })
            .collect()
    }

    fn plan_code(backlog: &Backlog, options: &PlanOptions) -> Option<(&'static str, String)> {
        plan_roadmap(backlog, options)
            .err()
            .map(|e| (e.code(), e.path().to_string()))
    }

    #[test]
    fn planner_size_and_budget_limits() {
        let small = backlog_of(2);
        let at = PlanOptions {
            periods: periods(MAX_PLAN_PERIODS),
            node_budget: MAX_NODE_BUDGET,
            time_budget_ms: MAX_TIME_BUDGET_MS,
            ..PlanOptions::default()
        };
        assert_eq!(plan_code(&small, &at), None);
        let over = |change: fn(&mut PlanOptions)| {
            let mut options = at.clone();
            change(&mut options);
            plan_code(&small, &options).map(|(code, _)| code)
        };
        assert_eq!(
            over(|o| o.node_budget = MAX_NODE_BUDGET + 1),
            Some("LIMIT_EXCEEDED")
        );
        assert_eq!(
            over(|o| o.time_budget_ms = MAX_TIME_BUDGET_MS * (1.0 + f64::EPSILON)),
            Some("LIMIT_EXCEEDED")
        );
        assert!(over(|o| o.periods = periods(MAX_PLAN_PERIODS + 1)).is_some());
        let too_many = backlog_of(MAX_PLAN_INITIATIVES + 1);
        assert_eq!(
            plan_code(&too_many, &PlanOptions::default()),
            Some(("LIMIT_EXCEEDED", "initiatives".to_string()))
        );
    }

    #[test]
    fn simulation_samples_and_size() {
        let small = backlog_of(1);
        let with_samples = |samples: u64| SimulationOptions {
            samples,
            ..SimulationOptions::default()
        };
        let result = simulate(&small, &with_samples(MAX_SAMPLES));
        assert!(result.is_ok(), "{:?}", result.err());
        let error = simulate(&small, &with_samples(MAX_SAMPLES + 1)).unwrap_err();
        assert_eq!(
            (error.code(), error.path()),
            ("LIMIT_EXCEEDED", "options.samples")
        );
        let error = simulate(
            &backlog_of(MAX_SIMULATION_INITIATIVES + 1),
            &with_samples(10),
        )
        .unwrap_err();
        assert_eq!(
            (error.code(), error.path()),
            ("LIMIT_EXCEEDED", "initiatives")
        );
    }
}
