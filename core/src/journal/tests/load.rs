//! Journal tests of the assessment-load check: what makes a lesson an
//! assessment procedure, and what the 10% rule is measured against.

use rust_decimal::Decimal;

use super::super::*;
use super::fixture::*;
use crate::assessment_load::{LoadPolicy, LoadReport, LoadRule, PlannedHours};
use crate::calendar::Shift;
use crate::lesson::{LessonGroup, NewLesson};
use crate::organisation::Subject;

#[test]
fn load_check_counts_assigned_work_not_a_make_up_mark() {
    let (mut j, l) = fixture();
    let planned = [PlannedHours::new(C5A, RUSSIAN, Decimal::from(5)).unwrap()];
    let load = |j: &Journal| {
        j.assessment_load(&ADMIN, C5A, &LoadPolicy::default(), &planned)
            .unwrap()
    };
    // one pupil writes a missed control work at an ordinary Russian lesson
    let t2 = by(Actor::teacher(T2));
    j.record_mark(&t2, l.russian_mon, student(1), p(4), &wt("control"), None)
        .unwrap();
    assert_eq!(load(&j), LoadReport::default());
    // a control work assigned to the class at that lesson is a procedure:
    // 1 of 5 planned hours is 20%
    j.assign_work(&t2, l.russian_mon, &wt("control"), Some(d(9, 15)))
        .unwrap();
    let report = load(&j);
    assert_eq!(report.breaches.len(), 1);
    assert_eq!(report.breaches[0].rule, LoadRule::YearShare);
    assert_eq!(report.breaches[0].lessons, vec![l.russian_mon]);
    // homework assigned at a lesson is no procedure
    j.assign_work(&t2, l.russian_mon, &wt("control"), None)
        .unwrap();
    j.assign_work(&t2, l.russian_mon, &wt("homework"), Some(d(9, 16)))
        .unwrap();
    assert_eq!(load(&j), LoadReport::default());
}

#[test]
fn load_check_mid_year_is_no_year_share_breach() {
    let (mut j, l) = fixture();
    // one control work in the second mathematics lesson of the year: 33% of
    // the lessons so far, but 1 of the year's 170 planned hours
    j.assign_work(
        &by(Actor::teacher(T1)),
        l.math_tue,
        &wt("control"),
        Some(d(9, 16)),
    )
    .unwrap();
    let planned = [PlannedHours::new(C5A, MATH, Decimal::from(170)).unwrap()];
    let report = j
        .assessment_load(&ADMIN, C5A, &LoadPolicy::default(), &planned)
        .unwrap();
    let rules: Vec<_> = report.breaches.iter().map(|b| b.rule.code()).collect();
    assert!(!rules.contains(&"load.year_share"), "{rules:?}");
    assert_eq!(report.year_share_skipped, vec![]);
    // without planned hours it is not checked at all, never guessed
    let report = j
        .assessment_load(&ADMIN, C5A, &LoadPolicy::default(), &[])
        .unwrap();
    assert!(
        report
            .breaches
            .iter()
            .all(|b| b.rule != LoadRule::YearShare)
    );
    assert_eq!(report.year_share_skipped.len(), 1);
    assert_eq!(report.year_share_skipped[0].subject, MATH);
}

#[test]
fn load_check_uses_the_subjects_hours_a_week() {
    let (j, _) = fixture();
    let mut school = j.into_school();
    let music = SubjectId::new(4);
    school
        .add_subject(Subject::with_hours_per_week(music, "Музыка", "Муз.", Decimal::ONE).unwrap())
        .unwrap();
    let mut lesson = |day, slot| {
        school
            .schedule_lesson(NewLesson {
                date: d(9, day),
                shift: Shift::First,
                slot,
                group: LessonGroup::Class(C5A),
                subject: music,
                teacher: T1,
                room: None,
            })
            .unwrap()
    };
    // two music lessons this week, each the last of its day
    let monday = lesson(15, 4);
    lesson(16, 2);
    let mut j = Journal::new(school);
    j.assign_work(
        &by(Actor::teacher(T1)),
        monday,
        &wt("control"),
        Some(d(9, 15)),
    )
    .unwrap();
    let load = |planned: &[PlannedHours]| {
        j.assessment_load(&ADMIN, C5A, &LoadPolicy::default(), planned)
            .unwrap()
    };
    // one hour a week: exempt from the first/last-lesson rule although two
    // lessons are scheduled this week, and 1 × 34 planned hours
    assert_eq!(load(&[]), LoadReport::default());
    // 1 of 34 is far from 10%; 1 of 34 with a 2% policy is not
    let strict = LoadPolicy::new(1, Decimal::ONE, 18, Decimal::TWO, 34).unwrap();
    let report = j.assessment_load(&ADMIN, C5A, &strict, &[]).unwrap();
    assert_eq!(report.breaches[0].planned_hours, Some(Decimal::from(34)));
    assert_eq!(report.breaches[0].share, Some("2.94".parse().unwrap()));
    // a thematic plan given for the class wins over the hours a week
    let report = load(&[PlannedHours::new(C5A, music, Decimal::from(8)).unwrap()]);
    assert_eq!(report.breaches.len(), 1);
    assert_eq!(report.breaches[0].planned_hours, Some(Decimal::from(8)));
}
