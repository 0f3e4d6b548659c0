//! The buyer-weight sweep with a structured backlog and options: never panics.
#![no_main]
use libfuzzer_sys::fuzz_target;
use serde_json::json;
use twosided::sensitivity::{sweep_weights, SweepOptions};
use twosided::Backlog;
use twosided_fuzz::{backlog, options, Source};

fuzz_target!(|data: &[u8]| {
    let mut source = Source::new(data);
    let Ok(backlog) = serde_json::from_value::<Backlog>(backlog(&mut source)) else { return };
    let value = json!({
        "scoring": options(&mut source),
        "topK": source.below(12),
        "gridSteps": source.below(300),
    });
    let Ok(options) = serde_json::from_value::<SweepOptions>(value) else { return };
    let _ = sweep_weights(&backlog, &options);
});
