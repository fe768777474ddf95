//! One lesson of a NetSchool day and its assignments, as a diary lesson.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::json::Node;
use super::types::AssignmentTypes;
use crate::attendance::AttendanceCode;
use crate::calendar::Shift;
use crate::ids::{LessonId, MarkId, SubjectId, TeacherId};
use crate::interop::InteropError;
use crate::journal::{DiaryLesson, DiaryMark, OverdueKind, OverdueWork};
use crate::lesson::Homework;
use crate::marks::{MarkValue, Weight, WorkTypeCode};

/// What the import noticed besides the values.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportNotes {
    /// Type ids of assignments that the table does not have (their work
    /// type is named «Тип задания N»).
    pub unknown_types: BTreeSet<u32>,
    /// Marks whose weight the server hid (`0` or absent): counted with
    /// weight 1.
    pub hidden_weights: u32,
}

/// The id of a subject named `name`: FNV-1a of its UTF-8 bytes, 32 bits,
/// 0 taken as 1 (the payload has no subject ids; this one is the same in
/// every week).
pub(super) fn subject_id(name: &str) -> SubjectId {
    let hash = name.bytes().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    SubjectId::new(hash.max(1))
}

/// Reads a lesson.
pub(super) fn lesson(
    node: &Node<'_>,
    types: &AssignmentTypes,
    overdue: &mut Vec<OverdueWork>,
    notes: &mut ImportNotes,
) -> Result<DiaryLesson, InteropError> {
    let id = node.field("classmeetingId")?.id()?;
    let subject_name = node.field("subjectName")?.str()?.trim().to_owned();
    let subject = subject_id(&subject_name);
    let number = node.field("number")?;
    let slot = u8::try_from(number.int()?).map_err(|_| {
        number.error(format!(
            "a lesson number 0..=255 expected, found {}",
            number.shown()
        ))
    })?;
    let shift = match node.optional("relay")? {
        None => Shift::First,
        Some(relay) => match relay.int()? {
            1 => Shift::First,
            2 => Shift::Second,
            3 => Shift::Third,
            _ => {
                return Err(relay.error(format!(
                    "a shift 1, 2 or 3 expected, found {}",
                    relay.shown()
                )));
            }
        },
    };
    let start = node.optional("startTime")?.map(|t| t.time()).transpose()?;
    let end = node.optional("endTime")?.map(|t| t.time()).transpose()?;
    let room = match node.optional("room")? {
        Some(r) => Some(r.str()?.trim().to_owned()).filter(|r| !r.is_empty()),
        None => None,
    };
    let mut out = DiaryLesson {
        lesson: LessonId::new(id),
        shift,
        slot,
        start,
        end,
        subject,
        subject_name,
        room,
        teacher: TeacherId::new(0),
        teacher_name: String::new(),
        topic: None,
        homework: None,
        marks: Vec::new(),
        attendance: None,
    };
    let mut homework: Vec<(String, NaiveDate)> = Vec::new();
    if let Some(assignments) = node.optional("assignments")? {
        for a in assignments.items()? {
            assignment(&a, types, &mut out, &mut homework, overdue, notes)?;
        }
    }
    if let Some(&(_, due)) = homework.first() {
        let text: Vec<&str> = homework.iter().map(|(t, _)| t.as_str()).collect();
        out.homework = Homework::new(&text.join("; "), due).ok();
    }
    Ok(out)
}

/// Reads one assignment into the lesson: homework text, a mark, an
/// absence, a debt.
fn assignment(
    a: &Node<'_>,
    types: &AssignmentTypes,
    lesson: &mut DiaryLesson,
    homework: &mut Vec<(String, NaiveDate)>,
    overdue: &mut Vec<OverdueWork>,
    notes: &mut ImportNotes,
) -> Result<(), InteropError> {
    let type_id = a.field("typeId")?.id()?;
    let name = a.field("assignmentName")?.str()?.trim().to_owned();
    let due = a.field("dueDate")?.date()?;
    let kind = types.get(type_id);
    if kind.is_none() {
        notes.unknown_types.insert(type_id);
    }
    let work_type =
        WorkTypeCode::new(format!("netschool_{type_id}")).map_err(|e| a.error(e.to_string()))?;
    let work_type_name = kind.map_or_else(|| format!("Тип задания {type_id}"), |k| k.name.clone());
    if kind.is_some_and(|k| k.is_homework()) && !name.is_empty() {
        homework.push((name, due));
    }
    let Some(mark) = a.optional("mark")? else {
        return Ok(());
    };
    let duty = match mark.optional("dutyMark")? {
        Some(d) => d.bool()?,
        None => false,
    };
    let value = match mark.optional("mark")? {
        None if duty => Some(MarkValue::Debt),
        None => None,
        Some(v) => match v.value {
            serde_json::Value::Number(_) => Some(
                MarkValue::parse(&v.int()?.to_string())
                    .map_err(|_| v.error(format!("a mark 1..=5 expected, found {}", v.shown())))?,
            ),
            _ => {
                let text = v.str()?;
                if let Ok(code) = AttendanceCode::parse(text) {
                    lesson.attendance = Some(code);
                    None
                } else {
                    Some(MarkValue::parse(text).map_err(|_| {
                        v.error(format!(
                            "a mark or an absence code expected, found {}",
                            v.shown()
                        ))
                    })?)
                }
            }
        },
    };
    if duty {
        overdue.push(OverdueWork {
            kind: OverdueKind::Debt,
            lesson: lesson.lesson,
            date: due,
            subject: lesson.subject,
            subject_name: lesson.subject_name.clone(),
            work_type: work_type.clone(),
            work_type_name: work_type_name.clone(),
            due,
        });
    }
    let Some(value) = value else {
        return Ok(());
    };
    lesson.marks.push(DiaryMark {
        mark: MarkId::new(a.field("id")?.id()?),
        value,
        work_type,
        work_type_name,
        weight: weight(a, notes)?,
    });
    Ok(())
}

/// The assignment's weight; `0` or absent (a server that hides weights)
/// counts as 1.
fn weight(a: &Node<'_>, notes: &mut ImportNotes) -> Result<Weight, InteropError> {
    let Some(w) = a.optional("weight")? else {
        notes.hidden_weights += 1;
        return Ok(Weight::ONE);
    };
    let serde_json::Value::Number(n) = w.value else {
        return Err(w.error(format!("a number expected, found {}", w.shown())));
    };
    let value = Decimal::from_str_exact(&n.to_string())
        .map_err(|_| w.error(format!("an exact weight expected, found {n}")))?;
    if value.is_zero() {
        notes.hidden_weights += 1;
        return Ok(Weight::ONE);
    }
    Weight::new(value).map_err(|e| w.error(e.to_string()))
}
