//! The school aggregate: one school's calendar, roster and journal.
//!
//! [`School`] holds the calendar, the work-type catalogue, the period-mark
//! policy, the organisation records (classes, subgroups and their members,
//! subjects, teachers, students, parents and their links to students,
//! enrolments) and the journal (lessons, marks, attendance).
//!
//! A school is built with its roster and timetable — `add_class`,
//! `add_subgroup`, `add_subgroup_member`, `add_subject`, `add_teacher`,
//! `add_student`, `add_parent`, `link_parent`, `enrol`, `end_enrolment`,
//! `set_class_teacher`, `set_work_types`, `set_period_mark_policy`,
//! `schedule_lesson` — each validating first and leaving the school
//! unchanged on error. Once it is in a [`crate::journal::Journal`] (or a
//! [`crate::handle::SchoolHandle`]), the journal's access-checked, audited
//! operations are the only way to change it; the journal records
//! themselves (topics, homework, marks, attendance) have no public write
//! here at all.
//!
//! The school keeps one index over its records (lessons by class and day,
//! marks and attendance by lesson and student, running sums per student
//! and class, enrolments, links): its writes keep it, the clash checks,
//! the journal's writes, the access checks and the diary read it.
//!
//! Marks and attendance entries are records with ids ([`MarkRecord`],
//! [`AttendanceRecord`]).
//!
//! Reads: lookups by id, lessons of a class (and subject) in a date range,
//! a student's marks in a subject and term with the weighted average and
//! the period mark ([`SubjectMarks`]), and a class journal page
//! ([`JournalPage`]). A whole school serialises to a versioned JSON
//! document ([`School::to_json`], [`School::from_json`]).

mod error;
mod index;
mod personal;
mod queries;
mod records;
mod records_write;
mod reports;
mod roster;
mod snapshot;
mod timetable;

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use error::SchoolError;
pub(crate) use index::{HashMap, Index, LessonFacts, Sums};
pub(crate) use personal::ClassSums;
pub use records::{AttendanceRecord, MarkRecord};
pub use reports::{JournalCell, JournalColumn, JournalPage, JournalRow, SubjectMarks};
pub use snapshot::{SNAPSHOT_FORMAT, SNAPSHOT_VERSION};

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
/// // Marks and attendance are written through the journal's audited API.
/// let mut journal = zhurnal::journal::Journal::new(school.clone());
/// let teacher = zhurnal::audit::Edit::new(zhurnal::access::Actor::teacher(TeacherId::new(1)), d(9, 1).and_hms_opt(9, 0, 0).unwrap());
/// let mark = journal.record_mark(&teacher, lesson, StudentId::new(1), MarkValue::Points(Points::FIVE), &WorkTypeCode::new("answer")?, None)?;
/// let marks = journal.school().subject_marks(StudentId::new(1), SubjectId::new(1), "Q1".parse()?)?;
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
#[derive(Debug, Clone, Serialize, Deserialize)]
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
    /// The lessons, by id (hashed: the diary looks up a week's lessons
    /// one by one; every ordered listing sorts).
    lessons: HashMap<LessonId, Lesson>,
    pub(crate) marks: BTreeMap<MarkId, MarkRecord>,
    pub(crate) attendance: BTreeMap<AttendanceId, AttendanceRecord>,
    /// The one index over the records, kept by the school's writes.
    pub(crate) index: Index,
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
            lessons: HashMap::default(),
            marks: BTreeMap::new(),
            attendance: BTreeMap::new(),
            index: Index::default(),
            next_lesson: 1,
            next_mark: 1,
            next_attendance: 1,
        }
    }
}

impl School {
    /// Stores a checked lesson (new, or with a changed topic or homework)
    /// and indexes it.
    fn insert_lesson(&mut self, lesson: Lesson) {
        let id = lesson.id();
        self.lessons.insert(id, lesson);
        if let Some(lesson) = self.lessons.get(&id) {
            self.index
                .add_lesson(&self.lessons, &self.calendar, &self.subgroups, lesson);
        }
    }

    /// Stores a checked attendance entry and indexes it.
    fn insert_attendance(&mut self, record: AttendanceRecord) {
        self.index
            .cell_attendance
            .insert((record.lesson, record.student), record);
        self.attendance.insert(record.id, record);
    }

    /// Stores a checked mark and indexes it.
    fn insert_mark(&mut self, record: MarkRecord) {
        self.index.add_mark(&record);
        self.marks.insert(record.id, record);
    }

    /// The lessons on `date`, through the index.
    fn lessons_on(&self, date: NaiveDate) -> impl Iterator<Item = &Lesson> {
        self.index
            .by_date
            .get(&date)
            .into_iter()
            .flatten()
            .filter_map(|id| self.lessons.get(id))
    }
}

impl PartialEq for School {
    /// Schools are equal when their records are; the index is derived
    /// from them.
    fn eq(&self, other: &School) -> bool {
        self.info == other.info
            && self.calendar == other.calendar
            && self.work_types == other.work_types
            && self.policy == other.policy
            && self.classes == other.classes
            && self.subgroups == other.subgroups
            && self.members == other.members
            && self.subjects == other.subjects
            && self.teachers == other.teachers
            && self.students == other.students
            && self.parents == other.parents
            && self.links == other.links
            && self.enrolments == other.enrolments
            && self.lessons == other.lessons
            && self.marks == other.marks
            && self.attendance == other.attendance
            && self.next_lesson == other.next_lesson
            && self.next_mark == other.next_mark
            && self.next_attendance == other.next_attendance
    }
}

impl Eq for School {}

#[cfg(test)]
mod tests;
