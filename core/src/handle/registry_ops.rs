//! The application registry's operations through the handle: the roster
//! comes from the handle's own school, the acting person from the edit.
//! The school specialist acts in the administrator's role; a parent (or a
//! student from 14) may also submit and revoke their own application.

use chrono::NaiveDate;

use super::SchoolHandle;
use crate::Error;
use crate::access::{AccessError, Action, Actor, Role};
use crate::activation::{ActivationTable, EligibilityPolicy};
use crate::applications::{Applicant, ApplicationCounts, Consent};
use crate::audit::Edit;
use crate::credentials::{CredentialSlip, IssuedCredentials, LoginOutcome};
use crate::ids::{ApplicationId, StudentId};
use crate::rollout::{ReportOptions, RolloutReport};

/// Whether `actor` is the applicant themself.
fn is_applicant(actor: &Actor, applicant: Applicant) -> bool {
    match (actor.role(), applicant) {
        (Role::Parent, Applicant::Parent(p)) => actor.id() == p.get(),
        (Role::Student, Applicant::Student(s)) => actor.id() == s.get(),
        _ => false,
    }
}

impl SchoolHandle {
    /// Checks that the actor is an administrator or the applicant.
    fn require_admin_or_applicant(&self, edit: &Edit, applicant: Applicant) -> Result<(), Error> {
        self.require_writable()?;
        if is_applicant(edit.actor(), applicant) {
            return Ok(());
        }
        crate::access::authorize(&self.journal, edit.actor(), &Action::ManageSchool).map_err(
            |_| AccessError::RoleNotAllowed {
                actor: *edit.actor(),
                action: Action::ManageSchool,
            },
        )?;
        Ok(())
    }

    /// Submits an application on `edit`'s date (by the applicant, or by
    /// the specialist from a paper form).
    ///
    /// # Errors
    /// [`crate::access::AccessError`] unless the actor is the applicant or
    /// an administrator; the registry's errors of
    /// [`crate::applications::ApplicationRegistry::submit`].
    pub fn submit_application(
        &mut self,
        edit: &Edit,
        applicant: Applicant,
        student: StudentId,
        consent: Consent,
    ) -> Result<ApplicationId, Error> {
        self.require_admin_or_applicant(edit, applicant)?;
        let on = edit.at().date();
        Ok(self
            .registry
            .submit(self.journal.school(), applicant, student, on, consent)?)
    }

    /// Registers an application under its number (the specialist's).
    ///
    /// # Errors
    /// [`crate::access::AccessError`] unless the actor is an administrator;
    /// the registry's errors.
    pub fn register_application(
        &mut self,
        edit: &Edit,
        id: ApplicationId,
        number: &str,
    ) -> Result<(), Error> {
        let by = self.require_admin(edit)?;
        Ok(self.registry.register(id, number, edit.at().date(), by)?)
    }

    /// Approves a registered application (the specialist's).
    ///
    /// # Errors
    /// As [`SchoolHandle::register_application`].
    pub fn approve_application(&mut self, edit: &Edit, id: ApplicationId) -> Result<(), Error> {
        let by = self.require_admin(edit)?;
        Ok(self.registry.approve(id, edit.at().date(), by)?)
    }

    /// Rejects a registered application with a reason (the specialist's).
    ///
    /// # Errors
    /// As [`SchoolHandle::register_application`].
    pub fn reject_application(
        &mut self,
        edit: &Edit,
        id: ApplicationId,
        reason: &str,
    ) -> Result<(), Error> {
        let by = self.require_admin(edit)?;
        Ok(self.registry.reject(id, edit.at().date(), by, reason)?)
    }

    /// Revokes the consent of an application (by the applicant or the
    /// specialist): access ends on that date.
    ///
    /// # Errors
    /// [`crate::access::AccessError`] unless the actor is the applicant or
    /// an administrator; `application.unknown`; the registry's errors.
    pub fn revoke_consent(&mut self, edit: &Edit, id: ApplicationId) -> Result<(), Error> {
        let applicant = self
            .registry
            .application(id)
            .map(|a| a.applicant())
            .ok_or(crate::applications::ApplicationError::UnknownApplication { id })?;
        self.require_admin_or_applicant(edit, applicant)?;
        Ok(self.registry.revoke_consent(id, edit.at().date())?)
    }

    /// Issues a login and a temporary password for an approved application
    /// (the specialist's). The password is on the slip, once.
    ///
    /// # Errors
    /// As [`SchoolHandle::register_application`].
    pub fn issue_credentials(
        &mut self,
        edit: &Edit,
        id: ApplicationId,
    ) -> Result<IssuedCredentials, Error> {
        let by = self.require_admin(edit)?;
        Ok(self
            .registry
            .issue_credentials(self.journal.school(), id, edit.at().date(), by)?)
    }

    /// Issues a new temporary password for an account (the specialist's).
    ///
    /// # Errors
    /// As [`SchoolHandle::register_application`].
    pub fn reissue_credentials(
        &mut self,
        edit: &Edit,
        holder: Applicant,
    ) -> Result<CredentialSlip, Error> {
        let by = self.require_admin(edit)?;
        Ok(self.registry.reissue_credentials(
            self.journal.school(),
            holder,
            edit.at().date(),
            by,
        )?)
    }

    /// A login attempt on `on`; the first success activates the account.
    ///
    /// # Errors
    /// [`crate::handle::HandleError::ReadOnlyExport`]; the registry's
    /// errors (`application.invalid_credentials` for a wrong login or
    /// password).
    pub fn log_in(
        &mut self,
        login: &str,
        password: &str,
        on: NaiveDate,
    ) -> Result<LoginOutcome, Error> {
        self.require_writable()?;
        Ok(self.registry.log_in(login, password, on)?)
    }

    /// Records an activation the host observed (e.g. a first login to its
    /// own service), by the specialist.
    ///
    /// # Errors
    /// As [`SchoolHandle::register_application`].
    pub fn report_activation(&mut self, edit: &Edit, holder: Applicant) -> Result<(), Error> {
        self.require_admin(edit)?;
        Ok(self.registry.report_activation(holder, edit.at().date())?)
    }

    /// Records whether a parent has the possibility to use the service
    /// from `since` on (the denominator of the activation share; the
    /// specialist's, from what the host knows).
    ///
    /// # Errors
    /// As [`SchoolHandle::register_application`].
    pub fn record_service_access(
        &mut self,
        edit: &Edit,
        parent: crate::ids::ParentId,
        since: NaiveDate,
        has_access: bool,
    ) -> Result<(), Error> {
        self.require_admin(edit)?;
        Ok(self
            .registry
            .record_service_access(self.journal.school(), parent, since, has_access)?)
    }

    /// The applications per class and for the school on `date`.
    pub fn application_counts(&self, date: NaiveDate) -> ApplicationCounts {
        self.registry.counts_on(self.journal.school(), date)
    }

    /// The parents' activation per class and school on `date`, against the
    /// plan's checkpoints.
    pub fn activation_table(&self, date: NaiveDate, policy: EligibilityPolicy) -> ActivationTable {
        self.registry
            .activation_table(self.journal.school(), date, policy, self.plan.checkpoints())
    }

    /// The rollout status report on `date`.
    pub fn rollout_report(&self, date: NaiveDate, options: &ReportOptions) -> RolloutReport {
        RolloutReport::build(
            &self.plan,
            self.journal.school(),
            &self.registry,
            date,
            options,
        )
    }
}
