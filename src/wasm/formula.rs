//! Custom formulas, criteria, framework templates and MoSCoW/Kano labels for
//! JavaScript: `compileFormula` for live validation in an editor, the
//! built-in templates, template checking, and labels as planner pins.

use super::convert::{from_js, from_js_or_default, string_from_js, to_js};
use crate::formula::{
    built_in_templates, compile, label_pins, CompileContext, CriterionDefinition, FormulaError,
    FormulaSummary, FrameworkTemplate, LabelPinOptions, BUILT_IN_NAMES,
};
use crate::model::{Backlog, Scales};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const FORMULA_TYPES: &'static str = r#"
/** MoSCoW priority. */
export type Moscow = "must" | "should" | "could" | "wont";

/** Kano category. */
export type Kano = "basic" | "performance" | "delighter" | "indifferent";

/** One named level of a criterion's scale, such as { label: "XL", value: 5 }. */
export interface NamedLevel { label: string; value: number; }

/** The values a custom criterion may take. */
export type CriterionScale =
  | { kind: "range"; min: number; max: number }
  | { kind: "fibonacci" }
  | { kind: "levels"; levels: NamedLevel[] };

/** A criterion a backlog defines for itself; formulas use it by `id`. */
export interface CriterionDefinition {
  /** A lower-case letter, then lower-case letters, digits or _ (at most 32). */
  id: string;
  name: string;
  scale: CriterionScale;
  /** "whole" (default): one value; "perSide": { buyer, seller }. */
  applies?: "whole" | "perSide";
  /** True for a cost, where lower is better. */
  cost?: boolean;
}

/** One thing wrong with a formula. `start` and `length` are JavaScript string
 * indices (UTF-16 code units), ready for `text.slice(start, start + length)`. */
export interface FormulaError {
  code: "EMPTY" | "TOO_LONG" | "TOO_COMPLEX" | "UNEXPECTED_CHARACTER" | "INVALID_NUMBER"
      | "SYNTAX" | "UNKNOWN_NAME" | "UNKNOWN_FUNCTION" | "WRONG_ARGUMENT_COUNT"
      | "DIVISION_BY_ZERO" | "NESTED_SEGMENTS";
  message: string;
  start: number;
  length: number;
}

/** What `compileFormula` gives: the canonical text and the names used, or every error. */
export type CompiledFormula =
  | { ok: true; text: string; names: string[] }
  | { ok: false; errors: FormulaError[] };

/** A framework saved under a name: what to score with and how to balance. */
export interface FrameworkTemplate {
  name: string;
  description?: string;
  framework: Framework;
  formula?: string;
  criteria?: CriterionDefinition[];
  ice?: "product" | "mean";
  scorecard?: ScorecardOptions;
  balance?: { strategy?: Strategy; buyerWeight?: number; guardrail?: Partial<Guardrail> };
}

/** Which MoSCoW labels become planner constraints (both off by default). */
export interface LabelPinOptions { mustAsPin?: boolean; wontAsExclusion?: boolean; }

/** Initiative ids that labels pin into, or exclude from, a plan. */
export interface LabelPins { mustInclude: string[]; exclude: string[]; }

/** A built-in name a formula can use, with what it means. */
export interface FormulaName { name: string; meaning: string; }
"#;

/// One formula error with its position in JavaScript string indices.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsFormulaError {
    code: &'static str,
    message: String,
    start: usize,
    length: usize,
}

#[derive(Serialize)]
struct Compiled {
    ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    names: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    errors: Option<Vec<JsFormulaError>>,
}

/// UTF-16 length of the text's bytes `from..to` (spans lie on character
/// boundaries; a span past the end is clamped).
fn utf16_units(text: &str, from: usize, to: usize) -> usize {
    let to = to.min(text.len());
    let from = from.min(to);
    text.get(from..to)
        .map(|s| s.encode_utf16().count())
        .unwrap_or(0)
}

fn js_error(text: &str, error: &FormulaError) -> JsFormulaError {
    JsFormulaError {
        code: error.code.as_str(),
        message: error.message.clone(),
        start: utf16_units(text, 0, error.span.start),
        length: utf16_units(text, error.span.start, error.span.end()),
    }
}

/// Checks a formula as an editor needs it: never throws for a bad formula,
/// but returns every error with its position, or the canonical text and the
/// names it uses. `criteria` are the backlog's own criteria (optional);
/// `scales` are checked as the canonical ones unless a backlog's are given.
///
/// @example
/// ```js
/// const result = compileFormula("value / reach");
/// if (!result.ok) {
///   const [e] = result.errors; // { code: "DIVISION_BY_ZERO", start: 8, length: 5, ... }
/// }
/// ```
#[wasm_bindgen(js_name = compileFormula, unchecked_return_type = "CompiledFormula")]
pub fn compile_formula(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CriterionDefinition[]")] criteria: Option<
        JsValue,
    >,
    #[wasm_bindgen(unchecked_optional_param_type = "Scales")] scales: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let text = string_from_js(&text, "text")?;
    let text = text.as_str();
    let criteria: Vec<CriterionDefinition> = from_js_or_default(criteria, "criteria")?;
    let scales: Scales = from_js_or_default(scales, "scales")?;
    let context = CompileContext {
        criteria: &criteria,
        scales: &scales,
    };
    let result = match compile(text, context) {
        Ok(formula) => {
            let summary = FormulaSummary::from(&formula);
            Compiled {
                ok: true,
                text: Some(summary.text),
                names: Some(summary.names),
                errors: None,
            }
        }
        Err(errors) => Compiled {
            ok: false,
            text: None,
            names: None,
            errors: Some(errors.iter().map(|e| js_error(text, e)).collect()),
        },
    };
    to_js(&result)
}

/// The built-in frameworks as templates (RICE, ICE, WSJF, the scorecard and
/// "RICE as a formula"), to show beside a team's own and to start from.
///
/// @example
/// ```js
/// const [rice] = builtInTemplates();
/// score(backlog, { framework: rice.framework });
/// ```
#[wasm_bindgen(js_name = builtInTemplates, unchecked_return_type = "FrameworkTemplate[]")]
pub fn built_in_templates_js() -> Result<JsValue, JsValue> {
    to_js(&built_in_templates())
}

/// Every problem with a template (imported from JSON, say): its name, its
/// criteria, its formula and its balancing settings. `[]` means it can be
/// used. Throws a `TwosidedError` "PARSE_ERROR" if it is not template-shaped.
///
/// @example
/// ```js
/// const problems = checkTemplate(JSON.parse(text));
/// ```
#[wasm_bindgen(js_name = checkTemplate, unchecked_return_type = "Problem[]")]
pub fn check_template(
    #[wasm_bindgen(unchecked_param_type = "FrameworkTemplate")] template: JsValue,
) -> Result<JsValue, JsValue> {
    let template: FrameworkTemplate = from_js(template, "template")?;
    to_js(&template.problems())
}

/// The initiatives MoSCoW labels pin into ("must") or exclude from ("won't")
/// a plan, each only when its option is on.
///
/// @example
/// ```js
/// const { mustInclude, exclude } = labelPins(backlog, { mustAsPin: true, wontAsExclusion: true });
/// ```
#[wasm_bindgen(js_name = labelPins, unchecked_return_type = "LabelPins")]
pub fn label_pins_js(
    #[wasm_bindgen(unchecked_param_type = "Backlog")] backlog: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "LabelPinOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let backlog: Backlog = from_js(backlog, "")?;
    let options: LabelPinOptions = from_js_or_default(options, "options")?;
    to_js(&label_pins(&backlog, &options))
}

/// The built-in names a formula can use, with what each means, for an
/// editor's help and completion.
#[wasm_bindgen(js_name = formulaNames, unchecked_return_type = "FormulaName[]")]
pub fn formula_names() -> Result<JsValue, JsValue> {
    #[derive(Serialize)]
    struct Name {
        name: &'static str,
        meaning: &'static str,
    }
    let names: Vec<Name> = BUILT_IN_NAMES
        .iter()
        .map(|(name, meaning)| Name { name, meaning })
        .collect();
    to_js(&names)
}
