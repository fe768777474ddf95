//! Whether a parent has the possibility to use the service (the seed plan's
//! «имеющих возможность воспользоваться услугой»): a dated fact the host
//! records per parent, the denominator of the default activation share.
//!
//! The fact is not derived from applications: a parent may have the
//! possibility (a device and internet access, say) without having applied,
//! and may apply without having it. The host knows it (from a survey, a
//! class teacher's list, the regional registry) and records it here, as the
//! region CSV's `has_access` column records it for the bulk report.
//!
//! The record is a history of changes per parent: each
//! [`ServiceAccess`] says that from `since` on the parent has (or no longer
//! has) the possibility. On a date, the latest record on or before it
//! counts; **a parent with no such record has no recorded possibility** and
//! is not in the default denominator.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::applications::ApplicationError;
use crate::applications::ApplicationRegistry;
use crate::applications::OrgLookup;
use crate::ids::ParentId;
use crate::school::School;

/// One dated change of a parent's possibility to use the service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ServiceAccess {
    /// The parent.
    pub parent: ParentId,
    /// The first day the fact holds.
    pub since: NaiveDate,
    /// Whether the parent has the possibility from that day on.
    pub has_access: bool,
}

/// Sorts stored records by parent and day and refuses two records of one
/// parent on one day.
pub(crate) fn validated(
    mut records: Vec<ServiceAccess>,
) -> Result<Vec<ServiceAccess>, ApplicationError> {
    records.sort_unstable();
    if let Some(pair) = records
        .windows(2)
        .find(|w| w[0].parent == w[1].parent && w[0].since == w[1].since)
    {
        return Err(ApplicationError::ServiceAccessConflict {
            parent: pair[0].parent,
            since: pair[0].since,
        });
    }
    Ok(records)
}

/// Whether `parent` has the possibility on `date` by `records` (sorted by
/// parent and day): the latest record on or before the date; `false`
/// without one.
pub(crate) fn access_on(records: &[ServiceAccess], parent: ParentId, date: NaiveDate) -> bool {
    let end = records.partition_point(|r| (r.parent, r.since) <= (parent, date));
    end.checked_sub(1)
        .and_then(|i| records.get(i))
        .is_some_and(|r| r.parent == parent && r.has_access)
}

impl ApplicationRegistry {
    /// Records that from `since` on `parent` has (`has_access = true`) or
    /// no longer has the possibility to use the service. Recording the same
    /// fact again is a no-op.
    ///
    /// # Errors
    /// [`ApplicationError::UnknownParent`] for a parent the school does not
    /// have; [`ApplicationError::ServiceAccessConflict`] when a different
    /// fact is already recorded for that parent on that day. The registry
    /// is unchanged.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use zhurnal::applications::ApplicationRegistry;
    /// use zhurnal::demo::{demo_school, DemoConfig};
    /// let school = demo_school(&DemoConfig::tiny(1))?;
    /// let parent = school.parents()[0].id();
    /// let d = |m, day| NaiveDate::from_ymd_opt(2014, m, day).unwrap();
    /// let mut registry = ApplicationRegistry::new();
    /// assert!(!registry.has_service_access(parent, d(9, 1)));
    /// registry.record_service_access(&school, parent, d(9, 1), true)?;
    /// registry.record_service_access(&school, parent, d(11, 1), false)?;
    /// assert!(registry.has_service_access(parent, d(10, 31)));
    /// assert!(!registry.has_service_access(parent, d(11, 1)));
    /// let e = registry.record_service_access(&school, parent, d(9, 1), false).unwrap_err();
    /// assert_eq!(e.code(), "application.service_access_conflict");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn record_service_access(
        &mut self,
        school: &School,
        parent: ParentId,
        since: NaiveDate,
        has_access: bool,
    ) -> Result<(), ApplicationError> {
        self.record_service_access_with(school, parent, since, has_access)
    }

    pub(crate) fn record_service_access_with(
        &mut self,
        org: &impl OrgLookup,
        parent: ParentId,
        since: NaiveDate,
        has_access: bool,
    ) -> Result<(), ApplicationError> {
        if !org.has_parent(parent) {
            return Err(ApplicationError::UnknownParent { parent });
        }
        let record = ServiceAccess {
            parent,
            since,
            has_access,
        };
        let at = self
            .service_access
            .partition_point(|r| (r.parent, r.since) < (parent, since));
        match self.service_access.get(at) {
            Some(r) if r.parent == parent && r.since == since => {
                if r.has_access == has_access {
                    Ok(())
                } else {
                    Err(ApplicationError::ServiceAccessConflict { parent, since })
                }
            }
            _ => {
                self.service_access.insert(at, record);
                Ok(())
            }
        }
    }

    /// Every recorded fact, by parent and day.
    pub fn service_access(&self) -> &[ServiceAccess] {
        &self.service_access
    }

    /// Whether `parent` has the possibility to use the service on `date`:
    /// the latest recorded fact on or before it; `false` when none is
    /// recorded.
    pub fn has_service_access(&self, parent: ParentId, date: NaiveDate) -> bool {
        access_on(&self.service_access, parent, date)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::applications::lookup_fake::FakeSchool;
    use crate::applications::tests::d;

    #[test]
    fn history_per_parent_and_validation() {
        let mut s = FakeSchool::default();
        let born = NaiveDate::from_ymd_opt(2006, 1, 1).unwrap();
        s.student(1, ("Учеников", "Ученик"), born, 1);
        s.parent(1, ("Аверина", "Мария", "Ивановна"), &[1]);
        s.parent(2, ("Бойко", "Мария", "Ивановна"), &[1]);
        let (p1, p2) = (ParentId::new(1), ParentId::new(2));
        let mut r = ApplicationRegistry::new();
        r.record_service_access_with(&s, p2, d(9, 10), true)
            .unwrap();
        r.record_service_access_with(&s, p1, d(10, 1), false)
            .unwrap();
        r.record_service_access_with(&s, p1, d(9, 1), true).unwrap();
        r.record_service_access_with(&s, p1, d(9, 1), true).unwrap();
        assert_eq!(r.service_access().len(), 3);
        let on = |p, day| r.has_service_access(p, day);
        assert!(!on(p1, d(8, 31)));
        assert!(on(p1, d(9, 1)) && on(p1, d(9, 30)));
        assert!(!on(p1, d(10, 1)));
        assert!(!on(p2, d(9, 9)) && on(p2, d(9, 10)) && on(p2, d(12, 31)));
        assert!(!on(ParentId::new(3), d(9, 10)));
        let before = r.clone();
        let e = r
            .record_service_access_with(&s, p1, d(9, 1), false)
            .unwrap_err();
        assert_eq!(e.code(), "application.service_access_conflict");
        assert_eq!(
            e.to_string(),
            "the service access of parent#1 on 2014-09-01 is already recorded otherwise"
        );
        let e = r
            .record_service_access_with(&s, ParentId::new(9), d(9, 1), true)
            .unwrap_err();
        assert_eq!(e.code(), "application.unknown_parent");
        assert_eq!(r, before);
        // Stored and read back; a stored conflict is refused.
        let json = serde_json::to_string(&r).unwrap();
        assert!(
            json.contains(
                r#""service_access":[{"parent":1,"since":"2014-09-01","has_access":true}"#
            ),
            "{json}"
        );
        assert_eq!(
            serde_json::from_str::<ApplicationRegistry>(&json).unwrap(),
            r
        );
        let twice = json.replace(
            r#"{"parent":1,"since":"2014-10-01","has_access":false}"#,
            r#"{"parent":1,"since":"2014-09-01","has_access":false}"#,
        );
        assert_ne!(twice, json);
        let e = serde_json::from_str::<ApplicationRegistry>(&twice).unwrap_err();
        assert!(e.to_string().contains("already recorded"), "{e}");
        // A registry stored before the record existed reads as none recorded.
        let old = json.replace(
            &json[json.find(r#","service_access""#).unwrap()..json.rfind(']').unwrap() + 1],
            "",
        );
        assert!(!old.contains("service_access"), "{old}");
        let old: ApplicationRegistry = serde_json::from_str(&old).unwrap();
        assert!(old.service_access().is_empty());
    }
}
