//! Two-sided balancing, hand-computed: weighted sum, Nash (with harm shifted
//! onto the documented floor), max-min, guardrail and the Pareto frontier.

use twosided::{
    score, Backlog, Guardrail, Initiative, Prioritiser, ScoreOptions, ScoredInitiative, Side,
    SideEstimate, Strategy, ViolatorHandling,
};

fn close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() < 1e-9,
        "expected {expected}, got {actual}"
    );
}

/// A side whose RICE value is exactly `value`: reach |value|, impact +-1,
/// full confidence, over one person-month.
fn side(value: f64) -> Option<SideEstimate> {
    let impact = if value < 0.0 { -1.0 } else { 1.0 };
    Some(SideEstimate::new(value.abs(), impact, 1.0))
}

/// A backlog of initiatives with these (id, buyer value, seller value).
fn backlog(values: &[(&str, f64, f64)]) -> Backlog {
    Backlog {
        initiatives: values
            .iter()
            .map(|&(id, buyer, seller)| Initiative {
                id: id.into(),
                name: id.into(),
                buyer: side(buyer),
                seller: side(seller),
                effort: 1.0.into(),
                ..Initiative::default()
            })
            .collect(),
        ..Backlog::default()
    }
}

fn ids(ranked: &[ScoredInitiative]) -> Vec<&str> {
    ranked.iter().map(|r| r.id.as_str()).collect()
}

fn find<'a>(ranked: &'a [ScoredInitiative], id: &str) -> &'a ScoredInitiative {
    ranked.iter().find(|r| r.id == id).unwrap()
}

fn strategy(strategy: Strategy, buyer_weight: f64) -> ScoreOptions {
    ScoreOptions {
        strategy,
        buyer_weight,
        ..ScoreOptions::default()
    }
}

#[test]
fn weighted_sum_moves_linearly_with_the_buyer_weight() {
    let backlog = backlog(&[("buyer-heavy", 10.0, 2.0), ("seller-heavy", 1.0, 8.0)]);
    let at = |w| score(&backlog, &strategy(Strategy::WeightedSum, w)).unwrap();
    let quarter = at(0.25);
    close(
        find(&quarter, "buyer-heavy").score,
        0.25 * 10.0 + 0.75 * 2.0,
    );
    close(
        find(&quarter, "seller-heavy").score,
        0.25 * 1.0 + 0.75 * 8.0,
    );
    assert_eq!(ids(&quarter), ["seller-heavy", "buyer-heavy"]);
    // They cross where 10w + 2(1-w) = w + 8(1-w), at w = 6/15 = 0.4.
    assert_eq!(ids(&at(0.39)), ["seller-heavy", "buyer-heavy"]);
    assert_eq!(ids(&at(0.41)), ["buyer-heavy", "seller-heavy"]);
    assert_eq!(
        find(&quarter, "buyer-heavy").explanation.sentence,
        "Balanced 4 = 0.25 x 10 buyers + 0.75 x 2 sellers (weighted sum)"
    );
}

#[test]
fn nash_favours_initiatives_that_help_both_sides() {
    let backlog = backlog(&[("a", 4.0, 1.0), ("b", 1.0, 4.0), ("c", 3.0, 3.0)]);
    let ranked = score(&backlog, &strategy(Strategy::Nash, 0.5)).unwrap();
    // Nothing harms, so the floor is 0 less 1% of the largest magnitude (4).
    let floor: f64 = -0.04;
    close(
        find(&ranked, "a").score,
        (4.0 - floor).powf(0.5) * (1.0 - floor).powf(0.5),
    );
    close(find(&ranked, "c").score, 3.04);
    // a and b are mirror images: equal scores, ordered by id.
    close(find(&ranked, "a").score, find(&ranked, "b").score);
    assert_eq!(ids(&ranked), ["c", "a", "b"]);

    // With w = 0.8 the buyer-heavy a overtakes c: 4.04^0.8 x 1.04^0.2 = 3.09.
    let buyer_leaning = score(&backlog, &strategy(Strategy::Nash, 0.8)).unwrap();
    close(
        find(&buyer_leaning, "a").score,
        4.04_f64.powf(0.8) * 1.04_f64.powf(0.2),
    );
    assert_eq!(ids(&buyer_leaning), ["a", "c", "b"]);
}

#[test]
fn nash_shifts_harm_onto_the_documented_floor() {
    let backlog = backlog(&[("harms-sellers", 10.0, -5.0), ("helps-both", 2.0, 2.0)]);
    let ranked = score(&backlog, &strategy(Strategy::Nash, 0.5)).unwrap();
    // Floor: the lowest value (-5) less 1% of the largest magnitude (10) = -5.1.
    let harmful = find(&ranked, "harms-sellers");
    close(harmful.score, (15.1_f64 * 0.1).sqrt());
    close(find(&ranked, "helps-both").score, 7.1);
    assert_eq!(ids(&ranked), ["helps-both", "harms-sellers"]);
    // The harmful one keeps a small positive value rather than zeroing out.
    assert!(harmful.score > 0.0);
    assert_eq!(
        harmful.explanation.sentence,
        "Balanced 1.23 = (10 buyers - floor -5.1)^0.5 x (-5 sellers - floor -5.1)^0.5 (Nash product)"
    );
    assert!(harmful
        .explanation
        .terms
        .iter()
        .any(|t| t.name == "floor" && (t.value + 5.1).abs() < 1e-12));
    // A weighted sum would rank the harmful one first: 2.5 against 2.
    let weighted = score(&backlog, &strategy(Strategy::WeightedSum, 0.5)).unwrap();
    assert_eq!(ids(&weighted), ["harms-sellers", "helps-both"]);
    assert_eq!(
        twosided::balance::nash_floor(&[(10.0, -5.0), (2.0, 2.0)]),
        -5.1
    );
}

#[test]
fn max_min_ranks_by_the_side_helped_least() {
    let backlog = backlog(&[("a", 10.0, 1.0), ("b", 3.0, 3.0), ("c", -1.0, 20.0)]);
    let ranked = score(&backlog, &strategy(Strategy::MaxMin, 0.5)).unwrap();
    close(find(&ranked, "a").score, 1.0);
    close(find(&ranked, "b").score, 3.0);
    close(find(&ranked, "c").score, -1.0);
    assert_eq!(ids(&ranked), ["b", "a", "c"]);
    // The weight does not matter to max-min.
    let other = score(&backlog, &strategy(Strategy::MaxMin, 0.9)).unwrap();
    assert_eq!(ids(&other), ids(&ranked));
}

fn guardrail(primary: Option<Side>, violators: ViolatorHandling) -> ScoreOptions {
    ScoreOptions {
        strategy: Strategy::Guardrail,
        buyer_weight: 0.5,
        guardrail: Guardrail {
            delta: 2.0,
            primary,
            violators,
        },
        ..ScoreOptions::default()
    }
}

const GUARDED: [(&str, f64, f64); 4] = [
    ("a", 10.0, -3.0),
    ("b", 5.0, -2.0),
    ("c", 4.0, 1.0),
    ("d", -5.0, 8.0),
];

fn violators(ranked: &[ScoredInitiative]) -> Vec<&str> {
    ranked
        .iter()
        .filter(|r| r.guardrail_violated)
        .map(|r| r.id.as_str())
        .collect()
}

#[test]
fn guardrail_with_buyers_primary_protects_sellers() {
    let ranked = score(
        &backlog(&GUARDED),
        &guardrail(Some(Side::Buyer), ViolatorHandling::RankLast),
    )
    .unwrap();
    // Seller harm of -3 breaks a delta of 2; -2 is exactly on the limit and
    // passes. d harms buyers, but buyers are the objective, not protected.
    assert_eq!(violators(&ranked), ["a"]);
    close(find(&ranked, "a").score, 10.0);
    assert_eq!(ids(&ranked), ["b", "c", "d", "a"]);
    assert_eq!(
        ranked.iter().map(|r| r.rank).collect::<Vec<_>>(),
        [Some(1), Some(2), Some(3), Some(4)]
    );
    assert_eq!(
        find(&ranked, "a").explanation.sentence,
        "Balanced 10 = 10 buyers; breaks the guardrail of harm no worse than -2"
    );
}

#[test]
fn guardrail_with_sellers_primary_protects_buyers() {
    let ranked = score(
        &backlog(&GUARDED),
        &guardrail(Some(Side::Seller), ViolatorHandling::RankLast),
    )
    .unwrap();
    assert_eq!(violators(&ranked), ["d"]);
    close(find(&ranked, "d").score, 8.0);
    assert_eq!(ids(&ranked), ["c", "b", "a", "d"]);
}

#[test]
fn guardrail_on_the_weighted_sum_protects_both_sides() {
    let ranked = score(
        &backlog(&GUARDED),
        &guardrail(None, ViolatorHandling::RankLast),
    )
    .unwrap();
    // Scores: a 3.5, b 1.5, c 2.5, d 1.5; a and d break the guardrail.
    assert_eq!(violators(&ranked), ["a", "d"]);
    close(find(&ranked, "a").score, 3.5);
    assert_eq!(ids(&ranked), ["c", "b", "a", "d"]);
}

#[test]
fn guardrail_can_exclude_violators() {
    let options = guardrail(None, ViolatorHandling::Exclude);
    let ranked = score(&backlog(&GUARDED), &options).unwrap();
    let ranks: Vec<_> = ranked.iter().map(|r| (r.id.as_str(), r.rank)).collect();
    assert_eq!(
        ranks,
        [("c", Some(1)), ("b", Some(2)), ("a", None), ("d", None)]
    );
    // The fast path leaves them out of the order entirely.
    let prioritiser = Prioritiser::new(backlog(&GUARDED)).unwrap();
    let order = prioritiser.order(&options).unwrap();
    assert_eq!(order.order, [2, 1]);
    assert_eq!(order.scores.len(), 4);
}

#[test]
fn pareto_frontier_lists_who_dominates_whom() {
    let backlog = backlog(&[
        ("a", 3.0, 1.0),
        ("b", 1.0, 3.0),
        ("c", 1.0, 1.0),
        ("d", 2.0, 2.0),
        ("e", 0.0, 0.5),
        ("f", 3.0, 1.0),
        ("g", 2.0, 1.0),
    ]);
    let ranked = score(&backlog, &ScoreOptions::default()).unwrap();
    let on: Vec<_> = {
        let mut on: Vec<_> = ranked
            .iter()
            .filter(|r| r.pareto.on_frontier)
            .map(|r| r.id.as_str())
            .collect();
        on.sort();
        on
    };
    // f duplicates a: neither beats the other, so both stay on the frontier.
    assert_eq!(on, ["a", "b", "d", "f"]);
    assert_eq!(find(&ranked, "c").pareto.dominated_by, ["a", "b", "d", "f"]);
    assert_eq!(find(&ranked, "e").pareto.dominated_by, ["a", "b", "d", "f"]);
    // g (2, 1) is beaten by a, d and f, not by b (1, 3).
    assert_eq!(find(&ranked, "g").pareto.dominated_by, ["a", "d", "f"]);
    assert!(find(&ranked, "a").pareto.dominated_by.is_empty());
}
