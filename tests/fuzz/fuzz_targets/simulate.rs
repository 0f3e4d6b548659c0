//! Monte Carlo simulation with a structured backlog and options (few
//! samples, so one run stays fast; now and then with a plan): never panics.
#![no_main]
use libfuzzer_sys::fuzz_target;
use serde_json::json;
use twosided::sensitivity::{simulate, SimulationOptions};
use twosided::Backlog;
use twosided_fuzz::{backlog, options, plan_options, Source};

fuzz_target!(|data: &[u8]| {
    let mut source = Source::new(data);
    let Ok(backlog) = serde_json::from_value::<Backlog>(backlog(&mut source)) else { return };
    let mut value = json!({
        "scoring": options(&mut source),
        "seed": source.byte(),
        "samples": source.below(64),
        "topK": source.below(12),
    });
    if source.below(4) == 0 {
        value["plan"] = plan_options(&mut source);
        value["samples"] = json!(source.below(8));
    }
    let Ok(options) = serde_json::from_value::<SimulationOptions>(value) else { return };
    let _ = simulate(&backlog, &options);
});
