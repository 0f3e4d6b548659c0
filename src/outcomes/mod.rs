//! Hypotheses, success criteria, post-launch reviews and calibration of estimates.
