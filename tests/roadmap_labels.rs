//! MoSCoW labels as planner options: must-haves pinned in, won't-haves left
//! out, merged with explicit pins, and conflicts with them named.

mod roadmap_common;

use roadmap_common::{backlog, item, options};
use twosided::formula::Moscow;
use twosided::roadmap::{plan_roadmap, FixedPin, LeftOutReason, PlanOptions};
use twosided::{Backlog, Error, WorkKind};

const CF: WorkKind = WorkKind::CustomerFacing;

/// One period of 10. Alone, the best plan is "big" (90 for 10). "small" is
/// a must-have worth 11 for 1 and "fancy" a won't-have worth 30 for 3.
fn labelled() -> Backlog {
    let mut small = item("small", 11.0, 1.0, CF, &[]);
    small.moscow = Some(Moscow::Must);
    let mut fancy = item("fancy", 30.0, 3.0, CF, &[]);
    fancy.moscow = Some(Moscow::Wont);
    let mut big = item("big", 90.0, 10.0, CF, &[]);
    big.moscow = Some(Moscow::Should);
    backlog(vec![small, fancy, big])
}

fn planned(backlog: &Backlog, options: &PlanOptions) -> Vec<String> {
    let roadmap = plan_roadmap(backlog, options).unwrap();
    let mut ids: Vec<String> = roadmap
        .plan
        .scheduled
        .iter()
        .map(|p| p.id.clone())
        .collect();
    ids.sort();
    ids
}

fn infeasible(error: Error) -> (String, String) {
    match error {
        Error::Infeasible { path, message } => (path, message),
        other => panic!("expected INFEASIBLE, got {other:?}"),
    }
}

#[test]
fn labels_change_nothing_unless_asked() {
    let backlog = labelled();
    assert_eq!(planned(&backlog, &options(&[10.0])), ["big"]);
    let defaults: PlanOptions = serde_json::from_str("{}").unwrap();
    assert!(!defaults.must_as_pins && !defaults.wont_as_exclusions);
}

#[test]
fn must_haves_are_pinned_in_and_take_room_from_the_best_plan() {
    let backlog = labelled();
    let mut plan = options(&[10.0]);
    plan.must_as_pins = true;
    // "small" must go in (1 pm); "big" (10 pm) no longer fits; with 9 pm
    // left the best is "fancy" (30), as won't-haves are not excluded yet.
    let roadmap = plan_roadmap(&backlog, &plan).unwrap();
    let ids: Vec<&str> = roadmap
        .plan
        .scheduled
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(ids.len(), 2);
    assert!(ids.contains(&"small") && ids.contains(&"fancy"), "{ids:?}");
    let small = roadmap
        .plan
        .scheduled
        .iter()
        .find(|p| p.id == "small")
        .unwrap();
    assert!(small.pinned);
    assert!((roadmap.value - 41.0).abs() < 1e-9);
}

#[test]
fn wont_haves_are_left_out_with_the_label_as_the_reason() {
    let backlog = labelled();
    let mut plan = options(&[4.0]);
    // Without the option "fancy" and "small" fill the 4 pm (41).
    assert_eq!(planned(&backlog, &plan), ["fancy", "small"]);
    plan.wont_as_exclusions = true;
    let roadmap = plan_roadmap(&backlog, &plan).unwrap();
    let ids: Vec<&str> = roadmap
        .plan
        .scheduled
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(ids, ["small"]);
    let fancy = roadmap.left_out.iter().find(|l| l.id == "fancy").unwrap();
    assert_eq!(fancy.reason, LeftOutReason::ExcludedByPin);
    assert!(fancy.explanation.contains("Won't"), "{}", fancy.explanation);
}

#[test]
fn label_pins_merge_with_explicit_pins() {
    let backlog = labelled();
    let mut plan = options(&[10.0, 10.0]);
    plan.must_as_pins = true;
    plan.wont_as_exclusions = true;
    plan.pins.fixed = vec![FixedPin {
        id: "small".into(),
        period: "P2".into(),
    }];
    plan.pins.exclude = vec!["big".into()];
    // "small" is both a must-have and fixed to P2: it goes in P2. "big" is
    // pinned out and "fancy" is a won't-have, so "small" is all there is.
    let roadmap = plan_roadmap(&backlog, &plan).unwrap();
    let scheduled = &roadmap.plan.scheduled;
    assert_eq!(scheduled.len(), 1);
    assert_eq!(
        (scheduled[0].id.as_str(), scheduled[0].period_name.as_str()),
        ("small", "P2")
    );
    let mut left: Vec<&str> = roadmap.left_out.iter().map(|l| l.id.as_str()).collect();
    left.sort_unstable();
    assert_eq!(left, ["big", "fancy"]);
}

#[test]
fn a_must_have_pinned_out_is_a_conflict_naming_both() {
    let backlog = labelled();
    let mut plan = options(&[10.0]);
    plan.must_as_pins = true;
    plan.pins.exclude = vec!["big".into(), "small".into()];
    let (path, message) = infeasible(plan_roadmap(&backlog, &plan).unwrap_err());
    assert_eq!(path, "pins.exclude[1]");
    assert!(message.contains("\"small\""), "{message}");
    assert!(
        message.contains("Must") && message.contains("mustAsPins"),
        "{message}"
    );
    // With the option off, the explicit pin simply holds.
    plan.must_as_pins = false;
    assert_eq!(planned(&backlog, &plan), ["fancy"]);
}

#[test]
fn a_wont_have_pinned_in_is_a_conflict_naming_both() {
    let backlog = labelled();
    let mut plan = options(&[10.0]);
    plan.wont_as_exclusions = true;
    plan.pins.include = vec!["fancy".into()];
    let (path, message) = infeasible(plan_roadmap(&backlog, &plan).unwrap_err());
    assert_eq!(path, "pins.include[0]");
    assert!(
        message.contains("\"fancy\"") && message.contains("wontAsExclusions"),
        "{message}"
    );
    plan.pins.include.clear();
    plan.pins.fixed = vec![FixedPin {
        id: "fancy".into(),
        period: "P1".into(),
    }];
    let (path, _) = infeasible(plan_roadmap(&backlog, &plan).unwrap_err());
    assert_eq!(path, "pins.fixed[0]");
}

#[test]
fn must_haves_that_cannot_all_fit_are_infeasible_and_say_so() {
    let mut backlog = labelled();
    for initiative in &mut backlog.initiatives {
        initiative.moscow = Some(Moscow::Must);
    }
    let mut plan = options(&[10.0]);
    plan.must_as_pins = true;
    // 1 + 3 + 10 person-months of must-haves in a period of 10.
    let error = plan_roadmap(&backlog, &plan).unwrap_err();
    assert!(matches!(error, Error::Infeasible { .. }), "{error:?}");
}
