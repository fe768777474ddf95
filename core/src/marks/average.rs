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
    /// How many marks of each value 1–5.
    per_value: [u32; 5],
}

impl WeightedAverage {
    /// No marks.
    pub fn new() -> WeightedAverage {
        WeightedAverage::default()
    }

    /// Adds a mark with its weight.
    pub fn add(&mut self, mark: Points, weight: Weight) {
        self.add_many(mark, weight, 1);
    }

    /// Adds the same mark `times` times (as `times` calls of
    /// [`WeightedAverage::add`]).
    pub fn add_many(&mut self, mark: Points, weight: Weight, times: u32) {
        if times == 0 {
            return;
        }
        let total_weight = weight.get() * Decimal::from(times);
        self.weighted_sum += Decimal::from(mark.get()) * total_weight;
        self.weight_sum += total_weight;
        let slot = &mut self.per_value[usize::from(mark.get() - 1)];
        *slot = slot.saturating_add(times);
    }

    /// Takes out a mark added before (a changed or removed mark): exact, so
    /// adding and removing in any order gives the same accumulator. A mark
    /// of a value not in it changes nothing.
    pub fn remove(&mut self, mark: Points, weight: Weight) {
        let slot = &mut self.per_value[usize::from(mark.get() - 1)];
        if *slot == 0 {
            return;
        }
        *slot -= 1;
        self.weighted_sum -= Decimal::from(mark.get()) * weight.get();
        self.weight_sum -= weight.get();
    }

    /// Adds everything of `other` (partial sums merge exactly, in any
    /// order).
    pub fn merge(&mut self, other: &WeightedAverage) {
        self.weighted_sum += other.weighted_sum;
        self.weight_sum += other.weight_sum;
        for (mine, theirs) in self.per_value.iter_mut().zip(other.per_value) {
            *mine = mine.saturating_add(theirs);
        }
    }

    /// The average of these marks.
    pub fn of(marks: impl IntoIterator<Item = (Points, Weight)>) -> WeightedAverage {
        let mut avg = WeightedAverage::new();
        for (mark, weight) in marks {
            avg.add(mark, weight);
        }
        avg
    }

    /// An accumulator from its sums, as stored or computed elsewhere:
    /// Σ(mark × weight), Σ weight, and how many marks of each value 1–5.
    /// `None` when they cannot come from marks (a negative sum, a weight
    /// without marks, marks without weight, an average outside 1–5).
    pub fn from_sums(
        weighted_sum: Decimal,
        weight_sum: Decimal,
        per_value: [u32; 5],
    ) -> Option<WeightedAverage> {
        let avg = WeightedAverage {
            weighted_sum,
            weight_sum,
            per_value,
        };
        let consistent = match avg.count() {
            0 => weighted_sum.is_zero() && weight_sum.is_zero(),
            _ => {
                weight_sum > Decimal::ZERO
                    && weighted_sum >= weight_sum
                    && weighted_sum <= weight_sum * Decimal::from(5)
            }
        };
        consistent.then_some(avg)
    }

    /// Σ(mark × weight).
    pub fn weighted_sum(&self) -> Decimal {
        self.weighted_sum
    }

    /// How many marks of each value, 1 to 5.
    pub fn per_value(&self) -> [u32; 5] {
        self.per_value
    }

    /// Whether a mark of `value` or below is among them (the "no 5 with
    /// a 2" rule asks this).
    pub fn has_mark_at_most(&self, value: Points) -> bool {
        self.per_value[..usize::from(value.get())]
            .iter()
            .any(|n| *n > 0)
    }

    /// How many marks.
    pub fn count(&self) -> u32 {
        self.per_value
            .iter()
            .fold(0u32, |n, c| n.saturating_add(*c))
    }

    /// Σ weight.
    pub fn weight_sum(&self) -> Decimal {
        self.weight_sum
    }

    /// The lowest mark, if any.
    pub fn lowest(&self) -> Option<Points> {
        let i = self.per_value.iter().position(|n| *n > 0)?;
        Points::new(u8::try_from(i + 1).ok()?).ok()
    }

    /// The highest mark, if any.
    pub fn highest(&self) -> Option<Points> {
        let i = self.per_value.iter().rposition(|n| *n > 0)?;
        Points::new(u8::try_from(i + 1).ok()?).ok()
    }

    /// The exact average (as exact as 28 significant digits go), `None`
    /// without marks.
    pub fn exact(&self) -> Option<Decimal> {
        if self.count() == 0 {
            return None;
        }
        self.weighted_sum.checked_div(self.weight_sum)
    }

    /// The average as shown: HALF-UP to two places, `None` without marks.
    pub fn shown(&self) -> Option<Decimal> {
        if self.count() == 0 {
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
    fn removal_is_exact_and_order_free() {
        let mut a = WeightedAverage::of([(Points::TWO, w("3")), (Points::FIVE, w("1.5"))]);
        a.add(Points::FOUR, w("2"));
        a.remove(Points::TWO, w("3"));
        let b = WeightedAverage::of([(Points::FIVE, w("1.5")), (Points::FOUR, w("2"))]);
        assert_eq!(a, b);
        assert!(!a.has_mark_at_most(Points::TWO));
        assert_eq!(a.lowest(), Some(Points::FOUR));
        a.remove(Points::ONE, w("1")); // not in it: nothing changes
        assert_eq!(a, b);
        let mut merged = WeightedAverage::of([(Points::FIVE, w("1.5"))]);
        merged.merge(&WeightedAverage::of([(Points::FOUR, w("2"))]));
        assert_eq!(merged, b);
        let back = WeightedAverage::from_sums(b.weighted_sum(), b.weight_sum(), b.per_value());
        assert_eq!(back, Some(b));
        assert_eq!(
            WeightedAverage::from_sums(Decimal::ONE, Decimal::ZERO, [0; 5]),
            None
        );
        assert_eq!(
            WeightedAverage::from_sums(Decimal::from(9), Decimal::ONE, [1, 0, 0, 0, 0]),
            None
        );
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
