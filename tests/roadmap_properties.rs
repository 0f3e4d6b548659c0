//! Property tests: on small random roadmaps the planner's value equals the
//! true optimum found by trying every assignment; every plan (exact and
//! greedy) respects capacity, targets, dependencies and pins; the exact plan
//! is never worth less than the greedy one.

mod roadmap_common;

use proptest::prelude::*;
use roadmap_common::{
    assignment, backlog, brute_force, item, objective, options, respects_rules, values,
};
use twosided::roadmap::{
    plan_roadmap, AllocationTarget, CostOfDelay, FixedPin, PlanOptions, TargetScope, TeamCapacity,
};
use twosided::{Backlog, WorkKind};

#[derive(Debug, Clone)]
struct Instance {
    backlog: Backlog,
    options: PlanOptions,
}

fn instance() -> impl Strategy<Value = Instance> {
    (1usize..=3)
        .prop_flat_map(|periods| {
            let most = match periods {
                1 => 13,
                2 => 9,
                _ => 7,
            };
            (Just(periods), 1usize..=most)
        })
        .prop_flat_map(|(periods, n)| {
            let items = proptest::collection::vec(
                (
                    -10i32..60, // value
                    prop_oneof![Just(0.5), Just(1.0), Just(2.0), Just(3.0), Just(5.0)],
                    0usize..3,                                    // kind
                    proptest::option::weighted(0.25, 0usize..16), // a dependency on an earlier item
                ),
                n,
            );
            let capacities = proptest::collection::vec(0u32..12, periods);
            let targets = proptest::collection::vec(
                (
                    0usize..3,
                    proptest::option::of(0u32..6),
                    proptest::option::of(3u32..11),
                ),
                0..3,
            );
            let pins = proptest::collection::vec((0usize..16, 0usize..4), 0..3);
            (
                items,
                capacities,
                targets,
                any::<bool>(),                 // whole-plan scope
                any::<bool>(),                 // same-period dependencies
                proptest::option::of(0u32..3), // cost of delay tail
                pins,
                proptest::option::of(1u32..8), // a team capacity for platform work
            )
        })
        .prop_map(
            |(items, capacities, targets, whole, same, cod, pins, team)| {
                let kinds = [
                    WorkKind::CustomerFacing,
                    WorkKind::Platform,
                    WorkKind::Operational,
                ];
                let n = items.len();
                let initiatives = items
                    .iter()
                    .enumerate()
                    .map(|(k, &(value, effort, kind, dependency))| {
                        let id = format!("i{k}");
                        let deps: Vec<String> = dependency
                            .filter(|_| k > 0)
                            .map(|d| format!("i{}", d % k))
                            .into_iter()
                            .collect();
                        let refs: Vec<&str> = deps.iter().map(String::as_str).collect();
                        item(&id, value as f64, effort, kinds[kind], &refs)
                    })
                    .collect();
                let mut opts = options(&capacities.iter().map(|&c| c as f64).collect::<Vec<_>>());
                let mut seen = Vec::new();
                for (kind, min, max) in targets {
                    if seen.contains(&kind) {
                        continue;
                    }
                    seen.push(kind);
                    let min = min.map(|m| m as f64 / 10.0);
                    let max = max.map(|m| m as f64 / 10.0);
                    if let (Some(a), Some(b)) = (min, max) {
                        if a > b {
                            continue;
                        }
                    }
                    opts.targets.push(AllocationTarget {
                        kind: kinds[kind],
                        min,
                        max,
                    });
                }
                if opts.targets.iter().filter_map(|t| t.min).sum::<f64>() > 1.0 {
                    opts.targets.clear();
                }
                opts.target_scope = if whole {
                    TargetScope::WholePlan
                } else {
                    TargetScope::EachPeriod
                };
                opts.same_period_dependencies = same;
                opts.cost_of_delay = cod.map(|tail| CostOfDelay {
                    periods_after_plan: tail as f64,
                });
                for (who, what) in pins {
                    let id = format!("i{}", who % n);
                    let taken = opts.pins.include.contains(&id)
                        || opts.pins.exclude.contains(&id)
                        || opts.pins.fixed.iter().any(|p| p.id == id);
                    if taken {
                        continue;
                    }
                    match what {
                        0 => opts.pins.include.push(id),
                        1 => opts.pins.exclude.push(id),
                        t => {
                            let period = (t - 2) % opts.periods.len();
                            opts.pins.fixed.push(FixedPin {
                                id,
                                period: opts.periods[period].name.clone(),
                            });
                        }
                    }
                }
                if let Some(capacity) = team {
                    opts.team_capacities.push(TeamCapacity {
                        problem_space: "platform".into(),
                        capacity: capacity as f64,
                    });
                }
                Instance {
                    backlog: backlog(initiatives),
                    options: opts,
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, .. ProptestConfig::default() })]

    #[test]
    fn the_planner_finds_the_true_optimum(instance in instance()) {
        let Instance { backlog, options } = instance;
        let truth = brute_force(&backlog, &options);
        match plan_roadmap(&backlog, &options) {
            Ok(roadmap) => {
                prop_assert!(roadmap.optimal, "small instances are solved exactly");
                let (best, _) = truth.clone().expect("the planner found a plan, so one exists");
                prop_assert!((roadmap.value - best).abs() <= 1e-6 * best.abs().max(1.0),
                    "planner {} vs optimum {}", roadmap.value, best);
                let plan = assignment(&backlog, &roadmap.plan);
                prop_assert!(respects_rules(&backlog, &options, &plan), "plan breaks a rule: {:?}", plan);
                let values = values(&backlog, &options);
                prop_assert!((objective(&options, &values, &plan) - roadmap.value).abs() < 1e-6);
                if let Some(greedy) = &roadmap.greedy {
                    let greedy_plan = assignment(&backlog, greedy);
                    prop_assert!(respects_rules(&backlog, &options, &greedy_plan), "greedy breaks a rule: {:?}", greedy_plan);
                    prop_assert!(roadmap.value >= greedy.value - 1e-9);
                    prop_assert!(roadmap.gain_over_greedy.unwrap() >= -1e-9);
                }
                prop_assert_eq!(roadmap.plan.scheduled.len() + roadmap.left_out.len(), backlog.initiatives.len());
            }
            Err(error) => {
                prop_assert_eq!(error.code(), "INFEASIBLE", "{}", error);
                prop_assert!(truth.is_none(), "the planner said infeasible, but {:?} exists", truth);
            }
        }
    }

    #[test]
    fn a_stopped_search_keeps_its_promises(instance in instance(), budget in 1u64..20) {
        let Instance { backlog, mut options } = instance;
        options.node_budget = budget;
        if let Ok(roadmap) = plan_roadmap(&backlog, &options) {
            let plan = assignment(&backlog, &roadmap.plan);
            prop_assert!(respects_rules(&backlog, &options, &plan));
            prop_assert!(roadmap.bound >= roadmap.value - 1e-9);
            if let Some((best, _)) = brute_force(&backlog, &options) {
                prop_assert!(roadmap.bound >= best - 1e-6 * best.abs().max(1.0), "bound {} below optimum {}", roadmap.bound, best);
                if roadmap.optimal {
                    prop_assert!((roadmap.value - best).abs() <= 1e-6 * best.abs().max(1.0));
                }
            }
        }
    }
}
