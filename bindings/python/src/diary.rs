//! The diary week as frozen value classes: a student's days, lessons,
//! marks and homework, overdue work and the subjects' standing.

use chrono::{NaiveDate, NaiveTime};
use pyo3::prelude::*;
use rust_decimal::Decimal;
use zhurnal::journal;

use crate::enums::{ATTENDANCE_CODE, OVERDUE_KIND, SHIFT};
use crate::values::{Code, repr};

/// A mark in the diary.
#[pyclass(frozen, eq, hash, get_all, module = "zhurnal")]
#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) struct DiaryMark {
    /// The mark's id.
    mark: u32,
    /// Its value as written (`5`, `4`, `2`).
    value: String,
    /// The work type's code.
    work_type: String,
    /// The work type's name.
    work_type_name: String,
    /// The weight.
    weight: Decimal,
}

/// Homework set at a lesson.
#[pyclass(frozen, eq, hash, get_all, module = "zhurnal")]
#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) struct Homework {
    /// What to do.
    text: String,
    /// When it is due.
    due: NaiveDate,
}

/// A lesson of the diary.
#[pyclass(frozen, eq, hash, get_all, module = "zhurnal")]
#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) struct DiaryLesson {
    lesson: u32,
    shift: Code,
    slot: u8,
    start: Option<NaiveTime>,
    end: Option<NaiveTime>,
    subject: u32,
    subject_name: String,
    room: Option<String>,
    teacher: u32,
    teacher_name: String,
    topic: Option<String>,
    homework: Option<Homework>,
    marks: Vec<DiaryMark>,
    attendance: Option<Code>,
}

/// A day of the diary week (a holiday has its name and no lessons).
#[pyclass(frozen, eq, hash, get_all, module = "zhurnal")]
#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) struct DiaryDay {
    date: NaiveDate,
    holiday: Option<String>,
    lessons: Vec<DiaryLesson>,
}

/// Work that is overdue: a debt or missing work.
#[pyclass(frozen, eq, hash, get_all, module = "zhurnal")]
#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) struct OverdueWork {
    kind: Code,
    lesson: u32,
    date: NaiveDate,
    subject: u32,
    subject_name: String,
    work_type: String,
    work_type_name: String,
    due: NaiveDate,
}

/// A subject's standing in the week's term.
#[pyclass(frozen, eq, hash, get_all, module = "zhurnal")]
#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) struct DiarySubject {
    subject: u32,
    subject_name: String,
    average: Option<Decimal>,
    marks_counted: u32,
    period_mark: String,
    final_mark: Option<String>,
    class_average: Option<Decimal>,
}

/// A student's diary week.
#[pyclass(frozen, eq, hash, get_all, module = "zhurnal")]
#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) struct DiaryWeek {
    student: u32,
    student_name: String,
    class_id: Option<u32>,
    monday: NaiveDate,
    today: NaiveDate,
    days: Vec<DiaryDay>,
    overdue: Vec<OverdueWork>,
    term: Option<String>,
    subjects: Vec<DiarySubject>,
}

impl From<journal::DiaryWeek> for DiaryWeek {
    fn from(w: journal::DiaryWeek) -> DiaryWeek {
        DiaryWeek {
            student: w.student.get(),
            student_name: w.student_name.to_string(),
            class_id: w.class_id.map(|c| c.get()),
            monday: w.monday,
            today: w.today,
            days: w.days.into_iter().map(day).collect(),
            overdue: w.overdue.into_iter().map(overdue).collect(),
            term: w.term.map(|t| t.to_string()),
            subjects: w.subjects.into_iter().map(subject).collect(),
        }
    }
}

fn day(d: journal::DiaryDay) -> DiaryDay {
    DiaryDay {
        date: d.date,
        holiday: d.holiday,
        lessons: d.lessons.into_iter().map(lesson).collect(),
    }
}

fn lesson(l: journal::DiaryLesson) -> DiaryLesson {
    DiaryLesson {
        lesson: l.lesson.get(),
        shift: Code::of(&SHIFT, &l.shift),
        slot: l.slot,
        start: l.start,
        end: l.end,
        subject: l.subject.get(),
        subject_name: l.subject_name,
        room: l.room,
        teacher: l.teacher.get(),
        teacher_name: l.teacher_name,
        topic: l.topic,
        homework: l.homework.map(|h| Homework {
            text: h.text().to_owned(),
            due: h.due(),
        }),
        marks: l.marks.into_iter().map(mark).collect(),
        attendance: l.attendance.map(|a| Code::of(&ATTENDANCE_CODE, &a)),
    }
}

fn mark(m: journal::DiaryMark) -> DiaryMark {
    DiaryMark {
        mark: m.mark.get(),
        value: m.value.to_string(),
        work_type: m.work_type.as_str().to_owned(),
        work_type_name: m.work_type_name,
        weight: m.weight.get(),
    }
}

fn overdue(o: journal::OverdueWork) -> OverdueWork {
    OverdueWork {
        kind: Code::of(&OVERDUE_KIND, &o.kind),
        lesson: o.lesson.get(),
        date: o.date,
        subject: o.subject.get(),
        subject_name: o.subject_name,
        work_type: o.work_type.as_str().to_owned(),
        work_type_name: o.work_type_name,
        due: o.due,
    }
}

fn subject(s: journal::DiarySubject) -> DiarySubject {
    DiarySubject {
        subject: s.subject.get(),
        subject_name: s.subject_name,
        average: s.average,
        marks_counted: s.marks_counted,
        period_mark: s.period_mark.to_string(),
        final_mark: s.final_mark.map(|m| m.to_string()),
        class_average: s.class_average,
    }
}

#[pymethods]
impl DiaryMark {
    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["mark", "value", "work_type", "weight"])
    }
}

#[pymethods]
impl Homework {
    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["text", "due"])
    }
}

#[pymethods]
impl DiaryLesson {
    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(
            slf.as_any(),
            &["lesson", "slot", "subject_name", "marks", "attendance"],
        )
    }
}

#[pymethods]
impl DiaryDay {
    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["date", "holiday", "lessons"])
    }
}

#[pymethods]
impl OverdueWork {
    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["kind", "lesson", "subject_name", "due"])
    }
}

#[pymethods]
impl DiarySubject {
    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        repr(slf.as_any(), &["subject_name", "average", "period_mark"])
    }
}

#[pymethods]
impl DiaryWeek {
    fn __repr__(&self) -> String {
        format!(
            "DiaryWeek(student={}, monday={}, days={}, overdue={}, subjects={})",
            self.student,
            self.monday,
            self.days.len(),
            self.overdue.len(),
            self.subjects.len()
        )
    }
}
