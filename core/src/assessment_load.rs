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
//!    of the class's day, except in subjects with one hour a week (or less).
//! 3. [`LoadRule::SubjectSpacing`]: at most one per subject per 2.5 weeks.
//!    2.5 weeks are 17.5 days; dates are whole days, so two assessment
//!    procedures of the same class and subject **less than 18 days apart**
//!    (date difference 0–17, e.g. 1 and 18 September) are a breach, and 18
//!    days apart (1 and 19 September) are not.
//! 4. [`LoadRule::YearShare`]: at most 10% of a subject's lessons in the
//!    year; the share is exact (`assessments × 100 > 10 × lessons` is a
//!    breach), counted over the lessons passed in, which should be one
//!    school year's.
//!
//! Subgroups: two assessment procedures clash only when some student sits
//! both, that is when either is for the whole class or both are for the
//! same subgroup; group 1's and group 2's English tests on one day are
//! fine. The year share is counted per class, subgroup (or the whole
//! class) and subject.
//!
//! The check runs over plain inputs ([`LoadLesson`]), so a host can check
//! a planned schedule too; the journal builds them from its lessons.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::ids::{ClassId, LessonId, SubgroupId, SubjectId};
use crate::rounding::percent_share;

/// Errors of a load policy.
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
}

impl LoadError {
    /// The stable machine code, e.g. `"load.invalid_year_share"`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::InvalidPerDayLimit { .. } => "load.invalid_per_day_limit",
            Self::InvalidYearShare { .. } => "load.invalid_year_share",
            Self::InvalidExemptHours { .. } => "load.invalid_exempt_hours",
        }
    }
}

/// The limits of the load check. [`LoadPolicy::default`] is the letters'.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "LoadPolicyFields", into = "LoadPolicyFields")]
pub struct LoadPolicy {
    max_per_day: u32,
    exempt_hours_per_week: Decimal,
    min_days_between: u32,
    max_year_share: Decimal,
}

#[derive(Serialize, Deserialize)]
struct LoadPolicyFields {
    max_per_day: u32,
    exempt_hours_per_week: Decimal,
    min_days_between: u32,
    max_year_share: Decimal,
}

impl TryFrom<LoadPolicyFields> for LoadPolicy {
    type Error = LoadError;
    fn try_from(f: LoadPolicyFields) -> Result<Self, Self::Error> {
        LoadPolicy::new(
            f.max_per_day,
            f.exempt_hours_per_week,
            f.min_days_between,
            f.max_year_share,
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
        }
    }
}

impl Default for LoadPolicy {
    /// 1 a day; first/last lesson allowed only with ≤ 1 hour a week; 18 days
    /// between two of a subject (2.5 weeks, see the module docs); ≤ 10% of
    /// the subject's lessons.
    fn default() -> Self {
        LoadPolicy {
            max_per_day: 1,
            exempt_hours_per_week: Decimal::ONE,
            min_days_between: 18,
            max_year_share: Decimal::TEN,
        }
    }
}

impl LoadPolicy {
    /// A policy with these limits: at most `max_per_day` per class per day;
    /// first/last lessons allowed for subjects of at most
    /// `exempt_hours_per_week` hours a week; two of a subject at least
    /// `min_days_between` days apart (0 turns the rule off); at most
    /// `max_year_share` percent of a subject's lessons.
    ///
    /// # Errors
    /// [`LoadError::InvalidPerDayLimit`] for a zero per-day limit,
    /// [`LoadError::InvalidExemptHours`] for negative hours,
    /// [`LoadError::InvalidYearShare`] for a share outside (0, 100].
    ///
    /// # Example
    /// ```
    /// use rust_decimal::Decimal;
    /// use zhurnal::assessment_load::LoadPolicy;
    /// let lenient = LoadPolicy::new(2, Decimal::ONE, 14, Decimal::from(15))?;
    /// assert_eq!(lenient.max_per_day(), 2);
    /// assert!(LoadPolicy::new(0, Decimal::ONE, 18, Decimal::TEN).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        max_per_day: u32,
        exempt_hours_per_week: Decimal,
        min_days_between: u32,
        max_year_share: Decimal,
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
        Ok(LoadPolicy {
            max_per_day,
            exempt_hours_per_week,
            min_days_between,
            max_year_share,
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
    /// Largest share of a subject's lessons, percent.
    pub fn max_year_share(&self) -> Decimal {
        self.max_year_share
    }

    /// Checks `lessons` (all lessons of the period, assessment or not;
    /// one school year's for the year share) and lists every breach,
    /// ordered by rule, class and date.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use rust_decimal::Decimal;
    /// use zhurnal::assessment_load::{LoadLesson, LoadPolicy, LoadRule};
    /// use zhurnal::ids::*;
    /// let day = NaiveDate::from_ymd_opt(2021, 9, 20).unwrap();
    /// let lesson = |id, subject, slot| LoadLesson {
    ///     lesson: LessonId::new(id), class: ClassId::new(1), subgroup: None,
    ///     subject: SubjectId::new(subject), date: day, slot,
    ///     first_of_day: slot == 1, last_of_day: slot == 6,
    ///     hours_per_week: Decimal::from(4), assessment: true,
    /// };
    /// let breaches = LoadPolicy::default().check(&[lesson(1, 10, 2), lesson(2, 20, 3)]);
    /// assert!(breaches.iter().any(|b| b.rule == LoadRule::PerDay));
    /// ```
    pub fn check(&self, lessons: &[LoadLesson]) -> Vec<LoadBreach> {
        let mut assessments: Vec<&LoadLesson> = lessons.iter().filter(|l| l.assessment).collect();
        assessments.sort_by_key(|l| (l.class, l.date, l.slot, l.lesson));
        let mut breaches = Vec::new();
        self.per_day(&assessments, &mut breaches);
        self.first_or_last(&assessments, &mut breaches);
        self.spacing(&assessments, &mut breaches);
        self.year_share(lessons, &mut breaches);
        breaches
    }

    fn per_day(&self, assessments: &[&LoadLesson], out: &mut Vec<LoadBreach>) {
        for day in assessments.chunk_by(|a, b| (a.class, a.date) == (b.class, b.date)) {
            let whole = day.iter().filter(|l| l.subgroup.is_none()).count();
            let mut per_group: BTreeMap<SubgroupId, usize> = BTreeMap::new();
            for group in day.iter().filter_map(|l| l.subgroup) {
                *per_group.entry(group).or_default() += 1;
            }
            let heaviest = whole + per_group.values().copied().max().unwrap_or(0);
            if heaviest > self.max_per_day as usize {
                out.push(LoadBreach::over(LoadRule::PerDay, day, None));
            }
        }
    }

    fn first_or_last(&self, assessments: &[&LoadLesson], out: &mut Vec<LoadBreach>) {
        for l in assessments {
            if (l.first_of_day || l.last_of_day) && l.hours_per_week > self.exempt_hours_per_week {
                out.push(LoadBreach::over(LoadRule::FirstOrLastLesson, &[l], None));
            }
        }
    }

    fn spacing(&self, assessments: &[&LoadLesson], out: &mut Vec<LoadBreach>) {
        let mut by_subject: BTreeMap<(ClassId, SubjectId), Vec<&LoadLesson>> = BTreeMap::new();
        for l in assessments {
            by_subject.entry((l.class, l.subject)).or_default().push(l);
        }
        let mut found = Vec::new();
        for list in by_subject.values() {
            for (i, a) in list.iter().enumerate() {
                // the next one a student of `a` also sits
                let next = list[i + 1..].iter().find(|b| clash(a, b));
                if let Some(b) = next {
                    let days = (b.date - a.date).num_days();
                    if days < i64::from(self.min_days_between) {
                        found.push(LoadBreach::over(LoadRule::SubjectSpacing, &[a, b], None));
                    }
                }
            }
        }
        found.sort_by(|x, y| (x.class, &x.dates).cmp(&(y.class, &y.dates)));
        out.extend(found);
    }

    fn year_share(&self, lessons: &[LoadLesson], out: &mut Vec<LoadBreach>) {
        type Key = (ClassId, Option<SubgroupId>, SubjectId);
        let mut groups: BTreeMap<Key, (u64, Vec<&LoadLesson>)> = BTreeMap::new();
        for l in lessons {
            let entry = groups.entry((l.class, l.subgroup, l.subject)).or_default();
            entry.0 += 1;
            if l.assessment {
                entry.1.push(l);
            }
        }
        for (total, mut list) in groups.into_values() {
            let count = list.len() as u64;
            if Decimal::from(count) * Decimal::ONE_HUNDRED
                > self.max_year_share * Decimal::from(total)
            {
                list.sort_by_key(|l| (l.date, l.slot, l.lesson));
                out.push(LoadBreach::over(
                    LoadRule::YearShare,
                    &list,
                    percent_share(count, total),
                ));
            }
        }
    }
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
    pub class: ClassId,
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
    /// The subject's hours a week in this class.
    pub hours_per_week: Decimal,
    /// Whether an assessment procedure is held in it.
    pub assessment: bool,
}

/// A rule of the load check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LoadRule {
    /// More than the per-day limit for a class.
    PerDay,
    /// On the first or last lesson of the day in a subject with more than
    /// the exempt hours a week.
    FirstOrLastLesson,
    /// Two of a subject closer than the minimum number of days.
    SubjectSpacing,
    /// More than the year share of a subject's lessons.
    YearShare,
}

impl LoadRule {
    /// A stable machine code, e.g. `"load.per_day"`.
    pub fn code(self) -> &'static str {
        match self {
            LoadRule::PerDay => "load.per_day",
            LoadRule::FirstOrLastLesson => "load.first_or_last_lesson",
            LoadRule::SubjectSpacing => "load.subject_spacing",
            LoadRule::YearShare => "load.year_share",
        }
    }
}

impl std::fmt::Display for LoadRule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            LoadRule::PerDay => "more than the daily limit of assessment procedures",
            LoadRule::FirstOrLastLesson => "an assessment procedure on the first or last lesson",
            LoadRule::SubjectSpacing => "two assessment procedures of a subject too close",
            LoadRule::YearShare => "assessment procedures over the year share of lessons",
        })
    }
}

/// One breach of the load check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoadBreach {
    /// The rule broken.
    pub rule: LoadRule,
    /// The class.
    pub class: ClassId,
    /// The subjects involved (one, except for the per-day rule).
    pub subjects: Vec<SubjectId>,
    /// The dates involved, ascending.
    pub dates: Vec<NaiveDate>,
    /// The lessons involved, in date order.
    pub lessons: Vec<LessonId>,
    /// For the year share: the share of the subject's lessons, percent.
    pub share: Option<Decimal>,
}

impl LoadBreach {
    fn over(rule: LoadRule, involved: &[&LoadLesson], share: Option<Decimal>) -> LoadBreach {
        let mut subjects: Vec<SubjectId> = involved.iter().map(|l| l.subject).collect();
        subjects.sort();
        subjects.dedup();
        let mut dates: Vec<NaiveDate> = involved.iter().map(|l| l.date).collect();
        dates.sort();
        dates.dedup();
        LoadBreach {
            rule,
            class: involved.first().map_or(ClassId::new(0), |l| l.class),
            subjects,
            dates,
            lessons: involved.iter().map(|l| l.lesson).collect(),
            share,
        }
    }
}

impl std::fmt::Display for LoadBreach {
    /// `class#1, subject#10, 2021-09-20: more than the daily limit …`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.class)?;
        for s in &self.subjects {
            write!(f, ", {s}")?;
        }
        let dates: Vec<String> = self.dates.iter().map(|d| d.to_string()).collect();
        write!(f, ", {}: {}", dates.join(" and "), self.rule)?;
        if let Some(share) = self.share {
            write!(f, " ({share}%)")?;
        }
        Ok(())
    }
}

#[cfg(test)]
#[path = "assessment_load_tests.rs"]
mod tests;
