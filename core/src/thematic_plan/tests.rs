//! Tests of the thematic plan and its attachment to lessons.

use super::*;
use crate::calendar::Shift;
use crate::ids::{ClassId, SubjectId, TeacherId};
use crate::lesson::{LessonGroup, NewLesson};

fn lesson(id: u32, day: u32, slot: u8) -> Lesson {
    Lesson::new(
        LessonId::new(id),
        NewLesson {
            date: NaiveDate::from_ymd_opt(2014, 9, day).unwrap(),
            shift: Shift::First,
            slot,
            group: LessonGroup::Class(ClassId::new(1)),
            subject: SubjectId::new(1),
            teacher: TeacherId::new(1),
            room: None,
        },
    )
    .unwrap()
}

fn plan(hours: &[&[u32]]) -> ThematicPlan {
    let sections = hours
        .iter()
        .enumerate()
        .map(|(i, topics)| {
            let topics = topics
                .iter()
                .enumerate()
                .map(|(j, h)| PlanTopic::new(&format!("Тема {}.{}", i + 1, j + 1), *h).unwrap())
                .collect();
            PlanSection::new(&format!("Раздел {}", i + 1), topics).unwrap()
        })
        .collect();
    ThematicPlan::new(sections).unwrap()
}

#[test]
fn exact_fit() {
    let p = plan(&[&[1, 2], &[1]]);
    let lessons = [
        lesson(1, 1, 1),
        lesson(2, 2, 1),
        lesson(3, 3, 1),
        lesson(4, 4, 1),
    ];
    let r = p.attach(&lessons);
    let got: Vec<_> = r
        .assignments
        .iter()
        .map(|a| (a.lesson.get(), a.title.as_str(), a.hour, a.hours))
        .collect();
    assert_eq!(
        got,
        [
            (1, "Тема 1.1", 1, 1),
            (2, "Тема 1.2", 1, 2),
            (3, "Тема 1.2", 2, 2),
            (4, "Тема 2.1", 1, 1)
        ]
    );
    assert!(r.lessons_without_topic.is_empty());
    assert!(r.topics_not_reached.is_empty());
    assert_eq!(
        (r.planned_hours, r.scheduled_lessons, r.difference),
        (4, 4, 0)
    );
}

#[test]
fn more_lessons_than_hours() {
    let p = plan(&[&[1]]);
    // Given out of order: attach sorts by date and slot.
    let lessons = [lesson(3, 2, 1), lesson(1, 1, 2), lesson(2, 1, 1)];
    let r = p.attach(&lessons);
    assert_eq!(r.assignments[0].lesson, LessonId::new(2));
    assert_eq!(
        r.lessons_without_topic,
        [LessonId::new(1), LessonId::new(3)]
    );
    assert_eq!(r.difference, 2);
}

#[test]
fn fewer_lessons_than_hours() {
    let p = plan(&[&[2, 1], &[3]]);
    let r = p.attach(&[lesson(1, 1, 1)]);
    let unreached: Vec<_> = r
        .topics_not_reached
        .iter()
        .map(|t| (t.section, t.topic, t.hours, t.hours_covered))
        .collect();
    assert_eq!(unreached, [(1, 1, 2, 1), (1, 2, 1, 0), (2, 1, 3, 0)]);
    assert_eq!(r.difference, -5);
    let none = p.attach(&[]);
    assert!(none.assignments.is_empty());
    assert_eq!(none.topics_not_reached.len(), 3);
}

#[test]
fn errors() {
    assert_eq!(
        PlanTopic::new("Т", 0).unwrap_err().code(),
        "plan.zero_hours"
    );
    assert_eq!(
        PlanTopic::new("Т", 0).unwrap_err().to_string(),
        "topic \"Т\" has zero hours"
    );
    assert_eq!(
        PlanTopic::new("Т", 501).unwrap_err().code(),
        "plan.too_many_hours"
    );
    assert_eq!(
        PlanTopic::new("", 1).unwrap_err().code(),
        "plan.empty_title"
    );
    assert_eq!(
        PlanTopic::new("a\tb", 1).unwrap_err().code(),
        "plan.invalid_title"
    );
    assert_eq!(
        PlanSection::new("Р", vec![]).unwrap_err().code(),
        "plan.empty_section"
    );
    assert_eq!(ThematicPlan::new(vec![]).unwrap_err().code(), "plan.empty");
}

#[test]
fn serde_validates() {
    let p = plan(&[&[1, 2]]);
    let json = serde_json::to_string(&p).unwrap();
    assert_eq!(serde_json::from_str::<ThematicPlan>(&json).unwrap(), p);
    let zero = json.replace("\"hours\":2", "\"hours\":0");
    assert!(serde_json::from_str::<ThematicPlan>(&zero).is_err());
    assert!(serde_json::from_str::<ThematicPlan>(r#"{"sections":[]}"#).is_err());
    assert!(
        serde_json::from_str::<ThematicPlan>(r#"{"sections":[{"title":"Р","topics":[]}]}"#)
            .is_err()
    );
}
