//! Roster writes: every rule and error case; state unchanged on error.

use super::*;
use crate::Error;
use crate::marks::{MarkValue, Points, WorkTypeCatalogue, WorkTypeCode};

/// Runs `f`, expects the error `code`, and checks the school is unchanged.
pub(super) fn refused(
    s: &mut School,
    code: &str,
    f: impl FnOnce(&mut School) -> Result<(), Error>,
) {
    let before = s.clone();
    let e = f(s).expect_err(code);
    assert_eq!(e.code(), code, "{e}");
    assert_eq!(*s, before, "state changed by a refused {code}");
}

#[test]
fn fixture_is_consistent() {
    let s = school();
    assert_eq!(s.classes().len(), 2);
    assert_eq!(
        s.students_of_class(C5A, d(2014, 9, 1)),
        [sid(1), sid(2), sid(3), sid(4)]
    );
    assert_eq!(s.subgroup_members(G2), [sid(3), sid(4)]);
    assert_eq!(s.subgroups_of(C5A).len(), 2);
    assert_eq!(s.class_of(sid(5), d(2014, 10, 1)), Some(C5B));
    assert_eq!(s.class_of(sid(5), d(2014, 8, 31)), None);
    assert_eq!(s.children_of(ParentId::new(1))[0].student, sid(1));
    assert_eq!(
        s.class_by_name(ClassName::parse("5б").unwrap())
            .map(|c| c.id()),
        Some(C5B)
    );
    assert_eq!(s.info().name(), "Гимназия № 17");
    assert_eq!(s.teachers().len(), 3);
    assert_eq!(s.subjects().len(), 3);
    assert_eq!(s.students().len(), 5);
    assert_eq!(s.parents().len(), 1);
    assert!(s.parent(ParentId::new(1)).is_some());
    assert!(s.teacher(T_ENG).is_some() && s.subject(MATH).is_some());
    assert_eq!(s.class(C5A).unwrap().class_teacher(), Some(T_MATH));
    assert_eq!(s.enrolments_of(sid(1)).len(), 1);
}

#[test]
fn duplicate_ids() {
    let mut s = school();
    let n = PersonName::new("Новый", "Человек", None).unwrap();
    refused(&mut s, "school.duplicate_id", |s| {
        s.add_class(Class::new(C5A, ClassName::parse("6А").unwrap(), None))
    });
    refused(&mut s, "school.duplicate_id", |s| {
        s.add_subject(Subject::new(MATH, "Физика", "Физ.").unwrap())
    });
    refused(&mut s, "school.duplicate_id", |s| {
        s.add_teacher(Teacher::new(T_MATH, n.clone()))
    });
    refused(&mut s, "school.duplicate_id", |s| {
        s.add_student(Student::new(sid(1), n.clone(), d(2003, 1, 1)))
    });
    refused(&mut s, "school.duplicate_id", |s| {
        s.add_parent(Parent::new(ParentId::new(1), n.clone(), None, None).unwrap())
    });
    refused(&mut s, "school.duplicate_id", |s| {
        s.add_subgroup(Subgroup::new(G1, C5B, "Группа").unwrap())
    });
}

#[test]
fn class_rules() {
    let mut s = school();
    refused(&mut s, "school.duplicate_class_name", |s| {
        s.add_class(Class::new(
            ClassId::new(9),
            ClassName::parse("5A").unwrap(),
            None,
        ))
    });
    refused(&mut s, "school.unknown_teacher", |s| {
        s.add_class(Class::new(
            ClassId::new(9),
            ClassName::parse("6А").unwrap(),
            Some(TeacherId::new(99)),
        ))
    });
    refused(&mut s, "school.unknown_class", |s| {
        s.set_class_teacher(ClassId::new(9), None)
    });
    refused(&mut s, "school.unknown_teacher", |s| {
        s.set_class_teacher(C5B, Some(TeacherId::new(99)))
    });
    s.set_class_teacher(C5B, Some(T_RUS)).unwrap();
    assert_eq!(s.class(C5B).unwrap().class_teacher(), Some(T_RUS));
    s.set_class_teacher(C5B, None).unwrap();
    assert_eq!(s.class(C5B).unwrap().class_teacher(), None);
    let e = s
        .add_class(Class::new(
            ClassId::new(9),
            ClassName::parse("6А").unwrap(),
            None,
        ))
        .map(|_| ());
    assert!(e.is_ok());
    assert_eq!(s.classes()[2].name().to_string(), "6А");
}

#[test]
fn subgroup_rules() {
    let mut s = school();
    refused(&mut s, "school.unknown_class", |s| {
        s.add_subgroup(Subgroup::new(SubgroupId::new(9), ClassId::new(99), "Г").unwrap())
    });
    refused(&mut s, "school.unknown_subgroup", |s| {
        s.add_subgroup_member(SubgroupId::new(9), sid(1))
    });
    refused(&mut s, "school.unknown_student", |s| {
        s.add_subgroup_member(G1, sid(99))
    });
    refused(&mut s, "school.student_not_in_class", |s| {
        s.add_subgroup_member(G1, sid(5))
    });
    refused(&mut s, "school.already_member", |s| {
        s.add_subgroup_member(G1, sid(1))
    });
}

#[test]
fn parent_links() {
    let mut s = school();
    let link = |p, st| ParentLink {
        parent: ParentId::new(p),
        student: sid(st),
        relation: RelationKind::Father,
    };
    refused(&mut s, "school.unknown_parent", |s| {
        s.link_parent(link(9, 1))
    });
    refused(&mut s, "school.unknown_student", |s| {
        s.link_parent(link(1, 99))
    });
    refused(&mut s, "school.duplicate_link", |s| {
        s.link_parent(link(1, 1))
    });
    s.link_parent(link(1, 2)).unwrap();
    assert_eq!(s.children_of(ParentId::new(1)).len(), 2);
    assert_eq!(s.parents_of(sid(2))[0].relation, RelationKind::Father);
}

#[test]
fn enrolment_rules() {
    let mut s = school();
    let e = |st, class, from, to| Enrolment::new(sid(st), class, from, to).unwrap();
    refused(&mut s, "school.unknown_student", |s| {
        s.enrol(e(99, C5A, d(2014, 9, 1), None))
    });
    refused(&mut s, "school.unknown_class", |s| {
        s.enrol(e(1, ClassId::new(99), d(2014, 9, 1), None))
    });
    refused(&mut s, "school.overlapping_enrolment", |s| {
        s.enrol(e(1, C5B, d(2015, 1, 12), None))
    });
    refused(&mut s, "school.overlapping_enrolment", |s| {
        s.enrol(e(1, C5A, d(2014, 8, 1), Some(d(2014, 9, 1))))
    });
    // Before the open enrolment is fine.
    s.enrol(e(1, C5B, d(2014, 6, 1), Some(d(2014, 8, 31))))
        .unwrap();
    assert_eq!(s.class_of(sid(1), d(2014, 8, 31)), Some(C5B));
}

#[test]
fn ending_an_enrolment() {
    let mut s = school();
    refused(&mut s, "school.no_open_enrolment", |s| {
        s.end_enrolment(sid(1), C5B, d(2014, 12, 31))
    });
    refused(&mut s, "organisation.invalid_enrolment_range", |s| {
        s.end_enrolment(sid(1), C5A, d(2014, 8, 1))
    });
    // A mark after the proposed end blocks it.
    let l = lesson(&mut s, d(2015, 1, 12), 1, MATH);
    let answer = WorkTypeCode::new("answer").unwrap();
    s.record_mark(l, sid(1), MarkValue::Points(Points::FIVE), &answer, None)
        .unwrap();
    refused(&mut s, "school.records_after_enrolment_end", |s| {
        s.end_enrolment(sid(1), C5A, d(2014, 12, 31))
    });
    // Attendance after the end blocks it too.
    s.record_attendance(l, sid(2), crate::attendance::AttendanceCode::Late)
        .unwrap();
    refused(&mut s, "school.records_after_enrolment_end", |s| {
        s.end_enrolment(sid(2), C5A, d(2014, 12, 31))
    });
    // A record on the last day itself is fine.
    s.end_enrolment(sid(1), C5A, d(2015, 1, 12)).unwrap();
    s.enrol(Enrolment::new(sid(1), C5B, d(2015, 1, 13), None).unwrap())
        .unwrap();
    assert_eq!(s.class_of(sid(1), d(2015, 1, 13)), Some(C5B));
    refused(&mut s, "school.no_open_enrolment", |s| {
        s.end_enrolment(sid(1), C5A, d(2015, 2, 1))
    });
}

#[test]
fn work_types_in_use() {
    let mut s = school();
    let l = lesson(&mut s, d(2014, 9, 1), 1, MATH);
    let answer = WorkTypeCode::new("answer").unwrap();
    s.record_mark(l, sid(1), MarkValue::Pass, &answer, None)
        .unwrap();
    refused(&mut s, "school.work_type_in_use", |s| {
        s.set_work_types(WorkTypeCatalogue::empty())
    });
    let mut heavier = WorkTypeCatalogue::netschool();
    heavier
        .set_default_weight(&answer, "2".parse().unwrap())
        .unwrap();
    s.set_work_types(heavier).unwrap();
    // The recorded mark keeps its weight.
    assert_eq!(s.marks_of_lesson(l)[0].weight.to_string(), "1");
    let strict = crate::marks::PeriodMarkPolicy::default().with_min_marks(5);
    s.set_period_mark_policy(strict);
    assert_eq!(s.period_mark_policy().min_marks(), 5);
}
