//! The school and its classes, subgroups, subjects, teachers and students.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::error::required_text;
use super::{ClassName, OrganisationError, PersonName};
use crate::ids::{ClassId, SchoolId, StudentId, SubgroupId, TeacherId};

/// The school (educational organisation) itself.
///
/// # Example
/// ```
/// use zhurnal::ids::SchoolId;
/// use zhurnal::organisation::SchoolInfo;
/// let school = SchoolInfo::new(SchoolId::new(17), "Гимназия № 17")?;
/// assert_eq!(school.name(), "Гимназия № 17");
/// # Ok::<(), zhurnal::organisation::OrganisationError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "SchoolInfoFields")]
pub struct SchoolInfo {
    id: SchoolId,
    name: String,
}

#[derive(Deserialize)]
struct SchoolInfoFields {
    id: SchoolId,
    name: String,
}

impl TryFrom<SchoolInfoFields> for SchoolInfo {
    type Error = OrganisationError;
    fn try_from(f: SchoolInfoFields) -> Result<Self, Self::Error> {
        SchoolInfo::new(f.id, &f.name)
    }
}

impl SchoolInfo {
    /// A school with its name.
    ///
    /// # Errors
    /// [`OrganisationError::EmptyName`] / [`OrganisationError::InvalidName`].
    ///
    /// # Example
    /// ```
    /// use zhurnal::ids::SchoolId;
    /// use zhurnal::organisation::SchoolInfo;
    /// assert!(SchoolInfo::new(SchoolId::new(1), "").is_err());
    /// ```
    pub fn new(id: SchoolId, name: &str) -> Result<SchoolInfo, OrganisationError> {
        Ok(SchoolInfo {
            id,
            name: required_text("school name", name)?,
        })
    }

    /// The id.
    pub fn id(&self) -> SchoolId {
        self.id
    }

    /// The name.
    pub fn name(&self) -> &str {
        &self.name
    }
}

/// A class (`5А`) with its optional class teacher (классный руководитель).
///
/// # Example
/// ```
/// use zhurnal::ids::{ClassId, TeacherId};
/// use zhurnal::organisation::{Class, ClassName};
/// let class = Class::new(ClassId::new(1), ClassName::parse("5А")?, Some(TeacherId::new(3)));
/// assert_eq!(class.name().to_string(), "5А");
/// # Ok::<(), zhurnal::organisation::OrganisationError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Class {
    id: ClassId,
    name: ClassName,
    class_teacher: Option<TeacherId>,
}

impl Class {
    /// A class. The name is already valid, so this cannot fail.
    pub fn new(id: ClassId, name: ClassName, class_teacher: Option<TeacherId>) -> Class {
        Class {
            id,
            name,
            class_teacher,
        }
    }

    /// The id.
    pub fn id(&self) -> ClassId {
        self.id
    }

    /// The name.
    pub fn name(&self) -> ClassName {
        self.name
    }

    /// The class teacher, if appointed.
    pub fn class_teacher(&self) -> Option<TeacherId> {
        self.class_teacher
    }

    /// Appoints (or removes) the class teacher; the school checks the
    /// teacher exists.
    pub(crate) fn set_class_teacher(&mut self, teacher: Option<TeacherId>) {
        self.class_teacher = teacher;
    }
}

/// A subgroup of a class: e.g. «Английский, группа 1».
///
/// # Example
/// ```
/// use zhurnal::ids::{ClassId, SubgroupId};
/// use zhurnal::organisation::Subgroup;
/// let g = Subgroup::new(SubgroupId::new(1), ClassId::new(1), "Английский, группа 1")?;
/// assert_eq!(g.class(), ClassId::new(1));
/// # Ok::<(), zhurnal::organisation::OrganisationError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "SubgroupFields")]
pub struct Subgroup {
    id: SubgroupId,
    class: ClassId,
    name: String,
}

#[derive(Deserialize)]
struct SubgroupFields {
    id: SubgroupId,
    class: ClassId,
    name: String,
}

impl TryFrom<SubgroupFields> for Subgroup {
    type Error = OrganisationError;
    fn try_from(f: SubgroupFields) -> Result<Self, Self::Error> {
        Subgroup::new(f.id, f.class, &f.name)
    }
}

impl Subgroup {
    /// A subgroup of `class`.
    ///
    /// # Errors
    /// [`OrganisationError::EmptyName`] / [`OrganisationError::InvalidName`].
    ///
    /// # Example
    /// ```
    /// use zhurnal::ids::{ClassId, SubgroupId};
    /// use zhurnal::organisation::Subgroup;
    /// let e = Subgroup::new(SubgroupId::new(1), ClassId::new(1), " ").unwrap_err();
    /// assert_eq!(e.code(), "organisation.empty_name");
    /// ```
    pub fn new(id: SubgroupId, class: ClassId, name: &str) -> Result<Subgroup, OrganisationError> {
        Ok(Subgroup {
            id,
            class,
            name: required_text("subgroup name", name)?,
        })
    }

    /// The id.
    pub fn id(&self) -> SubgroupId {
        self.id
    }

    /// The class it divides.
    pub fn class(&self) -> ClassId {
        self.class
    }

    /// The name.
    pub fn name(&self) -> &str {
        &self.name
    }
}

/// A teacher (or another member of staff who teaches).
///
/// # Example
/// ```
/// use zhurnal::ids::TeacherId;
/// use zhurnal::organisation::{PersonName, Teacher};
/// let t = Teacher::new(TeacherId::new(1), PersonName::new("Сидорова", "Мария", Some("Петровна"))?);
/// assert_eq!(t.name().short(), "Сидорова М. П.");
/// # Ok::<(), zhurnal::organisation::OrganisationError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Teacher {
    id: TeacherId,
    name: PersonName,
}

impl Teacher {
    /// A teacher. The name is already valid, so this cannot fail.
    pub fn new(id: TeacherId, name: PersonName) -> Teacher {
        Teacher { id, name }
    }

    /// The id.
    pub fn id(&self) -> TeacherId {
        self.id
    }

    /// The name.
    pub fn name(&self) -> &PersonName {
        &self.name
    }
}

/// A student with their birth date.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use zhurnal::ids::StudentId;
/// use zhurnal::organisation::{PersonName, Student};
/// let born = NaiveDate::from_ymd_opt(2003, 9, 2).unwrap();
/// let s = Student::new(StudentId::new(1), PersonName::new("Орлов", "Пётр", None)?, born);
/// assert_eq!(s.age_on(NaiveDate::from_ymd_opt(2014, 9, 1).unwrap()), 10);
/// assert_eq!(s.age_on(NaiveDate::from_ymd_opt(2014, 9, 2).unwrap()), 11);
/// # Ok::<(), zhurnal::organisation::OrganisationError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Student {
    id: StudentId,
    name: PersonName,
    birth_date: NaiveDate,
}

impl Student {
    /// A student. The name is already valid, so this cannot fail.
    pub fn new(id: StudentId, name: PersonName, birth_date: NaiveDate) -> Student {
        Student {
            id,
            name,
            birth_date,
        }
    }

    /// The id.
    pub fn id(&self) -> StudentId {
        self.id
    }

    /// The name.
    pub fn name(&self) -> &PersonName {
        &self.name
    }

    /// The birth date.
    pub fn birth_date(&self) -> NaiveDate {
        self.birth_date
    }

    /// Age in full years on `date` (0 before the birth date). A person born
    /// on 29 February turns a year older on 1 March in common years.
    pub fn age_on(&self, date: NaiveDate) -> u32 {
        date.years_since(self.birth_date).unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::SubjectId;
    use crate::organisation::Subject;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn name() -> PersonName {
        PersonName::new("Иванов", "Иван", None).unwrap()
    }

    #[test]
    fn ages() {
        let s = Student::new(StudentId::new(1), name(), d(2004, 2, 29));
        assert_eq!(s.age_on(d(2004, 2, 29)), 0);
        assert_eq!(s.age_on(d(2003, 1, 1)), 0);
        assert_eq!(s.age_on(d(2018, 2, 28)), 13);
        assert_eq!(s.age_on(d(2018, 3, 1)), 14);
        assert_eq!(s.age_on(d(2020, 2, 29)), 16);
    }

    #[test]
    fn errors() {
        assert_eq!(
            SchoolInfo::new(SchoolId::new(1), " ").unwrap_err().code(),
            "organisation.empty_name"
        );
        assert_eq!(
            Subgroup::new(SubgroupId::new(1), ClassId::new(1), "")
                .unwrap_err()
                .code(),
            "organisation.empty_name"
        );
        let e = Subject::new(SubjectId::new(1), "", "М").unwrap_err();
        assert_eq!(e.to_string(), "subject name must not be empty");
        let e = Subject::new(SubjectId::new(1), "Математика", " ").unwrap_err();
        assert_eq!(e.to_string(), "subject short name must not be empty");
    }

    #[test]
    fn class_teacher_can_change() {
        let mut c = Class::new(ClassId::new(1), ClassName::parse("5А").unwrap(), None);
        c.set_class_teacher(Some(TeacherId::new(2)));
        assert_eq!(c.class_teacher(), Some(TeacherId::new(2)));
    }

    #[test]
    fn serde_round_trips_and_validates() {
        let school = SchoolInfo::new(SchoolId::new(17), "Гимназия № 17").unwrap();
        let json = serde_json::to_string(&school).unwrap();
        assert_eq!(serde_json::from_str::<SchoolInfo>(&json).unwrap(), school);
        assert!(serde_json::from_str::<SchoolInfo>(r#"{"id":1,"name":""}"#).is_err());

        let class = Class::new(ClassId::new(1), ClassName::parse("5А").unwrap(), None);
        let json = serde_json::to_string(&class).unwrap();
        assert_eq!(json, r#"{"id":1,"name":"5А","class_teacher":null}"#);
        assert_eq!(serde_json::from_str::<Class>(&json).unwrap(), class);
        assert!(
            serde_json::from_str::<Class>(r#"{"id":1,"name":"5Ъ","class_teacher":null}"#).is_err()
        );

        let g = Subgroup::new(SubgroupId::new(2), ClassId::new(1), "Группа 1").unwrap();
        let json = serde_json::to_string(&g).unwrap();
        assert_eq!(serde_json::from_str::<Subgroup>(&json).unwrap(), g);
        assert!(serde_json::from_str::<Subgroup>(r#"{"id":1,"class":1,"name":" "}"#).is_err());

        let s = Subject::new(SubjectId::new(3), "Математика", "Матем.").unwrap();
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(serde_json::from_str::<Subject>(&json).unwrap(), s);
        assert!(serde_json::from_str::<Subject>(r#"{"id":1,"name":"М","short_name":""}"#).is_err());

        let t = Teacher::new(TeacherId::new(4), name());
        let json = serde_json::to_string(&t).unwrap();
        assert_eq!(serde_json::from_str::<Teacher>(&json).unwrap(), t);
        assert!(
            serde_json::from_str::<Teacher>(r#"{"id":1,"name":{"last":"","first":"И"}}"#).is_err()
        );

        let music = |h: &str| {
            Subject::with_hours_per_week(SubjectId::new(3), "Музыка", "М", h.parse().unwrap())
        };
        let s = music("0.50").unwrap();
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(
            json,
            r#"{"id":3,"name":"Музыка","short_name":"М","hours_per_week":"0.5"}"#
        );
        assert_eq!(serde_json::from_str::<Subject>(&json).unwrap(), s);
        for bad in ["0", "40.5"] {
            assert!(serde_json::from_str::<Subject>(&json.replace("0.5", bad)).is_err());
            let e = music(bad).unwrap_err();
            assert_eq!(e.code(), "organisation.invalid_hours_per_week");
        }
        assert!(music("40").is_ok());

        let st = Student::new(StudentId::new(5), name(), d(2004, 5, 6));
        let json = serde_json::to_string(&st).unwrap();
        assert_eq!(serde_json::from_str::<Student>(&json).unwrap(), st);
    }
}
