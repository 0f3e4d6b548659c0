//! Framework templates: a framework (its criteria, formula and balancing
//! settings) saved under a name, exported and imported as JSON, shared
//! between backlogs. The built-in frameworks are templates too.

use super::{check_criteria, compile, CompileContext, CriterionDefinition};
use crate::balance::{BalanceOptions, Guardrail, Strategy};
use crate::model::{Backlog, Scales};
use crate::scoring::{Framework, IceCombination, ScorecardOptions};
use crate::{Problem, ProblemCode, ScoreOptions};
use serde::{Deserialize, Serialize};

/// A named framework: what to score with and how to balance the sides. Its
/// JSON (serde, camelCase) is the export format:
///
/// ```json
/// { "name": "Reach-weighted delight",
///   "framework": "custom",
///   "formula": "value / effort * if(kano_delighter, 1.5, 1)",
///   "criteria": [],
///   "balance": { "strategy": "weightedSum", "buyerWeight": 0.5 } }
/// ```
///
/// ```
/// use twosided::formula::{built_in_templates, FrameworkTemplate};
/// use twosided::Framework;
/// let rice = &built_in_templates()[0];
/// assert_eq!(rice.framework, Framework::Rice);
/// let options = rice.score_options();
/// assert_eq!(options.framework, Framework::Rice);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FrameworkTemplate {
    /// The name it is saved under.
    pub name: String,
    /// What it is for, in a sentence.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The framework; [`Framework::Custom`] uses `formula`.
    pub framework: Framework,
    /// The formula, for [`Framework::Custom`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub formula: Option<String>,
    /// The criteria the formula or scorecard uses; applying the template
    /// adds them to the backlog.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub criteria: Vec<CriterionDefinition>,
    /// How ICE combines its inputs, for [`Framework::Ice`].
    #[serde(default)]
    pub ice: IceCombination,
    /// The scorecard's criteria, for [`Framework::Scorecard`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scorecard: Option<ScorecardOptions>,
    /// How the two sides are balanced.
    #[serde(default)]
    pub balance: BalanceOptions,
}

impl FrameworkTemplate {
    /// The scoring options this template stands for.
    pub fn score_options(&self) -> ScoreOptions {
        ScoreOptions {
            framework: self.framework,
            strategy: self.balance.strategy,
            buyer_weight: self.balance.buyer_weight,
            guardrail: self.balance.guardrail,
            ice: self.ice,
            scorecard: self.scorecard.clone().unwrap_or_default(),
            formula: self.formula.clone(),
        }
    }

    /// Saves `options` and the backlog's criteria as a template.
    pub fn from_options(name: &str, options: &ScoreOptions, backlog: &Backlog) -> Self {
        FrameworkTemplate {
            name: name.into(),
            description: String::new(),
            framework: options.framework,
            formula: options.formula.clone(),
            criteria: backlog.criteria.clone(),
            ice: options.ice,
            scorecard: (options.framework == Framework::Scorecard)
                .then(|| options.scorecard.clone()),
            balance: options.balance(),
        }
    }

    /// Adds the template's criteria to `backlog` (replacing definitions with
    /// the same id, keeping the rest) and returns the options to score with.
    /// Initiatives keep their values; [`crate::validate`] reports any that
    /// do not fit a new scale.
    pub fn apply(&self, backlog: &mut Backlog) -> ScoreOptions {
        for criterion in &self.criteria {
            match backlog.criteria.iter_mut().find(|c| c.id == criterion.id) {
                Some(existing) => *existing = criterion.clone(),
                None => backlog.criteria.push(criterion.clone()),
            }
        }
        self.score_options()
    }

    /// Every problem with the template: its name, its criteria, its formula
    /// (checked against its criteria and the canonical scales) and its
    /// balancing settings. Empty means it can be used.
    pub fn problems(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        if self.name.trim().is_empty() || self.name.len() > crate::limits::MAX_NAME_BYTES {
            problems.push(Problem::new(
                ProblemCode::InvalidName,
                "name",
                "A template needs a name of 1 to 256 characters.",
            ));
        }
        if self.description.len() > crate::limits::MAX_TEXT_BYTES {
            problems.push(Problem::new(
                ProblemCode::TextTooLong,
                "description",
                "The description is too long.",
            ));
        }
        let holder = Backlog {
            criteria: self.criteria.clone(),
            ..Backlog::default()
        };
        check_criteria(&holder, &mut problems);
        match (&self.framework, &self.formula) {
            (Framework::Custom, None) => problems.push(Problem::new(
                ProblemCode::InvalidSetting,
                "formula",
                "A custom framework needs a formula.",
            )),
            (_, Some(formula)) => {
                let scales = Scales::default();
                let context = CompileContext {
                    criteria: &self.criteria,
                    scales: &scales,
                };
                if let Err(errors) = compile(formula, context) {
                    for error in errors {
                        problems.push(Problem::new(
                            ProblemCode::InvalidSetting,
                            "formula",
                            error.to_string(),
                        ));
                    }
                }
            }
            _ => {}
        }
        if let Err(error) = self.balance.check() {
            problems.push(Problem::new(
                ProblemCode::InvalidSetting,
                format!("balance.{}", error.path().trim_start_matches("options.")),
                error.to_string(),
            ));
        }
        problems
    }
}

/// The formula that gives exactly what a built-in framework gives, bit for
/// bit (see the crate's tests): RICE, ICE (product or mean) and WSJF. The
/// scorecard normalises across the backlog, which a per-initiative formula
/// cannot, so it has none.
///
/// ```
/// use twosided::formula::equivalent_formula;
/// use twosided::{scoring::IceCombination, Framework};
/// assert_eq!(equivalent_formula(Framework::Rice, IceCombination::Product),
///            Some("segments(weight * reach * impact * confidence) / effort"));
/// ```
pub fn equivalent_formula(framework: Framework, ice: IceCombination) -> Option<&'static str> {
    match (framework, ice) {
        (Framework::Rice, _) => Some("segments(weight * reach * impact * confidence) / effort"),
        (Framework::Ice, IceCombination::Product) => Some("ice_impact * ice_confidence * ease"),
        (Framework::Ice, IceCombination::Mean) => Some(
            "if(ice_impact == 0, 0, sign(ice_impact) * (abs(ice_impact) + ice_confidence + ease) / 3)",
        ),
        (Framework::Wsjf, _) => {
            Some("(business_value + time_criticality + risk_reduction) / job_size")
        }
        _ => None,
    }
}

/// The built-in frameworks as templates, balanced by an even weighted sum:
/// RICE, ICE, WSJF, the business-outcomes scorecard, and "RICE as a
/// formula", a starting point for a team's own.
pub fn built_in_templates() -> Vec<FrameworkTemplate> {
    let balance = BalanceOptions {
        strategy: Strategy::WeightedSum,
        buyer_weight: 0.5,
        guardrail: Guardrail::default(),
    };
    let template = |name: &str, description: &str, framework: Framework| FrameworkTemplate {
        name: name.into(),
        description: description.into(),
        framework,
        formula: None,
        criteria: Vec::new(),
        ice: IceCombination::Product,
        scorecard: None,
        balance,
    };
    let mut scorecard = template(
        "Scorecard",
        "Business outcomes: conversion 40%, margin, acquisition and retention 20% each.",
        Framework::Scorecard,
    );
    scorecard.scorecard = Some(ScorecardOptions::default());
    let mut custom = template(
        "RICE as a formula",
        "RICE written as a formula: edit it to make it your own.",
        Framework::Custom,
    );
    custom.formula = equivalent_formula(Framework::Rice, IceCombination::Product).map(Into::into);
    vec![
        template(
            "RICE",
            "Reach x impact x confidence / effort, per side (Intercom).",
            Framework::Rice,
        ),
        template(
            "ICE",
            "Impact x confidence x ease, impact per side (Sean Ellis).",
            Framework::Ice,
        ),
        template(
            "WSJF",
            "Cost of delay / job size, business value per side (SAFe).",
            Framework::Wsjf,
        ),
        scorecard,
        custom,
    ]
}
