//! MoSCoW and Kano labels on initiatives: as planner pins, as a filter, and
//! as names a formula can use (`moscow_must`, `kano_delighter`, ...).

use crate::model::{Backlog, Initiative};
use serde::{Deserialize, Serialize};

/// MoSCoW priority: must, should, could, won't (this time).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Moscow {
    /// Must have: the release fails without it.
    Must,
    /// Should have: important, not vital.
    Should,
    /// Could have: desirable if there is room.
    Could,
    /// Won't have this time.
    Wont,
}

impl Moscow {
    /// All labels, in order.
    pub const ALL: [Moscow; 4] = [Moscow::Must, Moscow::Should, Moscow::Could, Moscow::Wont];

    /// The JSON and formula key: `must`, `should`, `could`, `wont`.
    pub fn key(self) -> &'static str {
        match self {
            Moscow::Must => "must",
            Moscow::Should => "should",
            Moscow::Could => "could",
            Moscow::Wont => "wont",
        }
    }

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            Moscow::Must => "Must",
            Moscow::Should => "Should",
            Moscow::Could => "Could",
            Moscow::Wont => "Won't",
        }
    }
}

/// Kano category: how a feature's presence relates to satisfaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Kano {
    /// Expected: its absence dissatisfies, its presence goes unnoticed.
    Basic,
    /// More is better, roughly in proportion.
    Performance,
    /// Unexpected: its presence delights, its absence is not missed.
    Delighter,
    /// Makes no difference either way.
    Indifferent,
}

impl Kano {
    /// All categories, in order.
    pub const ALL: [Kano; 4] = [
        Kano::Basic,
        Kano::Performance,
        Kano::Delighter,
        Kano::Indifferent,
    ];

    /// The JSON and formula key: `basic`, `performance`, `delighter`, `indifferent`.
    pub fn key(self) -> &'static str {
        match self {
            Kano::Basic => "basic",
            Kano::Performance => "performance",
            Kano::Delighter => "delighter",
            Kano::Indifferent => "indifferent",
        }
    }

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            Kano::Basic => "Basic",
            Kano::Performance => "Performance",
            Kano::Delighter => "Delighter",
            Kano::Indifferent => "Indifferent",
        }
    }
}

/// Which labels turn into planner constraints. Both are off by default:
/// labels inform, and only constrain when the team says so.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LabelPinOptions {
    /// "Must" initiatives are pinned into the plan.
    #[serde(default)]
    pub must_as_pin: bool,
    /// "Won't" initiatives are excluded from the plan.
    #[serde(default)]
    pub wont_as_exclusion: bool,
}

/// The initiatives labels pin into or exclude from a plan, by id, in
/// backlog order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LabelPins {
    /// Ids that must be in the plan.
    pub must_include: Vec<String>,
    /// Ids that must stay out of the plan.
    pub exclude: Vec<String>,
}

/// Turns MoSCoW labels into planner pins as `options` asks.
///
/// ```
/// use twosided::formula::{label_pins, LabelPinOptions, Moscow};
/// use twosided::{Backlog, Initiative};
/// let mut backlog = Backlog::default();
/// for (id, label) in [("a", Moscow::Must), ("b", Moscow::Wont), ("c", Moscow::Could)] {
///     backlog.initiatives.push(Initiative { id: id.into(), moscow: Some(label), ..Default::default() });
/// }
/// let pins = label_pins(&backlog, &LabelPinOptions { must_as_pin: true, wont_as_exclusion: true });
/// assert_eq!(pins.must_include, vec!["a"]);
/// assert_eq!(pins.exclude, vec!["b"]);
/// assert!(label_pins(&backlog, &LabelPinOptions::default()).must_include.is_empty());
/// ```
pub fn label_pins(backlog: &Backlog, options: &LabelPinOptions) -> LabelPins {
    let with = |label: Moscow| -> Vec<String> {
        backlog
            .initiatives
            .iter()
            .filter(|i| i.moscow == Some(label))
            .map(|i| i.id.clone())
            .collect()
    };
    LabelPins {
        must_include: if options.must_as_pin {
            with(Moscow::Must)
        } else {
            Vec::new()
        },
        exclude: if options.wont_as_exclusion {
            with(Moscow::Wont)
        } else {
            Vec::new()
        },
    }
}

/// Keeps initiatives by label. An empty list keeps every initiative for that
/// label; otherwise an initiative is kept when its label is listed
/// (initiatives without the label are dropped).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LabelFilter {
    /// MoSCoW labels to keep.
    #[serde(default)]
    pub moscow: Vec<Moscow>,
    /// Kano categories to keep.
    #[serde(default)]
    pub kano: Vec<Kano>,
}

impl LabelFilter {
    /// Whether the initiative passes the filter.
    pub fn keeps(&self, initiative: &Initiative) -> bool {
        let moscow_ok =
            self.moscow.is_empty() || initiative.moscow.is_some_and(|m| self.moscow.contains(&m));
        let kano_ok =
            self.kano.is_empty() || initiative.kano.is_some_and(|k| self.kano.contains(&k));
        moscow_ok && kano_ok
    }
}

/// The backlog with only the initiatives the filter keeps. Dependencies on
/// dropped initiatives are removed too, so the result still validates.
///
/// ```
/// use twosided::formula::{filter_backlog, Kano, LabelFilter};
/// use twosided::{Backlog, Initiative};
/// let mut backlog = Backlog::default();
/// backlog.initiatives.push(Initiative { id: "a".into(), kano: Some(Kano::Delighter), ..Default::default() });
/// backlog.initiatives.push(Initiative { id: "b".into(), kano: Some(Kano::Basic), ..Default::default() });
/// let delighters = filter_backlog(&backlog, &LabelFilter { kano: vec![Kano::Delighter], ..Default::default() });
/// assert_eq!(delighters.initiatives.len(), 1);
/// ```
pub fn filter_backlog(backlog: &Backlog, filter: &LabelFilter) -> Backlog {
    let mut kept = backlog.clone();
    kept.initiatives.retain(|i| filter.keeps(i));
    let ids: std::collections::HashSet<String> =
        kept.initiatives.iter().map(|i| i.id.clone()).collect();
    for initiative in &mut kept.initiatives {
        initiative.dependencies.retain(|d| ids.contains(d));
    }
    kept
}
