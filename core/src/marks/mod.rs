//! Marks: the five-point scale, pass/fail and the debt mark, work types with
//! their weights, the weighted average and the period mark.
//!
//! - [`Points`] is a mark on the five-point scale (1–5); [`MarkValue`] adds
//!   зачёт/незачёт and «точка» (a debt), which never enter an average.
//! - [`WorkType`]s come from a [`WorkTypeCatalogue`] (NetSchool's usual list
//!   by default) and give each mark its default [`Weight`].
//! - [`WeightedAverage`] is Σ(mark × weight) / Σ weight, exact.
//! - [`PeriodMarkPolicy`] turns an average into a quarter/term/year mark.

mod average;
mod error;
mod grading;
mod period_mark;
mod value;
mod weight;
mod work_type;

pub use average::{WeightedAverage, shown_average};
pub use error::MarkError;
pub use grading::Grading;
pub use period_mark::{PeriodMark, PeriodMarkPolicy, PeriodThresholds};
pub use value::{MarkValue, Points};
pub use weight::Weight;
pub use work_type::{WorkType, WorkTypeCatalogue, WorkTypeCode};
