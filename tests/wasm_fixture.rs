//! The native scores of the example backlog, written to
//! `tests/fixtures/example-scores.json`. The JavaScript tests score the same
//! backlog with the same options in WebAssembly and require exactly the same
//! rankings and scores, so the two targets cannot drift apart.
//!
//! This test fails when the committed fixture differs from what the core
//! computes now; `UPDATE_FIXTURES=1 cargo test --test wasm_fixture` rewrites it.

use serde_json::{json, Value};
use twosided::{
    example_backlog, score, Framework, Guardrail, ScoreOptions, Side, Strategy, ViolatorHandling,
};

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/example-scores.json"
);

/// The option sets compared: every framework, every strategy, both guardrail
/// treatments, and both ends of the weight.
fn cases() -> Vec<(&'static str, ScoreOptions)> {
    let base = ScoreOptions::default;
    vec![
        ("default", base()),
        (
            "ice",
            ScoreOptions {
                framework: Framework::Ice,
                ..base()
            },
        ),
        (
            "wsjf",
            ScoreOptions {
                framework: Framework::Wsjf,
                ..base()
            },
        ),
        (
            "scorecard",
            ScoreOptions {
                framework: Framework::Scorecard,
                ..base()
            },
        ),
        (
            "buyers only",
            ScoreOptions {
                buyer_weight: 1.0,
                ..base()
            },
        ),
        (
            "sellers only",
            ScoreOptions {
                buyer_weight: 0.0,
                ..base()
            },
        ),
        (
            "nash",
            ScoreOptions {
                strategy: Strategy::Nash,
                buyer_weight: 0.6,
                ..base()
            },
        ),
        (
            "max-min",
            ScoreOptions {
                strategy: Strategy::MaxMin,
                ..base()
            },
        ),
        (
            "guardrail, violators last",
            ScoreOptions {
                strategy: Strategy::Guardrail,
                ..base()
            },
        ),
        (
            "guardrail for buyers, violators excluded",
            ScoreOptions {
                strategy: Strategy::Guardrail,
                guardrail: Guardrail {
                    delta: 0.0,
                    primary: Some(Side::Buyer),
                    violators: ViolatorHandling::Exclude,
                },
                ..base()
            },
        ),
    ]
}

/// The fixture as text. The default case keeps every field (explanations
/// too); the others keep what decides the ranking, to keep the file small.
fn fixture_text() -> String {
    let backlog = example_backlog();
    let cases: Vec<Value> = cases()
        .into_iter()
        .map(|(name, options)| {
            let ranked = score(&backlog, &options).unwrap();
            let results: Vec<Value> = if name == "default" {
                ranked
                    .iter()
                    .map(|r| serde_json::to_value(r).unwrap())
                    .collect()
            } else {
                ranked
                    .iter()
                    .map(|r| {
                        json!({
                            "id": r.id,
                            "index": r.index,
                            "rank": r.rank,
                            "score": r.score,
                            "buyer": r.buyer.value,
                            "seller": r.seller.value,
                            "guardrailViolated": r.guardrail_violated,
                            "onFrontier": r.pareto.on_frontier,
                        })
                    })
                    .collect()
            };
            json!({ "name": name, "options": options, "results": results })
        })
        .collect();
    // One line per result, so a change to the core shows as a readable diff.
    let mut text = String::from("{\n  \"note\": \"Written by tests/wasm_fixture.rs from the native core; compared by tests/js/core.test.mjs.\",\n  \"cases\": [\n");
    for (i, case) in cases.iter().enumerate() {
        text.push_str(&format!(
            "    {{\n      \"name\": {},\n      \"options\": {},\n      \"results\": [\n",
            case["name"], case["options"]
        ));
        let results = case["results"].as_array().unwrap();
        for (j, result) in results.iter().enumerate() {
            let comma = if j + 1 < results.len() { "," } else { "" };
            text.push_str(&format!("        {result}{comma}\n"));
        }
        let comma = if i + 1 < cases.len() { "," } else { "" };
        text.push_str(&format!("      ]\n    }}{comma}\n"));
    }
    text.push_str("  ]\n}\n");
    // The text must stay valid JSON holding exactly the values.
    assert_eq!(
        serde_json::from_str::<Value>(&text).unwrap()["cases"],
        Value::Array(cases)
    );
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
        "tests/fixtures/example-scores.json is out of date with the core: \
         run `UPDATE_FIXTURES=1 cargo test --test wasm_fixture`, check the change and commit it"
    );
}

#[test]
fn the_cases_rank_differently() {
    // Guards the fixture's worth: if every option set gave the same order,
    // comparing them would prove little about the options crossing over.
    let backlog = example_backlog();
    let orders: Vec<Vec<String>> = cases()
        .iter()
        .map(|(_, options)| {
            score(&backlog, options)
                .unwrap()
                .into_iter()
                .map(|r| r.id)
                .collect()
        })
        .collect();
    let distinct: std::collections::BTreeSet<_> = orders.iter().collect();
    assert!(
        distinct.len() >= 6,
        "only {} distinct orders",
        distinct.len()
    );
}
