//! Helpers shared by the runnable examples of zhurnal.

pub mod oneroster_cli;
pub mod parquet_input;
pub mod progress;
pub mod region_cli;
pub mod rollout_cli;
pub mod school_week;
