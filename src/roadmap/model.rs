//! The planning problem as plain numbers: what each initiative is worth in
//! each period, what it costs, and the constraints between them.

use super::domain::Domain;
use super::options::{PlanOptions, TargetScope};
use crate::model::{Backlog, WorkKind};
use crate::rank::ScoredInitiative;

/// The flat index of `column` in row `row` of a table `columns` wide.
pub(crate) fn cell(row: usize, columns: usize, column: usize) -> usize {
    row.saturating_mul(columns).saturating_add(column)
}

/// Slack allowed when comparing sums of efforts, so 0.1 + 0.2 fits in 0.3.
pub(crate) const EPS: f64 = 1e-9;

/// One allocation target as a linear row: for the items in its scope,
/// `sum(coefficient x effort) >= 0`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Quota {
    /// Index into [`WorkKind::ALL`].
    pub kind: usize,
    /// The share, 0 to 1.
    pub share: f64,
    /// A minimum (true) or a maximum (false).
    pub minimum: bool,
    /// The period it applies to; `None` for the whole plan.
    pub period: Option<usize>,
    /// Index of the target in the options, for messages.
    pub target: usize,
}

/// The problem the planner solves.
#[derive(Debug, Clone)]
pub(crate) struct Model {
    pub periods: usize,
    pub capacity: Vec<f64>,
    /// Value of one unit delivered in each period (1, or cost of delay).
    pub weight: Vec<f64>,
    pub effort: Vec<f64>,
    /// Each initiative's value before the period weight.
    pub value: Vec<f64>,
    pub kind: Vec<usize>,
    /// The team (problem space with a capacity) each initiative belongs to.
    pub team: Vec<Option<usize>>,
    pub team_capacity: Vec<f64>,
    pub prerequisites: Vec<Vec<usize>>,
    pub dependents: Vec<Vec<usize>>,
    /// 1 when a prerequisite must finish in an earlier period, 0 when the
    /// same period is allowed.
    pub lag: usize,
    pub quotas: Vec<Quota>,
    /// Allowed decisions before any search: pins, eligibility.
    pub domain: Vec<Domain>,
}

impl Model {
    /// Number of initiatives.
    pub fn len(&self) -> usize {
        self.effort.len()
    }

    /// The initiatives `i` depends on (none for an index out of range).
    pub fn prerequisites_of(&self, i: usize) -> &[usize] {
        self.prerequisites.get(i).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The objective contribution of initiative `i` in period `t`.
    pub fn profit(&self, i: usize, t: usize) -> f64 {
        self.value.get(i).copied().unwrap_or(0.0) * self.weight.get(t).copied().unwrap_or(0.0)
    }

    /// The coefficient of initiative `i` in period `t` in a quota row.
    pub fn quota_coefficient(&self, quota: &Quota, i: usize, t: usize) -> f64 {
        if quota.period.is_some_and(|p| p != t) {
            return 0.0;
        }
        let effort = self.effort.get(i).copied().unwrap_or(0.0);
        let of_kind = if self.kind.get(i) == Some(&quota.kind) {
            1.0
        } else {
            0.0
        };
        if quota.minimum {
            effort * (of_kind - quota.share)
        } else {
            effort * (quota.share - of_kind)
        }
    }

    /// Checks a complete assignment (period per initiative, `None` for out)
    /// against every constraint. Returns the first broken one, in words.
    pub fn violation(&self, assignment: &[Option<usize>]) -> Option<String> {
        let mut used = vec![0.0; self.periods];
        let mut team_used = vec![0.0; cell(self.team_capacity.len(), self.periods, 0)];
        for (i, slot) in assignment.iter().enumerate() {
            let domain = self.domain.get(i).copied().unwrap_or_default();
            match *slot {
                None if !domain.may_out => return Some(format!("initiative {i} must be in")),
                None => {}
                Some(t) => {
                    if !domain.allows(t) {
                        return Some(format!("initiative {i} may not be in period {t}"));
                    }
                    let effort = self.effort.get(i).copied().unwrap_or(0.0);
                    *used.get_mut(t)? += effort;
                    if let Some(team) = self.team.get(i).copied().flatten() {
                        *team_used.get_mut(cell(team, self.periods, t))? += effort;
                    }
                    for &j in self.prerequisites.get(i).map(Vec::as_slice).unwrap_or(&[]) {
                        match assignment.get(j).copied().flatten() {
                            Some(s) if s.saturating_add(self.lag) <= t => {}
                            _ => return Some(format!("{i} needs {j} first")),
                        }
                    }
                }
            }
        }
        for (t, (&u, &c)) in used.iter().zip(&self.capacity).enumerate() {
            if u > c + EPS {
                return Some(format!("period {t} over capacity"));
            }
        }
        for (team, &capacity) in self.team_capacity.iter().enumerate() {
            for t in 0..self.periods {
                if team_used
                    .get(cell(team, self.periods, t))
                    .is_some_and(|&u| u > capacity + EPS)
                {
                    return Some(format!("team {team} over capacity"));
                }
            }
        }
        for (q, quota) in self.quotas.iter().enumerate() {
            let total: f64 = assignment
                .iter()
                .enumerate()
                .filter_map(|(i, slot)| slot.map(|t| self.quota_coefficient(quota, i, t)))
                .sum();
            if total < -EPS {
                return Some(format!("target row {q} not met"));
            }
        }
        None
    }

    /// The objective of a complete assignment.
    pub fn objective(&self, assignment: &[Option<usize>]) -> f64 {
        assignment
            .iter()
            .enumerate()
            .filter_map(|(i, slot)| slot.map(|t| self.profit(i, t)))
            .sum()
    }
}

/// Why an initiative may not be planned before any search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ineligible {
    /// Pinned out.
    Excluded,
    /// Breaks the guardrail.
    Guardrail,
    /// Its value is not above zero and nothing needs it.
    NotWorthIt,
}

/// Builds the model. `scored` is in backlog order. Returns, per initiative,
/// why it is ineligible (if it is).
pub(crate) fn build(
    backlog: &Backlog,
    scored: &[ScoredInitiative],
    options: &PlanOptions,
    pins: &super::check::ResolvedPins,
) -> (Model, Vec<Option<Ineligible>>) {
    let n = backlog.initiatives.len();
    let periods = options.periods.len();
    let multiply = options.value.multiplies_effort(options.scoring.framework);
    let effort: Vec<f64> = backlog
        .initiatives
        .iter()
        .map(|i| i.effort.likely())
        .collect();
    let value: Vec<f64> = scored
        .iter()
        .zip(&effort)
        .map(|(s, e)| if multiply { s.score * e } else { s.score })
        .collect();
    let kind = backlog
        .initiatives
        .iter()
        .map(|i| WorkKind::ALL.iter().position(|k| *k == i.kind).unwrap_or(0))
        .collect();
    let team = backlog
        .initiatives
        .iter()
        .map(|i| {
            options
                .team_capacities
                .iter()
                .position(|t| t.problem_space == i.problem_space)
        })
        .collect();
    let mut prerequisites = vec![Vec::new(); n];
    let mut dependents = vec![Vec::new(); n];
    for (i, initiative) in backlog.initiatives.iter().enumerate() {
        for id in &initiative.dependencies {
            if let Some(j) = backlog.index_of(id) {
                if let Some(list) = prerequisites.get_mut(i) {
                    list.push(j);
                }
                if let Some(list) = dependents.get_mut(j) {
                    list.push(i);
                }
            }
        }
    }
    let mut quotas = Vec::new();
    let scopes: Vec<Option<usize>> = match options.target_scope {
        TargetScope::EachPeriod => (0..periods).map(Some).collect(),
        TargetScope::WholePlan => vec![None],
    };
    for (target_index, target) in options.targets.iter().enumerate() {
        let kind = WorkKind::ALL
            .iter()
            .position(|k| *k == target.kind)
            .unwrap_or(0);
        for &period in &scopes {
            let rows = [(target.min, true), (target.max, false)];
            for (share, minimum) in rows {
                if let Some(share) = share {
                    quotas.push(Quota {
                        kind,
                        share,
                        minimum,
                        period,
                        target: target_index,
                    });
                }
            }
        }
    }
    let last = periods.saturating_sub(1);
    let mut domain = vec![Domain::any(last); n];
    let mut ineligible = vec![None; n];
    for i in 0..n {
        let (Some(slot), Some(why)) = (domain.get_mut(i), ineligible.get_mut(i)) else {
            continue;
        };
        if pins.excluded.get(i).copied().unwrap_or(false) {
            *slot = Domain::out();
            *why = Some(Ineligible::Excluded);
        } else if let Some(t) = pins.fixed.get(i).copied().flatten() {
            *slot = Domain::at(t);
        } else if pins.included.get(i).copied().unwrap_or(false) {
            slot.may_out = false;
        } else if scored.get(i).is_some_and(|s| s.guardrail_violated) {
            *slot = Domain::out();
            *why = Some(Ineligible::Guardrail);
        }
    }
    // Worth planning: a positive value, a pin, or a prerequisite of something
    // worth planning (whatever its own value, since it unlocks the other).
    let mut wanted: Vec<bool> = (0..n)
        .map(|i| {
            let d = domain.get(i).copied().unwrap_or_default();
            d.may_in && (!d.may_out || value.get(i).is_some_and(|v| *v > 0.0))
        })
        .collect();
    let mut stack: Vec<usize> = (0..n).filter(|&i| wanted.get(i) == Some(&true)).collect();
    while let Some(i) = stack.pop() {
        for &j in prerequisites.get(i).map(Vec::as_slice).unwrap_or(&[]) {
            let open = domain.get(j).is_some_and(|d| d.may_in);
            if open && wanted.get(j) == Some(&false) {
                if let Some(w) = wanted.get_mut(j) {
                    *w = true;
                }
                stack.push(j);
            }
        }
    }
    for i in 0..n {
        if wanted.get(i) == Some(&false) {
            if let (Some(slot), Some(why)) = (domain.get_mut(i), ineligible.get_mut(i)) {
                if slot.may_in {
                    *slot = Domain::out();
                    *why = Some(Ineligible::NotWorthIt);
                }
            }
        }
    }
    let model = Model {
        periods,
        capacity: options.periods.iter().map(|p| p.capacity).collect(),
        weight: options.period_weights(),
        effort,
        value,
        kind,
        team,
        team_capacity: options.team_capacities.iter().map(|t| t.capacity).collect(),
        prerequisites,
        dependents,
        lag: usize::from(!options.same_period_dependencies),
        quotas,
        domain,
    };
    (model, ineligible)
}
