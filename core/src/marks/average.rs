//! The weighted average of five-point marks.

use rust_decimal::Decimal;

use super::{Points, Weight};
use crate::rounding::round_half_up;

/// Σ(mark × weight) / Σ weight over five-point marks, kept exact.
///
/// Only five-point marks enter it (pass/fail and debts never do). The
/// average as shown is [`WeightedAverage::shown`]: HALF-UP to two places,
/// and that is the number a [`super::PeriodMarkPolicy`] compares.
///
/// # Example
/// ```
/// use zhurnal::marks::{Points, Weight, WeightedAverage};
/// let mut avg = WeightedAverage::new();
/// avg.add(Points::FIVE, Weight::ONE);
/// avg.add(Points::FOUR, "2".parse()?);
/// assert_eq!(avg.shown().map(|a| a.to_string()), Some("4.33".into()));
/// # Ok::<(), zhurnal::marks::MarkError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WeightedAverage {
    weighted_sum: Decimal,
    weight_sum: Decimal,
    count: u32,
    lowest: Option<Points>,
    highest: Option<Points>,
}

impl WeightedAverage {
    /// An average of no marks.
    pub fn new() -> WeightedAverage {
        WeightedAverage::default()
    }

    /// Adds one mark with its weight.
    pub fn add(&mut self, mark: Points, weight: Weight) {
        self.weighted_sum += Decimal::from(mark.get()) * weight.get();
        self.weight_sum += weight.get();
        self.count += 1;
        self.lowest = Some(self.lowest.map_or(mark, |l| l.min(mark)));
        self.highest = Some(self.highest.map_or(mark, |h| h.max(mark)));
    }

    /// Adds `times` marks of the same value and weight at once (what "what
    /// do I need" asks about); the mark count saturates at `u32::MAX`.
    ///
    /// # Example
    /// ```
    /// use zhurnal::marks::{Points, Weight, WeightedAverage};
    /// let mut avg = WeightedAverage::of([(Points::THREE, Weight::ONE)]);
    /// avg.add_many(Points::FIVE, Weight::ONE, 3);
    /// assert_eq!(avg.count(), 4);
    /// assert_eq!(avg.shown().map(|a| a.to_string()), Some("4.50".into()));
    /// ```
    pub fn add_many(&mut self, mark: Points, weight: Weight, times: u32) {
        if times == 0 {
            return;
        }
        let total_weight = weight.get() * Decimal::from(times);
        self.weighted_sum += Decimal::from(mark.get()) * total_weight;
        self.weight_sum += total_weight;
        self.count = self.count.saturating_add(times);
        self.lowest = Some(self.lowest.map_or(mark, |l| l.min(mark)));
        self.highest = Some(self.highest.map_or(mark, |h| h.max(mark)));
    }

    /// The average of `marks`.
    pub fn of(marks: impl IntoIterator<Item = (Points, Weight)>) -> WeightedAverage {
        let mut avg = WeightedAverage::new();
        for (mark, weight) in marks {
            avg.add(mark, weight);
        }
        avg
    }

    /// How many marks went in.
    pub fn count(&self) -> u32 {
        self.count
    }

    /// Σ weight.
    pub fn weight_sum(&self) -> Decimal {
        self.weight_sum
    }

    /// The lowest mark, if any.
    pub fn lowest(&self) -> Option<Points> {
        self.lowest
    }

    /// The highest mark, if any.
    pub fn highest(&self) -> Option<Points> {
        self.highest
    }

    /// The exact average (as exact as 28 significant digits go), `None`
    /// without marks.
    pub fn exact(&self) -> Option<Decimal> {
        if self.count == 0 {
            return None;
        }
        self.weighted_sum.checked_div(self.weight_sum)
    }

    /// The average as shown: HALF-UP to two places, `None` without marks.
    pub fn shown(&self) -> Option<Decimal> {
        if self.count == 0 {
            return None;
        }
        shown_average(self.weighted_sum, self.weight_sum)
    }
}

/// The shown average from the two sums, HALF-UP to two places, rounding
/// the exact quotient once (no intermediate rounding). `None` when the
/// weight sum is zero.
///
/// # Example
/// ```
/// use rust_decimal::Decimal;
/// use zhurnal::marks::shown_average;
/// // (4×1 + 5×1 + 4×1 + 5×1.5) / 4.5 = 20.5 / 4.5 = 4.5555…
/// let shown = shown_average("20.5".parse()?, "4.5".parse()?);
/// assert_eq!(shown.map(|a| a.to_string()), Some("4.56".into()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn shown_average(weighted_sum: Decimal, weight_sum: Decimal) -> Option<Decimal> {
    if weight_sum.is_zero() {
        return None;
    }
    let quotient = weighted_sum.checked_div(weight_sum)?;
    Some(round_half_up(quotient))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Weight {
        s.parse().unwrap()
    }

    #[test]
    fn empty_has_no_average() {
        let a = WeightedAverage::new();
        assert_eq!(a.exact(), None);
        assert_eq!(a.shown(), None);
        assert_eq!(a.count(), 0);
    }

    #[test]
    fn weighted() {
        let a = WeightedAverage::of([
            (Points::FIVE, w("3")),
            (Points::THREE, w("1")),
            (Points::FOUR, w("1.5")),
        ]);
        // (15 + 3 + 6) / 5.5 = 4.3636…
        assert_eq!(a.shown().unwrap().to_string(), "4.36");
        assert_eq!(a.count(), 3);
        assert_eq!(a.lowest(), Some(Points::THREE));
        assert_eq!(a.highest(), Some(Points::FIVE));
    }

    #[test]
    fn add_many_is_repeated_add() {
        let mut one_by_one = WeightedAverage::of([(Points::TWO, w("3"))]);
        let mut at_once = one_by_one;
        for _ in 0..7 {
            one_by_one.add(Points::FOUR, w("1.5"));
        }
        at_once.add_many(Points::FOUR, w("1.5"), 7);
        assert_eq!(one_by_one, at_once);
        at_once.add_many(Points::FIVE, w("1"), 0);
        assert_eq!(one_by_one, at_once);
    }

    #[test]
    fn ties_round_up() {
        // 4 × 3 + 5 × 1 = 17 / 4 = 4.25 exactly; 4.4975 needs many marks,
        // so check the documented rule through shown_average directly.
        let a = WeightedAverage::of([(Points::FOUR, w("3")), (Points::FIVE, w("1"))]);
        assert_eq!(a.shown().unwrap().to_string(), "4.25");
        let tie = shown_average("35.98".parse().unwrap(), "8".parse().unwrap());
        assert_eq!(tie.unwrap().to_string(), "4.50"); // 4.4975
        let tie = shown_average("9.125".parse().unwrap(), "2".parse().unwrap());
        assert_eq!(tie.unwrap().to_string(), "4.56"); // 4.5625
    }
}
