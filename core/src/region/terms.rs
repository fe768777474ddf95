//! The terms a term-grades report groups marks by.

use chrono::NaiveDate;

use crate::calendar::{CalendarError, DateSpan, SchoolYear, TermCode};
use serde::{Deserialize, Serialize};

use super::error::RegionError;
use super::fields::day_of;

/// One term of a report: a [`TermCode`] printed in the `term` column and
/// its [`DateSpan`] (first and last day, both included).
///
/// Serialised as `{"code": "Q1", "start": …, "end": …}`; deserialising
/// validates the code and the span.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use zhurnal::calendar::{DateSpan, TermCode};
/// use zhurnal::region::ReportTerm;
/// let day = |m, d| NaiveDate::from_ymd_opt(2014, m, d).unwrap();
/// let q1 = ReportTerm::new(TermCode::parse("Q1")?, DateSpan::new(day(9, 1), day(10, 31))?);
/// assert_eq!(q1.code().as_str(), "Q1");
/// assert!(q1.contains(day(10, 31)));
/// assert_eq!(q1.span().days(), 61);
/// # Ok::<(), zhurnal::calendar::CalendarError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "TermFields", into = "TermFields")]
pub struct ReportTerm {
    code: TermCode,
    span: DateSpan,
}

#[derive(Serialize, Deserialize)]
struct TermFields {
    code: TermCode,
    start: NaiveDate,
    end: NaiveDate,
}

impl TryFrom<TermFields> for ReportTerm {
    type Error = CalendarError;
    fn try_from(f: TermFields) -> Result<Self, Self::Error> {
        Ok(ReportTerm::new(f.code, DateSpan::new(f.start, f.end)?))
    }
}

impl From<ReportTerm> for TermFields {
    fn from(t: ReportTerm) -> Self {
        TermFields {
            code: t.code,
            start: t.span.start(),
            end: t.span.end(),
        }
    }
}

impl ReportTerm {
    /// A term with this code over these days; both are validated by their
    /// own types, so this cannot fail.
    pub fn new(code: TermCode, span: DateSpan) -> ReportTerm {
        ReportTerm { code, span }
    }

    /// The code printed in the report (`Q1`).
    pub fn code(&self) -> TermCode {
        self.code
    }

    /// The days of the term, both included.
    pub fn span(&self) -> DateSpan {
        self.span
    }

    /// First day, included.
    pub fn start(&self) -> NaiveDate {
        self.span.start()
    }

    /// Last day, included.
    pub fn end(&self) -> NaiveDate {
        self.span.end()
    }

    /// Whether `date` is in the term (bounds included).
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.span.contains(date)
    }
}

/// The terms of a report, in date order, not overlapping, each with its own
/// code; the report lists terms in this order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Vec<ReportTerm>", into = "Vec<ReportTerm>")]
pub struct ReportTerms {
    terms: Vec<ReportTerm>,
    #[serde(skip)]
    first_day: i32,
    #[serde(skip)]
    lookup: Vec<u8>,
}

/// No term on this day.
pub(crate) const NO_TERM: u8 = u8::MAX;

impl ReportTerms {
    /// Validates the list.
    ///
    /// # Errors
    /// [`RegionError::InvalidTermList`] for no terms, more than 64, or a
    /// span over 100 years; [`RegionError::TermsOutOfOrder`] when a term
    /// does not start after the previous one ends or repeats a code.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use zhurnal::calendar::{DateSpan, TermCode};
    /// use zhurnal::region::{ReportTerm, ReportTerms};
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let s1 = ReportTerm::new(TermCode::parse("S1")?, DateSpan::new(day(2014, 9, 1), day(2014, 12, 31))?);
    /// let s2 = ReportTerm::new(TermCode::parse("S2")?, DateSpan::new(day(2015, 1, 12), day(2015, 5, 31))?);
    /// let terms = ReportTerms::new(vec![s1.clone(), s2.clone()])?;
    /// assert_eq!(terms.term_of(day(2015, 1, 5)), None);
    /// assert_eq!(terms.term_of(day(2015, 1, 12)).map(|t| t.code().as_str()), Some("S2"));
    /// assert!(ReportTerms::new(vec![s2, s1]).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(terms: Vec<ReportTerm>) -> Result<ReportTerms, RegionError> {
        let count = terms.len() as u64;
        let (Some(first), Some(last)) = (terms.first(), terms.last()) else {
            return Err(RegionError::InvalidTermList { count });
        };
        let first_day = day_of(first.start());
        let span = day_of(last.end()) - first_day + 1;
        if count > 64 || span > 36_525 {
            return Err(RegionError::InvalidTermList { count });
        }
        for (i, pair) in terms.windows(2).enumerate() {
            let repeated = terms[..=i].iter().any(|t| t.code == pair[1].code);
            if pair[1].start() <= pair[0].end() || repeated {
                return Err(RegionError::TermsOutOfOrder {
                    code: pair[1].code.to_string(),
                    previous: pair[0].code.to_string(),
                });
            }
        }
        Ok(ReportTerms::build(terms))
    }

    /// The day lookup of terms already checked to be in order.
    fn build(terms: Vec<ReportTerm>) -> ReportTerms {
        let first_day = terms.first().map_or(0, |t| day_of(t.start()));
        let last_day = terms.last().map_or(0, |t| day_of(t.end()));
        let mut lookup = vec![NO_TERM; (last_day - first_day + 1).max(0) as usize];
        for (index, term) in terms.iter().enumerate() {
            let from = (day_of(term.start()) - first_day) as usize;
            let to = (day_of(term.end()) - first_day) as usize;
            lookup[from..=to].fill(index as u8);
        }
        ReportTerms {
            terms,
            first_day,
            lookup,
        }
    }

    /// The terms in order.
    pub fn all(&self) -> &[ReportTerm] {
        &self.terms
    }

    /// The term `date` falls in, if any.
    pub fn term_of(&self, date: NaiveDate) -> Option<&ReportTerm> {
        self.terms.iter().find(|t| t.contains(date))
    }

    /// The index of the term of a day number, or [`NO_TERM`].
    #[inline]
    pub(crate) fn index_of_day(&self, day: i32) -> u8 {
        let offset = day.wrapping_sub(self.first_day);
        if offset < 0 {
            return NO_TERM;
        }
        self.lookup.get(offset as usize).copied().unwrap_or(NO_TERM)
    }
}

impl TryFrom<Vec<ReportTerm>> for ReportTerms {
    type Error = RegionError;
    fn try_from(terms: Vec<ReportTerm>) -> Result<Self, Self::Error> {
        ReportTerms::new(terms)
    }
}

impl From<ReportTerms> for Vec<ReportTerm> {
    fn from(t: ReportTerms) -> Self {
        t.terms
    }
}

impl Default for ReportTerms {
    /// The quarters of the 2014–2015 school year: Q1 01.09–31.10.2014,
    /// Q2 01.11–31.12.2014, Q3 12.01–22.03.2015, Q4 30.03–31.05.2015.
    fn default() -> Self {
        default_terms()
    }
}

/// The default terms: the quarters of the school calendar's 2014–2015 year
/// ([`SchoolYear::russian_2014_2015`]: Q1 01.09–31.10.2014,
/// Q2 01.11–31.12.2014, Q3 12.01–22.03.2015, Q4 30.03–31.05.2015), the
/// year of the seed plan.
pub(crate) fn default_terms() -> ReportTerms {
    ReportTerms::from_year(&SchoolYear::russian_2014_2015())
}

impl ReportTerms {
    /// The terms of a school year's calendar, with their codes (`Q1`…,
    /// `T1`…, `S1`…). A calendar's terms are already ordered and apart.
    ///
    /// # Example
    /// ```
    /// use zhurnal::calendar::SchoolYear;
    /// use zhurnal::region::ReportTerms;
    /// let terms = ReportTerms::from_year(&SchoolYear::russian_2014_2015());
    /// assert_eq!(terms.all().len(), 4);
    /// assert_eq!(terms, ReportTerms::default());
    /// ```
    pub fn from_year(year: &SchoolYear) -> ReportTerms {
        ReportTerms::build(
            year.terms()
                .iter()
                .map(|t| ReportTerm::new(t.code(), t.span()))
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn default_quarters_with_inclusive_bounds() {
        let t = ReportTerms::default();
        assert_eq!(ReportTerms::new(t.all().to_vec()).unwrap(), t);
        assert_eq!(t.all().len(), 4);
        let code = |d: NaiveDate| t.term_of(d).map(|t| t.code().to_string());
        assert_eq!(code(day(2014, 9, 1)).as_deref(), Some("Q1"));
        assert_eq!(code(day(2014, 10, 31)).as_deref(), Some("Q1"));
        assert_eq!(code(day(2014, 11, 1)).as_deref(), Some("Q2"));
        assert_eq!(code(day(2015, 1, 11)), None);
        assert_eq!(code(day(2015, 3, 22)).as_deref(), Some("Q3"));
        assert_eq!(code(day(2015, 3, 23)), None);
        assert_eq!(code(day(2015, 5, 31)).as_deref(), Some("Q4"));
        assert_eq!(code(day(2015, 6, 1)), None);
        assert_eq!(code(day(2014, 8, 31)), None);
        for d in [
            day(2014, 8, 31),
            day(2014, 9, 1),
            day(2015, 1, 11),
            day(2015, 5, 31),
            day(2015, 6, 1),
            day(1, 1, 1),
        ] {
            let expected = t
                .all()
                .iter()
                .position(|x| x.contains(d))
                .map_or(NO_TERM, |i| i as u8);
            assert_eq!(t.index_of_day(day_of(d)), expected, "{d}");
        }
        assert_eq!(t.index_of_day(i32::MIN), NO_TERM);
        assert_eq!(t.index_of_day(i32::MAX), NO_TERM);
    }

    fn rt(code: &str, start: NaiveDate, end: NaiveDate) -> ReportTerm {
        ReportTerm::new(
            TermCode::parse(code).unwrap(),
            DateSpan::new(start, end).unwrap(),
        )
    }

    #[test]
    fn validation() {
        let a = rt("T1", day(2014, 9, 1), day(2014, 9, 30));
        let b = rt("T2", day(2014, 9, 30), day(2014, 10, 30));
        let e = ReportTerms::new(vec![a.clone(), b]).unwrap_err();
        assert_eq!(e.code(), "region.terms_out_of_order");
        let a2 = rt("T1", day(2014, 10, 1), day(2014, 10, 30));
        assert!(ReportTerms::new(vec![a.clone(), a2]).is_err());
        assert_eq!(
            ReportTerms::new(vec![]).unwrap_err().code(),
            "region.invalid_term_list"
        );
        let far = rt("Y", day(2200, 1, 1), day(2200, 1, 2));
        assert_eq!(
            ReportTerms::new(vec![a, far]).unwrap_err().code(),
            "region.invalid_term_list"
        );
        // a one-day term
        let one = ReportTerms::new(vec![rt("Y", day(2014, 9, 1), day(2014, 9, 1))]).unwrap();
        assert_eq!(one.index_of_day(day_of(day(2014, 9, 1))), 0);
    }

    #[test]
    fn serde_validates_and_round_trips() {
        let t = ReportTerms::default();
        let json = serde_json::to_string(&t).unwrap();
        assert!(json.contains("\"Q3\""));
        let back: ReportTerms = serde_json::from_str(&json).unwrap();
        assert_eq!(back, t);
        assert!(json.starts_with(r#"[{"code":"Q1","start":"2014-09-01","end":"2014-10-31"}"#));
        let bad = r#"[{"code":"Q1","start":"2014-10-01","end":"2014-09-01"}]"#;
        let e = serde_json::from_str::<ReportTerms>(bad).unwrap_err();
        assert!(
            e.to_string().contains("must not end before it starts"),
            "{e}"
        );
        // Only term codes are codes.
        let bad = r#"[{"code":"H1","start":"2014-09-01","end":"2014-10-01"}]"#;
        let e = serde_json::from_str::<ReportTerms>(bad).unwrap_err();
        assert!(e.to_string().contains("invalid term code \"H1\""), "{e}");
    }
}
