//! # twosided
//!
//! Prioritise the roadmap of a two-sided marketplace. Every initiative is
//! estimated separately for the buyer side and the seller side (either may be
//! harmed), scored with a familiar framework (RICE, ICE, WSJF or a weighted
//! scorecard), and the two sides are balanced openly with a strategy the team
//! chooses: a weighted sum, a Nash product, max-min, a "do no harm" guardrail,
//! and the Pareto frontier.
//!
//! ```
//! use twosided::{example_backlog, score, ScoreOptions};
//!
//! let backlog = example_backlog();
//! let ranked = score(&backlog, &ScoreOptions::default()).unwrap();
//! assert_eq!(ranked[0].rank, Some(1));
//! println!("{}: {}", ranked[0].name, ranked[0].explanation.sentence);
//! ```
#![warn(missing_docs)]
// Nothing that input can reach may panic: in WebAssembly a panic kills the
// module instance. These lints keep the non-test code free of the usual
// sources (tests may unwrap freely).
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::arithmetic_side_effects,
        clippy::unreachable,
        clippy::todo,
        clippy::unimplemented
    )
)]

pub mod balance;
mod error;
mod example;
pub mod limits;
pub mod model;
mod prioritiser;
mod rank;
pub mod scoring;
pub mod validate;

pub mod formula;
pub mod io;
pub mod outcomes;
pub mod roadmap;
pub mod sensitivity;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use balance::{BalanceOptions, Guardrail, ParetoStatus, Strategy, ViolatorHandling};
pub use error::{Error, Problem, ProblemCode};
pub use example::example_backlog;
pub use model::{
    Backlog, Estimate, Footing, Initiative, Scale, Scales, Segment, SegmentEstimate, Segments,
    Side, SideEstimate, SideNames, WorkKind,
};
pub use prioritiser::{Order, Prioritiser};
pub use rank::{score, ScoreOptions, ScoredInitiative, SideScore};
pub use scoring::{Explanation, Framework, Term};
pub use validate::validate;
