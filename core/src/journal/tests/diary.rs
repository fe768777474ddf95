//! Diary tests: a week's days and lessons, overdue work, subjects with
//! averages and period marks, and who may read it.

use chrono::NaiveTime;

use super::super::*;
use super::fixture::*;
use crate::attendance::AttendanceCode;
use crate::journal::OverdueKind;
use crate::lesson::Homework;
use crate::marks::{MarkValue, Points};

/// Student 1: mathematics 5 (answer, Mon), 4 (control ×3, Tue), 5 (answer,
/// Wed) and a debt (homework, Wed); Russian 3 and late on Monday. Student
/// 2: mathematics 2 and the independent work. Student 3: exempt on Monday.
fn week_fixture() -> (Journal, Lessons) {
    let (mut j, l) = fixture();
    let t1 = by(Actor::teacher(T1));
    let t2 = by(Actor::teacher(T2));
    j.set_topic(&t1, l.math_mon, Some("Натуральные числа"))
        .unwrap();
    j.set_homework(
        &t1,
        l.math_mon,
        Some(Homework::new("№ 12, 15", d(9, 16)).unwrap()),
    )
    .unwrap();
    j.assign_work(&t1, l.math_mon, &wt("independent"), Some(d(9, 16)))
        .unwrap();
    for (lesson, value, kind) in [
        (l.math_mon, p(5), "answer"),
        (l.math_tue, p(4), "control"),
        (l.math_wed, p(5), "answer"),
        (l.math_wed, MarkValue::Debt, "homework"),
    ] {
        j.record_mark(&t1, lesson, student(1), value, &wt(kind), None)
            .unwrap();
    }
    j.record_mark(&t1, l.math_mon, student(2), p(2), &wt("answer"), None)
        .unwrap();
    j.record_mark(&t1, l.math_mon, student(2), p(4), &wt("independent"), None)
        .unwrap();
    j.set_attendance(&t1, l.math_mon, student(3), Some(AttendanceCode::Exempt))
        .unwrap();
    j.record_mark(&t2, l.russian_mon, student(1), p(3), &wt("answer"), None)
        .unwrap();
    j.set_attendance(&t2, l.russian_mon, student(1), Some(AttendanceCode::Late))
        .unwrap();
    j.record_mark(
        &by(Actor::teacher(T4)),
        l.english_g2,
        student(3),
        p(5),
        &wt("answer"),
        None,
    )
    .unwrap();
    j.record_mark(&t2, l.russian_5b, student(5), p(5), &wt("answer"), None)
        .unwrap();
    (j, l)
}

#[test]
fn a_week_of_lessons() {
    let (j, l) = week_fixture();
    let week = j
        .diary_week(&Actor::student(student(1)), student(1), d(9, 17), d(9, 20))
        .unwrap();
    assert_eq!(week.monday, d(9, 15));
    assert_eq!(week.class_id, Some(C5A));
    assert_eq!(week.term.map(|t| t.to_string()).as_deref(), Some("Q1"));
    assert_eq!(week.student_name.last(), "Алексеев");
    let dates: Vec<_> = week.days.iter().map(|d| d.date).collect();
    assert_eq!(dates, (15..=20).map(|day| d(9, day)).collect::<Vec<_>>());
    let monday: Vec<_> = week.days[0].lessons.iter().map(|l| l.lesson).collect();
    // English group 2 and 5Б's Russian are not this student's
    assert_eq!(monday, vec![l.math_mon, l.russian_mon, l.english_g1]);
    let math = &week.days[0].lessons[0];
    assert_eq!(math.slot, 1);
    assert_eq!(math.start, NaiveTime::from_hms_opt(8, 0, 0));
    assert_eq!(math.end, NaiveTime::from_hms_opt(8, 45, 0));
    assert_eq!(math.subject_name, "Математика");
    assert_eq!(math.teacher_name, "Сидорова М. И.");
    assert_eq!(math.room.as_deref(), Some("21"));
    assert_eq!(math.topic.as_deref(), Some("Натуральные числа"));
    assert_eq!(math.homework.as_ref().map(|h| h.due()), Some(d(9, 16)));
    assert_eq!(math.marks.len(), 1);
    assert_eq!(math.marks[0].value, p(5));
    assert_eq!(math.marks[0].work_type_name, "Ответ на уроке");
    assert_eq!(math.attendance, None);
    assert_eq!(
        week.days[0].lessons[1].attendance,
        Some(AttendanceCode::Late)
    );
    let wednesday = &week.days[2].lessons[0];
    assert_eq!(wednesday.marks.len(), 2);
    let tuesday = &week.days[1].lessons[0];
    assert_eq!(tuesday.marks[0].weight.to_string(), "3");
    assert!(week.days[3..].iter().all(|d| d.lessons.is_empty()));
    assert!(week.days.iter().all(|d| d.holiday.is_none()));
}

#[test]
fn subjects_with_averages_and_class_average() {
    let (mut j, _) = week_fixture();
    let week = j
        .diary_week(
            &Actor::parent(ParentId::new(1)),
            student(1),
            d(9, 15),
            d(9, 20),
        )
        .unwrap();
    let names: Vec<_> = week
        .subjects
        .iter()
        .map(|s| s.subject_name.as_str())
        .collect();
    assert_eq!(names, ["Английский язык", "Математика", "Русский язык"]);
    let math = &week.subjects[1];
    // (5 + 4×3 + 5) / 5 = 4.40 with three marks: a 4
    assert_eq!(math.average, Some("4.40".parse().unwrap()));
    assert_eq!(math.marks_counted, 3);
    assert_eq!(math.period_mark, PeriodMark::Mark(Points::FOUR));
    assert_eq!(math.final_mark, None);
    // class: student 1's 22 / 5 and student 2's (2 + 4×1.5) / 2.5: 30 / 7.5
    assert_eq!(math.class_average, Some("4.00".parse().unwrap()));
    let english = &week.subjects[0];
    assert_eq!(english.average, None);
    assert_eq!(english.period_mark, PeriodMark::NotAttested);
    // group 2's 5 counts for the class
    assert_eq!(english.class_average, Some("5.00".parse().unwrap()));
    let russian = &week.subjects[2];
    assert_eq!(russian.average, Some("3.00".parse().unwrap()));
    // 5Б's marks are not 5А's
    assert_eq!(russian.class_average, Some("3.00".parse().unwrap()));
    // a final mark shows beside the computed one
    j.set_final_mark(
        &by(Actor::teacher(T1)),
        student(1),
        MATH,
        q("Q1"),
        Some(PeriodMark::Mark(Points::FIVE)),
    )
    .unwrap();
    let week = j
        .diary_week(&ADMIN, student(1), d(9, 15), d(9, 20))
        .unwrap();
    assert_eq!(
        week.subjects[1].final_mark,
        Some(PeriodMark::Mark(Points::FIVE))
    );
    assert_eq!(week.subjects[1].period_mark, PeriodMark::Mark(Points::FOUR));
}

#[test]
fn overdue_work() {
    let (j, l) = week_fixture();
    let overdue = |s: u32, today| {
        j.diary_week(&ADMIN, student(s), d(9, 15), today)
            .unwrap()
            .overdue
    };
    let one = overdue(1, d(9, 20));
    assert_eq!(one.len(), 2);
    assert_eq!(one[0].kind, OverdueKind::Missing);
    assert_eq!(one[0].lesson, l.math_mon);
    assert_eq!(one[0].work_type.as_str(), "independent");
    assert_eq!(one[0].work_type_name, "Самостоятельная работа");
    assert_eq!(one[0].due, d(9, 16));
    assert_eq!(one[0].subject_name, "Математика");
    assert_eq!(one[1].kind, OverdueKind::Debt);
    assert_eq!(one[1].lesson, l.math_wed);
    assert_eq!(one[1].work_type.as_str(), "homework");
    // on the due date nothing is overdue yet; the debt counts from its lesson
    let early = overdue(1, d(9, 16));
    assert!(early.is_empty(), "{early:?}");
    let wednesday = overdue(1, d(9, 17));
    assert_eq!(wednesday.len(), 2);
    // student 2 handed it in, student 3 was exempt, student 4 owes it
    assert!(overdue(2, d(9, 20)).is_empty());
    assert!(overdue(3, d(9, 20)).is_empty());
    assert_eq!(overdue(4, d(9, 20)).len(), 1);
}

#[test]
fn who_may_read_a_diary() {
    let (mut j, _) = week_fixture();
    let read = |j: &Journal, actor: Actor| {
        j.diary_week(&actor, student(1), d(9, 15), d(9, 20))
            .map(|_| ())
            .map_err(|e| e.code())
    };
    assert_eq!(read(&j, Actor::student(student(1))), Ok(()));
    assert_eq!(read(&j, Actor::parent(ParentId::new(1))), Ok(()));
    assert_eq!(read(&j, Actor::parent(ParentId::new(2))), Ok(()));
    assert_eq!(read(&j, Actor::class_teacher(T1)), Ok(()));
    assert_eq!(read(&j, ADMIN), Ok(()));
    assert_eq!(
        read(&j, Actor::student(student(2))),
        Err("access.not_own_diary")
    );
    assert_eq!(
        read(&j, Actor::parent(ParentId::new(5))),
        Err("access.parent_not_linked")
    );
    assert_eq!(read(&j, Actor::teacher(T1)), Err("access.role_not_allowed"));
    assert_eq!(
        read(&j, Actor::class_teacher(T2)),
        Err("access.not_class_teacher")
    );
    // once the registry feeds grants, a linked parent without one is refused
    j.set_parent_grants(
        &by(ADMIN),
        ParentGrants::only([(ParentId::new(2), student(1))]),
    )
    .unwrap();
    assert_eq!(
        read(&j, Actor::parent(ParentId::new(1))),
        Err("access.parent_not_granted")
    );
    assert_eq!(read(&j, Actor::parent(ParentId::new(2))), Ok(()));
    // revoking consent takes it away
    let mut grants = j.parent_grants().clone();
    grants.revoke(ParentId::new(2), student(1));
    j.set_parent_grants(&by(ADMIN), grants).unwrap();
    assert_eq!(
        read(&j, Actor::parent(ParentId::new(2))),
        Err("access.parent_not_granted")
    );
    let e = j
        .diary_week(&ADMIN, student(99), d(9, 15), d(9, 20))
        .unwrap_err();
    assert_eq!(e.code(), "school.unknown_student");
}

#[test]
fn holidays_and_weeks_outside_terms() {
    let (j, _) = week_fixture();
    let week = j
        .diary_week(&ADMIN, student(1), d(11, 5), d(11, 5))
        .unwrap();
    assert_eq!(week.monday, d(11, 3));
    assert!(week.days[0].holiday.is_some());
    assert!(week.days[1].holiday.is_some());
    assert_eq!(week.term.map(|t| t.to_string()).as_deref(), Some("Q2"));
    let winter = j.diary_week(&ADMIN, student(1), d(1, 5), d(1, 5)).unwrap();
    assert_eq!(winter.term, None);
    assert!(winter.subjects.is_empty());
    assert!(winter.days.iter().all(|d| d.lessons.is_empty()));
}

#[test]
fn a_first_grader_s_week_follows_the_grade_s_calendar() {
    use crate::calendar::SchoolYear;
    use crate::ids::{ClassId, SchoolId};
    use crate::organisation::{Class, ClassName, Enrolment, SchoolInfo, Student};
    let mut school = crate::school::School::new(
        SchoolInfo::new(SchoolId::new(1), "Школа").unwrap(),
        SchoolYear::russian_2014_2015(),
    );
    let first = ClassId::new(1);
    school
        .add_class(Class::new(first, ClassName::parse("1А").unwrap(), None))
        .unwrap();
    let pupil = student(1);
    school
        .add_student(Student::new(pupil, name("Орлов", "Пётр"), d(1, 2)))
        .unwrap();
    school
        .enrol(Enrolment::new(pupil, first, d(9, 1), None).unwrap())
        .unwrap();
    let journal = Journal::new(school);
    let me = Actor::student(pupil);
    let on = |m, day| chrono::NaiveDate::from_ymd_opt(2015, m, day).unwrap();
    // A five-day week: no Saturday.
    let week = journal
        .diary_week(&me, pupil, on(1, 19), on(1, 19))
        .unwrap();
    assert_eq!(week.days.len(), 5);
    assert!(week.days.iter().all(|d| d.holiday.is_none()));
    // The extra February week is grade 1's break.
    let week = journal.diary_week(&me, pupil, on(2, 9), on(2, 9)).unwrap();
    assert_eq!(week.days.len(), 5);
    assert!(week.days.iter().all(|d| d.holiday.is_some()));
}
