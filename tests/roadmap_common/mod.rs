//! Helpers shared by the roadmap tests: small backlogs whose values are easy
//! to compute by hand, and a brute-force planner that knows nothing of the
//! real one.

#![allow(dead_code)]

use twosided::roadmap::{PlanOptions, TargetScope};
use twosided::{Backlog, Estimate, Initiative, ScoreOptions, SideEstimate, WorkKind};

/// An initiative worth `value` to buyers (RICE reach `value`, impact 1,
/// confidence 100%), or harming them when `value` is negative.
pub fn item(
    id: &str,
    value: f64,
    effort: f64,
    kind: WorkKind,
    dependencies: &[&str],
) -> Initiative {
    let (reach, impact) = if value < 0.0 {
        (-value, -1.0)
    } else {
        (value, 1.0)
    };
    Initiative {
        id: id.into(),
        name: format!("Initiative {id}"),
        kind,
        problem_space: if kind == WorkKind::Platform {
            "platform".into()
        } else {
            "shop".into()
        },
        target_metric: format!("metric-{}", id.len() % 3),
        buyer: Some(SideEstimate::new(reach, impact, 1.0)),
        effort: Estimate::Value(effort),
        dependencies: dependencies.iter().map(|d| d.to_string()).collect(),
        ..Initiative::default()
    }
}

/// A backlog of these initiatives.
pub fn backlog(items: Vec<Initiative>) -> Backlog {
    Backlog {
        initiatives: items,
        ..Backlog::default()
    }
}

/// Options with buyers weighted 1, so each initiative's plan value is its
/// RICE reach x impact (score x effort).
pub fn options(capacities: &[f64]) -> PlanOptions {
    PlanOptions {
        periods: capacities
            .iter()
            .enumerate()
            .map(|(t, &c)| twosided::roadmap::Period::new(&format!("P{}", t + 1), c))
            .collect(),
        scoring: ScoreOptions {
            buyer_weight: 1.0,
            ..ScoreOptions::default()
        },
        ..PlanOptions::default()
    }
}

/// The best plan by trying every assignment: (value, plan), or `None` if no
/// assignment meets every rule. Written from the rules, not from the planner.
pub fn brute_force(backlog: &Backlog, options: &PlanOptions) -> Option<(f64, Vec<Option<usize>>)> {
    let n = backlog.initiatives.len();
    let periods = options.periods.len();
    let values = values(backlog, options);
    let mut best: Option<(f64, Vec<Option<usize>>)> = None;
    let mut plan = vec![None; n];
    let total = (periods + 1).pow(n as u32);
    for code in 0..total {
        let mut rest = code;
        for slot in plan.iter_mut() {
            let digit = rest % (periods + 1);
            rest /= periods + 1;
            *slot = if digit == 0 { None } else { Some(digit - 1) };
        }
        if !respects_rules(backlog, options, &plan) {
            continue;
        }
        let value = objective(options, &values, &plan);
        if best.as_ref().is_none_or(|(b, _)| value > *b + 1e-9) {
            best = Some((value, plan.clone()));
        }
    }
    best
}

/// Each initiative's value before period weights: score x effort for RICE.
pub fn values(backlog: &Backlog, options: &PlanOptions) -> Vec<f64> {
    let mut scored = twosided::score(backlog, &options.scoring).unwrap();
    scored.sort_by_key(|s| s.index);
    scored
        .iter()
        .zip(&backlog.initiatives)
        .map(|(s, i)| s.score * i.effort.likely())
        .collect()
}

/// The objective of a plan.
pub fn objective(options: &PlanOptions, values: &[f64], plan: &[Option<usize>]) -> f64 {
    let weights = options.period_weights();
    plan.iter()
        .zip(values)
        .filter_map(|(slot, v)| slot.map(|t| v * weights[t]))
        .sum()
}

fn index(backlog: &Backlog, id: &str) -> usize {
    backlog.index_of(id).unwrap()
}

/// Every rule a plan must follow, checked directly.
pub fn respects_rules(backlog: &Backlog, options: &PlanOptions, plan: &[Option<usize>]) -> bool {
    let n = backlog.initiatives.len();
    let periods = options.periods.len();
    let effort = |i: usize| backlog.initiatives[i].effort.likely();
    // Capacity.
    for t in 0..periods {
        let used: f64 = (0..n).filter(|&i| plan[i] == Some(t)).map(effort).sum();
        if used > options.periods[t].capacity + 1e-9 {
            return false;
        }
        for team in &options.team_capacities {
            let used: f64 = (0..n)
                .filter(|&i| {
                    plan[i] == Some(t) && backlog.initiatives[i].problem_space == team.problem_space
                })
                .map(effort)
                .sum();
            if used > team.capacity + 1e-9 {
                return false;
            }
        }
    }
    // Dependencies.
    let lag = if options.same_period_dependencies {
        0
    } else {
        1
    };
    for (i, initiative) in backlog.initiatives.iter().enumerate() {
        if let Some(t) = plan[i] {
            for d in &initiative.dependencies {
                match plan[index(backlog, d)] {
                    Some(s) if s + lag <= t => {}
                    _ => return false,
                }
            }
        }
    }
    // Pins.
    for id in &options.pins.include {
        if plan[index(backlog, id)].is_none() {
            return false;
        }
    }
    for id in &options.pins.exclude {
        if plan[index(backlog, id)].is_some() {
            return false;
        }
    }
    for pin in &options.pins.fixed {
        let t = options
            .periods
            .iter()
            .position(|p| p.name == pin.period)
            .unwrap();
        if plan[index(backlog, &pin.id)] != Some(t) {
            return false;
        }
    }
    // Targets, as shares of used capacity.
    let scopes: Vec<Vec<usize>> = match options.target_scope {
        TargetScope::EachPeriod => (0..periods).map(|t| vec![t]).collect(),
        TargetScope::WholePlan => vec![(0..periods).collect()],
    };
    for scope in &scopes {
        let inside: Vec<usize> = (0..n)
            .filter(|&i| plan[i].is_some_and(|t| scope.contains(&t)))
            .collect();
        let total: f64 = inside.iter().map(|&i| effort(i)).sum();
        for target in &options.targets {
            let of_kind: f64 = inside
                .iter()
                .filter(|&&i| backlog.initiatives[i].kind == target.kind)
                .map(|&i| effort(i))
                .sum();
            if target.min.is_some_and(|m| of_kind < m * total - 1e-9) {
                return false;
            }
            if target.max.is_some_and(|m| of_kind > m * total + 1e-9) {
                return false;
            }
        }
    }
    // Only what is worth it: a positive value, a pin, or a prerequisite
    // (however indirect) of something worth it that is not pinned out.
    let eligible = eligible(backlog, options);
    if (0..n).any(|i| plan[i].is_some() && !eligible[i]) {
        return false;
    }
    true
}

/// The plan as (period per initiative), read from a roadmap.
pub fn assignment(backlog: &Backlog, plan: &twosided::roadmap::Plan) -> Vec<Option<usize>> {
    let mut out = vec![None; backlog.initiatives.len()];
    for p in &plan.scheduled {
        out[p.index] = Some(p.period);
    }
    out
}

/// Which initiatives may be planned at all.
pub fn eligible(backlog: &Backlog, options: &PlanOptions) -> Vec<bool> {
    let n = backlog.initiatives.len();
    let values = values(backlog, options);
    let id = |i: usize| &backlog.initiatives[i].id;
    let excluded = |i: usize| options.pins.exclude.contains(id(i));
    let pinned = |i: usize| {
        options.pins.include.contains(id(i)) || options.pins.fixed.iter().any(|p| &p.id == id(i))
    };
    let mut wanted: Vec<bool> = (0..n)
        .map(|i| !excluded(i) && (pinned(i) || values[i] > 0.0))
        .collect();
    loop {
        let mut changed = false;
        for i in 0..n {
            if !wanted[i] {
                continue;
            }
            for d in &backlog.initiatives[i].dependencies {
                let j = index(backlog, d);
                if !wanted[j] && !excluded(j) {
                    wanted[j] = true;
                    changed = true;
                }
            }
        }
        if !changed {
            return wanted;
        }
    }
}
