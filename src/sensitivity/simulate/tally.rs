//! Counting ranks across samples: one count per (initiative, rank), so
//! percentiles and top-k probabilities are exact for the samples drawn, and
//! adding samples in any chunking gives the same counts.

/// Rank counts and score sums per initiative.
#[derive(Debug, Clone)]
pub(super) struct Tally {
    count: usize,
    /// `count + 1` slots per initiative: ranks 1 to `count`, then
    /// "excluded by a guardrail".
    ranks: Vec<u32>,
    score_sums: Vec<f64>,
    /// Samples whose plan includes each initiative.
    plan_counts: Vec<u32>,
    pub(super) plan_failures: u64,
    samples: u64,
}

impl Tally {
    pub(super) fn new(count: usize) -> Self {
        Tally {
            count,
            ranks: vec![0; count.saturating_mul(count.saturating_add(1))],
            score_sums: vec![0.0; count],
            plan_counts: vec![0; count],
            plan_failures: 0,
            samples: 0,
        }
    }

    /// Adds one sample's ranks and scores (per backlog index).
    pub(super) fn add(&mut self, ranks: &[Option<usize>], scores: &[f64]) {
        let width = self.count.saturating_add(1);
        for (index, (rank, score)) in ranks.iter().zip(scores).enumerate() {
            let slot = rank.map_or(self.count, |r| r.saturating_sub(1).min(self.count));
            if let Some(counter) = self
                .ranks
                .get_mut(index.saturating_mul(width).saturating_add(slot))
            {
                *counter = counter.saturating_add(1);
            }
            if let Some(sum) = self.score_sums.get_mut(index) {
                *sum += score;
            }
        }
        self.samples = self.samples.saturating_add(1);
    }

    /// Adds one sample's plan membership (per backlog index), or a sample
    /// with no plan.
    pub(super) fn add_plan(&mut self, in_plan: Option<&[bool]>) {
        let Some(in_plan) = in_plan else {
            self.plan_failures = self.plan_failures.saturating_add(1);
            return;
        };
        for (count, &planned) in self.plan_counts.iter_mut().zip(in_plan) {
            if planned {
                *count = count.saturating_add(1);
            }
        }
    }

    /// The share of samples whose plan includes the initiative.
    pub(super) fn plan_share(&self, index: usize) -> f64 {
        if self.samples == 0 {
            return 0.0;
        }
        let hits = self.plan_counts.get(index).copied().unwrap_or(0);
        f64::from(hits) / self.samples as f64
    }

    fn counts(&self, index: usize) -> &[u32] {
        let width = self.count.saturating_add(1);
        let start = index.saturating_mul(width);
        self.ranks
            .get(start..start.saturating_add(width))
            .unwrap_or(&[])
    }

    /// The nearest-rank percentile: the best rank r such that at least
    /// `percent`% of samples rank r or better. `None` if that is "excluded",
    /// or there are no samples.
    pub(super) fn percentile(&self, index: usize, percent: u64) -> Option<usize> {
        if self.samples == 0 {
            return None;
        }
        // ceil(percent x samples / 100) in integers: no rounding anywhere.
        let target = percent.saturating_mul(self.samples).div_ceil(100).max(1);
        let mut seen = 0u64;
        for (slot, &count) in self.counts(index).iter().enumerate() {
            seen = seen.saturating_add(u64::from(count));
            if seen >= target {
                return (slot < self.count).then_some(slot.saturating_add(1));
            }
        }
        None
    }

    /// The share of samples ranking `top_k` or better.
    pub(super) fn top_k_share(&self, index: usize, top_k: usize) -> f64 {
        if self.samples == 0 {
            return 0.0;
        }
        let hits: u64 = self
            .counts(index)
            .iter()
            .take(top_k.min(self.count))
            .map(|&c| u64::from(c))
            .sum();
        hits as f64 / self.samples as f64
    }

    /// The mean score (0 without samples). Sums are added in sample order,
    /// so chunking does not change them.
    pub(super) fn mean_score(&self, index: usize) -> f64 {
        if self.samples == 0 {
            return 0.0;
        }
        self.score_sums.get(index).copied().unwrap_or(0.0) / self.samples as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_use_the_nearest_rank() {
        let mut tally = Tally::new(3);
        // Initiative 0 ranks 1, 1, 2, 3 and is excluded once: 5 samples.
        for rank in [Some(1), Some(1), Some(2), Some(3), None] {
            tally.add(&[rank, None, None], &[2.0, 0.0, 0.0]);
        }
        // p10: ceil(0.5) = 1st sample -> rank 1; p50: ceil(2.5) = 3rd -> 2;
        // p90: ceil(4.5) = 5th -> excluded.
        assert_eq!(tally.percentile(0, 10), Some(1));
        assert_eq!(tally.percentile(0, 50), Some(2));
        assert_eq!(tally.percentile(0, 90), None);
        assert_eq!(tally.top_k_share(0, 2), 0.6);
        assert_eq!(tally.mean_score(0), 2.0);
    }
}
