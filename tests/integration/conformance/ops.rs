//! Each operation of the catalogue as a call through the Rust API: the
//! parsers on an entry's input, and the handle's calls on the base school.
//! Arguments are read as the catalogue's README gives them; an argument
//! that is missing or of the wrong JSON type is a broken entry (a panic
//! naming it), never an error of the library.

use chrono::{NaiveDate, NaiveDateTime};
use rust_decimal::Decimal;
use serde_json::Value;
use zhurnal::Error;
use zhurnal::access::Actor;
use zhurnal::applications::{Applicant, Consent, ContactDetails};
use zhurnal::attendance::AttendanceCode;
use zhurnal::audit::Edit;
use zhurnal::handle::SchoolHandle;
use zhurnal::ids::{ApplicationId, LessonId, MarkId, ParentId, StudentId};
use zhurnal::marks::{MarkValue, Weight, WorkTypeCode};
use zhurnal::region::{ActivationOptions, ActivationReport, TermGradesOptions, TermGradesReport};
use zhurnal::rollout::RolloutPlan;

use super::input;

/// The operations on an input alone (no school).
pub(crate) const PARSERS: [&str; 4] = ["load", "plan", "activation_csv", "term_grades_csv"];

/// What a call gave: `Ok` or the library's error.
pub(crate) type Outcome = Result<(), Error>;

/// Runs a parser `op` on its input.
pub(crate) fn parse(op: &str, args: &Value) -> Outcome {
    let input = arg(args, "input");
    let text = || input::text(input).unwrap_or_else(|e| panic!("{op}: {e}"));
    let bytes = || input::bytes(input).unwrap_or_else(|e| panic!("{op}: {e}"));
    match op {
        "load" => SchoolHandle::from_json(&text()).map(drop),
        "plan" => RolloutPlan::parse(&text()).map(drop).map_err(Error::from),
        "activation_csv" => {
            ActivationReport::from_reader(bytes().as_slice(), &ActivationOptions::default())
                .map(drop)
                .map_err(Error::from)
        }
        "term_grades_csv" => {
            TermGradesReport::from_reader(bytes().as_slice(), &TermGradesOptions::default())
                .map(drop)
                .map_err(Error::from)
        }
        other => panic!("unknown parser {other:?}"),
    }
}

/// Runs a handle `op` on `h`; `None` for an unknown operation.
pub(crate) fn call(h: &mut SchoolHandle, op: &str, args: &Value) -> Option<Outcome> {
    let id = |key: &str| u32::try_from(num(args, key)).unwrap_or_else(|e| panic!("{key}: {e}"));
    let r = match op {
        "diary_week" => h
            .diary_week(
                &actor(arg(args, "actor")),
                StudentId::new(id("student")),
                date(args, "date"),
                date(args, "today"),
            )
            .map(drop),
        "export_for" => h
            .export_for(&actor(arg(args, "actor")), date(args, "on"))
            .map(drop),
        "log_in" => h
            .log_in(
                str_arg(args, "login"),
                str_arg(args, "password"),
                date(args, "on"),
            )
            .map(drop),
        _ => {
            let e = match edit(args) {
                Ok(e) => e,
                Err(err) => return Some(Err(err)),
            };
            return write(h, op, args, &e, id);
        }
    };
    Some(r)
}

/// The writes, each under the entry's edit.
fn write(
    h: &mut SchoolHandle,
    op: &str,
    args: &Value,
    e: &Edit,
    id: impl Fn(&str) -> u32,
) -> Option<Outcome> {
    let application = || ApplicationId::new(id("application"));
    let r = match op {
        "submit_application" => {
            let consent = match consent(arg(args, "consent")) {
                Ok(c) => c,
                Err(err) => return Some(Err(err)),
            };
            h.submit_application(
                e,
                applicant(arg(args, "applicant")),
                StudentId::new(id("student")),
                consent,
            )
            .map(drop)
        }
        "register_application" => h.register_application(e, application(), str_arg(args, "number")),
        "approve_application" => h.approve_application(e, application()),
        "reject_application" => h.reject_application(e, application(), str_arg(args, "reason")),
        "revoke_consent" => h.revoke_consent(e, application()),
        "issue_credentials" => h.issue_credentials(e, application()).map(drop),
        "reissue_credentials" => h
            .reissue_credentials(e, applicant(arg(args, "holder")))
            .map(drop),
        "record_service_access" => h.record_service_access(
            e,
            ParentId::new(id("parent")),
            date(args, "since"),
            arg(args, "has_access")
                .as_bool()
                .unwrap_or_else(|| panic!("has_access")),
        ),
        _ => return journal_write(h, op, args, e, id),
    };
    Some(r)
}

/// The journal's writes.
fn journal_write(
    h: &mut SchoolHandle,
    op: &str,
    args: &Value,
    e: &Edit,
    id: impl Fn(&str) -> u32,
) -> Option<Outcome> {
    let mark = |args: &Value| -> Result<(MarkValue, WorkTypeCode, Option<Weight>), Error> {
        let value = MarkValue::parse(str_arg(args, "value"))?;
        let kind = WorkTypeCode::new(str_arg(args, "work_type"))?;
        let weight = match args.get("weight") {
            None | Some(Value::Null) => None,
            Some(w) => {
                let text = w.as_str().unwrap_or_else(|| panic!("weight is a string"));
                let d: Decimal = text
                    .parse()
                    .unwrap_or_else(|e| panic!("weight {text}: {e}"));
                Some(Weight::new(d)?)
            }
        };
        Ok((value, kind, weight))
    };
    let j = match h.journal_mut() {
        Ok(j) => j,
        Err(err) => return Some(Err(err)),
    };
    let r = match op {
        "record_mark" => mark(args).and_then(|(value, kind, weight)| {
            let (lesson, student) = (LessonId::new(id("lesson")), StudentId::new(id("student")));
            j.record_mark(e, lesson, student, value, &kind, weight)
                .map(drop)
        }),
        "change_mark" => mark(args).and_then(|(value, kind, weight)| {
            j.change_mark(e, MarkId::new(id("mark")), value, &kind, weight)
        }),
        "remove_mark" => j.remove_mark(e, MarkId::new(id("mark"))),
        "set_attendance" => {
            let code = match args.get("code") {
                None | Some(Value::Null) => None,
                Some(c) => Some(attendance(c)),
            };
            j.set_attendance(
                e,
                LessonId::new(id("lesson")),
                StudentId::new(id("student")),
                code,
            )
        }
        _ => return None,
    };
    Some(r)
}

fn arg<'a>(args: &'a Value, key: &str) -> &'a Value {
    args.get(key)
        .unwrap_or_else(|| panic!("missing argument {key:?} in {args}"))
}

fn str_arg<'a>(args: &'a Value, key: &str) -> &'a str {
    arg(args, key)
        .as_str()
        .unwrap_or_else(|| panic!("{key} is a string"))
}

fn num(args: &Value, key: &str) -> u64 {
    arg(args, key)
        .as_u64()
        .unwrap_or_else(|| panic!("{key} is a whole number"))
}

fn date(args: &Value, key: &str) -> NaiveDate {
    let text = str_arg(args, key);
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or_else(|e| panic!("{key} {text}: {e}"))
}

fn actor(v: &Value) -> Actor {
    serde_json::from_value(v.clone()).unwrap_or_else(|e| panic!("actor {v}: {e}"))
}

fn applicant(v: &Value) -> Applicant {
    let id = u32::try_from(num(v, "id")).unwrap_or_else(|e| panic!("{e}"));
    match str_arg(v, "role") {
        "parent" => Applicant::Parent(ParentId::new(id)),
        "student" => Applicant::Student(StudentId::new(id)),
        other => panic!("an applicant is a parent or a student, not {other}"),
    }
}

fn attendance(v: &Value) -> AttendanceCode {
    serde_json::from_value(v.clone()).unwrap_or_else(|e| panic!("attendance code {v}: {e}"))
}

/// The entry's edit: `actor`, `at` and an optional `reason`.
fn edit(args: &Value) -> Result<Edit, Error> {
    let at = str_arg(args, "at");
    let at = NaiveDateTime::parse_from_str(at, "%Y-%m-%dT%H:%M")
        .unwrap_or_else(|e| panic!("at {at}: {e}"));
    let e = Edit::new(actor(arg(args, "actor")), at);
    match args.get("reason").and_then(Value::as_str) {
        Some(reason) => e.because(reason),
        None => Ok(e),
    }
}

fn consent(v: &Value) -> Result<Consent, Error> {
    let opt = |key: &str| v.get(key).and_then(Value::as_str);
    Ok(Consent {
        given_on: date(v, "given_on"),
        contacts: ContactDetails::new(opt("phone"), opt("email"))?,
        channel: serde_json::from_value(arg(v, "channel").clone())
            .unwrap_or_else(|e| panic!("channel: {e}")),
    })
}
