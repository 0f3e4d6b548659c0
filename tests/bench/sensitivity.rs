//! Benchmark: Monte Carlo of 10 000 samples over 500 initiatives, and the
//! exact weight sweep, natively. Run with `cargo bench --bench sensitivity`.
//!
//! Prints the median of several runs, and writes them to
//! `target/bench/sensitivity-native.json`, which `tests/bench/sensitivity.mjs`
//! reads to report the WebAssembly / native ratio for the same work.
//! The synthetic backlog is built by the same integer formula in both.

use std::time::Instant;
use twosided::roadmap::PlanOptions;
use twosided::sensitivity::{simulate, sweep_weights, SimulationOptions, SweepOptions};
use twosided::{Backlog, Estimate, Initiative, SideEstimate};

/// Initiative i of the synthetic backlog (kept in step with the JS copy).
fn synthetic(count: u32) -> Backlog {
    let initiatives = (0..count)
        .map(|i| {
            let spread = |base: u32| {
                let likely = f64::from(base);
                Estimate::range(likely * 0.5, likely, likely * 2.0)
            };
            let side = |reach: u32, impact: f64| SideEstimate {
                reach: Some(spread(reach)),
                impact: Some(impact.into()),
                confidence: Some(0.8.into()),
                segments: Vec::new(),
            };
            Initiative {
                id: format!("i{i:04}"),
                name: format!("Initiative {i}"),
                buyer: Some(side(
                    100 + (i * 7919) % 5000,
                    [0.5, 1.0, 2.0][(i % 3) as usize],
                )),
                seller: Some(side(
                    10 + (i * 104_729) % 800,
                    [0.25, 1.0, 3.0][(i % 4 % 3) as usize],
                )),
                effort: Estimate::range(1.0, f64::from(1 + i % 6), f64::from(3 + i % 6 * 2)),
                ..Initiative::default()
            }
        })
        .collect();
    Backlog {
        initiatives,
        ..Backlog::default()
    }
}

fn median_ms(runs: usize, mut work: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[runs / 2]
}

fn main() {
    let backlog = synthetic(500);
    let options = SimulationOptions {
        seed: 1,
        samples: 10_000,
        top_k: 10,
        ..SimulationOptions::default()
    };
    let simulate_ms = median_ms(5, || {
        let result = simulate(&backlog, &options).unwrap();
        assert_eq!(result.samples, 10_000);
    });
    let sweep_ms = median_ms(9, || {
        let sweep = sweep_weights(&backlog, &SweepOptions::default()).unwrap();
        assert!(!sweep.crossings.is_empty());
    });
    // With the planner: every sample's roadmap planned for 100 initiatives
    // (four quarters of 12 person-months) with a budget of 1 000 search
    // steps per plan; 1 000 samples, scaled to 10 000.
    let planned = synthetic(100);
    let plan_options = SimulationOptions {
        samples: 1_000,
        plan: Some(PlanOptions {
            node_budget: 1_000,
            ..PlanOptions::default()
        }),
        ..options.clone()
    };
    let plan_ms = 10.0
        * median_ms(3, || {
            let result = simulate(&planned, &plan_options).unwrap();
            assert_eq!(result.plan_failures, Some(0));
        });
    // The limits' worst case, 100 000 samples of 2 000 initiatives, is
    // estimated from 1 000 samples (time grows linearly in samples).
    let largest = synthetic(2_000);
    let worst_per_1000_ms = median_ms(3, || {
        let options = SimulationOptions {
            samples: 1_000,
            ..options.clone()
        };
        simulate(&largest, &options).unwrap();
    });
    let crossings = sweep_weights(&backlog, &SweepOptions::default())
        .unwrap()
        .crossings
        .len();
    println!("simulate 10000 samples x 500 initiatives (ranking only): {simulate_ms:.1} ms");
    println!(
        "simulate 10000 samples x 100 initiatives with the planner (from 1000): {plan_ms:.0} ms"
    );
    println!("sweep 500 initiatives exactly ({crossings} crossings): {sweep_ms:.1} ms");
    println!(
        "worst case at the limits, 100000 samples x 2000 initiatives: about {:.0} s",
        worst_per_1000_ms * 100.0 / 1e3
    );
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("sensitivity-native.json"),
        format!("{{\"simulateMs\": {simulate_ms}, \"sweepMs\": {sweep_ms}, \"crossings\": {crossings}, \"worstPer1000Ms\": {worst_per_1000_ms}, \"planMs\": {plan_ms}}}\n"),
    )
    .unwrap();
}
