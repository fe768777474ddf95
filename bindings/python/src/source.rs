//! Where a report reads from: a CSV file's path.

use std::path::PathBuf;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use zhurnal::region::{
    ActivationOptions, ActivationReport, RegionError, TermGradesOptions, TermGradesReport,
};

/// A report's input.
pub(crate) enum Source {
    /// A CSV file.
    Path(PathBuf),
}

impl Source {
    /// A `str` or `os.PathLike` path.
    pub(crate) fn from_py(value: &Bound<'_, PyAny>) -> PyResult<Source> {
        if let Ok(path) = value.extract::<PathBuf>() {
            return Ok(Source::Path(path));
        }
        Err(PyTypeError::new_err(format!(
            "source must be a path, not {}",
            value.get_type().name()?
        )))
    }
}

/// The activation report of a source.
pub(crate) fn read_activation(
    source: Source,
    options: &ActivationOptions,
) -> Result<ActivationReport, RegionError> {
    match source {
        Source::Path(p) => ActivationReport::from_path(&p, options),
    }
}

/// The term-grades report of a source.
pub(crate) fn read_term_grades(
    source: Source,
    options: &TermGradesOptions,
) -> Result<TermGradesReport, RegionError> {
    match source {
        Source::Path(p) => TermGradesReport::from_path(&p, options),
    }
}
