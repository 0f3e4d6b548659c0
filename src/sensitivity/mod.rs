//! Sensitivity: weight sweeps and Monte Carlo over estimate ranges.
