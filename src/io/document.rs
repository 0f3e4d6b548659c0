//! The versioned JSON document: `{ "version": 1, "backlog": ..., "settings": ... }`.
//!
//! Described by the JSON Schema `www/schema/backlog-v1.json`. Read strictly:
//! an unknown field is an error that gives its path
//! (`backlog.initiatives[3].buyer.reahc`). Older versions are migrated on
//! reading:
//! - version 0 is a bare backlog object, `{ "initiatives": [...] }`, as
//!   written before the envelope existed: it becomes `{ version: 1,
//!   backlog }` with no settings.

use crate::model::Backlog;
use crate::rank::ScoreOptions;
use crate::Error;
use serde::{Deserialize, Deserializer, Serialize};

/// The version this crate writes.
pub const DOCUMENT_VERSION: u32 = 1;
/// Largest document accepted, in bytes.
pub const MAX_DOCUMENT_BYTES: usize = 10 * 1024 * 1024;

/// A saved scenario: a backlog and, optionally, the scoring settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Document {
    /// Always [`DOCUMENT_VERSION`] once read.
    pub version: u32,
    /// The backlog.
    pub backlog: Backlog,
    /// The scoring settings (framework, strategy, weight...), if saved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settings: Option<ScoreOptions>,
}

impl Document {
    /// A current-version document.
    pub fn new(backlog: Backlog, settings: Option<ScoreOptions>) -> Self {
        Document {
            version: DOCUMENT_VERSION,
            backlog,
            settings,
        }
    }
}

fn parse_error<E: std::fmt::Display>(prefix: &str, error: serde_path_to_error::Error<E>) -> Error {
    let inner = error.path().to_string();
    let path = match (prefix, inner.as_str()) {
        (prefix, ".") => prefix.to_string(),
        ("", inner) => inner.to_string(),
        (prefix, inner) => format!("{prefix}.{inner}"),
    };
    Error::Parse {
        path,
        message: error.into_inner().to_string(),
    }
}

/// Reads a document of any supported version from a deserializer over the
/// whole value, given the value of its `version` field (`None` when it has
/// none, which is version 0). Use [`read_document`] for JSON text.
pub fn document_from<'de, D: Deserializer<'de>>(
    version: Option<f64>,
    deserializer: D,
) -> Result<Document, Error> {
    if check_version(version)? == 0 {
        let backlog: Backlog =
            serde_path_to_error::deserialize(deserializer).map_err(|e| parse_error("", e))?;
        Ok(Document::new(backlog, None))
    } else {
        serde_path_to_error::deserialize(deserializer).map_err(|e| parse_error("", e))
    }
}

/// Checks the value of a document's `version` field (`None` when it has
/// none) and gives the version to read it as: 0 (a bare backlog) or
/// [`DOCUMENT_VERSION`]. A newer or malformed version is an error at path
/// `version`.
pub fn check_version(version: Option<f64>) -> Result<u32, Error> {
    match version {
        None => Ok(0),
        Some(v) if v == f64::from(DOCUMENT_VERSION) => Ok(DOCUMENT_VERSION),
        Some(v) if v > f64::from(DOCUMENT_VERSION) && v.fract() == 0.0 => Err(Error::Parse {
            path: "version".into(),
            message: format!(
                "this document is version {v}, written by a newer version of twosided; this one reads versions 0 to {DOCUMENT_VERSION}"
            ),
        }),
        Some(_) => Err(Error::Parse {
            path: "version".into(),
            message: format!("the version must be a whole number from 0 to {DOCUMENT_VERSION}"),
        }),
    }
}

/// Reads a JSON document of any supported version, migrated to the current
/// one. Native only: in WebAssembly, `JSON.parse` gives the object.
///
/// ```
/// use twosided::io::document::read_document;
/// let old = r#"{ "initiatives": [{ "id": "a", "name": "A", "effort": 1 }] }"#;
/// assert_eq!(read_document(old).unwrap().version, 1);
///
/// let typo = r#"{ "version": 1, "backlog": { "initiatives": [{ "id": "a", "name": "A", "effort": 1, "reahc": 5 }] } }"#;
/// let error = read_document(typo).unwrap_err();
/// assert_eq!(error.path(), "backlog.initiatives[0].reahc");
/// ```
#[cfg(not(target_arch = "wasm32"))]
pub fn read_document(json: &str) -> Result<Document, Error> {
    if json.len() > MAX_DOCUMENT_BYTES {
        return Err(Error::LimitExceeded {
            path: "document".into(),
            message: format!(
                "the document is {} bytes; the most accepted is {MAX_DOCUMENT_BYTES}",
                json.len()
            ),
        });
    }
    let value: serde_json::Value = serde_json::from_str(json).map_err(|e| Error::Parse {
        path: format!("line {}, column {}", e.line(), e.column()),
        message: format!("this is not valid JSON: {e}"),
    })?;
    let version = match &value {
        serde_json::Value::Object(map) => match map.get("version") {
            None => None,
            Some(serde_json::Value::Number(n)) => Some(n.as_f64().unwrap_or(f64::NAN)),
            Some(_) => Some(f64::NAN),
        },
        _ => {
            return Err(Error::Parse {
                path: String::new(),
                message: "a document must be a JSON object".into(),
            })
        }
    };
    document_from(version, value)
}

/// Writes a document as indented JSON. Fails if a number is not finite
/// (JSON has no NaN or infinity).
#[cfg(not(target_arch = "wasm32"))]
pub fn write_document(document: &Document) -> Result<String, Error> {
    if let Some(problem) = crate::validate(&document.backlog)
        .into_iter()
        .find(|p| p.code == crate::ProblemCode::NotFinite)
    {
        return Err(Error::NotFinite {
            path: format!("backlog.{}", problem.path),
            detail: problem.message,
        });
    }
    serde_json::to_string_pretty(document).map_err(|e| Error::Parse {
        path: String::new(),
        message: e.to_string(),
    })
}
