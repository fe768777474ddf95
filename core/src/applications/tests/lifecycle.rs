//! The lifecycle: submission rules, every step in order, rejection and
//! revocation, and who applied as of a date.

use super::*;

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
