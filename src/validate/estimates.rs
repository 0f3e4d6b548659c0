//! Every number finite and on its scale; ranges ordered; sides complete.

use crate::limits::{MAX_EFFORT, MAX_REACH};
use crate::model::{Backlog, Estimate, Initiative, Scale, Scales, Side, SideEstimate};
use crate::scoring::format_number;
use crate::{Problem, ProblemCode};

pub(super) fn check_scales(scales: &Scales, problems: &mut Vec<Problem>) {
    for (field, scale) in [
        ("impact", &scales.impact),
        ("ice", &scales.ice),
        ("wsjf", &scales.wsjf),
    ] {
        let ok = match scale {
            Scale::Levels { levels, .. } => {
                !levels.is_empty() && levels.len() <= 64 && levels.iter().all(|v| v.is_finite())
            }
            Scale::Range { min, max } => min.is_finite() && max.is_finite() && min <= max,
        };
        if !ok {
            problems.push(Problem::new(
                ProblemCode::InvalidSetting,
                format!("scales.{field}"),
                "A scale needs 1 to 64 finite levels, or a finite range with min <= max.",
            ));
        }
    }
}

pub(super) fn check_initiative(
    backlog: &Backlog,
    initiative: &Initiative,
    path: &str,
    problems: &mut Vec<Problem>,
) {
    let mut check = |estimate: &Estimate, field: &str, rule: &Rule| {
        check_estimate(estimate, || format!("{path}.{field}"), rule, problems)
    };
    check(&initiative.effort, "effort", &Rule::Effort);
    for side in Side::BOTH {
        if let Some(estimate) = initiative.side(side) {
            check_side(
                backlog,
                estimate,
                &format!("{path}.{}", side.key()),
                side,
                problems,
            );
        }
    }
    let scales = &backlog.scales;
    if let Some(ice) = &initiative.ice {
        let mut check = |estimate: &Estimate, field: &str, rule: &Rule| {
            check_estimate(estimate, || format!("{path}.ice.{field}"), rule, problems)
        };
        check(
            &ice.buyer_impact,
            "buyerImpact",
            &Rule::IceImpact(&scales.ice),
        );
        check(
            &ice.seller_impact,
            "sellerImpact",
            &Rule::IceImpact(&scales.ice),
        );
        check(&ice.confidence, "confidence", &Rule::Ice(&scales.ice));
        check(&ice.ease, "ease", &Rule::Ice(&scales.ice));
    }
    if let Some(wsjf) = &initiative.wsjf {
        let mut check = |estimate: &Estimate, field: &str, rule: &Rule| {
            check_estimate(estimate, || format!("{path}.wsjf.{field}"), rule, problems)
        };
        check(
            &wsjf.buyer_value,
            "buyerValue",
            &Rule::WsjfValue(&scales.wsjf),
        );
        check(
            &wsjf.seller_value,
            "sellerValue",
            &Rule::WsjfValue(&scales.wsjf),
        );
        check(
            &wsjf.time_criticality,
            "timeCriticality",
            &Rule::Wsjf(&scales.wsjf),
        );
        check(
            &wsjf.risk_reduction,
            "riskReduction",
            &Rule::Wsjf(&scales.wsjf),
        );
        check(&wsjf.job_size, "jobSize", &Rule::Wsjf(&scales.wsjf));
    }
    if initiative.criteria.len() > crate::limits::MAX_CRITERIA {
        problems.push(Problem::new(
            ProblemCode::TooMany,
            format!("{path}.criteria"),
            format!(
                "An initiative can have at most {} criteria.",
                crate::limits::MAX_CRITERIA
            ),
        ));
    }
    for (id, value) in &initiative.criteria {
        let finite = Side::BOTH.iter().all(|&s| value.for_side(s).is_finite());
        if !finite || id.len() > crate::limits::MAX_ID_BYTES {
            problems.push(Problem::new(
                ProblemCode::InvalidCriterion,
                format!("{path}.criteria.{}", super::truncate(id)),
                "A criterion value must be a finite number, and its name at most 128 characters.",
            ));
        }
    }
}

fn check_side(
    backlog: &Backlog,
    estimate: &SideEstimate,
    path: &str,
    side: Side,
    problems: &mut Vec<Problem>,
) {
    let impact_rule = Rule::Impact(&backlog.scales.impact);
    if estimate.is_segmented() {
        if estimate.reach.is_some() || estimate.impact.is_some() || estimate.confidence.is_some() {
            problems.push(Problem::new(
                ProblemCode::MissingEstimate,
                path,
                "This side is split into segments, so give reach, impact and confidence per segment only, not for the side as well.",
            ));
        }
        if estimate.segments.len() > crate::limits::MAX_SEGMENTS {
            problems.push(Problem::new(
                ProblemCode::TooMany,
                format!("{path}.segments"),
                format!(
                    "A side can have at most {} segments.",
                    crate::limits::MAX_SEGMENTS
                ),
            ));
            return;
        }
        for (i, segment) in estimate.segments.iter().enumerate() {
            let segment_path = || format!("{path}.segments[{i}]");
            if backlog.segments.weight(side, &segment.segment).is_none() {
                problems.push(Problem::new(
                    ProblemCode::UnknownSegment,
                    format!("{}.segment", segment_path()),
                    format!(
                        "The segment \"{}\" is not one of the backlog's {} segments.",
                        super::truncate(&segment.segment),
                        backlog.side_names.name(side).to_lowercase()
                    ),
                ));
            }
            if estimate
                .segments
                .iter()
                .take(i)
                .any(|s| s.segment == segment.segment)
            {
                problems.push(Problem::new(
                    ProblemCode::InvalidSegment,
                    format!("{}.segment", segment_path()),
                    "This segment is estimated twice for the same side.",
                ));
            }
            check_estimate(
                &segment.reach,
                || format!("{}.reach", segment_path()),
                &Rule::Reach,
                problems,
            );
            check_estimate(
                &segment.impact,
                || format!("{}.impact", segment_path()),
                &impact_rule,
                problems,
            );
            check_estimate(
                &segment.confidence,
                || format!("{}.confidence", segment_path()),
                &Rule::Confidence,
                problems,
            );
        }
        return;
    }
    let fields = [
        ("reach", estimate.reach, Rule::Reach),
        ("impact", estimate.impact, impact_rule),
        ("confidence", estimate.confidence, Rule::Confidence),
    ];
    for (field, value, rule) in fields {
        match value {
            Some(value) => check_estimate(&value, || format!("{path}.{field}"), &rule, problems),
            None => problems.push(Problem::new(
                ProblemCode::MissingEstimate,
                format!("{path}.{field}"),
                format!("Enter a {field} for this side, or split it into segments."),
            )),
        }
    }
}

/// What a number must satisfy.
enum Rule<'a> {
    Effort,
    Reach,
    Confidence,
    Impact(&'a Scale),
    Ice(&'a Scale),
    /// ICE impact per side: on the scale, negative for harm, or 0 for none.
    IceImpact(&'a Scale),
    Wsjf(&'a Scale),
    /// WSJF business value per side: on the scale, negative for harm, or 0.
    WsjfValue(&'a Scale),
}

impl Rule<'_> {
    fn code(&self) -> ProblemCode {
        match self {
            Rule::Effort => ProblemCode::InvalidEffort,
            Rule::Reach => ProblemCode::InvalidReach,
            Rule::Confidence => ProblemCode::InvalidConfidence,
            Rule::Impact(_) => ProblemCode::InvalidImpact,
            Rule::Ice(_) | Rule::IceImpact(_) => ProblemCode::InvalidIce,
            Rule::Wsjf(_) | Rule::WsjfValue(_) => ProblemCode::InvalidWsjf,
        }
    }

    /// Whether a likely value is allowed (`end` for a range's low or high).
    fn allows(&self, value: f64, end: bool) -> bool {
        let on = |scale: &Scale| {
            if end {
                scale.spans(value)
            } else {
                scale.allows(value)
            }
        };
        match self {
            Rule::Effort => value > 0.0 && value <= MAX_EFFORT,
            Rule::Reach => (0.0..=MAX_REACH).contains(&value),
            Rule::Confidence => (0.0..=1.0).contains(&value),
            Rule::Impact(scale) | Rule::Ice(scale) | Rule::Wsjf(scale) => on(scale),
            Rule::IceImpact(scale) | Rule::WsjfValue(scale) => {
                value == 0.0 || on(scale) || on_negated(scale, value, end)
            }
        }
    }

    fn expectation(&self) -> String {
        match self {
            Rule::Effort => format!("Effort is in person-months and must be above 0 (0.5 for well under a month) and at most {}.", format_number(MAX_EFFORT)),
            Rule::Reach => format!("Reach counts people per period: 0 or more, at most {}.", format_number(MAX_REACH)),
            Rule::Confidence => "Confidence is a fraction from 0 to 1 (1 high, 0.8 medium, 0.5 low).".into(),
            Rule::Impact(scale) => format!("Impact must be {}.", scale.describe()),
            Rule::Ice(scale) => format!("ICE inputs must be {}.", scale.describe()),
            Rule::IceImpact(scale) => format!("ICE impact must be {}, negative for harm, or 0 for no effect.", scale.describe()),
            Rule::Wsjf(scale) => format!("WSJF inputs must be {}.", scale.describe()),
            Rule::WsjfValue(scale) => format!("WSJF value must be {}, negative for harm, or 0 for no effect.", scale.describe()),
        }
    }
}

fn on_negated(scale: &Scale, value: f64, end: bool) -> bool {
    if end {
        scale.spans(-value)
    } else {
        scale.allows(-value)
    }
}

/// Checks one estimate; `path` is only built when there is a problem to
/// report, as building it for every valid field dominated validation.
fn check_estimate(
    estimate: &Estimate,
    path: impl Fn() -> String,
    rule: &Rule,
    problems: &mut Vec<Problem>,
) {
    let (low, likely, high) = (estimate.low(), estimate.likely(), estimate.high());
    if ![low, likely, high].iter().all(|v| v.is_finite()) {
        problems.push(Problem::new(
            ProblemCode::NotFinite,
            path(),
            "This must be a number (it is empty, not a number, or infinite).",
        ));
        return;
    }
    if !(low <= likely && likely <= high) {
        problems.push(Problem::new(
            ProblemCode::InvalidRange,
            path(),
            format!(
                "A range must go low ≤ likely ≤ high; here it is {} / {} / {}.",
                format_number(low),
                format_number(likely),
                format_number(high)
            ),
        ));
        return;
    }
    let range = estimate.is_range();
    if !rule.allows(likely, false)
        || (range && !(rule.allows(low, true) && rule.allows(high, true)))
    {
        let shown = if range {
            format!(
                "{} / {} / {}",
                format_number(low),
                format_number(likely),
                format_number(high)
            )
        } else {
            format_number(likely)
        };
        problems.push(Problem::new(
            rule.code(),
            path(),
            format!("{shown} is not allowed. {}", rule.expectation()),
        ));
    }
}
