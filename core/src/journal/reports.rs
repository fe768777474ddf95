//! Class and student reports: attendance summaries and the
//! assessment-load check, over the lessons a student attends.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use super::Journal;
use crate::Error;
use crate::access::{AccessFacts, Action, Actor, authorize};
use crate::assessment_load::{LoadLesson, LoadPolicy, LoadReport, PlannedHours};
use crate::attendance_summary::{AttendanceSummary, ClassAttendance, StudentLessonAttendance};
use crate::ids::{ClassId, LessonId, StudentId, SubgroupId, SubjectId};
use crate::lesson::LessonGroup;
use crate::school::LessonFacts;
use crate::school::SchoolError;

impl Journal {
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
            let Some(c) = self.school.index.class_on(student, date) else {
                continue;
            };
            if class.is_some_and(|only| only != c) {
                continue;
            }
            for id in self
                .school
                .index
                .day_lessons
                .get(&(c, date))
                .into_iter()
                .flatten()
            {
                if let Some(facts) = self.school.index.lessons.get(id)
                    && self.school.index.attends(student, facts)
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
                    .school
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
        self.student_attendance_with(self, actor, student, from, to)
    }

    /// [`Journal::student_attendance`] with the access facts given (a handle's, whose
    /// registry decides parents' access).
    pub(crate) fn student_attendance_with(
        &self,
        facts: &dyn AccessFacts,
        actor: &Actor,
        student: StudentId,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<AttendanceSummary, Error> {
        if self.school.student(student).is_none() {
            return Err(SchoolError::UnknownStudent { student }.into());
        }
        authorize(facts, actor, &Action::ReadDiary { student })?;
        check_period(from, to)?;
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
        self.authorize(actor, Action::ReadClassReport { class_id: class })?;
        check_period(from, to)?;
        let students: BTreeSet<StudentId> = self
            .school
            .index
            .class_enrolments
            .get(&class)
            .map(|list| {
                list.iter()
                    .filter(|e| e.start() <= to && e.end().is_none_or(|t| t >= from))
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
    /// [`crate::assessment_load`]).
    ///
    /// - A lesson holds an assessment procedure when work of an assessment
    ///   type was **assigned** to the class (or subgroup) at it
    ///   ([`Journal::assign_work`]). Marks alone do not make one: a pupil
    ///   writing a missed control work at an ordinary lesson gets a control
    ///   mark there, but the class sat no procedure.
    /// - The 10% rule is measured against the subject's planned hours for
    ///   the year: the entry of `planned` for this class and subject (from
    ///   its thematic plan, [`PlannedHours::from_plan`]) when given,
    ///   otherwise the [`crate::organisation::Subject`]'s hours a week ×
    ///   the policy's study weeks; with neither, the subject's year share
    ///   is not checked and [`LoadReport::year_share_skipped`] lists it.
    ///   Entries of `planned` for other classes are ignored.
    /// - The one-hour-a-week exemption of the first/last-lesson rule uses
    ///   the subject's hours a week when set; otherwise they are inferred
    ///   from the schedule: the subject's lessons (per class or subgroup)
    ///   divided by the weeks in which the class has lessons.
    /// - The 2.5-week spacing rule does not depend on hours a week.
    ///
    /// # Errors
    /// [`SchoolError::UnknownClass`]; [`crate::access::AccessError`] unless
    /// the actor may read the class's reports;
    /// [`crate::assessment_load::LoadError::ConflictingPlannedHours`] when
    /// `planned` gives two different hours for one class and subject.
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
    /// use rust_decimal::Decimal;
    /// use zhurnal::assessment_load::{LoadPolicy, LoadRule, PlannedHours};
    /// journal.assign_work(&Edit::new(teacher, at), lesson, &WorkTypeCode::new("control")?, Some(d(9, 15)))?;
    /// // mathematics has no planned hours yet: its year share is not checked
    /// let report = journal.assessment_load(&teacher, class, &LoadPolicy::default(), &[])?;
    /// assert_eq!(report.year_share_skipped[0].subject, math);
    /// // 170 planned hours: 1 control work is far below 10%, though it is
    /// // in the only lesson held so far (no breach of the first/last-lesson
    /// // rule either: one mathematics lesson a week so far)
    /// let planned = PlannedHours::new(class, math, Decimal::from(170))?;
    /// let report = journal.assessment_load(&teacher, class, &LoadPolicy::default(), &[planned])?;
    /// assert!(report.year_share_skipped.is_empty());
    /// assert_eq!(report.breaches.iter().map(|b| b.rule).collect::<Vec<_>>(), []);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn assessment_load(
        &self,
        actor: &Actor,
        class: ClassId,
        policy: &LoadPolicy,
        planned: &[PlannedHours],
    ) -> Result<LoadReport, Error> {
        self.class_of_group(LessonGroup::Class(class))?;
        self.authorize(actor, Action::ReadClassReport { class_id: class })?;
        let calendar = self.school.calendar();
        let catalogue = self.school.work_types();
        let assessed: BTreeSet<LessonId> = self
            .assigned_by_class
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
            let Some(ids) = self.school.index.day_lessons.get(&(class, date)) else {
                continue;
            };
            weeks.insert(date.iso_week());
            let mut day = Vec::new();
            for id in ids {
                let (Some(facts), Some(lesson)) =
                    (self.school.index.lessons.get(id), self.school.lesson(*id))
                else {
                    continue;
                };
                *per_group
                    .entry((facts.subgroup, facts.subject))
                    .or_default() += 1;
                let at = (lesson.shift(), lesson.slot());
                day.push((*id, *facts, at, assessed.contains(id)));
            }
            days.push(day);
        }
        let weeks = Decimal::from(weeks.len().max(1) as u64);
        let mut planned: Vec<PlannedHours> = planned
            .iter()
            .filter(|p| p.class_id() == class)
            .copied()
            .collect();
        let mut input = Vec::new();
        for day in days {
            let first = day.iter().map(|l| l.2).min();
            let last = day.iter().map(|l| l.2).max();
            for (id, facts, at, assessed) in day {
                let known = self
                    .school
                    .subject(facts.subject)
                    .and_then(|s| s.hours_per_week());
                if let Some(hours) = known
                    && !planned.iter().any(|p| p.subject() == facts.subject)
                {
                    planned.push(PlannedHours::from_hours_per_week(
                        class,
                        facts.subject,
                        hours,
                        policy.study_weeks(),
                    )?);
                }
                let inferred = || {
                    let lessons = per_group
                        .get(&(facts.subgroup, facts.subject))
                        .copied()
                        .unwrap_or(0);
                    Decimal::from(lessons) / weeks
                };
                input.push(LoadLesson {
                    lesson: id,
                    class_id: class,
                    subgroup: facts.subgroup,
                    subject: facts.subject,
                    date: facts.date,
                    slot: at.1,
                    first_of_day: Some(at) == first,
                    last_of_day: Some(at) == last,
                    hours_per_week: known.unwrap_or_else(inferred),
                    assessment: assessed,
                });
            }
        }
        Ok(policy.check(&input, &planned)?)
    }
}

/// Refuses a period that ends before it starts (a summary over it would
/// count nothing and look like perfect attendance).
fn check_period(from: NaiveDate, to: NaiveDate) -> Result<(), Error> {
    if to < from {
        return Err(crate::calendar::CalendarError::InvalidSpan {
            start: from,
            end: to,
        }
        .into());
    }
    Ok(())
}
