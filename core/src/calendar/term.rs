//! Terms of a school year: quarters, trimesters or semesters.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{CalendarError, DateSpan, TermCode};

/// How a school year is divided into terms (учебные периоды).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TermScheme {
    /// Four quarters («четверти»), the default for grades 1–9.
    #[default]
    Quarters,
    /// Three trimesters («триместры»).
    Trimesters,
    /// Two semesters («полугодия»), usual in grades 10–11.
    Semesters,
}

impl TermScheme {
    /// How many terms the scheme has: 4, 3 or 2.
    pub fn term_count(self) -> u8 {
        match self {
            TermScheme::Quarters => 4,
            TermScheme::Trimesters => 3,
            TermScheme::Semesters => 2,
        }
    }

    /// The letter of a term code: `Q`, `T` or `S`.
    pub fn code_letter(self) -> char {
        match self {
            TermScheme::Quarters => 'Q',
            TermScheme::Trimesters => 'T',
            TermScheme::Semesters => 'S',
        }
    }

    /// The Russian word for one term: «четверть», «триместр», «полугодие».
    pub fn russian_unit(self) -> &'static str {
        match self {
            TermScheme::Quarters => "четверть",
            TermScheme::Trimesters => "триместр",
            TermScheme::Semesters => "полугодие",
        }
    }
}

/// One term of a school year: a numbered period of the scheme with its
/// [`DateSpan`] (first and last day both inclusive).
///
/// Serialised as `{"scheme": "quarters", "number": 1, "start": …, "end": …}`;
/// deserialising validates like [`Term::new`].
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use zhurnal::calendar::{Term, TermScheme};
/// let q1 = Term::new(
///     TermScheme::Quarters,
///     1,
///     NaiveDate::from_ymd_opt(2014, 9, 1).unwrap(),
///     NaiveDate::from_ymd_opt(2014, 10, 31).unwrap(),
/// )?;
/// assert_eq!(q1.code(), "Q1");
/// assert_eq!(q1.name(), "1 четверть");
/// assert!(q1.contains(NaiveDate::from_ymd_opt(2014, 10, 31).unwrap()));
/// assert_eq!(q1.span().days(), 61);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "TermFields", into = "TermFields")]
pub struct Term {
    scheme: TermScheme,
    number: u8,
    code: TermCode,
    span: DateSpan,
}

#[derive(Serialize, Deserialize)]
struct TermFields {
    scheme: TermScheme,
    number: u8,
    start: NaiveDate,
    end: NaiveDate,
}

impl TryFrom<TermFields> for Term {
    type Error = CalendarError;
    fn try_from(f: TermFields) -> Result<Self, Self::Error> {
        Term::new(f.scheme, f.number, f.start, f.end)
    }
}

impl From<Term> for TermFields {
    fn from(t: Term) -> Self {
        TermFields {
            scheme: t.scheme,
            number: t.number,
            start: t.span.start(),
            end: t.span.end(),
        }
    }
}

impl Term {
    /// A term of `scheme` numbered `number` (from 1), from `start` to `end`
    /// inclusive.
    ///
    /// # Errors
    /// [`CalendarError::InvalidTermNumber`] when `number` is 0 or more than
    /// the scheme's number of terms; [`CalendarError::InvalidTermRange`] when
    /// `end` is before `start`.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use zhurnal::calendar::{Term, TermScheme};
    /// let d = |m, day| NaiveDate::from_ymd_opt(2014, m, day).unwrap();
    /// let e = Term::new(TermScheme::Semesters, 3, d(9, 1), d(12, 28)).unwrap_err();
    /// assert_eq!(e.code(), "calendar.invalid_term_number");
    /// let e = Term::new(TermScheme::Semesters, 1, d(12, 28), d(9, 1)).unwrap_err();
    /// assert_eq!(e.code(), "calendar.invalid_term_range");
    /// ```
    pub fn new(
        scheme: TermScheme,
        number: u8,
        start: NaiveDate,
        end: NaiveDate,
    ) -> Result<Term, CalendarError> {
        let code = TermCode::of(scheme, number)?;
        let span = DateSpan::new(start, end).map_err(|_| CalendarError::InvalidTermRange {
            code: code.to_string(),
            start,
            end,
        })?;
        Ok(Term {
            scheme,
            number,
            code,
            span,
        })
    }

    /// The scheme the term belongs to.
    pub fn scheme(&self) -> TermScheme {
        self.scheme
    }

    /// The number within the scheme, from 1.
    pub fn number(&self) -> u8 {
        self.number
    }

    /// The code: `Q1`…`Q4`, `T1`…`T3`, `S1`, `S2`.
    pub fn code(&self) -> TermCode {
        self.code
    }

    /// The Russian name: «1 четверть», «2 триместр», «1 полугодие».
    pub fn name(&self) -> String {
        format!("{} {}", self.number, self.scheme.russian_unit())
    }

    /// The days of the term, both ends inclusive.
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

    /// Whether `date` is within the term, both ends included.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.span.contains(date)
    }
}

impl std::fmt::Display for Term {
    /// «1 четверть (2014-09-01..2014-10-31)».
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.name(), self.span)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn codes_and_names() {
        let t = Term::new(TermScheme::Trimesters, 2, d(2014, 12, 1), d(2015, 2, 28)).unwrap();
        assert_eq!(t.code(), "T2");
        assert_eq!(t.name(), "2 триместр");
        let s = Term::new(TermScheme::Semesters, 1, d(2014, 9, 1), d(2014, 12, 28)).unwrap();
        assert_eq!(s.code(), "S1");
        assert_eq!(s.name(), "1 полугодие");
        assert_eq!(s.to_string(), "1 полугодие (2014-09-01..2014-12-28)");
        assert_eq!(TermScheme::default(), TermScheme::Quarters);
    }

    #[test]
    fn contains_is_inclusive() {
        let t = Term::new(TermScheme::Quarters, 1, d(2014, 9, 1), d(2014, 10, 31)).unwrap();
        assert!(t.contains(d(2014, 9, 1)));
        assert!(t.contains(d(2014, 10, 31)));
        assert!(!t.contains(d(2014, 8, 31)));
        assert!(!t.contains(d(2014, 11, 1)));
    }

    #[test]
    fn one_day_term_is_fine() {
        assert!(Term::new(TermScheme::Quarters, 4, d(2015, 5, 1), d(2015, 5, 1)).is_ok());
    }

    #[test]
    fn errors() {
        let e = Term::new(TermScheme::Quarters, 0, d(2014, 9, 1), d(2014, 10, 1)).unwrap_err();
        assert_eq!(e.code(), "calendar.invalid_term_number");
        assert_eq!(e.to_string(), "term number 0 is outside 1..=4 for Quarters");
        let e = Term::new(TermScheme::Trimesters, 4, d(2014, 9, 1), d(2014, 10, 1)).unwrap_err();
        assert_eq!(e.code(), "calendar.invalid_term_number");
        let e = Term::new(TermScheme::Quarters, 1, d(2014, 10, 1), d(2014, 9, 1)).unwrap_err();
        assert_eq!(e.code(), "calendar.invalid_term_range");
        assert_eq!(
            e.to_string(),
            "term Q1 2014-10-01..2014-09-01 must not end before it starts"
        );
    }

    #[test]
    fn serde_validates() {
        let t = Term::new(TermScheme::Quarters, 2, d(2014, 11, 1), d(2014, 12, 31)).unwrap();
        let json = serde_json::to_string(&t).unwrap();
        assert_eq!(
            json,
            r#"{"scheme":"quarters","number":2,"start":"2014-11-01","end":"2014-12-31"}"#
        );
        assert_eq!(serde_json::from_str::<Term>(&json).unwrap(), t);
        let bad = r#"{"scheme":"quarters","number":5,"start":"2014-11-01","end":"2014-12-31"}"#;
        assert!(serde_json::from_str::<Term>(bad).is_err());
        let bad = r#"{"scheme":"quarters","number":1,"start":"2014-11-01","end":"2014-10-31"}"#;
        assert!(serde_json::from_str::<Term>(bad).is_err());
    }
}
