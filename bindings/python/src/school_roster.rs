//! The administrator's roster operations and the assessment-load check
//! through `School`: classes, students, parents and their links,
//! enrolments — each an audited write with the acting person.

use chrono::NaiveDate;
use pyo3::prelude::*;
use zhurnal::Error;
use zhurnal::assessment_load::LoadPolicy;
use zhurnal::ids::{ClassId, ParentId, StudentId, TeacherId};
use zhurnal::organisation::{
    Class, ClassName, Enrolment, Parent, ParentLink, PersonName, RelationKind, Student,
};

use crate::conversions::date_from_py;
use crate::enums::RELATION;
use crate::errors::to_py;
use crate::people::{Actor, Edit};
use crate::school::School;
use crate::values::code_from_py;

fn name(last: &str, first: &str, patronymic: Option<&str>) -> PyResult<PersonName> {
    PersonName::new(last, first, patronymic).map_err(|e| to_py(Error::from(e)))
}

#[pymethods]
impl School {
    /// Adds a class (`name` such as `"5А"`), with its class teacher.
    #[pyo3(signature = (edit, id, name, class_teacher=None))]
    fn add_class(
        &self,
        py: Python<'_>,
        edit: Edit,
        id: u32,
        name: &str,
        class_teacher: Option<u32>,
    ) -> PyResult<()> {
        let name = ClassName::parse(name).map_err(|e| to_py(Error::from(e)))?;
        let class = Class::new(ClassId::new(id), name, class_teacher.map(TeacherId::new));
        self.write(py, |j| j.add_class(&edit.inner, class))
    }

    /// Adds a student.
    #[pyo3(signature = (edit, id, last_name, first_name, birth_date, patronymic=None))]
    #[allow(clippy::too_many_arguments)] // the Python signature is the API
    fn add_student(
        &self,
        py: Python<'_>,
        edit: Edit,
        id: u32,
        last_name: &str,
        first_name: &str,
        birth_date: &Bound<'_, PyAny>,
        patronymic: Option<&str>,
    ) -> PyResult<()> {
        let birth = date_from_py(birth_date, "birth_date")?;
        let student = Student::new(
            StudentId::new(id),
            name(last_name, first_name, patronymic)?,
            birth,
        );
        self.write(py, |j| j.add_student(&edit.inner, student))
    }

    /// Adds a parent or legal representative, with the contacts they gave.
    #[pyo3(signature = (edit, id, last_name, first_name, patronymic=None, *, phone=None, email=None))]
    #[allow(clippy::too_many_arguments)] // the Python signature is the API
    fn add_parent(
        &self,
        py: Python<'_>,
        edit: Edit,
        id: u32,
        last_name: &str,
        first_name: &str,
        patronymic: Option<&str>,
        phone: Option<&str>,
        email: Option<&str>,
    ) -> PyResult<()> {
        let parent = Parent::new(
            ParentId::new(id),
            name(last_name, first_name, patronymic)?,
            phone,
            email,
        )
        .map_err(|e| to_py(Error::from(e)))?;
        self.write(py, |j| j.add_parent(&edit.inner, parent))
    }

    /// Links a parent to a student (`relation`: a `Relation` or its value,
    /// `"mother"`).
    fn link_parent(
        &self,
        py: Python<'_>,
        edit: Edit,
        parent: u32,
        student: u32,
        relation: &Bound<'_, PyAny>,
    ) -> PyResult<()> {
        let relation: RelationKind = code_from_py(&RELATION, relation)?;
        let link = ParentLink {
            parent: ParentId::new(parent),
            student: StudentId::new(student),
            relation,
        };
        self.write(py, |j| j.link_parent(&edit.inner, link))
    }

    /// Enrols a student in a class from `start` (until `end`, if given).
    #[pyo3(signature = (edit, student, class_id, start, end=None))]
    fn enrol(
        &self,
        py: Python<'_>,
        edit: Edit,
        student: u32,
        class_id: u32,
        start: &Bound<'_, PyAny>,
        end: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<()> {
        let start = date_from_py(start, "start")?;
        let end: Option<NaiveDate> = end.map(|e| date_from_py(e, "end")).transpose()?;
        let enrolment = Enrolment::new(StudentId::new(student), ClassId::new(class_id), start, end)
            .map_err(|e| to_py(Error::from(e)))?;
        self.write(py, |j| j.enrol(&edit.inner, enrolment))
    }

    /// The assessment-load check of a class under the default policy (one
    /// assessment a day, none first or last with one hour a week, spacing
    /// per subject): each breach as `(rule code, dates)`, e.g.
    /// `("load.per_day", [date(2014, 10, 6)])`.
    fn load_check(
        &self,
        py: Python<'_>,
        actor: Actor,
        class_id: u32,
    ) -> PyResult<Vec<(String, Vec<NaiveDate>)>> {
        let report = self.with(py, |h| {
            h.journal().assessment_load(
                &actor.inner,
                ClassId::new(class_id),
                &LoadPolicy::default(),
                &[],
            )
        })?;
        Ok(report
            .breaches
            .into_iter()
            .map(|b| (b.rule.code().to_owned(), b.dates))
            .collect())
    }
}
