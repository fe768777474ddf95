//! Errors of the organisation module.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::ids::{ClassId, StudentId, SubjectId};

/// What can be wrong with a class name, a person's name, a school entity
/// or an enrolment.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum OrganisationError {
    /// A class name that is not a grade followed by one letter.
    #[error("invalid class name {text:?}: expected a grade 1-11 and a letter, like 5А")]
    InvalidClassName {
        /// The text given.
        text: String,
    },
    /// A grade outside 1–11.
    #[error("grade {grade} in class name {text:?} is outside 1..=11")]
    GradeOutOfRange {
        /// The grade given.
        grade: u32,
        /// The text given.
        text: String,
    },
    /// A class letter that is not one of the Cyrillic letters used for
    /// classes (Ё, Й, Ъ, Ы, Ь and non-Cyrillic letters are refused).
    #[error("unknown class letter {letter:?} in {text:?}")]
    UnknownClassLetter {
        /// The letter given.
        letter: char,
        /// The text given.
        text: String,
    },
    /// A required name or title that is blank.
    #[error("{field} must not be empty")]
    EmptyName {
        /// Which field (`"last name"`, `"subject name"`, …).
        field: String,
    },
    /// A name with control characters or longer than 200 characters.
    #[error("{field} {text:?} has control characters or is longer than 200 characters")]
    InvalidName {
        /// Which field.
        field: String,
        /// The text given.
        text: String,
    },
    /// A phone number that is not 5–15 digits with optional `+`, spaces,
    /// hyphens and brackets.
    #[error("invalid phone number {phone:?}")]
    InvalidPhone {
        /// The text given.
        phone: String,
    },
    /// An e-mail address that is not `local@domain.tld`.
    #[error("invalid e-mail address {email:?}")]
    InvalidEmail {
        /// The text given.
        email: String,
    },
    /// An enrolment that ends before it starts.
    #[error("enrolment of {student} in {class_id} ends {end} before it starts {start}")]
    InvalidEnrolmentRange {
        /// The student.
        student: StudentId,
        /// The class.
        class_id: ClassId,
        /// First day.
        start: NaiveDate,
        /// Last day.
        end: NaiveDate,
    },
    /// A subject's hours a week outside (0, 40].
    #[error("hours a week of {subject} must be greater than 0 and at most 40, got {hours}")]
    InvalidHoursPerWeek {
        /// The subject.
        subject: SubjectId,
        /// The hours given.
        hours: Decimal,
    },
}

impl OrganisationError {
    /// The stable machine code, e.g. `"organisation.unknown_class_letter"`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::InvalidClassName { .. } => "organisation.invalid_class_name",
            Self::GradeOutOfRange { .. } => "organisation.grade_out_of_range",
            Self::UnknownClassLetter { .. } => "organisation.unknown_class_letter",
            Self::EmptyName { .. } => "organisation.empty_name",
            Self::InvalidName { .. } => "organisation.invalid_name",
            Self::InvalidPhone { .. } => "organisation.invalid_phone",
            Self::InvalidEmail { .. } => "organisation.invalid_email",
            Self::InvalidEnrolmentRange { .. } => "organisation.invalid_enrolment_range",
            Self::InvalidHoursPerWeek { .. } => "organisation.invalid_hours_per_week",
        }
    }
}

/// Trims a required text field and checks it: not blank, no control
/// characters, at most 200 characters.
pub(crate) fn required_text(field: &str, value: &str) -> Result<String, OrganisationError> {
    let value = value.trim();
    if value.is_empty() {
        return Err(OrganisationError::EmptyName {
            field: field.to_owned(),
        });
    }
    if value.chars().count() > 200 || value.chars().any(char::is_control) {
        return Err(OrganisationError::InvalidName {
            field: field.to_owned(),
            text: crate::excerpt::excerpt(value),
        });
    }
    Ok(value.to_owned())
}

/// Like [`required_text`] for an optional field: blank means none.
pub(crate) fn optional_text(
    field: &str,
    value: Option<&str>,
) -> Result<Option<String>, OrganisationError> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => required_text(field, v).map(Some),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_helpers() {
        assert_eq!(required_text("x", "  a b ").unwrap(), "a b");
        assert_eq!(
            required_text("x", " ").unwrap_err().code(),
            "organisation.empty_name"
        );
        assert_eq!(
            required_text("x", "a\u{7}").unwrap_err().code(),
            "organisation.invalid_name"
        );
        assert_eq!(
            required_text("x", &"я".repeat(201)).unwrap_err().code(),
            "organisation.invalid_name"
        );
        assert_eq!(optional_text("x", Some("  ")).unwrap(), None);
        assert_eq!(optional_text("x", None).unwrap(), None);
        assert_eq!(optional_text("x", Some(" b ")).unwrap(), Some("b".into()));
    }
}
