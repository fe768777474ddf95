//! What a row's relation means: who acts, on which student, lesson,
//! class, subject and author, and on what date.

use chrono::NaiveDate;
use zhurnal::access::{Actor, Role};
use zhurnal::applications::Applicant;
use zhurnal::ids::{ClassId, LessonId, MarkId, StudentId, SubjectId, TeacherId};

use super::school::*;

/// The actor and the objects of one row.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Target {
    pub(crate) actor: Actor,
    /// The student read, marked or applied for.
    pub(crate) student: StudentId,
    pub(crate) lesson: LessonId,
    /// A mark already in `lesson`.
    pub(crate) mark: MarkId,
    /// A student marked absent (ОТ) in `lesson`.
    pub(crate) absent: StudentId,
    pub(crate) class: ClassId,
    pub(crate) subject: SubjectId,
    /// Whose changes an author audit lists.
    pub(crate) author: TeacherId,
    /// The date of the request (and of the edit of a write).
    pub(crate) today: NaiveDate,
    /// Who an application names, when not the actor themself.
    pub(crate) applicant: Option<Applicant>,
}

impl Target {
    /// The applicant of `submit_application`: the acting parent or student
    /// themself (unless the relation says otherwise); for staff, the paper
    /// form of parent 6 for student 2.
    pub(crate) fn applicant(&self) -> (Applicant, StudentId) {
        if let Some(a) = self.applicant {
            return (a, self.student);
        }
        match self.actor.role() {
            Role::Parent => (
                Applicant::Parent(self.actor.parent_id().unwrap()),
                self.student,
            ),
            Role::Student => (
                Applicant::Student(self.actor.student_id().unwrap()),
                self.student,
            ),
            _ => (Applicant::Parent(P6), S2),
        }
    }
}

/// Every relation a row may name, with what it means.
pub(crate) const RELATIONS: &[&str] = &[
    "administrator",
    "teacher_of_lesson",
    "teacher_other_subject",
    "teacher_not_in_class",
    "teacher_own_changes",
    "teacher_who_is_class_teacher",
    "class_teacher_own_class",
    "class_teacher_own_changes",
    "class_teacher_other_class",
    "class_teacher_teaching_lesson",
    "class_teacher_of_no_class",
    "parent_linked_approved",
    "parent_before_approval",
    "parent_consent_revoked",
    "parent_before_revocation",
    "parent_application_rejected",
    "parent_application_registered",
    "parent_application_submitted",
    "parent_linked_no_application",
    "parent_not_linked",
    "parent_for_another_parent",
    "student_self",
    "student_other",
    "student_turning_14_on_the_day",
    "student_day_before_14",
    "student_for_parent",
];

/// The target of `relation` in `fx`'s school; `None` for an unknown name.
pub(crate) fn target(fx: &Fixture, relation: &str) -> Option<Target> {
    // 5А, mathematics, lesson L1: the default context of a row.
    let five = |actor| Target {
        actor,
        student: S1,
        lesson: fx.l1,
        mark: fx.m1,
        absent: S2,
        class: C5A,
        subject: MATH,
        author: T1,
        today: today(),
        applicant: None,
    };
    let on = |actor, student| Target {
        student,
        ..five(actor)
    };
    let t = match relation {
        "administrator" => five(Actor::administrator(ADMIN)),
        // Teaches mathematics in 5А and lesson L1.
        "teacher_of_lesson" => five(Actor::teacher(T1)),
        // Teaches Russian in the same class.
        "teacher_other_subject" => five(Actor::teacher(T2)),
        // Teaches only in 9А.
        "teacher_not_in_class" => five(Actor::teacher(T4)),
        "teacher_own_changes" => Target {
            author: T2,
            ..five(Actor::teacher(T2))
        },
        // The class teacher of 5А acting in the teacher role.
        "teacher_who_is_class_teacher" => five(Actor::teacher(T3)),
        "class_teacher_own_class" => five(Actor::class_teacher(T3)),
        "class_teacher_own_changes" => Target {
            author: T3,
            ..five(Actor::class_teacher(T3))
        },
        // The class teacher of 9А, on 5А.
        "class_teacher_other_class" => five(Actor::class_teacher(T4)),
        // The class teacher of 5А on their own mathematics lesson in 9А.
        "class_teacher_teaching_lesson" => Target {
            student: S3,
            lesson: fx.l3,
            mark: fx.m3,
            absent: S4,
            class: C9A,
            ..five(Actor::class_teacher(T3))
        },
        // Teacher 1 claiming the class-teacher role without a class.
        "class_teacher_of_no_class" => five(Actor::class_teacher(T1)),
        "parent_linked_approved" => on(Actor::parent(P1), S1),
        "parent_before_approval" => Target {
            today: d(9, 11),
            ..on(Actor::parent(P1), S1)
        },
        "parent_consent_revoked" => on(Actor::parent(P2), S1),
        "parent_before_revocation" => Target {
            today: d(9, 30),
            ..on(Actor::parent(P2), S1)
        },
        "parent_application_rejected" => on(Actor::parent(P3), S1),
        "parent_application_registered" => on(Actor::parent(P4), S2),
        "parent_application_submitted" => on(Actor::parent(P5), S3),
        "parent_linked_no_application" => on(Actor::parent(P6), S2),
        "parent_not_linked" => on(Actor::parent(P1), S2),
        "parent_for_another_parent" => Target {
            applicant: Some(Applicant::Parent(P6)),
            ..on(Actor::parent(P1), S2)
        },
        "student_self" => on(Actor::student(S1), S1),
        "student_other" => on(Actor::student(S1), S2),
        "student_turning_14_on_the_day" => on(Actor::student(S4), S4),
        "student_day_before_14" => Target {
            today: d(10, 14),
            ..on(Actor::student(S4), S4)
        },
        "student_for_parent" => Target {
            applicant: Some(Applicant::Parent(P1)),
            ..on(Actor::student(S1), S1)
        },
        _ => return None,
    };
    Some(t)
}
