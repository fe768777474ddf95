//! The decision: the table of the module documentation as code, over the
//! facts an [`AccessFacts`] source answers.

use super::{AccessError, Action, Actor, Role};
use crate::ids::{ClassId, LessonId, ParentId, StudentId, SubjectId, TeacherId};

/// The facts an access decision needs. The journal answers them from its
/// school; tests answer them from a table.
pub trait AccessFacts {
    /// Whether `teacher` teaches `lesson`.
    fn teaches_lesson(&self, teacher: TeacherId, lesson: LessonId) -> bool;
    /// The class of a lesson (a subgroup lesson's class), if the lesson exists.
    fn lesson_class(&self, lesson: LessonId) -> Option<ClassId>;
    /// Whether `teacher` teaches `subject` in `class` (or in one of its
    /// subgroups).
    fn teaches_subject_in_class(
        &self,
        teacher: TeacherId,
        class_id: ClassId,
        subject: SubjectId,
    ) -> bool;
    /// Whether `teacher` teaches any subject in `class`.
    fn teaches_in_class(&self, teacher: TeacherId, class: ClassId) -> bool;
    /// Whether `teacher` is the class teacher of `class`.
    fn is_class_teacher(&self, teacher: TeacherId, class: ClassId) -> bool;
    /// Whether `teacher` is the class teacher of a class `student` is (or
    /// was) enrolled in.
    fn is_class_teacher_of_student(&self, teacher: TeacherId, student: StudentId) -> bool;
    /// Whether `parent` is linked to `student`.
    fn is_linked_parent(&self, parent: ParentId, student: StudentId) -> bool;
    /// Whether `parent`'s diary access to `student` is granted.
    fn parent_access_granted(&self, parent: ParentId, student: StudentId) -> bool;
}

/// Decides whether `actor` may do `action`, by the table in the module
/// documentation.
///
/// # Errors
/// An [`AccessError`] naming the actor, the action and why it is refused.
///
/// # Example
/// ```
/// use zhurnal::access::{authorize, AccessFacts, Action, Actor};
/// use zhurnal::ids::*;
/// struct Facts;
/// impl AccessFacts for Facts {
///     fn teaches_lesson(&self, t: TeacherId, l: LessonId) -> bool { t.get() == 1 && l.get() == 10 }
///     fn lesson_class(&self, _: LessonId) -> Option<ClassId> { Some(ClassId::new(5)) }
///     fn teaches_subject_in_class(&self, t: TeacherId, _: ClassId, _: SubjectId) -> bool { t.get() == 1 }
///     fn teaches_in_class(&self, t: TeacherId, _: ClassId) -> bool { t.get() == 1 }
///     fn is_class_teacher(&self, _: TeacherId, _: ClassId) -> bool { false }
///     fn is_class_teacher_of_student(&self, _: TeacherId, _: StudentId) -> bool { false }
///     fn is_linked_parent(&self, _: ParentId, _: StudentId) -> bool { false }
///     fn parent_access_granted(&self, _: ParentId, _: StudentId) -> bool { false }
/// }
/// let write = Action::WriteMark { lesson: LessonId::new(10) };
/// assert!(authorize(&Facts, &Actor::teacher(TeacherId::new(1)), &write).is_ok());
/// let refused = authorize(&Facts, &Actor::teacher(TeacherId::new(2)), &write).unwrap_err();
/// assert_eq!(refused.code(), "access.not_lesson_teacher");
/// assert_eq!(refused.to_string(),
///     "access denied: teacher#2 as teacher may not write a mark in lesson#10: they do not teach it");
/// ```
pub fn authorize(
    facts: &dyn AccessFacts,
    actor: &Actor,
    action: &Action,
) -> Result<(), AccessError> {
    let (actor, action) = (*actor, *action);
    let role_refused = AccessError::RoleNotAllowed { actor, action };
    match actor.role {
        Role::Administrator => match action {
            Action::ReadJournal { .. }
            | Action::ReadDiary { .. }
            | Action::ReadLessonAudit { .. }
            | Action::ReadStudentAudit { .. }
            | Action::ReadAuthorAudit { .. }
            | Action::ReadClassReport { .. }
            | Action::ManageSchool => Ok(()),
            Action::WriteMark { .. }
            | Action::WriteAttendance { .. }
            | Action::EditLesson { .. }
            | Action::SetAbsenceReason { .. }
            | Action::SetPeriodMark { .. }
            | Action::PlanLessons { .. } => Err(role_refused),
        },
        Role::Teacher | Role::ClassTeacher => staff(facts, actor, action),
        Role::Parent => match action {
            Action::ReadDiary { student } => {
                let parent = ParentId::new(actor.id);
                if !facts.is_linked_parent(parent, student) {
                    Err(AccessError::ParentNotLinked { actor, action })
                } else if !facts.parent_access_granted(parent, student) {
                    Err(AccessError::ParentAccessNotGranted { actor, action })
                } else {
                    Ok(())
                }
            }
            _ => Err(role_refused),
        },
        Role::Student => match action {
            Action::ReadDiary { student } if student.get() == actor.id => Ok(()),
            Action::ReadDiary { .. } => Err(AccessError::NotOwnDiary { actor, action }),
            _ => Err(role_refused),
        },
    }
}

/// The teacher and class-teacher rows of the table.
fn staff(facts: &dyn AccessFacts, actor: Actor, action: Action) -> Result<(), AccessError> {
    let me = TeacherId::new(actor.id);
    let leads = actor.role == Role::ClassTeacher;
    let refuse = |e: fn(Actor, Action) -> AccessError| Err(e(actor, action));
    let not_class_teacher = |actor, action| AccessError::NotClassTeacher { actor, action };
    match action {
        Action::ReadJournal {
            class_id: class,
            subject,
        } => {
            if facts.teaches_subject_in_class(me, class, subject)
                || (leads && facts.is_class_teacher(me, class))
            {
                Ok(())
            } else {
                refuse(|actor, action| AccessError::NotSubjectTeacher { actor, action })
            }
        }
        Action::WriteMark { lesson }
        | Action::WriteAttendance { lesson }
        | Action::EditLesson { lesson } => {
            if facts.teaches_lesson(me, lesson) {
                Ok(())
            } else {
                refuse(|actor, action| AccessError::NotLessonTeacher { actor, action })
            }
        }
        Action::SetAbsenceReason { class_id: class } => {
            if !leads {
                refuse(|actor, action| AccessError::RoleNotAllowed { actor, action })
            } else if facts.is_class_teacher(me, class) {
                Ok(())
            } else {
                refuse(not_class_teacher)
            }
        }
        Action::SetPeriodMark {
            class_id: class,
            subject,
        }
        | Action::PlanLessons {
            class_id: class,
            subject,
        } => {
            if facts.teaches_subject_in_class(me, class, subject) {
                Ok(())
            } else {
                refuse(|actor, action| AccessError::NotSubjectTeacher { actor, action })
            }
        }
        Action::ReadDiary { student } | Action::ReadStudentAudit { student } => {
            if !leads {
                refuse(|actor, action| AccessError::RoleNotAllowed { actor, action })
            } else if facts.is_class_teacher_of_student(me, student) {
                Ok(())
            } else {
                refuse(not_class_teacher)
            }
        }
        Action::ReadLessonAudit { lesson } => {
            let leads_lesson_class = leads
                && facts
                    .lesson_class(lesson)
                    .is_some_and(|class| facts.is_class_teacher(me, class));
            if facts.teaches_lesson(me, lesson) || leads_lesson_class {
                Ok(())
            } else {
                refuse(|actor, action| AccessError::NotLessonTeacher { actor, action })
            }
        }
        Action::ReadAuthorAudit { author } => {
            if author == me {
                Ok(())
            } else {
                refuse(|actor, action| AccessError::NotOwnAudit { actor, action })
            }
        }
        Action::ReadClassReport { class_id: class } => {
            if facts.teaches_in_class(me, class) || (leads && facts.is_class_teacher(me, class)) {
                Ok(())
            } else {
                refuse(|actor, action| AccessError::NotTeachingInClass { actor, action })
            }
        }
        Action::ManageSchool => {
            refuse(|actor, action| AccessError::RoleNotAllowed { actor, action })
        }
    }
}
