//! Consent to the processing of personal data (152-ФЗ) that comes with an
//! application: its date, the applicant's contact details, the channel it
//! came through, and its revocation.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::applications::ApplicationError;
use crate::organisation::{Email, Phone};

/// How an application and its consent reached the school.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConsentChannel {
    /// On paper, handed in at the school («лично»).
    InPerson,
    /// By post.
    Post,
    /// By e-mail, with a scanned signature.
    Email,
    /// Through the regional or federal public-services portal.
    Portal,
}

impl ConsentChannel {
    /// The Russian label: «лично», «почтой», «по электронной почте»,
    /// «через портал госуслуг».
    pub fn label_ru(self) -> &'static str {
        match self {
            ConsentChannel::InPerson => "лично",
            ConsentChannel::Post => "почтой",
            ConsentChannel::Email => "по электронной почте",
            ConsentChannel::Portal => "через портал госуслуг",
        }
    }
}

/// How the school can reach the applicant: a phone, an e-mail, or both.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "ContactFields", into = "ContactFields")]
pub struct ContactDetails {
    phone: Option<Phone>,
    email: Option<Email>,
}

#[derive(Serialize, Deserialize)]
struct ContactFields {
    #[serde(default)]
    phone: Option<String>,
    #[serde(default)]
    email: Option<String>,
}

impl TryFrom<ContactFields> for ContactDetails {
    type Error = ApplicationError;
    fn try_from(f: ContactFields) -> Result<Self, Self::Error> {
        ContactDetails::new(f.phone.as_deref(), f.email.as_deref())
    }
}

impl From<ContactDetails> for ContactFields {
    fn from(c: ContactDetails) -> Self {
        ContactFields {
            phone: c.phone.map(String::from),
            email: c.email.map(String::from),
        }
    }
}

impl ContactDetails {
    /// Contact details from text; blank parts count as absent, the others
    /// are checked as [`Phone`] and [`Email`].
    ///
    /// # Errors
    /// [`ApplicationError::NoContact`] when both are absent;
    /// [`ApplicationError::Contact`] with
    /// [`OrganisationError::InvalidPhone`](crate::organisation::OrganisationError::InvalidPhone)
    /// (`organisation.invalid_phone`) or
    /// [`OrganisationError::InvalidEmail`](crate::organisation::OrganisationError::InvalidEmail)
    /// (`organisation.invalid_email`), the codes of a parent's record.
    ///
    /// # Example
    /// ```
    /// use zhurnal::applications::ContactDetails;
    /// let c = ContactDetails::new(Some("+7 (928) 123-45-67"), None)?;
    /// assert_eq!(c.phone().map(|p| p.as_str()), Some("+7 (928) 123-45-67"));
    /// assert_eq!(ContactDetails::new(Some(" "), None).unwrap_err().code(), "application.no_contact");
    /// assert_eq!(ContactDetails::new(Some("12"), None).unwrap_err().code(), "organisation.invalid_phone");
    /// # Ok::<(), zhurnal::applications::ApplicationError>(())
    /// ```
    pub fn new(
        phone: Option<&str>,
        email: Option<&str>,
    ) -> Result<ContactDetails, ApplicationError> {
        let phone = phone.map(str::trim).filter(|p| !p.is_empty());
        let email = email.map(str::trim).filter(|e| !e.is_empty());
        if phone.is_none() && email.is_none() {
            return Err(ApplicationError::NoContact);
        }
        let phone = phone.map(Phone::new).transpose()?;
        let email = email.map(Email::new).transpose()?;
        ContactDetails::from_parts(phone, email)
    }

    /// Contact details from values already checked.
    ///
    /// # Errors
    /// [`ApplicationError::NoContact`] when both are absent.
    ///
    /// # Example
    /// ```
    /// use zhurnal::applications::ContactDetails;
    /// use zhurnal::organisation::Email;
    /// let c = ContactDetails::from_parts(None, Some(Email::new("olga@mail.ru")?))?;
    /// assert_eq!(c.email().map(|e| e.as_str()), Some("olga@mail.ru"));
    /// assert!(ContactDetails::from_parts(None, None).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_parts(
        phone: Option<Phone>,
        email: Option<Email>,
    ) -> Result<ContactDetails, ApplicationError> {
        if phone.is_none() && email.is_none() {
            return Err(ApplicationError::NoContact);
        }
        Ok(ContactDetails { phone, email })
    }

    /// The phone number.
    pub fn phone(&self) -> Option<&Phone> {
        self.phone.as_ref()
    }

    /// The e-mail address.
    pub fn email(&self) -> Option<&Email> {
        self.email.as_ref()
    }
}

/// The consent to personal-data processing recorded with an application.
/// Its revocation is recorded on the application
/// ([`Application::revoked_on`](super::Application::revoked_on)).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Consent {
    /// The day the consent was signed.
    pub given_on: NaiveDate,
    /// How to reach the applicant.
    pub contacts: ContactDetails,
    /// How it reached the school.
    pub channel: ConsentChannel,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contacts_validate() {
        let c = ContactDetails::new(None, Some(" olga@mail.ru ")).unwrap();
        assert_eq!(
            (c.phone(), c.email().map(Email::as_str)),
            (None, Some("olga@mail.ru"))
        );
        assert_eq!(
            ContactDetails::new(None, None).unwrap_err().code(),
            "application.no_contact"
        );
        let e = ContactDetails::new(Some("12-34"), None).unwrap_err();
        assert_eq!(e.code(), "organisation.invalid_phone");
        assert_eq!(e.to_string(), "invalid phone number \"12-34\"");
        let e = ContactDetails::new(Some("89281234567"), Some("olga@mail")).unwrap_err();
        assert_eq!(e.code(), "organisation.invalid_email");
        assert_eq!(e.to_string(), "invalid e-mail address \"olga@mail\"");
        // The same text gives the same code in a parent's record.
        let name = crate::organisation::PersonName::new("Иванова", "Ольга", None).unwrap();
        let parent = crate::organisation::Parent::new(
            crate::ids::ParentId::new(1),
            name,
            None,
            Some("olga@mail"),
        );
        assert_eq!(parent.unwrap_err().code(), e.code());
        for bad in ["+7 928 abc 45 67", "7+9281234567", "1234567890123456"] {
            assert!(ContactDetails::new(Some(bad), None).is_err(), "{bad}");
        }
        for bad in ["@mail.ru", "a@@mail.ru", "a b@mail.ru", "a@mail..ru"] {
            assert!(ContactDetails::new(None, Some(bad)).is_err(), "{bad}");
        }
        assert!(serde_json::from_str::<ContactDetails>("{}").is_err());
        assert!(serde_json::from_str::<ContactDetails>(r#"{"phone":"12"}"#).is_err());
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(serde_json::from_str::<ContactDetails>(&json).unwrap(), c);
        assert_eq!(ConsentChannel::Portal.label_ru(), "через портал госуслуг");
    }
}
