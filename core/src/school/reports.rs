//! Reports over the journal: a student's marks in a subject and term with
//! the average and period mark, and a class journal page.

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{AttendanceRecord, MarkRecord, School};
use crate::Error;
use crate::calendar::TermCode;
use crate::calendar::{Shift, Term};
use crate::ids::{ClassId, LessonId, StudentId, SubjectId};
use crate::lesson::{Homework, Lesson, LessonGroup};
use crate::marks::{MarkValue, PeriodMark, WeightedAverage};
use crate::organisation::{ClassName, PersonName};

/// A student's marks in one subject over one term, with the weighted
/// average and the period mark by the school's policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubjectMarks {
    /// The student.
    pub student: StudentId,
    /// The subject.
    pub subject: SubjectId,
    /// The subject's name.
    pub subject_name: String,
    /// The term's code (`Q1`).
    pub term: TermCode,
    /// The marks in lesson order (pass/fail and debts included).
    pub marks: Vec<MarkRecord>,
    /// The weighted average of the five-point marks, HALF-UP to two places;
    /// `None` without such marks.
    pub average_shown: Option<Decimal>,
    /// How many five-point marks entered the average.
    pub counted_marks: u32,
    /// The period mark (or «н/а»).
    pub period_mark: PeriodMark,
}

impl SubjectMarks {
    /// The weighted average of the five-point marks.
    pub fn average(&self) -> WeightedAverage {
        WeightedAverage::of(
            self.marks
                .iter()
                .filter_map(|m| m.value.points().map(|p| (p, m.weight))),
        )
    }
}

/// A column of a journal page: one lesson.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JournalColumn {
    /// The lesson.
    pub lesson: LessonId,
    /// Its date.
    pub date: chrono::NaiveDate,
    /// Its shift.
    pub shift: Shift,
    /// Its lesson number.
    pub slot: u8,
    /// The class or subgroup.
    pub group: LessonGroup,
    /// The topic, if set.
    pub topic: Option<String>,
    /// The homework, if set.
    pub homework: Option<Homework>,
}

/// A cell of a journal page: one student at one lesson.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JournalCell {
    /// The lesson.
    pub lesson: LessonId,
    /// Whether the student attends this lesson (enrolled in the class that
    /// day, and a member of the lesson's subgroup if it is one). Cells
    /// that are not applicable are blank.
    pub applicable: bool,
    /// The marks, by id.
    pub marks: Vec<MarkRecord>,
    /// The attendance entry, if any (none means present).
    pub attendance: Option<AttendanceRecord>,
}

/// A row of a journal page: one student.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JournalRow {
    /// The student.
    pub student: StudentId,
    /// Their name.
    pub name: PersonName,
    /// One cell per column.
    pub cells: Vec<JournalCell>,
    /// The student's weighted average in the subject over the term.
    pub average_shown: Option<Decimal>,
    /// The student's period mark in the subject for the term.
    pub period_mark: PeriodMark,
}

/// A page of the class journal: one class, one subject, one term; lessons
/// as columns, students (everyone enrolled at some day of the term, by
/// name) as rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JournalPage {
    /// The class.
    pub class_id: ClassId,
    /// Its name.
    pub class_name: ClassName,
    /// The subject.
    pub subject: SubjectId,
    /// Its name.
    pub subject_name: String,
    /// The term.
    pub term: Term,
    /// The lessons of the class and its subgroups in the subject and term.
    pub columns: Vec<JournalColumn>,
    /// The students.
    pub rows: Vec<JournalRow>,
}

impl School {
    /// A student's marks in a subject over a term (by code, `"Q1"`), with
    /// the weighted average and the period mark by the school's policy.
    ///
    /// # Errors
    /// [`super::SchoolError::UnknownStudent`],
    /// [`super::SchoolError::UnknownSubject`],
    /// [`crate::calendar::CalendarError::UnknownTerm`].
    ///
    /// # Example
    /// ```
    /// # use zhurnal::{calendar::SchoolYear, ids::*, organisation::*, school::School};
    /// # let mut school = School::new(SchoolInfo::new(SchoolId::new(1), "Школа")?, SchoolYear::russian_2014_2015());
    /// # school.add_subject(Subject::new(SubjectId::new(1), "Математика", "Матем.")?)?;
    /// # school.add_student(Student::new(StudentId::new(1), PersonName::new("Орлов", "Пётр", None)?, chrono::NaiveDate::from_ymd_opt(2003, 9, 2).unwrap()))?;
    /// let none = school.subject_marks(StudentId::new(1), SubjectId::new(1), "Q1".parse()?)?;
    /// assert_eq!(none.period_mark.to_string(), "н/а");
    /// let e = school.subject_marks(StudentId::new(1), SubjectId::new(1), "T1".parse()?).unwrap_err();
    /// assert_eq!(e.code(), "calendar.unknown_term"); // a trimester in a year of quarters
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn subject_marks(
        &self,
        student: StudentId,
        subject: SubjectId,
        term: TermCode,
    ) -> Result<SubjectMarks, Error> {
        self.require_student(student)?;
        self.require_subject(subject)?;
        let term = self.calendar.require_term(&term)?.clone();
        let marks = self
            .marks
            .values()
            .filter(|m| m.student == student)
            .filter(|m| self.in_subject_term(m.lesson, subject, &term))
            .cloned()
            .collect();
        Ok(self.summarise(student, subject, &term, marks))
    }

    /// A student's marks in every subject they have lessons or marks in
    /// over a term, by subject name: the period marks of the diary.
    ///
    /// # Errors
    /// [`super::SchoolError::UnknownStudent`],
    /// [`crate::calendar::CalendarError::UnknownTerm`].
    ///
    /// # Example
    /// ```
    /// # use zhurnal::{calendar::SchoolYear, ids::*, organisation::*, school::School};
    /// # let mut school = School::new(SchoolInfo::new(SchoolId::new(1), "Школа")?, SchoolYear::russian_2014_2015());
    /// # school.add_student(Student::new(StudentId::new(1), PersonName::new("Орлов", "Пётр", None)?, chrono::NaiveDate::from_ymd_opt(2003, 9, 2).unwrap()))?;
    /// assert!(school.period_marks(StudentId::new(1), "Q1".parse()?)?.is_empty());
    /// assert_eq!(school.period_marks(StudentId::new(2), "Q1".parse()?).unwrap_err().code(), "school.unknown_student");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn period_marks(
        &self,
        student: StudentId,
        term: TermCode,
    ) -> Result<Vec<SubjectMarks>, Error> {
        self.require_student(student)?;
        let term = self.calendar.require_term(&term)?.clone();
        let mut by_subject: BTreeMap<SubjectId, Vec<MarkRecord>> = self
            .lessons_of_student(student, term.start(), term.end())
            .iter()
            .map(|l| (l.subject(), Vec::new()))
            .collect();
        for m in self.marks.values().filter(|m| m.student == student) {
            if let Some(l) = self.lessons.get(&m.lesson)
                && term.contains(l.date())
            {
                by_subject.entry(l.subject()).or_default().push(m.clone());
            }
        }
        let mut v: Vec<SubjectMarks> = by_subject
            .into_iter()
            .map(|(subject, marks)| self.summarise(student, subject, &term, marks))
            .collect();
        v.sort_by(|a, b| {
            a.subject_name
                .cmp(&b.subject_name)
                .then(a.subject.cmp(&b.subject))
        });
        Ok(v)
    }

    /// The class journal page for a class, subject and term (by code).
    ///
    /// # Errors
    /// [`super::SchoolError::UnknownClass`],
    /// [`super::SchoolError::UnknownSubject`],
    /// [`crate::calendar::CalendarError::UnknownTerm`].
    ///
    /// # Example
    /// ```
    /// # use zhurnal::{calendar::SchoolYear, ids::*, organisation::*, school::School};
    /// # let mut school = School::new(SchoolInfo::new(SchoolId::new(1), "Школа")?, SchoolYear::russian_2014_2015());
    /// # school.add_class(Class::new(ClassId::new(1), ClassName::parse("5А")?, None))?;
    /// # school.add_subject(Subject::new(SubjectId::new(1), "Математика", "Матем.")?)?;
    /// let page = school.journal_page(ClassId::new(1), SubjectId::new(1), "Q1".parse()?)?;
    /// assert_eq!(page.class_name.to_string(), "5А");
    /// assert!(page.columns.is_empty() && page.rows.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn journal_page(
        &self,
        class: ClassId,
        subject: SubjectId,
        term: TermCode,
    ) -> Result<JournalPage, Error> {
        let class_name = self.require_class(class)?.name();
        let subject_name = self.require_subject(subject)?.name().to_owned();
        let term = self.calendar.require_term(&term)?.clone();
        let lessons = self.lessons_of_class_subject(class, subject, term.start(), term.end());
        let lesson_ids: BTreeSet<LessonId> = lessons.iter().map(Lesson::id).collect();

        let mut students: Vec<StudentId> = self
            .enrolments
            .iter()
            .filter(|e| {
                e.class() == class
                    && e.start() <= term.end()
                    && e.end().is_none_or(|to| to >= term.start())
            })
            .map(|e| e.student())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        students.sort_by_key(|s| (self.students.get(s).map(|st| st.name().clone()), *s));
        let in_page: BTreeSet<StudentId> = students.iter().copied().collect();

        let mut cell_marks: BTreeMap<(LessonId, StudentId), Vec<MarkRecord>> = BTreeMap::new();
        let mut term_marks: BTreeMap<StudentId, Vec<MarkRecord>> = BTreeMap::new();
        for m in self.marks.values().filter(|m| in_page.contains(&m.student)) {
            if lesson_ids.contains(&m.lesson) {
                cell_marks
                    .entry((m.lesson, m.student))
                    .or_default()
                    .push(m.clone());
            }
            if self.in_subject_term(m.lesson, subject, &term) {
                term_marks.entry(m.student).or_default().push(m.clone());
            }
        }
        let cell_attendance: BTreeMap<(LessonId, StudentId), AttendanceRecord> = self
            .attendance
            .values()
            .filter(|a| lesson_ids.contains(&a.lesson))
            .map(|a| ((a.lesson, a.student), *a))
            .collect();

        let columns = lessons
            .iter()
            .map(|l| JournalColumn {
                lesson: l.id(),
                date: l.date(),
                shift: l.shift(),
                slot: l.slot(),
                group: l.group(),
                topic: l.topic().map(str::to_owned),
                homework: l.homework().cloned(),
            })
            .collect();
        let mut rows = Vec::with_capacity(students.len());
        for student in students {
            let Some(st) = self.students.get(&student) else {
                continue;
            };
            let cells = lessons
                .iter()
                .map(|l| JournalCell {
                    lesson: l.id(),
                    applicable: self.check_attends(student, l).is_ok(),
                    marks: cell_marks.remove(&(l.id(), student)).unwrap_or_default(),
                    attendance: cell_attendance.get(&(l.id(), student)).copied(),
                })
                .collect();
            let marks = term_marks.remove(&student).unwrap_or_default();
            let summary = self.summarise(student, subject, &term, marks);
            rows.push(JournalRow {
                student,
                name: st.name().clone(),
                cells,
                average_shown: summary.average_shown,
                period_mark: summary.period_mark,
            });
        }
        Ok(JournalPage {
            class_id: class,
            class_name,
            subject,
            subject_name,
            term,
            columns,
            rows,
        })
    }

    fn in_subject_term(&self, lesson: LessonId, subject: SubjectId, term: &Term) -> bool {
        self.lessons
            .get(&lesson)
            .is_some_and(|l| l.subject() == subject && term.contains(l.date()))
    }

    /// Builds the summary; puts the marks in lesson order.
    fn summarise(
        &self,
        student: StudentId,
        subject: SubjectId,
        term: &Term,
        mut marks: Vec<MarkRecord>,
    ) -> SubjectMarks {
        marks.sort_by_key(|m| (self.lessons.get(&m.lesson).map(Lesson::sort_key), m.id));
        let mut summary = SubjectMarks {
            student,
            subject,
            subject_name: self
                .subjects
                .get(&subject)
                .map(|s| s.name().to_owned())
                .unwrap_or_default(),
            term: term.code(),
            marks,
            average_shown: None,
            counted_marks: 0,
            period_mark: PeriodMark::NotAttested,
        };
        let average = summary.average();
        summary.average_shown = average.shown();
        summary.counted_marks = average.count();
        let count = |value: MarkValue| {
            let n = summary.marks.iter().filter(|m| m.value == value).count();
            u32::try_from(n).unwrap_or(u32::MAX)
        };
        let (passes, fails) = (count(MarkValue::Pass), count(MarkValue::Fail));
        summary.period_mark =
            self.grading_of(subject)
                .period_mark(&self.policy, &average, passes, fails);
        summary
    }
}
