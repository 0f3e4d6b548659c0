//! Scoring frameworks: RICE, ICE, WSJF and weighted scorecards, behind one
//! trait. Each produces a raw value per side with an explanation.

mod explain;
mod ice;
mod rice;
mod scorecard;
mod wsjf;

pub use explain::{format_number, format_percent, Explanation, Number, Percent, Term};
pub use ice::{Ice, IceCombination};
pub use rice::Rice;
pub use scorecard::{Normalisation, Scorecard, ScorecardCriterion, ScorecardOptions};
pub use wsjf::Wsjf;

use crate::model::{Backlog, Initiative, Side};
use crate::Problem;
use serde::{Deserialize, Serialize};

/// The scoring framework to use.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Framework {
    /// Reach x Impact x Confidence / Effort, per side (Intercom).
    #[default]
    Rice,
    /// Impact x Confidence x Ease, or their mean (Sean Ellis).
    Ice,
    /// Cost of Delay / Job Size (SAFe).
    Wsjf,
    /// Weighted criteria with absolute or min-max normalised scales.
    Scorecard,
    /// The team's own formula, given in [`crate::ScoreOptions::formula`].
    Custom,
}

impl Framework {
    /// Short display name: "RICE", "ICE", "WSJF", "Scorecard", "Formula".
    pub fn label(self) -> &'static str {
        match self {
            Framework::Rice => "RICE",
            Framework::Ice => "ICE",
            Framework::Wsjf => "WSJF",
            Framework::Scorecard => "Scorecard",
            Framework::Custom => "Formula",
        }
    }
}

/// One side's raw score (before the footing) and how it was built.
#[derive(Debug, Clone, PartialEq)]
pub struct SideRaw {
    /// The framework's value for this side.
    pub value: f64,
    /// How it was built.
    pub explanation: Explanation,
}

/// A scoring framework: turns an initiative into a value for one side.
pub trait Scorer {
    /// The framework's display name.
    fn label(&self) -> &'static str;

    /// Whether its values count people reached, so that a unit value per
    /// side (see [`crate::Footing::UnitValue`]) prices them. False for
    /// judgement scales such as ICE, WSJF and scorecards.
    fn counts_people(&self) -> bool {
        false
    }

    /// The raw value of `initiative` for `side`, or the problem that stops it
    /// being scored (for example missing inputs). `index` is the initiative's
    /// position, used in problem paths.
    fn score_side(
        &self,
        backlog: &Backlog,
        index: usize,
        initiative: &Initiative,
        side: Side,
    ) -> Result<SideRaw, Problem>;

    /// The raw value alone, without its explanation: what re-ranking,
    /// sweeps and simulations need. Always equal to
    /// `score_side(..).value`, bit for bit; frameworks override it to skip
    /// building the sentence, which costs far more than the arithmetic.
    fn value_side(
        &self,
        backlog: &Backlog,
        index: usize,
        initiative: &Initiative,
        side: Side,
    ) -> Result<f64, Problem> {
        self.score_side(backlog, index, initiative, side)
            .map(|raw| raw.value)
    }
}

/// The capitalised display name of a side, for sentences.
pub(crate) fn side_title(backlog: &Backlog, side: Side) -> String {
    let name = backlog.side_names.name(side);
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The explanation for a side the initiative does not touch.
pub(crate) fn no_effect(backlog: &Backlog, side: Side, label: &str) -> SideRaw {
    SideRaw {
        value: 0.0,
        explanation: Explanation {
            sentence: format!(
                "{} {label} 0: no effect on {}",
                side_title(backlog, side),
                backlog.side_names.name(side).to_lowercase()
            ),
            terms: Vec::new(),
        },
    }
}
