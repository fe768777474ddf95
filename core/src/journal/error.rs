//! Errors of the journal's own rules (access refusals are
//! [`crate::access::AccessError`]; record checks are the school's).

use chrono::NaiveDate;

use crate::attendance::AttendanceCode;
use crate::calendar::TermCode;
use crate::ids::{LessonId, StudentId};
use crate::marks::WorkTypeCode;

/// What the journal refuses besides access and the school's record checks.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum JournalError {
    /// A lesson's teacher tried to record a reason (УП, Б, НП): reasons
    /// are the class teacher's, through `set_absence_reason`.
    #[error("attendance code {code} is a reason for an absence: the class teacher sets it")]
    ReasonIsForClassTeacher {
        /// The code given.
        code: AttendanceCode,
    },
    /// `set_absence_reason` with a code that is not a reason.
    #[error("attendance code {code} is not a reason for an absence (use УП, Б or НП)")]
    NotAReason {
        /// The code given.
        code: AttendanceCode,
    },
    /// A reason for a student who is not marked absent at the lesson.
    #[error("{student} is not marked absent at {lesson}")]
    NotAbsent {
        /// The student.
        student: StudentId,
        /// The lesson.
        lesson: LessonId,
    },
    /// A reason text that is too long or has control characters.
    #[error("the reason must be at most 500 characters without control characters")]
    InvalidReason,
    /// A lesson with assigned work cannot be cancelled.
    #[error("work {work_type} is assigned at {lesson}: withdraw it before cancelling the lesson")]
    LessonHasAssignedWork {
        /// The lesson.
        lesson: LessonId,
        /// The work assigned at it.
        work_type: WorkTypeCode,
    },
    /// Assigned work due before the lesson it is assigned at.
    #[error("work {work_type} at {lesson} on {date} cannot be due on {due}")]
    DueBeforeLesson {
        /// The lesson.
        lesson: LessonId,
        /// The kind of work.
        work_type: WorkTypeCode,
        /// The lesson's date.
        date: NaiveDate,
        /// The due date given.
        due: NaiveDate,
    },
    /// A final period mark for a student not enrolled during the term.
    #[error("{student} is not enrolled in any class during term {term}")]
    NotEnrolledInTerm {
        /// The student.
        student: StudentId,
        /// The term's code.
        term: TermCode,
    },
}

impl JournalError {
    /// The stable machine code, e.g. `"journal.not_absent"`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::ReasonIsForClassTeacher { .. } => "journal.reason_is_for_class_teacher",
            Self::NotAReason { .. } => "journal.not_a_reason",
            Self::NotAbsent { .. } => "journal.not_absent",
            Self::InvalidReason => "journal.invalid_reason",
            Self::LessonHasAssignedWork { .. } => "journal.lesson_has_assigned_work",
            Self::DueBeforeLesson { .. } => "journal.due_before_lesson",
            Self::NotEnrolledInTerm { .. } => "journal.not_enrolled_in_term",
        }
    }
}
