//! Parents' applications to receive information electronically, with the
//! consent to personal-data processing (152-ФЗ), and the registry that
//! keeps them.
//!
//! - [`Application`]: the applicant (a linked parent, or the student from
//!   14), the student, the [`Consent`] and the lifecycle submitted →
//!   registered → approved | rejected → credentials issued → activated;
//!   consent can be revoked at any time.
//! - [`ApplicationRegistry`]: the applications and the accounts issued on
//!   them (see [`crate::credentials`]), the lifecycle operations, who waits
//!   for what, and the counts per class and school on a date.
//! - [`ServiceAccess`]: the dated per-parent fact that a parent has the
//!   possibility to use the service, recorded by the host with
//!   [`ApplicationRegistry::record_service_access`]; the denominator of the
//!   default activation share.

mod application;
mod consent;
mod counts;
mod error;
mod lifecycle;
mod lookup;
mod registry;
pub(crate) mod service_access;

pub(crate) use lookup::OrgLookup;
#[cfg(test)]
pub(crate) use lookup::fake as lookup_fake;

#[cfg(test)]
pub(crate) mod tests;

pub use application::{
    Applicant, Application, ApplicationStatus, Decision, NextStep, Registration,
};
pub use consent::{Consent, ConsentChannel, ContactDetails};
pub use counts::{ApplicationCounts, ClassApplicationCounts, StatusCounts, WaitingApplication};
pub use error::ApplicationError;
pub use registry::{ApplicationRegistry, DEFAULT_LOGIN_ADDRESS, REGISTRY_FORMAT_VERSION};
pub use service_access::ServiceAccess;
