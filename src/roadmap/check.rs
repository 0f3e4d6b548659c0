//! Checks plan options before planning: every number in range, every id and
//! period known, and pins that do not contradict each other.

use super::options::PlanOptions;
use crate::formula::{label_pins, LabelPinOptions};
use crate::limits::{MAX_ID_BYTES, MAX_NAME_BYTES};
use crate::model::Backlog;
use crate::scoring::format_percent;
use crate::Error;

/// Most periods in one plan.
pub const MAX_PLAN_PERIODS: usize = 12;
/// Most initiatives the planner accepts.
pub const MAX_PLAN_INITIATIVES: usize = 2_000;
/// Most team capacities.
pub const MAX_TEAMS: usize = 256;
/// Largest capacity or period length.
pub const MAX_CAPACITY: f64 = 1e6;
/// Most search steps a caller may allow the exact planner (50 times the
/// default): with the time budget, this bounds how long a plan can take.
pub const MAX_NODE_BUDGET: u64 = 100_000_000;
/// Longest time budget a caller may give the planner, in milliseconds (one
/// minute; the default is 2 seconds).
pub const MAX_TIME_BUDGET_MS: f64 = 60_000.0;

/// Pins resolved to backlog indices.
#[derive(Debug, Clone, Default)]
pub(crate) struct ResolvedPins {
    pub included: Vec<bool>,
    pub excluded: Vec<bool>,
    pub fixed: Vec<Option<usize>>,
}

fn bad(path: String, message: impl Into<String>) -> Error {
    Error::option(path, message)
}

fn conflict(path: String, message: String) -> Error {
    Error::Infeasible { path, message }
}

/// Checks the options and resolves the pins.
pub(crate) fn check(backlog: &Backlog, options: &PlanOptions) -> Result<ResolvedPins, Error> {
    let n = backlog.initiatives.len();
    if n > MAX_PLAN_INITIATIVES {
        return Err(Error::LimitExceeded {
            path: "initiatives".into(),
            message: format!(
                "the planner takes at most {MAX_PLAN_INITIATIVES} initiatives; this backlog has {n}"
            ),
        });
    }
    check_periods(options)?;
    for (k, team) in options.team_capacities.iter().enumerate() {
        let path = format!("teamCapacities[{k}]");
        if team.problem_space.trim().is_empty() || team.problem_space.len() > MAX_NAME_BYTES {
            return Err(bad(
                format!("{path}.problemSpace"),
                "name the problem space the capacity belongs to",
            ));
        }
        if options
            .team_capacities
            .iter()
            .take(k)
            .any(|t| t.problem_space == team.problem_space)
        {
            return Err(bad(
                format!("{path}.problemSpace"),
                format!("\"{}\" has two capacities; give it one", team.problem_space),
            ));
        }
        check_amount(
            team.capacity,
            format!("{path}.capacity"),
            "a team's capacity",
        )?;
    }
    if options.team_capacities.len() > MAX_TEAMS {
        return Err(bad(
            "teamCapacities".into(),
            format!("at most {MAX_TEAMS} team capacities"),
        ));
    }
    check_targets(options)?;
    if let Some(cost_of_delay) = options.cost_of_delay {
        let after = cost_of_delay.periods_after_plan;
        if !(after.is_finite() && (0.0..=MAX_CAPACITY).contains(&after)) {
            return Err(bad(
                "costOfDelay.periodsAfterPlan".into(),
                "how long value counts after the plan must be 0 or more",
            ));
        }
    }
    if options.node_budget == 0 {
        return Err(bad(
            "nodeBudget".into(),
            "the search needs at least one step",
        ));
    }
    if options.node_budget > MAX_NODE_BUDGET {
        return Err(Error::LimitExceeded {
            path: "nodeBudget".into(),
            message: format!(
                "the search may take at most {MAX_NODE_BUDGET} steps; {} were asked for",
                options.node_budget
            ),
        });
    }
    if !(options.time_budget_ms.is_finite() && options.time_budget_ms > 0.0) {
        return Err(bad(
            "timeBudgetMs".into(),
            "the time budget must be a number of milliseconds above 0",
        ));
    }
    if options.time_budget_ms > MAX_TIME_BUDGET_MS {
        return Err(Error::LimitExceeded {
            path: "timeBudgetMs".into(),
            message: format!(
                "the planner may be given at most {MAX_TIME_BUDGET_MS} milliseconds; {} were asked for",
                options.time_budget_ms
            ),
        });
    }
    resolve_pins(backlog, options)
}

fn check_amount(value: f64, path: String, what: &str) -> Result<(), Error> {
    if value.is_finite() && (0.0..=MAX_CAPACITY).contains(&value) {
        Ok(())
    } else {
        Err(bad(
            path,
            format!("{what} must be a number of person-months from 0 to {MAX_CAPACITY}"),
        ))
    }
}

fn check_periods(options: &PlanOptions) -> Result<(), Error> {
    let count = options.periods.len();
    if count == 0 || count > MAX_PLAN_PERIODS {
        return Err(bad(
            "periods".into(),
            format!("a plan needs 1 to {MAX_PLAN_PERIODS} periods; it has {count}"),
        ));
    }
    for (t, period) in options.periods.iter().enumerate() {
        let path = format!("periods[{t}]");
        if period.name.trim().is_empty() || period.name.len() > MAX_NAME_BYTES {
            return Err(bad(
                format!("{path}.name"),
                format!("every period needs a name of 1 to {MAX_NAME_BYTES} characters"),
            ));
        }
        if options
            .periods
            .iter()
            .take(t)
            .any(|p| p.name == period.name)
        {
            return Err(bad(
                format!("{path}.name"),
                format!("two periods are called \"{}\"", period.name),
            ));
        }
        check_amount(period.capacity, format!("{path}.capacity"), "a capacity")?;
        if !(period.length.is_finite() && period.length > 0.0 && period.length <= MAX_CAPACITY) {
            return Err(bad(
                format!("{path}.length"),
                "a period's length must be above 0",
            ));
        }
    }
    Ok(())
}

fn check_targets(options: &PlanOptions) -> Result<(), Error> {
    let mut min_total = 0.0;
    for (k, target) in options.targets.iter().enumerate() {
        let path = format!("targets[{k}]");
        if options
            .targets
            .iter()
            .take(k)
            .any(|t| t.kind == target.kind)
        {
            return Err(bad(
                format!("{path}.kind"),
                format!(
                    "{} work has two targets; give it one with min and max",
                    target.kind.label()
                ),
            ));
        }
        for (share, field) in [(target.min, "min"), (target.max, "max")] {
            if let Some(share) = share {
                if !(share.is_finite() && (0.0..=1.0).contains(&share)) {
                    return Err(bad(
                        format!("{path}.{field}"),
                        "a share must be between 0 and 1 (0.2 is 20%)",
                    ));
                }
            }
        }
        if let (Some(min), Some(max)) = (target.min, target.max) {
            if min > max {
                return Err(conflict(
                    path,
                    format!(
                        "{} work must be at least {} and at most {}, which cannot both hold",
                        target.kind.label(),
                        format_percent(min),
                        format_percent(max)
                    ),
                ));
            }
        }
        min_total += target.min.unwrap_or(0.0);
    }
    if min_total > 1.0 + 1e-9 {
        return Err(conflict(
            "targets".into(),
            format!(
                "the minimum shares add up to {}, more than all the capacity used",
                format_percent(min_total)
            ),
        ));
    }
    Ok(())
}

fn resolve_pins(backlog: &Backlog, options: &PlanOptions) -> Result<ResolvedPins, Error> {
    let n = backlog.initiatives.len();
    let mut pins = ResolvedPins {
        included: vec![false; n],
        excluded: vec![false; n],
        fixed: vec![None; n],
    };
    let find = |id: &str, path: String| {
        backlog.index_of(id).ok_or_else(|| {
            let shown: String = id.chars().take(MAX_ID_BYTES).collect();
            bad(path, format!("no initiative has the id \"{shown}\""))
        })
    };
    for (k, id) in options.pins.include.iter().enumerate() {
        let i = find(id, format!("pins.include[{k}]"))?;
        if let Some(slot) = pins.included.get_mut(i) {
            *slot = true;
        }
    }
    for (k, pin) in options.pins.fixed.iter().enumerate() {
        let path = format!("pins.fixed[{k}]");
        let i = find(&pin.id, format!("{path}.id"))?;
        let t = options.period_index(&pin.period).ok_or_else(|| {
            bad(
                format!("{path}.period"),
                format!("there is no period called \"{}\"", pin.period),
            )
        })?;
        if let Some(slot) = pins.fixed.get_mut(i) {
            if slot.is_some_and(|s| s != t) {
                return Err(conflict(
                    path,
                    format!("\"{}\" is pinned to two different periods", pin.id),
                ));
            }
            *slot = Some(t);
        }
    }
    for (k, id) in options.pins.exclude.iter().enumerate() {
        let path = format!("pins.exclude[{k}]");
        let i = find(id, path.clone())?;
        let kept = pins.included.get(i).copied().unwrap_or(false)
            || pins.fixed.get(i).copied().flatten().is_some();
        if kept {
            return Err(conflict(
                path,
                format!("\"{id}\" is pinned both in and out of the plan"),
            ));
        }
        if let Some(slot) = pins.excluded.get_mut(i) {
            *slot = true;
        }
    }
    apply_labels(backlog, options, &mut pins)?;
    Ok(pins)
}

/// Adds the pins MoSCoW labels make when `mustAsPins` or
/// `wontAsExclusions` is on, merged with the explicit pins. A label that
/// contradicts an explicit pin is a conflict naming both: neither is
/// silently preferred.
fn apply_labels(
    backlog: &Backlog,
    options: &PlanOptions,
    pins: &mut ResolvedPins,
) -> Result<(), Error> {
    let labels = label_pins(
        backlog,
        &LabelPinOptions {
            must_as_pin: options.must_as_pins,
            wont_as_exclusion: options.wont_as_exclusions,
        },
    );
    let position = |list: &[String], id: &str| list.iter().position(|x| x == id);
    for id in &labels.must_include {
        let Some(i) = backlog.index_of(id) else {
            continue;
        };
        if let Some(k) = position(&options.pins.exclude, id) {
            return Err(conflict(
                format!("pins.exclude[{k}]"),
                format!(
                    "\"{id}\" is labelled Must, and mustAsPins pins must-haves into the plan, but pins.exclude[{k}] keeps it out; remove the pin, change the label or turn mustAsPins off"
                ),
            ));
        }
        if let Some(slot) = pins.included.get_mut(i) {
            *slot = true;
        }
    }
    for id in &labels.exclude {
        let Some(i) = backlog.index_of(id) else {
            continue;
        };
        let explicit = position(&options.pins.include, id)
            .map(|k| format!("pins.include[{k}]"))
            .or_else(|| {
                options
                    .pins
                    .fixed
                    .iter()
                    .position(|p| p.id == *id)
                    .map(|k| format!("pins.fixed[{k}]"))
            });
        if let Some(path) = explicit {
            return Err(conflict(
                path.clone(),
                format!(
                    "\"{id}\" is labelled Won't, and wontAsExclusions keeps won't-haves out of the plan, but {path} pins it in; remove the pin, change the label or turn wontAsExclusions off"
                ),
            ));
        }
        if let Some(slot) = pins.excluded.get_mut(i) {
            *slot = true;
        }
    }
    Ok(())
}
