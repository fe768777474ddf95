//! Reads: lookups by id and lists of a school's records.

use chrono::NaiveDate;

use super::{AttendanceRecord, Index, MarkRecord, School, SchoolError};
use crate::calendar::SchoolYear;
use crate::ids::{
    AttendanceId, ClassId, LessonId, MarkId, ParentId, StudentId, SubgroupId, SubjectId, TeacherId,
};
use crate::lesson::{Lesson, LessonGroup};
use crate::marks::{PeriodMarkPolicy, WorkTypeCatalogue};
use crate::organisation::{
    Class, ClassName, Enrolment, Parent, ParentLink, SchoolInfo, Student, Subgroup, Subject,
    Teacher,
};

impl School {
    /// The school's name and id.
    pub fn info(&self) -> &SchoolInfo {
        &self.info
    }

    /// The calendar.
    pub fn calendar(&self) -> &SchoolYear {
        &self.calendar
    }

    /// The work-type catalogue.
    pub fn work_types(&self) -> &WorkTypeCatalogue {
        &self.work_types
    }

    /// The period-mark policy.
    pub fn period_mark_policy(&self) -> &PeriodMarkPolicy {
        &self.policy
    }

    /// A class by id.
    pub fn class(&self, id: ClassId) -> Option<&Class> {
        self.classes.get(&id)
    }

    /// A class by name.
    pub fn class_by_name(&self, name: ClassName) -> Option<&Class> {
        self.classes.values().find(|c| c.name() == name)
    }

    /// All classes, by name.
    pub fn classes(&self) -> Vec<Class> {
        let mut v: Vec<Class> = self.classes.values().cloned().collect();
        v.sort_by_key(|c| (c.name(), c.id()));
        v
    }

    /// A subgroup by id.
    pub fn subgroup(&self, id: SubgroupId) -> Option<&Subgroup> {
        self.subgroups.get(&id)
    }

    /// The subgroups of a class, by id.
    pub fn subgroups_of(&self, class: ClassId) -> Vec<Subgroup> {
        self.subgroups
            .values()
            .filter(|g| g.class() == class)
            .cloned()
            .collect()
    }

    /// The members of a subgroup, by id.
    pub fn subgroup_members(&self, subgroup: SubgroupId) -> Vec<StudentId> {
        self.members
            .get(&subgroup)
            .map(|m| m.iter().copied().collect())
            .unwrap_or_default()
    }

    /// A subject by id.
    pub fn subject(&self, id: SubjectId) -> Option<&Subject> {
        self.subjects.get(&id)
    }

    /// All subjects, by id.
    pub fn subjects(&self) -> Vec<Subject> {
        self.subjects.values().cloned().collect()
    }

    /// A teacher by id.
    pub fn teacher(&self, id: TeacherId) -> Option<&Teacher> {
        self.teachers.get(&id)
    }

    /// All teachers, by id.
    pub fn teachers(&self) -> Vec<Teacher> {
        self.teachers.values().cloned().collect()
    }

    /// A student by id.
    pub fn student(&self, id: StudentId) -> Option<&Student> {
        self.students.get(&id)
    }

    /// All students, by id.
    pub fn students(&self) -> Vec<Student> {
        self.students.values().cloned().collect()
    }

    /// A parent by id.
    pub fn parent(&self, id: ParentId) -> Option<&Parent> {
        self.parents.get(&id)
    }

    /// All parents, by id.
    pub fn parents(&self) -> Vec<Parent> {
        self.parents.values().cloned().collect()
    }

    /// The parents linked to a student, in the order they were linked.
    pub fn parents_of(&self, student: StudentId) -> Vec<ParentLink> {
        self.links
            .iter()
            .filter(|l| l.student == student)
            .copied()
            .collect()
    }

    /// The students linked to a parent, in the order they were linked.
    pub fn children_of(&self, parent: ParentId) -> Vec<ParentLink> {
        self.links
            .iter()
            .filter(|l| l.parent == parent)
            .copied()
            .collect()
    }

    /// A student's enrolments, by first day.
    pub fn enrolments_of(&self, student: StudentId) -> Vec<Enrolment> {
        self.enrolments
            .iter()
            .filter(|e| e.student() == student)
            .copied()
            .collect()
    }

    /// The class a student is enrolled in on `date`, if any.
    pub fn class_of(&self, student: StudentId, date: NaiveDate) -> Option<ClassId> {
        self.enrolments
            .iter()
            .find(|e| e.student() == student && e.covers(date))
            .map(Enrolment::class)
    }

    /// The students enrolled in a class on `date`, by id.
    pub fn students_of_class(&self, class: ClassId, date: NaiveDate) -> Vec<StudentId> {
        let mut v: Vec<StudentId> = self
            .enrolments
            .iter()
            .filter(|e| e.class() == class && e.covers(date))
            .map(Enrolment::student)
            .collect();
        v.sort();
        v
    }

    /// A lesson by id.
    pub fn lesson(&self, id: LessonId) -> Option<&Lesson> {
        self.lessons.get(&id)
    }

    /// The lessons of a class and of its subgroups from `from` to `to`
    /// (inclusive), in journal order (date, shift, slot).
    pub fn lessons_of_class(&self, class: ClassId, from: NaiveDate, to: NaiveDate) -> Vec<Lesson> {
        self.lessons_where(from, to, |l| self.class_of_group(l.group()) == Some(class))
    }

    /// The lessons of one subject in a class and its subgroups from `from`
    /// to `to` (inclusive), in journal order.
    pub fn lessons_of_class_subject(
        &self,
        class: ClassId,
        subject: SubjectId,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Vec<Lesson> {
        self.lessons_where(from, to, |l| {
            l.subject() == subject && self.class_of_group(l.group()) == Some(class)
        })
    }

    /// The lessons a teacher teaches from `from` to `to`, in journal order.
    pub fn lessons_of_teacher(
        &self,
        teacher: TeacherId,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Vec<Lesson> {
        self.lessons_where(from, to, |l| l.teacher() == teacher)
    }

    /// The lessons a student attends from `from` to `to`: lessons of the
    /// class they are enrolled in on the lesson's date, and of the
    /// subgroups of it they belong to; in journal order.
    pub fn lessons_of_student(
        &self,
        student: StudentId,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Vec<Lesson> {
        self.lessons_where(from, to, |l| self.check_attends(student, l).is_ok())
    }

    fn lessons_where(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        keep: impl Fn(&Lesson) -> bool,
    ) -> Vec<Lesson> {
        let mut v: Vec<Lesson> = self
            .lessons
            .values()
            .filter(|l| from <= l.date() && l.date() <= to && keep(l))
            .cloned()
            .collect();
        v.sort_by_key(Lesson::sort_key);
        v
    }

    /// How a subject is graded (five-point for an unknown one).
    pub(crate) fn grading_of(&self, subject: SubjectId) -> crate::marks::Grading {
        self.subjects
            .get(&subject)
            .map(crate::organisation::Subject::grading)
            .unwrap_or_default()
    }

    /// A mark by id.
    pub fn mark(&self, id: MarkId) -> Option<&MarkRecord> {
        self.marks.get(&id)
    }

    /// The marks given at a lesson, by id.
    pub fn marks_of_lesson(&self, lesson: LessonId) -> Vec<MarkRecord> {
        self.marks
            .values()
            .filter(|m| m.lesson == lesson)
            .cloned()
            .collect()
    }

    /// A student's marks at lessons from `from` to `to`, by id.
    pub fn marks_of_student(
        &self,
        student: StudentId,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Vec<MarkRecord> {
        self.marks
            .values()
            .filter(|m| m.student == student && self.lesson_in(m.lesson, from, to))
            .cloned()
            .collect()
    }

    /// An attendance entry by id.
    pub fn attendance_entry(&self, id: AttendanceId) -> Option<&AttendanceRecord> {
        self.attendance.get(&id)
    }

    /// The attendance entries of a lesson, by id.
    pub fn attendance_of_lesson(&self, lesson: LessonId) -> Vec<AttendanceRecord> {
        self.attendance
            .values()
            .filter(|a| a.lesson == lesson)
            .copied()
            .collect()
    }

    /// A student's attendance entries at lessons from `from` to `to`, by id.
    pub fn attendance_of_student(
        &self,
        student: StudentId,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Vec<AttendanceRecord> {
        self.attendance
            .values()
            .filter(|a| a.student == student && self.lesson_in(a.lesson, from, to))
            .copied()
            .collect()
    }

    fn lesson_in(&self, lesson: LessonId, from: NaiveDate, to: NaiveDate) -> bool {
        self.lessons
            .get(&lesson)
            .is_some_and(|l| from <= l.date() && l.date() <= to)
    }

    // ----- checks shared by the writes and the snapshot loader -----

    pub(super) fn require_class(&self, id: ClassId) -> Result<&Class, SchoolError> {
        self.classes
            .get(&id)
            .ok_or(SchoolError::UnknownClass { class_id: id })
    }

    pub(super) fn require_subgroup(&self, id: SubgroupId) -> Result<&Subgroup, SchoolError> {
        self.subgroups
            .get(&id)
            .ok_or(SchoolError::UnknownSubgroup { subgroup: id })
    }

    pub(super) fn require_subject(&self, id: SubjectId) -> Result<&Subject, SchoolError> {
        self.subjects
            .get(&id)
            .ok_or(SchoolError::UnknownSubject { subject: id })
    }

    pub(super) fn require_teacher(&self, id: TeacherId) -> Result<&Teacher, SchoolError> {
        self.teachers
            .get(&id)
            .ok_or(SchoolError::UnknownTeacher { teacher: id })
    }

    pub(super) fn require_student(&self, id: StudentId) -> Result<&Student, SchoolError> {
        self.students
            .get(&id)
            .ok_or(SchoolError::UnknownStudent { student: id })
    }

    pub(super) fn require_parent(&self, id: ParentId) -> Result<&Parent, SchoolError> {
        self.parents
            .get(&id)
            .ok_or(SchoolError::UnknownParent { parent: id })
    }

    pub(super) fn require_lesson(&self, id: LessonId) -> Result<&Lesson, SchoolError> {
        self.lessons
            .get(&id)
            .ok_or(SchoolError::UnknownLesson { lesson: id })
    }

    /// The class a lesson group belongs to (`None` for an unknown subgroup).
    pub(super) fn class_of_group(&self, group: LessonGroup) -> Option<ClassId> {
        match group {
            LessonGroup::Class(c) => Some(c),
            LessonGroup::Subgroup(g) => self.subgroups.get(&g).map(Subgroup::class),
        }
    }

    /// Checks that a student attends the lesson (the index's one rule).
    pub(super) fn check_attends(
        &self,
        student: StudentId,
        lesson: &Lesson,
    ) -> Result<(), SchoolError> {
        if let LessonGroup::Subgroup(g) = lesson.group() {
            self.require_subgroup(g)?;
        }
        match Index::facts_of(&self.calendar, &self.subgroups, lesson) {
            Some(facts) => self.index.check_attends(student, &facts),
            None => Ok(()),
        }
    }
}
