//! Sets of grades (параллели 1–11) that a calendar rule applies to.

use serde::{Deserialize, Serialize};

use super::CalendarError;

/// The lowest grade.
pub const MIN_GRADE: u8 = 1;
/// The highest grade.
pub const MAX_GRADE: u8 = 11;

/// Checks that `grade` is 1–11.
pub(super) fn check_grade(grade: u8) -> Result<u8, CalendarError> {
    if (MIN_GRADE..=MAX_GRADE).contains(&grade) {
        Ok(grade)
    } else {
        Err(CalendarError::InvalidGrade { grade })
    }
}

/// A non-empty set of grades 1–11, e.g. the first grade for the additional
/// February week of holidays.
///
/// Serialised as the ascending list of grades (`[1]`); deserialising
/// validates like [`GradeSet::new`].
///
/// # Example
/// ```
/// use zhurnal::calendar::GradeSet;
/// let first = GradeSet::new(&[1])?;
/// assert!(first.contains(1) && !first.contains(2));
/// assert!(GradeSet::all().contains(11));
/// assert_eq!(GradeSet::new(&[5, 1, 5])?.grades(), vec![1, 5]);
/// # Ok::<(), zhurnal::calendar::CalendarError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "Vec<u8>", into = "Vec<u8>")]
pub struct GradeSet {
    /// Bit `g` is set for grade `g`.
    bits: u16,
}

impl GradeSet {
    /// The grades given (repeats are fine).
    ///
    /// # Errors
    /// [`CalendarError::InvalidGrade`] for a grade outside 1–11;
    /// [`CalendarError::EmptyGradeSet`] for no grades.
    ///
    /// # Example
    /// ```
    /// use zhurnal::calendar::GradeSet;
    /// assert_eq!(GradeSet::new(&[0]).unwrap_err().code(), "calendar.invalid_grade");
    /// assert_eq!(GradeSet::new(&[]).unwrap_err().code(), "calendar.empty_grade_set");
    /// ```
    pub fn new(grades: &[u8]) -> Result<GradeSet, CalendarError> {
        let mut bits = 0u16;
        for &g in grades {
            bits |= 1 << check_grade(g)?;
        }
        if bits == 0 {
            return Err(CalendarError::EmptyGradeSet);
        }
        Ok(GradeSet { bits })
    }

    /// Grades 1 to 11.
    pub fn all() -> GradeSet {
        GradeSet {
            bits: ((1u16 << (MAX_GRADE + 1)) - 1) & !1,
        }
    }

    /// Whether the set holds `grade`.
    pub fn contains(&self, grade: u8) -> bool {
        grade <= MAX_GRADE && self.bits & (1 << grade) != 0
    }

    /// Whether the set holds every grade 1–11.
    pub fn is_all(&self) -> bool {
        *self == GradeSet::all()
    }

    /// The grades in ascending order.
    pub fn grades(&self) -> Vec<u8> {
        (MIN_GRADE..=MAX_GRADE)
            .filter(|g| self.contains(*g))
            .collect()
    }
}

impl Default for GradeSet {
    /// [`GradeSet::all`].
    fn default() -> Self {
        GradeSet::all()
    }
}

impl TryFrom<Vec<u8>> for GradeSet {
    type Error = CalendarError;
    fn try_from(grades: Vec<u8>) -> Result<Self, Self::Error> {
        GradeSet::new(&grades)
    }
}

impl From<GradeSet> for Vec<u8> {
    fn from(g: GradeSet) -> Self {
        g.grades()
    }
}

impl std::fmt::Display for GradeSet {
    /// `1, 5, 9`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text: Vec<String> = self.grades().iter().map(u8::to_string).collect();
        f.write_str(&text.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_and_membership() {
        let all = GradeSet::all();
        assert_eq!(all.grades(), (1..=11).collect::<Vec<_>>());
        assert!(all.is_all() && !all.contains(0) && !all.contains(12));
        assert!(!all.contains(u8::MAX));
        assert_eq!(GradeSet::default(), all);
        let some = GradeSet::new(&[9, 1]).unwrap();
        assert!(!some.is_all());
        assert_eq!(some.to_string(), "1, 9");
    }

    #[test]
    fn refuses_bad_grades() {
        for bad in [0, 12, 200] {
            let e = GradeSet::new(&[1, bad]).unwrap_err();
            assert_eq!(e.code(), "calendar.invalid_grade");
            assert_eq!(e.to_string(), format!("grade {bad} is outside 1..=11"));
        }
        assert_eq!(
            GradeSet::new(&[]).unwrap_err().code(),
            "calendar.empty_grade_set"
        );
    }

    #[test]
    fn serde_validates() {
        let g = GradeSet::new(&[2, 1]).unwrap();
        assert_eq!(serde_json::to_string(&g).unwrap(), "[1,2]");
        assert_eq!(serde_json::from_str::<GradeSet>("[1,2]").unwrap(), g);
        assert!(serde_json::from_str::<GradeSet>("[]").is_err());
        assert!(serde_json::from_str::<GradeSet>("[12]").is_err());
    }
}
