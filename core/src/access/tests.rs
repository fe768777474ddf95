//! Every role × action pair, allowed and refused.

use super::*;

/// A small world:
/// - class 5: subject 100 taught by teacher 1 (lesson 10); class teacher 2;
///   student 7.
/// - class 6: subject 200 taught by teacher 2 (lesson 20); class teacher 1;
///   student 8.
/// - parent 1 linked to student 7 and granted; parent 2 linked to student 7,
///   not granted; parent 3 linked to student 8, granted.
struct World {
    grants: ParentGrants,
}

const C5: ClassId = ClassId::new(5);
const C6: ClassId = ClassId::new(6);
const MATH: SubjectId = SubjectId::new(100);
const ART: SubjectId = SubjectId::new(200);
const L10: LessonId = LessonId::new(10);
const L20: LessonId = LessonId::new(20);
const S7: StudentId = StudentId::new(7);
const S8: StudentId = StudentId::new(8);
const T1: TeacherId = TeacherId::new(1);
const T2: TeacherId = TeacherId::new(2);

impl AccessFacts for World {
    fn teaches_lesson(&self, teacher: TeacherId, lesson: LessonId) -> bool {
        matches!((teacher.get(), lesson.get()), (1, 10) | (2, 20))
    }
    fn lesson_class(&self, lesson: LessonId) -> Option<ClassId> {
        match lesson.get() {
            10 => Some(C5),
            20 => Some(C6),
            _ => None,
        }
    }
    fn teaches_subject_in_class(&self, t: TeacherId, c: ClassId, s: SubjectId) -> bool {
        matches!((t.get(), c.get(), s.get()), (1, 5, 100) | (2, 6, 200))
    }
    fn teaches_in_class(&self, t: TeacherId, c: ClassId) -> bool {
        matches!((t.get(), c.get()), (1, 5) | (2, 6))
    }
    fn is_class_teacher(&self, t: TeacherId, c: ClassId) -> bool {
        matches!((t.get(), c.get()), (2, 5) | (1, 6))
    }
    fn is_class_teacher_of_student(&self, t: TeacherId, s: StudentId) -> bool {
        matches!((t.get(), s.get()), (2, 7) | (1, 8))
    }
    fn is_linked_parent(&self, p: ParentId, s: StudentId) -> bool {
        matches!((p.get(), s.get()), (1, 7) | (2, 7) | (3, 8))
    }
    fn parent_access_granted(&self, p: ParentId, s: StudentId) -> bool {
        self.grants.is_granted(p, s)
    }
}

fn world() -> World {
    World {
        grants: ParentGrants::only([
            (ParentId::new(1), S7),
            (ParentId::new(3), S8),
            // a grant without a link gives nothing
            (ParentId::new(3), S7),
        ]),
    }
}

fn check(actor: Actor, action: Action, expected: Result<(), &str>) {
    let got = authorize(&world(), &actor, &action).map_err(|e| e.code());
    assert_eq!(got, expected, "{actor} / {action}");
    if let Err(e) = authorize(&world(), &actor, &action) {
        assert_eq!(e.actor(), actor);
        assert_eq!(e.action(), action);
        let message = e.to_string();
        assert!(message.contains(&actor.to_string()), "{message}");
        assert!(message.contains(&action.to_string()), "{message}");
    }
}

const OK: Result<(), &str> = Ok(());
fn no(code: &str) -> Result<(), &str> {
    Err(code)
}

fn all_actions() -> Vec<Action> {
    vec![
        Action::ReadJournal {
            class_id: C5,
            subject: MATH,
        },
        Action::WriteMark { lesson: L10 },
        Action::WriteAttendance { lesson: L10 },
        Action::EditLesson { lesson: L10 },
        Action::SetAbsenceReason { class_id: C5 },
        Action::SetPeriodMark {
            class_id: C5,
            subject: MATH,
        },
        Action::ReadDiary { student: S7 },
        Action::ReadLessonAudit { lesson: L10 },
        Action::ReadStudentAudit { student: S7 },
        Action::ReadAuthorAudit { author: T1 },
        Action::ReadClassReport { class_id: C5 },
        Action::ManageSchool,
    ]
}

#[test]
fn administrator_reads_everything_and_writes_nothing() {
    let admin = Actor::administrator(TeacherId::new(9));
    for action in all_actions() {
        let expected = match action {
            Action::WriteMark { .. }
            | Action::WriteAttendance { .. }
            | Action::EditLesson { .. }
            | Action::SetAbsenceReason { .. }
            | Action::SetPeriodMark { .. } => no("access.role_not_allowed"),
            _ => OK,
        };
        check(admin, action, expected);
    }
}

#[test]
fn teacher() {
    let t1 = Actor::teacher(T1);
    let t2 = Actor::teacher(T2);
    let journal = Action::ReadJournal {
        class_id: C5,
        subject: MATH,
    };
    check(t1, journal, OK);
    check(
        t2,
        Action::ReadJournal {
            class_id: C6,
            subject: ART,
        },
        OK,
    );
    // teacher 2 is the class teacher of 5 but acts as a subject teacher
    check(t2, journal, no("access.not_subject_teacher"));
    for write in [
        Action::WriteMark { lesson: L10 },
        Action::WriteAttendance { lesson: L10 },
        Action::EditLesson { lesson: L10 },
        Action::ReadLessonAudit { lesson: L10 },
    ] {
        check(t1, write, OK);
        check(t2, write, no("access.not_lesson_teacher"));
    }
    check(
        t1,
        Action::WriteMark {
            lesson: LessonId::new(99),
        },
        no("access.not_lesson_teacher"),
    );
    // a teacher never sets reasons, even in their own lessons' class
    check(
        t1,
        Action::SetAbsenceReason { class_id: C5 },
        no("access.role_not_allowed"),
    );
    check(
        t2,
        Action::SetAbsenceReason { class_id: C5 },
        no("access.role_not_allowed"),
    );
    let period = Action::SetPeriodMark {
        class_id: C5,
        subject: MATH,
    };
    check(t1, period, OK);
    check(t2, period, no("access.not_subject_teacher"));
    for action in [
        Action::ReadDiary { student: S7 },
        Action::ReadStudentAudit { student: S7 },
    ] {
        check(t1, action, no("access.role_not_allowed"));
        check(t2, action, no("access.role_not_allowed"));
    }
    let own = Action::ReadAuthorAudit { author: T1 };
    check(t1, own, OK);
    check(t2, own, no("access.not_own_audit"));
    let report = Action::ReadClassReport { class_id: C5 };
    check(t1, report, OK);
    check(t2, report, no("access.not_teaching_in_class"));
    check(t1, Action::ManageSchool, no("access.role_not_allowed"));
}

#[test]
fn class_teacher() {
    // teacher 2 leads class 5 and teaches in class 6; teacher 1 the reverse
    let ct2 = Actor::class_teacher(T2);
    let ct1 = Actor::class_teacher(T1);
    let journal = Action::ReadJournal {
        class_id: C5,
        subject: MATH,
    };
    check(ct2, journal, OK); // their class, any subject
    check(ct1, journal, OK); // teaches it
    check(
        ct1,
        Action::ReadJournal {
            class_id: C6,
            subject: MATH,
        },
        OK,
    ); // leads 6
    check(
        ct2,
        Action::ReadJournal {
            class_id: C6,
            subject: MATH,
        },
        no("access.not_subject_teacher"),
    );
    // writing stays with the lesson's teacher
    for write in [
        Action::WriteMark { lesson: L10 },
        Action::WriteAttendance { lesson: L10 },
        Action::EditLesson { lesson: L10 },
    ] {
        check(ct1, write, OK);
        check(ct2, write, no("access.not_lesson_teacher"));
    }
    let reason = Action::SetAbsenceReason { class_id: C5 };
    check(ct2, reason, OK);
    check(ct1, reason, no("access.not_class_teacher"));
    let period = Action::SetPeriodMark {
        class_id: C5,
        subject: MATH,
    };
    check(ct1, period, OK);
    check(ct2, period, no("access.not_subject_teacher"));
    for action in [
        Action::ReadDiary { student: S7 },
        Action::ReadStudentAudit { student: S7 },
    ] {
        check(ct2, action, OK);
        check(ct1, action, no("access.not_class_teacher"));
    }
    let lesson_audit = Action::ReadLessonAudit { lesson: L10 };
    check(ct2, lesson_audit, OK); // a lesson of their class
    check(ct1, lesson_audit, OK); // they teach it
    check(
        ct2,
        Action::ReadLessonAudit {
            lesson: LessonId::new(99),
        },
        no("access.not_lesson_teacher"),
    );
    check(
        ct1,
        Action::ReadLessonAudit { lesson: L20 },
        OK, // leads class 6
    );
    let own = Action::ReadAuthorAudit { author: T2 };
    check(ct2, own, OK);
    check(ct1, own, no("access.not_own_audit"));
    let report = Action::ReadClassReport { class_id: C5 };
    check(ct2, report, OK);
    check(ct1, report, OK);
    check(
        Actor::class_teacher(TeacherId::new(3)),
        report,
        no("access.not_teaching_in_class"),
    );
    check(ct2, Action::ManageSchool, no("access.role_not_allowed"));
}

#[test]
fn parent() {
    let linked_granted = Actor::parent(ParentId::new(1));
    let linked_not_granted = Actor::parent(ParentId::new(2));
    let granted_not_linked = Actor::parent(ParentId::new(3));
    let diary = Action::ReadDiary { student: S7 };
    check(linked_granted, diary, OK);
    check(linked_not_granted, diary, no("access.parent_not_granted"));
    check(granted_not_linked, diary, no("access.parent_not_linked"));
    check(granted_not_linked, Action::ReadDiary { student: S8 }, OK);
    for action in all_actions() {
        if !matches!(action, Action::ReadDiary { .. }) {
            check(linked_granted, action, no("access.role_not_allowed"));
        }
    }
}

#[test]
fn student() {
    let s7 = Actor::student(S7);
    check(s7, Action::ReadDiary { student: S7 }, OK);
    check(
        s7,
        Action::ReadDiary { student: S8 },
        no("access.not_own_diary"),
    );
    for action in all_actions() {
        if !matches!(action, Action::ReadDiary { .. }) {
            check(s7, action, no("access.role_not_allowed"));
        }
    }
}

#[test]
fn default_grants_follow_links_until_revoked() {
    let mut w = World {
        grants: ParentGrants::all_linked(),
    };
    let p2 = Actor::parent(ParentId::new(2));
    let diary = Action::ReadDiary { student: S7 };
    assert!(authorize(&w, &p2, &diary).is_ok());
    w.grants.revoke(ParentId::new(2), S7);
    assert_eq!(
        authorize(&w, &p2, &diary).unwrap_err().code(),
        "access.parent_not_granted"
    );
    w.grants.grant(ParentId::new(2), S7);
    assert!(authorize(&w, &p2, &diary).is_ok());
    // an explicit list starts from nothing
    let mut only = ParentGrants::only([]);
    assert!(only.is_explicit());
    assert!(!only.is_granted(ParentId::new(2), S7));
    only.grant(ParentId::new(2), S7);
    assert!(only.is_granted(ParentId::new(2), S7));
    only.revoke(ParentId::new(2), S7);
    assert!(!only.is_granted(ParentId::new(2), S7));
}

#[test]
fn actor_ids_and_serde() {
    let a = Actor::parent(ParentId::new(4));
    assert_eq!(a.parent_id(), Some(ParentId::new(4)));
    assert_eq!(a.teacher_id(), None);
    assert_eq!(a.student_id(), None);
    assert_eq!(Actor::student(S7).student_id(), Some(S7));
    assert_eq!(Actor::administrator(T1).teacher_id(), Some(T1));
    let json = serde_json::to_string(&a).unwrap();
    assert_eq!(json, r#"{"role":"parent","id":4}"#);
    assert_eq!(serde_json::from_str::<Actor>(&json).unwrap(), a);
    let action = Action::WriteMark { lesson: L10 };
    let json = serde_json::to_string(&action).unwrap();
    assert_eq!(serde_json::from_str::<Action>(&json).unwrap(), action);
    assert_eq!(Role::ALL.map(Role::as_str).join(","), {
        "administrator,teacher,class_teacher,parent,student"
    });
    let grants = ParentGrants::only([(ParentId::new(1), S7)]);
    let json = serde_json::to_string(&grants).unwrap();
    assert_eq!(serde_json::from_str::<ParentGrants>(&json).unwrap(), grants);
}

#[test]
fn messages_are_pinned() {
    let e = authorize(
        &world(),
        &Actor::parent(ParentId::new(2)),
        &Action::ReadDiary { student: S7 },
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "access denied: parent#2 may not read the diary of student#7: diary access is not granted"
    );
    let e = authorize(
        &world(),
        &Actor::class_teacher(T1),
        &Action::SetAbsenceReason { class_id: C5 },
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "access denied: teacher#1 as class teacher may not set an absence reason in class#5: not their class"
    );
}
