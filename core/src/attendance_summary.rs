//! Attendance summaries: lessons missed by reason, whole days missed, the
//! share of lessons missed, and a flag for months with ≥ 30% missed.
//!
//! What counts (NetSchool's codes, see [`AttendanceCode`]):
//! - a lesson is **missed** when its code is ОТ, УП, Б or НП; ОП (late)
//!   counts as present and ОСВ (exempt) is not missed;
//! - the **share missed** is `100 × missed / expected`, where expected
//!   lessons are the student's lessons except those they were exempt
//!   from (ОСВ), exact and HALF-UP to two places;
//! - a **whole day missed** is a day on which the student had expected
//!   lessons and missed every one of them;
//! - a **month flag** marks each calendar month of the period whose share
//!   missed is at least [`MONTH_FLAG_PERCENT`] (30%).
//!
//! The summary runs over plain inputs ([`StudentLessonAttendance`]: each
//! lesson the student had, with the code if any), so it serves the
//! journal and bulk reports alike.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::attendance::AttendanceCode;
use crate::ids::{LessonId, StudentId};
use crate::rounding::percent_share;

/// The share of a month's lessons missed at which the month is flagged.
pub const MONTH_FLAG_PERCENT: u32 = 30;

/// One lesson a student had, with their attendance code (none: present).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct StudentLessonAttendance {
    /// The lesson.
    pub lesson: LessonId,
    /// Its date.
    pub date: NaiveDate,
    /// The code, or `None` when present.
    pub code: Option<AttendanceCode>,
}

/// Missed lessons by reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct MissedByReason {
    /// ОТ: reason not yet known.
    pub unknown: u32,
    /// УП: excused.
    pub excused: u32,
    /// Б: illness.
    pub illness: u32,
    /// НП: unexcused.
    pub unexcused: u32,
}

impl MissedByReason {
    /// All missed lessons.
    pub fn total(&self) -> u32 {
        self.unknown + self.excused + self.illness + self.unexcused
    }

    fn add(&mut self, other: &MissedByReason) {
        self.unknown += other.unknown;
        self.excused += other.excused;
        self.illness += other.illness;
        self.unexcused += other.unexcused;
    }
}

/// Counts of one stretch of lessons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AttendanceCounts {
    /// Lessons the student had.
    pub lessons: u32,
    /// Lessons they were exempt from (ОСВ).
    pub exempt: u32,
    /// Lessons they were late to (ОП, present).
    pub late: u32,
    /// Missed lessons by reason.
    pub missed: MissedByReason,
    /// Days on which every expected lesson was missed.
    pub days_missed: u32,
}

impl AttendanceCounts {
    /// Lessons the student was expected at: all but the exempt ones.
    pub fn expected(&self) -> u32 {
        self.lessons - self.exempt
    }

    /// `100 × missed / expected`, HALF-UP to two places; `None` without
    /// expected lessons.
    pub fn missed_share(&self) -> Option<Decimal> {
        percent_share(u64::from(self.missed.total()), u64::from(self.expected()))
    }

    fn add(&mut self, other: &AttendanceCounts) {
        self.lessons += other.lessons;
        self.exempt += other.exempt;
        self.late += other.late;
        self.missed.add(&other.missed);
        self.days_missed += other.days_missed;
    }

    /// Counts over lessons (days are whole days within them).
    fn of(lessons: &[StudentLessonAttendance]) -> AttendanceCounts {
        let mut counts = AttendanceCounts::default();
        let mut days: BTreeMap<NaiveDate, (u32, u32)> = BTreeMap::new();
        for l in lessons {
            counts.lessons += 1;
            let day = days.entry(l.date).or_default();
            match l.code {
                Some(AttendanceCode::Exempt) => counts.exempt += 1,
                Some(code) => {
                    day.0 += 1;
                    match code {
                        AttendanceCode::Late => counts.late += 1,
                        AttendanceCode::Absent => counts.missed.unknown += 1,
                        AttendanceCode::Excused => counts.missed.excused += 1,
                        AttendanceCode::Illness => counts.missed.illness += 1,
                        AttendanceCode::Unexcused => counts.missed.unexcused += 1,
                        AttendanceCode::Exempt => {}
                    }
                    if code.is_missed() {
                        day.1 += 1;
                    }
                }
                None => day.0 += 1,
            }
        }
        counts.days_missed = days
            .values()
            .filter(|(expected, missed)| *expected > 0 && expected == missed)
            .count() as u32;
        counts
    }
}

/// A calendar month with at least [`MONTH_FLAG_PERCENT`] of its lessons
/// missed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthFlag {
    /// The year.
    pub year: i32,
    /// The month, 1–12.
    pub month: u32,
    /// The month's counts.
    pub counts: AttendanceCounts,
    /// The share missed, percent.
    pub share: Decimal,
}

/// A student's attendance over a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttendanceSummary {
    /// The student.
    pub student: StudentId,
    /// First day of the period.
    pub start: NaiveDate,
    /// Last day of the period.
    pub end: NaiveDate,
    /// The counts over the period.
    pub counts: AttendanceCounts,
    /// The share of expected lessons missed, percent.
    pub missed_share: Option<Decimal>,
    /// Months with at least 30% missed.
    pub flagged_months: Vec<MonthFlag>,
}

impl AttendanceSummary {
    /// Summarises a student's lessons from `from` to `to` (inclusive;
    /// lessons outside are ignored).
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use zhurnal::attendance::AttendanceCode;
    /// use zhurnal::attendance_summary::{AttendanceSummary, StudentLessonAttendance};
    /// use zhurnal::ids::{LessonId, StudentId};
    /// let d = |day| NaiveDate::from_ymd_opt(2014, 9, day).unwrap();
    /// let lessons = [
    ///     StudentLessonAttendance { lesson: LessonId::new(1), date: d(15), code: Some(AttendanceCode::Illness) },
    ///     StudentLessonAttendance { lesson: LessonId::new(2), date: d(15), code: Some(AttendanceCode::Absent) },
    ///     StudentLessonAttendance { lesson: LessonId::new(3), date: d(16), code: None },
    ///     StudentLessonAttendance { lesson: LessonId::new(4), date: d(16), code: Some(AttendanceCode::Late) },
    /// ];
    /// let s = AttendanceSummary::of(StudentId::new(1), d(1), d(30), &lessons);
    /// assert_eq!(s.counts.missed.total(), 2);
    /// assert_eq!(s.counts.days_missed, 1);
    /// assert_eq!(s.missed_share.map(|x| x.to_string()), Some("50.00".into()));
    /// assert_eq!(s.flagged_months.len(), 1);
    /// ```
    pub fn of(
        student: StudentId,
        from: NaiveDate,
        to: NaiveDate,
        lessons: &[StudentLessonAttendance],
    ) -> AttendanceSummary {
        let mut by_month: BTreeMap<(i32, u32), Vec<StudentLessonAttendance>> = BTreeMap::new();
        for l in lessons.iter().filter(|l| from <= l.date && l.date <= to) {
            by_month
                .entry((l.date.year(), l.date.month()))
                .or_default()
                .push(*l);
        }
        let mut counts = AttendanceCounts::default();
        let mut flagged_months = Vec::new();
        for ((year, month), list) in by_month {
            let month_counts = AttendanceCounts::of(&list);
            counts.add(&month_counts);
            if let Some(share) = month_counts.missed_share()
                && share >= Decimal::from(MONTH_FLAG_PERCENT)
            {
                flagged_months.push(MonthFlag {
                    year,
                    month,
                    counts: month_counts,
                    share,
                });
            }
        }
        AttendanceSummary {
            student,
            start: from,
            end: to,
            missed_share: counts.missed_share(),
            counts,
            flagged_months,
        }
    }
}

/// A class's attendance over a period: each student's summary and the
/// totals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassAttendance {
    /// The students' summaries, in the order given.
    pub students: Vec<AttendanceSummary>,
    /// The sums over the students.
    pub totals: AttendanceCounts,
    /// The share of expected lessons missed over the class, percent.
    pub missed_share: Option<Decimal>,
    /// Students with at least one flagged month.
    pub flagged_students: Vec<StudentId>,
}

impl ClassAttendance {
    /// Totals over students' summaries.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use zhurnal::attendance::AttendanceCode;
    /// use zhurnal::attendance_summary::{AttendanceSummary, ClassAttendance, StudentLessonAttendance};
    /// use zhurnal::ids::{LessonId, StudentId};
    /// let d = NaiveDate::from_ymd_opt(2014, 9, 15).unwrap();
    /// let one = |code| [StudentLessonAttendance { lesson: LessonId::new(1), date: d, code }];
    /// let class = ClassAttendance::of(vec![
    ///     AttendanceSummary::of(StudentId::new(1), d, d, &one(Some(AttendanceCode::Unexcused))),
    ///     AttendanceSummary::of(StudentId::new(2), d, d, &one(None)),
    /// ]);
    /// assert_eq!(class.totals.missed.unexcused, 1);
    /// assert_eq!(class.missed_share.map(|x| x.to_string()), Some("50.00".into()));
    /// assert_eq!(class.flagged_students, vec![StudentId::new(1)]);
    /// ```
    pub fn of(students: Vec<AttendanceSummary>) -> ClassAttendance {
        let mut totals = AttendanceCounts::default();
        for s in &students {
            totals.add(&s.counts);
        }
        let flagged_students = students
            .iter()
            .filter(|s| !s.flagged_months.is_empty())
            .map(|s| s.student)
            .collect();
        ClassAttendance {
            missed_share: totals.missed_share(),
            totals,
            students,
            flagged_students,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2014, m, day).unwrap()
    }
    fn l(id: u32, date: NaiveDate, code: Option<AttendanceCode>) -> StudentLessonAttendance {
        StudentLessonAttendance {
            lesson: LessonId::new(id),
            date,
            code,
        }
    }

    #[test]
    fn reasons_late_and_exempt() {
        use AttendanceCode::*;
        let lessons = [
            l(1, d(9, 1), Some(Absent)),
            l(2, d(9, 1), Some(Excused)),
            l(3, d(9, 2), Some(Illness)),
            l(4, d(9, 2), Some(Unexcused)),
            l(5, d(9, 3), Some(Late)),
            l(6, d(9, 3), Some(Exempt)),
            l(7, d(9, 3), None),
            l(8, d(9, 4), None),
        ];
        let s = AttendanceSummary::of(StudentId::new(1), d(9, 1), d(9, 30), &lessons);
        let c = s.counts;
        assert_eq!(c.lessons, 8);
        assert_eq!(c.exempt, 1);
        assert_eq!(c.expected(), 7);
        assert_eq!(c.late, 1);
        assert_eq!(
            c.missed,
            MissedByReason {
                unknown: 1,
                excused: 1,
                illness: 1,
                unexcused: 1
            }
        );
        assert_eq!(c.days_missed, 2); // 1 and 2 September
        assert_eq!(s.missed_share, Some("57.14".parse().unwrap())); // 4 / 7
        assert_eq!(s.flagged_months.len(), 1);
    }

    #[test]
    fn exempt_days_are_not_missed_days() {
        use AttendanceCode::*;
        let lessons = [
            l(1, d(9, 1), Some(Exempt)),
            l(2, d(9, 2), Some(Exempt)),
            l(3, d(9, 2), Some(Illness)),
        ];
        let s = AttendanceSummary::of(StudentId::new(1), d(9, 1), d(9, 30), &lessons);
        assert_eq!(s.counts.days_missed, 1);
        assert_eq!(s.missed_share, Some("100.00".parse().unwrap()));
        // only exempt lessons: no share
        let s = AttendanceSummary::of(StudentId::new(1), d(9, 1), d(9, 1), &lessons);
        assert_eq!(s.missed_share, None);
        assert_eq!(s.counts.days_missed, 0);
    }

    #[test]
    fn month_flag_at_thirty_percent() {
        // September: 3 of 10 missed = 30% → flagged; October: 2 of 10 → not
        let mut lessons = Vec::new();
        for i in 0..10 {
            let code = (i < 3).then_some(AttendanceCode::Illness);
            lessons.push(l(i, d(9, 1 + i), code));
        }
        for i in 0..10 {
            let code = (i < 2).then_some(AttendanceCode::Unexcused);
            lessons.push(l(100 + i, d(10, 1 + i), code));
        }
        let s = AttendanceSummary::of(StudentId::new(1), d(9, 1), d(10, 31), &lessons);
        assert_eq!(s.flagged_months.len(), 1);
        let flag = s.flagged_months[0];
        assert_eq!((flag.year, flag.month), (2014, 9));
        assert_eq!(flag.share, "30.00".parse::<Decimal>().unwrap());
        assert_eq!(flag.counts.missed.illness, 3);
        assert_eq!(s.missed_share, Some("25.00".parse().unwrap()));
        // 29.xx% is not flagged: 7 of 24
        let mut lessons = Vec::new();
        for i in 0..24 {
            let code = (i < 7).then_some(AttendanceCode::Absent);
            lessons.push(l(i, d(11, 1 + i % 28), code));
        }
        let s = AttendanceSummary::of(StudentId::new(1), d(11, 1), d(11, 30), &lessons);
        assert_eq!(s.missed_share, Some("29.17".parse().unwrap()));
        assert!(s.flagged_months.is_empty());
    }

    #[test]
    fn period_bounds_and_empty() {
        let lessons = [l(1, d(8, 31), Some(AttendanceCode::Absent))];
        let s = AttendanceSummary::of(StudentId::new(1), d(9, 1), d(9, 30), &lessons);
        assert_eq!(s.counts, AttendanceCounts::default());
        assert_eq!(s.missed_share, None);
        let class = ClassAttendance::of(vec![]);
        assert_eq!(class.missed_share, None);
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(serde_json::from_str::<AttendanceSummary>(&json).unwrap(), s);
    }
}
