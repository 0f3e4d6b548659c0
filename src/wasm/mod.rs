//! WebAssembly bindings: the JavaScript API. Compiled only for wasm32, so
//! native Rust users compile none of the JavaScript machinery.
//!
//! Every function takes plain JavaScript values, converts them through
//! [`convert`] (which rejects NaN, Infinity and misshapen input with a path),
//! calls the core, and returns plain values or typed arrays. Every failure is
//! thrown as a real `Error` named `TwosidedError` with `code`, `path` and
//! `problems`.
//!
//! Panics: input never reaches a panic (the core returns errors instead). If
//! a bug panicked anyway, the release build aborts, which in WebAssembly is a
//! trap (`RuntimeError: unreachable`): no destructor runs and a handle that
//! was in use stays borrowed, so the instance must not be used again. The
//! only clean recovery is a new instance: reload the page, or load the
//! package in a fresh Worker.
//!
//! A feature adds its bindings in its own file here, with one `mod` line.

mod convert;
mod core;
mod formula;
mod io;
mod outcomes;
mod roadmap;
mod sensitivity;
mod types;
mod value;
