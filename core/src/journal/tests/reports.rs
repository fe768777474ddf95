//! Journal report tests: period marks (computed and final), attendance
//! summaries, the load check, "what do I need", pages, administration and
//! snapshots.

use super::super::*;
use super::fixture::*;
use crate::assessment_load::{LoadPolicy, PlannedHours, YearShareSkipped};
use crate::attendance::AttendanceCode;
use crate::audit::AuditChange;
use crate::calendar::Shift;
use crate::ids::SubgroupId;
use crate::lesson::LessonGroup;
use crate::lesson::NewLesson;
use crate::marks::{MarkValue, Points, Weight};
use crate::organisation::{Enrolment, Student};
use rust_decimal::Decimal;

#[test]
fn final_marks_and_period_marks() {
    let (mut j, l) = fixture();
    let t = by(Actor::teacher(T1));
    for (lesson, v) in [(l.math_mon, 5), (l.math_tue, 4), (l.math_wed, 4)] {
        j.record_mark(&t, lesson, student(1), p(v), &wt("answer"), None)
            .unwrap();
    }
    j.record_mark(&t, l.math_mon, student(2), p(3), &wt("control"), None)
        .unwrap();
    let rows = j
        .class_period_marks(&Actor::teacher(T1), C5A, MATH, q("Q1"))
        .unwrap();
    assert_eq!(rows.len(), 4);
    let first = &rows[0];
    assert_eq!(first.student, student(1));
    assert_eq!(first.average, Some("4.33".parse().unwrap()));
    assert_eq!(first.computed, PeriodMark::Mark(Points::FOUR));
    assert_eq!(first.final_mark, None);
    assert_eq!(rows[1].computed, PeriodMark::NotAttested);
    // the teacher sets a 5 for student 1: recorded beside the computed 4
    j.set_final_mark(
        &t,
        student(1),
        MATH,
        q("Q1"),
        Some(PeriodMark::Mark(Points::FIVE)),
    )
    .unwrap();
    let rows = j.class_period_marks(&ADMIN, C5A, MATH, q("Q1")).unwrap();
    assert_eq!(rows[0].final_mark, Some(PeriodMark::Mark(Points::FIVE)));
    assert!(rows[0].differs);
    let trail = j.audit_of_student(&ADMIN, student(1)).unwrap();
    match &trail.last().unwrap().change {
        AuditChange::FinalMark {
            computed,
            old,
            new,
            term,
            ..
        } => {
            assert_eq!(*computed, PeriodMark::Mark(Points::FOUR));
            assert_eq!(*old, None);
            assert_eq!(*new, Some(PeriodMark::Mark(Points::FIVE)));
            assert_eq!(term, "Q1");
        }
        other => panic!("{other:?}"),
    }
    // refusals and errors
    let e = j
        .set_final_mark(&by(Actor::teacher(T2)), student(1), MATH, q("Q1"), None)
        .unwrap_err();
    assert_eq!(e.code(), "access.not_subject_teacher");
    let e = j
        .set_final_mark(&t, student(1), MATH, q("T1"), None)
        .unwrap_err();
    assert_eq!(e.code(), "calendar.unknown_term");
    let e = j
        .set_final_mark(&t, student(99), MATH, q("Q1"), None)
        .unwrap_err();
    assert_eq!(e.code(), "school.unknown_student");
    let e = j
        .set_final_mark(&t, student(1), SubjectId::new(99), q("Q1"), None)
        .unwrap_err();
    assert_eq!(e.code(), "school.unknown_subject");
    let e = j
        .class_period_marks(&Actor::teacher(T2), C5A, MATH, q("Q1"))
        .unwrap_err();
    assert_eq!(e.code(), "access.not_subject_teacher");
    // the whole school: the administrator only
    let all = j.school_period_marks(&ADMIN, q("Q1")).unwrap();
    assert_eq!(all.len(), 4 * 3 + 1); // 5А: 3 subjects × 4 students; 5Б: Russian × 1
    assert_eq!(
        j.school_period_marks(&Actor::teacher(T1), q("Q1"))
            .unwrap_err()
            .code(),
        "access.not_teaching_in_class"
    );
    // withdrawing the final mark
    j.set_final_mark(&t, student(1), MATH, q("Q1"), None)
        .unwrap();
    assert_eq!(
        j.class_period_marks(&ADMIN, C5A, MATH, q("Q1")).unwrap()[0].final_mark,
        None
    );
}

#[test]
fn final_mark_needs_an_enrolment_in_the_term() {
    let (mut j, _) = fixture();
    let admin = by(ADMIN);
    j.add_student(
        &admin,
        Student::new(student(6), name("Егоров", "Иван"), d(1, 2)),
    )
    .unwrap();
    j.enrol(
        &admin,
        Enrolment::new(student(6), C5A, d(11, 10), None).unwrap(),
    )
    .unwrap();
    let e = j
        .set_final_mark(&by(Actor::teacher(T1)), student(6), MATH, q("Q1"), None)
        .unwrap_err();
    assert_eq!(e.code(), "journal.not_enrolled_in_term");
}

#[test]
fn attendance_summaries_through_the_journal() {
    let (mut j, l) = fixture();
    let t1 = by(Actor::teacher(T1));
    for lesson in [l.math_mon, l.math_tue] {
        j.set_attendance(&t1, lesson, student(1), Some(AttendanceCode::Absent))
            .unwrap();
    }
    j.set_attendance(
        &by(Actor::teacher(T2)),
        l.russian_mon,
        student(1),
        Some(AttendanceCode::Absent),
    )
    .unwrap();
    j.set_attendance(
        &by(Actor::teacher(T3)),
        l.english_g1,
        student(1),
        Some(AttendanceCode::Absent),
    )
    .unwrap();
    j.set_absence_reason(
        &by(Actor::class_teacher(T1)),
        l.math_tue,
        student(1),
        AttendanceCode::Unexcused,
    )
    .unwrap();
    let s = j
        .student_attendance(
            &Actor::parent(ParentId::new(1)),
            student(1),
            d(9, 1),
            d(9, 30),
        )
        .unwrap();
    assert_eq!(s.counts.lessons, 5);
    assert_eq!(s.counts.missed.unknown, 3);
    assert_eq!(s.counts.missed.unexcused, 1);
    assert_eq!(s.counts.days_missed, 2); // Mon 15 (all three) and Tue 16
    assert_eq!(s.missed_share, Some("80.00".parse().unwrap()));
    assert_eq!(s.flagged_months.len(), 1);
    let class = j
        .class_attendance(&Actor::class_teacher(T1), C5A, d(9, 1), d(9, 30))
        .unwrap();
    assert_eq!(class.students.len(), 4);
    assert_eq!(class.flagged_students, vec![student(1)]);
    assert_eq!(class.totals.lessons, 5 * 4);
    let e = j
        .class_attendance(&Actor::teacher(T3), C5B, d(9, 1), d(9, 30))
        .unwrap_err();
    assert_eq!(e.code(), "access.not_teaching_in_class");
    let e = j
        .student_attendance(&Actor::student(student(2)), student(1), d(9, 1), d(9, 30))
        .unwrap_err();
    assert_eq!(e.code(), "access.not_own_diary");
}

#[test]
fn load_check_over_the_journal() {
    let (mut j, l) = fixture();
    let t1 = by(Actor::teacher(T1));
    // two assessment procedures on Monday: control works assigned in
    // mathematics and in Russian
    j.assign_work(&t1, l.math_mon, &wt("control"), Some(d(9, 15)))
        .unwrap();
    j.assign_work(
        &by(Actor::teacher(T2)),
        l.russian_mon,
        &wt("control"),
        Some(d(9, 15)),
    )
    .unwrap();
    // and another mathematics control on Wednesday: too close
    j.assign_work(&t1, l.math_wed, &wt("control"), Some(d(9, 17)))
        .unwrap();
    // mathematics is planned for 10 hours: 2 controls are 20%
    let planned = [PlannedHours::new(C5A, MATH, Decimal::from(10)).unwrap()];
    let report = j
        .assessment_load(
            &Actor::class_teacher(T1),
            C5A,
            &LoadPolicy::default(),
            &planned,
        )
        .unwrap();
    let breaches = &report.breaches;
    let rules: Vec<_> = breaches.iter().map(|b| b.rule.code()).collect();
    assert!(rules.contains(&"load.per_day"), "{rules:?}");
    assert!(rules.contains(&"load.subject_spacing"), "{rules:?}");
    assert!(rules.contains(&"load.year_share"), "{rules:?}");
    // mathematics on Monday and Wednesday is the first lesson of the day,
    // and the subject has more than one hour a week here (3 lessons in 1 week)
    assert!(rules.contains(&"load.first_or_last_lesson"), "{rules:?}");
    let per_day = breaches
        .iter()
        .find(|b| b.rule.code() == "load.per_day")
        .unwrap();
    assert_eq!(per_day.subjects, vec![MATH, RUSSIAN]);
    assert_eq!(per_day.dates, vec![d(9, 15)]);
    // Russian has no planned hours and no hours a week: not checked
    assert_eq!(
        report.year_share_skipped,
        vec![YearShareSkipped {
            class_id: C5A,
            subject: RUSSIAN,
            assessments: 1
        }]
    );
    let e = j
        .assessment_load(
            &Actor::parent(ParentId::new(1)),
            C5A,
            &LoadPolicy::default(),
            &planned,
        )
        .unwrap_err();
    assert_eq!(e.code(), "access.role_not_allowed");
    let conflicting = [
        planned[0],
        PlannedHours::new(C5A, MATH, Decimal::from(20)).unwrap(),
    ];
    let e = j
        .assessment_load(&ADMIN, C5A, &LoadPolicy::default(), &conflicting)
        .unwrap_err();
    assert_eq!(e.code(), "load.conflicting_planned_hours");
}

#[test]
fn what_do_i_need_through_the_journal() {
    let (mut j, l) = fixture();
    let t = by(Actor::teacher(T1));
    for (lesson, v) in [(l.math_mon, 3), (l.math_tue, 4)] {
        j.record_mark(&t, lesson, student(1), p(v), &wt("answer"), None)
            .unwrap();
    }
    let query = TargetQuery {
        subject: MATH,
        term: q("Q1"),
        target: Points::FIVE,
        value: Points::FIVE,
        weight: Weight::ONE,
        today: None,
    };
    let s1 = Actor::student(student(1));
    // 3, 4 + 5s: 4.00, 4.25, 4.40, 4.50 → four 5s
    assert_eq!(
        j.what_do_i_need(&s1, student(1), &query)
            .unwrap()
            .new_marks(),
        Some(4)
    );
    // only Wednesday's lesson is left after Tuesday
    let capped = TargetQuery {
        today: Some(d(9, 16)),
        ..query.clone()
    };
    let answer = j.what_do_i_need(&s1, student(1), &capped).unwrap();
    assert_eq!(answer.new_marks(), None);
    let e = j
        .what_do_i_need(&Actor::student(student(2)), student(1), &query)
        .unwrap_err();
    assert_eq!(e.code(), "access.not_own_diary");
    let e = j
        .what_do_i_need(
            &s1,
            student(1),
            &TargetQuery {
                term: q("S2"),
                ..query
            },
        )
        .unwrap_err();
    assert_eq!(e.code(), "calendar.unknown_term");
}

#[test]
fn journal_pages_for_class_and_subgroup() {
    let (mut j, l) = fixture();
    j.record_mark(
        &by(Actor::teacher(T3)),
        l.english_g1,
        student(1),
        p(5),
        &wt("answer"),
        None,
    )
    .unwrap();
    let page = j
        .journal_page(
            &Actor::teacher(T3),
            LessonGroup::Subgroup(G1),
            ENGLISH,
            q("Q1"),
        )
        .unwrap();
    assert_eq!(page.columns.len(), 1);
    assert_eq!(page.rows.len(), 2);
    assert!(page.rows.iter().all(|r| r.cells.len() == 1));
    assert_eq!(page.rows[0].cells[0].marks.len(), 1);
    let whole = j
        .journal_page(
            &Actor::class_teacher(T1),
            LessonGroup::Class(C5A),
            ENGLISH,
            q("Q1"),
        )
        .unwrap();
    assert_eq!(whole.columns.len(), 2);
    assert_eq!(whole.rows.len(), 4);
    let e = j
        .journal_page(
            &Actor::teacher(T1),
            LessonGroup::Class(C5A),
            ENGLISH,
            q("Q1"),
        )
        .unwrap_err();
    assert_eq!(e.code(), "access.not_subject_teacher");
    let e = j
        .journal_page(
            &ADMIN,
            LessonGroup::Subgroup(SubgroupId::new(9)),
            ENGLISH,
            q("Q1"),
        )
        .unwrap_err();
    assert_eq!(e.code(), "school.unknown_subgroup");
}

#[test]
fn administration_and_snapshot() {
    let (mut j, l) = fixture();
    let t = by(Actor::teacher(T1));
    j.record_mark(
        &t,
        l.math_mon,
        student(1),
        MarkValue::Debt,
        &wt("homework"),
        None,
    )
    .unwrap();
    j.assign_work(&t, l.math_mon, &wt("independent"), Some(d(9, 16)))
        .unwrap();
    j.set_final_mark(&t, student(1), MATH, q("Q1"), Some(PeriodMark::NotAttested))
        .unwrap();
    j.set_parent_grants(
        &by(ADMIN),
        ParentGrants::only([(ParentId::new(1), student(1))]),
    )
    .unwrap();
    let e = j
        .set_parent_grants(&by(Actor::class_teacher(T1)), ParentGrants::all_linked())
        .unwrap_err();
    assert_eq!(e.code(), "access.role_not_allowed");
    let e = j
        .schedule_lesson(
            &t,
            NewLesson {
                date: d(9, 18),
                shift: Shift::First,
                slot: 1,
                group: LessonGroup::Class(C5A),
                subject: MATH,
                teacher: T1,
                room: None,
            },
        )
        .unwrap_err();
    assert_eq!(e.code(), "access.role_not_allowed");
    let json = j.to_json().unwrap();
    let back = Journal::from_json(&json).unwrap();
    assert_eq!(back, j);
    assert_index_consistent(&back);
    let week = |j: &Journal| {
        j.diary_week(&ADMIN, student(1), d(9, 15), d(9, 20))
            .unwrap()
    };
    assert_eq!(week(&back), week(&j));
    // damaged documents
    for (from, to, last) in [
        ("\"zhurnal.journal\"", "\"zhurnal.other\"", false),
        ("\"version\":1", "\"version\":2", false),
        ("\"due\":\"2014-09-16\"", "\"due\":\"2014-09-01\"", true),
        ("\"term\":\"Q1\"", "\"term\":\"Q8\"", true),
    ] {
        let at = if last {
            json.rfind(from)
        } else {
            json.find(from)
        }
        .unwrap();
        let damaged = format!("{}{}{}", &json[..at], to, &json[at + from.len()..]);
        let e = Journal::from_json(&damaged).unwrap_err();
        assert!(
            [
                "snapshot.invalid_document",
                "snapshot.wrong_format",
                "snapshot.unsupported_version",
                "journal.due_before_lesson",
                "calendar.unknown_term"
            ]
            .contains(&e.code()),
            "{}",
            e.code()
        );
    }
    assert_eq!(
        Journal::from_json("[").unwrap_err().code(),
        "snapshot.invalid_document"
    );
}
