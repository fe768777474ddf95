//! Tests of the registry: every transition allowed and refused, accounts,
//! logins, passwords in snapshots, queries.

use chrono::NaiveDate;

use super::*;
use crate::applications::lookup_fake::FakeSchool;
use crate::credentials::*;
use crate::ids::{ApplicationId, ParentId, StudentId, TeacherId};

pub(crate) fn d(m: u32, day: u32) -> NaiveDate {
    let year = if m >= 8 { 2014 } else { 2015 };
    NaiveDate::from_ymd_opt(year, m, day).unwrap()
}

pub(crate) const SPEC: TeacherId = TeacherId::new(90);

pub(crate) fn consent(on: NaiveDate) -> Consent {
    Consent {
        given_on: on,
        contacts: ContactDetails::new(Some("+7 (928) 000-00-00"), None).unwrap(),
        channel: ConsentChannel::InPerson,
    }
}

/// Students 1 (class 1, born 2004) and 2 (class 2, born 2000-10-15: 14 on
/// 2014-10-15); parents 1 → [1], 2 → [1, 2], 3 → [2], 4 (a second Иванов
/// И. И.) → [2].
pub(crate) fn school() -> FakeSchool {
    let mut s = FakeSchool::default();
    s.student(
        1,
        ("Петров", "Пётр"),
        NaiveDate::from_ymd_opt(2004, 3, 1).unwrap(),
        1,
    );
    s.student(
        2,
        ("Орлова", "Ольга"),
        NaiveDate::from_ymd_opt(2000, 10, 15).unwrap(),
        2,
    );
    s.parent(1, ("Петрова", "Анна", "Сергеевна"), &[1]);
    s.parent(2, ("Иванов", "Иван", "Иванович"), &[1, 2]);
    s.parent(3, ("Орлов", "Олег", "Юрьевич"), &[2]);
    s.parent(4, ("Иванов", "Илья", "Игоревич"), &[2]);
    s
}

pub(crate) fn registry() -> ApplicationRegistry {
    let mut r = ApplicationRegistry::new();
    r.set_hash_params(HashParams::light());
    r
}

fn parent(id: u32) -> Applicant {
    Applicant::Parent(ParentId::new(id))
}

fn submit(
    r: &mut ApplicationRegistry,
    s: &FakeSchool,
    who: Applicant,
    student: u32,
    on: NaiveDate,
) -> ApplicationId {
    r.submit_with(s, who, StudentId::new(student), on, consent(on))
        .unwrap()
}

/// Submits, registers (number `N-<id>`) and approves.
fn approved(
    r: &mut ApplicationRegistry,
    s: &FakeSchool,
    who: Applicant,
    student: u32,
    on: NaiveDate,
) -> ApplicationId {
    let id = submit(r, s, who, student, on);
    r.register(id, &format!("N-{}", id.get()), on, SPEC)
        .unwrap();
    r.approve(id, on, SPEC).unwrap();
    id
}

/// Runs `f`, expects the error code, and checks nothing changed.
fn refused<T: std::fmt::Debug>(
    r: &mut ApplicationRegistry,
    code: &str,
    f: impl FnOnce(&mut ApplicationRegistry) -> Result<T, ApplicationError>,
) -> ApplicationError {
    let before = r.clone();
    let e = f(r).unwrap_err();
    assert_eq!(e.code(), code, "{e}");
    assert_eq!(*r, before, "a refused operation changed the registry");
    e
}

mod accounts;
mod lifecycle;
mod snapshots;
