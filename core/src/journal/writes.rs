//! Journal writes of marks and attendance. Each one checks the reason
//! text, finds its target, checks access, lets the school validate and
//! store (which keeps its one index), then append to the audit trail.

use super::{Journal, JournalError};
use crate::Error;
use crate::access::Action;
use crate::attendance::AttendanceCode;
use crate::audit::{AuditChange, Edit, MarkState};
use crate::ids::{LessonId, MarkId, StudentId};
use crate::marks::{MarkValue, Weight, WorkTypeCode};
use crate::school::{LessonFacts, MarkRecord, SchoolError};

fn state(m: &MarkRecord) -> MarkState {
    MarkState {
        value: m.value,
        work_type: m.work_type.clone(),
        weight: m.weight,
    }
}

fn is_reason(code: AttendanceCode) -> bool {
    matches!(
        code,
        AttendanceCode::Excused | AttendanceCode::Illness | AttendanceCode::Unexcused
    )
}

impl Journal {
    fn stored_mark(&self, mark: MarkId) -> Result<MarkRecord, Error> {
        self.school
            .mark(mark)
            .cloned()
            .ok_or_else(|| SchoolError::UnknownMark { mark }.into())
    }

    /// Records a mark at a lesson (weight: the work type's default unless
    /// given) and returns its id.
    ///
    /// # Errors
    /// [`JournalError::InvalidReason`]; [`SchoolError::UnknownLesson`];
    /// [`crate::access::AccessError`] unless the actor teaches the lesson;
    /// the school's checks
    /// (unknown student or work type, not enrolled that day, not in the
    /// subgroup).
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
    /// let control = WorkTypeCode::new("control")?;
    /// let id = journal.record_mark(&Edit::new(teacher, at), lesson, pupil, MarkValue::Points(Points::FOUR), &control, None)?;
    /// assert_eq!(journal.school().mark(id).map(|m| m.weight.to_string()), Some("3".into()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn record_mark(
        &mut self,
        edit: &Edit,
        lesson: LessonId,
        student: StudentId,
        value: MarkValue,
        work_type: &WorkTypeCode,
        weight: Option<Weight>,
    ) -> Result<MarkId, Error> {
        self.lesson_facts(lesson)?;
        self.authorize(edit.actor(), Action::WriteMark { lesson })?;
        let id = self
            .school
            .record_mark(lesson, student, value, work_type, weight)?;
        let record = self.stored_mark(id)?;
        self.audit.record(
            edit,
            Some(lesson),
            Some(student),
            AuditChange::Mark {
                mark: id,
                old: None,
                new: Some(state(&record)),
            },
        );
        Ok(id)
    }

    /// Changes a mark's value, work type and weight (`None`: kept for the
    /// same type, else the new type's default). The earlier mark stays in
    /// the audit trail.
    ///
    /// # Errors
    /// [`JournalError::InvalidReason`]; [`SchoolError::UnknownMark`];
    /// [`crate::access::AccessError`] unless the actor teaches the mark's
    /// lesson; [`crate::marks::MarkError::UnknownWorkType`].
    ///
    /// # Example
    /// ```
    /// # use zhurnal::journal::Journal;
    /// # use zhurnal::{access::Actor, audit::Edit, calendar::SchoolYear, ids::*, marks::*, organisation::*, school::School};
    /// # let school = School::new(SchoolInfo::new(SchoolId::new(1), "Школа")?, SchoolYear::russian_2014_2015());
    /// # let mut journal = Journal::new(school);
    /// # let at = chrono::NaiveDate::from_ymd_opt(2014, 9, 1).unwrap().and_hms_opt(9, 0, 0).unwrap();
    /// let edit = Edit::new(Actor::teacher(TeacherId::new(1)), at);
    /// let e = journal.change_mark(&edit, MarkId::new(1), MarkValue::Points(Points::FOUR), &WorkTypeCode::new("answer")?, None);
    /// assert_eq!(e.unwrap_err().code(), "school.unknown_mark");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn change_mark(
        &mut self,
        edit: &Edit,
        mark: MarkId,
        value: MarkValue,
        work_type: &WorkTypeCode,
        weight: Option<Weight>,
    ) -> Result<(), Error> {
        let old = self.stored_mark(mark)?;
        self.authorize(edit.actor(), Action::WriteMark { lesson: old.lesson })?;
        self.school.change_mark(mark, value, work_type, weight)?;
        let new = self.stored_mark(mark)?;
        if new == old {
            return Ok(());
        }
        self.audit.record(
            edit,
            Some(old.lesson),
            Some(old.student),
            AuditChange::Mark {
                mark,
                old: Some(state(&old)),
                new: Some(state(&new)),
            },
        );
        Ok(())
    }

    /// Removes a mark; the audit trail keeps it.
    ///
    /// # Errors
    /// [`JournalError::InvalidReason`]; [`SchoolError::UnknownMark`];
    /// [`crate::access::AccessError`] unless the actor teaches the lesson.
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
    /// let id = journal.record_mark(&Edit::new(teacher, at), lesson, pupil, MarkValue::Debt, &WorkTypeCode::new("homework")?, None)?;
    /// journal.remove_mark(&Edit::new(teacher, at).because("сдал")?, id)?;
    /// assert!(journal.school().mark(id).is_none());
    /// assert_eq!(journal.audit_of_lesson(&teacher, lesson)?.len(), 2); // given, removed
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn remove_mark(&mut self, edit: &Edit, mark: MarkId) -> Result<(), Error> {
        let old = self.stored_mark(mark)?;
        self.authorize(edit.actor(), Action::WriteMark { lesson: old.lesson })?;
        self.school.remove_mark(mark)?;
        self.audit.record(
            edit,
            Some(old.lesson),
            Some(old.student),
            AuditChange::Mark {
                mark,
                old: Some(state(&old)),
                new: None,
            },
        );
        Ok(())
    }

    /// The lesson's teacher records attendance: `Some(ОТ)` absent,
    /// `Some(ОП)` late, `Some(ОСВ)` exempt, `None` present (removes an
    /// entry). Marking ОТ where the class teacher already set a reason
    /// keeps the reason. Setting the same code again changes nothing.
    ///
    /// # Errors
    /// [`JournalError::InvalidReason`]; [`SchoolError::UnknownLesson`];
    /// [`crate::access::AccessError`] unless the actor teaches the lesson;
    /// [`JournalError::ReasonIsForClassTeacher`] for УП, Б, НП;
    /// [`SchoolError::UnknownStudent`], [`SchoolError::NotEnrolled`],
    /// [`SchoolError::NotInSubgroup`].
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
    /// use zhurnal::attendance::AttendanceCode;
    /// journal.set_attendance(&Edit::new(teacher, at), lesson, pupil, Some(AttendanceCode::Absent))?;
    /// let e = journal.set_attendance(&Edit::new(teacher, at), lesson, pupil, Some(AttendanceCode::Illness)).unwrap_err();
    /// assert_eq!(e.code(), "journal.reason_is_for_class_teacher");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn set_attendance(
        &mut self,
        edit: &Edit,
        lesson: LessonId,
        student: StudentId,
        code: Option<AttendanceCode>,
    ) -> Result<(), Error> {
        let facts = self.lesson_facts(lesson)?;
        self.authorize(edit.actor(), Action::WriteAttendance { lesson })?;
        if let Some(code) = code.filter(|c| is_reason(*c)) {
            return Err(JournalError::ReasonIsForClassTeacher { code }.into());
        }
        self.require_attends(student, &facts)?;
        let current = self
            .school
            .index
            .cell_attendance
            .get(&(lesson, student))
            .copied();
        let old = current.map(|r| r.code);
        let unchanged =
            old == code || (code == Some(AttendanceCode::Absent) && old.is_some_and(is_reason));
        if unchanged {
            return Ok(());
        }
        match (current, code) {
            (None, Some(c)) => {
                self.school.record_attendance(lesson, student, c)?;
            }
            (Some(r), Some(c)) => {
                self.school.change_attendance(r.id, c)?;
            }
            (Some(r), None) => {
                self.school.remove_attendance(r.id)?;
            }
            (None, None) => return Ok(()),
        }
        self.audit.record(
            edit,
            Some(lesson),
            Some(student),
            AuditChange::Attendance { old, new: code },
        );
        Ok(())
    }

    /// The class teacher turns an absence into a reason: УП, Б or НП
    /// (also from one reason to another). Give the reason's source with
    /// [`Edit::because`].
    ///
    /// # Errors
    /// [`JournalError::InvalidReason`]; [`SchoolError::UnknownLesson`];
    /// [`crate::access::AccessError`] unless the actor acts as the class
    /// teacher of the lesson's class; [`JournalError::NotAReason`] for ОТ,
    /// ОП, ОСВ; [`JournalError::NotAbsent`] without an absence entry.
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
    /// use zhurnal::attendance::AttendanceCode;
    /// journal.set_attendance(&Edit::new(teacher, at), lesson, pupil, Some(AttendanceCode::Absent))?;
    /// let class_teacher = Actor::class_teacher(TeacherId::new(1));
    /// journal.set_absence_reason(&Edit::new(class_teacher, at).because("справка")?, lesson, pupil, AttendanceCode::Illness)?;
    /// assert_eq!(journal.school().attendance_of_lesson(lesson)[0].code, AttendanceCode::Illness);
    /// let e = journal.set_absence_reason(&Edit::new(teacher, at), lesson, pupil, AttendanceCode::Excused).unwrap_err();
    /// assert_eq!(e.code(), "access.role_not_allowed"); // a subject teacher does not set reasons
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn set_absence_reason(
        &mut self,
        edit: &Edit,
        lesson: LessonId,
        student: StudentId,
        reason: AttendanceCode,
    ) -> Result<(), Error> {
        let facts = self.lesson_facts(lesson)?;
        self.authorize(
            edit.actor(),
            Action::SetAbsenceReason {
                class_id: facts.class,
            },
        )?;
        if !is_reason(reason) {
            return Err(JournalError::NotAReason { code: reason }.into());
        }
        let current = self
            .school
            .index
            .cell_attendance
            .get(&(lesson, student))
            .copied()
            .filter(|r| r.code == AttendanceCode::Absent || is_reason(r.code))
            .ok_or(JournalError::NotAbsent { student, lesson })?;
        if current.code == reason {
            return Ok(());
        }
        self.school.change_attendance(current.id, reason)?;
        self.audit.record(
            edit,
            Some(lesson),
            Some(student),
            AuditChange::Attendance {
                old: Some(current.code),
                new: Some(reason),
            },
        );
        Ok(())
    }

    /// Checks that a student exists and attends the lesson (the school's
    /// rule, from the indexes), with the school's errors.
    fn require_attends(&self, student: StudentId, facts: &LessonFacts) -> Result<(), Error> {
        if self.school.student(student).is_none() {
            return Err(SchoolError::UnknownStudent { student }.into());
        }
        self.school.index.check_attends(student, facts)?;
        Ok(())
    }
}
