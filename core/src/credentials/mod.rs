//! Logins and passwords: logins transliterated by the passport rules
//! ([`Login`]), temporary passwords ([`TemporaryPassword`], handed over
//! once on a [`CredentialSlip`]) kept only as argon2id hashes
//! ([`PasswordHash`]), the accounts issued on approved applications and
//! their activation (first login, or reported by the host).
//!
//! The account operations are methods of the
//! [`ApplicationRegistry`](crate::applications::ApplicationRegistry):
//! `issue_credentials`, `reissue_credentials`, `log_in`,
//! `report_activation`.

mod account;
mod error;
mod hash_params;
mod issue;
mod login;
mod password;

pub use account::{
    Account, ActivationSource, CredentialEvent, CredentialEventKind, CredentialSlip,
    IssuedCredentials, LoginOutcome,
};
pub use error::CredentialError;
pub use hash_params::HashParams;
pub use login::{Login, transliterate};
pub use password::{PASSWORD_ALPHABET, PASSWORD_LENGTH, PasswordHash, TemporaryPassword};
