//! The NetSchool diary payload from Python, through the core's
//! `interop::netschool`: `zhurnal.netschool.diary_week(payload, types)`.

use chrono::NaiveDate;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};
use zhurnal::Error;
use zhurnal::ids::StudentId;
use zhurnal::interop::netschool::{self, AssignmentTypes, WeekContext};
use zhurnal::organisation::PersonName;

use crate::conversions::date_from_py;
use crate::diary::DiaryWeek;
use crate::errors::to_py;

/// An imported week: the diary week, the assignment type ids the table
/// did not have, and how many marks had a hidden weight (counted as 1).
#[pyclass(frozen, get_all, module = "zhurnal.netschool")]
pub(crate) struct NetSchoolWeek {
    week: DiaryWeek,
    unknown_types: Vec<u32>,
    hidden_weights: u32,
}

#[pymethods]
impl NetSchoolWeek {
    fn __repr__(&self) -> String {
        format!(
            "NetSchoolWeek(monday={}, unknown_types={:?}, hidden_weights={})",
            self.week.monday(),
            self.unknown_types,
            self.hidden_weights
        )
    }
}

/// The server's assignment types: its JSON text, a mapping `{id: name}`
/// or pairs `(id, name)`.
fn types_from_py(types: &Bound<'_, PyAny>) -> PyResult<AssignmentTypes> {
    if let Ok(text) = types.cast::<PyString>() {
        return AssignmentTypes::from_json(&text.to_cow()?).map_err(to_py);
    }
    let pairs: Vec<(u32, String)> = if let Ok(map) = types.cast::<PyDict>() {
        map.items().extract()?
    } else {
        types
            .try_iter()
            .map_err(|_| {
                PyTypeError::new_err(
                    "types must be the server's JSON text, a dict {id: name} or (id, name) pairs",
                )
            })?
            .map(|item| item?.extract::<(u32, String)>())
            .collect::<PyResult<_>>()?
    };
    Ok(AssignmentTypes::from_pairs(pairs))
}

/// Reads a `student/diary` payload (its JSON text) with the server's
/// assignment types. The payload names neither the student nor the day:
/// `student` and `name` ("Фамилия Имя [Отчество]") are shown as the
/// week's, `today` (default: the Monday of the week) as its day.
#[pyfunction]
#[pyo3(signature = (payload, types, *, student = 0, name = "Ученик —", today = None))]
pub(crate) fn netschool_diary_week(
    py: Python<'_>,
    payload: &str,
    types: &Bound<'_, PyAny>,
    student: u32,
    name: &str,
    today: Option<&Bound<'_, PyAny>>,
) -> PyResult<NetSchoolWeek> {
    let types = types_from_py(types)?;
    let mut words = name.split_whitespace();
    let (last, first) = (words.next().unwrap_or(""), words.next().unwrap_or("—"));
    let rest: Vec<&str> = words.collect();
    let patronymic = (!rest.is_empty()).then(|| rest.join(" "));
    let student_name =
        PersonName::new(last, first, patronymic.as_deref()).map_err(|e| to_py(Error::from(e)))?;
    let today = today.map(|t| date_from_py(t, "today")).transpose()?;
    let context = WeekContext {
        student: StudentId::new(student),
        student_name,
        today: today.unwrap_or(NaiveDate::MIN),
    };
    let imported = py
        .detach(|| netschool::diary_week(payload, &types, &context))
        .map_err(to_py)?;
    let mut week = imported.week;
    if today.is_none() {
        week.today = week.monday;
    }
    Ok(NetSchoolWeek {
        week: week.into(),
        unknown_types: imported.notes.unknown_types.into_iter().collect(),
        hidden_weights: imported.notes.hidden_weights,
    })
}
