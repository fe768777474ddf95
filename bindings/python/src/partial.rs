//! Partial results of the term-grades report, for regions read in pieces
//! (Dask partitions, byte ranges): `report.to_partial()` on each piece,
//! `.to_bytes()` to ship it (and pickling, through the same bytes),
//! `.merge(other)` in any order, `.finish()` for the report one pass over
//! the whole region gives; the same for the activation report (read with
//! `parent_ids=True`, so that a parent in two pieces is found). The rules
//! are the core's; this only converts.

use pyo3::prelude::*;
use pyo3::types::{PyAny, PyBytes, PyTuple};
use zhurnal::region::{
    ActivationPartial as CoreActivationPartial, TermGradesPartial as CorePartial,
};

use crate::errors::to_py;
use crate::options::{PeriodMarkPolicy, activation_options, term_grades_options};
use crate::reports::{ActivationReport, TermGradesReport};

/// Sums of the term-grades report over some rows of a region.
#[pyclass(frozen, eq, module = "zhurnal")]
#[derive(PartialEq)]
pub(crate) struct TermGradesPartial {
    inner: CorePartial,
}

#[pymethods]
impl TermGradesPartial {
    /// The partial of no rows, for the given terms and subject limit.
    #[staticmethod]
    #[pyo3(signature = (*, terms = None, max_subject = None))]
    fn empty(terms: Option<&Bound<'_, PyAny>>, max_subject: Option<u32>) -> PyResult<Self> {
        let options = term_grades_options(terms, None, max_subject, None, false)?;
        Ok(TermGradesPartial {
            inner: CorePartial::empty(&options),
        })
    }

    /// A partial from `to_bytes()`.
    #[staticmethod]
    fn from_bytes(data: &[u8]) -> PyResult<Self> {
        Ok(TermGradesPartial {
            inner: CorePartial::from_bytes(data).map_err(to_py)?,
        })
    }

    /// The partial as compact bytes.
    fn to_bytes<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, &self.inner.to_bytes())
    }

    /// A new partial: these sums and `other`'s.
    fn merge(&self, py: Python<'_>, other: &TermGradesPartial) -> PyResult<Self> {
        let inner = py
            .detach(|| self.inner.merged(&other.inner))
            .map_err(to_py)?;
        Ok(TermGradesPartial { inner })
    }

    /// The report of the merged rows, by the policy given (the terms and
    /// the subject limit must be the partial's).
    #[pyo3(signature = (*, terms = None, policy = None, max_subject = None, threads = None))]
    fn finish(
        &self,
        py: Python<'_>,
        terms: Option<&Bound<'_, PyAny>>,
        policy: Option<&PeriodMarkPolicy>,
        max_subject: Option<u32>,
        threads: Option<u32>,
    ) -> PyResult<TermGradesReport> {
        let options = term_grades_options(terms, policy, max_subject, threads, false)?;
        let report = py.detach(|| self.inner.finish(&options)).map_err(to_py)?;
        Ok(TermGradesReport::wrap(report))
    }

    /// Marks read, in terms or not.
    #[getter]
    fn marks(&self) -> u64 {
        self.inner.marks()
    }

    /// (student, subject, term) groups with marks.
    #[getter]
    fn groups(&self) -> usize {
        self.inner.groups()
    }

    fn __repr__(&self) -> String {
        format!(
            "TermGradesPartial(marks={}, groups={})",
            self.inner.marks(),
            self.inner.groups()
        )
    }

    /// Pickles through the compact bytes.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let from_bytes = py.get_type::<TermGradesPartial>().getattr("from_bytes")?;
        let bytes = slf.get().to_bytes(py);
        (from_bytes, (bytes,)).into_pyobject(py)
    }
}

#[pymethods]
impl TermGradesReport {
    /// This report's sums as a partial result, to merge with other
    /// pieces' partials of the same region.
    fn to_partial(&self) -> TermGradesPartial {
        TermGradesPartial {
            inner: self.core().to_partial(),
        }
    }
}

/// Counts of the activation report over some rows of a region, with the
/// parents' ids.
#[pyclass(frozen, eq, module = "zhurnal")]
#[derive(PartialEq)]
pub(crate) struct ActivationPartial {
    inner: CoreActivationPartial,
}

#[pymethods]
impl ActivationPartial {
    /// The partial of no rows, for the given checkpoints.
    #[staticmethod]
    #[pyo3(signature = (*, date = None, checkpoints = None))]
    fn empty(
        date: Option<&Bound<'_, PyAny>>,
        checkpoints: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let options = activation_options(date, checkpoints, None, false)?;
        Ok(ActivationPartial {
            inner: CoreActivationPartial::empty(&options),
        })
    }

    /// A partial from `to_bytes()`.
    #[staticmethod]
    fn from_bytes(data: &[u8]) -> PyResult<Self> {
        Ok(ActivationPartial {
            inner: CoreActivationPartial::from_bytes(data).map_err(to_py)?,
        })
    }

    /// The partial as compact bytes.
    fn to_bytes<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, &self.inner.to_bytes())
    }

    /// A new partial: these counts and `other`'s (a parent in both is an
    /// error, `region.duplicate_parent`).
    fn merge(&self, py: Python<'_>, other: &ActivationPartial) -> PyResult<Self> {
        let inner = py
            .detach(|| self.inner.merged(&other.inner))
            .map_err(to_py)?;
        Ok(ActivationPartial { inner })
    }

    /// The report of the merged rows (the checkpoints must be the
    /// partial's).
    #[pyo3(signature = (*, date = None, checkpoints = None))]
    fn finish(
        &self,
        date: Option<&Bound<'_, PyAny>>,
        checkpoints: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<ActivationReport> {
        let options = activation_options(date, checkpoints, None, false)?;
        ActivationReport::wrap(self.inner.finish(&options).map_err(to_py)?)
    }

    /// Parents read.
    #[getter]
    fn parents(&self) -> u64 {
        self.inner.parents()
    }

    fn __repr__(&self) -> String {
        format!("ActivationPartial(parents={})", self.inner.parents())
    }

    /// Pickles through the compact bytes.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let from_bytes = py.get_type::<ActivationPartial>().getattr("from_bytes")?;
        let bytes = slf.get().to_bytes(py);
        (from_bytes, (bytes,)).into_pyobject(py)
    }
}

#[pymethods]
impl ActivationReport {
    /// This report's counts as a partial result (the report must have been
    /// read with `parent_ids=True`).
    fn to_partial(&self) -> PyResult<ActivationPartial> {
        Ok(ActivationPartial {
            inner: self.core().to_partial().map_err(to_py)?,
        })
    }
}
