//! When no plan exists: which pins, targets or capacities conflict, in
//! words a product lead can act on.

use super::check::ResolvedPins;
use super::model::{Model, EPS};
use super::node::{Conflict, Node};
use super::options::PlanOptions;
use super::search::{self, Budget};
use crate::formula::Moscow;
use crate::model::Backlog;
use crate::scoring::{format_number, format_percent};
use crate::Error;

fn name(backlog: &Backlog, i: usize) -> String {
    backlog
        .initiatives
        .get(i)
        .map(|x| format!("\"{}\"", x.name))
        .unwrap_or_default()
}

/// Where a pin on initiative `i` was given, if it has one.
fn pin_path(backlog: &Backlog, options: &PlanOptions, i: usize) -> Option<String> {
    let id = backlog.initiatives.get(i).map(|x| x.id.as_str())?;
    let pins = &options.pins;
    if let Some(k) = pins.fixed.iter().position(|p| p.id == id) {
        return Some(format!("pins.fixed[{k}]"));
    }
    if let Some(k) = pins.include.iter().position(|p| p == id) {
        return Some(format!("pins.include[{k}]"));
    }
    if let Some(k) = pins.exclude.iter().position(|p| p == id) {
        return Some(format!("pins.exclude[{k}]"));
    }
    // A pin made by a MoSCoW label is named by the option that made it.
    match backlog.initiatives.get(i).and_then(|x| x.moscow) {
        Some(Moscow::Must) if options.must_as_pins => Some("mustAsPins".into()),
        Some(Moscow::Wont) if options.wont_as_exclusions => Some("wontAsExclusions".into()),
        _ => None,
    }
}

fn describe_pin(
    backlog: &Backlog,
    options: &PlanOptions,
    pins: &ResolvedPins,
    i: usize,
) -> Option<String> {
    let who = name(backlog, i);
    if let Some(t) = pins.fixed.get(i).copied().flatten() {
        let period = options
            .periods
            .get(t)
            .map(|p| p.name.as_str())
            .unwrap_or("");
        return Some(format!("{who} is pinned to {period}"));
    }
    if pins.included.get(i).copied().unwrap_or(false) {
        return Some(format!("{who} is pinned into the plan"));
    }
    if pins.excluded.get(i).copied().unwrap_or(false) {
        return Some(format!("{who} is pinned out of the plan"));
    }
    None
}

/// Pins and dependencies that leave an initiative nothing possible.
pub(crate) fn root_conflict(
    backlog: &Backlog,
    options: &PlanOptions,
    model: &Model,
    pins: &ResolvedPins,
    conflict: Conflict,
) -> Error {
    match conflict {
        Conflict::Pins(i) => pins_conflict(backlog, options, model, pins, i),
        Conflict::Capacity(i) => {
            let t = model.domain.get(i).map(|d| d.lo).unwrap_or(0);
            let fixed: f64 = (0..model.len())
                .filter(|&j| pins.fixed.get(j) == Some(&Some(t)))
                .map(|j| model.effort.get(j).copied().unwrap_or(0.0))
                .sum();
            let period = options.periods.get(t);
            Error::Infeasible {
                path: format!("periods[{t}].capacity"),
                message: format!(
                    "the work pinned to {} (including {}) needs {} person-months, but the period (or its team) has only {}",
                    period.map(|p| p.name.as_str()).unwrap_or(""),
                    name(backlog, i),
                    format_number(fixed),
                    format_number(period.map(|p| p.capacity).unwrap_or(0.0))
                ),
            }
        }
    }
}

fn pins_conflict(
    backlog: &Backlog,
    options: &PlanOptions,
    model: &Model,
    pins: &ResolvedPins,
    i: usize,
) -> Error {
    let prerequisites = model.prerequisites_of(i);
    let dependents = model.dependents.get(i).map(Vec::as_slice).unwrap_or(&[]);
    let mut involved = vec![i];
    involved.extend(prerequisites.iter().chain(dependents).copied());
    let mut parts: Vec<String> = involved
        .iter()
        .filter_map(|&x| describe_pin(backlog, options, pins, x))
        .collect();
    let order = if model.lag == 1 {
        "in an earlier period"
    } else {
        "no later than itself"
    };
    for &j in prerequisites {
        parts.push(format!(
            "{} needs {} first ({order})",
            name(backlog, i),
            name(backlog, j)
        ));
        if model.domain.get(j).is_some_and(|d| !d.may_in)
            && describe_pin(backlog, options, pins, j).is_none()
        {
            parts.push(format!(
                "{} cannot be planned (it breaks the guardrail)",
                name(backlog, j)
            ));
        }
    }
    for &d in dependents {
        parts.push(format!(
            "{} needs {} first ({order})",
            name(backlog, d),
            name(backlog, i)
        ));
    }
    let path = involved
        .iter()
        .find_map(|&x| pin_path(backlog, options, x))
        .unwrap_or_else(|| format!("initiatives[{i}].dependencies"));
    Error::Infeasible {
        path,
        message: format!(
            "{} cannot be planned because these cannot all hold: {}",
            name(backlog, i),
            parts.join("; ")
        ),
    }
}

/// Work that must be in needs more than the capacity of the periods it may use.
pub(crate) fn check_pinned_capacity(
    backlog: &Backlog,
    options: &PlanOptions,
    model: &Model,
    root: &Node,
) -> Result<(), Error> {
    let must: Vec<usize> = (0..model.len())
        .filter(|&i| root.domains.get(i).is_some_and(|d| !d.may_out))
        .collect();
    let needed: f64 = must
        .iter()
        .map(|&i| model.effort.get(i).copied().unwrap_or(0.0))
        .sum();
    let total: f64 = model.capacity.iter().sum();
    if needed > total + EPS {
        let names: Vec<String> = must.iter().map(|&i| name(backlog, i)).collect();
        return Err(Error::Infeasible {
            path: "pins".into(),
            message: format!(
                "the pinned work and its prerequisites ({}) need {} person-months, but all {} periods together have {}",
                names.join(", "),
                format_number(needed),
                options.periods.len(),
                format_number(total)
            ),
        });
    }
    for &i in &must {
        let Some(d) = root.domains.get(i) else {
            continue;
        };
        let largest = (d.lo..=d.hi)
            .filter_map(|t| model.capacity.get(t))
            .fold(0.0_f64, |a, &b| a.max(b));
        let size = model.effort.get(i).copied().unwrap_or(0.0);
        if size > largest + EPS {
            return Err(Error::Infeasible {
                path: pin_path(backlog, options, i).unwrap_or_else(|| "pins".into()),
                message: format!(
                    "{} must be in the plan and needs {} person-months, but no period it could go in has more than {}",
                    name(backlog, i),
                    format_number(size),
                    format_number(largest)
                ),
            });
        }
    }
    Ok(())
}

fn feasible(model: &Model) -> bool {
    let Ok(root) = Node::root(model) else {
        return false;
    };
    let budget = Budget {
        nodes: 200_000,
        by_size: false,
        clock: None,
    };
    search::solve(model, root, None, &budget)
        .assignment
        .is_some()
}

/// The search proved that no plan meets everything: finds which targets,
/// if dropped, would allow one.
pub(crate) fn no_plan(
    backlog: &Backlog,
    options: &PlanOptions,
    model: &Model,
    pins: &ResolvedPins,
) -> Error {
    let pinned: Vec<String> = (0..model.len())
        .filter_map(|i| describe_pin(backlog, options, pins, i))
        .filter(|d| !d.ends_with("out of the plan"))
        .collect();
    let pinned_text = if pinned.is_empty() {
        "the dependencies".to_string()
    } else {
        pinned.join("; ")
    };
    let mut without_targets = model.clone();
    without_targets.quotas.clear();
    if model.quotas.is_empty() || !feasible(&without_targets) {
        return Error::Infeasible {
            path: "pins".into(),
            message: format!("no plan fits the capacities while keeping these pins: {pinned_text}"),
        };
    }
    let mut culprits = Vec::new();
    for (k, target) in options.targets.iter().enumerate() {
        let mut relaxed = model.clone();
        relaxed.quotas.retain(|q| q.target != k);
        if feasible(&relaxed) {
            let mut limits = Vec::new();
            if let Some(min) = target.min {
                limits.push(format!("at least {}", format_percent(min)));
            }
            if let Some(max) = target.max {
                limits.push(format!("at most {}", format_percent(max)));
            }
            culprits.push((
                k,
                format!("{} work {}", target.kind.label(), limits.join(" and ")),
            ));
        }
    }
    let (path, targets_text) = match culprits.first() {
        Some((k, _)) => (
            format!("targets[{k}]"),
            culprits
                .iter()
                .map(|(_, t)| t.as_str())
                .collect::<Vec<_>>()
                .join(", or "),
        ),
        None => (
            "targets".to_string(),
            "the allocation targets together".to_string(),
        ),
    };
    Error::Infeasible {
        path,
        message: format!(
            "no plan meets both the pins ({pinned_text}) and the target {targets_text}; relax that target or a pin"
        ),
    }
}
