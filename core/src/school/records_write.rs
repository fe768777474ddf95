//! Writes to the records: lessons with topics and homework, marks and
//! attendance entries. Scheduling a lesson is public (building a school);
//! every other record write is crate-private: the journal's access-checked,
//! audited operations are the one way in ([`crate::journal::Journal`]).

use chrono::NaiveDate;

use super::{AttendanceRecord, MarkRecord, School, SchoolError};
use crate::Error;
use crate::attendance::AttendanceCode;
use crate::ids::{AttendanceId, LessonId, MarkId, StudentId, SubjectId};
use crate::lesson::{Homework, Lesson, LessonGroup, NewLesson};
use crate::marks::{MarkValue, Weight, WorkTypeCode};
use crate::thematic_plan::{PlanAttachment, ThematicPlan};

/// The counter after `current`, or an error when ids are used up.
fn after(current: u32, kind: &str) -> Result<u32, SchoolError> {
    current
        .checked_add(1)
        .ok_or_else(|| SchoolError::IdsExhausted {
            kind: kind.to_owned(),
        })
}

impl School {
    /// Schedules a lesson and returns its new id.
    ///
    /// The date must be a school day of the calendar for the grade of the
    /// lesson's class (inside the year and a term, not a holiday or a break
    /// of that grade, a study day of the grade's week); the slot must be in
    /// the bell schedule; class or subgroup, subject and teacher must exist.
    /// The class (or subgroup) and the teacher must be free: no other lesson
    /// that day whose slot overlaps in time for the same class or subgroup
    /// (a whole-class lesson clashes with its subgroups' lessons; two
    /// subgroups of a class may have lessons at once), nor for the teacher.
    ///
    /// # Errors
    /// [`crate::calendar::CalendarError`] (`calendar.lesson_on_holiday`,
    /// `calendar.outside_year`, `calendar.day_off`, `calendar.between_terms`,
    /// `calendar.not_a_school_day_for_grade`, `calendar.unknown_slot`); [`SchoolError::UnknownClass`],
    /// [`SchoolError::UnknownSubgroup`], [`SchoolError::UnknownSubject`],
    /// [`SchoolError::UnknownTeacher`], [`SchoolError::GroupSlotTaken`],
    /// [`SchoolError::TeacherDoubleBooked`]; [`crate::lesson::LessonError`]
    /// for an invalid room.
    ///
    /// # Example
    /// ```
    /// # use chrono::NaiveDate;
    /// # use zhurnal::{calendar::{SchoolYear, Shift}, ids::*, lesson::*, organisation::*, school::School};
    /// # let mut school = School::new(SchoolInfo::new(SchoolId::new(1), "Школа")?, SchoolYear::russian_2014_2015());
    /// # school.add_class(Class::new(ClassId::new(1), ClassName::parse("5А")?, None))?;
    /// # school.add_subject(Subject::new(SubjectId::new(1), "Математика", "Матем.")?)?;
    /// # school.add_teacher(Teacher::new(TeacherId::new(1), PersonName::new("Сидорова", "Мария", None)?))?;
    /// let new = NewLesson {
    ///     date: NaiveDate::from_ymd_opt(2014, 9, 1).unwrap(),
    ///     shift: Shift::First, slot: 1,
    ///     group: LessonGroup::Class(ClassId::new(1)),
    ///     subject: SubjectId::new(1), teacher: TeacherId::new(1), room: None,
    /// };
    /// let id = school.schedule_lesson(new.clone())?;
    /// assert_eq!(school.lesson(id).map(|l| l.slot()), Some(1));
    /// assert_eq!(school.schedule_lesson(new).unwrap_err().code(), "school.group_slot_taken");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn schedule_lesson(&mut self, new: NewLesson) -> Result<LessonId, Error> {
        let id = LessonId::new(self.next_lesson);
        let lesson = Lesson::new(id, new)?;
        self.check_lesson(&lesson)?;
        let next = after(self.next_lesson, "lesson")?;
        self.insert_lesson(lesson);
        self.next_lesson = next;
        Ok(id)
    }

    /// The lessons of a subject for a class or subgroup, in id order.
    pub(crate) fn lessons_of_group_subject(
        &self,
        group: LessonGroup,
        subject: SubjectId,
    ) -> impl Iterator<Item = &Lesson> {
        let mut lessons: Vec<&Lesson> = self
            .lessons
            .values()
            .filter(|l| l.group() == group && l.subject() == subject)
            .collect();
        lessons.sort_by_key(|l| l.id());
        lessons.into_iter()
    }

    /// Checks a lesson against the calendar, the roster and the other
    /// lessons (all but itself).
    pub(super) fn check_lesson(&self, lesson: &Lesson) -> Result<(), Error> {
        let grade = self
            .class_of_group(lesson.group())
            .and_then(|c| self.class(c))
            .map(|c| c.name().grade());
        match grade {
            Some(grade) => self.calendar.check_school_day_for(grade, lesson.date())?,
            None => self.calendar.check_school_day(lesson.date())?,
        }
        let slot = *self.calendar.require_slot(lesson.shift(), lesson.slot())?;
        match lesson.group() {
            LessonGroup::Class(c) => {
                self.require_class(c)?;
            }
            LessonGroup::Subgroup(g) => {
                self.require_subgroup(g)?;
            }
        }
        self.require_subject(lesson.subject())?;
        self.require_teacher(lesson.teacher())?;
        for other in self
            .lessons_on(lesson.date())
            .filter(|o| o.id() != lesson.id())
        {
            let at_same_time = self
                .calendar
                .slot(other.shift(), other.slot())
                .is_some_and(|s| s.overlaps(&slot));
            if !at_same_time {
                continue;
            }
            if self.groups_clash(lesson.group(), other.group()) {
                let group = match lesson.group() {
                    LessonGroup::Class(c) => c.to_string(),
                    LessonGroup::Subgroup(g) => g.to_string(),
                };
                return Err(SchoolError::GroupSlotTaken {
                    group,
                    date: lesson.date(),
                    shift: lesson.shift(),
                    slot: lesson.slot(),
                    lesson: other.id(),
                }
                .into());
            }
            if other.teacher() == lesson.teacher() {
                return Err(SchoolError::TeacherDoubleBooked {
                    teacher: lesson.teacher(),
                    date: lesson.date(),
                    shift: lesson.shift(),
                    slot: lesson.slot(),
                    lesson: other.id(),
                }
                .into());
            }
        }
        Ok(())
    }

    /// Whether lessons of the two groups cannot run at the same time.
    fn groups_clash(&self, a: LessonGroup, b: LessonGroup) -> bool {
        if a == b {
            return true;
        }
        let same_class =
            self.class_of_group(a).is_some() && self.class_of_group(a) == self.class_of_group(b);
        let one_is_class = matches!(a, LessonGroup::Class(_)) || matches!(b, LessonGroup::Class(_));
        same_class && one_is_class
    }

    /// Sets a lesson's topic (trimmed).
    ///
    /// # Errors
    /// [`SchoolError::UnknownLesson`]; [`crate::lesson::LessonError`] for a
    /// blank or invalid topic.
    pub(crate) fn set_topic(&mut self, lesson: LessonId, topic: &str) -> Result<(), Error> {
        let l = self
            .lessons
            .get_mut(&lesson)
            .ok_or(SchoolError::UnknownLesson { lesson })?;
        l.set_topic(topic)?;
        Ok(())
    }

    /// Removes a lesson's topic.
    ///
    /// # Errors
    /// [`SchoolError::UnknownLesson`].
    pub(crate) fn clear_topic(&mut self, lesson: LessonId) -> Result<(), Error> {
        self.lessons
            .get_mut(&lesson)
            .ok_or(SchoolError::UnknownLesson { lesson })?
            .clear_topic();
        Ok(())
    }

    /// Sets a lesson's homework: its text and the date it is due, which may
    /// not be before the lesson.
    ///
    /// # Errors
    /// [`SchoolError::UnknownLesson`]; [`crate::lesson::LessonError`]
    /// (`lesson.empty_homework`, `lesson.invalid_text`,
    /// `lesson.homework_due_before_lesson`).
    pub(crate) fn set_homework(
        &mut self,
        lesson: LessonId,
        text: &str,
        due: NaiveDate,
    ) -> Result<(), Error> {
        let l = self
            .lessons
            .get_mut(&lesson)
            .ok_or(SchoolError::UnknownLesson { lesson })?;
        l.set_homework(Homework::new(text, due)?)?;
        Ok(())
    }

    /// Removes a lesson's homework.
    ///
    /// # Errors
    /// [`SchoolError::UnknownLesson`].
    pub(crate) fn clear_homework(&mut self, lesson: LessonId) -> Result<(), Error> {
        self.lessons
            .get_mut(&lesson)
            .ok_or(SchoolError::UnknownLesson { lesson })?
            .clear_homework();
        Ok(())
    }

    /// Attaches a thematic plan to all lessons of a subject for a class or
    /// subgroup (the whole year, in journal order): each lesson that gets a
    /// topic ([`ThematicPlan::attach`]) has its topic replaced; lessons left
    /// over keep theirs. Returns the report.
    ///
    /// # Errors
    /// [`SchoolError::UnknownClass`], [`SchoolError::UnknownSubgroup`],
    /// [`SchoolError::UnknownSubject`].
    pub(crate) fn attach_plan(
        &mut self,
        group: LessonGroup,
        subject: SubjectId,
        plan: &ThematicPlan,
    ) -> Result<PlanAttachment, Error> {
        match group {
            LessonGroup::Class(c) => {
                self.require_class(c)?;
            }
            LessonGroup::Subgroup(g) => {
                self.require_subgroup(g)?;
            }
        }
        self.require_subject(subject)?;
        let lessons: Vec<Lesson> = self
            .lessons_of_group_subject(group, subject)
            .cloned()
            .collect();
        let report = plan.attach(&lessons);
        let mut updated = Vec::with_capacity(report.assignments.len());
        for a in &report.assignments {
            let mut lesson = self.require_lesson(a.lesson)?.clone();
            lesson.set_topic(&a.title)?;
            updated.push(lesson);
        }
        for lesson in updated {
            self.insert_lesson(lesson);
        }
        Ok(report)
    }

    /// Records a mark and returns its new id. The weight is `weight` when
    /// given, else the work type's default weight in the catalogue.
    ///
    /// # Errors
    /// [`SchoolError::UnknownLesson`], [`SchoolError::UnknownStudent`],
    /// [`crate::marks::MarkError::UnknownWorkType`] for a type not in the
    /// catalogue, [`SchoolError::NotEnrolled`] when the student is not
    /// enrolled in the lesson's class on its date,
    /// [`SchoolError::NotInSubgroup`] for a subgroup lesson of another
    /// group.
    pub(crate) fn record_mark(
        &mut self,
        lesson: LessonId,
        student: StudentId,
        value: MarkValue,
        work_type: &WorkTypeCode,
        weight: Option<Weight>,
    ) -> Result<MarkId, Error> {
        let default_weight = self.work_types.require(work_type)?.default_weight();
        let record = MarkRecord {
            id: MarkId::new(self.next_mark),
            lesson,
            student,
            value,
            work_type: work_type.clone(),
            weight: weight.unwrap_or(default_weight),
        };
        self.check_mark(&record)?;
        let next = after(self.next_mark, "mark")?;
        let id = record.id;
        self.insert_mark(record);
        self.next_mark = next;
        Ok(id)
    }

    /// Checks a mark's references: lesson, student, work type, enrolment
    /// and subgroup membership.
    pub(super) fn check_mark(&self, mark: &MarkRecord) -> Result<(), Error> {
        let lesson = self.require_lesson(mark.lesson)?;
        self.require_student(mark.student)?;
        self.work_types.require(&mark.work_type)?;
        self.check_attends(mark.student, lesson)?;
        Ok(())
    }

    /// Changes a mark's value, work type and weight; returns the mark as it
    /// was. With `weight` `None` the mark keeps its weight if the work type
    /// stays the same, else it takes the new type's default weight.
    ///
    /// # Errors
    /// [`SchoolError::UnknownMark`],
    /// [`crate::marks::MarkError::UnknownWorkType`].
    pub(crate) fn change_mark(
        &mut self,
        mark: MarkId,
        value: MarkValue,
        work_type: &WorkTypeCode,
        weight: Option<Weight>,
    ) -> Result<MarkRecord, Error> {
        let old = self
            .marks
            .get(&mark)
            .ok_or(SchoolError::UnknownMark { mark })?
            .clone();
        let default_weight = self.work_types.require(work_type)?.default_weight();
        let weight = match weight {
            Some(w) => w,
            None if &old.work_type == work_type => old.weight,
            None => default_weight,
        };
        let new = MarkRecord {
            value,
            work_type: work_type.clone(),
            weight,
            ..old.clone()
        };
        self.check_mark(&new)?;
        self.index.remove_mark(&old);
        self.insert_mark(new);
        Ok(old)
    }

    /// Removes a mark; returns it.
    ///
    /// # Errors
    /// [`SchoolError::UnknownMark`].
    pub(crate) fn remove_mark(&mut self, mark: MarkId) -> Result<MarkRecord, Error> {
        let old = self
            .marks
            .remove(&mark)
            .ok_or(SchoolError::UnknownMark { mark })?;
        self.index.remove_mark(&old);
        Ok(old)
    }

    /// Records a student's attendance at a lesson and returns the entry's
    /// id. A student has at most one entry per lesson; change it with
    /// [`School::change_attendance`].
    ///
    /// # Errors
    /// [`SchoolError::UnknownLesson`], [`SchoolError::UnknownStudent`],
    /// [`SchoolError::NotEnrolled`], [`SchoolError::NotInSubgroup`],
    /// [`SchoolError::AttendanceAlreadyRecorded`].
    pub(crate) fn record_attendance(
        &mut self,
        lesson: LessonId,
        student: StudentId,
        code: AttendanceCode,
    ) -> Result<AttendanceId, Error> {
        let record = AttendanceRecord {
            id: AttendanceId::new(self.next_attendance),
            lesson,
            student,
            code,
        };
        self.check_attendance(&record)?;
        let next = after(self.next_attendance, "attendance")?;
        self.insert_attendance(record);
        self.next_attendance = next;
        Ok(record.id)
    }

    /// Checks an attendance entry's references and that it is the only
    /// entry (besides itself) for its student and lesson.
    pub(super) fn check_attendance(&self, record: &AttendanceRecord) -> Result<(), Error> {
        let lesson = self.require_lesson(record.lesson)?;
        self.require_student(record.student)?;
        self.check_attends(record.student, lesson)?;
        if let Some(existing) = self
            .index
            .cell_attendance
            .get(&(record.lesson, record.student))
            .filter(|existing| existing.id != record.id)
        {
            return Err(SchoolError::AttendanceAlreadyRecorded {
                student: record.student,
                lesson: record.lesson,
                entry: existing.id,
            }
            .into());
        }
        Ok(())
    }

    /// Changes an attendance entry's code (e.g. ОТ → Б once the reason is
    /// known); returns the entry as it was.
    ///
    /// # Errors
    /// [`SchoolError::UnknownAttendance`].
    pub(crate) fn change_attendance(
        &mut self,
        entry: AttendanceId,
        code: AttendanceCode,
    ) -> Result<AttendanceRecord, Error> {
        let record = self
            .attendance
            .get_mut(&entry)
            .ok_or(SchoolError::UnknownAttendance { entry })?;
        let old = *record;
        record.code = code;
        let new = *record;
        self.index
            .cell_attendance
            .insert((new.lesson, new.student), new);
        Ok(old)
    }

    /// Removes an attendance entry (the student was present after all);
    /// returns it.
    ///
    /// # Errors
    /// [`SchoolError::UnknownAttendance`].
    pub(crate) fn remove_attendance(
        &mut self,
        entry: AttendanceId,
    ) -> Result<AttendanceRecord, Error> {
        let record = self
            .attendance
            .remove(&entry)
            .ok_or(SchoolError::UnknownAttendance { entry })?;
        self.index
            .cell_attendance
            .remove(&(record.lesson, record.student));
        Ok(record)
    }
}
