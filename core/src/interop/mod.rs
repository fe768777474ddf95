//! Other systems' formats in and out: OneRoster 1.2 CSV ([`oneroster`]),
//! the NetSchool diary payload in ([`netschool`]).

mod error;
pub mod netschool;
pub mod oneroster;

pub use error::InteropError;
