//! Who may see and change what: roles, the acting person, actions, and the
//! one decision function every journal and diary call goes through.
//!
//! The rules (the issue's access policy):
//!
//! | action | administrator | teacher | class teacher | parent | student |
//! |---|---|---|---|---|---|
//! | read a class journal page | yes | teaches the subject in the class | as teacher, or any subject of their class | no | no |
//! | write a mark / attendance, edit topic or homework | no | teaches the lesson | teaches the lesson | no | no |
//! | set an absence reason (УП/Б/НП) | no | no | their class | no | no |
//! | record a final period mark | no | teaches the subject in the class | teaches the subject in the class | no | no |
//! | read a diary | yes | no | a student of their class | a linked child, access granted | themself |
//! | read the audit trail of a lesson | yes | teaches the lesson | as teacher, or a lesson of their class | no | no |
//! | read the audit trail of a student | yes | no | a student of their class | no | no |
//! | read the audit trail of an author | yes | their own | their own | no | no |
//! | read class reports (attendance, assessment load) | yes | teaches in the class | as teacher, or their class | no | no |
//! | manage the school (roster, schedule, parent grants) | yes | no | no | no | no |
//!
//! The administrator (school administrator or specialist) reads everything
//! and manages the school (roster, timetable, parents' access), but writes
//! nothing in the journal: marks, attendance and lesson content are the
//! teacher's record. A class teacher is a teacher acting in the
//! class-teacher role: they keep every right of a teacher.
//!
//! Facts (who teaches what, who is whose class teacher, which parent is
//! linked to which student) come from an [`AccessFacts`] source, normally
//! the journal. A parent's read also needs an access grant
//! ([`ParentGrants`]): the application registry decides it (approved
//! application, consent not revoked); until a registry feeds it, every
//! linked parent is granted unless their access was revoked.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::ids::{ClassId, LessonId, ParentId, StudentId, SubjectId, TeacherId};

/// The role a person acts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// A school administrator or specialist (завуч, оператор): reads all.
    Administrator,
    /// A subject teacher.
    Teacher,
    /// A teacher acting as the class teacher (классный руководитель).
    ClassTeacher,
    /// A parent or legal representative.
    Parent,
    /// A student.
    Student,
}

impl Role {
    /// Every role, in the order of the table above.
    pub const ALL: [Role; 5] = [
        Role::Administrator,
        Role::Teacher,
        Role::ClassTeacher,
        Role::Parent,
        Role::Student,
    ];

    /// `administrator`, `teacher`, `class_teacher`, `parent`, `student`.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Administrator => "administrator",
            Role::Teacher => "teacher",
            Role::ClassTeacher => "class_teacher",
            Role::Parent => "parent",
            Role::Student => "student",
        }
    }
}

/// The acting person: a role and the id of the person in it. Staff roles
/// carry a [`TeacherId`], a parent a [`ParentId`], a student a
/// [`StudentId`].
///
/// # Example
/// ```
/// use zhurnal::access::{Actor, Role};
/// use zhurnal::ids::TeacherId;
/// let actor = Actor::class_teacher(TeacherId::new(3));
/// assert_eq!(actor.role(), Role::ClassTeacher);
/// assert_eq!(actor.teacher_id(), Some(TeacherId::new(3)));
/// assert_eq!(actor.to_string(), "teacher#3 as class teacher");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Actor {
    role: Role,
    id: u32,
}

impl Actor {
    /// An actor from a role and the raw id of the person (a teacher id for
    /// staff roles, a parent id, a student id).
    pub const fn new(role: Role, id: u32) -> Actor {
        Actor { role, id }
    }
    /// A school administrator or specialist.
    pub const fn administrator(id: TeacherId) -> Actor {
        Actor::new(Role::Administrator, id.get())
    }
    /// A subject teacher.
    pub const fn teacher(id: TeacherId) -> Actor {
        Actor::new(Role::Teacher, id.get())
    }
    /// A teacher acting as class teacher.
    pub const fn class_teacher(id: TeacherId) -> Actor {
        Actor::new(Role::ClassTeacher, id.get())
    }
    /// A parent.
    pub const fn parent(id: ParentId) -> Actor {
        Actor::new(Role::Parent, id.get())
    }
    /// A student.
    pub const fn student(id: StudentId) -> Actor {
        Actor::new(Role::Student, id.get())
    }

    /// The role.
    pub const fn role(&self) -> Role {
        self.role
    }
    /// The raw id of the person.
    pub const fn id(&self) -> u32 {
        self.id
    }
    /// The staff member's id for the three staff roles.
    pub const fn teacher_id(&self) -> Option<TeacherId> {
        match self.role {
            Role::Administrator | Role::Teacher | Role::ClassTeacher => {
                Some(TeacherId::new(self.id))
            }
            Role::Parent | Role::Student => None,
        }
    }
    /// The parent's id when acting as a parent.
    pub const fn parent_id(&self) -> Option<ParentId> {
        match self.role {
            Role::Parent => Some(ParentId::new(self.id)),
            _ => None,
        }
    }
    /// The student's id when acting as a student.
    pub const fn student_id(&self) -> Option<StudentId> {
        match self.role {
            Role::Student => Some(StudentId::new(self.id)),
            _ => None,
        }
    }
}

impl std::fmt::Display for Actor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.role {
            Role::Administrator => write!(f, "{} as administrator", TeacherId::new(self.id)),
            Role::Teacher => write!(f, "{} as teacher", TeacherId::new(self.id)),
            Role::ClassTeacher => write!(f, "{} as class teacher", TeacherId::new(self.id)),
            Role::Parent => write!(f, "{}", ParentId::new(self.id)),
            Role::Student => write!(f, "{}", StudentId::new(self.id)),
        }
    }
}

/// What an actor wants to do, with the ids it concerns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Read a class journal page (a class or one of its subgroups).
    ReadJournal {
        /// The class (a subgroup's class).
        class: ClassId,
        /// The subject.
        subject: SubjectId,
    },
    /// Record, change or remove a mark in a lesson.
    WriteMark {
        /// The lesson.
        lesson: LessonId,
    },
    /// Record attendance in a lesson (ОТ, ОП, ОСВ or present).
    WriteAttendance {
        /// The lesson.
        lesson: LessonId,
    },
    /// Change a lesson's topic or homework.
    EditLesson {
        /// The lesson.
        lesson: LessonId,
    },
    /// Turn an absence into a reason (УП, Б, НП).
    SetAbsenceReason {
        /// The class of the lesson.
        class: ClassId,
    },
    /// Record the teacher's final period mark.
    SetPeriodMark {
        /// The class.
        class: ClassId,
        /// The subject.
        subject: SubjectId,
    },
    /// Read a student's diary.
    ReadDiary {
        /// The student.
        student: StudentId,
    },
    /// Read the audit trail of a lesson.
    ReadLessonAudit {
        /// The lesson.
        lesson: LessonId,
    },
    /// Read the audit trail of a student.
    ReadStudentAudit {
        /// The student.
        student: StudentId,
    },
    /// Read the audit trail of one author's changes.
    ReadAuthorAudit {
        /// The staff member whose changes are listed.
        author: TeacherId,
    },
    /// Read a class's reports: attendance summaries and the assessment-load
    /// check.
    ReadClassReport {
        /// The class.
        class: ClassId,
    },
    /// Manage the school: roster, timetable, parents' access grants.
    ManageSchool,
}

impl std::fmt::Display for Action {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Action::ReadJournal { class, subject } => {
                write!(f, "read the journal of {class} in {subject}")
            }
            Action::WriteMark { lesson } => write!(f, "write a mark in {lesson}"),
            Action::WriteAttendance { lesson } => write!(f, "write attendance in {lesson}"),
            Action::EditLesson { lesson } => write!(f, "edit {lesson}"),
            Action::SetAbsenceReason { class } => {
                write!(f, "set an absence reason in {class}")
            }
            Action::SetPeriodMark { class, subject } => {
                write!(f, "set a period mark for {class} in {subject}")
            }
            Action::ReadDiary { student } => write!(f, "read the diary of {student}"),
            Action::ReadLessonAudit { lesson } => write!(f, "read the audit trail of {lesson}"),
            Action::ReadStudentAudit { student } => {
                write!(f, "read the audit trail of {student}")
            }
            Action::ReadAuthorAudit { author } => {
                write!(f, "read the audit trail of changes by {author}")
            }
            Action::ReadClassReport { class } => write!(f, "read the reports of {class}"),
            Action::ManageSchool => f.write_str("manage the school"),
        }
    }
}

/// A refused action. Every variant names the actor and the action; a
/// refused call changes nothing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AccessError {
    /// The role never allows this action.
    #[error("access denied: {actor} may not {action}")]
    RoleNotAllowed {
        /// Who asked.
        actor: Actor,
        /// What they asked.
        action: Action,
    },
    /// A teacher asked to act on a lesson they do not teach.
    #[error("access denied: {actor} may not {action}: they do not teach it")]
    NotLessonTeacher {
        /// Who asked.
        actor: Actor,
        /// What they asked.
        action: Action,
    },
    /// A teacher asked for a class and subject they do not teach.
    #[error("access denied: {actor} may not {action}: they do not teach this subject there")]
    NotSubjectTeacher {
        /// Who asked.
        actor: Actor,
        /// What they asked.
        action: Action,
    },
    /// A teacher asked for a class they neither teach in nor lead.
    #[error("access denied: {actor} may not {action}: they do not teach in this class")]
    NotTeachingInClass {
        /// Who asked.
        actor: Actor,
        /// What they asked.
        action: Action,
    },
    /// A class teacher asked for a class (or student) that is not theirs.
    #[error("access denied: {actor} may not {action}: not their class")]
    NotClassTeacher {
        /// Who asked.
        actor: Actor,
        /// What they asked.
        action: Action,
    },
    /// A student asked for another student's diary.
    #[error("access denied: {actor} may not {action}: a student reads only their own diary")]
    NotOwnDiary {
        /// Who asked.
        actor: Actor,
        /// What they asked.
        action: Action,
    },
    /// A parent asked for a student who is not their child.
    #[error("access denied: {actor} may not {action}: not linked to this student")]
    ParentNotLinked {
        /// Who asked.
        actor: Actor,
        /// What they asked.
        action: Action,
    },
    /// A linked parent whose access is not granted (no approved application,
    /// or consent revoked).
    #[error("access denied: {actor} may not {action}: diary access is not granted")]
    ParentAccessNotGranted {
        /// Who asked.
        actor: Actor,
        /// What they asked.
        action: Action,
    },
    /// A teacher asked for another author's changes.
    #[error("access denied: {actor} may not {action}: only their own changes")]
    NotOwnAudit {
        /// Who asked.
        actor: Actor,
        /// What they asked.
        action: Action,
    },
}

impl AccessError {
    /// The stable machine code, e.g. `"access.not_lesson_teacher"`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::RoleNotAllowed { .. } => "access.role_not_allowed",
            Self::NotLessonTeacher { .. } => "access.not_lesson_teacher",
            Self::NotSubjectTeacher { .. } => "access.not_subject_teacher",
            Self::NotTeachingInClass { .. } => "access.not_teaching_in_class",
            Self::NotClassTeacher { .. } => "access.not_class_teacher",
            Self::NotOwnDiary { .. } => "access.not_own_diary",
            Self::ParentNotLinked { .. } => "access.parent_not_linked",
            Self::ParentAccessNotGranted { .. } => "access.parent_not_granted",
            Self::NotOwnAudit { .. } => "access.not_own_audit",
        }
    }

    /// The actor who was refused.
    pub fn actor(&self) -> Actor {
        match self {
            Self::RoleNotAllowed { actor, .. }
            | Self::NotLessonTeacher { actor, .. }
            | Self::NotSubjectTeacher { actor, .. }
            | Self::NotTeachingInClass { actor, .. }
            | Self::NotClassTeacher { actor, .. }
            | Self::NotOwnDiary { actor, .. }
            | Self::ParentNotLinked { actor, .. }
            | Self::ParentAccessNotGranted { actor, .. }
            | Self::NotOwnAudit { actor, .. } => *actor,
        }
    }

    /// The action that was refused.
    pub fn action(&self) -> Action {
        match self {
            Self::RoleNotAllowed { action, .. }
            | Self::NotLessonTeacher { action, .. }
            | Self::NotSubjectTeacher { action, .. }
            | Self::NotTeachingInClass { action, .. }
            | Self::NotClassTeacher { action, .. }
            | Self::NotOwnDiary { action, .. }
            | Self::ParentNotLinked { action, .. }
            | Self::ParentAccessNotGranted { action, .. }
            | Self::NotOwnAudit { action, .. } => *action,
        }
    }
}

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
        class: ClassId,
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
            | Action::SetPeriodMark { .. } => Err(role_refused),
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
        Action::ReadJournal { class, subject } => {
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
        Action::SetAbsenceReason { class } => {
            if !leads {
                refuse(|actor, action| AccessError::RoleNotAllowed { actor, action })
            } else if facts.is_class_teacher(me, class) {
                Ok(())
            } else {
                refuse(not_class_teacher)
            }
        }
        Action::SetPeriodMark { class, subject } => {
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
        Action::ReadClassReport { class } => {
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

/// Which linked parents may read their child's diary.
///
/// The application registry is the source of truth (an approved
/// application whose consent is not revoked grants access). Until a
/// registry feeds this value, the default grants every linked parent
/// ([`ParentGrants::all_linked`]) except those whose access was revoked;
/// once fed, only the listed (parent, student) pairs are granted
/// ([`ParentGrants::only`]). A grant never links a parent: the link to the
/// student is checked separately.
///
/// # Example
/// ```
/// use zhurnal::access::ParentGrants;
/// use zhurnal::ids::{ParentId, StudentId};
/// let (mum, kid) = (ParentId::new(1), StudentId::new(7));
/// let mut grants = ParentGrants::all_linked();
/// assert!(grants.is_granted(mum, kid));
/// grants.revoke(mum, kid);
/// assert!(!grants.is_granted(mum, kid));
/// let fed = ParentGrants::only([(mum, kid)]);
/// assert!(fed.is_granted(mum, kid) && !fed.is_granted(ParentId::new(2), kid));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ParentGrants {
    explicit: bool,
    granted: BTreeSet<(ParentId, StudentId)>,
    revoked: BTreeSet<(ParentId, StudentId)>,
}

impl ParentGrants {
    /// Every linked parent is granted (the default before a registry is
    /// wired in).
    pub fn all_linked() -> ParentGrants {
        ParentGrants::default()
    }

    /// Only these (parent, student) pairs are granted.
    pub fn only(pairs: impl IntoIterator<Item = (ParentId, StudentId)>) -> ParentGrants {
        ParentGrants {
            explicit: true,
            granted: pairs.into_iter().collect(),
            revoked: BTreeSet::new(),
        }
    }

    /// Whether only listed pairs are granted (a registry feeds the grants).
    pub fn is_explicit(&self) -> bool {
        self.explicit
    }

    /// Grants `parent` access to `student`'s diary.
    pub fn grant(&mut self, parent: ParentId, student: StudentId) {
        self.revoked.remove(&(parent, student));
        if self.explicit {
            self.granted.insert((parent, student));
        }
    }

    /// Takes `parent`'s access to `student`'s diary away.
    pub fn revoke(&mut self, parent: ParentId, student: StudentId) {
        self.granted.remove(&(parent, student));
        if !self.explicit {
            self.revoked.insert((parent, student));
        }
    }

    /// Whether `parent`'s access to `student`'s diary is granted.
    pub fn is_granted(&self, parent: ParentId, student: StudentId) -> bool {
        if self.explicit {
            self.granted.contains(&(parent, student))
        } else {
            !self.revoked.contains(&(parent, student))
        }
    }
}

#[cfg(test)]
#[path = "access_tests.rs"]
mod tests;
