//! The core's codes as Python `enum.Enum` classes, built once from the
//! core's own words (the value of each member is the core's code, its
//! serialised name).

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList};
use zhurnal::access::Role;
use zhurnal::activation::BandStatus;
use zhurnal::applications::ConsentChannel;
use zhurnal::attendance::AttendanceCode;
use zhurnal::calendar::Shift;
use zhurnal::journal::OverdueKind;
use zhurnal::organisation::RelationKind;

use crate::values::serde_name;

/// An enum class: its name and its members' values (names are the
/// values in upper case).
pub(crate) struct EnumSpec {
    name: &'static str,
    members: fn() -> Vec<String>,
    cell: PyOnceLock<Py<PyAny>>,
}

impl EnumSpec {
    const fn new(name: &'static str, members: fn() -> Vec<String>) -> EnumSpec {
        EnumSpec {
            name,
            members,
            cell: PyOnceLock::new(),
        }
    }

    /// The class's name.
    pub(crate) fn name(&self) -> &'static str {
        self.name
    }

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

fn names<T: serde::Serialize>(values: &[T]) -> Vec<String> {
    values.iter().map(serde_name).collect()
}

/// `BandStatus`: below, on target or above a target band.
pub(crate) static BAND_STATUS: EnumSpec = EnumSpec::new("BandStatus", || {
    names(&[BandStatus::Below, BandStatus::OnTarget, BandStatus::Above])
});

/// `Role`: the role a person acts in.
pub(crate) static ROLE: EnumSpec = EnumSpec::new("Role", || names(&Role::ALL));

/// `AttendanceCode`: absent, excused, illness, unexcused, late, exempt.
pub(crate) static ATTENDANCE_CODE: EnumSpec =
    EnumSpec::new("AttendanceCode", || names(&AttendanceCode::ALL));

/// `ConsentChannel`: how an application and its consent reached the
/// school.
pub(crate) static CONSENT_CHANNEL: EnumSpec = EnumSpec::new("ConsentChannel", || {
    names(&[
        ConsentChannel::InPerson,
        ConsentChannel::Post,
        ConsentChannel::Email,
        ConsentChannel::Portal,
    ])
});

/// `Shift`: the first, second or (rare) third shift of a school day.
pub(crate) static SHIFT: EnumSpec = EnumSpec::new("Shift", || {
    names(&[Shift::First, Shift::Second, Shift::Third])
});

/// `OverdueKind`: a debt (work marked «долг») or missing work.
pub(crate) static OVERDUE_KIND: EnumSpec = EnumSpec::new("OverdueKind", || {
    names(&[OverdueKind::Debt, OverdueKind::Missing])
});

/// `Relation`: how a parent or legal representative is related to a
/// student.
pub(crate) static RELATION: EnumSpec = EnumSpec::new("Relation", || names(&RelationKind::ALL));

/// Every enum class of the module.
pub(crate) fn all() -> [&'static EnumSpec; 7] {
    [
        &BAND_STATUS,
        &RELATION,
        &ROLE,
        &ATTENDANCE_CODE,
        &CONSENT_CHANNEL,
        &SHIFT,
        &OVERDUE_KIND,
    ]
}

/// Adds the enum classes to the module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    for spec in all() {
        m.add(spec.name, spec.class(m.py())?)?;
    }
    Ok(())
}
