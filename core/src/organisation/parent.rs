//! Parents and other legal representatives, and their links to students.

use serde::{Deserialize, Serialize};

use super::contact::{optional_email, optional_phone};
use super::{Email, OrganisationError, PersonName, Phone};
use crate::ids::{ParentId, StudentId};

/// A parent or another legal representative (законный представитель),
/// with optional contact details.
///
/// # Example
/// ```
/// use zhurnal::ids::ParentId;
/// use zhurnal::organisation::{Parent, PersonName};
/// let name = PersonName::new("Иванова", "Ольга", Some("Петровна"))?;
/// let p = Parent::new(ParentId::new(1), name, Some("+7 (928) 123-45-67"), Some("olga@example.ru"))?;
/// assert_eq!(p.phone().map(|p| p.as_str()), Some("+7 (928) 123-45-67"));
/// # Ok::<(), zhurnal::organisation::OrganisationError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "ParentFields")]
pub struct Parent {
    id: ParentId,
    name: PersonName,
    phone: Option<Phone>,
    email: Option<Email>,
}

#[derive(Deserialize)]
struct ParentFields {
    id: ParentId,
    name: PersonName,
    #[serde(default)]
    phone: Option<String>,
    #[serde(default)]
    email: Option<String>,
}

impl TryFrom<ParentFields> for Parent {
    type Error = OrganisationError;
    fn try_from(f: ParentFields) -> Result<Self, Self::Error> {
        Parent::new(f.id, f.name, f.phone.as_deref(), f.email.as_deref())
    }
}

impl Parent {
    /// A parent; blank contact details count as none.
    ///
    /// The phone and e-mail are checked as [`Phone`] and [`Email`]
    /// (use [`Parent::with_contacts`] for values already checked).
    ///
    /// # Errors
    /// [`OrganisationError::InvalidPhone`], [`OrganisationError::InvalidEmail`].
    ///
    /// # Example
    /// ```
    /// use zhurnal::ids::ParentId;
    /// use zhurnal::organisation::{Parent, PersonName};
    /// let name = PersonName::new("Иванова", "Ольга", None)?;
    /// let e = Parent::new(ParentId::new(1), name.clone(), Some("12"), None).unwrap_err();
    /// assert_eq!(e.code(), "organisation.invalid_phone");
    /// let e = Parent::new(ParentId::new(1), name, None, Some("olga")).unwrap_err();
    /// assert_eq!(e.code(), "organisation.invalid_email");
    /// # Ok::<(), zhurnal::organisation::OrganisationError>(())
    /// ```
    pub fn new(
        id: ParentId,
        name: PersonName,
        phone: Option<&str>,
        email: Option<&str>,
    ) -> Result<Parent, OrganisationError> {
        let phone = optional_phone(phone)?;
        let email = optional_email(email)?;
        Ok(Parent {
            id,
            name,
            phone,
            email,
        })
    }

    /// The id.
    pub fn id(&self) -> ParentId {
        self.id
    }

    /// The name.
    pub fn name(&self) -> &PersonName {
        &self.name
    }

    /// A parent with contact details already checked.
    pub fn with_contacts(
        id: ParentId,
        name: PersonName,
        phone: Option<Phone>,
        email: Option<Email>,
    ) -> Parent {
        Parent {
            id,
            name,
            phone,
            email,
        }
    }

    /// The phone number, if any.
    pub fn phone(&self) -> Option<&Phone> {
        self.phone.as_ref()
    }

    /// The e-mail address, if any.
    pub fn email(&self) -> Option<&Email> {
        self.email.as_ref()
    }
}

/// How a parent or legal representative is related to a student.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RelationKind {
    /// «мать».
    Mother,
    /// «отец».
    Father,
    /// «опекун» (a guardian of a child under 14).
    Guardian,
    /// «попечитель» (a trustee of a child from 14 to 18).
    Trustee,
    /// «иной законный представитель».
    Other,
}

impl RelationKind {
    /// All kinds in display order.
    pub const ALL: [RelationKind; 5] = [
        RelationKind::Mother,
        RelationKind::Father,
        RelationKind::Guardian,
        RelationKind::Trustee,
        RelationKind::Other,
    ];

    /// The Russian name: «мать», «отец», «опекун», «попечитель», «иной
    /// законный представитель».
    pub fn russian_name(self) -> &'static str {
        match self {
            RelationKind::Mother => "мать",
            RelationKind::Father => "отец",
            RelationKind::Guardian => "опекун",
            RelationKind::Trustee => "попечитель",
            RelationKind::Other => "иной законный представитель",
        }
    }
}

impl std::fmt::Display for RelationKind {
    /// The Russian name.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.russian_name())
    }
}

/// A parent linked to a student with the kind of relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ParentLink {
    /// The parent or legal representative.
    pub parent: ParentId,
    /// The student.
    pub student: StudentId,
    /// How they are related.
    pub relation: RelationKind,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name() -> PersonName {
        PersonName::new("Иванова", "Ольга", None).unwrap()
    }

    #[test]
    fn blank_contacts_are_none() {
        let p = Parent::new(ParentId::new(1), name(), Some(" "), Some("")).unwrap();
        assert_eq!((p.phone(), p.email()), (None, None));
        let e = Parent::new(ParentId::new(1), name(), Some("x"), None).unwrap_err();
        assert_eq!(e.to_string(), "invalid phone number \"x\"");
    }

    #[test]
    fn relation_names() {
        let names: Vec<_> = RelationKind::ALL.iter().map(|r| r.to_string()).collect();
        assert_eq!(
            names,
            [
                "мать",
                "отец",
                "опекун",
                "попечитель",
                "иной законный представитель"
            ]
        );
        assert_eq!(
            serde_json::to_string(&RelationKind::Guardian).unwrap(),
            "\"guardian\""
        );
    }

    #[test]
    fn serde_validates() {
        let p = Parent::new(ParentId::new(1), name(), Some("89281234567"), None).unwrap();
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(serde_json::from_str::<Parent>(&json).unwrap(), p);
        let bad = r#"{"id":1,"name":{"last":"А","first":"Б"},"email":"nope"}"#;
        assert!(serde_json::from_str::<Parent>(bad).is_err());
        let link = ParentLink {
            parent: ParentId::new(1),
            student: StudentId::new(2),
            relation: RelationKind::Mother,
        };
        let json = serde_json::to_string(&link).unwrap();
        assert_eq!(json, r#"{"parent":1,"student":2,"relation":"mother"}"#);
        assert_eq!(serde_json::from_str::<ParentLink>(&json).unwrap(), link);
    }
}
