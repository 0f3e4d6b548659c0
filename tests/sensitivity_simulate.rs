//! Monte Carlo over estimate ranges: reproducible, chunk-independent, and
//! right on cases computed by hand.

use proptest::prelude::*;
use twosided::model::{IceInputs, WsjfInputs};
use twosided::scoring::Framework;
use twosided::sensitivity::{simulate, Simulation, SimulationOptions, MAX_SAMPLES};
use twosided::{Backlog, Estimate, Footing, Initiative, ScoreOptions, SideEstimate, Strategy};

fn side(reach: Estimate, impact: Estimate, confidence: f64) -> SideEstimate {
    SideEstimate {
        reach: Some(reach),
        impact: Some(impact),
        confidence: Some(confidence.into()),
        segments: Vec::new(),
    }
}

fn item(
    id: &str,
    buyer: Option<SideEstimate>,
    seller: Option<SideEstimate>,
    effort: Estimate,
) -> Initiative {
    Initiative {
        id: id.into(),
        name: id.replace('-', " "),
        buyer,
        seller,
        effort,
        ice: Some(IceInputs {
            buyer_impact: Estimate::range(2.0, 5.0, 8.0),
            seller_impact: 3.0.into(),
            confidence: Estimate::range(4.0, 6.0, 9.0),
            ease: 5.0.into(),
        }),
        wsjf: Some(WsjfInputs {
            buyer_value: 8.0.into(),
            seller_value: Estimate::range(2.0, 5.0, 13.0),
            time_criticality: 3.0.into(),
            risk_reduction: 2.0.into(),
            job_size: Estimate::range(3.0, 5.0, 13.0),
        }),
        ..Initiative::default()
    }
}

/// A small marketplace backlog where several estimates are ranges.
fn marketplace() -> Backlog {
    let r = Estimate::range;
    let v = Estimate::Value;
    Backlog {
        initiatives: vec![
            item(
                "search-relevance",
                Some(side(r(4000.0, 6000.0, 9000.0), v(1.0), 0.8)),
                Some(side(v(300.0), v(0.5), 0.8)),
                r(3.0, 4.0, 8.0),
            ),
            item(
                "one-click-checkout",
                Some(side(v(5000.0), r(0.5, 1.0, 2.0), 0.8)),
                None,
                r(2.0, 3.0, 6.0),
            ),
            item(
                "bulk-listing",
                None,
                Some(side(r(200.0, 400.0, 500.0), v(2.0), 1.0)),
                v(2.0),
            ),
            item(
                "payout-dashboard",
                Some(side(v(500.0), v(0.25), 0.5)),
                Some(side(r(600.0, 800.0, 900.0), v(1.0), 0.8)),
                r(1.0, 1.5, 3.0),
            ),
            item(
                "seller-fee-rise",
                Some(side(v(1000.0), v(0.25), 0.5)),
                Some(side(v(800.0), r(-1.0, -0.5, -0.25), 0.8)),
                v(0.5),
            ),
            item(
                "fraud-tooling",
                Some(side(r(1000.0, 3000.0, 4000.0), v(0.5), 0.5)),
                Some(side(v(400.0), v(0.5), 0.5)),
                r(2.0, 4.0, 10.0),
            ),
            item(
                "loyalty-points",
                Some(side(r(2000.0, 2500.0, 6000.0), v(1.0), 0.5)),
                None,
                v(5.0),
            ),
            item(
                "listing-quality-rules",
                Some(side(v(3000.0), v(0.5), 0.8)),
                Some(side(v(700.0), r(-0.5, -0.25, 0.25), 1.0)),
                v(1.0),
            ),
        ],
        footing: Footing::UnitValue {
            buyer: 1.0,
            seller: 4.0,
            unit: None,
        },
        ..Backlog::default()
    }
}

fn options(seed: u64, samples: u64) -> SimulationOptions {
    SimulationOptions {
        seed,
        samples,
        top_k: 3,
        ..SimulationOptions::default()
    }
}

#[test]
fn the_same_seed_gives_the_same_result() {
    let backlog = marketplace();
    let first = simulate(&backlog, &options(11, 3_000)).unwrap();
    let again = simulate(&backlog, &options(11, 3_000)).unwrap();
    assert_eq!(first, again);
    let other = simulate(&backlog, &options(12, 3_000)).unwrap();
    assert_ne!(first, other);
    assert_eq!(first.samples, 3_000);
    assert!(!first.cancelled);
    // Two ranges each in four initiatives, one each in four more.
    assert_eq!(first.ranged_estimates, 12);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    #[test]
    fn chunked_runs_equal_one_shot_runs(
        chunks in prop::collection::vec(1u64..400, 1..12),
        seed in any::<u64>(),
        framework in prop::sample::select(vec![Framework::Rice, Framework::Ice, Framework::Wsjf]),
        strategy in prop::sample::select(vec![Strategy::WeightedSum, Strategy::Nash, Strategy::MaxMin, Strategy::Guardrail]),
    ) {
        let backlog = marketplace();
        let mut options = options(seed, 1_000);
        options.scoring = ScoreOptions { framework, strategy, ..ScoreOptions::default() };
        let mut simulation = Simulation::new(&backlog, &options).unwrap();
        let mut done = 0;
        for chunk in chunks.iter().cycle() {
            let progress = simulation.run(*chunk).unwrap();
            done = (done + chunk).min(1_000);
            prop_assert_eq!(progress.done, done);
            if progress.finished {
                break;
            }
        }
        prop_assert_eq!(simulation.result(), simulate(&backlog, &options).unwrap());
    }
}

#[test]
fn cancelling_keeps_the_samples_drawn() {
    let backlog = marketplace();
    let mut simulation = Simulation::new(&backlog, &options(5, 1_000)).unwrap();
    simulation.run(300).unwrap();
    simulation.cancel();
    let progress = simulation.run(500).unwrap();
    assert_eq!(
        (progress.done, progress.finished, progress.cancelled),
        (300, false, true)
    );
    let partial = simulation.result();
    assert_eq!(
        (partial.samples, partial.requested, partial.cancelled),
        (300, 1_000, true)
    );
    // The first 300 samples are the same as a 300-sample run's.
    let short = simulate(&backlog, &options(5, 300)).unwrap();
    assert_eq!(partial.initiatives, short.initiatives);
}

#[test]
fn without_ranges_every_sample_is_the_likely_ranking() {
    let mut backlog = marketplace();
    for initiative in &mut backlog.initiatives {
        initiative.effort = initiative.effort.likely().into();
        for side in [&mut initiative.buyer, &mut initiative.seller]
            .into_iter()
            .flatten()
        {
            side.reach = side.reach.map(|e| e.likely().into());
            side.impact = side.impact.map(|e| e.likely().into());
        }
    }
    let result = simulate(&backlog, &options(3, 200)).unwrap();
    assert_eq!(result.ranged_estimates, 0);
    let ranked = twosided::score(&backlog, &ScoreOptions::default()).unwrap();
    for (outlook, scored) in result.initiatives.iter().zip(&ranked) {
        assert_eq!(outlook.id, scored.id);
        assert_eq!(outlook.likely_rank, scored.rank);
        assert_eq!(outlook.likely_score, scored.score);
        assert_eq!(
            (outlook.rank_p10, outlook.rank_p50, outlook.rank_p90),
            (scored.rank, scored.rank, scored.rank)
        );
        let in_top = if scored.rank.unwrap() <= 3 { 1.0 } else { 0.0 };
        assert_eq!(outlook.top_k_probability, in_top);
        assert!((outlook.expected_score - scored.score).abs() <= 1e-9 * scored.score.abs());
    }
}

#[test]
fn probabilities_match_a_case_worked_by_hand() {
    // "steady" scores 100 for sure; "gamble" has reach low 0, likely 50,
    // high 400, so its score beats 100 with probability
    // (400 - 100)^2 / (400 x 350) = 9/14. Its mean reach is 150.
    let gamble = Estimate::range(0.0, 50.0, 400.0);
    let backlog = Backlog {
        initiatives: vec![
            item(
                "steady",
                Some(side(100.0.into(), 1.0.into(), 1.0)),
                None,
                1.0.into(),
            ),
            item(
                "gamble",
                Some(side(gamble, 1.0.into(), 1.0)),
                None,
                1.0.into(),
            ),
        ],
        ..Backlog::default()
    };
    let options = SimulationOptions {
        seed: 99,
        samples: 40_000,
        top_k: 1,
        scoring: ScoreOptions {
            buyer_weight: 1.0,
            ..ScoreOptions::default()
        },
        plan: None,
    };
    let result = simulate(&backlog, &options).unwrap();
    let find = |id: &str| result.initiatives.iter().find(|i| i.id == id).unwrap();
    // 40 000 samples: the 95% error is under 0.005.
    assert!((find("gamble").top_k_probability - 9.0 / 14.0).abs() < 0.01);
    assert!((find("steady").top_k_probability - 5.0 / 14.0).abs() < 0.01);
    assert!((find("gamble").expected_score - 150.0).abs() < 1.5);
    assert_eq!(find("gamble").likely_rank, Some(2));
    assert_eq!(
        (
            find("gamble").rank_p10,
            find("gamble").rank_p50,
            find("gamble").rank_p90
        ),
        (Some(1), Some(1), Some(2))
    );
    // Listed in the likely order.
    assert_eq!(result.initiatives[0].id, "steady");
}

#[test]
fn effort_ranges_move_both_sides_together() {
    // Same sides, but one has an uncertain effort: with effort 0.5..1..4
    // (mean 1.83) its score, 100 / effort, is above 100 only when effort < 1,
    // probability (1 - 0.5)^2 / (3.5 x 0.5) = 1/7.
    let backlog = Backlog {
        initiatives: vec![
            item(
                "a-known",
                Some(side(100.0.into(), 1.0.into(), 1.0)),
                None,
                1.0.into(),
            ),
            item(
                "b-unsure",
                Some(side(100.0.into(), 1.0.into(), 1.0)),
                None,
                Estimate::range(0.5, 1.0, 4.0),
            ),
        ],
        ..Backlog::default()
    };
    let options = SimulationOptions {
        seed: 4,
        samples: 40_000,
        top_k: 1,
        ..SimulationOptions::default()
    };
    let result = simulate(&backlog, &options).unwrap();
    let unsure = result
        .initiatives
        .iter()
        .find(|i| i.id == "b-unsure")
        .unwrap();
    assert!(
        (unsure.top_k_probability - 1.0 / 7.0).abs() < 0.01,
        "{}",
        unsure.top_k_probability
    );
}

#[test]
fn excluded_guardrail_violators_have_no_rank() {
    let mut backlog = marketplace();
    // Harms sellers by 0.25..0.5..1 x 800 x 0.8 x 4 / 0.5: always below -delta.
    backlog.initiatives.truncate(5);
    let scoring = ScoreOptions {
        strategy: Strategy::Guardrail,
        guardrail: twosided::Guardrail {
            delta: 10.0,
            primary: None,
            violators: twosided::ViolatorHandling::Exclude,
        },
        ..ScoreOptions::default()
    };
    let result = simulate(
        &backlog,
        &SimulationOptions {
            scoring,
            ..options(1, 500)
        },
    )
    .unwrap();
    let fee = result
        .initiatives
        .iter()
        .find(|i| i.id == "seller-fee-rise")
        .unwrap();
    assert_eq!(
        (
            fee.likely_rank,
            fee.rank_p10,
            fee.rank_p90,
            fee.top_k_probability
        ),
        (None, None, None, 0.0)
    );
}

#[test]
fn limits_and_bad_options_are_clear_errors() {
    let backlog = marketplace();
    let error = simulate(&backlog, &options(1, 0)).unwrap_err();
    assert_eq!(
        (error.code(), error.path()),
        ("INVALID_OPTION", "options.samples")
    );
    let error = simulate(&backlog, &options(1, MAX_SAMPLES + 1)).unwrap_err();
    assert_eq!(
        (error.code(), error.path()),
        ("LIMIT_EXCEEDED", "options.samples")
    );
    let error = simulate(
        &backlog,
        &SimulationOptions {
            top_k: 0,
            ..options(1, 10)
        },
    )
    .unwrap_err();
    assert_eq!(
        (error.code(), error.path()),
        ("INVALID_OPTION", "options.topK")
    );
    let mut broken = marketplace();
    broken.initiatives[2].effort = Estimate::range(3.0, 2.0, 4.0);
    let error = simulate(&broken, &options(1, 10)).unwrap_err();
    assert_eq!(
        (error.code(), error.path()),
        ("VALIDATION_FAILED", "initiatives[2].effort")
    );
    let crowd = Backlog {
        initiatives: (0..2_001)
            .map(|i| {
                item(
                    &format!("i{i}"),
                    Some(side(1.0.into(), 1.0.into(), 1.0)),
                    None,
                    1.0.into(),
                )
            })
            .collect(),
        ..Backlog::default()
    };
    let error = simulate(&crowd, &options(1, 10)).unwrap_err();
    assert_eq!(
        (error.code(), error.path()),
        ("LIMIT_EXCEEDED", "initiatives")
    );
}

#[test]
fn a_custom_formula_is_drawn_like_the_framework_it_restates() {
    // With ranges only in RICE's inputs, the formula that restates RICE draws
    // the same numbers in the same order and scores them bit for bit alike.
    let mut backlog = marketplace();
    for initiative in &mut backlog.initiatives {
        initiative.ice = None;
        initiative.wsjf = None;
    }
    let rice = simulate(&backlog, &options(8, 1_500)).unwrap();
    let formula = twosided::formula::equivalent_formula(
        Framework::Rice,
        twosided::scoring::IceCombination::Product,
    );
    let custom = SimulationOptions {
        scoring: ScoreOptions {
            framework: Framework::Custom,
            formula: formula.map(Into::into),
            ..ScoreOptions::default()
        },
        ..options(8, 1_500)
    };
    let custom = simulate(&backlog, &custom).unwrap();
    assert_eq!(custom.ranged_estimates, rice.ranged_estimates);
    assert_eq!(custom.initiatives, rice.initiatives);
}
