//! Every validation code, each triggered with its path, and every problem
//! reported at once.

use twosided::model::{CriterionValue, IceInputs, WsjfInputs};
use twosided::{
    score, validate, Backlog, Estimate, Footing, Framework, Initiative, Problem, ProblemCode,
    ScoreOptions, Segment, SegmentEstimate, SideEstimate,
};

fn initiative(id: &str) -> Initiative {
    Initiative {
        id: id.into(),
        name: format!("Initiative {id}"),
        buyer: Some(SideEstimate::new(1000.0, 1.0, 0.8)),
        seller: Some(SideEstimate::new(100.0, 0.5, 0.5)),
        effort: 2.0.into(),
        ..Initiative::default()
    }
}

/// A valid backlog of three initiatives, with one segment per side.
fn valid() -> Backlog {
    Backlog {
        initiatives: vec![initiative("a"), initiative("b"), initiative("c")],
        segments: twosided::Segments {
            buyer: vec![Segment {
                id: "new-buyers".into(),
                name: "New buyers".into(),
                weight: 1.5,
            }],
            seller: vec![Segment {
                id: "small-sellers".into(),
                name: "Small sellers".into(),
                weight: 1.0,
            }],
        },
        ..Backlog::default()
    }
}

/// Applies `break_it` to a valid backlog and returns its problems.
fn problems_after(break_it: impl FnOnce(&mut Backlog)) -> Vec<Problem> {
    let mut backlog = valid();
    assert!(validate(&backlog).is_empty());
    break_it(&mut backlog);
    validate(&backlog)
}

/// Asserts that exactly one problem was found, with this code and path.
fn expect_one(code: ProblemCode, path: &str, break_it: impl FnOnce(&mut Backlog)) {
    let problems = problems_after(break_it);
    let found: Vec<_> = problems.iter().map(|p| (p.code, p.path.as_str())).collect();
    assert_eq!(found, [(code, path)], "{problems:#?}");
    assert!(!problems[0].message.is_empty());
}

fn buyer(backlog: &mut Backlog, index: usize) -> &mut SideEstimate {
    backlog.initiatives[index].buyer.as_mut().unwrap()
}

#[test]
fn the_valid_base_and_the_example_have_no_problems() {
    assert!(validate(&valid()).is_empty());
    assert!(validate(&twosided::example_backlog()).is_empty());
}

#[test]
fn invalid_size() {
    expect_one(ProblemCode::InvalidSize, "initiatives", |b| {
        b.initiatives.clear()
    });
}

#[test]
fn too_many_initiatives_is_reported_without_checking_each() {
    let backlog = Backlog {
        initiatives: vec![Initiative::default(); twosided::limits::MAX_INITIATIVES + 1],
        ..Backlog::default()
    };
    let problems = validate(&backlog);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].code, ProblemCode::InvalidSize);
}

#[test]
fn invalid_id() {
    expect_one(ProblemCode::InvalidId, "initiatives[1].id", |b| {
        b.initiatives[1].id = "   ".into()
    });
    expect_one(ProblemCode::InvalidId, "initiatives[2].id", |b| {
        b.initiatives[2].id = "x".repeat(129)
    });
    expect_one(ProblemCode::InvalidId, "segments.buyer[0].id", |b| {
        b.segments.buyer[0].id = String::new()
    });
}

#[test]
fn duplicate_id() {
    expect_one(ProblemCode::DuplicateId, "initiatives[2].id", |b| {
        b.initiatives[2].id = "a".into()
    });
}

#[test]
fn invalid_name() {
    expect_one(ProblemCode::InvalidName, "initiatives[0].name", |b| {
        b.initiatives[0].name = String::new()
    });
    expect_one(ProblemCode::InvalidName, "initiatives[0].name", |b| {
        b.initiatives[0].name = "n".repeat(10_000)
    });
}

#[test]
fn text_too_long() {
    expect_one(ProblemCode::TextTooLong, "initiatives[1].hypothesis", |b| {
        b.initiatives[1].hypothesis = "h".repeat(5000)
    });
    expect_one(ProblemCode::TextTooLong, "initiatives[0].tags[1]", |b| {
        b.initiatives[0].tags = vec!["ok".into(), "t".repeat(300)]
    });
    expect_one(ProblemCode::TextTooLong, "footing.unit", |b| {
        b.footing = Footing::UnitValue {
            buyer: 1.0,
            seller: 20.0,
            unit: Some("u".repeat(300)),
        }
    });
}

#[test]
fn not_finite() {
    expect_one(ProblemCode::NotFinite, "initiatives[1].buyer.reach", |b| {
        buyer(b, 1).reach = Some(f64::NAN.into())
    });
    expect_one(ProblemCode::NotFinite, "initiatives[2].effort", |b| {
        b.initiatives[2].effort = Estimate::range(1.0, 2.0, f64::INFINITY)
    });
}

#[test]
fn invalid_effort() {
    expect_one(ProblemCode::InvalidEffort, "initiatives[0].effort", |b| {
        b.initiatives[0].effort = 0.0.into()
    });
    expect_one(ProblemCode::InvalidEffort, "initiatives[0].effort", |b| {
        b.initiatives[0].effort = 1e6.into()
    });
}

#[test]
fn invalid_reach() {
    expect_one(
        ProblemCode::InvalidReach,
        "initiatives[2].buyer.reach",
        |b| buyer(b, 2).reach = Some((-1.0).into()),
    );
    expect_one(
        ProblemCode::InvalidReach,
        "initiatives[2].buyer.reach",
        |b| buyer(b, 2).reach = Some(1e300.into()),
    );
}

#[test]
fn invalid_impact() {
    expect_one(
        ProblemCode::InvalidImpact,
        "initiatives[0].buyer.impact",
        |b| buyer(b, 0).impact = Some(1.5.into()),
    );
    // A range's ends may lie between levels, but not beyond the scale.
    expect_one(
        ProblemCode::InvalidImpact,
        "initiatives[0].buyer.impact",
        |b| buyer(b, 0).impact = Some(Estimate::range(1.0, 2.0, 4.0)),
    );
}

#[test]
fn invalid_confidence() {
    expect_one(
        ProblemCode::InvalidConfidence,
        "initiatives[1].buyer.confidence",
        |b| buyer(b, 1).confidence = Some(1.2.into()),
    );
}

#[test]
fn invalid_range() {
    expect_one(ProblemCode::InvalidRange, "initiatives[1].effort", |b| {
        b.initiatives[1].effort = Estimate::range(3.0, 2.0, 5.0)
    });
}

#[test]
fn missing_estimate() {
    expect_one(
        ProblemCode::MissingEstimate,
        "initiatives[0].buyer.impact",
        |b| buyer(b, 0).impact = None,
    );
    // Both whole-side and per-segment estimates at once.
    expect_one(ProblemCode::MissingEstimate, "initiatives[0].buyer", |b| {
        buyer(b, 0).segments = vec![SegmentEstimate {
            segment: "new-buyers".into(),
            reach: 10.0.into(),
            impact: 1.0.into(),
            confidence: 1.0.into(),
        }]
    });
}

fn segmented(segment: &str) -> SideEstimate {
    SideEstimate {
        segments: vec![SegmentEstimate {
            segment: segment.into(),
            reach: 10.0.into(),
            impact: 1.0.into(),
            confidence: 1.0.into(),
        }],
        ..SideEstimate::default()
    }
}

#[test]
fn unknown_segment() {
    expect_one(
        ProblemCode::UnknownSegment,
        "initiatives[1].seller.segments[0].segment",
        // A buyer segment used on the seller side.
        |b| b.initiatives[1].seller = Some(segmented("new-buyers")),
    );
}

#[test]
fn invalid_segment() {
    expect_one(
        ProblemCode::InvalidSegment,
        "segments.seller[0].weight",
        |b| b.segments.seller[0].weight = -1.0,
    );
    expect_one(ProblemCode::InvalidSegment, "segments.buyer[1].id", |b| {
        let again = b.segments.buyer[0].clone();
        b.segments.buyer.push(again)
    });
    expect_one(
        ProblemCode::InvalidSegment,
        "initiatives[0].buyer.segments[1].segment",
        |b| {
            let mut side = segmented("new-buyers");
            side.segments.push(side.segments[0].clone());
            b.initiatives[0].buyer = Some(side);
        },
    );
}

#[test]
fn unknown_dependency() {
    expect_one(
        ProblemCode::UnknownDependency,
        "initiatives[2].dependencies[1]",
        |b| b.initiatives[2].dependencies = vec!["a".into(), "nowhere".into()],
    );
}

#[test]
fn dependency_cycle() {
    expect_one(
        ProblemCode::DependencyCycle,
        "initiatives[1].dependencies[0]",
        |b| b.initiatives[1].dependencies = vec!["b".into()],
    );
    let problems = problems_after(|b| {
        b.initiatives[0].dependencies = vec!["b".into()];
        b.initiatives[1].dependencies = vec!["c".into()];
        b.initiatives[2].dependencies = vec!["a".into()];
    });
    assert_eq!(
        problems.len(),
        1,
        "one cycle is reported once: {problems:#?}"
    );
    assert_eq!(problems[0].code, ProblemCode::DependencyCycle);
    assert_eq!(problems[0].path, "initiatives[2].dependencies");
    assert!(problems[0]
        .message
        .contains("\"Initiative a\" → \"Initiative b\" → \"Initiative c\" → \"Initiative a\""));
}

fn ice(ease: f64) -> IceInputs {
    IceInputs {
        buyer_impact: 8.0.into(),
        seller_impact: (-3.0).into(),
        confidence: 7.0.into(),
        ease: ease.into(),
    }
}

fn wsjf(job_size: f64) -> WsjfInputs {
    WsjfInputs {
        buyer_value: 13.0.into(),
        seller_value: (-5.0).into(),
        time_criticality: 8.0.into(),
        risk_reduction: 5.0.into(),
        job_size: job_size.into(),
    }
}

#[test]
fn invalid_ice() {
    expect_one(ProblemCode::InvalidIce, "initiatives[0].ice.ease", |b| {
        b.initiatives[0].ice = Some(ice(11.0))
    });
    expect_one(
        ProblemCode::InvalidIce,
        "initiatives[0].ice.sellerImpact",
        |b| {
            b.initiatives[0].ice = Some(IceInputs {
                seller_impact: (-0.5).into(),
                ..ice(5.0)
            })
        },
    );
}

#[test]
fn invalid_wsjf() {
    expect_one(
        ProblemCode::InvalidWsjf,
        "initiatives[2].wsjf.jobSize",
        |b| b.initiatives[2].wsjf = Some(wsjf(4.0)),
    );
    // 0 means "no effect" for a side's value, but job size cannot be 0.
    expect_one(
        ProblemCode::InvalidWsjf,
        "initiatives[2].wsjf.jobSize",
        |b| b.initiatives[2].wsjf = Some(wsjf(0.0)),
    );
}

#[test]
fn invalid_criterion() {
    expect_one(
        ProblemCode::InvalidCriterion,
        "initiatives[1].criteria.conversion",
        |b| {
            b.initiatives[1].criteria.insert(
                "conversion".into(),
                CriterionValue::PerSide {
                    buyer: 1.0,
                    seller: f64::NAN,
                },
            );
        },
    );
}

#[test]
fn invalid_setting() {
    expect_one(ProblemCode::InvalidSetting, "footing.seller", |b| {
        b.footing = Footing::UnitValue {
            buyer: 1.0,
            seller: 0.0,
            unit: None,
        }
    });
    expect_one(ProblemCode::InvalidSetting, "sideNames.buyer", |b| {
        b.side_names.buyer = " ".into()
    });
    expect_one(ProblemCode::InvalidSetting, "scales.wsjf", |b| {
        b.scales.wsjf = twosided::Scale::Levels {
            levels: Vec::new(),
            signed: false,
        }
    });
}

#[test]
fn too_many() {
    expect_one(ProblemCode::TooMany, "initiatives[0].tags", |b| {
        b.initiatives[0].tags = (0..33).map(|i| format!("tag {i}")).collect()
    });
    expect_one(ProblemCode::TooMany, "initiatives[1].dependencies", |b| {
        b.initiatives[1].dependencies = vec!["a".into(); 65]
    });
    expect_one(ProblemCode::TooMany, "segments.buyer", |b| {
        b.segments.buyer = (0..33)
            .map(|i| Segment {
                id: format!("segment-{i}"),
                name: format!("Segment {i}"),
                weight: 1.0,
            })
            .collect()
    });
}

#[test]
fn missing_inputs_comes_from_scoring_with_a_framework_the_backlog_lacks() {
    let mut backlog = valid();
    backlog.initiatives[0].ice = Some(ice(5.0));
    let options = ScoreOptions {
        framework: Framework::Ice,
        ..ScoreOptions::default()
    };
    let error = score(&backlog, &options).unwrap_err();
    assert_eq!(error.code(), "VALIDATION_FAILED");
    let found: Vec<_> = error
        .problems()
        .iter()
        .map(|p| (p.code, p.path.as_str()))
        .collect();
    // Both initiatives without ICE inputs are named, once each.
    assert_eq!(
        found,
        [
            (ProblemCode::MissingInputs, "initiatives[1].ice"),
            (ProblemCode::MissingInputs, "initiatives[2].ice"),
        ]
    );
    let scorecard = ScoreOptions {
        framework: Framework::Scorecard,
        ..ScoreOptions::default()
    };
    let error = score(&valid(), &scorecard).unwrap_err();
    assert_eq!(error.problems()[0].code, ProblemCode::MissingInputs);
    assert_eq!(error.path(), "initiatives[0].criteria.conversion");
}

#[test]
fn every_problem_is_reported_at_once() {
    let problems = problems_after(|b| {
        b.initiatives[0].effort = (-1.0).into();
        buyer(b, 0).impact = Some(7.0.into());
        buyer(b, 1).confidence = Some(f64::NAN.into());
        b.initiatives[2].name = String::new();
        b.initiatives[2].dependencies = vec!["ghost".into()];
        b.footing = Footing::UnitValue {
            buyer: f64::INFINITY,
            seller: 1.0,
            unit: None,
        };
    });
    let found: Vec<_> = problems.iter().map(|p| (p.code, p.path.as_str())).collect();
    assert_eq!(
        found,
        [
            (ProblemCode::InvalidSetting, "footing.buyer"),
            (ProblemCode::InvalidEffort, "initiatives[0].effort"),
            (ProblemCode::InvalidImpact, "initiatives[0].buyer.impact"),
            (ProblemCode::NotFinite, "initiatives[1].buyer.confidence"),
            (ProblemCode::InvalidName, "initiatives[2].name"),
            (
                ProblemCode::UnknownDependency,
                "initiatives[2].dependencies[0]"
            ),
        ]
    );
    let error = score(
        &{
            let mut b = valid();
            b.initiatives[0].effort = (-1.0).into();
            b.initiatives[1].effort = (-1.0).into();
            b
        },
        &ScoreOptions::default(),
    )
    .unwrap_err();
    assert_eq!(error.problems().len(), 2);
    assert_eq!(error.path(), "initiatives[0].effort");
    assert!(error
        .to_string()
        .starts_with("the backlog has 2 problem(s)"));
}

#[test]
fn problem_codes_serialise_as_stable_text() {
    assert_eq!(ProblemCode::InvalidEffort.as_str(), "INVALID_EFFORT");
    assert_eq!(ProblemCode::DependencyCycle.to_string(), "DEPENDENCY_CYCLE");
    assert_eq!(ProblemCode::MissingInputs.as_str(), "MISSING_INPUTS");
}
