//! The NetSchool import on payloads written for the project
//! (`tests/fixtures/netschool`), and its errors with their paths.
#![allow(clippy::unwrap_used)] // test code: helpers outside #[test] functions too

use super::*;
use crate::attendance::AttendanceCode;
use crate::calendar::Shift;
use crate::ids::SubjectId;
use crate::journal::OverdueKind;

fn fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/netschool")
        .join(name);
    std::fs::read_to_string(path).unwrap()
}

fn context() -> WeekContext {
    WeekContext {
        student: StudentId::new(4),
        student_name: PersonName::new("Гаврилова", "Полина", None).unwrap(),
        today: NaiveDate::from_ymd_opt(2014, 9, 18).unwrap(),
    }
}

fn types() -> AssignmentTypes {
    AssignmentTypes::from_json(&fixture("types.json")).unwrap()
}

#[test]
fn a_week_becomes_the_diary_week() {
    let imported = diary_week(&fixture("week-normal.json"), &types(), &context()).unwrap();
    let week = &imported.week;
    assert_eq!(week.monday, NaiveDate::from_ymd_opt(2014, 9, 15).unwrap());
    assert_eq!(week.days.len(), 6, "Monday to Saturday, no Sunday lessons");
    assert_eq!(week.term.map(|t| t.to_string()), Some("Q1".to_owned()));
    let monday = &week.days[0].lessons;
    // Sorted by number, whatever the payload's order.
    assert_eq!(monday.iter().map(|l| l.slot).collect::<Vec<_>>(), [1, 2]);
    let maths = &monday[0];
    assert_eq!(maths.subject_name, "Математика");
    assert_eq!(maths.marks[0].value.to_string(), "5");
    assert_eq!(maths.marks[0].weight.get().to_string(), "1.5");
    assert_eq!(maths.marks[0].work_type.as_str(), "netschool_10");
    assert_eq!(maths.marks[0].work_type_name, "Ответ на уроке");
    let hw = maths.homework.as_ref().unwrap();
    assert_eq!(
        (hw.text(), hw.due().to_string().as_str()),
        ("№ 45, 46", "2014-09-17")
    );
    assert_eq!(monday[1].room.as_deref(), Some("21"));
    let tuesday = &week.days[1].lessons;
    assert_eq!(tuesday[0].shift, Shift::Second);
    assert_eq!(tuesday[0].attendance, Some(AttendanceCode::Absent));
    assert!(tuesday[0].marks.is_empty());
    // A debt on an unknown type: overdue, a debt mark, the type noted.
    assert_eq!(week.overdue.len(), 1);
    assert_eq!(week.overdue[0].kind, OverdueKind::Debt);
    assert_eq!(tuesday[1].marks[0].value.to_string(), ".");
    assert_eq!(tuesday[1].marks[0].work_type_name, "Тип задания 99");
    assert_eq!(
        imported
            .notes
            .unknown_types
            .iter()
            .copied()
            .collect::<Vec<_>>(),
        [99]
    );
    assert_eq!(imported.notes.hidden_weights, 1);
    // Subject ids from the names: the same in every week, one per name.
    assert_eq!(maths.subject, lesson::subject_id("Математика"));
    assert_eq!(week.days[1].lessons[0].subject, maths.subject);
    assert_ne!(monday[1].subject, maths.subject);
    assert_eq!(lesson::subject_id("a"), SubjectId::new(0xe40c_292c));
}

/// The normal week with one value replaced (`path` in the JSON pointer
/// syntax) or removed (`None`).
fn broken(pointer: &str, value: Option<serde_json::Value>) -> String {
    let mut v: serde_json::Value = serde_json::from_str(&fixture("week-normal.json")).unwrap();
    match value {
        Some(new) => *v.pointer_mut(pointer).unwrap() = new,
        None => {
            let (parent, key) = pointer.rsplit_once('/').unwrap();
            v.pointer_mut(parent)
                .unwrap()
                .as_object_mut()
                .unwrap()
                .remove(key);
        }
    }
    v.to_string()
}

#[test]
fn missing_or_mistyped_fields_are_named_by_their_path() {
    use serde_json::json;
    let cases = [
        ("/weekStart", None, "weekStart"),
        ("/weekDays", None, "weekDays"),
        (
            "/weekDays/1/date",
            Some(json!("16.09.2014")),
            "weekDays[1].date",
        ),
        (
            "/weekDays/0/lessons/1/number",
            None,
            "weekDays[0].lessons[1].number",
        ),
        (
            "/weekDays/0/lessons/1/number",
            Some(json!("один")),
            "weekDays[0].lessons[1].number",
        ),
        (
            "/weekDays/0/lessons/0/subjectName",
            None,
            "weekDays[0].lessons[0].subjectName",
        ),
        (
            "/weekDays/0/lessons/1/startTime",
            Some(json!("8 утра")),
            "weekDays[0].lessons[1].startTime",
        ),
        (
            "/weekDays/0/lessons/1/assignments/0/typeId",
            None,
            "weekDays[0].lessons[1].assignments[0].typeId",
        ),
        (
            "/weekDays/0/lessons/1/assignments/0/mark/mark",
            Some(json!(7)),
            "weekDays[0].lessons[1].assignments[0].mark.mark",
        ),
        (
            "/weekDays/0/lessons/1/assignments/0/weight",
            Some(json!(-1)),
            "weekDays[0].lessons[1].assignments[0].weight",
        ),
        (
            "/weekDays/0/lessons/1/relay",
            Some(json!(4)),
            "weekDays[0].lessons[1].relay",
        ),
        (
            "/weekDays/1/date",
            Some(json!("2014-10-01T00:00:00")),
            "weekDays[1].date",
        ),
    ];
    for (pointer, value, path) in cases {
        let e = diary_week(&broken(pointer, value), &types(), &context()).unwrap_err();
        assert_eq!(e.code(), "interop.payload", "{pointer}");
        assert!(
            e.to_string()
                .starts_with(&format!("netschool payload: {path}: ")),
            "{pointer}: {e}"
        );
    }
    let e = diary_week("{\"weekStart\":", &types(), &context()).unwrap_err();
    assert!(
        e.to_string().starts_with("netschool payload: $: not JSON"),
        "{e}"
    );
    let e =
        AssignmentTypes::from_json(r#"[{"id":3,"name":"ДЗ"},{"id":3,"name":"x"}]"#).unwrap_err();
    assert!(
        e.to_string().contains("[1].id: type id 3 appears twice"),
        "{e}"
    );
}
