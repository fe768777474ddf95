//! The application registry of one school: applications with their
//! lifecycle, and the accounts (logins, password hashes, issue history,
//! activation) of the people who applied.
//!
//! [`ApplicationRegistry`] is a serialisable aggregate (JSON with
//! `"version": 1`; no password is ever in it, only argon2id hashes). Its
//! methods take the [`School`](crate::school::School) by reference for the
//! lookups they need. Every failing method returns an [`ApplicationError`]
//! and leaves the registry unchanged.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::access::ParentGrants;
use crate::applications::ApplicationError;
use crate::applications::ServiceAccess;
use crate::applications::service_access;
use crate::applications::{Applicant, Application};
use crate::credentials::Account;
use crate::credentials::HashParams;
use crate::ids::{ApplicationId, StudentId};

/// The format version written into a registry's JSON.
pub const REGISTRY_FORMAT_VERSION: u32 = 1;

/// Where to log in, printed on slips until the host sets its address
/// ([`ApplicationRegistry::set_login_address`]).
pub const DEFAULT_LOGIN_ADDRESS: &str =
    "адрес входа опубликован на сайте образовательной организации";

/// Applications and accounts of one school.
///
/// A serialisable aggregate (JSON with `"version": 1`; no password is ever
/// in it, only argon2id hashes). Its methods take the
/// [`School`](crate::school::School) by reference for the lookups they need
/// (is this parent linked to this student, the student's age, the class of
/// a student on a date, names for logins and slips). Every failing method
/// returns an [`ApplicationError`] and leaves the registry unchanged.
///
/// Accounts live here too, one per person (parent or student), shared by
/// all of that person's applications; see [`Account`](crate::credentials::Account).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RegistryFields", into = "RegistryFields")]
pub struct ApplicationRegistry {
    pub(crate) applications: Vec<Application>,
    pub(crate) accounts: Vec<Account>,
    pub(super) next_id: u32,
    pub(crate) hash_params: HashParams,
    pub(crate) login_address: String,
    /// By parent and day; see [`ServiceAccess`].
    pub(crate) service_access: Vec<ServiceAccess>,
}

#[derive(Serialize, Deserialize)]
struct RegistryFields {
    version: u32,
    hash_params: HashParams,
    login_address: String,
    pub(super) next_id: u32,
    applications: Vec<Application>,
    accounts: Vec<Account>,
    #[serde(default)]
    service_access: Vec<ServiceAccess>,
}

impl From<ApplicationRegistry> for RegistryFields {
    fn from(r: ApplicationRegistry) -> Self {
        RegistryFields {
            version: REGISTRY_FORMAT_VERSION,
            hash_params: r.hash_params,
            login_address: r.login_address,
            next_id: r.next_id,
            applications: r.applications,
            accounts: r.accounts,
            service_access: r.service_access,
        }
    }
}

impl TryFrom<RegistryFields> for ApplicationRegistry {
    type Error = ApplicationError;
    fn try_from(f: RegistryFields) -> Result<Self, Self::Error> {
        if f.version != REGISTRY_FORMAT_VERSION {
            return Err(crate::snapshot::SnapshotError::UnsupportedVersion {
                document: "registry".to_owned(),
                version: u64::from(f.version),
                supported: REGISTRY_FORMAT_VERSION,
            }
            .into());
        }
        let mut r = ApplicationRegistry {
            applications: Vec::with_capacity(f.applications.len()),
            accounts: Vec::with_capacity(f.accounts.len()),
            next_id: f.next_id,
            hash_params: f.hash_params,
            login_address: f.login_address,
            service_access: service_access::validated(f.service_access)?,
        };
        for a in f.applications {
            if r.application(a.id()).is_some() {
                return Err(ApplicationError::DuplicateApplicationId { id: a.id() });
            }
            if a.id().get() >= r.next_id {
                r.next_id = a.id().get().saturating_add(1);
            }
            r.check_unique(&a)?;
            r.applications.push(a);
        }
        r.applications.sort_by_key(Application::id);
        for acc in f.accounts {
            let taken = r
                .accounts
                .iter()
                .any(|x| x.holder() == acc.holder() || x.login() == acc.login());
            if taken {
                return Err(ApplicationError::DuplicateAccount {
                    holder: acc.holder(),
                });
            }
            r.accounts.push(acc);
        }
        Ok(r)
    }
}

impl Default for ApplicationRegistry {
    fn default() -> Self {
        ApplicationRegistry::new()
    }
}

impl ApplicationRegistry {
    /// An empty registry hashing with [`HashParams::owasp`].
    pub fn new() -> ApplicationRegistry {
        ApplicationRegistry {
            applications: Vec::new(),
            accounts: Vec::new(),
            next_id: 1,
            hash_params: HashParams::owasp(),
            login_address: DEFAULT_LOGIN_ADDRESS.to_owned(),
            service_access: Vec::new(),
        }
    }

    /// Sets the argon2id parameters for passwords hashed from now on
    /// (stored hashes keep theirs).
    pub fn set_hash_params(&mut self, params: HashParams) {
        self.hash_params = params;
    }

    /// The argon2id parameters in use.
    pub fn hash_params(&self) -> HashParams {
        self.hash_params
    }

    /// Sets where to log in, as printed on slips (e.g. the address of the
    /// region's portal); blank text restores the default.
    pub fn set_login_address(&mut self, address: &str) {
        let address = address.trim();
        self.login_address = if address.is_empty() {
            DEFAULT_LOGIN_ADDRESS.to_owned()
        } else {
            address.to_owned()
        };
    }

    /// Where to log in.
    pub fn login_address(&self) -> &str {
        &self.login_address
    }

    /// Every application, by id.
    pub fn applications(&self) -> &[Application] {
        &self.applications
    }

    /// One application.
    pub fn application(&self, id: ApplicationId) -> Option<&Application> {
        self.applications
            .binary_search_by_key(&id, Application::id)
            .ok()
            .and_then(|i| self.applications.get(i))
    }

    /// Every account.
    pub fn accounts(&self) -> &[Account] {
        &self.accounts
    }

    /// The account of a person.
    pub fn account(&self, holder: Applicant) -> Option<&Account> {
        self.accounts.iter().find(|a| a.holder() == holder)
    }

    /// Whether `holder` may see `student`'s journal and diary on `date`: an
    /// application of theirs for that student is approved (or later) and
    /// its consent is in force. This is diary access, not the possibility
    /// to use the service that the activation share counts (see
    /// [`ApplicationRegistry::has_service_access`]).
    pub fn has_access(&self, holder: Applicant, student: StudentId, date: NaiveDate) -> bool {
        self.applications
            .iter()
            .any(|a| a.applicant() == holder && a.student() == student && a.gives_access_on(date))
    }

    /// The parents' diary access on `date`, to feed a journal with
    /// [`crate::journal::Journal::set_parent_grants`]: exactly the (parent,
    /// student) pairs with an application approved (or later) whose consent
    /// is in force. A parent without such an application is refused.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use zhurnal::demo::{DemoConfig, demo_rollout};
    /// let demo = demo_rollout(&DemoConfig::tiny(7))?;
    /// let day = NaiveDate::from_ymd_opt(2014, 12, 1).unwrap();
    /// let grants = demo.registry.parent_grants(day);
    /// assert!(grants.is_explicit());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parent_grants(&self, date: NaiveDate) -> ParentGrants {
        ParentGrants::only(
            self.applications
                .iter()
                .filter_map(|a| match a.applicant() {
                    Applicant::Parent(parent) if a.gives_access_on(date) => {
                        Some((parent, a.student()))
                    }
                    _ => None,
                }),
        )
    }

    /// The applications submitted on or before `date` ("who applied").
    pub fn applications_on(&self, date: NaiveDate) -> Vec<Application> {
        self.applications
            .iter()
            .filter(|a| a.submitted_on() <= date)
            .cloned()
            .collect()
    }

    pub(super) fn check_unique(&self, a: &Application) -> Result<(), ApplicationError> {
        if a.is_active() {
            if let Some(existing) = self.applications.iter().find(|x| {
                x.is_active() && x.applicant() == a.applicant() && x.student() == a.student()
            }) {
                return Err(ApplicationError::DuplicateActive {
                    existing: existing.id(),
                    applicant: a.applicant(),
                    student: a.student(),
                });
            }
        }
        if let Some(r) = a.registration() {
            self.check_number_free(&r.number)?;
        }
        Ok(())
    }

    pub(super) fn check_number_free(&self, number: &str) -> Result<(), ApplicationError> {
        let number = number.trim();
        match self
            .applications
            .iter()
            .find(|x| x.registration().is_some_and(|r| r.number == number))
        {
            Some(x) => Err(ApplicationError::DuplicateRegistrationNumber {
                number: number.to_owned(),
                existing: x.id(),
            }),
            None => Ok(()),
        }
    }
}

impl ApplicationRegistry {
    /// The applications of one applicant only, without any account (no
    /// login, no password hash): what a per-person export carries.
    pub(crate) fn restricted_to(&self, applicant: Applicant) -> ApplicationRegistry {
        ApplicationRegistry {
            applications: self
                .applications
                .iter()
                .filter(|a| a.applicant() == applicant)
                .cloned()
                .collect(),
            accounts: Vec::new(),
            service_access: self
                .service_access
                .iter()
                .filter(|r| Applicant::Parent(r.parent) == applicant)
                .copied()
                .collect(),
            next_id: self.next_id,
            hash_params: self.hash_params,
            login_address: self.login_address.clone(),
        }
    }
}
