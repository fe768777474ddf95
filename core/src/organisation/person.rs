//! Personal names.

use serde::{Deserialize, Serialize};

use super::OrganisationError;
use super::error::{optional_text, required_text};

/// A person's name the Russian way: last name, first name and an optional
/// patronymic (отчество). Parts are trimmed; last and first name are
/// required.
///
/// # Example
/// ```
/// use zhurnal::organisation::PersonName;
/// let n = PersonName::new("Иванов", "Иван", Some("Иванович"))?;
/// assert_eq!(n.to_string(), "Иванов Иван Иванович");
/// assert_eq!(n.short(), "Иванов И. И.");
/// assert_eq!(PersonName::new("Смит", "Джон", None)?.short(), "Смит Д.");
/// # Ok::<(), zhurnal::organisation::OrganisationError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "NameFields")]
pub struct PersonName {
    last: String,
    first: String,
    patronymic: Option<String>,
}

#[derive(Deserialize)]
struct NameFields {
    last: String,
    first: String,
    #[serde(default)]
    patronymic: Option<String>,
}

impl TryFrom<NameFields> for PersonName {
    type Error = OrganisationError;
    fn try_from(f: NameFields) -> Result<Self, Self::Error> {
        PersonName::new(&f.last, &f.first, f.patronymic.as_deref())
    }
}

impl PersonName {
    /// A name; a blank patronymic counts as none.
    ///
    /// # Errors
    /// [`OrganisationError::EmptyName`] when the last or first name is
    /// blank; [`OrganisationError::InvalidName`] for control characters or
    /// a part longer than 200 characters.
    ///
    /// # Example
    /// ```
    /// use zhurnal::organisation::PersonName;
    /// assert_eq!(PersonName::new(" ", "Иван", None).unwrap_err().code(), "organisation.empty_name");
    /// assert_eq!(PersonName::new("Иванов", "Иван", Some(" "))?.patronymic(), None);
    /// # Ok::<(), zhurnal::organisation::OrganisationError>(())
    /// ```
    pub fn new(
        last: &str,
        first: &str,
        patronymic: Option<&str>,
    ) -> Result<PersonName, OrganisationError> {
        Ok(PersonName {
            last: required_text("last name", last)?,
            first: required_text("first name", first)?,
            patronymic: optional_text("patronymic", patronymic)?,
        })
    }

    /// The last name (фамилия).
    pub fn last(&self) -> &str {
        &self.last
    }

    /// The first name (имя).
    pub fn first(&self) -> &str {
        &self.first
    }

    /// The patronymic (отчество), if any.
    pub fn patronymic(&self) -> Option<&str> {
        self.patronymic.as_deref()
    }

    /// Last name and initials: «Иванов И. И.» (or «Иванов И.»).
    pub fn short(&self) -> String {
        let mut s = self.last.clone();
        for part in std::iter::once(&self.first).chain(self.patronymic.as_ref()) {
            if let Some(initial) = part.chars().next() {
                s.push(' ');
                s.extend(initial.to_uppercase());
                s.push('.');
            }
        }
        s
    }
}

impl std::fmt::Display for PersonName {
    /// «Иванов Иван Иванович».
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.last, self.first)?;
        if let Some(p) = &self.patronymic {
            write!(f, " {p}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_and_short() {
        let n = PersonName::new(" Петрова ", "анна", Some("Сергеевна")).unwrap();
        assert_eq!(n.to_string(), "Петрова анна Сергеевна");
        assert_eq!(n.short(), "Петрова А. С.");
        let n = PersonName::new("Ли", "Ён", None).unwrap();
        assert_eq!(n.to_string(), "Ли Ён");
        assert_eq!(n.short(), "Ли Ё.");
        assert_eq!(n.patronymic(), None);
    }

    #[test]
    fn errors() {
        let e = PersonName::new("Иванов", "", None).unwrap_err();
        assert_eq!(e.code(), "organisation.empty_name");
        assert_eq!(e.to_string(), "first name must not be empty");
        let e = PersonName::new("Иванов", "Иван", Some("Ив\nанович")).unwrap_err();
        assert_eq!(e.code(), "organisation.invalid_name");
    }

    #[test]
    fn serde_validates() {
        let n = PersonName::new("Иванов", "Иван", Some("Иванович")).unwrap();
        let json = serde_json::to_string(&n).unwrap();
        assert_eq!(
            json,
            r#"{"last":"Иванов","first":"Иван","patronymic":"Иванович"}"#
        );
        assert_eq!(serde_json::from_str::<PersonName>(&json).unwrap(), n);
        let no_patronymic: PersonName =
            serde_json::from_str(r#"{"last":"Иванов","first":"Иван"}"#).unwrap();
        assert_eq!(no_patronymic.patronymic(), None);
        assert!(serde_json::from_str::<PersonName>(r#"{"last":"","first":"Иван"}"#).is_err());
    }
}
