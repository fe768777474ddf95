//! A credential slip whose temporary password is read once.

use std::sync::Mutex;

use chrono::NaiveDate;

use crate::ZhurnalError;

/// A slip to hand to a parent or student: login, school, address, and a
/// temporary password that [`CredentialSlip::take_password`] (or
/// [`CredentialSlip::take_printable_text`]) gives out once; the slip keeps
/// no copy after that. Nothing else shows the password.
#[derive(uniffi::Object)]
pub struct CredentialSlip {
    school: String,
    person: String,
    login: String,
    login_address: String,
    issued_on: NaiveDate,
    reissue: bool,
    secret: Mutex<Option<zhurnal::credentials::CredentialSlip>>,
}

impl CredentialSlip {
    pub(crate) fn new(slip: zhurnal::credentials::CredentialSlip) -> CredentialSlip {
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

    fn take(&self) -> Result<zhurnal::credentials::CredentialSlip, ZhurnalError> {
        let mut secret = self
            .secret
            .lock()
            .map_err(|_| ZhurnalError::unavailable())?;
        secret
            .take()
            .ok_or_else(|| ZhurnalError::PasswordAlreadyRead {
                code: "ffi.password_already_read".to_owned(),
                text: format!("the password of login {} was already read", self.login),
            })
    }
}

#[uniffi::export]
impl CredentialSlip {
    /// The school's name.
    pub fn school(&self) -> String {
        self.school.clone()
    }

    /// The holder's name.
    pub fn person(&self) -> String {
        self.person.clone()
    }

    /// The login.
    pub fn login(&self) -> String {
        self.login.clone()
    }

    /// Where to log in.
    pub fn login_address(&self) -> String {
        self.login_address.clone()
    }

    /// The issue day.
    pub fn issued_on(&self) -> NaiveDate {
        self.issued_on
    }

    /// Whether it replaces an earlier password.
    pub fn is_reissue(&self) -> bool {
        self.reissue
    }

    /// Whether the password is still unread.
    pub fn has_password(&self) -> bool {
        self.secret.lock().map(|s| s.is_some()).unwrap_or(false)
    }

    /// The temporary password, once.
    ///
    /// # Errors
    /// [`ZhurnalError::PasswordAlreadyRead`] on the second call.
    pub fn take_password(&self) -> Result<String, ZhurnalError> {
        Ok(self.take()?.reveal_password().to_owned())
    }

    /// The slip as text to print, password included, once (it shares the
    /// password's one reading).
    ///
    /// # Errors
    /// [`ZhurnalError::PasswordAlreadyRead`] once the password was read.
    pub fn take_printable_text(&self) -> Result<String, ZhurnalError> {
        Ok(self.take()?.printable_text())
    }
}
