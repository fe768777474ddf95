//! A credential slip: the new login's temporary password, readable once
//! on purpose; its `repr` never shows it.

use std::sync::Mutex;

use chrono::NaiveDate;
use pyo3::prelude::*;
use zhurnal::credentials;

use crate::errors::record_state;

/// The slip handed to a parent or a student with a new login: the school,
/// the person, the login and the address to log in at are plain
/// properties; the temporary password is read once (`take_password()` or
/// `take_printable_text()`), then gone from this object.
#[pyclass(frozen, module = "zhurnal")]
pub(crate) struct CredentialSlip {
    school: String,
    person: String,
    login: String,
    login_address: String,
    issued_on: NaiveDate,
    reissue: bool,
    secret: Mutex<Option<credentials::CredentialSlip>>,
}

impl CredentialSlip {
    pub(crate) fn new(slip: credentials::CredentialSlip) -> CredentialSlip {
        CredentialSlip {
            school: slip.school().to_owned(),
            person: slip.person().to_owned(),
            login: slip.login().as_str().to_owned(),
            login_address: slip.login_address().to_owned(),
            issued_on: slip.issued_on(),
            reissue: slip.is_reissue(),
            secret: Mutex::new(Some(slip)),
        }
    }

    fn take(&self) -> PyResult<credentials::CredentialSlip> {
        let taken = match self.secret.lock() {
            Ok(mut secret) => secret.take(),
            Err(_) => None,
        };
        taken.ok_or_else(|| {
            record_state(
                "py.password_already_read",
                format!("the password of login {} was already read", self.login),
            )
        })
    }
}

#[pymethods]
impl CredentialSlip {
    /// The school's name.
    #[getter]
    fn school(&self) -> &str {
        &self.school
    }

    /// The holder's name.
    #[getter]
    fn person(&self) -> &str {
        &self.person
    }

    /// The login.
    #[getter]
    fn login(&self) -> &str {
        &self.login
    }

    /// Where to log in.
    #[getter]
    fn login_address(&self) -> &str {
        &self.login_address
    }

    /// The day it was issued.
    #[getter]
    fn issued_on(&self) -> NaiveDate {
        self.issued_on
    }

    /// Whether it replaces a lost password.
    #[getter]
    fn is_reissue(&self) -> bool {
        self.reissue
    }

    /// Whether the password is still here to be read.
    #[getter]
    fn has_password(&self) -> bool {
        self.secret.lock().map(|s| s.is_some()).unwrap_or(false)
    }

    /// The temporary password, once.
    ///
    /// Raises `RecordStateError` (`py.password_already_read`) the second
    /// time.
    fn take_password(&self) -> PyResult<String> {
        Ok(self.take()?.reveal_password().to_owned())
    }

    /// The slip's printable text with the password, once (as
    /// `take_password`).
    fn take_printable_text(&self) -> PyResult<String> {
        Ok(self.take()?.printable_text())
    }

    fn __repr__(&self) -> String {
        format!(
            "CredentialSlip(login={:?}, issued_on={}, has_password={})",
            self.login,
            self.issued_on,
            self.has_password()
        )
    }
}
