//! The usual practice: take the highest score that still fits, in the
//! earliest period it fits, then repair the allocation targets.

use super::model::{cell, Model, EPS};
use super::node::Node;

/// The greedy plan, or `None` when it cannot meet the pins and targets.
///
/// Pinned work goes first (prerequisites before dependents). Then, by
/// balanced score, each initiative goes into the earliest period with room
/// whose prerequisites are already planned, within per-kind budgets
/// (a maximum share of capacity, and capacity held back for other kinds'
/// minimums). Finally, while a target is missed, the lowest-scored
/// initiative that causes it is taken out.
pub(crate) fn greedy(model: &Model, root: &Node, scores: &[f64]) -> Option<Vec<Option<usize>>> {
    let n = model.len();
    let mut plan: Vec<Option<usize>> = root.assignment();
    let mut used = vec![0.0; model.periods];
    let mut team_used = vec![0.0; cell(model.team_capacity.len(), model.periods, 0)];
    let mut kind_used = vec![[0.0; 3]; model.periods];
    for (i, slot) in plan.iter().enumerate() {
        if let Some(t) = *slot {
            add(model, i, t, &mut used, &mut team_used, &mut kind_used);
        }
    }
    let open: Vec<usize> = (0..n)
        .filter(|&i| root.assigned.get(i).is_some_and(|a| a.is_none()))
        .collect();
    let mut must: Vec<usize> = open
        .iter()
        .copied()
        .filter(|&i| root.domains.get(i).is_some_and(|d| !d.may_out))
        .collect();
    // Place must-in work whose prerequisites are placed, until none is left.
    while !must.is_empty() {
        let before = must.len();
        let mut waiting = Vec::new();
        for i in must {
            let ready = model
                .prerequisites_of(i)
                .iter()
                .all(|&j| plan.get(j).is_some_and(|s| s.is_some()));
            let placed = ready
                && place(
                    model,
                    root,
                    i,
                    &mut plan,
                    &mut used,
                    &mut team_used,
                    &mut kind_used,
                    false,
                );
            if !placed {
                waiting.push(i);
            }
        }
        if waiting.len() == before {
            return None;
        }
        must = waiting;
    }
    let mut voluntary: Vec<usize> = open
        .into_iter()
        .filter(|&i| root.domains.get(i).is_some_and(|d| d.may_out && d.may_in))
        .collect();
    voluntary.sort_by(|&a, &b| {
        let score = |i: usize| scores.get(i).copied().unwrap_or(0.0);
        score(b).total_cmp(&score(a)).then(a.cmp(&b))
    });
    for i in voluntary {
        place(
            model,
            root,
            i,
            &mut plan,
            &mut used,
            &mut team_used,
            &mut kind_used,
            true,
        );
    }
    repair(model, root, scores, &mut plan)?;
    model.violation(&plan).is_none().then_some(plan)
}

pub(crate) fn add(
    model: &Model,
    i: usize,
    t: usize,
    used: &mut [f64],
    team_used: &mut [f64],
    kind_used: &mut [[f64; 3]],
) {
    let effort = model.effort.get(i).copied().unwrap_or(0.0);
    shift(model, i, t, effort, used, team_used, kind_used);
}

/// Undoes [`add`].
pub(crate) fn remove(
    model: &Model,
    i: usize,
    t: usize,
    used: &mut [f64],
    team_used: &mut [f64],
    kind_used: &mut [[f64; 3]],
) {
    let effort = model.effort.get(i).copied().unwrap_or(0.0);
    shift(model, i, t, -effort, used, team_used, kind_used);
}

/// Adds `delta` to the capacity initiative `i` uses in period `t`: the
/// period's, its team's and its kind of work's.
fn shift(
    model: &Model,
    i: usize,
    t: usize,
    delta: f64,
    used: &mut [f64],
    team_used: &mut [f64],
    kind_used: &mut [[f64; 3]],
) {
    if let Some(u) = used.get_mut(t) {
        *u += delta;
    }
    if let Some(team) = model.team.get(i).copied().flatten() {
        if let Some(u) = team_used.get_mut(cell(team, model.periods, t)) {
            *u += delta;
        }
    }
    let kind = model.kind.get(i).copied().unwrap_or(0);
    if let Some(u) = kind_used.get_mut(t).and_then(|k| k.get_mut(kind)) {
        *u += delta;
    }
}

#[allow(clippy::too_many_arguments)]
fn place(
    model: &Model,
    root: &Node,
    i: usize,
    plan: &mut [Option<usize>],
    used: &mut [f64],
    team_used: &mut [f64],
    kind_used: &mut [[f64; 3]],
    budgets: bool,
) -> bool {
    let Some(domain) = root.domains.get(i).copied() else {
        return false;
    };
    if !domain.may_in {
        return false;
    }
    let effort = model.effort.get(i).copied().unwrap_or(0.0);
    let kind = model.kind.get(i).copied().unwrap_or(0);
    for t in domain.lo..=domain.hi {
        let room =
            model.capacity.get(t).copied().unwrap_or(0.0) - used.get(t).copied().unwrap_or(0.0);
        if effort > room + EPS {
            continue;
        }
        if let Some(team) = model.team.get(i).copied().flatten() {
            let k = cell(team, model.periods, t);
            let left = model.team_capacity.get(team).copied().unwrap_or(0.0)
                - team_used.get(k).copied().unwrap_or(0.0);
            if effort > left + EPS {
                continue;
            }
        }
        let ready = model.prerequisites_of(i).iter().all(|&j| {
            plan.get(j)
                .copied()
                .flatten()
                .is_some_and(|s| s.saturating_add(model.lag) <= t)
        });
        if !ready {
            continue;
        }
        if budgets && !within_budgets(model, t, kind, effort, used, kind_used) {
            continue;
        }
        if let Some(slot) = plan.get_mut(i) {
            *slot = Some(t);
        }
        add(model, i, t, used, team_used, kind_used);
        return true;
    }
    false
}

/// Budgets as teams set them: a kind with a maximum share gets at most that
/// share of the capacity; a kind with a minimum share has that share held
/// back from other kinds.
fn within_budgets(
    model: &Model,
    t: usize,
    kind: usize,
    effort: f64,
    used: &[f64],
    kind_used: &[[f64; 3]],
) -> bool {
    for quota in &model.quotas {
        let (capacity, total, of_kind) = match quota.period {
            Some(p) if p != t => continue,
            Some(p) => (
                model.capacity.get(p).copied().unwrap_or(0.0),
                used.get(p).copied().unwrap_or(0.0),
                kind_used
                    .get(p)
                    .and_then(|k| k.get(quota.kind))
                    .copied()
                    .unwrap_or(0.0),
            ),
            None => (
                model.capacity.iter().sum(),
                used.iter().sum(),
                kind_used.iter().filter_map(|k| k.get(quota.kind)).sum(),
            ),
        };
        if quota.minimum && kind != quota.kind {
            let others = total - of_kind;
            if others + effort > (1.0 - quota.share) * capacity + EPS {
                return false;
            }
        }
        if !quota.minimum && kind == quota.kind && of_kind + effort > quota.share * capacity + EPS {
            return false;
        }
    }
    true
}

/// Turns a near plan into a valid one: targets repaired (the least
/// valuable per person-month taken out first), then improved by local
/// moves. `None` when it still breaks a constraint.
pub(crate) fn finish(
    model: &Model,
    root: &Node,
    mut plan: Vec<Option<usize>>,
) -> Option<Vec<Option<usize>>> {
    let density: Vec<f64> = (0..model.len())
        .map(|i| {
            let best = (0..model.periods)
                .map(|t| model.profit(i, t))
                .fold(f64::NEG_INFINITY, f64::max);
            best / model.effort.get(i).copied().unwrap_or(0.0).max(EPS)
        })
        .collect();
    repair(model, root, &density, &mut plan)?;
    if model.violation(&plan).is_some() {
        return None;
    }
    Some(improve(model, root, plan))
}

/// Takes out the lowest-scored initiative behind each missed target (with
/// whatever depends on it) until every target is met.
pub(crate) fn repair(
    model: &Model,
    root: &Node,
    scores: &[f64],
    plan: &mut [Option<usize>],
) -> Option<()> {
    for _ in 0..=model.len() {
        let Some(quota) = model.quotas.iter().find(|q| {
            let total: f64 = plan
                .iter()
                .enumerate()
                .filter_map(|(i, s)| s.map(|t| model.quota_coefficient(q, i, t)))
                .sum();
            total < -EPS
        }) else {
            return Some(());
        };
        // The culprits: for a minimum, other kinds; for a maximum, this kind.
        let victim = plan
            .iter()
            .enumerate()
            .filter(|(i, s)| {
                s.is_some_and(|t| quota.period.is_none_or(|p| p == t))
                    && (model.kind.get(*i) == Some(&quota.kind)) != quota.minimum
                    && root.domains.get(*i).is_some_and(|d| d.may_out)
            })
            .map(|(i, _)| i)
            .min_by(|&a, &b| {
                let score = |i: usize| scores.get(i).copied().unwrap_or(0.0);
                score(a).total_cmp(&score(b)).then(b.cmp(&a))
            })?;
        remove_with_dependents(model, victim, plan);
    }
    None
}

fn remove_with_dependents(model: &Model, first: usize, plan: &mut [Option<usize>]) {
    let mut stack = vec![first];
    while let Some(i) = stack.pop() {
        if let Some(slot) = plan.get_mut(i) {
            if slot.take().is_some() {
                stack.extend(model.dependents.get(i).map(Vec::as_slice).unwrap_or(&[]));
            }
        }
    }
}

/// Improves a valid plan by local moves, keeping only moves that leave it
/// valid and worth more: add an initiative that fits, or swap one in for
/// one out (in any period its domain allows). Gives the search a better
/// plan to beat; never changes what is optimal.
pub(crate) fn improve(
    model: &Model,
    root: &Node,
    mut plan: Vec<Option<usize>>,
) -> Vec<Option<usize>> {
    let n = model.len();
    let mut used = vec![0.0; model.periods];
    for (i, slot) in plan.iter().enumerate() {
        if let (Some(t), Some(e)) = (slot, model.effort.get(i)) {
            if let Some(u) = used.get_mut(*t) {
                *u += e;
            }
        }
    }
    let effort = |i: usize| model.effort.get(i).copied().unwrap_or(0.0);
    let room = |used: &[f64], t: usize| {
        model.capacity.get(t).copied().unwrap_or(0.0) - used.get(t).copied().unwrap_or(0.0)
    };
    for _pass in 0..4 {
        let mut better = false;
        for i in 0..n {
            if plan.get(i).is_some_and(|s| s.is_some()) {
                continue;
            }
            let Some(domain) = root.domains.get(i).copied() else {
                continue;
            };
            if !domain.may_in || root.assigned.get(i).is_some_and(|a| a.is_some()) {
                continue;
            }
            'periods: for t in domain.lo..=domain.hi {
                let gain = model.profit(i, t);
                if gain <= 0.0 {
                    continue;
                }
                // Add it, if it fits.
                if effort(i) <= room(&used, t) + EPS && try_moves(model, &mut plan, &[(i, Some(t))])
                {
                    if let Some(u) = used.get_mut(t) {
                        *u += effort(i);
                    }
                    better = true;
                    break 'periods;
                }
                // Swap it for one worth less in the same period.
                for j in 0..n {
                    if plan.get(j) != Some(&Some(t))
                        || root.domains.get(j).is_some_and(|d| !d.may_out)
                    {
                        continue;
                    }
                    let loss = model.profit(j, t);
                    if gain <= loss + EPS || effort(i) > room(&used, t) + effort(j) + EPS {
                        continue;
                    }
                    if try_moves(model, &mut plan, &[(j, None), (i, Some(t))]) {
                        if let Some(u) = used.get_mut(t) {
                            *u += effort(i) - effort(j);
                        }
                        better = true;
                        break 'periods;
                    }
                }
            }
        }
        if !better {
            break;
        }
    }
    plan
}

/// Makes `moves` (initiative, new place) in `plan` if the result is a valid
/// plan; otherwise leaves `plan` as it was. Whether the moves were made.
fn try_moves(model: &Model, plan: &mut [Option<usize>], moves: &[(usize, Option<usize>)]) -> bool {
    let mut before = Vec::with_capacity(moves.len());
    for &(i, place) in moves {
        if let Some(slot) = plan.get_mut(i) {
            before.push((i, std::mem::replace(slot, place)));
        }
    }
    if model.violation(plan).is_none() {
        return true;
    }
    for &(i, place) in before.iter().rev() {
        if let Some(slot) = plan.get_mut(i) {
            *slot = place;
        }
    }
    false
}
