//! A single estimate, or a range of low / likely / high.

use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeStruct;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// An estimate given as one value, or as a range for the sensitivity work.
///
/// Scoring always uses the likely value; Monte Carlo samples the range.
/// In JSON it is either a number (`450`) or an object
/// (`{ "low": 300, "likely": 450, "high": 700 }`).
///
/// ```
/// use twosided::Estimate;
/// assert_eq!(Estimate::Value(3.0).likely(), 3.0);
/// assert_eq!(Estimate::range(1.0, 2.0, 3.0).likely(), 2.0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Estimate {
    /// One value: low, likely and high are all this.
    Value(f64),
    /// A range: `low <= likely <= high` (checked by validation).
    Range {
        /// The pessimistic end.
        low: f64,
        /// The most likely value, used for scoring.
        likely: f64,
        /// The optimistic end.
        high: f64,
    },
}

impl Estimate {
    /// A range estimate.
    pub fn range(low: f64, likely: f64, high: f64) -> Self {
        Estimate::Range { low, likely, high }
    }

    /// The value used for scoring.
    pub fn likely(&self) -> f64 {
        match *self {
            Estimate::Value(v) => v,
            Estimate::Range { likely, .. } => likely,
        }
    }

    /// The low end (the value itself for a single value).
    pub fn low(&self) -> f64 {
        match *self {
            Estimate::Value(v) => v,
            Estimate::Range { low, .. } => low,
        }
    }

    /// The high end (the value itself for a single value).
    pub fn high(&self) -> f64 {
        match *self {
            Estimate::Value(v) => v,
            Estimate::Range { high, .. } => high,
        }
    }

    /// Whether this estimate is a range with some spread.
    pub fn is_range(&self) -> bool {
        matches!(self, Estimate::Range { low, high, .. } if low < high)
    }

    /// The same estimate with every value multiplied by `factor`.
    pub fn scaled(&self, factor: f64) -> Self {
        match *self {
            Estimate::Value(v) => Estimate::Value(v * factor),
            Estimate::Range { low, likely, high } => Estimate::Range {
                low: low * factor,
                likely: likely * factor,
                high: high * factor,
            },
        }
    }
}

impl Default for Estimate {
    fn default() -> Self {
        Estimate::Value(0.0)
    }
}

impl From<f64> for Estimate {
    fn from(value: f64) -> Self {
        Estimate::Value(value)
    }
}

impl Serialize for Estimate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match *self {
            Estimate::Value(v) => serializer.serialize_f64(v),
            Estimate::Range { low, likely, high } => {
                let mut s = serializer.serialize_struct("Estimate", 3)?;
                s.serialize_field("low", &low)?;
                s.serialize_field("likely", &likely)?;
                s.serialize_field("high", &high)?;
                s.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for Estimate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(EstimateVisitor)
    }
}

struct EstimateVisitor;

impl<'de> Visitor<'de> for EstimateVisitor {
    type Value = Estimate;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a number or an object { low, likely, high }")
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Estimate, E> {
        Ok(Estimate::Value(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Estimate, E> {
        Ok(Estimate::Value(v as f64))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Estimate, E> {
        Ok(Estimate::Value(v as f64))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Estimate, A::Error> {
        let (mut low, mut likely, mut high) = (None, None, None);
        while let Some(key) = map.next_key::<String>()? {
            let slot = match key.as_str() {
                "low" => &mut low,
                "likely" => &mut likely,
                "high" => &mut high,
                other => {
                    return Err(de::Error::unknown_field(other, &["low", "likely", "high"]));
                }
            };
            *slot = Some(map.next_value::<f64>()?);
        }
        let likely = likely.ok_or_else(|| de::Error::missing_field("likely"))?;
        Ok(Estimate::Range {
            low: low.unwrap_or(likely),
            likely,
            high: high.unwrap_or(likely),
        })
    }
}
