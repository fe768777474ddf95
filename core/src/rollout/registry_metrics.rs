//! The registry's activation numbers: per-parent records on a date, and
//! the tables, curve, checkpoint outcomes and projection built from them
//! with the one rule of [`crate::activation`].
//!
//! A record per parent–student link of the school whose student is in a
//! class on the date: access = an application of that parent for that
//! child approved (or later) with consent in force on the date; applied =
//! the earliest such application submitted on or before the date;
//! activated = the parent's account activation day, if on or before the
//! date. Students applying for themselves are not parents and are not
//! counted.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::MetricsError;
use super::application::{Applicant, Application};
use super::lookup::OrgLookup;
use super::metrics::{
    ActivationTable, CheckpointOutcome, CurvePoint, MAX_CURVE_DAYS, ParentActivationRecord,
    Projection, count_parents,
};
use super::registry::ApplicationRegistry;
use crate::activation::{Checkpoints, EligibilityPolicy};
use crate::ids::{ParentId, StudentId};

/// Applications and activation days indexed by parent and child.
struct Index<'a> {
    by_pair: BTreeMap<(ParentId, StudentId), Vec<&'a Application>>,
    activated: BTreeMap<ParentId, NaiveDate>,
    links: Vec<(ParentId, StudentId)>,
}

impl ApplicationRegistry {
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
                    class: Some(class),
                    has_access: apps.iter().any(|a| a.gives_access_on(date)),
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
            return Err(MetricsError::InvalidRange { from, to });
        }
        if (to - from).num_days() >= i64::from(MAX_CURVE_DAYS) {
            return Err(MetricsError::RangeTooLong {
                from,
                to,
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
