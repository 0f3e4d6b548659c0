//! Property tests: export then import is the identity; a share link decodes
//! to the scenario it encodes; decoding anything never panics.

// JSON text is read with serde_json, which only native builds include.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use std::collections::BTreeMap;
use twosided::formula::{Kano, Moscow};
use twosided::io::csv::{
    backlog_to_csv, parse_csv, CsvExportOptions, CsvImportOptions, DecimalSeparator, Delimiter,
};
use twosided::io::document::{read_document, write_document, Document};
use twosided::io::share::{decode_share_json, encode_share_json, SHARE_LINK_PREFIX};
use twosided::model::{
    CriterionValue, Direction, Goal, IceInputs, Outcome, Segment, SegmentEstimate, Segments,
    SideActual, Status, WsjfInputs,
};
use twosided::{Backlog, Estimate, Initiative, ScoreOptions, Side, SideEstimate, WorkKind};

// Strategies are boxed: their value trees are large, and nested unboxed
// they overflow a test thread's stack in debug builds.
fn number(min: f64, max: f64) -> BoxedStrategy<f64> {
    prop_oneof![
        (min..=max),
        Just(min),
        (0u32..20).prop_map(move |n| f64::from(n).clamp(min, max)),
        (1e-9..1e-3f64).prop_map(move |n| n.clamp(min, max)),
    ]
    .boxed()
}

/// A valid estimate within `min..=max`: one value or an ordered range.
fn estimate(min: f64, max: f64) -> BoxedStrategy<Estimate> {
    prop_oneof![
        number(min, max).prop_map(Estimate::Value),
        (number(min, max), number(min, max), number(min, max)).prop_map(|(a, b, c)| {
            let mut v = [a, b, c];
            v.sort_by(f64::total_cmp);
            Estimate::range(v[0], v[1], v[2])
        }),
    ]
    .boxed()
}

fn impact() -> BoxedStrategy<Estimate> {
    let level = prop::sample::select(vec![
        -3.0, -2.0, -1.0, -0.5, -0.25, 0.0, 0.25, 0.5, 1.0, 2.0, 3.0,
    ]);
    prop_oneof![
        level.clone().prop_map(Estimate::Value),
        (level, 0.0..=1.0f64, 0.0..=1.0f64).prop_map(|(likely, down, up)| Estimate::range(
            (likely - down).max(-3.0),
            likely,
            (likely + up).min(3.0)
        )),
    ]
    .boxed()
}

fn ice_impact() -> impl Strategy<Value = Estimate> {
    (-10i32..=10).prop_map(|v| Estimate::Value(f64::from(v)))
}

/// The segments a side's estimates may be split into, in declaration order.
const BUYER_SEGMENTS: [&str; 2] = ["new-buyers", "repeat buyers"];
const SELLER_SEGMENTS: [&str; 2] = ["small", "Large sellers"];

fn side(pool: [&'static str; 2]) -> BoxedStrategy<Option<SideEstimate>> {
    let values = || (estimate(0.0, 1e9), impact(), estimate(0.0, 1.0));
    let whole = values().prop_map(|(reach, impact, confidence)| SideEstimate {
        reach: Some(reach),
        impact: Some(impact),
        confidence: Some(confidence),
        segments: Vec::new(),
    });
    // Segments in declaration order: a spreadsheet has a column per
    // segment, so that is the order they read back in.
    let segmented = (
        proptest::option::of(values()),
        proptest::option::of(values()),
    )
        .prop_filter("at least one segment", |(a, b)| a.is_some() || b.is_some())
        .prop_map(move |(first, second)| SideEstimate {
            segments: [first, second]
                .into_iter()
                .zip(pool)
                .filter_map(|(values, id)| {
                    let (reach, impact, confidence) = values?;
                    Some(SegmentEstimate {
                        segment: id.into(),
                        reach,
                        impact,
                        confidence,
                    })
                })
                .collect(),
            ..SideEstimate::default()
        });
    proptest::option::of(prop_oneof![3 => whole, 1 => segmented]).boxed()
}

/// A goal that validation accepts: a direction only where it agrees with
/// baseline and target, and always when they are equal.
fn goal() -> BoxedStrategy<Goal> {
    (
        number(-1e6, 1e6),
        proptest::option::of(number(-1e6, 1e6)),
        any::<bool>(),
        proptest::option::of(short_text()),
    )
        .prop_map(|(baseline, target, say_direction, unit)| {
            // No target stands for "the same as the baseline".
            let target = target.unwrap_or(baseline);
            let implied = if target > baseline {
                Direction::Increase
            } else {
                Direction::Decrease
            };
            Goal {
                baseline,
                target,
                direction: (say_direction || target == baseline).then_some(implied),
                unit: unit.unwrap_or_default(),
            }
        })
        .boxed()
}

/// What was really seen on one side: an empty record reads back as none.
fn side_actual() -> BoxedStrategy<Option<SideActual>> {
    proptest::option::of(
        (
            proptest::option::of(number(0.0, 1e9)),
            proptest::option::of(number(-3.0, 3.0)),
        )
            .prop_filter("some number", |(reach, impact)| {
                reach.is_some() || impact.is_some()
            })
            .prop_map(|(reach, impact)| SideActual { reach, impact }),
    )
    .boxed()
}

fn outcome() -> BoxedStrategy<Outcome> {
    (
        proptest::option::of(number(0.01, 1e5)),
        side_actual(),
        side_actual(),
        prop_oneof![
            Just((None, None)),
            number(-1e6, 1e6).prop_map(|v| (Some(v), None)),
            number(-1e6, 1e6).prop_map(|v| (None, Some(v))),
        ],
        proptest::option::of(long_text()),
    )
        .prop_map(
            |(effort, buyer, seller, (observed, movement), learning)| Outcome {
                effort,
                buyer,
                seller,
                observed,
                movement,
                learning: learning.unwrap_or_default(),
            },
        )
        .boxed()
}

/// A status, with an outcome where validation allows one. A launched
/// initiative's outcome says something (an empty record reads back as
/// none); a reviewed one's may be empty.
fn status_and_outcome() -> BoxedStrategy<(Status, Option<Outcome>)> {
    prop_oneof![
        prop::sample::select(vec![Status::Idea, Status::Planned, Status::InProgress])
            .prop_map(|status| (status, None)),
        proptest::option::of(outcome().prop_filter("says something", |o| *o != Outcome::default()))
            .prop_map(|outcome| (Status::Launched, outcome)),
        outcome().prop_map(|outcome| (Status::Reviewed, Some(outcome))),
    ]
    .boxed()
}

fn wsjf() -> BoxedStrategy<WsjfInputs> {
    let level = || {
        prop::sample::select(vec![1.0, 2.0, 3.0, 5.0, 8.0, 13.0, 20.0]).prop_map(Estimate::Value)
    };
    (level(), level(), level(), level(), level())
        .prop_map(
            |(buyer_value, seller_value, time_criticality, risk_reduction, job_size)| WsjfInputs {
                buyer_value,
                seller_value,
                time_criticality,
                risk_reduction,
                job_size,
            },
        )
        .boxed()
}

/// Text as people type it, including formula characters, quotes, the
/// delimiters and line breaks; trimmed, as import trims short fields.
fn short_text() -> impl Strategy<Value = String> {
    "[=+@'\\-\"a-zA-Zé]([a-zA-Z0-9 ,;\"'=\n\r\t-]{0,12}[a-zA-Z0-9\"'=-])?"
}

fn long_text() -> impl Strategy<Value = String> {
    "[=+@'\\-\"a-z \t\r\n,;]{0,20}[a-z]"
}

fn item() -> impl Strategy<Value = String> {
    "[=+@'a-z]([a-z =+'-]{0,6}[a-z])?"
}

/// What a team plans with: texts, estimates, frameworks' inputs, criteria.
fn planned_initiative() -> BoxedStrategy<Initiative> {
    (
        (
            short_text(),
            short_text(),
            proptest::option::of(long_text()),
            prop_oneof![
                Just(WorkKind::CustomerFacing),
                Just(WorkKind::Platform),
                Just(WorkKind::Operational)
            ],
        )
            .boxed(),
        (
            proptest::option::of(short_text()),
            proptest::option::of(short_text()),
            proptest::option::of(short_text()),
            proptest::option::of(long_text()),
            proptest::option::of(long_text()),
        )
            .boxed(),
        (
            side(BUYER_SEGMENTS),
            side(SELLER_SEGMENTS),
            estimate(0.01, 1e5),
        )
            .boxed(),
        proptest::collection::vec(item(), 0..3).boxed(),
        proptest::option::of((
            ice_impact(),
            ice_impact(),
            estimate(1.0, 10.0),
            estimate(1.0, 10.0),
        ))
        .boxed(),
        proptest::option::of(wsjf()).boxed(),
        proptest::collection::btree_map(
            "[a-z]([a-z ]{0,5}[a-z])?",
            prop_oneof![
                number(-5.0, 5.0).prop_map(CriterionValue::Whole),
                (number(-5.0, 5.0), number(-5.0, 5.0))
                    .prop_map(|(buyer, seller)| CriterionValue::PerSide { buyer, seller }),
            ],
            0..3,
        )
        .boxed(),
    )
        .prop_map(
            |(
                (id, name, description, kind),
                (space, stage, metric, hypothesis, success),
                (buyer, seller, effort),
                tags,
                ice,
                wsjf,
                criteria,
            )| Initiative {
                id,
                name,
                description,
                kind,
                problem_space: space.unwrap_or_default(),
                journey_stage: stage.unwrap_or_default(),
                target_metric: metric.unwrap_or_default(),
                hypothesis: hypothesis.unwrap_or_default(),
                success_criterion: success.unwrap_or_default(),
                buyer,
                seller,
                effort,
                tags,
                ice: ice.map(
                    |(buyer_impact, seller_impact, confidence, ease)| IceInputs {
                        buyer_impact,
                        seller_impact,
                        confidence,
                        ease,
                    },
                ),
                wsjf,
                criteria: criteria.into_iter().collect::<BTreeMap<_, _>>(),
                ..Initiative::default()
            },
        )
        .boxed()
}

/// A planned initiative with labels and a post-launch record.
fn initiative() -> BoxedStrategy<Initiative> {
    (
        planned_initiative(),
        proptest::option::of(goal()),
        status_and_outcome(),
        proptest::option::of(prop::sample::select(Moscow::ALL.to_vec())),
        proptest::option::of(prop::sample::select(Kano::ALL.to_vec())),
    )
        .prop_map(
            |(planned, goal, (status, outcome), moscow, kano)| Initiative {
                goal,
                status,
                outcome,
                moscow,
                kano,
                ..planned
            },
        )
        .boxed()
}

fn backlog() -> impl Strategy<Value = Backlog> {
    proptest::collection::vec(initiative(), 1..6).prop_map(|mut initiatives| {
        // Unique ids, and each initiative but the first depends on the one
        // before, so dependencies go through the spreadsheet too.
        let mut previous: Option<String> = None;
        for (index, initiative) in initiatives.iter_mut().enumerate() {
            initiative.id = format!("{}{index}", initiative.id.replace([',', ';'], ""));
            initiative.dependencies = previous.take().into_iter().collect();
            previous = Some(initiative.id.clone());
        }
        // The import declares the segments the columns name, in column
        // order, with the id as the name and weight 1.
        let mut segments = Segments::default();
        for (side, pool) in [
            (Side::Buyer, BUYER_SEGMENTS),
            (Side::Seller, SELLER_SEGMENTS),
        ] {
            for id in pool {
                let used = initiatives.iter().any(|i| {
                    i.side(side)
                        .is_some_and(|s| s.segments.iter().any(|g| g.segment == id))
                });
                if used {
                    segments.of_mut(side).push(Segment {
                        id: id.into(),
                        name: id.into(),
                        weight: 1.0,
                    });
                }
            }
        }
        Backlog {
            initiatives,
            segments,
            ..Backlog::default()
        }
    })
}

fn format() -> impl Strategy<Value = CsvExportOptions> {
    prop_oneof![
        Just(CsvExportOptions::default()),
        Just(CsvExportOptions {
            delimiter: Delimiter::Semicolon,
            decimal: DecimalSeparator::Comma,
            bom: true,
            ..CsvExportOptions::default()
        }),
        Just(CsvExportOptions {
            delimiter: Delimiter::Tab,
            decimal: DecimalSeparator::Point,
            line_ending: twosided::io::csv::LineEnding::Lf,
            ..CsvExportOptions::default()
        }),
    ]
}

/// Every cell's text as a spreadsheet would see it (quotes removed), written
/// independently of the crate's reader.
fn cells(csv: &str, delimiter: char) -> Vec<String> {
    let mut out = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = csv.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, '\r') => {}
            (false, c) if c == delimiter || c == '\n' => out.push(std::mem::take(&mut cell)),
            (false, c) => cell.push(c),
        }
    }
    out.push(cell);
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn csv_export_then_import_is_identity(backlog in backlog(), options in format()) {
        let csv = backlog_to_csv(&backlog, &options).unwrap();
        let import_options = CsvImportOptions {
            delimiter: options.delimiter,
            decimal: options.decimal,
            ..CsvImportOptions::default()
        };
        prop_assert!(twosided::validate(&backlog).is_empty(), "{:?}", twosided::validate(&backlog));
        let back = parse_csv(&csv, &import_options).unwrap();
        prop_assert_eq!(back.backlog, backlog);
    }

    #[test]
    fn no_exported_text_cell_starts_a_formula(backlog in backlog()) {
        let csv = backlog_to_csv(&backlog, &CsvExportOptions { delimiter: Delimiter::Tab, ..Default::default() }).unwrap();
        for cell in cells(&csv, '\t').into_iter().skip(1) {
            if let Some(first) = cell.chars().next() {
                let numeric = cell.parse::<f64>().is_ok();
                prop_assert!(numeric || !matches!(first, '=' | '+' | '-' | '@' | '\t' | '\r' | '\0'), "{cell:?}");
            }
        }
    }

    #[test]
    fn share_link_encode_then_decode_is_identity(backlog in backlog(), weight in 0.0..=1.0f64) {
        let settings = ScoreOptions { buyer_weight: weight, ..ScoreOptions::default() };
        let document = Document::new(backlog, Some(settings));
        let json = write_document(&document).unwrap();
        let fragment = encode_share_json(json.as_bytes()).unwrap();
        prop_assert!(fragment.bytes().all(|b| b.is_ascii_alphanumeric() || b"=._-".contains(&b)));
        let back = decode_share_json(&format!("https://example.org/calculator#{fragment}")).unwrap();
        let read = read_document(std::str::from_utf8(&back).unwrap()).unwrap();
        prop_assert_eq!(read, document);
    }

    #[test]
    fn decoding_random_text_never_panics(text in ".{0,200}") {
        let _ = decode_share_json(&text);
        let _ = read_document(&text);
        let _ = parse_csv(&text, &CsvImportOptions::default());
        let _ = parse_csv(&text, &CsvImportOptions { partial: true, ..Default::default() });
    }

    #[test]
    fn decoding_random_link_data_never_panics(data in "[A-Za-z0-9_-]{0,300}") {
        let result = decode_share_json(&format!("{SHARE_LINK_PREFIX}{data}"));
        if let Err(error) = result {
            prop_assert!(matches!(error.code(), "PARSE_ERROR" | "LIMIT_EXCEEDED"));
        }
    }

    #[test]
    fn a_damaged_link_is_an_error(backlog in backlog(), position in any::<prop::sample::Index>(), replacement in "[A-Za-z0-9_-]") {
        let json = write_document(&Document::new(backlog, None)).unwrap();
        let fragment = encode_share_json(json.as_bytes()).unwrap();
        let data_start = SHARE_LINK_PREFIX.len();
        let at = data_start + position.index(fragment.len() - data_start);
        let mut damaged = fragment.clone();
        damaged.replace_range(at..at + 1, &replacement);
        prop_assume!(damaged != fragment);
        // Cutting or changing a character is caught (by the checksum at the latest).
        prop_assert!(decode_share_json(&damaged).is_err());
        prop_assert!(decode_share_json(&fragment[..fragment.len() - 1]).is_err());
    }
}
