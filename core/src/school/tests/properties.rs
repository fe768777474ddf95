//! Property tests: the weighted average stays within the marks and does
//! not depend on their order; a randomly built school survives a snapshot
//! round trip; a refused operation never changes the school.
//!
//! Test code: helpers outside `#[test]` functions may unwrap.

use crate::attendance::AttendanceCode;
use crate::calendar::{SchoolYear, Shift};
use crate::ids::{ClassId, SchoolId, StudentId, SubgroupId, SubjectId, TeacherId};
use crate::lesson::{LessonGroup, NewLesson};
use crate::marks::{MarkValue, Points, Weight, WeightedAverage, WorkTypeCode};
use crate::organisation::{
    Class, ClassName, Enrolment, Parent, ParentLink, PersonName, RelationKind, SchoolInfo, Student,
    Subgroup, Subject, Teacher,
};
use crate::school::School;
use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A mark 1–5 and a weight of 0.1 to 100 in tenths.
fn weighted_mark() -> impl Strategy<Value = (Points, Weight)> {
    (1u8..=5, 1i64..=1000).prop_map(|(p, tenths)| {
        (
            Points::new(p).unwrap(),
            Weight::new(Decimal::new(tenths, 1)).unwrap(),
        )
    })
}

fn person(n: usize) -> PersonName {
    const LAST: [&str; 6] = [
        "Иванов",
        "Петрова",
        "Сидоров",
        "Кузнецова",
        "Орлов",
        "Попова",
    ];
    const FIRST: [&str; 4] = ["Иван", "Мария", "Пётр", "Анна"];
    PersonName::new(LAST[n % LAST.len()], FIRST[n % FIRST.len()], None).unwrap()
}

/// One school with 1 class per grade 5..5+classes, `students` students
/// spread over them, three subjects and teachers.
fn base_school(classes: u32, students: u32) -> School {
    let mut s = School::new(
        SchoolInfo::new(SchoolId::new(1), "Школа").unwrap(),
        SchoolYear::russian_2014_2015(),
    );
    for t in 1..=3u32 {
        s.add_teacher(Teacher::new(TeacherId::new(t), person(t as usize)))
            .unwrap();
        s.add_subject(Subject::new(SubjectId::new(t), &format!("Предмет {t}"), "П").unwrap())
            .unwrap();
    }
    for c in 1..=classes {
        let name = ClassName::new(4 + c as u8, "А").unwrap();
        s.add_class(Class::new(ClassId::new(c), name, Some(TeacherId::new(1))))
            .unwrap();
        s.add_subgroup(Subgroup::new(SubgroupId::new(c), ClassId::new(c), "Группа 1").unwrap())
            .unwrap();
    }
    for st in 1..=students {
        let id = StudentId::new(st);
        let class = ClassId::new(1 + st % classes);
        s.add_student(Student::new(
            id,
            person(st as usize),
            d(2003, 1 + st % 12, 1),
        ))
        .unwrap();
        s.enrol(Enrolment::new(id, class, d(2014, 9, 1), None).unwrap())
            .unwrap();
        if st % 2 == 0 {
            s.add_subgroup_member(SubgroupId::new(class.get()), id)
                .unwrap();
        }
        s.add_parent(
            Parent::new(
                crate::ids::ParentId::new(st),
                person(st as usize + 1),
                None,
                None,
            )
            .unwrap(),
        )
        .unwrap();
        s.link_parent(ParentLink {
            parent: crate::ids::ParentId::new(st),
            student: id,
            relation: RelationKind::Mother,
        })
        .unwrap();
    }
    s
}

/// Applies `op` and checks that a refusal leaves the school unchanged.
fn try_op<T>(s: &mut School, op: impl FnOnce(&mut School) -> Result<T, crate::Error>) -> Option<T> {
    let before = s.clone();
    match op(s) {
        Ok(v) => Some(v),
        Err(e) => {
            assert_eq!(*s, before, "refused {} changed the school", e.code());
            None
        }
    }
}

#[derive(Debug, Clone)]
enum Op {
    Lesson {
        day: u64,
        slot: u8,
        class: u32,
        subgroup: bool,
        subject: u32,
        teacher: u32,
    },
    Mark {
        lesson: usize,
        student: u32,
        value: u8,
        work: usize,
        weight: Option<i64>,
    },
    Attendance {
        lesson: usize,
        student: u32,
        code: usize,
    },
    RemoveMark {
        mark: usize,
    },
    Topic {
        lesson: usize,
        text: String,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (
            0u64..60,
            0u8..9,
            1u32..=3,
            any::<bool>(),
            1u32..=3,
            1u32..=3
        )
            .prop_map(
                |(day, slot, class, subgroup, subject, teacher)| Op::Lesson {
                    day,
                    slot,
                    class,
                    subgroup,
                    subject,
                    teacher
                }
            ),
        (
            0usize..40,
            1u32..=10,
            0u8..=8,
            0usize..5,
            proptest::option::of(1i64..=50)
        )
            .prop_map(|(lesson, student, value, work, weight)| Op::Mark {
                lesson,
                student,
                value,
                work,
                weight
            }),
        (0usize..40, 0u32..=12, 0usize..6).prop_map(|(lesson, student, code)| Op::Attendance {
            lesson,
            student,
            code
        }),
        (0usize..20).prop_map(|mark| Op::RemoveMark { mark }),
        (0usize..40, "[а-я ]{0,12}").prop_map(|(lesson, text)| Op::Topic { lesson, text }),
    ]
}

/// The `i`-th item, wrapping around; `None` for an empty list.
fn pick<T>(items: &[T], i: usize) -> Option<&T> {
    (!items.is_empty()).then(|| &items[i % items.len()])
}

/// Below 10: one of the students enrolled in the lesson's class that day
/// (who may still be outside its subgroup); otherwise a raw id, which
/// mostly is somebody else's student or nobody.
fn attendee(s: &School, lesson: crate::ids::LessonId, n: u32) -> StudentId {
    let l = s.lesson(lesson).unwrap();
    let class = match l.group() {
        LessonGroup::Class(c) => c,
        LessonGroup::Subgroup(g) => s.subgroup(g).unwrap().class(),
    };
    let enrolled = s.students_of_class(class, l.date());
    match pick(&enrolled, n as usize) {
        Some(&st) if n < 10 => st,
        _ => StudentId::new(n),
    }
}

const WORK: [&str; 5] = ["answer", "homework", "control", "test", "essay"];

fn build(classes: u32, students: u32, ops: &[Op]) -> School {
    let mut s = base_school(classes, students);
    let mut lessons = Vec::new();
    let mut marks = Vec::new();
    for op in ops {
        match op.clone() {
            Op::Lesson {
                day,
                slot,
                class,
                subgroup,
                subject,
                teacher,
            } => {
                let group = if subgroup {
                    LessonGroup::Subgroup(SubgroupId::new(class))
                } else {
                    LessonGroup::Class(ClassId::new(class))
                };
                let new = NewLesson {
                    date: d(2014, 9, 1) + Days::new(day),
                    shift: Shift::First,
                    slot,
                    group,
                    subject: SubjectId::new(subject),
                    teacher: TeacherId::new(teacher),
                    room: Some(format!("{}", 10 + slot)),
                };
                if let Some(id) = try_op(&mut s, |s| s.schedule_lesson(new)) {
                    lessons.push(id);
                }
            }
            Op::Mark {
                lesson,
                student,
                value,
                work,
                weight,
            } => {
                let Some(&l) = pick(&lessons, lesson) else {
                    continue;
                };
                let student = attendee(&s, l, student);
                let value = match value {
                    6 => MarkValue::Pass,
                    7 => MarkValue::Fail,
                    8 => MarkValue::Debt,
                    // 0 is out of scale: the mark is not built, the op is skipped.
                    v => match Points::new(v) {
                        Ok(p) => MarkValue::Points(p),
                        Err(_) => continue,
                    },
                };
                let weight = weight.map(|t| Weight::new(Decimal::new(t, 1)).unwrap());
                let work = WorkTypeCode::new(WORK[work]).unwrap();
                if let Some(id) =
                    try_op(&mut s, |s| s.record_mark(l, student, value, &work, weight))
                {
                    marks.push(id);
                }
            }
            Op::Attendance {
                lesson,
                student,
                code,
            } => {
                let Some(&l) = pick(&lessons, lesson) else {
                    continue;
                };
                let student = attendee(&s, l, student);
                let code = AttendanceCode::ALL[code];
                try_op(&mut s, |s| s.record_attendance(l, student, code));
            }
            Op::RemoveMark { mark } => {
                let Some(&m) = pick(&marks, mark) else {
                    continue;
                };
                try_op(&mut s, |s| s.remove_mark(m));
            }
            Op::Topic { lesson, text } => {
                let Some(&l) = pick(&lessons, lesson) else {
                    continue;
                };
                try_op(&mut s, |s| s.set_topic(l, &text));
            }
        }
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn average_within_lowest_and_highest(marks in prop::collection::vec(weighted_mark(), 1..40)) {
        let avg = WeightedAverage::of(marks.iter().copied());
        let lowest = Decimal::from(marks.iter().map(|m| m.0).min().unwrap().get());
        let highest = Decimal::from(marks.iter().map(|m| m.0).max().unwrap().get());
        let exact = avg.exact().unwrap();
        let shown = avg.shown().unwrap();
        prop_assert!(lowest <= exact && exact <= highest, "{exact} not in {lowest}..{highest}");
        prop_assert!(lowest <= shown && shown <= highest, "{shown} not in {lowest}..{highest}");
    }

    #[test]
    fn average_independent_of_order(
        (marks, shuffled) in prop::collection::vec(weighted_mark(), 1..40)
            .prop_flat_map(|v| (Just(v.clone()), Just(v).prop_shuffle()))
    ) {
        let a = WeightedAverage::of(marks.iter().copied());
        let b = WeightedAverage::of(shuffled.iter().copied());
        prop_assert_eq!(a.shown(), b.shown());
        prop_assert_eq!(a.weight_sum(), b.weight_sum());
        prop_assert_eq!(a.count(), b.count());
    }

    #[test]
    fn school_average_within_marks_and_order_free(
        (marks, order) in prop::collection::vec((1u8..=5, 0usize..5), 1..15)
            .prop_flat_map(|v| {
                let n = v.len();
                (Just(v), Just((0..n).collect::<Vec<_>>()).prop_shuffle())
            })
    ) {
        // One lesson per mark on consecutive school days of Q1.
        let build = |order: &[usize]| {
            let mut s = base_school(1, 1);
            let days = s.calendar().school_days(d(2014, 9, 1), d(2014, 10, 31));
            let lessons: Vec<_> = days.iter().take(marks.len()).map(|&date| {
                s.schedule_lesson(NewLesson {
                    date, shift: Shift::First, slot: 1,
                    group: LessonGroup::Class(ClassId::new(1)),
                    subject: SubjectId::new(1), teacher: TeacherId::new(1), room: None,
                }).unwrap()
            }).collect();
            for &i in order {
                let (v, w) = marks[i];
                s.record_mark(lessons[i], StudentId::new(1), MarkValue::Points(Points::new(v).unwrap()),
                    &WorkTypeCode::new(WORK[w]).unwrap(), None).unwrap();
            }
            s.subject_marks(StudentId::new(1), SubjectId::new(1), crate::calendar::TermCode::parse("Q1").unwrap()).unwrap()
        };
        let in_order = build(&(0..marks.len()).collect::<Vec<_>>());
        let shuffled = build(&order);
        let avg = in_order.average_shown.unwrap();
        let lo = Decimal::from(marks.iter().map(|m| m.0).min().unwrap());
        let hi = Decimal::from(marks.iter().map(|m| m.0).max().unwrap());
        prop_assert!(lo <= avg && avg <= hi);
        prop_assert_eq!(in_order.average_shown, shuffled.average_shown);
        prop_assert_eq!(in_order.period_mark, shuffled.period_mark);
    }

    #[test]
    fn snapshot_round_trip(
        classes in 1u32..=3,
        students in 1u32..=10,
        ops in prop::collection::vec(op(), 0..120),
    ) {
        let school = build(classes, students, &ops);
        let json = school.to_json().unwrap();
        let back = School::from_json(&json).unwrap();
        prop_assert_eq!(&back, &school);
        prop_assert_eq!(back.to_json().unwrap(), json);
    }
}

#[test]
fn random_schools_are_not_trivial() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let (mut lessons, mut marks, mut entries) = (0, 0, 0);
    for _ in 0..10 {
        let ops = prop::collection::vec(op(), 100..120)
            .new_tree(&mut runner)
            .unwrap()
            .current();
        let s = build(3, 10, &ops);
        let all = s
            .lessons_of_class(ClassId::new(1), d(2014, 9, 1), d(2015, 5, 31))
            .len()
            + s.lessons_of_class(ClassId::new(2), d(2014, 9, 1), d(2015, 5, 31))
                .len()
            + s.lessons_of_class(ClassId::new(3), d(2014, 9, 1), d(2015, 5, 31))
                .len();
        lessons += all;
        for st in 1..=10 {
            marks += s
                .marks_of_student(StudentId::new(st), d(2014, 9, 1), d(2015, 5, 31))
                .len();
            entries += s
                .attendance_of_student(StudentId::new(st), d(2014, 9, 1), d(2015, 5, 31))
                .len();
        }
    }
    assert!(
        lessons > 100 && marks > 30 && entries > 30,
        "{lessons} {marks} {entries}"
    );
}
