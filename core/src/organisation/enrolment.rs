//! Enrolment of a student in a class over a date range.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::OrganisationError;
use crate::calendar::DateSpan;
use crate::ids::{ClassId, StudentId};

/// A student enrolled in a class from a start date, until an end date or
/// open-ended; both ends inclusive. Marks and attendance are valid only for
/// a student enrolled on the lesson's date.
///
/// The end is an `Option` rather than a [`DateSpan`] because an enrolment
/// is usually open-ended; [`Enrolment::span`] gives the span once it has an
/// end, and [`Enrolment::span_until`] the days up to a given last day.
///
/// Serialised as `{"student": 1, "class": 1, "start": …, "end": … | null}`;
/// the older field names `from` and `to` are read too.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use zhurnal::ids::{ClassId, StudentId};
/// use zhurnal::organisation::Enrolment;
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// let e = Enrolment::new(StudentId::new(1), ClassId::new(1), d(2014, 9, 1), Some(d(2014, 12, 31)))?;
/// assert!(e.covers(d(2014, 12, 31)));
/// assert!(!e.covers(d(2015, 1, 12)));
/// assert_eq!(e.span().map(|s| s.days()), Some(122));
/// # Ok::<(), zhurnal::organisation::OrganisationError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "EnrolmentFields")]
pub struct Enrolment {
    student: StudentId,
    class: ClassId,
    start: NaiveDate,
    end: Option<NaiveDate>,
}

#[derive(Deserialize)]
struct EnrolmentFields {
    student: StudentId,
    class: ClassId,
    #[serde(alias = "from")]
    start: NaiveDate,
    #[serde(default, alias = "to")]
    end: Option<NaiveDate>,
}

impl TryFrom<EnrolmentFields> for Enrolment {
    type Error = OrganisationError;
    fn try_from(f: EnrolmentFields) -> Result<Self, Self::Error> {
        Enrolment::new(f.student, f.class, f.start, f.end)
    }
}

impl Enrolment {
    /// An enrolment from `start` to `end` (both inclusive; `None` =
    /// open-ended).
    ///
    /// # Errors
    /// [`OrganisationError::InvalidEnrolmentRange`] when `end` is before
    /// `start`.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use zhurnal::ids::{ClassId, StudentId};
    /// use zhurnal::organisation::Enrolment;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2014, m, day).unwrap();
    /// let e = Enrolment::new(StudentId::new(1), ClassId::new(1), d(9, 2), Some(d(9, 1))).unwrap_err();
    /// assert_eq!(e.code(), "organisation.invalid_enrolment_range");
    /// ```
    pub fn new(
        student: StudentId,
        class: ClassId,
        start: NaiveDate,
        end: Option<NaiveDate>,
    ) -> Result<Enrolment, OrganisationError> {
        if let Some(end) = end
            && end < start
        {
            return Err(OrganisationError::InvalidEnrolmentRange {
                student,
                class_id: class,
                start,
                end,
            });
        }
        Ok(Enrolment {
            student,
            class,
            start,
            end,
        })
    }

    /// The student.
    pub fn student(&self) -> StudentId {
        self.student
    }

    /// The class.
    pub fn class(&self) -> ClassId {
        self.class
    }

    /// The first day (inclusive).
    pub fn start(&self) -> NaiveDate {
        self.start
    }

    /// The last day (inclusive), if the enrolment has ended or will end.
    pub fn end(&self) -> Option<NaiveDate> {
        self.end
    }

    /// The days of the enrolment, both ends inclusive; `None` while it is
    /// open-ended.
    pub fn span(&self) -> Option<DateSpan> {
        self.end.and_then(|end| DateSpan::new(self.start, end).ok())
    }

    /// The days of the enrolment up to `last` at the latest (the end of a
    /// term, say), both ends inclusive; `None` when there are none.
    pub fn span_until(&self, last: NaiveDate) -> Option<DateSpan> {
        let end = self.end.map_or(last, |end| end.min(last));
        DateSpan::new(self.start, end).ok()
    }

    /// Whether the student is enrolled on `date`.
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.start <= date && self.end.is_none_or(|end| date <= end)
    }

    /// Whether the two date ranges share a day (regardless of class and
    /// student).
    pub fn overlaps(&self, other: &Enrolment) -> bool {
        let starts_before_other_ends = other.end.is_none_or(|end| self.start <= end);
        let other_starts_before_end = self.end.is_none_or(|end| other.start <= end);
        starts_before_other_ends && other_starts_before_end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2014, m, day).unwrap()
    }

    fn e(start: NaiveDate, end: Option<NaiveDate>) -> Enrolment {
        Enrolment::new(StudentId::new(1), ClassId::new(1), start, end).unwrap()
    }

    #[test]
    fn covers_inclusive_and_open() {
        let open = e(d(9, 1), None);
        assert!(open.covers(d(9, 1)) && open.covers(d(12, 31)));
        assert!(!open.covers(d(8, 31)));
        let one_day = e(d(9, 5), Some(d(9, 5)));
        assert!(one_day.covers(d(9, 5)));
        assert!(!one_day.covers(d(9, 6)));
    }

    #[test]
    fn overlap() {
        let a = e(d(9, 1), Some(d(9, 30)));
        let b = e(d(9, 30), None);
        let c = e(d(10, 1), None);
        let before = e(d(1, 1), Some(d(8, 31)));
        assert!(a.overlaps(&b) && b.overlaps(&a));
        assert!(!a.overlaps(&c) && !c.overlaps(&a));
        assert!(b.overlaps(&c));
        assert!(!before.overlaps(&a));
    }

    #[test]
    fn error_and_serde() {
        let err =
            Enrolment::new(StudentId::new(3), ClassId::new(2), d(9, 2), Some(d(9, 1))).unwrap_err();
        assert_eq!(
            err.to_string(),
            "enrolment of student#3 in class#2 ends 2014-09-01 before it starts 2014-09-02"
        );
        let x = e(d(9, 1), Some(d(10, 1)));
        let json = serde_json::to_string(&x).unwrap();
        assert_eq!(serde_json::from_str::<Enrolment>(&json).unwrap(), x);
        assert_eq!(
            json,
            r#"{"student":1,"class":1,"start":"2014-09-01","end":"2014-10-01"}"#
        );
        let bad = r#"{"student":1,"class":1,"start":"2014-09-02","end":"2014-09-01"}"#;
        assert!(serde_json::from_str::<Enrolment>(bad).is_err());
        let open: Enrolment =
            serde_json::from_str(r#"{"student":1,"class":1,"start":"2014-09-02"}"#).unwrap();
        assert_eq!(open.end(), None);
        // Older snapshots name the fields `from` and `to`.
        let old = r#"{"student":1,"class":1,"from":"2014-09-01","to":"2014-10-01"}"#;
        assert_eq!(serde_json::from_str::<Enrolment>(old).unwrap(), x);
        let bad = r#"{"student":1,"class":1,"from":"2014-09-02","to":"2014-09-01"}"#;
        assert!(serde_json::from_str::<Enrolment>(bad).is_err());
        let open: Enrolment =
            serde_json::from_str(r#"{"student":1,"class":1,"from":"2014-09-02","to":null}"#)
                .unwrap();
        assert_eq!(open.end(), None);
    }

    #[test]
    fn spans() {
        let open = e(d(9, 1), None);
        assert_eq!(open.span(), None);
        assert_eq!(open.span_until(d(10, 31)).map(|s| s.days()), Some(61));
        assert_eq!(open.span_until(d(8, 31)), None);
        let closed = e(d(9, 1), Some(d(9, 30)));
        assert_eq!(
            closed.span().map(|s| (s.start(), s.end())),
            Some((d(9, 1), d(9, 30)))
        );
        assert_eq!(closed.span_until(d(9, 10)).map(|s| s.end()), Some(d(9, 10)));
        assert_eq!(closed.span_until(d(12, 31)), closed.span());
    }
}
