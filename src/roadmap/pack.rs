//! Turns a set of initiatives chosen over the summed capacity (the knapsack
//! bound's choice) into a plan: each goes into a period with room after its
//! prerequisites, spreading each kind of work over the periods in the
//! proportion the whole set has, so per-period targets hold where they can.
//! What cannot be placed stays out; the result is then repaired and improved.

use super::greedy;
use super::model::{cell, Model, EPS};
use super::node::Node;

/// A valid plan built from `choice` (a period per chosen initiative, `None`
/// for the rest), or `None` when none could be made. The knapsack keeps
/// one prerequisite per initiative, so the choice may miss others: the
/// choice with them added is packed too, and the better plan kept.
pub(crate) fn pack(
    model: &Model,
    root: &Node,
    choice: &[Option<usize>],
) -> Option<Vec<Option<usize>>> {
    let mut closed = choice.to_vec();
    let mut stack: Vec<usize> = (0..closed.len())
        .filter(|&i| closed.get(i).is_some_and(|c| c.is_some()))
        .collect();
    while let Some(i) = stack.pop() {
        for &j in model.prerequisites_of(i) {
            let open = root.assigned.get(j).is_some_and(|a| a.is_none());
            let may_in = root.domains.get(j).is_some_and(|d| d.may_in);
            if let Some(slot) = closed.get_mut(j) {
                if slot.is_none() && open && may_in {
                    *slot = root.domains.get(j).map(|d| d.lo);
                    stack.push(j);
                }
            }
        }
    }
    let first = pack_set(model, root, choice);
    if closed.as_slice() == choice {
        return first;
    }
    let second = pack_set(model, root, &closed);
    match (first, second) {
        (Some(a), Some(b)) => Some(if model.objective(&b) > model.objective(&a) {
            b
        } else {
            a
        }),
        (a, b) => a.or(b),
    }
}

fn pack_set(model: &Model, root: &Node, choice: &[Option<usize>]) -> Option<Vec<Option<usize>>> {
    let n = model.len();
    let periods = model.periods;
    let mut plan = root.assignment();
    let mut used = vec![0.0; periods];
    let mut team_used = vec![0.0; cell(model.team_capacity.len(), periods, 0)];
    let mut kind_used = vec![[0.0; 3]; periods];
    for (i, slot) in plan.iter().enumerate() {
        if let Some(t) = *slot {
            greedy::add(model, i, t, &mut used, &mut team_used, &mut kind_used);
        }
    }
    let effort = |i: usize| model.effort.get(i).copied().unwrap_or(0.0);
    let kind = |i: usize| model.kind.get(i).copied().unwrap_or(0).min(2);
    let wanted: Vec<bool> = (0..n)
        .map(|i| {
            choice.get(i).is_some_and(|c| c.is_some())
                && root.assigned.get(i).is_some_and(|a| a.is_none())
        })
        .collect();
    let in_set =
        |i: usize| wanted.get(i) == Some(&true) || plan.get(i).is_some_and(|s| s.is_some());
    // The share of each kind in the whole set, which every period should mirror.
    let mut kind_total = [0.0f64; 3];
    for i in (0..n).filter(|&i| in_set(i)) {
        if let Some(k) = kind_total.get_mut(kind(i)) {
            *k += effort(i);
        }
    }
    let set_total: f64 = kind_total.iter().sum();
    let capacity_total: f64 = model.capacity.iter().sum();
    let fill = if capacity_total > 0.0 {
        (set_total / capacity_total).min(1.0)
    } else {
        0.0
    };
    let share = |k: usize| {
        if set_total > 0.0 {
            kind_total.get(k).copied().unwrap_or(0.0) / set_total
        } else {
            0.0
        }
    };
    let height = chain_heights(model, &wanted);
    let mut waiting: Vec<usize> = (0..n).filter(|&i| wanted.get(i) == Some(&true)).collect();
    // Rounds: whatever has its prerequisites placed, biggest first.
    for _ in 0..=n {
        if waiting.is_empty() {
            break;
        }
        let ready = |i: usize, plan: &[Option<usize>]| {
            model
                .prerequisites_of(i)
                .iter()
                .all(|&j| plan.get(j).is_some_and(|s| s.is_some()))
        };
        // Chains first, through all their rounds (they have fewer periods
        // to choose from), then everything else, biggest first.
        let chained = |i: usize| {
            height.get(i).is_some_and(|&h| h > 0)
                || !model.prerequisites.get(i).is_none_or(Vec::is_empty)
        };
        let (mut now, mut later): (Vec<usize>, Vec<usize>) = waiting
            .iter()
            .partition(|&&i| ready(i, &plan) && chained(i));
        if now.is_empty() {
            (now, later) = waiting.iter().partition(|&&i| ready(i, &plan));
        }
        if now.is_empty() {
            break;
        }
        now.sort_by(|&a, &b| {
            chained(b)
                .cmp(&chained(a))
                .then(effort(b).total_cmp(&effort(a)))
                .then(a.cmp(&b))
        });
        for i in now {
            let Some(domain) = root.domains.get(i).copied() else {
                continue;
            };
            let earliest = model
                .prerequisites_of(i)
                .iter()
                .filter_map(|&j| plan.get(j).copied().flatten())
                .map(|s| s.saturating_add(model.lag))
                .max()
                .unwrap_or(0)
                .max(domain.lo);
            // Leave room after it for the chain that depends on it.
            let latest_for_chain = periods.saturating_sub(1).saturating_sub(
                height
                    .get(i)
                    .copied()
                    .unwrap_or(0)
                    .saturating_mul(model.lag),
            );
            let mut best: Option<(f64, f64, usize)> = None;
            for t in earliest..=domain.hi {
                if !domain.allows(t) || !room_for(model, i, t, &used, &team_used) {
                    continue;
                }
                let k = kind(i);
                let target = share(k) * fill * model.capacity.get(t).copied().unwrap_or(0.0);
                let deficit = target
                    - kind_used
                        .get(t)
                        .and_then(|u| u.get(k))
                        .copied()
                        .unwrap_or(0.0);
                let chain_penalty = if t > latest_for_chain { 1.0 } else { 0.0 };
                let key = (
                    model.profit(i, t) - chain_penalty * f64::MAX.sqrt(),
                    deficit,
                    t,
                );
                let better = match best {
                    None => true,
                    Some((v, d, _)) => key.0 > v + EPS || ((key.0 - v).abs() <= EPS && key.1 > d),
                };
                if better {
                    best = Some(key);
                }
            }
            if let Some((_, _, t)) = best {
                if let Some(slot) = plan.get_mut(i) {
                    *slot = Some(t);
                }
                greedy::add(model, i, t, &mut used, &mut team_used, &mut kind_used);
            }
        }
        waiting = later;
    }
    settle(
        model,
        root,
        &wanted,
        &mut plan,
        &mut used,
        &mut team_used,
        &mut kind_used,
    );
    greedy::finish(model, root, plan)
}

fn room_for(model: &Model, i: usize, t: usize, used: &[f64], team_used: &[f64]) -> bool {
    let effort = model.effort.get(i).copied().unwrap_or(0.0);
    let room = model.capacity.get(t).copied().unwrap_or(0.0) - used.get(t).copied().unwrap_or(0.0);
    if effort > room + EPS {
        return false;
    }
    match model.team.get(i).copied().flatten() {
        Some(team) => {
            let left = model.team_capacity.get(team).copied().unwrap_or(0.0)
                - team_used
                    .get(cell(team, model.periods, t))
                    .copied()
                    .unwrap_or(0.0);
            effort <= left + EPS
        }
        None => true,
    }
}

/// For each wanted initiative, the longest chain of wanted dependents
/// after it (0 when nothing wanted depends on it).
fn chain_heights(model: &Model, wanted: &[bool]) -> Vec<usize> {
    let n = model.len();
    let mut height = vec![0usize; n];
    // Dependencies form no cycle, so n sweeps settle every chain.
    for _ in 0..n {
        let mut changed = false;
        for i in 0..n {
            if wanted.get(i) != Some(&true) {
                continue;
            }
            let below = model
                .dependents
                .get(i)
                .map(Vec::as_slice)
                .unwrap_or(&[])
                .iter()
                .filter(|&&d| wanted.get(d) == Some(&true))
                .filter_map(|&d| height.get(d).map(|h| h.saturating_add(1)))
                .max()
                .unwrap_or(0);
            if let Some(h) = height.get_mut(i) {
                if below > *h {
                    *h = below;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    height
}

/// How far the plan is from meeting the targets: the summed shortfall of
/// every target row, from the effort per kind in each period.
fn shortfall(model: &Model, used: &[f64], kind_used: &[[f64; 3]]) -> f64 {
    let mut total = 0.0;
    for quota in &model.quotas {
        let (all, of_kind) = match quota.period {
            Some(p) => (
                used.get(p).copied().unwrap_or(0.0),
                kind_used
                    .get(p)
                    .and_then(|k| k.get(quota.kind))
                    .copied()
                    .unwrap_or(0.0),
            ),
            None => (
                used.iter().sum(),
                kind_used.iter().filter_map(|k| k.get(quota.kind)).sum(),
            ),
        };
        let row = if quota.minimum {
            of_kind - quota.share * all
        } else {
            quota.share * all - of_kind
        };
        total += (-row).max(0.0);
    }
    total
}

/// Whether `i` may sit in period `t` as far as its domain and the periods
/// of its planned prerequisites and dependents go.
fn order_allows(model: &Model, root: &Node, plan: &[Option<usize>], i: usize, t: usize) -> bool {
    if !root.domains.get(i).is_some_and(|d| d.allows(t)) {
        return false;
    }
    let lag = model.lag;
    let list = |l: &Vec<Vec<usize>>| l.get(i).map(Vec::as_slice).unwrap_or(&[]).to_vec();
    list(&model.prerequisites).iter().all(|&j| {
        plan.get(j)
            .copied()
            .flatten()
            .is_some_and(|s| s.saturating_add(lag) <= t)
    }) && list(&model.dependents).iter().all(|&d| {
        plan.get(d)
            .copied()
            .flatten()
            .is_none_or(|s| t.saturating_add(lag) <= s)
    })
}

/// Local search on the packing: places left-over chosen initiatives by
/// moving another one to a period with room, and moves or swaps
/// initiatives between periods while that reduces the targets' shortfall.
#[allow(clippy::too_many_arguments)]
fn settle(
    model: &Model,
    root: &Node,
    wanted: &[bool],
    plan: &mut [Option<usize>],
    used: &mut [f64],
    team_used: &mut [f64],
    kind_used: &mut [[f64; 3]],
) {
    let n = model.len();
    let periods = model.periods;
    let movable = |i: usize, plan: &[Option<usize>]| {
        plan.get(i).is_some_and(|s| s.is_some())
            && root.assigned.get(i).is_some_and(|a| a.is_none())
    };
    let apply = |plan: &mut [Option<usize>],
                 i: usize,
                 to: Option<usize>,
                 used: &mut [f64],
                 team_used: &mut [f64],
                 kind_used: &mut [[f64; 3]]| {
        if let Some(from) = plan.get(i).copied().flatten() {
            greedy::remove(model, i, from, used, team_used, kind_used);
        }
        if let Some(t) = to {
            greedy::add(model, i, t, used, team_used, kind_used);
        }
        if let Some(slot) = plan.get_mut(i) {
            *slot = to;
        }
    };
    for _round in 0..3 {
        let mut changed = false;
        // Place the left-overs, making room by moving one initiative.
        for u in 0..n {
            if wanted.get(u) != Some(&true) || plan.get(u).is_some_and(|s| s.is_some()) {
                continue;
            }
            'periods: for t in 0..periods {
                if !order_allows(model, root, plan, u, t) {
                    continue;
                }
                if room_for(model, u, t, used, team_used) {
                    apply(plan, u, Some(t), used, team_used, kind_used);
                    changed = true;
                    break 'periods;
                }
                // Move others out of t, biggest first, until it fits.
                let mut members: Vec<usize> = (0..n)
                    .filter(|&j| plan.get(j).copied().flatten() == Some(t) && movable(j, plan))
                    .collect();
                members.sort_by(|&a, &b| {
                    let e = |i: usize| model.effort.get(i).copied().unwrap_or(0.0);
                    e(b).total_cmp(&e(a)).then(a.cmp(&b))
                });
                let mut moved: Vec<usize> = Vec::new();
                for j in members {
                    if room_for(model, u, t, used, team_used) {
                        break;
                    }
                    let to = (0..periods).filter(|&s| s != t).find(|&s| {
                        order_allows(model, root, plan, j, s)
                            && room_for(model, j, s, used, team_used)
                    });
                    if let Some(s) = to {
                        apply(plan, j, Some(s), used, team_used, kind_used);
                        moved.push(j);
                    }
                }
                if room_for(model, u, t, used, team_used) && order_allows(model, root, plan, u, t) {
                    apply(plan, u, Some(t), used, team_used, kind_used);
                    changed = true;
                    break 'periods;
                }
                for &j in moved.iter().rev() {
                    apply(plan, j, Some(t), used, team_used, kind_used);
                }
            }
        }
        // Reduce the targets' shortfall by moves and swaps between periods.
        let mut current = shortfall(model, used, kind_used);
        for a in 0..n {
            if current <= EPS {
                break;
            }
            let Some(ta) = plan.get(a).copied().flatten() else {
                continue;
            };
            if !movable(a, plan) {
                continue;
            }
            // Each other period for a alone, then a swap with each b.
            let mut tries: Vec<(usize, Option<usize>)> = (0..periods)
                .filter(|&s| s != ta)
                .map(|s| (s, None))
                .collect();
            for b in 0..n {
                let tb = plan.get(b).copied().flatten();
                if let Some(tb) = tb {
                    if tb != ta && movable(b, plan) && model.kind.get(a) != model.kind.get(b) {
                        tries.push((tb, Some(b)));
                    }
                }
            }
            for (to_a, partner) in tries {
                apply(plan, a, Some(to_a), used, team_used, kind_used);
                if let Some(b) = partner {
                    apply(plan, b, Some(ta), used, team_used, kind_used);
                }
                let valid = used.iter().zip(&model.capacity).all(|(u, c)| *u <= c + EPS)
                    && teams_ok(model, team_used)
                    && order_allows(model, root, plan, a, to_a)
                    && partner.is_none_or(|b| order_allows(model, root, plan, b, ta));
                let after = shortfall(model, used, kind_used);
                if valid && after < current - EPS {
                    current = after;
                    changed = true;
                    break;
                }
                if let Some(b) = partner {
                    apply(plan, b, Some(to_a), used, team_used, kind_used);
                }
                apply(plan, a, Some(ta), used, team_used, kind_used);
            }
        }
        if !changed {
            break;
        }
    }
}

fn teams_ok(model: &Model, team_used: &[f64]) -> bool {
    team_used.iter().enumerate().all(|(k, &u)| {
        let team = k.checked_div(model.periods).unwrap_or(0);
        u <= model.team_capacity.get(team).copied().unwrap_or(0.0) + EPS
    })
}
