//! The upper bound that lets branch and bound prune: a Lagrangian
//! relaxation of the capacities and the allocation targets.
//!
//! For prices `pi[t] >= 0` on each period's remaining capacity and
//! multipliers `lambda[r] >= 0` on each target row, any plan completing the
//! current partial one is worth at most
//! `fixed + sum_t pi[t] x remaining[t] + sum_open max(0 if it may stay out,
//! max_t adjusted[i][t] - effort[i] x pi[t])`, where `adjusted` adds each
//! target row's multiplier times the initiative's coefficient in it. The
//! bound holds for *any* prices, so the prices are only tuned (by exact line
//! searches along a few directions), never required to be optimal.

use super::model::{cell, Model, EPS};
use super::node::Node;

/// The directions along which prices are tuned: each period alone, every
/// prefix and suffix of periods, and (with few periods) every subset.
pub(crate) fn directions(periods: usize, all_subsets: bool) -> Vec<Vec<bool>> {
    let mut out: Vec<Vec<bool>> = Vec::new();
    let mut push = |d: Vec<bool>| {
        if d.iter().any(|&x| x) && !out.contains(&d) {
            out.push(d);
        }
    };
    push(vec![true; periods]);
    if all_subsets && periods <= 4 {
        for mask in 1u32..(1u32 << periods) {
            push((0..periods).map(|t| mask & (1 << t) != 0).collect());
        }
    }
    for t in 0..periods {
        push((0..periods).map(|s| s == t).collect());
        push((0..periods).map(|s| s <= t).collect());
        push((0..periods).map(|s| s >= t).collect());
    }
    out
}

/// Whether initiative `i` fits in period `t` of this node.
pub(crate) fn fits(model: &Model, node: &Node, i: usize, t: usize) -> bool {
    let effort = model.effort.get(i).copied().unwrap_or(f64::INFINITY);
    let room = node.remaining.get(t).copied().unwrap_or(0.0);
    if effort > room + EPS {
        return false;
    }
    match model.team.get(i).copied().flatten() {
        Some(team) => {
            let index = cell(team, model.periods, t);
            node.team_remaining
                .get(index)
                .is_some_and(|&r| effort <= r + EPS)
        }
        None => true,
    }
}

/// The bound at prices `pi`, with adjusted profits given by `adjusted`.
/// `None` means no completion exists (a must-in initiative has nowhere to go).
pub(crate) fn evaluate(
    model: &Model,
    node: &Node,
    pi: &[f64],
    adjusted: &dyn Fn(usize, usize) -> f64,
) -> Option<f64> {
    let mut total: f64 = node
        .remaining
        .iter()
        .zip(pi)
        .map(|(r, p)| r.max(0.0) * p)
        .sum();
    for (i, slot) in node.assigned.iter().enumerate() {
        match slot {
            Some(Some(t)) => total += adjusted(i, *t),
            Some(None) => {}
            None => {
                let (inside, outside) = best_reduced(model, node, i, pi, adjusted, &[])?;
                let best = inside.max(outside);
                if best == f64::NEG_INFINITY {
                    return None;
                }
                total += best;
            }
        }
    }
    Some(total)
}

/// The best reduced profit (adjusted profit less effort at the period's
/// price) of open initiative `i`, over the periods in `moved` and over the
/// others; leaving it out counts among the others, at 0, when allowed.
/// `NEG_INFINITY` where there is no choice; `None` for an unknown initiative.
#[inline]
fn best_reduced<F: Fn(usize, usize) -> f64 + ?Sized>(
    model: &Model,
    node: &Node,
    i: usize,
    pi: &[f64],
    adjusted: &F,
    moved: &[bool],
) -> Option<(f64, f64)> {
    let domain = node.domains.get(i)?;
    let effort = model.effort.get(i).copied().unwrap_or(0.0);
    let mut inside = f64::NEG_INFINITY;
    let mut outside = if domain.may_out {
        0.0
    } else {
        f64::NEG_INFINITY
    };
    if domain.may_in {
        for t in domain.lo..=domain.hi {
            if fits(model, node, i, t) {
                let price = pi.get(t).copied().unwrap_or(0.0);
                let reduced = adjusted(i, t) - effort * price;
                if moved.get(t) == Some(&true) {
                    inside = inside.max(reduced);
                } else {
                    outside = outside.max(reduced);
                }
            }
        }
    }
    Some((inside, outside))
}

/// One exact line search: moves the prices of the periods in `direction`
/// by the same step, to where the bound is smallest. Returns the new bound,
/// or `None` when the node has no completion.
pub(crate) fn line_search(
    model: &Model,
    node: &Node,
    pi: &mut [f64],
    direction: &[bool],
    adjusted: &[f64],
    scratch: &mut Vec<(f64, f64)>,
) -> Option<f64> {
    let periods = model.periods;
    let adj = |i: usize, t: usize| adjusted.get(cell(i, periods, t)).copied().unwrap_or(0.0);
    let mut constant = 0.0;
    let mut room = 0.0;
    let mut lowest_price = f64::INFINITY;
    for ((&r, &p), &d) in node.remaining.iter().zip(pi.iter()).zip(direction) {
        constant += r.max(0.0) * p;
        if d {
            room += r.max(0.0);
            lowest_price = lowest_price.min(p);
        }
    }
    // Items that must take a moved period whatever the step.
    let mut always = 0.0;
    let mut always_value = 0.0;
    scratch.clear();
    for (i, slot) in node.assigned.iter().enumerate() {
        match slot {
            Some(Some(t)) => constant += adj(i, *t),
            Some(None) => {}
            None => {
                let effort = model.effort.get(i).copied().unwrap_or(0.0);
                let (inside, outside) = best_reduced(model, node, i, pi, &adj, direction)?;
                match (inside > f64::NEG_INFINITY, outside > f64::NEG_INFINITY) {
                    (false, false) => return None,
                    (false, true) => constant += outside,
                    (true, false) => {
                        always += effort;
                        always_value += inside;
                    }
                    (true, true) => {
                        constant += outside;
                        scratch.push(((inside - outside) / effort, effort));
                    }
                }
            }
        }
    }
    if always > room + EPS {
        // Work that must go into these periods does not fit in them.
        return None;
    }
    let lowest_step = -lowest_price;
    scratch.sort_unstable_by(|a, b| b.0.total_cmp(&a.0));
    let mut step = lowest_step;
    let mut taken = always;
    for &(breakpoint, effort) in scratch.iter() {
        if breakpoint <= lowest_step {
            break;
        }
        taken += effort;
        if taken > room {
            step = breakpoint;
            break;
        }
    }
    let mut value = constant + step * room + always_value - step * always;
    for &(breakpoint, effort) in scratch.iter() {
        if breakpoint <= step {
            break;
        }
        value += effort * (breakpoint - step);
    }
    for (p, &d) in pi.iter_mut().zip(direction) {
        if d {
            *p = (*p + step).max(0.0);
        }
    }
    Some(value)
}

/// Tunes the prices with line searches along `directions` until a sweep
/// improves the bound by less than a relative `tolerance`, at most
/// `sweeps` times, stopping early once the bound falls to `target`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn tune(
    model: &Model,
    node: &Node,
    pi: &mut [f64],
    directions: &[Vec<bool>],
    adjusted: &[f64],
    scratch: &mut Vec<(f64, f64)>,
    sweeps: usize,
    target: f64,
) -> Option<f64> {
    let periods = model.periods;
    let adj = |i: usize, t: usize| adjusted.get(cell(i, periods, t)).copied().unwrap_or(0.0);
    let mut bound = evaluate(model, node, pi, &adj)?;
    for _ in 0..sweeps {
        let start = bound;
        for direction in directions {
            bound = bound.min(line_search(model, node, pi, direction, adjusted, scratch)?);
            if bound <= target {
                return Some(bound);
            }
        }
        if start - bound <= 1e-9 * start.abs().max(1.0) {
            break;
        }
    }
    Some(bound)
}

/// At the root: tunes the capacity prices and the target multipliers
/// together by subgradient steps (Polyak's step towards the best plan
/// known, `lower`), then polishes the prices with line searches. Returns
/// the adjusted profits to use for the whole search and the bound.
pub(crate) fn tune_root(
    model: &Model,
    node: &Node,
    pi: &mut [f64],
    directions: &[Vec<bool>],
    lower: f64,
) -> Option<Tuned> {
    let periods = model.periods;
    let n = model.len();
    let base: Vec<f64> = (0..n)
        .flat_map(|i| (0..periods).map(move |t| (i, t)))
        .map(|(i, t)| model.profit(i, t))
        .collect();
    let mut scratch = Vec::with_capacity(n);
    let mut bound = tune(
        model,
        node,
        pi,
        directions,
        &base,
        &mut scratch,
        20,
        f64::NEG_INFINITY,
    )?;
    // Multipliers: one per target row, then one per dependency edge
    // (prerequisite in >= dependent in).
    let edges: Vec<(usize, usize)> = model
        .prerequisites
        .iter()
        .enumerate()
        .flat_map(|(i, list)| list.iter().map(move |&j| (j, i)))
        .collect();
    if model.quotas.is_empty() && edges.is_empty() {
        return Some(Tuned {
            adjusted: base.clone(),
            targets_only: base,
            bound,
        });
    }
    let rows = model.quotas.len();
    let coefficients: Vec<f64> = (0..n)
        .flat_map(|i| (0..periods).map(move |t| (i, t)))
        .flat_map(|(i, t)| {
            model
                .quotas
                .iter()
                .map(move |q| model.quota_coefficient(q, i, t))
        })
        .collect();
    let adjust = |lambda: &[f64], mu: &[f64]| -> Vec<f64> {
        let mut out: Vec<f64> = base
            .iter()
            .enumerate()
            .map(|(k, &b)| {
                let row = coefficients
                    .get(cell(k, rows, 0)..cell(k, rows, rows))
                    .unwrap_or(&[]);
                b + row.iter().zip(lambda).map(|(c, l)| c * l).sum::<f64>()
            })
            .collect();
        for (&(j, i), &m) in edges.iter().zip(mu) {
            for t in 0..periods {
                if let Some(v) = out.get_mut(cell(j, periods, t)) {
                    *v += m;
                }
                if let Some(v) = out.get_mut(cell(i, periods, t)) {
                    *v -= m;
                }
            }
        }
        out
    };
    let mut lambda = vec![0.0; rows];
    let mut mu = vec![0.0; edges.len()];
    let mut best = (bound, pi.to_vec(), lambda.clone(), mu.clone());
    let mut current_pi = pi.to_vec();
    let mut step_scale = 2.0;
    let mut since_better: u32 = 0;
    let target = if lower.is_finite() {
        lower
    } else {
        bound * 0.95
    };
    for _ in 0..300 {
        let adjusted = adjust(&lambda, &mu);
        let Some((value, gradient_pi, gradient_lambda, chosen)) =
            relaxed_gradient(model, node, &current_pi, &adjusted, &coefficients, rows)
        else {
            break;
        };
        let gradient_mu: Vec<f64> = edges
            .iter()
            .map(|&(j, i)| {
                let is_in = |x: usize| {
                    if chosen.get(x) == Some(&true) {
                        1.0
                    } else {
                        0.0
                    }
                };
                is_in(j) - is_in(i)
            })
            .collect();
        if value < best.0 - 1e-9 * best.0.abs().max(1.0) {
            best = (value, current_pi.clone(), lambda.clone(), mu.clone());
            since_better = 0;
        } else {
            since_better = since_better.saturating_add(1);
            if since_better >= 15 {
                step_scale /= 2.0;
                since_better = 0;
            }
        }
        let norm: f64 = gradient_pi
            .iter()
            .chain(&gradient_lambda)
            .chain(&gradient_mu)
            .map(|g| g * g)
            .sum();
        if norm <= 0.0 || step_scale < 1e-4 {
            break;
        }
        let step = step_scale * (value - target).max(1e-9 * value.abs().max(1.0)) / norm;
        for (p, g) in current_pi.iter_mut().zip(&gradient_pi) {
            *p = (*p - step * g).max(0.0);
        }
        for (l, g) in lambda.iter_mut().zip(&gradient_lambda) {
            *l = (*l - step * g).max(0.0);
        }
        for (m, g) in mu.iter_mut().zip(&gradient_mu) {
            *m = (*m - step * g).max(0.0);
        }
    }
    let (_, best_pi, best_lambda, best_mu) = best;
    pi.copy_from_slice(&best_pi);
    let adjusted = adjust(&best_lambda, &best_mu);
    let targets_only = adjust(&best_lambda, &vec![0.0; best_mu.len()]);
    bound = tune(
        model,
        node,
        pi,
        directions,
        &adjusted,
        &mut scratch,
        20,
        f64::NEG_INFINITY,
    )?;
    Some(Tuned {
        adjusted,
        targets_only,
        bound,
    })
}

/// What [`tune_root`] settles on.
pub(crate) struct Tuned {
    /// Profits adjusted by the target and dependency multipliers.
    pub adjusted: Vec<f64>,
    /// Profits adjusted by the target multipliers only, for bounds that
    /// keep the dependencies themselves (the knapsack bound).
    pub targets_only: Vec<f64>,
    /// The bound at the root.
    pub bound: f64,
}

/// The relaxed bound, its subgradient for the prices and the target
/// multipliers, and which initiatives the relaxation puts in.
type Relaxed = (f64, Vec<f64>, Vec<f64>, Vec<bool>);

/// The bound at `(pi, adjusted)` and its subgradient: for each period the
/// room left minus what the relaxed choices put there, and for each target
/// row its value at the relaxed choices.
fn relaxed_gradient(
    model: &Model,
    node: &Node,
    pi: &[f64],
    adjusted: &[f64],
    coefficients: &[f64],
    rows: usize,
) -> Option<Relaxed> {
    let periods = model.periods;
    let mut value: f64 = node
        .remaining
        .iter()
        .zip(pi)
        .map(|(r, p)| r.max(0.0) * p)
        .sum();
    let mut gradient_pi: Vec<f64> = node.remaining.iter().map(|r| r.max(0.0)).collect();
    let mut gradient_lambda = vec![0.0; rows];
    let mut chosen = vec![false; node.assigned.len()];
    let add_row = |i: usize, t: usize, gradient_lambda: &mut Vec<f64>| {
        let k = cell(i, periods, t);
        let row = coefficients
            .get(cell(k, rows, 0)..cell(k, rows, rows))
            .unwrap_or(&[]);
        for (g, c) in gradient_lambda.iter_mut().zip(row) {
            *g += c;
        }
    };
    for (i, slot) in node.assigned.iter().enumerate() {
        match slot {
            Some(Some(t)) => {
                value += adjusted.get(cell(i, periods, *t)).copied().unwrap_or(0.0);
                add_row(i, *t, &mut gradient_lambda);
                if let Some(c) = chosen.get_mut(i) {
                    *c = true;
                }
            }
            Some(None) => {}
            None => {
                let domain = node.domains.get(i)?;
                let effort = model.effort.get(i).copied().unwrap_or(0.0);
                let mut best = if domain.may_out {
                    0.0
                } else {
                    f64::NEG_INFINITY
                };
                let mut choice = None;
                if domain.may_in {
                    for t in domain.lo..=domain.hi {
                        if fits(model, node, i, t) {
                            let price = pi.get(t).copied().unwrap_or(0.0);
                            let reduced = adjusted.get(cell(i, periods, t)).copied().unwrap_or(0.0)
                                - effort * price;
                            if reduced > best {
                                best = reduced;
                                choice = Some(t);
                            }
                        }
                    }
                }
                if best == f64::NEG_INFINITY {
                    return None;
                }
                value += best;
                if let Some(t) = choice {
                    if let Some(g) = gradient_pi.get_mut(t) {
                        *g -= effort;
                    }
                    add_row(i, t, &mut gradient_lambda);
                    if let Some(c) = chosen.get_mut(i) {
                        *c = true;
                    }
                }
            }
        }
    }
    Some((value, gradient_pi, gradient_lambda, chosen))
}

/// Reduced-cost fixing: a decision that would take the bound to `target` or
/// below cannot lead to a better plan, so it is removed from the domain
/// (periods at either end of the range, or staying out). Returns the
/// initiatives whose domain changed.
pub(crate) fn fix_by_reduced_cost(
    model: &Model,
    node: &mut Node,
    pi: &[f64],
    adjusted: &[f64],
    bound: f64,
    target: f64,
) -> Vec<usize> {
    let periods = model.periods;
    let mut changed = Vec::new();
    for i in 0..node.assigned.len() {
        if node.assigned.get(i).is_some_and(|a| a.is_some()) {
            continue;
        }
        let Some(domain) = node.domains.get(i).copied() else {
            continue;
        };
        let effort = model.effort.get(i).copied().unwrap_or(0.0);
        let reduced = |t: usize| {
            if fits(model, node, i, t) {
                adjusted.get(cell(i, periods, t)).copied().unwrap_or(0.0)
                    - effort * pi.get(t).copied().unwrap_or(0.0)
            } else {
                f64::NEG_INFINITY
            }
        };
        let adj = |i: usize, t: usize| adjusted.get(cell(i, periods, t)).copied().unwrap_or(0.0);
        let Some((inside, outside)) = best_reduced(model, node, i, pi, &adj, &[]) else {
            continue;
        };
        let best = inside.max(outside);
        let hopeless = |value: f64| bound - best + value <= target;
        let mut narrowed = domain;
        if narrowed.may_in {
            while narrowed.lo <= narrowed.hi && hopeless(reduced(narrowed.lo)) {
                narrowed.lo = narrowed.lo.saturating_add(1);
            }
            while narrowed.hi > narrowed.lo && hopeless(reduced(narrowed.hi)) {
                narrowed.hi = narrowed.hi.saturating_sub(1);
            }
            if narrowed.lo > narrowed.hi
                || (narrowed.lo == narrowed.hi && hopeless(reduced(narrowed.lo)))
            {
                narrowed.may_in = false;
            }
        }
        if narrowed.may_out && narrowed.may_in && hopeless(0.0) {
            narrowed.may_out = false;
        }
        if narrowed != domain {
            if let Some(slot) = node.domains.get_mut(i) {
                *slot = narrowed;
            }
            changed.push(i);
        }
    }
    changed
}
