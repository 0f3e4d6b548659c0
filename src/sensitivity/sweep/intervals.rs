//! Turning traced ranks into the sweep's result: top-k intervals, the
//! interval around the current weight, and the order lines are listed in.

use super::{
    Crossing, RankInterval, SweepLine, SweepMethod, SweepOptions, WeightInterval, WeightSweep,
};
use crate::sensitivity::ranking::Ranker;
use crate::Backlog;

/// What a sweep method traced: ranks per initiative (only those that rank
/// within the depth somewhere), plus crossings or grid weights.
pub(super) struct Traced {
    pub method: SweepMethod,
    pub grid: Vec<f64>,
    pub crossings: Vec<Crossing>,
    pub lines: Vec<(usize, Vec<RankInterval>)>,
}

/// Records one initiative's rank as a sequence of intervals over [0, 1]
/// (the exact sweep): a change at weight t closes the open interval at t.
#[derive(Debug, Clone)]
pub(super) struct RankTrace {
    closed: Vec<RankInterval>,
    start: f64,
    rank: Option<usize>,
}

impl RankTrace {
    pub(super) fn new(rank: Option<usize>) -> Self {
        RankTrace {
            closed: Vec::new(),
            start: 0.0,
            rank,
        }
    }

    /// The rank becomes `rank` just after `weight`.
    pub(super) fn change(&mut self, weight: f64, rank: Option<usize>) {
        if rank == self.rank {
            return;
        }
        if weight > self.start {
            self.closed.push(RankInterval {
                from: self.start,
                to: weight,
                rank: self.rank,
            });
            self.start = weight;
            self.rank = rank;
            return;
        }
        // Several crossings at one weight: the rank in between held over no
        // interval at all. If it returns to the rank before, reopen that one.
        self.rank = rank;
        if let Some(last) = self.closed.last().copied() {
            if last.rank == rank && last.to == self.start {
                self.start = last.from;
                self.closed.pop();
            }
        }
    }

    /// Closes the trace at w = 1. `None` if it never ranks within the depth.
    pub(super) fn finish(mut self) -> Option<Vec<RankInterval>> {
        self.closed.push(RankInterval {
            from: self.start,
            to: 1.0,
            rank: self.rank,
        });
        self.closed
            .iter()
            .any(|i| i.rank.is_some())
            .then_some(self.closed)
    }
}

/// Maximal runs of consecutive intervals with a rank of `top_k` or better.
fn top_k_intervals(ranks: &[RankInterval], top_k: usize) -> Vec<WeightInterval> {
    let mut merged: Vec<WeightInterval> = Vec::new();
    let mut open = false;
    for interval in ranks {
        let inside = interval.rank.is_some_and(|r| r <= top_k);
        match (inside, open, merged.last_mut()) {
            (true, true, Some(last)) => last.to = interval.to,
            (true, _, _) => merged.push(WeightInterval {
                from: interval.from,
                to: interval.to,
            }),
            (false, _, _) => {}
        }
        open = inside;
    }
    merged
}

pub(super) fn assemble(
    backlog: &Backlog,
    values: &[(f64, f64)],
    options: &SweepOptions,
    depth: usize,
    traced: Traced,
) -> Result<WeightSweep, crate::Error> {
    let current_weight = options.scoring.buyer_weight;
    let top_k = options.top_k;
    let mut ranker = Ranker::new(backlog, options.scoring.balance());
    ranker.rank(values, current_weight)?;
    let mut lines: Vec<SweepLine> = traced
        .lines
        .into_iter()
        .filter_map(|(index, ranks)| {
            let initiative = backlog.initiatives.get(index)?;
            let &(buyer, seller) = values.get(index)?;
            let current_rank = ranker
                .ranks
                .get(index)
                .copied()
                .flatten()
                .filter(|&r| r <= depth);
            let top_k_spans = top_k_intervals(&ranks, top_k);
            let stays_in_top_k = current_rank.filter(|&r| r <= top_k).map(|_| {
                top_k_spans
                    .iter()
                    .find(|i| i.from <= current_weight && current_weight <= i.to)
                    .copied()
                    // Only the tie-break at exactly this weight puts it in.
                    .unwrap_or(WeightInterval {
                        from: current_weight,
                        to: current_weight,
                    })
            });
            Some(SweepLine {
                id: initiative.id.clone(),
                name: initiative.name.clone(),
                index,
                buyer,
                seller,
                current_rank,
                ranks,
                top_k: top_k_spans,
                stays_in_top_k,
            })
        })
        .collect();
    let best = |line: &SweepLine| line.ranks.iter().filter_map(|i| i.rank).min();
    lines.sort_by(|a, b| {
        let key = |l: &SweepLine| (l.current_rank.unwrap_or(usize::MAX), best(l));
        key(a).cmp(&key(b)).then_with(|| a.id.cmp(&b.id))
    });
    Ok(WeightSweep {
        method: traced.method,
        current_weight,
        top_k,
        depth,
        grid: traced.grid,
        crossings: traced.crossings,
        initiatives: lines,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rank_that_holds_for_no_interval_leaves_no_trace() {
        let mut trace = RankTrace::new(Some(3));
        trace.change(0.25, Some(2));
        trace.change(0.5, Some(3));
        trace.change(0.5, Some(2));
        trace.change(0.5, Some(3));
        let ranks = trace.finish().unwrap();
        let spans: Vec<_> = ranks.iter().map(|i| (i.from, i.to, i.rank)).collect();
        assert_eq!(
            spans,
            vec![
                (0.0, 0.25, Some(3)),
                (0.25, 0.5, Some(2)),
                (0.5, 1.0, Some(3))
            ]
        );
    }

    #[test]
    fn top_k_intervals_merge_neighbours_and_skip_deep_ranks() {
        let at = |from, to, rank| RankInterval { from, to, rank };
        let ranks = [
            at(0.0, 0.1, Some(4)),
            at(0.1, 0.2, Some(2)),
            at(0.2, 0.3, Some(1)),
            at(0.3, 0.6, None),
            at(0.6, 1.0, Some(3)),
        ];
        let spans: Vec<_> = top_k_intervals(&ranks, 3)
            .iter()
            .map(|i| (i.from, i.to))
            .collect();
        assert_eq!(spans, vec![(0.1, 0.3), (0.6, 1.0)]);
    }
}
