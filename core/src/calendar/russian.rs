//! The default calendar: the Russian school year 2014/2015.

use chrono::{NaiveDate, NaiveTime};

use super::{GradeSet, Holiday, LessonSlot, SchoolYear, Shift, StudyWeek, Term, TermScheme};

/// A date from constant parts; every call below is a real date (checked by
/// the tests), the fallback only keeps this function total.
const fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(date) => date,
        None => NaiveDate::MIN,
    }
}

/// A time from constant parts; see [`date`].
const fn time(h: u32, m: u32) -> NaiveTime {
    match NaiveTime::from_hms_opt(h, m, 0) {
        Some(time) => time,
        None => NaiveTime::MIN,
    }
}

/// The quarters of 2014/15: (number, start, end).
const QUARTERS: [(u8, NaiveDate, NaiveDate); 4] = [
    (1, date(2014, 9, 1), date(2014, 10, 31)),
    (2, date(2014, 11, 1), date(2014, 12, 31)),
    (3, date(2015, 1, 12), date(2015, 3, 22)),
    (4, date(2015, 3, 30), date(2015, 5, 31)),
];

/// The breaks (каникулы) of every grade, 30 calendar days in all
/// (СанПиН 2.4.2.2821-10, п. 10.3: at least 30), placed at the ends of
/// the quarters: autumn 01–09.11.2014 (9 days), winter
/// 29.12.2014–11.01.2015 (14), spring 23–29.03.2015 (7).
const BREAKS: [(&str, NaiveDate, NaiveDate); 3] = [
    ("Осенние каникулы", date(2014, 11, 1), date(2014, 11, 9)),
    ("Зимние каникулы", date(2014, 12, 29), date(2015, 1, 11)),
    ("Весенние каникулы", date(2015, 3, 23), date(2015, 3, 29)),
];

/// The additional week of holidays of grade 1 in February (СанПиН
/// 2.4.2.2821-10, п. 10.10).
const FIRST_GRADE_BREAK: (&str, NaiveDate, NaiveDate) = (
    "Дополнительные каникулы для 1 классов",
    date(2015, 2, 9),
    date(2015, 2, 15),
);

/// Public holidays, with the days off transferred by the government's
/// decree for 2014 and 2015.
const PUBLIC_HOLIDAYS: [(&str, NaiveDate, NaiveDate); 9] = [
    (
        "День народного единства (перенос выходного)",
        date(2014, 11, 3),
        date(2014, 11, 3),
    ),
    (
        "День народного единства",
        date(2014, 11, 4),
        date(2014, 11, 4),
    ),
    (
        "Новогодние каникулы и Рождество Христово",
        date(2015, 1, 1),
        date(2015, 1, 8),
    ),
    (
        "День защитника Отечества",
        date(2015, 2, 23),
        date(2015, 2, 23),
    ),
    (
        "Международный женский день (перенос выходного)",
        date(2015, 3, 9),
        date(2015, 3, 9),
    ),
    ("Праздник Весны и Труда", date(2015, 5, 1), date(2015, 5, 1)),
    (
        "Праздник Весны и Труда (перенос выходного)",
        date(2015, 5, 4),
        date(2015, 5, 4),
    ),
    ("День Победы", date(2015, 5, 9), date(2015, 5, 9)),
    (
        "День Победы (перенос выходного)",
        date(2015, 5, 11),
        date(2015, 5, 11),
    ),
];

/// The bell schedule: (shift, number, start, end).
const SLOTS: [(Shift, u8, NaiveTime, NaiveTime); 13] = [
    (Shift::First, 1, time(8, 0), time(8, 45)),
    (Shift::First, 2, time(8, 55), time(9, 40)),
    (Shift::First, 3, time(10, 0), time(10, 45)),
    (Shift::First, 4, time(11, 5), time(11, 50)),
    (Shift::First, 5, time(12, 0), time(12, 45)),
    (Shift::First, 6, time(12, 55), time(13, 40)),
    (Shift::First, 7, time(13, 50), time(14, 35)),
    (Shift::Second, 1, time(14, 0), time(14, 45)),
    (Shift::Second, 2, time(14, 55), time(15, 40)),
    (Shift::Second, 3, time(15, 50), time(16, 35)),
    (Shift::Second, 4, time(16, 45), time(17, 30)),
    (Shift::Second, 5, time(17, 40), time(18, 25)),
    (Shift::Second, 6, time(18, 35), time(19, 20)),
];

impl SchoolYear {
    /// The default calendar: the Russian school year 2014/2015, 01.09.2014 –
    /// 31.05.2015, in quarters, following СанПиН 2.4.2.2821-10
    /// (пп. 10.3 and 10.10):
    ///
    /// | term | start | end |
    /// |---|---|---|
    /// | Q1 «1 четверть» | 2014-09-01 | 2014-10-31 |
    /// | Q2 «2 четверть» | 2014-11-01 | 2014-12-31 |
    /// | Q3 «3 четверть» | 2015-01-12 | 2015-03-22 |
    /// | Q4 «4 четверть» | 2015-03-30 | 2015-05-31 |
    ///
    /// Breaks for every grade, 30 days in all: autumn 01–09.11.2014,
    /// winter 29.12.2014–11.01.2015, spring 23–29.03.2015; for grade 1 also
    /// the additional week 09–15.02.2015. Public holidays with the
    /// transferred days off (03.11 and 04.11.2014; 01–08.01.2015; 23.02;
    /// 09.03; 01.05; 04.05; 09.05; 11.05.2015). A six-day week, a five-day
    /// week for grade 1. Bell schedule: seven 45-minute lessons of the
    /// first shift from 08:00, six of the second shift from 14:00.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use zhurnal::calendar::{SchoolYear, StudyWeek};
    /// let year = SchoolYear::russian_2014_2015();
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// let codes: Vec<String> = year.terms().iter().map(|t| t.code().to_string()).collect();
    /// assert_eq!(codes, ["Q1", "Q2", "Q3", "Q4"]);
    /// assert!(!year.is_school_day(d(2015, 5, 11)));
    /// assert!(!year.is_school_day(d(2014, 11, 5))); // autumn break
    /// assert_eq!(year.study_week_for(1), StudyWeek::FiveDays);
    /// assert!(!year.is_school_day_for(1, d(2015, 2, 10)) && year.is_school_day_for(2, d(2015, 2, 10)));
    /// ```
    pub fn russian_2014_2015() -> SchoolYear {
        let terms = QUARTERS
            .iter()
            .filter_map(|&(number, start, end)| {
                Term::new(TermScheme::Quarters, number, start, end).ok()
            })
            .collect();
        let first_grade = GradeSet::new(&[1]).unwrap_or_default();
        let holidays = BREAKS
            .iter()
            .chain(PUBLIC_HOLIDAYS.iter())
            .filter_map(|&(name, start, end)| Holiday::new(name, start, end).ok())
            .chain(
                Holiday::new(
                    FIRST_GRADE_BREAK.0,
                    FIRST_GRADE_BREAK.1,
                    FIRST_GRADE_BREAK.2,
                )
                .ok()
                .map(|h| h.for_grades(first_grade)),
            )
            .collect();
        let slots = SLOTS
            .iter()
            .map(|&(shift, number, start, end)| LessonSlot {
                number,
                start,
                end,
                shift,
            })
            .collect();
        let mut year = SchoolYear {
            start: date(2014, 9, 1),
            end: date(2015, 5, 31),
            terms,
            holidays,
            slots,
            study_week: StudyWeek::SixDays,
            grade_weeks: [(1, StudyWeek::FiveDays)].into_iter().collect(),
        };
        year.holidays.sort_by_key(|h| (h.start(), h.end()));
        year
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Datelike;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn constants_are_real_dates() {
        for (_, s, e) in QUARTERS {
            assert_ne!(s, NaiveDate::MIN);
            assert_ne!(e, NaiveDate::MIN);
        }
        for (_, s, e) in BREAKS
            .iter()
            .chain(&PUBLIC_HOLIDAYS)
            .chain([&FIRST_GRADE_BREAK])
        {
            assert_ne!(*s, NaiveDate::MIN);
            assert_ne!(*e, NaiveDate::MIN);
        }
        for (_, _, s, e) in SLOTS {
            assert!(s < e && s != NaiveTime::MIN);
        }
    }

    #[test]
    fn passes_its_own_validation() {
        // Rebuilding through the validating constructors gives the same year.
        let y = SchoolYear::russian_2014_2015();
        assert_eq!(y.terms().len(), QUARTERS.len());
        assert_eq!(y.holidays().len(), BREAKS.len() + PUBLIC_HOLIDAYS.len() + 1);
        let mut rebuilt = SchoolYear::new(y.start(), y.end(), y.terms().to_vec()).unwrap();
        for h in y.holidays() {
            let again = Holiday::new(h.name(), h.start(), h.end()).unwrap();
            rebuilt.add_holiday(again.for_grades(h.grades())).unwrap();
        }
        for s in y.slots() {
            rebuilt.add_slot(*s).unwrap();
        }
        rebuilt.set_study_week(StudyWeek::SixDays);
        rebuilt.set_study_week_for(1, StudyWeek::FiveDays).unwrap();
        assert_eq!(rebuilt, y);
        assert_eq!(SchoolYear::default(), y);
    }

    #[test]
    fn quarters_exactly() {
        let y = SchoolYear::russian_2014_2015();
        let got: Vec<_> = y
            .terms()
            .iter()
            .map(|t| (t.code().to_string(), t.name(), t.start(), t.end()))
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    "Q1".into(),
                    "1 четверть".into(),
                    d(2014, 9, 1),
                    d(2014, 10, 31)
                ),
                (
                    "Q2".into(),
                    "2 четверть".into(),
                    d(2014, 11, 1),
                    d(2014, 12, 31)
                ),
                (
                    "Q3".into(),
                    "3 четверть".into(),
                    d(2015, 1, 12),
                    d(2015, 3, 22)
                ),
                (
                    "Q4".into(),
                    "4 четверть".into(),
                    d(2015, 3, 30),
                    d(2015, 5, 31)
                ),
            ]
        );
        assert_eq!(y.term_of(d(2014, 10, 31)).unwrap().code(), "Q1");
        assert_eq!(y.term_of(d(2014, 11, 1)).unwrap().code(), "Q2");
        assert!(y.term_of(d(2015, 1, 5)).is_none());
        assert!(y.term_of(d(2015, 3, 25)).is_none());
        assert!(y.term_of(d(2015, 6, 1)).is_none());
    }

    #[test]
    fn public_holidays_and_breaks() {
        let y = SchoolYear::russian_2014_2015();
        for day in [
            d(2014, 11, 1),
            d(2014, 11, 3),
            d(2014, 11, 4),
            d(2014, 11, 9),
            d(2014, 12, 29),
            d(2014, 12, 31),
            d(2015, 1, 1),
            d(2015, 1, 8),
            d(2015, 1, 10),
            d(2015, 2, 23),
            d(2015, 3, 9),
            d(2015, 3, 23),
            d(2015, 3, 28),
            d(2015, 5, 1),
            d(2015, 5, 4),
            d(2015, 5, 9),
            d(2015, 5, 11),
        ] {
            assert!(y.holiday_on(day).is_some(), "{day}");
            for grade in 1..=11 {
                assert_eq!(
                    y.check_school_day_for(grade, day).unwrap_err().code(),
                    "calendar.lesson_on_holiday",
                    "{day} grade {grade}"
                );
            }
        }
        // Ordinary days around them are school days.
        for day in [
            d(2014, 10, 31),
            d(2014, 11, 10),
            d(2014, 12, 26),
            d(2015, 1, 12),
            d(2015, 2, 24),
            d(2015, 5, 12),
        ] {
            assert!(y.is_school_day(day), "{day}");
            assert!(y.is_school_day_for(1, day), "{day}");
        }
        assert_eq!(y.study_week(), StudyWeek::SixDays);
        assert_eq!(y.slots().len(), 13);
    }

    #[test]
    fn breaks_last_at_least_30_days_for_every_grade() {
        // СанПиН 2.4.2.2821-10, п. 10.3: at least 30 calendar days of
        // breaks in the school year. Count the distinct days of the breaks
        // that are in the year and on which no grade has lessons.
        let y = SchoolYear::russian_2014_2015();
        let mut days: Vec<NaiveDate> = BREAKS
            .iter()
            .flat_map(|&(_, s, e)| s.iter_days().take_while(move |d| *d <= e))
            .collect();
        days.sort();
        days.dedup();
        for day in &days {
            assert!(y.holiday_on(*day).is_some(), "{day}");
            assert!((1..=11).all(|g| !y.is_school_day_for(g, *day)), "{day}");
        }
        assert!(days.len() >= 30, "{} days of breaks", days.len());
        // Each break sits at the end of a quarter: between the last school
        // day of one quarter and the first of the next there are only
        // breaks, holidays and Sundays.
        for pair in y.terms().windows(2) {
            let last = *y
                .school_days(pair[0].start(), pair[0].end())
                .last()
                .unwrap();
            let first = y.school_days(pair[1].start(), pair[1].end())[0];
            let gap = (first - last).num_days() - 1;
            assert!(
                gap >= 7,
                "{} → {}: {gap} days",
                pair[0].code(),
                pair[1].code()
            );
        }
    }

    #[test]
    fn first_grade_rules() {
        // СанПиН 2.4.2.2821-10, п. 10.10: a five-day week and an
        // additional week of holidays in February for grade 1.
        let y = SchoolYear::russian_2014_2015();
        assert_eq!(y.study_week_for(1), StudyWeek::FiveDays);
        for grade in 2..=11 {
            assert_eq!(y.study_week_for(grade), StudyWeek::SixDays);
        }
        let saturday = d(2014, 9, 6);
        assert!(y.is_school_day(saturday) && y.is_school_day_for(2, saturday));
        assert_eq!(
            y.check_school_day_for(1, saturday).unwrap_err().code(),
            "calendar.not_a_school_day_for_grade"
        );
        for day in d(2015, 2, 9).iter_days().take(7) {
            assert!(!y.is_school_day_for(1, day), "{day}");
            assert_eq!(
                y.holiday_on_for(1, day).map(Holiday::name),
                Some(FIRST_GRADE_BREAK.0)
            );
            assert!(y.holiday_on_for(2, day).is_none(), "{day}");
        }
        assert!(y.is_school_day_for(2, d(2015, 2, 9)));
        assert!(y.is_school_day_for(1, d(2015, 2, 16)));
        // Grade 1 has no Saturdays and loses the February week.
        let all = |g| y.school_days_for(g, y.start(), y.end()).len();
        let (first, second) = (all(1), all(2));
        assert!(first + 5 < second, "{first} vs {second}");
        assert!(
            y.school_days_for(1, y.start(), y.end())
                .iter()
                .all(|d| d.weekday() != chrono::Weekday::Sat)
        );
    }
}
