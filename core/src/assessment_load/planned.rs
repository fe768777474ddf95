//! A subject's planned hours in a class for the school year: what the
//! 10% rule of the load check is measured against.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{LoadError, MAX_HOURS_PER_WEEK, MAX_STUDY_WEEKS};
use crate::ids::{ClassId, SubjectId};
use crate::thematic_plan::ThematicPlan;

/// Most planned hours a subject may have in a year: 40 hours a week for
/// 52 weeks.
pub const MAX_PLANNED_HOURS: u32 = MAX_HOURS_PER_WEEK * MAX_STUDY_WEEKS;

/// The hours planned for a subject in a class over the school year (the
/// curriculum's hours, «часов в год»), the base of the 10% rule
/// ([`crate::assessment_load::LoadRule::YearShare`]).
///
/// Take it from the class's thematic plan ([`PlannedHours::from_plan`]),
/// from the curriculum's hours a week ([`PlannedHours::from_hours_per_week`],
/// × the study weeks), or give it ([`PlannedHours::new`]). Hours may be
/// fractional (half an hour a week over 33 weeks is 16.5 hours).
///
/// # Example
/// ```
/// use rust_decimal::Decimal;
/// use zhurnal::assessment_load::PlannedHours;
/// use zhurnal::ids::{ClassId, SubjectId};
/// let maths = PlannedHours::from_hours_per_week(ClassId::new(1), SubjectId::new(1), Decimal::from(5), 34)?;
/// assert_eq!(maths.hours(), Decimal::from(170));
/// # Ok::<(), zhurnal::assessment_load::LoadError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "PlannedFields")]
pub struct PlannedHours {
    class_id: ClassId,
    subject: SubjectId,
    hours: Decimal,
}

#[derive(Deserialize)]
struct PlannedFields {
    class_id: ClassId,
    subject: SubjectId,
    hours: Decimal,
}

impl TryFrom<PlannedFields> for PlannedHours {
    type Error = LoadError;
    fn try_from(f: PlannedFields) -> Result<Self, Self::Error> {
        PlannedHours::new(f.class_id, f.subject, f.hours)
    }
}

impl PlannedHours {
    /// `hours` planned for `subject` in the class over the year: more than
    /// 0 and at most [`MAX_PLANNED_HOURS`].
    ///
    /// # Errors
    /// [`LoadError::InvalidPlannedHours`] outside (0, [`MAX_PLANNED_HOURS`]].
    ///
    /// # Example
    /// ```
    /// use rust_decimal::Decimal;
    /// use zhurnal::assessment_load::PlannedHours;
    /// use zhurnal::ids::{ClassId, SubjectId};
    /// let p = PlannedHours::new(ClassId::new(1), SubjectId::new(2), Decimal::from(102))?;
    /// assert_eq!((p.class_id(), p.subject()), (ClassId::new(1), SubjectId::new(2)));
    /// let e = PlannedHours::new(ClassId::new(1), SubjectId::new(2), Decimal::ZERO).unwrap_err();
    /// assert_eq!(e.code(), "load.invalid_planned_hours");
    /// # Ok::<(), zhurnal::assessment_load::LoadError>(())
    /// ```
    pub fn new(
        class_id: ClassId,
        subject: SubjectId,
        hours: Decimal,
    ) -> Result<PlannedHours, LoadError> {
        if hours <= Decimal::ZERO || hours > Decimal::from(MAX_PLANNED_HOURS) {
            return Err(LoadError::InvalidPlannedHours {
                class_id,
                subject,
                hours,
            });
        }
        Ok(PlannedHours {
            class_id,
            subject,
            hours: hours.normalize(),
        })
    }

    /// The total hours of the class's thematic plan for the subject
    /// ([`ThematicPlan::total_hours`]).
    ///
    /// # Errors
    /// [`LoadError::InvalidPlannedHours`] for a plan of more than
    /// [`MAX_PLANNED_HOURS`] hours.
    ///
    /// # Example
    /// ```
    /// use rust_decimal::Decimal;
    /// use zhurnal::assessment_load::PlannedHours;
    /// use zhurnal::ids::{ClassId, SubjectId};
    /// use zhurnal::thematic_plan::{PlanSection, PlanTopic, ThematicPlan};
    /// let plan = ThematicPlan::new(vec![PlanSection::new("Числа", vec![
    ///     PlanTopic::new("Счёт", 60)?, PlanTopic::new("Дроби", 42)?,
    /// ])?])?;
    /// let p = PlannedHours::from_plan(ClassId::new(1), SubjectId::new(1), &plan)?;
    /// assert_eq!(p.hours(), Decimal::from(102));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_plan(
        class_id: ClassId,
        subject: SubjectId,
        plan: &ThematicPlan,
    ) -> Result<PlannedHours, LoadError> {
        PlannedHours::new(class_id, subject, Decimal::from(plan.total_hours()))
    }

    /// `hours_per_week` × `study_weeks` (34 in grades 2–11, 33 in grade 1).
    ///
    /// # Errors
    /// [`LoadError::InvalidHoursPerWeek`] outside (0, [`MAX_HOURS_PER_WEEK`]];
    /// [`LoadError::InvalidStudyWeeks`] outside 1..=[`MAX_STUDY_WEEKS`].
    ///
    /// # Example
    /// ```
    /// use rust_decimal::Decimal;
    /// use zhurnal::assessment_load::PlannedHours;
    /// use zhurnal::ids::{ClassId, SubjectId};
    /// let half = PlannedHours::from_hours_per_week(ClassId::new(1), SubjectId::new(1), "0.5".parse()?, 33)?;
    /// assert_eq!(half.hours().to_string(), "16.5");
    /// let e = PlannedHours::from_hours_per_week(ClassId::new(1), SubjectId::new(1), Decimal::ONE, 0).unwrap_err();
    /// assert_eq!(e.code(), "load.invalid_study_weeks");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_hours_per_week(
        class_id: ClassId,
        subject: SubjectId,
        hours_per_week: Decimal,
        study_weeks: u32,
    ) -> Result<PlannedHours, LoadError> {
        if hours_per_week <= Decimal::ZERO || hours_per_week > Decimal::from(MAX_HOURS_PER_WEEK) {
            return Err(LoadError::InvalidHoursPerWeek {
                hours: hours_per_week,
            });
        }
        super::check_study_weeks(study_weeks)?;
        PlannedHours::new(
            class_id,
            subject,
            hours_per_week * Decimal::from(study_weeks),
        )
    }

    /// The class.
    pub fn class_id(&self) -> ClassId {
        self.class_id
    }

    /// The subject.
    pub fn subject(&self) -> SubjectId {
        self.subject
    }

    /// The hours planned for the year.
    pub fn hours(&self) -> Decimal {
        self.hours
    }
}
