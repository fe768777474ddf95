//! The rollout status report of a school on a date: as text (Russian), as
//! data (properties and JSON), and as the self-contained HTML page.

use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::types::PyAny;
use rust_decimal::Decimal;
use zhurnal::rollout;

use crate::records::{ApplicationCounts, ClassActivation};

/// The rollout status of one school on one date: the plan's stages and
/// tasks, applications, and activation against the targets. Built by
/// `School.rollout_report(date)`; every figure comes from the core.
#[pyclass(frozen, module = "zhurnal")]
pub(crate) struct RolloutReport {
    inner: rollout::RolloutReport,
}

impl RolloutReport {
    pub(crate) fn new(inner: rollout::RolloutReport) -> RolloutReport {
        RolloutReport { inner }
    }
}

#[pymethods]
impl RolloutReport {
    /// The report's date.
    #[getter]
    fn date(&self) -> NaiveDate {
        self.inner.date
    }

    /// The school's name.
    #[getter]
    fn school(&self) -> &str {
        &self.inner.school
    }

    /// The plan's title.
    #[getter]
    fn plan_title(&self) -> &str {
        &self.inner.plan_title
    }

    /// The heading of the current stage, if any.
    #[getter]
    fn current_stage(&self) -> Option<&str> {
        self.inner.current_stage.as_deref()
    }

    /// Parents in the activation denominator.
    #[getter]
    fn eligible(&self) -> u64 {
        self.inner.activation.count.eligible()
    }

    /// Of them, activated.
    #[getter]
    fn activated(&self) -> u64 {
        self.inner.activation.count.activated()
    }

    /// The school's share of activated parents, percent (`None` with no
    /// eligible parent).
    #[getter]
    fn share(&self) -> Option<Decimal> {
        self.inner.activation.share
    }

    /// Percentage points below the target band in force, when below.
    #[getter]
    fn current_gap(&self) -> Option<Decimal> {
        self.inner.current_gap
    }

    /// Per class, by class name.
    #[getter]
    fn classes(&self) -> Vec<ClassActivation> {
        self.inner
            .classes
            .iter()
            .map(ClassActivation::from)
            .collect()
    }

    /// Applications on the date.
    #[getter]
    fn applications(&self) -> ApplicationCounts {
        ApplicationCounts::from(&self.inner.applications)
    }

    /// The overdue tasks as `(task id, text, deadline text)`.
    #[getter]
    fn overdue(&self) -> Vec<(u32, String, String)> {
        tasks(&self.inner.overdue)
    }

    /// The tasks due within the window as `(task id, text, deadline
    /// text)`.
    #[getter]
    fn due_soon(&self) -> Vec<(u32, String, String)> {
        tasks(&self.inner.due_soon)
    }

    /// The report as plain text in Russian.
    fn to_text(&self) -> String {
        self.inner.to_text()
    }

    /// The report as JSON (decimals as strings, dates ISO), every field.
    fn to_json(&self) -> PyResult<String> {
        serde_json::to_string_pretty(&self.inner)
            .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))
    }

    /// The report as a dict (`json.loads(self.to_json())`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let text = self.to_json()?;
        py.import("json")?.call_method1("loads", (text,))
    }

    /// The report as one self-contained HTML page (inline CSS and SVG, no
    /// scripts), printable on A4.
    fn to_html(&self) -> String {
        self.inner.to_html()
    }

    fn __str__(&self) -> String {
        self.inner.to_text()
    }

    fn __repr__(&self) -> String {
        format!(
            "RolloutReport(school={:?}, date={}, share={})",
            self.inner.school,
            self.inner.date,
            self.inner
                .activation
                .share
                .map_or_else(|| "None".to_owned(), |s| s.to_string())
        )
    }
}

fn tasks(lines: &[rollout::TaskLine]) -> Vec<(u32, String, String)> {
    lines
        .iter()
        .map(|t| (t.id.get(), t.text.clone(), t.deadline.to_string()))
        .collect()
}
