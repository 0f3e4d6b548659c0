//! Roadmaps side by side: what each delivers to each side, how it
//! allocates capacity, what changed between them, and which dominate.

use super::result::{KindAllocation, Roadmap};
use crate::limits::MAX_NAME_BYTES;
use crate::Error;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Most roadmaps compared at once.
pub const MAX_SCENARIOS: usize = 8;

/// A roadmap with the scenario's name, such as "Sellers first".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NamedRoadmap {
    /// The scenario's name, unique within a comparison.
    pub name: String,
    /// Its planned roadmap.
    pub roadmap: Roadmap,
}

/// Roadmaps side by side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Comparison {
    /// One summary per roadmap, in the order given.
    pub scenarios: Vec<ScenarioSummary>,
    /// What changes from each roadmap to each later one.
    pub differences: Vec<Difference>,
    /// Every pair where one roadmap is at least as good for both sides and
    /// better for one.
    pub dominance: Vec<Dominance>,
}

/// One roadmap's measures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ScenarioSummary {
    /// The scenario's name.
    pub name: String,
    /// The planner's objective value.
    pub value: f64,
    /// Whether the plan is proven optimal.
    pub optimal: bool,
    /// Total buyer value delivered.
    pub buyer_value: f64,
    /// Total seller value delivered.
    pub seller_value: f64,
    /// Buyer value as a share of both sides' (absolute) value; 0.5 is even.
    pub buyer_share: f64,
    /// The smaller side's value over the larger's, from 0 (one side gets
    /// nothing, or is harmed) to 1 (both get the same).
    pub balance: f64,
    /// Person-months planned.
    pub effort: f64,
    /// Person-months available.
    pub capacity: f64,
    /// Allocation per kind of work across the plan, against the targets.
    pub allocation: Vec<KindAllocation>,
    /// Whether every period meets the targets.
    pub on_target: bool,
    /// The metrics the planned initiatives aim to move.
    pub metrics: Vec<String>,
    /// The problem spaces with planned work.
    pub problem_spaces: Vec<String>,
    /// Number of planned initiatives.
    pub initiatives: usize,
}

/// What changes from one roadmap to another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Difference {
    /// The first roadmap's name.
    pub from: String,
    /// The second roadmap's name.
    pub to: String,
    /// In the second but not the first.
    pub added: Vec<Move>,
    /// In the first but not the second.
    pub removed: Vec<Move>,
    /// In both, in different periods.
    pub moved: Vec<Move>,
}

/// One initiative's place in two roadmaps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Move {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its period in the first roadmap, if there.
    pub from_period: Option<String>,
    /// Its period in the second roadmap, if there.
    pub to_period: Option<String>,
}

/// One roadmap beats another on both sides.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Dominance {
    /// The better roadmap.
    pub dominant: String,
    /// The roadmap it beats.
    pub dominated: String,
}

/// Compares two or more roadmaps.
///
/// ```
/// use twosided::roadmap::{compare_roadmaps, plan_roadmap, NamedRoadmap, PlanOptions, Period};
/// use twosided::{Backlog, Initiative, ScoreOptions, SideEstimate};
/// let for_buyers = Initiative {
///     id: "checkout".into(),
///     name: "Faster checkout".into(),
///     buyer: Some(SideEstimate::new(900.0, 2.0, 1.0)),
///     effort: 3.0.into(),
///     ..Initiative::default()
/// };
/// let for_sellers = Initiative {
///     id: "bulk".into(),
///     name: "Bulk listing".into(),
///     seller: Some(SideEstimate::new(800.0, 2.0, 1.0)),
///     effort: 3.0.into(),
///     ..Initiative::default()
/// };
/// let backlog = Backlog { initiatives: vec![for_buyers, for_sellers], ..Backlog::default() };
/// let plan = |w: f64| {
///     let scoring = ScoreOptions { buyer_weight: w, ..ScoreOptions::default() };
///     let periods = vec![Period::new("Q1", 3.0)];
///     plan_roadmap(&backlog, &PlanOptions { scoring, periods, ..PlanOptions::default() }).unwrap()
/// };
/// let comparison = compare_roadmaps(&[
///     NamedRoadmap { name: "Buyers first".into(), roadmap: plan(0.8) },
///     NamedRoadmap { name: "Sellers first".into(), roadmap: plan(0.2) },
/// ]).unwrap();
/// let [buyers, sellers] = &comparison.scenarios[..] else { panic!() };
/// assert!(buyers.buyer_value > sellers.buyer_value);
/// assert!(sellers.seller_value > buyers.seller_value);
/// assert!(comparison.dominance.is_empty());
/// assert_eq!(comparison.differences[0].added[0].id, "bulk");
/// ```
pub fn compare_roadmaps(scenarios: &[NamedRoadmap]) -> Result<Comparison, Error> {
    if scenarios.len() < 2 {
        return Err(Error::option("scenarios", "compare at least two roadmaps"));
    }
    if scenarios.len() > MAX_SCENARIOS {
        return Err(Error::LimitExceeded {
            path: "scenarios".into(),
            message: format!(
                "at most {MAX_SCENARIOS} roadmaps can be compared at once; {} were given",
                scenarios.len()
            ),
        });
    }
    for (k, scenario) in scenarios.iter().enumerate() {
        let path = format!("scenarios[{k}]");
        if scenario.name.trim().is_empty() || scenario.name.len() > MAX_NAME_BYTES {
            return Err(Error::option(
                format!("{path}.name"),
                format!("every scenario needs a name of 1 to {MAX_NAME_BYTES} characters"),
            ));
        }
        if scenarios.iter().take(k).any(|s| s.name == scenario.name) {
            return Err(Error::option(
                format!("{path}.name"),
                format!("two scenarios are called \"{}\"", scenario.name),
            ));
        }
        let plan = &scenario.roadmap.plan;
        let numbers = [plan.value, plan.buyer_value, plan.seller_value, plan.effort];
        if numbers.iter().any(|v| !v.is_finite()) {
            return Err(Error::NotFinite {
                path: format!("{path}.roadmap.plan"),
                detail: "a total is not a finite number".into(),
            });
        }
    }
    let summaries = scenarios.iter().map(summary).collect::<Vec<_>>();
    let mut differences = Vec::new();
    let mut dominance = Vec::new();
    for (a, first) in scenarios.iter().enumerate() {
        for (b, second) in scenarios.iter().enumerate() {
            if a < b {
                differences.push(difference(first, second));
            }
            if let (Some(x), Some(y)) = (summaries.get(a), summaries.get(b)) {
                if a != b && dominates(x, y) {
                    dominance.push(Dominance {
                        dominant: x.name.clone(),
                        dominated: y.name.clone(),
                    });
                }
            }
        }
    }
    Ok(Comparison {
        scenarios: summaries,
        differences,
        dominance,
    })
}

fn dominates(a: &ScenarioSummary, b: &ScenarioSummary) -> bool {
    let tolerance = 1e-9 * a.buyer_value.abs().max(a.seller_value.abs()).max(1.0);
    let at_least =
        a.buyer_value >= b.buyer_value - tolerance && a.seller_value >= b.seller_value - tolerance;
    let better =
        a.buyer_value > b.buyer_value + tolerance || a.seller_value > b.seller_value + tolerance;
    at_least && better
}

fn summary(scenario: &NamedRoadmap) -> ScenarioSummary {
    let roadmap = &scenario.roadmap;
    let plan = &roadmap.plan;
    let (b, s) = (plan.buyer_value, plan.seller_value);
    let magnitude = b.abs() + s.abs();
    let buyer_share = if magnitude > 0.0 {
        b.abs() / magnitude
    } else {
        0.5
    };
    let balance = if b > 0.0 && s > 0.0 {
        b.min(s) / b.max(s)
    } else if b == 0.0 && s == 0.0 {
        1.0
    } else {
        0.0
    };
    let text_set = |pick: &dyn Fn(&super::PlannedInitiative) -> &str| {
        plan.scheduled
            .iter()
            .map(pick)
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect::<Vec<_>>()
    };
    ScenarioSummary {
        name: scenario.name.clone(),
        value: roadmap.value,
        optimal: roadmap.optimal,
        buyer_value: b,
        seller_value: s,
        buyer_share,
        balance,
        effort: plan.effort,
        capacity: plan.periods.iter().map(|p| p.capacity).sum(),
        allocation: plan.allocation.clone(),
        on_target: plan
            .periods
            .iter()
            .flat_map(|p| &p.allocation)
            .chain(&plan.allocation)
            .all(|a| a.on_target)
            || roadmap.targets.is_empty(),
        metrics: text_set(&|p| p.target_metric.as_str()),
        problem_spaces: text_set(&|p| p.problem_space.as_str()),
        initiatives: plan.scheduled.len(),
    }
}

fn difference(first: &NamedRoadmap, second: &NamedRoadmap) -> Difference {
    let places = |roadmap: &Roadmap| -> BTreeMap<String, (String, String)> {
        roadmap
            .plan
            .scheduled
            .iter()
            .map(|p| (p.id.clone(), (p.name.clone(), p.period_name.clone())))
            .collect()
    };
    let (before, after) = (places(&first.roadmap), places(&second.roadmap));
    let mut out = Difference {
        from: first.name.clone(),
        to: second.name.clone(),
        added: Vec::new(),
        removed: Vec::new(),
        moved: Vec::new(),
    };
    for (id, (name, period)) in &after {
        match before.get(id) {
            None => out.added.push(Move {
                id: id.clone(),
                name: name.clone(),
                from_period: None,
                to_period: Some(period.clone()),
            }),
            Some((_, old)) if old != period => out.moved.push(Move {
                id: id.clone(),
                name: name.clone(),
                from_period: Some(old.clone()),
                to_period: Some(period.clone()),
            }),
            Some(_) => {}
        }
    }
    for (id, (name, period)) in &before {
        if !after.contains_key(id) {
            out.removed.push(Move {
                id: id.clone(),
                name: name.clone(),
                from_period: Some(period.clone()),
                to_period: None,
            });
        }
    }
    out
}
