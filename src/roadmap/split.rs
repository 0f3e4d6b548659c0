//! A bound that keeps each period whole: its own capacity and its own
//! allocation targets are met exactly, and only "each initiative in at most
//! one period" is priced, with one Lagrangian multiplier per initiative.
//! Dependencies and team capacities are left out (which only loosens it).
//!
//! The summed-capacity knapsack of [`super::knapsack`] sees a target set for
//! each period only summed over the plan, so with such targets its bound
//! stays a few percent above the best plan. Here each period is a problem
//! of its own: for each kind of work, the best value for every exact amount
//! of that kind's effort (a knapsack by dynamic programming in capacity
//! steps), then the best mix of the kinds that meets the period's targets.
//! For multipliers `mu` (at least 0; any sign for initiatives that must be
//! in) any plan completing the node is worth at most
//! `fixed + sum_i mu[i] + sum_t best_t(values - mu)`.

use super::bound::fits;
use super::knapsack::Steps;
use super::model::{cell, Model};
use super::node::Node;
use std::collections::VecDeque;

/// Kinds of work ([`crate::WorkKind::ALL`]).
const KINDS: usize = 3;
const LAST_KIND: usize = 2;

/// Slack when checking a mix against a target, looser than the plan's own
/// check so that rounding never cuts off a valid plan.
const TOLERANCE: f64 = 1e-7;

/// The most table cells one evaluation may fill: beyond it the bound is not
/// used, so a search step stays cheap.
const MAX_CELLS: usize = 1_000_000;

/// The most capacity steps one period may have: the mix of kinds is
/// searched over pairs of amounts, so the work grows with its square.
const MAX_WIDTH: usize = 1_000;

/// Table cells the root may fill while tuning its multipliers (about a
/// tenth of a second).
const ROOT_WORK: f64 = 5e7;

/// The period targets as rows: per period, each target's coefficient per
/// kind (a mix `u` of efforts by kind meets it when `row . u >= 0`).
pub(crate) struct Split {
    rows: Vec<Vec<[f64; KINDS]>>,
    /// Dependencies as (prerequisite, dependent). Each has a multiplier per
    /// period `t` on "the dependent in `t` only after the prerequisite".
    edges: Vec<(usize, usize)>,
}

/// What one evaluation found.
pub(crate) struct Relaxed {
    /// The bound.
    pub value: f64,
    /// For each initiative, the periods the relaxation puts it in.
    pub periods: Vec<Vec<usize>>,
}

/// Scratch space reused between evaluations.
#[derive(Default)]
pub(crate) struct Work {
    tables: [Vec<f64>; KINDS],
    items: [Vec<(usize, usize, f64)>; KINDS],
    sparse: Vec<usize>,
    priced: Vec<f64>,
    /// Evaluations of the bound so far.
    evaluations: u64,
}

impl Split {
    /// The bound for this model, when it has targets set for each period
    /// and its tables stay small enough.
    pub fn new(model: &Model, steps: &Steps) -> Option<Split> {
        if model.quotas.iter().all(|q| q.period.is_none()) {
            return None;
        }
        let open = model.domain.iter().filter(|d| d.may_in).count();
        let widest = model
            .capacity
            .iter()
            .map(|&c| steps.room(c))
            .max()
            .unwrap_or(0);
        let cells = open
            .saturating_add(KINDS)
            .saturating_mul(widest.saturating_add(1));
        if cells > MAX_CELLS || widest > MAX_WIDTH {
            return None;
        }
        let mut rows = vec![Vec::new(); model.periods];
        for quota in &model.quotas {
            let Some(list) = quota.period.and_then(|t| rows.get_mut(t)) else {
                continue;
            };
            let mut row = [0.0; KINDS];
            for (k, slot) in row.iter_mut().enumerate() {
                let of_kind = if k == quota.kind { 1.0 } else { 0.0 };
                *slot = if quota.minimum {
                    of_kind - quota.share
                } else {
                    quota.share - of_kind
                };
            }
            list.push(row);
        }
        let edges = model
            .prerequisites
            .iter()
            .enumerate()
            .flat_map(|(i, list)| list.iter().map(move |&j| (j, i)))
            .collect();
        Some(Split { rows, edges })
    }

    /// Evaluations at the root: as many as fit in a fixed amount of table
    /// work (the same on every machine), between 30 and 2,000.
    pub fn root_rounds(&self, model: &Model, steps: &Steps) -> usize {
        let per_evaluation: f64 = model
            .capacity
            .iter()
            .map(|&c| {
                let width = steps.room(c) as f64 + 1.0;
                (model.len() as f64 + 1.0) * width + width * width / 2.0
            })
            .sum();
        let rounds = ROOT_WORK / per_evaluation.max(1.0);
        if rounds >= 2_000.0 {
            2_000
        } else if rounds <= 30.0 {
            30
        } else {
            rounds as usize
        }
    }

    /// How many multipliers [`tune`] keeps: one per initiative, then one
    /// per dependency and period.
    pub fn multipliers(&self, model: &Model) -> usize {
        model
            .len()
            .saturating_add(self.edges.len().saturating_mul(model.periods))
    }

    /// The profits with the dependency multipliers `nu` priced in: a
    /// dependent in period `t` pays its edge's price for `t`; its
    /// prerequisite in period `s` earns the prices of every period from
    /// `s + lag` on.
    fn priced(&self, model: &Model, values: &[f64], nu: &[f64], out: &mut Vec<f64>) {
        let periods = model.periods;
        out.clear();
        out.extend_from_slice(values);
        for (e, &(j, i)) in self.edges.iter().enumerate() {
            let prices = nu
                .get(cell(e, periods, 0)..cell(e, periods, periods))
                .unwrap_or(&[]);
            let mut later = 0.0;
            for t in (0..periods).rev() {
                let price = prices.get(t).copied().unwrap_or(0.0);
                if let Some(v) = out.get_mut(cell(i, periods, t)) {
                    *v -= price;
                }
                // `later` sums the prices from t + lag on.
                let from = t.saturating_add(model.lag);
                if from < periods {
                    later += prices.get(from).copied().unwrap_or(0.0);
                }
                if let Some(v) = out.get_mut(cell(j, periods, t)) {
                    *v += later;
                }
            }
        }
    }

    /// The bound at `node` for multipliers `mu`, with profits `values`
    /// (`initiative x periods + period`). `None` when some period can meet
    /// its targets with no mix at all: the node has no valid completion.
    pub fn evaluate(
        &self,
        model: &Model,
        node: &Node,
        steps: &Steps,
        values: &[f64],
        mu: &[f64],
        work: &mut Work,
    ) -> Option<Relaxed> {
        let periods = model.periods;
        let mut total = 0.0;
        let mut chosen = vec![Vec::new(); model.len()];
        for (i, slot) in node.assigned.iter().enumerate() {
            match slot {
                Some(Some(t)) => total += values.get(cell(i, periods, *t)).copied()?,
                Some(None) => {}
                None => {
                    if node.domains.get(i).is_some_and(|d| d.may_in) {
                        total += mu.get(i).copied().unwrap_or(0.0);
                    }
                }
            }
        }
        for t in 0..periods {
            total += self.period(model, node, steps, values, mu, t, work, &mut chosen)?;
        }
        Some(Relaxed {
            value: total,
            periods: chosen,
        })
    }

    /// The best mix for period `t`, adding its initiatives to `chosen`.
    #[allow(clippy::too_many_arguments)]
    fn period(
        &self,
        model: &Model,
        node: &Node,
        steps: &Steps,
        values: &[f64],
        mu: &[f64],
        t: usize,
        work: &mut Work,
        chosen: &mut [Vec<usize>],
    ) -> Option<f64> {
        let periods = model.periods;
        let rows = self.rows.get(t).map(Vec::as_slice).unwrap_or(&[]);
        let room = steps.room(node.remaining.get(t).copied().unwrap_or(0.0));
        let width = room.saturating_add(1);
        let kind_of = |i: usize| model.kind.get(i).copied().unwrap_or(0).min(LAST_KIND);
        // Effort already in this period, by kind.
        let mut fixed = [0.0; KINDS];
        for (i, slot) in node.assigned.iter().enumerate() {
            if *slot == Some(Some(t)) {
                if let Some(f) = fixed.get_mut(kind_of(i)) {
                    *f += model.effort.get(i).copied().unwrap_or(0.0);
                }
            }
        }
        for list in &mut work.items {
            list.clear();
        }
        for (i, slot) in node.assigned.iter().enumerate() {
            let allowed = node.domains.get(i).is_some_and(|d| d.allows(t));
            if slot.is_some() || !allowed || !fits(model, node, i, t) {
                continue;
            }
            let value = values.get(cell(i, periods, t)).copied()? - mu.get(i).copied()?;
            // Without targets a loss never helps; with them it may buy a mix.
            if value <= 0.0 && rows.is_empty() {
                continue;
            }
            let size = steps.effort.get(i).copied()?;
            work.items.get_mut(kind_of(i))?.push((i, size, value));
        }
        for (table, items) in work.tables.iter_mut().zip(&work.items) {
            exact_knapsack(items, width, table);
        }
        let last = |k: usize| -> &[f64] {
            let (Some(table), Some(items)) = (work.tables.get(k), work.items.get(k)) else {
                return &[];
            };
            let start = cell(items.len(), width, 0);
            table.get(start..start.saturating_add(width)).unwrap_or(&[])
        };
        // The kind with most reachable amounts is searched by range queries,
        // the other two amount by amount.
        let reachable = |k: usize| last(k).iter().filter(|v| v.is_finite()).count();
        let c = (0..KINDS).max_by_key(|&k| reachable(k)).unwrap_or(0);
        let (a, b) = match c {
            0 => (1, 2),
            1 => (0, 2),
            _ => (0, 1),
        };
        let (ga, gb, gc) = (last(a), last(b), last(c));
        build_sparse(gc, &mut work.sparse);
        let scale = steps.scale;
        let fixed_of = |k: usize| fixed.get(k).copied().unwrap_or(0.0);
        let mut best: Option<(f64, usize, usize, usize)> = None;
        for (wa, &va) in ga.iter().enumerate().filter(|(_, v)| v.is_finite()) {
            for (wb, &vb) in gb.iter().enumerate().filter(|(_, v)| v.is_finite()) {
                let Some(left) = room.checked_sub(wa).and_then(|r| r.checked_sub(wb)) else {
                    break;
                };
                let (mut lo, mut hi) = (0usize, left);
                let mut possible = true;
                for row in rows {
                    let at = |k: usize| row.get(k).copied().unwrap_or(0.0);
                    let rest = at(a) * (fixed_of(a) + wa as f64 / scale)
                        + at(b) * (fixed_of(b) + wb as f64 / scale)
                        + at(c) * fixed_of(c)
                        + TOLERANCE;
                    let per_step = at(c) / scale;
                    if per_step > 1e-12 {
                        lo = lo.max(whole_steps((-rest / per_step - 1e-9).ceil()));
                    } else if per_step < -1e-12 {
                        if rest < 0.0 {
                            possible = false;
                        } else {
                            hi = hi.min(whole_steps((rest / -per_step + 1e-9).floor()));
                        }
                    } else if rest < 0.0 {
                        possible = false;
                    }
                }
                if !possible || lo > hi {
                    continue;
                }
                let Some(wc) = range_best(gc, &work.sparse, lo, hi) else {
                    continue;
                };
                let value = va + vb + gc.get(wc).copied().unwrap_or(f64::NEG_INFINITY);
                if value.is_finite() && best.is_none_or(|(v, ..)| value > v) {
                    best = Some((value, wa, wb, wc));
                }
            }
        }
        let (value, wa, wb, wc) = best?;
        for (k, w) in [(a, wa), (b, wb), (c, wc)] {
            let (Some(table), Some(items)) = (work.tables.get(k), work.items.get(k)) else {
                continue;
            };
            take_back(table, items, width, w, |i| {
                if let Some(list) = chosen.get_mut(i) {
                    list.push(t);
                }
            });
        }
        Some(value)
    }
}

/// A step count from a float already rounded, clamped at zero and at a
/// size no table reaches.
fn whole_steps(x: f64) -> usize {
    if x <= 0.0 || x.is_nan() {
        0
    } else if x >= 1e15 {
        usize::MAX / 2
    } else {
        x as usize
    }
}

/// Row `j` of `table` (`items.len() + 1` rows, `width` columns): the best
/// value of the first `j` items using exactly `w` steps (`-inf` when no
/// choice uses exactly `w`).
fn exact_knapsack(items: &[(usize, usize, f64)], width: usize, table: &mut Vec<f64>) {
    table.clear();
    table.resize(
        cell(items.len().saturating_add(1), width, 0),
        f64::NEG_INFINITY,
    );
    if let Some(first) = table.get_mut(0) {
        *first = 0.0;
    }
    for (j, &(_, size, value)) in items.iter().enumerate() {
        let (before, after) = table.split_at_mut(cell(j.saturating_add(1), width, 0));
        let previous = before.get(cell(j, width, 0)..).unwrap_or(&[]);
        for (w, slot) in after.iter_mut().take(width).enumerate() {
            let without = previous.get(w).copied().unwrap_or(f64::NEG_INFINITY);
            let with = w
                .checked_sub(size)
                .and_then(|left| previous.get(left))
                .map_or(f64::NEG_INFINITY, |v| v + value);
            *slot = without.max(with);
        }
    }
}

/// Walks the table back from `w` steps, calling `take` for each item used.
fn take_back(
    table: &[f64],
    items: &[(usize, usize, f64)],
    width: usize,
    mut w: usize,
    mut take: impl FnMut(usize),
) {
    for j in (1..=items.len()).rev() {
        let here = table.get(cell(j, width, w)).copied();
        let without = table.get(cell(j.saturating_sub(1), width, w)).copied();
        let Some(&(i, size, _)) = items.get(j.saturating_sub(1)) else {
            continue;
        };
        if let (Some(here), Some(without)) = (here, without) {
            if here > without {
                take(i);
                w = w.saturating_sub(size);
            }
        }
    }
}

/// A sparse table of positions of maxima: level `l` holds, for each start,
/// the position of the largest of the `2^l` values from it.
fn build_sparse(values: &[f64], sparse: &mut Vec<usize>) {
    let n = values.len();
    sparse.clear();
    sparse.extend(0..n);
    let mut span = 1usize;
    let mut level = 0usize;
    while span.saturating_mul(2) <= n {
        for start in 0..n {
            let left = sparse.get(cell(level, n, start)).copied().unwrap_or(start);
            let right_start = start.saturating_add(span);
            let best = match sparse.get(cell(level, n, right_start)) {
                Some(&right) if right_start < n => better(values, left, right),
                _ => left,
            };
            sparse.push(best);
        }
        span = span.saturating_mul(2);
        level = level.saturating_add(1);
    }
}

fn better(values: &[f64], a: usize, b: usize) -> usize {
    let value = |k: usize| values.get(k).copied().unwrap_or(f64::NEG_INFINITY);
    if value(b) > value(a) {
        b
    } else {
        a
    }
}

/// The position of the largest value in `lo..=hi`, if any is finite.
fn range_best(values: &[f64], sparse: &[usize], lo: usize, hi: usize) -> Option<usize> {
    let n = values.len();
    let hi = hi.min(n.checked_sub(1)?);
    let length = hi.checked_sub(lo)?.saturating_add(1);
    let level = length.ilog2();
    let span = 1usize.checked_shl(level)?;
    let level = usize::try_from(level).ok()?;
    let left = sparse.get(cell(level, n, lo)).copied()?;
    let right = sparse
        .get(cell(level, n, hi.saturating_add(1).saturating_sub(span)))
        .copied()?;
    let best = better(values, left, right);
    values
        .get(best)
        .is_some_and(|v| v.is_finite())
        .then_some(best)
}

/// Starting multipliers: each initiative's best value less its effort at
/// the capacity prices `pi`, so the bound starts near the linear one; no
/// price on dependencies.
pub(crate) fn start(
    split: &Split,
    model: &Model,
    node: &Node,
    values: &[f64],
    pi: &[f64],
) -> Vec<f64> {
    let periods = model.periods;
    let mut mu: Vec<f64> = (0..model.len())
        .map(|i| {
            let Some(domain) = node.domains.get(i).filter(|d| d.may_in) else {
                return 0.0;
            };
            let effort = model.effort.get(i).copied().unwrap_or(0.0);
            (domain.lo..=domain.hi)
                .map(|t| {
                    values.get(cell(i, periods, t)).copied().unwrap_or(0.0)
                        - effort * pi.get(t).copied().unwrap_or(0.0)
                })
                .fold(0.0, f64::max)
        })
        .collect();
    mu.resize(split.multipliers(model), 0.0);
    mu
}

/// How long [`tune`] works on one node.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Rounds {
    /// Evaluations at most.
    pub most: usize,
    /// Evaluations without a better bound before the step is halved.
    pub patience: u32,
    /// How many of the last relaxed choices to return as plan candidates.
    pub keep: usize,
}

/// Tunes the period-by-period bound at the nodes of one search: what every
/// tuning there shares, and the scratch tables it reuses.
pub(crate) struct Tuner<'a> {
    pub split: &'a Split,
    model: &'a Model,
    steps: &'a Steps,
    /// Profit of each (initiative, period) cell.
    values: &'a [f64],
    /// Whether the search's time is up.
    late: &'a dyn Fn() -> bool,
    work: Work,
}

impl<'a> Tuner<'a> {
    /// A tuner for `model`, when it has a period-by-period bound.
    pub fn new(
        model: &'a Model,
        steps: &'a Steps,
        split: &'a Split,
        values: &'a [f64],
        late: &'a dyn Fn() -> bool,
    ) -> Self {
        Tuner {
            split,
            model,
            steps,
            values,
            late,
            work: Work::default(),
        }
    }

    /// [`tune`] at `node`, from `multipliers`.
    pub fn tune(
        &mut self,
        node: &Node,
        multipliers: &mut Vec<f64>,
        lower: f64,
        rounds: Rounds,
    ) -> Option<(f64, VecDeque<Vec<Vec<usize>>>)> {
        tune(
            self.split,
            self.model,
            node,
            self.steps,
            self.values,
            multipliers,
            lower,
            rounds,
            self.late,
            &mut self.work,
        )
    }

    /// How many times the bound has been evaluated.
    pub fn evaluations(&self) -> u64 {
        self.work.evaluations
    }

    /// As many root rounds as the fixed amount of root work allows.
    pub fn root_rounds(&self) -> usize {
        self.split.root_rounds(self.model, self.steps)
    }
}

/// Improves the multipliers by subgradient steps (Polyak's step towards
/// `lower`, the best plan known) for at most `rounds.most` evaluations,
/// fewer once `late` says the time allowed is over. Returns the best bound
/// seen, with `multipliers` set to those that gave it, and the last
/// `rounds.keep` relaxed choices (candidates for plans); `None` when the
/// node has no valid completion.
#[allow(clippy::too_many_arguments)]
fn tune(
    split: &Split,
    model: &Model,
    node: &Node,
    steps: &Steps,
    values: &[f64],
    multipliers: &mut Vec<f64>,
    lower: f64,
    rounds: Rounds,
    late: &dyn Fn() -> bool,
    work: &mut Work,
) -> Option<(f64, VecDeque<Vec<Vec<usize>>>)> {
    let n = model.len();
    let periods = model.periods;
    multipliers.resize(split.multipliers(model), 0.0);
    let mut best = f64::INFINITY;
    let mut best_multipliers = multipliers.clone();
    let mut seen = VecDeque::with_capacity(rounds.keep);
    let mut scale = 1.0;
    let mut since_better = 0u32;
    let mut priced = std::mem::take(&mut work.priced);
    for round in 0..rounds.most {
        // Any evaluation is a valid bound: past the time allowed, stop
        // after the first.
        if round > 0 && late() {
            break;
        }
        work.evaluations = work.evaluations.saturating_add(1);
        let (mu, nu) = multipliers.split_at(n.min(multipliers.len()));
        // Without dependencies there is nothing to price.
        let values = if split.edges.is_empty() {
            values
        } else {
            split.priced(model, values, nu, &mut priced);
            &priced
        };
        let Some(relaxed) = split.evaluate(model, node, steps, values, mu, work) else {
            work.priced = priced;
            return None;
        };
        if !best.is_finite() || relaxed.value < best - 1e-9 * best.abs().max(1.0) {
            best = relaxed.value;
            best_multipliers.clone_from(multipliers);
            since_better = 0;
        } else {
            since_better = since_better.saturating_add(1);
            if since_better >= rounds.patience {
                scale /= 2.0;
                since_better = 0;
            }
        }
        // Subgradient: for each open initiative 1 - the periods it is in;
        // for each dependency and period, the prerequisite's periods up to
        // `lag` before, less the dependent's presence in that period.
        let mut gradient: Vec<f64> = node
            .assigned
            .iter()
            .zip(&relaxed.periods)
            .enumerate()
            .map(|(i, (slot, list))| {
                let open = slot.is_none() && node.domains.get(i).is_some_and(|d| d.may_in);
                if open {
                    1.0 - list.len() as f64
                } else {
                    0.0
                }
            })
            .collect();
        let placed = |i: usize| {
            let (fixed, open): (Option<usize>, &[usize]) = match node.assigned.get(i) {
                Some(Some(decided)) => (*decided, &[]),
                _ => (None, relaxed.periods.get(i).map_or(&[], Vec::as_slice)),
            };
            fixed.into_iter().chain(open.iter().copied())
        };
        for &(j, i) in &split.edges {
            for t in 0..periods {
                let ready = placed(j)
                    .filter(|&s| s.saturating_add(model.lag) <= t)
                    .count() as f64;
                let there = placed(i).filter(|&s| s == t).count() as f64;
                gradient.push(ready - there);
            }
        }
        if rounds.keep > 0 {
            if seen.len() >= rounds.keep {
                seen.pop_front();
            }
            seen.push_back(relaxed.periods);
        }
        let target = if lower.is_finite() {
            lower
        } else {
            relaxed.value * 0.97
        };
        let norm: f64 = gradient.iter().map(|g| g * g).sum();
        if best <= target || norm <= 0.0 || scale < 1e-3 {
            break;
        }
        let step = scale * (best.min(relaxed.value) - target).max(1e-9) / norm;
        for (k, (m, g)) in multipliers.iter_mut().zip(&gradient).enumerate() {
            let free = k < n && node.domains.get(k).is_some_and(|d| !d.may_out);
            *m -= step * g;
            if !free {
                *m = m.max(0.0);
            }
        }
    }
    work.priced = priced;
    *multipliers = best_multipliers;
    Some((best, seen))
}

/// A valid plan from a relaxed choice: each initiative in the first period
/// it was put in, then whatever breaks a dependency taken out, then the
/// targets repaired and the plan improved. `None` if no valid plan results.
pub(crate) fn plan_from(
    model: &Model,
    node: &Node,
    periods: &[Vec<usize>],
) -> Option<Vec<Option<usize>>> {
    let mut plan = node.assignment();
    for (i, list) in periods.iter().enumerate() {
        if node.assigned.get(i).is_some_and(|a| a.is_none()) {
            if let (Some(slot), Some(&t)) = (plan.get_mut(i), list.first()) {
                *slot = Some(t);
            }
        }
    }
    for _ in 0..model.len() {
        let mut changed = false;
        for i in 0..plan.len() {
            let Some(t) = plan.get(i).copied().flatten() else {
                continue;
            };
            let waiting = model.prerequisites_of(i).iter().any(|&j| {
                plan.get(j)
                    .copied()
                    .flatten()
                    .is_none_or(|s| s.saturating_add(model.lag) > t)
            });
            if waiting && node.domains.get(i).is_some_and(|d| d.may_out) {
                if let Some(slot) = plan.get_mut(i) {
                    *slot = None;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    super::greedy::finish(model, node, plan)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roadmap::domain::Domain;
    use crate::roadmap::model::Quota;

    /// A small deterministic generator, so every run checks the same cases.
    struct Generator(u64);

    impl Generator {
        fn below(&mut self, n: u64) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0 % n
        }
    }

    /// Up to 7 initiatives over 1 to 3 periods, efforts in half
    /// person-months, values of both signs, a platform minimum and an
    /// operational maximum in each period, and some dependencies.
    fn instance(g: &mut Generator) -> Model {
        let n = 2 + g.below(6) as usize;
        let periods = 1 + g.below(3) as usize;
        let mut prerequisites = vec![Vec::new(); n];
        let mut dependents = vec![Vec::new(); n];
        for (i, list) in prerequisites.iter_mut().enumerate().skip(1) {
            if g.below(4) == 0 {
                let j = g.below(i as u64) as usize;
                list.push(j);
                dependents[j].push(i);
            }
        }
        let mut quotas = Vec::new();
        for t in 0..periods {
            quotas.push(Quota {
                kind: 1,
                share: 0.2,
                minimum: true,
                period: Some(t),
                target: 0,
            });
            quotas.push(Quota {
                kind: 2,
                share: 0.3,
                minimum: false,
                period: Some(t),
                target: 1,
            });
        }
        Model {
            periods,
            capacity: (0..periods)
                .map(|_| 1.0 + g.below(8) as f64 / 2.0)
                .collect(),
            weight: (0..periods)
                .map(|t| 1.0 + (periods - t) as f64 / 4.0)
                .collect(),
            effort: (0..n).map(|_| 0.5 + g.below(6) as f64 / 2.0).collect(),
            value: (0..n).map(|_| g.below(100) as f64 - 15.0).collect(),
            kind: (0..n).map(|_| g.below(3) as usize).collect(),
            team: vec![None; n],
            team_capacity: Vec::new(),
            prerequisites,
            dependents,
            lag: g.below(2) as usize,
            quotas,
            domain: vec![Domain::any(periods - 1); n],
        }
    }

    /// The best valid plan's value, by trying every assignment.
    fn brute_force(model: &Model) -> Option<f64> {
        let choices = model.periods + 1;
        let count = choices.pow(model.len() as u32);
        (0..count)
            .filter_map(|mut code| {
                let plan: Vec<Option<usize>> = (0..model.len())
                    .map(|_| {
                        let c = code % choices;
                        code /= choices;
                        (c < model.periods).then_some(c)
                    })
                    .collect();
                model
                    .violation(&plan)
                    .is_none()
                    .then(|| model.objective(&plan))
            })
            .max_by(f64::total_cmp)
    }

    #[test]
    fn the_bound_is_never_below_the_best_plan() {
        let mut g = Generator(0x9e37_79b9_7f4a_7c15);
        let mut checked = 0;
        for _ in 0..400 {
            let model = instance(&mut g);
            let (Some(steps), Ok(root)) = (Steps::new(&model), Node::root(&model)) else {
                continue;
            };
            let split = Split::new(&model, &steps).unwrap();
            let values: Vec<f64> = (0..model.len())
                .flat_map(|i| (0..model.periods).map(move |t| (i, t)))
                .map(|(i, t)| model.profit(i, t))
                .collect();
            let best = brute_force(&model);
            let mut multipliers = start(&split, &model, &root, &values, &vec![0.5; model.periods]);
            let tuned = tune(
                &split,
                &model,
                &root,
                &steps,
                &values,
                &mut multipliers,
                best.unwrap_or(f64::NEG_INFINITY),
                Rounds {
                    most: 200,
                    patience: 10,
                    keep: 0,
                },
                &|| false,
                &mut Work::default(),
            );
            match (best, tuned) {
                (Some(best), Some((bound, _))) => {
                    assert!(
                        bound >= best - 1e-6,
                        "bound {bound} below the best plan {best}"
                    );
                    checked += 1;
                }
                // Leaving everything out is always valid, so a plan exists.
                (None, _) => panic!("no valid plan by brute force"),
                (Some(best), None) => panic!("bound says no plan, brute force found {best}"),
            }
        }
        assert!(checked > 300, "only {checked} instances checked");
    }

    #[test]
    fn one_period_without_dependencies_is_solved_exactly() {
        let mut g = Generator(0x2545_f491_4f6c_dd1d);
        for _ in 0..300 {
            let mut model = instance(&mut g);
            model.periods = 1;
            model.capacity.truncate(1);
            model.weight.truncate(1);
            model.quotas.retain(|q| q.period == Some(0));
            model.prerequisites.iter_mut().for_each(Vec::clear);
            model.dependents.iter_mut().for_each(Vec::clear);
            model.domain = vec![Domain::any(0); model.len()];
            let (Some(steps), Ok(root)) = (Steps::new(&model), Node::root(&model)) else {
                continue;
            };
            let split = Split::new(&model, &steps).unwrap();
            let values: Vec<f64> = (0..model.len()).map(|i| model.profit(i, 0)).collect();
            // With one period and no multipliers the relaxation is the problem itself.
            let relaxed = split
                .evaluate(
                    &model,
                    &root,
                    &steps,
                    &values,
                    &vec![0.0; model.len()],
                    &mut Work::default(),
                )
                .unwrap();
            let best = brute_force(&model).unwrap();
            assert!(
                (relaxed.value - best).abs() < 1e-6,
                "{} against {best}",
                relaxed.value
            );
            let plan: Vec<Option<usize>> = relaxed
                .periods
                .iter()
                .map(|list| list.first().copied())
                .collect();
            assert!(
                model.violation(&plan).is_none(),
                "{:?}",
                model.violation(&plan)
            );
            assert!((model.objective(&plan) - best).abs() < 1e-6);
        }
    }
}
