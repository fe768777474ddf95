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
//!
//! ## Where things are
//!
//! | concept | module |
//! |---|---|
//! | school year, terms, holidays, bell schedule | [`calendar`] |
//! | school, classes (`5А`), subgroups, subjects, people, enrolment | [`organisation`] |
//! | lessons, topics, homework; the thematic plan (КТП) | [`lesson`], [`thematic_plan`] |
//! | marks, work types and weights, averages, period marks | [`marks`] |
//! | attendance codes and summaries | [`attendance`], [`attendance_summary`] |
//! | the school aggregate and its snapshot | [`school`] |
//! | the class journal with access checks and the audit trail | [`journal`], [`access`], [`audit`] |
//! | the student's diary week; "what do I need" | [`journal::diary`], [`target_mark`] |
//! | assessment-load check (СК-228/03, 01-169/08-01) | [`assessment_load`] |
//! | applications, consent, logins, activation, the rollout plan and report | [`rollout`] |
//! | the activation rule (share, target bands, checkpoints) | [`activation`] |
//! | the seeded generator behind generated demo data | [`random`] |
//! | every error, with a stable code | [`Error`] |

pub mod access;
pub mod activation;
pub mod applications;
pub mod assessment_load;
pub mod attendance;
pub mod attendance_summary;
pub mod audit;
pub mod calendar;
pub mod credentials;
#[cfg(any(test, feature = "demo"))]
pub mod demo;
mod error;
pub mod handle;
pub mod ids;
pub mod journal;
pub mod lesson;
pub mod marks;
pub mod organisation;
pub mod region;
pub mod rollout;
pub mod rounding;
pub mod school;
pub mod snapshot;
pub mod target_mark;
pub mod thematic_plan;

pub use error::Error;

/// The Rust code of the repository README, run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
