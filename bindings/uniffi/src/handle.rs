//! The school handle: the core's one handle behind a lock, shared by the
//! host's threads.

use std::sync::{Arc, Mutex, MutexGuard};

use chrono::NaiveDate;
use zhurnal::applications::Applicant;
use zhurnal::attendance::AttendanceCode;
use zhurnal::credentials::LoginOutcome;
use zhurnal::handle::SchoolHandle as CoreHandle;
use zhurnal::ids::{ApplicationId, LessonId, MarkId, ParentId, StudentId};
use zhurnal::marks::{MarkValue, Weight, WorkTypeCode};

use crate::ZhurnalError;
use crate::records::{Actor, AuditRecord, Consent, DiaryWeek, Edit};
use crate::slip::CredentialSlip;

/// What issuing credentials gives: the login, and the slip when a new
/// account was made.
#[derive(uniffi::Record)]
pub struct IssuedCredentials {
    /// The holder's login.
    pub login: String,
    /// The slip with the temporary password (none when the holder already
    /// had an account).
    pub slip: Option<Arc<CredentialSlip>>,
}

/// One school's journal, application registry and rollout plan (or one
/// person's read-only export), safe to share between threads: every call
/// takes the handle's lock for its duration, so a read sees every write
/// made before it whole. Each operation names who makes it; the core
/// decides access.
#[derive(uniffi::Object)]
pub struct SchoolHandle {
    inner: Mutex<CoreHandle>,
}

impl SchoolHandle {
    fn lock(&self) -> Result<MutexGuard<'_, CoreHandle>, ZhurnalError> {
        self.inner.lock().map_err(|_| ZhurnalError::unavailable())
    }
}

#[uniffi::export]
impl SchoolHandle {
    /// Reads a handle snapshot, an older journal or school snapshot, or a
    /// per-person export.
    ///
    /// # Errors
    /// The core's snapshot errors.
    #[uniffi::constructor]
    pub fn from_json(json: String) -> Result<Arc<SchoolHandle>, ZhurnalError> {
        Ok(Arc::new(SchoolHandle {
            inner: Mutex::new(CoreHandle::from_json(&json)?),
        }))
    }

    /// The handle as one JSON snapshot.
    ///
    /// # Errors
    /// The core's snapshot errors.
    pub fn to_json(&self) -> Result<String, ZhurnalError> {
        Ok(self.lock()?.to_json()?)
    }

    /// What `actor` (a parent or a student) may read on `on`, as a JSON
    /// export for a phone to keep offline; [`SchoolHandle::from_json`]
    /// reads it back, read-only.
    ///
    /// # Errors
    /// `handle.export_not_for_role`, `handle.nothing_to_export`.
    pub fn export_for(&self, actor: Actor, on: NaiveDate) -> Result<String, ZhurnalError> {
        Ok(self.lock()?.export_for(&actor.into(), on)?)
    }

    /// Whose export this is (none for a whole school).
    pub fn export_person(&self) -> Result<Option<Actor>, ZhurnalError> {
        Ok(self.lock()?.export_person().map(Actor::from))
    }

    /// A student's diary week containing `date`, read by `actor` on
    /// `today`.
    ///
    /// # Errors
    /// Access errors (`access.parent_not_granted`, …); unknown students.
    pub fn diary_week(
        &self,
        actor: Actor,
        student: StudentId,
        date: NaiveDate,
        today: NaiveDate,
    ) -> Result<DiaryWeek, ZhurnalError> {
        let week = self
            .lock()?
            .diary_week(&actor.into(), student, date, today)?;
        Ok(week.into())
    }

    /// Records a mark (weight `None`: the work type's default).
    ///
    /// # Errors
    /// Access, journal and mark errors of the core.
    pub fn record_mark(
        &self,
        edit: Edit,
        lesson: LessonId,
        student: StudentId,
        value: MarkValue,
        work_type: WorkTypeCode,
        weight: Option<Weight>,
    ) -> Result<MarkId, ZhurnalError> {
        let edit = edit.try_into()?;
        Ok(self
            .lock()?
            .journal_mut()?
            .record_mark(&edit, lesson, student, value, &work_type, weight)?)
    }

    /// Changes a mark.
    ///
    /// # Errors
    /// Access, journal and mark errors of the core.
    pub fn change_mark(
        &self,
        edit: Edit,
        mark: MarkId,
        value: MarkValue,
        work_type: WorkTypeCode,
        weight: Option<Weight>,
    ) -> Result<(), ZhurnalError> {
        let edit = edit.try_into()?;
        Ok(self
            .lock()?
            .journal_mut()?
            .change_mark(&edit, mark, value, &work_type, weight)?)
    }

    /// Removes a mark (the audit trail keeps it).
    ///
    /// # Errors
    /// Access and journal errors of the core.
    pub fn remove_mark(&self, edit: Edit, mark: MarkId) -> Result<(), ZhurnalError> {
        let edit = edit.try_into()?;
        Ok(self.lock()?.journal_mut()?.remove_mark(&edit, mark)?)
    }

    /// Sets (or clears) a student's attendance at a lesson.
    ///
    /// # Errors
    /// Access and journal errors of the core.
    pub fn set_attendance(
        &self,
        edit: Edit,
        lesson: LessonId,
        student: StudentId,
        code: Option<AttendanceCode>,
    ) -> Result<(), ZhurnalError> {
        let edit = edit.try_into()?;
        Ok(self
            .lock()?
            .journal_mut()?
            .set_attendance(&edit, lesson, student, code)?)
    }

    /// The audit trail of one student, read by `actor`.
    ///
    /// # Errors
    /// Access errors of the core.
    pub fn audit_of_student(
        &self,
        actor: Actor,
        student: StudentId,
    ) -> Result<Vec<AuditRecord>, ZhurnalError> {
        let entries = self
            .lock()?
            .journal()
            .audit_of_student(&actor.into(), student)?;
        Ok(entries.into_iter().map(AuditRecord::from).collect())
    }

    /// Submits an application for access to a student's diary.
    ///
    /// # Errors
    /// Access and application errors of the core.
    pub fn submit_application(
        &self,
        edit: Edit,
        applicant: Applicant,
        student: StudentId,
        consent: Consent,
    ) -> Result<ApplicationId, ZhurnalError> {
        let edit = edit.try_into()?;
        let consent = consent.try_into()?;
        Ok(self
            .lock()?
            .submit_application(&edit, applicant, student, consent)?)
    }

    /// Registers an application under a journal number.
    ///
    /// # Errors
    /// Access and application errors of the core.
    pub fn register_application(
        &self,
        edit: Edit,
        id: ApplicationId,
        number: String,
    ) -> Result<(), ZhurnalError> {
        let edit = edit.try_into()?;
        Ok(self.lock()?.register_application(&edit, id, &number)?)
    }

    /// Approves an application.
    ///
    /// # Errors
    /// Access and application errors of the core.
    pub fn approve_application(&self, edit: Edit, id: ApplicationId) -> Result<(), ZhurnalError> {
        let edit = edit.try_into()?;
        Ok(self.lock()?.approve_application(&edit, id)?)
    }

    /// Rejects an application with a reason.
    ///
    /// # Errors
    /// Access and application errors of the core.
    pub fn reject_application(
        &self,
        edit: Edit,
        id: ApplicationId,
        reason: String,
    ) -> Result<(), ZhurnalError> {
        let edit = edit.try_into()?;
        Ok(self.lock()?.reject_application(&edit, id, &reason)?)
    }

    /// Revokes the consent of an application.
    ///
    /// # Errors
    /// Access and application errors of the core.
    pub fn revoke_consent(&self, edit: Edit, id: ApplicationId) -> Result<(), ZhurnalError> {
        let edit = edit.try_into()?;
        Ok(self.lock()?.revoke_consent(&edit, id)?)
    }

    /// Issues credentials for an approved application.
    ///
    /// # Errors
    /// Access, application and credential errors of the core.
    pub fn issue_credentials(
        &self,
        edit: Edit,
        id: ApplicationId,
    ) -> Result<IssuedCredentials, ZhurnalError> {
        let edit = edit.try_into()?;
        let issued = self.lock()?.issue_credentials(&edit, id)?;
        Ok(IssuedCredentials {
            login: issued.login.as_str().to_owned(),
            slip: issued.slip.map(|s| Arc::new(CredentialSlip::new(s))),
        })
    }

    /// Issues a new temporary password to a holder who lost theirs.
    ///
    /// # Errors
    /// Access and credential errors of the core.
    pub fn reissue_credentials(
        &self,
        edit: Edit,
        holder: Applicant,
    ) -> Result<Arc<CredentialSlip>, ZhurnalError> {
        let edit = edit.try_into()?;
        let slip = self.lock()?.reissue_credentials(&edit, holder)?;
        Ok(Arc::new(CredentialSlip::new(slip)))
    }

    /// A first (or later) login with a temporary password.
    ///
    /// # Errors
    /// Credential errors of the core.
    pub fn log_in(
        &self,
        login: String,
        password: String,
        on: NaiveDate,
    ) -> Result<LoginOutcome, ZhurnalError> {
        Ok(self.lock()?.log_in(&login, &password, on)?)
    }

    /// Records that a parent has (or has lost) access to the regional
    /// service since a date.
    ///
    /// # Errors
    /// Access and application errors of the core.
    pub fn record_service_access(
        &self,
        edit: Edit,
        parent: ParentId,
        since: NaiveDate,
        has_access: bool,
    ) -> Result<(), ZhurnalError> {
        let edit = edit.try_into()?;
        Ok(self
            .lock()?
            .record_service_access(&edit, parent, since, has_access)?)
    }
}
