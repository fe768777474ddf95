//! Errors of reading and writing other systems' formats.

/// Why a OneRoster set or a NetSchool payload was not read or written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum InteropError {
    /// A file or directory could not be read or written.
    #[error("cannot access {path}: {reason}")]
    Io {
        /// The path.
        path: String,
        /// The system's reason.
        reason: String,
    },
    /// A file is not CSV.
    #[error("{file}:{line}: not csv: {reason}")]
    Csv {
        /// The file.
        file: String,
        /// The line.
        line: u64,
        /// What the CSV reader said.
        reason: String,
    },
    /// A set with errors is not imported; the report lists them.
    #[error("the set has {errors} errors; first: {first}")]
    SetRefused {
        /// How many errors.
        errors: usize,
        /// The first one, as text.
        first: String,
    },
    /// A valid set that the school model cannot hold (no school org, a
    /// term count the calendar does not know, a class name like «5А» the
    /// model refuses…).
    #[error("{file}:{line}: {reason}")]
    Unmappable {
        /// The file.
        file: String,
        /// The line (0: the set as a whole).
        line: u64,
        /// Why.
        reason: String,
    },
    /// A NetSchool payload is not JSON or lacks a required field.
    #[error("netschool payload: {path}: {reason}")]
    Payload {
        /// The JSON path of the field, e.g. `weekDays[0].lessons[2].number`.
        path: String,
        /// Why.
        reason: String,
    },
}

impl InteropError {
    /// The stable machine code, e.g. `"interop.set_refused"`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Io { .. } => "interop.io",
            Self::Csv { .. } => "interop.csv",
            Self::SetRefused { .. } => "interop.set_refused",
            Self::Unmappable { .. } => "interop.unmappable",
            Self::Payload { .. } => "interop.payload",
        }
    }
}
