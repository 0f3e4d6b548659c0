//! The built-in example's review history: six initiatives of "Makers'
//! Market" that have shipped, with their goals and what really happened, so
//! the review has something to show.
//!
//! The figures are invented but typical: effort ran over on every shipped
//! initiative but one (most of all in checkout), buyer reach fell short of
//! the estimate, seller reach was about right.

use crate::model::{Direction, Goal, Initiative, Outcome, SideActual, Status};

/// One shipped initiative's record.
struct Shipped {
    id: &'static str,
    status: Status,
    /// Baseline, target and unit of the target metric.
    goal: (f64, f64, &'static str),
    direction: Option<Direction>,
    outcome: Option<Outcome>,
}

fn side(reach: f64, impact: Option<f64>) -> Option<SideActual> {
    Some(SideActual {
        reach: Some(reach),
        impact,
    })
}

fn history() -> Vec<Shipped> {
    vec![
        Shipped {
            id: "guest-checkout",
            status: Status::Reviewed,
            goal: (2.4, 4.4, "% first-order conversion"),
            direction: None,
            outcome: Some(Outcome {
                effort: Some(3.5),
                buyer: side(21000.0, Some(1.5)),
                seller: None,
                observed: Some(3.6),
                movement: None,
                learning: "Guest buyers converted better, but a third of them stopped at the account step we kept after payment: +1.2 pt, not +2.".into(),
            }),
        },
        Shipped {
            id: "checkout-reliability",
            status: Status::Reviewed,
            goal: (0.9, 0.3, "% failed checkouts"),
            direction: None,
            outcome: Some(Outcome {
                effort: Some(5.0),
                buyer: side(44000.0, Some(0.5)),
                seller: None,
                observed: Some(0.25),
                movement: None,
                learning: "Two payment-provider timeouts caused most failures; safe retries took longer to build than planned, but the target was met.".into(),
            }),
        },
        Shipped {
            id: "gift-mode",
            status: Status::Reviewed,
            goal: (3.0, 8.0, "% of Q4 orders"),
            direction: None,
            outcome: Some(Outcome {
                effort: Some(4.5),
                buyer: side(12000.0, Some(1.0)),
                seller: side(1400.0, None),
                observed: Some(6.5),
                movement: None,
                learning: "Buyers liked gift wrapping, but few shops offered it before the Christmas rush: seller onboarding should have started a month earlier.".into(),
            }),
        },
        Shipped {
            id: "search-typo-tolerance",
            status: Status::Reviewed,
            goal: (12.0, 8.4, "% zero-result searches"),
            direction: None,
            outcome: Some(Outcome {
                effort: Some(2.5),
                buyer: side(52000.0, Some(1.0)),
                seller: side(3200.0, None),
                observed: Some(7.9),
                movement: None,
                learning: "Most zero-result searches were plurals and misspelt maker names; a synonym list did more than fuzzy matching.".into(),
            }),
        },
        Shipped {
            id: "saved-replies",
            status: Status::Reviewed,
            goal: (52.0, 70.0, "% of shops replying within 4 hours"),
            direction: None,
            outcome: Some(Outcome {
                effort: Some(1.0),
                buyer: side(9000.0, None),
                seller: side(2100.0, Some(0.5)),
                observed: None,
                movement: Some(19.0),
                learning: "Sellers adopted templates within a week; buyers' message-to-order rate rose too, which we had not counted.".into(),
            }),
        },
        Shipped {
            id: "late-dispatch-nudges",
            status: Status::Launched,
            goal: (9.0, 6.0, "% late dispatches"),
            direction: Some(Direction::Decrease),
            outcome: Some(Outcome {
                effort: Some(1.5),
                ..Outcome::default()
            }),
        },
    ]
}

/// Marks the example's shipped initiatives launched or reviewed, with their
/// goals and outcome records. Initiatives not in the history are untouched.
pub(crate) fn add_review_history(initiatives: &mut [Initiative]) {
    for shipped in history() {
        let Some(initiative) = initiatives.iter_mut().find(|i| i.id == shipped.id) else {
            continue;
        };
        let (baseline, target, unit) = shipped.goal;
        initiative.goal = Some(Goal {
            baseline,
            target,
            direction: shipped.direction,
            unit: unit.into(),
        });
        initiative.status = shipped.status;
        initiative.outcome = shipped.outcome;
    }
}
