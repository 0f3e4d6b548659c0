//! The fields a column can fill, how headers name them, and the field paths
//! an explicit mapping uses.

use super::records::Record;
use crate::model::{Side, SideNames};

/// Which value of an estimate a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Part {
    Likely,
    Low,
    High,
}

/// A per-side RICE quantity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Quantity {
    Reach,
    Impact,
    Confidence,
}

/// An estimate an initiative holds; a column fills one part of one.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Slot {
    Effort,
    Side {
        side: Side,
        segment: Option<String>,
        quantity: Quantity,
    },
    /// ICE: 0 buyer impact, 1 seller impact, 2 confidence, 3 ease.
    Ice(usize),
    /// WSJF: 0 buyer value, 1 seller value, 2 time criticality, 3 risk
    /// reduction, 4 job size.
    Wsjf(usize),
}

const ICE_KEYS: [&str; 4] = ["buyerImpact", "sellerImpact", "confidence", "ease"];
const ICE_HEADERS: [&str; 4] = ["buyer impact", "seller impact", "confidence", "ease"];
const WSJF_KEYS: [&str; 5] = [
    "buyerValue",
    "sellerValue",
    "timeCriticality",
    "riskReduction",
    "jobSize",
];
const WSJF_HEADERS: [&str; 5] = [
    "buyer value",
    "seller value",
    "time criticality",
    "risk reduction",
    "job size",
];

/// A text or list field of an initiative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Text {
    Id,
    Name,
    Description,
    Kind,
    ProblemSpace,
    JourneyStage,
    TargetMetric,
    Hypothesis,
    SuccessCriterion,
    Dependencies,
    Tags,
}

impl Text {
    pub(crate) const ALL: [Text; 11] = [
        Text::Id,
        Text::Name,
        Text::Description,
        Text::Kind,
        Text::ProblemSpace,
        Text::JourneyStage,
        Text::TargetMetric,
        Text::Hypothesis,
        Text::SuccessCriterion,
        Text::Dependencies,
        Text::Tags,
    ];

    /// The JSON field name, used as the field path.
    pub(crate) fn key(self) -> &'static str {
        match self {
            Text::Id => "id",
            Text::Name => "name",
            Text::Description => "description",
            Text::Kind => "kind",
            Text::ProblemSpace => "problemSpace",
            Text::JourneyStage => "journeyStage",
            Text::TargetMetric => "targetMetric",
            Text::Hypothesis => "hypothesis",
            Text::SuccessCriterion => "successCriterion",
            Text::Dependencies => "dependencies",
            Text::Tags => "tags",
        }
    }

    /// The header the export writes.
    pub(crate) fn header(self) -> &'static str {
        match self {
            Text::Id => "ID",
            Text::Name => "Name",
            Text::Description => "Description",
            Text::Kind => "Kind",
            Text::ProblemSpace => "Problem space",
            Text::JourneyStage => "Journey stage",
            Text::TargetMetric => "Target metric",
            Text::Hypothesis => "Hypothesis",
            Text::SuccessCriterion => "Success criterion",
            Text::Dependencies => "Dependencies",
            Text::Tags => "Tags",
        }
    }

    /// Whether several columns may fill it (Jira repeats "Labels").
    pub(crate) fn is_list(self) -> bool {
        matches!(self, Text::Dependencies | Text::Tags)
    }

    /// Normalised header words that name it.
    fn from_key(key: &str) -> Option<Text> {
        Some(match key {
            "id" | "key" | "issuekey" | "initiativeid" | "ref" | "reference" => Text::Id,
            "name" | "title" | "summary" | "initiative" | "initiativename" | "feature" | "idea" => {
                Text::Name
            }
            "description" | "details" | "notes" | "desc" => Text::Description,
            "kind" | "kindofwork" | "worktype" | "typeofwork" | "workkind" => Text::Kind,
            "problemspace" | "area" | "productarea" | "component" | "components" | "team"
            | "domain" => Text::ProblemSpace,
            "journeystage" | "stage" | "journey" => Text::JourneyStage,
            "targetmetric" | "metric" | "kpi" | "primarymetric" => Text::TargetMetric,
            "hypothesis" => Text::Hypothesis,
            "successcriterion" | "successcriteria" | "successmetric" => Text::SuccessCriterion,
            "dependencies" | "dependency" | "dependson" | "blockedby" | "requires" => {
                Text::Dependencies
            }
            "tags" | "tag" | "labels" | "label" => Text::Tags,
            _ => return None,
        })
    }
}

/// What one column fills.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Field {
    Text(Text),
    Estimate(Slot, Part),
    Criterion {
        id: String,
        side: Option<Side>,
    },
    /// A label or post-launch field (status, goal, outcome).
    Record(Record),
    Ignore,
}

/// A header's reading: the field, whether the header says its values are
/// percentages, and whether the side was assumed (no side named).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Recognised {
    pub field: Field,
    pub percent: bool,
    pub assumed_side: bool,
}

fn part_suffix(part: Part) -> &'static str {
    match part {
        Part::Likely => "",
        Part::Low => ".low",
        Part::High => ".high",
    }
}

fn quantity_key(quantity: Quantity) -> &'static str {
    match quantity {
        Quantity::Reach => "reach",
        Quantity::Impact => "impact",
        Quantity::Confidence => "confidence",
    }
}

impl Slot {
    /// The estimate's path within an initiative, for mapping and messages:
    /// `effort`, `buyer.reach`, `buyer.segments[new].impact`, `ice.ease`.
    pub(crate) fn path(&self) -> String {
        match self {
            Slot::Effort => "effort".into(),
            Slot::Side {
                side,
                segment: None,
                quantity,
            } => format!("{}.{}", side.key(), quantity_key(*quantity)),
            Slot::Side {
                side,
                segment: Some(segment),
                quantity,
            } => format!(
                "{}.segments[{segment}].{}",
                side.key(),
                quantity_key(*quantity)
            ),
            Slot::Ice(i) => format!("ice.{}", ICE_KEYS.get(*i).unwrap_or(&"")),
            Slot::Wsjf(i) => format!("wsjf.{}", WSJF_KEYS.get(*i).unwrap_or(&"")),
        }
    }

    /// The header the export writes for one part.
    pub(crate) fn header(&self, part: Part) -> String {
        let base = match self {
            Slot::Effort if part == Part::Likely => return "Effort (person-months)".into(),
            Slot::Effort => "Effort".to_string(),
            Slot::Side { side, quantity, .. } => {
                let side = if *side == Side::Buyer {
                    "Buyer"
                } else {
                    "Seller"
                };
                format!("{side} {}", quantity_key(*quantity))
            }
            Slot::Ice(i) => format!("ICE {}", ICE_HEADERS.get(*i).unwrap_or(&"")),
            Slot::Wsjf(i) => format!("WSJF {}", WSJF_HEADERS.get(*i).unwrap_or(&"")),
        };
        let part = match part {
            Part::Likely => "",
            Part::Low => " low",
            Part::High => " high",
        };
        match self {
            Slot::Side {
                segment: Some(segment),
                ..
            } => format!("{base}{part} [{segment}]"),
            _ => format!("{base}{part}"),
        }
    }
}

impl Field {
    /// The field path, as an explicit mapping names it.
    pub(crate) fn path(&self) -> String {
        match self {
            Field::Text(text) => text.key().into(),
            Field::Estimate(slot, part) => format!("{}{}", slot.path(), part_suffix(*part)),
            Field::Criterion { id, side: None } => format!("criteria[{id}]"),
            Field::Criterion { id, side: Some(s) } => format!("criteria[{id}].{}", s.key()),
            Field::Record(record) => record.path(),
            Field::Ignore => "ignore".into(),
        }
    }

    /// The header the export writes.
    pub(crate) fn header(&self) -> String {
        match self {
            Field::Text(text) => text.header().into(),
            Field::Estimate(slot, part) => slot.header(*part),
            Field::Criterion { id, side: None } => format!("Criterion: {id}"),
            Field::Criterion { id, side: Some(s) } => format!("Criterion: {id} ({})", s.key()),
            Field::Record(record) => record.header(),
            Field::Ignore => String::new(),
        }
    }

    /// Reads a field path from an explicit mapping.
    pub(crate) fn from_path(path: &str) -> Option<Field> {
        let path = path.trim();
        if path == "ignore" || path.is_empty() {
            return Some(Field::Ignore);
        }
        if let Some(text) = Text::ALL.into_iter().find(|t| t.key() == path) {
            return Some(Field::Text(text));
        }
        if let Some(record) = Record::from_path(path) {
            return Some(Field::Record(record));
        }
        if let Some(rest) = path.strip_prefix("criteria[") {
            let (id, after) = rest.rsplit_once(']')?;
            let side = match after {
                "" => None,
                ".buyer" => Some(Side::Buyer),
                ".seller" => Some(Side::Seller),
                _ => return None,
            };
            return (!id.is_empty()).then(|| Field::Criterion {
                id: id.to_string(),
                side,
            });
        }
        let (base, part) = if let Some(base) = path.strip_suffix(".low") {
            (base, Part::Low)
        } else if let Some(base) = path.strip_suffix(".high") {
            (base, Part::High)
        } else {
            (path.strip_suffix(".likely").unwrap_or(path), Part::Likely)
        };
        slot_from_path(base).map(|slot| Field::Estimate(slot, part))
    }
}

fn slot_from_path(path: &str) -> Option<Slot> {
    if path == "effort" {
        return Some(Slot::Effort);
    }
    if let Some(key) = path.strip_prefix("ice.") {
        return ICE_KEYS.iter().position(|k| *k == key).map(Slot::Ice);
    }
    if let Some(key) = path.strip_prefix("wsjf.") {
        return WSJF_KEYS.iter().position(|k| *k == key).map(Slot::Wsjf);
    }
    let (side, rest) = if let Some(rest) = path.strip_prefix("buyer.") {
        (Side::Buyer, rest)
    } else {
        (Side::Seller, path.strip_prefix("seller.")?)
    };
    let (segment, key) = match rest.strip_prefix("segments[") {
        Some(inner) => {
            let (segment, key) = inner.rsplit_once("].")?;
            (Some(segment.to_string()), key)
        }
        None => (None, rest),
    };
    let quantity = match key {
        "reach" => Quantity::Reach,
        "impact" => Quantity::Impact,
        "confidence" => Quantity::Confidence,
        _ => return None,
    };
    if segment.as_deref() == Some("") {
        return None;
    }
    Some(Slot::Side {
        side,
        segment,
        quantity,
    })
}

/// Header words that carry no meaning for matching.
const NOISE: [&str; 14] = [
    "in", "per", "the", "of", "percent", "pct", "pm", "person", "months", "month", "mm",
    "estimate", "est", "score",
];

/// Recognises a header by its words. `names` are the backlog's side names,
/// accepted besides "buyer" / "seller" and their usual synonyms.
pub(crate) fn recognise(header: &str, names: &SideNames) -> Option<Recognised> {
    let mut header = header.trim().trim_start_matches('\u{feff}').trim();
    // Jira writes custom fields as "Custom field (Buyer reach)".
    if let Some(inner) = strip_wrapper(header, "custom field (") {
        header = inner;
    }
    let percent = header.contains('%');
    if let Some(criterion) = recognise_criterion(header, names) {
        return Some(Recognised {
            field: criterion,
            percent,
            assumed_side: false,
        });
    }
    let (header, segment) = match header.strip_suffix(']').and_then(|h| h.rsplit_once('[')) {
        Some((before, inside)) if !inside.trim().is_empty() => {
            (before, Some(inside.trim().to_string()))
        }
        _ => (header, None),
    };
    let mut words: Vec<String> = header
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let percent = percent || words.iter().any(|w| w == "percent" || w == "pct");
    let mut part = Part::Likely;
    let mut side = None;
    let mut framework = None;
    words.retain(|word| {
        match word.as_str() {
            "low" | "min" | "minimum" | "pessimistic" | "worst" => part = Part::Low,
            "high" | "max" | "maximum" | "optimistic" | "best" => part = Part::High,
            "likely" | "expected" | "base" => part = Part::Likely,
            "ice" | "wsjf" => framework = Some(word.clone()),
            _ => match side_of(word, names) {
                Some(found) => side = Some(found),
                None => return true,
            },
        }
        false
    });
    let full: String = words.concat();
    let core: String = words
        .iter()
        .filter(|w| !NOISE.contains(&w.as_str()))
        .map(String::as_str)
        .collect();
    let estimate = |slot: Slot| Field::Estimate(slot, part);
    let field = match (framework.as_deref(), side, segment) {
        (Some("ice"), side, None) => match (core.as_str(), side) {
            ("impact", Some(Side::Buyer)) => estimate(Slot::Ice(0)),
            ("impact", Some(Side::Seller)) => estimate(Slot::Ice(1)),
            ("confidence" | "conf", None) => estimate(Slot::Ice(2)),
            ("ease", None) => estimate(Slot::Ice(3)),
            _ => return None,
        },
        (Some(_), side, None) => wsjf_slot(&core, side).map(estimate)?,
        (Some(_), _, Some(_)) => return None,
        (None, side, segment) => {
            let quantity = match core.as_str() {
                "reach" => Some(Quantity::Reach),
                "impact" => Some(Quantity::Impact),
                "confidence" | "conf" | "certainty" => Some(Quantity::Confidence),
                _ => None,
            };
            if let Some(quantity) = quantity {
                return Some(Recognised {
                    field: estimate(Slot::Side {
                        side: side.unwrap_or(Side::Buyer),
                        segment,
                        quantity,
                    }),
                    percent,
                    assumed_side: side.is_none(),
                });
            }
            if segment.is_some() {
                return None;
            }
            if let Some(record) = Record::recognise(&core, side).filter(|_| part == Part::Likely) {
                Field::Record(record)
            } else if let Some(slot) = wsjf_slot(&core, side) {
                estimate(slot)
            } else if side.is_none() && core == "ease" {
                estimate(Slot::Ice(3))
            } else if side.is_some() {
                return None;
            } else if matches!(full.as_str(), "personmonths" | "effortpersonmonths" | "pm")
                || matches!(core.as_str(), "effort" | "efforts")
            {
                estimate(Slot::Effort)
            } else if part == Part::Likely {
                Field::Text(Text::from_key(&full).or_else(|| Text::from_key(&core))?)
            } else {
                return None;
            }
        }
    };
    Some(Recognised {
        field,
        percent,
        assumed_side: false,
    })
}

fn wsjf_slot(core: &str, side: Option<Side>) -> Option<Slot> {
    match (core, side) {
        ("value" | "businessvalue" | "userbusinessvalue" | "bv" | "ubv", Some(Side::Buyer)) => {
            Some(Slot::Wsjf(0))
        }
        ("value" | "businessvalue" | "userbusinessvalue" | "bv" | "ubv", Some(Side::Seller)) => {
            Some(Slot::Wsjf(1))
        }
        ("timecriticality" | "tc", None) => Some(Slot::Wsjf(2)),
        (
            "riskreduction"
            | "riskreductionopportunityenablement"
            | "rroe"
            | "opportunityenablement",
            None,
        ) => Some(Slot::Wsjf(3)),
        ("jobsize" | "js", None) => Some(Slot::Wsjf(4)),
        _ => None,
    }
}

/// `Criterion: conversion`, `Criterion conversion (buyer)`.
fn recognise_criterion(header: &str, names: &SideNames) -> Option<Field> {
    let prefix = header.get(..9)?;
    if !prefix.eq_ignore_ascii_case("criterion") {
        return None;
    }
    let rest = header.get(9..)?;
    let rest = rest
        .strip_prefix(':')
        .or_else(|| rest.strip_prefix(' '))?
        .trim();
    let (id, side) = match rest.strip_suffix(')').and_then(|r| r.rsplit_once('(')) {
        Some((id, side)) => match side_of(&side.trim().to_lowercase(), names) {
            Some(side) => (id.trim(), Some(side)),
            None => (rest, None),
        },
        None => (rest, None),
    };
    (!id.is_empty()).then(|| Field::Criterion {
        id: id.to_string(),
        side,
    })
}

fn strip_wrapper<'a>(header: &'a str, prefix: &str) -> Option<&'a str> {
    let head = header.get(..prefix.len())?;
    if !head.eq_ignore_ascii_case(prefix) {
        return None;
    }
    header.get(prefix.len()..)?.strip_suffix(')')
}

fn side_of(word: &str, names: &SideNames) -> Option<Side> {
    let matches_name = |name: &str| {
        let name = name.trim().to_lowercase();
        !name.is_empty() && (word == name || Some(word) == name.strip_suffix('s'))
    };
    match word {
        "buyer" | "buyers" | "demand" => Some(Side::Buyer),
        "seller" | "sellers" | "supply" | "supplier" | "suppliers" | "vendor" | "vendors"
        | "merchant" | "merchants" => Some(Side::Seller),
        _ if matches_name(&names.buyer) => Some(Side::Buyer),
        _ if matches_name(&names.seller) => Some(Side::Seller),
        _ => None,
    }
}

/// A header reduced to lower-case letters and digits, to compare headers
/// "case- and spacing-insensitively".
pub(crate) fn normalise(header: &str) -> String {
    header
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(header: &str) -> Option<String> {
        recognise(header, &SideNames::default()).map(|r| r.field.path())
    }

    #[test]
    fn synonyms_and_spacing() {
        let cases = [
            ("Summary", "name"),
            ("Issue key", "id"),
            ("  ID ", "id"),
            ("Effort (PM)", "effort"),
            ("Person-months", "effort"),
            ("Effort (person-months)", "effort"),
            ("effort_low", "effort.low"),
            ("Buyer reach", "buyer.reach"),
            ("Reach (buyers)", "buyer.reach"),
            ("SELLER-IMPACT", "seller.impact"),
            ("Seller confidence %", "seller.confidence"),
            ("Buyer reach high", "buyer.reach.high"),
            (
                "Buyer reach low [new-buyers]",
                "buyer.segments[new-buyers].reach.low",
            ),
            ("ICE buyer impact", "ice.buyerImpact"),
            ("ICE confidence", "ice.confidence"),
            ("Ease", "ice.ease"),
            ("WSJF seller value", "wsjf.sellerValue"),
            ("Time criticality", "wsjf.timeCriticality"),
            ("Job size", "wsjf.jobSize"),
            ("Criterion: conversion", "criteria[conversion]"),
            (
                "Criterion: Net margin (seller)",
                "criteria[Net margin].seller",
            ),
            ("Custom field (Seller reach)", "seller.reach"),
            ("Labels", "tags"),
            ("Kind of work", "kind"),
            ("Status", "status"),
            ("MoSCoW", "moscow"),
            ("Kano category", "kano"),
            ("Baseline", "goal.baseline"),
            ("Metric target", "goal.target"),
            ("Target metric", "targetMetric"),
            ("goal_direction", "goal.direction"),
            ("Metric unit", "goal.unit"),
            ("Target value", "goal.target"),
            ("Actual effort (PM)", "outcome.effort"),
            ("Effort spent", "outcome.effort"),
            ("Actual reach (sellers)", "outcome.seller.reach"),
            ("Buyer impact actual", "outcome.buyer.impact"),
            ("Observed", "outcome.observed"),
            ("Metric change", "outcome.movement"),
            ("Lessons learned", "outcome.learning"),
        ];
        for (header, path) in cases {
            assert_eq!(field(header).as_deref(), Some(path), "{header}");
        }
        for header in [
            "Buyer name",
            "Priority",
            "Sprint",
            "Issue id",
            "Actual reach",
            "Buyer status",
            "Target high",
            "Target",
            "Unit",
            "State",
            "Change",
        ] {
            assert_eq!(field(header), None, "{header}");
        }
    }

    #[test]
    fn side_names_and_assumed_sides() {
        let names = SideNames {
            buyer: "Guests".into(),
            seller: "Hosts".into(),
        };
        let host = recognise("Host impact", &names).unwrap();
        assert_eq!(host.field.path(), "seller.impact");
        let plain = recognise("Confidence %", &names).unwrap();
        assert_eq!(plain.field.path(), "buyer.confidence");
        assert!(plain.assumed_side && plain.percent);
    }

    #[test]
    fn every_export_header_and_path_reads_back() {
        let slots = [
            Slot::Effort,
            Slot::Side {
                side: Side::Seller,
                segment: Some("Big sellers".into()),
                quantity: Quantity::Confidence,
            },
            Slot::Ice(1),
            Slot::Wsjf(3),
        ];
        let mut fields: Vec<Field> = Text::ALL.iter().map(|t| Field::Text(*t)).collect();
        for slot in slots {
            for part in [Part::Likely, Part::Low, Part::High] {
                fields.push(Field::Estimate(slot.clone(), part));
            }
        }
        fields.push(Field::Criterion {
            id: "Net margin".into(),
            side: Some(Side::Buyer),
        });
        fields.extend(Record::ALL.map(Field::Record));
        for field in fields {
            let read = recognise(&field.header(), &SideNames::default()).unwrap();
            assert_eq!(read.field, field, "{}", field.header());
            assert_eq!(Field::from_path(&field.path()), Some(field));
        }
    }
}
