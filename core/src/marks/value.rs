//! Mark values.

use serde::{Deserialize, Serialize};

use super::MarkError;

/// A mark on the five-point scale: 1 to 5.
///
/// # Example
/// ```
/// use zhurnal::marks::Points;
/// let five = Points::new(5)?;
/// assert_eq!(five.get(), 5);
/// assert!(Points::new(6).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "i64", into = "u8")]
pub struct Points(u8);

impl Points {
    /// The lowest mark.
    pub const ONE: Points = Points(1);
    /// «неудовлетворительно».
    pub const TWO: Points = Points(2);
    /// «удовлетворительно».
    pub const THREE: Points = Points(3);
    /// «хорошо».
    pub const FOUR: Points = Points(4);
    /// «отлично».
    pub const FIVE: Points = Points(5);

    /// A mark from 1 to 5.
    ///
    /// # Errors
    /// [`MarkError::OutOfScale`] for anything else.
    ///
    /// # Example
    /// ```
    /// use zhurnal::marks::Points;
    /// assert_eq!(Points::new(0).unwrap_err().code(), "mark.out_of_scale");
    /// ```
    pub fn new(value: u8) -> Result<Points, MarkError> {
        Points::try_from(i64::from(value))
    }

    /// The number, 1 to 5.
    pub const fn get(self) -> u8 {
        self.0
    }
}

impl TryFrom<i64> for Points {
    type Error = MarkError;

    fn try_from(value: i64) -> Result<Self, Self::Error> {
        match u8::try_from(value) {
            Ok(v @ 1..=5) => Ok(Points(v)),
            _ => Err(MarkError::OutOfScale { value }),
        }
    }
}

impl From<Points> for u8 {
    fn from(points: Points) -> u8 {
        points.0
    }
}

impl std::fmt::Display for Points {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// What a teacher can put in a journal cell as a mark.
///
/// Only [`MarkValue::Points`] enters an average; зачёт/незачёт and the debt
/// mark «точка» are shown but never averaged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MarkValue {
    /// A mark 1–5.
    Points(Points),
    /// «зачёт».
    Pass,
    /// «незачёт».
    Fail,
    /// «точка»: the work is owed.
    Debt,
}

impl MarkValue {
    /// The five-point mark, if this is one.
    pub fn points(self) -> Option<Points> {
        match self {
            MarkValue::Points(p) => Some(p),
            _ => None,
        }
    }

    /// Parses the journal's notation: `1`–`5`, `зачёт`/`зач`, `незачёт`/`незач`,
    /// `.` or `точка` (case-insensitive, `е` for `ё` accepted).
    ///
    /// # Errors
    /// [`MarkError::OutOfScale`] for another number, [`MarkError::UnknownMark`]
    /// for any other text.
    ///
    /// # Example
    /// ```
    /// use zhurnal::marks::{MarkValue, Points};
    /// assert_eq!(MarkValue::parse("4")?, MarkValue::Points(Points::FOUR));
    /// assert_eq!(MarkValue::parse("Зачёт")?, MarkValue::Pass);
    /// assert_eq!(MarkValue::parse(".")?, MarkValue::Debt);
    /// # Ok::<(), zhurnal::marks::MarkError>(())
    /// ```
    pub fn parse(text: &str) -> Result<MarkValue, MarkError> {
        let t = text.trim().to_lowercase().replace('ё', "е");
        if let Ok(n) = t.parse::<i64>() {
            return Points::try_from(n).map(MarkValue::Points);
        }
        match t.as_str() {
            "зачет" | "зач" | "зч" => Ok(MarkValue::Pass),
            "незачет" | "незач" | "нзч" => Ok(MarkValue::Fail),
            "." | "точка" => Ok(MarkValue::Debt),
            _ => Err(MarkError::UnknownMark {
                text: crate::excerpt::excerpt(text),
            }),
        }
    }
}

impl std::fmt::Display for MarkValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MarkValue::Points(p) => write!(f, "{p}"),
            MarkValue::Pass => f.write_str("зачёт"),
            MarkValue::Fail => f.write_str("незачёт"),
            MarkValue::Debt => f.write_str("."),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_bounds() {
        assert!(Points::new(0).is_err());
        assert!(Points::new(6).is_err());
        for v in 1..=5 {
            assert_eq!(Points::new(v).unwrap().get(), v);
        }
        assert_eq!(
            Points::try_from(-1).unwrap_err().to_string(),
            "mark -1 is outside the scale 1..=5"
        );
    }

    #[test]
    fn parse_notation() {
        assert_eq!(
            MarkValue::parse(" 5 ").unwrap(),
            MarkValue::Points(Points::FIVE)
        );
        assert_eq!(MarkValue::parse("НЕЗАЧЕТ").unwrap(), MarkValue::Fail);
        assert_eq!(MarkValue::parse("точка").unwrap(), MarkValue::Debt);
        assert_eq!(
            MarkValue::parse("7").unwrap_err().code(),
            "mark.out_of_scale"
        );
        assert_eq!(MarkValue::parse("отл").unwrap_err().code(), "mark.unknown");
        for v in ["1", "2", "3", "4", "5", "зачёт", "незачёт", "."] {
            assert_eq!(MarkValue::parse(v).unwrap().to_string(), v);
        }
    }

    #[test]
    fn serde_validates() {
        let json = serde_json::to_string(&MarkValue::Points(Points::THREE)).unwrap();
        assert_eq!(json, r#"{"points":3}"#);
        assert!(serde_json::from_str::<MarkValue>(r#"{"points":9}"#).is_err());
        assert_eq!(
            serde_json::from_str::<MarkValue>(r#""debt""#).unwrap(),
            MarkValue::Debt
        );
        assert!(serde_json::from_str::<Points>("0").is_err());
    }
}
