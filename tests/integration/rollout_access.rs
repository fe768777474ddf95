//! The application registry decides which parents may read a diary: only a
//! parent with an approved application whose consent is in force.

#![allow(clippy::unwrap_used)] // test code: helpers outside #[test] functions too

use chrono::NaiveDate;
use zhurnal::access::Actor;
use zhurnal::applications::Applicant;
use zhurnal::demo::{DemoConfig, demo_rollout};
use zhurnal::journal::Journal;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn registry_grants_decide_parent_diary_reads() {
    let demo = demo_rollout(&DemoConfig::gymnasium17(3)).unwrap();
    let today = day(2014, 12, 1);
    let mut journal = Journal::new(demo.school.clone());
    let admin = Actor::administrator(zhurnal::demo::DEMO_SPECIALIST);
    journal
        .set_parent_grants(&admin, demo.registry.parent_grants(today))
        .unwrap();

    let (mut allowed, mut refused) = (0, 0);
    for parent in demo.school.parents() {
        for link in demo.school.children_of(parent.id()) {
            let student = link.student;
            let has = demo
                .registry
                .has_access(Applicant::Parent(parent.id()), student, today);
            let read = journal.diary_week(&Actor::parent(parent.id()), student, today, today);
            match read {
                Ok(_) => {
                    assert!(has, "{} read {} without access", parent.id(), student);
                    allowed += 1;
                }
                Err(e) => {
                    assert!(!has, "{} refused {}: {e}", parent.id(), student);
                    assert_eq!(e.code(), "access.parent_not_granted");
                    refused += 1;
                }
            }
        }
    }
    // The generated school has both kinds of parent.
    assert!(
        allowed > 100 && refused > 10,
        "{allowed} allowed, {refused} refused"
    );
}
