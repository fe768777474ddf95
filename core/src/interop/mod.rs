//! Other systems' formats in and out: OneRoster 1.2 CSV
//! ([`oneroster`]).

mod error;
pub mod oneroster;

pub use error::InteropError;
