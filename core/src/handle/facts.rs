//! The access facts of a handle's request: the journal's own facts, with
//! parents' access decided by the application registry on the date of the
//! request.

use chrono::NaiveDate;

use crate::access::AccessFacts;
use crate::applications::{Applicant, ApplicationRegistry};
use crate::ids::{ClassId, LessonId, ParentId, StudentId, SubjectId, TeacherId};
use crate::journal::Journal;

/// The journal's facts, with parents' grants from the registry on `on`.
pub(crate) struct RegistryFacts<'a> {
    pub(crate) journal: &'a Journal,
    pub(crate) registry: &'a ApplicationRegistry,
    pub(crate) on: NaiveDate,
}

impl AccessFacts for RegistryFacts<'_> {
    fn teaches_lesson(&self, teacher: TeacherId, lesson: LessonId) -> bool {
        self.journal.teaches_lesson(teacher, lesson)
    }

    fn lesson_class(&self, lesson: LessonId) -> Option<ClassId> {
        self.journal.lesson_class(lesson)
    }

    fn teaches_subject_in_class(
        &self,
        teacher: TeacherId,
        class: ClassId,
        subject: SubjectId,
    ) -> bool {
        self.journal
            .teaches_subject_in_class(teacher, class, subject)
    }

    fn teaches_in_class(&self, teacher: TeacherId, class: ClassId) -> bool {
        self.journal.teaches_in_class(teacher, class)
    }

    fn is_class_teacher(&self, teacher: TeacherId, class: ClassId) -> bool {
        self.journal.is_class_teacher(teacher, class)
    }

    fn is_class_teacher_of_student(&self, teacher: TeacherId, student: StudentId) -> bool {
        self.journal.is_class_teacher_of_student(teacher, student)
    }

    fn is_linked_parent(&self, parent: ParentId, student: StudentId) -> bool {
        self.journal.is_linked_parent(parent, student)
    }

    fn parent_access_granted(&self, parent: ParentId, student: StudentId) -> bool {
        self.registry
            .has_access(Applicant::Parent(parent), student, self.on)
    }
}
