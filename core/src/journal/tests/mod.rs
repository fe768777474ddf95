//! Journal tests: validated writes, the audit trail, the attendance
//! workflow, lesson content and assigned work.

mod admin;
mod diary;
mod fixture;
mod grading;
mod load;
mod properties;
mod reports;

use self::fixture::*;
use super::*;
use crate::attendance::AttendanceCode;
use crate::audit::{AuditChange, Edit, MarkState};
use crate::lesson::Homework;
use crate::marks::Weight;

#[test]
fn marks_are_validated_checked_and_audited() {
    let (mut j, l) = fixture();
    let teacher = by(Actor::teacher(T1));
    let id = j
        .record_mark(&teacher, l.math_mon, student(1), p(5), &wt("answer"), None)
        .unwrap();
    assert_eq!(j.school().mark(id).unwrap().weight, Weight::ONE);
    let before = j.clone();
    // another teacher: refused, nothing changes
    let e = j
        .record_mark(
            &by(Actor::teacher(T2)),
            l.math_mon,
            student(1),
            p(2),
            &wt("answer"),
            None,
        )
        .unwrap_err();
    assert_eq!(e.code(), "access.not_lesson_teacher");
    // a student of another class: the school's enrolment check
    let e = j
        .record_mark(&teacher, l.math_mon, student(5), p(4), &wt("answer"), None)
        .unwrap_err();
    assert_eq!(e.code(), "school.not_enrolled");
    // unknown lesson, unknown work type
    let e = j
        .record_mark(
            &teacher,
            LessonId::new(999),
            student(1),
            p(4),
            &wt("answer"),
            None,
        )
        .unwrap_err();
    assert_eq!(e.code(), "school.unknown_lesson");
    let e = j
        .record_mark(&teacher, l.math_mon, student(1), p(4), &wt("nope"), None)
        .unwrap_err();
    assert_eq!(e.code(), "mark.unknown_work_type");
    // a bad reason text
    let e = by(Actor::teacher(T1)).because("a\u{7}b").unwrap_err();
    assert_eq!(e.code(), "journal.invalid_reason");
    // parents, students, administrators never write
    for actor in [
        Actor::parent(ParentId::new(1)),
        Actor::student(student(1)),
        ADMIN,
    ] {
        let e = j
            .record_mark(
                &by(actor),
                l.math_mon,
                student(1),
                p(4),
                &wt("answer"),
                None,
            )
            .unwrap_err();
        assert_eq!(e.code(), "access.role_not_allowed");
        let e = j
            .change_mark(&by(actor), id, p(4), &wt("answer"), None)
            .unwrap_err();
        assert_eq!(e.code(), "access.role_not_allowed");
    }
    assert_eq!(j, before);
    assert_eq!(j.audit_trail().len(), 1);
    assert_index_consistent(&j);
}

#[test]
fn audit_trail_loses_nothing_over_edits() {
    let (mut j, l) = fixture();
    let t = Actor::teacher(T1);
    let id = j
        .record_mark(&by(t), l.math_mon, student(1), p(3), &wt("answer"), None)
        .unwrap();
    j.change_mark(
        &Edit::new(t, at(9, 16, 9)).because("пересдача").unwrap(),
        id,
        p(4),
        &wt("answer"),
        None,
    )
    .unwrap();
    j.change_mark(&Edit::new(t, at(9, 16, 10)), id, p(4), &wt("control"), None)
        .unwrap();
    // the same value again is no change and no entry
    j.change_mark(&Edit::new(t, at(9, 16, 11)), id, p(4), &wt("control"), None)
        .unwrap();
    j.remove_mark(&Edit::new(t, at(9, 17, 9)).because("ошибка").unwrap(), id)
        .unwrap();
    let trail = j.audit_of_lesson(&t, l.math_mon).unwrap();
    let states: Vec<(Option<MarkState>, Option<MarkState>)> = trail
        .iter()
        .map(|e| match &e.change {
            AuditChange::Mark { old, new, .. } => (old.clone(), new.clone()),
            other => panic!("unexpected {other:?}"),
        })
        .collect();
    assert_eq!(states.len(), 4);
    // each entry starts where the previous one ended
    for pair in states.windows(2) {
        assert_eq!(pair[0].1, pair[1].0);
    }
    assert_eq!(states[0].0, None);
    assert_eq!(states[3].1, None);
    let values: Vec<_> = states
        .iter()
        .filter_map(|s| s.1.as_ref())
        .map(|m| (m.value, m.work_type.to_string(), m.weight.to_string()))
        .collect();
    assert_eq!(
        values,
        [
            (p(3), "answer".into(), "1".into()),
            (p(4), "answer".into(), "1".into()),
            (p(4), "control".into(), "3".into())
        ]
    );
    assert_eq!(trail[1].reason.as_deref(), Some("пересдача"));
    assert_eq!(trail[3].reason.as_deref(), Some("ошибка"));
    assert_eq!(trail[2].at, at(9, 16, 10));
    assert!(
        trail
            .iter()
            .all(|e| e.actor == t && e.student == Some(student(1)))
    );
    // per student and per author lists
    assert_eq!(
        j.audit_of_student(&Actor::class_teacher(T1), student(1))
            .unwrap()
            .len(),
        4
    );
    assert_eq!(j.audit_by_author(&t, T1).unwrap().len(), 4);
    assert_eq!(j.audit_by_author(&ADMIN, T1).unwrap().len(), 4);
    let e = j.audit_by_author(&Actor::teacher(T2), T1).unwrap_err();
    assert_eq!(e.code(), "access.not_own_audit");
    let e = j
        .audit_of_student(&Actor::teacher(T1), student(1))
        .unwrap_err();
    assert_eq!(e.code(), "access.role_not_allowed");
    let e = j
        .audit_of_lesson(&Actor::teacher(T2), l.math_mon)
        .unwrap_err();
    assert_eq!(e.code(), "access.not_lesson_teacher");
    let e = j.audit_of_lesson(&t, LessonId::new(999)).unwrap_err();
    assert_eq!(e.code(), "school.unknown_lesson");
    assert_index_consistent(&j);
}

#[test]
fn attendance_workflow() {
    let (mut j, l) = fixture();
    let teacher = Actor::teacher(T1);
    let class_teacher = Actor::class_teacher(T1);
    let (lesson, s) = (l.math_mon, student(2));
    j.set_attendance(&by(teacher), lesson, s, Some(AttendanceCode::Absent))
        .unwrap();
    // the teacher may not set a reason
    let e = j
        .set_attendance(&by(teacher), lesson, s, Some(AttendanceCode::Illness))
        .unwrap_err();
    assert_eq!(e.code(), "journal.reason_is_for_class_teacher");
    // nor may they set it as a subject teacher through the reason call
    let e = j
        .set_absence_reason(&by(teacher), lesson, s, AttendanceCode::Illness)
        .unwrap_err();
    assert_eq!(e.code(), "access.role_not_allowed");
    // another class's class teacher may not
    let e = j
        .set_absence_reason(
            &by(Actor::class_teacher(T2)),
            lesson,
            s,
            AttendanceCode::Illness,
        )
        .unwrap_err();
    assert_eq!(e.code(), "access.not_class_teacher");
    // not a reason; not absent
    let e = j
        .set_absence_reason(&by(class_teacher), lesson, s, AttendanceCode::Late)
        .unwrap_err();
    assert_eq!(e.code(), "journal.not_a_reason");
    let e = j
        .set_absence_reason(
            &by(class_teacher),
            lesson,
            student(1),
            AttendanceCode::Illness,
        )
        .unwrap_err();
    assert_eq!(e.code(), "journal.not_absent");
    // the class teacher sets the reason, with its source
    let with_note = Edit::new(class_teacher, at(9, 18, 8))
        .because("справка из поликлиники")
        .unwrap();
    j.set_absence_reason(&with_note, lesson, s, AttendanceCode::Illness)
        .unwrap();
    assert_eq!(
        j.school().attendance_of_lesson(lesson)[0].code,
        AttendanceCode::Illness
    );
    // the teacher marking ОТ again keeps the reason
    j.set_attendance(&by(teacher), lesson, s, Some(AttendanceCode::Absent))
        .unwrap();
    assert_eq!(
        j.school().attendance_of_lesson(lesson)[0].code,
        AttendanceCode::Illness
    );
    // late, then present
    j.set_attendance(&by(teacher), lesson, student(3), Some(AttendanceCode::Late))
        .unwrap();
    j.set_attendance(&by(teacher), lesson, student(3), None)
        .unwrap();
    j.set_attendance(&by(teacher), lesson, student(3), None)
        .unwrap();
    let e = j
        .set_attendance(
            &by(teacher),
            lesson,
            student(5),
            Some(AttendanceCode::Absent),
        )
        .unwrap_err();
    assert_eq!(e.code(), "school.not_enrolled");
    let e = j
        .set_attendance(
            &by(Actor::teacher(T3)),
            l.english_g1,
            student(3),
            Some(AttendanceCode::Absent),
        )
        .unwrap_err();
    assert_eq!(e.code(), "school.not_in_subgroup");
    let e = j
        .set_attendance(&by(teacher), lesson, student(77), None)
        .unwrap_err();
    assert_eq!(e.code(), "school.unknown_student");
    let trail = j.audit_of_lesson(&class_teacher, lesson).unwrap();
    let changes: Vec<_> = trail
        .iter()
        .map(|e| match e.change {
            AuditChange::Attendance { old, new } => (e.student.unwrap().get(), old, new),
            _ => panic!("unexpected"),
        })
        .collect();
    use AttendanceCode::*;
    assert_eq!(
        changes,
        [
            (2, None, Some(Absent)),
            (2, Some(Absent), Some(Illness)),
            (3, None, Some(Late)),
            (3, Some(Late), None),
        ]
    );
    assert_eq!(trail[1].reason.as_deref(), Some("справка из поликлиники"));
    assert_eq!(trail[1].actor, class_teacher);
    assert_index_consistent(&j);
}

#[test]
fn lesson_content_is_audited() {
    let (mut j, l) = fixture();
    let t = by(Actor::teacher(T1));
    j.set_topic(&t, l.math_mon, Some("Натуральные числа"))
        .unwrap();
    j.set_topic(&t, l.math_mon, Some("Натуральные числа"))
        .unwrap();
    j.set_topic(&t, l.math_mon, None).unwrap();
    let hw = Homework::new("№ 12", d(9, 16)).unwrap();
    j.set_homework(&t, l.math_mon, Some(hw.clone())).unwrap();
    let e = j
        .set_homework(&t, l.math_mon, Some(Homework::new("№ 1", d(9, 1)).unwrap()))
        .unwrap_err();
    assert_eq!(e.code(), "lesson.homework_due_before_lesson");
    let e = j.set_topic(&t, l.math_mon, Some("  ")).unwrap_err();
    assert_eq!(e.code(), "lesson.empty_topic");
    let e = j
        .set_topic(&by(Actor::teacher(T2)), l.math_mon, Some("Дроби"))
        .unwrap_err();
    assert_eq!(e.code(), "access.not_lesson_teacher");
    let kinds: Vec<_> = j
        .audit_of_lesson(&ADMIN, l.math_mon)
        .unwrap()
        .iter()
        .map(|e| e.change.clone())
        .collect();
    assert_eq!(
        kinds,
        [
            AuditChange::Topic {
                old: None,
                new: Some("Натуральные числа".into())
            },
            AuditChange::Topic {
                old: Some("Натуральные числа".into()),
                new: None
            },
            AuditChange::Homework {
                old: None,
                new: Some(hw)
            },
        ]
    );
}

#[test]
fn assigned_work() {
    let (mut j, l) = fixture();
    let t = by(Actor::teacher(T1));
    let e = j
        .assign_work(&t, l.math_tue, &wt("control"), Some(d(9, 15)))
        .unwrap_err();
    assert_eq!(e.code(), "journal.due_before_lesson");
    let e = j
        .assign_work(&t, l.math_tue, &wt("nope"), Some(d(9, 16)))
        .unwrap_err();
    assert_eq!(e.code(), "mark.unknown_work_type");
    let e = j
        .assign_work(
            &by(Actor::teacher(T2)),
            l.math_tue,
            &wt("control"),
            Some(d(9, 16)),
        )
        .unwrap_err();
    assert_eq!(e.code(), "access.not_lesson_teacher");
    j.assign_work(&t, l.math_tue, &wt("control"), Some(d(9, 16)))
        .unwrap();
    j.assign_work(&t, l.math_tue, &wt("control"), Some(d(9, 16)))
        .unwrap();
    j.assign_work(&t, l.math_tue, &wt("control"), Some(d(9, 19)))
        .unwrap();
    j.assign_work(&t, l.math_tue, &wt("control"), None).unwrap();
    j.assign_work(&t, l.math_tue, &wt("control"), Some(d(9, 16)))
        .unwrap();
    let dues: Vec<_> = j
        .audit_of_lesson(&ADMIN, l.math_tue)
        .unwrap()
        .iter()
        .map(|e| match &e.change {
            AuditChange::AssignedWork { old, new, .. } => (*old, *new),
            _ => panic!(),
        })
        .collect();
    assert_eq!(
        dues,
        [
            (None, Some(d(9, 16))),
            (Some(d(9, 16)), Some(d(9, 19))),
            (Some(d(9, 19)), None),
            (None, Some(d(9, 16))),
        ]
    );
    assert_index_consistent(&j);
}
