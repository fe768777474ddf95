//! The crate-wide error: one variant per concept, each with a stable code.

use crate::access::AccessError;
use crate::activation::ActivationError;
use crate::activation::MetricsError;
use crate::applications::ApplicationError;
use crate::assessment_load::LoadError;
use crate::attendance::AttendanceError;
use crate::calendar::CalendarError;
use crate::credentials::CredentialError;
use crate::handle::HandleError;
use crate::interop::InteropError;
use crate::journal::JournalError;
use crate::lesson::LessonError;
use crate::marks::MarkError;
use crate::organisation::OrganisationError;
use crate::region::RegionError;
use crate::rollout::PlanError;
use crate::school::SchoolError;
use crate::snapshot::SnapshotError;
use crate::thematic_plan::ThematicPlanError;

/// Any error of zhurnal. Each concept has its own error enum; this one
/// wraps them so a host can handle all of them in one place.
///
/// [`Error::code`] is stable and machine-readable (`"mark.out_of_scale"`):
/// apps localise messages by it. Messages are lowercase English without a
/// final period and carry the ids and dates involved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A mark, weight, work type or period-mark policy error.
    #[error(transparent)]
    Mark(#[from] MarkError),
    /// An activation target error.
    #[error(transparent)]
    Activation(#[from] ActivationError),
    /// A rollout plan error (plan text, tasks, targets).
    #[error(transparent)]
    Plan(#[from] PlanError),
    /// An application, registry, access or activation error.
    #[error(transparent)]
    Application(#[from] ApplicationError),
    /// A login, password or hashing error.
    #[error(transparent)]
    Credential(#[from] CredentialError),
    /// An activation metrics error.
    #[error(transparent)]
    Metrics(#[from] MetricsError),
    /// A journal rule: attendance reasons, assigned work, final marks,
    /// journal snapshots.
    #[error(transparent)]
    Journal(#[from] JournalError),
    /// A OneRoster set or a NetSchool payload not read or written.
    #[error(transparent)]
    Interop(#[from] InteropError),
    /// A school handle's own refusal (a read-only export).
    #[error(transparent)]
    Handle(#[from] HandleError),
    /// A refused action: the actor may not do it.
    #[error(transparent)]
    Access(#[from] AccessError),
    /// An invalid assessment-load policy.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// A calendar error: school year, terms, holidays, slots, school days.
    #[error(transparent)]
    Calendar(#[from] CalendarError),
    /// An organisation error: class names, people, entities, enrolments.
    #[error(transparent)]
    Organisation(#[from] OrganisationError),
    /// A lesson error: room, topic, homework.
    #[error(transparent)]
    Lesson(#[from] LessonError),
    /// A thematic plan error.
    #[error(transparent)]
    ThematicPlan(#[from] ThematicPlanError),
    /// An attendance code error.
    #[error(transparent)]
    Attendance(#[from] AttendanceError),
    /// A school error: how records refer to one another.
    #[error(transparent)]
    School(#[from] SchoolError),
    /// A school snapshot error: format, version, malformed document.
    #[error(transparent)]
    Snapshot(#[from] SnapshotError),
    /// A region report or generator error (malformed bulk CSV, I/O,
    /// invalid report parameters).
    #[error(transparent)]
    Region(#[from] RegionError),
}

impl Error {
    /// The stable machine code of the error, e.g. `"mark.out_of_scale"`.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Mark(e) => e.code(),
            Error::Activation(e) => e.code(),
            Error::Plan(e) => e.code(),
            Error::Application(e) => e.code(),
            Error::Credential(e) => e.code(),
            Error::Metrics(e) => e.code(),
            Error::Access(e) => e.code(),
            Error::Handle(e) => e.code(),
            Error::Interop(e) => e.code(),
            Error::Journal(e) => e.code(),
            Error::Load(e) => e.code(),
            Error::Calendar(e) => e.code(),
            Error::Organisation(e) => e.code(),
            Error::Lesson(e) => e.code(),
            Error::ThematicPlan(e) => e.code(),
            Error::Attendance(e) => e.code(),
            Error::School(e) => e.code(),
            Error::Snapshot(e) => e.code(),
            Error::Region(e) => e.code(),
        }
    }
}
