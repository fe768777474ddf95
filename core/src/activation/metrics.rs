//! Activation metrics over plain per-parent records: per class, per school,
//! per region, the daily curve and a linear projection.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::activation::{ActivationCount, BandStatus, Checkpoint, Checkpoints, EligibilityPolicy};
use crate::ids::{ClassId, ParentId, SchoolId, StudentId};
use crate::rounding::round_half_up;

/// The longest daily curve, in days.
pub const MAX_CURVE_DAYS: u32 = 731;

/// One parent of one student on a date: the row the metrics count (the
/// columns of `parents.csv`, and whether an application is approved).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ParentActivationRecord {
    /// The parent.
    pub parent: ParentId,
    /// The child.
    pub student: StudentId,
    /// The child's school.
    pub school: SchoolId,
    /// The child's class on the date, if enrolled.
    pub class_id: Option<ClassId>,
    /// Whether the parent has the possibility to use the service on the
    /// date (the host's recorded fact; `has_access` of `parents.csv`).
    pub has_access: bool,
    /// Whether an application of this parent for this child is approved
    /// (or further) with its consent in force on the date. Not a column of
    /// `parents.csv`.
    pub approved_application: bool,
    /// The day the parent applied, if they did.
    pub applied_on: Option<NaiveDate>,
    /// The day the parent's account was activated, if it was.
    pub activated_on: Option<NaiveDate>,
}

impl ParentActivationRecord {
    /// Whether the record is in the denominator on `date` under `policy`.
    pub fn is_eligible(&self, policy: EligibilityPolicy, date: NaiveDate) -> bool {
        match policy {
            EligibilityPolicy::WithAccess => self.has_access,
            EligibilityPolicy::AllParents => true,
            EligibilityPolicy::Applicants => self.applied_on.is_some_and(|d| d <= date),
            EligibilityPolicy::ApprovedApplicants => self.approved_application,
        }
    }
}

/// Counts the distinct parents of `records` on `date`: a parent with
/// several records counts once, eligible if any record is, activated on the
/// earliest activation day of their records.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use zhurnal::activation::EligibilityPolicy;
/// use zhurnal::ids::*;
/// use zhurnal::activation::{count_parents, ParentActivationRecord};
/// let day = NaiveDate::from_ymd_opt(2014, 10, 1).unwrap();
/// let r = |p, s, access, act: Option<NaiveDate>| ParentActivationRecord {
///     parent: ParentId::new(p), student: StudentId::new(s), school: SchoolId::new(1),
///     class_id: Some(ClassId::new(1)), has_access: access, approved_application: false,
///     applied_on: None, activated_on: act };
/// let c = count_parents(&[r(1, 1, true, Some(day)), r(1, 2, true, Some(day)), r(2, 3, true, None)], day, EligibilityPolicy::WithAccess);
/// assert_eq!((c.eligible(), c.activated()), (2, 1));
/// ```
pub fn count_parents<'a>(
    records: impl IntoIterator<Item = &'a ParentActivationRecord>,
    date: NaiveDate,
    policy: EligibilityPolicy,
) -> ActivationCount {
    let mut parents: BTreeMap<ParentId, (bool, Option<NaiveDate>)> = BTreeMap::new();
    for r in records {
        let entry = parents.entry(r.parent).or_insert((false, None));
        entry.0 |= r.is_eligible(policy, date);
        entry.1 = match (entry.1, r.activated_on) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
    }
    let mut count = ActivationCount::default();
    for (eligible, activated_on) in parents.into_values() {
        count.count(eligible, activated_on, date);
    }
    count
}

/// A scope of the metrics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivationScope {
    /// One class of one school.
    Class {
        /// The school.
        school: SchoolId,
        /// The class.
        class: ClassId,
    },
    /// One school.
    School {
        /// The school.
        school: SchoolId,
    },
    /// Every school of the records.
    Region,
}

/// The numbers of one scope on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ScopeActivation {
    /// The scope.
    pub scope: ActivationScope,
    /// Eligible and activated parents.
    pub count: ActivationCount,
    /// The share, percent, HALF-UP to two places; `None` for no eligible
    /// parent.
    pub share: Option<Decimal>,
    /// The status against the checkpoint in force (the latest on or before
    /// the date).
    pub current_status: Option<BandStatus>,
    /// The status against the next checkpoint (where the share stands
    /// today against the coming target).
    pub next_status: Option<BandStatus>,
}

impl ScopeActivation {
    fn new(
        scope: ActivationScope,
        count: ActivationCount,
        current: Option<&Checkpoint>,
        next: Option<&Checkpoint>,
    ) -> ScopeActivation {
        ScopeActivation {
            scope,
            count,
            share: count.share(),
            current_status: current.and_then(|c| count.status(&c.band)),
            next_status: next.and_then(|c| count.status(&c.band)),
        }
    }
}

/// Activation on one date per class, per school and for the region.
///
/// The rule itself lives in [`crate::activation`]: each parent is counted
/// once per scope with [`ActivationCount::count`], the share is
/// [`ActivationCount::share`] (exact, HALF-UP to two places) and the status
/// [`TargetBand::status`](crate::activation::TargetBand::status) on the
/// rounded share. The table only groups [`ParentActivationRecord`]s — one
/// per parent and child, the same columns as the bulk `parents.csv` — into
/// scopes. The in-memory registry produces such records
/// ([`ApplicationRegistry::activation_records`](crate::applications::ApplicationRegistry::activation_records)),
/// so both paths give the same numbers.
///
/// A parent with several children counts once in a school (and in the
/// region) and once in each class where they have a child: eligible if any
/// of their records is eligible, activated on the earliest activation day
/// of their records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivationTable {
    /// The date (inclusive).
    pub date: NaiveDate,
    /// Who is in the denominator.
    pub policy: EligibilityPolicy,
    /// The checkpoint in force: the latest on or before the date.
    pub current: Option<Checkpoint>,
    /// The next checkpoint after the date.
    pub next: Option<Checkpoint>,
    /// One row per (school, class), by school then class id.
    pub classes: Vec<ScopeActivation>,
    /// One row per school, by id.
    pub schools: Vec<ScopeActivation>,
    /// All records together.
    pub region: ScopeActivation,
}

impl ActivationTable {
    /// Groups `records` into scopes and counts each on `date`.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use zhurnal::activation::EligibilityPolicy;
    /// use zhurnal::ids::*;
    /// use zhurnal::rollout::seed_checkpoints;
    /// use zhurnal::activation::{ActivationTable, ParentActivationRecord};
    /// let day = NaiveDate::from_ymd_opt(2014, 10, 1).unwrap();
    /// let records: Vec<ParentActivationRecord> = (0..32).map(|i| ParentActivationRecord {
    ///     parent: ParentId::new(i), student: StudentId::new(i), school: SchoolId::new(1),
    ///     class_id: Some(ClassId::new(1)), has_access: true, approved_application: true,
    ///     applied_on: Some(day),
    ///     activated_on: (i < 13).then_some(day) }).collect();
    /// let t = ActivationTable::compute(&records, day, EligibilityPolicy::WithAccess, &seed_checkpoints());
    /// assert_eq!(t.region.share.map(|s| s.to_string()), Some("40.63".into()));
    /// assert_eq!(t.region.current_status.map(|s| s.as_str()), Some("above"));
    /// ```
    pub fn compute(
        records: &[ParentActivationRecord],
        date: NaiveDate,
        policy: EligibilityPolicy,
        checkpoints: &Checkpoints,
    ) -> ActivationTable {
        let current = checkpoints.current(date).copied();
        let next = checkpoints.next(date).copied();
        let mut classes: BTreeMap<(SchoolId, ClassId), Vec<&ParentActivationRecord>> =
            BTreeMap::new();
        let mut schools: BTreeMap<SchoolId, Vec<&ParentActivationRecord>> = BTreeMap::new();
        for r in records {
            if let Some(class) = r.class_id {
                classes.entry((r.school, class)).or_default().push(r);
            }
            schools.entry(r.school).or_default().push(r);
        }
        let row = |scope, rs: Vec<&ParentActivationRecord>| {
            let count = count_parents(rs, date, policy);
            ScopeActivation::new(scope, count, current.as_ref(), next.as_ref())
        };
        ActivationTable {
            date,
            policy,
            current,
            next,
            classes: classes
                .into_iter()
                .map(|((school, class), rs)| row(ActivationScope::Class { school, class }, rs))
                .collect(),
            schools: schools
                .into_iter()
                .map(|(school, rs)| row(ActivationScope::School { school }, rs))
                .collect(),
            region: row(ActivationScope::Region, records.iter().collect()),
        }
    }
}

/// A point of the daily curve.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CurvePoint {
    /// The day.
    pub date: NaiveDate,
    /// Eligible and activated parents that day.
    pub count: ActivationCount,
    /// The share, HALF-UP to two places; `None` for no eligible parent.
    pub share: Option<Decimal>,
}

impl CurvePoint {
    /// The point for a count.
    pub fn new(date: NaiveDate, count: ActivationCount) -> CurvePoint {
        CurvePoint {
            date,
            count,
            share: count.share(),
        }
    }
}

/// The share measured on a checkpoint's own date, against its band.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CheckpointOutcome {
    /// The checkpoint.
    pub checkpoint: Checkpoint,
    /// The numbers on its date.
    pub count: ActivationCount,
    /// The share; `None` for no eligible parent.
    pub share: Option<Decimal>,
    /// The status against its band.
    pub status: Option<BandStatus>,
}

/// How a projection was made. Only one method exists; it is named so that
/// every projection states what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProjectionMethod {
    /// The average daily gain of activated parents over a recent window,
    /// continued in a straight line; the eligible number is held at today's.
    Linear,
}

/// A projection of the share to the next checkpoint. An estimate, not a
/// measurement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Projection {
    /// Always [`ProjectionMethod::Linear`].
    pub method: ProjectionMethod,
    /// The first day of the window the trend is taken from.
    pub basis_from: NaiveDate,
    /// The last day of the window (the report date).
    pub basis_to: NaiveDate,
    /// The checkpoint projected to.
    pub checkpoint: Checkpoint,
    /// Activated parents gained per day over the window, HALF-UP to two
    /// places.
    pub per_day: Decimal,
    /// The projected share on the checkpoint's date, 0–100, HALF-UP to two
    /// places.
    pub projected_share: Decimal,
    /// The projected status against the checkpoint's band.
    pub status: BandStatus,
}

impl Projection {
    /// Continues the line through `earlier` and `latest` to `checkpoint`.
    /// `None` when `latest` has no eligible parent, `earlier` is not before
    /// `latest`, or the checkpoint is not after `latest`.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use zhurnal::activation::{ActivationCount, Checkpoint, TargetBand};
    /// use zhurnal::activation::{CurvePoint, Projection};
    /// let d = |m, day| NaiveDate::from_ymd_opt(2014, m, day).unwrap();
    /// let then = CurvePoint::new(d(11, 17), ActivationCount::new(100, 40)?);
    /// let now = CurvePoint::new(d(12, 1), ActivationCount::new(100, 54)?);
    /// let target = Checkpoint { date: NaiveDate::from_ymd_opt(2015, 1, 1).unwrap(), band: TargetBand::new(100.into(), 100.into())? };
    /// let p = Projection::linear(&then, &now, &target).unwrap();
    /// assert_eq!(p.per_day.to_string(), "1.00");
    /// assert_eq!(p.projected_share.to_string(), "85.00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn linear(
        earlier: &CurvePoint,
        latest: &CurvePoint,
        checkpoint: &Checkpoint,
    ) -> Option<Projection> {
        let eligible = Decimal::from(latest.count.eligible());
        let window = (latest.date - earlier.date).num_days();
        let ahead = (checkpoint.date - latest.date).num_days();
        if latest.count.eligible() == 0 || window <= 0 || ahead <= 0 {
            return None;
        }
        let gained =
            Decimal::from(latest.count.activated()) - Decimal::from(earlier.count.activated());
        let per_day = gained / Decimal::from(window);
        let projected = (Decimal::from(latest.count.activated()) + per_day * Decimal::from(ahead))
            .clamp(Decimal::ZERO, eligible);
        let projected_share = round_half_up(projected * Decimal::ONE_HUNDRED / eligible);
        Some(Projection {
            method: ProjectionMethod::Linear,
            basis_from: earlier.date,
            basis_to: latest.date,
            checkpoint: *checkpoint,
            per_day: round_half_up(per_day),
            projected_share,
            status: checkpoint.band.status(projected_share),
        })
    }
}
