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

#[test]
fn submission_rules() {
    let s = school();
    let mut r = registry();
    let id = submit(&mut r, &s, parent(1), 1, d(9, 5));
    assert_eq!(id, ApplicationId::new(1));
    assert_eq!(
        r.application(id).unwrap().status(),
        ApplicationStatus::Submitted
    );
    let e = refused(&mut r, "application.duplicate_active", |r| {
        r.submit_with(&s, parent(1), StudentId::new(1), d(9, 6), consent(d(9, 6)))
    });
    assert_eq!(
        e.to_string(),
        "parent#1 already has active application#1 for student#1"
    );
    refused(&mut r, "application.unknown_student", |r| {
        r.submit_with(&s, parent(1), StudentId::new(9), d(9, 6), consent(d(9, 6)))
    });
    refused(&mut r, "application.unknown_parent", |r| {
        r.submit_with(&s, parent(9), StudentId::new(1), d(9, 6), consent(d(9, 6)))
    });
    let e = refused(&mut r, "application.not_linked", |r| {
        r.submit_with(&s, parent(3), StudentId::new(1), d(9, 6), consent(d(9, 6)))
    });
    assert_eq!(
        e.to_string(),
        "parent#3 is not a parent or legal representative of student#1"
    );
    let e = refused(&mut r, "application.consent_after_submission", |r| {
        r.submit_with(&s, parent(2), StudentId::new(1), d(9, 6), consent(d(9, 7)))
    });
    assert_eq!(
        e.to_string(),
        "consent dated 2014-09-07 is after the application on 2014-09-06"
    );
    // A student applies for themself from the 14th birthday on.
    let e = refused(&mut r, "application.student_too_young", |r| {
        r.submit_with(
            &s,
            Applicant::Student(StudentId::new(2)),
            StudentId::new(2),
            d(10, 14),
            consent(d(10, 14)),
        )
    });
    assert_eq!(
        e.to_string(),
        "student#2 is 13 on 2014-10-14: a student may apply from age 14"
    );
    refused(&mut r, "application.not_the_student", |r| {
        r.submit_with(
            &s,
            Applicant::Student(StudentId::new(2)),
            StudentId::new(1),
            d(10, 15),
            consent(d(10, 15)),
        )
    });
    let own = submit(
        &mut r,
        &s,
        Applicant::Student(StudentId::new(2)),
        2,
        d(10, 15),
    );
    assert_eq!(own, ApplicationId::new(2));
}

#[test]
fn lifecycle_steps_in_order() {
    let s = school();
    let mut r = registry();
    let id = submit(&mut r, &s, parent(1), 1, d(9, 5));
    // Skipping registration.
    let e = refused(&mut r, "application.out_of_order", |r| {
        r.approve(id, d(9, 6), SPEC)
    });
    assert_eq!(
        e.to_string(),
        "cannot approve application#1: it is submitted"
    );
    refused(&mut r, "application.out_of_order", |r| {
        r.reject(id, d(9, 6), SPEC, "нет")
    });
    refused(&mut r, "application.out_of_order", |r| {
        r.issue_with(&s, id, d(9, 6), SPEC)
    });
    refused(&mut r, "application.unknown", |r| {
        r.register(ApplicationId::new(7), "1", d(9, 6), SPEC)
    });
    let e = refused(&mut r, "application.date_before_previous_step", |r| {
        r.register(id, "1/14", d(9, 4), SPEC)
    });
    assert_eq!(
        e.to_string(),
        "application#1: date 2014-09-04 is before the previous step on 2014-09-05"
    );
    refused(&mut r, "application.invalid_registration_number", |r| {
        r.register(id, "  ", d(9, 6), SPEC)
    });
    refused(&mut r, "application.invalid_registration_number", |r| {
        r.register(id, &"9".repeat(51), d(9, 6), SPEC)
    });
    r.register(id, " 1/14 ", d(9, 5), SPEC).unwrap();
    assert_eq!(
        r.application(id).unwrap().registration().unwrap().number,
        "1/14"
    );
    refused(&mut r, "application.out_of_order", |r| {
        r.register(id, "2/14", d(9, 6), SPEC)
    });
    let other = submit(&mut r, &s, parent(2), 1, d(9, 6));
    let e = refused(&mut r, "application.duplicate_registration_number", |r| {
        r.register(other, "1/14", d(9, 6), SPEC)
    });
    assert_eq!(
        e.to_string(),
        "registration number \"1/14\" is already used by application#1"
    );
    refused(&mut r, "application.date_before_previous_step", |r| {
        r.approve(id, d(9, 4), SPEC)
    });
    r.approve(id, d(9, 8), SPEC).unwrap();
    assert_eq!(
        r.application(id).unwrap().status(),
        ApplicationStatus::Approved
    );
    refused(&mut r, "application.out_of_order", |r| {
        r.approve(id, d(9, 9), SPEC)
    });
    refused(&mut r, "application.out_of_order", |r| {
        r.reject(id, d(9, 9), SPEC, "поздно")
    });
    refused(&mut r, "application.date_before_previous_step", |r| {
        r.issue_with(&s, id, d(9, 7), SPEC)
    });
    let issued = r.issue_with(&s, id, d(9, 10), SPEC).unwrap();
    assert_eq!(issued.login.as_str(), "petrova.as");
    refused(&mut r, "application.out_of_order", |r| {
        r.issue_with(&s, id, d(9, 11), SPEC)
    });
    let password = issued.slip.unwrap().reveal_password().to_owned();
    let outcome = r.log_in("petrova.as", &password, d(9, 12)).unwrap();
    assert_eq!(outcome, LoginOutcome::Activated { on: d(9, 12) });
    let app = r.application(id).unwrap();
    assert_eq!(app.status(), ApplicationStatus::Activated);
    assert_eq!(
        app.status_on(d(9, 11)),
        Some(ApplicationStatus::CredentialsIssued)
    );
    assert_eq!(app.status_on(d(9, 9)), Some(ApplicationStatus::Approved));
    assert_eq!(app.status_on(d(9, 7)), Some(ApplicationStatus::Registered));
    assert_eq!(app.status_on(d(9, 5)), Some(ApplicationStatus::Registered));
    assert_eq!(app.status_on(d(9, 4)), None);
    assert_eq!(
        r.account(parent(1)).unwrap().activation_source(),
        Some(ActivationSource::FirstLogin)
    );
}

#[test]
fn rejection_and_revocation() {
    let s = school();
    let mut r = registry();
    let id = submit(&mut r, &s, parent(3), 2, d(9, 5));
    r.register(id, "5", d(9, 6), SPEC).unwrap();
    let e = refused(&mut r, "application.empty_reason", |r| {
        r.reject(id, d(9, 7), SPEC, " ")
    });
    assert_eq!(e.to_string(), "application#1: a rejection needs a reason");
    r.reject(id, d(9, 7), SPEC, "нет согласия второго родителя")
        .unwrap();
    assert_eq!(
        r.application(id).unwrap().status(),
        ApplicationStatus::Rejected
    );
    refused(&mut r, "application.out_of_order", |r| {
        r.issue_with(&s, id, d(9, 8), SPEC)
    });
    // A rejected application is not active: a new one may be submitted.
    let again = approved(&mut r, &s, parent(3), 2, d(9, 8));
    assert!(r.has_access(parent(3), StudentId::new(2), d(9, 8)));
    assert!(!r.has_access(parent(3), StudentId::new(2), d(9, 7)));
    refused(&mut r, "application.date_before_previous_step", |r| {
        r.revoke_consent(again, d(9, 7))
    });
    r.revoke_consent(again, d(9, 20)).unwrap();
    let e = refused(&mut r, "application.consent_revoked", |r| {
        r.revoke_consent(again, d(9, 21))
    });
    assert_eq!(
        e.to_string(),
        "application#2: the consent was revoked on 2014-09-20"
    );
    refused(&mut r, "application.consent_revoked", |r| {
        r.issue_with(&s, again, d(9, 21), SPEC)
    });
    assert!(r.has_access(parent(3), StudentId::new(2), d(9, 19)));
    assert!(!r.has_access(parent(3), StudentId::new(2), d(9, 20)));
    assert_eq!(
        r.application(again).unwrap().status_on(d(9, 20)),
        Some(ApplicationStatus::Revoked)
    );
    // After revocation a new application is allowed.
    submit(&mut r, &s, parent(3), 2, d(9, 22));
    // Revocation at the submitted stage blocks registration.
    let third = submit(&mut r, &s, parent(4), 2, d(9, 22));
    r.revoke_consent(third, d(9, 22)).unwrap();
    refused(&mut r, "application.consent_revoked", |r| {
        r.register(third, "77", d(9, 23), SPEC)
    });
}

#[test]
fn credentials_login_activation_and_reissue() {
    let s = school();
    let mut r = registry();
    let id = approved(&mut r, &s, parent(2), 1, d(9, 5));
    refused(&mut r, "application.no_account", |r| {
        r.report_activation(parent(2), d(9, 6))
    });
    refused(&mut r, "application.no_account", |r| {
        r.reissue_with(&s, parent(2), d(9, 6), SPEC)
    });
    let issued = r.issue_with(&s, id, d(9, 6), SPEC).unwrap();
    let slip = issued.slip.unwrap();
    assert_eq!(
        (slip.login().as_str(), slip.person(), slip.school()),
        ("ivanov.ii", "Иванов Иван Иванович", "Гимназия № 17")
    );
    assert!(!slip.is_reissue());
    let first = slip.reveal_password().to_owned();
    assert_eq!(first.len(), PASSWORD_LENGTH);
    let text = slip.printable_text();
    assert!(
        text.contains("Логин: ivanov.ii\n")
            && text.contains(&format!("Временный пароль: {first}\n")),
        "{text}"
    );
    assert!(text.contains(DEFAULT_LOGIN_ADDRESS));
    // Wrong password and unknown login are one error.
    let e = refused(&mut r, "application.invalid_credentials", |r| {
        r.log_in("ivanov.ii", "wrong", d(9, 7))
    });
    assert_eq!(
        e.to_string(),
        "login \"ivanov.ii\" or its password is wrong"
    );
    refused(&mut r, "application.invalid_credentials", |r| {
        r.log_in("nobody", &first, d(9, 7))
    });
    refused(&mut r, "application.before_issue", |r| {
        r.log_in("ivanov.ii", &first, d(9, 5))
    });
    refused(&mut r, "application.before_issue", |r| {
        r.reissue_with(&s, parent(2), d(9, 5), SPEC)
    });
    // Re-issue: the old password stops working, the event is recorded.
    let slip2 = r.reissue_with(&s, parent(2), d(9, 8), SPEC).unwrap();
    assert!(slip2.is_reissue());
    let second = slip2.reveal_password().to_owned();
    assert_ne!(first, second);
    let account = r.account(parent(2)).unwrap();
    assert_eq!(account.history().len(), 2);
    assert_eq!(account.history()[1].kind, CredentialEventKind::Reissued);
    assert_eq!(account.last_issued_on(), d(9, 8));
    refused(&mut r, "application.invalid_credentials", |r| {
        r.log_in("ivanov.ii", &first, d(9, 9))
    });
    refused(&mut r, "application.before_issue", |r| {
        r.log_in("ivanov.ii", &second, d(9, 7))
    });
    // Logins match whatever the case (a phone capitalises the first
    // letter); the password does not.
    refused(&mut r, "application.invalid_credentials", |r| {
        r.log_in("Ivanov.II", &second.to_uppercase(), d(9, 9))
    });
    assert_eq!(
        r.log_in("Ivanov.II", &second, d(9, 9)).unwrap(),
        LoginOutcome::Activated { on: d(9, 9) }
    );
    assert_eq!(
        r.log_in("ivanov.ii", &second, d(9, 10)).unwrap(),
        LoginOutcome::AlreadyActive { since: d(9, 9) }
    );
    let e = refused(&mut r, "application.already_activated", |r| {
        r.report_activation(parent(2), d(9, 10))
    });
    assert_eq!(
        e.to_string(),
        "the account of parent#2 was already activated on 2014-09-09"
    );
    // The second child joins the same account, already active.
    let second_child = approved(&mut r, &s, parent(2), 2, d(9, 12));
    let joined = r.issue_with(&s, second_child, d(9, 12), SPEC).unwrap();
    assert_eq!(joined.login.as_str(), "ivanov.ii");
    assert!(joined.slip.is_none());
    assert_eq!(
        r.application(second_child).unwrap().activated_on(),
        Some(d(9, 12))
    );
    assert_eq!(r.accounts().len(), 1);
    // Revoking every consent blocks login.
    r.revoke_consent(id, d(9, 20)).unwrap();
    assert!(r.log_in("ivanov.ii", &second, d(9, 21)).is_ok());
    r.revoke_consent(second_child, d(9, 21)).unwrap();
    let e = refused(&mut r, "application.access_blocked", |r| {
        r.log_in("ivanov.ii", &second, d(9, 22))
    });
    assert_eq!(
        e.to_string(),
        "parent#2 has no access on 2014-09-22: no approved application with consent in force"
    );
    refused(&mut r, "application.access_blocked", |r| {
        r.reissue_with(&s, parent(2), d(9, 22), SPEC)
    });
}

#[test]
fn host_reported_activation() {
    let s = school();
    let mut r = registry();
    let a = approved(&mut r, &s, parent(3), 2, d(9, 5));
    r.issue_with(&s, a, d(9, 6), SPEC).unwrap();
    refused(&mut r, "application.before_issue", |r| {
        r.report_activation(parent(3), d(9, 5))
    });
    r.report_activation(parent(3), d(9, 7)).unwrap();
    assert_eq!(
        r.account(parent(3)).unwrap().activation_source(),
        Some(ActivationSource::ReportedByHost)
    );
    assert_eq!(
        r.application(a).unwrap().status(),
        ApplicationStatus::Activated
    );
    // Revoked before activation: no activation.
    let b = approved(&mut r, &s, parent(4), 2, d(9, 5));
    r.issue_with(&s, b, d(9, 6), SPEC).unwrap();
    r.revoke_consent(b, d(9, 7)).unwrap();
    refused(&mut r, "application.access_blocked", |r| {
        r.report_activation(parent(4), d(9, 8))
    });
    // A student of 14 gets an account of their own.
    let own = approved(
        &mut r,
        &s,
        Applicant::Student(StudentId::new(2)),
        2,
        d(10, 15),
    );
    let issued = r.issue_with(&s, own, d(10, 16), SPEC).unwrap();
    assert_eq!(issued.login.as_str(), "orlova.o");
}

#[test]
fn logins_are_unique_in_the_school() {
    let s = school();
    let mut r = registry();
    let a = approved(&mut r, &s, parent(2), 1, d(9, 5));
    let b = approved(&mut r, &s, parent(4), 2, d(9, 5));
    let la = r.issue_with(&s, a, d(9, 6), SPEC).unwrap().login;
    let lb = r.issue_with(&s, b, d(9, 6), SPEC).unwrap().login;
    assert_eq!((la.as_str(), lb.as_str()), ("ivanov.ii", "ivanov.ii2"));
}

#[test]
fn no_password_in_snapshots_or_debug() {
    let s = school();
    let mut r = registry();
    let id = approved(&mut r, &s, parent(1), 1, d(9, 5));
    let issued = r.issue_with(&s, id, d(9, 6), SPEC).unwrap();
    let slip = issued.slip.clone().unwrap();
    let password = slip.reveal_password().to_owned();
    let json = serde_json::to_string(&r).unwrap();
    assert!(json.starts_with(r#"{"version":1,"#));
    assert!(json.contains("$argon2id$"));
    for text in [
        json.clone(),
        format!("{r:?}"),
        format!("{r:#?}"),
        format!("{slip:?}"),
        format!("{issued:?}"),
        format!("{:?}", r.account(parent(1)).unwrap()),
        r.log_in("petrova.as", "wrong", d(9, 7))
            .unwrap_err()
            .to_string(),
        format!(
            "{:?}",
            r.log_in("petrova.as", "wrong", d(9, 7)).unwrap_err()
        ),
    ] {
        assert!(!text.contains(&password), "password leaked in {text}");
    }
    assert!(format!("{slip:?}").contains("TemporaryPassword(***)"));
    let back: ApplicationRegistry = serde_json::from_str(&json).unwrap();
    assert_eq!(back, r);
    assert!(
        back.account(parent(1))
            .unwrap()
            .password_hash()
            .verify(&password)
    );
}

#[test]
fn snapshots_validate() {
    let s = school();
    let mut r = registry();
    let a = approved(&mut r, &s, parent(1), 1, d(9, 5));
    r.issue_with(&s, a, d(9, 6), SPEC).unwrap();
    submit(&mut r, &s, parent(2), 1, d(9, 7));
    let json = serde_json::to_string(&r).unwrap();
    let err = |text: &str| {
        serde_json::from_str::<ApplicationRegistry>(text)
            .unwrap_err()
            .to_string()
    };
    assert!(
        err(&json.replacen(r#""version":1"#, r#""version":9"#, 1))
            .contains("registry format version 9")
    );
    assert!(
        err(&json.replacen(r#""id":2"#, r#""id":1"#, 1)).contains("application#1 appears twice")
    );
    // An approval without a registration is out of order.
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let mut broken = v.clone();
    broken["applications"][0]["registration"] = serde_json::Value::Null;
    assert!(err(&broken.to_string()).contains("cannot approve application#1: it is submitted"));
    let mut dup = v.clone();
    dup["applications"][1]["applicant"] = serde_json::json!({"parent": 1});
    assert!(err(&dup.to_string()).contains("already has active application#1"));
    let mut bad_hash = v.clone();
    bad_hash["accounts"][0]["password_hash"] = serde_json::json!("plaintext");
    assert!(err(&bad_hash.to_string()).contains("not an argon2id PHC string"));
    let mut history = v.clone();
    history["accounts"][0]["activated_on"] = serde_json::json!("2014-09-01");
    assert!(err(&history.to_string()).contains("inconsistent issue history or activation"));
    let mut two = v;
    let acc = two["accounts"][0].clone();
    two["accounts"].as_array_mut().unwrap().push(acc);
    assert!(err(&two.to_string()).contains("repeats a login or a person"));
    // A new submission after reload continues the numbering.
    let mut back: ApplicationRegistry = serde_json::from_str(&json).unwrap();
    let next = back
        .submit_with(&s, parent(3), StudentId::new(2), d(9, 8), consent(d(9, 8)))
        .unwrap();
    assert_eq!(next, ApplicationId::new(3));
}

#[test]
fn queries_as_of_a_date() {
    let s = school();
    let mut r = registry();
    let a = approved(&mut r, &s, parent(1), 1, d(9, 5));
    r.issue_with(&s, a, d(9, 10), SPEC).unwrap();
    let b = submit(&mut r, &s, parent(2), 1, d(9, 6));
    r.register(b, "B", d(9, 7), SPEC).unwrap();
    let c = submit(&mut r, &s, parent(3), 2, d(9, 8));
    let e = submit(&mut r, &s, parent(4), 2, d(9, 12));
    r.register(e, "E", d(9, 12), SPEC).unwrap();
    r.reject(e, d(9, 13), SPEC, "дубликат").unwrap();
    assert_eq!(r.applications_on(d(9, 7)).len(), 2);
    let waiting: Vec<(ApplicationId, NextStep, NaiveDate)> = r
        .waiting_on(d(9, 9))
        .iter()
        .map(|w| (w.application, w.waiting_for, w.since))
        .collect();
    assert_eq!(
        waiting,
        vec![
            (a, NextStep::Credentials, d(9, 5)),
            (b, NextStep::Decision, d(9, 7)),
            (c, NextStep::Registration, d(9, 8)),
        ]
    );
    let counts = r.counts_with(&s, d(9, 13));
    assert_eq!(counts.total.submitted, 4);
    assert_eq!(counts.total.registered, 3);
    assert_eq!(counts.total.approved, 1);
    assert_eq!(counts.total.rejected, 1);
    assert_eq!(counts.total.credentials_issued, 1);
    assert_eq!(counts.total.waiting_activation, 1);
    assert_eq!(counts.total.waiting_decision, 1);
    assert_eq!(counts.total.waiting_registration, 1);
    let per_class: Vec<(Option<u32>, u32)> = counts
        .classes
        .iter()
        .map(|c| (c.class_id.map(|c| c.get()), c.counts.submitted))
        .collect();
    assert_eq!(per_class, vec![(Some(1), 2), (Some(2), 2)]);
    let early = r.counts_with(&s, d(9, 4));
    assert_eq!(early.total, StatusCounts::default());
    assert!(early.classes.is_empty());
}
