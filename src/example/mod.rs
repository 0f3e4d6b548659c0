//! The built-in example: the backlog of "Makers' Market", an online
//! marketplace for handmade and vintage goods, with buyers on one side and
//! independent sellers (makers, vintage dealers) on the other.

mod builder;
mod buyers;
mod platform;
mod sellers;

use crate::model::{Backlog, Footing, Segment, Segments, SideNames};

/// How much one reached seller is worth, in reached buyers.
///
/// Both sides' RICE scores count people reached x impact, but the people are
/// not worth the same: in a quarter an active seller on the example
/// marketplace sells about £1,200 of goods, while an active buyer spends
/// about £60. Converting each side at its GMV per person puts both on one
/// currency, "buyer-equivalents": one seller counts as 1,200 / 60 = 20
/// buyers. Without it the tens of thousands of buyers would drown the few
/// thousand sellers, and every seller tool would sink to the bottom.
const SELLER_UNIT_VALUE: f64 = 20.0;

/// The built-in example backlog of a marketplace, used by the page on first
/// load, in documentation and by the tests.
///
/// 37 initiatives of a handmade and vintage goods marketplace, across the
/// three kinds of work (customer-facing, platform, operational) and the
/// problem spaces search, merchandising, checkout, payments, seller tools,
/// trust & safety and fulfilment. Each has a hypothesis, a target metric and
/// a success criterion, RICE estimates per side (some as ranges, some per
/// segment, some harming one side, such as a buyer service fee or a stricter
/// listing policy), dependencies, and inputs for ICE, WSJF and the default
/// scorecard, so every framework can rank it.
///
/// Reach is per quarter: buyers in the tens of thousands, sellers in the
/// hundreds to thousands. The footing values one seller at 20 buyers,
/// their ratio of GMV per person in a quarter (£1,200 against £60). Buyers are split into `new-buyers` and
/// `repeat-buyers`, sellers into `small-sellers` and `large-sellers`; new
/// buyers and small sellers weigh 1.5 (see the segment names for why).
///
/// ```
/// use twosided::{example_backlog, score, validate, ScoreOptions};
/// let backlog = example_backlog();
/// assert!(validate(&backlog).is_empty());
/// let buyers_only = ScoreOptions { buyer_weight: 1.0, ..ScoreOptions::default() };
/// let sellers_only = ScoreOptions { buyer_weight: 0.0, ..ScoreOptions::default() };
/// let top = |o| score(&backlog, &o).unwrap()[0].id.clone();
/// assert_ne!(top(buyers_only), top(sellers_only));
/// ```
pub fn example_backlog() -> Backlog {
    let mut initiatives = buyers::initiatives();
    initiatives.extend(sellers::initiatives());
    initiatives.extend(platform::initiatives());
    crate::outcomes::add_review_history(&mut initiatives);
    Backlog {
        initiatives,
        side_names: SideNames::default(),
        footing: Footing::UnitValue {
            buyer: 1.0,
            seller: SELLER_UNIT_VALUE,
            unit: Some("buyer-equivalents".into()),
        },
        reach_period: "quarter".into(),
        criteria: Vec::new(),
        segments: Segments {
            buyer: vec![
                // This year's goal is acquisition: a first order starts a
                // customer's lifetime value, so it counts half as much again.
                segment("new-buyers", "New buyers", 1.5),
                segment("repeat-buyers", "Repeat buyers", 1.0),
            ],
            seller: vec![
                // The long tail of makers is the marketplace's promise and the
                // sellers most likely to leave, so they count half as much again.
                segment("small-sellers", "Small sellers", 1.5),
                segment("large-sellers", "Large sellers", 1.0),
            ],
        },
        scales: Default::default(),
    }
}

fn segment(id: &str, name: &str, weight: f64) -> Segment {
    Segment {
        id: id.into(),
        name: name.into(),
        weight,
    }
}
