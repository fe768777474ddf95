//! Issuing credentials, re-issuing passwords, first logins and activation:
//! the registry's account operations.
//!
//! Only an approved application whose consent is in force can be issued
//! credentials; only a person with such an application can log in or be
//! activated. An account belongs to the person: a parent applying for two
//! children has one login.

use chrono::NaiveDate;

use crate::applications::ApplicationError;
use crate::applications::ApplicationRegistry;
use crate::applications::OrgLookup;
use crate::applications::{Applicant, ApplicationStatus};
use crate::credentials::Login;
use crate::credentials::TemporaryPassword;
use crate::credentials::{
    Account, ActivationSource, CredentialSlip, IssuedCredentials, LoginOutcome,
};
use crate::ids::{ApplicationId, TeacherId};
use crate::school::School;

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

    /// Issues a login and a temporary password for an approved application
    /// with consent in force. The password is returned once, on the slip;
    /// the registry keeps its argon2id hash. If the applicant already has an
    /// account (from an application for another child), the application
    /// joins it and no new password is made (`slip` is `None`); if that
    /// account is active, the application is active from the issue day.
    ///
    /// # Errors
    /// [`ApplicationError::UnknownApplication`],
    /// [`ApplicationError::OutOfOrder`] unless approved,
    /// [`ApplicationError::ConsentRevoked`],
    /// [`ApplicationError::DateBeforePreviousStep`], or a
    /// [`ApplicationError::Credential`] error (a name that cannot be
    /// transliterated, no random source); the registry is unchanged.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use zhurnal::demo::{demo_school, DemoConfig, DEMO_SPECIALIST};
    /// use zhurnal::{activation::*, applications::*, credentials::*, rollout::*};
    /// let school = demo_school(&DemoConfig::tiny(1))?;
    /// let link = school.parents_of(school.students()[0].id())[0];
    /// let parent = Applicant::Parent(link.parent);
    /// let d = |day| NaiveDate::from_ymd_opt(2014, 9, day).unwrap();
    /// let consent = Consent { given_on: d(5), channel: ConsentChannel::Portal,
    ///     contacts: ContactDetails::new(None, Some("parent@mail.ru"))? };
    /// let mut registry = ApplicationRegistry::new();
    /// registry.set_hash_params(HashParams::light()); // fast for the example
    /// let id = registry.submit(&school, parent, link.student, d(5), consent)?;
    /// registry.register(id, "1/2014", d(5), DEMO_SPECIALIST)?;
    /// registry.approve(id, d(8), DEMO_SPECIALIST)?;
    /// let issued = registry.issue_credentials(&school, id, d(10), DEMO_SPECIALIST)?;
    /// let slip = issued.slip.expect("a new account gets a slip");
    /// assert!(slip.printable_text().contains(slip.reveal_password()));
    /// assert!(!format!("{slip:?}").contains(slip.reveal_password()));
    /// // A wrong password is refused; the right one activates the account.
    /// assert!(registry.log_in(slip.login().as_str(), "wrong", d(11)).is_err());
    /// let outcome = registry.log_in(slip.login().as_str(), slip.reveal_password(), d(12))?;
    /// assert_eq!(outcome, LoginOutcome::Activated { on: d(12) });
    /// assert_eq!(registry.application(id).map(|a| a.status()), Some(ApplicationStatus::Activated));
    /// // A lost password is re-issued: the old one stops working.
    /// let new_slip = registry.reissue_credentials(&school, parent, d(20), DEMO_SPECIALIST)?;
    /// assert!(registry.log_in(slip.login().as_str(), slip.reveal_password(), d(21)).is_err());
    /// assert!(registry.log_in(new_slip.login().as_str(), new_slip.reveal_password(), d(21)).is_ok());
    /// assert_eq!(registry.report_activation(parent, d(22)).unwrap_err().code(), "application.already_activated");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn issue_credentials(
        &mut self,
        school: &School,
        id: ApplicationId,
        on: NaiveDate,
        by: TeacherId,
    ) -> Result<IssuedCredentials, ApplicationError> {
        self.issue_with(school, id, on, by)
    }

    /// Replaces a person's password with a new temporary one; the change is
    /// recorded in the account's history and the old password stops
    /// working. Activation is kept.
    ///
    /// # Errors
    /// [`ApplicationError::NoAccount`], [`ApplicationError::BeforeIssue`]
    /// for a day before the latest issue, [`ApplicationError::AccessBlocked`],
    /// or a [`ApplicationError::Credential`] error; nothing changes.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use zhurnal::ids::ParentId;
    /// use zhurnal::demo::{demo_school, DemoConfig, DEMO_SPECIALIST};
    /// use zhurnal::applications::{Applicant, ApplicationRegistry};
    /// let school = demo_school(&DemoConfig::tiny(1))?;
    /// let mut registry = ApplicationRegistry::new();
    /// let day = NaiveDate::from_ymd_opt(2014, 9, 5).unwrap();
    /// let e = registry.reissue_credentials(&school, Applicant::Parent(ParentId::new(1)), day, DEMO_SPECIALIST).unwrap_err();
    /// assert_eq!(e.code(), "application.no_account");
    /// // The whole flow: see `issue_credentials`.
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn reissue_credentials(
        &mut self,
        school: &School,
        holder: Applicant,
        on: NaiveDate,
        by: TeacherId,
    ) -> Result<CredentialSlip, ApplicationError> {
        self.reissue_with(school, holder, on, by)
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
    /// The login matches whatever its case and surrounding spaces
    /// (`Ivanov.IA` finds `ivanov.ia`: logins are lowercase, and phones
    /// capitalise the first letter); the password matches exactly.
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
    /// ```
    /// use chrono::NaiveDate;
    /// use zhurnal::applications::ApplicationRegistry;
    /// let mut registry = ApplicationRegistry::new();
    /// let day = NaiveDate::from_ymd_opt(2014, 9, 5).unwrap();
    /// let e = registry.log_in("ivanov.ii", "23456789abcde", day).unwrap_err();
    /// assert_eq!(e.code(), "application.invalid_credentials");
    /// // The whole flow: see `issue_credentials`.
    /// ```
    pub fn log_in(
        &mut self,
        login: &str,
        password: &str,
        on: NaiveDate,
    ) -> Result<LoginOutcome, ApplicationError> {
        let invalid = || ApplicationError::InvalidCredentials;
        let index = self
            .accounts
            .iter()
            .position(|a| a.login().as_str().eq_ignore_ascii_case(login.trim()))
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
    /// ```
    /// use chrono::NaiveDate;
    /// use zhurnal::ids::ParentId;
    /// use zhurnal::applications::{Applicant, ApplicationRegistry};
    /// let mut registry = ApplicationRegistry::new();
    /// let day = NaiveDate::from_ymd_opt(2014, 9, 5).unwrap();
    /// let e = registry.report_activation(Applicant::Parent(ParentId::new(1)), day).unwrap_err();
    /// assert_eq!(e.code(), "application.no_account");
    /// // The whole flow: see `issue_credentials`.
    /// ```
    pub fn report_activation(
        &mut self,
        holder: Applicant,
        on: NaiveDate,
    ) -> Result<(), ApplicationError> {
        let index = self.account_index(holder)?;
        self.activate(index, on, ActivationSource::ReportedByHost)
    }
}
