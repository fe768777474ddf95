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
//! | **one handle per school for hosts**: journal, registry, plan, one snapshot, the per-person export | [`handle`] |
//! | school year, terms, holidays, bell schedule | [`calendar`] |
//! | school, classes (`5А`), subgroups, subjects, people, enrolment | [`organisation`] |
//! | lessons, topics, homework; the thematic plan (КТП) | [`lesson`], [`thematic_plan`] |
//! | marks, work types and weights, averages, period marks | [`marks`] |
//! | attendance codes and summaries | [`attendance`], [`attendance_summary`] |
//! | the school's records, their one index and snapshot | [`school`] |
//! | the class journal: access checks, the audit trail, the administrator's operations | [`journal`], [`access`], [`audit`] |
//! | the student's diary week; "what do I need" | [`journal::diary`], [`target_mark`] |
//! | assessment-load check (СК-228/03, 01-169/08-01) | [`assessment_load`] |
//! | parents' applications and consent (152-ФЗ) | [`applications`] |
//! | logins, passwords, accounts | [`credentials`] |
//! | activation: the rule, the metrics, the table | [`activation`] |
//! | the rollout plan and its status report | [`rollout`] |
//! | region-scale reports over bulk CSV | [`region`] |
//! | the snapshot envelope and its errors | [`snapshot`] |
//! | generated demo data (cargo feature `demo`) | `demo` |
//! | OneRoster 1.2 CSV in and out, the NetSchool diary payload in | [`interop`] |
//! | every error, with a stable code | [`Error`] |
//!
//! ## Glossary
//!
//! The API uses one word for each thing, in every module and in the
//! bindings:
//!
//! | word | meaning |
//! |---|---|
//! | `average_shown` | the weighted average Σ(mark × weight) / Σ weight of the five-point marks, rounded HALF-UP to two places: the number shown and the one a period-mark policy compares |
//! | `marks_counted` | how many five-point marks entered that average (pass/fail marks and «точка» never do) |
//! | `period_mark` | the period mark computed by the school's policy from the average as shown (or «н/а»); `final_mark` is the teacher's, kept beside it |
//! | `start`, `end` | the first and the last day of a date range, both **inclusive** |
//! | `class_id` | a class's id wherever a field names one (`class` is a keyword in Kotlin) |
//! | `term` | a term's code (`"Q1"`, `"T2"`, `"S1"`); `term_number` its number in the year |
//! | `today` | the date of a request: access and "overdue" are decided on it |
//! | scope | who a number is about: a class, a school, a region ([`activation::ActivationScope`]) |
//! | `Edit` | who makes a change, when, and why; every write takes one |
//! | `Actor` | who makes a request; every read takes one |
//! | eligible / activated / share | the activation rule of [`activation`]: parents with the possibility to use the service, those of them activated on or before the date, and 100 × activated / eligible |
//! | `code()` | the stable machine code of an error, `"concept.reason"` |

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
pub mod excerpt;
pub mod handle;
pub mod ids;
pub mod interop;
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
