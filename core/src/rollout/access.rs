//! Issuing credentials, re-issuing passwords, first logins and activation:
//! the registry's account operations.
//!
//! Only an approved application whose consent is in force can be issued
//! credentials; only a person with such an application can log in or be
//! activated. An account belongs to the person: a parent applying for two
//! children has one login.

use chrono::NaiveDate;

use super::ApplicationError;
use super::application::{Applicant, ApplicationStatus};
use super::credentials::{
    Account, ActivationSource, CredentialSlip, IssuedCredentials, LoginOutcome,
};
use super::login::Login;
use super::lookup::OrgLookup;
use super::password::TemporaryPassword;
use super::registry::ApplicationRegistry;
use crate::ids::{ApplicationId, TeacherId};

impl ApplicationRegistry {
    /// A login for the person, unique among the registry's accounts.
    fn unique_login(
        &self,
        org: &impl OrgLookup,
        holder: Applicant,
    ) -> Result<Login, ApplicationError> {
        let name = org.name_of(holder).ok_or(match holder {
            Applicant::Parent(parent) => ApplicationError::UnknownParent { parent },
            Applicant::Student(student) => ApplicationError::UnknownStudent { student },
        })?;
        let base = Login::for_name(&name)?;
        let taken = |l: &Login| self.accounts.iter().any(|a| a.login() == l);
        if !taken(&base) {
            return Ok(base);
        }
        let mut n = 2u32;
        loop {
            let candidate = base.with_suffix(n)?;
            if !taken(&candidate) {
                return Ok(candidate);
            }
            n = n.saturating_add(1);
        }
    }

    fn slip(
        &self,
        org: &impl OrgLookup,
        holder: Applicant,
        login: Login,
        password: TemporaryPassword,
        on: NaiveDate,
        reissued: bool,
    ) -> CredentialSlip {
        let person = org
            .name_of(holder)
            .map_or_else(|| holder.to_string(), |n| n.to_string());
        CredentialSlip::new(
            org.school_name(),
            person,
            login,
            password,
            self.login_address.clone(),
            on,
            reissued,
        )
    }

    pub(crate) fn issue_with(
        &mut self,
        org: &impl OrgLookup,
        id: ApplicationId,
        on: NaiveDate,
        by: TeacherId,
    ) -> Result<IssuedCredentials, ApplicationError> {
        let app = self
            .application(id)
            .ok_or(ApplicationError::UnknownApplication { id })?;
        app.check_can_issue(on)?;
        let holder = app.applicant();
        if let Some(account) = self.account(holder) {
            let login = account.login().clone();
            let active_since = account.activated_on();
            self.update(id, |a| {
                a.mark_credentials_issued(on)?;
                if let Some(since) = active_since {
                    a.mark_activated(since.max(on))?;
                }
                Ok(())
            })?;
            return Ok(IssuedCredentials { login, slip: None });
        }
        let login = self.unique_login(org, holder)?;
        let password = TemporaryPassword::generate()?;
        let account = Account::new(holder, login.clone(), &password, self.hash_params, on, by)?;
        self.update(id, |a| a.mark_credentials_issued(on))?;
        self.accounts.push(account);
        let slip = self.slip(org, holder, login.clone(), password, on, false);
        Ok(IssuedCredentials {
            login,
            slip: Some(slip),
        })
    }

    /// Whether `holder` has an application giving access on `date` whose
    /// credentials were issued on or before it.
    fn check_access(&self, holder: Applicant, on: NaiveDate) -> Result<(), ApplicationError> {
        let ok = self.applications.iter().any(|a| {
            a.applicant() == holder
                && a.gives_access_on(on)
                && a.credentials_issued_on().is_some_and(|d| d <= on)
        });
        if ok {
            Ok(())
        } else {
            Err(ApplicationError::AccessBlocked { holder, on })
        }
    }

    fn account_index(&self, holder: Applicant) -> Result<usize, ApplicationError> {
        self.accounts
            .iter()
            .position(|a| a.holder() == holder)
            .ok_or(ApplicationError::NoAccount { holder })
    }

    pub(crate) fn reissue_with(
        &mut self,
        org: &impl OrgLookup,
        holder: Applicant,
        on: NaiveDate,
        by: TeacherId,
    ) -> Result<CredentialSlip, ApplicationError> {
        let index = self.account_index(holder)?;
        let last = self.accounts[index].last_issued_on();
        if on < last {
            return Err(ApplicationError::BeforeIssue {
                holder,
                on,
                issued_on: last,
            });
        }
        self.check_access(holder, on)?;
        let password = TemporaryPassword::generate()?;
        let mut account = self.accounts[index].clone();
        account.replace_password(&password, self.hash_params, on, by)?;
        let login = account.login().clone();
        self.accounts[index] = account;
        Ok(self.slip(org, holder, login, password, on, true))
    }

    /// Activates `holder`'s account on `on` and every application of theirs
    /// waiting for activation. Checks first; changes nothing on error.
    fn activate(
        &mut self,
        index: usize,
        on: NaiveDate,
        source: ActivationSource,
    ) -> Result<(), ApplicationError> {
        let holder = self.accounts[index].holder();
        if let Some(since) = self.accounts[index].activated_on() {
            return Err(ApplicationError::AlreadyActivated { holder, on: since });
        }
        let issued_on = self.accounts[index].issued_on();
        if on < issued_on {
            return Err(ApplicationError::BeforeIssue {
                holder,
                on,
                issued_on,
            });
        }
        self.check_access(holder, on)?;
        let mut applications = self.applications.clone();
        for a in applications.iter_mut().filter(|a| {
            a.applicant() == holder && a.status() == ApplicationStatus::CredentialsIssued
        }) {
            let day = on.max(a.last_step_on());
            a.mark_activated(day)?;
        }
        self.applications = applications;
        self.accounts[index].activate(on, source);
        Ok(())
    }

    /// A login attempt with the temporary password on `on`. The first
    /// successful one activates the account (and the person's applications).
    ///
    /// # Errors
    /// [`ApplicationError::InvalidCredentials`] for an unknown login or a
    /// wrong password (nothing changes; the two are not told apart),
    /// [`ApplicationError::AccessBlocked`] when no approved application
    /// with consent in force gives access on that day, or
    /// [`ApplicationError::BeforeIssue`] for a day before the credentials
    /// were issued.
    ///
    /// # Example
    /// See [`ApplicationRegistry::issue_credentials`].
    pub fn log_in(
        &mut self,
        login: &str,
        password: &str,
        on: NaiveDate,
    ) -> Result<LoginOutcome, ApplicationError> {
        let invalid = || ApplicationError::InvalidCredentials {
            login: login.to_owned(),
        };
        let index = self
            .accounts
            .iter()
            .position(|a| a.login().as_str() == login)
            .ok_or_else(invalid)?;
        if !self.accounts[index].password_hash().verify(password) {
            return Err(invalid());
        }
        let holder = self.accounts[index].holder();
        let issued_on = self.accounts[index].last_issued_on();
        if on < issued_on {
            return Err(ApplicationError::BeforeIssue {
                holder,
                on,
                issued_on,
            });
        }
        self.check_access(holder, on)?;
        match self.accounts[index].activated_on() {
            Some(since) => Ok(LoginOutcome::AlreadyActive { since }),
            None => {
                self.activate(index, on, ActivationSource::FirstLogin)?;
                Ok(LoginOutcome::Activated { on })
            }
        }
    }

    /// Records an activation the host observed (e.g. a login through
    /// another service) on `on`.
    ///
    /// # Errors
    /// [`ApplicationError::NoAccount`], [`ApplicationError::AlreadyActivated`],
    /// [`ApplicationError::BeforeIssue`] or [`ApplicationError::AccessBlocked`].
    ///
    /// # Example
    /// See [`ApplicationRegistry::issue_credentials`].
    pub fn report_activation(
        &mut self,
        holder: Applicant,
        on: NaiveDate,
    ) -> Result<(), ApplicationError> {
        let index = self.account_index(holder)?;
        self.activate(index, on, ActivationSource::ReportedByHost)
    }
}
