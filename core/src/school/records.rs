//! Marks and attendance entries as records with ids.

use serde::{Deserialize, Serialize};

use crate::attendance::AttendanceCode;
use crate::ids::{AttendanceId, LessonId, MarkId, StudentId};
use crate::marks::{MarkValue, Weight, WorkTypeCode};

/// A mark in the journal: a value given to a student at a lesson for a
/// kind of work, with its weight.
///
/// The weight is fixed when the mark is recorded (the work type's default
/// weight then, or the teacher's override); changing the catalogue's
/// default later does not change marks already given.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct MarkRecord {
    /// The mark's id, assigned by the school.
    pub id: MarkId,
    /// The lesson it was given at.
    pub lesson: LessonId,
    /// The student.
    pub student: StudentId,
    /// The value: 1–5, зачёт/незачёт, or «точка».
    pub value: MarkValue,
    /// The kind of work.
    pub work_type: WorkTypeCode,
    /// The weight in the weighted average.
    pub weight: Weight,
}

/// An attendance entry: a student at a lesson with a code. A student with
/// no entry for a lesson was present.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct AttendanceRecord {
    /// The entry's id, assigned by the school.
    pub id: AttendanceId,
    /// The lesson.
    pub lesson: LessonId,
    /// The student.
    pub student: StudentId,
    /// The code (ОТ, УП, Б, НП, ОП, ОСВ).
    pub code: AttendanceCode,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::marks::Points;

    #[test]
    fn serde_round_trip_validates_parts() {
        let m = MarkRecord {
            id: MarkId::new(1),
            lesson: LessonId::new(2),
            student: StudentId::new(3),
            value: MarkValue::Points(Points::FOUR),
            work_type: WorkTypeCode::new("control").unwrap(),
            weight: "3".parse().unwrap(),
        };
        let json = serde_json::to_string(&m).unwrap();
        assert_eq!(
            json,
            r#"{"id":1,"lesson":2,"student":3,"value":{"points":4},"work_type":"control","weight":"3"}"#
        );
        assert_eq!(serde_json::from_str::<MarkRecord>(&json).unwrap(), m);
        assert!(serde_json::from_str::<MarkRecord>(&json.replace("\"3\"}", "\"0\"}")).is_err());
        assert!(serde_json::from_str::<MarkRecord>(&json.replace(":4}", ":6}")).is_err());
        let a = AttendanceRecord {
            id: AttendanceId::new(1),
            lesson: LessonId::new(2),
            student: StudentId::new(3),
            code: AttendanceCode::Illness,
        };
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(serde_json::from_str::<AttendanceRecord>(&json).unwrap(), a);
    }
}
