//! Estimation scales: the canonical ones are the defaults, all configurable.

use serde::{Deserialize, Serialize};

/// The values an input may take.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase", deny_unknown_fields)]
pub enum Scale {
    /// Only these values (and, where `signed`, their negatives for harm).
    Levels {
        /// The allowed values.
        levels: Vec<f64>,
        /// Whether the negatives are allowed too.
        #[serde(default)]
        signed: bool,
    },
    /// Any value from `min` to `max` inclusive.
    Range {
        /// The smallest value.
        min: f64,
        /// The largest value.
        max: f64,
    },
}

impl Scale {
    /// Whether a likely value is on the scale.
    pub fn allows(&self, value: f64) -> bool {
        match self {
            Scale::Levels { levels, signed } => levels
                .iter()
                .any(|&level| level == value || (*signed && -level == value)),
            Scale::Range { min, max } => value >= *min && value <= *max,
        }
    }

    /// Whether a range end (low or high) is within the scale's span. Range
    /// ends need not be levels: they are the edges of a distribution.
    pub fn spans(&self, value: f64) -> bool {
        let (min, max) = self.bounds();
        value >= min && value <= max
    }

    /// The smallest and largest allowed values.
    pub fn bounds(&self) -> (f64, f64) {
        match self {
            Scale::Levels { levels, signed } => {
                let max = levels.iter().copied().fold(f64::MIN, f64::max);
                let min = levels.iter().copied().fold(f64::MAX, f64::min);
                if *signed {
                    (-max.abs().max(min.abs()), max.abs().max(min.abs()))
                } else {
                    (min, max)
                }
            }
            Scale::Range { min, max } => (*min, *max),
        }
    }

    /// Describes the scale for an error message: "one of 3, 2, 1, 0.5, 0.25, 0".
    pub fn describe(&self) -> String {
        match self {
            Scale::Levels { levels, signed } => {
                let list: Vec<String> = levels
                    .iter()
                    .map(|v| crate::scoring::format_number(*v))
                    .collect();
                if *signed {
                    format!("one of {} (negative for harm)", list.join(", "))
                } else {
                    format!("one of {}", list.join(", "))
                }
            }
            Scale::Range { min, max } => format!(
                "between {} and {}",
                crate::scoring::format_number(*min),
                crate::scoring::format_number(*max)
            ),
        }
    }
}

/// The scales a backlog's estimates are given on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Scales {
    /// RICE impact per person. Canonical: 3, 2, 1, 0.5, 0.25 (and 0), signed.
    #[serde(default = "Scales::canonical_impact")]
    pub impact: Scale,
    /// ICE impact, confidence and ease. Canonical: 1 to 10 (impact may be
    /// negative down to -10, or 0 for a side it does not touch).
    #[serde(default = "Scales::canonical_ice")]
    pub ice: Scale,
    /// WSJF inputs. Canonical: the modified Fibonacci 1, 2, 3, 5, 8, 13, 20.
    #[serde(default = "Scales::canonical_wsjf")]
    pub wsjf: Scale,
}

impl Default for Scales {
    fn default() -> Self {
        Scales {
            impact: Scales::canonical_impact(),
            ice: Scales::canonical_ice(),
            wsjf: Scales::canonical_wsjf(),
        }
    }
}

impl Scales {
    /// Intercom's RICE impact levels, signed for harm.
    pub fn canonical_impact() -> Scale {
        Scale::Levels {
            levels: vec![3.0, 2.0, 1.0, 0.5, 0.25, 0.0],
            signed: true,
        }
    }

    /// ICE's 1-10.
    pub fn canonical_ice() -> Scale {
        Scale::Range {
            min: 1.0,
            max: 10.0,
        }
    }

    /// SAFe's modified Fibonacci.
    pub fn canonical_wsjf() -> Scale {
        Scale::Levels {
            levels: vec![1.0, 2.0, 3.0, 5.0, 8.0, 13.0, 20.0],
            signed: false,
        }
    }
}
