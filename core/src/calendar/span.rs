//! A span of dates with both ends inclusive.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::CalendarError;

/// A span of civil dates from `start` to `end`, **both inclusive**: a term,
/// a break, a report term. A one-day span has `start == end`; a span never
/// ends before it starts.
///
/// Serialised as `{"start": "2014-09-01", "end": "2014-10-31"}`;
/// deserialising validates like [`DateSpan::new`].
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use zhurnal::calendar::DateSpan;
/// let d = |m, day| NaiveDate::from_ymd_opt(2014, m, day).unwrap();
/// let q1 = DateSpan::new(d(9, 1), d(10, 31))?;
/// assert!(q1.contains(d(9, 1)) && q1.contains(d(10, 31)));
/// assert!(!q1.contains(d(11, 1)));
/// assert_eq!(q1.days(), 61);
/// # Ok::<(), zhurnal::calendar::CalendarError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "SpanFields")]
pub struct DateSpan {
    start: NaiveDate,
    end: NaiveDate,
}

#[derive(Deserialize)]
struct SpanFields {
    start: NaiveDate,
    end: NaiveDate,
}

impl TryFrom<SpanFields> for DateSpan {
    type Error = CalendarError;
    fn try_from(f: SpanFields) -> Result<Self, Self::Error> {
        DateSpan::new(f.start, f.end)
    }
}

impl DateSpan {
    /// The span from `start` to `end`, both inclusive.
    ///
    /// # Errors
    /// [`CalendarError::InvalidSpan`] when `end` is before `start`.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use zhurnal::calendar::DateSpan;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2014, m, day).unwrap();
    /// assert_eq!(DateSpan::new(d(9, 1), d(9, 1))?.days(), 1);
    /// let e = DateSpan::new(d(9, 2), d(9, 1)).unwrap_err();
    /// assert_eq!(e.code(), "calendar.invalid_span");
    /// assert_eq!(e.to_string(), "date span 2014-09-02..2014-09-01 must not end before it starts");
    /// # Ok::<(), zhurnal::calendar::CalendarError>(())
    /// ```
    pub fn new(start: NaiveDate, end: NaiveDate) -> Result<DateSpan, CalendarError> {
        if end < start {
            return Err(CalendarError::InvalidSpan { start, end });
        }
        Ok(DateSpan { start, end })
    }

    /// A one-day span.
    pub fn day(date: NaiveDate) -> DateSpan {
        DateSpan {
            start: date,
            end: date,
        }
    }

    /// The first day (inclusive).
    pub fn start(&self) -> NaiveDate {
        self.start
    }

    /// The last day (inclusive).
    pub fn end(&self) -> NaiveDate {
        self.end
    }

    /// Whether `date` is in the span, both ends included.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }

    /// Whether the two spans share at least one day.
    pub fn overlaps(&self, other: &DateSpan) -> bool {
        self.start <= other.end && other.start <= self.end
    }

    /// The number of days in the span, both ends counted (1 for a one-day
    /// span).
    pub fn days(&self) -> u32 {
        let days = (self.end - self.start).num_days().saturating_add(1);
        u32::try_from(days).unwrap_or(u32::MAX)
    }

    /// The days of the span in order.
    pub fn iter_days(&self) -> impl Iterator<Item = NaiveDate> + use<> {
        let end = self.end;
        self.start.iter_days().take_while(move |d| *d <= end)
    }
}

impl std::fmt::Display for DateSpan {
    /// `2014-09-01..2014-10-31`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn inclusive_bounds_and_days() {
        let s = DateSpan::new(d(2014, 12, 29), d(2015, 1, 11)).unwrap();
        assert_eq!(s.days(), 14);
        assert!(s.contains(d(2014, 12, 29)) && s.contains(d(2015, 1, 11)));
        assert!(!s.contains(d(2014, 12, 28)) && !s.contains(d(2015, 1, 12)));
        assert_eq!(s.iter_days().count(), 14);
        assert_eq!(s.iter_days().last(), Some(d(2015, 1, 11)));
        let one = DateSpan::day(d(2015, 2, 23));
        assert_eq!((one.days(), one.iter_days().count()), (1, 1));
        assert_eq!(s.to_string(), "2014-12-29..2015-01-11");
        let whole = DateSpan::new(NaiveDate::MIN, NaiveDate::MAX).unwrap();
        assert!(whole.days() > 1);
    }

    #[test]
    fn overlap_is_inclusive() {
        let a = DateSpan::new(d(2014, 9, 1), d(2014, 9, 30)).unwrap();
        let b = DateSpan::new(d(2014, 9, 30), d(2014, 10, 5)).unwrap();
        let c = DateSpan::new(d(2014, 10, 1), d(2014, 10, 5)).unwrap();
        assert!(a.overlaps(&b) && b.overlaps(&a));
        assert!(!a.overlaps(&c) && !c.overlaps(&a));
    }

    #[test]
    fn refuses_end_before_start() {
        let e = DateSpan::new(d(2014, 9, 2), d(2014, 9, 1)).unwrap_err();
        assert_eq!(e.code(), "calendar.invalid_span");
    }

    #[test]
    fn serde_shape_and_validation() {
        let s = DateSpan::new(d(2014, 9, 1), d(2014, 10, 31)).unwrap();
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(json, r#"{"start":"2014-09-01","end":"2014-10-31"}"#);
        assert_eq!(serde_json::from_str::<DateSpan>(&json).unwrap(), s);
        let bad = r#"{"start":"2014-09-02","end":"2014-09-01"}"#;
        let e = serde_json::from_str::<DateSpan>(bad).unwrap_err();
        assert!(
            e.to_string().contains("must not end before it starts"),
            "{e}"
        );
    }
}
