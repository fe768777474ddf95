//! Tests of the demo generator.

use super::rollout::{END, ymd};
use super::*;
use crate::activation::EligibilityPolicy;
use crate::applications::Applicant;
use crate::applications::ApplicationStatus;
use crate::rollout::seed_checkpoints;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn same_seed_same_school() {
    let a = demo_school(&DemoConfig::gymnasium17(1)).unwrap();
    let b = demo_school(&DemoConfig::gymnasium17(1)).unwrap();
    let c = demo_school(&DemoConfig::gymnasium17(2)).unwrap();
    assert_eq!(a, b);
    assert_ne!(a, c);
    let names: Vec<String> = a.classes().iter().map(|c| c.name().to_string()).collect();
    assert_eq!(names.len(), 28);
    assert_eq!(
        (
            names[0].as_str(),
            names[17].as_str(),
            names[18].as_str(),
            names[27].as_str()
        ),
        ("1А", "6В", "7А", "11Б")
    );
    assert_eq!(a.students().len(), 700);
    let parents = a.parents().len();
    assert!((900..=1200).contains(&parents), "{parents}");
    // Every student has a parent and sits in a class of a fitting age.
    for s in a.students() {
        assert!(!a.parents_of(s.id()).is_empty());
        let class = a
            .class_of(s.id(), date(2014, 9, 1))
            .and_then(|c| a.class(c))
            .unwrap();
        let age = s.age_on(date(2014, 9, 1));
        let grade = u32::from(class.name().grade());
        assert!(
            age == grade + 5 || age == grade + 6,
            "{age} in {}",
            class.name()
        );
    }
}

#[test]
fn the_autumn_has_every_status() {
    let demo = demo_rollout(&DemoConfig::gymnasium17(2014)).unwrap();
    let again = demo_rollout(&DemoConfig::gymnasium17(2014)).unwrap();
    assert_eq!(demo.registry.applications(), again.registry.applications());
    assert_eq!(demo.plan, again.plan);
    let statuses: std::collections::BTreeSet<ApplicationStatus> = demo
        .registry
        .applications()
        .iter()
        .filter_map(|a| a.status_on(date(2014, 12, 1)))
        .collect();
    assert_eq!(statuses.len(), 7, "{statuses:?}");
    assert!(
        demo.registry
            .applications()
            .iter()
            .any(|a| matches!(a.applicant(), Applicant::Student(_)))
    );
    assert!(
        demo.registry
            .applications()
            .iter()
            .all(|a| a.last_step_on() <= ymd(END))
    );
    let table = demo.registry.activation_table(
        &demo.school,
        date(2014, 10, 1),
        EligibilityPolicy::WithAccess,
        &seed_checkpoints(),
    );
    let seen: std::collections::HashSet<_> = table
        .classes
        .iter()
        .filter_map(|c| c.current_status)
        .collect();
    assert_eq!(
        seen.len(),
        3,
        "below, on target and above all occur: {seen:?}"
    );
    let sources: std::collections::HashSet<_> = demo
        .registry
        .accounts()
        .iter()
        .filter_map(|a| a.activation_source())
        .collect();
    assert_eq!(sources.len(), 2);
}

#[test]
fn config_is_clamped() {
    let cfg = DemoConfig {
        seed: 0,
        students_per_class: 0,
        grades: 0,
        letters_primary: 9,
        letters_senior: 0,
    };
    let school = demo_school(&cfg).unwrap();
    assert_eq!(school.classes().len(), 5);
    assert_eq!(school.students().len(), 5);
}
