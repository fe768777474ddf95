//! Which days lessons can be held on: for the school's default rules and
//! for one grade (its own study week, breaks only for some grades).

use chrono::{Datelike, NaiveDate};

use super::grades::check_grade;
use super::{CalendarError, Holiday, SchoolYear};

impl SchoolYear {
    /// The first holiday for every grade that contains `date`, if any
    /// (a break only for some grades is not one: see
    /// [`SchoolYear::holiday_on_for`]).
    pub fn holiday_on(&self, date: NaiveDate) -> Option<&Holiday> {
        self.holidays
            .iter()
            .find(|h| h.applies_to_all() && h.contains(date))
    }

    /// The first holiday of `grade` that contains `date`, if any: one for
    /// every grade before one for some grades only.
    pub fn holiday_on_for(&self, grade: u8, date: NaiveDate) -> Option<&Holiday> {
        self.holiday_on(date).or_else(|| {
            self.holidays
                .iter()
                .find(|h| h.applies_to(grade) && h.contains(date))
        })
    }

    /// Whether lessons can be held on `date` under the school's default
    /// rules: see [`SchoolYear::check_school_day`].
    pub fn is_school_day(&self, date: NaiveDate) -> bool {
        self.check_school_day(date).is_ok()
    }

    /// Checks that lessons can be held on `date` under the school's default
    /// rules: the default study week and the holidays for every grade. A
    /// grade's own study week and breaks only for some grades are not
    /// looked at; see [`SchoolYear::check_school_day_for`].
    ///
    /// # Errors
    /// In this order: [`CalendarError::OutsideYear`],
    /// [`CalendarError::LessonOnHoliday`], [`CalendarError::BetweenTerms`],
    /// [`CalendarError::DayOff`].
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use zhurnal::calendar::SchoolYear;
    /// let year = SchoolYear::russian_2014_2015();
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// assert!(year.check_school_day(d(2014, 9, 1)).is_ok());
    /// assert_eq!(year.check_school_day(d(2015, 2, 23)).unwrap_err().code(), "calendar.lesson_on_holiday");
    /// assert_eq!(year.check_school_day(d(2014, 9, 7)).unwrap_err().code(), "calendar.day_off");
    /// assert_eq!(year.check_school_day(d(2015, 6, 1)).unwrap_err().code(), "calendar.outside_year");
    /// ```
    pub fn check_school_day(&self, date: NaiveDate) -> Result<(), CalendarError> {
        self.check_common(date)?;
        if !self.study_week.is_study_day(date.weekday()) {
            return Err(CalendarError::DayOff {
                date,
                weekday: date.weekday(),
            });
        }
        Ok(())
    }

    /// Whether lessons of a class of `grade` can be held on `date`: see
    /// [`SchoolYear::check_school_day_for`].
    pub fn is_school_day_for(&self, grade: u8, date: NaiveDate) -> bool {
        self.check_school_day_for(grade, date).is_ok()
    }

    /// Checks that lessons of a class of `grade` can be held on `date`: the
    /// default rules of [`SchoolYear::check_school_day`], then the breaks
    /// of this grade and its own study week.
    ///
    /// # Errors
    /// [`CalendarError::InvalidGrade`] for a grade outside 1–11; then in
    /// this order [`CalendarError::OutsideYear`],
    /// [`CalendarError::LessonOnHoliday`] (a holiday for every grade),
    /// [`CalendarError::BetweenTerms`],
    /// [`CalendarError::NotASchoolDayForGrade`] (a break of this grade
    /// only), [`CalendarError::DayOff`] (a day off of the default week too),
    /// [`CalendarError::NotASchoolDayForGrade`] (a day off of this grade's
    /// own week only).
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use zhurnal::calendar::SchoolYear;
    /// let year = SchoolYear::russian_2014_2015();
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// let saturday = d(2014, 9, 6);
    /// assert!(year.check_school_day_for(5, saturday).is_ok());
    /// let e = year.check_school_day_for(1, saturday).unwrap_err();
    /// assert_eq!(e.code(), "calendar.not_a_school_day_for_grade");
    /// assert_eq!(e.to_string(), "2014-09-06 is not a school day for grade 1: Sat is a day off in its five-day week");
    /// let february = d(2015, 2, 10);
    /// assert!(year.is_school_day_for(2, february) && !year.is_school_day_for(1, february));
    /// assert_eq!(year.check_school_day_for(0, february).unwrap_err().code(), "calendar.invalid_grade");
    /// ```
    pub fn check_school_day_for(&self, grade: u8, date: NaiveDate) -> Result<(), CalendarError> {
        let grade = check_grade(grade)?;
        self.check_common(date)?;
        if let Some(h) = self.holiday_on_for(grade, date) {
            return Err(CalendarError::NotASchoolDayForGrade {
                date,
                grade,
                reason: h.name().to_owned(),
            });
        }
        let weekday = date.weekday();
        let week = self.study_week_for(grade);
        if !week.is_study_day(weekday) {
            if !self.study_week.is_study_day(weekday) {
                return Err(CalendarError::DayOff { date, weekday });
            }
            return Err(CalendarError::NotASchoolDayForGrade {
                date,
                grade,
                reason: format!(
                    "{weekday} is a day off in its {} week",
                    match week.days() {
                        5 => "five-day",
                        _ => "six-day",
                    }
                ),
            });
        }
        Ok(())
    }

    /// The checks common to every grade: inside the year, no holiday for
    /// every grade, inside a term.
    fn check_common(&self, date: NaiveDate) -> Result<(), CalendarError> {
        if !self.contains(date) {
            return Err(CalendarError::OutsideYear {
                date,
                year_start: self.start,
                year_end: self.end,
            });
        }
        if let Some(h) = self.holiday_on(date) {
            return Err(CalendarError::LessonOnHoliday {
                date,
                holiday: h.name().to_owned(),
            });
        }
        if self.term_of(date).is_none() {
            return Err(CalendarError::BetweenTerms { date });
        }
        Ok(())
    }

    /// The school days under the default rules from `from` to `to`, both
    /// inclusive, in order (only days inside the year can be school days).
    pub fn school_days(&self, from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
        self.days_between(from, to)
            .filter(|d| self.is_school_day(*d))
            .collect()
    }

    /// The school days of a class of `grade` from `from` to `to`, both
    /// inclusive, in order; none for a grade outside 1–11.
    pub fn school_days_for(&self, grade: u8, from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
        self.days_between(from, to)
            .filter(|d| self.is_school_day_for(grade, *d))
            .collect()
    }

    /// The days of the year from `from` to `to`, both inclusive.
    fn days_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> impl Iterator<Item = NaiveDate> + use<> {
        let to = to.min(self.end);
        from.max(self.start)
            .iter_days()
            .take_while(move |d| *d <= to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::{GradeSet, StudyWeek, Term, TermScheme};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn school_day_rules() {
        let mut y = SchoolYear::new(
            d(2014, 9, 1),
            d(2015, 5, 31),
            vec![
                Term::new(TermScheme::Semesters, 1, d(2014, 9, 1), d(2014, 12, 28)).unwrap(),
                Term::new(TermScheme::Semesters, 2, d(2015, 1, 12), d(2015, 5, 31)).unwrap(),
            ],
        )
        .unwrap();
        assert_eq!(
            y.check_school_day(d(2015, 1, 5)).unwrap_err().code(),
            "calendar.between_terms"
        );
        assert!(y.is_school_day(d(2014, 9, 6))); // Saturday
        y.set_study_week(StudyWeek::FiveDays);
        assert_eq!(
            y.check_school_day(d(2014, 9, 6)).unwrap_err().code(),
            "calendar.day_off"
        );
        assert_eq!(y.school_days(d(2014, 9, 1), d(2014, 9, 7)).len(), 5);
        assert_eq!(y.school_days(NaiveDate::MIN, d(2014, 9, 2)).len(), 2);
        assert!(y.school_days(d(2014, 9, 7), d(2014, 9, 1)).is_empty());
        let all = y.school_days(NaiveDate::MIN, NaiveDate::MAX);
        assert_eq!(all.first(), Some(&d(2014, 9, 1)));
        assert_eq!(all.last(), Some(&d(2015, 5, 29)));
    }

    #[test]
    fn grade_rules() {
        let mut y = SchoolYear::new(
            d(2014, 9, 1),
            d(2015, 5, 31),
            vec![
                Term::new(TermScheme::Semesters, 1, d(2014, 9, 1), d(2014, 12, 28)).unwrap(),
                Term::new(TermScheme::Semesters, 2, d(2015, 1, 12), d(2015, 5, 31)).unwrap(),
            ],
        )
        .unwrap();
        let first = GradeSet::new(&[1]).unwrap();
        y.add_holiday(
            Holiday::new("Для первых", d(2014, 9, 8), d(2014, 9, 14))
                .unwrap()
                .for_grades(first),
        )
        .unwrap();
        y.add_holiday(Holiday::single_day("Для всех", d(2014, 9, 10)).unwrap())
            .unwrap();
        y.set_study_week_for(1, StudyWeek::FiveDays).unwrap();
        // The default rules ignore the grade's break and week.
        assert!(y.is_school_day(d(2014, 9, 9)));
        assert!(y.holiday_on(d(2014, 9, 9)).is_none());
        assert!(y.is_school_day(d(2014, 9, 6)));
        // Grade 1: its break, its Saturday.
        let code = |g, date| y.check_school_day_for(g, date).err().map(|e| e.code());
        assert_eq!(
            code(1, d(2014, 9, 9)),
            Some("calendar.not_a_school_day_for_grade")
        );
        assert_eq!(code(2, d(2014, 9, 9)), None);
        // A holiday for everyone keeps its own code, also inside the grade's break.
        assert_eq!(code(1, d(2014, 9, 10)), Some("calendar.lesson_on_holiday"));
        assert_eq!(
            y.holiday_on_for(1, d(2014, 9, 10)).unwrap().name(),
            "Для всех"
        );
        assert_eq!(
            y.holiday_on_for(1, d(2014, 9, 11)).unwrap().name(),
            "Для первых"
        );
        assert_eq!(
            code(1, d(2014, 9, 6)),
            Some("calendar.not_a_school_day_for_grade")
        );
        assert_eq!(code(1, d(2014, 9, 7)), Some("calendar.day_off"));
        assert_eq!(code(1, d(2015, 1, 5)), Some("calendar.between_terms"));
        assert_eq!(code(1, d(2015, 6, 1)), Some("calendar.outside_year"));
        assert_eq!(code(12, d(2014, 9, 1)), Some("calendar.invalid_grade"));
        let e = y.check_school_day_for(1, d(2014, 9, 9)).unwrap_err();
        assert_eq!(
            e.to_string(),
            "2014-09-09 is not a school day for grade 1: Для первых"
        );
        // Week 1–7 September: 6 days for grade 2, 5 for grade 1; the
        // grade-1 break week (8–14) has no grade-1 school day.
        assert_eq!(y.school_days_for(2, d(2014, 9, 1), d(2014, 9, 7)).len(), 6);
        assert_eq!(y.school_days_for(1, d(2014, 9, 1), d(2014, 9, 7)).len(), 5);
        assert!(
            y.school_days_for(1, d(2014, 9, 8), d(2014, 9, 14))
                .is_empty()
        );
        assert_eq!(y.school_days_for(2, d(2014, 9, 8), d(2014, 9, 14)).len(), 5);
        assert!(
            y.school_days_for(0, d(2014, 9, 1), d(2014, 9, 7))
                .is_empty()
        );
        // A grade may also study more days than the default.
        y.set_study_week(StudyWeek::FiveDays);
        y.set_study_week_for(11, StudyWeek::SixDays).unwrap();
        let code = |g, date| y.check_school_day_for(g, date).err().map(|e| e.code());
        assert!(y.is_school_day_for(11, d(2014, 9, 6)));
        assert_eq!(code(5, d(2014, 9, 6)), Some("calendar.day_off"));
        assert_eq!(code(1, d(2014, 9, 6)), Some("calendar.day_off"));
    }
}
