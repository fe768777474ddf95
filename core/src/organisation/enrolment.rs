//! Enrolment of a student in a class over a date range.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::OrganisationError;
use crate::ids::{ClassId, StudentId};

/// A student enrolled in a class from a date, until a date or open-ended;
/// both ends inclusive. Marks and attendance are valid only for a student
/// enrolled on the lesson's date.
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
/// # Ok::<(), zhurnal::organisation::OrganisationError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "EnrolmentFields")]
pub struct Enrolment {
    student: StudentId,
    class: ClassId,
    from: NaiveDate,
    to: Option<NaiveDate>,
}

#[derive(Deserialize)]
struct EnrolmentFields {
    student: StudentId,
    class: ClassId,
    from: NaiveDate,
    #[serde(default)]
    to: Option<NaiveDate>,
}

impl TryFrom<EnrolmentFields> for Enrolment {
    type Error = OrganisationError;
    fn try_from(f: EnrolmentFields) -> Result<Self, Self::Error> {
        Enrolment::new(f.student, f.class, f.from, f.to)
    }
}

impl Enrolment {
    /// An enrolment from `from` to `to` (inclusive; `None` = open-ended).
    ///
    /// # Errors
    /// [`OrganisationError::InvalidEnrolmentRange`] when `to` is before `from`.
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
        from: NaiveDate,
        to: Option<NaiveDate>,
    ) -> Result<Enrolment, OrganisationError> {
        if let Some(to) = to
            && to < from
        {
            return Err(OrganisationError::InvalidEnrolmentRange {
                student,
                class,
                from,
                to,
            });
        }
        Ok(Enrolment {
            student,
            class,
            from,
            to,
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

    /// The first day.
    pub fn from(&self) -> NaiveDate {
        self.from
    }

    /// The last day, if the enrolment has ended or will end.
    pub fn to(&self) -> Option<NaiveDate> {
        self.to
    }

    /// Whether the student is enrolled on `date`.
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.from <= date && self.to.is_none_or(|to| date <= to)
    }

    /// Whether the two date ranges share a day (regardless of class and
    /// student).
    pub fn overlaps(&self, other: &Enrolment) -> bool {
        let starts_before_other_ends = other.to.is_none_or(|to| self.from <= to);
        let other_starts_before_end = self.to.is_none_or(|to| other.from <= to);
        starts_before_other_ends && other_starts_before_end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2014, m, day).unwrap()
    }

    fn e(from: NaiveDate, to: Option<NaiveDate>) -> Enrolment {
        Enrolment::new(StudentId::new(1), ClassId::new(1), from, to).unwrap()
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
        let bad = r#"{"student":1,"class":1,"from":"2014-09-02","to":"2014-09-01"}"#;
        assert!(serde_json::from_str::<Enrolment>(bad).is_err());
        let open: Enrolment =
            serde_json::from_str(r#"{"student":1,"class":1,"from":"2014-09-02"}"#).unwrap();
        assert_eq!(open.to(), None);
    }
}
