//! Holidays and breaks: named date ranges without lessons.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{CalendarError, DateSpan, GradeSet};

/// A named [`DateSpan`] of days without lessons, both ends inclusive: a
/// public holiday («День народного единства»), a transferred day off, or a
/// break («Зимние каникулы»). A holiday applies to every grade unless it is
/// restricted to some with [`Holiday::for_grades`] (the additional February
/// week of holidays for grade 1).
///
/// Serialised as `{"name": …, "start": …, "end": …}` plus `"grades": [1]`
/// when restricted; deserialising validates like [`Holiday::new`].
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use zhurnal::calendar::{GradeSet, Holiday};
/// let d = |m, day| NaiveDate::from_ymd_opt(2015, m, day).unwrap();
/// let spring = Holiday::new("Весенние каникулы", d(3, 23), d(3, 29))?;
/// assert!(spring.contains(d(3, 29)));
/// assert!(spring.applies_to(5));
/// let first = Holiday::new("Доп. каникулы", d(2, 9), d(2, 15))?.for_grades(GradeSet::new(&[1])?);
/// assert!(first.applies_to(1) && !first.applies_to(2));
/// assert_eq!(Holiday::new(" ", d(3, 23), d(3, 29)).unwrap_err().code(), "calendar.empty_holiday_name");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "HolidayFields", into = "HolidayFields")]
pub struct Holiday {
    name: String,
    span: DateSpan,
    grades: GradeSet,
}

#[derive(Serialize, Deserialize)]
struct HolidayFields {
    name: String,
    start: NaiveDate,
    end: NaiveDate,
    #[serde(default, skip_serializing_if = "GradeSet::is_all")]
    grades: GradeSet,
}

impl TryFrom<HolidayFields> for Holiday {
    type Error = CalendarError;
    fn try_from(f: HolidayFields) -> Result<Self, Self::Error> {
        Ok(Holiday::new(&f.name, f.start, f.end)?.for_grades(f.grades))
    }
}

impl From<Holiday> for HolidayFields {
    fn from(h: Holiday) -> Self {
        HolidayFields {
            name: h.name,
            start: h.span.start(),
            end: h.span.end(),
            grades: h.grades,
        }
    }
}

impl Holiday {
    /// A holiday from `start` to `end` inclusive, for every grade; the name
    /// is trimmed.
    ///
    /// # Errors
    /// [`CalendarError::EmptyHolidayName`] for a blank name,
    /// [`CalendarError::InvalidHolidayRange`] when `end` is before `start`.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use zhurnal::calendar::Holiday;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2015, m, day).unwrap();
    /// let e = Holiday::new("Каникулы", d(3, 29), d(3, 23)).unwrap_err();
    /// assert_eq!(e.code(), "calendar.invalid_holiday_range");
    /// ```
    pub fn new(name: &str, start: NaiveDate, end: NaiveDate) -> Result<Holiday, CalendarError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(CalendarError::EmptyHolidayName { start, end });
        }
        let span = DateSpan::new(start, end).map_err(|_| CalendarError::InvalidHolidayRange {
            name: crate::excerpt::excerpt(name),
            start,
            end,
        })?;
        Ok(Holiday {
            name: name.to_owned(),
            span,
            grades: GradeSet::all(),
        })
    }

    /// A one-day holiday.
    ///
    /// # Errors
    /// [`CalendarError::EmptyHolidayName`] for a blank name.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use zhurnal::calendar::Holiday;
    /// let day = NaiveDate::from_ymd_opt(2015, 2, 23).unwrap();
    /// let h = Holiday::single_day("День защитника Отечества", day)?;
    /// assert_eq!((h.start(), h.end()), (day, day));
    /// # Ok::<(), zhurnal::calendar::CalendarError>(())
    /// ```
    pub fn single_day(name: &str, date: NaiveDate) -> Result<Holiday, CalendarError> {
        Holiday::new(name, date, date)
    }

    /// The same holiday, for these grades only.
    pub fn for_grades(mut self, grades: GradeSet) -> Holiday {
        self.grades = grades;
        self
    }

    /// The name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The days of the holiday, both ends inclusive.
    pub fn span(&self) -> DateSpan {
        self.span
    }

    /// The first day.
    pub fn start(&self) -> NaiveDate {
        self.span.start()
    }

    /// The last day (inclusive).
    pub fn end(&self) -> NaiveDate {
        self.span.end()
    }

    /// The grades the holiday applies to.
    pub fn grades(&self) -> GradeSet {
        self.grades
    }

    /// Whether the holiday applies to `grade`.
    pub fn applies_to(&self, grade: u8) -> bool {
        self.grades.contains(grade)
    }

    /// Whether the holiday applies to every grade.
    pub fn applies_to_all(&self) -> bool {
        self.grades.is_all()
    }

    /// Whether `date` falls in the holiday, both ends included.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.span.contains(date)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2015, m, day).unwrap()
    }

    #[test]
    fn valid_and_inclusive() {
        let h = Holiday::new("  Зимние каникулы ", d(1, 1), d(1, 11)).unwrap();
        assert_eq!(h.name(), "Зимние каникулы");
        assert!(h.contains(d(1, 1)) && h.contains(d(1, 11)));
        assert!(!h.contains(d(1, 12)));
    }

    #[test]
    fn errors() {
        let e = Holiday::new("", d(1, 1), d(1, 2)).unwrap_err();
        assert_eq!(e.code(), "calendar.empty_holiday_name");
        assert_eq!(
            e.to_string(),
            "holiday 2015-01-01..2015-01-02 has an empty name"
        );
        let e = Holiday::new("X", d(1, 2), d(1, 1)).unwrap_err();
        assert_eq!(e.code(), "calendar.invalid_holiday_range");
    }

    #[test]
    fn serde_validates() {
        let h = Holiday::single_day("День Победы", d(5, 9)).unwrap();
        let json = serde_json::to_string(&h).unwrap();
        assert_eq!(serde_json::from_str::<Holiday>(&json).unwrap(), h);
        let bad = r#"{"name":"","start":"2015-05-09","end":"2015-05-09"}"#;
        assert!(serde_json::from_str::<Holiday>(bad).is_err());
        // Grades are written only when restricted, and validated.
        assert!(!json.contains("grades"));
        let first = h.clone().for_grades(GradeSet::new(&[1]).unwrap());
        let json = serde_json::to_string(&first).unwrap();
        assert!(json.ends_with(r#","grades":[1]}"#), "{json}");
        let back: Holiday = serde_json::from_str(&json).unwrap();
        assert_eq!(back, first);
        assert!(!back.applies_to(2) && back.applies_to(1) && !back.applies_to_all());
        let bad = r#"{"name":"X","start":"2015-05-09","end":"2015-05-09","grades":[0]}"#;
        assert!(serde_json::from_str::<Holiday>(bad).is_err());
        let bad = r#"{"name":"X","start":"2015-05-09","end":"2015-05-09","grades":[]}"#;
        assert!(serde_json::from_str::<Holiday>(bad).is_err());
    }
}
