//! A tighter bound for the search: one 0/1 knapsack over the capacity left
//! in all periods together, solved exactly by dynamic programming.
//!
//! The Lagrangian bound of [`super::bound`] is a linear relaxation: it lets
//! a fraction of an initiative fill the last gap. When efforts are whole
//! multiples of a small step (person-months in halves or quarters, as teams
//! estimate them) the knapsack over the summed capacity can be solved
//! exactly in capacity steps, which removes that fraction. Keeping the summed
//! capacity while pricing each period's own capacity (prices above the
//! cheapest period only) stays a valid bound for any prices.

use super::bound::fits;
use super::model::{cell, Model, EPS};
use super::node::Node;

/// The most capacity steps the table may have: beyond it the bound falls
/// back to the linear relaxation alone.
const MAX_STEPS: usize = 40_000;

/// Step sizes tried, as steps per person-month, smallest table first.
const SCALES: [f64; 7] = [1.0, 2.0, 4.0, 10.0, 20.0, 100.0, 1000.0];

/// Efforts and capacities measured in whole capacity steps.
#[derive(Debug, Clone)]
pub(crate) struct Steps {
    /// Steps per person-month.
    pub scale: f64,
    /// Each initiative's effort in steps.
    pub effort: Vec<usize>,
}

impl Steps {
    /// The coarsest step in which every effort that may be planned is a
    /// whole number, when the total capacity then fits in the table.
    pub fn new(model: &Model) -> Option<Steps> {
        let total: f64 = model.capacity.iter().map(|c| c.max(0.0)).sum();
        let open = model.domain.iter().filter(|d| d.may_in).count();
        SCALES.iter().copied().find_map(|scale| {
            // The table has a row per open initiative and a column per step:
            // past MAX_CELLS it costs more per search step than it saves.
            let cells = (open as f64 + 1.0) * (total * scale + 1.0);
            if total * scale > MAX_STEPS as f64 || total.is_nan() || cells > MAX_CELLS as f64 {
                return None;
            }
            let effort = model
                .effort
                .iter()
                .zip(&model.domain)
                .map(|(&e, d)| {
                    let steps = (e * scale).round();
                    let whole = (e * scale - steps).abs() <= 1e-6 && steps >= 0.0;
                    match (whole, d.may_in) {
                        (true, _) => Some(steps as usize),
                        // Never planned: its effort does not matter.
                        (false, false) => Some(0),
                        (false, true) => None,
                    }
                })
                .collect::<Option<Vec<usize>>>()?;
            Some(Steps { scale, effort })
        })
    }

    /// Whole steps in `amount` person-months, rounded down.
    pub(crate) fn room(&self, amount: f64) -> usize {
        let steps = (amount.max(0.0) * self.scale + EPS * self.scale).floor();
        if steps >= MAX_STEPS as f64 {
            MAX_STEPS
        } else {
            steps as usize
        }
    }
}

/// The knapsack bound at `node`, and (when `keep_choice`) the initiatives
/// it puts in, each with its best period. `None` when the node has no
/// completion (must-in work exceeds the room or has nowhere to go).
pub(crate) fn knapsack_bound(
    model: &Model,
    node: &Node,
    steps: &Steps,
    pi: &[f64],
    adjusted: &[f64],
    table: &mut Vec<f64>,
    keep_choice: bool,
) -> Option<(f64, Vec<Option<usize>>)> {
    let periods = model.periods;
    // Only the part of each price above the cheapest period is kept: the
    // summed-capacity row already charges the common part exactly.
    let floor = pi.iter().copied().fold(f64::INFINITY, f64::min);
    let floor = if floor.is_finite() {
        floor.max(0.0)
    } else {
        0.0
    };
    let mut constant = 0.0;
    let mut room_total = 0.0;
    for (&r, &p) in node.remaining.iter().zip(pi) {
        constant += r.max(0.0) * (p - floor).max(0.0);
        room_total += r.max(0.0);
    }
    let mut room = steps.room(room_total);
    // Open initiatives that may be planned, with their best reduced value
    // and period (must-in ones take their room up front).
    let mut entry: Vec<Option<Item>> = vec![None; model.len()];
    let mut choice = vec![None; if keep_choice { model.len() } else { 0 }];
    for (i, slot) in node.assigned.iter().enumerate() {
        match slot {
            Some(Some(t)) => constant += adjusted.get(cell(i, periods, *t)).copied()?,
            Some(None) => {}
            None => {
                let domain = node.domains.get(i)?;
                let effort = model.effort.get(i).copied().unwrap_or(0.0);
                let mut best = f64::NEG_INFINITY;
                let mut period = 0;
                if domain.may_in {
                    for t in domain.lo..=domain.hi {
                        if fits(model, node, i, t) {
                            let price = (pi.get(t).copied().unwrap_or(0.0) - floor).max(0.0);
                            let reduced =
                                adjusted.get(cell(i, periods, t)).copied()? - effort * price;
                            if reduced > best {
                                best = reduced;
                                period = t;
                            }
                        }
                    }
                }
                let size = steps.effort.get(i).copied()?;
                if !domain.may_out {
                    // Must be in: it takes its room whatever happens.
                    if best == f64::NEG_INFINITY {
                        return None;
                    }
                    room = room.checked_sub(size)?;
                    constant += best;
                    if let Some(c) = choice.get_mut(i) {
                        *c = Some(period);
                    }
                } else if best > f64::NEG_INFINITY {
                    if let Some(e) = entry.get_mut(i) {
                        *e = Some(Item {
                            size,
                            value: best,
                            period,
                        });
                    }
                }
            }
        }
    }
    let forest = Forest::new(model, node, &entry);
    let value = forest.solve(room, table, keep_choice.then_some(&mut choice));
    Some((constant + value, choice))
}

#[derive(Debug, Clone, Copy)]
struct Item {
    size: usize,
    value: f64,
    period: usize,
}

/// The open initiatives as a forest along dependencies (one prerequisite
/// kept per initiative: dropping the others only loosens the bound), in
/// depth-first order, so a dependent can be taken only with its
/// prerequisite.
struct Forest {
    /// Initiative and item, in depth-first order.
    order: Vec<(usize, Item)>,
    /// For each position, the position just after its subtree.
    end: Vec<usize>,
}

/// The most cells the table may have (16 MB), so each search step stays
/// cheap and small in memory; beyond it the knapsack bound is not used.
const MAX_CELLS: usize = 2_000_000;

impl Forest {
    fn new(model: &Model, node: &Node, entry: &[Option<Item>]) -> Forest {
        let n = model.len();
        let mut usable: Vec<bool> = entry.iter().map(Option::is_some).collect();
        // An initiative whose open prerequisite cannot be planned cannot be
        // planned either; chains are followed by repeating until settled.
        let blocked = |i: usize, usable: &[bool]| {
            model.prerequisites_of(i).iter().any(|&j| {
                let open = node.assigned.get(j).is_some_and(|a| a.is_none());
                let must = node.domains.get(j).is_some_and(|d| !d.may_out);
                open && !must && usable.get(j) != Some(&true)
            })
        };
        for _ in 0..n {
            let mut changed = false;
            for i in 0..n {
                if usable.get(i) == Some(&true) && blocked(i, &usable) {
                    if let Some(u) = usable.get_mut(i) {
                        *u = false;
                    }
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        let parent: Vec<Option<usize>> = (0..n)
            .map(|i| {
                if usable.get(i) != Some(&true) {
                    return None;
                }
                model
                    .prerequisites_of(i)
                    .iter()
                    .copied()
                    .find(|&j| usable.get(j) == Some(&true) && j != i)
            })
            .collect();
        // Dependencies have no cycles, so neither has the forest.
        let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (i, p) in parent.iter().enumerate() {
            if let Some(list) = p.and_then(|p| children.get_mut(p)) {
                list.push(i);
            }
        }
        let mut order = Vec::new();
        let mut end = Vec::new();
        // Iterative depth-first walk: (initiative, its position once entered).
        let mut stack: Vec<(usize, Option<usize>)> = (0..n)
            .rev()
            .filter(|&i| usable.get(i) == Some(&true) && parent.get(i) == Some(&None))
            .map(|i| (i, None))
            .collect();
        while let Some((i, position)) = stack.pop() {
            match position {
                None => {
                    let Some(item) = entry.get(i).copied().flatten() else {
                        continue;
                    };
                    let at = order.len();
                    order.push((i, item));
                    end.push(at.saturating_add(1));
                    stack.push((i, Some(at)));
                    for &c in children
                        .get(i)
                        .map(Vec::as_slice)
                        .unwrap_or(&[])
                        .iter()
                        .rev()
                    {
                        stack.push((c, None));
                    }
                }
                Some(at) => {
                    let after = order.len();
                    if let Some(e) = end.get_mut(at) {
                        *e = after;
                    }
                }
            }
        }
        Forest { order, end }
    }

    /// The most value that fits in `room` steps, taking a dependent only
    /// with its prerequisite; with `choice`, writes the period of each
    /// initiative taken.
    fn solve(
        &self,
        room: usize,
        table: &mut Vec<f64>,
        choice: Option<&mut Vec<Option<usize>>>,
    ) -> f64 {
        let width = room.saturating_add(1);
        let rows = self.order.len().saturating_add(1);
        let Some(cells) = rows.checked_mul(width).filter(|&c| c <= MAX_CELLS) else {
            return self.solve_flat(room, table);
        };
        table.clear();
        table.resize(cells, 0.0);
        // Row k: the best over positions k and after (the last row is empty: 0).
        for k in (0..self.order.len()).rev() {
            let (Some(&(_, item)), Some(&skip)) = (self.order.get(k), self.end.get(k)) else {
                continue;
            };
            let next = k.saturating_add(1);
            for w in 0..width {
                let without = table.get(cell(skip, width, w)).copied().unwrap_or(0.0);
                let with = match w.checked_sub(item.size) {
                    Some(left) => table
                        .get(cell(next, width, left))
                        .map_or(f64::NEG_INFINITY, |v| v + item.value),
                    None => f64::NEG_INFINITY,
                };
                if let Some(slot) = table.get_mut(cell(k, width, w)) {
                    *slot = without.max(with);
                }
            }
        }
        let best = table.get(room).copied().unwrap_or(0.0);
        if let Some(choice) = choice {
            let (mut k, mut w) = (0usize, room);
            while let (Some(&(i, item)), Some(&skip)) = (self.order.get(k), self.end.get(k)) {
                let here = table.get(cell(k, width, w)).copied().unwrap_or(0.0);
                let without = table.get(cell(skip, width, w)).copied().unwrap_or(0.0);
                if here > without && w >= item.size {
                    if let Some(c) = choice.get_mut(i) {
                        *c = Some(item.period);
                    }
                    w = w.saturating_sub(item.size);
                    k = k.saturating_add(1);
                } else {
                    k = skip;
                }
            }
        }
        best
    }

    /// The plain knapsack (dependencies dropped) in one row, for tables too
    /// big to keep.
    fn solve_flat(&self, room: usize, table: &mut Vec<f64>) -> f64 {
        let width = room.saturating_add(1);
        table.clear();
        table.resize(width, 0.0);
        for &(_, item) in &self.order {
            if item.value <= 0.0 || item.size > room {
                continue;
            }
            // Downwards, so each item is counted once.
            for w in (item.size..width).rev() {
                let Some(&without) = table.get(w.saturating_sub(item.size)) else {
                    continue;
                };
                if let Some(entry) = table.get_mut(w) {
                    *entry = entry.max(without + item.value);
                }
            }
        }
        table.get(room).copied().unwrap_or(0.0)
    }
}

/// Profits with the targets priced in, the bound they give, and the
/// choices worth packing into a plan.
pub(crate) type PricedTargets = (Vec<f64>, f64, Vec<Vec<Option<usize>>>);

/// The knapsack bound with the allocation targets priced in: one multiplier
/// per target row summed over the periods (every per-period row implies
/// its sum, so pricing the sum stays valid), tuned by subgradient steps
/// towards the best plan known (`lower`). Returns the adjusted profits,
/// the bound, and every choice met on the way that meets the summed
/// targets (the best candidates to pack into a plan).
pub(crate) fn tune_targets(
    model: &Model,
    node: &Node,
    steps: &Steps,
    pi: &[f64],
    base: &[f64],
    lower: f64,
    table: &mut Vec<f64>,
) -> Option<PricedTargets> {
    let periods = model.periods;
    // One row per (target, min or max), whatever the scope.
    let mut rows: Vec<super::model::Quota> = Vec::new();
    for quota in &model.quotas {
        let summed = super::model::Quota {
            period: None,
            ..*quota
        };
        if !rows.contains(&summed) {
            rows.push(summed);
        }
    }
    let coefficient = |r: &super::model::Quota, i: usize| model.quota_coefficient(r, i, 0);
    let (first, choice) = knapsack_bound(model, node, steps, pi, base, table, true)?;
    let mut candidates = Vec::new();
    if rows.is_empty() {
        candidates.push(choice);
        return Some((base.to_vec(), first, candidates));
    }
    let mut lambda = vec![0.0; rows.len()];
    let mut best = (first, base.to_vec());
    let mut values = base.to_vec();
    let mut scale = 1.0;
    let mut since_better = 0u32;
    let mut choice = choice;
    let mut bound = first;
    let lower = if lower.is_finite() {
        lower
    } else {
        first * 0.97
    };
    for _ in 0..60 {
        let gradient: Vec<f64> = rows
            .iter()
            .map(|r| {
                choice
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| c.is_some())
                    .map(|(i, _)| coefficient(r, i))
                    .sum::<f64>()
                    + node
                        .assigned
                        .iter()
                        .enumerate()
                        .filter(|(_, a)| a.is_some_and(|t| t.is_some()))
                        .map(|(i, _)| coefficient(r, i))
                        .sum::<f64>()
            })
            .collect();
        if gradient.iter().all(|&g| g >= -EPS) {
            candidates.push(choice.clone());
        }
        let norm: f64 = gradient
            .iter()
            .zip(&lambda)
            .map(|(&g, &l)| if g > 0.0 && l <= 0.0 { 0.0 } else { g * g })
            .sum();
        if norm <= 0.0 || scale < 1e-3 {
            break;
        }
        let step = scale * (bound - lower).max(1e-6 * bound.abs().max(1.0)) / norm;
        for (l, g) in lambda.iter_mut().zip(&gradient) {
            *l = (*l - step * g).max(0.0);
        }
        for (k, v) in values.iter_mut().enumerate() {
            let i = k.checked_div(periods).unwrap_or(0);
            let priced: f64 = rows
                .iter()
                .zip(&lambda)
                .map(|(r, l)| l * coefficient(r, i))
                .sum();
            *v = base.get(k).copied().unwrap_or(0.0) + priced;
        }
        let (next, next_choice) = knapsack_bound(model, node, steps, pi, &values, table, true)?;
        bound = next;
        choice = next_choice;
        if bound < best.0 - 1e-9 * best.0.abs().max(1.0) {
            best = (bound, values.clone());
            since_better = 0;
        } else {
            since_better = since_better.saturating_add(1);
            if since_better >= 5 {
                scale /= 2.0;
                since_better = 0;
            }
        }
        if best.0 <= lower {
            break;
        }
    }
    let (bound, values) = best;
    Some((values, bound, candidates))
}
