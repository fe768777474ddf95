//! The per-person export: what one parent or student may read, as a
//! snapshot a phone keeps offline.
//!
//! A parent's export holds the children whose diary they may read on the
//! date of the export (linked, application approved, consent in force),
//! the lessons those children attend with their topics and homework,
//! the children's marks, attendance, assigned work and final marks, the
//! teachers of those lessons, the parent's own record and applications
//! (without login or password hash), the rollout plan, and the class sums
//! behind the diary's class averages. A student's export holds themself.
//! Nobody else's personal data is in it (152-ФЗ): no other student, parent
//! or account, no audit trail.
//!
//! Loaded with [`SchoolHandle::from_json`], it answers the same reads as
//! the whole school for that person (the same diary week), and refuses
//! every write ([`super::HandleError::ReadOnlyExport`]).

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{HandleError, SchoolHandle, Scope};
use crate::Error;
use crate::access::{Action, Actor, Role, authorize};
use crate::applications::{Applicant, ApplicationRegistry};
use crate::ids::{ClassId, ParentId, StudentId, SubjectId};
use crate::journal::Journal;
use crate::marks::WeightedAverage;
use crate::rollout::RolloutPlan;
use crate::school::SchoolError;
use crate::school::{ClassSums, Sums};
use crate::snapshot::SnapshotError;

/// The `format` of a per-person export.
pub const EXPORT_FORMAT: &str = "zhurnal.export";
/// The `version` of a per-person export this library writes and reads.
pub const EXPORT_VERSION: u32 = 1;

/// Whose export a handle holds, and the class sums it carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ExportScope {
    pub(crate) person: Actor,
    pub(crate) exported_on: NaiveDate,
    pub(crate) class_sums: ClassSums,
}

/// The class sums of one class, term and subject, as stored: Σ(mark ×
/// weight), Σ weight and the number of marks of each value 1–5.
#[derive(Serialize, Deserialize)]
struct ClassSumsEntry {
    class_id: ClassId,
    term_number: u8,
    subject: SubjectId,
    weighted_sum: rust_decimal::Decimal,
    weight_sum: rust_decimal::Decimal,
    marks_per_value: [u32; 5],
}

/// The export document.
#[derive(Serialize, Deserialize)]
struct ExportDocument {
    format: String,
    version: u32,
    person: Actor,
    exported_on: NaiveDate,
    journal: serde_json::Value,
    registry: ApplicationRegistry,
    plan: RolloutPlan,
    class_sums: Vec<ClassSumsEntry>,
}

fn invalid(detail: impl std::fmt::Display) -> Error {
    SnapshotError::invalid("export", detail).into()
}

impl SchoolHandle {
    /// The students `actor` may read on `on`: a parent's linked children
    /// with access granted by the registry, or a student themself.
    fn readable_students(
        &self,
        actor: &Actor,
        on: NaiveDate,
    ) -> Result<BTreeSet<StudentId>, Error> {
        let facts = self.facts(on);
        match actor.role() {
            Role::Student => {
                let me = StudentId::new(actor.id());
                if self.school().student(me).is_none() {
                    return Err(SchoolError::UnknownStudent { student: me }.into());
                }
                authorize(&facts, actor, &Action::ReadDiary { student: me })?;
                Ok(BTreeSet::from([me]))
            }
            Role::Parent => {
                let parent = ParentId::new(actor.id());
                let children: BTreeSet<StudentId> = self
                    .school()
                    .children_of(parent)
                    .into_iter()
                    .map(|l| l.student)
                    .filter(|s| {
                        authorize(&facts, actor, &Action::ReadDiary { student: *s }).is_ok()
                    })
                    .collect();
                if children.is_empty() {
                    return Err(HandleError::NothingToExport { actor: *actor, on }.into());
                }
                Ok(children)
            }
            _ => Err(HandleError::ExportNotForRole { actor: *actor }.into()),
        }
    }

    /// The per-person export of `actor` on `on`, as JSON: what they may
    /// read, with nobody else's personal data (see [`super::EXPORT_FORMAT`]
    /// and the [handle's documentation](super)).
    ///
    /// # Errors
    /// [`HandleError::ExportNotForRole`] for staff;
    /// [`HandleError::NothingToExport`] for a parent who may read no
    /// child's diary on `on`; `school.unknown_student` for a student unknown
    /// to the school.
    ///
    /// # Example
    /// See the README's tour and the handle's tests.
    pub fn export_for(&self, actor: &Actor, on: NaiveDate) -> Result<String, Error> {
        let students = self.readable_students(actor, on)?;
        let parent = (actor.role() == Role::Parent).then(|| ParentId::new(actor.id()));
        let (school, class_sums) = self.journal.school().restricted_to(&students, parent);
        let journal = self.journal.restricted_to(school, &students);
        let applicant = match parent {
            Some(p) => Applicant::Parent(p),
            None => Applicant::Student(StudentId::new(actor.id())),
        };
        let document = ExportDocument {
            format: EXPORT_FORMAT.to_owned(),
            version: EXPORT_VERSION,
            person: *actor,
            exported_on: on,
            journal: journal.to_value()?,
            registry: self.registry.restricted_to(applicant),
            plan: self.plan.clone(),
            class_sums: class_sums
                .into_iter()
                .map(|((class_id, term_number, subject), sums)| ClassSumsEntry {
                    class_id,
                    term_number,
                    subject,
                    weighted_sum: sums.average.weighted_sum(),
                    weight_sum: sums.average.weight_sum(),
                    marks_per_value: sums.average.per_value(),
                })
                .collect(),
        };
        serde_json::to_string(&document).map_err(invalid)
    }

    /// Loads a per-person export (format and version already checked).
    pub(crate) fn from_export(value: serde_json::Value) -> Result<SchoolHandle, Error> {
        let d: ExportDocument = serde_json::from_value(value).map_err(invalid)?;
        let mut journal = Journal::from_value(d.journal)?;
        let mut class_sums = ClassSums::new();
        for e in d.class_sums {
            let average =
                WeightedAverage::from_sums(e.weighted_sum, e.weight_sum, e.marks_per_value)
                    .ok_or_else(|| {
                        invalid(format!(
                            "class sums of {} are not sums of marks",
                            e.class_id
                        ))
                    })?;
            class_sums.insert((e.class_id, e.term_number, e.subject), Sums::of(average));
        }
        journal.school.set_class_sums(&class_sums);
        Ok(SchoolHandle {
            journal,
            registry: d.registry,
            plan: d.plan,
            scope: Scope::Personal(ExportScope {
                person: d.person,
                exported_on: d.exported_on,
                class_sums,
            }),
        })
    }
}

impl Journal {
    /// The journal records of `students` only, over their cut-down school.
    pub(crate) fn restricted_to(
        &self,
        school: crate::school::School,
        students: &BTreeSet<StudentId>,
    ) -> Journal {
        let assigned: BTreeMap<_, _> = self
            .assigned
            .iter()
            .filter(|((lesson, _), _)| school.lesson(*lesson).is_some())
            .map(|(k, v)| (k.clone(), *v))
            .collect();
        let final_marks = self
            .final_marks
            .iter()
            .filter(|((student, _, _), _)| students.contains(student))
            .map(|(k, v)| (*k, *v))
            .collect();
        let assigned_by_class = crate::journal::assigned_by_class(&school, &assigned);
        Journal {
            school,
            audit: crate::audit::AuditTrail::new(),
            grants: crate::access::ParentGrants::none(),
            assigned,
            final_marks,
            assigned_by_class,
        }
    }
}
