//! Small identifier newtypes.
//!
//! Every entity of the journal is referred to by an id: a plain number that a
//! host assigns (or takes from its own system). The newtypes keep a
//! `StudentId` from being passed where a `ClassId` is expected. Ids carry no
//! personal data (OneRoster's rule for `sourcedId` too).

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident, $prefix:literal) => {
        $(#[$doc])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(u32);

        impl $name {
            /// Wraps a raw id.
            pub const fn new(raw: u32) -> Self {
                Self(raw)
            }

            /// The raw number.
            pub const fn get(self) -> u32 {
                self.0
            }
        }

        impl From<u32> for $name {
            fn from(raw: u32) -> Self {
                Self(raw)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, concat!($prefix, "{}"), self.0)
            }
        }
    };
}

id_type!(
    /// A school (educational organisation).
    SchoolId,
    "school#"
);
id_type!(
    /// A class such as `5А`.
    ClassId,
    "class#"
);
id_type!(
    /// A subgroup of a class (e.g. English group 1).
    SubgroupId,
    "subgroup#"
);
id_type!(
    /// A subject (Russian language, mathematics, …).
    SubjectId,
    "subject#"
);
id_type!(
    /// A teacher or another member of the school staff.
    TeacherId,
    "teacher#"
);
id_type!(
    /// A student.
    StudentId,
    "student#"
);
id_type!(
    /// A parent or another legal representative.
    ParentId,
    "parent#"
);
id_type!(
    /// A scheduled lesson.
    LessonId,
    "lesson#"
);
id_type!(
    /// A mark in the journal.
    MarkId,
    "mark#"
);
id_type!(
    /// An attendance entry in the journal.
    AttendanceId,
    "attendance#"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_the_kind() {
        assert_eq!(StudentId::new(7).to_string(), "student#7");
        assert_eq!(ClassId::from(3).get(), 3);
    }

    #[test]
    fn serialises_as_a_plain_number() {
        let json = serde_json::to_string(&LessonId::new(42)).unwrap();
        assert_eq!(json, "42");
        let back: LessonId = serde_json::from_str(&json).unwrap();
        assert_eq!(back, LessonId::new(42));
    }
}
