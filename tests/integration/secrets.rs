//! Passwords never leak: a whole rollout through the `SchoolHandle` on the
//! generated demo school (applications submitted, registered, rejected
//! and approved, credentials issued and re-issued, logins right and
//! wrong, consent revoked, activations reported), then everything the
//! library gives back about it — values, errors, snapshots and the files
//! saved, per-person exports, the OneRoster export, the rollout report as
//! text, JSON and HTML, the audit trail — and no issued plaintext
//! password appears anywhere but on its slip.
//!
//! `cargo test -p zhurnal-tests --test secrets -- --nocapture` prints
//! how much was scanned.

#![allow(clippy::unwrap_used)] // test code: helpers outside #[test] functions too

#[path = "secrets/sink.rs"]
mod sink;

use std::collections::BTreeSet;

use chrono::{NaiveDate, NaiveDateTime};
use zhurnal::access::Actor;
use zhurnal::activation::EligibilityPolicy;
use zhurnal::applications::{Applicant, Consent, ConsentChannel, ContactDetails};
use zhurnal::audit::Edit;
use zhurnal::calendar::Shift;
use zhurnal::credentials::{CredentialSlip, HashParams, PASSWORD_LENGTH, TemporaryPassword};
use zhurnal::demo::{DEMO_SPECIALIST, DemoConfig, demo_rollout, demo_school};
use zhurnal::handle::SchoolHandle;
use zhurnal::ids::{ParentId, SubjectId, TeacherId};
use zhurnal::lesson::{Homework, LessonGroup, NewLesson};
use zhurnal::marks::{MarkValue, Points, WorkTypeCode};
use zhurnal::organisation::{PersonName, Subject, Teacher};
use zhurnal::rollout::ReportOptions;

use sink::{Sink, json};

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2014, m, day).unwrap()
}

fn at(date: NaiveDate) -> NaiveDateTime {
    date.and_hms_opt(11, 30, 0).unwrap()
}

fn admin(date: NaiveDate) -> Edit {
    Edit::new(Actor::administrator(DEMO_SPECIALIST), at(date))
}

fn consent(on: NaiveDate) -> Consent {
    Consent {
        given_on: on,
        channel: ConsentChannel::Portal,
        contacts: ContactDetails::new(Some("+7 928 111-22-33"), Some("mama@example.ru")).unwrap(),
    }
}

/// A lesson, marks and homework in the first class, so that the audit
/// trail has entries (one with a reason).
fn journal_records(h: &mut SchoolHandle, out: &mut Sink) {
    let class = h.school().classes()[0].id();
    let students = h.school().students_of_class(class, d(9, 15));
    let (teacher, subject) = (TeacherId::new(100), SubjectId::new(100));
    let j = h.journal_mut().unwrap();
    let name = PersonName::new("Сидорова", "Мария", Some("Петровна")).unwrap();
    let r = j.add_teacher(&admin(d(9, 1)), Teacher::new(teacher, name));
    out.result("add_teacher", r).unwrap();
    let r = j.add_subject(
        &admin(d(9, 1)),
        Subject::new(subject, "Математика", "Матем.").unwrap(),
    );
    out.result("add_subject", r).unwrap();
    let new = NewLesson {
        date: d(9, 15),
        shift: Shift::First,
        slot: 1,
        group: LessonGroup::Class(class),
        subject,
        teacher,
        room: Some("21".into()),
    };
    let lesson = out
        .result("schedule_lesson", j.schedule_lesson(&admin(d(9, 1)), new))
        .unwrap();
    let by = Edit::new(Actor::teacher(teacher), at(d(9, 15)));
    let answer = WorkTypeCode::new("answer").unwrap();
    for (i, student) in students.iter().enumerate() {
        let value = MarkValue::Points(Points::new(3 + u8::try_from(i % 3).unwrap()).unwrap());
        let r = j.record_mark(&by, lesson, *student, value, &answer, None);
        out.result("record_mark", r).unwrap();
    }
    let because = by
        .clone()
        .because("исправлено по просьбе родителей")
        .unwrap();
    let homework = Homework::new("№ 12, 14 на с. 31", d(9, 17)).unwrap();
    let r = j.set_homework(&because, lesson, Some(homework));
    out.result("set_homework", r).unwrap();
    let r = j.record_mark(
        &Edit::new(Actor::parent(ParentId::new(1)), at(d(9, 16))),
        lesson,
        students[0],
        MarkValue::Points(Points::FIVE),
        &answer,
        None,
    );
    out.refused("record_mark by a parent", r, "access.role_not_allowed");
}

/// Who holds each slip, every slip ever issued, and the applications.
#[derive(Default)]
struct Rollout {
    slips: Vec<(Applicant, CredentialSlip)>,
    approved: Vec<(zhurnal::ids::ApplicationId, Applicant)>,
    numbers: u32,
}

impl Rollout {
    /// Submits (by the applicant), registers, approves (or rejects) and
    /// issues credentials for one application.
    fn apply(
        &mut self,
        h: &mut SchoolHandle,
        out: &mut Sink,
        applicant: Applicant,
        student: zhurnal::ids::StudentId,
        reject: bool,
    ) {
        let actor = match applicant {
            Applicant::Parent(p) => Actor::parent(p),
            Applicant::Student(s) => Actor::student(s),
        };
        let by = Edit::new(actor, at(d(9, 5)));
        let r = h.submit_application(&by, applicant, student, consent(d(9, 5)));
        let id = out.result(format!("submit for {applicant}"), r).unwrap();
        self.numbers += 1;
        let number = format!("{}/2014", self.numbers);
        out.result(
            "register",
            h.register_application(&admin(d(9, 8)), id, &number),
        )
        .unwrap();
        if reject {
            let r = h.reject_application(&admin(d(9, 9)), id, "нет подписи заявителя");
            out.result("reject", r).unwrap();
            return;
        }
        out.result("approve", h.approve_application(&admin(d(9, 9)), id))
            .unwrap();
        let issued = out
            .result("issue", h.issue_credentials(&admin(d(9, 10)), id))
            .unwrap();
        out.shown("issued login", &issued.login);
        if let Some(slip) = issued.slip {
            self.slips.push((applicant, slip));
        }
        self.approved.push((id, applicant));
    }
}

/// Logins right and wrong, re-issues, revocations, reported activations.
fn use_accounts(h: &mut SchoolHandle, out: &mut Sink, rollout: &mut Rollout) {
    let first = rollout.slips.clone();
    for (i, (holder, slip)) in first.iter().enumerate() {
        let (login, password) = (slip.login().as_str(), slip.reveal_password());
        if i % 3 == 0 {
            let wrong = &password[..PASSWORD_LENGTH - 1];
            let code = "application.invalid_credentials";
            out.refused("wrong password", h.log_in(login, wrong, d(9, 12)), code);
            out.refused(
                "password as login",
                h.log_in(password, password, d(9, 12)),
                code,
            );
            out.refused(
                "upper case",
                h.log_in(login, &password.to_uppercase(), d(9, 12)),
                code,
            );
            let r = h.log_in(login, password, d(9, 9));
            out.refused("before issue", r, "application.before_issue");
        }
        if i % 4 == 3 {
            // Lost the slip: a new password, the old one no longer works.
            let r = h.reissue_credentials(&admin(d(9, 20)), *holder);
            let again = out.result("reissue", r).unwrap();
            let r = h.log_in(login, password, d(9, 21));
            out.refused("old password", r, "application.invalid_credentials");
            let r = h.log_in(again.login().as_str(), again.reveal_password(), d(9, 21));
            out.result("log in with the new password", r).unwrap();
            rollout.slips.push((*holder, again));
        } else if i % 4 == 1 {
            out.result(
                "report activation",
                h.report_activation(&admin(d(9, 25)), *holder),
            )
            .unwrap();
        } else {
            out.result("log in", h.log_in(login, password, d(9, 12)))
                .unwrap();
            out.result("log in again", h.log_in(login, password, d(9, 13)))
                .unwrap();
        }
    }
    let approved = rollout.approved.clone();
    for (j, (id, holder)) in approved.iter().enumerate().filter(|(j, _)| j % 5 == 0) {
        let by = match holder {
            Applicant::Parent(p) if j % 2 == 0 => Edit::new(Actor::parent(*p), at(d(10, 1))),
            _ => admin(d(10, 1)),
        };
        out.result("revoke consent", h.revoke_consent(&by, *id))
            .unwrap();
        // Whether these succeed depends on the holder's other children.
        let slip = rollout.slips.iter().rev().find(|(h, _)| h == holder);
        if let Some((_, slip)) = slip {
            let r = h.log_in(slip.login().as_str(), slip.reveal_password(), d(10, 2));
            let _ = out.result("log in after revocation", r);
        }
        let r = h.reissue_credentials(&admin(d(10, 3)), *holder);
        if let Ok(slip) = out.result("reissue after revocation", r) {
            rollout.slips.push((*holder, slip));
        }
    }
    let teacher = Edit::new(Actor::teacher(TeacherId::new(100)), at(d(10, 5)));
    let (id, holder) = approved[1];
    let r = h.issue_credentials(&teacher, id);
    out.refused("issue by a teacher", r, "access.role_not_allowed");
    let r = h.reissue_credentials(&teacher, holder);
    out.refused("reissue by a teacher", r, "access.role_not_allowed");
    assert!(
        out.result("issue twice", h.issue_credentials(&admin(d(10, 5)), id))
            .is_err()
    );
    let nobody = Applicant::Parent(ParentId::new(9999));
    let r = h.reissue_credentials(&admin(d(10, 5)), nobody);
    out.refused("reissue for nobody", r, "application.no_account");
    for parent in h.school().parents() {
        let r = h.record_service_access(&admin(d(9, 1)), parent.id(), d(9, 1), true);
        out.result("record service access", r).unwrap();
    }
}

/// Everything the library gives back about the school on 15.10.
fn read_everything(
    h: &SchoolHandle,
    out: &mut Sink,
    holders: &BTreeSet<Applicant>,
    today: NaiveDate,
) {
    out.debug("handle", h);
    out.text("handle JSON", h.to_json().unwrap());
    out.text("journal JSON", h.journal().to_json().unwrap());
    out.text("school JSON", h.school().to_json().unwrap());
    json!(out, "registry", *h.registry());
    json!(out, "applications", h.registry().applications());
    json!(out, "accounts", h.registry().accounts());
    for account in h.registry().accounts() {
        out.text("password hash", account.password_hash().as_str());
        out.shown("login", account.login());
    }
    json!(out, "waiting", h.registry().waiting_on(today));
    json!(out, "application counts", h.application_counts(today));
    json!(
        out,
        "activation table",
        h.activation_table(today, EligibilityPolicy::WithAccess)
    );
    let report = h.rollout_report(today, &ReportOptions::default());
    json!(out, "rollout report", report);
    out.text("rollout report text", report.to_text());
    out.text("rollout report HTML", report.to_html());
    json!(out, "audit trail", h.journal().audit_trail().entries());
    let admin = Actor::administrator(DEMO_SPECIALIST);
    let by_teacher = h.journal().audit_by_author(&admin, TeacherId::new(100));
    out.result("audit by author", by_teacher).unwrap();
    for &holder in holders {
        out.shown("holder", &holder);
        let actor = match holder {
            Applicant::Parent(p) => Actor::parent(p),
            Applicant::Student(s) => Actor::student(s),
        };
        out.shown("actor", &actor);
        if let Ok(export) = out.result(format!("export of {actor}"), h.export_for(&actor, today)) {
            out.text("export", export.clone());
            let offline = out
                .result("offline", SchoolHandle::from_json(&export))
                .unwrap();
            out.refused(
                "offline write",
                offline.to_json(),
                "handle.read_only_export",
            );
        }
        if let Applicant::Parent(p) = holder {
            for link in h.school().children_of(p) {
                let r = h.diary_week(&actor, link.student, d(9, 15), today);
                let _ = out.result("diary week", r);
            }
        }
    }
    let set = zhurnal::interop::oneroster::export(h);
    for (name, text) in set.to_files() {
        out.text(format!("OneRoster {name}"), text);
    }
    // One directory per call: the tests run at once in one process.
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("secrets-{}-{call}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    out.result("save", h.save(&dir.join("handle.json")))
        .unwrap();
    let registry = serde_json::to_string(h.registry()).unwrap();
    let saved = zhurnal::snapshot::file::save(&dir.join("registry.json"), &registry);
    saved.unwrap();
    set.write_dir(&dir.join("oneroster")).unwrap();
    let loaded = out
        .result("load", SchoolHandle::load(&dir.join("handle.json")))
        .unwrap();
    assert_eq!(&loaded, h);
    out.files(&dir);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Where a string shows one of the passwords.
fn leaks(strings: &[(String, String)], passwords: &BTreeSet<String>) -> Vec<String> {
    let mut found = Vec::new();
    for (what, text) in strings {
        for password in passwords {
            if text.contains(password.as_str()) {
                found.push(format!("{what} shows a password"));
            }
        }
    }
    found
}

#[test]
fn issued_passwords_appear_only_on_their_slips() {
    let mut out = Sink::default();
    let school = demo_school(&DemoConfig::tiny(5)).unwrap();
    let mut h = SchoolHandle::new(school.clone()).unwrap();
    let r = h.set_hash_params(&admin(d(9, 1)), HashParams::light());
    out.result("set_hash_params", r).unwrap();
    journal_records(&mut h, &mut out);
    let mut rollout = Rollout::default();
    let links: Vec<_> = school
        .students()
        .iter()
        .flat_map(|s| school.parents_of(s.id()))
        .collect();
    for (i, link) in links.iter().enumerate() {
        let applicant = Applicant::Parent(link.parent);
        rollout.apply(&mut h, &mut out, applicant, link.student, i % 7 == 6);
    }
    let from_14: Vec<_> = school
        .students()
        .into_iter()
        .filter(|s| s.age_on(d(9, 5)) >= 14)
        .collect();
    for s in from_14.iter().take(4) {
        rollout.apply(&mut h, &mut out, Applicant::Student(s.id()), s.id(), false);
    }
    use_accounts(&mut h, &mut out, &mut rollout);
    let holders = rollout.approved.iter().map(|(_, a)| *a).collect();
    read_everything(&h, &mut out, &holders, d(10, 15));
    assert!(rollout.slips.iter().any(|(_, s)| s.is_reissue()));
    assert!(
        rollout
            .slips
            .iter()
            .any(|(a, _)| matches!(a, Applicant::Student(_)))
    );
    let fresh = TemporaryPassword::generate().unwrap();
    assert_eq!(format!("{fresh:?}"), "TemporaryPassword(***)");
    assert_eq!(fresh.to_string(), "***");
    check_slips_and_scan("handle rollout", &mut out, &rollout.slips);
}

/// The generated autumn of the demo (`demo_rollout`) in a handle: every
/// holder still with access gets a new password from the specialist and
/// logs in with it; then everything is read and scanned as above.
#[test]
fn a_generated_rollout_shows_no_reissued_password() {
    let mut out = Sink::default();
    let demo = demo_rollout(&DemoConfig::tiny(3)).unwrap();
    let journal = zhurnal::journal::Journal::new(demo.school.clone());
    let mut h = SchoolHandle::from_parts(journal, demo.registry.clone(), demo.plan.clone());
    let on = NaiveDate::from_ymd_opt(2015, 1, 12).unwrap();
    let mut slips = Vec::new();
    let holders: BTreeSet<Applicant> = h.registry().accounts().iter().map(|a| a.holder()).collect();
    for &holder in &holders {
        let r = h.reissue_credentials(&admin(on), holder);
        if let Ok(slip) = out.result(format!("reissue for {holder}"), r) {
            let r = h.log_in(slip.login().as_str(), slip.reveal_password(), on);
            out.result("log in", r).unwrap();
            slips.push((holder, slip));
        }
    }
    assert!(slips.len() > 5, "{} re-issued", slips.len());
    read_everything(&h, &mut out, &holders, on);
    check_slips_and_scan("generated rollout", &mut out, &slips);
}

/// Each slip shows its password in its printable text and not in its
/// `Debug`; no recorded string shows any of them.
fn check_slips_and_scan(label: &str, out: &mut Sink, slips: &[(Applicant, CredentialSlip)]) {
    let mut passwords = BTreeSet::new();
    for (holder, slip) in slips {
        let password = slip.reveal_password();
        assert_eq!(password.len(), PASSWORD_LENGTH);
        assert!(slip.printable_text().contains(password), "{holder}");
        let debug = format!("{slip:?}");
        assert!(
            !debug.contains(password) && debug.contains("***"),
            "{debug}"
        );
        out.debug("slip", slip);
        for text in [
            slip.school(),
            slip.person(),
            slip.login().as_str(),
            slip.login_address(),
        ] {
            out.text("slip field", text);
        }
        passwords.insert(password.to_owned());
    }
    assert_eq!(passwords.len(), slips.len(), "passwords repeat");
    // The scan finds a password where one is: on the printable slip.
    let (_, slip) = &slips[0];
    let printed = [("slip text".to_owned(), slip.printable_text())];
    assert_eq!(leaks(&printed, &passwords).len(), 1);
    let leaks = leaks(&out.strings, &passwords);
    println!(
        "secrets, {label}: {} passwords on {} slips, {} strings ({} bytes) scanned, {} leaks",
        passwords.len(),
        slips.len(),
        out.strings.len(),
        out.bytes(),
        leaks.len()
    );
    assert!(leaks.is_empty(), "{leaks:#?}");
}
