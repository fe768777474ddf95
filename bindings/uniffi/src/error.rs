//! The one error hosts see, and its one mapping from the core's error.
//!
//! Each variant is one concept of the core; each carries the core's stable
//! `code` (apps switch on it and localise by it) and its readable `text`
//! (lowercase, with the ids and dates involved). The field is not called
//! `message`, which would clash with Kotlin's `Throwable.message`.

/// Any failure of a call into zhurnal. Kotlin sees `ZhurnalException`.
#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum ZhurnalError {
    /// Marks, weights, work types, period marks.
    #[error("{text}")]
    Mark {
        /// The stable code, e.g. `mark.out_of_scale`.
        code: String,
        /// What happened, with ids and dates.
        text: String,
    },
    /// Applications and the registry.
    #[error("{text}")]
    Application {
        /// The stable code.
        code: String,
        /// What happened.
        text: String,
    },
    /// Logins, passwords, hashing.
    #[error("{text}")]
    Credential {
        /// The stable code.
        code: String,
        /// What happened.
        text: String,
    },
    /// A journal rule.
    #[error("{text}")]
    Journal {
        /// The stable code.
        code: String,
        /// What happened.
        text: String,
    },
    /// A refusal of the handle itself (a read-only export).
    #[error("{text}")]
    Handle {
        /// The stable code.
        code: String,
        /// What happened.
        text: String,
    },
    /// A refused action: the actor may not do it.
    #[error("{text}")]
    Access {
        /// The stable code, e.g. `access.parent_not_granted`.
        code: String,
        /// What happened.
        text: String,
    },
    /// Calendar, organisation, lessons, plans, attendance codes, the
    /// school's references.
    #[error("{text}")]
    School {
        /// The stable code.
        code: String,
        /// What happened.
        text: String,
    },
    /// A snapshot or export that does not read.
    #[error("{text}")]
    Snapshot {
        /// The stable code.
        code: String,
        /// What happened.
        text: String,
    },
    /// A value that does not parse at the boundary (a decimal, a date).
    #[error("{text}")]
    Conversion {
        /// `ffi.invalid_value`.
        code: String,
        /// What happened.
        text: String,
    },
    /// A credential slip's password asked for a second time.
    #[error("{text}")]
    PasswordAlreadyRead {
        /// `ffi.password_already_read`.
        code: String,
        /// What happened.
        text: String,
    },
    /// A handle left unusable by an earlier failure inside it.
    #[error("{text}")]
    Unavailable {
        /// `ffi.handle_unavailable`.
        code: String,
        /// What happened.
        text: String,
    },
    /// Any other error of the core (rollout plans, activation, regions).
    #[error("{text}")]
    Other {
        /// The stable code.
        code: String,
        /// What happened.
        text: String,
    },
}

impl ZhurnalError {
    /// The stable machine code.
    pub fn code(&self) -> &str {
        match self {
            Self::Mark { code, .. }
            | Self::Application { code, .. }
            | Self::Credential { code, .. }
            | Self::Journal { code, .. }
            | Self::Handle { code, .. }
            | Self::Access { code, .. }
            | Self::School { code, .. }
            | Self::Snapshot { code, .. }
            | Self::Conversion { code, .. }
            | Self::PasswordAlreadyRead { code, .. }
            | Self::Unavailable { code, .. }
            | Self::Other { code, .. } => code,
        }
    }

    /// A handle whose lock was poisoned by a panic inside the core.
    pub(crate) fn unavailable() -> ZhurnalError {
        ZhurnalError::Unavailable {
            code: "ffi.handle_unavailable".to_owned(),
            text: "the handle is unusable after an internal failure".to_owned(),
        }
    }
}

impl From<zhurnal::Error> for ZhurnalError {
    fn from(e: zhurnal::Error) -> ZhurnalError {
        use zhurnal::Error as E;
        let code = e.code().to_owned();
        let text = e.to_string();
        match e {
            E::Mark(_) => Self::Mark { code, text },
            E::Application(_) => Self::Application { code, text },
            E::Credential(_) => Self::Credential { code, text },
            E::Journal(_) => Self::Journal { code, text },
            E::Handle(_) => Self::Handle { code, text },
            E::Access(_) => Self::Access { code, text },
            E::Calendar(_)
            | E::Organisation(_)
            | E::Lesson(_)
            | E::ThematicPlan(_)
            | E::Attendance(_)
            | E::Load(_)
            | E::School(_) => Self::School { code, text },
            E::Snapshot(_) => Self::Snapshot { code, text },
            _ => Self::Other { code, text },
        }
    }
}
