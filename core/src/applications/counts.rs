//! How many applications are where, per class and for the school, as of a
//! date, and which open applications wait for what.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::applications::ApplicationRegistry;
use crate::applications::OrgLookup;
use crate::applications::{Applicant, Application, NextStep};
use crate::ids::{ApplicationId, ClassId, SchoolId, StudentId};
use crate::school::School;

/// Application numbers of one scope on a date.
///
/// The step counts are cumulative: an application counts as `registered`
/// once it was registered on or before the date, whatever happened next.
/// The `waiting_*` counts are exclusive: each open application waits for
/// exactly one step (rejected, revoked and activated ones wait for none).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct StatusCounts {
    /// Submitted on or before the date.
    pub submitted: u32,
    /// Registered on or before the date.
    pub registered: u32,
    /// Approved on or before the date.
    pub approved: u32,
    /// Rejected on or before the date.
    pub rejected: u32,
    /// Credentials issued on or before the date.
    pub credentials_issued: u32,
    /// Activated on or before the date.
    pub activated: u32,
    /// Consent revoked on or before the date.
    pub revoked: u32,
    /// Waiting for registration.
    pub waiting_registration: u32,
    /// Waiting for a decision.
    pub waiting_decision: u32,
    /// Waiting for credentials.
    pub waiting_credentials: u32,
    /// Waiting for activation.
    pub waiting_activation: u32,
}

impl StatusCounts {
    fn add(&mut self, a: &Application, date: NaiveDate) {
        let by = |d: Option<NaiveDate>| u32::from(d.is_some_and(|d| d <= date));
        if a.submitted_on() > date {
            return;
        }
        self.submitted += 1;
        self.registered += by(a.registration().map(|r| r.on));
        match a.decision() {
            Some(super::Decision::Approved { on, .. }) => self.approved += by(Some(*on)),
            Some(super::Decision::Rejected { on, .. }) => self.rejected += by(Some(*on)),
            None => {}
        }
        self.credentials_issued += by(a.credentials_issued_on());
        self.activated += by(a.activated_on());
        self.revoked += by(a.revoked_on());
        match a.next_step_on(date) {
            Some(NextStep::Registration) => self.waiting_registration += 1,
            Some(NextStep::Decision) => self.waiting_decision += 1,
            Some(NextStep::Credentials) => self.waiting_credentials += 1,
            Some(NextStep::Activation) => self.waiting_activation += 1,
            None => {}
        }
    }
}

/// An open application and what it waits for on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct WaitingApplication {
    /// The application.
    pub application: ApplicationId,
    /// Who applied.
    pub applicant: Applicant,
    /// For which student.
    pub student: StudentId,
    /// The next step.
    pub waiting_for: NextStep,
    /// The day of its latest step on or before the date.
    pub since: NaiveDate,
}

/// The numbers of one class (or of students in no class on the date).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ClassApplicationCounts {
    /// The student's class on the date; `None` for students not enrolled
    /// that day.
    pub class_id: Option<ClassId>,
    /// The numbers.
    pub counts: StatusCounts,
}

/// Application numbers per class and for the school on a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationCounts {
    /// The date.
    pub date: NaiveDate,
    /// The school.
    pub school: SchoolId,
    /// One row per class with applications, by class id; students in no
    /// class last.
    pub classes: Vec<ClassApplicationCounts>,
    /// The whole school.
    pub total: StatusCounts,
}

impl ApplicationRegistry {
    /// How many applications are where on `date`, per class of the
    /// student on that date and for the school.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use zhurnal::demo::{demo_rollout, DemoConfig};
    /// let demo = demo_rollout(&DemoConfig::tiny(5))?;
    /// let day = NaiveDate::from_ymd_opt(2014, 12, 1).unwrap();
    /// let counts = demo.registry.counts_on(&demo.school, day);
    /// let t = counts.total;
    /// assert_eq!(t.submitted, counts.classes.iter().map(|c| c.counts.submitted).sum::<u32>());
    /// assert!(t.registered <= t.submitted && t.activated <= t.credentials_issued);
    /// # Ok::<(), zhurnal::Error>(())
    /// ```
    pub fn counts_on(&self, school: &School, date: NaiveDate) -> ApplicationCounts {
        self.counts_with(school, date)
    }

    pub(crate) fn counts_with(&self, org: &impl OrgLookup, date: NaiveDate) -> ApplicationCounts {
        let mut classes: BTreeMap<(bool, Option<ClassId>), StatusCounts> = BTreeMap::new();
        let mut total = StatusCounts::default();
        for a in self
            .applications
            .iter()
            .filter(|a| a.submitted_on() <= date)
        {
            let class = org.class_of(a.student(), date);
            classes
                .entry((class.is_none(), class))
                .or_default()
                .add(a, date);
            total.add(a, date);
        }
        ApplicationCounts {
            date,
            school: org.school_id(),
            classes: classes
                .into_iter()
                .map(|((_, class), counts)| ClassApplicationCounts {
                    class_id: class,
                    counts,
                })
                .collect(),
            total,
        }
    }
}

impl ApplicationRegistry {
    /// The open applications on `date` and what each waits for ("who is
    /// waiting for what").
    pub fn waiting_on(&self, date: NaiveDate) -> Vec<WaitingApplication> {
        self.applications
            .iter()
            .filter_map(|a| {
                let waiting_for = a.next_step_on(date)?;
                let since = [
                    Some(a.submitted_on()),
                    a.registration().map(|r| r.on),
                    a.decision().map(super::Decision::on),
                    a.credentials_issued_on(),
                ]
                .into_iter()
                .flatten()
                .filter(|d| *d <= date)
                .max()
                .unwrap_or(a.submitted_on());
                Some(WaitingApplication {
                    application: a.id(),
                    applicant: a.applicant(),
                    student: a.student(),
                    waiting_for,
                    since,
                })
            })
            .collect()
    }
}
