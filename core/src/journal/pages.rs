//! Journal pages and period marks: a class's or subgroup's page, a class's
//! period marks (computed and final) and the whole school's.

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::Journal;
use crate::Error;
use crate::access::{Action, Actor};
use crate::calendar::Term;
use crate::calendar::TermCode;
use crate::ids::{ClassId, StudentId, SubjectId};
use crate::lesson::LessonGroup;
use crate::marks::PeriodMark;
use crate::school::{JournalPage, SchoolError};

/// A student's period mark in a subject and term: computed by the policy,
/// and the teacher's final mark when one was set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeriodMarkRow {
    /// The class.
    pub class_id: ClassId,
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
    /// let page = journal.journal_page(&teacher, LessonGroup::Class(class), math, "Q1".parse()?)?;
    /// assert_eq!(page.rows[0].cells[0].marks.len(), 1);
    /// let e = journal.journal_page(&Actor::student(pupil), LessonGroup::Class(class), math, "Q1".parse()?).unwrap_err();
    /// assert_eq!(e.code(), "access.role_not_allowed");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn journal_page(
        &self,
        actor: &Actor,
        group: LessonGroup,
        subject: SubjectId,
        term: TermCode,
    ) -> Result<JournalPage, Error> {
        let class = self.class_of_group(group)?;
        self.authorize(
            actor,
            Action::ReadJournal {
                class_id: class,
                subject,
            },
        )?;
        let mut page = self.school.journal_page(class, subject, term)?;
        if let LessonGroup::Subgroup(g) = group {
            let keep: Vec<bool> = page.columns.iter().map(|c| c.group == group).collect();
            let mut flags = keep.iter();
            page.columns
                .retain(|_| flags.next().copied().unwrap_or(false));
            page.rows
                .retain(|r| self.school.index.members.contains(&(g, r.student)));
            for row in &mut page.rows {
                let mut flags = keep.iter();
                row.cells.retain(|_| flags.next().copied().unwrap_or(false));
            }
        }
        Ok(page)
    }

    pub(super) fn class_of_group(&self, group: LessonGroup) -> Result<ClassId, Error> {
        match group {
            LessonGroup::Class(c) => self
                .school
                .class(c)
                .map(|_| c)
                .ok_or_else(|| SchoolError::UnknownClass { class_id: c }.into()),
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
        let sums = self.school.index.sums(student, term.number(), subject);
        let computed = sums.period_mark(
            self.school.period_mark_policy(),
            self.school.grading_of(subject),
        );
        let final_mark = self
            .final_marks
            .get(&(student, subject, term.code()))
            .map(|f| f.mark);
        PeriodMarkRow {
            class_id: class,
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
    pub(super) fn students_in_term(&self, class: ClassId, term: &Term) -> Vec<StudentId> {
        let candidates: BTreeSet<StudentId> = self
            .school
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
    /// let rows = journal.class_period_marks(&teacher, class, math, "Q1".parse()?)?;
    /// assert_eq!(rows[0].average.map(|a| a.to_string()), Some("5.00".into()));
    /// assert_eq!(rows[0].computed, PeriodMark::NotAttested); // one mark of the three needed
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn class_period_marks(
        &self,
        actor: &Actor,
        class: ClassId,
        subject: SubjectId,
        term: TermCode,
    ) -> Result<Vec<PeriodMarkRow>, Error> {
        self.class_of_group(LessonGroup::Class(class))?;
        if self.school.subject(subject).is_none() {
            return Err(SchoolError::UnknownSubject { subject }.into());
        }
        self.authorize(
            actor,
            Action::ReadJournal {
                class_id: class,
                subject,
            },
        )?;
        let term = self.school.calendar().require_term(&term)?.clone();
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
    /// let rows = journal.school_period_marks(&admin, "Q1".parse()?)?;
    /// assert_eq!(rows.len(), 1); // one class, one subject, one student
    /// assert!(journal.school_period_marks(&teacher, "Q1".parse()?).is_ok()); // teaches in the only class
    /// assert!(journal.school_period_marks(&Actor::student(pupil), "Q1".parse()?).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn school_period_marks(
        &self,
        actor: &Actor,
        term: TermCode,
    ) -> Result<Vec<PeriodMarkRow>, Error> {
        let term = self.school.calendar().require_term(&term)?.clone();
        let mut subjects: BTreeMap<ClassId, BTreeSet<SubjectId>> = BTreeMap::new();
        for (_, class, subject) in &self.school.index.teaching {
            subjects.entry(*class).or_default().insert(*subject);
        }
        for class in subjects.keys() {
            self.authorize(actor, Action::ReadClassReport { class_id: *class })?;
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
}
