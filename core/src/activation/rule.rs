//! The activation rule itself: the count, the share and the band status.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::activation::ActivationError;
use crate::rounding::percent_share;

/// Who is in the denominator of the share.
///
/// The same policy means the same thing in the registry's metrics
/// ([`ApplicationRegistry::activation_table`](crate::applications::ApplicationRegistry::activation_table)
/// and the rest) and in the region CSV report, which counts
/// [`EligibilityPolicy::WithAccess`] from its `has_access` column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EligibilityPolicy {
    /// Parents who have the possibility to use the service (the seed
    /// plan's «имеющих возможность воспользоваться услугой») on the date:
    /// a fact the host records per parent
    /// ([`ApplicationRegistry::record_service_access`](crate::applications::ApplicationRegistry::record_service_access)),
    /// the `has_access` column of `parents.csv`. A parent with no record
    /// is not counted. The default.
    #[default]
    WithAccess,
    /// Every parent in the scope.
    AllParents,
    /// Parents who submitted an application on or before the date.
    Applicants,
    /// Parents with an application for the child approved (or further)
    /// and its consent in force on the date: those the diary lets in.
    ApprovedApplicants,
}
/// An inclusive target band in percent, e.g. 30–40%.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "BandFields", into = "BandFields")]
pub struct TargetBand {
    min: Decimal,
    max: Decimal,
}

#[derive(Serialize, Deserialize)]
struct BandFields {
    min: Decimal,
    max: Decimal,
}

impl TryFrom<BandFields> for TargetBand {
    type Error = ActivationError;
    fn try_from(f: BandFields) -> Result<Self, Self::Error> {
        TargetBand::new(f.min, f.max)
    }
}

impl From<TargetBand> for BandFields {
    fn from(b: TargetBand) -> Self {
        BandFields {
            min: b.min,
            max: b.max,
        }
    }
}

/// Where a share stands against a band.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BandStatus {
    /// Under the band's minimum.
    Below,
    /// Within the band, bounds included.
    OnTarget,
    /// Over the band's maximum.
    Above,
}

impl BandStatus {
    /// `below`, `on_target`, `above`: the words of the bulk reports.
    pub fn as_str(self) -> &'static str {
        match self {
            BandStatus::Below => "below",
            BandStatus::OnTarget => "on_target",
            BandStatus::Above => "above",
        }
    }
}

impl std::fmt::Display for BandStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl TargetBand {
    /// A band from `min` to `max` percent, both included.
    ///
    /// # Errors
    /// [`ActivationError::InvalidBand`] unless `0 <= min <= max <= 100`.
    ///
    /// # Example
    /// ```
    /// use zhurnal::activation::{BandStatus, TargetBand};
    /// let band = TargetBand::new(30.into(), 40.into())?;
    /// assert_eq!(band.status("40.00".parse()?), BandStatus::OnTarget);
    /// assert_eq!(band.status("40.63".parse()?), BandStatus::Above);
    /// assert!(TargetBand::new(50.into(), 40.into()).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(min: Decimal, max: Decimal) -> Result<TargetBand, ActivationError> {
        if min < Decimal::ZERO || min > max || max > Decimal::ONE_HUNDRED {
            return Err(ActivationError::InvalidBand { min, max });
        }
        Ok(TargetBand { min, max })
    }

    /// Lower bound, percent.
    pub fn min(&self) -> Decimal {
        self.min
    }

    /// Upper bound, percent.
    pub fn max(&self) -> Decimal {
        self.max
    }

    /// Compares a (rounded) share with the band, bounds included.
    pub fn status(&self, share: Decimal) -> BandStatus {
        if share < self.min {
            BandStatus::Below
        } else if share > self.max {
            BandStatus::Above
        } else {
            BandStatus::OnTarget
        }
    }
}

impl std::fmt::Display for TargetBand {
    /// `30–40%`, or `100%` when both bounds are equal.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.min == self.max {
            write!(f, "{}%", self.min)
        } else {
            write!(f, "{}–{}%", self.min, self.max)
        }
    }
}

/// A dated activation target: by `date`, the share should be in `band`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Checkpoint {
    /// The day the share is measured (inclusive).
    pub date: NaiveDate,
    /// The target band.
    pub band: TargetBand,
}

/// Checkpoints in strictly increasing date order (none by default).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(try_from = "Vec<Checkpoint>", into = "Vec<Checkpoint>")]
pub struct Checkpoints(Vec<Checkpoint>);

impl Checkpoints {
    /// Validates the order.
    ///
    /// # Errors
    /// [`ActivationError::CheckpointsOutOfOrder`] when a date is not after
    /// the one before it.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use zhurnal::activation::{Checkpoint, Checkpoints, TargetBand};
    /// let oct = Checkpoint { date: NaiveDate::from_ymd_opt(2014, 10, 1).unwrap(), band: TargetBand::new(30.into(), 40.into())? };
    /// assert!(Checkpoints::new(vec![oct, oct]).is_err());
    /// assert_eq!(Checkpoints::new(vec![oct])?.all().len(), 1);
    /// # Ok::<(), zhurnal::activation::ActivationError>(())
    /// ```
    pub fn new(list: Vec<Checkpoint>) -> Result<Checkpoints, ActivationError> {
        for pair in list.windows(2) {
            if pair[1].date <= pair[0].date {
                return Err(ActivationError::CheckpointsOutOfOrder {
                    date: pair[1].date,
                    previous: pair[0].date,
                });
            }
        }
        Ok(Checkpoints(list))
    }

    /// All checkpoints, earliest first.
    pub fn all(&self) -> &[Checkpoint] {
        &self.0
    }

    /// The latest checkpoint on or before `date`.
    pub fn current(&self, date: NaiveDate) -> Option<&Checkpoint> {
        self.0.iter().rev().find(|c| c.date <= date)
    }

    /// The first checkpoint after `date`.
    pub fn next(&self, date: NaiveDate) -> Option<&Checkpoint> {
        self.0.iter().find(|c| c.date > date)
    }
}

impl TryFrom<Vec<Checkpoint>> for Checkpoints {
    type Error = ActivationError;
    fn try_from(list: Vec<Checkpoint>) -> Result<Self, Self::Error> {
        Checkpoints::new(list)
    }
}

impl From<Checkpoints> for Vec<Checkpoint> {
    fn from(c: Checkpoints) -> Self {
        c.0
    }
}

/// Eligible and activated parents in one scope on one date.
///
/// Always `activated <= eligible`: an activated parent who is not eligible
/// counts in neither number. The fields are private; [`ActivationCount::new`]
/// and deserialisation check the invariant, [`ActivationCount::count`] and
/// [`ActivationCount::merge`] keep it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(try_from = "CountFields", into = "CountFields")]
pub struct ActivationCount {
    eligible: u64,
    activated: u64,
}

#[derive(Serialize, Deserialize)]
struct CountFields {
    eligible: u64,
    activated: u64,
}

impl TryFrom<CountFields> for ActivationCount {
    type Error = ActivationError;
    fn try_from(f: CountFields) -> Result<Self, Self::Error> {
        ActivationCount::new(f.eligible, f.activated)
    }
}

impl From<ActivationCount> for CountFields {
    fn from(c: ActivationCount) -> Self {
        CountFields {
            eligible: c.eligible,
            activated: c.activated,
        }
    }
}

impl ActivationCount {
    /// A count of `eligible` parents of whom `activated` are activated.
    ///
    /// # Errors
    /// [`ActivationError::ActivatedAboveEligible`] when `activated >
    /// eligible`.
    ///
    /// # Example
    /// ```
    /// use zhurnal::activation::ActivationCount;
    /// let c = ActivationCount::new(32, 13)?;
    /// assert_eq!((c.eligible(), c.activated()), (32, 13));
    /// let e = ActivationCount::new(3, 4).unwrap_err();
    /// assert_eq!(e.code(), "activation.activated_above_eligible");
    /// # Ok::<(), zhurnal::activation::ActivationError>(())
    /// ```
    pub fn new(eligible: u64, activated: u64) -> Result<ActivationCount, ActivationError> {
        if activated > eligible {
            return Err(ActivationError::ActivatedAboveEligible {
                eligible,
                activated,
            });
        }
        Ok(ActivationCount {
            eligible,
            activated,
        })
    }

    /// Parents in the denominator.
    pub fn eligible(&self) -> u64 {
        self.eligible
    }

    /// Eligible parents activated on or before the date.
    pub fn activated(&self) -> u64 {
        self.activated
    }

    /// Counts one parent: `eligible` by the policy, `activated_on` the day
    /// their account was activated, if it was. Activated but not eligible
    /// counts in neither number.
    pub fn count(&mut self, eligible: bool, activated_on: Option<NaiveDate>, date: NaiveDate) {
        self.count_by(eligible, activated_on, date);
    }

    /// [`ActivationCount::count`] with the days in any order-keeping form
    /// (the region reports count by day number).
    #[inline]
    pub(crate) fn count_by<D: Ord>(&mut self, eligible: bool, activated_on: Option<D>, date: D) {
        if eligible && self.eligible < u64::MAX {
            self.eligible += 1;
            if activated_on.is_some_and(|d| d <= date) {
                self.activated += 1;
            }
        }
    }

    /// Adds another scope's counts (class → school → region), saturating
    /// (the sum of two valid counts is valid).
    pub fn merge(&mut self, other: ActivationCount) {
        let eligible = self.eligible.saturating_add(other.eligible);
        let activated = self.activated.saturating_add(other.activated);
        self.eligible = eligible;
        self.activated = activated.min(eligible);
    }

    /// `100 × activated / eligible`, HALF-UP to two places; `None` for an
    /// empty scope.
    ///
    /// # Example
    /// ```
    /// use zhurnal::activation::ActivationCount;
    /// let c = ActivationCount::new(32, 13)?;
    /// assert_eq!(c.share().map(|s| s.to_string()), Some("40.63".into()));
    /// assert_eq!(ActivationCount::default().share(), None);
    /// # Ok::<(), zhurnal::activation::ActivationError>(())
    /// ```
    pub fn share(&self) -> Option<Decimal> {
        percent_share(self.activated, self.eligible)
    }

    /// The status of the share against `band`; `None` for an empty scope.
    pub fn status(&self, band: &TargetBand) -> Option<BandStatus> {
        self.share().map(|s| band.status(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn ac(eligible: u64, activated: u64) -> ActivationCount {
        ActivationCount::new(eligible, activated).unwrap()
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn bench_examples() {
        let b30 = TargetBand::new(d("30"), d("40")).unwrap();
        let b41 = TargetBand::new(d("41"), d("60")).unwrap();
        let b100 = TargetBand::new(d("100"), d("100")).unwrap();
        let c = ac(32, 13); // 40.625
        assert_eq!(c.share(), Some(d("40.63")));
        assert_eq!(c.status(&b30), Some(BandStatus::Above));
        assert_eq!(c.status(&b41), Some(BandStatus::Below));
        let c = ac(20000, 19999); // 99.995
        assert_eq!(c.share(), Some(d("100.00")));
        assert_eq!(c.status(&b100), Some(BandStatus::OnTarget));
        assert_eq!(ActivationCount::default().status(&b100), None);
        assert_eq!(b30.to_string(), "30–40%");
        assert_eq!(b100.to_string(), "100%");
    }

    #[test]
    fn counting_is_inclusive_and_ignores_ineligible() {
        let day = date(2014, 10, 1);
        let mut c = ActivationCount::default();
        c.count(true, Some(day), day);
        c.count(true, Some(date(2014, 10, 2)), day);
        c.count(true, None, day);
        c.count(false, Some(date(2014, 9, 1)), day);
        assert_eq!(c, ac(3, 1));
    }

    #[test]
    fn counts_keep_activated_within_eligible() {
        let e = ActivationCount::new(2, 3).unwrap_err();
        assert_eq!(e.code(), "activation.activated_above_eligible");
        assert_eq!(
            e.to_string(),
            "activated parents 3 exceed eligible parents 2"
        );
        assert!(
            serde_json::from_str::<ActivationCount>(r#"{"eligible":2,"activated":3}"#).is_err()
        );
        let c = ac(5, 2);
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(json, r#"{"eligible":5,"activated":2}"#);
        assert_eq!(serde_json::from_str::<ActivationCount>(&json).unwrap(), c);
        let mut big = ac(u64::MAX - 1, u64::MAX - 1);
        big.merge(ac(5, 5));
        assert_eq!((big.eligible(), big.activated()), (u64::MAX, u64::MAX));
        big.count(true, None, date(2014, 10, 1));
        assert_eq!(big.eligible(), u64::MAX);
    }

    #[test]
    fn bands_and_checkpoints_validate() {
        assert_eq!(
            TargetBand::new(d("-1"), d("5")).unwrap_err().code(),
            "activation.invalid_band"
        );
        assert!(TargetBand::new(d("5"), d("100.5")).is_err());
        assert!(serde_json::from_str::<TargetBand>(r#"{"min":"60","max":"41"}"#).is_err());
        let band = TargetBand::new(d("30"), d("40")).unwrap();
        let a = Checkpoint {
            date: date(2014, 10, 1),
            band,
        };
        let b = Checkpoint {
            date: date(2014, 11, 1),
            band,
        };
        let e = Checkpoints::new(vec![b, a]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "checkpoint 2014-10-01 is not after the previous checkpoint 2014-11-01"
        );
        let cps = Checkpoints::new(vec![a, b]).unwrap();
        assert_eq!(cps.current(date(2014, 10, 15)), Some(&a));
        assert_eq!(cps.next(date(2014, 10, 15)), Some(&b));
        assert_eq!(cps.current(date(2014, 9, 1)), None);
        assert_eq!(cps.next(date(2014, 11, 1)), None);
    }
}
