//! "What do I need": the fewest new marks of one value and weight that
//! bring the period mark up to a target, or why that cannot happen.
//!
//! The answer applies the period-mark rule itself
//! ([`PeriodMarkPolicy::period_mark`]) to the current marks plus `n` new
//! ones, so every part of the policy counts: the thresholds on the average
//! as shown, the minimum number of marks («н/а» below it) and the optional
//! "no 5 with a 2" rule. "Reaching" the target means a period mark at
//! least as high as the target.
//!
//! How it is found, exactly and fast: after enough marks to be attested,
//! adding more marks of one value moves the average monotonically towards
//! that value, so the period mark moves monotonically too. The search
//! checks "no new marks", then the first attested count, and then (only
//! when the new marks raise the average) gallops and bisects over the count
//! with the rule itself, a few dozen evaluations at most.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::marks::{PeriodMark, PeriodMarkPolicy, Points, Weight, WeightedAverage};

/// Why a target period mark cannot be reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnreachableReason {
    /// Marks of this value never bring the average (as shown) to the
    /// target's threshold: they are too low, or they pull it down.
    ValueTooLow,
    /// The policy's "no 5 with a 2" rule: a 2 (or 1) among the marks — or
    /// the new marks themselves — caps the period mark at 4.
    FiveBlockedByTwo,
    /// Reaching it needs more new marks than there are lessons left.
    NotEnoughLessons {
        /// New marks needed.
        needed: u32,
        /// New marks possible (lessons left this term).
        lessons_left: u32,
    },
    /// It would need more than `u32::MAX` marks (a vanishing weight).
    TooManyMarks,
}

impl UnreachableReason {
    /// A stable machine code, e.g. `"target.value_too_low"`.
    pub fn code(&self) -> &'static str {
        match self {
            UnreachableReason::ValueTooLow => "target.value_too_low",
            UnreachableReason::FiveBlockedByTwo => "target.five_blocked_by_two",
            UnreachableReason::NotEnoughLessons { .. } => "target.not_enough_lessons",
            UnreachableReason::TooManyMarks => "target.too_many_marks",
        }
    }
}

impl std::fmt::Display for UnreachableReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            UnreachableReason::ValueTooLow => {
                f.write_str("marks of this value never bring the average to the target")
            }
            UnreachableReason::FiveBlockedByTwo => {
                f.write_str("a 2 among the marks rules out a 5 for the period")
            }
            UnreachableReason::NotEnoughLessons {
                needed,
                lessons_left,
            } => write!(
                f,
                "{needed} new marks are needed but only {lessons_left} lessons are left"
            ),
            UnreachableReason::TooManyMarks => f.write_str("it would need too many marks"),
        }
    }
}

/// The answer to "what do I need".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetOutcome {
    /// The target is reached with `new_marks` more marks (0: already).
    Reachable {
        /// How many new marks of the given value and weight.
        new_marks: u32,
        /// The average as shown after them.
        average: Decimal,
        /// The period mark after them (at least the target).
        period_mark: PeriodMark,
    },
    /// The target cannot be reached with such marks.
    Unreachable {
        /// Why.
        reason: UnreachableReason,
        /// The best period mark such marks can give (within the lessons
        /// left, when given).
        best: PeriodMark,
    },
}

impl TargetOutcome {
    /// The number of new marks, when reachable.
    pub fn new_marks(&self) -> Option<u32> {
        match self {
            TargetOutcome::Reachable { new_marks, .. } => Some(*new_marks),
            TargetOutcome::Unreachable { .. } => None,
        }
    }
}

/// The fewest new marks of `value` with `weight` that make the period mark
/// at least `target` under `policy`, given the `current` marks; at most
/// `lessons_left` new marks when given (one per remaining lesson).
///
/// # Example
/// ```
/// use zhurnal::marks::{PeriodMark, PeriodMarkPolicy, Points, Weight, WeightedAverage};
/// use zhurnal::target_mark::{marks_needed, TargetOutcome, UnreachableReason};
/// let current = WeightedAverage::of([(Points::THREE, Weight::ONE), (Points::FOUR, Weight::ONE), (Points::FOUR, Weight::ONE)]);
/// let policy = PeriodMarkPolicy::default();
/// // 3, 4, 4 → 3.67; with 5s: 4.00, 4.20, 4.33, 4.43, 4.50 → five 5s give a 5
/// let answer = marks_needed(&current, &policy, Points::FIVE, Points::FIVE, Weight::ONE, None);
/// assert_eq!(answer.new_marks(), Some(5));
/// // 4s never lift the average to 4.50
/// let answer = marks_needed(&current, &policy, Points::FIVE, Points::FOUR, Weight::ONE, None);
/// assert!(matches!(answer, TargetOutcome::Unreachable { reason: UnreachableReason::ValueTooLow, .. }));
/// // and with three lessons left, five 5s do not fit
/// let answer = marks_needed(&current, &policy, Points::FIVE, Points::FIVE, Weight::ONE, Some(3));
/// assert!(matches!(answer, TargetOutcome::Unreachable {
///     reason: UnreachableReason::NotEnoughLessons { needed: 5, lessons_left: 3 },
///     best: PeriodMark::Mark(Points::FOUR),
/// }));
/// ```
pub fn marks_needed(
    current: &WeightedAverage,
    policy: &PeriodMarkPolicy,
    target: Points,
    value: Points,
    weight: Weight,
    lessons_left: Option<u32>,
) -> TargetOutcome {
    let search = Search {
        current,
        policy,
        target,
        value,
        weight,
    };
    let max_n = u32::MAX - current.count();
    let cap = lessons_left.map_or(max_n, |l| l.min(max_n));
    let best = search.best_within(cap);
    let unreachable = |reason| TargetOutcome::Unreachable { reason, best };
    match search.fewest(max_n) {
        Some(n) if n <= cap => search.reachable(n),
        Some(needed) => unreachable(UnreachableReason::NotEnoughLessons {
            needed,
            lessons_left: cap,
        }),
        None if search.would_reach_without_two_rule(max_n) => {
            unreachable(UnreachableReason::FiveBlockedByTwo)
        }
        None if search.limit_reaches() => unreachable(UnreachableReason::TooManyMarks),
        None => unreachable(UnreachableReason::ValueTooLow),
    }
}

/// One "what do I need" question.
#[derive(Clone, Copy)]
struct Search<'a> {
    current: &'a WeightedAverage,
    policy: &'a PeriodMarkPolicy,
    target: Points,
    value: Points,
    weight: Weight,
}

/// Period marks in order: «н/а» below every mark.
fn rank(mark: PeriodMark) -> u8 {
    mark.points().map_or(0, Points::get)
}

impl Search<'_> {
    /// The averages after `n` new marks.
    fn after(&self, n: u32) -> WeightedAverage {
        let mut avg = *self.current;
        avg.add_many(self.value, self.weight, n);
        avg
    }

    fn grade(&self, n: u32) -> PeriodMark {
        self.policy.period_mark(&self.after(n))
    }

    fn ok(&self, n: u32) -> bool {
        rank(self.grade(n)) >= self.target.get()
    }

    /// The first count from which the period mark is attested (and at least
    /// one new mark, where monotonicity starts).
    fn first_attested(&self, max_n: u32) -> u32 {
        self.policy
            .min_marks()
            .saturating_sub(self.current.count())
            .clamp(1, max_n.max(1))
    }

    /// Whether new marks raise (or keep) the average.
    fn raises(&self) -> bool {
        self.current
            .exact()
            .is_none_or(|avg| Decimal::from(self.value.get()) >= avg)
    }

    /// The fewest new marks (at most `max_n`) that reach the target.
    fn fewest(&self, max_n: u32) -> Option<u32> {
        if self.ok(0) {
            return Some(0);
        }
        if max_n == 0 {
            return None;
        }
        let first = self.first_attested(max_n);
        if self.ok(first) {
            return Some(first);
        }
        // Lowering marks only lower the period mark from here on.
        if !self.raises() {
            return None;
        }
        // Gallop to a count that reaches it, then bisect: `lo` fails, `hi` reaches.
        let mut lo = first;
        let mut hi = first;
        loop {
            if hi == max_n {
                return None;
            }
            hi = hi.saturating_mul(2).min(max_n);
            if self.ok(hi) {
                break;
            }
            lo = hi;
        }
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if self.ok(mid) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        Some(hi)
    }

    fn reachable(&self, n: u32) -> TargetOutcome {
        let after = self.after(n);
        TargetOutcome::Reachable {
            new_marks: n,
            average: after.shown().unwrap_or_default(),
            period_mark: self.policy.period_mark(&after),
        }
    }

    /// The best period mark with at most `cap` new marks: the mark is
    /// monotone in the count once attested, so the ends and the first
    /// attested count are enough.
    fn best_within(&self, cap: u32) -> PeriodMark {
        let mut candidates = vec![self.grade(0)];
        if cap > 0 {
            candidates.push(self.grade(self.first_attested(cap)));
            candidates.push(self.grade(cap));
        }
        candidates
            .into_iter()
            .max_by_key(|m| rank(*m))
            .unwrap_or(PeriodMark::NotAttested)
    }

    fn would_reach_without_two_rule(&self, max_n: u32) -> bool {
        if !self.policy.no_five_with_two() {
            return false;
        }
        let lenient = self.policy.with_no_five_with_two(false);
        let search = Search {
            policy: &lenient,
            ..*self
        };
        search.fewest(max_n).is_some() || search.limit_reaches()
    }

    /// Whether endless marks of this value would reach the target: the
    /// average as shown tends to the value itself.
    fn limit_reaches(&self) -> bool {
        if !self.raises() {
            return false;
        }
        let has_two = self
            .current
            .lowest()
            .map_or(self.value, |l| l.min(self.value))
            <= Points::TWO;
        let limit = self
            .policy
            .from_shown(Decimal::from(self.value.get()), u32::MAX, has_two);
        rank(limit) >= self.target.get()
    }
}

#[cfg(test)]
mod tests;
