//! Exact decimal rounding, the one place the house rounding rule lives.
//!
//! Averages and shares are computed exactly with [`Decimal`] and shown
//! rounded HALF-UP (a tie goes away from zero) to two places: `40.625` →
//! `40.63`, `4.4975` → `4.50`. Floats are never used: on a region-sized data
//! set float rounding changes tens of thousands of `.xx5` ties.

use rust_decimal::{Decimal, RoundingStrategy};

/// Decimal places every average and share is shown with.
pub const SHOWN_PLACES: u32 = 2;

/// Rounds HALF-UP (ties away from zero) to [`SHOWN_PLACES`] places and keeps
/// exactly two places in the result (`4` → `4.00`).
///
/// # Example
/// ```
/// use rust_decimal::Decimal;
/// use zhurnal::rounding::round_half_up;
/// let tie: Decimal = "40.625".parse()?;
/// assert_eq!(round_half_up(tie).to_string(), "40.63");
/// assert_eq!(round_half_up(Decimal::from(4)).to_string(), "4.00");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn round_half_up(value: Decimal) -> Decimal {
    let mut rounded =
        value.round_dp_with_strategy(SHOWN_PLACES, RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(SHOWN_PLACES);
    rounded
}

/// `100 × part / whole`, exact, rounded HALF-UP to two places; `None` when
/// `whole` is zero (a share of nothing is not defined).
///
/// # Example
/// ```
/// use zhurnal::rounding::percent_share;
/// assert_eq!(percent_share(13, 32).map(|s| s.to_string()), Some("40.63".into()));
/// assert_eq!(percent_share(0, 0), None);
/// ```
pub fn percent_share(part: u64, whole: u64) -> Option<Decimal> {
    if whole == 0 {
        return None;
    }
    let exact = Decimal::from(part) * Decimal::ONE_HUNDRED / Decimal::from(whole);
    Some(round_half_up(exact))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn ties_go_up() {
        assert_eq!(round_half_up(d("40.625")), d("40.63"));
        assert_eq!(round_half_up(d("4.4975")), d("4.50"));
        assert_eq!(round_half_up(d("99.995")), d("100.00"));
        assert_eq!(round_half_up(d("2.494999")), d("2.49"));
    }

    #[test]
    fn always_two_places() {
        assert_eq!(round_half_up(d("5")).to_string(), "5.00");
        assert_eq!(round_half_up(d("3.1")).to_string(), "3.10");
    }

    #[test]
    fn shares() {
        assert_eq!(percent_share(1, 3), Some(d("33.33")));
        assert_eq!(percent_share(2, 3), Some(d("66.67")));
        assert_eq!(percent_share(3, 3), Some(d("100.00")));
        assert_eq!(percent_share(0, 5), Some(d("0.00")));
        assert_eq!(percent_share(1, 0), None);
    }
}
