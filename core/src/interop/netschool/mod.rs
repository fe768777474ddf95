//! The diary week as a NetSchool («Сетевой город. Образование») server
//! sends it (`GET student/diary`), into the core's [`DiaryWeek`], so a
//! phone app that talks to a NetSchool server shows the week, the marks
//! and what is due through zhurnal.
//!
//! The payload is read field by field; unknown fields are ignored, and a
//! missing or mistyped required field is an
//! [`InteropError::Payload`](crate::interop::InteropError::Payload) naming
//! its JSON path (`weekDays[2].lessons[0].number`). The mapping:
//!
//! | NetSchool | zhurnal |
//! |---|---|
//! | `weekStart` | the week's Monday (the Monday of that date's week) |
//! | `weekDays[].date`, `lessons` | one day Monday–Saturday (and Sunday when it has lessons); days the payload leaves out are empty |
//! | lesson `classmeetingId` | the lesson id |
//! | `relay` 1/2/3 (absent: 1) | the first, second or third shift |
//! | `number`, `startTime`/`endTime`, `room` | slot, times, room (null or blank: none) |
//! | `subjectName` | the subject; the payload has no subject ids, so its id is a hash of the name (FNV-1a, 32 bits, never 0): the same subject has the same id in every week |
//! | — | teacher id 0 and no name: the payload names no teacher |
//! | assignment `typeId` | work type `netschool_<typeId>`, named from the server's type table ([`AssignmentTypes`], ids differ per server); an id missing from the table is kept as «Тип задания N» and listed in [`ImportNotes::unknown_types`] |
//! | homework-type assignments (`Домашнее задание` / `ДЗ`) | the lesson's homework: their texts joined by `; `, due on the first one's `dueDate` |
//! | `mark.mark` 1–5 (or «зачёт»…) | a mark with the assignment id as its id |
//! | `mark.mark` an absence code (`Н`, `ОТ`, `УП`, `Б`, `НП`, `ОП`, `ОСВ`) | the lesson's attendance |
//! | `mark.dutyMark: true` | a debt («точка»): an overdue work of kind debt, due on `dueDate`, and a debt mark when there is no mark |
//! | `weight` | the mark's weight; `0` or absent (servers that hide weights) counts as 1 and is counted in [`ImportNotes::hidden_weights`] |
//! | `termName` «N четверть/триместр/полугодие» | the week's term `QN`/`TN`/`SN` |
//!
//! The subjects' standing for the term ([`DiaryWeek::subjects`]) is left
//! empty: a week's payload has the week's marks, not the term's. An app
//! that gathers a term's marks gets the period mark and "what do I need"
//! from [`crate::target_mark`] and [`crate::marks::PeriodMarkPolicy`].

mod json;
mod lesson;
mod types;

use chrono::{Datelike, Days, NaiveDate};

pub use lesson::ImportNotes;
pub use types::{AssignmentType, AssignmentTypes};

use crate::Error;
use crate::calendar::{TermCode, TermScheme};
use crate::ids::StudentId;
use crate::journal::{DiaryDay, DiaryWeek};
use crate::organisation::PersonName;
use json::Node;

/// Who the week is for, and the day it is read on (the payload names
/// neither the student nor today).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekContext {
    /// The student's id in the app.
    pub student: StudentId,
    /// The student's name.
    pub student_name: PersonName,
    /// Today.
    pub today: NaiveDate,
}

/// An imported week and what the import noticed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedWeek {
    /// The week.
    pub week: DiaryWeek,
    /// Unknown type ids and hidden weights.
    pub notes: ImportNotes,
}

/// Reads a `student/diary` payload with the server's assignment types.
///
/// # Errors
/// [`crate::interop::InteropError::Payload`] for text that is not JSON, a
/// missing or mistyped required field (named by its path), or a day
/// outside the week.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use zhurnal::ids::StudentId;
/// use zhurnal::interop::netschool::{diary_week, AssignmentTypes, WeekContext};
/// use zhurnal::organisation::PersonName;
/// let payload = r#"{"weekStart":"2022-01-24T00:00:00","weekEnd":"2022-01-30T00:00:00","weekDays":[
///   {"date":"2022-01-24T00:00:00","lessons":[{"classmeetingId":7,"number":1,"relay":1,"startTime":"08:00",
///    "endTime":"08:40","subjectName":"Математика","assignments":[{"id":9,"typeId":10,"assignmentName":"Ответ",
///    "weight":0,"dueDate":"2022-01-24T00:00:00","mark":{"mark":5,"dutyMark":false}}]}]}],"termName":"2 триместр"}"#;
/// let types = AssignmentTypes::from_pairs([(10, "Ответ на уроке".to_owned())]);
/// let context = WeekContext {
///     student: StudentId::new(1),
///     student_name: PersonName::new("Орлова", "Анна", None)?,
///     today: NaiveDate::from_ymd_opt(2022, 1, 26).unwrap(),
/// };
/// let imported = diary_week(payload, &types, &context)?;
/// let lesson = &imported.week.days[0].lessons[0];
/// assert_eq!(lesson.marks[0].value.to_string(), "5");
/// assert_eq!(lesson.marks[0].work_type_name, "Ответ на уроке");
/// assert_eq!(imported.week.term.map(|t| t.to_string()), Some("T2".to_owned()));
/// assert_eq!(imported.notes.hidden_weights, 1);
/// # Ok::<(), zhurnal::Error>(())
/// ```
pub fn diary_week(
    payload: &str,
    types: &AssignmentTypes,
    context: &WeekContext,
) -> Result<ImportedWeek, Error> {
    let value: serde_json::Value =
        serde_json::from_str(payload).map_err(|e| json::error("", format!("not JSON: {e}")))?;
    let root = Node::root(&value);
    let start = root.field("weekStart")?.date()?;
    root.field("weekEnd")?.date()?;
    let back = u64::from(start.weekday().num_days_from_monday());
    let monday = start.checked_sub_days(Days::new(back)).unwrap_or(start);
    let days_in = root.field("weekDays")?.items()?;
    let mut notes = ImportNotes::default();
    let mut overdue = Vec::new();
    let mut days: Vec<DiaryDay> = monday
        .iter_days()
        .take(7)
        .map(|date| DiaryDay {
            date,
            holiday: None,
            lessons: Vec::new(),
        })
        .collect();
    for day in &days_in {
        let date_node = day.field("date")?;
        let date = date_node.date()?;
        let Some(slot) = days.iter_mut().find(|d| d.date == date) else {
            return Err(date_node
                .error(format!("{date} is outside the week of {monday}"))
                .into());
        };
        let lessons = day.field("lessons")?;
        for l in lessons.items()? {
            let lesson = lesson::lesson(&l, types, &mut overdue, &mut notes)?;
            slot.lessons.push(lesson);
        }
        slot.lessons
            .sort_by_key(|l| (l.shift, l.slot, l.start, l.lesson));
    }
    if days.last().is_some_and(|sunday| sunday.lessons.is_empty()) {
        days.pop();
    }
    let term = match root.optional("termName")? {
        Some(t) => term_of(t.str()?),
        None => None,
    };
    let week = DiaryWeek {
        student: context.student,
        student_name: context.student_name.clone(),
        class_id: None,
        monday,
        today: context.today,
        days,
        overdue,
        term,
        subjects: Vec::new(),
    };
    Ok(ImportedWeek { week, notes })
}

/// The term of a name such as «2 триместр», «3 четверть», «1 полугодие».
fn term_of(name: &str) -> Option<TermCode> {
    let mut words = name.split_whitespace();
    let number: u8 = words.next()?.parse().ok()?;
    let scheme = match words.next()?.to_lowercase().as_str() {
        "четверть" => TermScheme::Quarters,
        "триместр" => TermScheme::Trimesters,
        "полугодие" => TermScheme::Semesters,
        _ => return None,
    };
    TermCode::of(scheme, number).ok()
}

#[cfg(test)]
mod tests;
