//! # zhurnal — the school electronic journal and diary
//!
//! `zhurnal` (журнал) models the school electronic journal and the
//! electronic diary of students and parents as Russian schools run them
//! with systems like «Сетевой город. Образование»: classes, lessons with
//! their thematic plan, marks, attendance, parents' applications, logins
//! and passwords, parent account activation against dated targets, and the
//! rollout plan of the system itself.
//!
//! It is pure domain logic: no network, no database, no UI. Every value
//! that can be invalid is built through a validating constructor (and
//! validated again on deserialisation); every fallible operation returns a
//! coded error and leaves state unchanged on error.
//!
//! Averages and shares are exact decimals rounded HALF-UP to two places
//! ([`rounding`]); dates are [`chrono::NaiveDate`] civil dates.

pub mod activation;
mod error;
pub mod ids;
pub mod marks;
pub mod region;
pub mod rounding;

pub use error::Error;
