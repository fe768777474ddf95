//! The journal tests' small school: two classes, two English groups, a
//! week of lessons; and the check that live indexes equal rebuilt ones.

use chrono::{NaiveDate, NaiveDateTime};

use crate::ids::MarkId;

use super::super::*;
use crate::access::ParentGrants;
use crate::audit::Edit;
use crate::calendar::{SchoolYear, Shift};
use crate::ids::{SchoolId, SubgroupId};
use crate::lesson::LessonGroup;
use crate::lesson::NewLesson;
use crate::marks::{MarkValue, Points};
use crate::organisation::{
    Class, ClassName, Enrolment, Parent, ParentLink, PersonName, RelationKind, SchoolInfo, Student,
    Subgroup, Subject, Teacher,
};
use crate::school::Sums;

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

/// A term code (`"Q1"`).
pub(crate) fn q(code: &str) -> crate::calendar::TermCode {
    crate::calendar::TermCode::parse(code).unwrap()
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

pub(crate) fn name(last: &str, first: &str) -> PersonName {
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
    let mut lesson = |date, slot, group, subject, teacher| {
        school
            .schedule_lesson(NewLesson {
                date,
                shift: Shift::First,
                slot,
                group,
                subject,
                teacher,
                room: Some("21".into()),
            })
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
    // The journal's own parents' grants, for these tests: every linked
    // parent (a handle asks its registry instead).
    let mut journal = Journal::new(school);
    journal.grants = ParentGrants::all_linked();
    (journal, lessons)
}

/// The index built from scratch equals the one kept by the writes (empty
/// sums left by removals aside).
pub(crate) fn assert_index_consistent(journal: &Journal) {
    let rebuilt = crate::school::Index::build(&journal.school);
    let live = &journal.school.index;
    let non_empty = |m: &crate::school::HashMap<(StudentId, u8), BTreeMap<SubjectId, Sums>>| {
        m.iter()
            .map(|(k, v)| {
                let v: BTreeMap<_, _> = v
                    .iter()
                    .filter(|(_, s)| !s.is_empty())
                    .map(|(a, b)| (*a, *b))
                    .collect();
                (*k, v)
            })
            .filter(|(_, v)| !v.is_empty())
            .collect::<crate::school::HashMap<_, _>>()
    };
    assert_eq!(live.lessons, rebuilt.lessons);
    assert_eq!(live.day_lessons, rebuilt.day_lessons);
    assert_eq!(live.cell_marks, rebuilt.cell_marks);
    assert_eq!(live.cell_attendance, rebuilt.cell_attendance);
    assert_eq!(
        non_empty(&live.student_terms),
        non_empty(&rebuilt.student_terms)
    );
    let classes = |m: &crate::school::HashMap<(ClassId, u8, SubjectId), Sums>| {
        m.iter()
            .filter(|(_, s)| !s.is_empty())
            .map(|(k, s)| (*k, *s))
            .collect::<crate::school::HashMap<_, _>>()
    };
    assert_eq!(classes(&live.class_terms), classes(&rebuilt.class_terms));
    let debts = |m: &crate::school::HashMap<StudentId, BTreeMap<MarkId, LessonId>>| {
        m.iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| (*k, v.clone()))
            .collect::<crate::school::HashMap<_, _>>()
    };
    assert_eq!(debts(&live.debts), debts(&rebuilt.debts));
    let assigned = crate::journal::assigned_by_class(&journal.school, &journal.assigned);
    assert_eq!(
        journal
            .assigned_by_class
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| (*k, v.clone()))
            .collect::<crate::school::HashMap<_, _>>(),
        assigned
    );
    assert_eq!(live.teaching, rebuilt.teaching);
    assert_eq!(live.by_date, rebuilt.by_date);
    assert_eq!(live.enrolments, rebuilt.enrolments);
    assert_eq!(live.links, rebuilt.links);
    assert_eq!(live.members, rebuilt.members);
    assert_eq!(live.teacher_names, rebuilt.teacher_names);
}
