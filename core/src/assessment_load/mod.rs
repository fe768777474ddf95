//! The assessment-load check (letters of Rosobrnadzor and the Ministry of
//! Enlightenment СК-228/03 and 01-169/08-01 of 06.08.2021): where a class
//! gets too many assessment procedures (оценочные процедуры: control,
//! verification and diagnostic works, see
//! [`crate::marks::WorkType::is_assessment`]).
//!
//! The rules, each with its limit in a [`LoadPolicy`]:
//!
//! 1. [`LoadRule::PerDay`]: at most one assessment procedure per class per
//!    day.
//! 2. [`LoadRule::FirstOrLastLesson`]: none on the first or the last lesson
//!    of the class's day, except in subjects with one hour a week (or less):
//!    [`LoadLesson::hours_per_week`].
//! 3. [`LoadRule::SubjectSpacing`]: at most one per subject per 2.5 weeks.
//!    2.5 weeks are 17.5 days; dates are whole days, so two assessment
//!    procedures of the same class and subject **less than 18 days apart**
//!    (date difference 0–17, e.g. 1 and 18 September) are a breach, and 18
//!    days apart (1 and 19 September) are not. The rule does not depend on
//!    the subject's hours a week.
//! 4. [`LoadRule::YearShare`]: at most 10% of the subject's hours in the
//!    year, measured against its **planned** hours ([`PlannedHours`]: the
//!    thematic plan's total, or hours a week × 34 study weeks), not against
//!    the lessons scheduled so far: in October a subject has had few
//!    lessons yet, and one test among them is no breach. The share is exact
//!    (`assessments × 100 > 10 × planned hours` is a breach). A subject with
//!    assessment procedures but no planned hours is not checked against this
//!    rule; the report says so ([`LoadReport::year_share_skipped`]) instead
//!    of guessing.
//!
//! Subgroups: two assessment procedures clash only when some student sits
//! both, that is when either is for the whole class or both are for the
//! same subgroup; group 1's and group 2's English tests on one day are
//! fine. The year share is counted per class, subgroup (or the whole
//! class) and subject, each against the class's planned hours of the
//! subject.
//!
//! The check runs over plain inputs ([`LoadLesson`], [`PlannedHours`]), so a
//! host can check a planned schedule too; the journal builds them from its
//! lessons and the work assigned at them
//! ([`crate::journal::Journal::assessment_load`]).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::ids::{ClassId, LessonId, SubgroupId, SubjectId};
use crate::rounding::round_half_up;

mod planned;
mod report;

pub use planned::{MAX_PLANNED_HOURS, PlannedHours};
pub use report::{LoadBreach, LoadReport, LoadRule, YearShareSkipped};

/// Study weeks of a school year in grades 2–11 (grade 1 has 33).
pub const STUDY_WEEKS: u32 = 34;
/// Most study weeks a policy may count.
pub const MAX_STUDY_WEEKS: u32 = 52;
/// Most hours a week a subject may have.
pub const MAX_HOURS_PER_WEEK: u32 = 40;

/// Errors of a load policy and of the load check's inputs.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LoadError {
    /// A per-day limit of zero.
    #[error("the per-day limit of assessment procedures must be at least 1, got {limit}")]
    InvalidPerDayLimit {
        /// The limit given.
        limit: u32,
    },
    /// A year share outside (0, 100].
    #[error("the year share limit {percent}% must be greater than 0 and at most 100")]
    InvalidYearShare {
        /// The share given, percent.
        percent: Decimal,
    },
    /// A negative number of hours.
    #[error("the hours-a-week exemption {hours} must not be negative")]
    InvalidExemptHours {
        /// The hours given.
        hours: Decimal,
    },
    /// A number of study weeks outside 1–52.
    #[error("the study weeks of a year must be from 1 to {MAX_STUDY_WEEKS}, got {weeks}")]
    InvalidStudyWeeks {
        /// The weeks given.
        weeks: u32,
    },
    /// Hours a week outside (0, 40].
    #[error("hours a week must be greater than 0 and at most {MAX_HOURS_PER_WEEK}, got {hours}")]
    InvalidHoursPerWeek {
        /// The hours given.
        hours: Decimal,
    },
    /// Planned hours for a year outside (0, 2080].
    #[error(
        "planned hours of {subject} in {class_id} must be greater than 0 and at most {MAX_PLANNED_HOURS}, got {hours}"
    )]
    InvalidPlannedHours {
        /// The class.
        class_id: ClassId,
        /// The subject.
        subject: SubjectId,
        /// The hours given.
        hours: Decimal,
    },
    /// Two different planned hours for one class and subject.
    #[error("planned hours of {subject} in {class_id} given twice: {first} and {second}")]
    ConflictingPlannedHours {
        /// The class.
        class_id: ClassId,
        /// The subject.
        subject: SubjectId,
        /// The hours given first.
        first: Decimal,
        /// The other hours given.
        second: Decimal,
    },
}

impl LoadError {
    /// The stable machine code, e.g. `"load.invalid_year_share"`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::InvalidPerDayLimit { .. } => "load.invalid_per_day_limit",
            Self::InvalidYearShare { .. } => "load.invalid_year_share",
            Self::InvalidExemptHours { .. } => "load.invalid_exempt_hours",
            Self::InvalidStudyWeeks { .. } => "load.invalid_study_weeks",
            Self::InvalidHoursPerWeek { .. } => "load.invalid_hours_per_week",
            Self::InvalidPlannedHours { .. } => "load.invalid_planned_hours",
            Self::ConflictingPlannedHours { .. } => "load.conflicting_planned_hours",
        }
    }
}

fn check_study_weeks(weeks: u32) -> Result<u32, LoadError> {
    if weeks == 0 || weeks > MAX_STUDY_WEEKS {
        return Err(LoadError::InvalidStudyWeeks { weeks });
    }
    Ok(weeks)
}

/// The limits of the load check. [`LoadPolicy::default`] is the letters'.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "LoadPolicyFields", into = "LoadPolicyFields")]
pub struct LoadPolicy {
    max_per_day: u32,
    exempt_hours_per_week: Decimal,
    min_days_between: u32,
    max_year_share: Decimal,
    study_weeks: u32,
}

#[derive(Serialize, Deserialize)]
struct LoadPolicyFields {
    max_per_day: u32,
    exempt_hours_per_week: Decimal,
    min_days_between: u32,
    max_year_share: Decimal,
    #[serde(default = "default_study_weeks")]
    study_weeks: u32,
}

fn default_study_weeks() -> u32 {
    STUDY_WEEKS
}

impl TryFrom<LoadPolicyFields> for LoadPolicy {
    type Error = LoadError;
    fn try_from(f: LoadPolicyFields) -> Result<Self, Self::Error> {
        LoadPolicy::new(
            f.max_per_day,
            f.exempt_hours_per_week,
            f.min_days_between,
            f.max_year_share,
            f.study_weeks,
        )
    }
}

impl From<LoadPolicy> for LoadPolicyFields {
    fn from(p: LoadPolicy) -> Self {
        LoadPolicyFields {
            max_per_day: p.max_per_day,
            exempt_hours_per_week: p.exempt_hours_per_week,
            min_days_between: p.min_days_between,
            max_year_share: p.max_year_share,
            study_weeks: p.study_weeks,
        }
    }
}

impl Default for LoadPolicy {
    /// 1 a day; first/last lesson allowed only with ≤ 1 hour a week; 18 days
    /// between two of a subject (2.5 weeks, see the module docs); ≤ 10% of
    /// the subject's planned hours; 34 study weeks.
    fn default() -> Self {
        LoadPolicy {
            max_per_day: 1,
            exempt_hours_per_week: Decimal::ONE,
            min_days_between: 18,
            max_year_share: Decimal::TEN,
            study_weeks: STUDY_WEEKS,
        }
    }
}

impl LoadPolicy {
    /// A policy with these limits: at most `max_per_day` per class per day;
    /// first/last lessons allowed for subjects of at most
    /// `exempt_hours_per_week` hours a week; two of a subject at least
    /// `min_days_between` days apart (0 turns the rule off); at most
    /// `max_year_share` percent of a subject's planned hours; a year of
    /// `study_weeks` study weeks (34; 33 for grade 1), by which a subject's
    /// hours a week become its planned hours when no thematic plan gives
    /// them (see [`crate::journal::Journal::assessment_load`]).
    ///
    /// # Errors
    /// [`LoadError::InvalidPerDayLimit`] for a zero per-day limit,
    /// [`LoadError::InvalidExemptHours`] for negative hours,
    /// [`LoadError::InvalidYearShare`] for a share outside (0, 100],
    /// [`LoadError::InvalidStudyWeeks`] for weeks outside 1–52.
    ///
    /// # Example
    /// ```
    /// use rust_decimal::Decimal;
    /// use zhurnal::assessment_load::LoadPolicy;
    /// let lenient = LoadPolicy::new(2, Decimal::ONE, 14, Decimal::from(15), 34)?;
    /// assert_eq!(lenient.max_per_day(), 2);
    /// assert!(LoadPolicy::new(0, Decimal::ONE, 18, Decimal::TEN, 34).is_err());
    /// let first_grade = LoadPolicy::new(1, Decimal::ONE, 18, Decimal::TEN, 33)?;
    /// assert_eq!(first_grade.study_weeks(), 33);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        max_per_day: u32,
        exempt_hours_per_week: Decimal,
        min_days_between: u32,
        max_year_share: Decimal,
        study_weeks: u32,
    ) -> Result<LoadPolicy, LoadError> {
        if max_per_day == 0 {
            return Err(LoadError::InvalidPerDayLimit { limit: max_per_day });
        }
        if exempt_hours_per_week < Decimal::ZERO {
            return Err(LoadError::InvalidExemptHours {
                hours: exempt_hours_per_week,
            });
        }
        if max_year_share <= Decimal::ZERO || max_year_share > Decimal::ONE_HUNDRED {
            return Err(LoadError::InvalidYearShare {
                percent: max_year_share,
            });
        }
        check_study_weeks(study_weeks)?;
        Ok(LoadPolicy {
            max_per_day,
            exempt_hours_per_week,
            min_days_between,
            max_year_share,
            study_weeks,
        })
    }

    /// Most assessment procedures a class may have in a day.
    pub fn max_per_day(&self) -> u32 {
        self.max_per_day
    }
    /// Subjects with at most this many hours a week may hold one on the
    /// first or last lesson.
    pub fn exempt_hours_per_week(&self) -> Decimal {
        self.exempt_hours_per_week
    }
    /// Fewest days between two of a subject (18 = 2.5 weeks, rounded up
    /// to whole days).
    pub fn min_days_between(&self) -> u32 {
        self.min_days_between
    }
    /// Largest share of a subject's planned hours, percent.
    pub fn max_year_share(&self) -> Decimal {
        self.max_year_share
    }
    /// Study weeks of the year (34 by default).
    pub fn study_weeks(&self) -> u32 {
        self.study_weeks
    }

    /// Checks `lessons` (the lessons of the period, assessment or not:
    /// one school year's, or the part of it held so far) against the
    /// policy, the year share against `planned` (entries for other classes
    /// or subjects are ignored). Lists every breach, ordered by rule, class
    /// and date, and the subjects whose year share was not checked for want
    /// of planned hours.
    ///
    /// # Errors
    /// [`LoadError::ConflictingPlannedHours`] when `planned` gives two
    /// different hours for one class and subject (the same hours twice are
    /// fine).
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use rust_decimal::Decimal;
    /// use zhurnal::assessment_load::{LoadLesson, LoadPolicy, LoadRule, PlannedHours};
    /// use zhurnal::ids::*;
    /// let day = NaiveDate::from_ymd_opt(2021, 9, 20).unwrap();
    /// let lesson = |id, subject, slot| LoadLesson {
    ///     lesson: LessonId::new(id), class_id: ClassId::new(1), subgroup: None,
    ///     subject: SubjectId::new(subject), date: day, slot,
    ///     first_of_day: slot == 1, last_of_day: slot == 6,
    ///     hours_per_week: Decimal::from(4), assessment: true,
    /// };
    /// let algebra = PlannedHours::new(ClassId::new(1), SubjectId::new(10), Decimal::from(136))?;
    /// let report = LoadPolicy::default().check(&[lesson(1, 10, 2), lesson(2, 20, 3)], &[algebra])?;
    /// assert_eq!(report.breaches.iter().map(|b| b.rule).collect::<Vec<_>>(), [LoadRule::PerDay]);
    /// // subject 20 has no planned hours: its year share is not checked
    /// assert_eq!(report.year_share_skipped[0].subject, SubjectId::new(20));
    /// # Ok::<(), zhurnal::assessment_load::LoadError>(())
    /// ```
    pub fn check(
        &self,
        lessons: &[LoadLesson],
        planned: &[PlannedHours],
    ) -> Result<LoadReport, LoadError> {
        let planned = planned_by_subject(planned)?;
        let mut assessments: Vec<&LoadLesson> = lessons.iter().filter(|l| l.assessment).collect();
        assessments.sort_by_key(|l| (l.class_id, l.date, l.slot, l.lesson));
        let mut report = LoadReport::default();
        self.per_day(&assessments, &mut report.breaches);
        self.first_or_last(&assessments, &mut report.breaches);
        self.spacing(&assessments, &mut report.breaches);
        self.year_share(&assessments, &planned, &mut report);
        Ok(report)
    }

    fn per_day(&self, assessments: &[&LoadLesson], out: &mut Vec<LoadBreach>) {
        for day in assessments.chunk_by(|a, b| (a.class_id, a.date) == (b.class_id, b.date)) {
            let whole = day.iter().filter(|l| l.subgroup.is_none()).count();
            let mut per_group: BTreeMap<SubgroupId, usize> = BTreeMap::new();
            for group in day.iter().filter_map(|l| l.subgroup) {
                *per_group.entry(group).or_default() += 1;
            }
            let heaviest = whole + per_group.values().copied().max().unwrap_or(0);
            if heaviest > self.max_per_day as usize {
                out.push(LoadBreach::over(LoadRule::PerDay, day));
            }
        }
    }

    fn first_or_last(&self, assessments: &[&LoadLesson], out: &mut Vec<LoadBreach>) {
        for l in assessments {
            if (l.first_of_day || l.last_of_day) && l.hours_per_week > self.exempt_hours_per_week {
                out.push(LoadBreach::over(LoadRule::FirstOrLastLesson, &[l]));
            }
        }
    }

    fn spacing(&self, assessments: &[&LoadLesson], out: &mut Vec<LoadBreach>) {
        let mut by_subject: BTreeMap<(ClassId, SubjectId), Vec<&LoadLesson>> = BTreeMap::new();
        for l in assessments {
            by_subject
                .entry((l.class_id, l.subject))
                .or_default()
                .push(l);
        }
        let mut found = Vec::new();
        for list in by_subject.values() {
            for (i, a) in list.iter().enumerate() {
                // the next one a student of `a` also sits
                let next = list[i + 1..].iter().find(|b| clash(a, b));
                if let Some(b) = next {
                    let days = (b.date - a.date).num_days();
                    if days < i64::from(self.min_days_between) {
                        found.push(LoadBreach::over(LoadRule::SubjectSpacing, &[a, b]));
                    }
                }
            }
        }
        found.sort_by(|x, y| (x.class_id, &x.dates).cmp(&(y.class_id, &y.dates)));
        out.extend(found);
    }

    /// Assessment procedures per class, subgroup (or whole class) and
    /// subject against the class's planned hours of the subject.
    fn year_share(
        &self,
        assessments: &[&LoadLesson],
        planned: &BTreeMap<(ClassId, SubjectId), Decimal>,
        report: &mut LoadReport,
    ) {
        type Key = (ClassId, Option<SubgroupId>, SubjectId);
        let mut groups: BTreeMap<Key, Vec<&LoadLesson>> = BTreeMap::new();
        for l in assessments {
            groups
                .entry((l.class_id, l.subgroup, l.subject))
                .or_default()
                .push(l);
        }
        let mut skipped: BTreeMap<(ClassId, SubjectId), u32> = BTreeMap::new();
        for ((class_id, _, subject), list) in groups {
            let count = u32::try_from(list.len()).unwrap_or(u32::MAX);
            let Some(hours) = planned.get(&(class_id, subject)).copied() else {
                let n = skipped.entry((class_id, subject)).or_default();
                *n = n.saturating_add(count);
                continue;
            };
            let count = Decimal::from(count);
            if count * Decimal::ONE_HUNDRED > self.max_year_share * hours {
                let mut breach = LoadBreach::over(LoadRule::YearShare, &list);
                breach.planned_hours = Some(hours);
                breach.share = Some(round_half_up(count * Decimal::ONE_HUNDRED / hours));
                report.breaches.push(breach);
            }
        }
        report.year_share_skipped = skipped
            .into_iter()
            .map(|((class_id, subject), assessments)| YearShareSkipped {
                class_id,
                subject,
                assessments,
            })
            .collect();
    }
}

/// The planned hours by class and subject; the same entry twice is one.
fn planned_by_subject(
    planned: &[PlannedHours],
) -> Result<BTreeMap<(ClassId, SubjectId), Decimal>, LoadError> {
    let mut out = BTreeMap::new();
    for p in planned {
        let key = (p.class_id(), p.subject());
        match out.insert(key, p.hours()) {
            Some(first) if first != p.hours() => {
                return Err(LoadError::ConflictingPlannedHours {
                    class_id: key.0,
                    subject: key.1,
                    first,
                    second: p.hours(),
                });
            }
            _ => {}
        }
    }
    Ok(out)
}

/// Whether some student sits both assessment procedures.
fn clash(a: &LoadLesson, b: &LoadLesson) -> bool {
    match (a.subgroup, b.subgroup) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

/// One lesson as the load check sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoadLesson {
    /// The lesson.
    pub lesson: LessonId,
    /// The class (a subgroup's class).
    pub class_id: ClassId,
    /// The subgroup, or `None` for the whole class.
    pub subgroup: Option<SubgroupId>,
    /// The subject.
    pub subject: SubjectId,
    /// The date.
    pub date: NaiveDate,
    /// The lesson number in the bell schedule.
    pub slot: u8,
    /// Whether it is the class's first lesson that day.
    pub first_of_day: bool,
    /// Whether it is the class's last lesson that day.
    pub last_of_day: bool,
    /// The subject's hours a week in this class, for the first/last-lesson
    /// exemption only (the year share uses [`PlannedHours`]).
    pub hours_per_week: Decimal,
    /// Whether an assessment procedure is held in it: work of an
    /// assessment type assigned to the class (or subgroup) at this lesson.
    pub assessment: bool,
}

#[cfg(test)]
mod tests;
