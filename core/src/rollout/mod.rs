//! The rollout plan of the electronic journal and diary in a school, and
//! its status report.
//!
//! - [`RolloutPlan`]: stages, sections and tasks with deadlines, parsed from
//!   the tabular text form; the seed plan of Gymnasium No. 17 is embedded
//!   ([`RolloutPlan::gymnasium17`]) and its activation lines are the default
//!   checkpoints ([`seed_checkpoints`]).
//! - [`PlanStatus`]: the plan's status on a date ([`RolloutPlan::status_on`]);
//!   its activation target tasks are settled from the share measured on
//!   their checkpoint days, never completed by hand.
//! - [`RolloutReport`]: the plan's status on a date with the applications
//!   ([`crate::applications`]) and the parents' activation
//!   ([`crate::activation`]), as a value and as Russian text.

mod error;
mod plan;
mod plan_parser;
mod report;
#[cfg(feature = "html")]
mod report_html;
mod report_order;
mod report_text;
mod status;
mod task;

#[cfg(test)]
mod plan_tests;
#[cfg(test)]
mod status_tests;

pub use error::PlanError;
pub use plan::{
    GYMNASIUM17_PLAN_TEXT, PLAN_FORMAT_VERSION, PlanStage, RolloutPlan, RolloutSection, TaskStatus,
    seed_checkpoints,
};
pub use report::{ClassActivationRow, ReportOptions, RolloutReport};
pub use report_order::ClassLag;
pub use status::{PlanStatus, StageSummary, TargetLine, TaskLine, points_below};
pub use task::{Deadline, PlanTask, ResponsibleRole};
