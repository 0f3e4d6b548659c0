//! Regressions for inputs that once made the core panic, hang or exhaust
//! memory, found by fuzzing (tests/fuzz/) or by the limits review.

use proptest::prelude::*;
use twosided::balance::pareto_frontier;
use twosided::limits::MAX_DOMINATORS_LISTED;

fn dominates(f: (f64, f64), p: (f64, f64)) -> bool {
    f.0 >= p.0 && f.1 >= p.1 && (f.0 > p.0 || f.1 > p.1)
}

/// The frontier members (points nothing dominates) that dominate point `i`.
fn brute_force_dominators(values: &[(f64, f64)], i: usize, ids: &[String]) -> Vec<String> {
    let p = values[i];
    let on_frontier = |f: (f64, f64)| !values.iter().any(|&g| dominates(g, f));
    let mut found: Vec<String> = values
        .iter()
        .enumerate()
        .filter(|&(_, &f)| dominates(f, p) && on_frontier(f))
        .map(|(k, _)| ids[k].clone())
        .collect();
    found.sort();
    found
}

/// The worst case for the frontier: half the points on an anti-diagonal (all
/// on the frontier), half dominated by every one of them. Listing every
/// dominator made 100 000 initiatives need billions of ids (out of memory);
/// the list is now bounded and found by binary search.
#[test]
fn pareto_worst_case_is_bounded() {
    let half = 20_000;
    let mut values: Vec<(f64, f64)> = (0..half)
        .map(|k| ((k + 1) as f64, (half - k) as f64))
        .collect();
    values.extend(std::iter::repeat_n((0.0, 0.0), half));
    let ids: Vec<String> = (0..values.len()).map(|k| format!("i{k:06}")).collect();
    let status = pareto_frontier(&values, &ids);
    assert!(status[..half]
        .iter()
        .all(|s| s.on_frontier && s.dominated_by.is_empty()));
    for s in &status[half..] {
        assert!(!s.on_frontier);
        assert_eq!(s.dominated_by.len(), MAX_DOMINATORS_LISTED);
        // Those best for buyers: the highest buyer values, the last ids.
        assert_eq!(
            s.dominated_by[0],
            format!("i{:06}", half - MAX_DOMINATORS_LISTED)
        );
    }
}

proptest! {
    /// The listed dominators are exactly the brute-force ones when there are
    /// few, and otherwise MAX_DOMINATORS_LISTED real ones, sorted.
    #[test]
    fn pareto_lists_real_dominators(
        points in prop::collection::vec((-4i8..5, -4i8..5), 1..60),
        zero_sign in any::<bool>(),
    ) {
        let values: Vec<(f64, f64)> = points
            .iter()
            .map(|&(b, s)| {
                let signed = |v: i8| if v == 0 && zero_sign { -0.0 } else { f64::from(v) };
                (signed(b), signed(s))
            })
            .collect();
        let ids: Vec<String> = (0..values.len()).map(|k| format!("i{k:03}")).collect();
        let status = pareto_frontier(&values, &ids);
        for (i, s) in status.iter().enumerate() {
            let expected = brute_force_dominators(&values, i, &ids);
            prop_assert_eq!(s.on_frontier, expected.is_empty());
            if expected.len() <= MAX_DOMINATORS_LISTED {
                prop_assert_eq!(&s.dominated_by, &expected);
            } else {
                prop_assert_eq!(s.dominated_by.len(), MAX_DOMINATORS_LISTED);
                prop_assert!(s.dominated_by.windows(2).all(|w| w[0] < w[1]));
                prop_assert!(s.dominated_by.iter().all(|id| expected.contains(id)));
            }
        }
    }
}
