//! The three kinds of work a healthy roadmap balances.

use serde::{Deserialize, Serialize};

/// The kind of work, which capacity is allocated between.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub enum WorkKind {
    /// Search, merchandising, checkout, loyalty, seller tools.
    #[default]
    CustomerFacing,
    /// Performance, reliability, tooling, tech debt.
    Platform,
    /// Internal tools and process automation.
    Operational,
}

impl WorkKind {
    /// All kinds, in display order.
    pub const ALL: [WorkKind; 3] = [
        WorkKind::CustomerFacing,
        WorkKind::Platform,
        WorkKind::Operational,
    ];

    /// The JSON name: `customerFacing`, `platform`, `operational`.
    pub fn key(self) -> &'static str {
        match self {
            WorkKind::CustomerFacing => "customerFacing",
            WorkKind::Platform => "platform",
            WorkKind::Operational => "operational",
        }
    }

    /// A label for people: "customer-facing".
    pub fn label(self) -> &'static str {
        match self {
            WorkKind::CustomerFacing => "customer-facing",
            WorkKind::Platform => "platform",
            WorkKind::Operational => "operational",
        }
    }
}
