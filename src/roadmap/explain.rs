//! Turns an assignment into a plan people can read: periods, allocation
//! against targets, and the reason for each initiative left out.

use super::model::{Ineligible, Model, Quota, EPS};
use super::options::PlanOptions;
use super::result::{
    KindAllocation, LeftOut, LeftOutReason, PeriodPlan, Plan, PlannedInitiative, TeamUse,
};
use crate::model::{Backlog, WorkKind};
use crate::rank::ScoredInitiative;
use crate::scoring::{format_number, format_percent};

/// Everything the explanation needs.
pub(crate) struct Context<'a> {
    pub backlog: &'a Backlog,
    pub scored: &'a [ScoredInitiative],
    pub options: &'a PlanOptions,
    pub model: &'a Model,
    pub pinned: &'a [bool],
}

/// The readable plan for an assignment.
pub(crate) fn plan(context: &Context, assignment: &[Option<usize>]) -> Plan {
    let Context {
        backlog,
        scored,
        options,
        model,
        pinned,
    } = *context;
    let multiply = options.value.multiplies_effort(options.scoring.framework);
    let mut out = Plan::default();
    for (t, period) in options.periods.iter().enumerate() {
        let members: Vec<usize> = members(assignment, t);
        let used = total(members.iter().map(|&i| effort(model, i)));
        out.periods.push(PeriodPlan {
            name: period.name.clone(),
            capacity: period.capacity,
            used,
            slack: period.capacity - used,
            value_weight: model.weight.get(t).copied().unwrap_or(0.0),
            initiatives: members
                .iter()
                .filter_map(|&i| backlog.initiatives.get(i).map(|x| x.id.clone()))
                .collect(),
            allocation: allocation(model, options, &members),
            teams: options
                .team_capacities
                .iter()
                .enumerate()
                .map(|(k, team)| TeamUse {
                    problem_space: team.problem_space.clone(),
                    capacity: team.capacity,
                    used: total(
                        members
                            .iter()
                            .filter(|&&i| model.team.get(i) == Some(&Some(k)))
                            .map(|&i| effort(model, i)),
                    ),
                })
                .collect(),
        });
        for &i in &members {
            let (Some(initiative), Some(score)) = (backlog.initiatives.get(i), scored.get(i))
            else {
                continue;
            };
            let factor = if multiply { effort(model, i) } else { 1.0 };
            let item = PlannedInitiative {
                id: initiative.id.clone(),
                name: initiative.name.clone(),
                index: i,
                kind: initiative.kind,
                period: t,
                period_name: period.name.clone(),
                effort: effort(model, i),
                score: score.score,
                value: model.profit(i, t),
                buyer_value: score.buyer.value * factor,
                seller_value: score.seller.value * factor,
                problem_space: initiative.problem_space.clone(),
                target_metric: initiative.target_metric.clone(),
                pinned: pinned.get(i).copied().unwrap_or(false),
                dependencies: initiative.dependencies.clone(),
            };
            out.value += item.value;
            out.buyer_value += item.buyer_value;
            out.seller_value += item.seller_value;
            out.effort += item.effort;
            out.scheduled.push(item);
        }
    }
    let everything: Vec<usize> = (0..assignment.len())
        .filter(|&i| assignment.get(i).is_some_and(|s| s.is_some()))
        .collect();
    out.allocation = allocation(model, options, &everything);
    out
}

fn members(assignment: &[Option<usize>], t: usize) -> Vec<usize> {
    (0..assignment.len())
        .filter(|&i| assignment.get(i) == Some(&Some(t)))
        .collect()
}

/// The sum of `values`, 0 when there are none. (A float `sum()` of nothing
/// is -0, which a page shows as "-0%".)
fn total(values: impl IntoIterator<Item = f64>) -> f64 {
    values.into_iter().fold(0.0, |sum, x| sum + x)
}

fn effort(model: &Model, i: usize) -> f64 {
    model.effort.get(i).copied().unwrap_or(0.0)
}

fn allocation(model: &Model, options: &PlanOptions, members: &[usize]) -> Vec<KindAllocation> {
    let used = total(members.iter().map(|&i| effort(model, i)));
    WorkKind::ALL
        .iter()
        .enumerate()
        .map(|(k, &kind)| {
            let of_kind = total(
                members
                    .iter()
                    .filter(|&&i| model.kind.get(i) == Some(&k))
                    .map(|&i| effort(model, i)),
            );
            let share = if used > 0.0 { of_kind / used } else { 0.0 };
            let target = options.targets.iter().find(|t| t.kind == kind);
            let min = target.and_then(|t| t.min);
            let max = target.and_then(|t| t.max);
            let on_target = used <= 0.0
                || (min.is_none_or(|m| share >= m - 1e-9) && max.is_none_or(|m| share <= m + 1e-9));
            KindAllocation {
                kind,
                effort: of_kind,
                share,
                min,
                max,
                on_target,
            }
        })
        .collect()
}

/// Why each initiative not in `assignment` was left out.
pub(crate) fn left_out(
    context: &Context,
    assignment: &[Option<usize>],
    ineligible: &[Option<Ineligible>],
    optimal: bool,
) -> Vec<LeftOut> {
    let Context {
        backlog, scored, ..
    } = *context;
    let mut out = Vec::new();
    for (i, slot) in assignment.iter().enumerate() {
        if slot.is_some() {
            continue;
        }
        let (Some(initiative), Some(score)) = (backlog.initiatives.get(i), scored.get(i)) else {
            continue;
        };
        let (reason, explanation) = match ineligible.get(i).copied().flatten() {
            Some(Ineligible::Excluded) => (
                LeftOutReason::ExcludedByPin,
                if context.options.wont_as_exclusions
                    && initiative.moscow == Some(crate::formula::Moscow::Wont)
                {
                    "It is labelled Won't, and won't-haves are left out of the plan.".to_string()
                } else {
                    "A pin keeps it out of the plan.".to_string()
                },
            ),
            Some(Ineligible::Guardrail) => (
                LeftOutReason::Guardrail,
                "It harms a protected side by more than the guardrail allows.".to_string(),
            ),
            Some(Ineligible::NotWorthIt) => (
                LeftOutReason::NotWorthIt,
                format!(
                    "Its balanced score is {}: it adds no value, and nothing planned needs it.",
                    format_number(score.score)
                ),
            ),
            None => why_not(context, assignment, i, optimal),
        };
        out.push(LeftOut {
            id: initiative.id.clone(),
            name: initiative.name.clone(),
            index: i,
            score: score.score,
            reason,
            explanation,
        });
    }
    out
}

fn name(backlog: &Backlog, i: usize) -> String {
    backlog
        .initiatives
        .get(i)
        .map(|x| format!("\"{}\"", x.name))
        .unwrap_or_default()
}

/// The first constraint that stops adding initiative `i` to the plan.
fn why_not(
    context: &Context,
    assignment: &[Option<usize>],
    i: usize,
    optimal: bool,
) -> (LeftOutReason, String) {
    let Context {
        backlog,
        options,
        model,
        ..
    } = *context;
    let mut earliest = 0;
    for &j in model.prerequisites_of(i) {
        match assignment.get(j).copied().flatten() {
            None => {
                return (
                    LeftOutReason::PrerequisiteNotScheduled,
                    format!("Its prerequisite {} is not in the plan.", name(backlog, j)),
                )
            }
            Some(s) => earliest = earliest.max(s.saturating_add(model.lag)),
        }
    }
    let domain = model.domain.get(i).copied().unwrap_or_default();
    let lo = earliest.max(domain.lo);
    if lo > domain.hi || lo >= model.periods {
        return (
            LeftOutReason::PrerequisiteNotScheduled,
            "Its prerequisites are planned too late to leave a period for it.".to_string(),
        );
    }
    let size = effort(model, i);
    let used = |t: usize, team: Option<usize>| -> f64 {
        (0..assignment.len())
            .filter(|&j| assignment.get(j) == Some(&Some(t)))
            .filter(|&j| team.is_none() || model.team.get(j).copied().flatten() == team)
            .map(|j| effort(model, j))
            .sum()
    };
    let periods: Vec<usize> = (lo..=domain.hi.min(model.periods.saturating_sub(1))).collect();
    let with_room: Vec<usize> = periods
        .iter()
        .copied()
        .filter(|&t| size <= model.capacity.get(t).copied().unwrap_or(0.0) - used(t, None) + EPS)
        .collect();
    if with_room.is_empty() {
        let most = periods
            .iter()
            .map(|&t| model.capacity.get(t).copied().unwrap_or(0.0) - used(t, None))
            .fold(0.0, f64::max);
        return (
            LeftOutReason::NoCapacity,
            format!(
                "It needs {} person-months, and no period it could go in has that much left (at most {}); the planned work is worth more.",
                format_number(size),
                format_number(most.max(0.0))
            ),
        );
    }
    let team = model.team.get(i).copied().flatten();
    let team_room: Vec<usize> = match team {
        None => with_room,
        Some(k) => {
            let capacity = model.team_capacity.get(k).copied().unwrap_or(0.0);
            let fit: Vec<usize> = with_room
                .into_iter()
                .filter(|&t| size <= capacity - used(t, Some(k)) + EPS)
                .collect();
            if fit.is_empty() {
                let space = options
                    .team_capacities
                    .get(k)
                    .map(|t| t.problem_space.as_str())
                    .unwrap_or("");
                return (
                    LeftOutReason::TeamCapacity,
                    format!(
                        "The {space} team has no room left for it in any period it could go in."
                    ),
                );
            }
            fit
        }
    };
    let mut blocking: Option<&Quota> = None;
    for &t in &team_room {
        let mut trial = assignment.to_vec();
        if let Some(slot) = trial.get_mut(i) {
            *slot = Some(t);
        }
        let broken = model.quotas.iter().find(|q| {
            let total: f64 = trial
                .iter()
                .enumerate()
                .filter_map(|(j, s)| s.map(|p| model.quota_coefficient(q, j, p)))
                .sum();
            total < -EPS
        });
        match broken {
            None => {
                if model.profit(i, t) <= 0.0 {
                    return (
                        LeftOutReason::NotWorthIt,
                        "Delivered that late it counts for nothing within the plan's horizon."
                            .to_string(),
                    );
                }
                let sentence = if optimal {
                    "It would fit, but adds no value the plan does not already have.".to_string()
                } else {
                    "It would fit: the search stopped before it could add it.".to_string()
                };
                return (LeftOutReason::BetterUseOfCapacity, sentence);
            }
            Some(q) => {
                blocking.get_or_insert(q);
            }
        }
    }
    let Some(quota) = blocking else {
        return (
            LeftOutReason::NoCapacity,
            "No period it could go in has room for it.".to_string(),
        );
    };
    let kind = WorkKind::ALL.get(quota.kind).copied().unwrap_or_default();
    let scope = match quota.period.and_then(|p| options.periods.get(p)) {
        Some(period) => format!("in {}", period.name),
        None => "across the plan".to_string(),
    };
    if quota.minimum {
        (
            LeftOutReason::AllocationMinimum,
            format!(
                "Adding it would take {} work below its minimum of {} {scope}.",
                kind.label(),
                format_percent(quota.share)
            ),
        )
    } else {
        (
            LeftOutReason::AllocationCap,
            format!(
                "Adding it would take {} work above its maximum of {} {scope}.",
                kind.label(),
                format_percent(quota.share)
            ),
        )
    }
}
