//! The administrator's timetable and calendar changes: moving and
//! cancelling a lesson, replacing the school year. Crate-private: the
//! journal's audited operations are the way in.

use super::{Index, School, SchoolError};
use crate::Error;
use crate::audit::LessonTime;
use crate::calendar::SchoolYear;
use crate::ids::LessonId;
use crate::lesson::{Lesson, NewLesson};

impl School {
    /// Moves a lesson to another date, slot or room, keeping its topic and
    /// homework. Refused, changing nothing, when the new time breaks the
    /// calendar or clashes, or when a student with a mark or an
    /// attendance entry at the lesson does not attend it on the new date.
    pub(crate) fn move_lesson(&mut self, id: LessonId, to: LessonTime) -> Result<Lesson, Error> {
        let old = self.require_lesson(id)?.clone();
        let mut moved = Lesson::new(
            id,
            NewLesson {
                date: to.date,
                shift: to.shift,
                slot: to.slot,
                group: old.group(),
                subject: old.subject(),
                teacher: old.teacher(),
                room: to.room,
            },
        )?;
        if let Some(topic) = old.topic() {
            moved.set_topic(topic)?;
        }
        if let Some(homework) = old.homework() {
            moved.set_homework(homework.clone())?;
        }
        self.check_lesson(&moved)?;
        let students = self
            .marks
            .values()
            .filter(|m| m.lesson == id)
            .map(|m| m.student)
            .chain(
                self.attendance
                    .values()
                    .filter(|a| a.lesson == id)
                    .map(|a| a.student),
            );
        for student in students {
            self.check_attends(student, &moved)?;
        }
        self.lessons.insert(id, moved);
        self.index = Index::build(self);
        Ok(old)
    }

    /// Cancels a lesson that has no marks and no attendance entries.
    pub(crate) fn cancel_lesson(&mut self, id: LessonId) -> Result<Lesson, Error> {
        self.require_lesson(id)?;
        let records = self.marks.values().filter(|m| m.lesson == id).count()
            + self.attendance.values().filter(|a| a.lesson == id).count();
        if records > 0 {
            return Err(SchoolError::LessonHasRecords {
                lesson: id,
                records: u32::try_from(records).unwrap_or(u32::MAX),
            }
            .into());
        }
        let old = self
            .lessons
            .remove(&id)
            .ok_or(SchoolError::UnknownLesson { lesson: id })?;
        self.index = Index::build(self);
        Ok(old)
    }

    /// Ends a student's open enrolment in `old_class` on the day before
    /// `start` and enrols them in `new_class` from `start`, both or
    /// neither.
    pub(crate) fn transfer(
        &mut self,
        student: crate::ids::StudentId,
        old_class: crate::ids::ClassId,
        new_class: crate::ids::ClassId,
        start: chrono::NaiveDate,
    ) -> Result<(), Error> {
        let last_day = start.pred_opt().unwrap_or(start);
        let new = crate::organisation::Enrolment::new(student, new_class, start, None)?;
        let saved = self.enrolments.clone();
        self.end_enrolment(student, old_class, last_day)?;
        if let Err(e) = self.enrol(new) {
            self.enrolments = saved;
            self.index.set_enrolments(student, &self.enrolments);
            return Err(e);
        }
        Ok(())
    }

    /// Replaces the school year. Refused, changing nothing, when a lesson
    /// would no longer fall on a school day or in a slot of the new bell
    /// schedule.
    pub(crate) fn set_calendar(&mut self, calendar: SchoolYear) -> Result<(), Error> {
        let old = std::mem::replace(&mut self.calendar, calendar);
        let mut lessons: Vec<&Lesson> = self.lessons.values().collect();
        lessons.sort_by_key(|l| l.id());
        let checked = lessons.into_iter().try_for_each(|l| {
            self.calendar.check_school_day(l.date())?;
            self.calendar.require_slot(l.shift(), l.slot())?;
            Ok::<(), Error>(())
        });
        if let Err(e) = checked {
            self.calendar = old;
            return Err(e);
        }
        self.index = Index::build(self);
        Ok(())
    }
}
