//! Lessons follow the calendar of their class's grade.

use super::roster::refused;
use super::*;

#[test]
fn grade_one_follows_its_own_calendar() {
    // СанПиН 2.4.2.2821-10, п. 10.10: grade 1 studies five days a week and
    // has an additional week of holidays in February; 5А does not.
    let mut s = school();
    let c1a = ClassId::new(50);
    let g1a = SubgroupId::new(50);
    s.add_class(Class::new(c1a, ClassName::parse("1А").unwrap(), None))
        .unwrap();
    s.add_subgroup(Subgroup::new(g1a, c1a, "1А, группа 1").unwrap())
        .unwrap();
    for group in [LessonGroup::Class(c1a), LessonGroup::Subgroup(g1a)] {
        for date in [d(2014, 9, 6), d(2015, 2, 9), d(2015, 2, 13), d(2015, 2, 14)] {
            refused(&mut s, "calendar.not_a_school_day_for_grade", |s| {
                s.schedule_lesson(new_lesson(date, 1, group, MATH, T_MATH))
                    .map(|_| ())
            });
        }
        // A holiday of every grade keeps its own code.
        refused(&mut s, "calendar.lesson_on_holiday", |s| {
            s.schedule_lesson(new_lesson(d(2015, 2, 23), 1, group, MATH, T_MATH))
                .map(|_| ())
        });
    }
    let e = s
        .schedule_lesson(new_lesson(
            d(2014, 9, 6),
            1,
            LessonGroup::Class(c1a),
            MATH,
            T_MATH,
        ))
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "2014-09-06 is not a school day for grade 1: Sat is a day off in its five-day week"
    );
    // The same days are school days for 5А, and the next Monday for 1А.
    for (date, slot) in [(d(2014, 9, 6), 1), (d(2015, 2, 10), 1)] {
        assert!(
            s.schedule_lesson(new_lesson(
                date,
                slot,
                LessonGroup::Class(C5A),
                MATH,
                T_MATH
            ))
            .is_ok()
        );
    }
    assert!(
        s.schedule_lesson(new_lesson(
            d(2015, 2, 16),
            1,
            LessonGroup::Class(c1a),
            RUSSIAN,
            T_RUS
        ))
        .is_ok()
    );
}
