//! The audit trail of the journal: every change to a mark, an attendance
//! entry, a lesson's topic, homework or assigned work, and a final period
//! mark, and every administrator's change to the roster, the timetable and
//! the calendar ([`SchoolChange`]), with who made it, when, the value before and after, and the
//! reason when one was given.
//!
//! Entries are only ever appended; the earlier value of every field is in
//! the entry that changed it, so replaying a lesson's entries in order
//! rebuilds each state it went through. The trail lists per lesson, per
//! student and per author (like NetSchool's report «Доступ к классному
//! журналу»); those lists are indexes rebuilt when a trail is loaded.

mod school_change;

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

pub use school_change::{LessonTime, SchoolChange};

use crate::access::Actor;
use crate::attendance::AttendanceCode;
use crate::calendar::TermCode;
use crate::ids::{ClassId, LessonId, MarkId, StudentId, SubjectId, TeacherId};
use crate::lesson::Homework;
use crate::marks::{MarkValue, PeriodMark, Weight, WorkTypeCode};

/// The longest reason text, in characters.
pub const MAX_REASON_CHARS: usize = 500;

/// Who makes a change, when, and why: what every journal write takes.
///
/// The reason, when given, is checked once, here: trimmed, at most
/// [`MAX_REASON_CHARS`] characters, no control characters other than line
/// breaks; a blank reason is none. Deserialising checks the same.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use zhurnal::access::Actor;
/// use zhurnal::audit::Edit;
/// use zhurnal::ids::TeacherId;
/// let at = NaiveDate::from_ymd_opt(2014, 9, 15).unwrap().and_hms_opt(10, 5, 0).unwrap();
/// let edit = Edit::new(Actor::class_teacher(TeacherId::new(1)), at).because("справка из поликлиники")?;
/// assert_eq!(edit.reason(), Some("справка из поликлиники"));
/// let e = Edit::new(Actor::class_teacher(TeacherId::new(1)), at).because("bell\u{7}");
/// assert_eq!(e.unwrap_err().code(), "journal.invalid_reason");
/// # Ok::<(), zhurnal::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "EditData")]
pub struct Edit {
    actor: Actor,
    at: NaiveDateTime,
    reason: Option<String>,
}

/// An edit as written, before its reason is checked.
#[derive(Deserialize)]
struct EditData {
    actor: Actor,
    at: NaiveDateTime,
    reason: Option<String>,
}

impl TryFrom<EditData> for Edit {
    type Error = crate::Error;
    fn try_from(d: EditData) -> Result<Edit, crate::Error> {
        let edit = Edit::new(d.actor, d.at);
        match d.reason {
            Some(r) => edit.because(&r),
            None => Ok(edit),
        }
    }
}

impl Edit {
    /// A change by `actor` at `at` (school-local time), without a reason.
    pub fn new(actor: Actor, at: NaiveDateTime) -> Edit {
        Edit {
            actor,
            at,
            reason: None,
        }
    }

    /// The same change with a reason (trimmed; a blank reason is none).
    ///
    /// # Errors
    /// `journal.invalid_reason` ([`crate::journal::JournalError::InvalidReason`])
    /// for a reason longer than [`MAX_REASON_CHARS`] characters or with
    /// control characters other than line breaks.
    pub fn because(mut self, reason: &str) -> Result<Edit, crate::Error> {
        let reason = reason.trim();
        let valid = reason.chars().count() <= MAX_REASON_CHARS
            && !reason
                .chars()
                .any(|c| c.is_control() && c != '\n' && c != '\r');
        if !valid {
            return Err(crate::journal::JournalError::InvalidReason.into());
        }
        self.reason = (!reason.is_empty()).then(|| reason.to_owned());
        Ok(self)
    }

    /// Who.
    pub fn actor(&self) -> &Actor {
        &self.actor
    }
    /// When.
    pub fn at(&self) -> NaiveDateTime {
        self.at
    }
    /// Why, when given.
    pub fn reason(&self) -> Option<&str> {
        self.reason.as_deref()
    }
}

/// A mark as the trail keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct MarkState {
    /// The value.
    pub value: MarkValue,
    /// The kind of work.
    pub work_type: WorkTypeCode,
    /// The weight.
    pub weight: Weight,
}

/// What changed. `None` on either side means "nothing": a new value
/// (`old: None`) or a removal (`new: None`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditChange {
    /// A mark was given, changed or removed.
    Mark {
        /// The mark's id.
        mark: MarkId,
        /// Before.
        old: Option<MarkState>,
        /// After.
        new: Option<MarkState>,
    },
    /// An attendance entry (no entry: present).
    Attendance {
        /// Before.
        old: Option<AttendanceCode>,
        /// After.
        new: Option<AttendanceCode>,
    },
    /// The lesson's topic.
    Topic {
        /// Before.
        old: Option<String>,
        /// After.
        new: Option<String>,
    },
    /// The lesson's homework.
    Homework {
        /// Before.
        old: Option<Homework>,
        /// After.
        new: Option<Homework>,
    },
    /// Work assigned at the lesson: its due date.
    AssignedWork {
        /// The kind of work.
        work_type: WorkTypeCode,
        /// Due date before.
        old: Option<NaiveDate>,
        /// Due date after.
        new: Option<NaiveDate>,
    },
    /// The teacher's final period mark.
    FinalMark {
        /// The class (`class` in trails written before the rename).
        #[serde(alias = "class")]
        class_id: ClassId,
        /// The subject.
        subject: SubjectId,
        /// The term's code.
        term: TermCode,
        /// The period mark computed by the policy at the time.
        computed: PeriodMark,
        /// Before.
        old: Option<PeriodMark>,
        /// After.
        new: Option<PeriodMark>,
    },
    /// An administrator's change to the roster, the timetable or the
    /// calendar.
    School {
        /// What changed.
        change: SchoolChange,
    },
}

impl AuditChange {
    /// `mark`, `attendance`, `topic`, `homework`, `assigned_work`,
    /// `final_mark`.
    pub fn kind(&self) -> &'static str {
        match self {
            AuditChange::Mark { .. } => "mark",
            AuditChange::Attendance { .. } => "attendance",
            AuditChange::Topic { .. } => "topic",
            AuditChange::Homework { .. } => "homework",
            AuditChange::AssignedWork { .. } => "assigned_work",
            AuditChange::FinalMark { .. } => "final_mark",
            AuditChange::School { .. } => "school",
        }
    }
}

/// One change in the trail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    /// Its number in the trail, from 1, in the order changes were made.
    pub seq: u64,
    /// When (as the host gave it).
    pub at: NaiveDateTime,
    /// Who.
    pub actor: Actor,
    /// The lesson, for changes at a lesson.
    pub lesson: Option<LessonId>,
    /// The student, for changes about one student.
    pub student: Option<StudentId>,
    /// What changed.
    pub change: AuditChange,
    /// Why, when given.
    pub reason: Option<String>,
}

/// The append-only trail with its indexes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "Vec<AuditEntry>", into = "Vec<AuditEntry>")]
pub struct AuditTrail {
    entries: Vec<AuditEntry>,
    by_lesson: HashMap<LessonId, Vec<usize>>,
    by_student: HashMap<StudentId, Vec<usize>>,
    by_author: HashMap<TeacherId, Vec<usize>>,
}

impl From<Vec<AuditEntry>> for AuditTrail {
    /// Loads entries (renumbered 1, 2, … in the given order) and rebuilds
    /// the indexes.
    fn from(entries: Vec<AuditEntry>) -> Self {
        let mut trail = AuditTrail::default();
        for e in entries {
            trail.push(e.at, e.actor, e.lesson, e.student, e.change, e.reason);
        }
        trail
    }
}

impl From<AuditTrail> for Vec<AuditEntry> {
    fn from(trail: AuditTrail) -> Self {
        trail.entries
    }
}

impl AuditTrail {
    /// An empty trail.
    pub fn new() -> AuditTrail {
        AuditTrail::default()
    }

    /// Appends an entry made by `edit`.
    pub(crate) fn record(
        &mut self,
        edit: &Edit,
        lesson: Option<LessonId>,
        student: Option<StudentId>,
        change: AuditChange,
    ) {
        self.push(
            edit.at,
            edit.actor,
            lesson,
            student,
            change,
            edit.reason.clone(),
        );
    }

    fn push(
        &mut self,
        at: NaiveDateTime,
        actor: Actor,
        lesson: Option<LessonId>,
        student: Option<StudentId>,
        change: AuditChange,
        reason: Option<String>,
    ) {
        let index = self.entries.len();
        if let Some(l) = lesson {
            self.by_lesson.entry(l).or_default().push(index);
        }
        if let Some(s) = student {
            self.by_student.entry(s).or_default().push(index);
        }
        if let Some(t) = actor.teacher_id() {
            self.by_author.entry(t).or_default().push(index);
        }
        self.entries.push(AuditEntry {
            seq: index as u64 + 1,
            at,
            actor,
            lesson,
            student,
            change,
            reason,
        });
    }

    /// Every entry, oldest first.
    pub fn entries(&self) -> &[AuditEntry] {
        &self.entries
    }

    /// How many entries.
    pub fn len(&self) -> u64 {
        self.entries.len() as u64
    }

    /// Whether the trail is empty.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries of a lesson, oldest first.
    pub fn of_lesson(&self, lesson: LessonId) -> Vec<AuditEntry> {
        self.pick(self.by_lesson.get(&lesson))
    }

    /// The entries about a student, oldest first.
    pub fn of_student(&self, student: StudentId) -> Vec<AuditEntry> {
        self.pick(self.by_student.get(&student))
    }

    /// The entries made by a staff member (in any role), oldest first.
    pub fn by_author(&self, author: TeacherId) -> Vec<AuditEntry> {
        self.pick(self.by_author.get(&author))
    }

    fn pick(&self, indexes: Option<&Vec<usize>>) -> Vec<AuditEntry> {
        indexes
            .map(|ix| {
                ix.iter()
                    .filter_map(|&i| self.entries.get(i).cloned())
                    .collect()
            })
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::marks::Points;

    fn at(h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2014, 9, 15)
            .unwrap()
            .and_hms_opt(h, 0, 0)
            .unwrap()
    }

    fn mark(v: u8) -> MarkState {
        MarkState {
            value: MarkValue::Points(Points::new(v).unwrap()),
            work_type: WorkTypeCode::new("answer").unwrap(),
            weight: Weight::ONE,
        }
    }

    #[test]
    fn indexes_and_round_trip() {
        let t1 = Actor::teacher(TeacherId::new(1));
        let ct = Actor::class_teacher(TeacherId::new(2));
        let (l1, l2) = (LessonId::new(1), LessonId::new(2));
        let s = StudentId::new(7);
        let mut trail = AuditTrail::new();
        assert!(trail.is_empty());
        trail.record(
            &Edit::new(t1, at(9)),
            Some(l1),
            Some(s),
            AuditChange::Mark {
                mark: MarkId::new(1),
                old: None,
                new: Some(mark(3)),
            },
        );
        trail.record(
            &Edit::new(t1, at(10)).because("  пересдача  ").unwrap(),
            Some(l1),
            Some(s),
            AuditChange::Mark {
                mark: MarkId::new(1),
                old: Some(mark(3)),
                new: Some(mark(4)),
            },
        );
        trail.record(
            &Edit::new(ct, at(11)),
            Some(l2),
            Some(s),
            AuditChange::Attendance {
                old: Some(AttendanceCode::Absent),
                new: Some(AttendanceCode::Illness),
            },
        );
        trail.record(
            &Edit::new(t1, at(12)),
            Some(l2),
            None,
            AuditChange::Topic {
                old: None,
                new: Some("Дроби".into()),
            },
        );
        assert_eq!(trail.len(), 4);
        assert_eq!(trail.of_lesson(l1).len(), 2);
        assert_eq!(trail.of_lesson(l2).len(), 2);
        assert_eq!(trail.of_student(s).len(), 3);
        assert_eq!(trail.by_author(TeacherId::new(1)).len(), 3);
        assert_eq!(trail.by_author(TeacherId::new(2))[0].seq, 3);
        assert!(trail.of_lesson(LessonId::new(9)).is_empty());
        assert_eq!(trail.entries()[1].reason.as_deref(), Some("пересдача"));
        assert_eq!(trail.entries()[2].change.kind(), "attendance");
        let json = serde_json::to_string(&trail).unwrap();
        let back: AuditTrail = serde_json::from_str(&json).unwrap();
        assert_eq!(back, trail);
        assert_eq!(back.of_student(s), trail.of_student(s));
    }

    #[test]
    fn reasons_are_checked() {
        let e = Edit::new(Actor::teacher(TeacherId::new(1)), at(9));
        assert_eq!(e.reason(), None);
        assert_eq!(e.clone().because("   ").unwrap().reason(), None);
        assert!(e.clone().because("строка 1\nстрока 2").is_ok());
        assert!(e.clone().because("a\u{0}b").is_err());
        assert!(e.clone().because(&"я".repeat(501)).is_err());
        assert_eq!(
            e.clone().because("  ").map(|e| e.reason().is_none()),
            Ok(true)
        );
        assert!(e.because(&"я".repeat(500)).is_ok());
    }

    #[test]
    fn kinds() {
        let kinds = [
            AuditChange::Mark {
                mark: MarkId::new(1),
                old: None,
                new: None,
            },
            AuditChange::Attendance {
                old: None,
                new: None,
            },
            AuditChange::Topic {
                old: None,
                new: None,
            },
            AuditChange::Homework {
                old: None,
                new: None,
            },
            AuditChange::AssignedWork {
                work_type: WorkTypeCode::new("control").unwrap(),
                old: None,
                new: None,
            },
            AuditChange::FinalMark {
                class_id: ClassId::new(1),
                subject: SubjectId::new(1),
                term: crate::calendar::TermCode::parse("Q1").unwrap(),
                computed: PeriodMark::NotAttested,
                old: None,
                new: None,
            },
        ]
        .map(|c| c.kind());
        assert_eq!(
            kinds.join(","),
            "mark,attendance,topic,homework,assigned_work,final_mark"
        );
    }
}
