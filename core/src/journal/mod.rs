//! The class journal: the one writer of the school's records, behind
//! access checks, with an audit trail.
//!
//! A [`Journal`] owns a [`School`]. Every read and write takes the acting
//! person ([`Actor`], or an [`Edit`](crate::audit::Edit) that adds when
//! and why) and is checked by [`crate::access::authorize`] before anything
//! happens; a refused call is a coded error and changes nothing, the
//! school's index included. Writes go through the school's validated
//! operations, which keep its one index, then append to the
//! [`AuditTrail`]. These are the only public writes of journal records.
//!
//! - The teacher's writes: [`Journal::record_mark`],
//!   [`Journal::change_mark`], [`Journal::remove_mark`],
//!   [`Journal::set_attendance`] (the lesson's teacher: ОТ, ОП, ОСВ or
//!   present), [`Journal::set_absence_reason`] (the class teacher: УП, Б,
//!   НП), [`Journal::set_topic`], [`Journal::set_homework`],
//!   [`Journal::assign_work`], [`Journal::attach_plan`],
//!   [`Journal::set_final_mark`].
//! - The administrator's operations, each audited as a
//!   [`crate::audit::SchoolChange`]: the roster ([`Journal::add_class`],
//!   [`Journal::add_subgroup`], [`Journal::add_subgroup_member`],
//!   [`Journal::add_subject`], [`Journal::add_teacher`],
//!   [`Journal::add_student`], [`Journal::add_parent`],
//!   [`Journal::link_parent`], [`Journal::enrol`],
//!   [`Journal::end_enrolment`], [`Journal::transfer`],
//!   [`Journal::set_class_teacher`], [`Journal::set_work_types`],
//!   [`Journal::set_period_mark_policy`]), the timetable
//!   ([`Journal::schedule_lesson`], [`Journal::move_lesson`],
//!   [`Journal::cancel_lesson`]), the calendar ([`Journal::set_calendar`])
//!   and [`Journal::set_parent_grants`].
//! - Reads: [`Journal::journal_page`], [`Journal::class_period_marks`],
//!   [`Journal::school_period_marks`], [`Journal::term_marks`], the audit
//!   lists, attendance summaries, [`Journal::assessment_load`],
//!   [`Journal::what_do_i_need`] and the diary ([`Journal::diary_week`]).
//!
//! Parents' access fails closed: a journal grants no parent until told
//! ([`ParentGrants`], [`Journal::set_parent_grants`]). A
//! [`crate::handle::SchoolHandle`] decides instead from its application
//! registry on the date of each request (an approved application, consent
//! not revoked).

mod admin;
mod audit_reads;
pub mod diary;
mod error;
mod lesson_writes;
mod pages;
mod reports;
mod snapshot;
mod targets;
mod term_marks;
mod writes;

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use diary::{
    DiaryDay, DiaryLesson, DiaryMark, DiarySubject, DiaryWeek, OverdueKind, OverdueWork,
};
pub use error::JournalError;
pub use pages::PeriodMarkRow;
pub use snapshot::{JOURNAL_FORMAT, JOURNAL_VERSION};
pub use targets::TargetQuery;
pub use term_marks::TermMarks;

use crate::Error;
use crate::access::{AccessFacts, Action, Actor, ParentGrants, authorize};
use crate::audit::AuditTrail;
use crate::calendar::TermCode;
use crate::ids::{ClassId, LessonId, ParentId, StudentId, SubjectId, TeacherId};
use crate::marks::{PeriodMark, WorkTypeCode};
use crate::school::{HashMap, LessonFacts, School, SchoolError};

/// A teacher's final period mark, kept beside the computed one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FinalMark {
    /// The class the student was in.
    pub class_id: ClassId,
    /// The mark the teacher set.
    pub mark: PeriodMark,
}

/// The class journal of one school. See the [module documentation](self).
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use zhurnal::access::Actor;
/// use zhurnal::audit::Edit;
/// use zhurnal::calendar::{SchoolYear, Shift};
/// use zhurnal::ids::*;
/// use zhurnal::journal::Journal;
/// use zhurnal::lesson::{LessonGroup, NewLesson};
/// use zhurnal::marks::{MarkValue, Points, WorkTypeCode};
/// use zhurnal::organisation::*;
/// use zhurnal::school::School;
///
/// let d = |m, day| NaiveDate::from_ymd_opt(2014, m, day).unwrap();
/// let mut school = School::new(SchoolInfo::new(SchoolId::new(17), "Гимназия № 17")?, SchoolYear::russian_2014_2015());
/// school.add_teacher(Teacher::new(TeacherId::new(1), PersonName::new("Сидорова", "Мария", Some("Петровна"))?))?;
/// school.add_teacher(Teacher::new(TeacherId::new(2), PersonName::new("Кузнецова", "Ольга", None)?))?;
/// school.add_subject(Subject::new(SubjectId::new(1), "Математика", "Матем.")?)?;
/// school.add_class(Class::new(ClassId::new(1), ClassName::parse("5А")?, Some(TeacherId::new(1))))?;
/// school.add_student(Student::new(StudentId::new(1), PersonName::new("Орлов", "Пётр", None)?, d(1, 2)))?;
/// school.enrol(Enrolment::new(StudentId::new(1), ClassId::new(1), d(9, 1), None)?)?;
/// let mut journal = Journal::new(school);
///
/// let admin = Edit::new(Actor::administrator(TeacherId::new(9)), d(8, 30).and_hms_opt(9, 0, 0).unwrap());
/// let lesson = journal.schedule_lesson(&admin, NewLesson {
///     date: d(9, 1), shift: Shift::First, slot: 1, group: LessonGroup::Class(ClassId::new(1)),
///     subject: SubjectId::new(1), teacher: TeacherId::new(1), room: Some("21".into()),
/// })?;
/// let teacher = Edit::new(Actor::teacher(TeacherId::new(1)), d(9, 1).and_hms_opt(8, 40, 0).unwrap());
/// let answer = WorkTypeCode::new("answer")?;
/// let mark = journal.record_mark(&teacher, lesson, StudentId::new(1), MarkValue::Points(Points::FIVE), &answer, None)?;
/// // Another teacher may not write in this lesson, and nothing changes.
/// let other = Edit::new(Actor::teacher(TeacherId::new(2)), teacher.at());
/// let e = journal.remove_mark(&other, mark).unwrap_err();
/// assert_eq!(e.code(), "access.not_lesson_teacher");
/// // Scheduled by the administrator, marked by the teacher: both audited.
/// assert_eq!(journal.audit_of_lesson(&Actor::teacher(TeacherId::new(1)), lesson)?.len(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Journal {
    pub(crate) school: School,
    pub(crate) audit: AuditTrail,
    pub(crate) grants: ParentGrants,
    pub(crate) assigned: BTreeMap<(LessonId, WorkTypeCode), NaiveDate>,
    pub(crate) final_marks: BTreeMap<(StudentId, SubjectId, TermCode), FinalMark>,
    /// The assigned work of each class (derived from `assigned`).
    pub(crate) assigned_by_class: AssignedByClass,
}

/// Assigned work per class: lesson and work type → due date, and whether
/// the type is mandatory (so the diary's overdue check needs no catalogue
/// lookup).
pub(crate) type AssignedByClass = HashMap<ClassId, BTreeMap<(LessonId, WorkTypeCode), AssignedDue>>;

/// When assigned work is due, and whether its type is mandatory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct AssignedDue {
    pub(crate) due: NaiveDate,
    pub(crate) mandatory: bool,
    /// The lesson's facts (the diary needs no lookup).
    pub(crate) facts: LessonFacts,
}

/// Groups the assigned work by the class of its lesson.
pub(crate) fn assigned_by_class(
    school: &School,
    assigned: &BTreeMap<(LessonId, WorkTypeCode), NaiveDate>,
) -> AssignedByClass {
    let mut by_class = AssignedByClass::default();
    for ((lesson, work_type), due) in assigned {
        if let Some(facts) = school.index.lessons.get(lesson) {
            let mandatory = school
                .work_types()
                .get(work_type)
                .is_some_and(|w| w.is_mandatory());
            by_class.entry(facts.class).or_default().insert(
                (*lesson, work_type.clone()),
                AssignedDue {
                    due: *due,
                    mandatory,
                    facts: *facts,
                },
            );
        }
    }
    by_class
}

impl Journal {
    /// A journal over `school`, with an empty audit trail and no parent
    /// granted yet: parents read nothing until their access is granted
    /// ([`Journal::set_parent_grants`], or the application registry of a
    /// [`crate::handle::SchoolHandle`]). Fail closed.
    pub fn new(school: School) -> Journal {
        Journal {
            school,
            audit: AuditTrail::new(),
            grants: ParentGrants::none(),
            assigned: BTreeMap::new(),
            final_marks: BTreeMap::new(),
            assigned_by_class: AssignedByClass::default(),
        }
    }

    /// The school, read-only.
    pub fn school(&self) -> &School {
        &self.school
    }

    /// Gives the school back.
    pub fn into_school(self) -> School {
        self.school
    }

    /// The whole audit trail (for the host's storage; readers use the
    /// access-checked lists).
    pub fn audit_trail(&self) -> &AuditTrail {
        &self.audit
    }

    /// The parents' access grants in force.
    pub fn parent_grants(&self) -> &ParentGrants {
        &self.grants
    }

    /// Checks `action` for `actor`.
    pub(crate) fn authorize(&self, actor: &Actor, action: Action) -> Result<(), Error> {
        authorize(self, actor, &action)?;
        Ok(())
    }

    /// The indexed facts of a lesson.
    pub(crate) fn lesson_facts(&self, lesson: LessonId) -> Result<LessonFacts, Error> {
        self.school
            .index
            .lessons
            .get(&lesson)
            .copied()
            .ok_or_else(|| SchoolError::UnknownLesson { lesson }.into())
    }
}

impl PartialEq for Journal {
    /// Journals are equal when their records are; the indexes follow.
    fn eq(&self, other: &Journal) -> bool {
        self.school == other.school
            && self.audit == other.audit
            && self.grants == other.grants
            && self.assigned == other.assigned
            && self.final_marks == other.final_marks
    }
}

impl Eq for Journal {}

impl AccessFacts for Journal {
    fn teaches_lesson(&self, teacher: TeacherId, lesson: LessonId) -> bool {
        self.school
            .index
            .lessons
            .get(&lesson)
            .is_some_and(|f| f.teacher == teacher)
    }

    fn lesson_class(&self, lesson: LessonId) -> Option<ClassId> {
        self.school.index.lessons.get(&lesson).map(|f| f.class)
    }

    fn teaches_subject_in_class(
        &self,
        teacher: TeacherId,
        class: ClassId,
        subject: SubjectId,
    ) -> bool {
        self.school
            .index
            .teaching
            .contains(&(teacher, class, subject))
    }

    fn teaches_in_class(&self, teacher: TeacherId, class: ClassId) -> bool {
        self.school.index.teaches_class.contains(&(teacher, class))
    }

    fn is_class_teacher(&self, teacher: TeacherId, class: ClassId) -> bool {
        self.school
            .class(class)
            .is_some_and(|c| c.class_teacher() == Some(teacher))
    }

    fn is_class_teacher_of_student(&self, teacher: TeacherId, student: StudentId) -> bool {
        self.school
            .index
            .enrolments
            .get(&student)
            .is_some_and(|list| {
                list.iter()
                    .any(|e| self.is_class_teacher(teacher, e.class()))
            })
    }

    fn is_linked_parent(&self, parent: ParentId, student: StudentId) -> bool {
        self.school.index.links.contains(&(parent, student))
    }

    fn parent_access_granted(&self, parent: ParentId, student: StudentId) -> bool {
        self.grants.is_granted(parent, student)
    }
}
