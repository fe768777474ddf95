//! The one mapping from the core's errors to Python exceptions.
//!
//! ```text
//! ZhurnalError (.code)
//! ├── InvalidInputError (ValueError)      a value or parameter the core refuses
//! │   ├── MalformedFileError (.line, .column)   a CSV row or a plan line
//! │   ├── MalformedFrameError (.row, .column)   a row of an Arrow frame
//! │   └── SnapshotError                        a snapshot document
//! ├── AccessRefusedError (PermissionError) the actor may not do it
//! ├── RecordStateError (ValueError)        a lifecycle or journal rule (wrong
//! │                                        step, duplicate, unknown record)
//! └── StorageError (OSError)               reading or writing a file
//! ```

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyTuple, PyType};
use zhurnal::Error;
use zhurnal::interop::InteropError;
use zhurnal::region::RegionError;
use zhurnal::snapshot::SnapshotError;

/// The exception classes, in the order of [`SPECS`].
#[derive(Clone, Copy)]
enum Class {
    Zhurnal = 0,
    InvalidInput,
    MalformedFile,
    MalformedFrame,
    Snapshot,
    AccessRefused,
    RecordState,
    Storage,
}

/// Name, parent (an index into this table), the stock exception it also
/// derives from, and the docstring.
const SPECS: [(&str, Option<usize>, Option<&str>, &str); 8] = [
    (
        "ZhurnalError",
        None,
        Some("Exception"),
        "Any error of zhurnal; `.code` is the core's stable code.",
    ),
    (
        "InvalidInputError",
        Some(0),
        Some("ValueError"),
        "A value or a parameter the core refuses.",
    ),
    (
        "MalformedFileError",
        Some(1),
        None,
        "A malformed input file or row: `.line` (1-based, the header is line 1) and `.column` when known.",
    ),
    (
        "MalformedFrameError",
        Some(1),
        None,
        "A malformed row of an Arrow frame: `.row` (0-based) and `.column`.",
    ),
    (
        "SnapshotError",
        Some(1),
        None,
        "A snapshot document that cannot be read.",
    ),
    (
        "AccessRefusedError",
        Some(0),
        Some("PermissionError"),
        "The acting person may not do this.",
    ),
    (
        "RecordStateError",
        Some(0),
        Some("ValueError"),
        "A step the records do not allow now: a lifecycle step, a duplicate, an unknown record.",
    ),
    (
        "StorageError",
        Some(0),
        Some("OSError"),
        "Reading or writing a file failed.",
    ),
];

static CLASSES: PyOnceLock<Vec<Py<PyType>>> = PyOnceLock::new();

fn make_classes(py: Python<'_>) -> PyResult<Vec<Py<PyType>>> {
    let builtins = py.import("builtins")?;
    let make_type = builtins.getattr("type")?;
    let mut made: Vec<Py<PyType>> = Vec::with_capacity(SPECS.len());
    for (name, parent, stock, doc) in SPECS {
        let mut bases: Vec<Bound<'_, PyAny>> = Vec::new();
        if let Some(p) = parent {
            bases.push(made[p].bind(py).clone().into_any());
        }
        if let Some(s) = stock {
            bases.push(builtins.getattr(s)?);
        }
        let ns = PyDict::new(py);
        ns.set_item("__doc__", doc)?;
        ns.set_item("__module__", "zhurnal")?;
        let class = make_type.call1((name, PyTuple::new(py, bases)?, ns))?;
        made.push(class.cast_into::<PyType>()?.unbind());
    }
    Ok(made)
}

fn class(py: Python<'_>, c: Class) -> PyResult<Bound<'_, PyType>> {
    let all = CLASSES.get_or_try_init(py, || make_classes(py))?;
    Ok(all[c as usize].bind(py).clone())
}

/// Which class an error becomes, and its line, row and column.
struct Mapped {
    class: Class,
    line: Option<u64>,
    row: Option<u64>,
    column: Option<String>,
}

fn class_of(e: &Error) -> Mapped {
    let plain = |class: Class| Mapped {
        class,
        line: None,
        row: None,
        column: None,
    };
    match e {
        Error::Region(r) => region(r),
        Error::Plan(p) => match p.line() {
            Some(line) => Mapped {
                class: Class::MalformedFile,
                line: Some(u64::from(line)),
                row: None,
                column: None,
            },
            None => plain(Class::InvalidInput),
        },
        Error::Snapshot(SnapshotError::Io { .. }) | Error::Interop(InteropError::Io { .. }) => {
            plain(Class::Storage)
        }
        Error::Snapshot(_) => plain(Class::Snapshot),
        Error::Access(_) => plain(Class::AccessRefused),
        Error::Application(_)
        | Error::Journal(_)
        | Error::Handle(_)
        | Error::School(_)
        | Error::Credential(_) => plain(Class::RecordState),
        _ => plain(Class::InvalidInput),
    }
}

fn region(r: &RegionError) -> Mapped {
    let column = r.column().map(str::to_owned);
    if let RegionError::FrameRow { row, .. } = r {
        return Mapped {
            class: Class::MalformedFrame,
            line: None,
            row: Some(*row),
            column,
        };
    }
    if let Some(line) = r.line() {
        return Mapped {
            class: Class::MalformedFile,
            line: Some(line),
            row: None,
            column,
        };
    }
    let class = match r {
        RegionError::Io { .. } => Class::Storage,
        RegionError::FrameColumnType { .. } | RegionError::FrameStream { .. } => {
            Class::MalformedFrame
        }
        RegionError::MissingColumn { .. }
        | RegionError::DuplicateColumn { .. }
        | RegionError::EmptyInput => Class::MalformedFile,
        _ => Class::InvalidInput,
    };
    Mapped {
        class,
        line: None,
        row: None,
        column,
    }
}

/// The Python exception of a core error: its class by concept, `.code`,
/// and `.line`/`.row`/`.column` where the core names them.
pub(crate) fn to_py(e: impl Into<Error>) -> PyErr {
    let e: Error = e.into();
    raise(class_of(&e), e.code(), e.to_string())
}

/// A `RecordStateError` the binding itself raises (the slip's password
/// read twice), with its code.
pub(crate) fn record_state(code: &str, message: String) -> PyErr {
    let mapped = Mapped {
        class: Class::RecordState,
        line: None,
        row: None,
        column: None,
    };
    raise(mapped, code, message)
}

fn raise(mapped: Mapped, code: &str, message: String) -> PyErr {
    Python::attach(|py| {
        let class = match class(py, mapped.class) {
            Ok(c) => c,
            Err(other) => return other,
        };
        let err = PyErr::from_type(class, message);
        let value = err.value(py);
        let set = || -> PyResult<()> {
            value.setattr("code", code)?;
            value.setattr("line", mapped.line)?;
            value.setattr("row", mapped.row)?;
            value.setattr("column", mapped.column.as_deref())?;
            Ok(())
        };
        match set() {
            Ok(()) => err,
            Err(other) => other,
        }
    })
}

/// Adds the exception classes to the module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    let _ = Class::Zhurnal;
    for (i, (name, ..)) in SPECS.iter().enumerate() {
        let all = CLASSES.get_or_try_init(py, || make_classes(py))?;
        m.add(*name, all[i].bind(py))?;
    }
    Ok(())
}
