//! Errors of applications, the registry, credentials issuance and
//! activation. Every failing operation leaves the registry unchanged.

use chrono::NaiveDate;

use crate::applications::{Applicant, ApplicationStatus};
use crate::credentials::CredentialError;
use crate::ids::{ApplicationId, ParentId, StudentId};
use crate::organisation::OrganisationError;

/// What can be wrong with an application or a registry operation.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ApplicationError {
    /// An application id the registry does not have.
    #[error("no {id} in the registry")]
    UnknownApplication {
        /// The id.
        id: ApplicationId,
    },
    /// A student the school does not have.
    #[error("the school has no {student}")]
    UnknownStudent {
        /// The student.
        student: StudentId,
    },
    /// A parent the school does not have.
    #[error("the school has no {parent}")]
    UnknownParent {
        /// The parent.
        parent: ParentId,
    },
    /// A parent applying for a student they are not linked to.
    #[error("{parent} is not a parent or legal representative of {student}")]
    NotLinked {
        /// The parent.
        parent: ParentId,
        /// The student.
        student: StudentId,
    },
    /// A student applying before turning 14.
    #[error("{student} is {age} on {on}: a student may apply from age 14")]
    StudentTooYoung {
        /// The student.
        student: StudentId,
        /// Their age on the application day.
        age: u32,
        /// The application day.
        on: NaiveDate,
    },
    /// A student applying for another student.
    #[error("{applicant} cannot apply for {student}: a student applies only for themself")]
    NotTheStudent {
        /// The applying student.
        applicant: StudentId,
        /// The student applied for.
        student: StudentId,
    },
    /// A second active application for the same applicant and student.
    #[error("{applicant} already has active {existing} for {student}")]
    DuplicateActive {
        /// The active application.
        existing: ApplicationId,
        /// The applicant.
        applicant: Applicant,
        /// The student.
        student: StudentId,
    },
    /// A step out of order (skipping one, or repeating one).
    #[error("cannot {action} {id}: it is {status}")]
    OutOfOrder {
        /// The application.
        id: ApplicationId,
        /// What was attempted.
        action: &'static str,
        /// Where it stands.
        status: ApplicationStatus,
    },
    /// A step dated before the previous step.
    #[error("{id}: date {date} is before the previous step on {previous}")]
    DateBeforePreviousStep {
        /// The application.
        id: ApplicationId,
        /// The date given.
        date: NaiveDate,
        /// The previous step's date.
        previous: NaiveDate,
    },
    /// Acting on an application whose consent was revoked.
    #[error("{id}: the consent was revoked on {on}")]
    ConsentRevoked {
        /// The application.
        id: ApplicationId,
        /// The revocation day.
        on: NaiveDate,
    },
    /// A consent dated after its application.
    #[error("consent dated {consent} is after the application on {submitted}")]
    ConsentAfterSubmission {
        /// The consent's date.
        consent: NaiveDate,
        /// The application's date.
        submitted: NaiveDate,
    },
    /// A blank or over-long (more than 50 characters) registration number.
    #[error("invalid registration number {number:?}: 1 to 50 characters")]
    InvalidRegistrationNumber {
        /// The number given.
        number: String,
    },
    /// A registration number already used.
    #[error("registration number {number:?} is already used by {existing}")]
    DuplicateRegistrationNumber {
        /// The number.
        number: String,
        /// The application that has it.
        existing: ApplicationId,
    },
    /// A rejection without a reason.
    #[error("{id}: a rejection needs a reason")]
    EmptyReason {
        /// The application.
        id: ApplicationId,
    },
    /// Contact details with neither a phone nor an e-mail.
    #[error("contact details need a phone or an e-mail")]
    NoContact,
    /// An implausible phone or e-mail: the error (and code) of
    /// [`Phone`](crate::organisation::Phone) and
    /// [`Email`](crate::organisation::Email).
    #[error(transparent)]
    Contact(#[from] OrganisationError),
    /// No approved, unrevoked application gives this person access.
    #[error("{holder} has no access on {on}: no approved application with consent in force")]
    AccessBlocked {
        /// The account holder.
        holder: Applicant,
        /// The day.
        on: NaiveDate,
    },
    /// No credentials were issued to this person.
    #[error("{holder} has no account")]
    NoAccount {
        /// The person.
        holder: Applicant,
    },
    /// Activating an account twice.
    #[error("the account of {holder} was already activated on {on}")]
    AlreadyActivated {
        /// The person.
        holder: Applicant,
        /// The activation day.
        on: NaiveDate,
    },
    /// A login, activation or re-issue dated before the credentials were
    /// (last) issued.
    #[error("{on} is before credentials were issued to {holder} on {issued_on}")]
    BeforeIssue {
        /// The person.
        holder: Applicant,
        /// The date given.
        on: NaiveDate,
        /// The (latest) issue day.
        issued_on: NaiveDate,
    },
    /// A login attempt with an unknown login or a wrong password (one
    /// error for both, so a login cannot be probed). It repeats nothing
    /// of what was typed: a password typed into the login field must not
    /// reach a log.
    #[error("unknown login or wrong password")]
    InvalidCredentials,
    /// A login, password or hashing error.
    #[error(transparent)]
    Credential(#[from] CredentialError),
    /// Two applications with one id in a stored registry.
    #[error("{id} appears twice")]
    DuplicateApplicationId {
        /// The id.
        id: ApplicationId,
    },
    /// Two accounts with one login, or two accounts for one person, in a
    /// stored registry.
    #[error("account of {holder} repeats a login or a person")]
    DuplicateAccount {
        /// The person.
        holder: Applicant,
    },
    /// A stored account whose issue history or activation is inconsistent
    /// (no first issue, re-issues out of date order, activation before the
    /// first issue or without its source).
    #[error("account of {holder} has an inconsistent issue history or activation")]
    InvalidAccount {
        /// The person.
        holder: Applicant,
    },
    /// Two different facts of a parent's possibility to use the service on
    /// one day.
    #[error("the service access of {parent} on {since} is already recorded otherwise")]
    ServiceAccessConflict {
        /// The parent.
        parent: ParentId,
        /// The day.
        since: NaiveDate,
    },
    /// A registry document that cannot be read (another format version):
    /// the snapshot error every aggregate shares.
    #[error(transparent)]
    Snapshot(#[from] crate::snapshot::SnapshotError),
}

impl ApplicationError {
    /// The stable machine code, e.g. `"application.out_of_order"`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::UnknownApplication { .. } => "application.unknown",
            Self::UnknownStudent { .. } => "application.unknown_student",
            Self::UnknownParent { .. } => "application.unknown_parent",
            Self::NotLinked { .. } => "application.not_linked",
            Self::StudentTooYoung { .. } => "application.student_too_young",
            Self::NotTheStudent { .. } => "application.not_the_student",
            Self::DuplicateActive { .. } => "application.duplicate_active",
            Self::OutOfOrder { .. } => "application.out_of_order",
            Self::DateBeforePreviousStep { .. } => "application.date_before_previous_step",
            Self::ConsentRevoked { .. } => "application.consent_revoked",
            Self::ConsentAfterSubmission { .. } => "application.consent_after_submission",
            Self::InvalidRegistrationNumber { .. } => "application.invalid_registration_number",
            Self::DuplicateRegistrationNumber { .. } => "application.duplicate_registration_number",
            Self::EmptyReason { .. } => "application.empty_reason",
            Self::NoContact => "application.no_contact",
            Self::Contact(e) => e.code(),
            Self::AccessBlocked { .. } => "application.access_blocked",
            Self::NoAccount { .. } => "application.no_account",
            Self::AlreadyActivated { .. } => "application.already_activated",
            Self::BeforeIssue { .. } => "application.before_issue",
            Self::InvalidCredentials => "application.invalid_credentials",
            Self::Credential(e) => e.code(),
            Self::DuplicateApplicationId { .. } => "application.duplicate_id",
            Self::DuplicateAccount { .. } => "application.duplicate_account",
            Self::InvalidAccount { .. } => "application.invalid_account",
            Self::ServiceAccessConflict { .. } => "application.service_access_conflict",
            Self::Snapshot(e) => e.code(),
        }
    }
}
