//! The Pareto frontier: what no alternative beats on both sides.

use crate::limits::MAX_DOMINATORS_LISTED;
use serde::{Deserialize, Serialize};

/// Whether an initiative is on the Pareto frontier, and if not, which
/// frontier members dominate it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ParetoStatus {
    /// True when nothing is at least as good on both sides and better on one.
    pub on_frontier: bool,
    /// Ids of the frontier members that dominate it (empty on the frontier),
    /// sorted. Every dominated initiative is dominated by at least one
    /// frontier member. At most [`MAX_DOMINATORS_LISTED`] are listed (those
    /// best for buyers): the full lists of a large backlog could hold the
    /// square of its size.
    pub dominated_by: Vec<String>,
}

fn dominates(a: (f64, f64), b: (f64, f64)) -> bool {
    a.0 >= b.0 && a.1 >= b.1 && (a.0 > b.0 || a.1 > b.1)
}

/// Computes the frontier over (buyer, seller) values, in O(n log n): the
/// dominators of a point are a contiguous run of the frontier, found by
/// binary search, of which at most [`MAX_DOMINATORS_LISTED`] are listed.
///
/// ```
/// use twosided::balance::pareto_frontier;
/// let ids = ["a", "b", "c"].map(String::from);
/// let status = pareto_frontier(&[(3.0, 1.0), (1.0, 3.0), (1.0, 1.0)], &ids);
/// assert!(status[0].on_frontier && status[1].on_frontier);
/// assert_eq!(status[2].dominated_by, vec!["a", "b"]);
/// ```
pub fn pareto_frontier<Id: AsRef<str>>(values: &[(f64, f64)], ids: &[Id]) -> Vec<ParetoStatus> {
    // Sweep by buyer value descending (seller descending on ties): a point is
    // on the frontier when its seller value beats every earlier point's.
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&i, &j| {
        let (a, b) = (values.get(i), values.get(j));
        match (a, b) {
            (Some(a), Some(b)) => b.0.total_cmp(&a.0).then(b.1.total_cmp(&a.1)),
            _ => std::cmp::Ordering::Equal,
        }
    });
    let mut frontier = Vec::new();
    let mut best_seller = f64::NEG_INFINITY;
    let mut last_frontier: Option<(f64, f64)> = None;
    for &i in &order {
        let Some(&point) = values.get(i) else {
            continue;
        };
        let duplicate_of_frontier = last_frontier == Some(point);
        if point.1 > best_seller || duplicate_of_frontier {
            frontier.push(i);
            best_seller = best_seller.max(point.1);
            last_frontier = Some(point);
        }
    }
    let mut status = vec![ParetoStatus::default(); values.len()];
    for &i in &frontier {
        if let Some(s) = status.get_mut(i) {
            s.on_frontier = true;
        }
    }
    // Along the frontier (in sweep order) buyer values never rise and seller
    // values never fall, so the members at least as good as a point on both
    // sides are those from `start` (seller high enough) to `end` (buyer
    // high enough).
    let points: Vec<(f64, f64)> = frontier
        .iter()
        .filter_map(|&f| values.get(f).copied())
        .collect();
    for (i, s) in status.iter_mut().enumerate() {
        if s.on_frontier {
            continue;
        }
        let Some(&point) = values.get(i) else {
            continue;
        };
        let end = points.partition_point(|f| f.0 >= point.0);
        let start = points.partition_point(|f| f.1 < point.1);
        let mut dominators: Vec<&str> = frontier
            .get(start..end)
            .unwrap_or(&[])
            .iter()
            .filter(|&&f| values.get(f).is_some_and(|&fp| dominates(fp, point)))
            .take(MAX_DOMINATORS_LISTED)
            .filter_map(|&f| ids.get(f).map(AsRef::as_ref))
            .collect();
        dominators.sort();
        s.dominated_by = dominators.into_iter().map(String::from).collect();
    }
    status
}
