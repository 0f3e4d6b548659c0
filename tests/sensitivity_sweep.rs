//! The weight sweep against brute force: ranks read off the sweep agree with
//! ranking the backlog at every point of a fine grid.

use proptest::prelude::*;
use twosided::sensitivity::{sweep_weights, SweepLine, SweepMethod, SweepOptions};
use twosided::{
    Backlog, Initiative, Prioritiser, ScoreOptions, SideEstimate, Strategy as Balancing,
};

fn initiative(
    id: &str,
    buyer: Option<(f64, f64)>,
    seller: Option<(f64, f64)>,
    effort: f64,
) -> Initiative {
    Initiative {
        id: id.into(),
        name: format!("Initiative {id}"),
        buyer: buyer.map(|(reach, impact)| SideEstimate::new(reach, impact, 1.0)),
        seller: seller.map(|(reach, impact)| SideEstimate::new(reach, impact, 0.8)),
        effort: effort.into(),
        ..Initiative::default()
    }
}

/// Two values per initiative: (buyer reach, seller reach), impact 1 each.
fn lines(values: &[(f64, f64)]) -> Backlog {
    Backlog {
        initiatives: values
            .iter()
            .enumerate()
            .map(|(i, &(b, s))| {
                initiative(
                    &format!("i{i:02}"),
                    Some((b, 1.0)),
                    Some((s / 0.8, 1.0)),
                    1.0,
                )
            })
            .collect(),
        ..Backlog::default()
    }
}

fn side() -> impl Strategy<Value = Option<(f64, f64)>> {
    let impact = prop::sample::select(vec![3.0, 2.0, 1.0, 0.5, 0.25, 0.0, -0.5, -1.0, -2.0]);
    // Few distinct reaches, so ties and lines through one point are common.
    prop::option::weighted(0.85, ((0u32..12).prop_map(|r| f64::from(r) * 50.0), impact))
}

fn backlog() -> impl Strategy<Value = Backlog> {
    let effort = prop::sample::select(vec![0.5, 1.0, 2.0, 4.0]);
    prop::collection::vec((side(), side(), effort), 1..14).prop_map(|items| Backlog {
        initiatives: items
            .into_iter()
            .enumerate()
            .map(|(i, (b, s, e))| initiative(&format!("x{}", (i * 7) % 13 + i * 13), b, s, e))
            .collect(),
        ..Backlog::default()
    })
}

/// The core's rank of every initiative at weight `w`, or `None` when two
/// scores are so close that w is (within rounding) a crossing point.
fn core_ranks(prioritiser: &Prioritiser, scoring: &ScoreOptions, w: f64) -> Option<Vec<usize>> {
    let options = ScoreOptions {
        buyer_weight: w,
        ..scoring.clone()
    };
    let order = prioritiser.order(&options).unwrap();
    let mut sorted = order.scores.clone();
    sorted.sort_by(|a, b| b.total_cmp(a));
    let scale = 1.0 + sorted.iter().fold(0.0_f64, |m, s| m.max(s.abs()));
    if sorted
        .windows(2)
        .any(|p| (p[0] - p[1]).abs() <= 1e-9 * scale)
    {
        return None;
    }
    let mut ranks = vec![0; order.scores.len()];
    for (place, &index) in order.order.iter().enumerate() {
        ranks[index as usize] = place + 1;
    }
    Some(ranks)
}

/// The sweep's rank of a line strictly inside an interval.
fn rank_at(line: &SweepLine, w: f64) -> Option<usize> {
    line.ranks
        .iter()
        .find(|i| i.from < w && w < i.to)
        .and_then(|i| i.rank)
}

fn check_against_grid(backlog: &Backlog, options: &SweepOptions) {
    let sweep = sweep_weights(backlog, options).unwrap();
    assert_eq!(sweep.method, SweepMethod::Exact);
    let n = backlog.initiatives.len();
    let depth = options.depth.unwrap_or(n).min(n);
    let prioritiser = Prioritiser::new(backlog.clone()).unwrap();
    let steps = 2_000;
    for step in 0..steps {
        let w = (f64::from(step) + 0.5) / f64::from(steps);
        let Some(ranks) = core_ranks(&prioritiser, &options.scoring, w) else {
            continue;
        };
        for (index, &rank) in ranks.iter().enumerate() {
            let line = sweep.initiatives.iter().find(|l| l.index == index);
            let expected = (rank <= depth).then_some(rank);
            let found = line.and_then(|l| rank_at(l, w));
            assert_eq!(found, expected, "initiative {index} at w = {w}");
            let in_top = line.is_some_and(|l| l.top_k.iter().any(|i| i.from < w && w < i.to));
            assert_eq!(
                in_top,
                rank <= options.top_k,
                "top-k membership of {index} at w = {w}"
            );
        }
    }
    // Intervals tile [0, 1] in order.
    for line in &sweep.initiatives {
        assert_eq!(line.ranks.first().unwrap().from, 0.0);
        assert_eq!(line.ranks.last().unwrap().to, 1.0);
        assert!(line
            .ranks
            .windows(2)
            .all(|p| p[0].to == p[1].from && p[0].rank != p[1].rank));
    }
    // At each crossing the two balanced scores are equal.
    for crossing in &sweep.crossings {
        let line = |id: &str| sweep.initiatives.iter().find(|l| l.id == id).unwrap();
        let score = |l: &SweepLine| crossing.weight * l.buyer + (1.0 - crossing.weight) * l.seller;
        let (a, b) = (line(&crossing.rises), line(&crossing.falls));
        let gap = (score(a) - score(b)).abs();
        assert!(
            gap <= 1e-9 * (1.0 + score(a).abs()),
            "{crossing:?}: gap {gap}"
        );
        assert!(crossing.rank <= depth && crossing.weight > 0.0 && crossing.weight < 1.0);
    }
    assert!(sweep
        .crossings
        .windows(2)
        .all(|p| p[0].weight <= p[1].weight));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn exact_crossings_agree_with_a_fine_grid(
        backlog in backlog(),
        weight in 0.0..=1.0f64,
        top_k in 1usize..4,
        depth in prop::option::of(3usize..6),
    ) {
        let options = SweepOptions {
            scoring: ScoreOptions { buyer_weight: weight, ..ScoreOptions::default() },
            top_k,
            depth,
            ..SweepOptions::default()
        };
        check_against_grid(&backlog, &options);
    }

    #[test]
    fn a_depth_only_drops_deeper_ranks(backlog in backlog(), depth in 1usize..5) {
        let full = sweep_weights(&backlog, &SweepOptions { top_k: 1, ..SweepOptions::default() }).unwrap();
        let shallow = sweep_weights(&backlog, &SweepOptions { top_k: 1, depth: Some(depth), ..SweepOptions::default() }).unwrap();
        for crossing in &shallow.crossings {
            prop_assert!(full.crossings.iter().any(|c| c.weight == crossing.weight
                && c.rises == crossing.rises && c.falls == crossing.falls));
        }
        // Ranks below the depth read as None; everything else is unchanged.
        let capped = |line: &SweepLine| {
            let mut merged: Vec<(f64, f64, Option<usize>)> = Vec::new();
            for i in &line.ranks {
                let rank = i.rank.filter(|&r| r <= depth);
                match merged.last_mut() {
                    Some(last) if last.2 == rank => last.1 = i.to,
                    _ => merged.push((i.from, i.to, rank)),
                }
            }
            merged
        };
        for line in &full.initiatives {
            let same = shallow.initiatives.iter().find(|l| l.id == line.id);
            match same {
                Some(same) => {
                    prop_assert_eq!(capped(line), capped(same));
                    prop_assert_eq!(&line.top_k, &same.top_k);
                }
                None => prop_assert!(line.ranks.iter().all(|i| i.rank.is_none_or(|r| r > depth))),
            }
        }
    }
}

#[test]
fn stays_in_top_k_is_the_interval_around_the_current_weight() {
    // Scores at w: a = 90 - 80w, b = 10 + 80w, c = 40 + 10w.
    // a meets c at w = 5/9, b meets c at w = 3/7, a meets b at w = 0.5.
    let backlog = lines(&[(10.0, 90.0), (90.0, 10.0), (50.0, 40.0)]);
    let options = SweepOptions {
        scoring: ScoreOptions {
            buyer_weight: 0.2,
            ..ScoreOptions::default()
        },
        top_k: 2,
        ..SweepOptions::default()
    };
    let sweep = sweep_weights(&backlog, &options).unwrap();
    let weights: Vec<f64> = sweep.crossings.iter().map(|c| c.weight).collect();
    assert_eq!(weights, vec![3.0 / 7.0, 0.5, 5.0 / 9.0]);
    let line = |id: &str| sweep.initiatives.iter().find(|l| l.id == id).unwrap();
    // At w = 0.2: a (74), c (42), b (26). c leaves the top 2 when b passes it.
    assert_eq!(line("i00").current_rank, Some(1));
    assert_eq!(line("i02").current_rank, Some(2));
    let stay = line("i02").stays_in_top_k.unwrap();
    assert_eq!((stay.from, stay.to), (0.0, 3.0 / 7.0));
    let stay = line("i00").stays_in_top_k.unwrap();
    assert_eq!((stay.from, stay.to), (0.0, 5.0 / 9.0));
    assert!(line("i01").stays_in_top_k.is_none());
    let ranks: Vec<_> = line("i02")
        .ranks
        .iter()
        .map(|i| (i.from, i.to, i.rank))
        .collect();
    assert_eq!(
        ranks,
        vec![
            (0.0, 3.0 / 7.0, Some(2)),
            (3.0 / 7.0, 5.0 / 9.0, Some(3)),
            (5.0 / 9.0, 1.0, Some(2))
        ]
    );
    // Listed by current rank.
    let order: Vec<&str> = sweep.initiatives.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(order, vec!["i00", "i02", "i01"]);
}

#[test]
fn lines_through_one_point_reverse_their_order_there() {
    // Every score is 50 at w = 0.5; slopes 60, 20, -20, -60.
    let backlog = lines(&[(80.0, 20.0), (60.0, 40.0), (40.0, 60.0), (20.0, 80.0)]);
    let sweep = sweep_weights(&backlog, &SweepOptions::default()).unwrap();
    assert_eq!(sweep.crossings.len(), 6);
    assert!(sweep.crossings.iter().all(|c| c.weight == 0.5));
    for line in &sweep.initiatives {
        let before = line.ranks.first().unwrap().rank.unwrap();
        let after = line.ranks.last().unwrap().rank.unwrap();
        assert_eq!(
            before + after,
            5,
            "{} goes from {before} to {after}",
            line.id
        );
        assert_eq!(line.ranks.len(), 2);
    }
}

#[test]
fn identical_initiatives_never_cross() {
    let backlog = lines(&[(30.0, 70.0), (30.0, 70.0), (90.0, 10.0)]);
    let sweep = sweep_weights(&backlog, &SweepOptions::default()).unwrap();
    // Both twins cross the third once each; never each other.
    assert_eq!(sweep.crossings.len(), 2);
    assert!(sweep.crossings.iter().all(|c| c.rises == "i02"));
}

#[test]
fn non_linear_strategies_are_sampled_on_the_callers_grid() {
    let backlog = lines(&[(10.0, 90.0), (90.0, 10.0), (50.0, 40.0), (0.0, 0.0)]);
    let scoring = ScoreOptions {
        strategy: Balancing::Nash,
        buyer_weight: 0.33,
        ..ScoreOptions::default()
    };
    let options = SweepOptions {
        scoring: scoring.clone(),
        grid_steps: 10,
        top_k: 1,
        ..SweepOptions::default()
    };
    let sweep = sweep_weights(&backlog, &options).unwrap();
    assert_eq!(sweep.method, SweepMethod::Grid);
    assert_eq!(sweep.grid.len(), 12);
    assert!(sweep.crossings.is_empty());
    let prioritiser = Prioritiser::new(backlog.clone()).unwrap();
    for &w in &sweep.grid {
        let order = prioritiser
            .order(&ScoreOptions {
                buyer_weight: w,
                ..scoring.clone()
            })
            .unwrap();
        for (place, &index) in order.order.iter().enumerate() {
            let line = sweep
                .initiatives
                .iter()
                .find(|l| l.index == index as usize)
                .unwrap();
            let held = line
                .ranks
                .iter()
                .find(|i| i.from <= w && w <= i.to)
                .unwrap();
            assert_eq!(held.rank, Some(place + 1), "{} at {w}", line.id);
        }
    }
}

#[test]
fn bad_options_and_too_many_crossings_are_clear_errors() {
    let backlog = lines(&[(10.0, 90.0), (90.0, 10.0)]);
    let error = sweep_weights(
        &backlog,
        &SweepOptions {
            top_k: 0,
            ..SweepOptions::default()
        },
    )
    .unwrap_err();
    assert_eq!(
        (error.code(), error.path()),
        ("INVALID_OPTION", "options.topK")
    );
    let error = sweep_weights(
        &backlog,
        &SweepOptions {
            top_k: 3,
            depth: Some(2),
            ..SweepOptions::default()
        },
    )
    .unwrap_err();
    assert_eq!(
        (error.code(), error.path()),
        ("INVALID_OPTION", "options.depth")
    );
    let nash = ScoreOptions {
        strategy: Balancing::Nash,
        ..ScoreOptions::default()
    };
    let error = sweep_weights(
        &backlog,
        &SweepOptions {
            scoring: nash,
            grid_steps: 0,
            ..SweepOptions::default()
        },
    )
    .unwrap_err();
    assert_eq!(
        (error.code(), error.path()),
        ("INVALID_OPTION", "options.gridSteps")
    );
    // 2 100 lines that all cross each other: 2 203 950 crossings.
    let n = 2_100;
    let crowd = lines(
        &(0..n)
            .map(|i| (f64::from(i), f64::from(n - i)))
            .collect::<Vec<_>>(),
    );
    let error = sweep_weights(&crowd, &SweepOptions::default()).unwrap_err();
    assert_eq!(error.code(), "LIMIT_EXCEEDED");
    assert!(error.to_string().contains("set a depth"), "{error}");
}

#[test]
fn a_depth_leaves_out_initiatives_that_can_never_reach_it() {
    // 300 lines; only those near the top at either end can reach the top 3.
    let values: Vec<(f64, f64)> = (0..300)
        .map(|i| (f64::from((i * 37) % 300), f64::from((i * 91) % 300)))
        .collect();
    let backlog = lines(&values);
    let options = SweepOptions {
        top_k: 3,
        depth: Some(3),
        ..SweepOptions::default()
    };
    let sweep = sweep_weights(&backlog, &options).unwrap();
    assert!(
        sweep.initiatives.len() < 30,
        "{} lines kept",
        sweep.initiatives.len()
    );
    check_against_grid(&backlog, &options);
}
