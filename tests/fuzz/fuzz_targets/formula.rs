//! Formula compile from any text: never panics; an accepted formula's
//! canonical text compiles to the same text, and scoring with it works or
//! fails with an error.
#![no_main]
use libfuzzer_sys::fuzz_target;
use twosided::formula::{compile, CompileContext};
use twosided::{Framework, ScoreOptions, Scales};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let scales = Scales::default();
    let context = CompileContext { criteria: &[], scales: &scales };
    let Ok(formula) = compile(text, context) else { return };
    let again = compile(formula.text(), context).expect("the canonical text compiles");
    assert_eq!(again.text(), formula.text(), "printing is idempotent");
    let options = ScoreOptions {
        framework: Framework::Custom,
        formula: Some(formula.text().to_string()),
        ..ScoreOptions::default()
    };
    let _ = twosided::score(&twosided::example_backlog(), &options);
});
