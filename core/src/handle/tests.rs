//! Tests of the school handle: parents' access from the registry on the
//! date of the request, the per-person export, the one snapshot.

use chrono::{NaiveDate, NaiveDateTime};

use super::*;
use crate::applications::{Applicant, Consent, ConsentChannel, ContactDetails};
use crate::attendance::AttendanceCode;
use crate::calendar::{SchoolYear, Shift};
use crate::credentials::HashParams;
use crate::ids::{ApplicationId, ClassId, LessonId, ParentId, SchoolId, SubjectId, TeacherId};
use crate::lesson::{LessonGroup, NewLesson};
use crate::marks::{MarkValue, Points, WorkTypeCode};
use crate::organisation::{
    Class, ClassName, Enrolment, Parent, ParentLink, PersonName, RelationKind, SchoolInfo, Student,
    Subject, Teacher,
};

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2014, m, day).unwrap()
}

fn at(m: u32, day: u32, h: u32) -> NaiveDateTime {
    d(m, day).and_hms_opt(h, 0, 0).unwrap()
}

const MUM: ParentId = ParentId::new(1);
const DAD: ParentId = ParentId::new(2);
const OTHER_MUM: ParentId = ParentId::new(3);
const KID: StudentId = StudentId::new(1);
const CLASSMATE: StudentId = StudentId::new(2);
const OTHER_CLASS_KID: StudentId = StudentId::new(3);
const SPECIALIST: TeacherId = TeacherId::new(9);

fn name(last: &str, first: &str) -> PersonName {
    PersonName::new(last, first, None).unwrap()
}

/// 5А: students 1 (Орлов) and 2 (Зайцева); 6А: student 3 (Щукин).
/// Mum (Орлова) and dad (Орлов Олег) of 1, another mum (Зайцева) of 2.
/// Mathematics on 15 and 16 September in both classes; marks for all.
fn handle() -> (SchoolHandle, Vec<LessonId>) {
    let mut school = School::new(
        SchoolInfo::new(SchoolId::new(17), "Гимназия № 17").unwrap(),
        SchoolYear::russian_2014_2015(),
    );
    for (id, last) in [(1, "Сидорова"), (2, "Кузнецова"), (9, "Завуч")] {
        school
            .add_teacher(Teacher::new(TeacherId::new(id), name(last, "Мария")))
            .unwrap();
    }
    school
        .add_subject(Subject::new(SubjectId::new(1), "Математика", "Матем.").unwrap())
        .unwrap();
    for (id, class, teacher) in [(1, "5А", 1), (2, "6А", 2)] {
        school
            .add_class(Class::new(
                ClassId::new(id),
                ClassName::parse(class).unwrap(),
                Some(TeacherId::new(teacher)),
            ))
            .unwrap();
    }
    for (student, last, first, class) in [
        (KID, "Орлов", "Пётр", 1),
        (CLASSMATE, "Зайцева", "Вера", 1),
        (OTHER_CLASS_KID, "Щукин", "Глеб", 2),
    ] {
        school
            .add_student(Student::new(student, name(last, first), d(1, 2)))
            .unwrap();
        school
            .enrol(Enrolment::new(student, ClassId::new(class), d(9, 1), None).unwrap())
            .unwrap();
    }
    for (parent, last, first, child) in [
        (MUM, "Орлова", "Анна", KID),
        (DAD, "Орлов", "Олег", KID),
        (OTHER_MUM, "Зайцева", "Инна", CLASSMATE),
    ] {
        school
            .add_parent(Parent::new(parent, name(last, first), None, None).unwrap())
            .unwrap();
        school
            .link_parent(ParentLink {
                parent,
                student: child,
                relation: RelationKind::Mother,
            })
            .unwrap();
    }
    let mut lessons = Vec::new();
    for day in [15, 16] {
        for (class, teacher) in [(1, 1), (2, 2)] {
            lessons.push(
                school
                    .schedule_lesson(NewLesson {
                        date: d(9, day),
                        shift: Shift::First,
                        slot: 1,
                        group: LessonGroup::Class(ClassId::new(class)),
                        subject: SubjectId::new(1),
                        teacher: TeacherId::new(teacher),
                        room: None,
                    })
                    .unwrap(),
            );
        }
    }
    let mut handle = SchoolHandle::new(school).unwrap();
    handle.registry.set_hash_params(HashParams::light());
    let answer = WorkTypeCode::new("answer").unwrap();
    let marks = [
        (0, KID, 5, 1),
        (0, CLASSMATE, 3, 1),
        (2, KID, 4, 1),
        (2, CLASSMATE, 2, 1),
        (1, OTHER_CLASS_KID, 5, 2),
    ];
    for (lesson, student, value, teacher) in marks {
        let edit = Edit::new(Actor::teacher(TeacherId::new(teacher)), at(9, 16, 12));
        handle
            .journal_mut()
            .unwrap()
            .record_mark(
                &edit,
                lessons[lesson],
                student,
                MarkValue::Points(Points::new(value).unwrap()),
                &answer,
                None,
            )
            .unwrap();
    }
    let edit = Edit::new(Actor::teacher(TeacherId::new(1)), at(9, 16, 12));
    handle
        .journal_mut()
        .unwrap()
        .set_attendance(&edit, lessons[2], CLASSMATE, Some(AttendanceCode::Absent))
        .unwrap();
    (handle, lessons)
}

fn consent(on: NaiveDate) -> Consent {
    Consent {
        given_on: on,
        channel: ConsentChannel::InPerson,
        contacts: ContactDetails::new(Some("+7 928 000-00-00"), None).unwrap(),
    }
}

/// The parent applies on 10.09; the specialist registers and approves on
/// 12.09.
fn approve(handle: &mut SchoolHandle, parent: ParentId, child: StudentId) -> ApplicationId {
    let by_parent = Edit::new(Actor::parent(parent), at(9, 10, 18));
    let id = handle
        .submit_application(
            &by_parent,
            Applicant::Parent(parent),
            child,
            consent(d(9, 10)),
        )
        .unwrap();
    let specialist = Edit::new(Actor::administrator(SPECIALIST), at(9, 12, 10));
    handle
        .register_application(&specialist, id, &format!("{}/2014", parent.get()))
        .unwrap();
    handle.approve_application(&specialist, id).unwrap();
    id
}

#[test]
fn parents_read_only_while_the_registry_grants_it() {
    let (mut h, _) = handle();
    let mum = Actor::parent(MUM);
    let read = |h: &SchoolHandle, today| h.diary_week(&mum, KID, d(9, 15), today);
    assert_eq!(
        read(&h, d(9, 20)).unwrap_err().code(),
        "access.parent_not_granted"
    );
    let id = approve(&mut h, MUM, KID);
    assert_eq!(
        read(&h, d(9, 11)).unwrap_err().code(),
        "access.parent_not_granted"
    );
    assert!(read(&h, d(9, 20)).is_ok());
    // the other parent of the same child is not granted by her application
    let dad = Actor::parent(DAD);
    let e = h.diary_week(&dad, KID, d(9, 15), d(9, 20)).unwrap_err();
    assert_eq!(e.code(), "access.parent_not_granted");
    // nor is she granted another child
    let e = h
        .diary_week(&mum, CLASSMATE, d(9, 15), d(9, 20))
        .unwrap_err();
    assert_eq!(e.code(), "access.parent_not_linked");
    // term marks, attendance and "what do I need" are checked the same way
    assert!(
        h.term_marks(
            &mum,
            KID,
            crate::calendar::TermCode::parse("Q1").unwrap(),
            d(9, 20)
        )
        .is_ok()
    );
    let e = h
        .term_marks(
            &dad,
            KID,
            crate::calendar::TermCode::parse("Q1").unwrap(),
            d(9, 20),
        )
        .unwrap_err();
    assert_eq!(e.code(), "access.parent_not_granted");
    assert!(
        h.student_attendance(&mum, KID, d(9, 1), d(9, 30), d(9, 20))
            .is_ok()
    );
    // consent revoked on 01.10: readable before, refused from then on
    let by_mum = Edit::new(mum, at(10, 1, 9));
    h.revoke_consent(&by_mum, id).unwrap();
    assert!(read(&h, d(9, 30)).is_ok());
    assert_eq!(
        read(&h, d(10, 1)).unwrap_err().code(),
        "access.parent_not_granted"
    );
}

#[test]
fn registry_operations_take_the_actor_from_the_edit() {
    let (mut h, _) = handle();
    let before = h.clone();
    // a parent cannot submit for another parent, nor approve
    let by_dad = Edit::new(Actor::parent(DAD), at(9, 10, 18));
    let e = h
        .submit_application(&by_dad, Applicant::Parent(MUM), KID, consent(d(9, 10)))
        .unwrap_err();
    assert_eq!(e.code(), "access.role_not_allowed");
    assert_eq!(h, before);
    let id = approve(&mut h, MUM, KID);
    let teacher = Edit::new(Actor::teacher(TeacherId::new(1)), at(9, 13, 10));
    let e = h.issue_credentials(&teacher, id).unwrap_err();
    assert_eq!(e.code(), "access.role_not_allowed");
    let specialist = Edit::new(Actor::administrator(SPECIALIST), at(9, 13, 10));
    let issued = h.issue_credentials(&specialist, id).unwrap();
    let slip = issued.slip.unwrap();
    let outcome = h
        .log_in(slip.login().as_str(), slip.reveal_password(), d(9, 14))
        .unwrap();
    assert!(matches!(
        outcome,
        crate::credentials::LoginOutcome::Activated { .. }
    ));
}

#[test]
fn the_export_gives_the_same_diary_and_nobody_elses_data() {
    let (mut h, _) = handle();
    approve(&mut h, MUM, KID);
    approve(&mut h, OTHER_MUM, CLASSMATE);
    let mum = Actor::parent(MUM);
    let week = h.diary_week(&mum, KID, d(9, 15), d(9, 20)).unwrap();
    // the class average counts the classmate's marks: (5 + 3 + 4 + 2) / 4
    assert_eq!(
        week.subjects[0].class_average.map(|a| a.to_string()),
        Some("3.50".into())
    );
    let json = h.export_for(&mum, d(9, 20)).unwrap();
    for absent in [
        "Зайцева",
        "Вера",
        "Инна",
        "Щукин",
        "Глеб",
        "Олег",
        "Кузнецова",
        "Завуч",
        "$argon2",
    ] {
        assert!(!json.contains(absent), "the export contains {absent}");
    }
    let offline = SchoolHandle::from_json(&json).unwrap();
    assert_eq!(
        offline.diary_week(&mum, KID, d(9, 15), d(9, 20)).unwrap(),
        week
    );
    assert_eq!(
        offline
            .term_marks(
                &mum,
                KID,
                crate::calendar::TermCode::parse("Q1").unwrap(),
                d(9, 20)
            )
            .unwrap(),
        h.term_marks(
            &mum,
            KID,
            crate::calendar::TermCode::parse("Q1").unwrap(),
            d(9, 20)
        )
        .unwrap()
    );
    assert_eq!(offline.school().students().len(), 1);
    assert_eq!(offline.school().parents().len(), 1);
    assert_eq!(offline.export_person(), Some(mum));
    // read-only, and not a whole-school snapshot
    let e = offline.clone().journal_mut().map(|_| ()).unwrap_err();
    assert_eq!(e.code(), "handle.read_only_export");
    assert_eq!(
        offline.to_json().unwrap_err().code(),
        "handle.read_only_export"
    );
    // the export exports again, the same
    assert_eq!(offline.export_for(&mum, d(9, 20)).unwrap(), json);
}

#[test]
fn exports_are_for_granted_parents_and_students_only() {
    let (h, _) = handle();
    let e = h.export_for(&Actor::parent(MUM), d(9, 20)).unwrap_err();
    assert_eq!(e.code(), "handle.nothing_to_export");
    let e = h
        .export_for(&Actor::teacher(TeacherId::new(1)), d(9, 20))
        .unwrap_err();
    assert_eq!(e.code(), "handle.export_not_for_role");
    let stranger = Actor::student(StudentId::new(77));
    let e = h.export_for(&stranger, d(9, 20)).unwrap_err();
    assert_eq!(e.code(), "school.unknown_student");
    let pupil = Actor::student(KID);
    let json = h.export_for(&pupil, d(9, 20)).unwrap();
    assert!(!json.contains("Зайцева") && !json.contains("Орлова"));
    let offline = SchoolHandle::from_json(&json).unwrap();
    assert_eq!(
        offline.diary_week(&pupil, KID, d(9, 15), d(9, 20)).unwrap(),
        h.diary_week(&pupil, KID, d(9, 15), d(9, 20)).unwrap()
    );
}

#[test]
fn one_snapshot_and_the_older_ones() {
    let (mut h, _) = handle();
    approve(&mut h, MUM, KID);
    let back = SchoolHandle::from_json(&h.to_json().unwrap()).unwrap();
    assert_eq!(back, h);
    assert!(
        back.diary_week(&Actor::parent(MUM), KID, d(9, 15), d(9, 20))
            .is_ok()
    );
    // a journal snapshot loads with an empty registry: parents fail closed
    let old = SchoolHandle::from_json(&h.journal().to_json().unwrap()).unwrap();
    assert_eq!(old.journal(), h.journal());
    assert!(old.registry().applications().is_empty());
    let e = old
        .diary_week(&Actor::parent(MUM), KID, d(9, 15), d(9, 20))
        .unwrap_err();
    assert_eq!(e.code(), "access.parent_not_granted");
    // a school snapshot loads as a handle with an empty journal
    let school = SchoolHandle::from_json(&h.school().to_json().unwrap()).unwrap();
    assert_eq!(school.school(), h.school());
    for (json, code) in [
        (
            r#"{"format":"zhurnal.export","version":2}"#,
            "snapshot.unsupported_version",
        ),
        (
            r#"{"format":"zhurnal.handle"}"#,
            "snapshot.invalid_document",
        ),
        (
            r#"{"format":"zhurnal.handle","version":1}"#,
            "snapshot.invalid_document",
        ),
    ] {
        assert_eq!(SchoolHandle::from_json(json).unwrap_err().code(), code);
    }
}
