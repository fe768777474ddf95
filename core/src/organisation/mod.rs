//! The organisation: the school, its classes (`5А`) and subgroups,
//! subjects, teachers, students, parents and legal representatives linked to
//! students, and enrolments of students in classes over date ranges.
//!
//! These are plain validated records; the [`crate::school::School`]
//! aggregate holds them and checks how they refer to one another.

mod class_name;
mod contact;
mod enrolment;
mod entities;
mod error;
mod parent;
mod person;
mod subject;

pub use class_name::ClassName;
pub use contact::{Email, Phone};
pub use enrolment::Enrolment;
pub use entities::{Class, SchoolInfo, Student, Subgroup, Teacher};
pub use error::OrganisationError;
pub use parent::{Parent, ParentLink, RelationKind};
pub use person::PersonName;
pub use subject::Subject;
