//! The default calendar: the Russian school year 2014/2015.

use chrono::{NaiveDate, NaiveTime};

use super::{Holiday, LessonSlot, SchoolYear, Shift, StudyWeek, Term, TermScheme};

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

/// Public holidays (with the days off transferred by the government's
/// decree for 2014 and 2015) and the breaks between quarters.
const HOLIDAYS: [(&str, NaiveDate, NaiveDate); 11] = [
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
    ("Зимние каникулы", date(2015, 1, 1), date(2015, 1, 11)),
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
    ("Весенние каникулы", date(2015, 3, 23), date(2015, 3, 29)),
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
    /// 31.05.2015, in quarters:
    ///
    /// | term | from | to |
    /// |---|---|---|
    /// | Q1 «1 четверть» | 2014-09-01 | 2014-10-31 |
    /// | Q2 «2 четверть» | 2014-11-01 | 2014-12-31 |
    /// | Q3 «3 четверть» | 2015-01-12 | 2015-03-22 |
    /// | Q4 «4 четверть» | 2015-03-30 | 2015-05-31 |
    ///
    /// Holidays: the public holidays of 2014/15 with the transferred days
    /// off (03.11 and 04.11.2014; 01–08.01.2015; 23.02; 09.03; 01.05;
    /// 04.05; 09.05; 11.05.2015), the winter break 01–11.01.2015 and the
    /// spring break 23–29.03.2015. A six-day week. Bell schedule: seven
    /// 45-minute lessons of the first shift from 08:00, six of the second
    /// shift from 14:00.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use zhurnal::calendar::SchoolYear;
    /// let year = SchoolYear::russian_2014_2015();
    /// let codes: Vec<String> = year.terms().iter().map(|t| t.code()).collect();
    /// assert_eq!(codes, ["Q1", "Q2", "Q3", "Q4"]);
    /// assert!(!year.is_school_day(NaiveDate::from_ymd_opt(2015, 5, 11).unwrap()));
    /// ```
    pub fn russian_2014_2015() -> SchoolYear {
        let terms = QUARTERS
            .iter()
            .map(|&(number, start, end)| Term {
                scheme: TermScheme::Quarters,
                number,
                start,
                end,
            })
            .collect();
        let holidays = HOLIDAYS
            .iter()
            .map(|&(name, start, end)| Holiday {
                name: name.to_owned(),
                start,
                end,
            })
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
        };
        year.holidays.sort_by_key(|h| (h.start, h.end));
        year
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn constants_are_real_dates() {
        for (_, s, e) in QUARTERS {
            assert_ne!(s, NaiveDate::MIN);
            assert_ne!(e, NaiveDate::MIN);
        }
        for (_, s, e) in HOLIDAYS {
            assert_ne!(s, NaiveDate::MIN);
            assert_ne!(e, NaiveDate::MIN);
        }
        for (_, _, s, e) in SLOTS {
            assert!(s < e && s != NaiveTime::MIN);
        }
    }

    #[test]
    fn passes_its_own_validation() {
        // Rebuilding through the validating constructors gives the same year.
        let y = SchoolYear::russian_2014_2015();
        let mut rebuilt = SchoolYear::new(y.start(), y.end(), y.terms().to_vec()).unwrap();
        for h in y.holidays() {
            rebuilt
                .add_holiday(Holiday::new(h.name(), h.start(), h.end()).unwrap())
                .unwrap();
        }
        for s in y.slots() {
            rebuilt.add_slot(*s).unwrap();
        }
        assert_eq!(rebuilt, y);
        assert_eq!(SchoolYear::default(), y);
    }

    #[test]
    fn quarters_exactly() {
        let y = SchoolYear::russian_2014_2015();
        let got: Vec<_> = y
            .terms()
            .iter()
            .map(|t| (t.code(), t.name(), t.start(), t.end()))
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
            d(2014, 11, 3),
            d(2014, 11, 4),
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
            assert_eq!(
                y.check_school_day(day).unwrap_err().code(),
                "calendar.lesson_on_holiday",
                "{day}"
            );
        }
        // Ordinary days around them are school days.
        for day in [
            d(2014, 11, 5),
            d(2015, 1, 12),
            d(2015, 2, 24),
            d(2015, 5, 12),
        ] {
            assert!(y.is_school_day(day), "{day}");
        }
        assert_eq!(y.study_week(), StudyWeek::SixDays);
        assert_eq!(y.slots().len(), 13);
    }
}
