//! The school handle decides parents' reads from its own application
//! registry, on the date of each request: only a parent with an approved
//! application whose consent is in force reads a child's diary. A plain
//! journal grants nobody until told (fail closed).

#![allow(clippy::unwrap_used)] // test code: helpers outside #[test] functions too

use chrono::NaiveDate;
use zhurnal::access::Actor;
use zhurnal::applications::Applicant;
use zhurnal::demo::{DemoConfig, demo_rollout};
use zhurnal::handle::SchoolHandle;
use zhurnal::journal::Journal;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn the_registry_decides_parent_diary_reads_on_the_date_of_the_request() {
    let demo = demo_rollout(&DemoConfig::gymnasium17(3)).unwrap();
    let handle = SchoolHandle::from_parts(
        Journal::new(demo.school.clone()),
        demo.registry.clone(),
        demo.plan.clone(),
    );
    for today in [day(2014, 9, 20), day(2014, 12, 1)] {
        let (mut allowed, mut refused) = (0, 0);
        for parent in demo.school.parents() {
            for link in demo.school.children_of(parent.id()) {
                let student = link.student;
                let has = demo
                    .registry
                    .has_access(Applicant::Parent(parent.id()), student, today);
                let read = handle.diary_week(&Actor::parent(parent.id()), student, today, today);
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
        // The generated school has both kinds of parent on both dates.
        assert!(
            allowed > 10 && refused > 10,
            "{today}: {allowed} allowed, {refused} refused"
        );
    }
}

#[test]
fn a_plain_journal_grants_no_parent() {
    let demo = demo_rollout(&DemoConfig::tiny(3)).unwrap();
    let journal = Journal::new(demo.school.clone());
    let today = day(2014, 12, 1);
    let parent = demo.school.parents()[0].id();
    let student = demo.school.children_of(parent)[0].student;
    let e = journal
        .diary_week(&Actor::parent(parent), student, today, today)
        .unwrap_err();
    assert_eq!(e.code(), "access.parent_not_granted");
}
