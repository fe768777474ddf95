//! The journal's writes through `School`: marks, attendance, homework.

use pyo3::prelude::*;
use zhurnal::Error;
use zhurnal::attendance::AttendanceCode;
use zhurnal::ids::{LessonId, MarkId, StudentId};
use zhurnal::lesson::Homework;

use crate::conversions::date_from_py;
use crate::enums::ATTENDANCE_CODE;
use crate::errors::to_py;
use crate::people::Edit;
use crate::school::{School, mark_value, weight, work_type};
use crate::values::code_from_py;

#[pymethods]
impl School {
    /// Records a mark (`value` as written: `"5"`; `weight` a Decimal, or
    /// `None` for the work type's default); returns its id.
    #[pyo3(signature = (edit, lesson, student, value, work_type, weight=None))]
    // The Python signature is the API; a struct would only move the list.
    #[allow(clippy::too_many_arguments)]
    fn record_mark(
        &self,
        py: Python<'_>,
        edit: Edit,
        lesson: u32,
        student: u32,
        value: &str,
        work_type: &str,
        weight: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<u32> {
        let (value, kind, weight) = (
            mark_value(value)?,
            self::work_type(work_type)?,
            self::weight(weight)?,
        );
        let id = self.write(py, |j| {
            j.record_mark(
                &edit.inner,
                LessonId::new(lesson),
                StudentId::new(student),
                value,
                &kind,
                weight,
            )
        })?;
        Ok(id.get())
    }

    /// Changes a mark.
    #[pyo3(signature = (edit, mark, value, work_type, weight=None))]
    fn change_mark(
        &self,
        py: Python<'_>,
        edit: Edit,
        mark: u32,
        value: &str,
        work_type: &str,
        weight: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<()> {
        let (value, kind, weight) = (
            mark_value(value)?,
            self::work_type(work_type)?,
            self::weight(weight)?,
        );
        self.write(py, |j| {
            j.change_mark(&edit.inner, MarkId::new(mark), value, &kind, weight)
        })
    }

    /// Removes a mark (the audit trail keeps it).
    fn remove_mark(&self, py: Python<'_>, edit: Edit, mark: u32) -> PyResult<()> {
        self.write(py, |j| j.remove_mark(&edit.inner, MarkId::new(mark)))
    }

    /// Sets (or, with `None`, clears) a student's attendance at a lesson.
    fn set_attendance(
        &self,
        py: Python<'_>,
        edit: Edit,
        lesson: u32,
        student: u32,
        code: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<()> {
        let code: Option<AttendanceCode> = code
            .map(|c| code_from_py(&ATTENDANCE_CODE, c))
            .transpose()?;
        self.write(py, |j| {
            j.set_attendance(
                &edit.inner,
                LessonId::new(lesson),
                StudentId::new(student),
                code,
            )
        })
    }

    /// Gives the reason of an absence (`excused`, `illness`, `unexcused`):
    /// the class teacher's, usually with the edit's reason («справка»).
    fn set_absence_reason(
        &self,
        py: Python<'_>,
        edit: Edit,
        lesson: u32,
        student: u32,
        reason: &Bound<'_, PyAny>,
    ) -> PyResult<()> {
        let reason: AttendanceCode = code_from_py(&ATTENDANCE_CODE, reason)?;
        self.write(py, |j| {
            j.set_absence_reason(
                &edit.inner,
                LessonId::new(lesson),
                StudentId::new(student),
                reason,
            )
        })
    }

    /// Sets work of a type at a lesson (a control work, a dictation), due
    /// on `due`; `None` withdraws it. The load check counts the
    /// assessments, the diary shows missing work past its due date.
    fn assign_work(
        &self,
        py: Python<'_>,
        edit: Edit,
        lesson: u32,
        work_type: &str,
        due: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<()> {
        let kind = self::work_type(work_type)?;
        let due = due.map(|d| date_from_py(d, "due")).transpose()?;
        self.write(py, |j| {
            j.assign_work(&edit.inner, LessonId::new(lesson), &kind, due)
        })
    }

    /// Sets (or clears) a lesson's homework, due on `due`.
    #[pyo3(signature = (edit, lesson, text, due))]
    fn set_homework(
        &self,
        py: Python<'_>,
        edit: Edit,
        lesson: u32,
        text: Option<&str>,
        due: &Bound<'_, PyAny>,
    ) -> PyResult<()> {
        let due = date_from_py(due, "due")?;
        let homework = text
            .map(|t| Homework::new(t, due).map_err(|e| to_py(Error::from(e))))
            .transpose()?;
        self.write(py, |j| {
            j.set_homework(&edit.inner, LessonId::new(lesson), homework)
        })
    }

    /// The number of entries in the audit trail (every write, in order).
    fn audit_len(&self, py: Python<'_>) -> PyResult<u64> {
        self.with(py, |h| Ok(h.journal().audit_trail().len()))
    }
}
