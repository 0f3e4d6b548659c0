//! Validation of goals, statuses and outcome records: codes and paths.

mod outcomes_common;

use outcomes_common::history;
use proptest::prelude::*;
use twosided::model::{Direction, Goal, Outcome, SideActual, Status};
use twosided::outcomes::{review_outcomes, ReviewOptions, Tendency};
use twosided::{validate, Backlog, Initiative, ProblemCode};

/// One-initiative backlog, edited by `change`, and its problems as
/// (code, path).
fn problems_of(change: impl FnOnce(&mut Initiative)) -> Vec<(ProblemCode, String)> {
    let mut initiative = Initiative {
        id: "saved-cards".into(),
        name: "Saved cards".into(),
        effort: 2.0.into(),
        goal: Some(Goal {
            baseline: 3.1,
            target: 3.4,
            ..Goal::default()
        }),
        status: Status::Reviewed,
        outcome: Some(Outcome {
            effort: Some(3.0),
            observed: Some(3.5),
            ..Outcome::default()
        }),
        ..Initiative::default()
    };
    change(&mut initiative);
    let backlog = Backlog {
        initiatives: vec![initiative],
        ..Backlog::default()
    };
    validate(&backlog)
        .into_iter()
        .map(|p| (p.code, p.path))
        .collect()
}

fn one(code: ProblemCode, path: &str) -> Vec<(ProblemCode, String)> {
    vec![(code, path.to_string())]
}

fn outcome(initiative: &mut Initiative) -> &mut Outcome {
    initiative.outcome.as_mut().unwrap()
}

#[test]
fn a_complete_review_is_valid() {
    assert!(problems_of(|_| {}).is_empty());
    assert!(validate(&history()).is_empty());
}

#[test]
fn only_launched_or_reviewed_initiatives_have_outcomes() {
    for status in [Status::Idea, Status::Planned, Status::InProgress] {
        assert_eq!(
            problems_of(|i| i.status = status),
            one(ProblemCode::InvalidOutcome, "initiatives[0].outcome")
        );
    }
    assert!(problems_of(|i| i.status = Status::Launched).is_empty());
    // Launched without a record is waiting for its review: fine.
    assert!(problems_of(|i| {
        i.status = Status::Launched;
        i.outcome = None;
    })
    .is_empty());
}

#[test]
fn a_reviewed_initiative_needs_its_outcome() {
    assert_eq!(
        problems_of(|i| i.outcome = None),
        one(ProblemCode::InvalidOutcome, "initiatives[0].outcome")
    );
}

#[test]
fn a_goal_needs_a_direction_when_target_equals_baseline() {
    assert_eq!(
        problems_of(|i| i.goal.as_mut().unwrap().target = 3.1),
        one(ProblemCode::InvalidGoal, "initiatives[0].goal.direction")
    );
    assert!(problems_of(|i| {
        let goal = i.goal.as_mut().unwrap();
        goal.target = 3.1;
        goal.direction = Some(Direction::Increase);
    })
    .is_empty());
}

#[test]
fn a_direction_must_agree_with_baseline_and_target() {
    assert_eq!(
        problems_of(|i| i.goal.as_mut().unwrap().direction = Some(Direction::Decrease)),
        one(ProblemCode::InvalidGoal, "initiatives[0].goal.target")
    );
    assert_eq!(
        problems_of(|i| {
            let goal = i.goal.as_mut().unwrap();
            goal.target = 2.0;
            goal.direction = Some(Direction::Increase);
        }),
        one(ProblemCode::InvalidGoal, "initiatives[0].goal.target")
    );
}

#[test]
fn goal_numbers_must_be_finite_and_sensible() {
    assert_eq!(
        problems_of(|i| i.goal.as_mut().unwrap().baseline = f64::NAN),
        one(ProblemCode::NotFinite, "initiatives[0].goal.baseline")
    );
    assert_eq!(
        problems_of(|i| i.goal.as_mut().unwrap().target = 1e13),
        one(ProblemCode::InvalidGoal, "initiatives[0].goal.target")
    );
    assert_eq!(
        problems_of(|i| i.goal.as_mut().unwrap().unit = "x".repeat(300)),
        one(ProblemCode::TextTooLong, "initiatives[0].goal.unit")
    );
}

#[test]
fn actual_effort_follows_the_effort_rules() {
    assert_eq!(
        problems_of(|i| outcome(i).effort = Some(0.0)),
        one(ProblemCode::InvalidEffort, "initiatives[0].outcome.effort")
    );
    assert_eq!(
        problems_of(|i| outcome(i).effort = Some(f64::INFINITY)),
        one(ProblemCode::NotFinite, "initiatives[0].outcome.effort")
    );
}

#[test]
fn actual_reach_and_impact_are_checked_per_side() {
    let side = |reach: f64, impact: f64| {
        Some(SideActual {
            reach: Some(reach),
            impact: Some(impact),
        })
    };
    assert_eq!(
        problems_of(|i| outcome(i).buyer = side(-1.0, 1.0)),
        one(
            ProblemCode::InvalidReach,
            "initiatives[0].outcome.buyer.reach"
        )
    );
    // 4 is beyond "massive" (3).
    assert_eq!(
        problems_of(|i| outcome(i).seller = side(10.0, 4.0)),
        one(
            ProblemCode::InvalidImpact,
            "initiatives[0].outcome.seller.impact"
        )
    );
    // Between levels, or harm, is fine for an actual.
    assert!(problems_of(|i| outcome(i).seller = side(10.0, 0.7)).is_empty());
    assert!(problems_of(|i| outcome(i).seller = side(10.0, -3.0)).is_empty());
    assert_eq!(
        problems_of(|i| outcome(i).buyer = side(f64::NAN, 1.0)),
        one(ProblemCode::NotFinite, "initiatives[0].outcome.buyer.reach")
    );
}

#[test]
fn observed_value_or_movement_not_both() {
    assert_eq!(
        problems_of(|i| outcome(i).movement = Some(0.4)),
        one(
            ProblemCode::InvalidOutcome,
            "initiatives[0].outcome.movement"
        )
    );
    assert_eq!(
        problems_of(|i| outcome(i).observed = Some(f64::NEG_INFINITY)),
        one(ProblemCode::NotFinite, "initiatives[0].outcome.observed")
    );
    assert_eq!(
        problems_of(|i| {
            outcome(i).observed = None;
            outcome(i).movement = Some(-2e12);
        }),
        one(
            ProblemCode::InvalidOutcome,
            "initiatives[0].outcome.movement"
        )
    );
}

#[test]
fn the_learning_is_bounded() {
    assert_eq!(
        problems_of(|i| outcome(i).learning = "x".repeat(5000)),
        one(ProblemCode::TextTooLong, "initiatives[0].outcome.learning")
    );
}

#[test]
fn problems_carry_the_initiative_index() {
    let mut backlog = history();
    backlog.initiatives[4].outcome.as_mut().unwrap().effort = Some(-1.0);
    let problems = validate(&backlog);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].path, "initiatives[4].outcome.effort");
    let error = review_outcomes(&backlog, &ReviewOptions::default()).unwrap_err();
    assert_eq!(error.code(), "VALIDATION_FAILED");
    assert_eq!(error.path(), "initiatives[4].outcome.effort");
}

/// Reviewed initiatives whose actual effort is estimate x ratio.
fn reviewed(pairs: &[(f64, f64)]) -> Backlog {
    let initiatives = pairs
        .iter()
        .enumerate()
        .map(|(i, &(estimate, ratio))| Initiative {
            id: format!("i{i}"),
            name: format!("Initiative {i}"),
            problem_space: "checkout".into(),
            effort: estimate.into(),
            status: Status::Reviewed,
            outcome: Some(Outcome {
                effort: Some(estimate * ratio),
                ..Outcome::default()
            }),
            ..Initiative::default()
        })
        .collect();
    Backlog {
        initiatives,
        ..Backlog::default()
    }
}

proptest! {
    #[test]
    fn median_ratio_is_the_middle_of_the_sorted_ratios(
        pairs in prop::collection::vec((1u32..=40, 1u32..=40), 1..12),
    ) {
        // Effort in half months and ratios in quarters keep every product exact.
        let pairs: Vec<(f64, f64)> = pairs
            .iter()
            .map(|&(e, r)| (f64::from(e) / 2.0, f64::from(r) / 4.0))
            .collect();
        let review = review_outcomes(&reviewed(&pairs), &ReviewOptions::default()).unwrap();
        let effort = &review.overall[0];
        let mut ratios: Vec<f64> = pairs.iter().map(|&(_, r)| r).collect();
        ratios.sort_by(f64::total_cmp);
        let n = ratios.len();
        let median = if n % 2 == 1 {
            ratios[n / 2]
        } else {
            (ratios[n / 2 - 1] + ratios[n / 2]) / 2.0
        };
        prop_assert_eq!(effort.count, n);
        prop_assert!((effort.median_ratio.unwrap() - median).abs() < 1e-12);
        let (low, high) = (effort.lower_quartile.unwrap(), effort.upper_quartile.unwrap());
        prop_assert!(ratios[0] <= low && low <= median + 1e-12 && median <= high + 1e-12);
        prop_assert!(high <= ratios[n - 1]);
        // A correction exists exactly when there is enough data and a clear miss.
        let clear = median >= 1.1 || median <= 1.0 / 1.1;
        prop_assert_eq!(!review.corrections.is_empty(), n >= 3 && clear);
        if n < 3 {
            prop_assert_eq!(effort.tendency, Tendency::TooFewData);
        }
    }

    #[test]
    fn applying_a_correction_never_touches_reviewed_initiatives(factor in 0.01f64..100.0) {
        let backlog = history();
        let corrections = vec![twosided::outcomes::Correction {
            field: twosided::outcomes::Field::Effort,
            side: None,
            problem_space: None,
            except_problem_spaces: vec![],
            factor,
            based_on: 0,
            sentence: String::new(),
        }];
        let corrected = twosided::outcomes::apply_corrections(&backlog, &corrections).unwrap();
        let review_before = review_outcomes(&backlog, &ReviewOptions::default()).unwrap();
        let review_after = review_outcomes(&corrected.backlog, &ReviewOptions::default()).unwrap();
        prop_assert_eq!(review_before.initiatives, review_after.initiatives);
        prop_assert_eq!(corrected.changes.len(), 3);
    }
}
