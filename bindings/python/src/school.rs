//! The school's one handle as the Python class `School`: the journal, the
//! application registry and the rollout plan, shared safely between
//! threads. Every call takes the handle's lock with the GIL released, so
//! a read sees every write made before it whole, and other Python threads
//! run meanwhile. Each operation names who makes it (an `Actor` for reads,
//! an `Edit` for writes); the core decides access.

use std::path::PathBuf;
use std::sync::Mutex;

use pyo3::prelude::*;
use zhurnal::Error;
use zhurnal::calendar::TermCode;
use zhurnal::demo::{DemoConfig, demo_rollout};
use zhurnal::handle::SchoolHandle;
use zhurnal::ids::StudentId;
use zhurnal::journal::{Journal, TargetQuery};
use zhurnal::marks::{MarkValue, Points, Weight, WorkTypeCode};

use crate::conversions::{date_from_py, decimal_from_py};
use crate::diary::DiaryWeek;
use crate::errors::{record_state, to_py};
use crate::people::Actor;
use crate::records::{AttendanceSummary, TargetAnswer, TermMarks};

/// One school's journal, application registry and rollout plan (or one
/// person's read-only export).
#[pyclass(frozen, module = "zhurnal")]
pub(crate) struct School {
    inner: Mutex<SchoolHandle>,
}

impl School {
    pub(crate) fn wrap(handle: SchoolHandle) -> School {
        School {
            inner: Mutex::new(handle),
        }
    }

    /// Runs `f` on the handle under its lock, with the GIL released.
    pub(crate) fn with<R: Send>(
        &self,
        py: Python<'_>,
        f: impl FnOnce(&mut SchoolHandle) -> Result<R, Error> + Send,
    ) -> PyResult<R> {
        let outcome = py.detach(|| match self.inner.lock() {
            Ok(mut handle) => Some(f(&mut handle)),
            Err(_) => None,
        });
        match outcome {
            Some(result) => result.map_err(to_py),
            None => Err(record_state(
                "py.handle_unavailable",
                "the school handle is unavailable after an earlier failure".to_owned(),
            )),
        }
    }

    /// Runs a write of the journal's audited API.
    pub(crate) fn write<R: Send>(
        &self,
        py: Python<'_>,
        f: impl FnOnce(&mut Journal) -> Result<R, Error> + Send,
    ) -> PyResult<R> {
        self.with(py, |h| f(h.journal_mut()?))
    }
}

pub(crate) fn work_type(code: &str) -> PyResult<WorkTypeCode> {
    WorkTypeCode::new(code).map_err(|e| to_py(Error::from(e)))
}

pub(crate) fn mark_value(text: &str) -> PyResult<MarkValue> {
    MarkValue::parse(text).map_err(|e| to_py(Error::from(e)))
}

pub(crate) fn weight(value: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Weight>> {
    value
        .map(|w| Weight::new(decimal_from_py(w, "weight")?).map_err(|e| to_py(Error::from(e))))
        .transpose()
}

fn points(value: u8) -> PyResult<Points> {
    Points::new(value).map_err(|e| to_py(Error::from(e)))
}

fn term(code: &str) -> PyResult<TermCode> {
    TermCode::parse(code).map_err(|e| to_py(Error::from(e)))
}

#[pymethods]
impl School {
    /// Reads a handle snapshot, an older journal or school snapshot, or a
    /// per-person export (read-only).
    #[staticmethod]
    fn from_json(py: Python<'_>, json: String) -> PyResult<School> {
        let handle = py
            .detach(|| SchoolHandle::from_json(&json))
            .map_err(to_py)?;
        Ok(School::wrap(handle))
    }

    /// Loads a snapshot file written by `save` (its checksum checked).
    #[staticmethod]
    fn load(py: Python<'_>, path: PathBuf) -> PyResult<School> {
        let handle = py.detach(|| SchoolHandle::load(&path)).map_err(to_py)?;
        Ok(School::wrap(handle))
    }

    /// A generated demo school on the embedded seed plan, with its
    /// applications and accounts through the autumn of 2014: `size` is
    /// `"tiny"` (11 classes of 3) or `"gymnasium"` (28 classes of 25).
    #[staticmethod]
    #[pyo3(signature = (seed=17, *, size="tiny"))]
    fn demo(py: Python<'_>, seed: u64, size: &str) -> PyResult<School> {
        let config = match size {
            "tiny" => DemoConfig::tiny(seed),
            "gymnasium" => DemoConfig::gymnasium17(seed),
            other => {
                return Err(pyo3::exceptions::PyValueError::new_err(format!(
                    "size must be \"tiny\" or \"gymnasium\", not {other:?}"
                )));
            }
        };
        let demo = py.detach(|| demo_rollout(&config)).map_err(to_py)?;
        Ok(School::wrap(SchoolHandle::from_parts(
            Journal::new(demo.school),
            demo.registry,
            demo.plan,
        )))
    }

    /// The handle as one JSON snapshot.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        self.with(py, |h| h.to_json())
    }

    /// Saves the snapshot to `path` atomically, with a checksum.
    fn save(&self, py: Python<'_>, path: PathBuf) -> PyResult<()> {
        self.with(py, |h| h.save(&path))
    }

    /// What `actor` (a parent or a student) may read on `on`, as JSON for
    /// a phone to keep offline; `School.from_json` reads it back.
    fn export_for(&self, py: Python<'_>, actor: Actor, on: &Bound<'_, PyAny>) -> PyResult<String> {
        let on = date_from_py(on, "on")?;
        self.with(py, |h| h.export_for(&actor.inner, on))
    }

    /// Whose export this is (`None` for a whole school).
    #[getter]
    fn export_person(&self, py: Python<'_>) -> PyResult<Option<Actor>> {
        self.with(py, |h| Ok(h.export_person().map(|inner| Actor { inner })))
    }

    /// The school's name.
    #[getter]
    fn name(&self, py: Python<'_>) -> PyResult<String> {
        self.with(py, |h| Ok(h.school().info().name().to_owned()))
    }

    // ---- the diary and the student's standing --------------------------

    /// A student's diary week containing `date`, read by `actor` on
    /// `today`.
    fn diary_week(
        &self,
        py: Python<'_>,
        actor: Actor,
        student: u32,
        date: &Bound<'_, PyAny>,
        today: &Bound<'_, PyAny>,
    ) -> PyResult<DiaryWeek> {
        let (date, today) = (date_from_py(date, "date")?, date_from_py(today, "today")?);
        let week = self.with(py, |h| {
            h.diary_week(&actor.inner, StudentId::new(student), date, today)
        })?;
        Ok(week.into())
    }

    /// A student's checked term marks per subject (`term` a core term
    /// code: `Q1`–`Q4` quarters, `T1`–`T3` trimesters, `S1`/`S2` halves,
    /// `Y` the year).
    fn term_marks(
        &self,
        py: Python<'_>,
        actor: Actor,
        student: u32,
        term: &str,
        today: &Bound<'_, PyAny>,
    ) -> PyResult<Vec<TermMarks>> {
        let (term, today) = (self::term(term)?, date_from_py(today, "today")?);
        let marks = self.with(py, |h| {
            h.term_marks(&actor.inner, StudentId::new(student), term, today)
        })?;
        Ok(marks.into_iter().map(TermMarks::from).collect())
    }

    /// A student's attendance from `start` to `end` (inclusive).
    fn student_attendance(
        &self,
        py: Python<'_>,
        actor: Actor,
        student: u32,
        start: &Bound<'_, PyAny>,
        end: &Bound<'_, PyAny>,
        today: &Bound<'_, PyAny>,
    ) -> PyResult<AttendanceSummary> {
        let start = date_from_py(start, "start")?;
        let end = date_from_py(end, "end")?;
        let today = date_from_py(today, "today")?;
        let summary = self.with(py, |h| {
            h.student_attendance(&actor.inner, StudentId::new(student), start, end, today)
        })?;
        Ok(summary.into())
    }

    /// "What do I need": the fewest new marks of `value` (points 1–5) and
    /// `weight` that bring the subject's period mark in `term` to
    /// `target`, counting lessons left from `today`.
    #[pyo3(signature = (actor, student, *, subject, term, target, value, weight, today))]
    #[allow(clippy::too_many_arguments)]
    fn what_do_i_need(
        &self,
        py: Python<'_>,
        actor: Actor,
        student: u32,
        subject: u32,
        term: &str,
        target: u8,
        value: u8,
        weight: &Bound<'_, PyAny>,
        today: &Bound<'_, PyAny>,
    ) -> PyResult<TargetAnswer> {
        let today = date_from_py(today, "today")?;
        let query = TargetQuery {
            subject: zhurnal::ids::SubjectId::new(subject),
            term: self::term(term)?,
            target: points(target)?,
            value: points(value)?,
            weight: Weight::new(decimal_from_py(weight, "weight")?)
                .map_err(|e| to_py(Error::from(e)))?,
            today: Some(today),
        };
        let outcome = self.with(py, |h| {
            h.what_do_i_need(&actor.inner, StudentId::new(student), &query, today)
        })?;
        Ok(outcome.into())
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        self.with(py, |h| {
            Ok(format!(
                "School(name={:?}, students={}, export_person={})",
                h.school().info().name(),
                h.school().students().len(),
                h.export_person()
                    .map_or_else(|| "None".to_owned(), |a| a.to_string())
            ))
        })
    }
}
