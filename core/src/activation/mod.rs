//! Parent account activation: the rule, the metrics and the table.
//!
//! The rule: who counts, the share, and the status against a
//! target band at a checkpoint.
//!
//! This is the one implementation of the rule. The in-memory application
//! registry and the bulk CSV reports both count parents and then call
//! [`ActivationCount::share`] and [`TargetBand::status`].
//!
//! - eligible: parents who have the possibility to use the service (by
//!   default those with access; see [`EligibilityPolicy`]);
//! - activated: eligible parents activated on or before the date
//!   (inclusive); an activated parent who is not eligible counts in neither
//!   number;
//! - share = 100 × activated / eligible, exact, HALF-UP to two places;
//! - status compares the **rounded** share with the inclusive band.

//!
//! The metrics over the application registry (per class, school and
//! region, the daily curve and a linear projection) live beside the rule:
//! [`ActivationTable`], [`ScopeActivation`], [`Projection`].

mod error;
mod metrics;
mod registry;
mod rule;

#[cfg(test)]
mod tests;

pub use error::{ActivationError, MetricsError};
pub use metrics::{
    ActivationScope, ActivationTable, CheckpointOutcome, CurvePoint, MAX_CURVE_DAYS,
    ParentActivationRecord, Projection, ProjectionMethod, ScopeActivation, count_parents,
};
pub use rule::{
    ActivationCount, BandStatus, Checkpoint, Checkpoints, EligibilityPolicy, TargetBand,
};
