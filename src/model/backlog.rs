//! The backlog: initiatives plus the settings that make the sides comparable.

use super::{Initiative, Scales, Segment, Side, SideNames};
use serde::{Deserialize, Serialize};

/// A backlog of initiatives and the settings that make both sides comparable.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Backlog {
    /// The initiatives.
    pub initiatives: Vec<Initiative>,
    /// The sides' display names.
    #[serde(default)]
    pub side_names: SideNames,
    /// How each side's score is put on a common footing with the other's.
    #[serde(default)]
    pub footing: Footing,
    /// The period reach refers to, such as "quarter".
    #[serde(default = "quarter")]
    pub reach_period: String,
    /// The segments of each side and their current weights.
    #[serde(default)]
    pub segments: Segments,
    /// The scales estimates are given on; the canonical ones by default.
    #[serde(default)]
    pub scales: Scales,
    /// The backlog's own criteria (name, scale, per side or whole, benefit
    /// or cost), which custom formulas can use by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub criteria: Vec<crate::formula::CriterionDefinition>,
}

fn quarter() -> String {
    "quarter".into()
}

/// The declared segments of each side.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Segments {
    /// Buyer segments, such as new and repeat buyers.
    #[serde(default)]
    pub buyer: Vec<Segment>,
    /// Seller segments, such as small and large sellers.
    #[serde(default)]
    pub seller: Vec<Segment>,
}

impl Segments {
    /// The segments of one side.
    pub fn of(&self, side: Side) -> &[Segment] {
        match side {
            Side::Buyer => &self.buyer,
            Side::Seller => &self.seller,
        }
    }

    /// Mutable segments of one side.
    pub fn of_mut(&mut self, side: Side) -> &mut Vec<Segment> {
        match side {
            Side::Buyer => &mut self.buyer,
            Side::Seller => &mut self.seller,
        }
    }

    /// The weight of a segment, if it is declared.
    pub fn weight(&self, side: Side, segment: &str) -> Option<f64> {
        self.of(side)
            .iter()
            .find(|s| s.id == segment)
            .map(|s| s.weight)
    }
}

/// How one unit of each side's score converts to a common value, so the two
/// sides can be compared at all.
///
/// The default, [`Footing::UnitValue`] with both values 1, counts one reached
/// buyer the same as one reached seller. Marketplaces usually have far fewer
/// sellers than buyers, each worth more: set `seller` to what one seller is
/// worth in buyers (for example in GMV terms) to say so explicitly.
/// [`Footing::ScaledToLargest`] instead divides each side by its largest
/// absolute value in the backlog, so each side spans -1 to 1; it needs no
/// exchange rate, but a side's values move when an initiative is added.
///
/// A unit value prices reach, so it applies to RICE and to formulas that use
/// reach; ICE, WSJF and
/// scorecards already score both sides on one judgement scale and are
/// compared as they are. Scaling to the largest applies to every framework.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase", deny_unknown_fields)]
pub enum Footing {
    /// Multiply each side's score by a value per unit (a shared currency).
    #[serde(rename_all = "camelCase")]
    UnitValue {
        /// Value of one unit of buyer score.
        buyer: f64,
        /// Value of one unit of seller score.
        seller: f64,
        /// The currency or unit the products are expressed in, such as "GMV £".
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<String>,
    },
    /// Divide each side by its largest absolute value across the backlog.
    ScaledToLargest,
}

impl Default for Footing {
    fn default() -> Self {
        Footing::UnitValue {
            buyer: 1.0,
            seller: 1.0,
            unit: None,
        }
    }
}

impl Backlog {
    /// The index of the initiative with this id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.initiatives.iter().position(|i| i.id == id)
    }
}
