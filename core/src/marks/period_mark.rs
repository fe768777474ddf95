//! Period marks (quarter, term, year) from the average, by policy.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{MarkError, Points, WeightedAverage};

/// A period result: a mark 2–5, «н/а» (not attested: too few marks), or,
/// for subjects graded pass/fail or without marks ([`super::Grading`]),
/// «зач», «незач» or «осв».
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodMark {
    /// The mark for the period.
    Mark(Points),
    /// «н/а»: not attested.
    NotAttested,
    /// «зач»: passed (a pass/fail subject).
    Passed,
    /// «незач»: not passed (a pass/fail subject).
    NotPassed,
    /// «осв»: mastered (a subject taught without marks).
    Mastered,
}

impl PeriodMark {
    /// The mark, unless not attested.
    pub fn points(self) -> Option<Points> {
        match self {
            PeriodMark::Mark(p) => Some(p),
            _ => None,
        }
    }
}

impl std::fmt::Display for PeriodMark {
    /// `5` … `2`, `н/а`, `зач`, `незач`, `осв`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PeriodMark::Mark(p) => write!(f, "{p}"),
            PeriodMark::NotAttested => f.write_str("н/а"),
            PeriodMark::Passed => f.write_str("зач"),
            PeriodMark::NotPassed => f.write_str("незач"),
            PeriodMark::Mastered => f.write_str("осв"),
        }
    }
}

/// The lowest averages as shown that give a 3, a 4 and a 5.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PeriodThresholds {
    /// The lowest average for a 3 (default 2.5).
    pub three: Decimal,
    /// The lowest average for a 4 (default 3.5).
    pub four: Decimal,
    /// The lowest average for a 5 (default 4.5).
    pub five: Decimal,
}

/// How a school turns a period's marks into the period mark.
///
/// Defaults (the common local act): thresholds 2.5 / 3.5 / 4.5 on the
/// average **as shown** (HALF-UP to two places, so 4.4975 → 4.50 → 5), at
/// least 3 marks or the result is «н/а», no extra rules. Below the lowest
/// threshold the mark is 2.
///
/// # Example
/// ```
/// use zhurnal::marks::{PeriodMark, PeriodMarkPolicy, Points, Weight, WeightedAverage};
/// let policy = PeriodMarkPolicy::default();
/// let avg = WeightedAverage::of([(Points::FIVE, Weight::ONE), (Points::FOUR, Weight::ONE), (Points::FIVE, Weight::ONE)]);
/// assert_eq!(policy.period_mark(&avg), PeriodMark::Mark(Points::FIVE)); // 4.67
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "PolicyFields", into = "PolicyFields")]
pub struct PeriodMarkPolicy {
    three: Decimal,
    four: Decimal,
    five: Decimal,
    min_marks: u32,
    no_five_with_two: bool,
}

#[derive(Serialize, Deserialize)]
struct PolicyFields {
    three: Decimal,
    four: Decimal,
    five: Decimal,
    min_marks: u32,
    no_five_with_two: bool,
}

impl TryFrom<PolicyFields> for PeriodMarkPolicy {
    type Error = MarkError;
    fn try_from(f: PolicyFields) -> Result<Self, Self::Error> {
        Ok(PeriodMarkPolicy::with_thresholds(f.three, f.four, f.five)?
            .with_min_marks(f.min_marks)
            .with_no_five_with_two(f.no_five_with_two))
    }
}

impl From<PeriodMarkPolicy> for PolicyFields {
    fn from(p: PeriodMarkPolicy) -> Self {
        PolicyFields {
            three: p.three,
            four: p.four,
            five: p.five,
            min_marks: p.min_marks,
            no_five_with_two: p.no_five_with_two,
        }
    }
}

impl Default for PeriodMarkPolicy {
    fn default() -> Self {
        PeriodMarkPolicy {
            three: Decimal::new(25, 1),
            four: Decimal::new(35, 1),
            five: Decimal::new(45, 1),
            min_marks: 3,
            no_five_with_two: false,
        }
    }
}

impl PeriodMarkPolicy {
    /// The default policy with other thresholds (e.g. 2.6 / 3.6 / 4.6).
    ///
    /// # Errors
    /// [`MarkError::InvalidThresholds`] unless `1 <= three < four < five <= 5`.
    ///
    /// # Example
    /// ```
    /// use zhurnal::marks::PeriodMarkPolicy;
    /// let strict = PeriodMarkPolicy::with_thresholds("2.6".parse()?, "3.6".parse()?, "4.6".parse()?)?;
    /// assert!(PeriodMarkPolicy::with_thresholds("3".parse()?, "3".parse()?, "4".parse()?).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_thresholds(
        three: Decimal,
        four: Decimal,
        five: Decimal,
    ) -> Result<PeriodMarkPolicy, MarkError> {
        let ok = Decimal::ONE <= three && three < four && four < five && five <= Decimal::from(5);
        if !ok {
            return Err(MarkError::InvalidThresholds { three, four, five });
        }
        Ok(PeriodMarkPolicy {
            three,
            four,
            five,
            ..PeriodMarkPolicy::default()
        })
    }

    /// The same policy with another minimum number of marks (0 or 1 means
    /// any single mark is enough).
    pub fn with_min_marks(mut self, min_marks: u32) -> PeriodMarkPolicy {
        self.min_marks = min_marks;
        self
    }

    /// The same policy with or without the rule "no 5 for the period when
    /// any mark is a 2 (or 1)": such a student gets at most 4.
    pub fn with_no_five_with_two(mut self, on: bool) -> PeriodMarkPolicy {
        self.no_five_with_two = on;
        self
    }

    /// Lowest shown averages for 3, 4 and 5.
    pub fn thresholds(&self) -> PeriodThresholds {
        PeriodThresholds {
            three: self.three,
            four: self.four,
            five: self.five,
        }
    }

    /// The minimum number of five-point marks for a period mark.
    pub fn min_marks(&self) -> u32 {
        self.min_marks
    }

    /// Whether a 2 among the marks caps the period mark at 4.
    pub fn no_five_with_two(&self) -> bool {
        self.no_five_with_two
    }

    /// The period mark for these marks.
    pub fn period_mark(&self, average: &WeightedAverage) -> PeriodMark {
        match average.shown() {
            Some(shown) => self.from_shown(
                shown,
                average.count(),
                average.lowest().is_some_and(|l| l <= Points::TWO),
            ),
            None => PeriodMark::NotAttested,
        }
    }

    /// The rule itself, on numbers a caller already has: the average as
    /// shown (two places), the number of marks, and whether any mark is 2 or
    /// lower. Bulk reports call this so that there is one rule.
    ///
    /// # Example
    /// ```
    /// use zhurnal::marks::{PeriodMark, PeriodMarkPolicy, Points};
    /// let p = PeriodMarkPolicy::default();
    /// assert_eq!(p.from_shown("4.50".parse()?, 3, false), PeriodMark::Mark(Points::FIVE));
    /// assert_eq!(p.from_shown("4.49".parse()?, 3, false), PeriodMark::Mark(Points::FOUR));
    /// assert_eq!(p.from_shown("4.90".parse()?, 2, false), PeriodMark::NotAttested);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_shown(&self, shown: Decimal, count: u32, has_two: bool) -> PeriodMark {
        if count == 0 || count < self.min_marks {
            return PeriodMark::NotAttested;
        }
        let mark = if shown >= self.five {
            if self.no_five_with_two && has_two {
                Points::FOUR
            } else {
                Points::FIVE
            }
        } else if shown >= self.four {
            Points::FOUR
        } else if shown >= self.three {
            Points::THREE
        } else {
            Points::TWO
        };
        PeriodMark::Mark(mark)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::marks::Weight;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn thresholds_on_the_shown_average() {
        let p = PeriodMarkPolicy::default();
        let cases = [
            ("4.50", 5),
            ("4.49", 4),
            ("3.50", 4),
            ("3.49", 3),
            ("2.50", 3),
            ("2.49", 2),
            ("1.00", 2),
            ("5.00", 5),
        ];
        for (avg, expected) in cases {
            assert_eq!(
                p.from_shown(d(avg), 3, false),
                PeriodMark::Mark(Points::new(expected).unwrap()),
                "{avg}"
            );
        }
    }

    #[test]
    fn tie_rounds_before_comparing() {
        // 4.4975 is shown as 4.50, so it earns a 5.
        let w = |s: &str| s.parse::<Weight>().unwrap();
        // 4×3.5 + 5×3.5 + 5×0.01 … build an average of exactly 4.4975:
        // marks 4 (weight 0.01) … simpler: 5×w1 + 4×w2 with w1/(w1+w2)=0.4975
        let avg = WeightedAverage::of([(Points::FIVE, w("19.9")), (Points::FOUR, w("20.1"))]);
        assert_eq!(avg.exact().unwrap(), d("4.4975"));
        let p = PeriodMarkPolicy::default().with_min_marks(2);
        assert_eq!(p.period_mark(&avg), PeriodMark::Mark(Points::FIVE));
    }

    #[test]
    fn too_few_marks() {
        let p = PeriodMarkPolicy::default();
        let avg = WeightedAverage::of([(Points::FIVE, Weight::ONE), (Points::FIVE, Weight::ONE)]);
        assert_eq!(p.period_mark(&avg), PeriodMark::NotAttested);
        assert_eq!(
            p.period_mark(&WeightedAverage::new()),
            PeriodMark::NotAttested
        );
        assert_eq!(PeriodMark::NotAttested.to_string(), "н/а");
        let lenient = p.with_min_marks(1);
        assert_eq!(lenient.period_mark(&avg), PeriodMark::Mark(Points::FIVE));
    }

    #[test]
    fn no_five_with_two() {
        let marks = [
            (Points::FIVE, "10"),
            (Points::FIVE, "10"),
            (Points::TWO, "1"),
        ];
        let avg = WeightedAverage::of(marks.map(|(p, w)| (p, w.parse::<Weight>().unwrap())));
        assert_eq!(avg.shown().unwrap(), d("4.86"));
        let p = PeriodMarkPolicy::default();
        assert_eq!(p.period_mark(&avg), PeriodMark::Mark(Points::FIVE));
        let p = p.with_no_five_with_two(true);
        assert_eq!(p.period_mark(&avg), PeriodMark::Mark(Points::FOUR));
    }

    #[test]
    fn invalid_thresholds() {
        for (a, b, c) in [
            ("0.5", "3", "4"),
            ("3", "2", "4"),
            ("2", "3", "5.5"),
            ("2", "4", "4"),
        ] {
            let e = PeriodMarkPolicy::with_thresholds(d(a), d(b), d(c)).unwrap_err();
            assert_eq!(e.code(), "mark.invalid_thresholds");
        }
        let bad = r#"{"three":"3","four":"3","five":"4","min_marks":3,"no_five_with_two":false}"#;
        assert!(serde_json::from_str::<PeriodMarkPolicy>(bad).is_err());
        let json = serde_json::to_string(&PeriodMarkPolicy::default()).unwrap();
        let back: PeriodMarkPolicy = serde_json::from_str(&json).unwrap();
        assert_eq!(back, PeriodMarkPolicy::default());
    }
}
