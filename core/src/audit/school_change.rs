//! The administrator's changes to the school, as the audit trail keeps
//! them: the roster, the timetable and the calendar.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::calendar::Shift;
use crate::ids::{ClassId, ParentId, SubgroupId, SubjectId, TeacherId};

/// When and where a lesson takes place: what moving it changes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct LessonTime {
    /// The date.
    pub date: NaiveDate,
    /// The shift.
    pub shift: Shift,
    /// The lesson number in the shift.
    pub slot: u8,
    /// The room, if any.
    pub room: Option<String>,
}

impl LessonTime {
    /// When and where `lesson` takes place.
    pub fn of(lesson: &crate::lesson::Lesson) -> LessonTime {
        LessonTime {
            date: lesson.date(),
            shift: lesson.shift(),
            slot: lesson.slot(),
            room: lesson.room().map(str::to_owned),
        }
    }
}

/// One administrator's change. The lesson of a timetable change is the
/// audit entry's `lesson`; the student of an enrolment change is its
/// `student`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
#[non_exhaustive]
pub enum SchoolChange {
    /// A class was added.
    ClassAdded {
        /// The class.
        class_id: ClassId,
    },
    /// A class's class teacher was set or withdrawn.
    ClassTeacherSet {
        /// The class.
        class_id: ClassId,
        /// Before.
        old: Option<TeacherId>,
        /// After.
        new: Option<TeacherId>,
    },
    /// A subgroup was added.
    SubgroupAdded {
        /// The subgroup.
        subgroup: SubgroupId,
    },
    /// A student joined a subgroup.
    SubgroupMemberAdded {
        /// The subgroup.
        subgroup: SubgroupId,
    },
    /// A subject was added.
    SubjectAdded {
        /// The subject.
        subject: SubjectId,
    },
    /// A subject's names, grading or hours a week changed.
    SubjectUpdated {
        /// The subject.
        subject: SubjectId,
    },
    /// A teacher was added.
    TeacherAdded {
        /// The teacher.
        teacher: TeacherId,
    },
    /// A student was added.
    StudentAdded,
    /// A parent was added.
    ParentAdded {
        /// The parent.
        parent: ParentId,
    },
    /// A parent was linked to a student.
    ParentLinked {
        /// The parent.
        parent: ParentId,
    },
    /// A student was enrolled in a class.
    Enrolled {
        /// The class.
        class_id: ClassId,
        /// The first day.
        start: NaiveDate,
    },
    /// A student's enrolment ended.
    EnrolmentEnded {
        /// The class.
        class_id: ClassId,
        /// The last day (inclusive).
        end: NaiveDate,
    },
    /// A student moved to another class.
    Transferred {
        /// The class left.
        old_class: ClassId,
        /// The class joined.
        new_class: ClassId,
        /// The first day in the new class.
        start: NaiveDate,
    },
    /// The work-type catalogue was replaced.
    WorkTypesSet,
    /// The period-mark policy was replaced.
    PeriodMarkPolicySet,
    /// The school year (terms, holidays, bells) was replaced.
    CalendarSet,
    /// A lesson was scheduled.
    LessonScheduled,
    /// A lesson was moved.
    LessonMoved {
        /// Before.
        old: LessonTime,
        /// After.
        new: LessonTime,
    },
    /// A lesson was cancelled (it had no marks, attendance or assigned
    /// work).
    LessonCancelled {
        /// When and where it was.
        old: LessonTime,
    },
    /// The parents' access grants were replaced.
    ParentGrantsSet,
}

impl SchoolChange {
    /// A stable name of the kind of change, e.g. `"lesson_moved"`.
    pub fn kind(&self) -> &'static str {
        match self {
            SchoolChange::ClassAdded { .. } => "class_added",
            SchoolChange::ClassTeacherSet { .. } => "class_teacher_set",
            SchoolChange::SubgroupAdded { .. } => "subgroup_added",
            SchoolChange::SubgroupMemberAdded { .. } => "subgroup_member_added",
            SchoolChange::SubjectAdded { .. } => "subject_added",
            SchoolChange::SubjectUpdated { .. } => "subject_updated",
            SchoolChange::TeacherAdded { .. } => "teacher_added",
            SchoolChange::StudentAdded => "student_added",
            SchoolChange::ParentAdded { .. } => "parent_added",
            SchoolChange::ParentLinked { .. } => "parent_linked",
            SchoolChange::Enrolled { .. } => "enrolled",
            SchoolChange::EnrolmentEnded { .. } => "enrolment_ended",
            SchoolChange::Transferred { .. } => "transferred",
            SchoolChange::WorkTypesSet => "work_types_set",
            SchoolChange::PeriodMarkPolicySet => "period_mark_policy_set",
            SchoolChange::CalendarSet => "calendar_set",
            SchoolChange::LessonScheduled => "lesson_scheduled",
            SchoolChange::LessonMoved { .. } => "lesson_moved",
            SchoolChange::LessonCancelled { .. } => "lesson_cancelled",
            SchoolChange::ParentGrantsSet => "parent_grants_set",
        }
    }
}
