//! The built-in example backlog: valid, realistic, and usable by every
//! framework and strategy.

use std::collections::BTreeSet;
use twosided::{
    example_backlog, score, validate, Footing, Framework, ScoreOptions, ScoredInitiative, Side,
    Strategy, WorkKind,
};

fn estimates(backlog: &twosided::Backlog, side: Side) -> Vec<(f64, f64, f64, f64)> {
    // (reach, impact, confidence, segment weight) for every estimate on a side.
    let mut rows = Vec::new();
    for item in &backlog.initiatives {
        let Some(estimate) = item.side(side) else {
            continue;
        };
        if estimate.is_segmented() {
            for s in &estimate.segments {
                let weight = backlog.segments.weight(side, &s.segment).unwrap();
                rows.push((
                    s.reach.likely(),
                    s.impact.likely(),
                    s.confidence.likely(),
                    weight,
                ));
            }
        } else {
            rows.push((
                estimate.reach.unwrap().likely(),
                estimate.impact.unwrap().likely(),
                estimate.confidence.unwrap().likely(),
                1.0,
            ));
        }
    }
    rows
}

#[test]
fn the_example_is_valid_and_sized_like_a_real_backlog() {
    let backlog = example_backlog();
    assert_eq!(validate(&backlog), []);
    assert!((30..=40).contains(&backlog.initiatives.len()));
    let kinds: BTreeSet<_> = backlog.initiatives.iter().map(|i| i.kind).collect();
    assert_eq!(kinds.len(), WorkKind::ALL.len());
    let spaces: BTreeSet<_> = backlog
        .initiatives
        .iter()
        .map(|i| i.problem_space.as_str())
        .collect();
    for space in [
        "search",
        "checkout",
        "seller tools",
        "payments",
        "trust & safety",
        "fulfilment",
    ] {
        assert!(spaces.contains(space), "no {space} initiative");
    }
    for item in &backlog.initiatives {
        assert!(item.hypothesis.starts_with("If "), "{}", item.id);
        for text in [
            &item.name,
            &item.journey_stage,
            &item.target_metric,
            &item.success_criterion,
        ] {
            assert!(!text.is_empty(), "{} lacks a field", item.id);
        }
        assert!(!item.name.to_lowercase().starts_with("initiative"));
        assert!(item.ice.is_some() && item.wsjf.is_some(), "{}", item.id);
        let criteria: Vec<_> = item.criteria.keys().map(String::as_str).collect();
        assert_eq!(
            criteria,
            ["acquisition", "conversion", "margin", "retention"]
        );
        assert!(item
            .criteria
            .values()
            .all(|v| Side::BOTH.iter().all(|&s| v.for_side(s).abs() <= 5.0)));
    }
    let names: BTreeSet<_> = backlog.initiatives.iter().map(|i| &i.name).collect();
    assert_eq!(names.len(), backlog.initiatives.len(), "names are unique");
}

#[test]
fn the_example_uses_canonical_scales_and_realistic_reach() {
    let backlog = example_backlog();
    for side in Side::BOTH {
        for (reach, impact, confidence, _) in estimates(&backlog, side) {
            assert!(
                [3.0, 2.0, 1.0, 0.5, 0.25].contains(&impact.abs()),
                "impact {impact}"
            );
            assert!(
                [1.0, 0.8, 0.5].contains(&confidence),
                "confidence {confidence}"
            );
            let (low, high) = match side {
                Side::Buyer => (5_000.0, 100_000.0),
                Side::Seller => (100.0, 10_000.0),
            };
            assert!((low..=high).contains(&reach), "{side:?} reach {reach}");
        }
    }
}

#[test]
fn the_example_shows_harm_ranges_segments_and_dependencies() {
    let backlog = example_backlog();
    let harms = |side| {
        estimates(&backlog, side)
            .iter()
            .filter(|e| e.1 < 0.0)
            .count()
    };
    assert!(harms(Side::Buyer) >= 2 && harms(Side::Seller) >= 4);
    let fee = &backlog.initiatives[backlog.index_of("buyer-service-fee").unwrap()];
    assert!(fee
        .buyer
        .as_ref()
        .unwrap()
        .segments
        .iter()
        .all(|s| s.impact.likely() < 0.0));
    assert!(fee.seller.as_ref().unwrap().impact.unwrap().likely() > 0.0);

    let ranged = backlog
        .initiatives
        .iter()
        .filter(|i| {
            i.effort.is_range()
                || i.buyer
                    .as_ref()
                    .is_some_and(|b| b.reach.is_some_and(|r| r.is_range()))
        })
        .count();
    assert!(ranged >= 5);
    let segmented = |side| {
        backlog
            .initiatives
            .iter()
            .filter(|i| i.side(side).is_some_and(|s| s.is_segmented()))
            .count()
    };
    assert!(segmented(Side::Buyer) >= 4 && segmented(Side::Seller) >= 4);
    let ids =
        |segments: &[twosided::Segment]| segments.iter().map(|s| s.id.clone()).collect::<Vec<_>>();
    assert_eq!(
        ids(&backlog.segments.buyer),
        ["new-buyers", "repeat-buyers"]
    );
    assert_eq!(
        ids(&backlog.segments.seller),
        ["small-sellers", "large-sellers"]
    );
    assert!(
        backlog
            .initiatives
            .iter()
            .filter(|i| !i.dependencies.is_empty())
            .count()
            >= 5
    );
    match &backlog.footing {
        Footing::UnitValue {
            buyer,
            seller,
            unit,
        } => {
            assert_eq!(seller / buyer, 20.0);
            assert_eq!(unit.as_deref(), Some("buyer-equivalents"));
        }
        other => panic!("unexpected footing {other:?}"),
    }
}

fn top(ranked: &[ScoredInitiative], n: usize) -> Vec<&ScoredInitiative> {
    ranked.iter().take(n).collect()
}

#[test]
fn the_ranking_turns_from_buyer_heavy_to_seller_heavy_work() {
    let backlog = example_backlog();
    let at = |w| {
        score(
            &backlog,
            &ScoreOptions {
                buyer_weight: w,
                ..ScoreOptions::default()
            },
        )
        .unwrap()
    };
    let (buyers, sellers) = (at(1.0), at(0.0));
    let order = |r: &[ScoredInitiative]| r.iter().map(|x| x.id.clone()).collect::<Vec<_>>();
    assert_ne!(order(&buyers), order(&sellers));
    assert!(top(&buyers, 5)
        .iter()
        .all(|x| x.buyer.value > x.seller.value));
    assert!(top(&sellers, 5)
        .iter()
        .all(|x| x.seller.value > x.buyer.value));
    assert_eq!(buyers[0].id, "guest-checkout");
    // The buyer fee helps sellers most of all, and harms buyers most of all.
    assert_eq!(sellers[0].id, "buyer-service-fee");
    assert_eq!(buyers.last().unwrap().id, "buyer-service-fee");
    // The even balance opens with work that helps both sides.
    let even = at(0.5);
    assert!(top(&even, 3)
        .iter()
        .all(|x| x.buyer.value > 0.0 && x.seller.value > 0.0));
}

#[test]
fn every_framework_and_strategy_ranks_the_example() {
    let backlog = example_backlog();
    for framework in [
        Framework::Rice,
        Framework::Ice,
        Framework::Wsjf,
        Framework::Scorecard,
    ] {
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
            let ranked = score(&backlog, &options).unwrap();
            assert_eq!(ranked.len(), backlog.initiatives.len());
            assert!(ranked.iter().all(|r| r.score.is_finite()));
        }
    }
    let guarded = score(
        &backlog,
        &ScoreOptions {
            strategy: Strategy::Guardrail,
            ..ScoreOptions::default()
        },
    )
    .unwrap();
    let flagged: BTreeSet<_> = guarded
        .iter()
        .filter(|r| r.guardrail_violated)
        .map(|r| r.id.as_str())
        .collect();
    assert!(flagged.contains("buyer-service-fee") && flagged.contains("listing-quality-policy"));
}
