//! `activation_report` and `term_grades`: the core's region reports from a
//! CSV path or an Arrow stream, with the GIL released while they run; the
//! result objects.

use std::fs::File;
use std::io::BufWriter;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use arrow_array::RecordBatch;
use pyo3::prelude::*;
use pyo3::types::PyAny;
use pyo3_arrow::PyTable;
use zhurnal::region::{
    ActivationReport as CoreActivation, RegionError, TermGradesReport as CoreTermGrades,
    activation_schema, term_grades_schema,
};

use crate::errors::to_py;
use crate::options::{PeriodMarkPolicy, activation_options, term_grades_options};
use crate::rows::{ActivationRow, TermGradeRow, activation_row, term_grade_row};
use crate::source::{Source, Watch, read_activation, read_term_grades};

/// Writes with a buffered file, the GIL released.
fn write_file(
    py: Python<'_>,
    path: PathBuf,
    write: impl FnOnce(&mut BufWriter<File>) -> Result<(), RegionError> + Send,
) -> PyResult<()> {
    py.detach(|| -> Result<(), RegionError> {
        let mut out = BufWriter::with_capacity(1 << 20, File::create(&path)?);
        write(&mut out)
    })
    .map_err(to_py)
}

/// The Arrow stream capsule of record batches.
fn stream<'py>(
    py: Python<'py>,
    batches: Vec<RecordBatch>,
    schema: arrow_schema::SchemaRef,
    requested_schema: Option<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let table = PyTable::try_new(batches, schema)?.into_pyobject(py)?;
    match requested_schema {
        Some(s) => table.call_method1("__arrow_c_stream__", (s,)),
        None => table.call_method0("__arrow_c_stream__"),
    }
}

fn to_polars<'py>(this: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let py = this.py();
    py.import("polars")?.getattr("DataFrame")?.call1((this,))
}

fn to_pandas<'py>(this: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let py = this.py();
    let frame = py.import("pandas")?.getattr("DataFrame")?;
    frame.call_method1("from_arrow", (this,))
}

/// The activation report: rows by checkpoint, then school, the region last.
#[pyclass(frozen, module = "zhurnal")]
pub(crate) struct ActivationReport {
    inner: Arc<CoreActivation>,
    batch: RecordBatch,
}

#[pymethods]
impl ActivationReport {
    fn __len__(&self) -> usize {
        self.inner.rows().len()
    }

    fn __iter__(slf: &Bound<'_, Self>) -> PyResult<Py<ActivationRows>> {
        Py::new(
            slf.py(),
            ActivationRows {
                report: Arc::clone(&slf.get().inner),
                next: std::sync::atomic::AtomicUsize::new(0),
            },
        )
    }

    fn __repr__(&self) -> String {
        format!(
            "<ActivationReport: {} rows, {} parents, {} rejects>",
            self.inner.rows().len(),
            self.inner.parents(),
            self.inner.rejects().len()
        )
    }

    /// Parents counted.
    #[getter]
    fn parents(&self) -> u64 {
        self.inner.parents()
    }

    /// Malformed rows left out (with `rejects=True`): (code, message).
    #[getter]
    fn rejects(&self) -> Vec<(String, String)> {
        rejects(self.inner.rejects())
    }

    /// Writes `activation.csv`.
    fn write_csv(&self, py: Python<'_>, path: PathBuf) -> PyResult<()> {
        let report = Arc::clone(&self.inner);
        write_file(py, path, move |out| report.write_csv(out))
    }

    /// The report as `activation.csv` text.
    fn to_csv(&self) -> String {
        self.inner.to_csv()
    }

    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        stream(
            py,
            vec![self.batch.clone()],
            activation_schema(),
            requested_schema,
        )
    }

    /// A polars DataFrame of the rows (polars must be installed).
    fn to_polars<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        to_polars(slf.as_any())
    }

    /// A pandas DataFrame of the rows (pandas must be installed).
    fn to_pandas<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        to_pandas(slf.as_any())
    }
}

/// Iterates over an activation report's rows.
#[pyclass(frozen, module = "zhurnal")]
pub(crate) struct ActivationRows {
    report: Arc<CoreActivation>,
    next: std::sync::atomic::AtomicUsize,
}

#[pymethods]
impl ActivationRows {
    fn __iter__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    fn __next__(&self) -> Option<ActivationRow> {
        let i = self.next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        self.report.rows().get(i).map(activation_row)
    }
}

/// The term-grades report: rows by student, subject and term.
#[pyclass(frozen, module = "zhurnal")]
pub(crate) struct TermGradesReport {
    inner: Arc<CoreTermGrades>,
    len: u64,
    batches: OnceLock<Vec<RecordBatch>>,
    rows: OnceLock<Arc<Vec<zhurnal::region::TermGradeRow>>>,
}

impl TermGradesReport {
    fn batches(&self, py: Python<'_>) -> PyResult<Vec<RecordBatch>> {
        if let Some(b) = self.batches.get() {
            return Ok(b.clone());
        }
        let report = Arc::clone(&self.inner);
        let made = py.detach(|| report.to_record_batches()).map_err(to_py)?;
        Ok(self.batches.get_or_init(|| made).clone())
    }
}

#[pymethods]
impl TermGradesReport {
    fn __len__(&self) -> usize {
        usize::try_from(self.len).unwrap_or(usize::MAX)
    }

    fn __iter__(slf: &Bound<'_, Self>) -> PyResult<Py<TermGradeRows>> {
        let this = slf.get();
        let rows = match this.rows.get() {
            Some(r) => Arc::clone(r),
            None => {
                let report = Arc::clone(&this.inner);
                let made = Arc::new(slf.py().detach(|| report.rows()));
                Arc::clone(this.rows.get_or_init(|| made))
            }
        };
        Py::new(
            slf.py(),
            TermGradeRows {
                rows,
                next: std::sync::atomic::AtomicUsize::new(0),
            },
        )
    }

    fn __repr__(&self) -> String {
        format!(
            "<TermGradesReport: {} rows, {} marks ({} outside the terms), {} rejects>",
            self.len,
            self.inner.marks(),
            self.inner.marks_outside_terms(),
            self.inner.rejects().len()
        )
    }

    /// Marks read, inside or outside the terms.
    #[getter]
    fn marks(&self) -> u64 {
        self.inner.marks()
    }

    /// Marks read whose date is in no term.
    #[getter]
    fn marks_outside_terms(&self) -> u64 {
        self.inner.marks_outside_terms()
    }

    /// Malformed rows left out (with `rejects=True`): (code, message).
    #[getter]
    fn rejects(&self) -> Vec<(String, String)> {
        rejects(self.inner.rejects())
    }

    /// Writes `term_grades.csv`.
    fn write_csv(&self, py: Python<'_>, path: PathBuf) -> PyResult<()> {
        let report = Arc::clone(&self.inner);
        write_file(py, path, move |out| report.write_csv(out))
    }

    /// The report as `term_grades.csv` text.
    fn to_csv(&self, py: Python<'_>) -> String {
        let report = Arc::clone(&self.inner);
        py.detach(|| report.to_csv())
    }

    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        stream(
            py,
            self.batches(py)?,
            term_grades_schema(),
            requested_schema,
        )
    }

    /// A polars DataFrame of the rows (polars must be installed).
    fn to_polars<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        to_polars(slf.as_any())
    }

    /// A pandas DataFrame of the rows (pandas must be installed).
    fn to_pandas<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        to_pandas(slf.as_any())
    }
}

/// Iterates over a term-grades report's rows.
#[pyclass(frozen, module = "zhurnal")]
pub(crate) struct TermGradeRows {
    rows: Arc<Vec<zhurnal::region::TermGradeRow>>,
    next: std::sync::atomic::AtomicUsize,
}

#[pymethods]
impl TermGradeRows {
    fn __iter__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    fn __next__(&self) -> Option<TermGradeRow> {
        let i = self.next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        self.rows.get(i).map(term_grade_row)
    }
}

fn rejects(list: &[RegionError]) -> Vec<(String, String)> {
    list.iter()
        .map(|e| (e.code().to_owned(), e.to_string()))
        .collect()
}

/// The activation report of `parents.csv` at `source` (a path; a
/// `.parquet` path is read as Parquet through pyarrow), of its CSV text
/// as `bytes`, or of an Arrow stream (a DataFrame, a table). With `parent_ids=True` the report keeps
/// the sorted parent ids, so that `to_partial()` can give a partial.
#[pyfunction]
#[pyo3(signature = (source, *, date = None, checkpoints = None, threads = None, rejects = false, progress = None, parent_ids = false))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn activation_report(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    date: Option<&Bound<'_, PyAny>>,
    checkpoints: Option<&Bound<'_, PyAny>>,
    threads: Option<u32>,
    rejects: bool,
    progress: Option<&Bound<'_, PyAny>>,
    parent_ids: bool,
) -> PyResult<ActivationReport> {
    let options =
        activation_options(date, checkpoints, threads, rejects)?.with_parent_ids(parent_ids);
    let source = Source::from_py(source)?;
    let watch = Watch::new(progress)?;
    let result = py.detach(|| read_activation(source, &options, &watch));
    ActivationReport::wrap(watch.outcome(result)?)
}

impl ActivationReport {
    /// The Python object of a core report.
    pub(crate) fn wrap(report: CoreActivation) -> PyResult<ActivationReport> {
        let batch = report.to_record_batch().map_err(to_py)?;
        Ok(ActivationReport {
            inner: Arc::new(report),
            batch,
        })
    }

    /// The core report.
    pub(crate) fn core(&self) -> &CoreActivation {
        &self.inner
    }
}

/// The term-grades report of `grades.csv` at `source` (a path; a
/// `.parquet` path is read as Parquet through pyarrow), of its CSV text
/// as `bytes`, or of an Arrow stream.
#[pyfunction]
#[pyo3(signature = (source, *, terms = None, policy = None, max_subject = None, threads = None, rejects = false, progress = None))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn term_grades(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    terms: Option<&Bound<'_, PyAny>>,
    policy: Option<&PeriodMarkPolicy>,
    max_subject: Option<u32>,
    threads: Option<u32>,
    rejects: bool,
    progress: Option<&Bound<'_, PyAny>>,
) -> PyResult<TermGradesReport> {
    let options = term_grades_options(terms, policy, max_subject, threads, rejects)?;
    let source = Source::from_py(source)?;
    let watch = Watch::new(progress)?;
    let result = py.detach(|| read_term_grades(source, &options, &watch));
    let report = watch.outcome(result)?;
    Ok(TermGradesReport::wrap(report))
}

impl TermGradesReport {
    /// The Python object of a core report.
    pub(crate) fn wrap(report: CoreTermGrades) -> TermGradesReport {
        TermGradesReport {
            len: report.len(),
            inner: Arc::new(report),
            batches: OnceLock::new(),
            rows: OnceLock::new(),
        }
    }

    /// The core report.
    pub(crate) fn core(&self) -> &CoreTermGrades {
        &self.inner
    }
}
