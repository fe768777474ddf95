//! Properties of attendance summaries over any lessons: the counts add up
//! (every lesson is present, late, exempt or missed for one reason), the
//! shares stay within 0–100 and are exact to two places, whole days missed
//! are days whose every expected lesson was missed, and a class's totals
//! are the sums of its students'.

#![allow(clippy::unwrap_used)] // test code

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use rust_decimal::Decimal;
use zhurnal::attendance::AttendanceCode;
use zhurnal::attendance_summary::{AttendanceSummary, ClassAttendance, StudentLessonAttendance};
use zhurnal::ids::{LessonId, StudentId};

fn first_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2014, 9, 1).unwrap()
}

/// Lessons on days 0..120 after 1 September, each with any code or none.
fn lessons() -> impl Strategy<Value = Vec<StudentLessonAttendance>> {
    let code = prop::option::of(prop::sample::select(AttendanceCode::ALL.to_vec()));
    prop::collection::vec((0u64..120, code), 0..80).prop_map(|rows| {
        rows.into_iter()
            .enumerate()
            .map(|(i, (day, code))| StudentLessonAttendance {
                lesson: LessonId::new(u32::try_from(i).unwrap() + 1),
                date: first_day().checked_add_days(Days::new(day)).unwrap(),
                code,
            })
            .collect()
    })
}

fn in_range(share: Option<Decimal>) -> bool {
    share.is_none_or(|s| s >= Decimal::ZERO && s <= Decimal::ONE_HUNDRED && s.scale() == 2)
}

proptest! {
    #[test]
    fn a_summary_adds_up(lessons in lessons(), from in 0u64..60, len in 0u64..90) {
        let from = first_day().checked_add_days(Days::new(from)).unwrap();
        let to = from.checked_add_days(Days::new(len)).unwrap();
        let s = AttendanceSummary::of(StudentId::new(1), from, to, &lessons);
        let within: Vec<_> = lessons.iter().filter(|l| from <= l.date && l.date <= to).collect();
        let c = s.counts;
        let present = within.iter().filter(|l| l.code.is_none()).count();
        prop_assert_eq!(c.lessons as usize, within.len());
        prop_assert_eq!(c.lessons as usize, present + (c.exempt + c.late + c.missed.total()) as usize);
        prop_assert_eq!(c.expected(), c.lessons - c.exempt);
        prop_assert!(in_range(s.missed_share));
        prop_assert_eq!(s.missed_share.is_none(), c.expected() == 0);
        // Whole days missed, by a model: days with expected lessons, all missed.
        let mut days: BTreeMap<NaiveDate, (u32, u32)> = BTreeMap::new();
        for l in &within {
            if l.code == Some(AttendanceCode::Exempt) {
                continue;
            }
            let d = days.entry(l.date).or_default();
            d.0 += 1;
            if l.code.is_some_and(AttendanceCode::is_absence) {
                d.1 += 1;
            }
        }
        let whole = days.values().filter(|(expected, missed)| expected == missed).count();
        prop_assert_eq!(c.days_missed as usize, whole);
        for m in &s.flagged_months {
            prop_assert!(m.share >= Decimal::from(30) && m.share <= Decimal::ONE_HUNDRED);
            prop_assert!(m.counts.lessons <= c.lessons);
        }
    }

    #[test]
    fn a_class_is_the_sum_of_its_students(students in prop::collection::vec(lessons(), 0..8)) {
        let (from, to) = (first_day(), first_day().checked_add_days(Days::new(120)).unwrap());
        let summaries: Vec<_> = students
            .iter()
            .enumerate()
            .map(|(i, l)| AttendanceSummary::of(StudentId::new(u32::try_from(i).unwrap() + 1), from, to, l))
            .collect();
        let class = ClassAttendance::of(summaries.clone());
        let sum = |f: &dyn Fn(&AttendanceSummary) -> u32| summaries.iter().map(f).sum::<u32>();
        prop_assert_eq!(class.totals.lessons, sum(&|s| s.counts.lessons));
        prop_assert_eq!(class.totals.missed.total(), sum(&|s| s.counts.missed.total()));
        prop_assert_eq!(class.totals.days_missed, sum(&|s| s.counts.days_missed));
        prop_assert!(in_range(class.missed_share));
        let flagged: Vec<_> = summaries.iter().filter(|s| !s.flagged_months.is_empty()).map(|s| s.student).collect();
        prop_assert_eq!(class.flagged_students, flagged);
    }
}
