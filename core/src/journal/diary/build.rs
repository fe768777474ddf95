//! Building the diary week from the school's one index.

use chrono::{Datelike, Days, NaiveDate};

use super::{DiaryDay, DiaryLesson, DiaryMark, DiarySubject, DiaryWeek, OverdueKind, OverdueWork};
use crate::Error;
use crate::access::{AccessFacts, Action, Actor, authorize};
use crate::attendance::AttendanceCode;
use crate::calendar::TermCode;
use crate::ids::{ClassId, LessonId, StudentId, SubjectId};
use crate::journal::Journal;
use crate::marks::WorkTypeCode;
use crate::school::SchoolError;

impl Journal {
    /// The diary week containing `date` for `student`, with overdue work as
    /// of `today`. See the [module documentation](crate::journal::diary).
    ///
    /// # Errors
    /// [`SchoolError::UnknownStudent`]; [`crate::access::AccessError`]
    /// unless the actor is the student, a linked parent whose access is
    /// granted, the student's class teacher, or an administrator.
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
    /// let week = journal.diary_week(&Actor::student(pupil), pupil, d(9, 17), d(9, 17))?;
    /// assert_eq!(week.days.len(), 6); // Monday to Saturday
    /// let monday = &week.days[0].lessons[0];
    /// assert_eq!((monday.subject_name.as_str(), monday.marks.len()), ("Математика", 1));
    /// assert_eq!(week.subjects[0].class_average.map(|a| a.to_string()), Some("5.00".into()));
    /// let e = journal.diary_week(&Actor::student(StudentId::new(2)), pupil, d(9, 17), d(9, 17)).unwrap_err();
    /// assert_eq!(e.code(), "access.not_own_diary");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn diary_week(
        &self,
        actor: &Actor,
        student: StudentId,
        date: NaiveDate,
        today: NaiveDate,
    ) -> Result<DiaryWeek, Error> {
        self.diary_week_with(self, actor, student, date, today)
    }

    /// [`Journal::diary_week`] with the access facts given (a handle's, whose
    /// registry decides parents' access).
    pub(crate) fn diary_week_with(
        &self,
        facts: &dyn AccessFacts,
        actor: &Actor,
        student: StudentId,
        date: NaiveDate,
        today: NaiveDate,
    ) -> Result<DiaryWeek, Error> {
        let name = self
            .school
            .student(student)
            .ok_or(SchoolError::UnknownStudent { student })?
            .name()
            .clone();
        authorize(facts, actor, &Action::ReadDiary { student })?;
        let calendar = self.school.calendar();
        let enrolments = self.school.index.enrolments_of(student);
        let back = u64::from(date.weekday().num_days_from_monday());
        let monday = date.checked_sub_days(Days::new(back)).unwrap_or(date);
        let mut days = Vec::with_capacity(6);
        let mut class = None;
        let mut term = None;
        let mut week_subjects: Vec<SubjectId> = Vec::new();
        // The study week and the breaks of the student's grade (grade 1
        // has a five-day week and an extra February break).
        let grade = monday
            .iter_days()
            .take(7)
            .find_map(|d| self.school.index.class_on(student, d))
            .and_then(|c| self.school.class(c))
            .map(|c| c.name().grade());
        let study_week = grade.map_or(calendar.study_week(), |g| calendar.study_week_for(g));
        for date in monday.iter_days().take(7) {
            if !study_week.is_study_day(date.weekday()) {
                continue;
            }
            if term.is_none() {
                term = calendar.term_of(date);
            }
            let day_class = self.school.index.class_on(student, date);
            class = class.or(day_class);
            let ids = day_class.and_then(|c| self.school.index.day_lessons.get(&(c, date)));
            let mut lessons = Vec::with_capacity(ids.map_or(0, Vec::len));
            for id in ids.into_iter().flatten() {
                let Some(facts) = self.school.index.lessons.get(id) else {
                    continue;
                };
                if self
                    .school
                    .index
                    .check_attends_in(enrolments, student, facts)
                    .is_err()
                {
                    continue;
                }
                if let Some(lesson) = self.diary_lesson(*id, student) {
                    if !week_subjects.contains(&lesson.subject) {
                        week_subjects.push(lesson.subject);
                    }
                    lessons.push(lesson);
                }
            }
            days.push(DiaryDay {
                date,
                holiday: match grade {
                    Some(g) => calendar.holiday_on_for(g, date),
                    None => calendar.holiday_on(date),
                }
                .map(|h| h.name().to_owned()),
                lessons,
            });
        }
        let subjects = match term {
            Some(t) => self.diary_subjects(student, class, t, &week_subjects),
            None => Vec::new(),
        };
        Ok(DiaryWeek {
            student,
            student_name: name,
            class_id: class,
            monday,
            today,
            days,
            overdue: self.overdue(student, today),
            term: term.map(|t| t.code()),
            subjects,
        })
    }

    fn diary_lesson(&self, id: LessonId, student: StudentId) -> Option<DiaryLesson> {
        let lesson = self.school.lesson(id)?;
        let slot = self.school.calendar().slot(lesson.shift(), lesson.slot());
        let catalogue = self.school.work_types();
        let marks = self
            .school
            .index
            .cell_marks
            .get(&(id, student))
            .map(|list| {
                list.iter()
                    .map(|m| DiaryMark {
                        mark: m.id,
                        value: m.value,
                        work_type: m.work_type.clone(),
                        work_type_name: catalogue
                            .get(&m.work_type)
                            .map(|w| w.name().to_owned())
                            .unwrap_or_default(),
                        weight: m.weight,
                    })
                    .collect()
            })
            .unwrap_or_default();
        Some(DiaryLesson {
            lesson: id,
            shift: lesson.shift(),
            slot: lesson.slot(),
            start: slot.map(|s| s.start()),
            end: slot.map(|s| s.end()),
            subject: lesson.subject(),
            subject_name: self.subject_name(lesson.subject()),
            room: lesson.room().map(str::to_owned),
            teacher: lesson.teacher(),
            teacher_name: self
                .school
                .index
                .teacher_names
                .get(&lesson.teacher())
                .cloned()
                .unwrap_or_default(),
            topic: lesson.topic().map(str::to_owned),
            homework: lesson.homework().cloned(),
            marks,
            attendance: self
                .school
                .index
                .cell_attendance
                .get(&(id, student))
                .map(|a| a.code),
        })
    }

    fn subject_name(&self, subject: SubjectId) -> String {
        self.school
            .subject(subject)
            .map(|s| s.name().to_owned())
            .unwrap_or_default()
    }

    fn diary_subjects(
        &self,
        student: StudentId,
        class: Option<ClassId>,
        term: &crate::calendar::Term,
        week_subjects: &[SubjectId],
    ) -> Vec<DiarySubject> {
        let policy = self.school.period_mark_policy();
        let number = term.number();
        let mut subjects: Vec<SubjectId> = week_subjects.to_vec();
        if let Some(with_marks) = self.school.index.student_terms.get(&(student, number)) {
            for s in with_marks.keys() {
                if !subjects.contains(s) {
                    subjects.push(*s);
                }
            }
        }
        let code = term.code();
        let mut out: Vec<DiarySubject> = subjects
            .into_iter()
            .map(|subject| {
                let sums = self.school.index.sums(student, number, subject);
                let class_sums = class
                    .and_then(|c| self.school.index.class_terms.get(&(c, number, subject)))
                    .copied()
                    .unwrap_or_default();
                DiarySubject {
                    subject,
                    subject_name: self.subject_name(subject),
                    average: sums.shown(),
                    marks_counted: sums.count(),
                    period_mark: sums.period_mark(policy, self.school.grading_of(subject)),
                    final_mark: self.final_mark_of(student, subject, code),
                    class_average: class_sums.shown(),
                }
            })
            .collect();
        out.sort_by(|a, b| {
            a.subject_name
                .cmp(&b.subject_name)
                .then(a.subject.cmp(&b.subject))
        });
        out
    }

    fn overdue(&self, student: StudentId, today: NaiveDate) -> Vec<OverdueWork> {
        let catalogue = self.school.work_types();
        let type_name = |code: &WorkTypeCode| {
            catalogue
                .get(code)
                .map(|w| w.name().to_owned())
                .unwrap_or_default()
        };
        let mut out = Vec::new();
        for (mark, lesson) in self.school.index.debts.get(&student).into_iter().flatten() {
            let Some(facts) = self.school.index.lessons.get(lesson) else {
                continue;
            };
            let record = self
                .school
                .index
                .cell_marks
                .get(&(*lesson, student))
                .and_then(|list| list.iter().find(|m| m.id == *mark));
            if let Some(m) = record.filter(|_| facts.date <= today) {
                out.push(OverdueWork {
                    kind: OverdueKind::Debt,
                    lesson: *lesson,
                    date: facts.date,
                    subject: facts.subject,
                    subject_name: self.subject_name(facts.subject),
                    work_type: m.work_type.clone(),
                    work_type_name: type_name(&m.work_type),
                    due: facts.date,
                });
            }
        }
        let index = &self.school.index;
        let enrolments = index.enrolments_of(student);
        let mut classes: Vec<ClassId> = enrolments.iter().map(|e| e.class()).collect();
        classes.dedup();
        for class in classes {
            for ((lesson, work_type), assigned) in
                self.assigned_by_class.get(&class).into_iter().flatten()
            {
                let due = &assigned.due;
                if *due >= today || !assigned.mandatory {
                    continue;
                }
                let facts = &assigned.facts;
                if index.check_attends_in(enrolments, student, facts).is_err() {
                    continue;
                }
                // Handed in (the usual case) is checked first.
                let marked = index
                    .cell_marks
                    .get(&(*lesson, student))
                    .is_some_and(|list| list.iter().any(|m| &m.work_type == work_type));
                if marked {
                    continue;
                }
                let exempt = index
                    .cell_attendance
                    .get(&(*lesson, student))
                    .is_some_and(|a| a.code == AttendanceCode::Exempt);
                if exempt {
                    continue;
                }
                out.push(OverdueWork {
                    kind: OverdueKind::Missing,
                    lesson: *lesson,
                    date: facts.date,
                    subject: facts.subject,
                    subject_name: self.subject_name(facts.subject),
                    work_type: work_type.clone(),
                    work_type_name: type_name(work_type),
                    due: *due,
                });
            }
        }
        out.sort_by(|a, b| (a.date, a.lesson, &a.work_type).cmp(&(b.date, b.lesson, &b.work_type)));
        out
    }
}

impl Journal {
    /// The teacher's final mark of a student in a subject and term.
    pub(crate) fn final_mark_of(
        &self,
        student: StudentId,
        subject: SubjectId,
        term: TermCode,
    ) -> Option<crate::marks::PeriodMark> {
        self.final_marks
            .get(&(student, subject, term))
            .map(|f| f.mark)
    }
}
