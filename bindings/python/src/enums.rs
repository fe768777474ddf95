//! The core's codes as Python `enum.Enum` classes, built once from the
//! core's own words (the value of each member is the core's code).

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList};
use zhurnal::activation::BandStatus;

/// An enum class: its name and its members' values (names are the
/// values in upper case).
pub(crate) struct EnumSpec {
    name: &'static str,
    members: fn() -> Vec<&'static str>,
    cell: PyOnceLock<Py<PyAny>>,
}

impl EnumSpec {
    /// The class, made on first use.
    pub(crate) fn class<'py>(&self, py: Python<'py>) -> PyResult<&Bound<'py, PyAny>> {
        let class = self.cell.get_or_try_init(py, || -> PyResult<Py<PyAny>> {
            let members = PyList::empty(py);
            for value in (self.members)() {
                members.append((value.to_uppercase(), value))?;
            }
            let kwargs = PyDict::new(py);
            kwargs.set_item("module", "zhurnal")?;
            Ok(py
                .import("enum")?
                .getattr("Enum")?
                .call((self.name, members), Some(&kwargs))?
                .unbind())
        })?;
        Ok(class.bind(py))
    }

    /// The member whose value is `code`.
    pub(crate) fn member<'py>(&self, py: Python<'py>, code: &str) -> PyResult<Bound<'py, PyAny>> {
        self.class(py)?.call1((code,))
    }
}

/// `BandStatus`: below, on target or above a target band.
pub(crate) static BAND_STATUS: EnumSpec = EnumSpec {
    name: "BandStatus",
    members: || {
        [BandStatus::Below, BandStatus::OnTarget, BandStatus::Above]
            .map(BandStatus::as_str)
            .to_vec()
    },
    cell: PyOnceLock::new(),
};

/// Every enum class of the module.
pub(crate) fn all() -> [&'static EnumSpec; 1] {
    [&BAND_STATUS]
}

/// Adds the enum classes to the module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    for spec in all() {
        m.add(spec.name, spec.class(m.py())?)?;
    }
    Ok(())
}
