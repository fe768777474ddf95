//! Errors of the marks module.

use rust_decimal::Decimal;

/// What can be wrong with a mark, a weight, a work type or a period-mark
/// policy.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MarkError {
    /// A five-point mark outside 1–5.
    #[error("mark {value} is outside the scale 1..=5")]
    OutOfScale {
        /// The value given.
        value: i64,
    },
    /// A mark text that is none of `1`–`5`, `зачёт`, `незачёт`, `.`.
    #[error("unknown mark {text:?}")]
    UnknownMark {
        /// The text given.
        text: String,
    },
    /// A weight of zero or less, or an absurdly large one.
    #[error("weight {weight} must be a number greater than 0 and at most 100")]
    InvalidWeight {
        /// The weight given, as text.
        weight: String,
    },
    /// A work-type code that is empty or has characters other than `a-z`,
    /// `0-9`, `_`.
    #[error("invalid work type code {code:?}: use 1 to 32 characters a-z, 0-9, _")]
    InvalidWorkTypeCode {
        /// The code given.
        code: String,
    },
    /// A work type that the catalogue does not have.
    #[error("unknown work type {code:?}")]
    UnknownWorkType {
        /// The code given.
        code: String,
    },
    /// A work type added twice to a catalogue.
    #[error("work type {code:?} is already in the catalogue")]
    DuplicateWorkType {
        /// The code given.
        code: String,
    },
    /// A work type with an empty name.
    #[error("work type {code:?} has an empty name")]
    EmptyWorkTypeName {
        /// The code of the work type.
        code: String,
    },
    /// Period-mark thresholds that are not `1 <= three < four < five <= 5`.
    #[error("period-mark thresholds {three}/{four}/{five} must rise strictly within 1..=5")]
    InvalidThresholds {
        /// Lowest average for a 3.
        three: Decimal,
        /// Lowest average for a 4.
        four: Decimal,
        /// Lowest average for a 5.
        five: Decimal,
    },
}

impl MarkError {
    /// The stable machine code of this error, e.g. `"mark.out_of_scale"`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::OutOfScale { .. } => "mark.out_of_scale",
            Self::UnknownMark { .. } => "mark.unknown",
            Self::InvalidWeight { .. } => "mark.invalid_weight",
            Self::InvalidWorkTypeCode { .. } => "mark.invalid_work_type_code",
            Self::UnknownWorkType { .. } => "mark.unknown_work_type",
            Self::DuplicateWorkType { .. } => "mark.duplicate_work_type",
            Self::EmptyWorkTypeName { .. } => "mark.empty_work_type_name",
            Self::InvalidThresholds { .. } => "mark.invalid_thresholds",
        }
    }
}
