//! The DOMAIN.md worked examples for RICE, ICE and WSJF, the scorecard's
//! normalisations, and both footings, all checked against hand-computed values.

use std::collections::BTreeMap;
use twosided::model::{CriterionValue, IceInputs, WsjfInputs};
use twosided::scoring::{IceCombination, Normalisation, ScorecardCriterion, ScorecardOptions};
use twosided::{
    score, Backlog, Estimate, Footing, Framework, Initiative, ScoreOptions, SideEstimate,
};

fn close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() < 1e-9,
        "expected {expected}, got {actual}"
    );
}

fn rice_item(id: &str, reach: f64, impact: f64, confidence: f64, effort: f64) -> Initiative {
    Initiative {
        id: id.into(),
        name: format!("Initiative {id}"),
        buyer: Some(SideEstimate::new(reach, impact, confidence)),
        effort: Estimate::Value(effort),
        ..Initiative::default()
    }
}

fn backlog(initiatives: Vec<Initiative>) -> Backlog {
    Backlog {
        initiatives,
        ..Backlog::default()
    }
}

fn options(framework: Framework) -> ScoreOptions {
    ScoreOptions {
        framework,
        buyer_weight: 1.0,
        ..ScoreOptions::default()
    }
}

#[test]
fn rice_worked_examples_from_the_original_article() {
    let backlog = backlog(vec![
        rice_item("a", 450.0, 3.0, 1.0, 2.0),
        rice_item("b", 2000.0, 1.0, 0.8, 4.0),
        rice_item("c", 800.0, 2.0, 0.5, 1.0),
    ]);
    let ranked = score(&backlog, &options(Framework::Rice)).unwrap();
    let by_id: BTreeMap<_, _> = ranked.iter().map(|r| (r.id.as_str(), r)).collect();
    close(by_id["a"].buyer.raw, 675.0);
    close(by_id["b"].buyer.raw, 400.0);
    close(by_id["c"].buyer.raw, 800.0);
    assert_eq!(
        ranked.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
        ["c", "a", "b"]
    );
    assert_eq!(
        by_id["a"].buyer.explanation.sentence,
        "Buyers RICE 675 = 450 reach x 3 impact x 100% confidence / 2 person-months"
    );
    assert_eq!(
        by_id["b"].buyer.explanation.sentence,
        "Buyers RICE 400 = 2000 reach x 1 impact x 80% confidence / 4 person-months"
    );
    assert_eq!(
        by_id["a"].seller.explanation.sentence,
        "Sellers RICE 0: no effect on sellers"
    );
    assert_eq!(
        by_id["a"].explanation.sentence,
        "Balanced 675 = 1 x 675 buyers + 0 x 0 sellers (weighted sum)"
    );
}

#[test]
fn rice_uses_the_likely_value_of_ranges() {
    let mut item = rice_item("a", 0.0, 3.0, 1.0, 2.0);
    item.buyer = Some(SideEstimate {
        reach: Some(Estimate::range(300.0, 450.0, 700.0)),
        impact: Some(Estimate::range(2.0, 3.0, 3.0)),
        confidence: Some(1.0.into()),
        segments: Vec::new(),
    });
    item.effort = Estimate::range(1.0, 2.0, 5.0);
    let ranked = score(&backlog(vec![item]), &options(Framework::Rice)).unwrap();
    close(ranked[0].buyer.raw, 675.0);
}

fn ice_item(id: &str, buyer_impact: f64, confidence: f64, ease: f64) -> Initiative {
    Initiative {
        id: id.into(),
        name: id.into(),
        effort: 1.0.into(),
        ice: Some(IceInputs {
            buyer_impact: buyer_impact.into(),
            seller_impact: 0.0.into(),
            confidence: confidence.into(),
            ease: ease.into(),
        }),
        ..Initiative::default()
    }
}

#[test]
fn ice_product_and_mean() {
    let backlog = backlog(vec![
        ice_item("a", 8.0, 7.0, 5.0),
        ice_item("harm", -8.0, 7.0, 5.0),
    ]);
    let product = score(&backlog, &options(Framework::Ice)).unwrap();
    close(product[0].buyer.raw, 280.0);
    close(product[1].buyer.raw, -280.0);
    close(product[0].seller.raw, 0.0);
    assert_eq!(
        product[0].buyer.explanation.sentence,
        "Buyers ICE 280 = 8 impact x 7 confidence x 5 ease"
    );

    let mean_options = ScoreOptions {
        ice: IceCombination::Mean,
        ..options(Framework::Ice)
    };
    let mean = score(&backlog, &mean_options).unwrap();
    close(mean[0].buyer.raw, 20.0 / 3.0);
    // Harm stays harm under the mean; a side with no impact scores 0.
    close(mean[1].buyer.raw, -20.0 / 3.0);
    close(mean[0].seller.raw, 0.0);
    assert_eq!(
        mean[0].buyer.explanation.sentence,
        "Buyers ICE 6.67 = mean of 8 impact, 7 confidence, 5 ease"
    );
}

#[test]
fn wsjf_worked_example() {
    let item = Initiative {
        id: "a".into(),
        name: "A".into(),
        effort: 1.0.into(),
        wsjf: Some(WsjfInputs {
            buyer_value: 13.0.into(),
            seller_value: 0.0.into(),
            time_criticality: 8.0.into(),
            risk_reduction: 5.0.into(),
            job_size: 8.0.into(),
        }),
        ..Initiative::default()
    };
    let ranked = score(&backlog(vec![item]), &options(Framework::Wsjf)).unwrap();
    close(ranked[0].buyer.raw, 3.25);
    // The seller side still has the shared time criticality and risk reduction.
    close(ranked[0].seller.raw, 13.0 / 8.0);
    assert_eq!(
        ranked[0].buyer.explanation.sentence,
        "Buyers WSJF 3.25 = (13 value + 8 time criticality + 5 risk reduction) / 8 job size"
    );
}

fn card_item(id: &str, criteria: &[(&str, CriterionValue)]) -> Initiative {
    Initiative {
        id: id.into(),
        name: id.into(),
        effort: 1.0.into(),
        criteria: criteria.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
        ..Initiative::default()
    }
}

#[test]
fn scorecard_absolute_uses_the_preset_weights_and_scale() {
    use CriterionValue::{PerSide, Whole};
    let item = card_item(
        "a",
        &[
            ("conversion", Whole(5.0)),
            (
                "margin",
                PerSide {
                    buyer: 0.0,
                    seller: 5.0,
                },
            ),
            ("acquisition", Whole(-5.0)),
            (
                "retention",
                PerSide {
                    buyer: 2.5,
                    seller: 0.0,
                },
            ),
        ],
    );
    let ranked = score(&backlog(vec![item]), &options(Framework::Scorecard)).unwrap();
    // Buyers: (0.4 x 100 + 0.2 x 0 + 0.2 x -100 + 0.2 x 50) / 1 = 30.
    close(ranked[0].buyer.raw, 30.0);
    // Sellers: (0.4 x 100 + 0.2 x 100 + 0.2 x -100 + 0.2 x 0) / 1 = 40.
    close(ranked[0].seller.raw, 40.0);
}

#[test]
fn scorecard_absolute_is_stable_and_lower_is_better_flips_the_sign() {
    let criteria = ScorecardOptions {
        criteria: vec![
            ScorecardCriterion {
                id: "value".into(),
                name: "Value".into(),
                weight: 3.0,
                scale_max: 10.0,
                lower_is_better: false,
            },
            ScorecardCriterion {
                id: "cost".into(),
                name: "Cost".into(),
                weight: 1.0,
                scale_max: 10.0,
                lower_is_better: true,
            },
        ],
        normalisation: Normalisation::Absolute,
    };
    let opts = ScoreOptions {
        scorecard: criteria,
        ..options(Framework::Scorecard)
    };
    let a = card_item(
        "a",
        &[
            ("value", CriterionValue::Whole(8.0)),
            ("cost", CriterionValue::Whole(4.0)),
        ],
    );
    let b = card_item(
        "b",
        &[
            ("value", CriterionValue::Whole(2.0)),
            ("cost", CriterionValue::Whole(10.0)),
        ],
    );
    let alone = score(&backlog(vec![a.clone()]), &opts).unwrap();
    // (3 x 80 + 1 x -40) / 4 = 50.
    close(alone[0].buyer.raw, 50.0);
    let with_other = score(&backlog(vec![a, b]), &opts).unwrap();
    close(with_other[0].buyer.raw, 50.0);
    // (3 x 20 + 1 x -100) / 4 = -10.
    close(with_other[1].buyer.raw, -10.0);
}

#[test]
fn scorecard_min_max_spans_the_backlog() {
    let opts = ScoreOptions {
        scorecard: ScorecardOptions {
            criteria: vec![
                ScorecardCriterion {
                    id: "reach".into(),
                    name: "Reach".into(),
                    weight: 1.0,
                    scale_max: 5.0,
                    lower_is_better: false,
                },
                ScorecardCriterion {
                    id: "risk".into(),
                    name: "Risk".into(),
                    weight: 1.0,
                    scale_max: 5.0,
                    lower_is_better: true,
                },
            ],
            normalisation: Normalisation::MinMax,
        },
        ..options(Framework::Scorecard)
    };
    let item = |id: &str, reach: f64, risk: f64| {
        card_item(
            id,
            &[
                ("reach", CriterionValue::Whole(reach)),
                ("risk", CriterionValue::Whole(risk)),
            ],
        )
    };
    let backlog = backlog(vec![
        item("a", 1.0, 2.0),
        item("b", 3.0, 2.0),
        item("c", 5.0, 2.0),
    ]);
    let ranked = score(&backlog, &opts).unwrap();
    let by_id: BTreeMap<_, _> = ranked
        .iter()
        .map(|r| (r.id.as_str(), r.buyer.raw))
        .collect();
    // Reach normalises to 0, 50, 100. Risk is the same everywhere, so it tells
    // nothing apart: 0, and flipped for lower-is-better, 100.
    close(by_id["a"], (0.0 + 100.0) / 2.0);
    close(by_id["b"], (50.0 + 100.0) / 2.0);
    close(by_id["c"], (100.0 + 100.0) / 2.0);

    // Adding an initiative moves min-max scores (the documented drawback).
    let mut wider = backlog.clone();
    wider.initiatives.push(item("d", 9.0, 1.0));
    let ranked = score(&wider, &opts).unwrap();
    let by_id: BTreeMap<_, _> = ranked
        .iter()
        .map(|r| (r.id.as_str(), r.buyer.raw))
        .collect();
    // Reach spans 1..9: a 0, b 25, c 50, d 100. Risk spans 1..2, flipped:
    // a, b, c at 2 -> 100 - 100 = 0; d at 1 -> 100 - 0 = 100.
    close(by_id["a"], 0.0);
    close(by_id["b"], 12.5);
    close(by_id["c"], 25.0);
    close(by_id["d"], 100.0);
}

fn two_sided(id: &str, buyer_reach: f64, seller_reach: f64) -> Initiative {
    Initiative {
        id: id.into(),
        name: id.into(),
        buyer: Some(SideEstimate::new(buyer_reach, 1.0, 1.0)),
        seller: Some(SideEstimate::new(seller_reach, 1.0, 1.0)),
        effort: 1.0.into(),
        ..Initiative::default()
    }
}

#[test]
fn unit_value_footing_converts_each_side_to_one_currency() {
    let mut backlog = backlog(vec![
        two_sided("a", 1000.0, 100.0),
        two_sided("b", 3000.0, 0.0),
    ]);
    backlog.footing = Footing::UnitValue {
        buyer: 1.0,
        seller: 20.0,
        unit: Some("buyer-equivalents".into()),
    };
    let ranked = score(&backlog, &ScoreOptions::default()).unwrap();
    let a = ranked.iter().find(|r| r.id == "a").unwrap();
    close(a.seller.raw, 100.0);
    close(a.seller.value, 2000.0);
    close(a.buyer.value, 1000.0);
    // a: 0.5 x 1000 + 0.5 x 2000 = 1500; b: 0.5 x 3000 + 0.5 x 0 = 1500.
    // Without the footing b would win; with it they tie, broken by id.
    close(a.score, 1500.0);
    close(ranked[1].score, 1500.0);
    assert_eq!(ranked[0].id, "a");
    assert!(a
        .seller
        .explanation
        .sentence
        .ends_with("; x 20 buyer-equivalents per seller = 2000"));
    // A factor of 1 adds nothing to the sentence.
    assert!(!a.buyer.explanation.sentence.contains("per buyer"));

    // A unit value prices reach: ICE and WSJF judgements are compared as they are.
    let mut with_ice = backlog.clone();
    for item in &mut with_ice.initiatives {
        item.ice = Some(twosided::model::IceInputs {
            buyer_impact: 2.0.into(),
            seller_impact: 3.0.into(),
            confidence: 5.0.into(),
            ease: 4.0.into(),
        });
    }
    let options = ScoreOptions {
        framework: twosided::Framework::Ice,
        ..ScoreOptions::default()
    };
    let ranked = score(&with_ice, &options).unwrap();
    assert_eq!(ranked[0].seller.value, 60.0);
    assert_eq!(ranked[0].buyer.value, 40.0);
}

#[test]
fn scaled_to_largest_footing_divides_each_side_by_its_largest_magnitude() {
    let mut harmful = two_sided("c", 250.0, 0.0);
    harmful.buyer = Some(SideEstimate::new(500.0, -1.0, 1.0));
    let mut backlog = backlog(vec![
        two_sided("a", 1000.0, 0.0),
        two_sided("b", 250.0, 0.0),
        harmful,
    ]);
    backlog.footing = Footing::ScaledToLargest;
    let ranked = score(&backlog, &ScoreOptions::default()).unwrap();
    let by_id: BTreeMap<_, _> = ranked.iter().map(|r| (r.id.as_str(), r)).collect();
    assert_eq!(by_id["a"].buyer.value, 1.0);
    close(by_id["b"].buyer.value, 0.25);
    close(by_id["c"].buyer.value, -0.5);
    // Every seller value is 0: the side stays 0 instead of dividing by zero.
    assert!(ranked.iter().all(|r| r.seller.value == 0.0));
    assert!(by_id["b"]
        .buyer
        .explanation
        .sentence
        .ends_with("; / 1000 (the largest on this side) = 0.25"));
}
