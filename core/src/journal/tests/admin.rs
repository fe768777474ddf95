//! The administrator's operations: access-checked, audited, atomic (a
//! refused call changes nothing, the index included).

use super::super::*;
use super::fixture::*;
use crate::audit::{AuditChange, LessonTime, SchoolChange};
use crate::calendar::{SchoolYear, Shift};
use crate::marks::MarkValue;

fn unchanged(before: &Journal, after: &Journal) {
    assert_eq!(before, after);
    assert!(before.school.index == after.school.index);
}

#[test]
fn moving_and_cancelling_lessons() {
    let (mut j, l) = fixture();
    let admin = by(ADMIN);
    let to = |day, slot| LessonTime {
        date: d(9, day),
        shift: Shift::First,
        slot,
        room: Some("12".into()),
    };
    // a teacher may not move a lesson
    let before = j.clone();
    let e = j
        .move_lesson(&by(Actor::teacher(T1)), l.math_wed, to(18, 1))
        .unwrap_err();
    assert_eq!(e.code(), "access.role_not_allowed");
    unchanged(&before, &j);
    // onto Russian on Monday: the class is busy, nothing changes
    let e = j.move_lesson(&admin, l.math_wed, to(15, 2)).unwrap_err();
    assert_eq!(e.code(), "school.group_slot_taken");
    unchanged(&before, &j);
    // moved to Thursday: the diary follows, the trail says from where
    j.move_lesson(&admin, l.math_wed, to(18, 1)).unwrap();
    assert_index_consistent(&j);
    assert_eq!(
        j.school().lesson(l.math_wed).map(|x| x.date()),
        Some(d(9, 18))
    );
    let last = j.audit_trail().entries().last().unwrap();
    assert!(matches!(
        &last.change,
        AuditChange::School { change: SchoolChange::LessonMoved { old, .. } } if old.date == d(9, 17)
    ));
    // a lesson with a mark is not cancelled; without, it is
    j.record_mark(
        &by(Actor::teacher(T1)),
        l.math_tue,
        student(1),
        MarkValue::Pass,
        &wt("answer"),
        None,
    )
    .unwrap();
    let before = j.clone();
    let e = j.cancel_lesson(&admin, l.math_tue).unwrap_err();
    assert_eq!(e.code(), "school.lesson_has_records");
    unchanged(&before, &j);
    j.cancel_lesson(&admin, l.math_wed).unwrap();
    assert!(j.school().lesson(l.math_wed).is_none());
    assert_index_consistent(&j);
}

#[test]
fn replacing_the_calendar_checks_every_lesson() {
    let (mut j, _) = fixture();
    let admin = by(ADMIN);
    // a quarantine on the 15th and 16th: the lessons then are refused
    let mut quarantine = SchoolYear::russian_2014_2015();
    quarantine
        .add_holiday(crate::calendar::Holiday::new("Карантин", d(9, 15), d(9, 16)).unwrap())
        .unwrap();
    let before = j.clone();
    let e = j.set_calendar(&admin, quarantine).unwrap_err();
    assert_eq!(e.code(), "calendar.lesson_on_holiday");
    unchanged(&before, &j);
    j.set_calendar(&admin, SchoolYear::russian_2014_2015())
        .unwrap();
    assert_index_consistent(&j);
    let last = j.audit_trail().entries().last().unwrap();
    assert_eq!(
        last.change,
        AuditChange::School {
            change: SchoolChange::CalendarSet
        }
    );
}

#[test]
fn roster_operations_are_audited_and_atomic() {
    use crate::organisation::{Enrolment, Student};
    let (mut j, _) = fixture();
    let admin = by(ADMIN);
    j.add_student(
        &admin,
        Student::new(student(9), name("Жуков", "Иван"), d(1, 2)),
    )
    .unwrap();
    j.enrol(
        &admin,
        Enrolment::new(student(9), C5A, d(9, 1), None).unwrap(),
    )
    .unwrap();
    // a transfer into a class that does not exist changes nothing
    let before = j.clone();
    let e = j
        .transfer(
            &admin,
            student(9),
            C5A,
            crate::ids::ClassId::new(99),
            d(10, 6),
        )
        .unwrap_err();
    assert_eq!(e.code(), "school.unknown_class");
    unchanged(&before, &j);
    j.transfer(&admin, student(9), C5A, C5B, d(10, 6)).unwrap();
    assert_eq!(j.school().class_of(student(9), d(10, 6)), Some(C5B));
    assert_eq!(j.school().class_of(student(9), d(10, 3)), Some(C5A));
    assert_index_consistent(&j);
    let kinds: Vec<&str> = j
        .audit_trail()
        .entries()
        .iter()
        .filter_map(|e| match &e.change {
            AuditChange::School { change } => Some(change.kind()),
            _ => None,
        })
        .collect();
    assert_eq!(kinds, ["student_added", "enrolled", "transferred"]);
}
