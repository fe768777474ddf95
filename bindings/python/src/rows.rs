//! The reports' typed rows: frozen value classes with `__repr__`,
//! `__eq__` and `__hash__`.

use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::types::PyDate;
use rust_decimal::Decimal;
use zhurnal::activation::BandStatus;
use zhurnal::marks::PeriodMark;
use zhurnal::region::{self, ReportScope};

use crate::conversions::{date_to_py, decimal_to_py};
use crate::enums::BAND_STATUS;

/// One row of the activation report.
#[pyclass(frozen, eq, hash, module = "zhurnal")]
#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) struct ActivationRow {
    checkpoint: NaiveDate,
    school_id: Option<u32>,
    eligible: u64,
    activated: u64,
    share: Option<Decimal>,
    status: Option<BandStatus>,
}

pub(crate) fn activation_row(r: &region::ActivationRow) -> ActivationRow {
    ActivationRow {
        checkpoint: r.checkpoint,
        school_id: match r.scope {
            ReportScope::School(id) => Some(id.get()),
            ReportScope::Region => None,
        },
        eligible: r.count.eligible(),
        activated: r.count.activated(),
        share: r.share,
        status: r.status,
    }
}

#[pymethods]
impl ActivationRow {
    /// The checkpoint's date.
    #[getter]
    fn checkpoint<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDate>> {
        date_to_py(py, self.checkpoint)
    }

    /// The school, or `None` for the whole region (`all`).
    #[getter]
    fn school_id(&self) -> Option<u32> {
        self.school_id
    }

    /// Eligible parents.
    #[getter]
    fn eligible(&self) -> u64 {
        self.eligible
    }

    /// Eligible parents activated on or before the checkpoint.
    #[getter]
    fn activated(&self) -> u64 {
        self.activated
    }

    /// The share in percent, two places; `None` with no eligible parent.
    #[getter]
    fn share<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.share.map(|d| decimal_to_py(py, d)).transpose()
    }

    /// The share against the band; `None` with no share (`na`).
    #[getter]
    fn status<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.status
            .map(|s| BAND_STATUS.member(py, s.as_str()))
            .transpose()
    }

    fn __repr__(&self) -> String {
        format!(
            "ActivationRow(checkpoint={}, school_id={}, eligible={}, activated={}, share={}, status={})",
            self.checkpoint,
            self.school_id
                .map_or_else(|| "None".to_owned(), |s| s.to_string()),
            self.eligible,
            self.activated,
            self.share
                .map_or_else(|| "None".to_owned(), |d| format!("Decimal('{d}')")),
            self.status
                .map_or_else(|| "None".to_owned(), |s| format!("'{}'", s.as_str())),
        )
    }
}

/// One row of the term-grades report.
#[pyclass(frozen, eq, hash, module = "zhurnal")]
#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) struct TermGradeRow {
    student_id: u32,
    subject_id: u32,
    term: String,
    n_marks: u32,
    avg: Decimal,
    term_mark: Option<u8>,
}

pub(crate) fn term_grade_row(r: &region::TermGradeRow) -> TermGradeRow {
    TermGradeRow {
        student_id: r.student.get(),
        subject_id: r.subject.get(),
        term: r.term.clone(),
        n_marks: r.marks,
        avg: r.average,
        term_mark: match r.term_mark {
            PeriodMark::Mark(p) => Some(p.get()),
            _ => None,
        },
    }
}

#[pymethods]
impl TermGradeRow {
    /// The student.
    #[getter]
    fn student_id(&self) -> u32 {
        self.student_id
    }

    /// The subject.
    #[getter]
    fn subject_id(&self) -> u32 {
        self.subject_id
    }

    /// The term's code (`Q1`).
    #[getter]
    fn term(&self) -> &str {
        &self.term
    }

    /// Marks in the term.
    #[getter]
    fn n_marks(&self) -> u32 {
        self.n_marks
    }

    /// The weighted average, HALF-UP to two places.
    #[getter]
    fn avg<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        decimal_to_py(py, self.avg)
    }

    /// The term mark; `None` when not attested (`na`).
    #[getter]
    fn term_mark(&self) -> Option<u8> {
        self.term_mark
    }

    fn __repr__(&self) -> String {
        format!(
            "TermGradeRow(student_id={}, subject_id={}, term='{}', n_marks={}, avg=Decimal('{}'), term_mark={})",
            self.student_id,
            self.subject_id,
            self.term,
            self.n_marks,
            self.avg,
            self.term_mark
                .map_or_else(|| "None".to_owned(), |m| m.to_string()),
        )
    }
}
