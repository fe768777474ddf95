//! The back office's reads as frozen value classes: term marks, an
//! attendance summary, the answer to "what do I need", application
//! counts, a class's activation and a login's outcome.

use chrono::NaiveDate;
use pyo3::prelude::*;
use rust_decimal::Decimal;
use zhurnal::applications::StatusCounts;
use zhurnal::credentials::LoginOutcome;
use zhurnal::rollout::ClassActivationRow;
use zhurnal::target_mark::TargetOutcome;
use zhurnal::{attendance_summary, journal};

use crate::enums::BAND_STATUS;
use crate::values::{Code, repr};

/// A subject's marks in a term, checked: the computed average and period
/// mark, and the final mark the teacher set, if any.
#[pyclass(frozen, eq, hash, get_all, module = "zhurnal")]
#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) struct TermMarks {
    subject: u32,
    subject_name: String,
    term: String,
    /// The marks' values in the order given (`["5", "4"]`).
    values: Vec<String>,
    average_shown: Option<Decimal>,
    counted_marks: u32,
    period_mark: String,
    final_mark: Option<String>,
}

impl From<journal::TermMarks> for TermMarks {
    fn from(t: journal::TermMarks) -> TermMarks {
        let c = t.computed;
        TermMarks {
            subject: c.subject.get(),
            subject_name: c.subject_name,
            term: c.term.to_string(),
            values: c.marks.iter().map(|m| m.value.to_string()).collect(),
            average_shown: c.average_shown,
            counted_marks: c.counted_marks,
            period_mark: c.period_mark.to_string(),
            final_mark: t.final_mark.map(|m| m.to_string()),
        }
    }
}

/// A student's attendance from `start` to `end`: lessons, lessons
/// expected (exempt ones left out), late arrivals, missed lessons by
/// reason, whole days missed, the share missed, and the months flagged
/// for missing more than the threshold.
#[pyclass(frozen, eq, hash, get_all, module = "zhurnal")]
#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) struct AttendanceSummary {
    student: u32,
    start: NaiveDate,
    end: NaiveDate,
    lessons: u32,
    expected: u32,
    exempt: u32,
    late: u32,
    missed_unknown: u32,
    missed_excused: u32,
    missed_illness: u32,
    missed_unexcused: u32,
    missed: u32,
    days_missed: u32,
    missed_share: Option<Decimal>,
    /// `(year, month, share missed)` of each flagged month.
    flagged_months: Vec<(i32, u32, Decimal)>,
}

impl From<attendance_summary::AttendanceSummary> for AttendanceSummary {
    fn from(s: attendance_summary::AttendanceSummary) -> AttendanceSummary {
        let c = s.counts;
        AttendanceSummary {
            student: s.student.get(),
            start: s.start,
            end: s.end,
            lessons: c.lessons,
            expected: c.expected(),
            exempt: c.exempt,
            late: c.late,
            missed_unknown: c.missed.unknown,
            missed_excused: c.missed.excused,
            missed_illness: c.missed.illness,
            missed_unexcused: c.missed.unexcused,
            missed: c.missed.total(),
            days_missed: c.days_missed,
            missed_share: s.missed_share,
            flagged_months: s
                .flagged_months
                .iter()
                .map(|m| (m.year, m.month, m.share))
                .collect(),
        }
    }
}

/// The answer to "what do I need": how many new marks of the asked value
/// and weight bring the period mark to the target (`reachable`,
/// `new_marks`, the `average` and `period_mark` they give), or why not
/// (`reason`, the core's code such as `target.value_too_low`, and the
/// `best` period mark that can be had).
#[pyclass(frozen, eq, hash, get_all, module = "zhurnal")]
#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) struct TargetAnswer {
    reachable: bool,
    new_marks: Option<u32>,
    average: Option<Decimal>,
    period_mark: String,
    reason: Option<String>,
    reason_text: Option<String>,
}

impl From<TargetOutcome> for TargetAnswer {
    fn from(o: TargetOutcome) -> TargetAnswer {
        match o {
            TargetOutcome::Reachable {
                new_marks,
                average,
                period_mark,
            } => TargetAnswer {
                reachable: true,
                new_marks: Some(new_marks),
                average: Some(average),
                period_mark: period_mark.to_string(),
                reason: None,
                reason_text: None,
            },
            TargetOutcome::Unreachable { reason, best } => TargetAnswer {
                reachable: false,
                new_marks: None,
                average: None,
                period_mark: best.to_string(),
                reason: Some(reason.code().to_owned()),
                reason_text: Some(reason.to_string()),
            },
        }
    }
}

/// Applications by status on a date (an application counts once, in the
/// furthest step it reached), and those waiting at each step.
#[pyclass(frozen, eq, hash, get_all, module = "zhurnal")]
#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) struct ApplicationCounts {
    submitted: u32,
    registered: u32,
    approved: u32,
    rejected: u32,
    credentials_issued: u32,
    activated: u32,
    revoked: u32,
    waiting_registration: u32,
    waiting_decision: u32,
    waiting_credentials: u32,
}

impl From<&StatusCounts> for ApplicationCounts {
    fn from(c: &StatusCounts) -> ApplicationCounts {
        ApplicationCounts {
            submitted: c.submitted,
            registered: c.registered,
            approved: c.approved,
            rejected: c.rejected,
            credentials_issued: c.credentials_issued,
            activated: c.activated,
            revoked: c.revoked,
            waiting_registration: c.waiting_registration,
            waiting_decision: c.waiting_decision,
            waiting_credentials: c.waiting_credentials,
        }
    }
}

/// A class's parents' activation: eligible and activated parents, the
/// share (`None` with no eligible parent), and its status against the
/// target in force and the next one.
#[pyclass(frozen, eq, hash, get_all, module = "zhurnal")]
#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) struct ClassActivation {
    class_id: u32,
    name: String,
    eligible: u64,
    activated: u64,
    share: Option<Decimal>,
    current_status: Option<Code>,
    next_status: Option<Code>,
}

impl From<&ClassActivationRow> for ClassActivation {
    fn from(r: &ClassActivationRow) -> ClassActivation {
        ClassActivation {
            class_id: r.class_id.get(),
            name: r.name.clone(),
            eligible: r.count.eligible(),
            activated: r.count.activated(),
            share: r.share,
            current_status: r.current_status.map(|s| Code::of(&BAND_STATUS, &s)),
            next_status: r.next_status.map(|s| Code::of(&BAND_STATUS, &s)),
        }
    }
}

/// A successful login: `first` when this login activated the account,
/// and the day the account is active since.
#[pyclass(frozen, eq, hash, get_all, module = "zhurnal")]
#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) struct Login {
    first: bool,
    active_since: NaiveDate,
}

impl From<LoginOutcome> for Login {
    fn from(o: LoginOutcome) -> Login {
        match o {
            LoginOutcome::Activated { on } => Login {
                first: true,
                active_since: on,
            },
            LoginOutcome::AlreadyActive { since } => Login {
                first: false,
                active_since: since,
            },
        }
    }
}

macro_rules! reprs {
    ($($class:ident: [$($field:literal),*]),* $(,)?) => {$(
        #[pymethods]
        impl $class {
            fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
                repr(slf.as_any(), &[$($field),*])
            }
        }
    )*};
}

reprs! {
    TermMarks: ["subject_name", "term", "values", "average_shown", "period_mark", "final_mark"],
    AttendanceSummary: ["student", "start", "end", "lessons", "missed", "missed_share"],
    TargetAnswer: ["reachable", "new_marks", "average", "period_mark", "reason"],
    ApplicationCounts: ["submitted", "registered", "approved", "rejected", "credentials_issued", "activated", "revoked"],
    ClassActivation: ["name", "eligible", "activated", "share", "current_status"],
    Login: ["first", "active_since"],
}
