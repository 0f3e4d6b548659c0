//! The range of values a part of a formula can take, over every valid
//! initiative, used to find divisions that can be by zero before any
//! initiative is scored.
//!
//! Bounds are computed with the same floating-point operations as the
//! evaluation. Those are monotonic in each argument, so the bounds hold for
//! the computed values too (a product of tiny numbers that underflows to 0
//! shows up as a possible 0, as it should). Where a bound is unclear the
//! range widens to everything, which can only make the check stricter.

/// A closed range `[lo, hi]`; infinite ends mean "unbounded".
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Interval {
    pub lo: f64,
    pub hi: f64,
}

impl Interval {
    pub const ANY: Interval = Interval {
        lo: f64::NEG_INFINITY,
        hi: f64::INFINITY,
    };

    pub fn new(lo: f64, hi: f64) -> Interval {
        if lo.is_nan() || hi.is_nan() || lo > hi {
            Interval::ANY
        } else {
            Interval { lo, hi }
        }
    }

    pub fn point(value: f64) -> Interval {
        Interval::new(value, value)
    }

    pub fn contains_zero(self) -> bool {
        self.lo <= 0.0 && 0.0 <= self.hi
    }

    pub fn union(self, other: Interval) -> Interval {
        Interval::new(self.lo.min(other.lo), self.hi.max(other.hi))
    }

    /// The range of `f` over the four corners; valid when `f` is monotonic
    /// in each argument on the ranges given.
    fn corners(self, other: Interval, f: impl Fn(f64, f64) -> f64) -> Interval {
        let values = [
            f(self.lo, other.lo),
            f(self.lo, other.hi),
            f(self.hi, other.lo),
            f(self.hi, other.hi),
        ];
        if values.iter().any(|v| v.is_nan()) {
            return Interval::ANY;
        }
        let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        Interval::new(lo, hi)
    }

    pub fn add(self, other: Interval) -> Interval {
        Interval::new(self.lo + other.lo, self.hi + other.hi)
    }

    pub fn subtract(self, other: Interval) -> Interval {
        Interval::new(self.lo - other.hi, self.hi - other.lo)
    }

    pub fn multiply(self, other: Interval) -> Interval {
        self.corners(other, |a, b| a * b)
    }

    /// Only meaningful when `other` excludes 0 (the checker ensures it).
    pub fn divide(self, other: Interval) -> Interval {
        if other.contains_zero() {
            return Interval::ANY;
        }
        self.corners(other, |a, b| a / b)
    }

    pub fn power(self, other: Interval) -> Interval {
        if self.lo > 0.0 {
            self.corners(other, f64::powf)
        } else {
            Interval::ANY
        }
    }

    pub fn negate(self) -> Interval {
        Interval::new(-self.hi, -self.lo)
    }

    pub fn min(self, other: Interval) -> Interval {
        Interval::new(self.lo.min(other.lo), self.hi.min(other.hi))
    }

    pub fn max(self, other: Interval) -> Interval {
        Interval::new(self.lo.max(other.lo), self.hi.max(other.hi))
    }

    pub fn abs(self) -> Interval {
        if self.lo >= 0.0 {
            self
        } else if self.hi <= 0.0 {
            self.negate()
        } else {
            Interval::new(0.0, (-self.lo).max(self.hi))
        }
    }

    pub fn sqrt(self) -> Interval {
        Interval::new(self.lo.max(0.0).sqrt(), self.hi.sqrt())
    }

    pub fn ln(self) -> Interval {
        if self.lo > 0.0 {
            Interval::new(self.lo.ln(), self.hi.ln())
        } else {
            Interval::ANY
        }
    }

    pub fn round(self) -> Interval {
        Interval::new(self.lo.round(), self.hi.round())
    }

    pub fn sign(self) -> Interval {
        if self.lo > 0.0 {
            Interval::point(1.0)
        } else if self.hi < 0.0 {
            Interval::point(-1.0)
        } else {
            Interval::new(
                if self.lo < 0.0 { -1.0 } else { 0.0 },
                if self.hi > 0.0 { 1.0 } else { 0.0 },
            )
        }
    }

    /// A sum of between 1 and `most` terms each in this range, or no terms
    /// at all (a side the initiative does not touch).
    pub fn summed(self, most: usize) -> Interval {
        let most = most as f64;
        Interval::new(
            0.0_f64.min(self.lo).min(self.lo * most),
            0.0_f64.max(self.hi).max(self.hi * most),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn products_with_a_zero_end_contain_zero() {
        let reach = Interval::new(0.0, 1e10);
        let effort = Interval::new(0.5, 10.0);
        assert!(reach.multiply(effort).contains_zero());
        assert!(!effort.multiply(effort).contains_zero());
        assert!(effort.subtract(effort).contains_zero());
        assert!(!effort.add(effort).contains_zero());
    }

    #[test]
    fn underflow_is_a_possible_zero() {
        let tiny = Interval::new(f64::from_bits(1), 1.0);
        assert!(tiny.multiply(tiny).contains_zero());
    }

    #[test]
    fn unclear_bounds_widen() {
        let any = Interval::new(f64::NEG_INFINITY, f64::INFINITY);
        assert_eq!(any.multiply(Interval::point(0.0)), Interval::ANY);
        assert_eq!(
            Interval::new(-1.0, 2.0).power(Interval::point(2.0)),
            Interval::ANY
        );
        assert_eq!(Interval::new(-2.0, 3.0).abs(), Interval::new(0.0, 3.0));
        assert_eq!(Interval::new(2.0, 3.0).sign(), Interval::point(1.0));
    }
}
