//! Reading the audit trail: per lesson, per student, per author.

use super::Journal;
use crate::Error;
use crate::access::{Action, Actor};
use crate::audit::AuditEntry;
use crate::ids::{LessonId, StudentId, TeacherId};

impl Journal {
    /// The audit trail of a lesson, oldest first.
    ///
    /// # Errors
    /// [`crate::school::SchoolError::UnknownLesson`]; [`crate::access::AccessError`]
    /// unless the actor teaches the lesson, leads its class, or is an
    /// administrator.
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
    /// journal.set_topic(&Edit::new(teacher, at), lesson, Some("Натуральные числа"))?;
    /// let trail = journal.audit_of_lesson(&Actor::class_teacher(TeacherId::new(1)), lesson)?;
    /// assert_eq!((trail[0].seq, trail[0].actor, trail[0].change.kind()), (1, teacher, "topic"));
    /// assert_eq!(journal.audit_of_lesson(&Actor::student(pupil), lesson).unwrap_err().code(), "access.role_not_allowed");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn audit_of_lesson(
        &self,
        actor: &Actor,
        lesson: LessonId,
    ) -> Result<Vec<AuditEntry>, Error> {
        self.lesson_facts(lesson)?;
        self.authorize(actor, Action::ReadLessonAudit { lesson })?;
        Ok(self.audit.of_lesson(lesson))
    }

    /// The audit trail about a student, oldest first.
    ///
    /// # Errors
    /// [`crate::access::AccessError`] unless the actor leads the student's
    /// class or is an administrator.
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
    /// journal.record_mark(&Edit::new(teacher, at), lesson, pupil, MarkValue::Points(Points::FIVE), &WorkTypeCode::new("answer")?, None)?;
    /// assert_eq!(journal.audit_of_student(&Actor::class_teacher(TeacherId::new(1)), pupil)?.len(), 1);
    /// assert_eq!(journal.audit_of_student(&teacher, pupil).unwrap_err().code(), "access.role_not_allowed");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn audit_of_student(
        &self,
        actor: &Actor,
        student: StudentId,
    ) -> Result<Vec<AuditEntry>, Error> {
        self.authorize(actor, Action::ReadStudentAudit { student })?;
        Ok(self.audit.of_student(student))
    }

    /// The changes made by one staff member, oldest first.
    ///
    /// # Errors
    /// [`crate::access::AccessError`] unless the actor is that staff member
    /// or an administrator.
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
    /// journal.record_mark(&Edit::new(teacher, at), lesson, pupil, MarkValue::Points(Points::FIVE), &WorkTypeCode::new("answer")?, None)?;
    /// assert_eq!(journal.audit_by_author(&teacher, TeacherId::new(1))?.len(), 1);
    /// assert_eq!(journal.audit_by_author(&admin, TeacherId::new(1))?[0].actor, teacher);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn audit_by_author(
        &self,
        actor: &Actor,
        author: TeacherId,
    ) -> Result<Vec<AuditEntry>, Error> {
        self.authorize(actor, Action::ReadAuthorAudit { author })?;
        Ok(self.audit.by_author(author))
    }
}
