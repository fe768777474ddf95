//! The registry's activation numbers: per-parent records on a date, and
//! the tables, curve, checkpoint outcomes and projection built from them
//! with the one rule of [`crate::activation`].

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::activation::MetricsError;
use crate::activation::{
    ActivationTable, CheckpointOutcome, CurvePoint, MAX_CURVE_DAYS, ParentActivationRecord,
    Projection, count_parents,
};
use crate::activation::{Checkpoints, EligibilityPolicy};
use crate::applications::ApplicationRegistry;
use crate::applications::OrgLookup;
use crate::applications::ServiceAccess;
use crate::applications::service_access::access_on;
use crate::applications::{Applicant, Application};
use crate::ids::{ParentId, StudentId};
use crate::school::School;

/// Applications and activation days indexed by parent and child.
struct Index<'a> {
    access: &'a [ServiceAccess],
    by_pair: BTreeMap<(ParentId, StudentId), Vec<&'a Application>>,
    activated: BTreeMap<ParentId, NaiveDate>,
    links: Vec<(ParentId, StudentId)>,
}

impl ApplicationRegistry {
    /// The input of every activation number, the same shape as the bulk
    /// CSV rows: one record per parent–student link of the school whose
    /// student is in a class on `date`. Access = the parent's possibility to
    /// use the service on the date as recorded with
    /// [`ApplicationRegistry::record_service_access`] (none recorded: no
    /// access); approved application = an application of that parent for
    /// that child approved (or further) with consent in force on the date;
    /// applied = the earliest application for that child submitted on or
    /// before the date;
    /// activated = the parent's account activation day, if on or before the
    /// date. Students applying for themselves are not parents and are not
    /// counted.
    pub fn activation_records(
        &self,
        school: &School,
        date: NaiveDate,
    ) -> Vec<ParentActivationRecord> {
        self.records_with(school, date)
    }

    /// Activation on `date` per class and for the school, against the
    /// checkpoint in force and the next one.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use zhurnal::activation::EligibilityPolicy;
    /// use zhurnal::{demo::{demo_rollout, DemoConfig}, rollout::seed_checkpoints};
    /// let demo = demo_rollout(&DemoConfig::tiny(5))?;
    /// let day = NaiveDate::from_ymd_opt(2014, 12, 1).unwrap();
    /// let t = demo.registry.activation_table(&demo.school, day, EligibilityPolicy::WithAccess, &seed_checkpoints());
    /// assert_eq!(t.current.map(|c| c.band.to_string()), Some("61–100%".into()));
    /// assert!(t.region.count.activated() <= t.region.count.eligible());
    /// assert!(t.region.count.eligible() > 0);
    /// # Ok::<(), zhurnal::Error>(())
    /// ```
    pub fn activation_table(
        &self,
        school: &School,
        date: NaiveDate,
        policy: EligibilityPolicy,
        checkpoints: &Checkpoints,
    ) -> ActivationTable {
        self.table_with(school, date, policy, checkpoints)
    }

    /// The school's share for every day from `from` to `to` inclusive.
    ///
    /// # Errors
    /// [`MetricsError::InvalidRange`] when `to` is before `from`,
    /// [`MetricsError::RangeTooLong`] beyond [`MAX_CURVE_DAYS`] days.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use zhurnal::activation::EligibilityPolicy;
    /// use zhurnal::demo::{demo_rollout, DemoConfig};
    /// let demo = demo_rollout(&DemoConfig::tiny(5))?;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2014, m, day).unwrap();
    /// let curve = demo.registry.activation_curve(&demo.school, d(9, 1), d(11, 30), EligibilityPolicy::WithAccess)?;
    /// assert_eq!(curve.len(), 91);
    /// assert!(demo.registry.activation_curve(&demo.school, d(9, 2), d(9, 1), EligibilityPolicy::WithAccess).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn activation_curve(
        &self,
        school: &School,
        from: NaiveDate,
        to: NaiveDate,
        policy: EligibilityPolicy,
    ) -> Result<Vec<CurvePoint>, MetricsError> {
        self.curve_with(school, from, to, policy)
    }

    /// The school's share measured on each checkpoint's own date, for the
    /// checkpoints on or before `date`, against their bands.
    pub fn checkpoint_outcomes(
        &self,
        school: &School,
        date: NaiveDate,
        policy: EligibilityPolicy,
        checkpoints: &Checkpoints,
    ) -> Vec<CheckpointOutcome> {
        self.outcomes_with(school, date, policy, checkpoints)
    }

    /// A linear projection of the school's share to the next checkpoint
    /// after `date`, from the trend over the last `window_days` days (at
    /// least 1). `None` without a next checkpoint or eligible parent.
    pub fn activation_projection(
        &self,
        school: &School,
        date: NaiveDate,
        policy: EligibilityPolicy,
        checkpoints: &Checkpoints,
        window_days: u32,
    ) -> Option<Projection> {
        self.projection_with(school, date, policy, checkpoints, window_days)
    }

    fn index(&self, org: &impl OrgLookup) -> Index<'_> {
        let mut by_pair: BTreeMap<(ParentId, StudentId), Vec<&Application>> = BTreeMap::new();
        for a in &self.applications {
            if let Applicant::Parent(p) = a.applicant() {
                by_pair.entry((p, a.student())).or_default().push(a);
            }
        }
        let activated = self
            .accounts
            .iter()
            .filter_map(|acc| match (acc.holder(), acc.activated_on()) {
                (Applicant::Parent(p), Some(d)) => Some((p, d)),
                _ => None,
            })
            .collect();
        Index {
            access: &self.service_access,
            by_pair,
            activated,
            links: org.parent_links(),
        }
    }

    fn records_from(
        index: &Index<'_>,
        org: &impl OrgLookup,
        date: NaiveDate,
    ) -> Vec<ParentActivationRecord> {
        let school = org.school_id();
        index
            .links
            .iter()
            .filter_map(|&(parent, student)| {
                let class = org.class_of(student, date)?;
                let apps = index
                    .by_pair
                    .get(&(parent, student))
                    .map_or(&[][..], Vec::as_slice);
                Some(ParentActivationRecord {
                    parent,
                    student,
                    school,
                    class_id: Some(class),
                    has_access: access_on(index.access, parent, date),
                    approved_application: apps.iter().any(|a| a.gives_access_on(date)),
                    applied_on: apps
                        .iter()
                        .map(|a| a.submitted_on())
                        .filter(|d| *d <= date)
                        .min(),
                    activated_on: index.activated.get(&parent).copied().filter(|d| *d <= date),
                })
            })
            .collect()
    }

    pub(crate) fn records_with(
        &self,
        org: &impl OrgLookup,
        date: NaiveDate,
    ) -> Vec<ParentActivationRecord> {
        Self::records_from(&self.index(org), org, date)
    }

    pub(crate) fn table_with(
        &self,
        org: &impl OrgLookup,
        date: NaiveDate,
        policy: EligibilityPolicy,
        checkpoints: &Checkpoints,
    ) -> ActivationTable {
        ActivationTable::compute(&self.records_with(org, date), date, policy, checkpoints)
    }

    pub(crate) fn curve_with(
        &self,
        org: &impl OrgLookup,
        from: NaiveDate,
        to: NaiveDate,
        policy: EligibilityPolicy,
    ) -> Result<Vec<CurvePoint>, MetricsError> {
        if to < from {
            return Err(MetricsError::InvalidRange {
                start: from,
                end: to,
            });
        }
        if (to - from).num_days() >= i64::from(MAX_CURVE_DAYS) {
            return Err(MetricsError::RangeTooLong {
                start: from,
                end: to,
                max: MAX_CURVE_DAYS,
            });
        }
        let index = self.index(org);
        Ok(from
            .iter_days()
            .take_while(|d| *d <= to)
            .map(|day| {
                let records = Self::records_from(&index, org, day);
                CurvePoint::new(day, count_parents(&records, day, policy))
            })
            .collect())
    }

    pub(crate) fn outcomes_with(
        &self,
        org: &impl OrgLookup,
        date: NaiveDate,
        policy: EligibilityPolicy,
        checkpoints: &Checkpoints,
    ) -> Vec<CheckpointOutcome> {
        let index = self.index(org);
        checkpoints
            .all()
            .iter()
            .filter(|c| c.date <= date)
            .map(|c| {
                let records = Self::records_from(&index, org, c.date);
                let count = count_parents(&records, c.date, policy);
                CheckpointOutcome {
                    checkpoint: *c,
                    count,
                    share: count.share(),
                    status: count.status(&c.band),
                }
            })
            .collect()
    }

    pub(crate) fn projection_with(
        &self,
        org: &impl OrgLookup,
        date: NaiveDate,
        policy: EligibilityPolicy,
        checkpoints: &Checkpoints,
        window_days: u32,
    ) -> Option<Projection> {
        let next = checkpoints.next(date)?;
        let start = date - chrono::Duration::days(i64::from(window_days.max(1)));
        let index = self.index(org);
        let point = |day| {
            let records = Self::records_from(&index, org, day);
            CurvePoint::new(day, count_parents(&records, day, policy))
        };
        Projection::linear(&point(start), &point(date), next)
    }
}
