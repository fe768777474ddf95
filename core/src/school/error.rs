//! Errors of the school aggregate: references between records.

use chrono::NaiveDate;

use crate::calendar::Shift;
use crate::ids::{
    AttendanceId, ClassId, LessonId, MarkId, ParentId, StudentId, SubgroupId, SubjectId, TeacherId,
};
use crate::organisation::ClassName;

/// What can be wrong with how the records of a school refer to one
/// another. (Errors of a single value come from its own module.)
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SchoolError {
    /// An id already used by another record of the same kind.
    #[error("{id} already exists")]
    DuplicateId {
        /// The id, shown with its kind (`class#1`).
        id: String,
    },
    /// A second class with the same name.
    #[error("class {name} already exists as {existing}")]
    DuplicateClassName {
        /// The name.
        name: ClassName,
        /// The class that has it.
        existing: ClassId,
    },
    /// No such class.
    #[error("unknown class {class_id}")]
    UnknownClass {
        /// The id given.
        class_id: ClassId,
    },
    /// No such subgroup.
    #[error("unknown subgroup {subgroup}")]
    UnknownSubgroup {
        /// The id given.
        subgroup: SubgroupId,
    },
    /// No such subject.
    #[error("unknown subject {subject}")]
    UnknownSubject {
        /// The id given.
        subject: SubjectId,
    },
    /// No such teacher.
    #[error("unknown teacher {teacher}")]
    UnknownTeacher {
        /// The id given.
        teacher: TeacherId,
    },
    /// No such student.
    #[error("unknown student {student}")]
    UnknownStudent {
        /// The id given.
        student: StudentId,
    },
    /// No such parent.
    #[error("unknown parent {parent}")]
    UnknownParent {
        /// The id given.
        parent: ParentId,
    },
    /// No such lesson.
    #[error("unknown lesson {lesson}")]
    UnknownLesson {
        /// The id given.
        lesson: LessonId,
    },
    /// No such mark.
    #[error("unknown mark {mark}")]
    UnknownMark {
        /// The id given.
        mark: MarkId,
    },
    /// No such attendance entry.
    #[error("unknown attendance entry {entry}")]
    UnknownAttendance {
        /// The id given.
        entry: AttendanceId,
    },
    /// The parent is already linked to the student.
    #[error("{parent} is already linked to {student}")]
    DuplicateLink {
        /// The parent.
        parent: ParentId,
        /// The student.
        student: StudentId,
    },
    /// An enrolment that overlaps another enrolment of the same student.
    #[error(
        "enrolment of {student} in {class_id} from {start} overlaps their enrolment in {other_class} from {other_from}"
    )]
    OverlappingEnrolment {
        /// The student.
        student: StudentId,
        /// The class of the new enrolment.
        class_id: ClassId,
        /// Its first day.
        start: NaiveDate,
        /// The class of the existing enrolment.
        other_class: ClassId,
        /// Its first day.
        other_from: NaiveDate,
    },
    /// No open enrolment to end.
    #[error("{student} has no open enrolment in {class_id}")]
    NoOpenEnrolment {
        /// The student.
        student: StudentId,
        /// The class.
        class_id: ClassId,
    },
    /// Ending an enrolment would orphan marks or attendance after its end.
    #[error("{student} has marks or attendance in {class_id} after {end}")]
    RecordsAfterEnrolmentEnd {
        /// The student.
        student: StudentId,
        /// The class.
        class_id: ClassId,
        /// The proposed last day.
        end: NaiveDate,
    },
    /// A subgroup member who was never enrolled in the subgroup's class.
    #[error("{student} is not enrolled in {class_id}, the class of {subgroup}")]
    StudentNotInClass {
        /// The student.
        student: StudentId,
        /// The class.
        class_id: ClassId,
        /// The subgroup.
        subgroup: SubgroupId,
    },
    /// The student is already a member of the subgroup.
    #[error("{student} is already a member of {subgroup}")]
    AlreadyMember {
        /// The student.
        student: StudentId,
        /// The subgroup.
        subgroup: SubgroupId,
    },
    /// The class or subgroup already has a lesson at that time.
    #[error("{group} already has {lesson} on {date} at lesson {slot} of shift {shift:?}")]
    GroupSlotTaken {
        /// The class or subgroup, shown with its kind.
        group: String,
        /// The date.
        date: NaiveDate,
        /// The shift.
        shift: Shift,
        /// The lesson number.
        slot: u8,
        /// The lesson already there.
        lesson: LessonId,
    },
    /// The teacher already teaches at that time.
    #[error("{teacher} already teaches {lesson} on {date} at lesson {slot} of shift {shift:?}")]
    TeacherDoubleBooked {
        /// The teacher.
        teacher: TeacherId,
        /// The date.
        date: NaiveDate,
        /// The shift.
        shift: Shift,
        /// The lesson number.
        slot: u8,
        /// The lesson already there.
        lesson: LessonId,
    },
    /// A mark or attendance entry for a student not enrolled in the
    /// lesson's class on its date.
    #[error("{student} is not enrolled in {class_id} on {date}")]
    NotEnrolled {
        /// The student.
        student: StudentId,
        /// The lesson's class.
        class_id: ClassId,
        /// The lesson's date.
        date: NaiveDate,
    },
    /// A mark or attendance entry for a student outside the lesson's
    /// subgroup.
    #[error("{student} is not a member of {subgroup}")]
    NotInSubgroup {
        /// The student.
        student: StudentId,
        /// The subgroup.
        subgroup: SubgroupId,
    },
    /// A second attendance entry for the same student and lesson.
    #[error("{student} already has {entry} for {lesson}")]
    AttendanceAlreadyRecorded {
        /// The student.
        student: StudentId,
        /// The lesson.
        lesson: LessonId,
        /// The existing entry.
        entry: AttendanceId,
    },
    /// A work type still used by marks is missing from a new catalogue.
    #[error("work type {code:?} is used by {mark} and cannot be removed")]
    WorkTypeInUse {
        /// The work type's code.
        code: String,
        /// A mark that uses it.
        mark: MarkId,
    },
    /// A snapshot's id counter that is not above the ids in use.
    #[error("next {kind} id {next} is not above the highest id in use {highest}")]
    IdCounterBehind {
        /// `"lesson"`, `"mark"` or `"attendance"`.
        kind: String,
        /// The counter given.
        next: u32,
        /// The highest id in use.
        highest: u32,
    },
    /// A lesson that still has marks or attendance entries cannot be
    /// cancelled.
    #[error("{lesson} has {records} marks or attendance entries and cannot be cancelled")]
    LessonHasRecords {
        /// The lesson.
        lesson: LessonId,
        /// How many records it has.
        records: u32,
    },
    /// All ids of a kind are used up.
    #[error("no {kind} ids left")]
    IdsExhausted {
        /// `"lesson"`, `"mark"` or `"attendance"`.
        kind: String,
    },
}

impl SchoolError {
    /// The stable machine code, e.g. `"school.not_enrolled"`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::DuplicateId { .. } => "school.duplicate_id",
            Self::DuplicateClassName { .. } => "school.duplicate_class_name",
            Self::UnknownClass { .. } => "school.unknown_class",
            Self::UnknownSubgroup { .. } => "school.unknown_subgroup",
            Self::UnknownSubject { .. } => "school.unknown_subject",
            Self::UnknownTeacher { .. } => "school.unknown_teacher",
            Self::UnknownStudent { .. } => "school.unknown_student",
            Self::UnknownParent { .. } => "school.unknown_parent",
            Self::UnknownLesson { .. } => "school.unknown_lesson",
            Self::UnknownMark { .. } => "school.unknown_mark",
            Self::UnknownAttendance { .. } => "school.unknown_attendance",
            Self::DuplicateLink { .. } => "school.duplicate_link",
            Self::OverlappingEnrolment { .. } => "school.overlapping_enrolment",
            Self::NoOpenEnrolment { .. } => "school.no_open_enrolment",
            Self::RecordsAfterEnrolmentEnd { .. } => "school.records_after_enrolment_end",
            Self::StudentNotInClass { .. } => "school.student_not_in_class",
            Self::AlreadyMember { .. } => "school.already_member",
            Self::GroupSlotTaken { .. } => "school.group_slot_taken",
            Self::TeacherDoubleBooked { .. } => "school.teacher_double_booked",
            Self::NotEnrolled { .. } => "school.not_enrolled",
            Self::NotInSubgroup { .. } => "school.not_in_subgroup",
            Self::AttendanceAlreadyRecorded { .. } => "school.attendance_already_recorded",
            Self::WorkTypeInUse { .. } => "school.work_type_in_use",
            Self::IdCounterBehind { .. } => "school.id_counter_behind",
            Self::IdsExhausted { .. } => "school.ids_exhausted",
            Self::LessonHasRecords { .. } => "school.lesson_has_records",
        }
    }
}
