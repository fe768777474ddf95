//! Kotlin and Swift bindings of zhurnal, generated with uniffi.
//!
//! The crate only converts: every rule stays in the core crate `zhurnal`.
//! It exports one object per stateful core value:
//!
//! - [`SchoolHandle`]: the core's one school handle (from a snapshot or a
//!   per-person export, back to JSON), with its reads and writes, each
//!   naming the acting person;
//! - [`CredentialSlip`]: a credential slip whose temporary password is
//!   read once;
//!
//! records and enums for values ([`records`]), custom types for decimals,
//! dates, times and the core's validated values ([`conversions`]), and one
//! typed error ([`ZhurnalError`]) carrying the core's stable `code` and its
//! text.

uniffi::setup_scaffolding!();

pub mod conversions;
pub mod error;
pub mod handle;
pub mod records;
pub mod slip;

pub use error::ZhurnalError;
pub use handle::SchoolHandle;
pub use slip::CredentialSlip;
