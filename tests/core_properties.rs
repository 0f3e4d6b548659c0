//! Properties of scoring and balancing that must hold for any backlog.

use proptest::prelude::*;
use twosided::{
    score, Backlog, Footing, Guardrail, Initiative, Prioritiser, ScoreOptions, ScoredInitiative,
    Segment, SegmentEstimate, Side, SideEstimate, Strategy as Balancing, ViolatorHandling,
};

const IMPACTS: [f64; 10] = [3.0, 2.0, 1.0, 0.5, 0.25, -0.25, -0.5, -1.0, -2.0, -3.0];
const CONFIDENCES: [f64; 3] = [1.0, 0.8, 0.5];
const EFFORTS: [f64; 5] = [0.5, 1.0, 2.0, 3.0, 5.0];

fn side_strategy() -> impl Strategy<Value = Option<SideEstimate>> {
    prop_oneof![
        1 => Just(None),
        4 => (0u32..50_000, 0..IMPACTS.len(), 0..CONFIDENCES.len()).prop_map(|(r, i, c)| {
            Some(SideEstimate::new(f64::from(r), IMPACTS[i], CONFIDENCES[c]))
        }),
    ]
}

fn backlog_strategy() -> impl Strategy<Value = Backlog> {
    (
        prop::collection::vec((side_strategy(), side_strategy(), 0..EFFORTS.len()), 1..25),
        prop::bool::ANY,
    )
        .prop_map(|(rows, scaled)| Backlog {
            initiatives: rows
                .into_iter()
                .enumerate()
                .map(|(i, (buyer, seller, effort))| Initiative {
                    id: format!("item-{i:02}"),
                    name: format!("Item {i}"),
                    buyer,
                    seller,
                    effort: EFFORTS[effort].into(),
                    ..Initiative::default()
                })
                .collect(),
            footing: if scaled {
                Footing::ScaledToLargest
            } else {
                Footing::UnitValue {
                    buyer: 1.0,
                    seller: 20.0,
                    unit: None,
                }
            },
            ..Backlog::default()
        })
}

fn options_strategy() -> impl Strategy<Value = ScoreOptions> {
    (
        prop_oneof![
            Just(Balancing::WeightedSum),
            Just(Balancing::Nash),
            Just(Balancing::MaxMin),
            Just(Balancing::Guardrail),
        ],
        0.0..=1.0f64,
        0.0..5_000.0f64,
        prop_oneof![
            Just(None),
            Just(Some(Side::Buyer)),
            Just(Some(Side::Seller))
        ],
        prop::bool::ANY,
    )
        .prop_map(
            |(strategy, buyer_weight, delta, primary, exclude)| ScoreOptions {
                strategy,
                buyer_weight,
                guardrail: Guardrail {
                    delta,
                    primary,
                    violators: if exclude {
                        ViolatorHandling::Exclude
                    } else {
                        ViolatorHandling::RankLast
                    },
                },
                ..ScoreOptions::default()
            },
        )
}

/// Id, score, rank, on the frontier, dominated by.
type Summary = (String, f64, Option<usize>, bool, Vec<String>);

/// What a ranking says, independent of where initiatives sat in the input.
fn summary(ranked: &[ScoredInitiative]) -> Vec<Summary> {
    ranked
        .iter()
        .map(|r| {
            (
                r.id.clone(),
                r.score,
                r.rank,
                r.pareto.on_frontier,
                r.pareto.dominated_by.clone(),
            )
        })
        .collect()
}

fn dominates(a: &ScoredInitiative, b: &ScoredInitiative) -> bool {
    let (a, b) = (
        (a.buyer.value, a.seller.value),
        (b.buyer.value, b.seller.value),
    );
    a.0 >= b.0 && a.1 >= b.1 && (a.0 > b.0 || a.1 > b.1)
}

proptest! {
    #[test]
    fn ranking_ignores_input_order_and_repeats_exactly(
        (backlog, shuffled) in backlog_strategy().prop_flat_map(|b| {
            let items = b.initiatives.clone();
            (Just(b), Just(items).prop_shuffle())
        }),
        options in options_strategy(),
    ) {
        let first = score(&backlog, &options).unwrap();
        let again = score(&backlog, &options).unwrap();
        prop_assert_eq!(&first, &again);
        let reordered = Backlog { initiatives: shuffled, ..backlog.clone() };
        let other = score(&reordered, &options).unwrap();
        prop_assert_eq!(summary(&first), summary(&other));
    }

    #[test]
    fn raising_buyer_value_never_lowers_the_weighted_sum(
        backlog in backlog_strategy(),
        pick in any::<prop::sample::Index>(),
        extra in 1u32..20_000,
        buyer_weight in 0.01..=1.0f64,
    ) {
        let options = ScoreOptions { buyer_weight, ..ScoreOptions::default() };
        let index = pick.index(backlog.initiatives.len());
        let mut raised = backlog.clone();
        let item = &mut raised.initiatives[index];
        // More buyers reached at a high positive impact: a higher buyer value.
        let before = item.buyer.clone().unwrap_or_default();
        let reach = before.reach.map(|r| r.likely()).unwrap_or(0.0);
        let impact = before.impact.map(|i| i.likely()).unwrap_or(1.0).max(1.0);
        let confidence = before.confidence.map(|c| c.likely()).unwrap_or(1.0);
        item.buyer = Some(SideEstimate::new(reach + f64::from(extra), impact, confidence));
        let id = item.id.clone();
        let old = score(&backlog, &options).unwrap();
        let new = score(&raised, &options).unwrap();
        let old_item = old.iter().find(|r| r.id == id).unwrap();
        let new_item = new.iter().find(|r| r.id == id).unwrap();
        if matches!(backlog.footing, Footing::UnitValue { .. }) {
            prop_assert!(new_item.buyer.value > old_item.buyer.value);
            prop_assert!(new_item.score > old_item.score);
            prop_assert!(new_item.rank <= old_item.rank);
        } else {
            // Scaled to the largest: raising the largest rescales the rest, but
            // this initiative's own share never falls (up to the rounding of
            // dividing by the largest value).
            prop_assert!(new_item.buyer.value >= old_item.buyer.value - 1e-12);
            prop_assert!(new_item.score >= old_item.score - 1e-12);
        }
    }

    #[test]
    fn buyer_weight_one_is_the_buyer_only_ranking(backlog in backlog_strategy()) {
        let options = ScoreOptions { buyer_weight: 1.0, ..ScoreOptions::default() };
        let ranked = score(&backlog, &options).unwrap();
        let mut by_buyer = ranked.clone();
        by_buyer.sort_by(|a, b| b.buyer.value.total_cmp(&a.buyer.value).then_with(|| a.id.cmp(&b.id)));
        let ids = |r: &[ScoredInitiative]| r.iter().map(|x| x.id.clone()).collect::<Vec<_>>();
        prop_assert_eq!(ids(&ranked), ids(&by_buyer));
        let buyers_only = Backlog {
            initiatives: backlog.initiatives.iter().cloned().map(|mut i| { i.seller = None; i }).collect(),
            ..backlog.clone()
        };
        prop_assert_eq!(ids(&ranked), ids(&score(&buyers_only, &options).unwrap()));
    }

    #[test]
    fn the_frontier_is_undominated_and_dominators_really_dominate(backlog in backlog_strategy()) {
        let ranked = score(&backlog, &ScoreOptions::default()).unwrap();
        for item in &ranked {
            let beaten_by: Vec<_> = ranked.iter().filter(|o| dominates(o, item)).collect();
            if item.pareto.on_frontier {
                prop_assert!(beaten_by.is_empty(), "{} is on the frontier but dominated", item.id);
                prop_assert!(item.pareto.dominated_by.is_empty());
            } else {
                prop_assert!(!item.pareto.dominated_by.is_empty());
                for id in &item.pareto.dominated_by {
                    let other = ranked.iter().find(|o| &o.id == id).unwrap();
                    prop_assert!(other.pareto.on_frontier);
                    prop_assert!(dominates(other, item), "{} does not dominate {}", id, item.id);
                }
            }
        }
    }

    #[test]
    fn one_segment_of_weight_one_is_the_unsegmented_side(backlog in backlog_strategy()) {
        let mut segmented = backlog.clone();
        segmented.segments.buyer = vec![Segment { id: "everyone".into(), name: "Everyone".into(), weight: 1.0 }];
        for item in &mut segmented.initiatives {
            if let Some(side) = item.buyer.as_mut() {
                *side = SideEstimate {
                    segments: vec![SegmentEstimate {
                        segment: "everyone".into(),
                        reach: side.reach.unwrap(),
                        impact: side.impact.unwrap(),
                        confidence: side.confidence.unwrap(),
                    }],
                    ..SideEstimate::default()
                };
            }
        }
        let plain = score(&backlog, &ScoreOptions::default()).unwrap();
        let split = score(&segmented, &ScoreOptions::default()).unwrap();
        for (a, b) in plain.iter().zip(&split) {
            prop_assert_eq!(&a.id, &b.id);
            prop_assert_eq!(a.buyer.raw, b.buyer.raw);
            prop_assert_eq!(a.score, b.score);
        }
    }

    #[test]
    fn the_prioritiser_agrees_with_score(
        backlog in backlog_strategy(),
        runs in prop::collection::vec(options_strategy(), 1..4),
    ) {
        let prioritiser = Prioritiser::new(backlog.clone()).unwrap();
        for options in runs {
            let expected = score(&backlog, &options).unwrap();
            prop_assert_eq!(&prioritiser.rank(&options).unwrap(), &expected);
            let order = prioritiser.order(&options).unwrap();
            let ranked_indices: Vec<u32> = expected
                .iter()
                .filter(|r| r.rank.is_some())
                .map(|r| r.index as u32)
                .collect();
            prop_assert_eq!(&order.order, &ranked_indices);
            for result in &expected {
                prop_assert_eq!(order.scores[result.index], result.score);
            }
        }
    }
}
