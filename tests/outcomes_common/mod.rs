//! A small marketplace backlog with a review history, shared by the outcome
//! tests. Every expectation in those tests is computed by hand from it.

use twosided::model::{Direction, Goal, Outcome, SideActual, Status};
use twosided::{Backlog, Estimate, Initiative, Segment, SegmentEstimate, SideEstimate};

fn initiative(id: &str, space: &str, effort: f64, buyer_reach: f64) -> Initiative {
    Initiative {
        id: id.into(),
        name: id.replace('-', " "),
        problem_space: space.into(),
        target_metric: "conversion".into(),
        buyer: Some(SideEstimate::new(buyer_reach, 1.0, 1.0)),
        effort: effort.into(),
        ..Initiative::default()
    }
}

fn shipped(
    mut initiative: Initiative,
    goal: Option<Goal>,
    outcome: Option<Outcome>,
    status: Status,
) -> Initiative {
    initiative.goal = goal;
    initiative.outcome = outcome;
    initiative.status = status;
    initiative
}

fn goal(baseline: f64, target: f64) -> Option<Goal> {
    Some(Goal {
        baseline,
        target,
        unit: "%".into(),
        ..Goal::default()
    })
}

fn actual(effort: f64, buyer_reach: Option<f64>) -> Outcome {
    Outcome {
        effort: Some(effort),
        buyer: buyer_reach.map(|reach| SideActual {
            reach: Some(reach),
            impact: None,
        }),
        ..Outcome::default()
    }
}

/// Checkout: three reviews, effort ratios 1.5, 2, 1.5 and buyer reach ratios
/// 0.5, 0.5, 0.25. Search: two reviews with effort ratios 1 and 0.75, and
/// one launched initiative awaiting review. Then three new initiatives.
pub fn history() -> Backlog {
    let mut checkout_one = shipped(
        initiative("saved-cards", "checkout", 2.0, 1000.0),
        goal(3.1, 3.4),
        Some(Outcome {
            observed: Some(3.5),
            learning: "Repeat buyers loved it; new buyers never saw it.".into(),
            ..actual(3.0, Some(500.0))
        }),
        Status::Reviewed,
    );
    if let Some(outcome) = checkout_one.outcome.as_mut() {
        outcome.buyer = Some(SideActual {
            reach: Some(500.0),
            impact: Some(0.5),
        });
    }
    let initiatives = vec![
        checkout_one,
        shipped(
            initiative("address-autocomplete", "checkout", 1.0, 2000.0),
            goal(3.1, 3.4),
            Some(Outcome {
                movement: Some(0.1),
                ..actual(2.0, Some(1000.0))
            }),
            Status::Reviewed,
        ),
        shipped(
            initiative("guest-checkout", "checkout", 4.0, 4000.0),
            None,
            Some(actual(6.0, Some(1000.0))),
            Status::Launched,
        ),
        shipped(
            initiative("typo-tolerance", "search", 2.0, 5000.0),
            Some(Goal {
                baseline: 12.0,
                target: 10.0,
                unit: "% zero-result searches".into(),
                ..Goal::default()
            }),
            Some(Outcome {
                observed: Some(9.5),
                ..actual(2.0, None)
            }),
            Status::Reviewed,
        ),
        shipped(
            initiative("search-speed", "search", 4.0, 5000.0),
            Some(Goal {
                baseline: 50.0,
                target: 50.0,
                direction: Some(Direction::Increase),
                unit: String::new(),
            }),
            Some(Outcome {
                observed: Some(48.0),
                ..actual(3.0, None)
            }),
            Status::Reviewed,
        ),
        shipped(
            initiative("visual-search", "search", 6.0, 800.0),
            goal(1.0, 1.2),
            None,
            Status::Launched,
        ),
        shipped(
            initiative("one-click-reorder", "checkout", 2.0, 800.0),
            None,
            None,
            Status::Idea,
        ),
        Initiative {
            effort: Estimate::range(1.0, 2.0, 4.0),
            ..shipped(
                initiative("search-filters", "search", 2.0, 1000.0),
                None,
                None,
                Status::Planned,
            )
        },
        Initiative {
            buyer: Some(SideEstimate {
                segments: vec![
                    SegmentEstimate {
                        segment: "new-buyers".into(),
                        reach: 100.0.into(),
                        impact: 1.0.into(),
                        confidence: 1.0.into(),
                    },
                    SegmentEstimate {
                        segment: "repeat-buyers".into(),
                        reach: 300.0.into(),
                        impact: 2.0.into(),
                        confidence: 1.0.into(),
                    },
                ],
                ..SideEstimate::default()
            }),
            ..shipped(
                initiative("pay-later", "payments", 1.0, 0.0),
                None,
                None,
                Status::InProgress,
            )
        },
    ];
    let mut backlog = Backlog {
        initiatives,
        ..Backlog::default()
    };
    backlog.segments.buyer = vec![
        Segment {
            id: "new-buyers".into(),
            name: "New buyers".into(),
            weight: 1.0,
        },
        Segment {
            id: "repeat-buyers".into(),
            name: "Repeat buyers".into(),
            weight: 1.0,
        },
    ];
    backlog
}
