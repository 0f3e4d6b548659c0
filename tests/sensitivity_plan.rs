//! Monte Carlo with the planner: how often each initiative makes the plan.

use twosided::roadmap::{Period, PlanOptions};
use twosided::sensitivity::{simulate, Simulation, SimulationOptions};
use twosided::{Backlog, Estimate, Framework, Initiative, ScoreOptions, SideEstimate};

fn item(id: &str, reach: Estimate, effort: Estimate) -> Initiative {
    Initiative {
        id: id.into(),
        name: id.into(),
        buyer: Some(SideEstimate {
            reach: Some(reach),
            ..SideEstimate::new(0.0, 1.0, 1.0)
        }),
        effort,
        ..Initiative::default()
    }
}

/// One period of 3 person-months: of two 2-month initiatives only one fits.
fn one_slot() -> SimulationOptions {
    SimulationOptions {
        seed: 21,
        samples: 4_000,
        top_k: 1,
        scoring: ScoreOptions {
            buyer_weight: 1.0,
            ..ScoreOptions::default()
        },
        plan: Some(PlanOptions {
            periods: vec![Period::new("Q1", 3.0)],
            ..PlanOptions::default()
        }),
    }
}

#[test]
fn the_plan_takes_whichever_is_worth_more_in_each_sample() {
    // "gamble" beats "steady" with probability (400 - 100)^2 / (400 x 350) = 9/14.
    let backlog = Backlog {
        initiatives: vec![
            item("steady", 100.0.into(), 2.0.into()),
            item("gamble", Estimate::range(0.0, 50.0, 400.0), 2.0.into()),
        ],
        ..Backlog::default()
    };
    let result = simulate(&backlog, &one_slot()).unwrap();
    assert_eq!(result.plan_failures, Some(0));
    let find = |id: &str| result.initiatives.iter().find(|i| i.id == id).unwrap();
    assert_eq!(find("steady").in_likely_plan, Some(true));
    assert_eq!(find("gamble").in_likely_plan, Some(false));
    // With equal efforts, the plan's choice is the ranking's first place.
    for outlook in &result.initiatives {
        assert_eq!(outlook.plan_probability, Some(outlook.top_k_probability));
    }
    assert!((find("gamble").plan_probability.unwrap() - 9.0 / 14.0).abs() < 0.03);
    // Without plan options there is no plan figure.
    let plain = simulate(
        &backlog,
        &SimulationOptions {
            plan: None,
            ..one_slot()
        },
    )
    .unwrap();
    assert_eq!(
        (plain.plan_failures, plain.initiatives[0].plan_probability),
        (None, None)
    );
    assert_eq!(
        plain.initiatives[0].top_k_probability,
        result.initiatives[0].top_k_probability
    );
}

#[test]
fn an_effort_that_may_not_fit_lowers_the_plan_probability_only() {
    // "big" is worth most but its effort of 2 to 5 months fits the 3-month
    // period only when drawn at 3 or less: P = (3 - 2)^2 / (3 x 1) = 1/3
    // (triangular 2 / 3 / 5: F(3) = 1 / 3). "small" takes the slot otherwise.
    let backlog = Backlog {
        initiatives: vec![
            item("big", 1_000.0.into(), Estimate::range(2.0, 3.0, 5.0)),
            item("small", 10.0.into(), 1.0.into()),
        ],
        ..Backlog::default()
    };
    let options = SimulationOptions {
        samples: 6_000,
        ..one_slot()
    };
    let result = simulate(&backlog, &options).unwrap();
    let find = |id: &str| result.initiatives.iter().find(|i| i.id == id).unwrap();
    assert_eq!(find("big").top_k_probability, 1.0);
    assert!((find("big").plan_probability.unwrap() - 1.0 / 3.0).abs() < 0.03);
    // "small" fits beside "big" only when big takes at most 2 months: never.
    assert!((find("small").plan_probability.unwrap() - 2.0 / 3.0).abs() < 0.03);
}

#[test]
fn chunked_planning_equals_one_shot() {
    let backlog = Backlog {
        initiatives: vec![
            item(
                "a",
                Estimate::range(50.0, 100.0, 300.0),
                Estimate::range(1.0, 2.0, 3.0),
            ),
            item("b", Estimate::range(80.0, 120.0, 150.0), 2.0.into()),
            item("c", 90.0.into(), Estimate::range(0.5, 1.0, 2.5)),
        ],
        ..Backlog::default()
    };
    let options = SimulationOptions {
        samples: 500,
        top_k: 2,
        ..one_slot()
    };
    let mut simulation = Simulation::new(&backlog, &options).unwrap();
    while !simulation.run(77).unwrap().finished {}
    assert_eq!(simulation.result(), simulate(&backlog, &options).unwrap());
}

#[test]
fn plan_scoring_must_be_left_to_the_simulation() {
    let backlog = Backlog {
        initiatives: vec![item("a", 10.0.into(), 1.0.into())],
        ..Backlog::default()
    };
    let mut options = one_slot();
    if let Some(plan) = &mut options.plan {
        plan.scoring.framework = Framework::Ice;
    }
    let error = simulate(&backlog, &options).unwrap_err();
    assert_eq!(
        (error.code(), error.path()),
        ("INVALID_OPTION", "options.plan.scoring")
    );
}
