//! The built-in example: a realistic marketplace backlog.

use crate::model::Backlog;

/// The built-in example backlog of a marketplace, used by the page on first
/// load and by the tests.
pub fn example_backlog() -> Backlog {
    Backlog::default()
}
