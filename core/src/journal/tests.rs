//! Journal tests: validated writes, the audit trail, the attendance
//! workflow, reports, snapshots. Diary tests are in `tests_diary.rs`.

use chrono::{NaiveDate, NaiveDateTime};

use super::index::Sums;
use super::*;
use crate::attendance::AttendanceCode;
use crate::audit::{AuditChange, MarkState};
use crate::calendar::{SchoolYear, Shift};
use crate::ids::{SchoolId, SubgroupId};
use crate::lesson::{Homework, LessonGroup};
use crate::marks::{MarkValue, Points, Weight};
use crate::organisation::{
    Class, ClassName, Enrolment, Parent, ParentLink, PersonName, RelationKind, SchoolInfo, Student,
    Subgroup, Subject, Teacher,
};

pub(crate) const C5A: ClassId = ClassId::new(1);
pub(crate) const C5B: ClassId = ClassId::new(2);
pub(crate) const G1: SubgroupId = SubgroupId::new(1);
pub(crate) const G2: SubgroupId = SubgroupId::new(2);
pub(crate) const MATH: SubjectId = SubjectId::new(1);
pub(crate) const RUSSIAN: SubjectId = SubjectId::new(2);
pub(crate) const ENGLISH: SubjectId = SubjectId::new(3);
/// Mathematics in 5А, class teacher of 5А.
pub(crate) const T1: TeacherId = TeacherId::new(1);
/// Russian in 5А and 5Б, class teacher of 5Б.
pub(crate) const T2: TeacherId = TeacherId::new(2);
/// English group 1.
pub(crate) const T3: TeacherId = TeacherId::new(3);
/// English group 2.
pub(crate) const T4: TeacherId = TeacherId::new(4);
pub(crate) const ADMIN: Actor = Actor::administrator(TeacherId::new(9));

pub(crate) fn d(m: u32, day: u32) -> NaiveDate {
    let y = if m >= 9 { 2014 } else { 2015 };
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

pub(crate) fn at(m: u32, day: u32, h: u32) -> NaiveDateTime {
    d(m, day).and_hms_opt(h, 0, 0).unwrap()
}

pub(crate) fn by(actor: Actor) -> Edit {
    Edit::new(actor, at(9, 15, 12))
}

pub(crate) fn p(v: u8) -> MarkValue {
    MarkValue::Points(Points::new(v).unwrap())
}

pub(crate) fn wt(code: &str) -> WorkTypeCode {
    WorkTypeCode::new(code).unwrap()
}

pub(crate) fn student(n: u32) -> StudentId {
    StudentId::new(n)
}

/// Lessons of the fixture week, Monday 15 – Wednesday 17 September 2014.
pub(crate) struct Lessons {
    /// Mon 15, slot 1, mathematics 5А (T1).
    pub(crate) math_mon: LessonId,
    /// Mon 15, slot 2, Russian 5А (T2).
    pub(crate) russian_mon: LessonId,
    /// Mon 15, slot 3, English group 1 (T3).
    pub(crate) english_g1: LessonId,
    /// Mon 15, slot 3, English group 2 (T4).
    pub(crate) english_g2: LessonId,
    /// Tue 16, slot 1, mathematics 5А.
    pub(crate) math_tue: LessonId,
    /// Wed 17, slot 1, mathematics 5А.
    pub(crate) math_wed: LessonId,
    /// Mon 15, slot 1, Russian 5Б (T2).
    pub(crate) russian_5b: LessonId,
}

fn name(last: &str, first: &str) -> PersonName {
    PersonName::new(last, first, Some("Иванович")).unwrap()
}

/// 5А: students 1, 2 (English group 1), 3, 4 (group 2); 5Б: student 5.
/// Parent 1 → student 1, parent 2 → student 1, parent 5 → student 5.
pub(crate) fn fixture() -> (Journal, Lessons) {
    let mut school = School::new(
        SchoolInfo::new(SchoolId::new(17), "Гимназия № 17").unwrap(),
        SchoolYear::russian_2014_2015(),
    );
    for (id, last) in [
        (1, "Сидорова"),
        (2, "Кузнецова"),
        (3, "Смирнова"),
        (4, "Морозов"),
    ] {
        school
            .add_teacher(Teacher::new(TeacherId::new(id), name(last, "Мария")))
            .unwrap();
    }
    for (id, full, short) in [
        (MATH, "Математика", "Матем."),
        (RUSSIAN, "Русский язык", "Рус."),
        (ENGLISH, "Английский язык", "Англ."),
    ] {
        school
            .add_subject(Subject::new(id, full, short).unwrap())
            .unwrap();
    }
    school
        .add_class(Class::new(C5A, ClassName::parse("5А").unwrap(), Some(T1)))
        .unwrap();
    school
        .add_class(Class::new(C5B, ClassName::parse("5Б").unwrap(), Some(T2)))
        .unwrap();
    school
        .add_subgroup(Subgroup::new(G1, C5A, "Английский 1").unwrap())
        .unwrap();
    school
        .add_subgroup(Subgroup::new(G2, C5A, "Английский 2").unwrap())
        .unwrap();
    for (n, last) in [
        (1, "Алексеев"),
        (2, "Белов"),
        (3, "Васильев"),
        (4, "Гаврилов"),
        (5, "Данилов"),
    ] {
        school
            .add_student(Student::new(student(n), name(last, "Пётр"), d(1, 2)))
            .unwrap();
        let class = if n <= 4 { C5A } else { C5B };
        school
            .enrol(Enrolment::new(student(n), class, d(9, 1), None).unwrap())
            .unwrap();
        if n <= 4 {
            school
                .add_subgroup_member(if n <= 2 { G1 } else { G2 }, student(n))
                .unwrap();
        }
    }
    for (parent, child) in [(1, 1), (2, 1), (5, 5)] {
        school
            .add_parent(
                Parent::new(ParentId::new(parent), name("Родитель", "Анна"), None, None).unwrap(),
            )
            .unwrap();
        school
            .link_parent(ParentLink {
                parent: ParentId::new(parent),
                student: student(child),
                relation: RelationKind::Mother,
            })
            .unwrap();
    }
    let mut journal = Journal::new(school);
    let mut lesson = |date, slot, group, subject, teacher| {
        journal
            .schedule_lesson(
                &by(ADMIN),
                NewLesson {
                    date,
                    shift: Shift::First,
                    slot,
                    group,
                    subject,
                    teacher,
                    room: Some("21".into()),
                },
            )
            .unwrap()
    };
    let class = LessonGroup::Class(C5A);
    let lessons = Lessons {
        math_mon: lesson(d(9, 15), 1, class, MATH, T1),
        russian_mon: lesson(d(9, 15), 2, class, RUSSIAN, T2),
        english_g1: lesson(d(9, 15), 3, LessonGroup::Subgroup(G1), ENGLISH, T3),
        english_g2: lesson(d(9, 15), 3, LessonGroup::Subgroup(G2), ENGLISH, T4),
        math_tue: lesson(d(9, 16), 1, class, MATH, T1),
        math_wed: lesson(d(9, 17), 1, class, MATH, T1),
        russian_5b: lesson(d(9, 15), 1, LessonGroup::Class(C5B), RUSSIAN, T2),
    };
    (journal, lessons)
}

/// The index built from scratch equals the one kept by the writes (empty
/// sums left by removals aside).
pub(crate) fn assert_index_consistent(journal: &Journal) {
    let rebuilt = Index::build(&journal.school, &journal.assigned);
    let live = &journal.index;
    let non_empty = |m: &super::index::HashMap<(StudentId, u8), BTreeMap<SubjectId, Sums>>| {
        m.iter()
            .map(|(k, v)| {
                let v: BTreeMap<_, _> = v
                    .iter()
                    .filter(|(_, s)| **s != Sums::default())
                    .map(|(a, b)| (*a, *b))
                    .collect();
                (*k, v)
            })
            .filter(|(_, v)| !v.is_empty())
            .collect::<super::index::HashMap<_, _>>()
    };
    assert_eq!(live.lessons, rebuilt.lessons);
    assert_eq!(live.day_lessons, rebuilt.day_lessons);
    assert_eq!(live.cell_marks, rebuilt.cell_marks);
    assert_eq!(live.cell_attendance, rebuilt.cell_attendance);
    assert_eq!(
        non_empty(&live.student_terms),
        non_empty(&rebuilt.student_terms)
    );
    let classes = |m: &super::index::HashMap<(ClassId, u8, SubjectId), Sums>| {
        m.iter()
            .filter(|(_, s)| **s != Sums::default())
            .map(|(k, s)| (*k, *s))
            .collect::<super::index::HashMap<_, _>>()
    };
    assert_eq!(classes(&live.class_terms), classes(&rebuilt.class_terms));
    let debts = |m: &super::index::HashMap<StudentId, BTreeMap<MarkId, LessonId>>| {
        m.iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| (*k, v.clone()))
            .collect::<super::index::HashMap<_, _>>()
    };
    assert_eq!(debts(&live.debts), debts(&rebuilt.debts));
    assert_eq!(
        live.assigned.iter().filter(|(_, v)| !v.is_empty()).count(),
        rebuilt.assigned.len()
    );
    assert_eq!(live.teaching, rebuilt.teaching);
}

use crate::ids::MarkId;

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
    let bad = by(Actor::teacher(T1)).because("a\u{7}b");
    let e = j.remove_mark(&bad, id).unwrap_err();
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
        &Edit::new(t, at(9, 16, 9)).because("пересдача"),
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
    j.remove_mark(&Edit::new(t, at(9, 17, 9)).because("ошибка"), id)
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
    let with_note = Edit::new(class_teacher, at(9, 18, 8)).because("справка из поликлиники");
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
        .class_period_marks(&Actor::teacher(T1), C5A, MATH, "Q1")
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
        "Q1",
        Some(PeriodMark::Mark(Points::FIVE)),
    )
    .unwrap();
    let rows = j.class_period_marks(&ADMIN, C5A, MATH, "Q1").unwrap();
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
        .set_final_mark(&by(Actor::teacher(T2)), student(1), MATH, "Q1", None)
        .unwrap_err();
    assert_eq!(e.code(), "access.not_subject_teacher");
    let e = j
        .set_final_mark(&t, student(1), MATH, "Q9", None)
        .unwrap_err();
    assert_eq!(e.code(), "calendar.unknown_term");
    let e = j
        .set_final_mark(&t, student(99), MATH, "Q1", None)
        .unwrap_err();
    assert_eq!(e.code(), "school.unknown_student");
    let e = j
        .set_final_mark(&t, student(1), SubjectId::new(99), "Q1", None)
        .unwrap_err();
    assert_eq!(e.code(), "school.unknown_subject");
    let e = j
        .class_period_marks(&Actor::teacher(T2), C5A, MATH, "Q1")
        .unwrap_err();
    assert_eq!(e.code(), "access.not_subject_teacher");
    // the whole school: the administrator only
    let all = j.school_period_marks(&ADMIN, "Q1").unwrap();
    assert_eq!(all.len(), 4 * 3 + 1); // 5А: 3 subjects × 4 students; 5Б: Russian × 1
    assert_eq!(
        j.school_period_marks(&Actor::teacher(T1), "Q1")
            .unwrap_err()
            .code(),
        "access.not_teaching_in_class"
    );
    // withdrawing the final mark
    j.set_final_mark(&t, student(1), MATH, "Q1", None).unwrap();
    assert_eq!(
        j.class_period_marks(&ADMIN, C5A, MATH, "Q1").unwrap()[0].final_mark,
        None
    );
}

#[test]
fn final_mark_needs_an_enrolment_in_the_term() {
    let (mut j, _) = fixture();
    j.edit_school(&ADMIN, |s| {
        s.add_student(Student::new(student(6), name("Егоров", "Иван"), d(1, 2)))?;
        s.enrol(Enrolment::new(student(6), C5A, d(11, 10), None)?)
    })
    .unwrap();
    let e = j
        .set_final_mark(&by(Actor::teacher(T1)), student(6), MATH, "Q1", None)
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
    // two assessment procedures on Monday: a control work assigned in
    // mathematics, and control marks in Russian
    j.assign_work(&t1, l.math_mon, &wt("control"), Some(d(9, 15)))
        .unwrap();
    j.record_mark(
        &by(Actor::teacher(T2)),
        l.russian_mon,
        student(1),
        p(4),
        &wt("control"),
        None,
    )
    .unwrap();
    // and another mathematics control on Wednesday: too close
    j.assign_work(&t1, l.math_wed, &wt("control"), Some(d(9, 17)))
        .unwrap();
    let breaches = j
        .assessment_load(
            &Actor::class_teacher(T1),
            C5A,
            &crate::assessment_load::LoadPolicy::default(),
        )
        .unwrap();
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
    let e = j
        .assessment_load(
            &Actor::parent(ParentId::new(1)),
            C5A,
            &crate::assessment_load::LoadPolicy::default(),
        )
        .unwrap_err();
    assert_eq!(e.code(), "access.role_not_allowed");
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
        term: "Q1".into(),
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
                term: "Q7".into(),
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
            "Q1",
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
            "Q1",
        )
        .unwrap();
    assert_eq!(whole.columns.len(), 2);
    assert_eq!(whole.rows.len(), 4);
    let e = j
        .journal_page(&Actor::teacher(T1), LessonGroup::Class(C5A), ENGLISH, "Q1")
        .unwrap_err();
    assert_eq!(e.code(), "access.not_subject_teacher");
    let e = j
        .journal_page(
            &ADMIN,
            LessonGroup::Subgroup(SubgroupId::new(9)),
            ENGLISH,
            "Q1",
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
    j.set_final_mark(&t, student(1), MATH, "Q1", Some(PeriodMark::NotAttested))
        .unwrap();
    j.set_parent_grants(&ADMIN, ParentGrants::only([(ParentId::new(1), student(1))]))
        .unwrap();
    let e = j
        .set_parent_grants(&Actor::class_teacher(T1), ParentGrants::all_linked())
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
                "journal.invalid_snapshot",
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
        "journal.invalid_snapshot"
    );
}
