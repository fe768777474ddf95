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
//! | record a final period mark, attach the thematic plan | no | teaches the subject in the class | teaches the subject in the class | no | no |
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

mod decision;
mod error;
mod grants;

#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

pub use decision::{AccessFacts, authorize};
pub use error::AccessError;
pub use grants::ParentGrants;

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
        class_id: ClassId,
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
        class_id: ClassId,
    },
    /// Attach the thematic plan to the lessons of a subject in a class
    /// (the topics): the teachers of the subject in the class.
    PlanLessons {
        /// The class.
        class_id: ClassId,
        /// The subject.
        subject: SubjectId,
    },
    /// Record the teacher's final period mark.
    SetPeriodMark {
        /// The class.
        class_id: ClassId,
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
        class_id: ClassId,
    },
    /// Manage the school: roster, timetable, parents' access grants.
    ManageSchool,
}

impl std::fmt::Display for Action {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Action::ReadJournal {
                class_id: class,
                subject,
            } => {
                write!(f, "read the journal of {class} in {subject}")
            }
            Action::WriteMark { lesson } => write!(f, "write a mark in {lesson}"),
            Action::WriteAttendance { lesson } => write!(f, "write attendance in {lesson}"),
            Action::EditLesson { lesson } => write!(f, "edit {lesson}"),
            Action::SetAbsenceReason { class_id: class } => {
                write!(f, "set an absence reason in {class}")
            }
            Action::SetPeriodMark {
                class_id: class,
                subject,
            } => {
                write!(f, "set a period mark for {class} in {subject}")
            }
            Action::PlanLessons {
                class_id: class,
                subject,
            } => {
                write!(f, "attach the thematic plan for {class} in {subject}")
            }
            Action::ReadDiary { student } => write!(f, "read the diary of {student}"),
            Action::ReadLessonAudit { lesson } => write!(f, "read the audit trail of {lesson}"),
            Action::ReadStudentAudit { student } => {
                write!(f, "read the audit trail of {student}")
            }
            Action::ReadAuthorAudit { author } => {
                write!(f, "read the audit trail of changes by {author}")
            }
            Action::ReadClassReport { class_id: class } => write!(f, "read the reports of {class}"),
            Action::ManageSchool => f.write_str("manage the school"),
        }
    }
}
