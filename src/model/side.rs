//! The two sides of the marketplace and each side's estimates.

use super::Estimate;
use serde::{Deserialize, Serialize};

/// One side of the marketplace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Side {
    /// The demand side: buyers, guests, riders.
    Buyer,
    /// The supply side: sellers, hosts, drivers.
    Seller,
}

impl Side {
    /// Both sides, buyer first.
    pub const BOTH: [Side; 2] = [Side::Buyer, Side::Seller];

    /// The field name used in paths and JSON: `buyer` or `seller`.
    pub fn key(self) -> &'static str {
        match self {
            Side::Buyer => "buyer",
            Side::Seller => "seller",
        }
    }

    /// The other side.
    pub fn other(self) -> Side {
        match self {
            Side::Buyer => Side::Seller,
            Side::Seller => Side::Buyer,
        }
    }
}

/// What an initiative does for one side: reach, impact and confidence, either
/// for the side as a whole or split into named segments.
///
/// Without segments, `reach`, `impact` and `confidence` are required. With
/// segments, they must be left out: each segment carries its own.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SideEstimate {
    /// People (or events) on this side reached per period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reach: Option<Estimate>,
    /// Signed impact per person: 3 massive, 2 high, 1 medium, 0.5 low,
    /// 0.25 minimal; the same magnitudes negative for harm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub impact: Option<Estimate>,
    /// Confidence in the estimate as a fraction: 1 high, 0.8 medium, 0.5 low.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Estimate>,
    /// Per-segment estimates (new and repeat buyers, small and large sellers).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub segments: Vec<SegmentEstimate>,
}

impl SideEstimate {
    /// An unsegmented side estimate from single values.
    ///
    /// ```
    /// let side = twosided::SideEstimate::new(450.0, 3.0, 1.0);
    /// assert_eq!(side.reach.map(|r| r.likely()), Some(450.0));
    /// ```
    pub fn new(reach: f64, impact: f64, confidence: f64) -> Self {
        SideEstimate {
            reach: Some(reach.into()),
            impact: Some(impact.into()),
            confidence: Some(confidence.into()),
            segments: Vec::new(),
        }
    }

    /// Whether this side is split into segments.
    pub fn is_segmented(&self) -> bool {
        !self.segments.is_empty()
    }
}

/// One segment's estimate within a side.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SegmentEstimate {
    /// The segment's id, declared in the backlog's `segments` for this side.
    pub segment: String,
    /// People in this segment reached per period.
    pub reach: Estimate,
    /// Signed impact per person in this segment.
    pub impact: Estimate,
    /// Confidence as a fraction.
    pub confidence: Estimate,
}

/// A named segment of one side, with the weight it gets right now.
///
/// A weight multiplies each reached person of the segment: 1 counts a person
/// once, 2 counts a person in this segment twice. A side's value is the sum
/// over its segments of weight x reach x impact x confidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Segment {
    /// The id initiatives refer to, such as `new-buyers`.
    pub id: String,
    /// A display name, such as "New buyers".
    pub name: String,
    /// How much one reached person of this segment counts (>= 0).
    #[serde(default = "one")]
    pub weight: f64,
}

fn one() -> f64 {
    1.0
}

/// The two sides' display names: buyers/sellers by default, but guests/hosts
/// or riders/drivers work the same.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SideNames {
    /// The demand side's name, plural.
    pub buyer: String,
    /// The supply side's name, plural.
    pub seller: String,
}

impl Default for SideNames {
    fn default() -> Self {
        SideNames {
            buyer: "Buyers".into(),
            seller: "Sellers".into(),
        }
    }
}

impl SideNames {
    /// The display name of one side.
    pub fn name(&self, side: Side) -> &str {
        match side {
            Side::Buyer => &self.buyer,
            Side::Seller => &self.seller,
        }
    }
}
