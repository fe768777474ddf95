//! An application to receive the journal and diary electronically, and its
//! lifecycle.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::applications::ApplicationError;
use crate::applications::Consent;
use crate::ids::{ApplicationId, ParentId, StudentId, TeacherId};

/// Who applies: a parent or legal representative of the student, or the
/// student themself from age 14.
///
/// JSON: `{"parent": 7}` or `{"student": 3}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Applicant {
    /// A parent or legal representative.
    Parent(ParentId),
    /// The student.
    Student(StudentId),
}

impl std::fmt::Display for Applicant {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Applicant::Parent(p) => p.fmt(f),
            Applicant::Student(s) => s.fmt(f),
        }
    }
}

/// Where an application stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApplicationStatus {
    /// Handed in, not yet registered.
    Submitted,
    /// Registered by a school specialist.
    Registered,
    /// Approved: the applicant has access.
    Approved,
    /// Rejected, with a reason.
    Rejected,
    /// A login and password were issued.
    CredentialsIssued,
    /// The account was activated.
    Activated,
    /// The consent was revoked: no access.
    Revoked,
}

impl ApplicationStatus {
    /// The Russian label used in reports.
    pub fn label_ru(self) -> &'static str {
        match self {
            Self::Submitted => "подано",
            Self::Registered => "зарегистрировано",
            Self::Approved => "одобрено",
            Self::Rejected => "отклонено",
            Self::CredentialsIssued => "выданы логин и пароль",
            Self::Activated => "активировано",
            Self::Revoked => "согласие отозвано",
        }
    }
}

impl std::fmt::Display for ApplicationStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Submitted => "submitted",
            Self::Registered => "registered",
            Self::Approved => "approved",
            Self::Rejected => "rejected",
            Self::CredentialsIssued => "credentials_issued",
            Self::Activated => "activated",
            Self::Revoked => "revoked",
        })
    }
}

/// What an open application waits for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NextStep {
    /// Registration by a specialist.
    Registration,
    /// Approval or rejection.
    Decision,
    /// Issuing the login and password.
    Credentials,
    /// The first login (activation).
    Activation,
}

/// The registration of an application.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Registration {
    /// The registration number, unique in the registry.
    pub number: String,
    /// The registration day.
    pub on: NaiveDate,
    /// The school specialist who registered it.
    pub by: TeacherId,
}

/// The decision on an application.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// Approved.
    Approved {
        /// The day.
        on: NaiveDate,
        /// Who decided.
        by: TeacherId,
    },
    /// Rejected.
    Rejected {
        /// The day.
        on: NaiveDate,
        /// Who decided.
        by: TeacherId,
        /// Why (not empty).
        reason: String,
    },
}

impl Decision {
    /// The day of the decision.
    pub fn on(&self) -> NaiveDate {
        match self {
            Decision::Approved { on, .. } | Decision::Rejected { on, .. } => *on,
        }
    }
}

/// One application with its history.
///
/// ```text
/// submitted → registered → approved → credentials issued → activated
///                        ↘ rejected
/// consent revoked: at any point, blocks access from that day
/// ```
///
/// Every step has a date not before the previous step's. A step out of
/// order, a date going back, or acting on a revoked application is an
/// [`ApplicationError`] that changes nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "ApplicationFields", into = "ApplicationFields")]
pub struct Application {
    id: ApplicationId,
    applicant: Applicant,
    student: StudentId,
    submitted_on: NaiveDate,
    consent: Consent,
    registration: Option<Registration>,
    decision: Option<Decision>,
    credentials_issued_on: Option<NaiveDate>,
    activated_on: Option<NaiveDate>,
    revoked_on: Option<NaiveDate>,
}

#[derive(Serialize, Deserialize)]
struct ApplicationFields {
    id: ApplicationId,
    applicant: Applicant,
    student: StudentId,
    submitted_on: NaiveDate,
    consent: Consent,
    #[serde(default)]
    registration: Option<Registration>,
    #[serde(default)]
    decision: Option<Decision>,
    #[serde(default)]
    credentials_issued_on: Option<NaiveDate>,
    #[serde(default)]
    activated_on: Option<NaiveDate>,
    #[serde(default)]
    revoked_on: Option<NaiveDate>,
}

impl From<Application> for ApplicationFields {
    fn from(a: Application) -> Self {
        ApplicationFields {
            id: a.id,
            applicant: a.applicant,
            student: a.student,
            submitted_on: a.submitted_on,
            consent: a.consent,
            registration: a.registration,
            decision: a.decision,
            credentials_issued_on: a.credentials_issued_on,
            activated_on: a.activated_on,
            revoked_on: a.revoked_on,
        }
    }
}

impl TryFrom<ApplicationFields> for Application {
    type Error = ApplicationError;
    /// Replays the history through the same transitions, so a stored
    /// application obeys every lifecycle rule.
    fn try_from(f: ApplicationFields) -> Result<Self, Self::Error> {
        let mut a = Application::new(f.id, f.applicant, f.student, f.submitted_on, f.consent)?;
        if let Some(r) = f.registration {
            a.register(r.number, r.on, r.by)?;
        }
        match f.decision {
            Some(Decision::Approved { on, by }) => a.approve(on, by)?,
            Some(Decision::Rejected { on, by, reason }) => a.reject(on, by, reason)?,
            None => {}
        }
        if let Some(d) = f.credentials_issued_on {
            a.mark_credentials_issued(d)?;
        }
        if let Some(d) = f.activated_on {
            a.mark_activated(d)?;
        }
        if let Some(d) = f.revoked_on {
            a.revoke(d)?;
        }
        Ok(a)
    }
}

impl Application {
    /// A submitted application. Whether the applicant may apply for this
    /// student is checked by the registry against the school.
    ///
    /// # Errors
    /// [`ApplicationError::ConsentAfterSubmission`] when the consent is
    /// dated after the application.
    pub(crate) fn new(
        id: ApplicationId,
        applicant: Applicant,
        student: StudentId,
        submitted_on: NaiveDate,
        consent: Consent,
    ) -> Result<Application, ApplicationError> {
        if consent.given_on > submitted_on {
            return Err(ApplicationError::ConsentAfterSubmission {
                consent: consent.given_on,
                submitted: submitted_on,
            });
        }
        Ok(Application {
            id,
            applicant,
            student,
            submitted_on,
            consent,
            registration: None,
            decision: None,
            credentials_issued_on: None,
            activated_on: None,
            revoked_on: None,
        })
    }

    /// The id.
    pub fn id(&self) -> ApplicationId {
        self.id
    }

    /// Who applied.
    pub fn applicant(&self) -> Applicant {
        self.applicant
    }

    /// The student whose journal and diary are asked for.
    pub fn student(&self) -> StudentId {
        self.student
    }

    /// The day it was handed in.
    pub fn submitted_on(&self) -> NaiveDate {
        self.submitted_on
    }

    /// The consent given with it.
    pub fn consent(&self) -> &Consent {
        &self.consent
    }

    /// The registration, once registered.
    pub fn registration(&self) -> Option<&Registration> {
        self.registration.as_ref()
    }

    /// The decision, once decided.
    pub fn decision(&self) -> Option<&Decision> {
        self.decision.as_ref()
    }

    /// The day credentials were issued for it.
    pub fn credentials_issued_on(&self) -> Option<NaiveDate> {
        self.credentials_issued_on
    }

    /// The day it became active (the account's first login, or the issue
    /// day when the applicant's account was already active).
    pub fn activated_on(&self) -> Option<NaiveDate> {
        self.activated_on
    }

    /// The day the consent was revoked.
    pub fn revoked_on(&self) -> Option<NaiveDate> {
        self.revoked_on
    }

    /// The status now (after every recorded step).
    pub fn status(&self) -> ApplicationStatus {
        self.status_on(NaiveDate::MAX)
            .unwrap_or(ApplicationStatus::Submitted)
    }

    /// The status on `date`; `None` before it was submitted.
    pub fn status_on(&self, date: NaiveDate) -> Option<ApplicationStatus> {
        let by = |d: Option<NaiveDate>| d.is_some_and(|d| d <= date);
        if date < self.submitted_on {
            None
        } else if by(self.revoked_on) {
            Some(ApplicationStatus::Revoked)
        } else if by(self.activated_on) {
            Some(ApplicationStatus::Activated)
        } else if by(self.credentials_issued_on) {
            Some(ApplicationStatus::CredentialsIssued)
        } else if let Some(d) = self.decision.as_ref().filter(|d| d.on() <= date) {
            Some(match d {
                Decision::Approved { .. } => ApplicationStatus::Approved,
                Decision::Rejected { .. } => ApplicationStatus::Rejected,
            })
        } else if by(self.registration.as_ref().map(|r| r.on)) {
            Some(ApplicationStatus::Registered)
        } else {
            Some(ApplicationStatus::Submitted)
        }
    }

    /// What it waits for on `date`; `None` when it does not exist yet, or
    /// is rejected, revoked or activated.
    pub fn next_step_on(&self, date: NaiveDate) -> Option<NextStep> {
        match self.status_on(date)? {
            ApplicationStatus::Submitted => Some(NextStep::Registration),
            ApplicationStatus::Registered => Some(NextStep::Decision),
            ApplicationStatus::Approved => Some(NextStep::Credentials),
            ApplicationStatus::CredentialsIssued => Some(NextStep::Activation),
            _ => None,
        }
    }

    /// Whether it gives access on `date`: approved (or later) and not
    /// revoked.
    pub fn gives_access_on(&self, date: NaiveDate) -> bool {
        matches!(
            self.status_on(date),
            Some(
                ApplicationStatus::Approved
                    | ApplicationStatus::CredentialsIssued
                    | ApplicationStatus::Activated
            )
        )
    }

    /// Whether it still counts against a second application for the same
    /// applicant and student: neither rejected nor revoked.
    pub fn is_active(&self) -> bool {
        !matches!(
            self.status(),
            ApplicationStatus::Rejected | ApplicationStatus::Revoked
        )
    }

    /// The day of the latest recorded step.
    pub fn last_step_on(&self) -> NaiveDate {
        [
            Some(self.submitted_on),
            self.registration.as_ref().map(|r| r.on),
            self.decision.as_ref().map(Decision::on),
            self.credentials_issued_on,
            self.activated_on,
            self.revoked_on,
        ]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(self.submitted_on)
    }

    fn require_step(
        &self,
        action: &'static str,
        expected: ApplicationStatus,
        date: NaiveDate,
    ) -> Result<(), ApplicationError> {
        if let Some(on) = self.revoked_on {
            return Err(ApplicationError::ConsentRevoked { id: self.id, on });
        }
        let status = self.status();
        if status != expected {
            return Err(ApplicationError::OutOfOrder {
                id: self.id,
                action,
                status,
            });
        }
        let previous = self.last_step_on();
        if date < previous {
            return Err(ApplicationError::DateBeforePreviousStep {
                id: self.id,
                date,
                previous,
            });
        }
        Ok(())
    }

    pub(crate) fn register(
        &mut self,
        number: String,
        on: NaiveDate,
        by: TeacherId,
    ) -> Result<(), ApplicationError> {
        self.require_step("register", ApplicationStatus::Submitted, on)?;
        let number = number.trim().to_owned();
        if number.is_empty() || number.chars().count() > 50 {
            return Err(ApplicationError::InvalidRegistrationNumber { number });
        }
        self.registration = Some(Registration { number, on, by });
        Ok(())
    }

    pub(crate) fn approve(&mut self, on: NaiveDate, by: TeacherId) -> Result<(), ApplicationError> {
        self.require_step("approve", ApplicationStatus::Registered, on)?;
        self.decision = Some(Decision::Approved { on, by });
        Ok(())
    }

    pub(crate) fn reject(
        &mut self,
        on: NaiveDate,
        by: TeacherId,
        reason: String,
    ) -> Result<(), ApplicationError> {
        self.require_step("reject", ApplicationStatus::Registered, on)?;
        let reason = reason.trim().to_owned();
        if reason.is_empty() {
            return Err(ApplicationError::EmptyReason { id: self.id });
        }
        self.decision = Some(Decision::Rejected { on, by, reason });
        Ok(())
    }

    pub(crate) fn check_can_issue(&self, on: NaiveDate) -> Result<(), ApplicationError> {
        self.require_step("issue credentials for", ApplicationStatus::Approved, on)
    }

    pub(crate) fn mark_credentials_issued(
        &mut self,
        on: NaiveDate,
    ) -> Result<(), ApplicationError> {
        self.check_can_issue(on)?;
        self.credentials_issued_on = Some(on);
        Ok(())
    }

    pub(crate) fn check_can_activate(&self, on: NaiveDate) -> Result<(), ApplicationError> {
        self.require_step("activate", ApplicationStatus::CredentialsIssued, on)
    }

    pub(crate) fn mark_activated(&mut self, on: NaiveDate) -> Result<(), ApplicationError> {
        self.check_can_activate(on)?;
        self.activated_on = Some(on);
        Ok(())
    }

    pub(crate) fn revoke(&mut self, on: NaiveDate) -> Result<(), ApplicationError> {
        if let Some(was) = self.revoked_on {
            return Err(ApplicationError::ConsentRevoked {
                id: self.id,
                on: was,
            });
        }
        let previous = self.last_step_on();
        if on < previous {
            return Err(ApplicationError::DateBeforePreviousStep {
                id: self.id,
                date: on,
                previous,
            });
        }
        self.revoked_on = Some(on);
        Ok(())
    }
}
