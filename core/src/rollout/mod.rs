//! The rollout of the electronic journal and diary in a school: the plan,
//! parents' applications and consent, logins and passwords, account
//! activation and its metrics, and the status report.
//!
//! - [`RolloutPlan`]: stages, sections and tasks with deadlines, parsed from
//!   the tabular text form; the seed plan of Gymnasium No. 17 is embedded
//!   ([`RolloutPlan::gymnasium17`]) and its activation lines are the default
//!   checkpoints ([`seed_checkpoints`]).
//! - [`ApplicationRegistry`]: applications (parent or student from 14) with
//!   consent and their lifecycle, accounts with logins transliterated by
//!   the passport rules ([`Login`]), temporary passwords
//!   ([`TemporaryPassword`], handed over once on a [`CredentialSlip`]) kept
//!   only as argon2id hashes ([`PasswordHash`]), and activation.
//! - Metrics: [`ActivationTable`] per class, school and region, the daily
//!   curve and a linear [`Projection`], all through the one rule of
//!   [`crate::activation`].

mod accounts;
mod application;
mod application_error;
mod consent;
mod counts;
mod credentials;
pub mod demo;
mod error;
mod login;
mod lookup;
mod metrics;
mod password;
mod plan;
mod plan_parser;
mod registry;
mod registry_metrics;
mod report;
mod report_text;
mod task;

pub use application::{
    Applicant, Application, ApplicationStatus, Decision, NextStep, Registration,
};
pub use application_error::ApplicationError;
pub use consent::{Consent, ConsentChannel, ContactDetails};
pub use counts::{ApplicationCounts, ClassApplicationCounts, StatusCounts};
pub use credentials::{
    Account, ActivationSource, CredentialEvent, CredentialEventKind, CredentialSlip,
    IssuedCredentials, LoginOutcome,
};
pub use error::{CredentialError, MetricsError, PlanError};
pub use login::{Login, transliterate};
pub use metrics::{
    ActivationScope, ActivationTable, CheckpointOutcome, CurvePoint, MAX_CURVE_DAYS,
    ParentActivationRecord, Projection, ProjectionMethod, ScopeActivation, count_parents,
};
pub use password::{
    HashParams, PASSWORD_ALPHABET, PASSWORD_LENGTH, PasswordHash, TemporaryPassword,
};
pub use plan::{
    GYMNASIUM17_PLAN_TEXT, PLAN_FORMAT_VERSION, PlanSection, PlanStage, RolloutPlan, TaskStatus,
    seed_checkpoints,
};
pub use registry::{
    ApplicationRegistry, DEFAULT_LOGIN_ADDRESS, REGISTRY_FORMAT_VERSION, WaitingApplication,
};
pub use report::{ClassActivationRow, ReportOptions, RolloutReport, StageSummary, TaskLine};
pub use task::{Deadline, PlanTask, ResponsibleRole};

#[cfg(test)]
mod metrics_tests;
#[cfg(test)]
mod plan_tests;
#[cfg(test)]
mod registry_tests;
