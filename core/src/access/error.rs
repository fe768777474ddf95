//! Refusals: one variant per reason, each naming the actor and the action.

use super::{Action, Actor};

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
