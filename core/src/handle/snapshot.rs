//! The handle's one snapshot: journal, registry and plan in one versioned
//! document; older documents (a bare journal or school) load too.

use serde::{Deserialize, Serialize};

use super::SchoolHandle;
use crate::Error;
use crate::applications::ApplicationRegistry;
use crate::journal::{JOURNAL_VERSION, Journal};
use crate::rollout::RolloutPlan;
use crate::school::{SNAPSHOT_VERSION, School};
use crate::snapshot::{SnapshotError, format_of, read_envelope};

/// The `format` of a handle snapshot.
pub const HANDLE_FORMAT: &str = "zhurnal.handle";
/// The `version` of a handle snapshot this library writes and reads.
pub const HANDLE_VERSION: u32 = 1;

/// The document.
#[derive(Serialize, Deserialize)]
struct HandleDocument {
    format: String,
    version: u32,
    journal: serde_json::Value,
    registry: ApplicationRegistry,
    plan: RolloutPlan,
}

fn invalid(detail: impl std::fmt::Display) -> Error {
    SnapshotError::invalid("handle", detail).into()
}

fn check_version(kind: &str, found: Option<u64>, supported: u32) -> Result<(), Error> {
    crate::snapshot::check_version(kind, found, supported).map_err(Error::from)
}

impl SchoolHandle {
    /// The whole handle as one versioned JSON document
    /// (`{"format":"zhurnal.handle","version":1,…}`). A per-person export
    /// is written by [`SchoolHandle::export_for`] instead.
    ///
    /// # Errors
    /// [`super::HandleError::ReadOnlyExport`] on a loaded per-person export
    /// (export it again from the whole school); `snapshot.invalid_document`
    /// if serialisation fails (it does not for a handle built through this
    /// API).
    pub fn to_json(&self) -> Result<String, Error> {
        self.require_writable()?;
        let document = HandleDocument {
            format: HANDLE_FORMAT.to_owned(),
            version: HANDLE_VERSION,
            journal: self.journal.to_value()?,
            registry: self.registry.clone(),
            plan: self.plan.clone(),
        };
        serde_json::to_string(&document).map_err(invalid)
    }

    /// Loads a handle: a `zhurnal.handle` document, a per-person export
    /// (`zhurnal.export`), or, as older versions, a journal
    /// (`zhurnal.journal`, with an empty registry and the seed plan) or a
    /// school (`zhurnal.school`). Everything is validated again.
    ///
    /// # Errors
    /// `snapshot.invalid_document`, `snapshot.wrong_format`,
    /// `snapshot.unsupported_version` ([`SnapshotError`]); the coded error
    /// of the first broken invariant of the school or journal inside.
    ///
    /// # Example
    /// ```
    /// use zhurnal::handle::SchoolHandle;
    /// let e = SchoolHandle::from_json(r#"{"format":"zhurnal.handle","version":9}"#).unwrap_err();
    /// assert_eq!(e.code(), "snapshot.unsupported_version");
    /// let e = SchoolHandle::from_json(r#"{"format":"other","version":1}"#).unwrap_err();
    /// assert_eq!(e.code(), "snapshot.wrong_format");
    /// assert_eq!(SchoolHandle::from_json("[").unwrap_err().code(), "snapshot.invalid_document");
    /// ```
    pub fn from_json(json: &str) -> Result<SchoolHandle, Error> {
        let (value, format, version) = read_envelope(json, "handle")?;
        if format == HANDLE_FORMAT {
            check_version("handle", version, HANDLE_VERSION)?;
            let d: HandleDocument = serde_json::from_value(value).map_err(invalid)?;
            let journal = Journal::from_value(d.journal)?;
            return Ok(SchoolHandle::from_parts(journal, d.registry, d.plan));
        }
        if format == super::export::EXPORT_FORMAT {
            check_version("export", version, super::export::EXPORT_VERSION)?;
            return SchoolHandle::from_export(value);
        }
        if format == format_of("journal") {
            check_version("journal", version, JOURNAL_VERSION)?;
            return Ok(SchoolHandle::from_parts(
                Journal::from_value(value)?,
                ApplicationRegistry::new(),
                RolloutPlan::gymnasium17()?,
            ));
        }
        if format == format_of("school") {
            check_version("school", version, SNAPSHOT_VERSION)?;
            return SchoolHandle::new(School::from_json(json)?);
        }
        Err(SnapshotError::WrongFormat {
            document: "handle".to_owned(),
            found: format,
        }
        .into())
    }
}

impl SchoolHandle {
    /// Saves the handle's snapshot ([`SchoolHandle::to_json`]) to `path`
    /// atomically, with its length and checksum (see
    /// [`crate::snapshot::file`]): after a crash the file is the old
    /// snapshot or the new one, never half of one.
    ///
    /// # Errors
    /// As [`SchoolHandle::to_json`]; `snapshot.io` when the file cannot
    /// be written (the old file is left as it was).
    ///
    /// # Example
    /// ```
    /// # use zhurnal::handle::SchoolHandle;
    /// let dir = tempfile::tempdir()?;
    /// let path = dir.path().join("school.json");
    /// use zhurnal::demo::{demo_school, DemoConfig};
    /// let handle = SchoolHandle::new(demo_school(&DemoConfig::tiny(1))?)?;
    /// handle.save(&path)?;
    /// assert_eq!(SchoolHandle::load(&path)?, handle);
    /// std::fs::write(&path, &std::fs::read(&path)?[..100])?;
    /// assert_eq!(SchoolHandle::load(&path).unwrap_err().code(), "snapshot.corrupted");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn save(&self, path: &std::path::Path) -> Result<(), Error> {
        let json = self.to_json()?;
        crate::snapshot::file::save(path, &json)?;
        Ok(())
    }

    /// Loads a handle saved by [`SchoolHandle::save`]: the file is checked
    /// whole (length and checksum) before the snapshot is read, and the
    /// snapshot is validated as by [`SchoolHandle::from_json`].
    ///
    /// # Errors
    /// `snapshot.io`; `snapshot.corrupted` for a truncated or altered
    /// file; as [`SchoolHandle::from_json`].
    pub fn load(path: &std::path::Path) -> Result<SchoolHandle, Error> {
        let json = crate::snapshot::file::load(path)?;
        SchoolHandle::from_json(&json)
    }
}
