//! A small, portable, seeded pseudo-random generator, and triangular draws.
//!
//! The generator is xoshiro256** (Blackman and Vigna, 2018), seeded through
//! SplitMix64 as its authors recommend. Both are a few lines of integer
//! arithmetic, so the same seed gives the same stream on every platform,
//! natively and in WebAssembly, with no dependency on the platform's entropy.
//!
//! Every Monte Carlo sample gets its own generator, seeded from
//! `(seed, sample index)`: running samples in chunks, or splitting them
//! between workers, cannot change what any one sample draws.

use crate::model::Estimate;

/// SplitMix64's increment: the odd integer closest to 2^64 divided by the
/// golden ratio.
const GOLDEN_GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

/// SplitMix64's output function: a bijective mix of 64 bits (Steele, Lea and
/// Flood, 2014).
fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// xoshiro256**: 256 bits of state, period 2^256 - 1, passes BigCrush.
#[derive(Debug, Clone)]
pub(crate) struct Generator {
    state: [u64; 4],
}

impl Generator {
    /// The generator of one sample. The sample's key hashes the seed and the
    /// index together, then a SplitMix64 stream from that key fills the
    /// state (never all zero: SplitMix64's outputs from consecutive states
    /// are distinct, so at most one of the four can be zero).
    pub(crate) fn for_sample(seed: u64, sample: u64) -> Self {
        let mut key = mix64(seed ^ mix64(sample.wrapping_add(GOLDEN_GAMMA)));
        let mut next = || {
            key = key.wrapping_add(GOLDEN_GAMMA);
            mix64(key)
        };
        Generator {
            state: [next(), next(), next(), next()],
        }
    }

    /// The next 64 random bits.
    pub(crate) fn next_u64(&mut self) -> u64 {
        let [s0, s1, s2, s3] = self.state;
        let result = s1.wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = s1 << 17;
        let s2 = s2 ^ s0;
        let s3 = s3 ^ s1;
        let s1 = s1 ^ s2;
        let s0 = s0 ^ s3;
        let s2 = s2 ^ t;
        let s3 = s3.rotate_left(45);
        self.state = [s0, s1, s2, s3];
        result
    }

    /// A uniform number in [0, 1): the top 53 bits, scaled exactly.
    pub(crate) fn next_unit(&mut self) -> f64 {
        // 2^-53: every multiple of it below 1 is a double, so this is exact.
        const SCALE: f64 = 1.0 / 9_007_199_254_740_992.0;
        (self.next_u64() >> 11) as f64 * SCALE
    }

    /// A draw of an estimate: its value for a single value, or a draw from
    /// the triangular distribution over low / likely / high for a range.
    pub(crate) fn draw(&mut self, estimate: &Estimate) -> f64 {
        match *estimate {
            Estimate::Range { low, likely, high } if low < high => {
                triangular(low, likely, high, self.next_unit())
            }
            other => other.likely(),
        }
    }
}

/// The triangular distribution's inverse CDF at `u` in [0, 1).
///
/// Only subtraction, multiplication and a square root: IEEE 754 rounds each
/// of them correctly on every platform, so the result is bit-identical
/// natively and in WebAssembly (which `ln` or `exp` would not guarantee).
/// The result is clamped to [low, high] against rounding at the ends.
pub(crate) fn triangular(low: f64, likely: f64, high: f64, u: f64) -> f64 {
    let width = high - low;
    let below = likely - low;
    // u below (likely - low) / (high - low), compared without dividing.
    let value = if u * width < below {
        low + (u * width * below).sqrt()
    } else {
        high - ((1.0 - u) * width * (high - likely)).sqrt()
    };
    value.clamp(low, high)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xoshiro_matches_the_reference_output() {
        // The reference implementation seeded with state [1, 2, 3, 4]
        // starts 11520, 0, 1509978240, 1215971899390074240.
        let mut generator = Generator {
            state: [1, 2, 3, 4],
        };
        let first: Vec<u64> = (0..4).map(|_| generator.next_u64()).collect();
        assert_eq!(first, vec![11520, 0, 1509978240, 1215971899390074240]);
    }

    #[test]
    fn splitmix_mix_matches_the_reference() {
        // SplitMix64 seeded with 0 first outputs 0xE220A8397B1DCDAF.
        assert_eq!(mix64(GOLDEN_GAMMA), 0xE220_A839_7B1D_CDAF);
    }

    #[test]
    fn samples_have_independent_reproducible_streams() {
        let mut a = Generator::for_sample(7, 3);
        let mut b = Generator::for_sample(7, 3);
        let mut c = Generator::for_sample(7, 4);
        let (x, y, z) = (a.next_u64(), b.next_u64(), c.next_u64());
        assert_eq!(x, y);
        assert_ne!(x, z);
    }

    #[test]
    fn triangular_hits_its_ends_and_mode() {
        assert_eq!(triangular(1.0, 2.0, 5.0, 0.0), 1.0);
        // F(likely) = 1/4: at u = 1/4 the draw is the likely value.
        assert_eq!(triangular(1.0, 2.0, 5.0, 0.25), 2.0);
        // u = 1 - 1/16: 5 - sqrt(1/16 * 4 * 3) = 5 - sqrt(0.75).
        assert_eq!(triangular(1.0, 2.0, 5.0, 0.9375), 5.0 - 0.75f64.sqrt());
        assert_eq!(triangular(0.0, 0.0, 1.0, 0.75), 1.0 - 0.25f64.sqrt());
    }

    #[test]
    fn triangular_mean_is_the_average_of_its_three_points() {
        let mut generator = Generator::for_sample(42, 0);
        let n = 200_000;
        let total: f64 = (0..n)
            .map(|_| generator.draw(&Estimate::range(1.0, 2.0, 6.0)))
            .sum();
        // Mean (1 + 2 + 6) / 3 = 3; standard deviation about 1.08, so the
        // mean of 200k draws is within 0.01 with overwhelming probability.
        assert!((total / n as f64 - 3.0).abs() < 0.01);
    }
}
