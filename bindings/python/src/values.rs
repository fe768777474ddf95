//! What the value classes share: a core code as its `enum.Enum` member, a
//! Python-style `repr`, and reading an enum member (or its value) back
//! into the core's code.

use std::hash::{Hash, Hasher};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::enums::EnumSpec;

/// A core code held by a value class; Python sees the member of its enum
/// class (`Role.PARENT`).
#[derive(Clone)]
pub(crate) struct Code {
    spec: &'static EnumSpec,
    value: String,
}

impl Code {
    /// The code of a core enum value, by its serialised name.
    pub(crate) fn of<T: Serialize>(spec: &'static EnumSpec, value: &T) -> Code {
        Code {
            spec,
            value: serde_name(value),
        }
    }
}

impl PartialEq for Code {
    fn eq(&self, other: &Code) -> bool {
        std::ptr::eq(self.spec, other.spec) && self.value == other.value
    }
}

impl Eq for Code {}

impl Hash for Code {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.value.hash(state);
    }
}

impl<'py> IntoPyObject<'py> for &Code {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.spec.member(py, &self.value)
    }
}

/// The serialised name of a unit enum value (`class_teacher`).
pub(crate) fn serde_name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        other => format!("{other:?}"),
    }
}

/// A core enum value from a member of its Python enum class or the
/// member's value (`Role.PARENT` or `"parent"`).
///
/// # Errors
/// `ValueError` naming the enum for anything else.
pub(crate) fn code_from_py<T: DeserializeOwned>(
    spec: &'static EnumSpec,
    value: &Bound<'_, PyAny>,
) -> PyResult<T> {
    let py = value.py();
    let member = spec.class(py)?.call1((value,))?;
    let name: String = member.getattr("value")?.extract()?;
    serde_json::from_value(serde_json::Value::String(name.clone()))
        .map_err(|_| PyValueError::new_err(format!("{name:?} is not a {} of zhurnal", spec.name())))
}

/// `Name(field=repr(value), …)` for the named attributes of `obj`.
pub(crate) fn repr(obj: &Bound<'_, PyAny>, fields: &[&str]) -> PyResult<String> {
    let name = obj.get_type().name()?;
    let mut parts = Vec::with_capacity(fields.len());
    for field in fields {
        parts.push(format!("{field}={}", obj.getattr(*field)?.repr()?));
    }
    Ok(format!("{name}({})", parts.join(", ")))
}
