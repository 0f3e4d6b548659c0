//! Spreadsheets, the versioned JSON document and share links for JavaScript:
//! `parseCsv`, `toCsv`, `readDocument`, `encodeShareLink` and
//! `decodeShareLink`.
//!
//! JSON never passes through Rust text here (the wasm build has no JSON
//! library): documents arrive as objects from `JSON.parse`, and a share link
//! carries `JSON.stringify` of the document, so both go through the same
//! strict reader as any other input.

use super::convert::{from_js, from_js_or_default, readable, to_js, to_js_error, under};
use super::value::{Value, ValueSeed};
use crate::io::csv::{
    backlog_to_csv, parse_csv_located, results_to_csv, roadmap_to_csv, ColumnUse, CsvExportOptions,
    CsvImport, CsvImportError, CsvImportOptions, DecimalSeparator, Delimiter, ImportProblem,
    LineEnding,
};
use crate::io::document::{check_version, Document};
use crate::io::share::{decode_share_json, encode_share_json};
use crate::model::Backlog;
use crate::rank::ScoreOptions;
use crate::roadmap::PlanOptions;
use crate::{Error, ProblemCode};
use serde::de::{DeserializeOwned, DeserializeSeed, Deserializer};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const IO_TYPES: &'static str = r#"
/** The character between cells: "auto" detects comma, semicolon or tab on import (and writes commas). */
export type Delimiter = "auto" | "comma" | "semicolon" | "tab";

/** The decimal separator: "auto" reads a comma where cells are separated by semicolons. */
export type DecimalSeparator = "auto" | "point" | "comma";

/** How `parseCsv` reads a spreadsheet; every field may be left out. */
export interface CsvImportOptions {
  delimiter?: Delimiter;
  decimal?: DecimalSeparator;
  /** Header text to field path, overriding the guess: { "Pts": "effort", "Status": "ignore" }. */
  mapping?: Record<string, string>;
  /** Skip rows with problems and list them, instead of failing. */
  partial?: boolean;
  /** The side names, footing, segments and scales the imported initiatives join. */
  settings?: Backlog;
}

/** One problem in a spreadsheet. `row` and `column` count from 1 as a spreadsheet
 * shows them (the header is row 1); `path` says the same in words. */
export interface ImportProblem extends Problem {
  row: number | null;
  column: number | null;
  /** The column's header text, when known. */
  header: string | null;
}

/** Which field one column was read into (`field` is null for an unused column). */
export interface ColumnUse { column: number; header: string; field: string | null; }

/** What `parseCsv` gives. */
export interface CsvImport {
  /** The imported rows, in file order, with the settings given. */
  backlog: Backlog;
  /** The file row each initiative came from. */
  rows: number[];
  columns: ColumnUse[];
  /** Rows a partial import left out. */
  skippedRows: number[];
  /** Why they were left out (at most 1000; `problemCount` counts all). */
  problems: ImportProblem[];
  problemCount: number;
  /** Things worth knowing that did not stop the import. */
  warnings: ImportProblem[];
  delimiter: Delimiter;
  decimal: DecimalSeparator;
}

/** What `parseCsv` throws when rows have problems: code "VALIDATION_FAILED",
 * with every problem located by row and column. */
export interface CsvImportError extends TwosidedError {
  problems: ImportProblem[];
}

/** What `toCsv` writes: the backlog, the scored results, or the planned roadmap. */
export type CsvContent = "backlog" | "results" | "roadmap";

/** How `toCsv` writes; every field may be left out. */
export interface CsvExportOptions {
  /** The backlog (default), the scored results or the planned roadmap. */
  what?: CsvContent;
  /** The scoring options for "results". */
  scoreOptions?: ScoreOptionsInput;
  /** The plan options for "roadmap" (their `scoring` decides the scores). */
  plan?: PlanOptionsInput;
  /** Commas by default. */
  delimiter?: Delimiter;
  /** A point by default; a comma needs the semicolon or tab delimiter. */
  decimal?: DecimalSeparator;
  /** "crlf" (default, as Excel writes) or "lf". */
  lineEnding?: "crlf" | "lf";
  /** Start with a byte-order mark, which Excel needs for accented letters. */
  bom?: boolean;
}

/** A backlog and the settings it is scored with, as a share link carries them. */
export interface Scenario {
  backlog: Backlog;
  /** null when the link was made without settings. */
  settings: ScoreOptions | null;
}

/** What `encodeShareLink` accepts: settings may be partial or left out. */
export interface ScenarioInput {
  backlog: Backlog;
  settings?: ScoreOptionsInput | null;
}

/** The versioned JSON document, as `readDocument` gives it. */
export interface TwosidedDocument {
  version: 1;
  backlog: Backlog;
  settings?: ScoreOptions;
}
"#;

/// An import problem as JavaScript sees it: a `Problem` (code, path,
/// message) plus the row, column and header as numbers and text.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsImportProblem<'a> {
    code: ProblemCode,
    path: String,
    message: &'a str,
    row: Option<usize>,
    column: Option<usize>,
    header: Option<&'a str>,
}

fn js_problems(problems: &[ImportProblem]) -> Vec<JsImportProblem<'_>> {
    problems
        .iter()
        .map(|p| JsImportProblem {
            code: p.code,
            path: p.location(),
            message: &p.message,
            row: p.row,
            column: p.column,
            header: p.header.as_deref(),
        })
        .collect()
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsCsvImport<'a> {
    backlog: &'a Backlog,
    rows: &'a [usize],
    columns: &'a [ColumnUse],
    skipped_rows: &'a [usize],
    problems: Vec<JsImportProblem<'a>>,
    problem_count: usize,
    warnings: Vec<JsImportProblem<'a>>,
    delimiter: Delimiter,
    decimal: DecimalSeparator,
}

impl<'a> From<&'a CsvImport> for JsCsvImport<'a> {
    fn from(import: &'a CsvImport) -> Self {
        JsCsvImport {
            backlog: &import.backlog,
            rows: &import.rows,
            columns: &import.columns,
            skipped_rows: &import.skipped_rows,
            problems: js_problems(&import.problems),
            problem_count: import.problem_count,
            warnings: js_problems(&import.warnings),
            delimiter: import.delimiter,
            decimal: import.decimal,
        }
    }
}

/// The thrown error for problems in a spreadsheet: a `TwosidedError`
/// "VALIDATION_FAILED" whose `problems` keep their row and column.
fn import_error(problems: &[ImportProblem]) -> JsValue {
    let error = Error::Invalid(problems.iter().map(ImportProblem::to_problem).collect());
    let js_error = to_js_error(&error);
    let count = problems.len();
    let message = match problems.first() {
        Some(first) => format!(
            "the spreadsheet was not imported: {count} problem{}; the first, at {}: {}",
            if count == 1 { "" } else { "s" },
            first.location(),
            first.message
        ),
        None => "the spreadsheet was not imported".to_string(),
    };
    // Setting properties on a fresh, extensible Error cannot fail.
    let _ = js_sys::Reflect::set(&js_error, &"message".into(), &message.into());
    if let Ok(located) = to_js(&js_problems(problems)) {
        let _ = js_sys::Reflect::set(&js_error, &"problems".into(), &located);
    }
    js_error
}

/// A string argument, or a PARSE_ERROR naming it.
fn text_argument(value: JsValue, name: &str) -> Result<String, JsValue> {
    value.as_string().ok_or_else(|| {
        Error::Parse {
            path: name.into(),
            message: "expected text (a string)".into(),
        }
        .into()
    })
}

/// Reads a spreadsheet (CSV, or tab-separated text pasted from one) into a
/// backlog. Headers are matched by name, with common synonyms ("Effort (PM)",
/// "Buyer reach", "Confidence %"); the delimiter and decimal comma are
/// detected.
///
/// All-or-nothing by default: rows with problems throw a `TwosidedError`
/// "VALIDATION_FAILED" whose `problems` each carry `row`, `column`, `header`
/// and `message`. With `{ partial: true }`, such rows are left out and listed
/// in `skippedRows` and `problems`. A file over 10 MB throws
/// "LIMIT_EXCEEDED".
///
/// @example
/// ```js
/// const { backlog, warnings } = parseCsv("Name\tBuyer reach\tEffort\nFaster checkout\t2000\t3\n");
/// try { parseCsv(text); } catch (e) { for (const p of e.problems) console.log(p.row, p.column, p.message); }
/// ```
#[wasm_bindgen(js_name = parseCsv, unchecked_return_type = "CsvImport")]
pub fn parse_csv(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CsvImportOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let text = text_argument(text, "text")?;
    let options: CsvImportOptions = from_js_or_default(options, "options")?;
    match parse_csv_located(&text, &options) {
        Ok(import) => to_js(&JsCsvImport::from(&import)),
        Err(CsvImportError::Problems(problems)) => Err(import_error(&problems)),
        Err(CsvImportError::Other(error)) => Err(error.into()),
    }
}

/// What a CSV export holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
enum CsvContent {
    #[default]
    Backlog,
    Results,
    Roadmap,
}

/// `toCsv`'s options: the content, and how to write it.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ToCsvOptions {
    #[serde(default)]
    what: CsvContent,
    #[serde(default)]
    score_options: Option<ScoreOptions>,
    #[serde(default)]
    plan: Option<PlanOptions>,
    #[serde(default)]
    delimiter: Delimiter,
    #[serde(default)]
    decimal: DecimalSeparator,
    #[serde(default)]
    line_ending: LineEnding,
    #[serde(default)]
    bom: bool,
}

/// Writes CSV that spreadsheets open safely: numbers as numbers, and text
/// that starts with `=`, `+`, `-` or `@` guarded with `'` so it is never run
/// as a formula. Importing an exported backlog gives the same backlog.
///
/// By default the backlog; `{ what: "results", scoreOptions }` writes the
/// ranking instead (rank, scores, both sides' values, Pareto status and the
/// explanation); `{ what: "roadmap", plan }` plans the roadmap with those plan
/// options (as `planRoadmap` does) and writes one row per initiative: its
/// period or "not planned", id, name, kind, effort, buyer and seller value,
/// balanced score, value in the plan, whether it is pinned, and why it was
/// left out. Planning errors are thrown as `planRoadmap` throws them, with
/// paths under `options.plan`.
///
/// @example
/// ```js
/// const csv = toCsv(backlog);
/// const ranking = toCsv(backlog, { what: "results", scoreOptions: { buyerWeight: 0.7 } });
/// const roadmap = toCsv(backlog, { what: "roadmap", plan: { periods: [{ name: "Q1", capacity: 12 }] } });
/// const forGermanExcel = toCsv(backlog, { delimiter: "semicolon", decimal: "comma", bom: true });
/// ```
#[wasm_bindgen(js_name = toCsv)]
pub fn to_csv(
    #[wasm_bindgen(unchecked_param_type = "Backlog")] backlog: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CsvExportOptions")] options: Option<JsValue>,
) -> Result<String, JsValue> {
    let backlog: Backlog = from_js(backlog, "")?;
    let options: ToCsvOptions = from_js_or_default(options, "options")?;
    let format = CsvExportOptions {
        delimiter: options.delimiter,
        decimal: options.decimal,
        line_ending: options.line_ending,
        bom: options.bom,
    };
    let csv = match options.what {
        CsvContent::Backlog => backlog_to_csv(&backlog, &format),
        CsvContent::Results => {
            let results = crate::score(&backlog, &options.score_options.unwrap_or_default())?;
            results_to_csv(&results, &format)
        }
        CsvContent::Roadmap => {
            let plan = options.plan.unwrap_or_default();
            let clock = js_sys::Date::now;
            let roadmap = crate::roadmap::plan_roadmap_with_clock(&backlog, &plan, &clock)
                .map_err(|error| under(error, "options.plan"))?;
            roadmap_to_csv(&backlog, &roadmap, &format)
        }
    };
    Ok(csv?)
}

/// A JavaScript value read as a plain tree, so the document reader can look
/// at its `version` before choosing the shape.
struct Tree(Value);

impl<'de> Deserialize<'de> for Tree {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        ValueSeed { depth: 0 }.deserialize(deserializer).map(Tree)
    }
}

/// Reads one part of a document from the tree, with its path under `root`.
fn part<T: DeserializeOwned>(value: Value, root: &str) -> Result<T, Error> {
    T::deserialize(value).map_err(|error| {
        let inner = error.path();
        Error::Parse {
            path: match (root.is_empty(), inner.is_empty()) {
                (true, _) => inner,
                (false, true) => root.to_string(),
                (false, false) => format!("{root}.{inner}"),
            },
            message: readable(error.message()),
        }
    })
}

/// Reads a document object of any supported version, migrated to the
/// current one, as strictly as the native reader. The envelope is split by
/// hand so the backlog and settings are read by the same code as every
/// other input (a generic path-tracking reader would add its own copy of it
/// to the package).
fn document_from_js(value: JsValue) -> Result<Document, JsValue> {
    let Tree(tree) = from_js(value, "")?;
    let Value::Object(entries) = tree else {
        return Err(Error::Parse {
            path: String::new(),
            message: "a document must be an object, such as { \"version\": 1, \"backlog\": { \"initiatives\": [] } }".into(),
        }
        .into());
    };
    let version = entries
        .iter()
        .find(|(key, _)| key == "version")
        .map(|(_, value)| match value {
            Value::Number(number) => *number,
            _ => f64::NAN,
        });
    if check_version(version)? == 0 {
        return Ok(Document::new(part(Value::Object(entries), "")?, None));
    }
    let mut backlog = None;
    let mut settings = None;
    for (key, value) in entries {
        match key.as_str() {
            "version" => {}
            "backlog" => backlog = Some(part::<Backlog>(value, "backlog")?),
            "settings" => settings = Some(part::<ScoreOptions>(value, "settings")?),
            _ => {
                return Err(Error::Parse {
                    message: format!(
                        "unknown field \"{key}\", expected one of \"version\", \"backlog\", \"settings\""
                    ),
                    path: key,
                }
                .into())
            }
        }
    }
    let backlog = backlog.ok_or_else(|| Error::Parse {
        path: "backlog".into(),
        message:
            "missing field \"backlog\": a version 1 document holds { version, backlog, settings }"
                .into(),
    })?;
    Ok(Document::new(backlog, settings))
}

/// Reads a saved document (the object `JSON.parse` gives) strictly: an
/// unknown or misspelt field throws a `TwosidedError` "PARSE_ERROR" with its
/// path (`backlog.initiatives[3].buyer.reahc`). A version 0 document (a bare
/// backlog, `{ initiatives: [...] }`) is migrated to version 1; a newer
/// version than this package reads is refused. The backlog is not validated:
/// call `validate` to list its problems.
///
/// @example
/// ```js
/// const { backlog, settings } = readDocument(JSON.parse(await file.text()));
/// ```
#[wasm_bindgen(js_name = readDocument, unchecked_return_type = "TwosidedDocument")]
pub fn read_document(
    #[wasm_bindgen(unchecked_param_type = "unknown")] document: JsValue,
) -> Result<JsValue, JsValue> {
    to_js(&document_from_js(document)?)
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ScenarioInput {
    backlog: Backlog,
    #[serde(default)]
    settings: Option<ScoreOptions>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Scenario<'a> {
    backlog: &'a Backlog,
    settings: Option<&'a ScoreOptions>,
}

/// Encodes a scenario (a backlog and, optionally, its scoring settings) as a
/// URL fragment, without the `#`: `scenario=v1.<data>`, the document
/// compressed and base64url-encoded. The fragment is never sent to a server.
///
/// Throws "VALIDATION_FAILED" for an invalid backlog, and "LIMIT_EXCEEDED"
/// when the link would be longer than 65,536 characters (export a file
/// instead).
///
/// @example
/// ```js
/// location.hash = encodeShareLink({ backlog, settings: options });
/// await navigator.clipboard.writeText(location.href);
/// ```
#[wasm_bindgen(js_name = encodeShareLink)]
pub fn encode_share_link(
    #[wasm_bindgen(unchecked_param_type = "ScenarioInput")] scenario: JsValue,
) -> Result<String, JsValue> {
    let scenario: ScenarioInput = from_js(scenario, "scenario")?;
    let problems = crate::validate(&scenario.backlog);
    if !problems.is_empty() {
        return Err(Error::Invalid(problems).into());
    }
    let document = to_js(&Document::new(scenario.backlog, scenario.settings))?;
    let json: String = js_sys::JSON::stringify(&document)
        .map_err(|_| Error::Parse {
            path: "scenario".into(),
            message: "the scenario could not be written as JSON".into(),
        })?
        .into();
    Ok(encode_share_json(json.as_bytes())?)
}

/// Decodes a share link, its fragment (with or without `#`) or
/// `location.hash`, back to the scenario `{ backlog, settings }`. Safe on
/// any text: a cut, altered or foreign link throws a `TwosidedError`
/// ("PARSE_ERROR" with path "shareLink" and a message that says what is
/// wrong, or "LIMIT_EXCEEDED" for a link too long). The backlog is read as
/// strictly as a file but not validated: call `validate` before using it.
///
/// @example
/// ```js
/// if (location.hash.startsWith("#scenario=")) {
///   const { backlog, settings } = decodeShareLink(location.hash);
/// }
/// ```
#[wasm_bindgen(js_name = decodeShareLink, unchecked_return_type = "Scenario")]
pub fn decode_share_link(
    #[wasm_bindgen(unchecked_param_type = "string")] link: JsValue,
) -> Result<JsValue, JsValue> {
    let link = text_argument(link, "shareLink")?;
    let damaged = |detail: &str| -> JsValue {
        Error::Parse {
            path: "shareLink".into(),
            message: format!("the link is damaged: {detail}"),
        }
        .into()
    };
    let json = decode_share_json(&link)?;
    let text = String::from_utf8(json).map_err(|_| damaged("its text is not valid UTF-8"))?;
    let value = js_sys::JSON::parse(&text).map_err(|_| damaged("it does not hold valid JSON"))?;
    let document = document_from_js(value)?;
    to_js(&Scenario {
        backlog: &document.backlog,
        settings: document.settings.as_ref(),
    })
}
