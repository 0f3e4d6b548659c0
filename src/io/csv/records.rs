//! Columns for an initiative's labels and post-launch record: status,
//! MoSCoW and Kano labels, the goal in numbers (baseline, target, direction,
//! unit) and the outcome (actual effort, actual reach and impact per side,
//! the observed value or movement of the metric, and what was learned).
//!
//! Each is one column, so a row still holds one initiative. An empty cell
//! means "not set". The goal exists when any goal cell is filled (then
//! baseline and target are both needed); the outcome exists when any
//! outcome cell is filled, or when the row is reviewed and the file has
//! outcome columns (a reviewed initiative whose record says nothing yet).

use super::cell::{impact_word, parse_number, parse_percent, unguard};
use super::export::{number, text_cell, Cell};
use super::ImportProblem;
use crate::formula::{Kano, Moscow};
use crate::model::{Direction, Goal, Initiative, Outcome, Side, SideActual, Status};
use crate::{Error, ProblemCode};

/// A label or post-launch field that one column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Record {
    Status,
    Moscow,
    Kano,
    GoalBaseline,
    GoalTarget,
    GoalDirection,
    GoalUnit,
    ActualEffort,
    ActualReach(Side),
    ActualImpact(Side),
    Observed,
    Movement,
    Learning,
}

impl Record {
    /// Every record field, in the order the export writes them.
    pub(crate) const ALL: [Record; 15] = [
        Record::Moscow,
        Record::Kano,
        Record::Status,
        Record::GoalBaseline,
        Record::GoalTarget,
        Record::GoalDirection,
        Record::GoalUnit,
        Record::ActualEffort,
        Record::ActualReach(Side::Buyer),
        Record::ActualImpact(Side::Buyer),
        Record::ActualReach(Side::Seller),
        Record::ActualImpact(Side::Seller),
        Record::Observed,
        Record::Movement,
        Record::Learning,
    ];

    /// The field path, as an explicit mapping names it.
    pub(crate) fn path(self) -> String {
        match self {
            Record::Status => "status".into(),
            Record::Moscow => "moscow".into(),
            Record::Kano => "kano".into(),
            Record::GoalBaseline => "goal.baseline".into(),
            Record::GoalTarget => "goal.target".into(),
            Record::GoalDirection => "goal.direction".into(),
            Record::GoalUnit => "goal.unit".into(),
            Record::ActualEffort => "outcome.effort".into(),
            Record::ActualReach(side) => format!("outcome.{}.reach", side.key()),
            Record::ActualImpact(side) => format!("outcome.{}.impact", side.key()),
            Record::Observed => "outcome.observed".into(),
            Record::Movement => "outcome.movement".into(),
            Record::Learning => "outcome.learning".into(),
        }
    }

    /// The header the export writes.
    pub(crate) fn header(self) -> String {
        let side = |side: Side| {
            if side == Side::Buyer {
                "buyer"
            } else {
                "seller"
            }
        };
        match self {
            Record::Status => "Status".into(),
            Record::Moscow => "MoSCoW".into(),
            Record::Kano => "Kano".into(),
            Record::GoalBaseline => "Goal baseline".into(),
            Record::GoalTarget => "Goal target".into(),
            Record::GoalDirection => "Goal direction".into(),
            Record::GoalUnit => "Goal unit".into(),
            Record::ActualEffort => "Actual effort".into(),
            Record::ActualReach(s) => format!("Actual {} reach", side(s)),
            Record::ActualImpact(s) => format!("Actual {} impact", side(s)),
            Record::Observed => "Observed value".into(),
            Record::Movement => "Metric movement".into(),
            Record::Learning => "Learning".into(),
        }
    }

    /// Reads a field path from an explicit mapping.
    pub(crate) fn from_path(path: &str) -> Option<Record> {
        Record::ALL.into_iter().find(|r| r.path() == path)
    }

    /// Recognises a header from its words: `core` has the side words and
    /// noise removed, `side` is the side it names, if any. Bare words that
    /// planning sheets use for other things ("Target" for a quarter,
    /// "Unit" for a business unit, "State", "Change") are not taken.
    pub(crate) fn recognise(core: &str, side: Option<Side>) -> Option<Record> {
        let record = match core {
            "actualreach" | "reachactual" | "outcomereach" | "observedreach" | "realreach" => {
                return side.map(Record::ActualReach)
            }
            "actualimpact" | "impactactual" | "outcomeimpact" | "observedimpact" | "realimpact" => {
                return side.map(Record::ActualImpact)
            }
            "status" | "initiativestatus" | "lifecyclestatus" => Record::Status,
            "moscow" | "moscowpriority" | "moscowlabel" | "moscowcategory" => Record::Moscow,
            "kano" | "kanocategory" | "kanoclass" | "kanolabel" | "kanotype" => Record::Kano,
            "baseline" | "goalbaseline" | "metricbaseline" | "baselinevalue" => {
                Record::GoalBaseline
            }
            "goaltarget" | "metrictarget" | "targetvalue" => Record::GoalTarget,
            "goaldirection" | "metricdirection" => Record::GoalDirection,
            "goalunit" | "metricunit" => Record::GoalUnit,
            "actualeffort" | "effortactual" | "outcomeeffort" | "realeffort" | "effortspent"
            | "spenteffort" => Record::ActualEffort,
            "observed" | "observedvalue" | "observedmetric" | "actualvalue" | "actualmetric"
            | "metricafterlaunch" | "outcomeobserved" => Record::Observed,
            "movement" | "metricmovement" | "metricchange" | "outcomemovement" | "uplift" => {
                Record::Movement
            }
            "learning" | "learnings" | "lessons" | "lessonslearned" | "lessonlearned"
            | "outcomelearning" | "whatwelearned" => Record::Learning,
            _ => return None,
        };
        side.is_none().then_some(record)
    }

    /// Whether its cells hold numbers (for the decimal-comma detection).
    pub(crate) fn is_numeric(self) -> bool {
        matches!(
            self,
            Record::GoalBaseline
                | Record::GoalTarget
                | Record::ActualEffort
                | Record::ActualReach(_)
                | Record::ActualImpact(_)
                | Record::Observed
                | Record::Movement
        )
    }

    fn is_goal(self) -> bool {
        matches!(
            self,
            Record::GoalBaseline | Record::GoalTarget | Record::GoalDirection | Record::GoalUnit
        )
    }

    /// Whether it is part of the outcome record.
    pub(crate) fn is_outcome(self) -> bool {
        matches!(
            self,
            Record::ActualEffort
                | Record::ActualReach(_)
                | Record::ActualImpact(_)
                | Record::Observed
                | Record::Movement
                | Record::Learning
        )
    }
}

// ---- words ------------------------------------------------------------------

fn key(raw: &str) -> String {
    unguard(raw.trim())
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A status word. Jira's usual workflow words are understood too, since a
/// Jira export has a Status column: to do, backlog and won't do are ideas
/// (not built), blocked and in QA are in progress, done, resolved and
/// closed are launched.
fn parse_status(raw: &str) -> Option<Status> {
    Some(match key(raw).as_str() {
        "idea" | "ideas" | "backlog" | "todo" | "open" | "new" | "proposed" | "notstarted"
        | "wontdo" | "wontfix" | "cancelled" | "canceled" | "rejected" | "onhold" => Status::Idea,
        "planned" | "plan" | "scheduled" | "committed" | "ready" | "selectedfordevelopment" => {
            Status::Planned
        }
        "inprogress" | "doing" | "started" | "building" | "indevelopment" | "wip" | "inreview"
        | "blocked" | "reopened" | "inqa" | "qa" | "testing" | "intesting" => Status::InProgress,
        "launched" | "shipped" | "released" | "live" | "done" | "complete" | "completed"
        | "resolved" | "closed" => Status::Launched,
        "reviewed" => Status::Reviewed,
        _ => return None,
    })
}

fn status_word(status: Status) -> &'static str {
    match status {
        Status::Idea => "idea",
        Status::Planned => "planned",
        Status::InProgress => "in progress",
        Status::Launched => "launched",
        Status::Reviewed => "reviewed",
    }
}

fn parse_moscow(raw: &str) -> Option<Moscow> {
    Some(match key(raw).as_str() {
        "must" | "musthave" | "m" => Moscow::Must,
        "should" | "shouldhave" | "s" => Moscow::Should,
        "could" | "couldhave" | "c" => Moscow::Could,
        "wont" | "wonthave" | "wontthistime" | "w" => Moscow::Wont,
        _ => return None,
    })
}

fn parse_kano(raw: &str) -> Option<Kano> {
    Some(match key(raw).as_str() {
        "basic" | "mustbe" | "expected" | "threshold" => Kano::Basic,
        "performance" | "onedimensional" | "linear" | "satisfier" => Kano::Performance,
        "delighter" | "delight" | "attractive" | "exciter" | "excitement" => Kano::Delighter,
        "indifferent" | "neutral" => Kano::Indifferent,
        _ => return None,
    })
}

fn parse_direction(raw: &str) -> Option<Direction> {
    Some(match key(raw).as_str() {
        "increase" | "up" | "higher" | "higherisbetter" | "more" | "raise" => Direction::Increase,
        "decrease" | "down" | "lower" | "lowerisbetter" | "less" | "reduce" => Direction::Decrease,
        _ => return None,
    })
}

fn direction_word(direction: Direction) -> &'static str {
    match direction {
        Direction::Increase => "increase",
        Direction::Decrease => "decrease",
    }
}

// ---- import -----------------------------------------------------------------

/// The record cells of one row, as read.
#[derive(Debug, Default)]
pub(crate) struct RecordCells {
    status: Option<Status>,
    moscow: Option<Moscow>,
    kano: Option<Kano>,
    baseline: Option<f64>,
    target: Option<f64>,
    direction: Option<Direction>,
    unit: Option<String>,
    outcome: Outcome,
    /// Whether any goal cell / outcome cell was filled.
    any_goal: bool,
    any_outcome: bool,
    /// Cells that could not be read (already reported).
    unreadable: Vec<Record>,
}

impl RecordCells {
    /// Reads one non-blank cell; says why not when it cannot.
    pub(crate) fn read(
        &mut self,
        record: Record,
        cell: &str,
        decimal_comma: bool,
    ) -> Result<(), String> {
        let read = self.read_cell(record, cell, decimal_comma);
        if read.is_err() {
            self.unreadable.push(record);
        }
        read
    }

    fn read_cell(&mut self, record: Record, cell: &str, decimal_comma: bool) -> Result<(), String> {
        let shown = cell.trim();
        let metric = || -> Result<f64, String> {
            if parse_percent(cell, decimal_comma).is_some() {
                return Err(format!(
                    "\"{shown}\" has a percent sign: write the number as shown (2.4 for 2.4%) and put % in the Goal unit column."
                ));
            }
            parse_number(cell, decimal_comma).map_err(|why| {
                let what = match record {
                    Record::ActualEffort => "the effort it really took, in person-months",
                    Record::ActualReach(_) => "the number of people really reached per period",
                    Record::Movement => "how far the metric moved from the baseline (signed)",
                    _ => "the metric's value as a number",
                };
                format!("{why}: give {what}.")
            })
        };
        self.any_goal |= record.is_goal();
        self.any_outcome |= record.is_outcome();
        match record {
            Record::Status => {
                self.status = Some(parse_status(cell).ok_or_else(|| {
                    format!("\"{shown}\" is not a status: use idea, planned, in progress, launched or reviewed (or map this column to ignore).")
                })?)
            }
            Record::Moscow => {
                self.moscow = Some(parse_moscow(cell).ok_or_else(|| {
                    format!("\"{shown}\" is not a MoSCoW label: use must, should, could or won't.")
                })?)
            }
            Record::Kano => {
                self.kano = Some(parse_kano(cell).ok_or_else(|| {
                    format!("\"{shown}\" is not a Kano category: use basic, performance, delighter or indifferent.")
                })?)
            }
            Record::GoalBaseline => self.baseline = Some(metric()?),
            Record::GoalTarget => self.target = Some(metric()?),
            Record::GoalDirection => {
                self.direction = Some(parse_direction(cell).ok_or_else(|| {
                    format!("\"{shown}\" is not a direction: use increase (higher is better) or decrease (lower is better).")
                })?)
            }
            Record::GoalUnit => self.unit = Some(unguard(shown).to_string()),
            Record::ActualEffort => self.outcome.effort = Some(metric()?),
            Record::ActualReach(side) => actual(&mut self.outcome, side).reach = Some(metric()?),
            Record::ActualImpact(side) => {
                let value = match impact_word(cell) {
                    Some(value) => value,
                    None => parse_number(cell, decimal_comma).map_err(|why| {
                        format!("{why}: give the impact really seen as a number or a word: massive, high, medium, low, minimal (a minus in front for harm).")
                    })?,
                };
                actual(&mut self.outcome, side).impact = Some(value);
            }
            Record::Observed => self.outcome.observed = Some(metric()?),
            Record::Movement => self.outcome.movement = Some(metric()?),
            Record::Learning => self.outcome.learning = unguard(cell).to_string(),
        }
        Ok(())
    }

    /// Puts what was read into the initiative. `column_of` finds the
    /// column (from 1) of a record field; a problem is added when the goal
    /// is only partly given.
    pub(crate) fn assemble(
        self,
        initiative: &mut Initiative,
        row: usize,
        column_of: impl Fn(Record) -> Option<(usize, String)>,
        has_outcome_columns: bool,
        problems: &mut Vec<ImportProblem>,
    ) {
        initiative.status = self.status.unwrap_or_default();
        initiative.moscow = self.moscow;
        initiative.kano = self.kano;
        if self.any_goal {
            match (self.baseline, self.target) {
                (Some(baseline), Some(target)) => {
                    initiative.goal = Some(Goal {
                        baseline,
                        target,
                        direction: self.direction,
                        unit: self.unit.unwrap_or_default(),
                    })
                }
                (baseline, _) => {
                    let missing = if baseline.is_none() {
                        Record::GoalBaseline
                    } else {
                        Record::GoalTarget
                    };
                    // A filled but unreadable cell is reported already.
                    if !self.unreadable.contains(&missing) {
                        problems.push(goal_part_missing(row, missing, column_of(missing)));
                    }
                }
            }
        }
        // A reviewed row in a file with outcome columns has a record, even
        // an empty one; a reviewed row in a file without any is left
        // without, which validation reports.
        let reviewed_with_columns = initiative.status == Status::Reviewed && has_outcome_columns;
        if self.any_outcome || reviewed_with_columns {
            initiative.outcome = Some(self.outcome);
        }
    }
}

/// The problem with a goal whose baseline or target is missing.
fn goal_part_missing(
    row: usize,
    missing: Record,
    column: Option<(usize, String)>,
) -> ImportProblem {
    let what = if missing == Record::GoalBaseline {
        "baseline (the metric's value before)"
    } else {
        "target (the value that counts as success)"
    };
    let message = format!(
        "The goal is partly filled in: its {what} is missing. Give both baseline and target, or leave every goal cell empty."
    );
    match column {
        Some((column, header)) => ImportProblem::at_cell(
            row,
            column,
            Some(&header),
            ProblemCode::InvalidGoal,
            message,
        ),
        None => ImportProblem::at_row(row, ProblemCode::InvalidGoal, message),
    }
}

fn actual(outcome: &mut Outcome, side: Side) -> &mut SideActual {
    let slot = match side {
        Side::Buyer => &mut outcome.buyer,
        Side::Seller => &mut outcome.seller,
    };
    slot.get_or_insert_with(SideActual::default)
}

// ---- export -----------------------------------------------------------------

/// The record columns a backlog needs: those some initiative fills, and at
/// least one outcome column when some initiative has an outcome record (so
/// an empty record of a reviewed initiative reads back).
pub(crate) fn used_records(initiatives: &[Initiative]) -> Vec<Record> {
    let used = |record: Record| {
        initiatives.iter().any(|initiative| match record {
            Record::Status => !initiative.status.is_idea(),
            Record::Moscow => initiative.moscow.is_some(),
            Record::Kano => initiative.kano.is_some(),
            Record::GoalBaseline | Record::GoalTarget => initiative.goal.is_some(),
            Record::GoalDirection => initiative
                .goal
                .as_ref()
                .is_some_and(|g| g.direction.is_some()),
            Record::GoalUnit => initiative.goal.as_ref().is_some_and(|g| !g.unit.is_empty()),
            _ => initiative
                .outcome
                .as_ref()
                .is_some_and(|o| outcome_value(o, record).is_some()),
        })
    };
    let mut records: Vec<Record> = Record::ALL.into_iter().filter(|r| used(*r)).collect();
    let any_outcome = initiatives.iter().any(|i| i.outcome.is_some());
    if any_outcome && !records.iter().any(|r| r.is_outcome()) {
        records.push(Record::Learning);
    }
    records
}

/// An outcome field's cell value: a number, or the learning text.
fn outcome_value(outcome: &Outcome, record: Record) -> Option<Result<f64, &str>> {
    let side = |side: Side| outcome.side(side).copied().unwrap_or_default();
    let value = match record {
        Record::ActualEffort => outcome.effort,
        Record::ActualReach(s) => side(s).reach,
        Record::ActualImpact(s) => side(s).impact,
        Record::Observed => outcome.observed,
        Record::Movement => outcome.movement,
        Record::Learning => {
            return (!outcome.learning.is_empty()).then_some(Err(outcome.learning.as_str()))
        }
        _ => None,
    };
    value.map(Ok)
}

/// The cell the export writes for one record field.
pub(crate) fn record_cell(
    initiative: &Initiative,
    index: usize,
    record: Record,
) -> Result<Cell, Error> {
    let path = || format!("initiatives[{index}].{}", record.path());
    let goal = initiative.goal.as_ref();
    Ok(match record {
        Record::Status => Cell::Text(status_word(initiative.status).into()),
        Record::Moscow => initiative
            .moscow
            .map_or(Cell::Empty, |m| Cell::Text(m.label().into())),
        Record::Kano => initiative
            .kano
            .map_or(Cell::Empty, |k| Cell::Text(k.label().into())),
        Record::GoalBaseline => match goal {
            Some(goal) => number(goal.baseline, path)?,
            None => Cell::Empty,
        },
        Record::GoalTarget => match goal {
            Some(goal) => number(goal.target, path)?,
            None => Cell::Empty,
        },
        Record::GoalDirection => goal
            .and_then(|g| g.direction)
            .map_or(Cell::Empty, |d| Cell::Text(direction_word(d).into())),
        Record::GoalUnit => text_cell(goal.map_or("", |g| g.unit.as_str())),
        _ => match initiative
            .outcome
            .as_ref()
            .and_then(|o| outcome_value(o, record))
        {
            Some(Ok(value)) => number(value, path)?,
            Some(Err(text)) => text_cell(text),
            None => Cell::Empty,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_for_status_labels_and_direction() {
        assert_eq!(parse_status("In Progress"), Some(Status::InProgress));
        assert_eq!(parse_status("inProgress"), Some(Status::InProgress));
        assert_eq!(parse_status("To Do"), Some(Status::Idea));
        assert_eq!(parse_status("Done"), Some(Status::Launched));
        assert_eq!(parse_status("blocked"), Some(Status::InProgress));
        assert_eq!(parse_status("Won't Do"), Some(Status::Idea));
        assert_eq!(parse_status("purple"), None);
        assert_eq!(parse_moscow("Won't"), Some(Moscow::Wont));
        assert_eq!(parse_moscow("Must have"), Some(Moscow::Must));
        assert_eq!(parse_kano("Must-be"), Some(Kano::Basic));
        assert_eq!(parse_kano("Attractive"), Some(Kano::Delighter));
        assert_eq!(
            parse_direction("Lower is better"),
            Some(Direction::Decrease)
        );
        for status in [
            Status::Idea,
            Status::Planned,
            Status::InProgress,
            Status::Launched,
            Status::Reviewed,
        ] {
            assert_eq!(parse_status(status_word(status)), Some(status));
            assert_eq!(parse_status(status.key()), Some(status));
        }
        for moscow in Moscow::ALL {
            assert_eq!(parse_moscow(moscow.label()), Some(moscow));
        }
        for kano in Kano::ALL {
            assert_eq!(parse_kano(kano.label()), Some(kano));
        }
    }

    #[test]
    fn paths_read_back() {
        for record in Record::ALL {
            assert_eq!(Record::from_path(&record.path()), Some(record));
        }
        assert_eq!(Record::from_path("outcome.buyer"), None);
    }

    #[test]
    fn a_percent_sign_in_a_metric_cell_is_explained() {
        let mut cells = RecordCells::default();
        let why = cells.read(Record::GoalBaseline, "2.4%", false).unwrap_err();
        assert!(why.contains("Goal unit"), "{why}");
        let why = cells.read(Record::Status, "purple", false).unwrap_err();
        assert!(why.contains("idea, planned, in progress, launched or reviewed"));
    }
}
