//! Post-launch reviews: verdicts, hit rate, estimate accuracy and
//! corrections, every figure computed by hand from `outcomes_common::history`.

mod outcomes_common;

use outcomes_common::history;
use twosided::model::Status;
use twosided::outcomes::{
    apply_corrections, corrected_backlog, review_outcomes, Correction, Field, ReviewOptions,
    Tendency, Verdict,
};
use twosided::{score, ScoreOptions, Side};

/// A comparison as (field, side, estimated, actual, ratio).
type Row = (Field, Option<Side>, f64, f64, Option<f64>);

fn review(options: ReviewOptions) -> twosided::outcomes::Review {
    review_outcomes(&history(), &options).unwrap()
}

#[test]
fn each_launched_initiative_is_judged_against_its_goal() {
    let review = review(ReviewOptions::default());
    let verdicts: Vec<(&str, Verdict)> = review
        .initiatives
        .iter()
        .map(|r| (r.id.as_str(), r.verdict))
        .collect();
    assert_eq!(
        verdicts,
        vec![
            // 3.5 >= 3.4.
            ("saved-cards", Verdict::Met),
            // 3.1 + 0.1 = 3.2 < 3.4.
            ("address-autocomplete", Verdict::Missed),
            // No numeric goal.
            ("guest-checkout", Verdict::NotJudged),
            // Lower is better: 9.5 <= 10.
            ("typo-tolerance", Verdict::Met),
            // Hold at 50 or more: 48 misses.
            ("search-speed", Verdict::Missed),
            // Launched, no outcome record yet.
            ("visual-search", Verdict::NotJudged),
        ]
    );
    let saved_cards = &review.initiatives[0];
    assert_eq!(
        saved_cards.verdict_sentence,
        "Conversion went from 3.1% to 3.5% against a target of 3.4% or more: met."
    );
    assert_eq!(
        saved_cards.learning,
        "Repeat buyers loved it; new buyers never saw it."
    );
    assert!(review.initiatives[3].verdict_sentence.ends_with(
        "(% zero-result searches) went from 12 to 9.5 against a target of 10 or less: met."
    ));
    assert!((review.initiatives[1].observed.unwrap() - 3.2).abs() < 1e-12);
}

#[test]
fn hit_rate_counts_judged_initiatives_only() {
    let rate = review(ReviewOptions::default()).hit_rate;
    assert_eq!((rate.met, rate.missed, rate.not_judged), (2, 2, 2));
    assert_eq!(rate.rate, Some(0.5));
    assert_eq!(
        rate.sentence,
        "2 of 4 judged initiatives met their success criterion (50%). 2 more cannot be judged yet (no numeric goal or no observed value)."
    );
}

#[test]
fn comparisons_pair_each_estimate_with_its_actual() {
    let review = review(ReviewOptions::default());
    let saved_cards = &review.initiatives[0].comparisons;
    let rows: Vec<Row> = saved_cards
        .iter()
        .map(|c| (c.field, c.side, c.estimated, c.actual, c.ratio))
        .collect();
    assert_eq!(
        rows,
        vec![
            (Field::Effort, None, 2.0, 3.0, Some(1.5)),
            (Field::Reach, Some(Side::Buyer), 1000.0, 500.0, Some(0.5)),
            (Field::Impact, Some(Side::Buyer), 1.0, 0.5, Some(0.5)),
        ]
    );
    // Awaiting review: nothing to compare.
    assert!(review.initiatives[5].comparisons.is_empty());
}

#[test]
fn overall_effort_accuracy_is_the_median_and_quartiles_of_ratios() {
    let review = review(ReviewOptions::default());
    let effort = &review.overall[0];
    assert_eq!((effort.field, effort.side), (Field::Effort, None));
    // Ratios 1.5, 2, 1.5, 1, 0.75 sorted: 0.75, 1, 1.5, 1.5, 2.
    assert_eq!(effort.count, 5);
    assert_eq!(effort.median_ratio, Some(1.5));
    assert_eq!(effort.lower_quartile, Some(1.0));
    assert_eq!(effort.upper_quartile, Some(1.5));
    assert_eq!(effort.interquartile_range, Some(0.5));
    assert_eq!((effort.above_estimate, effort.below_estimate), (3, 1));
    assert_eq!(effort.tendency, Tendency::EstimatesLow);
    assert_eq!(
        effort.sentence,
        "Effort: actual was 1.5 times the estimate (median of 5; middle half 1 to 1.5); estimates run low (actual above the estimate in 3 of 5)."
    );
    assert_eq!(review.effort_underestimated, Some(true));
}

#[test]
fn accuracy_is_grouped_by_problem_space() {
    let review = review(ReviewOptions::default());
    let spaces: Vec<&str> = review
        .by_problem_space
        .iter()
        .map(|g| g.problem_space.as_str())
        .collect();
    assert_eq!(spaces, vec!["checkout", "search"]);
    let checkout = &review.by_problem_space[0];
    assert_eq!(checkout.launched, 3);
    assert_eq!(checkout.hit_rate.rate, Some(0.5));
    // Effort ratios 1.5, 2, 1.5: median 1.5, quartiles at positions 0.5 and 1.5.
    let effort = &checkout.fields[0];
    assert_eq!(
        (
            effort.median_ratio,
            effort.lower_quartile,
            effort.upper_quartile
        ),
        (Some(1.5), Some(1.5), Some(1.75))
    );
    // Buyer reach ratios 0.5, 0.5, 0.25.
    let reach = &checkout.fields[1];
    assert_eq!((reach.field, reach.side), (Field::Reach, Some(Side::Buyer)));
    assert_eq!(
        (
            reach.median_ratio,
            reach.lower_quartile,
            reach.upper_quartile
        ),
        (Some(0.5), Some(0.375), Some(0.5))
    );
    assert_eq!(reach.tendency, Tendency::EstimatesHigh);
    // One impact comparison: reported, no tendency claimed.
    let impact = &checkout.fields[2];
    assert_eq!((impact.count, impact.median_ratio), (1, Some(0.5)));
    assert_eq!(impact.tendency, Tendency::TooFewData);
    // Search: effort ratios 1 and 0.75, fewer than 3.
    let search = &review.by_problem_space[1];
    assert_eq!(search.launched, 3);
    assert_eq!(search.fields[0].median_ratio, Some(0.875));
    assert_eq!(search.fields[0].tendency, Tendency::TooFewData);
    assert!(search.fields[0]
        .sentence
        .ends_with("fewer than 3 comparisons, too few to claim a tendency."));
}

#[test]
fn corrections_come_from_enough_reviews_and_say_so() {
    let review = review(ReviewOptions::default());
    let sentences: Vec<&str> = review
        .corrections
        .iter()
        .map(|c| c.sentence.as_str())
        .collect();
    assert_eq!(
        sentences,
        vec![
            "Effort estimates in checkout run 1.5 times low (median of 3 reviewed initiatives): multiply new effort estimates there by 1.5.",
            "Effort estimates outside checkout run 1.5 times low (median of all 5 reviewed initiatives): multiply new effort estimates by 1.5.",
            "Reach estimates for buyers in checkout run 2 times high (median of 3 reviewed initiatives): multiply new reach estimates there by 0.5.",
            "Reach estimates for buyers outside checkout run 2 times high (median of all 3 reviewed initiatives): multiply new reach estimates by 0.5.",
        ]
    );
    let overall_effort = &review.corrections[1];
    assert_eq!(overall_effort.problem_space, None);
    assert_eq!(overall_effort.except_problem_spaces, vec!["checkout"]);
    assert_eq!(overall_effort.based_on, 5);
    assert!(review
        .notes
        .iter()
        .any(|n| n.contains("Impact is estimated on a level scale")));
}

#[test]
fn fewer_than_the_minimum_reviews_give_no_correction() {
    let mut backlog = history();
    // Keep only two reviewed initiatives.
    backlog.initiatives.retain(|i| {
        !i.status.has_launched() || i.id == "saved-cards" || i.id == "address-autocomplete"
    });
    let review = review_outcomes(&backlog, &ReviewOptions::default()).unwrap();
    assert!(review.corrections.is_empty());
    assert_eq!(review.effort_underestimated, None);
    assert_eq!(review.overall[0].tendency, Tendency::TooFewData);
    assert_eq!(
        review.notes[0],
        "Only 2 launched initiatives compare an estimate with an actual; a tendency or correction needs at least 3 comparisons of the same estimate, so none is claimed."
    );
}

#[test]
fn a_lower_minimum_lets_search_have_its_own_correction() {
    let review = review(ReviewOptions {
        min_reviewed: 2,
        ..ReviewOptions::default()
    });
    // Search effort: median of 1 and 0.75 is 0.875, at most 1 / 1.1.
    let search = review
        .corrections
        .iter()
        .find(|c| c.problem_space.as_deref() == Some("search"))
        .unwrap();
    assert_eq!(search.factor, 0.875);
    assert!(search
        .sentence
        .starts_with("Effort estimates in search run 1.14 times high"));
}

#[test]
fn a_wide_tolerance_calls_the_estimates_about_right() {
    let review = review(ReviewOptions {
        tolerance: 0.6,
        ..ReviewOptions::default()
    });
    // 1.5 < 1.6 but 0.5 <= 1 / 1.6: only reach is corrected.
    assert_eq!(review.overall[0].tendency, Tendency::AboutRight);
    assert_eq!(review.effort_underestimated, Some(false));
    assert!(review.corrections.iter().all(|c| c.field == Field::Reach));
    assert_eq!(review.corrections.len(), 2);
}

#[test]
fn applying_corrections_changes_only_new_estimates_and_explains_each() {
    let backlog = history();
    let corrected = corrected_backlog(&backlog, &ReviewOptions::default()).unwrap();
    let changes: Vec<(&str, &str, f64, f64)> = corrected
        .changes
        .iter()
        .map(|c| (c.id.as_str(), c.path.as_str(), c.from, c.to))
        .collect();
    assert_eq!(
        changes,
        vec![
            // Checkout's own corrections.
            ("one-click-reorder", "initiatives[6].effort", 2.0, 3.0),
            (
                "one-click-reorder",
                "initiatives[6].buyer.reach",
                800.0,
                400.0
            ),
            // Search and payments take the overall ones.
            ("search-filters", "initiatives[7].effort", 2.0, 3.0),
            (
                "search-filters",
                "initiatives[7].buyer.reach",
                1000.0,
                500.0
            ),
            ("pay-later", "initiatives[8].effort", 1.0, 1.5),
            (
                "pay-later",
                "initiatives[8].buyer.segments[0].reach",
                100.0,
                50.0
            ),
            (
                "pay-later",
                "initiatives[8].buyer.segments[1].reach",
                300.0,
                150.0
            ),
        ]
    );
    assert_eq!(
        corrected.changes[0].explanation,
        "Correction applied: effort (person-months) changed from 2 to 3 (x 1.5), because effort estimates in checkout run 1.5 times low (median of 3 reviewed initiatives)."
    );
    assert!(corrected
        .changes
        .iter()
        .all(|c| c.explanation.starts_with("Correction applied: ")));
    assert_eq!(
        corrected.sentence,
        "Corrections applied to 7 estimates of 3 initiatives not launched yet; launched and reviewed initiatives keep their estimates."
    );
    // A range is scaled whole.
    let filters = &corrected.backlog.initiatives[7].effort;
    assert_eq!((filters.low(), filters.high()), (1.5, 6.0));
    // Launched ones keep their estimates; the input is untouched.
    for (before, after) in backlog
        .initiatives
        .iter()
        .zip(&corrected.backlog.initiatives)
    {
        if before.status.has_launched() {
            assert_eq!(before, after);
        }
    }
    assert_eq!(backlog, history());
}

#[test]
fn corrected_estimates_change_the_ranking_only_when_applied() {
    let backlog = history();
    let options = ScoreOptions {
        buyer_weight: 1.0,
        ..ScoreOptions::default()
    };
    let raw = score(&backlog, &options).unwrap();
    let corrected = corrected_backlog(&backlog, &ReviewOptions::default()).unwrap();
    let adjusted = score(&corrected.backlog, &options).unwrap();
    let buyer_value = |results: &[twosided::ScoredInitiative], id: &str| {
        results.iter().find(|r| r.id == id).unwrap().buyer.value
    };
    // 800 x 1 x 1 / 2 = 400 before; 400 x 1 x 1 / 3 after.
    assert_eq!(buyer_value(&raw, "one-click-reorder"), 400.0);
    assert!((buyer_value(&adjusted, "one-click-reorder") - 400.0 / 3.0).abs() < 1e-9);
    // Launched initiatives score the same.
    assert_eq!(
        buyer_value(&raw, "saved-cards"),
        buyer_value(&adjusted, "saved-cards")
    );
}

#[test]
fn a_problem_space_with_its_own_calibrated_data_is_left_alone() {
    let corrections = vec![Correction {
        field: Field::Effort,
        side: None,
        problem_space: None,
        except_problem_spaces: vec!["checkout".into()],
        factor: 2.0,
        based_on: 0,
        sentence: String::new(),
    }];
    let corrected = apply_corrections(&history(), &corrections).unwrap();
    let ids: Vec<&str> = corrected.changes.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, vec!["search-filters", "pay-later"]);
    assert_eq!(
        corrected.changes[1].explanation,
        "Correction applied: effort (person-months) changed from 1 to 2 (x 2), because effort estimates outside checkout run 2 times low."
    );
}

#[test]
fn bad_corrections_are_refused_with_a_path() {
    let effort = Correction {
        field: Field::Effort,
        side: None,
        problem_space: Some("checkout".into()),
        except_problem_spaces: vec![],
        factor: 1.5,
        based_on: 3,
        sentence: String::new(),
    };
    let cases = [
        (
            vec![Correction {
                field: Field::Impact,
                side: Some(Side::Buyer),
                ..effort.clone()
            }],
            "corrections[0].field",
        ),
        (
            vec![Correction {
                side: Some(Side::Buyer),
                ..effort.clone()
            }],
            "corrections[0].side",
        ),
        (
            vec![Correction {
                field: Field::Reach,
                ..effort.clone()
            }],
            "corrections[0].side",
        ),
        (
            vec![Correction {
                factor: 0.0,
                ..effort.clone()
            }],
            "corrections[0].factor",
        ),
        (
            vec![Correction {
                factor: f64::NAN,
                ..effort.clone()
            }],
            "corrections[0].factor",
        ),
        (vec![effort.clone(), effort.clone()], "corrections[1]"),
    ];
    for (corrections, path) in cases {
        let error = apply_corrections(&history(), &corrections).unwrap_err();
        assert_eq!(error.code(), "INVALID_OPTION");
        assert_eq!(error.path(), path);
    }
}

#[test]
fn review_options_are_checked() {
    let error = review_outcomes(
        &history(),
        &ReviewOptions {
            min_reviewed: 1,
            ..ReviewOptions::default()
        },
    )
    .unwrap_err();
    assert_eq!(error.path(), "options.minReviewed");
    let error = review_outcomes(
        &history(),
        &ReviewOptions {
            tolerance: -0.1,
            ..ReviewOptions::default()
        },
    )
    .unwrap_err();
    assert_eq!(error.path(), "options.tolerance");
}

#[test]
fn nothing_launched_means_nothing_to_review() {
    let mut backlog = history();
    for initiative in &mut backlog.initiatives {
        initiative.status = Status::Planned;
        initiative.outcome = None;
    }
    let review = review_outcomes(&backlog, &ReviewOptions::default()).unwrap();
    assert!(review.initiatives.is_empty() && review.corrections.is_empty());
    assert_eq!(review.hit_rate.rate, None);
    assert_eq!(
        review.notes,
        vec!["No initiative is launched or reviewed yet, so there is nothing to review."]
    );
}

#[test]
fn the_built_in_example_has_a_review_history() {
    let backlog = twosided::example_backlog();
    let review = review_outcomes(&backlog, &ReviewOptions::default()).unwrap();
    assert_eq!(review.initiatives.len(), 6);
    // Met: typo tolerance, saved replies, checkout reliability; missed:
    // guest checkout, gift mode; late-dispatch nudges has no observation yet.
    let rate = &review.hit_rate;
    assert_eq!((rate.met, rate.missed, rate.not_judged), (3, 2, 1));
    assert_eq!(rate.rate, Some(0.6));
    // Effort ratios 2.5/2, 3.5/2, 4.5/3, 1/1, 5/3, 1.5/1: median 1.5.
    assert_eq!(review.overall[0].median_ratio, Some(1.5));
    assert_eq!(review.effort_underestimated, Some(true));
    // Checkout's effort ratios 1.75, 1.5 and 5/3: median 5/3.
    let checkout = &review.corrections[0];
    assert_eq!(
        (checkout.field, checkout.problem_space.as_deref()),
        (Field::Effort, Some("checkout"))
    );
    assert!((checkout.factor - 5.0 / 3.0).abs() < 1e-12);
    assert!(checkout
        .sentence
        .starts_with("Effort estimates in checkout run 1.67 times low"));
    // Applying them leaves a valid backlog that still scores.
    let corrected = corrected_backlog(&backlog, &ReviewOptions::default()).unwrap();
    assert!(!corrected.changes.is_empty());
    assert!(score(&corrected.backlog, &ScoreOptions::default()).is_ok());
}
