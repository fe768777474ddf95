//! The classes of a report in the order a reader looks for the lagging
//! ones: the rule of what «lagging» means lives here, not in a renderer.

use std::cmp::Ordering;

use crate::activation::BandStatus;
use crate::rollout::{ClassActivationRow, RolloutReport};

/// How far behind a class is, for the order of the lagging-first table.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum ClassLag {
    /// Below the band of the checkpoint in force: it missed a target that
    /// has come.
    BelowCurrent,
    /// Within or above the band in force (or none is in force yet), but
    /// below the next checkpoint's band.
    BelowNext,
    /// Neither: on or above both bands, or no parent to count.
    NotLagging,
}

impl ClassActivationRow {
    /// How far behind the class is (see [`ClassLag`]).
    ///
    /// # Example
    /// ```
    /// use zhurnal::activation::{ActivationCount, BandStatus};
    /// use zhurnal::ids::ClassId;
    /// use zhurnal::rollout::{ClassActivationRow, ClassLag};
    /// let count = ActivationCount::new(30, 12)?;
    /// let row = ClassActivationRow { class_id: ClassId::new(1), name: "5А".into(), count,
    ///     share: count.share(), current_status: Some(BandStatus::OnTarget),
    ///     next_status: Some(BandStatus::Below) };
    /// assert_eq!(row.lag(), ClassLag::BelowNext);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn lag(&self) -> ClassLag {
        if self.current_status == Some(BandStatus::Below) {
            ClassLag::BelowCurrent
        } else if self.next_status == Some(BandStatus::Below) {
            ClassLag::BelowNext
        } else {
            ClassLag::NotLagging
        }
    }
}

impl RolloutReport {
    /// The class rows with the lagging classes first: those below the band
    /// in force, then those below only the next band, each group by share
    /// from the lowest; the classes that do not lag follow in name order.
    /// Rows of equal lag and share keep their name order.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use zhurnal::demo::{demo_rollout, DemoConfig};
    /// use zhurnal::rollout::{ClassLag, ReportOptions, RolloutReport};
    /// let demo = demo_rollout(&DemoConfig::tiny(5))?;
    /// let day = NaiveDate::from_ymd_opt(2014, 12, 1).unwrap();
    /// let report = RolloutReport::build(&demo.plan, &demo.school, &demo.registry, day, &ReportOptions::default());
    /// let rows = report.classes_lagging_first();
    /// assert_eq!(rows.len(), report.classes.len());
    /// assert!(rows.windows(2).all(|w| w[0].lag() <= w[1].lag()));
    /// # Ok::<(), zhurnal::Error>(())
    /// ```
    pub fn classes_lagging_first(&self) -> Vec<ClassActivationRow> {
        let mut rows = self.classes.clone();
        rows.sort_by(|a, b| {
            a.lag().cmp(&b.lag()).then_with(|| match a.lag() {
                ClassLag::NotLagging => Ordering::Equal,
                // No share (no eligible parent) cannot lag; it sorts last
                // of its group all the same.
                _ => match (a.share, b.share) {
                    (Some(x), Some(y)) => x.cmp(&y),
                    (Some(_), None) => Ordering::Less,
                    (None, Some(_)) => Ordering::Greater,
                    (None, None) => Ordering::Equal,
                },
            })
        });
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activation::ActivationCount;
    use crate::ids::ClassId;

    fn row(
        id: u32,
        eligible: u64,
        activated: u64,
        current: BandStatus,
        next: Option<BandStatus>,
    ) -> ClassActivationRow {
        let count = ActivationCount::new(eligible, activated).unwrap();
        ClassActivationRow {
            class_id: ClassId::new(id),
            name: format!("{id}А"),
            count,
            share: count.share(),
            current_status: Some(current),
            next_status: next,
        }
    }

    #[test]
    fn below_current_then_below_next_then_the_rest_in_name_order() {
        use BandStatus::*;
        let rows = vec![
            row(1, 10, 9, OnTarget, None),
            row(2, 10, 5, OnTarget, Some(Below)),
            row(3, 10, 2, Below, Some(Below)),
            row(4, 10, 8, Above, None),
            row(5, 10, 4, OnTarget, Some(Below)),
            row(6, 10, 3, Below, Some(Below)),
            row(7, 10, 7, OnTarget, None),
        ];
        assert_eq!(rows[0].lag(), ClassLag::NotLagging);
        assert_eq!(rows[2].lag(), ClassLag::BelowCurrent);
        let report = RolloutReport {
            classes: rows,
            ..fabricated()
        };
        let order: Vec<u32> = report
            .classes_lagging_first()
            .iter()
            .map(|r| r.class_id.get())
            .collect();
        assert_eq!(order, [3, 6, 5, 2, 1, 4, 7]);
    }

    #[test]
    fn a_class_without_parents_does_not_lag() {
        let empty = ClassActivationRow {
            share: None,
            current_status: None,
            next_status: None,
            ..row(1, 0, 0, BandStatus::Below, None)
        };
        assert_eq!(empty.lag(), ClassLag::NotLagging);
    }

    fn fabricated() -> RolloutReport {
        let demo = crate::demo::demo_rollout(&crate::demo::DemoConfig::tiny(2)).unwrap();
        let day = chrono::NaiveDate::from_ymd_opt(2014, 10, 1).unwrap();
        RolloutReport::build(
            &demo.plan,
            &demo.school,
            &demo.registry,
            day,
            &Default::default(),
        )
    }
}
