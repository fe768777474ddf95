//! A whole school as a versioned JSON document, and back.
//!
//! ```json
//! {"format": "zhurnal.school", "version": 1, "school": {…}, "calendar": {…},
//!  "work_types": […], "period_mark_policy": {…}, "teachers": […], …}
//! ```
//!
//! Loading parses each value through its validating constructor, then
//! rebuilds the school through the same checks the writing methods use, so
//! a document that breaks any invariant (a mark for a student not enrolled,
//! a lesson on a holiday, two classes named `5А` …) is refused with that
//! check's coded error.

use serde::{Deserialize, Serialize};

use super::{AttendanceRecord, MarkRecord, School, SchoolError};
use crate::Error;
use crate::calendar::SchoolYear;
use crate::ids::{StudentId, SubgroupId};
use crate::lesson::Lesson;
use crate::marks::{PeriodMarkPolicy, WorkTypeCatalogue};
use crate::organisation::{
    Class, Enrolment, Parent, ParentLink, SchoolInfo, Student, Subgroup, Subject, Teacher,
};
use crate::snapshot::SnapshotError;

/// The `format` of a school snapshot.
pub const SNAPSHOT_FORMAT: &str = "zhurnal.school";
/// The `version` of a school snapshot this library writes and reads.
pub const SNAPSHOT_VERSION: u32 = 1;

/// A subgroup member, as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Membership {
    subgroup: SubgroupId,
    student: StudentId,
}

/// The document. Field order is the order of loading.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct SchoolSnapshot {
    format: String,
    version: u32,
    school: SchoolInfo,
    calendar: SchoolYear,
    work_types: WorkTypeCatalogue,
    period_mark_policy: PeriodMarkPolicy,
    teachers: Vec<Teacher>,
    subjects: Vec<Subject>,
    classes: Vec<Class>,
    students: Vec<Student>,
    parents: Vec<Parent>,
    parent_links: Vec<ParentLink>,
    enrolments: Vec<Enrolment>,
    subgroups: Vec<Subgroup>,
    subgroup_members: Vec<Membership>,
    lessons: Vec<Lesson>,
    marks: Vec<MarkRecord>,
    attendance: Vec<AttendanceRecord>,
    next_lesson_id: u32,
    next_mark_id: u32,
    next_attendance_id: u32,
}

impl From<School> for SchoolSnapshot {
    fn from(s: School) -> Self {
        SchoolSnapshot {
            format: SNAPSHOT_FORMAT.to_owned(),
            version: SNAPSHOT_VERSION,
            school: s.info,
            calendar: s.calendar,
            work_types: s.work_types,
            period_mark_policy: s.policy,
            teachers: s.teachers.into_values().collect(),
            subjects: s.subjects.into_values().collect(),
            classes: s.classes.into_values().collect(),
            students: s.students.into_values().collect(),
            parents: s.parents.into_values().collect(),
            parent_links: s.links,
            enrolments: s.enrolments,
            subgroups: s.subgroups.into_values().collect(),
            subgroup_members: s
                .members
                .into_iter()
                .flat_map(|(subgroup, students)| {
                    students
                        .into_iter()
                        .map(move |student| Membership { subgroup, student })
                })
                .collect(),
            lessons: {
                let mut lessons: Vec<Lesson> = s.lessons.into_values().collect();
                lessons.sort_by_key(Lesson::id);
                lessons
            },
            marks: s.marks.into_values().collect(),
            attendance: s.attendance.into_values().collect(),
            next_lesson_id: s.next_lesson,
            next_mark_id: s.next_mark,
            next_attendance_id: s.next_attendance,
        }
    }
}

/// Checks that an id counter is above every id in use.
fn check_counter(kind: &str, next: u32, ids: impl Iterator<Item = u32>) -> Result<(), SchoolError> {
    if let Some(highest) = ids.max()
        && next <= highest
    {
        return Err(SchoolError::IdCounterBehind {
            kind: kind.to_owned(),
            next,
            highest,
        });
    }
    Ok(())
}

fn duplicate(id: impl std::fmt::Display) -> Error {
    SchoolError::DuplicateId { id: id.to_string() }.into()
}

impl TryFrom<SchoolSnapshot> for School {
    type Error = Error;

    fn try_from(d: SchoolSnapshot) -> Result<Self, Self::Error> {
        if d.format != SNAPSHOT_FORMAT {
            return Err(SnapshotError::WrongFormat {
                document: "school".to_owned(),
                found: d.format,
            }
            .into());
        }
        if d.version != SNAPSHOT_VERSION {
            return Err(SnapshotError::UnsupportedVersion {
                document: "school".to_owned(),
                version: u64::from(d.version),
                supported: SNAPSHOT_VERSION,
            }
            .into());
        }
        let mut school = School::new(d.school, d.calendar);
        school.set_work_types(d.work_types)?;
        school.set_period_mark_policy(d.period_mark_policy);
        for t in d.teachers {
            school.add_teacher(t)?;
        }
        for s in d.subjects {
            school.add_subject(s)?;
        }
        for c in d.classes {
            school.add_class(c)?;
        }
        for s in d.students {
            school.add_student(s)?;
        }
        for p in d.parents {
            school.add_parent(p)?;
        }
        for l in d.parent_links {
            school.link_parent(l)?;
        }
        for e in d.enrolments {
            school.enrol(e)?;
        }
        for g in d.subgroups {
            school.add_subgroup(g)?;
        }
        for m in d.subgroup_members {
            school.add_subgroup_member(m.subgroup, m.student)?;
        }
        for lesson in d.lessons {
            if school.lessons.contains_key(&lesson.id()) {
                return Err(duplicate(lesson.id()));
            }
            school.check_lesson(&lesson)?;
            school.insert_lesson(lesson);
        }
        for mark in d.marks {
            if school.marks.contains_key(&mark.id) {
                return Err(duplicate(mark.id));
            }
            school.check_mark(&mark)?;
            school.insert_mark(mark);
        }
        for entry in d.attendance {
            if school.attendance.contains_key(&entry.id) {
                return Err(duplicate(entry.id));
            }
            school.check_attendance(&entry)?;
            school.insert_attendance(entry);
        }
        check_counter(
            "lesson",
            d.next_lesson_id,
            school.lessons.keys().map(|i| i.get()),
        )?;
        check_counter("mark", d.next_mark_id, school.marks.keys().map(|i| i.get()))?;
        check_counter(
            "attendance",
            d.next_attendance_id,
            school.attendance.keys().map(|i| i.get()),
        )?;
        school.next_lesson = d.next_lesson_id;
        school.next_mark = d.next_mark_id;
        school.next_attendance = d.next_attendance_id;
        Ok(school)
    }
}

impl School {
    /// The whole school as a versioned JSON document
    /// (`{"format":"zhurnal.school","version":1,…}`).
    ///
    /// # Errors
    /// [`SnapshotError::InvalidDocument`] if serialisation fails (it does
    /// not for a school built through this library).
    ///
    /// # Example
    /// ```
    /// # use zhurnal::{calendar::SchoolYear, ids::*, organisation::*, school::School};
    /// let school = School::new(SchoolInfo::new(SchoolId::new(1), "Школа")?, SchoolYear::russian_2014_2015());
    /// let json = school.to_json()?;
    /// assert!(json.starts_with(r#"{"format":"zhurnal.school","version":1,"#));
    /// assert_eq!(School::from_json(&json)?, school);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_json(&self) -> Result<String, Error> {
        serde_json::to_string(self).map_err(|e| SnapshotError::invalid("school", e).into())
    }

    /// Loads a school from a document written by [`School::to_json`],
    /// re-validating every value and every invariant.
    ///
    /// # Errors
    /// [`SnapshotError::WrongFormat`], [`SnapshotError::UnsupportedVersion`],
    /// [`SnapshotError::InvalidDocument`] for malformed JSON or an invalid
    /// value; the coded error of the first broken invariant otherwise (e.g.
    /// `school.not_enrolled`, `calendar.lesson_on_holiday`).
    ///
    /// # Example
    /// ```
    /// use zhurnal::school::School;
    /// let e = School::from_json(r#"{"format":"zhurnal.school","version":99}"#).unwrap_err();
    /// assert_eq!(e.code(), "snapshot.unsupported_version");
    /// let e = School::from_json(r#"{"format":"something.else","version":1}"#).unwrap_err();
    /// assert_eq!(e.code(), "snapshot.wrong_format");
    /// assert_eq!(School::from_json("{").unwrap_err().code(), "snapshot.invalid_document");
    /// ```
    pub fn from_json(json: &str) -> Result<School, Error> {
        let value = crate::snapshot::expect(json, "school", SNAPSHOT_VERSION)?;
        let document: SchoolSnapshot =
            serde_json::from_value(value).map_err(|e| SnapshotError::invalid("school", e))?;
        School::try_from(document)
    }
}
