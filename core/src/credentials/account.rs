//! Accounts: a login, the argon2id hash of the temporary password, the
//! issue history and the activation; and the printable slip the password
//! is handed over on.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::applications::Applicant;
use crate::applications::ApplicationError;
use crate::credentials::HashParams;
use crate::credentials::Login;
use crate::credentials::{PasswordHash, TemporaryPassword};
use crate::ids::TeacherId;

/// How an account came to be activated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivationSource {
    /// The temporary password was verified at the first login.
    FirstLogin,
    /// The host reported an activation it observed.
    ReportedByHost,
}

/// Issuing or re-issuing a password.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CredentialEventKind {
    /// The first login and password.
    Issued,
    /// A new password replacing the previous one.
    Reissued,
}

/// One entry of an account's issue history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CredentialEvent {
    /// The day.
    pub on: NaiveDate,
    /// Issued or re-issued.
    pub kind: CredentialEventKind,
    /// The school specialist who did it.
    pub by: TeacherId,
}

/// A person's account. `Debug` shows the hash's parameters only.
///
/// Accounts live in the [`ApplicationRegistry`](crate::applications::ApplicationRegistry):
/// one per person (parent or student), shared by all of that person's
/// applications. The plaintext password exists only in the
/// [`CredentialSlip`] returned by the issuing call; the registry keeps the
/// hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "AccountFields", into = "AccountFields")]
pub struct Account {
    holder: Applicant,
    login: Login,
    password_hash: PasswordHash,
    history: Vec<CredentialEvent>,
    activated_on: Option<NaiveDate>,
    activation_source: Option<ActivationSource>,
}

#[derive(Serialize, Deserialize)]
struct AccountFields {
    holder: Applicant,
    login: Login,
    password_hash: PasswordHash,
    history: Vec<CredentialEvent>,
    #[serde(default)]
    activated_on: Option<NaiveDate>,
    #[serde(default)]
    activation_source: Option<ActivationSource>,
}

impl From<Account> for AccountFields {
    fn from(a: Account) -> Self {
        AccountFields {
            holder: a.holder,
            login: a.login,
            password_hash: a.password_hash,
            history: a.history,
            activated_on: a.activated_on,
            activation_source: a.activation_source,
        }
    }
}

impl TryFrom<AccountFields> for Account {
    type Error = ApplicationError;
    fn try_from(f: AccountFields) -> Result<Self, Self::Error> {
        let bad = || ApplicationError::InvalidAccount { holder: f.holder };
        let first = f.history.first().ok_or_else(bad)?;
        let ordered = f.history.windows(2).all(|w| w[0].on <= w[1].on);
        let kinds_ok = first.kind == CredentialEventKind::Issued
            && f.history[1..]
                .iter()
                .all(|e| e.kind == CredentialEventKind::Reissued);
        let activation_ok = match (f.activated_on, f.activation_source) {
            (Some(d), Some(_)) => d >= first.on,
            (None, None) => true,
            _ => false,
        };
        if !(ordered && kinds_ok && activation_ok) {
            return Err(bad());
        }
        Ok(Account {
            holder: f.holder,
            login: f.login,
            password_hash: f.password_hash,
            history: f.history,
            activated_on: f.activated_on,
            activation_source: f.activation_source,
        })
    }
}

impl Account {
    pub(crate) fn new(
        holder: Applicant,
        login: Login,
        password: &TemporaryPassword,
        params: HashParams,
        on: NaiveDate,
        by: TeacherId,
    ) -> Result<Account, ApplicationError> {
        Ok(Account {
            holder,
            login,
            password_hash: PasswordHash::new(password, params)?,
            history: vec![CredentialEvent {
                on,
                kind: CredentialEventKind::Issued,
                by,
            }],
            activated_on: None,
            activation_source: None,
        })
    }

    /// Whose account it is.
    pub fn holder(&self) -> Applicant {
        self.holder
    }

    /// The login.
    pub fn login(&self) -> &Login {
        &self.login
    }

    /// The stored hash of the current password.
    pub fn password_hash(&self) -> &PasswordHash {
        &self.password_hash
    }

    /// Every issue and re-issue, oldest first.
    pub fn history(&self) -> &[CredentialEvent] {
        &self.history
    }

    /// The day credentials were first issued.
    pub fn issued_on(&self) -> NaiveDate {
        self.history.first().map_or(NaiveDate::MIN, |e| e.on)
    }

    /// The day of the latest issue or re-issue.
    pub fn last_issued_on(&self) -> NaiveDate {
        self.history.last().map_or(NaiveDate::MIN, |e| e.on)
    }

    /// The activation day, once activated.
    pub fn activated_on(&self) -> Option<NaiveDate> {
        self.activated_on
    }

    /// How it was activated.
    pub fn activation_source(&self) -> Option<ActivationSource> {
        self.activation_source
    }

    pub(crate) fn replace_password(
        &mut self,
        password: &TemporaryPassword,
        params: HashParams,
        on: NaiveDate,
        by: TeacherId,
    ) -> Result<(), ApplicationError> {
        let hash = PasswordHash::new(password, params)?;
        self.password_hash = hash;
        self.history.push(CredentialEvent {
            on,
            kind: CredentialEventKind::Reissued,
            by,
        });
        Ok(())
    }

    pub(crate) fn activate(&mut self, on: NaiveDate, source: ActivationSource) {
        self.activated_on = Some(on);
        self.activation_source = Some(source);
    }
}

/// The printable slip a new password is handed over on: school, person,
/// login, password and where to log in. The only place a plaintext
/// password appears; read it with [`CredentialSlip::reveal_password`] or
/// print [`CredentialSlip::printable_text`]. `Debug` shows `***`.
#[derive(Debug, Clone)]
pub struct CredentialSlip {
    school: String,
    person: String,
    login: Login,
    password: TemporaryPassword,
    login_address: String,
    issued_on: NaiveDate,
    reissued: bool,
}

impl CredentialSlip {
    pub(crate) fn new(
        school: String,
        person: String,
        login: Login,
        password: TemporaryPassword,
        login_address: String,
        issued_on: NaiveDate,
        reissued: bool,
    ) -> CredentialSlip {
        CredentialSlip {
            school,
            person,
            login,
            password,
            login_address,
            issued_on,
            reissued,
        }
    }

    /// The school's name.
    pub fn school(&self) -> &str {
        &self.school
    }

    /// The person's full name.
    pub fn person(&self) -> &str {
        &self.person
    }

    /// The login.
    pub fn login(&self) -> &Login {
        &self.login
    }

    /// Where to log in, as the registry's host configured it.
    pub fn login_address(&self) -> &str {
        &self.login_address
    }

    /// The issue day.
    pub fn issued_on(&self) -> NaiveDate {
        self.issued_on
    }

    /// Whether it replaces an earlier password.
    pub fn is_reissue(&self) -> bool {
        self.reissued
    }

    /// The temporary password in plain text. Show it to its holder only.
    pub fn reveal_password(&self) -> &str {
        self.password.expose()
    }

    /// The slip as text to print and hand over, password included
    /// (labels in Russian).
    pub fn printable_text(&self) -> String {
        let heading = if self.reissued {
            "Новый пароль для входа в электронный дневник"
        } else {
            "Доступ к электронному дневнику и электронному журналу"
        };
        format!(
            "{heading}\n\
             Образовательная организация: {}\n\
             Пользователь: {}\n\
             Логин: {}\n\
             Временный пароль: {}\n\
             Вход: {}\n\
             Дата выдачи: {}\n\
             При первом входе смените пароль. Никому не сообщайте пароль.\n",
            self.school,
            self.person,
            self.login,
            self.password.expose(),
            self.login_address,
            self.issued_on.format("%d.%m.%Y"),
        )
    }
}

/// The result of issuing credentials for an application: the login, and a
/// slip when a new password was made. When the applicant already had an
/// account (from an application for another child), the application joins
/// that account and no new password is made (`slip` is `None`).
#[derive(Debug, Clone)]
pub struct IssuedCredentials {
    /// The applicant's login.
    pub login: Login,
    /// The slip with the new password, if one was made.
    pub slip: Option<CredentialSlip>,
}

/// The result of a successful login.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LoginOutcome {
    /// This first login activated the account.
    Activated {
        /// The day.
        on: NaiveDate,
    },
    /// The account was already active.
    AlreadyActive {
        /// Its activation day.
        since: NaiveDate,
    },
}
