//! Errors of activation targets and metrics.

use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Errors of activation targets and counts.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ActivationError {
    /// A band that is not `0 <= min <= max <= 100`.
    #[error("target band {min}..{max} must satisfy 0 <= min <= max <= 100")]
    InvalidBand {
        /// Lower bound, percent.
        min: Decimal,
        /// Upper bound, percent.
        max: Decimal,
    },
    /// Two checkpoints on the same date, or out of order.
    #[error("checkpoint {date} is not after the previous checkpoint {previous}")]
    CheckpointsOutOfOrder {
        /// The offending checkpoint.
        date: NaiveDate,
        /// The checkpoint before it.
        previous: NaiveDate,
    },
    /// A count with more activated than eligible parents.
    #[error("activated parents {activated} exceed eligible parents {eligible}")]
    ActivatedAboveEligible {
        /// Parents in the denominator.
        eligible: u64,
        /// Activated parents given.
        activated: u64,
    },
}

impl ActivationError {
    /// The stable machine code, e.g. `"activation.invalid_band"`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::InvalidBand { .. } => "activation.invalid_band",
            Self::CheckpointsOutOfOrder { .. } => "activation.checkpoints_out_of_order",
            Self::ActivatedAboveEligible { .. } => "activation.activated_above_eligible",
        }
    }
}

/// Errors of activation metrics over a date range.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MetricsError {
    /// A range whose end is before its start.
    #[error("date range {start}..{end} ends before it starts")]
    InvalidRange {
        /// First day.
        start: NaiveDate,
        /// Last day.
        end: NaiveDate,
    },
    /// A range longer than [`MAX_CURVE_DAYS`](super::MAX_CURVE_DAYS) days.
    #[error("date range {start}..{end} is longer than {max} days")]
    RangeTooLong {
        /// First day.
        start: NaiveDate,
        /// Last day.
        end: NaiveDate,
        /// The longest range allowed.
        max: u32,
    },
}

impl MetricsError {
    /// The stable machine code, e.g. `"metrics.invalid_range"`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::InvalidRange { .. } => "metrics.invalid_range",
            Self::RangeTooLong { .. } => "metrics.range_too_long",
        }
    }
}
