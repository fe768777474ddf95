//! Errors of the school handle itself.

use crate::access::Actor;

/// What the handle refuses on its own account.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum HandleError {
    /// A per-person export is read-only.
    #[error("the export of {person} is read-only")]
    ReadOnlyExport {
        /// Whose export it is.
        person: Actor,
    },
    /// Only a parent or a student gets a per-person export.
    #[error("{actor} cannot have a per-person export: only a parent or a student")]
    ExportNotForRole {
        /// Who asked.
        actor: Actor,
    },
    /// A parent with no child whose diary they may read on the date.
    #[error("{actor} may read no student's diary on {on}")]
    NothingToExport {
        /// Who asked.
        actor: Actor,
        /// The date of the request.
        on: chrono::NaiveDate,
    },
}

impl HandleError {
    /// The stable machine code, e.g. `"handle.read_only_export"`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::ReadOnlyExport { .. } => "handle.read_only_export",
            Self::ExportNotForRole { .. } => "handle.export_not_for_role",
            Self::NothingToExport { .. } => "handle.nothing_to_export",
        }
    }
}
