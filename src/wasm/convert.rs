//! Conversions between JavaScript values and the core's serde types, and
//! from the core's [`Error`] to a real JavaScript `Error`.
//!
//! Every binding takes its inputs through [`from_js`] and gives its results
//! through [`to_js`], so all of them reject the same bad input in the same way
//! and every failure reaches JavaScript with the same shape:
//! `{ name: "TwosidedError", message, code, path, problems }`.

use super::value::ValueSeed;
use crate::{Error, Problem};
use serde::de::{DeserializeOwned, DeserializeSeed};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Joins a root name (`options`, or empty for a backlog) and an inner path.
fn join_path(root: &str, inner: &str) -> String {
    match (root.is_empty(), inner.is_empty()) {
        (_, true) => root.to_string(),
        (true, false) => inner.to_string(),
        (false, false) if inner.starts_with('[') => format!("{root}{inner}"),
        (false, false) => format!("{root}.{inner}"),
    }
}

/// Puts the path of an option error under the JavaScript argument it came
/// from (`root`, such as `options` or `options.plan`): the core names a
/// field of its own options (`periods[1].capacity`), JavaScript callers see
/// `options.periods[1].capacity`. Paths into the backlog, paths already
/// under `root`, and other errors are kept.
pub fn under(error: Error, root: &str) -> Error {
    let prefix = |path: String| {
        if path.is_empty() || path.starts_with(root) || path.starts_with("initiatives") {
            path
        } else {
            format!("{root}.{path}")
        }
    };
    match error {
        Error::InvalidOption { path, message } => Error::InvalidOption {
            path: prefix(path),
            message,
        },
        Error::Infeasible { path, message } => Error::Infeasible {
            path: prefix(path),
            message,
        },
        Error::LimitExceeded { path, message } => Error::LimitExceeded {
            path: prefix(path),
            message,
        },
        other => other,
    }
}

/// Rewords serde's messages for a JavaScript reader: Rust type names become
/// the JavaScript ones.
pub fn readable(message: &str) -> String {
    // serde-wasm-bindgen's errors are JavaScript errors, printed "Error: ...".
    message
        .trim_start_matches("Error: ")
        .replace("expected f64", "expected a number")
        .replace("expected u32", "expected a whole number")
        .replace("expected usize", "expected a whole number")
        .replace("expected a sequence", "expected an array")
        .replace("expected a map", "expected an object")
        .replace("expected struct ", "expected an object ")
        .replace("unit value", "null")
        .replace('`', "\"")
}

#[wasm_bindgen(inline_js = "
const NOT_FINITE = '\\u0000';
// JSON.stringify turns NaN and Infinity into null, which would read as
// 'not set'. Mark them instead, so reading refuses them with their path.
export function jsonText(value) {
  return JSON.stringify(value, (key, v) =>
    typeof v === 'number' && !Number.isFinite(v) ? NOT_FINITE + String(v) : v);
}
")]
extern "C" {
    /// The value as JSON text, or undefined (for undefined or a function);
    /// throws on a cycle or a BigInt.
    #[wasm_bindgen(catch, js_name = jsonText)]
    fn json_text(value: &JsValue) -> Result<JsValue, JsValue>;
}

/// Reads a JavaScript value as a core type.
///
/// `root` names the argument in error paths: empty for a backlog (whose
/// problems are reported as `initiatives[3].buyer.reach`), `options` for
/// options. A value of the wrong shape (a string where a number belongs, an
/// unknown field, a missing required field, NaN or Infinity) fails with code
/// `PARSE_ERROR` and the path of the field. A field set to `null` or
/// `undefined` counts as not set.
pub fn from_js<T: DeserializeOwned>(value: JsValue, root: &str) -> Result<T, JsValue> {
    // Two steps, for the reasons given in `value.rs`: every key of every
    // object into a plain tree, then the core type from the tree. The tree
    // is read from JSON text made by the engine, which is far faster than
    // visiting each field across the boundary.
    let text = json_text(&value).map_err(|error| {
        let message = error
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| "the value cannot be written as JSON".into());
        parse_error(root, "", &message)
    })?;
    let tree = match text.as_string() {
        Some(text) => ValueSeed { depth: 0 }
            .deserialize(&mut serde_json::Deserializer::from_str(&text))
            .map_err(|error| parse_error(root, "", &error.to_string()))?,
        None => super::value::Value::Null,
    };
    T::deserialize(tree).map_err(|error| parse_error(root, &error.path(), error.message()))
}

fn parse_error(root: &str, inner: &str, message: &str) -> JsValue {
    Error::Parse {
        path: shortened(join_path(root, inner)),
        message: shortened(readable(message)),
    }
    .into()
}

/// Longest path or message put in an error, in bytes: serde quotes the
/// offending value or key, which a hostile caller can make megabytes long.
const MAX_ERROR_TEXT_BYTES: usize = 500;

/// The text cut to [`MAX_ERROR_TEXT_BYTES`] (on a character boundary), with
/// an ellipsis when cut.
fn shortened(text: String) -> String {
    if text.len() <= MAX_ERROR_TEXT_BYTES {
        return text;
    }
    let mut end = MAX_ERROR_TEXT_BYTES;
    while !text.is_char_boundary(end) {
        end = end.saturating_sub(1);
    }
    format!("{}…", text.get(..end).unwrap_or(""))
}

/// Reads a string argument. wasm-bindgen's own `&str`/`String` parameters
/// trust the caller: given a number or an object, its glue writes outside
/// the memory it allocated and the module traps. Taking a `JsValue` and
/// checking it turns that into a `PARSE_ERROR`.
pub fn string_from_js(value: &JsValue, path: &str) -> Result<String, JsValue> {
    value.as_string().ok_or_else(|| {
        let what = value.js_typeof().as_string().unwrap_or_default();
        Error::Parse {
            path: path.to_string(),
            message: format!("expected text (a string), not a value of type {what}"),
        }
        .into()
    })
}

/// Like [`from_js`], but `undefined` and `null` give the type's default.
pub fn from_js_or_default<T: DeserializeOwned + Default>(
    value: Option<JsValue>,
    root: &str,
) -> Result<T, JsValue> {
    match value {
        Some(value) if !value.is_undefined() && !value.is_null() => from_js(value, root),
        _ => Ok(T::default()),
    }
}

/// Writes a core value as a plain JavaScript value: maps become plain
/// objects (not `Map`), `None` becomes `null`.
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let failed = |detail: String| -> JsValue {
        Error::Parse {
            path: String::new(),
            message: format!("could not convert a result for JavaScript: {detail}"),
        }
        .into()
    };
    // One JSON text and one JSON.parse: far faster than building each
    // object field by field across the boundary.
    let text = serde_json::to_string(value).map_err(|error| failed(error.to_string()))?;
    js_sys::JSON::parse(&text).map_err(|_| failed("the result is not valid JSON".into()))
}

/// Builds the JavaScript `Error` for a core error: `name` is
/// `"TwosidedError"`; `code`, `path` and `problems` (the validation problems,
/// else empty) are set as own properties.
pub fn to_js_error(error: &Error) -> JsValue {
    let text = error.to_string();
    // An error about the whole value has an empty path: no ": " before it.
    let text = shortened(text.strip_prefix(": ").unwrap_or(&text).to_string());
    let js_error = js_sys::Error::new(&text);
    js_error.set_name("TwosidedError");
    let problems = problems_to_js(error.problems());
    let object: &JsValue = js_error.as_ref();
    // Setting a property on a fresh, extensible Error cannot fail.
    let _ = js_sys::Reflect::set(object, &"code".into(), &error.code().into());
    let path = shortened(error.path().to_string());
    let _ = js_sys::Reflect::set(object, &"path".into(), &path.into());
    let _ = js_sys::Reflect::set(object, &"problems".into(), &problems);
    js_error.into()
}

fn problems_to_js(problems: &[Problem]) -> JsValue {
    problems
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or_else(|_| js_sys::Array::new().into())
}

impl From<Error> for JsValue {
    fn from(error: Error) -> JsValue {
        to_js_error(&error)
    }
}
