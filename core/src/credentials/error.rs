//! Errors of logins, passwords and their hashes.

/// What can go wrong with logins, passwords and their hashes. No variant
/// ever carries a password.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CredentialError {
    /// A letter the passport rules do not cover (neither Russian nor Latin).
    #[error("cannot transliterate {ch:?}: use Russian or Latin letters")]
    Untransliterable {
        /// The letter.
        ch: char,
    },
    /// A login that is not lowercase Latin letters, digits, `.` and `-`
    /// starting with a letter (at most 64 characters).
    /// The text given is not repeated (it may be a password typed into
    /// the wrong field), only its length.
    #[error(
        "invalid login of {chars} characters: use a-z, 0-9, '.', '-', starting with a letter, at most 64 characters"
    )]
    InvalidLogin {
        /// How many characters the text given has.
        chars: usize,
    },
    /// The operating system gave no random bytes.
    #[error("the secure random generator is unavailable: {reason}")]
    RandomUnavailable {
        /// The system's reason.
        reason: String,
    },
    /// Argon2 parameters out of range.
    #[error("invalid argon2id parameters m={memory_kib} KiB, t={iterations}, p={parallelism}")]
    InvalidHashParams {
        /// Memory in KiB.
        memory_kib: u32,
        /// Passes.
        iterations: u32,
        /// Lanes.
        parallelism: u32,
    },
    /// Hashing failed.
    #[error("password hashing failed: {reason}")]
    Hashing {
        /// The hasher's reason.
        reason: String,
    },
    /// A stored hash whose cost parameters exceed the limits of
    /// [`HashParams`](super::HashParams) (verifying it would cost too much
    /// memory or time).
    #[error(
        "the stored password hash costs m={memory_kib} KiB, t={iterations}, p={parallelism}, which exceed the limits m={} KiB, t={}, p={}",
        super::HashParams::MAX_MEMORY_KIB,
        super::HashParams::MAX_ITERATIONS,
        super::HashParams::MAX_PARALLELISM
    )]
    HashTooCostly {
        /// Memory in KiB.
        memory_kib: u32,
        /// Passes.
        iterations: u32,
        /// Lanes.
        parallelism: u32,
    },
    /// A stored hash that is not an argon2id PHC string.
    #[error("the stored password hash is not an argon2id PHC string")]
    InvalidHash,
}

impl CredentialError {
    /// The stable machine code, e.g. `"credential.invalid_login"`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Untransliterable { .. } => "credential.untransliterable",
            Self::InvalidLogin { .. } => "credential.invalid_login",
            Self::RandomUnavailable { .. } => "credential.random_unavailable",
            Self::InvalidHashParams { .. } => "credential.invalid_hash_params",
            Self::Hashing { .. } => "credential.hashing",
            Self::HashTooCostly { .. } => "credential.hash_too_costly",
            Self::InvalidHash => "credential.invalid_hash",
        }
    }
}
