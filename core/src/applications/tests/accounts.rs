//! Accounts: credentials, logins, activation (by first login or reported
//! by the host) and reissue.

use super::*;

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
    assert_eq!(e.to_string(), "unknown login or wrong password");
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
