//! Size limits on everything input can reach. Over a limit, validation or
//! parsing reports a clear problem instead of working for an unbounded time.

/// Most initiatives in one backlog.
pub const MAX_INITIATIVES: usize = 100_000;
/// Longest id, in bytes.
pub const MAX_ID_BYTES: usize = 128;
/// Longest name, in bytes.
pub const MAX_NAME_BYTES: usize = 256;
/// Longest free-text field (description, hypothesis, ...), in bytes.
pub const MAX_TEXT_BYTES: usize = 4_096;
/// Most dependencies of one initiative.
pub const MAX_DEPENDENCIES: usize = 64;
/// Most tags on one initiative.
pub const MAX_TAGS: usize = 32;
/// Most segments declared per side.
pub const MAX_SEGMENTS: usize = 32;
/// Most scorecard criteria.
pub const MAX_CRITERIA: usize = 64;
/// Largest reach per period: more people than exist.
pub const MAX_REACH: f64 = 1e10;
/// Largest effort in person-months.
pub const MAX_EFFORT: f64 = 1e5;
/// Largest segment or criterion weight.
pub const MAX_WEIGHT: f64 = 1e6;
/// Most frontier members listed as dominating one initiative
/// ([`crate::ParetoStatus::dominated_by`]): without a bound, a backlog at
/// [`MAX_INITIATIVES`] could list billions of ids.
pub const MAX_DOMINATORS_LISTED: usize = 10;
