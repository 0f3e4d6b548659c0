//! Custom criteria a backlog defines for itself: a name, a scale, per side or
//! for the whole initiative, and whether more is better or a cost.

use super::names::is_reserved;
use super::MAX_NAME_BYTES;
use crate::model::{Backlog, CriterionValue, Side};
use crate::scoring::{format_number, ScorecardCriterion};
use crate::{Problem, ProblemCode};
use serde::{Deserialize, Serialize};

/// Most named levels on one scale.
pub const MAX_LEVELS: usize = 64;

/// A criterion the team defines, such as "strategic fit" on 1-5 or
/// "t-shirt size" on S/M/L/XL. Initiatives give its value in their
/// `criteria` map under `id`; formulas use it by `id`.
///
/// ```
/// use twosided::formula::{CriterionDefinition, CriterionScale, Applies, NamedLevel};
/// let size = CriterionDefinition {
///     id: "size".into(),
///     name: "T-shirt size".into(),
///     scale: CriterionScale::Levels { levels: vec![
///         NamedLevel { label: "S".into(), value: 1.0 },
///         NamedLevel { label: "M".into(), value: 2.0 },
///         NamedLevel { label: "L".into(), value: 3.0 },
///         NamedLevel { label: "XL".into(), value: 5.0 },
///     ]},
///     applies: Applies::Whole,
///     cost: true,
/// };
/// assert!(size.scale.allows(3.0));
/// assert_eq!(size.scale.value_of("XL"), Some(5.0));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CriterionDefinition {
    /// The key in initiatives' `criteria` and the name in formulas: a
    /// lower-case letter, then letters, digits or `_` (at most 32).
    pub id: String,
    /// Display name.
    pub name: String,
    /// The values it may take.
    pub scale: CriterionScale,
    /// Per side (a value for buyers and one for sellers) or whole.
    #[serde(default)]
    pub applies: Applies,
    /// True for a cost, where lower is better (such as risk or size).
    #[serde(default)]
    pub cost: bool,
}

/// Whether a criterion has a value per side or one for the whole initiative.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Applies {
    /// One value, the same for both sides.
    #[default]
    Whole,
    /// A value per side: `{ "buyer": 3, "seller": 1 }` (a single number
    /// means the same for both).
    PerSide,
}

/// The values a custom criterion may take.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase", deny_unknown_fields)]
pub enum CriterionScale {
    /// Any number from `min` to `max` inclusive.
    Range {
        /// The smallest value.
        min: f64,
        /// The largest value.
        max: f64,
    },
    /// The modified Fibonacci 1, 2, 3, 5, 8, 13, 20 (as WSJF uses).
    Fibonacci,
    /// Named levels, each standing for a number (S = 1, M = 2, ...).
    /// Initiatives store the number; the label is for people.
    Levels {
        /// The levels, in display order.
        levels: Vec<NamedLevel>,
    },
}

/// One named level of a scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NamedLevel {
    /// What people see, such as "XL".
    pub label: String,
    /// The number it stands for.
    pub value: f64,
}

const FIBONACCI: [f64; 7] = [1.0, 2.0, 3.0, 5.0, 8.0, 13.0, 20.0];

impl CriterionScale {
    /// Whether `value` is on the scale.
    pub fn allows(&self, value: f64) -> bool {
        match self {
            CriterionScale::Range { min, max } => value >= *min && value <= *max,
            CriterionScale::Fibonacci => FIBONACCI.contains(&value),
            CriterionScale::Levels { levels } => levels.iter().any(|l| l.value == value),
        }
    }

    /// The smallest and largest values.
    pub fn bounds(&self) -> (f64, f64) {
        match self {
            CriterionScale::Range { min, max } => (*min, *max),
            CriterionScale::Fibonacci => (1.0, 20.0),
            CriterionScale::Levels { levels } => levels
                .iter()
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), level| {
                    (lo.min(level.value), hi.max(level.value))
                }),
        }
    }

    /// Whether 0 is a possible value (a divisor then needs care).
    pub fn includes_zero(&self) -> bool {
        match self {
            CriterionScale::Range { min, max } => *min <= 0.0 && 0.0 <= *max,
            CriterionScale::Fibonacci => false,
            CriterionScale::Levels { levels } => levels.iter().any(|l| l.value == 0.0),
        }
    }

    /// The number a level's label stands for.
    pub fn value_of(&self, label: &str) -> Option<f64> {
        match self {
            CriterionScale::Levels { levels } => {
                levels.iter().find(|l| l.label == label).map(|l| l.value)
            }
            _ => None,
        }
    }

    /// The scale in words, for messages.
    pub fn describe(&self) -> String {
        match self {
            CriterionScale::Range { min, max } => format!(
                "a number from {} to {}",
                format_number(*min),
                format_number(*max)
            ),
            CriterionScale::Fibonacci => "one of 1, 2, 3, 5, 8, 13, 20".into(),
            CriterionScale::Levels { levels } => {
                let listed: Vec<String> = levels
                    .iter()
                    .map(|l| format!("{} ({})", format_number(l.value), l.label))
                    .collect();
                format!("one of {}", listed.join(", "))
            }
        }
    }
}

impl CriterionDefinition {
    /// This criterion as a scorecard criterion with `weight`, so a backlog's
    /// own criteria can feed the weighted scorecard too (its scale maximum
    /// is the largest magnitude on the scale; a cost counts against).
    pub fn to_scorecard(&self, weight: f64) -> ScorecardCriterion {
        let (lo, hi) = self.scale.bounds();
        let magnitude = lo.abs().max(hi.abs());
        ScorecardCriterion {
            id: self.id.clone(),
            name: self.name.clone(),
            weight,
            scale_max: if magnitude > 0.0 { magnitude } else { 1.0 },
            lower_is_better: self.cost,
        }
    }
}

/// Whether `id` can name a criterion: a lower-case ASCII letter, then
/// lower-case letters, digits or `_`, and not a built-in name.
pub fn is_valid_criterion_id(id: &str) -> bool {
    let mut bytes = id.bytes();
    let first_ok = bytes.next().is_some_and(|b| b.is_ascii_lowercase());
    first_ok
        && id.len() <= MAX_NAME_BYTES
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        && !is_reserved(id)
}

/// Checks the backlog's criterion definitions and every initiative's values
/// for them, adding a problem for each fault. Values for keys that are not
/// defined are left to the scorecard (which has its own criteria).
pub fn check_criteria(backlog: &Backlog, problems: &mut Vec<Problem>) {
    let definitions = &backlog.criteria;
    if definitions.len() > crate::limits::MAX_CRITERIA {
        problems.push(Problem::new(
            ProblemCode::TooMany,
            "criteria",
            format!(
                "A backlog can define at most {} criteria.",
                crate::limits::MAX_CRITERIA
            ),
        ));
        return;
    }
    // Values are checked only against definitions that are themselves sound.
    let mut sound = Vec::with_capacity(definitions.len());
    for (i, definition) in definitions.iter().enumerate() {
        let before = problems.len();
        check_definition(definition, i, definitions, problems);
        if problems.len() == before {
            sound.push(definition);
        }
    }
    for (index, initiative) in backlog.initiatives.iter().enumerate() {
        for definition in &sound {
            if let Some(value) = initiative.criteria.get(&definition.id) {
                check_value(definition, value, index, problems);
            }
        }
    }
}

fn check_definition(
    definition: &CriterionDefinition,
    i: usize,
    all: &[CriterionDefinition],
    problems: &mut Vec<Problem>,
) {
    let path = format!("criteria[{i}]");
    let mut fault = |field: &str, message: String| {
        problems.push(Problem::new(
            ProblemCode::InvalidCriterion,
            format!("{path}.{field}"),
            message,
        ))
    };
    if !is_valid_criterion_id(&definition.id) {
        fault(
            "id",
            format!("\"{}\" cannot name a criterion: use a lower-case letter, then lower-case letters, digits or _, at most {MAX_NAME_BYTES} characters, and not a built-in name such as reach or effort.", crate::validate::truncate(&definition.id)),
        );
    } else if all.iter().take(i).any(|d| d.id == definition.id) {
        fault(
            "id",
            format!("The criterion \"{}\" is defined twice.", definition.id),
        );
    }
    if definition.name.trim().is_empty() || definition.name.len() > crate::limits::MAX_NAME_BYTES {
        fault(
            "name",
            format!(
                "A criterion needs a name of 1 to {} characters.",
                crate::limits::MAX_NAME_BYTES
            ),
        );
    }
    match &definition.scale {
        CriterionScale::Range { min, max } => {
            if !(min.is_finite() && max.is_finite() && min <= max) {
                fault(
                    "scale",
                    "A range scale needs finite numbers with min <= max.".into(),
                );
            }
        }
        CriterionScale::Fibonacci => {}
        CriterionScale::Levels { levels } => {
            if levels.is_empty() || levels.len() > MAX_LEVELS {
                fault(
                    "scale.levels",
                    format!("A scale needs 1 to {MAX_LEVELS} levels."),
                );
            }
            for (j, level) in levels.iter().enumerate() {
                if !level.value.is_finite() {
                    fault(
                        &format!("scale.levels[{j}].value"),
                        "A level's value must be a finite number.".into(),
                    );
                }
                if level.label.trim().is_empty()
                    || level.label.len() > crate::limits::MAX_NAME_BYTES
                    || levels.iter().take(j).any(|l| l.label == level.label)
                {
                    fault(
                        &format!("scale.levels[{j}].label"),
                        "Each level needs its own label of 1 to 256 characters.".into(),
                    );
                }
            }
        }
    }
}

fn check_value(
    definition: &CriterionDefinition,
    value: &CriterionValue,
    index: usize,
    problems: &mut Vec<Problem>,
) {
    let path = format!("initiatives[{index}].criteria.{}", definition.id);
    match (definition.applies, value) {
        (Applies::Whole, CriterionValue::PerSide { buyer, seller }) if buyer != seller => {
            problems.push(Problem::new(
                ProblemCode::InvalidCriterion,
                path,
                format!(
                    "\"{}\" applies to the whole initiative: give one number, not one per side.",
                    definition.name
                ),
            ));
            return;
        }
        _ => {}
    }
    for side in Side::BOTH {
        let number = value.for_side(side);
        if !definition.scale.allows(number) {
            let where_ = match value {
                CriterionValue::Whole(_) => path.clone(),
                CriterionValue::PerSide { .. } => format!("{path}.{}", side.key()),
            };
            problems.push(Problem::new(
                ProblemCode::InvalidCriterion,
                where_,
                format!(
                    "{} is not allowed for \"{}\": it must be {}.",
                    format_number(number),
                    definition.name,
                    definition.scale.describe()
                ),
            ));
            if matches!(value, CriterionValue::Whole(_)) {
                return;
            }
        }
    }
}
