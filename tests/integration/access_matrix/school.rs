//! The one small school of the access matrix, built through the public
//! API: a roster with every relation the matrix names, a few journal
//! records (so there is something to change, remove and audit) and the
//! applications in every state, decided by the specialist through the
//! handle.
//!
//! | who | what |
//! |---|---|
//! | teacher 1 | mathematics in 5А (lesson L1) |
//! | teacher 2 | Russian in 5А (L2) |
//! | teacher 3 | class teacher of 5А; mathematics in 9А (L3) |
//! | teacher 4 | class teacher of 9А; Russian in 9А (L4) |
//! | teacher 9 | the school specialist (administrator) |
//! | students 1, 2 | 5А, born 2004 |
//! | student 3 | 9А, 14 since March 2014, own application approved |
//! | student 4 | 9А, turns 14 on 15.10.2014 (the matrix's "today") |
//! | student 9 | not enrolled anywhere (for `enrol`) |
//! | parent 1 | of student 1: approved 12.09, credentials issued 13.09 |
//! | parent 2 | of student 1: approved 12.09, consent revoked 01.10 |
//! | parent 3 | of student 1: registered and rejected 12.09 |
//! | parent 4 | of student 2: registered 12.09, not decided |
//! | parent 5 | of student 3: submitted 10.09 only |
//! | parent 6 | of student 2: no application |

use chrono::{NaiveDate, NaiveDateTime};
use zhurnal::access::Actor;
use zhurnal::applications::{Applicant, Consent, ConsentChannel, ContactDetails};
use zhurnal::attendance::AttendanceCode;
use zhurnal::audit::Edit;
use zhurnal::calendar::{SchoolYear, Shift};
use zhurnal::credentials::HashParams;
use zhurnal::handle::SchoolHandle;
use zhurnal::ids::{
    ApplicationId, ClassId, LessonId, MarkId, ParentId, PlanTaskId, SchoolId, StudentId,
    SubgroupId, SubjectId, TeacherId,
};
use zhurnal::lesson::{LessonGroup, NewLesson};
use zhurnal::marks::{MarkValue, Points, WorkTypeCode};
use zhurnal::organisation::{
    Class, ClassName, Enrolment, Parent, ParentLink, PersonName, RelationKind, SchoolInfo, Student,
    Subgroup, Subject, Teacher,
};
use zhurnal::school::School;

pub(crate) const ADMIN: TeacherId = TeacherId::new(9);
pub(crate) const T1: TeacherId = TeacherId::new(1);
pub(crate) const T2: TeacherId = TeacherId::new(2);
pub(crate) const T3: TeacherId = TeacherId::new(3);
pub(crate) const T4: TeacherId = TeacherId::new(4);
pub(crate) const C5A: ClassId = ClassId::new(1);
pub(crate) const C9A: ClassId = ClassId::new(2);
pub(crate) const MATH: SubjectId = SubjectId::new(1);
pub(crate) const RUSSIAN: SubjectId = SubjectId::new(2);
pub(crate) const S1: StudentId = StudentId::new(1);
pub(crate) const S2: StudentId = StudentId::new(2);
pub(crate) const S3: StudentId = StudentId::new(3);
pub(crate) const S4: StudentId = StudentId::new(4);
pub(crate) const S9: StudentId = StudentId::new(9);
pub(crate) const P1: ParentId = ParentId::new(1);
pub(crate) const P2: ParentId = ParentId::new(2);
pub(crate) const P3: ParentId = ParentId::new(3);
pub(crate) const P4: ParentId = ParentId::new(4);
pub(crate) const P5: ParentId = ParentId::new(5);
pub(crate) const P6: ParentId = ParentId::new(6);
pub(crate) const SG1: SubgroupId = SubgroupId::new(1);

pub(crate) fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2014, m, day).unwrap()
}

pub(crate) fn at(date: NaiveDate) -> NaiveDateTime {
    date.and_hms_opt(10, 0, 0).unwrap()
}

/// The date of the matrix's requests: student 4's 14th birthday.
pub(crate) fn today() -> NaiveDate {
    d(10, 15)
}

pub(crate) fn name(last: &str, first: &str) -> PersonName {
    PersonName::new(last, first, None).unwrap()
}

pub(crate) fn consent(on: NaiveDate) -> Consent {
    Consent {
        given_on: on,
        channel: ConsentChannel::InPerson,
        contacts: ContactDetails::new(Some("+7 928 000-00-00"), None).unwrap(),
    }
}

/// The base school and the ids its records got.
#[derive(Clone)]
pub(crate) struct Fixture {
    pub(crate) handle: SchoolHandle,
    pub(crate) l1: LessonId,
    pub(crate) l2: LessonId,
    pub(crate) l3: LessonId,
    pub(crate) m1: MarkId,
    pub(crate) m3: MarkId,
    /// Parent 1's, approved and issued.
    pub(crate) a1: ApplicationId,
    /// Parent 4's, registered.
    pub(crate) a4: ApplicationId,
    /// Parent 5's, submitted.
    pub(crate) a5: ApplicationId,
    /// Student 3's own, approved, no credentials yet.
    pub(crate) a7: ApplicationId,
    /// A task of the plan done by hand, not yet done.
    pub(crate) task: PlanTaskId,
}

fn roster() -> (School, [LessonId; 4]) {
    let info = SchoolInfo::new(SchoolId::new(17), "Гимназия № 17").unwrap();
    let mut school = School::new(info, SchoolYear::russian_2014_2015());
    for (id, last) in [(T1, "Сидорова"), (T2, "Кузнецова"), (T3, "Белова")] {
        school
            .add_teacher(Teacher::new(id, name(last, "Мария")))
            .unwrap();
    }
    for (id, last) in [(T4, "Громова"), (ADMIN, "Завьялова")] {
        school
            .add_teacher(Teacher::new(id, name(last, "Ольга")))
            .unwrap();
    }
    for (id, full, short) in [
        (MATH, "Математика", "Матем."),
        (RUSSIAN, "Русский язык", "Рус."),
    ] {
        school
            .add_subject(Subject::new(id, full, short).unwrap())
            .unwrap();
    }
    for (id, class, lead) in [(C5A, "5А", T3), (C9A, "9А", T4)] {
        let class = Class::new(id, ClassName::parse(class).unwrap(), Some(lead));
        school.add_class(class).unwrap();
    }
    let students = [
        (S1, "Орлов", "Пётр", (2004, 3, 10), Some(C5A)),
        (S2, "Зайцева", "Вера", (2004, 6, 1), Some(C5A)),
        (S3, "Щукин", "Глеб", (2000, 3, 1), Some(C9A)),
        (S4, "Лебедева", "Дарья", (2000, 10, 15), Some(C9A)),
        (S9, "Новиков", "Иван", (2004, 5, 5), None),
    ];
    for (id, last, first, (y, m, day), class) in students {
        let born = NaiveDate::from_ymd_opt(y, m, day).unwrap();
        school
            .add_student(Student::new(id, name(last, first), born))
            .unwrap();
        if let Some(class) = class {
            school
                .enrol(Enrolment::new(id, class, d(9, 1), None).unwrap())
                .unwrap();
        }
    }
    let parents = [
        (P1, "Орлова", "Анна", S1, RelationKind::Mother),
        (P2, "Орлов", "Олег", S1, RelationKind::Father),
        (P3, "Орлова", "Нина", S1, RelationKind::Guardian),
        (P4, "Зайцева", "Инна", S2, RelationKind::Mother),
        (P5, "Щукина", "Ирина", S3, RelationKind::Mother),
        (P6, "Зайцев", "Павел", S2, RelationKind::Father),
    ];
    for (id, last, first, child, relation) in parents {
        let parent = Parent::new(id, name(last, first), None, None).unwrap();
        school.add_parent(parent).unwrap();
        let link = ParentLink {
            parent: id,
            student: child,
            relation,
        };
        school.link_parent(link).unwrap();
    }
    let mut lessons = [LessonId::new(0); 4];
    let plan = [
        (C5A, MATH, T1),
        (C5A, RUSSIAN, T2),
        (C9A, MATH, T3),
        (C9A, RUSSIAN, T4),
    ];
    for (i, (class, subject, teacher)) in plan.into_iter().enumerate() {
        let new = NewLesson {
            date: d(9, 15),
            shift: Shift::First,
            slot: u8::try_from(i % 2 + 1).unwrap(),
            group: LessonGroup::Class(class),
            subject,
            teacher,
            room: None,
        };
        lessons[i] = school.schedule_lesson(new).unwrap();
    }
    (school, lessons)
}

fn edit(actor: Actor, date: NaiveDate) -> Edit {
    Edit::new(actor, at(date))
}

fn apply(h: &mut SchoolHandle, parent: ParentId, child: StudentId) -> ApplicationId {
    let by = edit(Actor::parent(parent), d(9, 10));
    h.submit_application(&by, Applicant::Parent(parent), child, consent(d(9, 10)))
        .unwrap()
}

/// Builds the base school (see the module documentation).
pub(crate) fn fixture() -> Fixture {
    let (school, [l1, l2, l3, _l4]) = roster();
    let mut h = SchoolHandle::new(school).unwrap();
    let admin = |date| edit(Actor::administrator(ADMIN), date);
    h.set_hash_params(&admin(d(9, 1)), HashParams::light())
        .unwrap();
    let subgroup = Subgroup::new(SG1, C5A, "1 группа").unwrap();
    h.journal_mut()
        .unwrap()
        .add_subgroup(&admin(d(9, 1)), subgroup)
        .unwrap();
    let answer = WorkTypeCode::new("answer").unwrap();
    let mut mark = |teacher, lesson, student, value| {
        let by = edit(Actor::teacher(teacher), d(9, 15));
        let value = MarkValue::Points(Points::new(value).unwrap());
        let j = h.journal_mut().unwrap();
        j.record_mark(&by, lesson, student, value, &answer, None)
            .unwrap()
    };
    let m1 = mark(T1, l1, S1, 4);
    let m3 = mark(T3, l3, S3, 5);
    for (teacher, lesson, student) in [(T1, l1, S2), (T3, l3, S4)] {
        let by = edit(Actor::teacher(teacher), d(9, 15));
        let absent = Some(AttendanceCode::Absent);
        let j = h.journal_mut().unwrap();
        j.set_attendance(&by, lesson, student, absent).unwrap();
    }
    let a1 = apply(&mut h, P1, S1);
    let a2 = apply(&mut h, P2, S1);
    let a3 = apply(&mut h, P3, S1);
    let a4 = apply(&mut h, P4, S2);
    let a5 = apply(&mut h, P5, S3);
    let by_s3 = edit(Actor::student(S3), d(9, 11));
    let a7 = h
        .submit_application(&by_s3, Applicant::Student(S3), S3, consent(d(9, 11)))
        .unwrap();
    for (id, number) in [(a1, "1/2014"), (a2, "2/2014"), (a3, "3/2014")] {
        h.register_application(&admin(d(9, 12)), id, number)
            .unwrap();
    }
    for (id, number) in [(a4, "4/2014"), (a7, "7/2014")] {
        h.register_application(&admin(d(9, 12)), id, number)
            .unwrap();
    }
    for id in [a1, a2, a7] {
        h.approve_application(&admin(d(9, 12)), id).unwrap();
    }
    h.reject_application(&admin(d(9, 12)), a3, "заявление заполнено не полностью")
        .unwrap();
    h.issue_credentials(&admin(d(9, 13)), a1).unwrap();
    h.revoke_consent(&edit(Actor::parent(P2), d(10, 1)), a2)
        .unwrap();
    let task = h
        .plan()
        .tasks()
        .into_iter()
        .find(|t| t.target().is_none())
        .map(|t| t.id())
        .unwrap();
    Fixture {
        handle: h,
        l1,
        l2,
        l3,
        m1,
        m3,
        a1,
        a4,
        a5,
        a7,
        task,
    }
}
