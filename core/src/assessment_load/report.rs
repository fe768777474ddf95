//! What the load check finds: the breaches, and the subjects whose 10%
//! rule it could not check.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::LoadLesson;
use crate::ids::{ClassId, LessonId, SubjectId};

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
    /// More than the year share of a subject's planned hours.
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
            LoadRule::YearShare => "assessment procedures over the year share of planned hours",
        })
    }
}

/// One breach of the load check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoadBreach {
    /// The rule broken.
    pub rule: LoadRule,
    /// The class.
    pub class_id: ClassId,
    /// The subjects involved (one, except for the per-day rule).
    pub subjects: Vec<SubjectId>,
    /// The dates involved, ascending.
    pub dates: Vec<NaiveDate>,
    /// The lessons involved, in date order.
    pub lessons: Vec<LessonId>,
    /// For the year share: the subject's planned hours for the year it was
    /// measured against.
    pub planned_hours: Option<Decimal>,
    /// For the year share: the assessment procedures as a share of the
    /// planned hours, percent, HALF-UP to 2 places.
    pub share: Option<Decimal>,
}

impl LoadBreach {
    pub(super) fn over(rule: LoadRule, involved: &[&LoadLesson]) -> LoadBreach {
        let mut subjects: Vec<SubjectId> = involved.iter().map(|l| l.subject).collect();
        subjects.sort();
        subjects.dedup();
        let mut dates: Vec<NaiveDate> = involved.iter().map(|l| l.date).collect();
        dates.sort();
        dates.dedup();
        LoadBreach {
            rule,
            class_id: involved.first().map_or(ClassId::new(0), |l| l.class_id),
            subjects,
            dates,
            lessons: involved.iter().map(|l| l.lesson).collect(),
            planned_hours: None,
            share: None,
        }
    }
}

impl std::fmt::Display for LoadBreach {
    /// `class#1, subject#10, 2021-09-20: more than the daily limit …`; the
    /// year share ends with `(4 of 34 planned hours, 11.76%)`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.class_id)?;
        for s in &self.subjects {
            write!(f, ", {s}")?;
        }
        let dates: Vec<String> = self.dates.iter().map(|d| d.to_string()).collect();
        write!(f, ", {}: {}", dates.join(" and "), self.rule)?;
        match (self.planned_hours, self.share) {
            (Some(hours), Some(share)) => write!(
                f,
                " ({} of {hours} planned hours, {share}%)",
                self.lessons.len()
            )?,
            (None, Some(share)) => write!(f, " ({share}%)")?,
            _ => {}
        }
        Ok(())
    }
}

/// A class's subject whose 10% rule was not checked: it has assessment
/// procedures, but its planned hours for the year are not known (no
/// [`crate::assessment_load::PlannedHours`] was given for it). The check
/// never guesses them from the lessons scheduled so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct YearShareSkipped {
    /// The class.
    pub class_id: ClassId,
    /// The subject.
    pub subject: SubjectId,
    /// Its assessment procedures in the lessons checked (all subgroups).
    pub assessments: u32,
}

impl std::fmt::Display for YearShareSkipped {
    /// `class#1, subject#10: 3 assessment procedures, the year share not
    /// checked: planned hours unknown`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}, {}: {} assessment procedures, the year share not checked: planned hours unknown",
            self.class_id, self.subject, self.assessments
        )
    }
}

/// The result of the load check.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoadReport {
    /// Every breach, ordered by rule, class and date.
    pub breaches: Vec<LoadBreach>,
    /// Subjects with assessment procedures whose year share was not checked
    /// for want of planned hours, by class and subject.
    pub year_share_skipped: Vec<YearShareSkipped>,
}
