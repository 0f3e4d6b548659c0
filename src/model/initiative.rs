//! An initiative: one thing the team could build.

use super::{Estimate, Goal, Outcome, SideEstimate, Status, WorkKind};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One initiative on the backlog, estimated separately for each side.
///
/// ```
/// use twosided::{Initiative, SideEstimate, Estimate};
/// let checkout = Initiative {
///     id: "one-click-checkout".into(),
///     name: "One-click checkout".into(),
///     buyer: Some(SideEstimate::new(450.0, 3.0, 1.0)),
///     effort: Estimate::Value(2.0),
///     ..Initiative::default()
/// };
/// assert!(checkout.seller.is_none());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Initiative {
    /// Unique id, used by dependencies and share links.
    pub id: String,
    /// Short name shown everywhere.
    pub name: String,
    /// Optional longer description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The kind of work: customer-facing, platform or operational.
    #[serde(default)]
    pub kind: WorkKind,
    /// The problem space that owns it, such as `search`, `checkout`, `seller tools`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub problem_space: String,
    /// The journey stage it touches, such as `discovery`, `checkout`, `onboarding`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub journey_stage: String,
    /// The metric it should move. Well-known values: `conversion`, `rpv`,
    /// `acquisition`, `retention`, `margin`, `seller activation`, `listings`,
    /// `gmv per seller`, `seller retention`, `defect rate`, `cs contacts`,
    /// `fulfilment`. Any text is accepted.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub target_metric: String,
    /// Why we believe it works: "If we ..., then ... because ...".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub hypothesis: String,
    /// How we will know it worked, such as "conversion +0.5 pt in 4 weeks".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub success_criterion: String,
    /// The success criterion in numbers: baseline and target of the metric.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal: Option<Goal>,
    /// Where it is in its life; `idea` by default.
    #[serde(default, skip_serializing_if = "Status::is_idea")]
    pub status: Status,
    /// What really happened after launch (launched or reviewed only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
    /// Ids of initiatives that must be done first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dependencies: Vec<String>,
    /// Free labels.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// What it does for buyers; absent means no effect on buyers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buyer: Option<SideEstimate>,
    /// What it does for sellers; absent means no effect on sellers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seller: Option<SideEstimate>,
    /// Effort in person-months, shared by both sides (> 0).
    pub effort: Estimate,
    /// Inputs for ICE, where the team uses it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ice: Option<IceInputs>,
    /// Inputs for WSJF, where the team uses it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wsjf: Option<WsjfInputs>,
    /// Values for scorecard criteria, keyed by criterion id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub criteria: BTreeMap<String, CriterionValue>,
    /// MoSCoW label: must, should, could or won't.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moscow: Option<crate::formula::Moscow>,
    /// Kano category: basic, performance, delighter or indifferent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kano: Option<crate::formula::Kano>,
}

/// ICE inputs (Sean Ellis), each on 1-10. Impact is per side and signed, so an
/// initiative that harms one side says so; confidence and ease are shared.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IceInputs {
    /// Impact on buyers, -10 to 10 (0 for none).
    pub buyer_impact: Estimate,
    /// Impact on sellers, -10 to 10 (0 for none).
    pub seller_impact: Estimate,
    /// Confidence, 1 to 10.
    pub confidence: Estimate,
    /// Ease, 1 to 10.
    pub ease: Estimate,
}

/// WSJF inputs (SAFe), on the modified Fibonacci scale 1, 2, 3, 5, 8, 13, 20.
///
/// User-business value is per side; time criticality and risk reduction /
/// opportunity enablement are shared, so they count once whatever the weight.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WsjfInputs {
    /// User-business value for buyers (negative for harm).
    pub buyer_value: Estimate,
    /// User-business value for sellers (negative for harm).
    pub seller_value: Estimate,
    /// Time criticality.
    pub time_criticality: Estimate,
    /// Risk reduction and opportunity enablement.
    pub risk_reduction: Estimate,
    /// Job size.
    pub job_size: Estimate,
}

/// A scorecard criterion's value: one for the whole initiative, or one per side.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum CriterionValue {
    /// The same value for both sides.
    Whole(f64),
    /// A value per side.
    PerSide {
        /// Value for buyers.
        buyer: f64,
        /// Value for sellers.
        seller: f64,
    },
}

impl CriterionValue {
    /// The value that applies to one side.
    pub fn for_side(&self, side: super::Side) -> f64 {
        match (*self, side) {
            (CriterionValue::Whole(v), _) => v,
            (CriterionValue::PerSide { buyer, .. }, super::Side::Buyer) => buyer,
            (CriterionValue::PerSide { seller, .. }, super::Side::Seller) => seller,
        }
    }
}

impl Initiative {
    /// The estimate for one side, if the initiative affects it.
    pub fn side(&self, side: super::Side) -> Option<&SideEstimate> {
        match side {
            super::Side::Buyer => self.buyer.as_ref(),
            super::Side::Seller => self.seller.as_ref(),
        }
    }

    /// Mutable estimate for one side.
    pub fn side_mut(&mut self, side: super::Side) -> &mut Option<SideEstimate> {
        match side {
            super::Side::Buyer => &mut self.buyer,
            super::Side::Seller => &mut self.seller,
        }
    }
}
