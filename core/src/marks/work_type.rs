//! Work types (виды работ) and their default weights.

use serde::{Deserialize, Serialize};

use super::{MarkError, Weight};

/// A work type's code: 1–32 characters `a-z`, `0-9`, `_` (`homework`,
/// `control`). Ids of an external system (NetSchool's numeric type ids vary
/// by server) are mapped onto codes by the host, never assumed.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct WorkTypeCode(String);

impl WorkTypeCode {
    /// Validates a code.
    ///
    /// # Errors
    /// [`MarkError::InvalidWorkTypeCode`] for an empty, long or non-ASCII code.
    ///
    /// # Example
    /// ```
    /// use zhurnal::marks::WorkTypeCode;
    /// assert_eq!(WorkTypeCode::new("control")?.as_str(), "control");
    /// assert!(WorkTypeCode::new("Контрольная").is_err());
    /// # Ok::<(), zhurnal::marks::MarkError>(())
    /// ```
    pub fn new(code: impl Into<String>) -> Result<WorkTypeCode, MarkError> {
        let code = code.into();
        let ok = !code.is_empty()
            && code.len() <= 32
            && code
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if ok {
            Ok(WorkTypeCode(code))
        } else {
            Err(MarkError::InvalidWorkTypeCode { code })
        }
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for WorkTypeCode {
    type Error = MarkError;
    fn try_from(code: String) -> Result<Self, Self::Error> {
        WorkTypeCode::new(code)
    }
}

impl From<WorkTypeCode> for String {
    fn from(code: WorkTypeCode) -> String {
        code.0
    }
}

impl std::fmt::Display for WorkTypeCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A kind of work a mark is given for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "WorkTypeFields")]
pub struct WorkType {
    code: WorkTypeCode,
    name: String,
    abbreviation: String,
    default_weight: Weight,
    assessment: bool,
    mandatory: bool,
}

#[derive(Deserialize)]
struct WorkTypeFields {
    code: WorkTypeCode,
    name: String,
    abbreviation: String,
    default_weight: Weight,
    assessment: bool,
    mandatory: bool,
}

impl TryFrom<WorkTypeFields> for WorkType {
    type Error = MarkError;
    fn try_from(f: WorkTypeFields) -> Result<Self, Self::Error> {
        let mut t = WorkType::new(f.code, &f.name, &f.abbreviation, f.default_weight)?;
        t.assessment = f.assessment;
        t.mandatory = f.mandatory;
        Ok(t)
    }
}

impl WorkType {
    /// A work type that is neither an assessment procedure nor mandatory;
    /// see [`WorkType::as_assessment`] and [`WorkType::as_mandatory`].
    ///
    /// # Errors
    /// [`MarkError::EmptyWorkTypeName`] when the name is blank.
    ///
    /// # Example
    /// ```
    /// use zhurnal::marks::{WorkType, WorkTypeCode, Weight};
    /// let essay = WorkType::new(WorkTypeCode::new("essay")?, "Сочинение", "Ч", "2".parse()?)?
    ///     .as_mandatory();
    /// assert!(essay.is_mandatory());
    /// # Ok::<(), zhurnal::marks::MarkError>(())
    /// ```
    pub fn new(
        code: WorkTypeCode,
        name: &str,
        abbreviation: &str,
        default_weight: Weight,
    ) -> Result<WorkType, MarkError> {
        if name.trim().is_empty() {
            return Err(MarkError::EmptyWorkTypeName {
                code: code.to_string(),
            });
        }
        Ok(WorkType {
            code,
            name: name.trim().to_owned(),
            abbreviation: abbreviation.trim().to_owned(),
            default_weight,
            assessment: false,
            mandatory: false,
        })
    }

    /// Marks the type as an assessment procedure (оценочная процедура: a
    /// control, verification or diagnostic work of the whole class), which
    /// the assessment-load check counts.
    pub fn as_assessment(mut self) -> WorkType {
        self.assessment = true;
        self
    }

    /// Marks the type as mandatory: a missing mark after its due date is
    /// overdue work in the diary.
    pub fn as_mandatory(mut self) -> WorkType {
        self.mandatory = true;
        self
    }

    /// The code.
    pub fn code(&self) -> &WorkTypeCode {
        &self.code
    }
    /// The Russian name («Контрольная работа»).
    pub fn name(&self) -> &str {
        &self.name
    }
    /// The short form of the legacy journal («К»).
    pub fn abbreviation(&self) -> &str {
        &self.abbreviation
    }
    /// The weight a mark of this type gets unless overridden.
    pub fn default_weight(&self) -> Weight {
        self.default_weight
    }
    /// Whether this is an assessment procedure for the load check.
    pub fn is_assessment(&self) -> bool {
        self.assessment
    }
    /// Whether a missing mark past the due date is overdue work.
    pub fn is_mandatory(&self) -> bool {
        self.mandatory
    }
}

/// The work types a school uses, in display order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Vec<WorkType>", into = "Vec<WorkType>")]
pub struct WorkTypeCatalogue {
    types: Vec<WorkType>,
}

impl Default for WorkTypeCatalogue {
    /// NetSchool's usual catalogue; see [`WorkTypeCatalogue::netschool`].
    fn default() -> Self {
        WorkTypeCatalogue::netschool()
    }
}

impl WorkTypeCatalogue {
    /// An empty catalogue.
    pub fn empty() -> WorkTypeCatalogue {
        WorkTypeCatalogue { types: Vec::new() }
    }

    /// The usual NetSchool work types with Russian names, the legacy
    /// one-letter abbreviations and these default weights (a school changes
    /// them by its local act):
    ///
    /// | code | name | abbr. | weight | assessment | mandatory |
    /// |---|---|---|---|---|---|
    /// | answer | Ответ на уроке | О | 1 | | |
    /// | classwork | Работа на уроке | У | 1 | | |
    /// | homework | Домашнее задание | Д | 1 | | yes |
    /// | practical | Практическая работа | А | 1.5 | | yes |
    /// | independent | Самостоятельная работа | С | 1.5 | | yes |
    /// | test | Тестирование | Т | 1.5 | | yes |
    /// | dictation | Диктант | Н | 1.5 | | yes |
    /// | laboratory | Лабораторная работа | Л | 1.5 | | yes |
    /// | report | Реферат | Р | 1.5 | | yes |
    /// | essay | Сочинение | Ч | 2 | | yes |
    /// | retelling | Изложение | И | 2 | | yes |
    /// | project | Проект | П | 2 | | yes |
    /// | credit | Зачёт | З | 2 | | yes |
    /// | verification | Проверочная работа | В | 2 | yes | yes |
    /// | control | Контрольная работа | К | 3 | yes | yes |
    /// | diagnostic | Диагностическая работа | Г | 3 | yes | yes |
    /// | exam | Экзамен | Э | 3 | yes | yes |
    pub fn netschool() -> WorkTypeCatalogue {
        // (code, name, abbreviation, weight in tenths, assessment, mandatory)
        const TABLE: [(&str, &str, &str, i64, bool, bool); 17] = [
            ("answer", "Ответ на уроке", "О", 10, false, false),
            ("classwork", "Работа на уроке", "У", 10, false, false),
            ("homework", "Домашнее задание", "Д", 10, false, true),
            ("practical", "Практическая работа", "А", 15, false, true),
            (
                "independent",
                "Самостоятельная работа",
                "С",
                15,
                false,
                true,
            ),
            ("test", "Тестирование", "Т", 15, false, true),
            ("dictation", "Диктант", "Н", 15, false, true),
            ("laboratory", "Лабораторная работа", "Л", 15, false, true),
            ("report", "Реферат", "Р", 15, false, true),
            ("essay", "Сочинение", "Ч", 20, false, true),
            ("retelling", "Изложение", "И", 20, false, true),
            ("project", "Проект", "П", 20, false, true),
            ("credit", "Зачёт", "З", 20, false, true),
            ("verification", "Проверочная работа", "В", 20, true, true),
            ("control", "Контрольная работа", "К", 30, true, true),
            ("diagnostic", "Диагностическая работа", "Г", 30, true, true),
            ("exam", "Экзамен", "Э", 30, true, true),
        ];
        let types = TABLE
            .iter()
            .map(
                |&(code, name, abbr, tenths, assessment, mandatory)| WorkType {
                    code: WorkTypeCode(code.to_owned()),
                    name: name.to_owned(),
                    abbreviation: abbr.to_owned(),
                    default_weight: Weight::from_tenths(tenths),
                    assessment,
                    mandatory,
                },
            )
            .collect();
        WorkTypeCatalogue { types }
    }

    /// Adds a work type.
    ///
    /// # Errors
    /// [`MarkError::DuplicateWorkType`] when the code is already there; the
    /// catalogue is unchanged.
    ///
    /// # Example
    /// ```
    /// use zhurnal::marks::{WorkType, WorkTypeCatalogue, WorkTypeCode};
    /// let mut catalogue = WorkTypeCatalogue::netschool();
    /// let reading = WorkType::new(WorkTypeCode::new("reading")?, "Чтение наизусть", "Ч", "1".parse()?)?;
    /// catalogue.add(reading.clone())?;
    /// assert!(catalogue.add(reading).is_err());
    /// # Ok::<(), zhurnal::marks::MarkError>(())
    /// ```
    pub fn add(&mut self, work_type: WorkType) -> Result<(), MarkError> {
        if self.get(work_type.code()).is_some() {
            return Err(MarkError::DuplicateWorkType {
                code: work_type.code().to_string(),
            });
        }
        self.types.push(work_type);
        Ok(())
    }

    /// Changes the default weight of a type (the school's local act).
    ///
    /// # Errors
    /// [`MarkError::UnknownWorkType`] when the catalogue has no such type.
    ///
    /// # Example
    /// ```
    /// use zhurnal::marks::{WorkTypeCatalogue, WorkTypeCode};
    /// let mut catalogue = WorkTypeCatalogue::netschool();
    /// let control = WorkTypeCode::new("control")?;
    /// catalogue.set_default_weight(&control, "4".parse()?)?;
    /// assert_eq!(catalogue.require(&control)?.default_weight().to_string(), "4");
    /// # Ok::<(), zhurnal::marks::MarkError>(())
    /// ```
    pub fn set_default_weight(
        &mut self,
        code: &WorkTypeCode,
        weight: Weight,
    ) -> Result<(), MarkError> {
        let found = self
            .types
            .iter_mut()
            .find(|t| &t.code == code)
            .ok_or_else(|| MarkError::UnknownWorkType {
                code: code.to_string(),
            })?;
        found.default_weight = weight;
        Ok(())
    }

    /// The type with this code, if any.
    pub fn get(&self, code: &WorkTypeCode) -> Option<&WorkType> {
        self.types.iter().find(|t| &t.code == code)
    }

    /// The type with this code.
    ///
    /// # Errors
    /// [`MarkError::UnknownWorkType`] when there is none.
    ///
    /// # Example
    /// ```
    /// use zhurnal::marks::{WorkTypeCatalogue, WorkTypeCode};
    /// let catalogue = WorkTypeCatalogue::netschool();
    /// assert_eq!(catalogue.require(&WorkTypeCode::new("homework")?)?.name(), "Домашнее задание");
    /// # Ok::<(), zhurnal::marks::MarkError>(())
    /// ```
    pub fn require(&self, code: &WorkTypeCode) -> Result<&WorkType, MarkError> {
        self.get(code).ok_or_else(|| MarkError::UnknownWorkType {
            code: code.to_string(),
        })
    }

    /// All types in display order.
    pub fn types(&self) -> &[WorkType] {
        &self.types
    }
}

impl TryFrom<Vec<WorkType>> for WorkTypeCatalogue {
    type Error = MarkError;
    fn try_from(types: Vec<WorkType>) -> Result<Self, Self::Error> {
        let mut catalogue = WorkTypeCatalogue::empty();
        for t in types {
            catalogue.add(t)?;
        }
        Ok(catalogue)
    }
}

impl From<WorkTypeCatalogue> for Vec<WorkType> {
    fn from(catalogue: WorkTypeCatalogue) -> Vec<WorkType> {
        catalogue.types
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(s: &str) -> WorkTypeCode {
        WorkTypeCode::new(s).unwrap()
    }

    #[test]
    fn default_catalogue() {
        let c = WorkTypeCatalogue::default();
        assert_eq!(c.types().len(), 17);
        let control = c.require(&code("control")).unwrap();
        assert_eq!(control.name(), "Контрольная работа");
        assert_eq!(control.abbreviation(), "К");
        assert_eq!(control.default_weight().to_string(), "3");
        assert!(control.is_assessment());
        let answer = c.require(&code("answer")).unwrap();
        assert!(!answer.is_mandatory() && !answer.is_assessment());
        assert_eq!(
            c.require(&code("test"))
                .unwrap()
                .default_weight()
                .to_string(),
            "1.5"
        );
        assert_eq!(
            c.require(&code("nope")).unwrap_err().code(),
            "mark.unknown_work_type"
        );
    }

    #[test]
    fn codes_are_validated() {
        assert!(WorkTypeCode::new("").is_err());
        assert!(WorkTypeCode::new("Control").is_err());
        assert!(WorkTypeCode::new("a".repeat(33)).is_err());
        assert!(serde_json::from_str::<WorkTypeCode>(r#""bad code""#).is_err());
    }

    #[test]
    fn blank_name_refused() {
        let e = WorkType::new(code("x"), "  ", "", Weight::ONE).unwrap_err();
        assert_eq!(e.code(), "mark.empty_work_type_name");
    }

    #[test]
    fn catalogue_round_trip_and_duplicates() {
        let c = WorkTypeCatalogue::netschool();
        let json = serde_json::to_string(&c).unwrap();
        let back: WorkTypeCatalogue = serde_json::from_str(&json).unwrap();
        assert_eq!(back, c);
        let mut list: Vec<WorkType> = c.into();
        list.push(list[0].clone());
        let json = serde_json::to_string(&list).unwrap();
        assert!(serde_json::from_str::<WorkTypeCatalogue>(&json).is_err());
    }

    #[test]
    fn unknown_weight_override_changes_nothing() {
        let mut c = WorkTypeCatalogue::netschool();
        let before = c.clone();
        assert!(c.set_default_weight(&code("nope"), Weight::ONE).is_err());
        assert_eq!(c, before);
    }
}
