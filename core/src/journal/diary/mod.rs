//! The student's diary: a week of lessons with marks and attendance,
//! overdue work, and the term's averages and period marks per subject.
//!
//! [`Journal::diary_week`](crate::journal::Journal::diary_week) builds it from the journal's indexes (lessons by
//! class and day, marks and attendance by lesson and student, running sums
//! per student and per class), so a week costs the same in September and
//! in May.
//!
//! - **Days**: the study days of the week (Monday to Friday or Saturday by
//!   the calendar), each with the lessons the student attends in journal
//!   order: lesson number and time, subject, room, teacher, topic,
//!   homework with its due date, marks with work type and weight, and the
//!   attendance code.
//! - **Overdue work**, as of `today`: debts («точка») given at lessons up
//!   to today, and work of a mandatory type assigned at a lesson the
//!   student attends ([`Journal::assign_work`](crate::journal::Journal::assign_work)), due before today, with no
//!   mark of that type for the student at that lesson (students exempt
//!   from the lesson, ОСВ, owe nothing).
//! - **Subjects**: for the term of the week, each subject the student has
//!   that week or has marks in this term: the weighted average as shown,
//!   the period mark computed by the school's policy, the teacher's final
//!   mark if set, and the class average: the weighted average of all the
//!   class's five-point marks in the subject this term.

mod build;

use chrono::{NaiveDate, NaiveTime};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::attendance::AttendanceCode;
use crate::calendar::Shift;
use crate::calendar::TermCode;
use crate::ids::{ClassId, LessonId, MarkId, StudentId, SubjectId, TeacherId};
use crate::lesson::Homework;
use crate::marks::{MarkValue, PeriodMark, Weight, WorkTypeCode};
use crate::organisation::PersonName;

/// A mark as the diary shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiaryMark {
    /// The mark's id.
    pub mark: MarkId,
    /// The value.
    pub value: MarkValue,
    /// The kind of work.
    pub work_type: WorkTypeCode,
    /// The kind of work's name («Контрольная работа»).
    pub work_type_name: String,
    /// The weight.
    pub weight: Weight,
}

/// A lesson in the diary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiaryLesson {
    /// The lesson.
    pub lesson: LessonId,
    /// The shift.
    pub shift: Shift,
    /// The lesson number.
    pub slot: u8,
    /// Start time, from the bell schedule.
    pub start: Option<NaiveTime>,
    /// End time.
    pub end: Option<NaiveTime>,
    /// The subject.
    pub subject: SubjectId,
    /// The subject's name.
    pub subject_name: String,
    /// The room.
    pub room: Option<String>,
    /// The teacher.
    pub teacher: TeacherId,
    /// The teacher's short name («Сидорова М. П.»).
    pub teacher_name: String,
    /// The topic.
    pub topic: Option<String>,
    /// The homework and its due date.
    pub homework: Option<Homework>,
    /// The student's marks at the lesson.
    pub marks: Vec<DiaryMark>,
    /// The student's attendance code (none: present).
    pub attendance: Option<AttendanceCode>,
}

/// A day of the diary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiaryDay {
    /// The date.
    pub date: NaiveDate,
    /// The holiday's name, when the day is in holidays.
    pub holiday: Option<String>,
    /// The lessons, in order.
    pub lessons: Vec<DiaryLesson>,
}

/// Why work is overdue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OverdueKind {
    /// A debt mark («точка»).
    Debt,
    /// Mandatory work past its due date without a mark.
    Missing,
}

/// A piece of overdue work.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OverdueWork {
    /// Why.
    pub kind: OverdueKind,
    /// The lesson the work belongs to.
    pub lesson: LessonId,
    /// The lesson's date.
    pub date: NaiveDate,
    /// The subject.
    pub subject: SubjectId,
    /// The subject's name.
    pub subject_name: String,
    /// The kind of work.
    pub work_type: WorkTypeCode,
    /// The kind of work's name.
    pub work_type_name: String,
    /// When it was due (for a debt: the lesson's date).
    pub due: NaiveDate,
}

/// A subject's standing in the term.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiarySubject {
    /// The subject.
    pub subject: SubjectId,
    /// Its name.
    pub subject_name: String,
    /// The student's weighted average as shown.
    pub average: Option<Decimal>,
    /// How many five-point marks.
    pub marks_counted: u32,
    /// The period mark computed by the policy.
    pub period_mark: PeriodMark,
    /// The teacher's final mark, if set.
    pub final_mark: Option<PeriodMark>,
    /// The class's weighted average over all its marks in the subject.
    pub class_average: Option<Decimal>,
}

/// A student's diary week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiaryWeek {
    /// The student.
    pub student: StudentId,
    /// Their name.
    pub student_name: PersonName,
    /// Their class in that week (on its first day in a class).
    pub class_id: Option<ClassId>,
    /// The Monday of the week.
    pub monday: NaiveDate,
    /// The date overdue work is judged on.
    pub today: NaiveDate,
    /// The study days.
    pub days: Vec<DiaryDay>,
    /// Overdue work, by date.
    pub overdue: Vec<OverdueWork>,
    /// The term of the week (its code), if any day is in a term.
    pub term: Option<TermCode>,
    /// The subjects' standing in that term, by name.
    pub subjects: Vec<DiarySubject>,
}
