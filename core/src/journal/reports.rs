//! Journal reads: pages, period marks, the audit lists, attendance
//! summaries, the assessment-load check and "what do I need".

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{Journal, LessonFacts};
use crate::Error;
use crate::access::{Action, Actor};
use crate::assessment_load::{LoadBreach, LoadLesson, LoadPolicy};
use crate::attendance_summary::{AttendanceSummary, ClassAttendance, StudentLessonAttendance};
use crate::audit::AuditEntry;
use crate::calendar::Term;
use crate::ids::{ClassId, LessonId, StudentId, SubgroupId, SubjectId, TeacherId};
use crate::lesson::LessonGroup;
use crate::marks::{PeriodMark, Points, Weight, WeightedAverage};
use crate::school::{JournalPage, SchoolError};
use crate::target_mark::{TargetOutcome, marks_needed};

/// A student's period mark in a subject and term: computed by the policy,
/// and the teacher's final mark when one was set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeriodMarkRow {
    /// The class.
    pub class: ClassId,
    /// The subject.
    pub subject: SubjectId,
    /// The student.
    pub student: StudentId,
    /// The weighted average as shown, `None` without five-point marks.
    pub average: Option<Decimal>,
    /// How many five-point marks.
    pub marks_counted: u32,
    /// The period mark by the school's policy.
    pub computed: PeriodMark,
    /// The teacher's final mark, if set.
    pub final_mark: Option<PeriodMark>,
    /// Whether the final mark differs from the computed one.
    pub differs: bool,
}

/// A "what do I need" question about one subject and term.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetQuery {
    /// The subject.
    pub subject: SubjectId,
    /// The term's code (`Q2`).
    pub term: String,
    /// The period mark wanted.
    pub target: Points,
    /// The value of each new mark.
    pub value: Points,
    /// The weight of each new mark.
    pub weight: Weight,
    /// Today: when given, only the student's lessons of the subject after
    /// today and within the term can bring new marks.
    pub today: Option<NaiveDate>,
}

impl Journal {
    /// The journal page of a class or subgroup, a subject and a term (by
    /// code): lessons as columns, students as rows with marks, attendance,
    /// average and period mark. A subgroup's page has its own lessons and
    /// members.
    ///
    /// # Errors
    /// [`SchoolError::UnknownSubgroup`]; [`crate::access::AccessError`]
    /// unless the actor may read the class's journal in the subject; the
    /// errors of [`crate::school::School::journal_page`].
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
    /// let page = journal.journal_page(&teacher, LessonGroup::Class(class), math, "Q1")?;
    /// assert_eq!(page.rows[0].cells[0].marks.len(), 1);
    /// let e = journal.journal_page(&Actor::student(pupil), LessonGroup::Class(class), math, "Q1").unwrap_err();
    /// assert_eq!(e.code(), "access.role_not_allowed");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn journal_page(
        &self,
        actor: &Actor,
        group: LessonGroup,
        subject: SubjectId,
        term: &str,
    ) -> Result<JournalPage, Error> {
        let class = self.class_of_group(group)?;
        self.authorize(actor, Action::ReadJournal { class, subject })?;
        let mut page = self.school.journal_page(class, subject, term)?;
        if let LessonGroup::Subgroup(g) = group {
            let keep: Vec<bool> = page.columns.iter().map(|c| c.group == group).collect();
            let mut flags = keep.iter();
            page.columns
                .retain(|_| flags.next().copied().unwrap_or(false));
            page.rows
                .retain(|r| self.index.members.contains(&(g, r.student)));
            for row in &mut page.rows {
                let mut flags = keep.iter();
                row.cells.retain(|_| flags.next().copied().unwrap_or(false));
            }
        }
        Ok(page)
    }

    fn class_of_group(&self, group: LessonGroup) -> Result<ClassId, Error> {
        match group {
            LessonGroup::Class(c) => self
                .school
                .class(c)
                .map(|_| c)
                .ok_or_else(|| SchoolError::UnknownClass { class: c }.into()),
            LessonGroup::Subgroup(g) => self
                .school
                .subgroup(g)
                .map(|s| s.class())
                .ok_or_else(|| SchoolError::UnknownSubgroup { subgroup: g }.into()),
        }
    }

    fn row(
        &self,
        class: ClassId,
        subject: SubjectId,
        student: StudentId,
        term: &Term,
    ) -> PeriodMarkRow {
        let sums = self.index.sums(student, term.number(), subject);
        let computed = sums.period_mark(self.school.period_mark_policy());
        let final_mark = self
            .final_marks
            .get(&(student, subject, term.code()))
            .map(|f| f.mark);
        PeriodMarkRow {
            class,
            subject,
            student,
            average: sums.shown(),
            marks_counted: sums.count(),
            computed,
            final_mark,
            differs: final_mark.is_some_and(|f| f != computed),
        }
    }

    /// Students whose last enrolment overlapping the term is in `class`.
    fn students_in_term(&self, class: ClassId, term: &Term) -> Vec<StudentId> {
        let candidates: BTreeSet<StudentId> = self
            .index
            .class_enrolments
            .get(&class)
            .map(|list| list.iter().map(|e| e.student()).collect())
            .unwrap_or_default();
        candidates
            .into_iter()
            .filter(|s| self.class_in_term(*s, term) == Some(class))
            .collect()
    }

    /// Period marks of a class in a subject and term: each student's
    /// computed mark and the teacher's final mark.
    ///
    /// # Errors
    /// [`SchoolError::UnknownClass`], [`SchoolError::UnknownSubject`],
    /// [`crate::calendar::CalendarError::UnknownTerm`];
    /// [`crate::access::AccessError`] unless the actor may read the class's
    /// journal in the subject.
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
    /// let rows = journal.class_period_marks(&teacher, class, math, "Q1")?;
    /// assert_eq!(rows[0].average.map(|a| a.to_string()), Some("5.00".into()));
    /// assert_eq!(rows[0].computed, PeriodMark::NotAttested); // one mark of the three needed
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn class_period_marks(
        &self,
        actor: &Actor,
        class: ClassId,
        subject: SubjectId,
        term: &str,
    ) -> Result<Vec<PeriodMarkRow>, Error> {
        self.class_of_group(LessonGroup::Class(class))?;
        if self.school.subject(subject).is_none() {
            return Err(SchoolError::UnknownSubject { subject }.into());
        }
        self.authorize(actor, Action::ReadJournal { class, subject })?;
        let term = self.school.calendar().require_term(term)?.clone();
        Ok(self
            .students_in_term(class, &term)
            .into_iter()
            .map(|s| self.row(class, subject, s, &term))
            .collect())
    }

    /// Period marks of the whole school for a term: every class, every
    /// subject the class is taught, every student.
    ///
    /// # Errors
    /// [`crate::calendar::CalendarError::UnknownTerm`];
    /// [`crate::access::AccessError`] unless the actor may read every
    /// class's reports (the administrator).
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
    /// let rows = journal.school_period_marks(&admin, "Q1")?;
    /// assert_eq!(rows.len(), 1); // one class, one subject, one student
    /// assert!(journal.school_period_marks(&teacher, "Q1").is_ok()); // teaches in the only class
    /// assert!(journal.school_period_marks(&Actor::student(pupil), "Q1").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn school_period_marks(
        &self,
        actor: &Actor,
        term: &str,
    ) -> Result<Vec<PeriodMarkRow>, Error> {
        let term = self.school.calendar().require_term(term)?.clone();
        let mut subjects: BTreeMap<ClassId, BTreeSet<SubjectId>> = BTreeMap::new();
        for (_, class, subject) in &self.index.teaching {
            subjects.entry(*class).or_default().insert(*subject);
        }
        for class in subjects.keys() {
            self.authorize(actor, Action::ReadClassReport { class: *class })?;
        }
        let mut rows = Vec::new();
        for (class, subjects) in subjects {
            let students = self.students_in_term(class, &term);
            for subject in subjects {
                for student in &students {
                    rows.push(self.row(class, subject, *student, &term));
                }
            }
        }
        Ok(rows)
    }

    /// The audit trail of a lesson, oldest first.
    ///
    /// # Errors
    /// [`SchoolError::UnknownLesson`]; [`crate::access::AccessError`]
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

    /// The lessons a student attends from `from` to `to` (within the school
    /// year), in journal order; only those of `class` when given.
    pub(crate) fn student_lessons(
        &self,
        student: StudentId,
        from: NaiveDate,
        to: NaiveDate,
        class: Option<ClassId>,
    ) -> Vec<(LessonId, LessonFacts)> {
        let calendar = self.school.calendar();
        let (from, to) = (from.max(calendar.start()), to.min(calendar.end()));
        let mut out = Vec::new();
        for date in from.iter_days().take_while(|d| *d <= to) {
            let Some(c) = self.index.class_on(student, date) else {
                continue;
            };
            if class.is_some_and(|only| only != c) {
                continue;
            }
            for id in self.index.day_lessons.get(&(c, date)).into_iter().flatten() {
                if let Some(facts) = self.index.lessons.get(id)
                    && self.index.attends(student, facts)
                {
                    out.push((*id, *facts));
                }
            }
        }
        out
    }

    fn attendance_lessons(
        &self,
        student: StudentId,
        from: NaiveDate,
        to: NaiveDate,
        class: Option<ClassId>,
    ) -> Vec<StudentLessonAttendance> {
        self.student_lessons(student, from, to, class)
            .into_iter()
            .map(|(lesson, facts)| StudentLessonAttendance {
                lesson,
                date: facts.date,
                code: self
                    .index
                    .cell_attendance
                    .get(&(lesson, student))
                    .map(|a| a.code),
            })
            .collect()
    }

    /// A student's attendance from `from` to `to`: missed lessons by
    /// reason, whole days, share missed, months with ≥ 30% missed.
    ///
    /// # Errors
    /// [`SchoolError::UnknownStudent`]; [`crate::access::AccessError`]
    /// unless the actor may read the student's diary.
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
    /// let summary = journal.student_attendance(&Actor::student(pupil), pupil, d(9, 1), d(9, 30))?;
    /// assert_eq!(summary.counts.missed.unknown, 1);
    /// assert_eq!(summary.missed_share.map(|s| s.to_string()), Some("100.00".into()));
    /// assert_eq!(summary.flagged_months.len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn student_attendance(
        &self,
        actor: &Actor,
        student: StudentId,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<AttendanceSummary, Error> {
        if self.school.student(student).is_none() {
            return Err(SchoolError::UnknownStudent { student }.into());
        }
        self.authorize(actor, Action::ReadDiary { student })?;
        let lessons = self.attendance_lessons(student, from, to, None);
        Ok(AttendanceSummary::of(student, from, to, &lessons))
    }

    /// A class's attendance from `from` to `to`: each student's summary
    /// over the class's lessons while enrolled in it, and the totals.
    ///
    /// # Errors
    /// [`SchoolError::UnknownClass`]; [`crate::access::AccessError`] unless
    /// the actor may read the class's reports.
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
    /// journal.set_attendance(&Edit::new(teacher, at), lesson, pupil, Some(AttendanceCode::Late))?;
    /// let class_report = journal.class_attendance(&Actor::class_teacher(TeacherId::new(1)), class, d(9, 1), d(9, 30))?;
    /// assert_eq!((class_report.totals.lessons, class_report.totals.late), (1, 1));
    /// assert!(class_report.flagged_students.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn class_attendance(
        &self,
        actor: &Actor,
        class: ClassId,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<ClassAttendance, Error> {
        self.class_of_group(LessonGroup::Class(class))?;
        self.authorize(actor, Action::ReadClassReport { class })?;
        let students: BTreeSet<StudentId> = self
            .index
            .class_enrolments
            .get(&class)
            .map(|list| {
                list.iter()
                    .filter(|e| e.from() <= to && e.to().is_none_or(|t| t >= from))
                    .map(|e| e.student())
                    .collect()
            })
            .unwrap_or_default();
        let summaries = students
            .into_iter()
            .map(|s| {
                let lessons = self.attendance_lessons(s, from, to, Some(class));
                AttendanceSummary::of(s, from, to, &lessons)
            })
            .collect();
        Ok(ClassAttendance::of(summaries))
    }

    /// The assessment-load check of a class over the school year (see
    /// [`crate::assessment_load`]). A lesson holds an assessment procedure
    /// when work of an assessment type is assigned at it or marks of such
    /// a type were given at it; a subject's hours a week are its lessons
    /// (per class or subgroup) divided by the weeks in which the class has
    /// lessons.
    ///
    /// # Errors
    /// [`SchoolError::UnknownClass`]; [`crate::access::AccessError`] unless
    /// the actor may read the class's reports.
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
    /// use zhurnal::assessment_load::{LoadPolicy, LoadRule};
    /// journal.assign_work(&Edit::new(teacher, at), lesson, &WorkTypeCode::new("control")?, Some(d(9, 15)))?;
    /// let breaches = journal.assessment_load(&teacher, class, &LoadPolicy::default())?;
    /// // the only mathematics lesson of the year holds a control work: 100% > 10%
    /// assert_eq!(breaches.iter().map(|b| b.rule).collect::<Vec<_>>(), [LoadRule::YearShare]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn assessment_load(
        &self,
        actor: &Actor,
        class: ClassId,
        policy: &LoadPolicy,
    ) -> Result<Vec<LoadBreach>, Error> {
        self.class_of_group(LessonGroup::Class(class))?;
        self.authorize(actor, Action::ReadClassReport { class })?;
        let calendar = self.school.calendar();
        let catalogue = self.school.work_types();
        let students: BTreeSet<StudentId> = self
            .index
            .class_enrolments
            .get(&class)
            .map(|l| l.iter().map(|e| e.student()).collect())
            .unwrap_or_default();
        let assessed_by_assignment: BTreeSet<LessonId> = self
            .index
            .assigned
            .get(&class)
            .into_iter()
            .flatten()
            .filter(|((_, t), _)| catalogue.get(t).is_some_and(|w| w.is_assessment()))
            .map(|((l, _), _)| *l)
            .collect();
        let mut weeks = BTreeSet::new();
        let mut per_group: BTreeMap<(Option<SubgroupId>, SubjectId), u32> = BTreeMap::new();
        let mut days = Vec::new();
        for date in calendar
            .start()
            .iter_days()
            .take_while(|d| *d <= calendar.end())
        {
            let Some(ids) = self.index.day_lessons.get(&(class, date)) else {
                continue;
            };
            weeks.insert(date.iso_week());
            let mut day = Vec::new();
            for id in ids {
                let (Some(facts), Some(lesson)) =
                    (self.index.lessons.get(id), self.school.lesson(*id))
                else {
                    continue;
                };
                *per_group
                    .entry((facts.subgroup, facts.subject))
                    .or_default() += 1;
                let assessed = assessed_by_assignment.contains(id)
                    || students.iter().any(|s| {
                        self.index.cell_marks.get(&(*id, *s)).is_some_and(|marks| {
                            marks.iter().any(|m| {
                                catalogue
                                    .get(&m.work_type)
                                    .is_some_and(|w| w.is_assessment())
                            })
                        })
                    });
                day.push((*id, *facts, (lesson.shift(), lesson.slot()), assessed));
            }
            days.push(day);
        }
        let weeks = Decimal::from(weeks.len().max(1) as u64);
        let mut input = Vec::new();
        for day in days {
            let first = day.iter().map(|l| l.2).min();
            let last = day.iter().map(|l| l.2).max();
            for (id, facts, at, assessed) in day {
                let lessons = per_group
                    .get(&(facts.subgroup, facts.subject))
                    .copied()
                    .unwrap_or(0);
                input.push(LoadLesson {
                    lesson: id,
                    class,
                    subgroup: facts.subgroup,
                    subject: facts.subject,
                    date: facts.date,
                    slot: at.1,
                    first_of_day: Some(at) == first,
                    last_of_day: Some(at) == last,
                    hours_per_week: Decimal::from(lessons) / weeks,
                    assessment: assessed,
                });
            }
        }
        Ok(policy.check(&input))
    }

    /// "What do I need": the fewest new marks of the given value and weight
    /// that bring the student's period mark in the subject and term to the
    /// target, under the school's policy; see [`marks_needed`].
    ///
    /// # Errors
    /// [`SchoolError::UnknownStudent`], [`SchoolError::UnknownSubject`],
    /// [`crate::calendar::CalendarError::UnknownTerm`];
    /// [`crate::access::AccessError`] unless the actor may read the
    /// student's diary.
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
    /// use zhurnal::journal::TargetQuery;
    /// let query = TargetQuery { subject: math, term: "Q1".into(), target: Points::FIVE, value: Points::FIVE,
    ///     weight: Weight::ONE, today: None };
    /// // no marks yet: three 5s (the policy's minimum number of marks)
    /// assert_eq!(journal.what_do_i_need(&Actor::student(pupil), pupil, &query)?.new_marks(), Some(3));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn what_do_i_need(
        &self,
        actor: &Actor,
        student: StudentId,
        query: &TargetQuery,
    ) -> Result<TargetOutcome, Error> {
        if self.school.student(student).is_none() {
            return Err(SchoolError::UnknownStudent { student }.into());
        }
        if self.school.subject(query.subject).is_none() {
            return Err(SchoolError::UnknownSubject {
                subject: query.subject,
            }
            .into());
        }
        self.authorize(actor, Action::ReadDiary { student })?;
        let term = self.school.calendar().require_term(&query.term)?.clone();
        let lessons: Vec<(LessonId, LessonFacts)> = self
            .student_lessons(student, term.start(), term.end(), None)
            .into_iter()
            .filter(|(_, f)| f.subject == query.subject)
            .collect();
        let current = WeightedAverage::of(lessons.iter().flat_map(|(id, _)| {
            self.index
                .cell_marks
                .get(&(*id, student))
                .into_iter()
                .flatten()
                .filter_map(|m| m.value.points().map(|p| (p, m.weight)))
        }));
        let lessons_left = query
            .today
            .map(|today| lessons.iter().filter(|(_, f)| f.date > today).count() as u32);
        Ok(marks_needed(
            &current,
            self.school.period_mark_policy(),
            query.target,
            query.value,
            query.weight,
            lessons_left,
        ))
    }
}
