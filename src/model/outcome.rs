//! Where an initiative is in its life, the success criterion in numbers, and
//! what really happened after launch.

use serde::{Deserialize, Serialize};

/// Where an initiative is in its life.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub enum Status {
    /// Proposed, not yet planned.
    #[default]
    Idea,
    /// Planned for a coming period.
    Planned,
    /// Being built.
    InProgress,
    /// Shipped; its outcome may not be known yet.
    Launched,
    /// Shipped and reviewed: its outcome record says what really happened.
    Reviewed,
}

impl Status {
    /// Whether this is the default, [`Status::Idea`] (left out of JSON).
    pub fn is_idea(&self) -> bool {
        *self == Status::Idea
    }

    /// Whether it has shipped: launched or reviewed.
    pub fn has_launched(self) -> bool {
        matches!(self, Status::Launched | Status::Reviewed)
    }

    /// The JSON name: `idea`, `planned`, `inProgress`, `launched`, `reviewed`.
    pub fn key(self) -> &'static str {
        match self {
            Status::Idea => "idea",
            Status::Planned => "planned",
            Status::InProgress => "inProgress",
            Status::Launched => "launched",
            Status::Reviewed => "reviewed",
        }
    }
}

/// Which way the target metric should move.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Direction {
    /// Higher is better (conversion, RPV, seller activation): success is
    /// reaching the target or more.
    Increase,
    /// Lower is better (defect rate, customer-service contacts): success is
    /// reaching the target or less.
    Decrease,
}

/// The success criterion in numbers: the target metric's value before the
/// initiative (baseline) and the value that counts as success (target).
///
/// The direction follows from the two values (a target above the baseline
/// means higher is better); give it only when the target equals the
/// baseline, as in "keep the defect rate at 2% or less".
///
/// ```
/// use twosided::model::{Direction, Goal};
/// let conversion = Goal { baseline: 3.1, target: 3.4, ..Goal::default() };
/// assert_eq!(conversion.direction(), Some(Direction::Increase));
/// assert_eq!(conversion.is_met_by(3.5), Some(true));
/// assert_eq!(conversion.is_met_by(3.3), Some(false));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Goal {
    /// The metric's value before the initiative.
    pub baseline: f64,
    /// The value that meets the success criterion.
    pub target: f64,
    /// Which way is better; needed only when target equals baseline, and
    /// when given it must agree with them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    /// The metric's unit, such as "%" or "contacts per 1000 orders".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unit: String,
}

impl Goal {
    /// Which way is better: the one given, else the one from baseline to
    /// target; `None` when the target equals the baseline and none is given.
    pub fn direction(&self) -> Option<Direction> {
        self.direction.or(if self.target > self.baseline {
            Some(Direction::Increase)
        } else if self.target < self.baseline {
            Some(Direction::Decrease)
        } else {
            None
        })
    }

    /// Whether an observed value meets the criterion (reaches the target in
    /// the right direction); `None` when the direction is unknown or a value
    /// is not a number.
    pub fn is_met_by(&self, observed: f64) -> Option<bool> {
        if !(observed.is_finite() && self.target.is_finite()) {
            return None;
        }
        match self.direction()? {
            Direction::Increase => Some(observed >= self.target),
            Direction::Decrease => Some(observed <= self.target),
        }
    }
}

/// What really happened after launch: the post-launch record. Every number
/// is optional, because reviews are often partial; the review uses what is
/// there.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Outcome {
    /// The effort it really took, in person-months.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effort: Option<f64>,
    /// What it really did for buyers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buyer: Option<SideActual>,
    /// What it really did for sellers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seller: Option<SideActual>,
    /// The target metric's value after launch. Give this or `movement`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub observed: Option<f64>,
    /// How far the target metric moved from the goal's baseline (signed),
    /// for teams that report a change rather than a value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub movement: Option<f64>,
    /// What the team learned, in its own words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub learning: String,
}

impl Outcome {
    /// The observed metric value: `observed`, or the goal's baseline plus
    /// `movement`.
    ///
    /// ```
    /// use twosided::model::{Goal, Outcome};
    /// let goal = Goal { baseline: 12.0, target: 10.0, ..Goal::default() };
    /// let outcome = Outcome { movement: Some(-2.5), ..Outcome::default() };
    /// assert_eq!(outcome.observed_value(Some(&goal)), Some(9.5));
    /// ```
    pub fn observed_value(&self, goal: Option<&Goal>) -> Option<f64> {
        match (self.observed, self.movement, goal) {
            (Some(observed), _, _) => Some(observed),
            (None, Some(movement), Some(goal)) => Some(goal.baseline + movement),
            _ => None,
        }
    }

    /// The actuals for one side.
    pub fn side(&self, side: super::Side) -> Option<&SideActual> {
        match side {
            super::Side::Buyer => self.buyer.as_ref(),
            super::Side::Seller => self.seller.as_ref(),
        }
    }
}

/// What an initiative really did for one side, measured on the same units
/// as the estimate: people reached per period, and impact per person on the
/// impact scale's span.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SideActual {
    /// People on this side really reached per period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reach: Option<f64>,
    /// The impact per person really seen (signed; need not be a level).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub impact: Option<f64>,
}
