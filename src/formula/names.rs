//! The names a formula can use: the initiative's built-in fields, its labels,
//! and the backlog's custom criteria.

use super::ast::Function;
use super::labels::{Kano, Moscow};

/// What a name in a formula stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Variable {
    /// The side's reach (inside `segments(...)`, the segment's).
    Reach,
    /// The side's RICE impact per person (inside `segments(...)`, the segment's).
    Impact,
    /// The side's confidence, 0 to 1 (inside `segments(...)`, the segment's).
    Confidence,
    /// The segment's weight inside `segments(...)`; 1 for an unsegmented side.
    Weight,
    /// The side's reach x impact x confidence, summed over its segments with
    /// their weights: exactly RICE's numerator.
    Value,
    /// Effort in person-months (shared by both sides).
    Effort,
    /// ICE impact of the side being scored.
    IceImpact,
    /// ICE confidence (shared).
    IceConfidence,
    /// ICE ease (shared).
    Ease,
    /// WSJF user-business value of the side being scored.
    BusinessValue,
    /// WSJF time criticality (shared).
    TimeCriticality,
    /// WSJF risk reduction / opportunity enablement (shared).
    RiskReduction,
    /// WSJF job size (shared).
    JobSize,
    /// 1 when the initiative has this MoSCoW label, else 0.
    Moscow(Moscow),
    /// 1 when the initiative has this Kano category, else 0.
    Kano(Kano),
    /// The backlog's custom criterion at this index.
    Criterion(usize),
}

/// The built-in names, with what each means (for messages and the editor).
pub const BUILT_IN_NAMES: [(&str, &str); 13] = [
    (
        "reach",
        "the side's reach (per segment inside segments(...))",
    ),
    ("impact", "the side's RICE impact per person"),
    ("confidence", "the side's confidence, 0 to 1"),
    (
        "weight",
        "the segment's weight inside segments(...), else 1",
    ),
    (
        "value",
        "the side's reach x impact x confidence, summed over segments",
    ),
    ("effort", "effort in person-months"),
    ("ice_impact", "ICE impact on the side being scored"),
    ("ice_confidence", "ICE confidence"),
    ("ease", "ICE ease"),
    (
        "business_value",
        "WSJF user-business value for the side being scored",
    ),
    ("time_criticality", "WSJF time criticality"),
    (
        "risk_reduction",
        "WSJF risk reduction and opportunity enablement",
    ),
    ("job_size", "WSJF job size"),
];

impl Variable {
    /// The built-in variable (field or label) with this name.
    pub fn built_in(name: &str) -> Option<Variable> {
        let field = match name {
            "reach" => Variable::Reach,
            "impact" => Variable::Impact,
            "confidence" => Variable::Confidence,
            "weight" => Variable::Weight,
            "value" => Variable::Value,
            "effort" => Variable::Effort,
            "ice_impact" => Variable::IceImpact,
            "ice_confidence" => Variable::IceConfidence,
            "ease" => Variable::Ease,
            "business_value" => Variable::BusinessValue,
            "time_criticality" => Variable::TimeCriticality,
            "risk_reduction" => Variable::RiskReduction,
            "job_size" => Variable::JobSize,
            _ => {
                if let Some(label) = name.strip_prefix("moscow_") {
                    return Moscow::ALL
                        .into_iter()
                        .find(|m| m.key() == label)
                        .map(Variable::Moscow);
                }
                if let Some(label) = name.strip_prefix("kano_") {
                    return Kano::ALL
                        .into_iter()
                        .find(|k| k.key() == label)
                        .map(Variable::Kano);
                }
                return None;
            }
        };
        Some(field)
    }

    /// Whether the name reads a per-segment value, so that on a segmented
    /// side it only has a meaning inside `segments(...)`.
    pub fn is_per_segment(self) -> bool {
        matches!(
            self,
            Variable::Reach | Variable::Impact | Variable::Confidence | Variable::Weight
        )
    }
}

/// Whether a name is taken by the language (a field, a label or a function),
/// so a criterion cannot use it.
pub fn is_reserved(name: &str) -> bool {
    Variable::built_in(name).is_some()
        || Function::from_name(name).is_some()
        || name.starts_with("moscow_")
        || name.starts_with("kano_")
}
