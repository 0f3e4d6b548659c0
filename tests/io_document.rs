//! The versioned JSON document: strict reading, migration, the schema.

// JSON text is read with serde_json, which only native builds include.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{json, Value};
use twosided::io::document::{read_document, write_document, Document, DOCUMENT_VERSION};
use twosided::io::share::{decode_share_link, encode_share_link, MAX_SHARE_LINK_CHARS};
use twosided::model::{CriterionValue, IceInputs, SegmentEstimate, WsjfInputs};
use twosided::{Backlog, Estimate, Initiative, ScoreOptions, Segment, SideEstimate, Strategy};

fn full_backlog() -> Backlog {
    let mut backlog = Backlog {
        initiatives: vec![
            Initiative {
                id: "checkout".into(),
                name: "One-click checkout".into(),
                description: Some("Saves card details".into()),
                problem_space: "checkout".into(),
                journey_stage: "checkout".into(),
                target_metric: "conversion".into(),
                hypothesis: "If we ..., then ... because ...".into(),
                success_criterion: "conversion +0.5 pt".into(),
                tags: vec!["conversion".into()],
                buyer: Some(SideEstimate::new(450.0, 3.0, 1.0)),
                seller: Some(SideEstimate {
                    segments: vec![SegmentEstimate {
                        segment: "small".into(),
                        reach: Estimate::range(10.0, 20.0, 40.0),
                        impact: 1.0.into(),
                        confidence: 0.8.into(),
                    }],
                    ..SideEstimate::default()
                }),
                effort: Estimate::range(1.0, 2.0, 3.0),
                ice: Some(IceInputs {
                    buyer_impact: 8.0.into(),
                    seller_impact: 0.0.into(),
                    confidence: 7.0.into(),
                    ease: 5.0.into(),
                }),
                wsjf: Some(WsjfInputs {
                    buyer_value: 13.0.into(),
                    seller_value: 0.0.into(),
                    time_criticality: 8.0.into(),
                    risk_reduction: 5.0.into(),
                    job_size: 8.0.into(),
                }),
                criteria: [("margin".to_string(), CriterionValue::Whole(2.0))].into(),
                ..Initiative::default()
            },
            Initiative {
                id: "fee".into(),
                name: "Buyer fee".into(),
                dependencies: vec!["checkout".into()],
                buyer: Some(SideEstimate::new(2000.0, -0.5, 0.8)),
                effort: 1.0.into(),
                ..Initiative::default()
            },
        ],
        ..Backlog::default()
    };
    backlog.segments.seller.push(Segment {
        id: "small".into(),
        name: "Small sellers".into(),
        weight: 2.0,
    });
    backlog
}

#[test]
fn version_0_bare_backlog_is_migrated() {
    let old = json!({ "initiatives": [
        { "id": "a", "name": "A", "buyer": { "reach": 450, "impact": 3, "confidence": 1 }, "effort": 2 }
    ]});
    let document = read_document(&old.to_string()).unwrap();
    assert_eq!(document.version, DOCUMENT_VERSION);
    assert!(document.settings.is_none());
    assert_eq!(document.backlog.initiatives[0].effort, Estimate::Value(2.0));
    let written: Value = serde_json::from_str(&write_document(&document).unwrap()).unwrap();
    assert_eq!(written["version"], json!(1));
    assert_eq!(written["backlog"]["initiatives"][0]["id"], json!("a"));
}

#[test]
fn version_1_round_trips_with_settings() {
    let settings = ScoreOptions {
        strategy: Strategy::Nash,
        buyer_weight: 0.7,
        ..ScoreOptions::default()
    };
    let document = Document::new(full_backlog(), Some(settings));
    let text = write_document(&document).unwrap();
    assert_eq!(read_document(&text).unwrap(), document);
}

#[test]
fn unknown_fields_are_errors_with_their_path() {
    let cases = [
        (
            json!({ "version": 1, "backlog": { "initiatives": [] }, "extra": 1 }),
            "extra",
        ),
        (
            json!({ "version": 1, "backlog": { "initiatives": [], "footnote": "x" } }),
            "backlog.footnote",
        ),
        (
            json!({ "version": 1, "backlog": { "initiatives": [
                { "id": "a", "name": "A", "effort": 1 },
                { "id": "b", "name": "B", "effort": 1, "buyer": { "reach": 1, "impact": 1, "confidence": 1, "reahc": 5 } }
            ] } }),
            "backlog.initiatives[1].buyer.reahc",
        ),
        (
            json!({ "version": 1, "backlog": { "initiatives": [] }, "settings": { "buyerWieght": 0.5 } }),
            "settings.buyerWieght",
        ),
        (
            json!({ "initiatives": [{ "id": "a", "name": "A", "effort": { "likely": 1, "mode": 2 } }] }),
            "initiatives[0].effort",
        ),
    ];
    for (value, path) in cases {
        let error = read_document(&value.to_string()).unwrap_err();
        assert_eq!(error.code(), "PARSE_ERROR");
        assert!(error.path().starts_with(path), "{path}: {error:?}");
    }
    let error = read_document(
        r#"{"version":1,"backlog":{"initiatives":[{"id":"a","name":"A","effort":"two"}]}}"#,
    )
    .unwrap_err();
    assert_eq!(error.path(), "backlog.initiatives[0].effort");
}

#[test]
fn newer_and_malformed_versions_are_refused_clearly() {
    let error = read_document(r#"{"version":2,"backlog":{"initiatives":[]}}"#).unwrap_err();
    assert_eq!(error.path(), "version");
    assert!(error.to_string().contains("newer version"), "{error}");
    for bad in [
        r#"{"version":"1","backlog":{"initiatives":[]}}"#,
        r#"{"version":1.5}"#,
    ] {
        assert_eq!(read_document(bad).unwrap_err().path(), "version");
    }
    let error = read_document("{ not json").unwrap_err();
    assert_eq!(
        (error.code(), error.path()),
        ("PARSE_ERROR", "line 1, column 3")
    );
    assert_eq!(read_document("[1]").unwrap_err().code(), "PARSE_ERROR");
}

#[test]
fn share_link_carries_the_whole_scenario() {
    let settings = ScoreOptions {
        buyer_weight: 0.3,
        ..ScoreOptions::default()
    };
    let document = Document::new(full_backlog(), Some(settings));
    let fragment = encode_share_link(&document).unwrap();
    assert_eq!(
        decode_share_link(&format!("#{fragment}")).unwrap(),
        document
    );
    // A realistic size: 40 initiatives like these.
    let mut large = document.clone();
    let template = large.backlog.initiatives.clone();
    for i in 0..19 {
        for initiative in &template {
            let mut copy = initiative.clone();
            copy.id = format!("{}-{i}", copy.id);
            copy.name = format!("{} {i}", copy.name);
            copy.dependencies.clear();
            large.backlog.initiatives.push(copy);
        }
    }
    let json = serde_json::to_string(&large).unwrap();
    let fragment = encode_share_link(&large).unwrap();
    println!(
        "share link: {} bytes of JSON -> {} characters",
        json.len(),
        fragment.len()
    );
    assert!(fragment.len() * 3 < json.len());
    assert_eq!(decode_share_link(&fragment).unwrap(), large);
    // An invalid backlog is not shared.
    let mut broken = document.clone();
    broken.backlog.initiatives[1].effort = 0.0.into();
    assert_eq!(
        encode_share_link(&broken).unwrap_err().code(),
        "VALIDATION_FAILED"
    );
    // Too long, damaged and foreign links give clear errors.
    let long = format!("scenario=v1.{}", "A".repeat(MAX_SHARE_LINK_CHARS));
    assert_eq!(
        decode_share_link(&long).unwrap_err().code(),
        "LIMIT_EXCEEDED"
    );
    let fragment = encode_share_link(&document).unwrap();
    let cut = &fragment[..fragment.len() - 3];
    assert!(decode_share_link(cut)
        .unwrap_err()
        .to_string()
        .contains("damaged"));
    assert!(decode_share_link("#section-2")
        .unwrap_err()
        .to_string()
        .contains("not a scenario link"));
    assert!(decode_share_link("#scenario=v9.abc")
        .unwrap_err()
        .to_string()
        .contains("newer version"));
}

/// Every property the schema declares for an object is a field serde writes,
/// and the other way round, so the schema cannot drift from the types.
#[test]
fn the_schema_matches_the_serialised_shapes() {
    let path = format!("{}/www/schema/backlog-v1.json", env!("CARGO_MANIFEST_DIR"));
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let defs = &schema["$defs"];
    let keys = |v: &Value| -> Vec<String> {
        let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    let document = Document::new(full_backlog(), Some(ScoreOptions::default()));
    let written: Value = serde_json::to_value(&document).unwrap();
    assert_eq!(keys(&written), keys(&schema["properties"]));
    // The written backlog uses every optional field except a footing unit.
    assert_eq!(
        keys(&written["backlog"]),
        keys(&defs["backlog"]["properties"])
    );
    let first = &written["backlog"]["initiatives"][0];
    let mut with_deps = keys(first);
    with_deps.push("dependencies".into());
    with_deps.sort();
    assert_eq!(with_deps, keys(&defs["initiative"]["properties"]));
    assert_eq!(
        keys(&first["ice"]),
        keys(&defs["initiative"]["properties"]["ice"]["properties"])
    );
    assert_eq!(
        keys(&first["wsjf"]),
        keys(&defs["initiative"]["properties"]["wsjf"]["properties"])
    );
    let buyer = keys(&first["buyer"]);
    let seller = keys(&first["seller"]);
    let mut side: Vec<String> = buyer.into_iter().chain(seller).collect();
    side.sort();
    assert_eq!(side, keys(&defs["sideEstimate"]["properties"]));
    assert_eq!(
        keys(&first["seller"]["segments"][0]),
        keys(&defs["sideEstimate"]["properties"]["segments"]["items"]["properties"])
    );
    let mut settings = keys(&written["settings"]);
    settings.sort();
    assert_eq!(settings, keys(&defs["scoreOptions"]["properties"]));
    assert_eq!(
        keys(&written["settings"]["scorecard"]["criteria"][0]),
        keys(
            &defs["scoreOptions"]["properties"]["scorecard"]["properties"]["criteria"]["items"]
                ["properties"]
        )
    );
    assert_eq!(
        keys(&written["backlog"]["segments"]["seller"][0]),
        keys(&defs["segment"]["properties"])
    );
}
