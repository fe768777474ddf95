//! The crate-wide error: one variant per concept, each with a stable code.

use crate::activation::ActivationError;
use crate::marks::MarkError;
use crate::region::RegionError;

/// Any error of zhurnal. Each concept has its own error enum; this one
/// wraps them so a host can handle all of them in one place.
///
/// [`Error::code`] is stable and machine-readable (`"mark.out_of_scale"`):
/// apps localise messages by it. Messages are lowercase English without a
/// final period and carry the ids and dates involved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A mark, weight, work type or period-mark policy error.
    #[error(transparent)]
    Mark(#[from] MarkError),
    /// An activation target error.
    #[error(transparent)]
    Activation(#[from] ActivationError),
    /// A region report or generator error (malformed bulk CSV, I/O,
    /// invalid report parameters).
    #[error(transparent)]
    Region(#[from] RegionError),
}

impl Error {
    /// The stable machine code of the error, e.g. `"mark.out_of_scale"`.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Mark(e) => e.code(),
            Error::Activation(e) => e.code(),
            Error::Region(e) => e.code(),
        }
    }
}
