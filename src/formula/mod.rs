//! Custom formulas: a small, safe expression language for a framework's score.
