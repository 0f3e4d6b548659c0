//! The core API for JavaScript: the example backlog, validation, scoring,
//! the default options, and the `Prioritiser` handle for fast re-ranking.

use super::convert::{from_js, from_js_or_default, string_from_js, to_js};
use crate::model::{Backlog, Side};
use crate::rank::ScoreOptions;
use crate::Error;
use wasm_bindgen::prelude::*;

/// The built-in example backlog of a marketplace, as a plain object that can
/// be edited and passed back to `score` or `new Prioritiser`.
///
/// @example
/// ```js
/// const backlog = exampleBacklog();
/// console.log(backlog.initiatives.length, backlog.initiatives[0].name);
/// ```
#[wasm_bindgen(js_name = exampleBacklog, unchecked_return_type = "Backlog")]
pub fn example_backlog() -> Result<JsValue, JsValue> {
    to_js(&crate::example_backlog())
}

/// Checks a backlog and lists every problem found; an empty array means it is
/// valid. Each problem has a `code`, a `path` (such as
/// "initiatives[3].buyer.reach") and a `message`.
///
/// Throws a `TwosidedError` with code "PARSE_ERROR" when the value is not
/// backlog-shaped at all (a string where a number belongs, an unknown field,
/// NaN or Infinity).
///
/// @example
/// ```js
/// const problems = validate(backlog);
/// for (const p of problems) console.log(`${p.path}: ${p.message}`);
/// ```
#[wasm_bindgen(unchecked_return_type = "Problem[]")]
pub fn validate(
    #[wasm_bindgen(unchecked_param_type = "Backlog")] backlog: JsValue,
) -> Result<JsValue, JsValue> {
    let backlog: Backlog = from_js(backlog, "")?;
    to_js(&crate::validate(&backlog))
}

/// Scores and ranks a backlog, best first. `options` may be left out or
/// partial; missing fields take the values of `defaultOptions()`. Each result
/// has both sides' values, the balanced score, the rank, the guardrail flag,
/// the Pareto status and a plain-words explanation.
///
/// Throws a `TwosidedError`: "VALIDATION_FAILED" (with every problem in
/// `problems`), "INVALID_OPTION", "PARSE_ERROR" or "NOT_FINITE".
///
/// @example
/// ```js
/// const ranked = score(exampleBacklog(), { framework: "rice", buyerWeight: 0.7 });
/// console.log(ranked[0].name, ranked[0].score, ranked[0].explanation.sentence);
/// ```
#[wasm_bindgen(unchecked_return_type = "ScoredInitiative[]")]
pub fn score(
    #[wasm_bindgen(unchecked_param_type = "Backlog")] backlog: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ScoreOptionsInput")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let backlog: Backlog = from_js(backlog, "")?;
    let options: ScoreOptions = from_js_or_default(options, "options")?;
    to_js(&crate::score(&backlog, &options)?)
}

/// The canonical options: RICE, balanced by an even weighted sum (buyer
/// weight 0.5), no guardrail harm allowed, ICE as a product, and the
/// business-outcomes scorecard.
///
/// @example
/// ```js
/// const options = { ...defaultOptions(), strategy: "nash" };
/// ```
#[wasm_bindgen(js_name = defaultOptions, unchecked_return_type = "ScoreOptions")]
pub fn default_options() -> Result<JsValue, JsValue> {
    to_js(&ScoreOptions::default())
}

/// A backlog loaded once into WebAssembly and validated, then re-ranked
/// quickly as options change: `order` scores every initiative from its
/// estimates and ranks them on each call, without explanations, faster than
/// plain JavaScript does it; `rank` gives the full, explained results. Call
/// `free()` when done with it (or use `using` where supported).
///
/// @example
/// ```js
/// const prioritiser = new Prioritiser(exampleBacklog());
/// slider.oninput = () => {
///   const { order, scores } = prioritiser.order({ buyerWeight: slider.valueAsNumber });
///   render(order, scores);
/// };
/// ```
#[wasm_bindgen(js_name = Prioritiser)]
pub struct JsPrioritiser {
    inner: crate::Prioritiser,
}

#[wasm_bindgen(js_class = Prioritiser)]
impl JsPrioritiser {
    /// Loads and validates a backlog. Throws a `TwosidedError` with code
    /// "VALIDATION_FAILED" and every problem in `problems` when it is invalid.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "Backlog")] backlog: JsValue,
    ) -> Result<JsPrioritiser, JsValue> {
        let backlog: Backlog = from_js(backlog, "")?;
        Ok(JsPrioritiser {
            inner: crate::Prioritiser::new(backlog)?,
        })
    }

    /// The full ranked results, best first, as `score` gives them.
    ///
    /// @example
    /// ```js
    /// const top = prioritiser.rank({ strategy: "maxMin" })[0];
    /// ```
    #[wasm_bindgen(unchecked_return_type = "ScoredInitiative[]")]
    pub fn rank(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "ScoreOptionsInput")] options: Option<
            JsValue,
        >,
    ) -> Result<JsValue, JsValue> {
        let options: ScoreOptions = from_js_or_default(options, "options")?;
        to_js(&self.inner.rank(&options)?)
    }

    /// The ranking as typed arrays: `order` holds backlog indices best first,
    /// `scores` the balanced score of each initiative by backlog index. The
    /// same order as `rank`, without explanations: the hot path for a slider.
    ///
    /// @example
    /// ```js
    /// const { order, scores } = prioritiser.order({ buyerWeight: 0.8 });
    /// const best = backlog.initiatives[order[0]];
    /// ```
    #[wasm_bindgen(unchecked_return_type = "Order")]
    pub fn order(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "ScoreOptionsInput")] options: Option<
            JsValue,
        >,
    ) -> Result<JsValue, JsValue> {
        let options: ScoreOptions = from_js_or_default(options, "options")?;
        let order = self.inner.order(&options)?;
        let result = js_sys::Object::new();
        let indices = js_sys::Uint32Array::from(order.order.as_slice());
        let scores = js_sys::Float64Array::from(order.scores.as_slice());
        // Setting a property on a fresh plain object cannot fail.
        let _ = js_sys::Reflect::set(&result, &"order".into(), &indices);
        let _ = js_sys::Reflect::set(&result, &"scores".into(), &scores);
        Ok(result.into())
    }

    /// Changes the weight of one declared segment of a side, keeping
    /// everything else. Throws "INVALID_OPTION" for an unknown side or
    /// segment, or a weight that is negative, too large or not a number.
    ///
    /// @example
    /// ```js
    /// prioritiser.setSegmentWeight("seller", "smallShops", 2);
    /// ```
    #[wasm_bindgen(js_name = setSegmentWeight)]
    pub fn set_segment_weight(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Side")] side: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] segment: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] weight: JsValue,
    ) -> Result<(), JsValue> {
        // Taken as a value, not a number: JavaScript would coerce anything
        // (even a deeply nested array) into a number before we could check it.
        let weight = weight
            .as_f64()
            .ok_or_else(|| JsValue::from(Error::option("weight", "the weight must be a number")))?;
        let side = string_from_js(&side, "side")?;
        let segment = string_from_js(&segment, "segment")?;
        let side = match side.as_str() {
            "buyer" => Side::Buyer,
            "seller" => Side::Seller,
            other => {
                return Err(Error::option(
                    "side",
                    format!("\"{other}\" is not a side: use \"buyer\" or \"seller\""),
                )
                .into())
            }
        };
        Ok(self.inner.set_segment_weight(side, &segment, weight)?)
    }

    /// The backlog being ranked, with any segment weights changed since.
    #[wasm_bindgen(unchecked_return_type = "Backlog")]
    pub fn backlog(&self) -> Result<JsValue, JsValue> {
        to_js(self.inner.backlog())
    }
}
