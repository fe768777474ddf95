//! Activation metrics on hand-checked small cases, from plain records and
//! from the registry.

mod access;

use chrono::NaiveDate;
use proptest::prelude::*;
use rust_decimal::Decimal;

use super::*;
use crate::activation::{ActivationCount, BandStatus, EligibilityPolicy};
use crate::applications::lookup_fake::FakeSchool;
use crate::applications::tests::consent;
use crate::applications::tests::{SPEC, d, registry};
use crate::applications::{Applicant, ApplicationRegistry};
use crate::ids::{ClassId, ParentId, SchoolId, StudentId};
use crate::rollout::seed_checkpoints;

fn rec(
    parent: u32,
    student: u32,
    class: u32,
    access: bool,
    applied: Option<NaiveDate>,
    activated: Option<NaiveDate>,
) -> ParentActivationRecord {
    ParentActivationRecord {
        parent: ParentId::new(parent),
        student: StudentId::new(student),
        school: SchoolId::new(if class > 100 { 2 } else { 1 }),
        class_id: Some(ClassId::new(class)),
        has_access: access,
        approved_application: access && applied.is_some(),
        applied_on: applied,
        activated_on: activated,
    }
}

fn ac(eligible: u64, activated: u64) -> ActivationCount {
    ActivationCount::new(eligible, activated).unwrap()
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

#[test]
fn half_up_tie_at_a_checkpoint() {
    // 13 of 32 = 40.625 % → 40.63: above 30–40 %, below 41–60 %.
    let day = d(10, 1);
    let records: Vec<_> = (1..=32)
        .map(|i| rec(i, i, 1, true, Some(day), (i <= 13).then_some(day)))
        .collect();
    let t = ActivationTable::compute(
        &records,
        day,
        EligibilityPolicy::WithAccess,
        &seed_checkpoints(),
    );
    assert_eq!(t.current.map(|c| c.band.to_string()), Some("30–40%".into()));
    assert_eq!(t.next.map(|c| c.date), Some(d(11, 1)));
    for row in [&t.classes[0], &t.schools[0], &t.region] {
        assert_eq!(row.count, ac(32, 13));
        assert_eq!(row.share, Some(dec("40.63")));
        assert_eq!(row.current_status, Some(BandStatus::Above));
        assert_eq!(row.next_status, Some(BandStatus::Below));
    }
    // Activations the day after do not count.
    let t = ActivationTable::compute(
        &records,
        d(9, 30),
        EligibilityPolicy::WithAccess,
        &seed_checkpoints(),
    );
    assert_eq!(t.region.count.activated(), 0);
    assert_eq!(t.current, None);
    assert_eq!(t.region.current_status, None);
    assert_eq!(t.region.next_status, Some(BandStatus::Below));
}

#[test]
fn empty_scopes_have_no_share() {
    let t = ActivationTable::compute(
        &[],
        d(10, 1),
        EligibilityPolicy::WithAccess,
        &seed_checkpoints(),
    );
    assert!(t.classes.is_empty() && t.schools.is_empty());
    assert_eq!(t.region.count, ActivationCount::default());
    assert_eq!((t.region.share, t.region.current_status), (None, None));
    // A class whose parents have no access: a row with no share.
    let records = [
        rec(1, 1, 1, false, None, Some(d(9, 20))),
        rec(2, 2, 2, true, None, None),
    ];
    let t = ActivationTable::compute(
        &records,
        d(10, 1),
        EligibilityPolicy::WithAccess,
        &seed_checkpoints(),
    );
    assert_eq!(t.classes[0].count, ac(0, 0));
    assert_eq!(t.classes[0].share, None);
    assert_eq!(t.classes[1].share, Some(dec("0.00")));
    assert_eq!(t.classes[1].current_status, Some(BandStatus::Below));
}

#[test]
fn policies_choose_the_denominator() {
    let day = d(10, 1);
    let records = [
        rec(1, 1, 1, true, Some(d(9, 5)), Some(d(9, 10))),
        rec(2, 2, 1, true, Some(d(9, 5)), None),
        rec(3, 3, 1, false, Some(d(9, 20)), Some(d(9, 25))), // activated without access
        rec(4, 4, 1, false, None, None),
        rec(5, 5, 1, false, Some(d(10, 2)), None), // applies after the date
    ];
    let count = |policy| count_parents(&records, day, policy);
    assert_eq!(count(EligibilityPolicy::WithAccess), ac(2, 1));
    assert_eq!(count(EligibilityPolicy::AllParents), ac(5, 2));
    assert_eq!(count(EligibilityPolicy::Applicants), ac(3, 2));
    assert_eq!(count(EligibilityPolicy::ApprovedApplicants), ac(2, 1));
    assert_eq!(
        count(EligibilityPolicy::Applicants).share(),
        Some(dec("66.67"))
    );
}

#[test]
fn parents_with_several_children_count_once_per_scope() {
    let day = d(10, 1);
    let records = [
        rec(1, 1, 1, true, None, Some(d(9, 10))),
        rec(1, 2, 2, true, None, Some(d(9, 10))),
        rec(2, 2, 2, true, None, None),
        rec(3, 9, 101, true, None, Some(d(9, 11))), // another school
    ];
    let t = ActivationTable::compute(
        &records,
        day,
        EligibilityPolicy::WithAccess,
        &seed_checkpoints(),
    );
    let classes: Vec<(ActivationScope, u64, u64)> = t
        .classes
        .iter()
        .map(|r| (r.scope, r.count.eligible(), r.count.activated()))
        .collect();
    assert_eq!(
        classes,
        vec![
            (
                ActivationScope::Class {
                    school: SchoolId::new(1),
                    class: ClassId::new(1)
                },
                1,
                1
            ),
            (
                ActivationScope::Class {
                    school: SchoolId::new(1),
                    class: ClassId::new(2)
                },
                2,
                1
            ),
            (
                ActivationScope::Class {
                    school: SchoolId::new(2),
                    class: ClassId::new(101)
                },
                1,
                1
            ),
        ]
    );
    assert_eq!(t.schools[0].count, ac(2, 1));
    assert_eq!(t.schools[0].share, Some(dec("50.00")));
    assert_eq!(t.schools[1].count, ac(1, 1));
    assert_eq!(t.region.count, ac(3, 2));
    assert_eq!(t.region.share, Some(dec("66.67")));
    let json = serde_json::to_string(&t).unwrap();
    assert!(json.contains(r#""share":"66.67""#), "{json}");
    assert_eq!(serde_json::from_str::<ActivationTable>(&json).unwrap(), t);
}

#[test]
fn projection_is_linear_and_bounded() {
    let band = |a: u32, b: u32| crate::activation::TargetBand::new(a.into(), b.into()).unwrap();
    let target = crate::activation::Checkpoint {
        date: d(1, 1),
        band: band(100, 100),
    };
    let p = |then: u64, now: u64| {
        Projection::linear(
            &CurvePoint::new(d(11, 17), ac(200, then)),
            &CurvePoint::new(d(12, 1), ac(200, now)),
            &target,
        )
        .unwrap()
    };
    let slow = p(100, 107); // 0.5 a day, 31 days → 122.5 of 200 = 61.25 %
    assert_eq!(
        (slow.per_day, slow.projected_share, slow.status),
        (dec("0.50"), dec("61.25"), BandStatus::Below)
    );
    assert_eq!(slow.method, ProjectionMethod::Linear);
    assert_eq!(p(100, 180).projected_share, dec("100.00"));
    assert_eq!(p(100, 180).status, BandStatus::OnTarget);
    // Falling: 100 − 20/14 × 31 = 55.71… of 200 = 27.857… → 27.86 %.
    assert_eq!(p(120, 100).projected_share, dec("27.86"));
    // Falling below nothing is clamped at 0.
    assert_eq!(p(180, 100).projected_share, dec("0.00"));
    let none = |a: &CurvePoint, b: &CurvePoint| Projection::linear(a, b, &target);
    let zero = CurvePoint::new(d(12, 1), ActivationCount::default());
    assert_eq!(
        none(
            &CurvePoint::new(d(11, 1), ActivationCount::default()),
            &zero
        ),
        None
    );
    let now = CurvePoint::new(d(12, 1), ac(5, 1));
    assert_eq!(none(&now, &now), None);
    let late = CurvePoint::new(d(1, 2), ac(5, 1));
    assert_eq!(none(&now, &late), None);
}

/// Class 1: parents 1–4 of students 1–4; class 2: parent 5 of student 5
/// and parent 1 of student 6.
fn roster() -> FakeSchool {
    let mut s = FakeSchool::default();
    let born = NaiveDate::from_ymd_opt(2006, 1, 1).unwrap();
    for i in 1..=6 {
        s.student(i, ("Учеников", "Ученик"), born, if i <= 4 { 1 } else { 2 });
    }
    for (p, kids) in [
        (1u32, &[1u32, 6][..]),
        (2, &[2]),
        (3, &[3]),
        (4, &[4]),
        (5, &[5]),
    ] {
        s.parent(
            p,
            (
                ["Аверина", "Бойко", "Волков", "Гусева", "Дёмин"][p as usize - 1],
                "Мария",
                "Ивановна",
            ),
            kids,
        );
    }
    s
}

#[test]
fn registry_numbers_match_the_rule() {
    let s = roster();
    let mut r = registry();
    let issue = |r: &mut ApplicationRegistry, p: u32, st: u32, day: NaiveDate| {
        let id = r
            .submit_with(
                &s,
                Applicant::Parent(ParentId::new(p)),
                StudentId::new(st),
                day,
                consent(day),
            )
            .unwrap();
        r.register(id, &format!("R{p}-{st}"), day, SPEC).unwrap();
        r.approve(id, day, SPEC).unwrap();
        let issued = r.issue_with(&s, id, day, SPEC).unwrap();
        (id, issued.slip.map(|x| x.reveal_password().to_owned()))
    };
    let (_, pw1) = issue(&mut r, 1, 1, d(9, 10));
    issue(&mut r, 1, 6, d(9, 12));
    let (_, pw2) = issue(&mut r, 2, 2, d(9, 10));
    let (a3, _) = issue(&mut r, 3, 3, d(9, 15));
    issue(&mut r, 5, 5, d(9, 20));
    r.log_in("averina.mi", &pw1.unwrap(), d(9, 11)).unwrap();
    r.log_in("boiko.mi", &pw2.unwrap(), d(9, 25)).unwrap();
    r.report_activation(Applicant::Parent(ParentId::new(3)), d(9, 16))
        .unwrap();
    r.revoke_consent(a3, d(9, 28)).unwrap();
    // Parent 4 never applied.
    let cps = seed_checkpoints();
    let t = r.table_with(&s, d(10, 1), EligibilityPolicy::ApprovedApplicants, &cps);
    let rows: Vec<(u64, u64)> = t
        .classes
        .iter()
        .map(|r| (r.count.eligible(), r.count.activated()))
        .collect();
    // Class 1: parents 1, 2 eligible and active (3 revoked, 4 never applied).
    // Class 2: parent 1 (active), parent 5 (not active).
    assert_eq!(rows, vec![(2, 2), (2, 1)]);
    assert_eq!(t.schools[0].count, ac(3, 2));
    assert_eq!(t.schools[0].share, Some(dec("66.67")));
    assert_eq!(t.schools[0].current_status, Some(BandStatus::Above));
    let all = r.table_with(&s, d(10, 1), EligibilityPolicy::AllParents, &cps);
    assert_eq!(all.schools[0].count, ac(5, 3));
    let applicants = r.table_with(&s, d(10, 1), EligibilityPolicy::Applicants, &cps);
    assert_eq!(applicants.schools[0].count, ac(4, 3));
    // Nobody's possibility to use the service is recorded: under the
    // default policy nobody is eligible.
    let none = r.table_with(&s, d(10, 1), EligibilityPolicy::WithAccess, &cps);
    assert_eq!(none.schools[0].count, ActivationCount::default());
    // The same numbers from the plain records.
    let records = r.records_with(&s, d(10, 1));
    assert_eq!(records.len(), 6);
    assert_eq!(
        ActivationTable::compute(
            &records,
            d(10, 1),
            EligibilityPolicy::ApprovedApplicants,
            &cps
        ),
        t
    );
    // The daily curve.
    let curve = r
        .curve_with(&s, d(9, 9), d(9, 30), EligibilityPolicy::ApprovedApplicants)
        .unwrap();
    assert_eq!(curve.len(), 22);
    let at = |day: NaiveDate| {
        curve
            .iter()
            .find(|p| p.date == day)
            .map(|p| (p.count.eligible(), p.count.activated()))
            .unwrap()
    };
    assert_eq!(at(d(9, 9)), (0, 0));
    assert_eq!(curve[0].share, None);
    assert_eq!(at(d(9, 10)), (2, 0));
    assert_eq!(at(d(9, 11)), (2, 1));
    assert_eq!(at(d(9, 16)), (3, 2));
    assert_eq!(at(d(9, 25)), (4, 3));
    assert_eq!(at(d(9, 28)), (3, 2));
    assert_eq!(
        r.curve_with(
            &s,
            d(9, 30),
            d(9, 29),
            EligibilityPolicy::ApprovedApplicants
        )
        .unwrap_err()
        .code(),
        "metrics.invalid_range"
    );
    let e = r
        .curve_with(
            &s,
            d(9, 1),
            NaiveDate::from_ymd_opt(2016, 9, 1).unwrap(),
            EligibilityPolicy::ApprovedApplicants,
        )
        .unwrap_err();
    assert_eq!(e.code(), "metrics.range_too_long");
    // Checkpoint outcomes and the projection.
    let outcomes = r.outcomes_with(&s, d(11, 1), EligibilityPolicy::ApprovedApplicants, &cps);
    assert_eq!(outcomes.len(), 2);
    assert_eq!(outcomes[0].share, Some(dec("66.67")));
    assert_eq!(outcomes[0].status, Some(BandStatus::Above));
    let p = r
        .projection_with(
            &s,
            d(10, 1),
            EligibilityPolicy::ApprovedApplicants,
            &cps,
            14,
        )
        .unwrap();
    assert_eq!(
        (p.basis_from, p.basis_to, p.checkpoint.date),
        (d(9, 17), d(10, 1), d(11, 1))
    );
    // 9-17: 2 activated; 10-01: 2 → no gain, stays at 66.67 %.
    assert_eq!(
        (p.per_day, p.projected_share, p.status),
        (dec("0.00"), dec("66.67"), BandStatus::Above)
    );
    assert_eq!(
        r.projection_with(&s, d(1, 2), EligibilityPolicy::ApprovedApplicants, &cps, 14),
        None
    );
}

proptest! {
    #[test]
    fn counts_are_consistent(rows in proptest::collection::vec((1u32..20, 1u32..4, any::<bool>(), proptest::option::of(0i64..60)), 0..60)) {
        let day = d(10, 1);
        let records: Vec<_> = rows
            .iter()
            .enumerate()
            .map(|(i, (p, class, access, act))| {
                let activated = act.map(|n| d(9, 1) + chrono::Duration::days(n));
                rec(*p, u32::try_from(i).unwrap(), *class, *access, None, activated)
            })
            .collect();
        let t = ActivationTable::compute(&records, day, EligibilityPolicy::WithAccess, &seed_checkpoints());
        // A model of the rule: each parent once, eligible with access on
        // any record, activated on their earliest activation day.
        let mut parents: std::collections::BTreeMap<u32, (bool, Option<NaiveDate>)> =
            std::collections::BTreeMap::new();
        for (p, _, access, act) in &rows {
            let activated = act.map(|n| d(9, 1) + chrono::Duration::days(n));
            let e = parents.entry(*p).or_default();
            e.0 |= *access;
            e.1 = [e.1, activated].into_iter().flatten().min();
        }
        let eligible = parents.values().filter(|(a, _)| *a).count() as u64;
        let activated = parents
            .values()
            .filter(|(a, on)| *a && on.is_some_and(|on| on <= day))
            .count() as u64;
        prop_assert_eq!(t.region.count, ac(eligible, activated));
        prop_assert_eq!(t.region.share.is_none(), eligible == 0);
        let class_eligible: u64 = t.classes.iter().map(|c| c.count.eligible()).sum();
        prop_assert!(class_eligible >= t.region.count.eligible());
        prop_assert_eq!(t.schools.iter().map(|s| s.count.eligible()).sum::<u64>(), t.region.count.eligible());
        if let Some(share) = t.region.share {
            prop_assert!(share >= Decimal::ZERO && share <= Decimal::ONE_HUNDRED);
            prop_assert_eq!(share.scale(), 2);
        }
    }
}
