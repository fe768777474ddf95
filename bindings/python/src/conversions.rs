//! Every conversion between Python values and the core's values, strict
//! where pyo3's stock conversions are lenient: a `float` or a `bool` is no
//! Decimal, more than 28 significant digits are refused rather than
//! rounded, and a `datetime` is no `date`.

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDate, PyDateAccess, PyDateTime, PyInt, PyString, PyType};
use rust_decimal::Decimal;

static DECIMAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();

fn decimal_type(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    DECIMAL.import(py, "decimal", "Decimal")
}

/// A `decimal.Decimal` (or an `int`) as an exact core decimal.
///
/// # Errors
/// `TypeError` for a `float`, a `bool` or another type; `ValueError` for
/// NaN, infinities, and values that need more than 28 significant digits
/// or are outside the core's range.
pub(crate) fn decimal_from_py(value: &Bound<'_, PyAny>, what: &str) -> PyResult<Decimal> {
    let py = value.py();
    if value.is_instance_of::<PyBool>() {
        return Err(PyTypeError::new_err(format!(
            "{what} must be a decimal.Decimal or an int, not a bool"
        )));
    }
    let text: String = if value.is_instance_of::<PyInt>() {
        value.str()?.extract()?
    } else if value.is_instance(decimal_type(py)?)? {
        if !value.call_method0("is_finite")?.extract::<bool>()? {
            return Err(PyValueError::new_err(format!(
                "{what} must be a finite decimal, got {}",
                value.str()?
            )));
        }
        // Plain notation: the core parses no exponent.
        value.call_method1("__format__", ("f",))?.extract()?
    } else {
        return Err(PyTypeError::new_err(format!(
            "{what} must be a decimal.Decimal or an int, not {} (a float is not exact)",
            value.get_type().name()?
        )));
    };
    Decimal::from_str_exact(&text).map_err(|_| {
        PyValueError::new_err(format!(
            "{what} {text} does not fit an exact decimal of at most 28 significant digits"
        ))
    })
}

/// A core decimal as a `decimal.Decimal` (exact, through its text).
pub(crate) fn decimal_to_py<'py>(py: Python<'py>, d: Decimal) -> PyResult<Bound<'py, PyAny>> {
    decimal_type(py)?.call1((d.to_string(),))
}

/// A `datetime.date` (not a `datetime.datetime`) or an ISO `YYYY-MM-DD`
/// string as a date.
///
/// # Errors
/// `TypeError` for a `datetime` or another type; `ValueError` for a string
/// that is not an ISO date.
pub(crate) fn date_from_py(value: &Bound<'_, PyAny>, what: &str) -> PyResult<NaiveDate> {
    if value.is_instance_of::<PyDateTime>() {
        return Err(PyTypeError::new_err(format!(
            "{what} must be a datetime.date, not a datetime.datetime (its time would be dropped)"
        )));
    }
    if let Ok(d) = value.cast::<PyDate>() {
        return NaiveDate::from_ymd_opt(
            d.get_year(),
            u32::from(d.get_month()),
            u32::from(d.get_day()),
        )
        .ok_or_else(|| PyValueError::new_err(format!("{what} is out of range")));
    }
    if let Ok(s) = value.cast::<PyString>() {
        let text = s.to_cow()?;
        return NaiveDate::parse_from_str(&text, "%Y-%m-%d")
            .ok()
            .filter(|_| text.len() == 10)
            .ok_or_else(|| {
                PyValueError::new_err(format!("{what} {text:?} is not a date YYYY-MM-DD"))
            });
    }
    Err(PyTypeError::new_err(format!(
        "{what} must be a datetime.date, not {}",
        value.get_type().name()?
    )))
}

/// A date as a `datetime.date`.
pub(crate) fn date_to_py<'py>(py: Python<'py>, d: NaiveDate) -> PyResult<Bound<'py, PyDate>> {
    let month = u8::try_from(d.month()).unwrap_or(1);
    let day = u8::try_from(d.day()).unwrap_or(1);
    PyDate::new(py, d.year(), month, day)
}

/// A naive `datetime.datetime` as a date and time.
///
/// # Errors
/// `TypeError` for a `date` or another type; `ValueError` for a datetime
/// with a time zone (the journal's times are the school's local times).
pub(crate) fn datetime_from_py(value: &Bound<'_, PyAny>, what: &str) -> PyResult<NaiveDateTime> {
    let Ok(dt) = value.cast::<PyDateTime>() else {
        return Err(PyTypeError::new_err(format!(
            "{what} must be a datetime.datetime, not {}",
            value.get_type().name()?
        )));
    };
    if !dt.getattr("tzinfo")?.is_none() {
        return Err(PyValueError::new_err(format!(
            "{what} must be a naive datetime (the school's local time), not one with a time zone"
        )));
    }
    dt.extract::<NaiveDateTime>()
}
