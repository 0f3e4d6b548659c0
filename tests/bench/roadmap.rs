//! Benchmark of the roadmap planner: time for 50, 100, 200 and 300
//! initiatives over 4 periods, against a baseline measured in the same run
//! (scoring the same backlog), and the greedy gap on the example backlog.
//!
//! Run by hand (release build; it is ignored by the normal test run):
//! `cargo test --release --test roadmap_bench -- --ignored --nocapture`

use std::time::Instant;
use twosided::roadmap::{plan_roadmap_with_clock, AllocationTarget, Period, PlanOptions};
use twosided::{example_backlog, Backlog, Estimate, Initiative, SideEstimate, WorkKind};

/// A small deterministic generator (xorshift), so every run plans the same backlogs.
pub struct Generator(u64);

impl Generator {
    pub fn new(seed: u64) -> Self {
        Generator(seed.max(1))
    }
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[(self.next() % items.len() as u64) as usize]
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// A marketplace-like backlog: efforts on the usual person-month steps,
/// RICE estimates on both sides, 60/25/15 kinds, one in ten initiatives
/// depending on an earlier one.
pub fn synthetic_backlog(n: usize, seed: u64) -> Backlog {
    let mut g = Generator::new(seed);
    let impacts = [3.0, 2.0, 1.0, 0.5, 0.25];
    let confidences = [1.0, 0.8, 0.5];
    let initiatives = (0..n)
        .map(|k| {
            let kind = match g.below(20) {
                0..=11 => WorkKind::CustomerFacing,
                12..=16 => WorkKind::Platform,
                _ => WorkKind::Operational,
            };
            let side = |g: &mut Generator| {
                SideEstimate::new(
                    (50 + g.below(5000)) as f64,
                    g.pick(&impacts),
                    g.pick(&confidences),
                )
            };
            let buyer = side(&mut g);
            let seller = side(&mut g);
            let dependencies = if k > 0 && g.below(10) == 0 {
                vec![format!("i{}", g.below(k as u64))]
            } else {
                Vec::new()
            };
            Initiative {
                id: format!("i{k}"),
                name: format!("Initiative {k}"),
                kind,
                problem_space: format!("space {}", g.below(6)),
                buyer: Some(buyer),
                seller: if g.below(3) == 0 { None } else { Some(seller) },
                effort: Estimate::Value(g.pick(&[0.5, 1.0, 2.0, 3.0, 5.0, 8.0])),
                dependencies,
                ..Initiative::default()
            }
        })
        .collect();
    Backlog {
        initiatives,
        ..Backlog::default()
    }
}

/// Four quarters holding about half the backlog's effort, with platform at
/// least 20% and operational at most 15% of each quarter.
pub fn bench_options(backlog: &Backlog, time_budget_ms: f64) -> PlanOptions {
    let total: f64 = backlog.initiatives.iter().map(|i| i.effort.likely()).sum();
    let per_period = (total / 8.0).round().max(1.0);
    PlanOptions {
        periods: (1..=4)
            .map(|q| Period::new(&format!("2027-Q{q}"), per_period))
            .collect(),
        targets: vec![
            AllocationTarget {
                kind: WorkKind::Platform,
                min: Some(0.2),
                max: None,
            },
            AllocationTarget {
                kind: WorkKind::Operational,
                min: None,
                max: Some(0.15),
            },
        ],
        time_budget_ms,
        node_budget: twosided::roadmap::MAX_NODE_BUDGET,
        ..PlanOptions::default()
    }
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

#[test]
#[ignore = "a benchmark: run by hand with --release --ignored --nocapture"]
fn roadmap_planner_times() {
    let start = Instant::now();
    let clock = move || start.elapsed().as_secs_f64() * 1000.0;
    // BUDGET_MS (default 10000) and TARGETS=0 (no allocation targets) choose the run.
    let budget: f64 = std::env::var("BUDGET_MS")
        .ok()
        .and_then(|b| b.parse().ok())
        .unwrap_or(10_000.0);
    let targets = std::env::var("TARGETS").map(|t| t != "0").unwrap_or(true);
    println!("budget {budget} ms, allocation targets: {targets}");
    println!("| initiatives | plan ms (median of 5 seeds) | worst ms | optimal | max gap | score ms | plan / score |");
    println!("|---|---|---|---|---|---|---|");
    for n in [50, 100, 200, 300] {
        let mut times = Vec::new();
        let mut baseline = Vec::new();
        let mut optimal = 0;
        let mut worst_gap: f64 = 0.0;
        for seed in 1..=5u64 {
            let backlog = synthetic_backlog(n, seed * 7919 + n as u64);
            let mut options = bench_options(&backlog, budget);
            if !targets {
                options.targets.clear();
            }
            let t0 = clock();
            let ranked = twosided::score(&backlog, &options.scoring).unwrap();
            baseline.push(clock() - t0);
            assert_eq!(ranked.len(), n);
            let t0 = clock();
            let roadmap = plan_roadmap_with_clock(&backlog, &options, &clock).unwrap();
            times.push(clock() - t0);
            if roadmap.optimal {
                optimal += 1;
            }
            worst_gap = worst_gap.max(roadmap.relative_gap);
        }
        let (plan, score) = (median(times.clone()), median(baseline));
        let worst = times.iter().copied().fold(0.0, f64::max);
        println!(
            "| {n} | {plan:.1} | {worst:.1} | {optimal}/5 | {:.3}% | {score:.2} | {:.0}x |",
            worst_gap * 100.0,
            plan / score.max(1e-6)
        );
    }
    let example = example_backlog();
    if !example.initiatives.is_empty() {
        let mut options = bench_options(&example, budget);
        if !targets {
            options.targets.clear();
        }
        let roadmap = plan_roadmap_with_clock(&example, &options, &clock).unwrap();
        println!(
            "example backlog ({} initiatives, 4 x {} person-months): exact {:.1}, greedy {:.1}, gain {:.2}% (optimal: {})",
            example.initiatives.len(),
            options.periods[0].capacity,
            roadmap.value,
            roadmap.greedy.as_ref().map(|g| g.value).unwrap_or(f64::NAN),
            roadmap.gain_over_greedy_share.unwrap_or(f64::NAN) * 100.0,
            roadmap.optimal
        );
    }
}

#[test]
#[ignore = "diagnosis"]
fn roadmap_diagnosis() {
    let start = Instant::now();
    let clock = move || start.elapsed().as_secs_f64() * 1000.0;
    for targets in [false, true] {
        for (n, seed) in [50, 100, 200, 300]
            .iter()
            .flat_map(|&n| (1..=5u64).map(move |s| (n, s)))
        {
            let backlog = synthetic_backlog(n, seed * 7919 + n as u64);
            let mut options = bench_options(&backlog, 3_000.0);
            if !targets {
                options.targets.clear();
            }
            let t0 = clock();
            let r = plan_roadmap_with_clock(&backlog, &options, &clock).unwrap();
            println!(
                "targets {targets} n {n}: {:.0} ms optimal {} value {:.1} bound {:.1} greedy {:?} nodes {}",
                clock() - t0, r.optimal, r.value, r.bound, r.greedy.as_ref().map(|g| g.value), r.nodes
            );
        }
    }
}
