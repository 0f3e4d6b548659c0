//! The sampled sweep for strategies that are not linear in w.

use super::intervals::Traced;
use super::{RankInterval, SweepMethod, MAX_GRID_EVALUATIONS, MAX_GRID_STEPS};
use crate::rank::ScoreOptions;
use crate::sensitivity::ranking::Ranker;
use crate::{Backlog, Error};

/// The grid w = i / steps for i = 0..=steps, with the current weight added.
fn weights(steps: usize, current: f64) -> Vec<f64> {
    let mut grid: Vec<f64> = (0..=steps).map(|i| i as f64 / steps as f64).collect();
    if let Err(place) = grid.binary_search_by(|w| w.total_cmp(&current)) {
        grid.insert(place, current);
    }
    grid
}

pub(super) fn sweep(
    backlog: &Backlog,
    values: &[(f64, f64)],
    scoring: &ScoreOptions,
    steps: usize,
    depth: usize,
) -> Result<Traced, Error> {
    if !(1..=MAX_GRID_STEPS).contains(&steps) {
        return Err(Error::option(
            "options.gridSteps",
            format!("the grid needs from 1 to {MAX_GRID_STEPS} steps"),
        ));
    }
    let grid = weights(steps, scoring.buyer_weight);
    let evaluations = grid.len().saturating_mul(values.len());
    if evaluations > MAX_GRID_EVALUATIONS {
        return Err(Error::LimitExceeded {
            path: "options.gridSteps".into(),
            message: format!(
                "{} grid points x {} initiatives is {evaluations} evaluations, over the limit of {MAX_GRID_EVALUATIONS}; use fewer grid steps",
                grid.len(),
                values.len()
            ),
        });
    }
    let mut ranker = Ranker::new(backlog, scoring.balance());
    let mut traces: Vec<Vec<RankInterval>> = vec![Vec::new(); values.len()];
    for &weight in &grid {
        ranker.rank(values, weight)?;
        for (trace, rank) in traces.iter_mut().zip(&ranker.ranks) {
            let rank = rank.filter(|&r| r <= depth);
            match trace.last_mut() {
                Some(last) if last.rank == rank => last.to = weight,
                _ => trace.push(RankInterval {
                    from: weight,
                    to: weight,
                    rank,
                }),
            }
        }
    }
    let lines = traces
        .into_iter()
        .enumerate()
        .filter(|(_, ranks)| ranks.iter().any(|i| i.rank.is_some()))
        .collect();
    Ok(Traced {
        method: SweepMethod::Grid,
        grid,
        crossings: Vec::new(),
        lines,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_current_weight_joins_the_grid_once() {
        assert_eq!(super::weights(4, 0.3), vec![0.0, 0.25, 0.3, 0.5, 0.75, 1.0]);
        assert_eq!(super::weights(4, 0.5), vec![0.0, 0.25, 0.5, 0.75, 1.0]);
    }
}
