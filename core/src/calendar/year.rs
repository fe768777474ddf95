//! The school year: its terms, holidays, bell schedule and study week.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::grades::check_grade;
use super::{CalendarError, Holiday, LessonSlot, Shift, StudyWeek, Term, TermCode, TermScheme};

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
/// assert_eq!(year.term_of(d(2015, 1, 12)).map(|t| t.code().as_str()), Some("Q3"));
/// assert!(year.is_school_day(d(2014, 9, 6))); // a Saturday: six-day week
/// assert!(!year.is_school_day(d(2014, 11, 4))); // День народного единства
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "YearFields", into = "YearFields")]
pub struct SchoolYear {
    pub(super) start: NaiveDate,
    pub(super) end: NaiveDate,
    pub(super) terms: Vec<Term>,
    pub(super) holidays: Vec<Holiday>,
    pub(super) slots: Vec<LessonSlot>,
    pub(super) study_week: StudyWeek,
    /// Grades whose study week differs from `study_week`.
    pub(super) grade_weeks: BTreeMap<u8, StudyWeek>,
}

/// A grade's own study week (e.g. five days for grade 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct GradeWeek {
    /// The grade, 1–11.
    pub grade: u8,
    /// Its study week.
    pub study_week: StudyWeek,
}

#[derive(Serialize, Deserialize)]
struct YearFields {
    start: NaiveDate,
    end: NaiveDate,
    terms: Vec<Term>,
    holidays: Vec<Holiday>,
    slots: Vec<LessonSlot>,
    study_week: StudyWeek,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    study_weeks_by_grade: Vec<GradeWeek>,
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
        for g in f.study_weeks_by_grade {
            year.set_study_week_for(g.grade, g.study_week)?;
        }
        Ok(year)
    }
}

impl From<SchoolYear> for YearFields {
    fn from(y: SchoolYear) -> Self {
        YearFields {
            start: y.start,
            end: y.end,
            terms: y.terms,
            holidays: y.holidays,
            slots: y.slots,
            study_week: y.study_week,
            study_weeks_by_grade: y
                .grade_weeks
                .into_iter()
                .map(|(grade, study_week)| GradeWeek { grade, study_week })
                .collect(),
        }
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
                    code: term.code().to_string(),
                    scheme,
                });
            }
            if term.number() != expected {
                return Err(CalendarError::TermsOutOfOrder {
                    code: term.code().to_string(),
                    expected,
                });
            }
            if term.start() < start || term.end() > end {
                return Err(CalendarError::TermOutsideYear {
                    code: term.code().to_string(),
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
                    code: term.code().to_string(),
                    start: term.start(),
                    previous: p.code().to_string(),
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
            grade_weeks: BTreeMap::new(),
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

    /// Sets the default study week (five or six days): the week of every
    /// grade without its own ([`SchoolYear::set_study_week_for`]).
    pub fn set_study_week(&mut self, week: StudyWeek) {
        self.study_week = week;
    }

    /// Gives `grade` its own study week (grade 1 studies five days a week
    /// under СанПиН 2.4.2.2821-10, п. 10.10, while the others may study six).
    ///
    /// # Errors
    /// [`CalendarError::InvalidGrade`] for a grade outside 1–11; the year is
    /// unchanged.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use zhurnal::calendar::{SchoolYear, StudyWeek};
    /// let mut year = SchoolYear::russian_2014_2015();
    /// year.set_study_week_for(2, StudyWeek::FiveDays)?;
    /// assert_eq!(year.study_week_for(2), StudyWeek::FiveDays);
    /// assert_eq!(year.study_week_for(3), StudyWeek::SixDays);
    /// let saturday = NaiveDate::from_ymd_opt(2014, 9, 6).unwrap();
    /// assert!(!year.is_school_day_for(2, saturday) && year.is_school_day_for(3, saturday));
    /// assert_eq!(year.set_study_week_for(12, StudyWeek::FiveDays).unwrap_err().code(), "calendar.invalid_grade");
    /// # Ok::<(), zhurnal::calendar::CalendarError>(())
    /// ```
    pub fn set_study_week_for(&mut self, grade: u8, week: StudyWeek) -> Result<(), CalendarError> {
        let grade = check_grade(grade)?;
        self.grade_weeks.insert(grade, week);
        Ok(())
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

    /// The default study week: the week of grades without their own.
    pub fn study_week(&self) -> StudyWeek {
        self.study_week
    }

    /// The study week of `grade`: its own if it has one, else the default
    /// (also for a grade outside 1–11).
    pub fn study_week_for(&self, grade: u8) -> StudyWeek {
        self.grade_weeks
            .get(&grade)
            .copied()
            .unwrap_or(self.study_week)
    }

    /// The grades with their own study week, by grade.
    pub fn study_weeks_by_grade(&self) -> Vec<GradeWeek> {
        self.grade_weeks
            .iter()
            .map(|(g, w)| GradeWeek {
                grade: *g,
                study_week: *w,
            })
            .collect()
    }

    /// Whether `date` is inside the year.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }

    /// The term `date` falls in, if any.
    pub fn term_of(&self, date: NaiveDate) -> Option<&Term> {
        self.terms.iter().find(|t| t.contains(date))
    }

    /// The term with this code, if any.
    pub fn term(&self, code: &TermCode) -> Option<&Term> {
        self.terms.iter().find(|t| t.code() == *code)
    }

    /// The term with this code.
    ///
    /// # Errors
    /// [`CalendarError::UnknownTerm`] when there is none.
    ///
    /// # Example
    /// ```
    /// use zhurnal::calendar::{SchoolYear, TermCode};
    /// let year = SchoolYear::russian_2014_2015();
    /// assert_eq!(year.require_term(&TermCode::parse("Q2")?)?.name(), "2 четверть");
    /// let e = year.require_term(&TermCode::parse("S1")?).unwrap_err();
    /// assert_eq!(e.code(), "calendar.unknown_term");
    /// # Ok::<(), zhurnal::calendar::CalendarError>(())
    /// ```
    pub fn require_term(&self, code: &TermCode) -> Result<&Term, CalendarError> {
        self.term(code).ok_or_else(|| CalendarError::UnknownTerm {
            code: code.to_string(),
        })
    }

    /// The term whose code is this text, for callers that still hold the
    /// code as text. Any text that names none of the year's terms — a valid
    /// code of another scheme or no code at all — is
    /// [`CalendarError::UnknownTerm`]; parse with [`TermCode::parse`] to
    /// tell the two apart.
    ///
    /// # Errors
    /// [`CalendarError::UnknownTerm`] when there is no such term.
    ///
    /// # Example
    /// ```
    /// use zhurnal::calendar::SchoolYear;
    /// let year = SchoolYear::russian_2014_2015();
    /// assert_eq!(year.require_term_str("Q2")?.name(), "2 четверть");
    /// assert_eq!(year.require_term_str("Q9").unwrap_err().code(), "calendar.unknown_term");
    /// # Ok::<(), zhurnal::calendar::CalendarError>(())
    /// ```
    pub fn require_term_str(&self, code: &str) -> Result<&Term, CalendarError> {
        TermCode::parse(code)
            .ok()
            .and_then(|c| self.term(&c))
            .ok_or_else(|| CalendarError::UnknownTerm {
                code: code.to_owned(),
            })
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
}

#[cfg(test)]
#[path = "year_tests.rs"]
mod tests;
