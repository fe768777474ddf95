//! "What do I need" over the journal: the student's marks in a subject
//! and term, the school's policy, and the lessons left.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Journal;
use crate::Error;
use crate::access::{AccessFacts, Action, Actor, authorize};
use crate::calendar::TermCode;
use crate::ids::{LessonId, StudentId, SubjectId};
use crate::marks::{Points, Weight, WeightedAverage};
use crate::school::LessonFacts;
use crate::school::SchoolError;
use crate::target_mark::{TargetOutcome, marks_needed};

/// A "what do I need" question about one subject and term.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetQuery {
    /// The subject.
    pub subject: SubjectId,
    /// The term's code (`Q2`).
    pub term: TermCode,
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
    /// let query = TargetQuery { subject: math, term: "Q1".parse()?, target: Points::FIVE, value: Points::FIVE,
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
        self.what_do_i_need_with(self, actor, student, query)
    }

    /// [`Journal::what_do_i_need`] with the access facts given (a handle's, whose
    /// registry decides parents' access).
    pub(crate) fn what_do_i_need_with(
        &self,
        facts: &dyn AccessFacts,
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
        authorize(facts, actor, &Action::ReadDiary { student })?;
        let term = self.school.calendar().require_term(&query.term)?.clone();
        let lessons: Vec<(LessonId, LessonFacts)> = self
            .student_lessons(student, term.start(), term.end(), None)
            .into_iter()
            .filter(|(_, f)| f.subject == query.subject)
            .collect();
        let current = WeightedAverage::of(lessons.iter().flat_map(|(id, _)| {
            self.school
                .index
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
