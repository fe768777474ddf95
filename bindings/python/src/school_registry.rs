//! The application registry, credentials and the rollout plan through
//! `School`.

use pyo3::prelude::*;
use zhurnal::ids::{ApplicationId, ParentId, PlanTaskId, StudentId};
use zhurnal::rollout::ReportOptions;

use crate::conversions::date_from_py;
use crate::people::{Actor, Consent, Edit};
use crate::records::{ApplicationCounts, Login};
use crate::rollout::RolloutReport;
use crate::school::School;
use crate::slip::CredentialSlip;

#[pymethods]
impl School {
    /// Submits an application of `applicant` (a parent's or a student's
    /// `Actor`) for access to a student's diary; returns its id.
    fn submit_application(
        &self,
        py: Python<'_>,
        edit: Edit,
        applicant: Actor,
        student: u32,
        consent: Consent,
    ) -> PyResult<u32> {
        let applicant = applicant.applicant()?;
        let id = self.with(py, |h| {
            h.submit_application(
                &edit.inner,
                applicant,
                StudentId::new(student),
                consent.inner,
            )
        })?;
        Ok(id.get())
    }

    /// Registers an application under a journal number (`"4/2014"`).
    fn register_application(
        &self,
        py: Python<'_>,
        edit: Edit,
        id: u32,
        number: &str,
    ) -> PyResult<()> {
        self.with(py, |h| {
            h.register_application(&edit.inner, ApplicationId::new(id), number)
        })
    }

    /// Approves an application.
    fn approve_application(&self, py: Python<'_>, edit: Edit, id: u32) -> PyResult<()> {
        self.with(py, |h| {
            h.approve_application(&edit.inner, ApplicationId::new(id))
        })
    }

    /// Rejects an application with a reason.
    fn reject_application(
        &self,
        py: Python<'_>,
        edit: Edit,
        id: u32,
        reason: &str,
    ) -> PyResult<()> {
        self.with(py, |h| {
            h.reject_application(&edit.inner, ApplicationId::new(id), reason)
        })
    }

    /// Revokes the consent of an application (its access ends).
    fn revoke_consent(&self, py: Python<'_>, edit: Edit, id: u32) -> PyResult<()> {
        self.with(py, |h| {
            h.revoke_consent(&edit.inner, ApplicationId::new(id))
        })
    }

    /// Issues credentials for an approved application: `(login, slip)`,
    /// the slip `None` when the holder already had an account.
    fn issue_credentials(
        &self,
        py: Python<'_>,
        edit: Edit,
        id: u32,
    ) -> PyResult<(String, Option<CredentialSlip>)> {
        let issued = self.with(py, |h| {
            h.issue_credentials(&edit.inner, ApplicationId::new(id))
        })?;
        Ok((
            issued.login.as_str().to_owned(),
            issued.slip.map(CredentialSlip::new),
        ))
    }

    /// Issues a new temporary password to a holder who lost theirs.
    fn reissue_credentials(
        &self,
        py: Python<'_>,
        edit: Edit,
        holder: Actor,
    ) -> PyResult<CredentialSlip> {
        let holder = holder.applicant()?;
        let slip = self.with(py, |h| h.reissue_credentials(&edit.inner, holder))?;
        Ok(CredentialSlip::new(slip))
    }

    /// A login with a password on `on`; the first one activates the
    /// account.
    fn log_in(
        &self,
        py: Python<'_>,
        login: &str,
        password: &str,
        on: &Bound<'_, PyAny>,
    ) -> PyResult<Login> {
        let on = date_from_py(on, "on")?;
        let (login, password) = (login.to_owned(), password.to_owned());
        let outcome = self.with(py, |h| h.log_in(&login, &password, on))?;
        Ok(outcome.into())
    }

    /// Records that a parent has (or has lost) access to the regional
    /// service since a date.
    fn record_service_access(
        &self,
        py: Python<'_>,
        edit: Edit,
        parent: u32,
        since: &Bound<'_, PyAny>,
        has_access: bool,
    ) -> PyResult<()> {
        let since = date_from_py(since, "since")?;
        self.with(py, |h| {
            h.record_service_access(&edit.inner, ParentId::new(parent), since, has_access)
        })
    }

    /// The school's applications by status on `date`.
    fn application_counts(
        &self,
        py: Python<'_>,
        date: &Bound<'_, PyAny>,
    ) -> PyResult<ApplicationCounts> {
        let date = date_from_py(date, "date")?;
        self.with(py, |h| {
            Ok(ApplicationCounts::from(&h.application_counts(date).total))
        })
    }

    /// Marks a task of the rollout plan done on the edit's date.
    fn complete_task(&self, py: Python<'_>, edit: Edit, task: u32) -> PyResult<()> {
        self.with(py, |h| h.complete_task(&edit.inner, PlanTaskId::new(task)))
    }

    /// The rollout status report on `date` (tasks due within
    /// `due_soon_days` are «due soon»).
    #[pyo3(signature = (date, *, due_soon_days=14))]
    fn rollout_report(
        &self,
        py: Python<'_>,
        date: &Bound<'_, PyAny>,
        due_soon_days: u32,
    ) -> PyResult<RolloutReport> {
        let date = date_from_py(date, "date")?;
        let options = ReportOptions {
            due_soon_days,
            ..ReportOptions::default()
        };
        self.with(py, |h| {
            Ok(RolloutReport::new(h.rollout_report(date, &options)))
        })
    }
}
