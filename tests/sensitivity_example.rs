//! Sensitivity on the built-in example backlog: the fixture the JavaScript
//! tests compare WebAssembly results with, and the stability of a run.
//!
//! `tests/fixtures/simulate-example.json` holds a fixed-seed simulation and
//! an exact weight sweep of the example, computed natively. The JS tests run
//! the same options in WebAssembly and require identical results (every
//! draw uses only correctly rounded arithmetic, so they are bit-identical).
//! This test fails when the committed fixture differs from what the core
//! computes now; `UPDATE_FIXTURES=1 cargo test --test sensitivity_example`
//! rewrites it.

use serde_json::{json, Value};
use twosided::example_backlog;
use twosided::sensitivity::{simulate, sweep_weights, SimulationOptions, SweepOptions};

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/simulate-example.json"
);

fn simulation_options(seed: u64, samples: u64) -> SimulationOptions {
    SimulationOptions {
        seed,
        samples,
        top_k: 5,
        ..SimulationOptions::default()
    }
}

fn sweep_options() -> SweepOptions {
    SweepOptions {
        top_k: 5,
        depth: Some(10),
        ..SweepOptions::default()
    }
}

fn fixture_text() -> String {
    let backlog = example_backlog();
    let simulate_options = simulation_options(20_240_601, 2_000);
    let simulated = simulate(&backlog, &simulate_options).unwrap();
    let sweep_options = sweep_options();
    let swept = sweep_weights(&backlog, &sweep_options).unwrap();
    let value = json!({
        "note": "Written by tests/sensitivity_example.rs from the native core; compared by tests/js/sensitivity.test.mjs.",
        "simulate": { "options": simulate_options, "result": simulated },
        "sweep": { "options": sweep_options, "result": swept },
    });
    let text = serde_json::to_string_pretty(&value).unwrap() + "\n";
    // The text must read back as exactly the same values.
    assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), value);
    text
}

#[test]
fn the_fixture_matches_the_native_core() {
    let expected = fixture_text();
    let committed = std::fs::read_to_string(FIXTURE).unwrap_or_default();
    if committed == expected {
        return;
    }
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::create_dir_all(std::path::Path::new(FIXTURE).parent().unwrap()).unwrap();
        std::fs::write(FIXTURE, expected).unwrap();
        return;
    }
    panic!(
        "tests/fixtures/simulate-example.json is out of date with the core: \
         run `UPDATE_FIXTURES=1 cargo test --test sensitivity_example`, check the change and commit it"
    );
}

#[test]
fn the_example_has_uncertainty_worth_simulating() {
    let result = simulate(&example_backlog(), &simulation_options(1, 500)).unwrap();
    assert!(result.ranged_estimates > 0, "no ranges in the example");
    // Some initiative's rank actually moves between samples.
    assert!(result.initiatives.iter().any(|i| i.rank_p10 != i.rank_p90));
}

#[test]
fn a_fixed_seed_run_is_stable_to_two_decimals() {
    let backlog = example_backlog();
    // The same seed: identical, however often it runs.
    let first = simulate(&backlog, &simulation_options(42, 20_000)).unwrap();
    assert_eq!(
        first,
        simulate(&backlog, &simulation_options(42, 20_000)).unwrap()
    );
    // Another seed: the figures agree to two decimals. With 20 000 samples a
    // probability's 95% error is under 0.007, so 0.02 apart would be a fault.
    let other = simulate(&backlog, &simulation_options(43, 20_000)).unwrap();
    for (a, b) in first.initiatives.iter().zip(&other.initiatives) {
        assert_eq!(a.id, b.id);
        let gap = (a.top_k_probability - b.top_k_probability).abs();
        assert!(
            gap < 0.02,
            "{}: top-5 probability {} vs {}",
            a.id,
            a.top_k_probability,
            b.top_k_probability
        );
        let scale = a.expected_score.abs().max(1e-9);
        let drift = (a.expected_score - b.expected_score).abs() / scale;
        assert!(
            drift < 0.02,
            "{}: expected score {} vs {}",
            a.id,
            a.expected_score,
            b.expected_score
        );
    }
}
