//! Hostile input: NaN, infinities, huge and tiny numbers, empty and very long
//! strings, self, unknown and cyclic dependencies, and long dependency
//! chains. Nothing may panic; every case ends in a result or a clear error.

use twosided::scoring::{ScorecardCriterion, ScorecardOptions};
use twosided::{
    score, validate, Backlog, Estimate, Footing, Framework, Guardrail, Initiative, Prioritiser,
    ProblemCode, Scale, ScoreOptions, Side, SideEstimate, Strategy,
};

fn initiative(id: &str) -> Initiative {
    Initiative {
        id: id.into(),
        name: format!("Initiative {id}"),
        buyer: Some(SideEstimate::new(1000.0, 1.0, 0.8)),
        seller: Some(SideEstimate::new(100.0, -0.5, 0.5)),
        effort: 2.0.into(),
        ..Initiative::default()
    }
}

fn backlog(initiatives: Vec<Initiative>) -> Backlog {
    Backlog {
        initiatives,
        ..Backlog::default()
    }
}

const HOSTILE_NUMBERS: [f64; 9] = [
    f64::NAN,
    f64::INFINITY,
    f64::NEG_INFINITY,
    f64::MAX,
    f64::MIN,
    f64::MIN_POSITIVE,
    -0.0,
    1e300,
    -1e-300,
];

/// Puts a hostile estimate into one field.
type Setter = Box<dyn Fn(&mut Initiative)>;

/// Every way of putting `value` into one numeric field of an initiative.
fn with_value_everywhere(value: f64) -> Vec<Initiative> {
    let estimates = [
        Estimate::Value(value),
        Estimate::range(value, 1.0, 2.0),
        Estimate::range(0.0, value, 2.0),
        Estimate::range(0.0, 1.0, value),
    ];
    let mut variants = Vec::new();
    for estimate in estimates {
        let mut setters: Vec<Setter> = vec![
            Box::new(move |i| i.effort = estimate),
            Box::new(move |i| i.buyer.as_mut().unwrap().reach = Some(estimate)),
            Box::new(move |i| i.buyer.as_mut().unwrap().impact = Some(estimate)),
            Box::new(move |i| i.seller.as_mut().unwrap().confidence = Some(estimate)),
            Box::new(move |i| {
                i.ice = Some(twosided::model::IceInputs {
                    buyer_impact: estimate,
                    seller_impact: estimate,
                    confidence: estimate,
                    ease: estimate,
                })
            }),
            Box::new(move |i| {
                i.wsjf = Some(twosided::model::WsjfInputs {
                    buyer_value: estimate,
                    seller_value: estimate,
                    time_criticality: estimate,
                    risk_reduction: estimate,
                    job_size: estimate,
                })
            }),
        ];
        for set in setters.drain(..) {
            let mut item = initiative("x");
            set(&mut item);
            variants.push(item);
        }
    }
    variants
}

#[test]
fn hostile_numbers_in_every_field_never_panic() {
    for value in HOSTILE_NUMBERS {
        for item in with_value_everywhere(value) {
            let backlog = backlog(vec![item.clone(), initiative("y")]);
            let problems = validate(&backlog);
            for framework in [Framework::Rice, Framework::Ice, Framework::Wsjf] {
                for strategy in [
                    Strategy::WeightedSum,
                    Strategy::Nash,
                    Strategy::MaxMin,
                    Strategy::Guardrail,
                ] {
                    let options = ScoreOptions {
                        framework,
                        strategy,
                        ..ScoreOptions::default()
                    };
                    match score(&backlog, &options) {
                        // Whatever is accepted yields finite scores.
                        Ok(ranked) => {
                            assert!(problems.is_empty());
                            assert!(ranked.iter().all(|r| r.score.is_finite()
                                && r.buyer.value.is_finite()
                                && r.seller.value.is_finite()));
                        }
                        Err(error) => assert!(!error.code().is_empty()),
                    }
                }
            }
            if value.is_nan() || value.is_infinite() {
                assert!(
                    problems.iter().any(|p| p.code == ProblemCode::NotFinite),
                    "{value} in {item:?} gave {problems:?}"
                );
            }
        }
    }
}

#[test]
fn scores_that_overflow_are_an_error_not_infinity() {
    let mut item = initiative("tiny-effort");
    item.buyer = Some(SideEstimate::new(1e10, 3.0, 1.0));
    item.effort = f64::MIN_POSITIVE.into();
    let backlog = backlog(vec![item]);
    assert!(validate(&backlog).is_empty());
    let error = score(&backlog, &ScoreOptions::default()).unwrap_err();
    assert_eq!(error.code(), "NOT_FINITE");
    assert_eq!(error.path(), "initiatives[0].buyer");
    let prioritiser = Prioritiser::new(backlog).unwrap();
    assert_eq!(
        prioritiser
            .order(&ScoreOptions::default())
            .unwrap_err()
            .code(),
        "NOT_FINITE"
    );
}

#[test]
fn the_largest_accepted_values_still_score() {
    let mut item = initiative("huge");
    item.buyer = Some(SideEstimate::new(twosided::limits::MAX_REACH, 3.0, 1.0));
    item.seller = Some(SideEstimate::new(twosided::limits::MAX_REACH, -3.0, 1.0));
    item.effort = 0.5.into();
    let mut huge = backlog(vec![item, initiative("small")]);
    huge.footing = Footing::UnitValue {
        buyer: twosided::limits::MAX_WEIGHT,
        seller: twosided::limits::MAX_WEIGHT,
        unit: None,
    };
    for strategy in [
        Strategy::WeightedSum,
        Strategy::Nash,
        Strategy::MaxMin,
        Strategy::Guardrail,
    ] {
        let ranked = score(
            &huge,
            &ScoreOptions {
                strategy,
                ..ScoreOptions::default()
            },
        )
        .unwrap();
        assert!(ranked.iter().all(|r| r.score.is_finite()));
    }
}

#[test]
fn hostile_options_are_rejected_with_their_path() {
    let backlog = backlog(vec![initiative("a")]);
    let cases: Vec<(ScoreOptions, &str)> = vec![
        (
            ScoreOptions {
                buyer_weight: f64::NAN,
                ..ScoreOptions::default()
            },
            "options.buyerWeight",
        ),
        (
            ScoreOptions {
                buyer_weight: 1.5,
                ..ScoreOptions::default()
            },
            "options.buyerWeight",
        ),
        (
            ScoreOptions {
                buyer_weight: -0.1,
                ..ScoreOptions::default()
            },
            "options.buyerWeight",
        ),
        (
            ScoreOptions {
                guardrail: Guardrail {
                    delta: f64::INFINITY,
                    ..Guardrail::default()
                },
                ..ScoreOptions::default()
            },
            "options.guardrail.delta",
        ),
        (
            ScoreOptions {
                framework: Framework::Scorecard,
                scorecard: ScorecardOptions {
                    criteria: Vec::new(),
                    ..ScorecardOptions::default()
                },
                ..ScoreOptions::default()
            },
            "options.scorecard.criteria",
        ),
        (
            ScoreOptions {
                framework: Framework::Scorecard,
                scorecard: ScorecardOptions {
                    criteria: vec![ScorecardCriterion {
                        id: "c".into(),
                        name: "C".into(),
                        weight: f64::NAN,
                        scale_max: 5.0,
                        lower_is_better: false,
                    }],
                    ..ScorecardOptions::default()
                },
                ..ScoreOptions::default()
            },
            "options.scorecard.criteria[0].weight",
        ),
    ];
    for (options, path) in cases {
        let error = score(&backlog, &options).unwrap_err();
        assert_eq!(error.code(), "INVALID_OPTION");
        assert_eq!(error.path(), path);
        let prioritiser = Prioritiser::new(backlog.clone()).unwrap();
        assert_eq!(prioritiser.order(&options).unwrap_err().path(), path);
    }
}

#[test]
fn hostile_scorecards_never_panic() {
    let mut backlog = backlog(vec![initiative("a"), initiative("b")]);
    for (i, item) in backlog.initiatives.iter_mut().enumerate() {
        let value = if i == 0 { f64::MAX } else { f64::MIN };
        item.criteria
            .insert("c".into(), twosided::model::CriterionValue::Whole(value));
    }
    for normalisation in [
        twosided::scoring::Normalisation::Absolute,
        twosided::scoring::Normalisation::MinMax,
    ] {
        for (weight, scale_max) in [
            (f64::MAX, 5.0),
            (1.0, f64::MIN_POSITIVE),
            (1e-300, f64::MAX),
        ] {
            let options = ScoreOptions {
                framework: Framework::Scorecard,
                scorecard: ScorecardOptions {
                    criteria: vec![
                        ScorecardCriterion {
                            id: "c".into(),
                            name: "C".into(),
                            weight,
                            scale_max,
                            lower_is_better: true,
                        };
                        2
                    ],
                    normalisation,
                },
                ..ScoreOptions::default()
            };
            if let Ok(ranked) = score(&backlog, &options) {
                assert!(ranked.iter().all(|r| r.score.is_finite()));
            }
        }
    }
}

#[test]
fn empty_and_very_long_strings_are_reported_not_stored_blindly() {
    let long = "é".repeat(10_000);
    let mut items = vec![initiative(""), initiative("b"), initiative(&long)];
    items[1].name = long.clone();
    items[1].dependencies = vec!["x".repeat(10_000), " ".into()];
    items[1].description = Some(long.repeat(2));
    let mut backlog = backlog(items);
    backlog.side_names.seller = String::new();
    backlog.reach_period = long.clone();
    let problems = validate(&backlog);
    let found: Vec<_> = problems.iter().map(|p| (p.code, p.path.as_str())).collect();
    for expected in [
        (ProblemCode::InvalidSetting, "sideNames.seller"),
        (ProblemCode::TextTooLong, "reachPeriod"),
        (ProblemCode::InvalidId, "initiatives[0].id"),
        (ProblemCode::InvalidName, "initiatives[1].name"),
        (ProblemCode::TextTooLong, "initiatives[1].description"),
        (ProblemCode::InvalidId, "initiatives[2].id"),
        (ProblemCode::InvalidName, "initiatives[2].name"),
        (
            ProblemCode::UnknownDependency,
            "initiatives[1].dependencies[0]",
        ),
        (
            ProblemCode::UnknownDependency,
            "initiatives[1].dependencies[1]",
        ),
    ] {
        assert!(
            found.contains(&expected),
            "{expected:?} missing from {found:?}"
        );
    }
    // Quoted user text is shortened, so a message stays readable.
    assert!(
        problems.iter().all(|p| p.message.len() < 400),
        "{problems:#?}"
    );
    assert!(score(&backlog, &ScoreOptions::default()).is_err());
    assert!(Prioritiser::new(backlog).is_err());
}

#[test]
fn hostile_scales_are_reported() {
    let mut backlog = backlog(vec![initiative("a")]);
    backlog.scales.impact = Scale::Levels {
        levels: vec![f64::NAN],
        signed: true,
    };
    backlog.scales.ice = Scale::Range {
        min: 10.0,
        max: 1.0,
    };
    backlog.scales.wsjf = Scale::Levels {
        levels: vec![1.0; 65],
        signed: false,
    };
    let paths: Vec<_> = validate(&backlog)
        .into_iter()
        .filter(|p| p.code == ProblemCode::InvalidSetting)
        .map(|p| p.path)
        .collect();
    assert_eq!(paths, ["scales.impact", "scales.ice", "scales.wsjf"]);
}

#[test]
fn self_unknown_and_cyclic_dependencies_together() {
    let mut items: Vec<_> = ["a", "b", "c", "d"].into_iter().map(initiative).collect();
    items[0].dependencies = vec!["a".into()];
    items[1].dependencies = vec!["c".into(), "zzz".into()];
    items[2].dependencies = vec!["b".into()];
    items[3].dependencies = vec!["c".into(), "c".into()];
    let problems = validate(&backlog(items));
    let found: Vec<_> = problems.iter().map(|p| (p.code, p.path.as_str())).collect();
    assert_eq!(
        found,
        [
            (
                ProblemCode::DependencyCycle,
                "initiatives[0].dependencies[0]"
            ),
            (
                ProblemCode::UnknownDependency,
                "initiatives[1].dependencies[1]"
            ),
            (ProblemCode::DependencyCycle, "initiatives[2].dependencies"),
        ]
    );
}

fn chain(length: usize) -> Backlog {
    let items = (0..length)
        .map(|i| {
            let mut item = initiative(&format!("step-{i}"));
            if i > 0 {
                item.dependencies = vec![format!("step-{}", i - 1)];
            }
            item
        })
        .collect();
    backlog(items)
}

#[test]
fn a_dependency_chain_of_ten_thousand_is_fine() {
    let long = chain(10_000);
    assert!(validate(&long).is_empty());
    let ranked = score(&long, &ScoreOptions::default()).unwrap();
    assert_eq!(ranked.len(), 10_000);
}

#[test]
fn a_dependency_cycle_of_ten_thousand_is_one_readable_problem() {
    let mut circle = chain(10_000);
    circle.initiatives[0].dependencies = vec!["step-9999".into()];
    let problems = validate(&circle);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].code, ProblemCode::DependencyCycle);
    assert!(problems[0]
        .message
        .starts_with("These initiatives depend on each other"));
    assert!(problems[0]
        .message
        .contains("… 9992 more → \"Initiative step-0\""));
    assert!(
        problems[0].message.len() < 2_000,
        "a cycle message lists {} characters",
        problems[0].message.len()
    );
}

#[test]
fn hostile_segment_weights_are_rejected() {
    let mut backlog = backlog(vec![initiative("a")]);
    backlog.segments.buyer = vec![twosided::Segment {
        id: "new-buyers".into(),
        name: "New buyers".into(),
        weight: 1.0,
    }];
    let mut prioritiser = Prioritiser::new(backlog).unwrap();
    for weight in [f64::NAN, f64::INFINITY, -1.0, 1e7] {
        let error = prioritiser
            .set_segment_weight(Side::Buyer, "new-buyers", weight)
            .unwrap_err();
        assert_eq!(error.code(), "INVALID_OPTION");
    }
    assert!(prioritiser
        .set_segment_weight(Side::Seller, "new-buyers", 1.0)
        .is_err());
    assert!(prioritiser
        .set_segment_weight(Side::Buyer, "new-buyers", 0.0)
        .is_ok());
}
