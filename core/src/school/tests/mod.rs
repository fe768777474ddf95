//! Tests of the school aggregate, with a small fixture school.

mod grade_calendar;
mod journal;
mod properties;
mod reports;
mod roster;
mod snapshot;

use chrono::NaiveDate;

use super::School;
use crate::calendar::{SchoolYear, Shift};
use crate::ids::{
    ClassId, LessonId, ParentId, SchoolId, StudentId, SubgroupId, SubjectId, TeacherId,
};
use crate::lesson::{LessonGroup, NewLesson};
use crate::organisation::{
    Class, ClassName, Enrolment, Parent, ParentLink, PersonName, RelationKind, SchoolInfo, Student,
    Subgroup, Subject, Teacher,
};

pub(super) fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

pub(super) const MATH: SubjectId = SubjectId::new(1);
pub(super) const ENGLISH: SubjectId = SubjectId::new(2);
pub(super) const RUSSIAN: SubjectId = SubjectId::new(3);
pub(super) const T_MATH: TeacherId = TeacherId::new(1);
pub(super) const T_ENG: TeacherId = TeacherId::new(2);
pub(super) const T_RUS: TeacherId = TeacherId::new(3);
pub(super) const C5A: ClassId = ClassId::new(1);
pub(super) const C5B: ClassId = ClassId::new(2);
pub(super) const G1: SubgroupId = SubgroupId::new(1);
pub(super) const G2: SubgroupId = SubgroupId::new(2);

pub(super) fn sid(n: u32) -> StudentId {
    StudentId::new(n)
}

fn name(last: &str, first: &str) -> PersonName {
    PersonName::new(last, first, None).unwrap()
}

/// 5А with students 1–4 (subgroups: 1, 2 in group 1; 3, 4 in group 2), 5Б
/// with student 5; three subjects and teachers; a mother of student 1.
pub(super) fn school() -> School {
    let mut s = School::new(
        SchoolInfo::new(SchoolId::new(17), "Гимназия № 17").unwrap(),
        SchoolYear::russian_2014_2015(),
    );
    s.add_teacher(Teacher::new(T_MATH, name("Сидорова", "Мария")))
        .unwrap();
    s.add_teacher(Teacher::new(T_ENG, name("Смирнова", "Елена")))
        .unwrap();
    s.add_teacher(Teacher::new(T_RUS, name("Кузнецова", "Ольга")))
        .unwrap();
    s.add_subject(Subject::new(MATH, "Математика", "Матем.").unwrap())
        .unwrap();
    s.add_subject(Subject::new(ENGLISH, "Английский язык", "Англ.").unwrap())
        .unwrap();
    s.add_subject(Subject::new(RUSSIAN, "Русский язык", "Рус.").unwrap())
        .unwrap();
    s.add_class(Class::new(
        C5A,
        ClassName::parse("5А").unwrap(),
        Some(T_MATH),
    ))
    .unwrap();
    s.add_class(Class::new(C5B, ClassName::parse("5Б").unwrap(), None))
        .unwrap();
    let students = [
        (1, "Яковлев", "Артём"),
        (2, "Андреева", "Дарья"),
        (3, "Борисов", "Илья"),
        (4, "Волкова", "Анна"),
        (5, "Григорьев", "Павел"),
    ];
    for (id, last, first) in students {
        s.add_student(Student::new(sid(id), name(last, first), d(2003, 5, id)))
            .unwrap();
        let class = if id == 5 { C5B } else { C5A };
        s.enrol(Enrolment::new(sid(id), class, d(2014, 9, 1), None).unwrap())
            .unwrap();
    }
    s.add_subgroup(Subgroup::new(G1, C5A, "Английский, группа 1").unwrap())
        .unwrap();
    s.add_subgroup(Subgroup::new(G2, C5A, "Английский, группа 2").unwrap())
        .unwrap();
    for (g, st) in [(G1, 1), (G1, 2), (G2, 3), (G2, 4)] {
        s.add_subgroup_member(g, sid(st)).unwrap();
    }
    s.add_parent(
        Parent::new(
            ParentId::new(1),
            name("Яковлева", "Ирина"),
            Some("89280000001"),
            None,
        )
        .unwrap(),
    )
    .unwrap();
    s.link_parent(ParentLink {
        parent: ParentId::new(1),
        student: sid(1),
        relation: RelationKind::Mother,
    })
    .unwrap();
    s
}

pub(super) fn new_lesson(
    date: NaiveDate,
    slot: u8,
    group: LessonGroup,
    subject: SubjectId,
    teacher: TeacherId,
) -> NewLesson {
    NewLesson {
        date,
        shift: Shift::First,
        slot,
        group,
        subject,
        teacher,
        room: Some("21".into()),
    }
}

/// The teacher of a subject in these tests.
pub(super) fn teacher_of(subject: SubjectId) -> TeacherId {
    match subject {
        MATH => T_MATH,
        ENGLISH => T_ENG,
        _ => T_RUS,
    }
}

/// Schedules a lesson of a class or subgroup, taught by the subject's teacher.
pub(super) fn group_lesson(
    s: &mut School,
    date: NaiveDate,
    slot: u8,
    group: LessonGroup,
    subject: SubjectId,
) -> LessonId {
    s.schedule_lesson(new_lesson(date, slot, group, subject, teacher_of(subject)))
        .unwrap()
}

/// Schedules a whole-class lesson of 5А.
pub(super) fn lesson(s: &mut School, date: NaiveDate, slot: u8, subject: SubjectId) -> LessonId {
    group_lesson(s, date, slot, LessonGroup::Class(C5A), subject)
}

/// A term code (`"Q1"`).
pub(crate) fn q(code: &str) -> crate::calendar::TermCode {
    crate::calendar::TermCode::parse(code).unwrap()
}
