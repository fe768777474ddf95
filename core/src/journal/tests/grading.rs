//! Period results follow the subject's grading: «зач»/«незач» for a
//! pass/fail subject, «осв» for one taught without marks.

use super::super::*;
use super::fixture::*;
use crate::marks::{Grading, MarkValue, PeriodMark};
use crate::organisation::Subject;

fn regraded(grading: Grading) -> Journal {
    let (mut j, l) = fixture();
    let t1 = by(Actor::teacher(T1));
    // Before: a five-point subject with a pass/fail mark only is «н/а».
    j.record_mark(
        &t1,
        l.math_mon,
        student(1),
        MarkValue::Fail,
        &wt("answer"),
        None,
    )
    .unwrap();
    let before = j
        .term_marks(&Actor::student(student(1)), student(1), q("Q1"))
        .unwrap();
    let math = before.iter().find(|m| m.computed.subject == MATH).unwrap();
    assert_eq!(math.computed.period_mark, PeriodMark::NotAttested);
    let math = Subject::new(MATH, "Математика", "Матем.")
        .unwrap()
        .with_grading(grading);
    j.update_subject(&by(ADMIN), math).unwrap();
    j
}

fn results(j: &Journal) -> (PeriodMark, PeriodMark) {
    let me = Actor::student(student(1));
    let marks = j.term_marks(&me, student(1), q("Q1")).unwrap();
    let math = marks.iter().find(|m| m.computed.subject == MATH).unwrap();
    let week = j.diary_week(&me, student(1), d(9, 15), d(9, 20)).unwrap();
    let diary = week.subjects.iter().find(|s| s.subject == MATH).unwrap();
    (math.computed.period_mark, diary.period_mark)
}

#[test]
fn pass_fail_subjects() {
    let mut j = regraded(Grading::PassFail);
    assert_eq!(results(&j), (PeriodMark::NotPassed, PeriodMark::NotPassed));
    // a retake that passes settles the term
    let t1 = by(Actor::teacher(T1));
    let lessons = j
        .school
        .lessons_of_class_subject(C5A, MATH, d(9, 16), d(9, 16));
    j.record_mark(
        &t1,
        lessons[0].id(),
        student(1),
        MarkValue::Pass,
        &wt("answer"),
        None,
    )
    .unwrap();
    assert_eq!(results(&j), (PeriodMark::Passed, PeriodMark::Passed));
    assert_eq!(PeriodMark::Passed.to_string(), "зач");
    // the page and the final-mark check see the same result
    let page = j.class_period_marks(&ADMIN, C5A, MATH, q("Q1")).unwrap();
    let row = page.iter().find(|r| r.student == student(1)).unwrap();
    assert_eq!(row.computed, PeriodMark::Passed);
}

#[test]
fn subjects_without_marks() {
    let j = regraded(Grading::WithoutMarks);
    assert_eq!(results(&j), (PeriodMark::Mastered, PeriodMark::Mastered));
    assert_eq!(PeriodMark::Mastered.to_string(), "осв");
    // changing the grading was an audited administrator's change
    let last = j.audit_trail().entries().last().unwrap();
    assert_eq!(last.change.kind(), "school");
}
