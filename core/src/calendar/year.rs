//! The school year: its terms, holidays, bell schedule and study week.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{CalendarError, Holiday, LessonSlot, Shift, StudyWeek, Term, TermScheme};

/// A school year: first and last day, the terms of one [`TermScheme`], the
/// holidays and breaks, the lesson slots of each shift and the study week.
///
/// A date is a school day when it is inside the year, inside a term, on a
/// study day of the week and in no holiday ([`SchoolYear::is_school_day`]).
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use zhurnal::calendar::SchoolYear;
/// let year = SchoolYear::russian_2014_2015();
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// assert_eq!(year.term_of(d(2015, 1, 12)).map(|t| t.code()), Some("Q3".into()));
/// assert!(year.is_school_day(d(2014, 9, 6))); // a Saturday: six-day week
/// assert!(!year.is_school_day(d(2014, 11, 4))); // День народного единства
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "YearFields")]
pub struct SchoolYear {
    pub(super) start: NaiveDate,
    pub(super) end: NaiveDate,
    pub(super) terms: Vec<Term>,
    pub(super) holidays: Vec<Holiday>,
    pub(super) slots: Vec<LessonSlot>,
    pub(super) study_week: StudyWeek,
}

#[derive(Deserialize)]
struct YearFields {
    start: NaiveDate,
    end: NaiveDate,
    terms: Vec<Term>,
    holidays: Vec<Holiday>,
    slots: Vec<LessonSlot>,
    study_week: StudyWeek,
}

impl TryFrom<YearFields> for SchoolYear {
    type Error = CalendarError;
    fn try_from(f: YearFields) -> Result<Self, Self::Error> {
        let mut year = SchoolYear::new(f.start, f.end, f.terms)?;
        for h in f.holidays {
            year.add_holiday(h)?;
        }
        for s in f.slots {
            year.add_slot(s)?;
        }
        year.set_study_week(f.study_week);
        Ok(year)
    }
}

impl Default for SchoolYear {
    /// [`SchoolYear::russian_2014_2015`].
    fn default() -> Self {
        SchoolYear::russian_2014_2015()
    }
}

impl SchoolYear {
    /// A year from `start` to `end` (inclusive) divided into `terms`, with no
    /// holidays, no lesson slots and a six-day week yet.
    ///
    /// The terms must all be of one scheme, all of its terms, numbered
    /// 1, 2, … in this order, each inside the year, each starting after the
    /// previous one ends.
    ///
    /// # Errors
    /// [`CalendarError::InvalidYearRange`], [`CalendarError::WrongTermCount`],
    /// [`CalendarError::MixedTermSchemes`], [`CalendarError::TermsOutOfOrder`],
    /// [`CalendarError::TermOutsideYear`], [`CalendarError::TermsOverlap`].
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use zhurnal::calendar::{SchoolYear, Term, TermScheme};
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// let s = TermScheme::Semesters;
    /// let year = SchoolYear::new(d(2014, 9, 1), d(2015, 5, 31), vec![
    ///     Term::new(s, 1, d(2014, 9, 1), d(2014, 12, 28))?,
    ///     Term::new(s, 2, d(2015, 1, 12), d(2015, 5, 31))?,
    /// ])?;
    /// assert_eq!(year.scheme(), s);
    /// let overlapping = SchoolYear::new(d(2014, 9, 1), d(2015, 5, 31), vec![
    ///     Term::new(s, 1, d(2014, 9, 1), d(2015, 1, 20))?,
    ///     Term::new(s, 2, d(2015, 1, 12), d(2015, 5, 31))?,
    /// ]);
    /// assert_eq!(overlapping.unwrap_err().code(), "calendar.terms_overlap");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        start: NaiveDate,
        end: NaiveDate,
        terms: Vec<Term>,
    ) -> Result<SchoolYear, CalendarError> {
        if end <= start {
            return Err(CalendarError::InvalidYearRange { start, end });
        }
        let scheme = terms.first().map(Term::scheme).unwrap_or_default();
        if terms.len() != usize::from(scheme.term_count()) {
            return Err(CalendarError::WrongTermCount {
                scheme,
                expected: scheme.term_count(),
                found: terms.len(),
            });
        }
        let mut previous: Option<&Term> = None;
        for (term, expected) in terms.iter().zip(1u8..) {
            if term.scheme() != scheme {
                return Err(CalendarError::MixedTermSchemes {
                    code: term.code(),
                    scheme,
                });
            }
            if term.number() != expected {
                return Err(CalendarError::TermsOutOfOrder {
                    code: term.code(),
                    expected,
                });
            }
            if term.start() < start || term.end() > end {
                return Err(CalendarError::TermOutsideYear {
                    code: term.code(),
                    start: term.start(),
                    end: term.end(),
                    year_start: start,
                    year_end: end,
                });
            }
            if let Some(p) = previous
                && term.start() <= p.end()
            {
                return Err(CalendarError::TermsOverlap {
                    code: term.code(),
                    start: term.start(),
                    previous: p.code(),
                    previous_end: p.end(),
                });
            }
            previous = Some(term);
        }
        Ok(SchoolYear {
            start,
            end,
            terms,
            holidays: Vec::new(),
            slots: Vec::new(),
            study_week: StudyWeek::default(),
        })
    }

    /// Adds a holiday or break; holidays may overlap one another (a public
    /// holiday inside the winter break), but must lie inside the year.
    ///
    /// # Errors
    /// [`CalendarError::HolidayOutsideYear`]; the year is unchanged.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use zhurnal::calendar::{Holiday, SchoolYear};
    /// let mut year = SchoolYear::russian_2014_2015();
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// year.add_holiday(Holiday::single_day("День города", d(2014, 9, 12))?)?;
    /// assert!(!year.is_school_day(d(2014, 9, 12)));
    /// let summer = Holiday::new("Лето", d(2015, 6, 1), d(2015, 8, 31))?;
    /// assert_eq!(year.add_holiday(summer).unwrap_err().code(), "calendar.holiday_outside_year");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_holiday(&mut self, holiday: Holiday) -> Result<(), CalendarError> {
        if holiday.start() < self.start || holiday.end() > self.end {
            return Err(CalendarError::HolidayOutsideYear {
                name: holiday.name().to_owned(),
                start: holiday.start(),
                end: holiday.end(),
                year_start: self.start,
                year_end: self.end,
            });
        }
        self.holidays.push(holiday);
        self.holidays.sort_by_key(|h| (h.start(), h.end()));
        Ok(())
    }

    /// Adds a lesson slot to the bell schedule.
    ///
    /// # Errors
    /// [`CalendarError::DuplicateSlot`] when the shift already has a slot
    /// with that number; [`CalendarError::SlotsOverlap`] when its time
    /// overlaps another slot of the same shift. The year is unchanged.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveTime;
    /// use zhurnal::calendar::{LessonSlot, SchoolYear, Shift};
    /// let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
    /// let mut year = SchoolYear::russian_2014_2015();
    /// let zero = LessonSlot::new(0, t(7, 10), t(7, 50), Shift::First)?;
    /// year.add_slot(zero)?;
    /// assert_eq!(year.add_slot(zero).unwrap_err().code(), "calendar.duplicate_slot");
    /// # Ok::<(), zhurnal::calendar::CalendarError>(())
    /// ```
    pub fn add_slot(&mut self, slot: LessonSlot) -> Result<(), CalendarError> {
        for s in self.slots.iter().filter(|s| s.shift() == slot.shift()) {
            if s.number() == slot.number() {
                return Err(CalendarError::DuplicateSlot {
                    number: slot.number(),
                    shift: slot.shift(),
                });
            }
            if s.overlaps(&slot) {
                return Err(CalendarError::SlotsOverlap {
                    number: slot.number(),
                    shift: slot.shift(),
                    other: s.number(),
                });
            }
        }
        self.slots.push(slot);
        self.slots.sort_by_key(|s| (s.shift(), s.number()));
        Ok(())
    }

    /// Sets the study week (five or six days).
    pub fn set_study_week(&mut self, week: StudyWeek) {
        self.study_week = week;
    }

    /// The first day of the year.
    pub fn start(&self) -> NaiveDate {
        self.start
    }

    /// The last day of the year (inclusive).
    pub fn end(&self) -> NaiveDate {
        self.end
    }

    /// The scheme of the terms.
    pub fn scheme(&self) -> TermScheme {
        self.terms.first().map(Term::scheme).unwrap_or_default()
    }

    /// The terms in order.
    pub fn terms(&self) -> &[Term] {
        &self.terms
    }

    /// The holidays and breaks, by start date.
    pub fn holidays(&self) -> &[Holiday] {
        &self.holidays
    }

    /// The lesson slots, by shift and number.
    pub fn slots(&self) -> &[LessonSlot] {
        &self.slots
    }

    /// The study week.
    pub fn study_week(&self) -> StudyWeek {
        self.study_week
    }

    /// Whether `date` is inside the year.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }

    /// The term `date` falls in, if any.
    pub fn term_of(&self, date: NaiveDate) -> Option<&Term> {
        self.terms.iter().find(|t| t.contains(date))
    }

    /// The term with this code (`"Q2"`), if any.
    pub fn term(&self, code: &str) -> Option<&Term> {
        self.terms.iter().find(|t| t.code() == code)
    }

    /// The term with this code.
    ///
    /// # Errors
    /// [`CalendarError::UnknownTerm`] when there is none.
    ///
    /// # Example
    /// ```
    /// use zhurnal::calendar::SchoolYear;
    /// let year = SchoolYear::russian_2014_2015();
    /// assert_eq!(year.require_term("Q2")?.name(), "2 четверть");
    /// assert_eq!(year.require_term("S1").unwrap_err().code(), "calendar.unknown_term");
    /// # Ok::<(), zhurnal::calendar::CalendarError>(())
    /// ```
    pub fn require_term(&self, code: &str) -> Result<&Term, CalendarError> {
        self.term(code).ok_or_else(|| CalendarError::UnknownTerm {
            code: code.to_owned(),
        })
    }

    /// The first holiday that contains `date`, if any.
    pub fn holiday_on(&self, date: NaiveDate) -> Option<&Holiday> {
        self.holidays.iter().find(|h| h.contains(date))
    }

    /// The slot with this shift and number, if any.
    pub fn slot(&self, shift: Shift, number: u8) -> Option<&LessonSlot> {
        self.slots
            .iter()
            .find(|s| s.shift() == shift && s.number() == number)
    }

    /// The slot with this shift and number.
    ///
    /// # Errors
    /// [`CalendarError::UnknownSlot`] when there is none.
    ///
    /// # Example
    /// ```
    /// use zhurnal::calendar::{SchoolYear, Shift};
    /// let year = SchoolYear::russian_2014_2015();
    /// assert_eq!(year.require_slot(Shift::First, 1)?.start().to_string(), "08:00:00");
    /// assert_eq!(year.require_slot(Shift::First, 9).unwrap_err().code(), "calendar.unknown_slot");
    /// # Ok::<(), zhurnal::calendar::CalendarError>(())
    /// ```
    pub fn require_slot(&self, shift: Shift, number: u8) -> Result<&LessonSlot, CalendarError> {
        self.slot(shift, number)
            .ok_or(CalendarError::UnknownSlot { number, shift })
    }

    /// Whether lessons can be held on `date`: see
    /// [`SchoolYear::check_school_day`].
    pub fn is_school_day(&self, date: NaiveDate) -> bool {
        self.check_school_day(date).is_ok()
    }

    /// Checks that lessons can be held on `date`.
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
        if !self.study_week.is_study_day(date.weekday()) {
            return Err(CalendarError::DayOff {
                date,
                weekday: date.weekday(),
            });
        }
        Ok(())
    }

    /// The school days from `from` to `to`, both inclusive, in order (only
    /// days inside the year can be school days).
    pub fn school_days(&self, from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
        let to = to.min(self.end);
        from.max(self.start)
            .iter_days()
            .take_while(|d| *d <= to)
            .filter(|d| self.is_school_day(*d))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveTime;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn trimesters() -> Vec<Term> {
        let s = TermScheme::Trimesters;
        vec![
            Term::new(s, 1, d(2014, 9, 1), d(2014, 11, 30)).unwrap(),
            Term::new(s, 2, d(2014, 12, 1), d(2015, 2, 28)).unwrap(),
            Term::new(s, 3, d(2015, 3, 1), d(2015, 5, 31)).unwrap(),
        ]
    }

    #[test]
    fn trimester_year() {
        let y = SchoolYear::new(d(2014, 9, 1), d(2015, 5, 31), trimesters()).unwrap();
        assert_eq!(y.scheme(), TermScheme::Trimesters);
        assert_eq!(y.term_of(d(2014, 12, 1)).unwrap().code(), "T2");
        assert_eq!(y.term("T3").unwrap().start(), d(2015, 3, 1));
        assert!(y.term("Q1").is_none());
        assert!(y.slots().is_empty() && y.holidays().is_empty());
    }

    #[test]
    fn year_errors() {
        let e = SchoolYear::new(d(2015, 5, 31), d(2014, 9, 1), trimesters()).unwrap_err();
        assert_eq!(e.code(), "calendar.invalid_year_range");
        let e = SchoolYear::new(d(2014, 9, 1), d(2015, 5, 31), vec![]).unwrap_err();
        assert_eq!(e.code(), "calendar.wrong_term_count");
        let mut terms = trimesters();
        terms.pop();
        let e = SchoolYear::new(d(2014, 9, 1), d(2015, 5, 31), terms).unwrap_err();
        assert_eq!(e.code(), "calendar.wrong_term_count");
        assert_eq!(e.to_string(), "Trimesters need 3 terms, 2 given");
        let mut terms = trimesters();
        terms.swap(0, 1);
        let e = SchoolYear::new(d(2014, 9, 1), d(2015, 5, 31), terms).unwrap_err();
        assert_eq!(e.code(), "calendar.terms_out_of_order");
        let mut terms = trimesters();
        terms[2] = Term::new(TermScheme::Quarters, 3, d(2015, 3, 1), d(2015, 5, 31)).unwrap();
        let e = SchoolYear::new(d(2014, 9, 1), d(2015, 5, 31), terms).unwrap_err();
        assert_eq!(e.code(), "calendar.mixed_term_schemes");
        let e = SchoolYear::new(d(2014, 9, 2), d(2015, 5, 31), trimesters()).unwrap_err();
        assert_eq!(e.code(), "calendar.term_outside_year");
        let e = SchoolYear::new(d(2014, 9, 1), d(2015, 5, 30), trimesters()).unwrap_err();
        assert_eq!(e.code(), "calendar.term_outside_year");
        let mut terms = trimesters();
        terms[1] = Term::new(TermScheme::Trimesters, 2, d(2014, 11, 30), d(2015, 2, 28)).unwrap();
        let e = SchoolYear::new(d(2014, 9, 1), d(2015, 5, 31), terms).unwrap_err();
        assert_eq!(e.code(), "calendar.terms_overlap");
        assert_eq!(
            e.to_string(),
            "term T2 starting 2014-11-30 overlaps term T1 ending 2014-11-30"
        );
    }

    #[test]
    fn slots_validated_and_state_unchanged() {
        let mut y = SchoolYear::new(d(2014, 9, 1), d(2015, 5, 31), trimesters()).unwrap();
        y.add_slot(LessonSlot::new(2, t(9, 0), t(9, 45), Shift::First).unwrap())
            .unwrap();
        y.add_slot(LessonSlot::new(1, t(8, 0), t(8, 45), Shift::First).unwrap())
            .unwrap();
        // Same number in another shift is fine, even at an overlapping time.
        y.add_slot(LessonSlot::new(1, t(8, 30), t(9, 15), Shift::Second).unwrap())
            .unwrap();
        let before = y.clone();
        let e = y
            .add_slot(LessonSlot::new(1, t(13, 0), t(13, 45), Shift::First).unwrap())
            .unwrap_err();
        assert_eq!(e.code(), "calendar.duplicate_slot");
        let e = y
            .add_slot(LessonSlot::new(3, t(9, 30), t(10, 15), Shift::First).unwrap())
            .unwrap_err();
        assert_eq!(e.code(), "calendar.slots_overlap");
        assert_eq!(y, before);
        let numbers: Vec<_> = y.slots().iter().map(|s| (s.shift(), s.number())).collect();
        assert_eq!(
            numbers,
            [(Shift::First, 1), (Shift::First, 2), (Shift::Second, 1)]
        );
        assert_eq!(
            y.require_slot(Shift::Third, 1).unwrap_err().code(),
            "calendar.unknown_slot"
        );
    }

    #[test]
    fn holidays_validated() {
        let mut y = SchoolYear::new(d(2014, 9, 1), d(2015, 5, 31), trimesters()).unwrap();
        let before = y.clone();
        let e = y
            .add_holiday(Holiday::new("X", d(2014, 8, 30), d(2014, 9, 2)).unwrap())
            .unwrap_err();
        assert_eq!(e.code(), "calendar.holiday_outside_year");
        assert_eq!(y, before);
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
    fn serde_round_trip_and_validation() {
        let y = SchoolYear::russian_2014_2015();
        let json = serde_json::to_string(&y).unwrap();
        let back: SchoolYear = serde_json::from_str(&json).unwrap();
        assert_eq!(back, y);
        let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
        v["terms"][1]["start"] = "2014-10-01".into();
        assert!(serde_json::from_value::<SchoolYear>(v).is_err());
        let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
        v["holidays"][0]["start"] = "2013-10-01".into();
        assert!(serde_json::from_value::<SchoolYear>(v).is_err());
        let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
        let first = v["slots"][0].clone();
        v["slots"].as_array_mut().unwrap().push(first);
        assert!(serde_json::from_value::<SchoolYear>(v).is_err());
    }
}
