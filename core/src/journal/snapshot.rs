//! A whole journal as a versioned JSON document, and back:
//!
//! ```json
//! {"format": "zhurnal.journal", "version": 1, "school": {…school snapshot…},
//!  "audit": […], "parent_grants": {…}, "assigned_work": […], "final_marks": […]}
//! ```
//!
//! Loading validates the school through its own snapshot loader, checks the
//! journal's records against it, and rebuilds every index.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{FinalMark, Journal, JournalError, assigned_by_class};
use crate::Error;
use crate::access::ParentGrants;
use crate::audit::AuditTrail;
use crate::calendar::TermCode;
use crate::ids::{ClassId, LessonId, StudentId, SubjectId};
use crate::marks::{PeriodMark, WorkTypeCode};
use crate::school::{School, SchoolError};
use crate::snapshot::SnapshotError;

/// The `format` of a journal snapshot.
pub const JOURNAL_FORMAT: &str = "zhurnal.journal";
/// The `version` of a journal snapshot this library writes and reads.
pub const JOURNAL_VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct AssignedWorkEntry {
    lesson: LessonId,
    work_type: WorkTypeCode,
    due: NaiveDate,
}

#[derive(Serialize, Deserialize)]
struct FinalMarkEntry {
    student: StudentId,
    subject: SubjectId,
    term: TermCode,
    class: ClassId,
    mark: PeriodMark,
}

#[derive(Serialize, Deserialize)]
struct JournalDocument {
    format: String,
    version: u32,
    school: serde_json::Value,
    audit: AuditTrail,
    parent_grants: ParentGrants,
    assigned_work: Vec<AssignedWorkEntry>,
    final_marks: Vec<FinalMarkEntry>,
}

fn invalid(detail: impl std::fmt::Display) -> Error {
    SnapshotError::invalid("journal", detail).into()
}

impl Journal {
    /// The journal as a JSON document (school, audit trail, parents'
    /// grants, assigned work, final marks).
    ///
    /// # Errors
    /// `snapshot.invalid_document` if serialisation fails (it does not for
    /// a journal built through this API).
    ///
    /// # Example
    /// ```
    /// # use zhurnal::{calendar::SchoolYear, ids::*, journal::Journal, organisation::*, school::School};
    /// # let school = School::new(SchoolInfo::new(SchoolId::new(1), "Школа")?, SchoolYear::russian_2014_2015());
    /// let journal = Journal::new(school);
    /// let json = journal.to_json()?;
    /// assert_eq!(Journal::from_json(&json)?, journal);
    /// assert_eq!(Journal::from_json("{}").unwrap_err().code(), "snapshot.wrong_format");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_json(&self) -> Result<String, Error> {
        serde_json::to_string(&self.to_value()?).map_err(invalid)
    }

    /// The journal's document as a JSON value (for documents that embed it).
    pub(crate) fn to_value(&self) -> Result<serde_json::Value, Error> {
        let school = serde_json::to_value(&self.school).map_err(invalid)?;
        let document = JournalDocument {
            format: JOURNAL_FORMAT.to_owned(),
            version: JOURNAL_VERSION,
            school,
            audit: self.audit.clone(),
            parent_grants: self.grants.clone(),
            assigned_work: self
                .assigned
                .iter()
                .map(|((lesson, work_type), due)| AssignedWorkEntry {
                    lesson: *lesson,
                    work_type: work_type.clone(),
                    due: *due,
                })
                .collect(),
            final_marks: self
                .final_marks
                .iter()
                .map(|((student, subject, term), f)| FinalMarkEntry {
                    student: *student,
                    subject: *subject,
                    term: *term,
                    class: f.class_id,
                    mark: f.mark,
                })
                .collect(),
        };
        serde_json::to_value(&document).map_err(invalid)
    }

    /// Loads a journal written by [`Journal::to_json`], validating it and
    /// rebuilding the indexes.
    ///
    /// # Errors
    /// `snapshot.invalid_document`, `snapshot.wrong_format`,
    /// `snapshot.unsupported_version` ([`SnapshotError`]); the school
    /// snapshot's own errors; `school.unknown_lesson` and the like for
    /// assigned work or final marks that do not fit the school.
    ///
    /// # Example
    /// See [`Journal::to_json`].
    pub fn from_json(json: &str) -> Result<Journal, Error> {
        let value = crate::snapshot::expect(json, "journal", JOURNAL_VERSION)?;
        Journal::from_value(value)
    }

    /// Loads a journal from its document as a JSON value (format and
    /// version already checked).
    pub(crate) fn from_value(value: serde_json::Value) -> Result<Journal, Error> {
        let d: JournalDocument = serde_json::from_value(value).map_err(invalid)?;
        let school = School::from_json(&d.school.to_string())?;

        let mut assigned = BTreeMap::new();
        for w in d.assigned_work {
            let lesson = school
                .lesson(w.lesson)
                .ok_or(SchoolError::UnknownLesson { lesson: w.lesson })?;
            school.work_types().require(&w.work_type)?;
            if w.due < lesson.date() {
                return Err(JournalError::DueBeforeLesson {
                    lesson: w.lesson,
                    work_type: w.work_type,
                    date: lesson.date(),
                    due: w.due,
                }
                .into());
            }
            assigned.insert((w.lesson, w.work_type), w.due);
        }
        let mut final_marks = BTreeMap::new();
        for f in d.final_marks {
            if school.student(f.student).is_none() {
                return Err(SchoolError::UnknownStudent { student: f.student }.into());
            }
            if school.subject(f.subject).is_none() {
                return Err(SchoolError::UnknownSubject { subject: f.subject }.into());
            }
            if school.class(f.class).is_none() {
                return Err(SchoolError::UnknownClass { class_id: f.class }.into());
            }
            school.calendar().require_term(&f.term)?;
            final_marks.insert(
                (f.student, f.subject, f.term),
                FinalMark {
                    class_id: f.class,
                    mark: f.mark,
                },
            );
        }
        let assigned_by_class = assigned_by_class(&school, &assigned);
        Ok(Journal {
            school,
            audit: d.audit,
            grants: d.parent_grants,
            assigned,
            assigned_by_class,
            final_marks,
        })
    }
}
