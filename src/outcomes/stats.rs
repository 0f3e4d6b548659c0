//! Small robust statistics for ratios: median and quartiles.

/// The median and quartiles of some values.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Quartiles {
    pub lower: f64,
    pub median: f64,
    pub upper: f64,
}

/// Quartiles by linear interpolation between closest ranks (the method of
/// spreadsheets' `QUARTILE.INC` and NumPy's default): the p-quantile of n
/// sorted values sits at position (n - 1) x p. `None` for no values or any
/// value that is not a number.
pub(crate) fn quartiles(values: &[f64]) -> Option<Quartiles> {
    if values.is_empty() || values.iter().any(|v| !v.is_finite()) {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    Some(Quartiles {
        lower: quantile(&sorted, 0.25)?,
        median: quantile(&sorted, 0.5)?,
        upper: quantile(&sorted, 0.75)?,
    })
}

fn quantile(sorted: &[f64], p: f64) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    let position = last as f64 * p;
    let below = position.floor();
    let fraction = position - below;
    // `below` is at most `last`, which came from a usize.
    let index = below as usize;
    let low = *sorted.get(index)?;
    let high = sorted.get(index.saturating_add(1)).copied().unwrap_or(low);
    Some(low + fraction * (high - low))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn odd_count_median_is_the_middle_value() {
        let q = quartiles(&[2.0, 1.0, 3.0]).unwrap();
        assert_eq!(q.median, 2.0);
        assert_eq!(q.lower, 1.5);
        assert_eq!(q.upper, 2.5);
    }

    #[test]
    fn even_count_interpolates() {
        // Positions 0.75, 1.5, 2.25 in 1, 2, 4, 8.
        let q = quartiles(&[8.0, 1.0, 4.0, 2.0]).unwrap();
        assert_eq!(q.lower, 1.75);
        assert_eq!(q.median, 3.0);
        assert_eq!(q.upper, 5.0);
    }

    #[test]
    fn one_value_is_every_quartile() {
        let q = quartiles(&[1.6]).unwrap();
        assert_eq!((q.lower, q.median, q.upper), (1.6, 1.6, 1.6));
    }

    #[test]
    fn nothing_or_nan_gives_none() {
        assert!(quartiles(&[]).is_none());
        assert!(quartiles(&[1.0, f64::NAN]).is_none());
    }
}
