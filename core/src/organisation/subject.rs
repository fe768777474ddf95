//! A subject: its names, how it is graded, and its hours a week.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::OrganisationError;
use super::error::required_text;
use crate::assessment_load::MAX_HOURS_PER_WEEK;
use crate::ids::SubjectId;
use crate::marks::Grading;

/// A subject with its full and short name («Русский язык», «Рус. яз.»)
/// and, when the same in every class, its hours a week, which the
/// assessment-load check uses ([`crate::journal::Journal::assessment_load`]);
/// where they differ, leave them unset and give the check
/// [`crate::assessment_load::PlannedHours`] per class.
///
/// # Example
/// ```
/// use zhurnal::ids::SubjectId;
/// use zhurnal::organisation::Subject;
/// let s = Subject::new(SubjectId::new(1), "Математика", "Матем.")?;
/// assert_eq!(s.short_name(), "Матем.");
/// # Ok::<(), zhurnal::organisation::OrganisationError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "SubjectFields")]
pub struct Subject {
    id: SubjectId,
    name: String,
    short_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    hours_per_week: Option<Decimal>,
    #[serde(default, skip_serializing_if = "is_five_point")]
    grading: Grading,
}

fn is_five_point(g: &Grading) -> bool {
    *g == Grading::FivePoint
}

#[derive(Deserialize)]
struct SubjectFields {
    id: SubjectId,
    name: String,
    short_name: String,
    #[serde(default)]
    hours_per_week: Option<Decimal>,
    #[serde(default)]
    grading: Grading,
}

impl TryFrom<SubjectFields> for Subject {
    type Error = OrganisationError;
    fn try_from(f: SubjectFields) -> Result<Self, Self::Error> {
        let subject = match f.hours_per_week {
            None => Subject::new(f.id, &f.name, &f.short_name)?,
            Some(hours) => Subject::with_hours_per_week(f.id, &f.name, &f.short_name, hours)?,
        };
        Ok(subject.with_grading(f.grading))
    }
}

impl Subject {
    /// A subject.
    ///
    /// # Errors
    /// [`OrganisationError::EmptyName`] / [`OrganisationError::InvalidName`]
    /// for either name.
    ///
    /// # Example
    /// ```
    /// use zhurnal::ids::SubjectId;
    /// use zhurnal::organisation::Subject;
    /// assert!(Subject::new(SubjectId::new(1), "Математика", "").is_err());
    /// ```
    pub fn new(id: SubjectId, name: &str, short_name: &str) -> Result<Subject, OrganisationError> {
        Ok(Subject {
            id,
            name: required_text("subject name", name)?,
            short_name: required_text("subject short name", short_name)?,
            grading: Grading::FivePoint,
            hours_per_week: None,
        })
    }

    /// A subject with its hours a week in every class, in (0, 40]; 0.5 is
    /// a subject taught every other week.
    ///
    /// # Errors
    /// As [`Subject::new`]; [`OrganisationError::InvalidHoursPerWeek`]
    /// outside (0, 40].
    ///
    /// # Example
    /// ```
    /// use rust_decimal::Decimal;
    /// use zhurnal::ids::SubjectId;
    /// use zhurnal::organisation::Subject;
    /// let music = Subject::with_hours_per_week(SubjectId::new(7), "Музыка", "Муз.", Decimal::ONE)?;
    /// assert_eq!(music.hours_per_week(), Some(Decimal::ONE));
    /// let e = Subject::with_hours_per_week(SubjectId::new(7), "Музыка", "Муз.", Decimal::ZERO).unwrap_err();
    /// assert_eq!(e.code(), "organisation.invalid_hours_per_week");
    /// # Ok::<(), zhurnal::organisation::OrganisationError>(())
    /// ```
    pub fn with_hours_per_week(
        id: SubjectId,
        name: &str,
        short_name: &str,
        hours_per_week: Decimal,
    ) -> Result<Subject, OrganisationError> {
        let subject = Subject::new(id, name, short_name)?;
        if hours_per_week <= Decimal::ZERO || hours_per_week > Decimal::from(MAX_HOURS_PER_WEEK) {
            return Err(OrganisationError::InvalidHoursPerWeek {
                subject: id,
                hours: hours_per_week,
            });
        }
        Ok(Subject {
            hours_per_week: Some(hours_per_week.normalize()),
            ..subject
        })
    }

    /// The same subject graded another way (five-point by default;
    /// pass/fail; without marks), which decides its period results.
    ///
    /// # Example
    /// ```
    /// use zhurnal::ids::SubjectId;
    /// use zhurnal::marks::Grading;
    /// use zhurnal::organisation::Subject;
    /// let s = Subject::new(SubjectId::new(9), "ОРКСЭ", "ОРКСЭ")?.with_grading(Grading::WithoutMarks);
    /// assert_eq!(s.grading(), Grading::WithoutMarks);
    /// # Ok::<(), zhurnal::organisation::OrganisationError>(())
    /// ```
    pub fn with_grading(mut self, grading: Grading) -> Subject {
        self.grading = grading;
        self
    }

    /// How the subject is graded.
    pub fn grading(&self) -> Grading {
        self.grading
    }

    /// The id.
    pub fn id(&self) -> SubjectId {
        self.id
    }

    /// The full name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The short name for narrow tables.
    pub fn short_name(&self) -> &str {
        &self.short_name
    }

    /// The hours a week in every class, when set.
    pub fn hours_per_week(&self) -> Option<Decimal> {
        self.hours_per_week
    }
}
