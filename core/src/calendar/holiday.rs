//! Holidays and breaks: named date ranges without lessons.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::CalendarError;

/// A named range of days without lessons, both ends inclusive: a public
/// holiday («День народного единства»), a transferred day off, or a break
/// between terms («Зимние каникулы»).
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use zhurnal::calendar::Holiday;
/// let d = |m, day| NaiveDate::from_ymd_opt(2015, m, day).unwrap();
/// let spring = Holiday::new("Весенние каникулы", d(3, 23), d(3, 29))?;
/// assert!(spring.contains(d(3, 29)));
/// assert_eq!(Holiday::new(" ", d(3, 23), d(3, 29)).unwrap_err().code(), "calendar.empty_holiday_name");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "HolidayFields")]
pub struct Holiday {
    pub(super) name: String,
    pub(super) start: NaiveDate,
    pub(super) end: NaiveDate,
}

#[derive(Deserialize)]
struct HolidayFields {
    name: String,
    start: NaiveDate,
    end: NaiveDate,
}

impl TryFrom<HolidayFields> for Holiday {
    type Error = CalendarError;
    fn try_from(f: HolidayFields) -> Result<Self, Self::Error> {
        Holiday::new(&f.name, f.start, f.end)
    }
}

impl Holiday {
    /// A holiday from `start` to `end` inclusive; the name is trimmed.
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
        if end < start {
            return Err(CalendarError::InvalidHolidayRange {
                name: name.to_owned(),
                start,
                end,
            });
        }
        Ok(Holiday {
            name: name.to_owned(),
            start,
            end,
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

    /// The name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The first day.
    pub fn start(&self) -> NaiveDate {
        self.start
    }

    /// The last day (inclusive).
    pub fn end(&self) -> NaiveDate {
        self.end
    }

    /// Whether `date` falls in the holiday, both ends included.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
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
    }
}
