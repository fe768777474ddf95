//! The checked read of a student's term marks: per subject, the marks,
//! the average as shown and the computed period mark, with the teacher's
//! final mark beside it.

use serde::{Deserialize, Serialize};

use super::Journal;
use crate::Error;
use crate::access::{AccessFacts, Action, Actor, authorize};
use crate::calendar::TermCode;
use crate::ids::StudentId;
use crate::marks::PeriodMark;
use crate::school::{SchoolError, SubjectMarks};

/// A student's marks in one subject over a term, as the diary and the
/// report card show them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermMarks {
    /// The marks, the average as shown and the computed period mark.
    pub computed: SubjectMarks,
    /// The teacher's final period mark, when set.
    pub final_mark: Option<PeriodMark>,
}

impl Journal {
    /// A student's marks in every subject they have lessons or marks in
    /// over a term (`"Q1"`), by subject name: for each, the marks in
    /// lesson order, the weighted average as shown (HALF-UP, two places),
    /// the period mark computed by the school's policy and the teacher's
    /// final mark if set.
    ///
    /// # Errors
    /// `school.unknown_student`; [`crate::access::AccessError`] unless the
    /// actor may read the student's diary; `calendar.unknown_term`.
    ///
    /// # Example
    /// ```
    /// # use chrono::NaiveDate;
    /// # use zhurnal::{access::Actor, audit::Edit, calendar::{SchoolYear, Shift}, ids::*, journal::Journal, lesson::*, marks::*, organisation::*, school::School};
    /// # let d = |m, day| NaiveDate::from_ymd_opt(2014, m, day).unwrap();
    /// # let mut school = School::new(SchoolInfo::new(SchoolId::new(1), "Школа")?, SchoolYear::russian_2014_2015());
    /// # school.add_teacher(Teacher::new(TeacherId::new(1), PersonName::new("Сидорова", "Мария", None)?))?;
    /// # school.add_subject(Subject::new(SubjectId::new(1), "Математика", "Матем.")?)?;
    /// # school.add_class(Class::new(ClassId::new(1), ClassName::parse("5А")?, None))?;
    /// # school.add_student(Student::new(StudentId::new(1), PersonName::new("Орлов", "Пётр", None)?, d(1, 2)))?;
    /// # school.enrol(Enrolment::new(StudentId::new(1), ClassId::new(1), d(9, 1), None)?)?;
    /// # let lesson = school.schedule_lesson(NewLesson { date: d(9, 15), shift: Shift::First, slot: 1, group: LessonGroup::Class(ClassId::new(1)), subject: SubjectId::new(1), teacher: TeacherId::new(1), room: None })?;
    /// # let mut journal = Journal::new(school);
    /// let pupil = StudentId::new(1);
    /// let teacher = Edit::new(Actor::teacher(TeacherId::new(1)), d(9, 15).and_hms_opt(9, 0, 0).unwrap());
    /// journal.record_mark(&teacher, lesson, pupil, MarkValue::Points(Points::FOUR), &WorkTypeCode::new("answer")?, None)?;
    /// let marks = journal.term_marks(&Actor::student(pupil), pupil, "Q1".parse()?)?;
    /// assert_eq!(marks[0].computed.average_shown.map(|a| a.to_string()), Some("4.00".into()));
    /// assert_eq!(marks[0].computed.period_mark.to_string(), "н/а"); // fewer than 3 marks
    /// let e = journal.term_marks(&Actor::student(StudentId::new(2)), pupil, "Q1".parse()?).unwrap_err();
    /// assert_eq!(e.code(), "access.not_own_diary");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn term_marks(
        &self,
        actor: &Actor,
        student: StudentId,
        term: TermCode,
    ) -> Result<Vec<TermMarks>, Error> {
        self.term_marks_with(self, actor, student, term)
    }

    /// [`Journal::term_marks`] with the access facts given.
    pub(crate) fn term_marks_with(
        &self,
        facts: &dyn AccessFacts,
        actor: &Actor,
        student: StudentId,
        term: TermCode,
    ) -> Result<Vec<TermMarks>, Error> {
        if self.school.student(student).is_none() {
            return Err(SchoolError::UnknownStudent { student }.into());
        }
        authorize(facts, actor, &Action::ReadDiary { student })?;
        Ok(self
            .school
            .period_marks(student, term)?
            .into_iter()
            .map(|computed| {
                let final_mark = self
                    .final_marks
                    .get(&(student, computed.subject, computed.term))
                    .map(|f| f.mark);
                TermMarks {
                    computed,
                    final_mark,
                }
            })
            .collect())
    }
}
