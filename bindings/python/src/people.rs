//! Who acts, and the inputs that go with an act: the actor, the edit (who,
//! when, why) and a consent given with an application.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyString;
use zhurnal::access::{self, Role};
use zhurnal::applications::{self, Applicant, ConsentChannel, ContactDetails};
use zhurnal::audit;
use zhurnal::ids::{ParentId, StudentId};

use crate::conversions::{date_from_py, datetime_from_py};
use crate::enums::{CONSENT_CHANNEL, ROLE};
use crate::errors::to_py;
use crate::values::{Code, code_from_py, repr};

/// The acting person: a role and the id of the person in it (a teacher's
/// id for the staff roles, a parent's or a student's otherwise).
#[pyclass(frozen, eq, hash, from_py_object, module = "zhurnal")]
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Actor {
    pub(crate) inner: access::Actor,
}

#[pymethods]
impl Actor {
    #[new]
    fn new(role: &Bound<'_, PyAny>, id: u32) -> PyResult<Actor> {
        let role: Role = code_from_py(&ROLE, role)?;
        Ok(Actor {
            inner: access::Actor::new(role, id),
        })
    }

    /// A school administrator or specialist.
    #[staticmethod]
    fn administrator(id: u32) -> Actor {
        Actor {
            inner: access::Actor::new(Role::Administrator, id),
        }
    }

    /// A subject teacher.
    #[staticmethod]
    fn teacher(id: u32) -> Actor {
        Actor {
            inner: access::Actor::new(Role::Teacher, id),
        }
    }

    /// A teacher acting as the class teacher.
    #[staticmethod]
    fn class_teacher(id: u32) -> Actor {
        Actor {
            inner: access::Actor::new(Role::ClassTeacher, id),
        }
    }

    /// A parent.
    #[staticmethod]
    fn parent(id: u32) -> Actor {
        Actor {
            inner: access::Actor::new(Role::Parent, id),
        }
    }

    /// A student.
    #[staticmethod]
    fn student(id: u32) -> Actor {
        Actor {
            inner: access::Actor::new(Role::Student, id),
        }
    }

    /// The role.
    #[getter]
    fn role<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        (&Code::of(&ROLE, &self.inner.role())).into_pyobject(py)
    }

    /// The person's id.
    #[getter]
    fn id(&self) -> u32 {
        self.inner.id()
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["role", "id"])
    }
}

impl Actor {
    /// The applicant this actor is: a parent or a student.
    pub(crate) fn applicant(&self) -> PyResult<Applicant> {
        match self.inner.role() {
            Role::Parent => Ok(Applicant::Parent(ParentId::new(self.inner.id()))),
            Role::Student => Ok(Applicant::Student(StudentId::new(self.inner.id()))),
            _ => Err(PyValueError::new_err(format!(
                "an applicant is a parent or a student, not {}",
                self.inner
            ))),
        }
    }
}

/// One act in the journal: who makes it, when (the school's local time),
/// and optionally why (a reason is required to change a closed period's
/// marks).
#[pyclass(frozen, eq, hash, from_py_object, module = "zhurnal")]
#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) struct Edit {
    pub(crate) inner: audit::Edit,
}

#[pymethods]
impl Edit {
    #[new]
    #[pyo3(signature = (actor, at, reason=None))]
    fn new(actor: Actor, at: &Bound<'_, PyAny>, reason: Option<&str>) -> PyResult<Edit> {
        let edit = audit::Edit::new(actor.inner, datetime_from_py(at, "at")?);
        let inner = match reason {
            Some(r) => edit.because(r).map_err(to_py)?,
            None => edit,
        };
        Ok(Edit { inner })
    }

    /// Who makes it.
    #[getter]
    fn actor(&self) -> Actor {
        Actor {
            inner: *self.inner.actor(),
        }
    }

    /// When.
    #[getter]
    fn at(&self) -> chrono::NaiveDateTime {
        self.inner.at()
    }

    /// Why, when given.
    #[getter]
    fn reason(&self) -> Option<String> {
        self.inner.reason().map(str::to_owned)
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["actor", "at", "reason"])
    }
}

/// A consent to process personal data, given with an application: the
/// day, the channel, and the contacts the parent agreed to be reached at.
#[pyclass(frozen, eq, hash, from_py_object, module = "zhurnal")]
#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) struct Consent {
    pub(crate) inner: applications::Consent,
}

#[pymethods]
impl Consent {
    #[new]
    #[pyo3(signature = (given_on, channel, *, phone=None, email=None))]
    fn new(
        given_on: &Bound<'_, PyAny>,
        channel: &Bound<'_, PyAny>,
        phone: Option<&Bound<'_, PyString>>,
        email: Option<&Bound<'_, PyString>>,
    ) -> PyResult<Consent> {
        let channel: ConsentChannel = code_from_py(&CONSENT_CHANNEL, channel)?;
        let phone = phone.map(|p| p.to_cow()).transpose()?;
        let email = email.map(|e| e.to_cow()).transpose()?;
        let contacts = ContactDetails::new(phone.as_deref(), email.as_deref())
            .map_err(|e| to_py(zhurnal::Error::from(e)))?;
        Ok(Consent {
            inner: applications::Consent {
                given_on: date_from_py(given_on, "given_on")?,
                channel,
                contacts,
            },
        })
    }

    /// The day it was given.
    #[getter]
    fn given_on(&self) -> chrono::NaiveDate {
        self.inner.given_on
    }

    /// How it was given.
    #[getter]
    fn channel<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        (&Code::of(&CONSENT_CHANNEL, &self.inner.channel)).into_pyobject(py)
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        // The contacts are personal data: the repr does not show them.
        repr(slf.as_any(), &["given_on", "channel"])
    }
}
