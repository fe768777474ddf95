//! OneRoster 1.2 (and 1.1) bulk CSV sets from Python, through the core's
//! `interop::oneroster`: validate a set with every problem found, import
//! it into a `School`, export a `School` as a set. The package exposes
//! them as `zhurnal.oneroster.validate`, `import_` and `export`.

use std::path::{Path, PathBuf};

use pyo3::prelude::*;
use zhurnal::Error;
use zhurnal::interop::oneroster::{self, OneRosterSet, Severity};

use crate::errors::to_py;
use crate::school::School;
use crate::values::repr;

/// One problem of a set: `severity` (`"error"` or `"warning"`), the
/// core's `code`, the `file`, the `line` (1-based, the header is line 1;
/// 0 for the file as a whole), the `column` when known, and the message.
#[pyclass(frozen, eq, hash, get_all, module = "zhurnal.oneroster")]
#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) struct Problem {
    severity: String,
    code: String,
    file: String,
    line: u64,
    column: Option<String>,
    message: String,
}

#[pymethods]
impl Problem {
    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(
            slf.as_any(),
            &["severity", "code", "file", "line", "column"],
        )
    }

    fn __str__(&self) -> String {
        self.core().to_string()
    }
}

impl Problem {
    fn core(&self) -> oneroster::Problem {
        oneroster::Problem {
            severity: if self.severity == "error" {
                Severity::Error
            } else {
                Severity::Warning
            },
            code: self.code.clone(),
            file: self.file.clone(),
            line: self.line,
            column: self.column.clone(),
            message: self.message.clone(),
        }
    }
}

/// Every problem found in a set, errors and warnings, by file and line.
#[pyclass(frozen, module = "zhurnal.oneroster")]
pub(crate) struct ValidationReport {
    inner: oneroster::ValidationReport,
}

#[pymethods]
impl ValidationReport {
    /// The problems, by file and line.
    #[getter]
    fn problems(&self) -> Vec<Problem> {
        self.inner
            .problems
            .iter()
            .map(|p| Problem {
                severity: match p.severity {
                    Severity::Error => "error".to_owned(),
                    Severity::Warning => "warning".to_owned(),
                },
                code: p.code.clone(),
                file: p.file.clone(),
                line: p.line,
                column: p.column.clone(),
                message: p.message.clone(),
            })
            .collect()
    }

    /// The number of errors.
    #[getter]
    fn error_count(&self) -> usize {
        self.inner.error_count()
    }

    /// The number of warnings.
    #[getter]
    fn warning_count(&self) -> usize {
        self.inner.warning_count()
    }

    /// Whether the set has no error (warnings allowed).
    #[getter]
    fn is_clean(&self) -> bool {
        self.inner.is_clean()
    }

    fn __len__(&self) -> usize {
        self.inner.problems.len()
    }

    /// One problem a line, then `N errors, M warnings`.
    fn __str__(&self) -> String {
        self.inner.to_string()
    }

    fn __repr__(&self) -> String {
        format!(
            "ValidationReport(errors={}, warnings={})",
            self.inner.error_count(),
            self.inner.warning_count()
        )
    }
}

fn read(dir: &Path) -> PyResult<OneRosterSet> {
    OneRosterSet::read_dir(dir).map_err(|e| to_py(Error::from(e)))
}

/// Validates the set in `dir` (its version from `manifest.csv`).
#[pyfunction]
pub(crate) fn oneroster_validate(py: Python<'_>, dir: PathBuf) -> PyResult<ValidationReport> {
    let set = read(&dir)?;
    let inner = py.detach(|| oneroster::validate(&set));
    Ok(ValidationReport { inner })
}

/// Imports the set in `dir` into a new school handle (the seed plan, an
/// empty registry), with the report of its warnings; a set with errors is
/// refused (`InvalidInputError`, code `interop.set_refused`).
#[pyfunction]
pub(crate) fn oneroster_import(
    py: Python<'_>,
    dir: PathBuf,
) -> PyResult<(School, ValidationReport)> {
    let set = read(&dir)?;
    let (handle, inner) = py.detach(|| oneroster::import(&set)).map_err(to_py)?;
    Ok((School::wrap(handle), ValidationReport { inner }))
}

/// Writes `school` as a OneRoster 1.2 bulk set into `dir`.
#[pyfunction]
pub(crate) fn oneroster_export(py: Python<'_>, school: &School, dir: PathBuf) -> PyResult<()> {
    let set = school.with(py, |h| Ok(oneroster::export(h)))?;
    set.write_dir(&dir).map_err(|e| to_py(Error::from(e)))
}
