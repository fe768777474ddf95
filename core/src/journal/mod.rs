//! The class journal: the school's lessons, marks and attendance behind
//! access checks, with an audit trail and the indexes the diary needs.
//!
//! A [`Journal`] owns a [`School`]. Every read and write takes the acting
//! person ([`Actor`], or an [`Edit`] that adds when and why) and is checked
//! by [`crate::access::authorize`] before anything happens; a refused call
//! is a coded error and changes nothing. Writes go through the school's
//! validated operations (enrolment, calendar, lesson), then update the
//! indexes and append to the [`AuditTrail`].
//!
//! - Writes: [`Journal::record_mark`], [`Journal::change_mark`],
//!   [`Journal::remove_mark`], [`Journal::set_attendance`] (the lesson's
//!   teacher: ОТ, ОП, ОСВ or present), [`Journal::set_absence_reason`] (the
//!   class teacher: УП, Б, НП), [`Journal::set_topic`],
//!   [`Journal::set_homework`], [`Journal::assign_work`],
//!   [`Journal::set_final_mark`]; for the administrator
//!   [`Journal::schedule_lesson`], [`Journal::edit_school`] and
//!   [`Journal::set_parent_grants`].
//! - Reads: [`Journal::journal_page`], [`Journal::class_period_marks`],
//!   [`Journal::school_period_marks`], the audit lists, attendance
//!   summaries, [`Journal::assessment_load`], [`Journal::what_do_i_need`]
//!   and the diary ([`Journal::diary_week`]).
//!
//! Parents' access: a parent reads a linked child's diary only while
//! their access is granted ([`ParentGrants`]). The parent application
//! registry decides that (an approved application, consent not revoked)
//! and feeds it through [`Journal::set_parent_grants`]; until it does, the
//! default grants every linked parent.

mod audit_reads;
pub mod diary;
mod error;
mod index;
mod lesson_writes;
mod pages;
mod reports;
mod snapshot;
mod targets;
mod writes;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_diary;
#[cfg(test)]
mod tests_fixture;
#[cfg(test)]
mod tests_load;
#[cfg(test)]
mod tests_properties;
#[cfg(test)]
mod tests_reports;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use diary::{
    DiaryDay, DiaryLesson, DiaryMark, DiarySubject, DiaryWeek, OverdueKind, OverdueWork,
};
pub use error::JournalError;
pub(crate) use index::{Index, LessonFacts};
pub use pages::PeriodMarkRow;
pub use snapshot::{JOURNAL_FORMAT, JOURNAL_VERSION};
pub use targets::TargetQuery;

use crate::Error;
use crate::access::{AccessFacts, Action, Actor, ParentGrants, authorize};
use crate::audit::{AuditTrail, Edit};
use crate::ids::{ClassId, LessonId, ParentId, StudentId, SubjectId, TeacherId};
use crate::lesson::NewLesson;
use crate::marks::{PeriodMark, WorkTypeCode};
use crate::school::{School, SchoolError};

/// A teacher's final period mark, kept beside the computed one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FinalMark {
    /// The class the student was in.
    pub class: ClassId,
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
/// assert_eq!(journal.audit_of_lesson(&Actor::teacher(TeacherId::new(1)), lesson)?.len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Journal {
    pub(crate) school: School,
    pub(crate) audit: AuditTrail,
    pub(crate) grants: ParentGrants,
    pub(crate) assigned: BTreeMap<(LessonId, WorkTypeCode), NaiveDate>,
    pub(crate) final_marks: BTreeMap<(StudentId, SubjectId, String), FinalMark>,
    pub(crate) index: Index,
}

impl Journal {
    /// A journal over `school`, with an empty audit trail and the default
    /// parent grants (every linked parent). Builds the indexes.
    pub fn new(school: School) -> Journal {
        let assigned = BTreeMap::new();
        let index = Index::build(&school, &assigned);
        Journal {
            school,
            audit: AuditTrail::new(),
            grants: ParentGrants::all_linked(),
            assigned,
            final_marks: BTreeMap::new(),
            index,
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
        self.index
            .lessons
            .get(&lesson)
            .copied()
            .ok_or_else(|| SchoolError::UnknownLesson { lesson }.into())
    }

    /// Schedules a lesson (the administrator's timetable work) through the
    /// school's checks.
    ///
    /// # Errors
    /// [`crate::access::AccessError`] unless the actor is an administrator;
    /// the school's errors of [`School::schedule_lesson`].
    ///
    /// # Example
    /// ```
    /// # use chrono::NaiveDate;
    /// # use zhurnal::{access::Actor, audit::Edit, calendar::{SchoolYear, Shift}, ids::*, journal::Journal, lesson::*, marks::*, organisation::*, school::School};
    /// # let d = |m, day| NaiveDate::from_ymd_opt(2014, m, day).unwrap();
    /// # let mut school = School::new(SchoolInfo::new(SchoolId::new(1), "Школа")?, SchoolYear::russian_2014_2015());
    /// # school.add_teacher(Teacher::new(TeacherId::new(1), PersonName::new("Сидорова", "Мария", None)?))?;
    /// # school.add_subject(Subject::new(SubjectId::new(1), "Математика", "Матем.")?)?;
    /// # school.add_class(Class::new(ClassId::new(1), ClassName::parse("5А")?, Some(TeacherId::new(1))))?;
    /// # school.add_student(Student::new(StudentId::new(1), PersonName::new("Орлов", "Пётр", None)?, d(1, 2)))?;
    /// # school.enrol(Enrolment::new(StudentId::new(1), ClassId::new(1), d(9, 1), None)?)?;
    /// # let lesson = school.schedule_lesson(NewLesson { date: d(9, 15), shift: Shift::First, slot: 1, group: LessonGroup::Class(ClassId::new(1)), subject: SubjectId::new(1), teacher: TeacherId::new(1), room: None })?;
    /// # let mut journal = Journal::new(school);
    /// # let at = d(9, 15).and_hms_opt(9, 0, 0).unwrap();
    /// # let (teacher, pupil, math, class) = (Actor::teacher(TeacherId::new(1)), StudentId::new(1), SubjectId::new(1), ClassId::new(1));
    /// # let admin = Actor::administrator(TeacherId::new(9));
    /// let new = NewLesson { date: d(9, 16), shift: Shift::First, slot: 1, group: LessonGroup::Class(class),
    ///     subject: math, teacher: TeacherId::new(1), room: None };
    /// let e = journal.schedule_lesson(&Edit::new(teacher, at), new.clone()).unwrap_err();
    /// assert_eq!(e.code(), "access.role_not_allowed");
    /// let id = journal.schedule_lesson(&Edit::new(admin, at), new)?;
    /// assert_eq!(journal.school().lesson(id).map(|l| l.date()), Some(d(9, 16)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn schedule_lesson(&mut self, edit: &Edit, new: NewLesson) -> Result<LessonId, Error> {
        self.authorize(edit.actor(), Action::ManageSchool)?;
        let id = self.school.schedule_lesson(new)?;
        if let Some(lesson) = self.school.lesson(id) {
            self.index.add_lesson(&self.school, lesson);
        }
        Ok(id)
    }

    /// Runs roster or timetable changes on the school (the administrator's),
    /// then rebuilds the indexes. Each school operation inside is atomic;
    /// when `change` fails, the operations it completed before stay.
    ///
    /// # Errors
    /// [`crate::access::AccessError`] unless the actor is an administrator
    /// (then `change` does not run); whatever `change` returns.
    ///
    /// # Example
    /// ```
    /// # use chrono::NaiveDate;
    /// # use zhurnal::{access::Actor, calendar::SchoolYear, ids::*, journal::Journal, organisation::*, school::School};
    /// # let school = School::new(SchoolInfo::new(SchoolId::new(1), "Школа")?, SchoolYear::russian_2014_2015());
    /// let mut journal = Journal::new(school);
    /// let admin = Actor::administrator(TeacherId::new(9));
    /// journal.edit_school(&admin, |s| s.add_class(Class::new(ClassId::new(1), ClassName::parse("5А")?, None)))?;
    /// assert!(journal.school().class(ClassId::new(1)).is_some());
    /// let e = journal.edit_school(&Actor::teacher(TeacherId::new(1)), |_| Ok(())).unwrap_err();
    /// assert_eq!(e.code(), "access.role_not_allowed");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn edit_school<T>(
        &mut self,
        actor: &Actor,
        change: impl FnOnce(&mut School) -> Result<T, Error>,
    ) -> Result<T, Error> {
        self.authorize(actor, Action::ManageSchool)?;
        let result = change(&mut self.school);
        self.index = Index::build(&self.school, &self.assigned);
        result
    }

    /// Replaces the parents' access grants (what the application registry
    /// feeds: approved applications whose consent is not revoked).
    ///
    /// # Errors
    /// [`crate::access::AccessError`] unless the actor is an administrator.
    ///
    /// # Example
    /// ```
    /// # use zhurnal::{access::{Actor, ParentGrants}, calendar::SchoolYear, ids::*, journal::Journal, organisation::*, school::School};
    /// # let school = School::new(SchoolInfo::new(SchoolId::new(1), "Школа")?, SchoolYear::russian_2014_2015());
    /// let mut journal = Journal::new(school);
    /// let grants = ParentGrants::only([(ParentId::new(1), StudentId::new(1))]);
    /// journal.set_parent_grants(&Actor::administrator(TeacherId::new(9)), grants.clone())?;
    /// assert_eq!(journal.parent_grants(), &grants);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn set_parent_grants(&mut self, actor: &Actor, grants: ParentGrants) -> Result<(), Error> {
        self.authorize(actor, Action::ManageSchool)?;
        self.grants = grants;
        Ok(())
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
        self.index
            .lessons
            .get(&lesson)
            .is_some_and(|f| f.teacher == teacher)
    }

    fn lesson_class(&self, lesson: LessonId) -> Option<ClassId> {
        self.index.lessons.get(&lesson).map(|f| f.class)
    }

    fn teaches_subject_in_class(
        &self,
        teacher: TeacherId,
        class: ClassId,
        subject: SubjectId,
    ) -> bool {
        self.index.teaching.contains(&(teacher, class, subject))
    }

    fn teaches_in_class(&self, teacher: TeacherId, class: ClassId) -> bool {
        self.index.teaches_class.contains(&(teacher, class))
    }

    fn is_class_teacher(&self, teacher: TeacherId, class: ClassId) -> bool {
        self.school
            .class(class)
            .is_some_and(|c| c.class_teacher() == Some(teacher))
    }

    fn is_class_teacher_of_student(&self, teacher: TeacherId, student: StudentId) -> bool {
        self.index.enrolments.get(&student).is_some_and(|list| {
            list.iter()
                .any(|e| self.is_class_teacher(teacher, e.class()))
        })
    }

    fn is_linked_parent(&self, parent: ParentId, student: StudentId) -> bool {
        self.index.links.contains(&(parent, student))
    }

    fn parent_access_granted(&self, parent: ParentId, student: StudentId) -> bool {
        self.grants.is_granted(parent, student)
    }
}
