//! Crate-internal views of the school's records, for indexes kept outside
//! the school (the journal's): one pass over each collection instead of a
//! query per key.

use super::{AttendanceRecord, MarkRecord, School};
use crate::lesson::Lesson;
use crate::organisation::{Enrolment, ParentLink};

impl School {
    /// Every lesson, by id.
    pub(crate) fn lesson_records(&self) -> impl Iterator<Item = &Lesson> + '_ {
        self.lessons.values()
    }

    /// Every mark, by id.
    pub(crate) fn mark_records(&self) -> impl Iterator<Item = &MarkRecord> + '_ {
        self.marks.values()
    }

    /// Every attendance entry, by id.
    pub(crate) fn attendance_records(&self) -> impl Iterator<Item = &AttendanceRecord> + '_ {
        self.attendance.values()
    }

    /// Every enrolment.
    pub(crate) fn enrolment_records(&self) -> &[Enrolment] {
        &self.enrolments
    }

    /// Every parent link.
    pub(crate) fn link_records(&self) -> &[ParentLink] {
        &self.links
    }

    /// Every subgroup membership: (subgroup, student).
    pub(crate) fn membership_records(
        &self,
    ) -> impl Iterator<Item = (crate::ids::SubgroupId, crate::ids::StudentId)> + '_ {
        self.members
            .iter()
            .flat_map(|(g, students)| students.iter().map(move |s| (*g, *s)))
    }
}
