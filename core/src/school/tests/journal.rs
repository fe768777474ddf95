//! Journal writes: lessons, topics, homework, plans, marks, attendance.

use super::roster::refused;
use super::*;
use crate::attendance::AttendanceCode;
use crate::ids::{AttendanceId, MarkId};
use crate::marks::{MarkValue, Points, WorkTypeCode};
use crate::thematic_plan::{PlanSection, PlanTopic, ThematicPlan};

fn wt(code: &str) -> WorkTypeCode {
    WorkTypeCode::new(code).unwrap()
}

const FIVE: MarkValue = MarkValue::Points(Points::FIVE);

#[test]
fn lesson_dates_follow_the_calendar() {
    let mut s = school();
    let class = LessonGroup::Class(C5A);
    for (date, code) in [
        (d(2014, 11, 4), "calendar.lesson_on_holiday"),
        (d(2015, 1, 5), "calendar.lesson_on_holiday"),
        (d(2015, 3, 25), "calendar.lesson_on_holiday"),
        (d(2014, 8, 29), "calendar.outside_year"),
        (d(2015, 6, 1), "calendar.outside_year"),
        (d(2014, 9, 7), "calendar.day_off"),
    ] {
        refused(&mut s, code, |s| {
            s.schedule_lesson(new_lesson(date, 1, class, MATH, T_MATH))
                .map(|_| ())
        });
    }
    refused(&mut s, "calendar.unknown_slot", |s| {
        s.schedule_lesson(new_lesson(d(2014, 9, 1), 8, class, MATH, T_MATH))
            .map(|_| ())
    });
    // Saturday is a study day in the six-day week.
    assert!(
        s.schedule_lesson(new_lesson(d(2014, 9, 6), 1, class, MATH, T_MATH))
            .is_ok()
    );
}

#[test]
fn lesson_references_must_exist() {
    let mut s = school();
    let date = d(2014, 9, 1);
    for (new, code) in [
        (
            new_lesson(date, 1, LessonGroup::Class(ClassId::new(99)), MATH, T_MATH),
            "school.unknown_class",
        ),
        (
            new_lesson(
                date,
                1,
                LessonGroup::Subgroup(SubgroupId::new(99)),
                MATH,
                T_MATH,
            ),
            "school.unknown_subgroup",
        ),
        (
            new_lesson(date, 1, LessonGroup::Class(C5A), SubjectId::new(99), T_MATH),
            "school.unknown_subject",
        ),
        (
            new_lesson(date, 1, LessonGroup::Class(C5A), MATH, TeacherId::new(99)),
            "school.unknown_teacher",
        ),
    ] {
        refused(&mut s, code, |s| s.schedule_lesson(new).map(|_| ()));
    }
    let mut bad_room = new_lesson(date, 1, LessonGroup::Class(C5A), MATH, T_MATH);
    bad_room.room = Some("2\u{1}".into());
    refused(&mut s, "lesson.invalid_text", |s| {
        s.schedule_lesson(bad_room).map(|_| ())
    });
}

#[test]
fn nobody_is_booked_twice() {
    let mut s = school();
    let date = d(2014, 9, 2);
    let class = LessonGroup::Class(C5A);
    let first = s
        .schedule_lesson(new_lesson(date, 1, class, MATH, T_MATH))
        .unwrap();
    assert_eq!(first, LessonId::new(1));
    // Same class, same slot, other subject and teacher.
    refused(&mut s, "school.group_slot_taken", |s| {
        s.schedule_lesson(new_lesson(date, 1, class, RUSSIAN, T_RUS))
            .map(|_| ())
    });
    // A subgroup of the class at that time clashes with the whole class.
    refused(&mut s, "school.group_slot_taken", |s| {
        s.schedule_lesson(new_lesson(
            date,
            1,
            LessonGroup::Subgroup(G1),
            ENGLISH,
            T_ENG,
        ))
        .map(|_| ())
    });
    // Same teacher in another class at the same time.
    refused(&mut s, "school.teacher_double_booked", |s| {
        s.schedule_lesson(new_lesson(date, 1, LessonGroup::Class(C5B), MATH, T_MATH))
            .map(|_| ())
    });
    // Second shift slot 1 is 14:00–14:45, overlapping first-shift slot 7 (13:50–14:35).
    let seventh = group_lesson(&mut s, date, 7, LessonGroup::Class(C5B), MATH);
    let mut second_shift = new_lesson(date, 1, class, MATH, T_MATH);
    second_shift.shift = Shift::Second;
    let e = s.schedule_lesson(second_shift.clone()).unwrap_err();
    assert_eq!(e.code(), "school.teacher_double_booked");
    assert!(e.to_string().contains(&seventh.to_string()));
    second_shift.teacher = T_RUS;
    s.schedule_lesson(second_shift).unwrap();
    // Two subgroups of one class may have lessons at once.
    group_lesson(&mut s, date, 2, LessonGroup::Subgroup(G1), ENGLISH);
    s.schedule_lesson(new_lesson(
        date,
        2,
        LessonGroup::Subgroup(G2),
        ENGLISH,
        T_RUS,
    ))
    .unwrap();
    refused(&mut s, "school.group_slot_taken", |s| {
        s.schedule_lesson(new_lesson(date, 2, class, MATH, T_MATH))
            .map(|_| ())
    });
    refused(&mut s, "school.group_slot_taken", |s| {
        s.schedule_lesson(new_lesson(date, 2, LessonGroup::Subgroup(G1), MATH, T_MATH))
            .map(|_| ())
    });
    // Another day is free.
    s.schedule_lesson(new_lesson(d(2014, 9, 3), 1, class, MATH, T_MATH))
        .unwrap();
}

#[test]
fn topics_and_homework() {
    let mut s = school();
    let l = lesson(&mut s, d(2014, 9, 2), 1, MATH);
    let unknown = LessonId::new(99);
    refused(&mut s, "school.unknown_lesson", |s| {
        s.set_topic(unknown, "Т")
    });
    refused(&mut s, "school.unknown_lesson", |s| {
        s.set_homework(unknown, "№ 1", d(2014, 9, 3))
    });
    refused(&mut s, "school.unknown_lesson", |s| s.clear_topic(unknown));
    refused(&mut s, "school.unknown_lesson", |s| {
        s.clear_homework(unknown)
    });
    s.set_topic(l, "Натуральные числа").unwrap();
    s.set_homework(l, "№ 1–3", d(2014, 9, 2)).unwrap();
    refused(&mut s, "lesson.empty_topic", |s| s.set_topic(l, ""));
    refused(&mut s, "lesson.empty_homework", |s| {
        s.set_homework(l, " ", d(2014, 9, 3))
    });
    refused(&mut s, "lesson.homework_due_before_lesson", |s| {
        s.set_homework(l, "№ 4", d(2014, 9, 1))
    });
    let lesson = s.lesson(l).unwrap();
    assert_eq!(lesson.topic(), Some("Натуральные числа"));
    assert_eq!(lesson.homework().unwrap().due(), d(2014, 9, 2));
    s.clear_topic(l).unwrap();
    s.clear_homework(l).unwrap();
    assert!(s.lesson(l).unwrap().topic().is_none());
    assert!(s.lesson(l).unwrap().homework().is_none());
}

fn plan(hours: &[u32]) -> ThematicPlan {
    let topics = hours
        .iter()
        .enumerate()
        .map(|(i, h)| PlanTopic::new(&format!("Тема {}", i + 1), *h).unwrap())
        .collect();
    ThematicPlan::new(vec![PlanSection::new("Раздел", topics).unwrap()]).unwrap()
}

#[test]
fn attaching_a_plan_sets_topics() {
    let mut s = school();
    let days = [2, 3, 4, 5];
    let lessons: Vec<LessonId> = days
        .iter()
        .map(|&day| lesson(&mut s, d(2014, 9, day), 1, MATH))
        .collect();
    let other = lesson(&mut s, d(2014, 9, 2), 2, RUSSIAN);
    s.set_topic(lessons[3], "Старая тема").unwrap();
    s.set_topic(other, "Не трогать").unwrap();
    let report = s
        .attach_plan(LessonGroup::Class(C5A), MATH, &plan(&[2, 1]))
        .unwrap();
    assert_eq!(report.assignments.len(), 3);
    assert_eq!(report.lessons_without_topic, [lessons[3]]);
    assert!(report.topics_not_reached.is_empty());
    assert_eq!(
        (
            report.planned_hours,
            report.scheduled_lessons,
            report.difference
        ),
        (3, 4, 1)
    );
    let topics: Vec<_> = lessons
        .iter()
        .map(|l| s.lesson(*l).unwrap().topic().map(str::to_owned))
        .collect();
    assert_eq!(
        topics,
        [
            Some("Тема 1".into()),
            Some("Тема 1".into()),
            Some("Тема 2".into()),
            Some("Старая тема".into())
        ]
    );
    assert_eq!(s.lesson(other).unwrap().topic(), Some("Не трогать"));

    let report = s
        .attach_plan(LessonGroup::Class(C5A), MATH, &plan(&[3, 2]))
        .unwrap();
    assert_eq!(report.topics_not_reached.len(), 1);
    assert_eq!(report.topics_not_reached[0].hours_covered, 1);
    assert_eq!(report.difference, -1);

    refused(&mut s, "school.unknown_class", |s| {
        s.attach_plan(LessonGroup::Class(ClassId::new(99)), MATH, &plan(&[1]))
            .map(|_| ())
    });
    refused(&mut s, "school.unknown_subgroup", |s| {
        s.attach_plan(
            LessonGroup::Subgroup(SubgroupId::new(99)),
            MATH,
            &plan(&[1]),
        )
        .map(|_| ())
    });
    refused(&mut s, "school.unknown_subject", |s| {
        s.attach_plan(LessonGroup::Class(C5A), SubjectId::new(99), &plan(&[1]))
            .map(|_| ())
    });
}

#[test]
fn marks_need_an_enrolled_student() {
    let mut s = school();
    let l = lesson(&mut s, d(2014, 9, 2), 1, MATH);
    let eng = group_lesson(&mut s, d(2014, 9, 2), 2, LessonGroup::Subgroup(G1), ENGLISH);
    let answer = wt("answer");
    refused(&mut s, "school.unknown_lesson", |s| {
        s.record_mark(LessonId::new(99), sid(1), FIVE, &answer, None)
            .map(|_| ())
    });
    refused(&mut s, "school.unknown_student", |s| {
        s.record_mark(l, sid(99), FIVE, &answer, None).map(|_| ())
    });
    refused(&mut s, "mark.unknown_work_type", |s| {
        s.record_mark(l, sid(1), FIVE, &wt("nope"), None)
            .map(|_| ())
    });
    // Student 5 is in 5Б.
    refused(&mut s, "school.not_enrolled", |s| {
        s.record_mark(l, sid(5), FIVE, &answer, None).map(|_| ())
    });
    // Student 3 is in group 2.
    refused(&mut s, "school.not_in_subgroup", |s| {
        s.record_mark(eng, sid(3), FIVE, &answer, None).map(|_| ())
    });
    let m1 = s
        .record_mark(l, sid(1), FIVE, &wt("control"), None)
        .unwrap();
    let m2 = s
        .record_mark(
            l,
            sid(1),
            MarkValue::Points(Points::FOUR),
            &answer,
            Some("2.5".parse().unwrap()),
        )
        .unwrap();
    let m3 = s
        .record_mark(eng, sid(1), MarkValue::Debt, &wt("homework"), None)
        .unwrap();
    assert_eq!(
        (m1, m2, m3),
        (MarkId::new(1), MarkId::new(2), MarkId::new(3))
    );
    assert_eq!(s.mark(m1).unwrap().weight.to_string(), "3");
    assert_eq!(s.mark(m2).unwrap().weight.to_string(), "2.5");
    assert_eq!(s.marks_of_lesson(l).len(), 2);
    assert_eq!(
        s.marks_of_student(sid(1), d(2014, 9, 1), d(2014, 9, 30))
            .len(),
        3
    );
    assert!(
        s.marks_of_student(sid(1), d(2014, 9, 3), d(2014, 9, 30))
            .is_empty()
    );
}

#[test]
fn not_enrolled_on_that_day() {
    let mut s = school();
    s.add_student(Student::new(
        sid(6),
        PersonName::new("Новиков", "Олег", None).unwrap(),
        d(2003, 1, 1),
    ))
    .unwrap();
    s.enrol(Enrolment::new(sid(6), C5A, d(2014, 9, 3), Some(d(2014, 9, 4))).unwrap())
        .unwrap();
    let before = lesson(&mut s, d(2014, 9, 2), 1, MATH);
    let during = lesson(&mut s, d(2014, 9, 4), 1, MATH);
    let after = lesson(&mut s, d(2014, 9, 5), 1, MATH);
    for l in [before, after] {
        refused(&mut s, "school.not_enrolled", |s| {
            s.record_mark(l, sid(6), FIVE, &wt("answer"), None)
                .map(|_| ())
        });
        refused(&mut s, "school.not_enrolled", |s| {
            s.record_attendance(l, sid(6), AttendanceCode::Absent)
                .map(|_| ())
        });
    }
    s.record_mark(during, sid(6), FIVE, &wt("answer"), None)
        .unwrap();
    s.record_attendance(during, sid(6), AttendanceCode::Late)
        .unwrap();
}

#[test]
fn changing_and_removing_marks() {
    let mut s = school();
    let l = lesson(&mut s, d(2014, 9, 2), 1, MATH);
    let answer = wt("answer");
    let m = s
        .record_mark(
            l,
            sid(1),
            MarkValue::Points(Points::TWO),
            &answer,
            Some("2".parse().unwrap()),
        )
        .unwrap();
    // Same type, no weight: keeps the override.
    let old = s.change_mark(m, FIVE, &answer, None).unwrap();
    assert_eq!(old.value, MarkValue::Points(Points::TWO));
    assert_eq!(s.mark(m).unwrap().weight.to_string(), "2");
    // New type, no weight: the new type's default.
    s.change_mark(m, FIVE, &wt("control"), None).unwrap();
    assert_eq!(s.mark(m).unwrap().weight.to_string(), "3");
    s.change_mark(m, FIVE, &wt("control"), Some("1.5".parse().unwrap()))
        .unwrap();
    assert_eq!(s.mark(m).unwrap().weight.to_string(), "1.5");
    refused(&mut s, "school.unknown_mark", |s| {
        s.change_mark(MarkId::new(99), FIVE, &answer, None)
            .map(|_| ())
    });
    refused(&mut s, "mark.unknown_work_type", |s| {
        s.change_mark(m, FIVE, &wt("nope"), None).map(|_| ())
    });
    let removed = s.remove_mark(m).unwrap();
    assert_eq!(removed.id, m);
    assert!(s.mark(m).is_none());
    refused(&mut s, "school.unknown_mark", |s| {
        s.remove_mark(m).map(|_| ())
    });
    // Ids are not reused after a removal.
    let next = s.record_mark(l, sid(1), FIVE, &answer, None).unwrap();
    assert_eq!(next, MarkId::new(2));
}

#[test]
fn attendance_entries() {
    let mut s = school();
    let l = lesson(&mut s, d(2014, 9, 2), 1, MATH);
    let eng = group_lesson(&mut s, d(2014, 9, 2), 2, LessonGroup::Subgroup(G2), ENGLISH);
    refused(&mut s, "school.unknown_lesson", |s| {
        s.record_attendance(LessonId::new(99), sid(1), AttendanceCode::Absent)
            .map(|_| ())
    });
    refused(&mut s, "school.unknown_student", |s| {
        s.record_attendance(l, sid(99), AttendanceCode::Absent)
            .map(|_| ())
    });
    refused(&mut s, "school.not_enrolled", |s| {
        s.record_attendance(l, sid(5), AttendanceCode::Absent)
            .map(|_| ())
    });
    refused(&mut s, "school.not_in_subgroup", |s| {
        s.record_attendance(eng, sid(1), AttendanceCode::Absent)
            .map(|_| ())
    });
    let a = s
        .record_attendance(l, sid(1), AttendanceCode::Absent)
        .unwrap();
    refused(&mut s, "school.attendance_already_recorded", |s| {
        s.record_attendance(l, sid(1), AttendanceCode::Illness)
            .map(|_| ())
    });
    let old = s.change_attendance(a, AttendanceCode::Illness).unwrap();
    assert_eq!(old.code, AttendanceCode::Absent);
    assert_eq!(s.attendance_entry(a).unwrap().code, AttendanceCode::Illness);
    assert_eq!(s.attendance_of_lesson(l).len(), 1);
    assert_eq!(
        s.attendance_of_student(sid(1), d(2014, 9, 1), d(2014, 9, 2))
            .len(),
        1
    );
    refused(&mut s, "school.unknown_attendance", |s| {
        s.change_attendance(AttendanceId::new(99), AttendanceCode::Late)
            .map(|_| ())
    });
    assert_eq!(s.remove_attendance(a).unwrap().id, a);
    refused(&mut s, "school.unknown_attendance", |s| {
        s.remove_attendance(a).map(|_| ())
    });
    // After removal a new entry may be recorded.
    let again = s
        .record_attendance(l, sid(1), AttendanceCode::Late)
        .unwrap();
    assert_eq!(again, AttendanceId::new(2));
}

#[test]
fn lesson_lists() {
    let mut s = school();
    let a = lesson(&mut s, d(2014, 9, 3), 2, MATH);
    let b = lesson(&mut s, d(2014, 9, 3), 1, RUSSIAN);
    let c = lesson(&mut s, d(2014, 9, 2), 3, MATH);
    let g = group_lesson(&mut s, d(2014, 9, 2), 1, LessonGroup::Subgroup(G1), ENGLISH);
    let other = group_lesson(&mut s, d(2014, 9, 2), 2, LessonGroup::Class(C5B), MATH);
    let ids = |v: Vec<crate::lesson::Lesson>| v.iter().map(|l| l.id()).collect::<Vec<_>>();
    let all = ids(s.lessons_of_class(C5A, d(2014, 9, 1), d(2014, 9, 30)));
    assert_eq!(all, [g, c, b, a]);
    assert_eq!(
        ids(s.lessons_of_class_subject(C5A, MATH, d(2014, 9, 1), d(2014, 9, 30))),
        [c, a]
    );
    assert_eq!(
        ids(s.lessons_of_class_subject(C5A, MATH, d(2014, 9, 3), d(2014, 9, 3))),
        [a]
    );
    assert_eq!(
        ids(s.lessons_of_teacher(T_MATH, d(2014, 9, 1), d(2014, 9, 30))),
        [other, c, a]
    );
    assert_eq!(
        ids(s.lessons_of_student(sid(3), d(2014, 9, 1), d(2014, 9, 30))),
        [c, b, a]
    );
    assert_eq!(
        ids(s.lessons_of_student(sid(1), d(2014, 9, 1), d(2014, 9, 30))),
        [g, c, b, a]
    );
    assert_eq!(
        ids(s.lessons_of_student(sid(5), d(2014, 9, 1), d(2014, 9, 30))),
        [other]
    );
}
