//! The envelope every snapshot shares — `{"format": "zhurnal.<kind>",
//! "version": N, …}` — and its one error type, so that a school, a
//! journal, a handle and a per-person export fail with the same codes:
//! `snapshot.invalid_document`, `snapshot.wrong_format`,
//! `snapshot.unsupported_version`.
//!
//! Parsing is strict where it matters and lenient where it is safe:
//!
//! - an object with the same key twice is refused
//!   (`snapshot.invalid_document`, `duplicate key "…"`), at any depth;
//! - nesting deeper than 128 levels is refused, never a stack overflow;
//! - **unknown fields are ignored**: a field this version does not know is
//!   skipped on load and not written back on save, so a document from a
//!   newer writer of the same version loads with what this version
//!   understands; every known field is validated again;
//! - [`save`](file::save) writes a file atomically with a checksum, and
//!   [`load`](file::load) refuses a truncated or corrupted file whole.

pub mod file;
mod strict;

use serde_json::Value;

/// What can be wrong with a snapshot document as a whole.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SnapshotError {
    /// Not JSON, or a value in it is invalid (the detail says which).
    #[error("invalid {document} snapshot: {detail}")]
    InvalidDocument {
        /// The kind of document expected (`"school"`, `"journal"`, …).
        document: String,
        /// What the parser reported.
        detail: String,
    },
    /// A `format` other than the one expected.
    #[error("not a {document} snapshot: format {found:?}")]
    WrongFormat {
        /// The kind of document expected.
        document: String,
        /// The format found (empty when missing).
        found: String,
    },
    /// A `version` this library cannot read.
    #[error("unsupported {document} snapshot version {version}, expected {supported}")]
    UnsupportedVersion {
        /// The kind of document.
        document: String,
        /// The version found.
        version: u64,
        /// The newest version this library reads.
        supported: u32,
    },
    /// A snapshot file that is truncated, corrupted or not a snapshot
    /// file: nothing of it is loaded.
    #[error("corrupted snapshot file: {detail}")]
    Corrupted {
        /// What is wrong (length, checksum, envelope).
        detail: String,
    },
    /// The file could not be read or written.
    #[error("snapshot file i/o error: {detail}")]
    Io {
        /// The system's error.
        detail: String,
    },
}

impl SnapshotError {
    /// The stable machine code, e.g. `"snapshot.unsupported_version"`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::InvalidDocument { .. } => "snapshot.invalid_document",
            Self::WrongFormat { .. } => "snapshot.wrong_format",
            Self::UnsupportedVersion { .. } => "snapshot.unsupported_version",
            Self::Corrupted { .. } => "snapshot.corrupted",
            Self::Io { .. } => "snapshot.io",
        }
    }

    /// An invalid document of `document`'s kind.
    pub(crate) fn invalid(document: &str, detail: impl std::fmt::Display) -> SnapshotError {
        SnapshotError::InvalidDocument {
            document: document.to_owned(),
            detail: crate::excerpt::excerpt_message(&detail.to_string()),
        }
    }
}

/// The format of a snapshot of `kind` (`"zhurnal.school"`).
pub(crate) fn format_of(kind: &str) -> String {
    format!("zhurnal.{kind}")
}

/// Parses `json` and reads its envelope: the `format` (empty when
/// missing) and the `version` (`None` when missing or not a number).
///
/// # Errors
/// [`SnapshotError::InvalidDocument`] for malformed JSON (reported against
/// `kind`).
pub(crate) fn read_envelope(
    json: &str,
    kind: &str,
) -> Result<(Value, String, Option<u64>), SnapshotError> {
    let value: Value = strict::parse(json).map_err(|e| SnapshotError::invalid(kind, e))?;
    let format = crate::excerpt::excerpt(value.get("format").and_then(Value::as_str).unwrap_or(""));
    let version = value.get("version").and_then(Value::as_u64);
    Ok((value, format, version))
}

/// Checks a version read from an envelope of `kind`.
///
/// # Errors
/// [`SnapshotError::InvalidDocument`] for a missing version,
/// [`SnapshotError::UnsupportedVersion`] for another one.
pub(crate) fn check_version(
    kind: &str,
    found: Option<u64>,
    supported: u32,
) -> Result<(), SnapshotError> {
    match found {
        Some(v) if v == u64::from(supported) => Ok(()),
        Some(version) => Err(SnapshotError::UnsupportedVersion {
            document: kind.to_owned(),
            version,
            supported,
        }),
        None => Err(SnapshotError::invalid(
            kind,
            "missing or non-numeric version",
        )),
    }
}

/// Parses `json` as a snapshot of `kind` in `version`.
///
/// # Errors
/// As [`read_envelope`]; [`SnapshotError::WrongFormat`],
/// [`SnapshotError::UnsupportedVersion`].
pub(crate) fn expect(json: &str, kind: &str, version: u32) -> Result<Value, SnapshotError> {
    let (value, found, v) = read_envelope(json, kind)?;
    if found != format_of(kind) {
        return Err(SnapshotError::WrongFormat {
            document: kind.to_owned(),
            found,
        });
    }
    check_version(kind, v, version)?;
    Ok(value)
}
