//! Snapshots: round trip, versioning, re-validation on load.

use serde_json::{Value, json};

use super::*;
use crate::attendance::AttendanceCode;
use crate::marks::{MarkValue, Points, WorkTypeCode};
use crate::school::SNAPSHOT_VERSION;

/// A named change to a snapshot document.
type Change = Box<dyn Fn(&mut Value)>;

fn populated() -> School {
    let mut s = school();
    let l = lesson(&mut s, d(2014, 9, 2), 1, MATH);
    let e = group_lesson(&mut s, d(2014, 9, 2), 2, LessonGroup::Subgroup(G1), ENGLISH);
    s.set_topic(l, "Натуральные числа").unwrap();
    s.set_homework(l, "№ 1\n№ 2", d(2014, 9, 4)).unwrap();
    let answer = WorkTypeCode::new("answer").unwrap();
    let removed = s
        .record_mark(l, sid(1), MarkValue::Points(Points::FIVE), &answer, None)
        .unwrap();
    s.record_mark(
        l,
        sid(2),
        MarkValue::Debt,
        &answer,
        Some("2.5".parse().unwrap()),
    )
    .unwrap();
    s.record_mark(
        e,
        sid(2),
        MarkValue::Fail,
        &WorkTypeCode::new("credit").unwrap(),
        None,
    )
    .unwrap();
    s.remove_mark(removed).unwrap();
    s.record_attendance(l, sid(3), AttendanceCode::Unexcused)
        .unwrap();
    s.record_attendance(e, sid(1), AttendanceCode::Exempt)
        .unwrap();
    s
}

fn doc(s: &School) -> Value {
    serde_json::from_str(&s.to_json().unwrap()).unwrap()
}

fn load(v: &Value) -> Result<School, crate::Error> {
    School::from_json(&v.to_string())
}

#[test]
fn round_trip_is_lossless() {
    let s = populated();
    let json = s.to_json().unwrap();
    assert!(json.starts_with(r#"{"format":"zhurnal.school","version":1,"#));
    let back = School::from_json(&json).unwrap();
    assert_eq!(back, s);
    assert_eq!(back.to_json().unwrap(), json);
    // The id counters survive: the removed mark's id is not reused.
    let mut back = back;
    let l = back.lessons_of_class(C5A, d(2014, 9, 2), d(2014, 9, 2))[0].id();
    let id = back
        .record_mark(
            l,
            sid(4),
            MarkValue::Pass,
            &WorkTypeCode::new("credit").unwrap(),
            None,
        )
        .unwrap();
    assert_eq!(id.get(), 4);
    // School itself is serde too.
    let via_serde: School = serde_json::from_str(&json).unwrap();
    assert_eq!(via_serde, s);
}

#[test]
fn format_and_version_are_checked() {
    let s = populated();
    let mut v = doc(&s);
    v["version"] = json!(SNAPSHOT_VERSION + 1);
    let e = load(&v).unwrap_err();
    assert_eq!(e.code(), "snapshot.unsupported_version");
    assert_eq!(
        e.to_string(),
        "unsupported school snapshot version 2, expected 1"
    );
    assert!(serde_json::from_value::<School>(v.clone()).is_err());
    v["version"] = json!("1");
    assert_eq!(load(&v).unwrap_err().code(), "snapshot.invalid_document");
    let mut v = doc(&s);
    v["format"] = json!("zhurnal.registry");
    assert_eq!(load(&v).unwrap_err().code(), "snapshot.wrong_format");
    v.as_object_mut().unwrap().remove("format");
    assert_eq!(load(&v).unwrap_err().code(), "snapshot.wrong_format");
    assert_eq!(
        School::from_json("[]").unwrap_err().code(),
        "snapshot.wrong_format"
    );
    assert_eq!(
        School::from_json("nope").unwrap_err().code(),
        "snapshot.invalid_document"
    );
}

#[test]
fn invalid_values_are_refused() {
    let s = populated();
    let cases: Vec<(&str, Change)> = vec![
        (
            "class letter",
            Box::new(|v| v["classes"][0]["name"] = json!("5Ы")),
        ),
        ("weight", Box::new(|v| v["marks"][0]["weight"] = json!("0"))),
        (
            "mark value",
            Box::new(|v| v["marks"][0]["value"] = json!({"points": 7})),
        ),
        (
            "empty name",
            Box::new(|v| v["students"][0]["name"]["last"] = json!(" ")),
        ),
        (
            "homework",
            Box::new(|v| v["lessons"][0]["homework"]["due"] = json!("2014-09-01")),
        ),
        (
            "calendar",
            Box::new(|v| v["calendar"]["terms"][0]["end"] = json!("2014-11-15")),
        ),
        (
            "missing field",
            Box::new(|v| {
                v.as_object_mut().unwrap().remove("lessons");
            }),
        ),
    ];
    for (what, change) in cases {
        let mut v = doc(&s);
        change(&mut v);
        let e = load(&v).unwrap_err();
        assert_eq!(e.code(), "snapshot.invalid_document", "{what}: {e}");
    }
}

#[test]
fn broken_invariants_are_refused() {
    let s = populated();
    let cases: Vec<(&str, Change)> = vec![
        (
            "school.not_enrolled",
            Box::new(|v| v["marks"][0]["student"] = json!(5)),
        ),
        (
            "school.not_in_subgroup",
            Box::new(|v| v["attendance"][1]["student"] = json!(3)),
        ),
        (
            "school.unknown_lesson",
            Box::new(|v| v["marks"][0]["lesson"] = json!(99)),
        ),
        (
            "mark.unknown_work_type",
            Box::new(|v| v["marks"][0]["work_type"] = json!("essay_x")),
        ),
        (
            "calendar.lesson_on_holiday",
            Box::new(|v| v["lessons"][1]["date"] = json!("2014-11-04")),
        ),
        (
            "calendar.day_off",
            Box::new(|v| v["lessons"][1]["date"] = json!("2014-09-07")),
        ),
        (
            "calendar.not_a_school_day_for_grade",
            Box::new(|v| {
                v["classes"][0]["name"] = json!("1А");
                v["lessons"][1]["date"] = json!("2014-09-06");
            }),
        ),
        (
            "calendar.not_a_school_day_for_grade",
            Box::new(|v| {
                v["classes"][0]["name"] = json!("1А");
                v["lessons"][1]["date"] = json!("2015-02-10");
            }),
        ),
        (
            "school.group_slot_taken",
            Box::new(|v| v["lessons"][1]["slot"] = json!(1)),
        ),
        (
            "school.duplicate_id",
            Box::new(|v| v["lessons"][1]["id"] = json!(1)),
        ),
        (
            "school.duplicate_id",
            Box::new(|v| v["students"][1]["id"] = json!(1)),
        ),
        (
            "school.duplicate_class_name",
            Box::new(|v| v["classes"][1]["name"] = json!("5А")),
        ),
        (
            "school.unknown_teacher",
            Box::new(|v| v["classes"][0]["class_teacher"] = json!(42)),
        ),
        (
            "school.overlapping_enrolment",
            Box::new(|v| v["enrolments"][1]["student"] = json!(1)),
        ),
        (
            "school.student_not_in_class",
            Box::new(|v| v["subgroup_members"][0]["student"] = json!(5)),
        ),
        (
            "school.duplicate_link",
            Box::new(|v| {
                let link = v["parent_links"][0].clone();
                v["parent_links"].as_array_mut().unwrap().push(link);
            }),
        ),
        (
            "school.attendance_already_recorded",
            Box::new(|v| {
                let mut a = v["attendance"][0].clone();
                a["id"] = json!(77);
                v["attendance"].as_array_mut().unwrap().push(a);
            }),
        ),
        (
            "school.id_counter_behind",
            Box::new(|v| v["next_mark_id"] = json!(3)),
        ),
        (
            "school.id_counter_behind",
            Box::new(|v| v["next_lesson_id"] = json!(1)),
        ),
        (
            "school.id_counter_behind",
            Box::new(|v| v["next_attendance_id"] = json!(0)),
        ),
    ];
    for (code, change) in cases {
        let mut v = doc(&s);
        change(&mut v);
        let e = load(&v).unwrap_err();
        assert_eq!(e.code(), code, "{e}");
    }
}
