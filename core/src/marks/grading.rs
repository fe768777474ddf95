//! How a subject is graded, and the period result that follows.

use serde::{Deserialize, Serialize};

use super::{PeriodMark, PeriodMarkPolicy, Points, WeightedAverage};

/// How a subject is graded (set per subject).
///
/// - [`Grading::FivePoint`] (the default): marks 1–5; the period mark comes
///   from the weighted average by the school's [`PeriodMarkPolicy`]
///   («н/а» with too few marks).
/// - [`Grading::PassFail`]: «зачёт»/«незачёт» marks; the period result is
///   «зач» when the student passed at least once in the period (a retake
///   that passes settles it), «незач» when they only failed, «н/а» with no
///   pass/fail mark at all (not attested).
/// - [`Grading::WithoutMarks`]: taught without marks (безотметочное
///   обучение: grade 1, ОРКСЭ and the like); the period result is «осв»
///   (освоено), never «н/а».
///
/// # Example
/// ```
/// use zhurnal::marks::{Grading, PeriodMark, PeriodMarkPolicy, WeightedAverage};
/// let policy = PeriodMarkPolicy::default();
/// let none = WeightedAverage::new();
/// assert_eq!(Grading::PassFail.period_mark(&policy, &none, 1, 2), PeriodMark::Passed);
/// assert_eq!(Grading::PassFail.period_mark(&policy, &none, 0, 1).to_string(), "незач");
/// assert_eq!(Grading::WithoutMarks.period_mark(&policy, &none, 0, 0).to_string(), "осв");
/// assert_eq!(Grading::FivePoint.period_mark(&policy, &none, 3, 0).to_string(), "н/а");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grading {
    /// Marks 1–5 (the default).
    #[default]
    FivePoint,
    /// «зачёт» / «незачёт».
    PassFail,
    /// Without marks: «осв».
    WithoutMarks,
}

impl Grading {
    /// The period result of a student in a subject graded this way: the
    /// five-point marks' `average`, and how many «зачёт» (`passes`) and
    /// «незачёт» (`fails`) marks they have in the period.
    pub fn period_mark(
        self,
        policy: &PeriodMarkPolicy,
        average: &WeightedAverage,
        passes: u32,
        fails: u32,
    ) -> PeriodMark {
        match self {
            Grading::FivePoint => match average.shown() {
                Some(shown) => policy.from_shown(
                    shown,
                    average.count(),
                    average.has_mark_at_most(Points::TWO),
                ),
                None => PeriodMark::NotAttested,
            },
            Grading::PassFail if passes > 0 => PeriodMark::Passed,
            Grading::PassFail if fails > 0 => PeriodMark::NotPassed,
            Grading::PassFail => PeriodMark::NotAttested,
            Grading::WithoutMarks => PeriodMark::Mastered,
        }
    }
}
