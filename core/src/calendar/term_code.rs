//! Term codes: `Q1`…`Q4`, `T1`…`T3`, `S1`, `S2` and `Y` for the year.

use serde::{Deserialize, Serialize};

use super::{CalendarError, TermScheme};

/// Every valid code, quarters, trimesters, semesters, then the year.
const CODES: [&str; 10] = ["Q1", "Q2", "Q3", "Q4", "T1", "T2", "T3", "S1", "S2", "Y"];

/// The code of a term: `Q1`…`Q4` (quarters), `T1`…`T3` (trimesters),
/// `S1`, `S2` (semesters, «полугодия») or `Y` for the whole year (used by
/// year reports). Exactly these texts, upper case, nothing around them.
///
/// Serialised as its text; deserialising validates like
/// [`TermCode::parse`].
///
/// # Example
/// ```
/// use zhurnal::calendar::{TermCode, TermScheme};
/// let q1 = TermCode::parse("Q1")?;
/// assert_eq!(q1.as_str(), "Q1");
/// assert_eq!(q1.to_string(), "Q1");
/// assert_eq!(q1.scheme(), Some(TermScheme::Quarters));
/// assert_eq!(q1.number(), Some(1));
/// assert_eq!(TermCode::YEAR.scheme(), None);
/// # Ok::<(), zhurnal::calendar::CalendarError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct TermCode {
    /// Index into [`CODES`].
    index: u8,
}

impl TermCode {
    /// `Y`: the whole school year.
    pub const YEAR: TermCode = TermCode { index: 9 };

    /// Parses a code.
    ///
    /// # Errors
    /// [`CalendarError::InvalidTermCode`] for anything but `Q1`…`Q4`,
    /// `T1`…`T3`, `S1`, `S2`, `Y`.
    ///
    /// # Example
    /// ```
    /// use zhurnal::calendar::TermCode;
    /// assert!(TermCode::parse("S2").is_ok());
    /// for bad in ["Q5", "q1", " Q1", "T4", "H1", ""] {
    ///     assert_eq!(TermCode::parse(bad).unwrap_err().code(), "calendar.invalid_term_code");
    /// }
    /// ```
    pub fn parse(text: &str) -> Result<TermCode, CalendarError> {
        CODES
            .iter()
            .position(|c| *c == text)
            .and_then(|i| u8::try_from(i).ok())
            .map(|index| TermCode { index })
            .ok_or_else(|| CalendarError::InvalidTermCode {
                code: text.to_owned(),
            })
    }

    /// The code of term `number` (from 1) of `scheme`.
    ///
    /// # Errors
    /// [`CalendarError::InvalidTermNumber`] when `number` is 0 or more than
    /// the scheme's number of terms.
    ///
    /// # Example
    /// ```
    /// use zhurnal::calendar::{TermCode, TermScheme};
    /// assert_eq!(TermCode::of(TermScheme::Trimesters, 3)?.as_str(), "T3");
    /// let e = TermCode::of(TermScheme::Semesters, 3).unwrap_err();
    /// assert_eq!(e.code(), "calendar.invalid_term_number");
    /// # Ok::<(), zhurnal::calendar::CalendarError>(())
    /// ```
    pub fn of(scheme: TermScheme, number: u8) -> Result<TermCode, CalendarError> {
        let max = scheme.term_count();
        if number == 0 || number > max {
            return Err(CalendarError::InvalidTermNumber {
                scheme,
                number,
                max,
            });
        }
        let first = match scheme {
            TermScheme::Quarters => 0,
            TermScheme::Trimesters => 4,
            TermScheme::Semesters => 7,
        };
        Ok(TermCode {
            index: first + number - 1,
        })
    }

    /// The code's text, e.g. `"Q1"`.
    pub fn as_str(&self) -> &'static str {
        CODES.get(usize::from(self.index)).copied().unwrap_or("Y")
    }

    /// The scheme of a term code; `None` for `Y`.
    pub fn scheme(&self) -> Option<TermScheme> {
        match self.as_str().as_bytes().first() {
            Some(b'Q') => Some(TermScheme::Quarters),
            Some(b'T') => Some(TermScheme::Trimesters),
            Some(b'S') => Some(TermScheme::Semesters),
            _ => None,
        }
    }

    /// The term's number within its scheme (from 1); `None` for `Y`.
    pub fn number(&self) -> Option<u8> {
        self.as_str()
            .as_bytes()
            .get(1)
            .filter(|b| b.is_ascii_digit())
            .map(|b| b - b'0')
    }
}

impl std::fmt::Display for TermCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for TermCode {
    type Err = CalendarError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        TermCode::parse(s)
    }
}

impl TryFrom<String> for TermCode {
    type Error = CalendarError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        TermCode::parse(&s)
    }
}

impl From<TermCode> for String {
    fn from(c: TermCode) -> Self {
        c.as_str().to_owned()
    }
}

impl PartialEq<str> for TermCode {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for TermCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_round_trips() {
        for text in CODES {
            let code = TermCode::parse(text).unwrap();
            assert_eq!(code.as_str(), text);
            assert_eq!(code.to_string(), text);
            assert_eq!(text.parse::<TermCode>().unwrap(), code);
            let json = serde_json::to_string(&code).unwrap();
            assert_eq!(json, format!("\"{text}\""));
            assert_eq!(serde_json::from_str::<TermCode>(&json).unwrap(), code);
        }
        assert_eq!(TermCode::YEAR.as_str(), "Y");
    }

    #[test]
    fn of_matches_scheme_and_number() {
        for scheme in [
            TermScheme::Quarters,
            TermScheme::Trimesters,
            TermScheme::Semesters,
        ] {
            for n in 1..=scheme.term_count() {
                let code = TermCode::of(scheme, n).unwrap();
                assert_eq!(code.as_str(), format!("{}{n}", scheme.code_letter()));
                assert_eq!((code.scheme(), code.number()), (Some(scheme), Some(n)));
            }
            assert!(TermCode::of(scheme, 0).is_err());
            assert!(TermCode::of(scheme, scheme.term_count() + 1).is_err());
        }
        assert_eq!(
            (TermCode::YEAR.scheme(), TermCode::YEAR.number()),
            (None, None)
        );
    }

    #[test]
    fn refuses_other_texts() {
        for bad in ["", "Q0", "Q5", "T4", "S3", "q1", "Q1 ", "H1", "Y1", "YY"] {
            let e = TermCode::parse(bad).unwrap_err();
            assert_eq!(e.code(), "calendar.invalid_term_code", "{bad:?}");
        }
        let e = TermCode::parse("H1").unwrap_err();
        assert_eq!(
            e.to_string(),
            "invalid term code \"H1\": use Q1-Q4, T1-T3, S1-S2 or Y"
        );
        assert!(serde_json::from_str::<TermCode>("\"Q9\"").is_err());
        assert!(serde_json::from_str::<TermCode>("1").is_err());
    }

    #[test]
    fn compares_with_text() {
        let q2 = TermCode::parse("Q2").unwrap();
        assert!(q2 == "Q2" && q2 != "Q3");
        assert!(TermCode::parse("Q1").unwrap() < q2);
    }
}
