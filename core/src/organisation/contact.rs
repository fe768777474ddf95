//! Contact details of a person: a phone number and an e-mail address, each
//! a validated newtype. The one place where they are checked: a parent's
//! record and an application's contact details use the same types, the same
//! rules and the same error codes (`organisation.invalid_phone`,
//! `organisation.invalid_email`).

use serde::{Deserialize, Serialize};

use super::OrganisationError;

/// A plausible phone number as given (trimmed): an optional leading `+`,
/// 5–15 digits, and only spaces, `-`, `(`, `)` besides.
///
/// # Example
/// ```
/// use zhurnal::organisation::Phone;
/// let p = Phone::new(" +7 (928) 123-45-67 ")?;
/// assert_eq!(p.as_str(), "+7 (928) 123-45-67");
/// assert_eq!(Phone::new("12-34").unwrap_err().code(), "organisation.invalid_phone");
/// # Ok::<(), zhurnal::organisation::OrganisationError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Phone(String);

impl Phone {
    /// A phone number from its text; surrounding white space is trimmed.
    ///
    /// # Errors
    /// [`OrganisationError::InvalidPhone`] for anything but the form above
    /// (a blank text included).
    ///
    /// # Example
    /// ```
    /// use zhurnal::organisation::Phone;
    /// assert!(Phone::new("89281234567").is_ok());
    /// assert!(Phone::new("+7 928 abc").is_err());
    /// ```
    pub fn new(text: &str) -> Result<Phone, OrganisationError> {
        let text = text.trim();
        if !valid_phone(text) {
            return Err(OrganisationError::InvalidPhone {
                phone: text.to_owned(),
            });
        }
        Ok(Phone(text.to_owned()))
    }

    /// The number as given.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A plausible e-mail address (trimmed): `name@domain.tld`, at most 254
/// characters, no white space or control characters.
///
/// # Example
/// ```
/// use zhurnal::organisation::Email;
/// assert_eq!(Email::new(" olga@mail.ru ")?.as_str(), "olga@mail.ru");
/// assert_eq!(Email::new("olga@mail").unwrap_err().code(), "organisation.invalid_email");
/// # Ok::<(), zhurnal::organisation::OrganisationError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

impl Email {
    /// An e-mail address from its text; surrounding white space is trimmed.
    ///
    /// # Errors
    /// [`OrganisationError::InvalidEmail`] for anything but the form above
    /// (a blank text included).
    ///
    /// # Example
    /// ```
    /// use zhurnal::organisation::Email;
    /// assert!(Email::new("a@b.ru").is_ok());
    /// assert!(Email::new("a@@b.ru").is_err());
    /// ```
    pub fn new(text: &str) -> Result<Email, OrganisationError> {
        let text = text.trim();
        if !valid_email(text) {
            return Err(OrganisationError::InvalidEmail {
                email: text.to_owned(),
            });
        }
        Ok(Email(text.to_owned()))
    }

    /// The address.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

macro_rules! text_conversions {
    ($name:ident) => {
        impl TryFrom<String> for $name {
            type Error = OrganisationError;
            fn try_from(s: String) -> Result<Self, Self::Error> {
                $name::new(&s)
            }
        }

        impl From<$name> for String {
            fn from(v: $name) -> String {
                v.0
            }
        }

        impl std::str::FromStr for $name {
            type Err = OrganisationError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $name::new(s)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

text_conversions!(Phone);
text_conversions!(Email);

/// An optional phone: blank or absent is none.
pub(crate) fn optional_phone(text: Option<&str>) -> Result<Option<Phone>, OrganisationError> {
    match text.map(str::trim) {
        None | Some("") => Ok(None),
        Some(t) => Phone::new(t).map(Some),
    }
}

/// An optional e-mail address: blank or absent is none.
pub(crate) fn optional_email(text: Option<&str>) -> Result<Option<Email>, OrganisationError> {
    match text.map(str::trim) {
        None | Some("") => Ok(None),
        Some(t) => Email::new(t).map(Some),
    }
}

fn valid_phone(phone: &str) -> bool {
    let body = phone.strip_prefix('+').unwrap_or(phone);
    let mut digits = 0;
    for c in body.chars() {
        match c {
            '0'..='9' => digits += 1,
            ' ' | '-' | '(' | ')' => {}
            _ => return false,
        }
    }
    (5..=15).contains(&digits)
}

fn valid_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && email.len() <= 254
        && !domain.contains('@')
        && !email.chars().any(|c| c.is_whitespace() || c.is_control())
        && domain.split('.').count() >= 2
        && domain.split('.').all(|part| !part.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones() {
        for ok in [
            "+7 (928) 123-45-67",
            "89281234567",
            "12345",
            "+441234567890",
        ] {
            assert_eq!(Phone::new(ok).unwrap().as_str(), ok);
        }
        for bad in [
            "",
            " ",
            "1234",
            "12-34",
            "+7 928 abc",
            "7+9281234567",
            "1234567890123456",
            "++79281234567",
            "7.928",
        ] {
            let e = Phone::new(bad).unwrap_err();
            assert_eq!(e.code(), "organisation.invalid_phone", "{bad}");
        }
        assert_eq!(
            Phone::new("12-34").unwrap_err().to_string(),
            "invalid phone number \"12-34\""
        );
    }

    #[test]
    fn emails() {
        for ok in ["a@b.ru", "olga.ivanova@mail.example.ru"] {
            assert_eq!(Email::new(ok).unwrap().as_str(), ok);
        }
        let long = format!("{}@mail.ru", "a".repeat(250));
        for bad in [
            "",
            "a",
            "@b.ru",
            "a@b",
            "a@@b.ru",
            "a b@c.ru",
            "a@b..ru",
            "a@.ru",
            "a\u{7}@b.ru",
            &long,
        ] {
            let e = Email::new(bad).unwrap_err();
            assert_eq!(e.code(), "organisation.invalid_email", "{bad}");
        }
        assert_eq!(
            Email::new("olga@mail").unwrap_err().to_string(),
            "invalid e-mail address \"olga@mail\""
        );
    }

    #[test]
    fn serde_validates() {
        let p = Phone::new("89281234567").unwrap();
        assert_eq!(serde_json::to_string(&p).unwrap(), r#""89281234567""#);
        assert_eq!(
            serde_json::from_str::<Phone>(r#""89281234567""#).unwrap(),
            p
        );
        assert!(serde_json::from_str::<Phone>(r#""12""#).is_err());
        let e = Email::new("a@b.ru").unwrap();
        assert_eq!(serde_json::from_str::<Email>(r#""a@b.ru""#).unwrap(), e);
        assert!(serde_json::from_str::<Email>(r#""a@b""#).is_err());
        assert_eq!("a@b.ru".parse::<Email>().unwrap().to_string(), "a@b.ru");
        assert_eq!(optional_phone(Some("  ")).unwrap(), None);
        assert_eq!(optional_email(None).unwrap(), None);
    }
}
