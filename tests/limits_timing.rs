//! Worst-case times of the public functions at their input limits: a
//! benchmark, not a test (nothing is asserted about time). Run by `make
//! bench`: `cargo test --release --test limits_timing -- --ignored --nocapture`.
// Reading JSON text is native only (in WebAssembly JSON.parse does it).
#![cfg(not(target_arch = "wasm32"))]

use std::time::Instant;
use twosided::formula::{compile, CompileContext, MAX_FORMULA_BYTES};
use twosided::io::csv::{parse_csv, CsvImportOptions, MAX_CSV_BYTES};
use twosided::io::document::{read_document, write_document, Document};
use twosided::io::share::{decode_share_json, encode_share_json, MAX_SHARE_LINK_CHARS};
use twosided::limits::*;
use twosided::roadmap::{
    plan_roadmap, Period, PlanOptions, MAX_PLAN_INITIATIVES, MAX_PLAN_PERIODS,
};
use twosided::sensitivity::{
    simulate, sweep_weights, SimulationOptions, SweepOptions, MAX_GRID_EVALUATIONS, MAX_SAMPLES,
    MAX_SIMULATION_INITIATIVES, MAX_SWEEP_CROSSINGS,
};
use twosided::{
    score, validate, Backlog, Estimate, Framework, Initiative, Prioritiser, Scales, ScoreOptions,
    SideEstimate, Strategy,
};

/// Runs `run` `repeats` times and prints the slowest run.
fn time<T>(case: &str, repeats: usize, mut run: impl FnMut() -> T) {
    let mut slowest = 0.0f64;
    for _ in 0..repeats {
        let start = Instant::now();
        std::hint::black_box(run());
        slowest = slowest.max(start.elapsed().as_secs_f64() * 1e3);
    }
    println!("| {case} | {slowest:.1} |");
}

fn item(index: usize, buyer: f64, seller: f64) -> Initiative {
    Initiative {
        id: format!("{index:0>width$}", width = MAX_ID_BYTES),
        name: format!("Initiative {index}"),
        buyer: Some(SideEstimate::new(buyer, 1.0, 0.8)),
        seller: Some(SideEstimate::new(seller, 1.0, 0.8)),
        effort: Estimate::range(0.5, 1.0, 2.0),
        ..Initiative::default()
    }
}

/// Ordinary values: the typical shape of a large backlog.
fn ordinary(count: usize) -> Backlog {
    Backlog {
        initiatives: (0..count)
            .map(|k| item(k, (k * 7919 % 10_000) as f64, (k * 104_729 % 10_000) as f64))
            .collect(),
        ..Backlog::default()
    }
}

/// The worst case for the Pareto frontier: half the initiatives on an
/// anti-diagonal (all on the frontier), half dominated by all of them.
fn pareto_worst(count: usize) -> Backlog {
    let half = count / 2;
    Backlog {
        initiatives: (0..count)
            .map(|k| {
                if k < half {
                    item(k, (k + 1) as f64, (half - k) as f64)
                } else {
                    item(k, 0.0, 0.0)
                }
            })
            .collect(),
        ..Backlog::default()
    }
}

/// Every initiative depends on the next MAX_DEPENDENCIES ones.
fn most_dependencies(count: usize) -> Backlog {
    let mut backlog = ordinary(count);
    let ids: Vec<String> = backlog.initiatives.iter().map(|i| i.id.clone()).collect();
    for (k, initiative) in backlog.initiatives.iter_mut().enumerate() {
        initiative.dependencies = ids
            .iter()
            .skip(k + 1)
            .take(MAX_DEPENDENCIES)
            .cloned()
            .collect();
    }
    backlog
}

#[test]
#[ignore = "a benchmark: run by make bench"]
fn worst_case_times_at_the_limits() {
    let n = MAX_INITIATIVES;
    println!("\n| function at its limit | slowest ms |\n|---|---|");
    let backlog = ordinary(n);
    time(&format!("validate, {n} initiatives"), 3, || {
        validate(&backlog)
    });
    let chained = most_dependencies(n);
    time(
        &format!("validate, {n} initiatives x {MAX_DEPENDENCIES} dependencies"),
        1,
        || validate(&chained),
    );
    for (name, options) in [
        ("RICE, weighted sum", ScoreOptions::default()),
        (
            "RICE, Nash",
            ScoreOptions {
                strategy: Strategy::Nash,
                ..ScoreOptions::default()
            },
        ),
        (
            "custom formula",
            ScoreOptions {
                framework: Framework::Custom,
                formula: Some("segments(weight * reach * impact * confidence) / effort".into()),
                ..ScoreOptions::default()
            },
        ),
    ] {
        time(&format!("score, {n} initiatives, {name}"), 3, || {
            score(&backlog, &options)
        });
    }
    let worst = pareto_worst(n);
    time(
        &format!("score, {n} initiatives, worst case for the Pareto frontier"),
        1,
        || score(&worst, &ScoreOptions::default()),
    );
    time(&format!("Prioritiser::new, {n} initiatives"), 3, || {
        Prioritiser::new(backlog.clone())
    });
    let prioritiser = Prioritiser::new(backlog.clone()).unwrap();
    time(&format!("Prioritiser::order, {n} initiatives"), 5, || {
        prioritiser.order(&ScoreOptions {
            buyer_weight: 0.3,
            ..ScoreOptions::default()
        })
    });
    time(&format!("Prioritiser::rank, {n} initiatives"), 3, || {
        prioritiser.rank(&ScoreOptions::default())
    });

    // Sensitivity at its limits: the exact sweep over the most initiatives,
    // a grid sweep with the most evaluations, a simulation with the most
    // samples of the most initiatives.
    time(
        &format!(
            "sweep_weights, {n} initiatives, exact, refused at {MAX_SWEEP_CROSSINGS} crossings"
        ),
        1,
        || sweep_weights(&backlog, &SweepOptions::default()).unwrap_err(),
    );
    let top = SweepOptions {
        depth: Some(20),
        ..SweepOptions::default()
    };
    time(
        &format!("sweep_weights, {n} initiatives, exact, depth 20"),
        1,
        || sweep_weights(&backlog, &top).unwrap(),
    );
    let simulated = ordinary(MAX_SIMULATION_INITIATIVES);
    let grid = SweepOptions {
        scoring: ScoreOptions {
            strategy: Strategy::Nash,
            ..ScoreOptions::default()
        },
        // The current weight is evaluated too: one more than the steps + 1.
        grid_steps: MAX_GRID_EVALUATIONS / MAX_SIMULATION_INITIATIVES - 2,
        ..SweepOptions::default()
    };
    time(
        &format!(
            "sweep_weights, {MAX_SIMULATION_INITIATIVES} initiatives, Nash, {} grid steps",
            grid.grid_steps
        ),
        1,
        || sweep_weights(&simulated, &grid).unwrap(),
    );
    let samples = SimulationOptions {
        samples: MAX_SAMPLES,
        ..SimulationOptions::default()
    };
    time(
        &format!("simulate, {MAX_SIMULATION_INITIATIVES} initiatives, {MAX_SAMPLES} samples"),
        1,
        || simulate(&simulated, &samples).unwrap(),
    );
    // The planner stops at its time budget (at most MAX_TIME_BUDGET_MS) or
    // its step budget, whichever comes first: its worst case is its budget.
    let planned = ordinary(MAX_PLAN_INITIATIVES);
    let periods = PlanOptions {
        periods: (0..MAX_PLAN_PERIODS)
            .map(|k| Period::new(&format!("P{k}"), 12.0))
            .collect(),
        ..PlanOptions::default()
    };
    time(
        &format!(
            "plan_roadmap, {MAX_PLAN_INITIATIVES} initiatives x {MAX_PLAN_PERIODS} periods, default {} ms budget",
            periods.time_budget_ms
        ),
        1,
        || plan_roadmap(&planned, &periods).unwrap(),
    );

    // Documents and spreadsheets at their byte limits.
    let mut document = Document::new(ordinary(n), None);
    let mut json = write_document(&document).unwrap();
    while json.len() > twosided::io::document::MAX_DOCUMENT_BYTES {
        let keep = document.backlog.initiatives.len() * 9 / 10;
        document.backlog.initiatives.truncate(keep);
        json = write_document(&document).unwrap();
    }
    let count = document.backlog.initiatives.len();
    time(
        &format!("read_document, {} bytes ({count} initiatives)", json.len()),
        3,
        || read_document(&json),
    );
    let mut csv = String::from("Name,Effort,Buyer reach,Buyer impact,Confidence %,Description\n");
    let mut rows = 0;
    while csv.len() + 120 < MAX_CSV_BYTES && rows < n {
        csv.push_str(&format!(
            "Initiative {rows},1.5,{},high,80%,{}\n",
            rows * 7,
            "d".repeat(60)
        ));
        rows += 1;
    }
    time(
        &format!("parse_csv, {} bytes ({rows} rows)", csv.len()),
        3,
        || parse_csv(&csv, &CsvImportOptions::default()),
    );

    // A share link as long as allowed, of incompressible data.
    let mut bytes = 40_000;
    let mut link = String::new();
    while let Ok(longer) = encode_share_json(&noise(bytes)) {
        link = longer;
        bytes += 1_000;
    }
    assert!(link.len() <= MAX_SHARE_LINK_CHARS);
    time(
        &format!("decode_share_json, {} characters", link.len()),
        5,
        || decode_share_json(&link),
    );

    // The longest and most complex formula accepted.
    let scales = Scales::default();
    let context = CompileContext {
        criteria: &[],
        scales: &scales,
    };
    let formula = format!(
        "{}{}",
        vec!["effort"; 100].join("+"),
        " ".repeat(MAX_FORMULA_BYTES - 699)
    );
    time(
        &format!("compile, {} bytes, 199 parts", formula.len()),
        5,
        || compile(&formula, context),
    );
}

fn noise(length: usize) -> Vec<u8> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..length)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state.to_le_bytes()[0]
        })
        .collect()
}
