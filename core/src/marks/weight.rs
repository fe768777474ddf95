//! Mark weights.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::MarkError;

/// The weight of a mark in the weighted average: an exact decimal greater
/// than 0 and at most 100 (`1`, `1.5`, `2`, `3` are usual).
///
/// # Example
/// ```
/// use zhurnal::marks::Weight;
/// let w: Weight = "1.5".parse()?;
/// assert_eq!(w.to_string(), "1.5");
/// assert_eq!("0".parse::<Weight>().unwrap_err().code(), "mark.invalid_weight");
/// # Ok::<(), zhurnal::marks::MarkError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "Decimal", into = "Decimal")]
pub struct Weight(Decimal);

impl Weight {
    /// The weight 1.
    pub const ONE: Weight = Weight(Decimal::ONE);

    /// A weight; trailing zeros are dropped (`2.0` is `2`).
    ///
    /// # Errors
    /// [`MarkError::InvalidWeight`] when `value <= 0` or `value > 100`.
    ///
    /// # Example
    /// ```
    /// use rust_decimal::Decimal;
    /// use zhurnal::marks::Weight;
    /// assert_eq!(Weight::new(Decimal::TWO)?.get(), Decimal::TWO);
    /// assert!(Weight::new(Decimal::NEGATIVE_ONE).is_err());
    /// # Ok::<(), zhurnal::marks::MarkError>(())
    /// ```
    pub fn new(value: Decimal) -> Result<Weight, MarkError> {
        if value <= Decimal::ZERO || value > Decimal::ONE_HUNDRED {
            return Err(MarkError::InvalidWeight {
                weight: value.to_string(),
            });
        }
        Ok(Weight(value.normalize()))
    }

    /// A weight from a whole number of tenths; only for known-good constants
    /// (`tenths` in 1..=1000).
    pub(crate) fn from_tenths(tenths: i64) -> Weight {
        Weight(Decimal::new(tenths, 1).normalize())
    }

    /// The weight as a decimal.
    pub const fn get(self) -> Decimal {
        self.0
    }
}

impl TryFrom<Decimal> for Weight {
    type Error = MarkError;

    fn try_from(value: Decimal) -> Result<Self, Self::Error> {
        Weight::new(value)
    }
}

impl From<Weight> for Decimal {
    fn from(weight: Weight) -> Decimal {
        weight.0
    }
}

impl std::str::FromStr for Weight {
    type Err = MarkError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let value: Decimal =
            s.trim()
                .replace(',', ".")
                .parse()
                .map_err(|_| MarkError::InvalidWeight {
                    weight: s.to_owned(),
                })?;
        Weight::new(value)
    }
}

impl std::fmt::Display for Weight {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds() {
        assert!("0".parse::<Weight>().is_err());
        assert!("-1".parse::<Weight>().is_err());
        assert!("100.01".parse::<Weight>().is_err());
        assert!("abc".parse::<Weight>().is_err());
        assert_eq!("100".parse::<Weight>().unwrap().to_string(), "100");
        assert_eq!("1,5".parse::<Weight>().unwrap().to_string(), "1.5");
        assert_eq!("2.00".parse::<Weight>().unwrap().to_string(), "2");
    }

    #[test]
    fn serde_validates() {
        assert!(serde_json::from_str::<Weight>(r#""0""#).is_err());
        let w: Weight = serde_json::from_str(r#""1.5""#).unwrap();
        assert_eq!(serde_json::to_string(&w).unwrap(), r#""1.5""#);
    }
}
