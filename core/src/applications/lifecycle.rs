//! The lifecycle operations of the application registry: submit, register,
//! approve, reject, revoke consent. Each refused call leaves the registry
//! unchanged.

use chrono::NaiveDate;

use crate::applications::OrgLookup;
use crate::applications::{Applicant, Application, ApplicationError, ApplicationRegistry, Consent};
use crate::ids::{ApplicationId, StudentId, TeacherId};
use crate::school::School;

impl ApplicationRegistry {
    /// Records a submitted application. A parent must be linked to the
    /// student in `school`; a student applies only for themself and only
    /// from age 14 on the application day; one applicant may have one
    /// active (not rejected, not revoked) application per student.
    ///
    /// # Errors
    /// [`ApplicationError::UnknownStudent`], [`ApplicationError::UnknownParent`],
    /// [`ApplicationError::NotLinked`], [`ApplicationError::StudentTooYoung`],
    /// [`ApplicationError::NotTheStudent`],
    /// [`ApplicationError::ConsentAfterSubmission`] or
    /// [`ApplicationError::DuplicateActive`]; the registry is unchanged.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use zhurnal::demo::{demo_school, DemoConfig, DEMO_SPECIALIST};
    /// use zhurnal::{activation::*, applications::*, credentials::*, rollout::*};
    /// let school = demo_school(&DemoConfig::tiny(1))?;
    /// let link = school.parents_of(school.students()[0].id())[0];
    /// let day = NaiveDate::from_ymd_opt(2014, 9, 5).unwrap();
    /// let consent = Consent { given_on: day, channel: ConsentChannel::InPerson,
    ///     contacts: ContactDetails::new(Some("+7 928 123-45-67"), None)? };
    /// let mut registry = ApplicationRegistry::new();
    /// let id = registry.submit(&school, Applicant::Parent(link.parent), link.student, day, consent.clone())?;
    /// let again = registry.submit(&school, Applicant::Parent(link.parent), link.student, day, consent);
    /// assert_eq!(again.unwrap_err().code(), "application.duplicate_active");
    /// registry.register(id, "1/2014", day, DEMO_SPECIALIST)?;
    /// registry.approve(id, day, DEMO_SPECIALIST)?;
    /// assert!(registry.has_access(Applicant::Parent(link.parent), link.student, day));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn submit(
        &mut self,
        school: &School,
        applicant: Applicant,
        student: StudentId,
        on: NaiveDate,
        consent: Consent,
    ) -> Result<ApplicationId, ApplicationError> {
        self.submit_with(school, applicant, student, on, consent)
    }

    pub(crate) fn submit_with(
        &mut self,
        org: &impl OrgLookup,
        applicant: Applicant,
        student: StudentId,
        on: NaiveDate,
        consent: Consent,
    ) -> Result<ApplicationId, ApplicationError> {
        let age = org
            .student_age_on(student, on)
            .ok_or(ApplicationError::UnknownStudent { student })?;
        match applicant {
            Applicant::Parent(parent) => {
                if !org.has_parent(parent) {
                    return Err(ApplicationError::UnknownParent { parent });
                }
                if !org.is_linked(parent, student) {
                    return Err(ApplicationError::NotLinked { parent, student });
                }
            }
            Applicant::Student(s) if s != student => {
                return Err(ApplicationError::NotTheStudent {
                    applicant: s,
                    student,
                });
            }
            Applicant::Student(_) if age < 14 => {
                return Err(ApplicationError::StudentTooYoung { student, age, on });
            }
            Applicant::Student(_) => {}
        }
        let id = ApplicationId::new(self.next_id);
        let application = Application::new(id, applicant, student, on, consent)?;
        self.check_unique(&application)?;
        self.next_id = self.next_id.saturating_add(1);
        self.applications.push(application);
        Ok(id)
    }

    /// Applies a change to one application: on error nothing changes.
    pub(crate) fn update(
        &mut self,
        id: ApplicationId,
        change: impl FnOnce(&mut Application) -> Result<(), ApplicationError>,
    ) -> Result<(), ApplicationError> {
        let index = self
            .applications
            .binary_search_by_key(&id, Application::id)
            .map_err(|_| ApplicationError::UnknownApplication { id })?;
        let mut updated = self.applications[index].clone();
        change(&mut updated)?;
        self.applications[index] = updated;
        Ok(())
    }

    /// Registers a submitted application under a number unique in the
    /// registry.
    ///
    /// # Errors
    /// [`ApplicationError::UnknownApplication`],
    /// [`ApplicationError::OutOfOrder`] unless it is submitted,
    /// [`ApplicationError::DateBeforePreviousStep`],
    /// [`ApplicationError::ConsentRevoked`],
    /// [`ApplicationError::InvalidRegistrationNumber`] or
    /// [`ApplicationError::DuplicateRegistrationNumber`].
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use zhurnal::ids::{ApplicationId, TeacherId};
    /// use zhurnal::applications::ApplicationRegistry;
    /// let mut registry = ApplicationRegistry::new();
    /// let day = NaiveDate::from_ymd_opt(2014, 9, 5).unwrap();
    /// let e = registry.register(ApplicationId::new(1), "1/2014", day, TeacherId::new(1)).unwrap_err();
    /// assert_eq!(e.code(), "application.unknown");
    /// ```
    /// The whole lifecycle: see [`ApplicationRegistry::submit`].
    pub fn register(
        &mut self,
        id: ApplicationId,
        number: &str,
        on: NaiveDate,
        by: TeacherId,
    ) -> Result<(), ApplicationError> {
        self.check_number_free(number)?;
        self.update(id, |a| a.register(number.to_owned(), on, by))
    }

    /// Approves a registered application: the applicant has access from
    /// `on`.
    ///
    /// # Errors
    /// [`ApplicationError::UnknownApplication`],
    /// [`ApplicationError::OutOfOrder`] unless it is registered,
    /// [`ApplicationError::DateBeforePreviousStep`] or
    /// [`ApplicationError::ConsentRevoked`].
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use zhurnal::ids::{ApplicationId, TeacherId};
    /// use zhurnal::applications::ApplicationRegistry;
    /// let mut registry = ApplicationRegistry::new();
    /// let day = NaiveDate::from_ymd_opt(2014, 9, 5).unwrap();
    /// let e = registry.approve(ApplicationId::new(1), day, TeacherId::new(1)).unwrap_err();
    /// assert_eq!(e.code(), "application.unknown");
    /// ```
    pub fn approve(
        &mut self,
        id: ApplicationId,
        on: NaiveDate,
        by: TeacherId,
    ) -> Result<(), ApplicationError> {
        self.update(id, |a| a.approve(on, by))
    }

    /// Rejects a registered application with a reason.
    ///
    /// # Errors
    /// As [`ApplicationRegistry::approve`], and
    /// [`ApplicationError::EmptyReason`].
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use zhurnal::ids::{ApplicationId, TeacherId};
    /// use zhurnal::applications::ApplicationRegistry;
    /// let mut registry = ApplicationRegistry::new();
    /// let day = NaiveDate::from_ymd_opt(2014, 9, 5).unwrap();
    /// let e = registry.reject(ApplicationId::new(1), day, TeacherId::new(1), "неполные данные").unwrap_err();
    /// assert_eq!(e.code(), "application.unknown");
    /// ```
    pub fn reject(
        &mut self,
        id: ApplicationId,
        on: NaiveDate,
        by: TeacherId,
        reason: &str,
    ) -> Result<(), ApplicationError> {
        self.update(id, |a| a.reject(on, by, reason.to_owned()))
    }

    /// Records the revocation of the consent: from `on` the application
    /// gives no access (and the applicant may apply again).
    ///
    /// # Errors
    /// [`ApplicationError::UnknownApplication`],
    /// [`ApplicationError::ConsentRevoked`] when already revoked, or
    /// [`ApplicationError::DateBeforePreviousStep`].
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use zhurnal::ids::{ApplicationId, TeacherId};
    /// use zhurnal::applications::ApplicationRegistry;
    /// let mut registry = ApplicationRegistry::new();
    /// let day = NaiveDate::from_ymd_opt(2014, 9, 5).unwrap();
    /// let e = registry.revoke_consent(ApplicationId::new(1), day).unwrap_err();
    /// assert_eq!(e.code(), "application.unknown");
    /// ```
    pub fn revoke_consent(
        &mut self,
        id: ApplicationId,
        on: NaiveDate,
    ) -> Result<(), ApplicationError> {
        self.update(id, |a| a.revoke(on))
    }
}
