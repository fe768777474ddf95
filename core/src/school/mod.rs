//! The school aggregate: one school's calendar, roster and journal.
//!
//! [`School`] holds the calendar, the work-type catalogue, the period-mark
//! policy, the organisation records (classes, subgroups and their members,
//! subjects, teachers, students, parents and their links to students,
//! enrolments) and the journal (lessons, marks, attendance).
//!
//! Every change goes through a method of `School` that validates first and
//! leaves the school unchanged on error. The writes live in two places:
//! - the roster (classes, people, enrolments): `add_class`, `add_subgroup`,
//!   `add_subgroup_member`, `add_subject`, `add_teacher`, `add_student`,
//!   `add_parent`, `link_parent`, `enrol`, `end_enrolment`,
//!   `set_class_teacher`, `set_work_types`, `set_period_mark_policy`;
//! - the journal (lessons, marks, attendance): `schedule_lesson`,
//!   `set_topic`, `clear_topic`, `set_homework`, `clear_homework`,
//!   `attach_plan`, `record_mark`, `change_mark`, `remove_mark`,
//!   `record_attendance`, `change_attendance`, `remove_attendance`.
//!
//! Marks and attendance entries are records with ids ([`MarkRecord`],
//! [`AttendanceRecord`]); a change returns the previous record, a removal
//! the removed one, so a caller can keep a trail.
//!
//! Reads: lookups by id, lessons of a class (and subject) in a date range,
//! a student's marks in a subject and term with the weighted average and
//! the period mark ([`SubjectMarks`]), and a class journal page
//! ([`JournalPage`]). A whole school serialises to a versioned JSON
//! document ([`School::to_json`], [`School::from_json`]).

mod error;
mod queries;
mod records;
mod records_view;
mod records_write;
mod reports;
mod roster;
mod snapshot;

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use error::SchoolError;
pub use records::{AttendanceRecord, MarkRecord};
pub use reports::{JournalCell, JournalColumn, JournalPage, JournalRow, SubjectMarks};
pub use snapshot::{SNAPSHOT_FORMAT, SNAPSHOT_VERSION, SnapshotError};

use crate::calendar::SchoolYear;
use crate::ids::{
    AttendanceId, ClassId, LessonId, MarkId, ParentId, StudentId, SubgroupId, SubjectId, TeacherId,
};
use crate::lesson::Lesson;
use crate::marks::{PeriodMarkPolicy, WorkTypeCatalogue};
use crate::organisation::{
    Class, Enrolment, Parent, ParentLink, SchoolInfo, Student, Subgroup, Subject, Teacher,
};

/// One school: its calendar, roster and journal. See the [module
/// documentation](self) for the list of operations.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use zhurnal::calendar::{SchoolYear, Shift};
/// use zhurnal::ids::*;
/// use zhurnal::lesson::{LessonGroup, NewLesson};
/// use zhurnal::marks::{MarkValue, Points, WorkTypeCode};
/// use zhurnal::organisation::*;
/// use zhurnal::school::School;
///
/// let d = |m, day| NaiveDate::from_ymd_opt(2014, m, day).unwrap();
/// let born = NaiveDate::from_ymd_opt(2003, 9, 2).unwrap();
/// let mut school = School::new(SchoolInfo::new(SchoolId::new(17), "Гимназия № 17")?, SchoolYear::russian_2014_2015());
/// school.add_teacher(Teacher::new(TeacherId::new(1), PersonName::new("Сидорова", "Мария", Some("Петровна"))?))?;
/// school.add_subject(Subject::new(SubjectId::new(1), "Математика", "Матем.")?)?;
/// school.add_class(Class::new(ClassId::new(1), ClassName::parse("5А")?, Some(TeacherId::new(1))))?;
/// school.add_student(Student::new(StudentId::new(1), PersonName::new("Орлов", "Пётр", None)?, born))?;
/// school.enrol(Enrolment::new(StudentId::new(1), ClassId::new(1), d(9, 1), None)?)?;
/// let lesson = school.schedule_lesson(NewLesson {
///     date: d(9, 1), shift: Shift::First, slot: 1,
///     group: LessonGroup::Class(ClassId::new(1)),
///     subject: SubjectId::new(1), teacher: TeacherId::new(1), room: Some("21".into()),
/// })?;
/// let mark = school.record_mark(lesson, StudentId::new(1), MarkValue::Points(Points::FIVE), &WorkTypeCode::new("answer")?, None)?;
/// let marks = school.subject_marks(StudentId::new(1), SubjectId::new(1), "Q1")?;
/// assert_eq!(marks.marks[0].id, mark);
/// assert_eq!(marks.average_shown.map(|a| a.to_string()), Some("5.00".into()));
/// // A lesson on a holiday is refused and changes nothing.
/// let before = school.clone();
/// let e = school.schedule_lesson(NewLesson {
///     date: d(11, 4), shift: Shift::First, slot: 1,
///     group: LessonGroup::Class(ClassId::new(1)),
///     subject: SubjectId::new(1), teacher: TeacherId::new(1), room: None,
/// }).unwrap_err();
/// assert_eq!(e.code(), "calendar.lesson_on_holiday");
/// assert_eq!(school, before);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    into = "snapshot::SchoolSnapshot",
    try_from = "snapshot::SchoolSnapshot"
)]
pub struct School {
    info: SchoolInfo,
    calendar: SchoolYear,
    work_types: WorkTypeCatalogue,
    policy: PeriodMarkPolicy,
    classes: BTreeMap<ClassId, Class>,
    subgroups: BTreeMap<SubgroupId, Subgroup>,
    members: BTreeMap<SubgroupId, BTreeSet<StudentId>>,
    subjects: BTreeMap<SubjectId, Subject>,
    teachers: BTreeMap<TeacherId, Teacher>,
    students: BTreeMap<StudentId, Student>,
    parents: BTreeMap<ParentId, Parent>,
    links: Vec<ParentLink>,
    enrolments: Vec<Enrolment>,
    lessons: BTreeMap<LessonId, Lesson>,
    marks: BTreeMap<MarkId, MarkRecord>,
    attendance: BTreeMap<AttendanceId, AttendanceRecord>,
    /// Index: the lessons of each day (clash checks look at one day only).
    lesson_days: BTreeMap<NaiveDate, BTreeSet<LessonId>>,
    /// Index: the attendance entry of each (lesson, student).
    attendance_cells: BTreeMap<(LessonId, StudentId), AttendanceId>,
    next_lesson: u32,
    next_mark: u32,
    next_attendance: u32,
}

impl School {
    /// An empty school with this calendar, NetSchool's work-type catalogue
    /// and the default period-mark policy.
    pub fn new(info: SchoolInfo, calendar: SchoolYear) -> School {
        School {
            info,
            calendar,
            work_types: WorkTypeCatalogue::netschool(),
            policy: PeriodMarkPolicy::default(),
            classes: BTreeMap::new(),
            subgroups: BTreeMap::new(),
            members: BTreeMap::new(),
            subjects: BTreeMap::new(),
            teachers: BTreeMap::new(),
            students: BTreeMap::new(),
            parents: BTreeMap::new(),
            links: Vec::new(),
            enrolments: Vec::new(),
            lessons: BTreeMap::new(),
            marks: BTreeMap::new(),
            attendance: BTreeMap::new(),
            lesson_days: BTreeMap::new(),
            attendance_cells: BTreeMap::new(),
            next_lesson: 1,
            next_mark: 1,
            next_attendance: 1,
        }
    }
}

impl School {
    /// Stores a checked lesson and keeps the day index.
    fn insert_lesson(&mut self, lesson: Lesson) {
        self.lesson_days
            .entry(lesson.date())
            .or_default()
            .insert(lesson.id());
        self.lessons.insert(lesson.id(), lesson);
    }

    /// Stores a checked attendance entry and keeps the cell index.
    fn insert_attendance(&mut self, record: AttendanceRecord) {
        self.attendance_cells
            .insert((record.lesson, record.student), record.id);
        self.attendance.insert(record.id, record);
    }

    /// The lessons on `date`, through the day index.
    fn lessons_on(&self, date: NaiveDate) -> impl Iterator<Item = &Lesson> {
        self.lesson_days
            .get(&date)
            .into_iter()
            .flatten()
            .filter_map(|id| self.lessons.get(id))
    }
}

#[cfg(test)]
mod tests;
