//! The rollout of the electronic journal and diary in a school: the plan,
//! parents' applications and consent, logins and passwords, account
//! activation and its metrics, and the status report.

mod error;
mod plan;
mod plan_parser;
mod task;

pub use error::PlanError;
pub use plan::{
    GYMNASIUM17_PLAN_TEXT, PLAN_FORMAT_VERSION, PlanSection, PlanStage, RolloutPlan, TaskStatus,
    seed_checkpoints,
};
pub use task::{Deadline, PlanTask, ResponsibleRole};
#[cfg(test)]
mod plan_tests;
