//! Depth-first branch and bound over initiatives, best-looking first, with
//! the Lagrangian bound of [`super::bound`].

use super::bound::{self, directions, fits};
use super::knapsack::{knapsack_bound, tune_targets, Steps};
use super::model::{cell, Model};
use super::node::Node;
use super::pack::pack;
use super::split::{self, Rounds, Split, Tuner};
use std::rc::Rc;

/// Down to this depth each node tunes the targets' multipliers for its own
/// knapsack bound: the first decisions change the best prices the most.
const RETUNE_DEPTH: usize = 8;

/// At most this share of the time budget is kept back, when the search
/// stops early, for bounding what it left unexplored.
const FINAL_SHARE: f64 = 0.1;

/// Tuning of the period-by-period bound at each node, where its
/// multipliers start from the parent's: a few quick steps. (At the root
/// they start far off and take many patient steps, as many as
/// [`Split::root_rounds`] allows.)
const SPLIT_NODE: Rounds = Rounds {
    most: 6,
    patience: 4,
    keep: 0,
};

/// Limits on the search: a node count, and optionally a clock.
pub(crate) struct Budget<'a> {
    pub nodes: u64,
    /// Decide the largest initiatives first (rather than the densest).
    pub by_size: bool,
    /// Milliseconds since any fixed origin, and the time allowed.
    pub clock: Option<(&'a dyn Fn() -> f64, f64)>,
}

/// What the search found.
#[derive(Debug, Clone)]
pub(crate) struct Outcome {
    /// The best plan found (`None` if none was found).
    pub assignment: Option<Vec<Option<usize>>>,
    /// No plan is worth more than this.
    pub bound: f64,
    /// The search finished: the plan is optimal, or none exists.
    pub complete: bool,
    pub nodes: u64,
}

struct Frame {
    node: Node,
    /// Profits for the knapsack bound in this subtree (targets priced in).
    values: Rc<Vec<f64>>,
    /// Multipliers of the period-by-period bound in this subtree.
    mu: Rc<Vec<f64>>,
    pi: Vec<f64>,
    bound: f64,
    item: usize,
    choices: Vec<Option<usize>>,
    next: usize,
}

/// The part of the budget the first, plan-finding search may use.
const PROBE_SHARE: u32 = 8;

/// Searches twice from `root`. First, for an eighth of the budget, with the
/// densest initiatives (value per person-month) decided first: it finds good
/// plans early. Then, from the best plan found, with the largest initiatives
/// first, for the rest of the budget: deciding where the big ones go settles
/// the capacities and allocation targets sooner, so far fewer branches need
/// proving (half as many steps on the example with per-quarter targets),
/// but alone it finds good plans late.
pub(crate) fn solve_in_two(
    model: &Model,
    root: Node,
    incumbent: Option<Vec<Option<usize>>>,
    budget: &Budget,
) -> Outcome {
    let started = budget.clock.map(|(clock, _)| clock());
    let probe = Budget {
        nodes: budget
            .nodes
            .checked_div(u64::from(PROBE_SHARE))
            .unwrap_or(0),
        by_size: false,
        clock: budget
            .clock
            .map(|(clock, allowed)| (clock, allowed / f64::from(PROBE_SHARE))),
    };
    let first = solve(model, root.clone(), incumbent, &probe);
    if first.complete {
        return first;
    }
    let rest = Budget {
        nodes: budget.nodes.saturating_sub(first.nodes),
        by_size: true,
        clock: budget
            .clock
            .zip(started)
            .map(|((clock, allowed), start)| (clock, allowed - (clock() - start))),
    };
    let mut second = solve(model, root, first.assignment.clone(), &rest);
    second.nodes = second.nodes.saturating_add(first.nodes);
    if second.assignment.is_none() {
        second.assignment = first.assignment;
    }
    second
}

/// Searches from `root`, starting from the `incumbent` plan when one is known.
pub(crate) fn solve(
    model: &Model,
    root: Node,
    incumbent: Option<Vec<Option<usize>>>,
    budget: &Budget,
) -> Outcome {
    let started = budget.clock.map(|(clock, _)| clock());
    let late = || match (budget.clock, started) {
        (Some((clock, allowed)), Some(start)) => clock() - start >= allowed,
        _ => false,
    };
    let periods = model.periods;
    let mut best_value = f64::NEG_INFINITY;
    let mut best = None;
    if let Some(plan) = incumbent {
        if model.violation(&plan).is_none() {
            best_value = model.objective(&plan);
            best = Some(plan);
        }
    }
    let mut nodes: u64 = 1;
    let root_directions = directions(periods, true);
    // Prices are tuned along every period, prefix and suffix of periods at
    // each node: cheaper than every subset, and enough to keep the bound tight.
    let node_directions = directions(periods, false);
    let mut pi = vec![0.0; periods];
    let Some(tuned) = bound::tune_root(model, &root, &mut pi, &root_directions, best_value) else {
        return finished(best, best_value, nodes);
    };
    let (adjusted, dp_values, root_bound) = (tuned.adjusted, tuned.targets_only, tuned.bound);
    // With no plan yet (value -inf) nothing is pruned.
    let tolerance = |value: f64| {
        if value.is_finite() {
            1e-9 * value.abs().max(1.0)
        } else {
            0.0
        }
    };
    let mut scratch = Vec::with_capacity(model.len());
    let order = branching_order(model, &root, &adjusted, budget.by_size);
    let mut stack: Vec<Frame> = Vec::new();
    let mut root = root;
    consider(model, &root, &mut best, &mut best_value);
    // The knapsack over the summed capacity: a tighter bound, and its
    // choice packed into the periods is often the best plan outright.
    let steps = Steps::new(model);
    let mut table = Vec::new();
    let mut root_knapsack = f64::INFINITY;
    let mut dp_values = dp_values;
    let base: Vec<f64> = (0..model.len())
        .flat_map(|i| (0..periods).map(move |t| model.profit(i, t)))
        .collect();
    if let Some(steps) = &steps {
        // The dependencies' multipliers are not needed: the knapsack keeps
        // the dependencies themselves.
        let Some((value, choice)) =
            knapsack_bound(model, &root, steps, &pi, &dp_values, &mut table, true)
        else {
            return finished(best, best_value, nodes);
        };
        root_knapsack = value;
        let mut candidates = vec![choice];
        if !model.quotas.is_empty() {
            if let Some((values, value, more)) =
                tune_targets(model, &root, steps, &pi, &base, best_value, &mut table)
            {
                if value < root_knapsack {
                    root_knapsack = value;
                    dp_values = values;
                }
                candidates.extend(more);
            }
        }
        candidates.dedup();
        for choice in candidates.iter().rev().take(8) {
            offer(
                model,
                pack(model, &root, choice),
                &mut best,
                &mut best_value,
            );
        }
    }
    // Each period kept whole, with its own targets.
    let split = steps.as_ref().and_then(|s| Split::new(model, s));
    let mut tuner = split
        .as_ref()
        .zip(steps.as_ref())
        .map(|(split, steps)| Tuner::new(model, steps, split, &base, &late));
    let mut root_mu = Vec::new();
    // Time kept back for the final bound: a stopped search tunes the period
    // bound once for each open branch of the top frames.
    let mut reserve = 0.0;
    if let Some(tuner) = &mut tuner {
        let tuning_started = budget.clock.map(|(clock, _)| clock());
        let mut mu = split::start(tuner.split, model, &root, &base, &pi);
        let rounds = Rounds {
            most: tuner.root_rounds(),
            patience: 40,
            keep: 8,
        };
        let Some((value, seen)) = tuner.tune(&root, &mut mu, best_value, rounds) else {
            return finished(best, best_value, nodes);
        };
        if let (Some((clock, allowed)), Some(tuning_started)) = (budget.clock, tuning_started) {
            let each = (clock() - tuning_started) / tuner.evaluations().max(1) as f64;
            let final_evaluations = (RETUNE_DEPTH as f64 + 1.0) * (periods as f64 + 1.0);
            reserve = (each * final_evaluations).min(FINAL_SHARE * allowed);
        }
        root_knapsack = root_knapsack.min(value);
        for periods in &seen {
            let plan = split::plan_from(model, &root, periods);
            offer(model, plan, &mut best, &mut best_value);
        }
        root_mu = mu;
    }
    if best_value > f64::NEG_INFINITY {
        let target = best_value + tolerance(best_value);
        let changed =
            bound::fix_by_reduced_cost(model, &mut root, &pi, &adjusted, root_bound, target);
        if !root.narrowed(model, changed) {
            return finished(best, best_value, nodes);
        }
        consider(model, &root, &mut best, &mut best_value);
    }
    let root_tight = root_bound.min(root_knapsack);
    if root_tight > best_value + tolerance(best_value) {
        let values = Rc::new(dp_values);
        let mu = Rc::new(root_mu);
        if let Some(frame) = frame(model, root, pi, root_tight, &order, &adjusted, values, mu) {
            stack.push(frame);
        }
    }
    let mut stopped = false;
    loop {
        let depth = stack.len();
        let Some(top) = stack.last_mut() else {
            break;
        };
        if top.next >= top.choices.len() || top.bound <= best_value + tolerance(best_value) {
            stack.pop();
            continue;
        }
        if nodes >= budget.nodes || out_of_time(budget, started, reserve) {
            stopped = true;
            break;
        }
        nodes = nodes.saturating_add(1);
        let choice = top.choices.get(top.next).copied().flatten();
        // The parent's bound holds for the whole subtree.
        let parent_bound = top.bound;
        let mut values = Rc::clone(&top.values);
        let mut mu = Rc::clone(&top.mu);
        top.next = top.next.saturating_add(1);
        let mut child = top.node.clone();
        let mut child_pi = top.pi.clone();
        if !child.decide(model, top.item, choice) {
            continue;
        }
        let target = best_value + tolerance(best_value);
        let Some(child_bound) = bound::tune(
            model,
            &child,
            &mut child_pi,
            &node_directions,
            &adjusted,
            &mut scratch,
            2,
            target,
        ) else {
            continue;
        };
        consider(model, &child, &mut best, &mut best_value);
        let target = best_value + tolerance(best_value);
        if child_bound <= target {
            continue;
        }
        if best_value > f64::NEG_INFINITY {
            let changed = bound::fix_by_reduced_cost(
                model,
                &mut child,
                &child_pi,
                &adjusted,
                child_bound,
                target,
            );
            if !child.narrowed(model, changed) {
                continue;
            }
            consider(model, &child, &mut best, &mut best_value);
        }
        let mut child_bound = child_bound.min(parent_bound);
        if let Some(steps) = &steps {
            let target = best_value + tolerance(best_value);
            match knapsack_bound(model, &child, steps, &child_pi, &values, &mut table, false) {
                None => continue,
                Some((value, _)) if value <= target => continue,
                Some((value, _)) => child_bound = child_bound.min(value),
            }
            if depth <= RETUNE_DEPTH && !model.quotas.is_empty() {
                if let Some((own, value, candidates)) = tune_targets(
                    model, &child, steps, &child_pi, &base, best_value, &mut table,
                ) {
                    for choice in candidates.iter().rev().take(4) {
                        offer(
                            model,
                            pack(model, &child, choice),
                            &mut best,
                            &mut best_value,
                        );
                    }
                    if value < child_bound {
                        child_bound = value;
                        values = Rc::new(own);
                    }
                    if child_bound <= best_value + tolerance(best_value) {
                        continue;
                    }
                }
            }
        }
        if let Some(tuner) = &mut tuner {
            let mut own = mu.as_ref().clone();
            let rounds = Rounds {
                // Plans from the relaxation, near the top only.
                keep: if depth <= RETUNE_DEPTH { 2 } else { 0 },
                ..SPLIT_NODE
            };
            let Some((value, seen)) = tuner.tune(&child, &mut own, best_value, rounds) else {
                continue;
            };
            for periods in &seen {
                let plan = split::plan_from(model, &child, periods);
                offer(model, plan, &mut best, &mut best_value);
            }
            child_bound = child_bound.min(value);
            if child_bound <= best_value + tolerance(best_value) {
                continue;
            }
            mu = Rc::new(own);
        }
        if let Some(frame) = frame(
            model,
            child,
            child_pi,
            child_bound,
            &order,
            &adjusted,
            values,
            mu,
        ) {
            stack.push(frame);
        }
    }
    if !stopped {
        return finished(best, best_value, nodes);
    }
    // The bound over everything left unexplored: each remaining branch of
    // each open frame, bounded on its own (tighter than the frames' bounds).
    let mut open = f64::NEG_INFINITY;
    let all = directions(periods, false);
    for (depth, frame) in stack.iter().enumerate() {
        for &choice in frame.choices.get(frame.next..).unwrap_or(&[]) {
            let mut child = frame.node.clone();
            let mut child_pi = frame.pi.clone();
            if !child.decide(model, frame.item, choice) {
                continue;
            }
            let target = f64::NEG_INFINITY;
            if let Some(b) = bound::tune(
                model,
                &child,
                &mut child_pi,
                &all,
                &adjusted,
                &mut scratch,
                2,
                target,
            ) {
                let mut b = b.min(frame.bound);
                // Deeper frames' bounds already include it, from their parents.
                // Past the time allowed, the frame's own bound serves.
                if let (Some(tuner), true, false) = (&mut tuner, depth <= RETUNE_DEPTH, late()) {
                    let mut own = frame.mu.as_ref().clone();
                    match tuner.tune(&child, &mut own, f64::NEG_INFINITY, SPLIT_NODE) {
                        Some((value, _)) => b = b.min(value),
                        None => continue,
                    }
                }
                open = open.max(b);
            }
        }
    }
    Outcome {
        bound: open.max(best_value),
        assignment: best,
        complete: false,
        nodes,
    }
}

fn finished(best: Option<Vec<Option<usize>>>, value: f64, nodes: u64) -> Outcome {
    Outcome {
        bound: value,
        assignment: best,
        complete: true,
        nodes,
    }
}

/// Whether the search must stop, keeping `reserve` ms of its time for the
/// final bound. Checked at every node: at a few hundred initiatives a node
/// takes milliseconds, and the clock costs far less.
fn out_of_time(budget: &Budget, started: Option<f64>, reserve: f64) -> bool {
    match (budget.clock, started) {
        (Some((clock, allowed)), Some(start)) => clock() - start >= allowed - reserve,
        _ => false,
    }
}

/// Closing the node (every open initiative out) is a plan; keeps it if it
/// is valid and better than the best so far.
fn consider(
    model: &Model,
    node: &Node,
    best: &mut Option<Vec<Option<usize>>>,
    best_value: &mut f64,
) {
    if node.can_close() {
        offer(model, Some(node.assignment()), best, best_value);
    }
}

/// Keeps `plan` if it is valid and worth more than the best so far.
fn offer(
    model: &Model,
    plan: Option<Vec<Option<usize>>>,
    best: &mut Option<Vec<Option<usize>>>,
    best_value: &mut f64,
) {
    let Some(plan) = plan else {
        return;
    };
    let value = model.objective(&plan);
    if value > *best_value && model.violation(&plan).is_none() {
        *best_value = value;
        *best = Some(plan);
    }
}

/// Initiatives that must be in come first; then the most valuable per
/// person-month, so the first dive is a good greedy plan, or with `by_size`
/// the largest (see [`solve_in_two`]).
fn branching_order(model: &Model, root: &Node, adjusted: &[f64], by_size: bool) -> Vec<usize> {
    let periods = model.periods;
    let mut keyed: Vec<(bool, bool, f64, usize)> = (0..model.len())
        .filter(|&i| root.assigned.get(i).is_some_and(|a| a.is_none()))
        .map(|i| {
            let best = (0..periods)
                .map(|t| adjusted.get(cell(i, periods, t)).copied().unwrap_or(0.0))
                .fold(f64::NEG_INFINITY, f64::max);
            let effort = model.effort.get(i).copied().unwrap_or(1.0);
            let must = root.domains.get(i).is_some_and(|d| !d.may_out);
            // The knapsack bound keeps one prerequisite per initiative:
            // deciding the few with several first makes it exact below.
            let several = open_prerequisites(model, root, i) > 1;
            (
                must,
                several,
                if by_size { effort } else { best / effort },
                i,
            )
        })
        .collect();
    keyed.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then(b.1.cmp(&a.1))
            .then(b.2.total_cmp(&a.2))
            .then(a.3.cmp(&b.3))
    });
    keyed.into_iter().map(|(_, _, _, i)| i).collect()
}

/// How many of `i`'s prerequisites are still open at `node`.
fn open_prerequisites(model: &Model, node: &Node, i: usize) -> usize {
    model
        .prerequisites_of(i)
        .iter()
        .filter(|&&j| node.assigned.get(j).is_some_and(|a| a.is_none()))
        .count()
}

/// The frame that branches on the next open initiative, or `None` if the
/// node has nothing open.
#[allow(clippy::too_many_arguments)]
fn frame(
    model: &Model,
    node: Node,
    pi: Vec<f64>,
    bound: f64,
    order: &[usize],
    adjusted: &[f64],
    values: Rc<Vec<f64>>,
    mu: Rc<Vec<f64>>,
) -> Option<Frame> {
    let periods = model.periods;
    let item = order
        .iter()
        .copied()
        .find(|&i| node.assigned.get(i).is_some_and(|a| a.is_none()))?;
    let domain = node.domains.get(item).copied().unwrap_or_default();
    let effort = model.effort.get(item).copied().unwrap_or(0.0);
    let mut scored: Vec<(f64, Option<usize>)> = Vec::new();
    if domain.may_in {
        for t in domain.lo..=domain.hi {
            if fits(model, &node, item, t) {
                let price = pi.get(t).copied().unwrap_or(0.0);
                let value = adjusted.get(cell(item, periods, t)).copied().unwrap_or(0.0);
                scored.push((value - effort * price, Some(t)));
            }
        }
    }
    if domain.may_out {
        scored.push((0.0, None));
    }
    // Best reduced value first; on ties, in before out and earlier periods first.
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    Some(Frame {
        node,
        values,
        mu,
        pi,
        bound,
        item,
        choices: scored.into_iter().map(|(_, c)| c).collect(),
        next: 0,
    })
}
