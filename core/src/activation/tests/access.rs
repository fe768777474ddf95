//! The default denominator: parents with the recorded possibility to use
//! the service. The registry's numbers equal the region CSV report's on the
//! same data.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::activation::{ActivationCount, CheckpointOutcome, EligibilityPolicy};
use crate::applications::lookup_fake::FakeSchool;
use crate::applications::tests::consent;
use crate::applications::tests::{SPEC, d};
use crate::applications::{Applicant, ApplicationRegistry};
use crate::demo::{DemoConfig, demo_rollout};
use crate::ids::{ParentId, SchoolId, StudentId};
use crate::region::{ActivationOptions, ActivationReport, ActivationRow, ReportScope};
use crate::rollout::seed_checkpoints;

const HEADER: &str = "parent_id,student_id,class_id,school_id,has_access,applied_on,activated_on\n";

fn report(csv: &str) -> ActivationReport {
    ActivationReport::from_reader(csv.as_bytes(), &ActivationOptions::default()).unwrap()
}

fn school_rows(
    report: &ActivationReport,
    school: SchoolId,
) -> Vec<(NaiveDate, ActivationCount, Option<Decimal>)> {
    report
        .rows()
        .iter()
        .filter(|r: &&ActivationRow| r.scope == ReportScope::School(school))
        .map(|r| (r.checkpoint, r.count, r.share))
        .collect()
}

fn outcome_rows(
    outcomes: &[CheckpointOutcome],
) -> Vec<(NaiveDate, ActivationCount, Option<Decimal>)> {
    outcomes
        .iter()
        .filter(|o| o.count.eligible() > 0)
        .map(|o| (o.checkpoint.date, o.count, o.share))
        .collect()
}

/// Six parents, one child each (class 1: students 1–5, class 2: student
/// 6), all with an approved application and credentials. Parents 1, 2, 3
/// and 6 have the possibility to use the service; parent 4 is recorded
/// without it; nothing is recorded for parent 5.
#[test]
fn registry_share_equals_the_region_report_share() {
    let mut s = FakeSchool::default();
    let born = NaiveDate::from_ymd_opt(2006, 1, 1).unwrap();
    for i in 1..=6 {
        s.student(i, ("Учеников", "Ученик"), born, if i <= 5 { 1 } else { 2 });
    }
    let surnames = ["Аверина", "Бойко", "Волков", "Гусева", "Дёмин", "Ершова"];
    for (p, surname) in (1u32..).zip(surnames) {
        s.parent(p, (surname, "Мария", "Ивановна"), &[p]);
    }
    let mut r = ApplicationRegistry::new();
    r.set_hash_params(crate::credentials::HashParams::light());
    let applied = d(9, 5);
    let activations = [
        (1, Some(d(9, 20))),
        (2, Some(d(10, 20))),
        (3, None),
        (4, Some(d(9, 25))), // activated without the possibility: in neither number
        (5, Some(d(9, 30))), // nothing recorded: not eligible
        (6, Some(d(11, 15))),
    ];
    for (p, activated) in activations {
        let parent = Applicant::Parent(ParentId::new(p));
        let id = r
            .submit_with(&s, parent, StudentId::new(p), applied, consent(applied))
            .unwrap();
        r.register(id, &format!("R{p}"), applied, SPEC).unwrap();
        r.approve(id, applied, SPEC).unwrap();
        r.issue_with(&s, id, applied, SPEC).unwrap();
        if let Some(day) = activated {
            r.report_activation(parent, day).unwrap();
        }
    }
    for p in [1, 2, 3, 6] {
        r.record_service_access_with(&s, ParentId::new(p), d(9, 1), true)
            .unwrap();
    }
    r.record_service_access_with(&s, ParentId::new(4), d(9, 1), false)
        .unwrap();

    // The host's data as the region CSV.
    let mut csv = String::from(HEADER);
    for (p, activated) in activations {
        let access = u8::from([1, 2, 3, 6].contains(&p));
        let class = if p <= 5 { 1 } else { 2 };
        let activated = activated.map(|d| d.to_string()).unwrap_or_default();
        writeln!(csv, "{p},{p},{class},17,{access},{applied},{activated}").unwrap();
    }
    let region = report(&csv);

    let cps = seed_checkpoints();
    let day = NaiveDate::from_ymd_opt(2015, 1, 1).unwrap();
    let outcomes = r.outcomes_with(&s, day, EligibilityPolicy::WithAccess, &cps);
    let ours = outcome_rows(&outcomes);
    assert_eq!(ours, school_rows(&region, SchoolId::new(17)));
    let shares: Vec<String> = ours
        .iter()
        .map(|(_, _, s)| s.map(|s| s.to_string()).unwrap_or_default())
        .collect();
    assert_eq!(shares, ["25.00", "50.00", "75.00", "75.00"]);
    assert_eq!(
        ours[0].1,
        ActivationCount::new(4, 1).unwrap(),
        "parents 1, 2, 3 and 6 are eligible"
    );
    // The default policy of the table is the same.
    let t = r.table_with(&s, d(10, 1), EligibilityPolicy::default(), &cps);
    assert_eq!(t.schools[0].share, Some("25.00".parse().unwrap()));
    // Approved applications are another denominator: all six, and parents
    // 1, 4 and 5 activated by 01.10.
    let approved = r.table_with(&s, d(10, 1), EligibilityPolicy::ApprovedApplicants, &cps);
    assert_eq!(
        approved.schools[0].count,
        ActivationCount::new(6, 3).unwrap()
    );

    // The possibility is dated: parent 3 loses it from 01.12, parent 5
    // gains it from 15.11.
    r.record_service_access_with(&s, ParentId::new(3), d(12, 1), false)
        .unwrap();
    r.record_service_access_with(&s, ParentId::new(5), d(11, 15), true)
        .unwrap();
    let count_on = |day| {
        r.table_with(&s, day, EligibilityPolicy::WithAccess, &cps)
            .schools[0]
            .count
    };
    assert_eq!(count_on(d(11, 14)), ActivationCount::new(4, 2).unwrap());
    assert_eq!(count_on(d(11, 15)), ActivationCount::new(5, 4).unwrap());
    assert_eq!(count_on(d(12, 1)), ActivationCount::new(4, 4).unwrap());
}

/// The demo school records the possibility for most parents; its numbers
/// and the region report over its records agree at every checkpoint.
#[test]
fn demo_school_agrees_with_the_region_report() {
    let demo = demo_rollout(&DemoConfig::gymnasium17(3)).unwrap();
    let day = NaiveDate::from_ymd_opt(2015, 1, 1).unwrap();
    let records = demo.registry.activation_records(&demo.school, day);
    let parents: BTreeSet<ParentId> = records.iter().map(|r| r.parent).collect();
    let with_access = records
        .iter()
        .filter(|r| r.has_access)
        .map(|r| r.parent)
        .collect::<BTreeSet<_>>()
        .len();
    // About 95% of the parents, not all and not none.
    assert!(
        with_access * 100 >= parents.len() * 90,
        "{with_access} of {}",
        parents.len()
    );
    assert!(
        with_access < parents.len(),
        "{with_access} of {}",
        parents.len()
    );
    // One row per parent, as in parents.csv (applied_on plays no part).
    let mut csv = String::from(HEADER);
    let mut seen = BTreeSet::new();
    for r in records.iter().filter(|r| seen.insert(r.parent)) {
        let class = r.class_id.map_or(0, |c| c.get());
        let activated = r.activated_on.map(|d| d.to_string()).unwrap_or_default();
        writeln!(
            csv,
            "{},{},{class},{},{},,{activated}",
            r.parent.get(),
            r.student.get(),
            r.school.get(),
            u8::from(r.has_access)
        )
        .unwrap();
    }
    let region = report(&csv);
    let outcomes = demo.registry.checkpoint_outcomes(
        &demo.school,
        day,
        EligibilityPolicy::WithAccess,
        &seed_checkpoints(),
    );
    let ours = outcome_rows(&outcomes);
    assert_eq!(ours.len(), 4);
    assert_eq!(ours, school_rows(&region, demo.school.info().id()));
}
