//! Journal writes about a lesson and a term: topic, homework, assigned
//! work, and the teacher's final period mark. Same order of checks as
//! the mark and attendance writes.

use chrono::NaiveDate;

use super::{FinalMark, Journal, JournalError};
use crate::Error;
use crate::access::Action;
use crate::audit::{AuditChange, Edit};
use crate::calendar::TermCode;
use crate::ids::{ClassId, LessonId, StudentId, SubjectId};
use crate::lesson::Homework;
use crate::marks::{PeriodMark, WorkTypeCode};
use crate::school::SchoolError;

impl Journal {
    /// Sets (`Some`) or clears (`None`) a lesson's topic.
    ///
    /// # Errors
    /// [`JournalError::InvalidReason`]; [`SchoolError::UnknownLesson`];
    /// [`crate::access::AccessError`] unless the actor teaches the lesson;
    /// [`crate::lesson::LessonError`] for an empty or invalid topic.
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
    /// assert_eq!(journal.school().lesson(lesson).and_then(|l| l.topic()), Some("Натуральные числа"));
    /// journal.set_topic(&Edit::new(teacher, at), lesson, None)?;
    /// assert_eq!(journal.audit_of_lesson(&teacher, lesson)?.len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn set_topic(
        &mut self,
        edit: &Edit,
        lesson: LessonId,
        topic: Option<&str>,
    ) -> Result<(), Error> {
        self.lesson_facts(lesson)?;
        self.authorize(edit.actor(), Action::EditLesson { lesson })?;
        let old = self
            .school
            .lesson(lesson)
            .and_then(|l| l.topic().map(str::to_owned));
        match topic {
            Some(t) => self.school.set_topic(lesson, t)?,
            None => self.school.clear_topic(lesson)?,
        }
        let new = self
            .school
            .lesson(lesson)
            .and_then(|l| l.topic().map(str::to_owned));
        if new != old {
            self.audit
                .record(edit, Some(lesson), None, AuditChange::Topic { old, new });
        }
        Ok(())
    }

    /// Sets (`Some`) or clears (`None`) a lesson's homework.
    ///
    /// # Errors
    /// [`JournalError::InvalidReason`]; [`SchoolError::UnknownLesson`];
    /// [`crate::access::AccessError`] unless the actor teaches the lesson;
    /// [`crate::lesson::LessonError::HomeworkDueBeforeLesson`].
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
    /// journal.set_homework(&Edit::new(teacher, at), lesson, Some(Homework::new("№ 12, 15", d(9, 17))?))?;
    /// let e = journal.set_homework(&Edit::new(teacher, at), lesson, Some(Homework::new("№ 1", d(9, 1))?)).unwrap_err();
    /// assert_eq!(e.code(), "lesson.homework_due_before_lesson");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn set_homework(
        &mut self,
        edit: &Edit,
        lesson: LessonId,
        homework: Option<Homework>,
    ) -> Result<(), Error> {
        self.lesson_facts(lesson)?;
        self.authorize(edit.actor(), Action::EditLesson { lesson })?;
        let old = self
            .school
            .lesson(lesson)
            .and_then(|l| l.homework().cloned());
        match &homework {
            Some(h) => self.school.set_homework(lesson, h.text(), h.due())?,
            None => self.school.clear_homework(lesson)?,
        }
        if homework != old {
            self.audit.record(
                edit,
                Some(lesson),
                None,
                AuditChange::Homework { old, new: homework },
            );
        }
        Ok(())
    }

    /// Assigns work of a type at a lesson, due on `due` (`Some`), or takes
    /// the assignment back (`None`). A student who attends the lesson and
    /// has no mark of that type there owes it after the due date when the
    /// type is mandatory (the diary's overdue work); assessment types make
    /// the lesson an assessment procedure for the load check.
    ///
    /// # Errors
    /// [`JournalError::InvalidReason`]; [`SchoolError::UnknownLesson`];
    /// [`crate::access::AccessError`] unless the actor teaches the lesson;
    /// [`crate::marks::MarkError::UnknownWorkType`];
    /// [`JournalError::DueBeforeLesson`].
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
    /// journal.assign_work(&Edit::new(teacher, at), lesson, &WorkTypeCode::new("independent")?, Some(d(9, 16)))?;
    /// // Not handed in: overdue in the diary the day after it was due.
    /// let week = journal.diary_week(&Actor::student(pupil), pupil, d(9, 17), d(9, 17))?;
    /// assert_eq!(week.overdue.len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn assign_work(
        &mut self,
        edit: &Edit,
        lesson: LessonId,
        work_type: &WorkTypeCode,
        due: Option<NaiveDate>,
    ) -> Result<(), Error> {
        let facts = self.lesson_facts(lesson)?;
        self.authorize(edit.actor(), Action::EditLesson { lesson })?;
        self.school.work_types().require(work_type)?;
        if let Some(due) = due.filter(|d| *d < facts.date) {
            return Err(JournalError::DueBeforeLesson {
                lesson,
                work_type: work_type.clone(),
                date: facts.date,
                due,
            }
            .into());
        }
        let key = (lesson, work_type.clone());
        let old = self.assigned.get(&key).copied();
        if old == due {
            return Ok(());
        }
        match due {
            Some(d) => {
                self.assigned.insert(key.clone(), d);
                let mandatory = self
                    .school
                    .work_types()
                    .get(work_type)
                    .is_some_and(|w| w.is_mandatory());
                self.assigned_by_class
                    .entry(facts.class)
                    .or_default()
                    .insert(
                        key,
                        super::AssignedDue {
                            due: d,
                            mandatory,
                            facts,
                        },
                    );
            }
            None => {
                self.assigned.remove(&key);
                if let Some(set) = self.assigned_by_class.get_mut(&facts.class) {
                    set.remove(&key);
                }
            }
        }
        self.audit.record(
            edit,
            Some(lesson),
            None,
            AuditChange::AssignedWork {
                work_type: work_type.clone(),
                old,
                new: due,
            },
        );
        Ok(())
    }

    /// The class a student was in during a term: the last enrolment that
    /// overlaps it.
    pub(crate) fn class_in_term(
        &self,
        student: StudentId,
        term: &crate::calendar::Term,
    ) -> Option<ClassId> {
        self.school
            .index
            .enrolments
            .get(&student)?
            .iter()
            .filter(|e| e.start() <= term.end() && e.end().is_none_or(|to| to >= term.start()))
            .max_by_key(|e| e.start())
            .map(|e| e.class())
    }

    /// Records the teacher's final period mark for a student, subject and
    /// term (`None` withdraws it). It may differ from the computed mark;
    /// both are kept, and the audit entry records the computed one at the
    /// time.
    ///
    /// # Errors
    /// [`JournalError::InvalidReason`]; [`SchoolError::UnknownStudent`],
    /// [`SchoolError::UnknownSubject`],
    /// [`crate::calendar::CalendarError::UnknownTerm`];
    /// [`JournalError::NotEnrolledInTerm`]; [`crate::access::AccessError`]
    /// unless the actor teaches the subject in the student's class.
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
    /// let five = PeriodMark::Mark(Points::FIVE);
    /// journal.set_final_mark(&Edit::new(teacher, at), pupil, math, "Q1".parse()?, Some(five))?;
    /// let rows = journal.class_period_marks(&teacher, class, math, "Q1".parse()?)?;
    /// assert_eq!((rows[0].computed, rows[0].final_mark, rows[0].differs), (PeriodMark::NotAttested, Some(five), true));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn set_final_mark(
        &mut self,
        edit: &Edit,
        student: StudentId,
        subject: SubjectId,
        term: TermCode,
        mark: Option<PeriodMark>,
    ) -> Result<(), Error> {
        if self.school.student(student).is_none() {
            return Err(SchoolError::UnknownStudent { student }.into());
        }
        if self.school.subject(subject).is_none() {
            return Err(SchoolError::UnknownSubject { subject }.into());
        }
        let term = self.school.calendar().require_term(&term)?.clone();
        let class =
            self.class_in_term(student, &term)
                .ok_or_else(|| JournalError::NotEnrolledInTerm {
                    student,
                    term: term.code(),
                })?;
        self.authorize(
            edit.actor(),
            Action::SetPeriodMark {
                class_id: class,
                subject,
            },
        )?;
        let computed = self
            .school
            .index
            .sums(student, term.number(), subject)
            .period_mark(
                self.school.period_mark_policy(),
                self.school.grading_of(subject),
            );
        let key = (student, subject, term.code());
        let old = self.final_marks.get(&key).map(|f| f.mark);
        if old == mark {
            return Ok(());
        }
        match mark {
            Some(m) => {
                self.final_marks.insert(
                    key,
                    FinalMark {
                        class_id: class,
                        mark: m,
                    },
                );
            }
            None => {
                self.final_marks.remove(&key);
            }
        }
        self.audit.record(
            edit,
            None,
            Some(student),
            AuditChange::FinalMark {
                class_id: class,
                subject,
                term: term.code(),
                computed,
                old,
                new: mark,
            },
        );
        Ok(())
    }
}

impl Journal {
    /// Attaches a thematic plan (КТП) to every lesson of a subject for a
    /// class or subgroup, in journal order, one hour per lesson: each
    /// lesson that gets a topic has it set, and each change of a topic is
    /// recorded in the audit trail. Returns the report (lessons left
    /// without a topic, topics not reached, planned hours against
    /// scheduled lessons).
    ///
    /// # Errors
    /// [`crate::access::AccessError`] unless the actor teaches the subject
    /// in the class; `school.unknown_class`, `school.unknown_subgroup`,
    /// `school.unknown_subject`; a topic the lesson refuses.
    ///
    /// # Example
    /// ```
    /// # use chrono::NaiveDate;
    /// # use zhurnal::{access::Actor, audit::Edit, calendar::{SchoolYear, Shift}, ids::*, journal::Journal, lesson::*, organisation::*, school::School};
    /// use zhurnal::thematic_plan::{PlanSection, PlanTopic, ThematicPlan};
    /// # let d = |m, day| NaiveDate::from_ymd_opt(2014, m, day).unwrap();
    /// # let mut school = School::new(SchoolInfo::new(SchoolId::new(1), "Школа")?, SchoolYear::russian_2014_2015());
    /// # school.add_teacher(Teacher::new(TeacherId::new(1), PersonName::new("Сидорова", "Мария", None)?))?;
    /// # school.add_subject(Subject::new(SubjectId::new(1), "Математика", "Матем.")?)?;
    /// # school.add_class(Class::new(ClassId::new(1), ClassName::parse("5А")?, None))?;
    /// # for day in [1, 2] { school.schedule_lesson(NewLesson { date: d(9, day), shift: Shift::First, slot: 1, group: LessonGroup::Class(ClassId::new(1)), subject: SubjectId::new(1), teacher: TeacherId::new(1), room: None })?; }
    /// let mut journal = Journal::new(school);
    /// let plan = ThematicPlan::new(vec![PlanSection::new("Натуральные числа", vec![
    ///     PlanTopic::new("Обозначение натуральных чисел", 1)?,
    ///     PlanTopic::new("Отрезок. Длина отрезка", 1)?,
    /// ])?])?;
    /// let teacher = Edit::new(Actor::teacher(TeacherId::new(1)), d(9, 1).and_hms_opt(8, 0, 0).unwrap());
    /// let report = journal.attach_plan(&teacher, LessonGroup::Class(ClassId::new(1)), SubjectId::new(1), &plan)?;
    /// assert_eq!(report.assignments.len(), 2);
    /// assert_eq!(journal.audit_trail().len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn attach_plan(
        &mut self,
        edit: &Edit,
        group: crate::lesson::LessonGroup,
        subject: SubjectId,
        plan: &crate::thematic_plan::ThematicPlan,
    ) -> Result<crate::thematic_plan::PlanAttachment, Error> {
        let class = self.class_of_group(group)?;
        self.authorize(
            edit.actor(),
            Action::PlanLessons {
                class_id: class,
                subject,
            },
        )?;
        let before: Vec<(LessonId, Option<String>)> = self
            .school
            .lessons_of_group_subject(group, subject)
            .map(|l| (l.id(), l.topic().map(str::to_owned)))
            .collect();
        let report = self.school.attach_plan(group, subject, plan)?;
        for (lesson, old) in before {
            let new = self
                .school
                .lesson(lesson)
                .and_then(|l| l.topic())
                .map(str::to_owned);
            if new != old {
                self.audit
                    .record(edit, Some(lesson), None, AuditChange::Topic { old, new });
            }
        }
        Ok(report)
    }
}
