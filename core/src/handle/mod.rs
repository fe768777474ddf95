//! One handle per school for hosts: the journal, the application registry
//! and the rollout plan in one object, with one versioned snapshot.
//!
//! A phone app, a Python script or a service holds a [`SchoolHandle`].
//! Every operation names who makes it (an [`Actor`], or an [`Edit`] that
//! adds when and why); access is decided inside, from the handle's own
//! data, and fails closed:
//!
//! - journal writes and the administrator's roster, timetable and calendar
//!   operations go through the journal's audited API
//!   ([`SchoolHandle::journal_mut`] gives it; every call there is checked);
//! - a parent reads a child's diary, term marks, attendance and "what do I
//!   need" only while the registry says so on the date of the request:
//!   an application for that child approved and its consent not revoked.
//!   No grant, no read;
//! - the application registry's operations that need the roster take it
//!   from the handle ([`SchoolHandle::submit_application`],
//!   [`SchoolHandle::issue_credentials`], the counts, the activation table,
//!   the rollout report), so no host passes two aggregates or syncs them.
//!   The school specialist acts in the administrator's role.
//!
//! [`SchoolHandle::to_json`] writes `{"format":"zhurnal.handle","version":1,
//! "journal":…,"registry":…,"plan":…}`; [`SchoolHandle::from_json`] reads it
//! and, as older versions, a bare journal (`zhurnal.journal`) or school
//! (`zhurnal.school`) snapshot, and a per-person export
//! ([`SchoolHandle::export_for`], `zhurnal.export`): what one parent or
//! student may read, for a phone to keep offline, with nobody else's
//! personal data.

mod error;
mod export;
mod facts;
mod registry_ops;
mod snapshot;

#[cfg(test)]
mod tests;

use chrono::NaiveDate;

pub use error::HandleError;
pub use export::{EXPORT_FORMAT, EXPORT_VERSION};
pub use snapshot::{HANDLE_FORMAT, HANDLE_VERSION};

use crate::Error;
use crate::access::Actor;
use crate::applications::ApplicationRegistry;
use crate::attendance_summary::AttendanceSummary;
use crate::audit::Edit;
use crate::calendar::TermCode;
use crate::ids::StudentId;
use crate::journal::{DiaryWeek, Journal, TargetQuery, TermMarks};
use crate::rollout::RolloutPlan;
use crate::school::School;
use crate::target_mark::TargetOutcome;

use facts::RegistryFacts;

/// What a handle holds: a whole school, or one person's export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Scope {
    /// The whole school.
    School,
    /// One person's export, read-only.
    Personal(export::ExportScope),
}

/// One school's journal, application registry and rollout plan. See the
/// [module documentation](self).
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use zhurnal::access::Actor;
/// use zhurnal::audit::Edit;
/// use zhurnal::calendar::{SchoolYear, Shift};
/// use zhurnal::handle::SchoolHandle;
/// use zhurnal::ids::*;
/// use zhurnal::lesson::{LessonGroup, NewLesson};
/// use zhurnal::organisation::*;
/// use zhurnal::school::School;
///
/// let d = |m, day| NaiveDate::from_ymd_opt(2014, m, day).unwrap();
/// let mut school = School::new(SchoolInfo::new(SchoolId::new(17), "Гимназия № 17")?, SchoolYear::russian_2014_2015());
/// school.add_class(Class::new(ClassId::new(1), ClassName::parse("5А")?, None))?;
/// school.add_student(Student::new(StudentId::new(1), PersonName::new("Орлов", "Пётр", None)?, d(1, 2)))?;
/// school.enrol(Enrolment::new(StudentId::new(1), ClassId::new(1), d(9, 1), None)?)?;
/// school.add_parent(Parent::new(ParentId::new(1), PersonName::new("Орлова", "Анна", None)?, None, None)?)?;
/// school.link_parent(ParentLink { parent: ParentId::new(1), student: StudentId::new(1), relation: RelationKind::Mother })?;
/// let handle = SchoolHandle::new(school)?;
///
/// // A linked parent without an approved application reads nothing.
/// let mum = Actor::parent(ParentId::new(1));
/// let e = handle.diary_week(&mum, StudentId::new(1), d(9, 15), d(9, 15)).unwrap_err();
/// assert_eq!(e.code(), "access.parent_not_granted");
///
/// // One snapshot of all three.
/// let json = handle.to_json()?;
/// assert_eq!(SchoolHandle::from_json(&json)?, handle);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchoolHandle {
    journal: Journal,
    registry: ApplicationRegistry,
    plan: RolloutPlan,
    scope: Scope,
}

impl SchoolHandle {
    /// A handle over a school with an empty journal, an empty registry and
    /// the embedded seed plan ([`RolloutPlan::gymnasium17`]).
    ///
    /// # Errors
    /// The seed plan's parse error, should its embedded text ever be broken
    /// (a test pins that it is not).
    pub fn new(school: School) -> Result<SchoolHandle, Error> {
        Ok(SchoolHandle::from_parts(
            Journal::new(school),
            ApplicationRegistry::new(),
            RolloutPlan::gymnasium17()?,
        ))
    }

    /// A handle over a journal, a registry and a plan of the same school.
    pub fn from_parts(
        journal: Journal,
        registry: ApplicationRegistry,
        plan: RolloutPlan,
    ) -> SchoolHandle {
        SchoolHandle {
            journal,
            registry,
            plan,
            scope: Scope::School,
        }
    }

    /// The school, read-only.
    pub fn school(&self) -> &School {
        self.journal.school()
    }

    /// The journal, read-only.
    pub fn journal(&self) -> &Journal {
        &self.journal
    }

    /// The journal, for its access-checked, audited writes and the
    /// administrator's operations.
    ///
    /// # Errors
    /// [`HandleError::ReadOnlyExport`] on a per-person export.
    pub fn journal_mut(&mut self) -> Result<&mut Journal, Error> {
        self.require_writable()?;
        Ok(&mut self.journal)
    }

    /// The application registry, read-only.
    pub fn registry(&self) -> &ApplicationRegistry {
        &self.registry
    }

    /// The rollout plan, read-only.
    pub fn plan(&self) -> &RolloutPlan {
        &self.plan
    }

    /// Who a per-person export belongs to (`None` for a whole school).
    pub fn export_person(&self) -> Option<Actor> {
        match &self.scope {
            Scope::School => None,
            Scope::Personal(p) => Some(p.person),
        }
    }

    pub(crate) fn require_writable(&self) -> Result<(), Error> {
        match &self.scope {
            Scope::School => Ok(()),
            Scope::Personal(p) => Err(HandleError::ReadOnlyExport { person: p.person }.into()),
        }
    }

    /// The access facts of a request on `on`: the journal's, with parents'
    /// access from the registry.
    fn facts(&self, on: NaiveDate) -> RegistryFacts<'_> {
        RegistryFacts {
            journal: &self.journal,
            registry: &self.registry,
            on,
        }
    }

    /// A student's diary week (see [`Journal::diary_week`]), `today` being
    /// the date of the request: a parent reads it only while their
    /// application for the student is approved and not revoked on `today`.
    ///
    /// # Errors
    /// As [`Journal::diary_week`]; `access.parent_not_granted`.
    pub fn diary_week(
        &self,
        actor: &Actor,
        student: StudentId,
        date: NaiveDate,
        today: NaiveDate,
    ) -> Result<DiaryWeek, Error> {
        self.journal
            .diary_week_with(&self.facts(today), actor, student, date, today)
    }

    /// A student's term marks (see [`Journal::term_marks`]), checked as
    /// [`SchoolHandle::diary_week`] on `today`.
    ///
    /// # Errors
    /// As [`Journal::term_marks`]; `access.parent_not_granted`.
    pub fn term_marks(
        &self,
        actor: &Actor,
        student: StudentId,
        term: TermCode,
        today: NaiveDate,
    ) -> Result<Vec<TermMarks>, Error> {
        self.journal
            .term_marks_with(&self.facts(today), actor, student, term)
    }

    /// A student's attendance summary from `start` to `end` (inclusive; see
    /// [`Journal::student_attendance`]), checked on `today`.
    ///
    /// # Errors
    /// As [`Journal::student_attendance`]; `access.parent_not_granted`.
    pub fn student_attendance(
        &self,
        actor: &Actor,
        student: StudentId,
        start: NaiveDate,
        end: NaiveDate,
        today: NaiveDate,
    ) -> Result<AttendanceSummary, Error> {
        self.journal
            .student_attendance_with(&self.facts(today), actor, student, start, end)
    }

    /// "What do I need" (see [`Journal::what_do_i_need`]), checked on
    /// `today`.
    ///
    /// # Errors
    /// As [`Journal::what_do_i_need`]; `access.parent_not_granted`.
    pub fn what_do_i_need(
        &self,
        actor: &Actor,
        student: StudentId,
        query: &TargetQuery,
        today: NaiveDate,
    ) -> Result<TargetOutcome, Error> {
        self.journal
            .what_do_i_need_with(&self.facts(today), actor, student, query)
    }

    /// Replaces the rollout plan (the administrator's).
    ///
    /// # Errors
    /// [`crate::access::AccessError`] unless the actor is an administrator;
    /// [`HandleError::ReadOnlyExport`].
    pub fn set_plan(&mut self, edit: &Edit, plan: RolloutPlan) -> Result<(), Error> {
        self.require_admin(edit)?;
        self.plan = plan;
        Ok(())
    }

    /// Marks a task of the rollout plan done on `edit`'s date.
    ///
    /// # Errors
    /// As [`SchoolHandle::set_plan`]; the plan's errors of
    /// [`RolloutPlan::complete_task`].
    pub fn complete_task(
        &mut self,
        edit: &Edit,
        task: crate::ids::PlanTaskId,
    ) -> Result<(), Error> {
        self.require_admin(edit)?;
        self.plan.complete_task(task, edit.at().date())?;
        Ok(())
    }

    /// Sets the argon2id costs of the passwords issued from now on (the
    /// default is OWASP's; [`crate::credentials::HashParams::light`] for
    /// demonstrations and tests).
    ///
    /// # Errors
    /// As [`SchoolHandle::set_plan`].
    pub fn set_hash_params(
        &mut self,
        edit: &Edit,
        params: crate::credentials::HashParams,
    ) -> Result<(), Error> {
        self.require_admin(edit)?;
        self.registry.set_hash_params(params);
        Ok(())
    }

    /// Checks that the actor of `edit` is an administrator (the school
    /// specialist) and that the handle is writable.
    pub(crate) fn require_admin(&self, edit: &Edit) -> Result<crate::ids::TeacherId, Error> {
        self.require_writable()?;
        crate::access::authorize(
            &self.journal,
            edit.actor(),
            &crate::access::Action::ManageSchool,
        )?;
        Ok(crate::ids::TeacherId::new(edit.actor().id()))
    }
}
