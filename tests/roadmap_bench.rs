//! The roadmap benchmark lives in `tests/bench/roadmap.rs`; this file makes
//! it a test target (ignored unless asked for).

#[path = "bench/roadmap.rs"]
mod roadmap;
