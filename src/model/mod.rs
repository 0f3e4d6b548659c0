//! The data model: initiatives, their per-side estimates, and the backlog.

mod backlog;
mod estimate;
mod initiative;
mod kind;
mod outcome;
mod scale;
mod side;

pub use backlog::{Backlog, Footing, Segments};
pub use estimate::Estimate;
pub use initiative::{CriterionValue, IceInputs, Initiative, WsjfInputs};
pub use kind::WorkKind;
pub use outcome::{Direction, Goal, Outcome, SideActual, Status};
pub use scale::{Scale, Scales};
pub use side::{Segment, SegmentEstimate, Side, SideEstimate, SideNames};
