//! A small builder so each example initiative reads as one block: what it
//! is, why we believe in it, and its estimates for every framework.

use crate::model::{
    CriterionValue, Estimate, IceInputs, Initiative, SegmentEstimate, SideEstimate, WorkKind,
    WsjfInputs,
};

/// The scorecard criteria every example initiative is scored on, in the
/// order [`Draft::card`] takes them (the business-outcomes preset).
const CRITERIA: [&str; 4] = ["conversion", "margin", "acquisition", "retention"];

/// One segment's (id, reach, impact, confidence).
pub(super) type SegmentRow = (&'static str, f64, f64, f64);

/// An initiative being described.
pub(super) struct Draft(Initiative);

/// Starts an initiative: what it is and what it should move.
pub(super) fn item(
    id: &str,
    name: &str,
    kind: WorkKind,
    problem_space: &str,
    journey_stage: &str,
    target_metric: &str,
) -> Draft {
    Draft(Initiative {
        id: id.into(),
        name: name.into(),
        kind,
        problem_space: problem_space.into(),
        journey_stage: journey_stage.into(),
        target_metric: target_metric.into(),
        ..Initiative::default()
    })
}

/// A low / likely / high range.
pub(super) fn range(low: f64, likely: f64, high: f64) -> Estimate {
    Estimate::range(low, likely, high)
}

impl Draft {
    /// The hypothesis ("If we ..., then ... because ...") and how we will
    /// know it worked.
    pub(super) fn why(mut self, hypothesis: &str, success_criterion: &str) -> Self {
        self.0.hypothesis = hypothesis.into();
        self.0.success_criterion = success_criterion.into();
        self
    }

    /// The buyer side as a whole.
    pub(super) fn buyer(
        mut self,
        reach: impl Into<Estimate>,
        impact: f64,
        confidence: f64,
    ) -> Self {
        self.0.buyer = Some(whole_side(reach.into(), impact, confidence));
        self
    }

    /// The seller side as a whole.
    pub(super) fn seller(
        mut self,
        reach: impl Into<Estimate>,
        impact: f64,
        confidence: f64,
    ) -> Self {
        self.0.seller = Some(whole_side(reach.into(), impact, confidence));
        self
    }

    /// The buyer side, estimated per segment.
    pub(super) fn buyer_segments(mut self, rows: &[SegmentRow]) -> Self {
        self.0.buyer = Some(segmented_side(rows));
        self
    }

    /// The seller side, estimated per segment.
    pub(super) fn seller_segments(mut self, rows: &[SegmentRow]) -> Self {
        self.0.seller = Some(segmented_side(rows));
        self
    }

    /// Effort in person-months, one value or a range.
    pub(super) fn effort(mut self, effort: impl Into<Estimate>) -> Self {
        self.0.effort = effort.into();
        self
    }

    /// Initiatives that must ship first.
    pub(super) fn after(mut self, dependencies: &[&str]) -> Self {
        self.0.dependencies = dependencies.iter().map(|d| d.to_string()).collect();
        self
    }

    /// Free labels.
    pub(super) fn tags(mut self, tags: &[&str]) -> Self {
        self.0.tags = tags.iter().map(|t| t.to_string()).collect();
        self
    }

    /// ICE: [buyer impact, seller impact] (signed, 0 for none), confidence, ease.
    pub(super) fn ice(mut self, impact: [i8; 2], confidence: i8, ease: i8) -> Self {
        self.0.ice = Some(IceInputs {
            buyer_impact: number(impact[0]),
            seller_impact: number(impact[1]),
            confidence: number(confidence),
            ease: number(ease),
        });
        self
    }

    /// WSJF: [buyer value, seller value] (signed, 0 for none), time
    /// criticality, risk reduction / opportunity enablement, job size.
    pub(super) fn wsjf(
        mut self,
        value: [i8; 2],
        time_criticality: i8,
        risk_reduction: i8,
        job_size: i8,
    ) -> Self {
        self.0.wsjf = Some(WsjfInputs {
            buyer_value: number(value[0]),
            seller_value: number(value[1]),
            time_criticality: number(time_criticality),
            risk_reduction: number(risk_reduction),
            job_size: number(job_size),
        });
        self
    }

    /// Scorecard values, -5 to 5, for buyers and for sellers, in the order
    /// conversion, margin, acquisition, retention. A criterion with the
    /// same value on both sides is stored once.
    pub(super) fn card(mut self, buyer: [i8; 4], seller: [i8; 4]) -> Self {
        for ((id, b), s) in CRITERIA.iter().zip(buyer).zip(seller) {
            let value = if b == s {
                CriterionValue::Whole(f64::from(b))
            } else {
                CriterionValue::PerSide {
                    buyer: f64::from(b),
                    seller: f64::from(s),
                }
            };
            self.0.criteria.insert((*id).to_string(), value);
        }
        self
    }

    /// The finished initiative.
    pub(super) fn done(self) -> Initiative {
        self.0
    }
}

fn number(value: i8) -> Estimate {
    Estimate::Value(f64::from(value))
}

fn whole_side(reach: Estimate, impact: f64, confidence: f64) -> SideEstimate {
    SideEstimate {
        reach: Some(reach),
        impact: Some(impact.into()),
        confidence: Some(confidence.into()),
        segments: Vec::new(),
    }
}

fn segmented_side(rows: &[SegmentRow]) -> SideEstimate {
    SideEstimate {
        segments: rows
            .iter()
            .map(|&(segment, reach, impact, confidence)| SegmentEstimate {
                segment: segment.into(),
                reach: reach.into(),
                impact: impact.into(),
                confidence: confidence.into(),
            })
            .collect(),
        ..SideEstimate::default()
    }
}
