//! Tests of the school year's construction, lookups and serde.

use super::*;
use chrono::NaiveTime;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn t(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

fn trimesters() -> Vec<Term> {
    let s = TermScheme::Trimesters;
    vec![
        Term::new(s, 1, d(2014, 9, 1), d(2014, 11, 30)).unwrap(),
        Term::new(s, 2, d(2014, 12, 1), d(2015, 2, 28)).unwrap(),
        Term::new(s, 3, d(2015, 3, 1), d(2015, 5, 31)).unwrap(),
    ]
}

#[test]
fn trimester_year() {
    let y = SchoolYear::new(d(2014, 9, 1), d(2015, 5, 31), trimesters()).unwrap();
    assert_eq!(y.scheme(), TermScheme::Trimesters);
    assert_eq!(y.term_of(d(2014, 12, 1)).unwrap().code(), "T2");
    let t3 = TermCode::parse("T3").unwrap();
    assert_eq!(y.term(&t3).unwrap().start(), d(2015, 3, 1));
    assert!(y.term(&TermCode::parse("Q1").unwrap()).is_none());
    assert_eq!(y.require_term_str("T3").unwrap().code(), t3);
    for text in ["Q1", "Q9", ""] {
        let e = y.require_term_str(text).unwrap_err();
        assert_eq!(e.code(), "calendar.unknown_term", "{text:?}");
    }
    assert!(y.slots().is_empty() && y.holidays().is_empty());
}

#[test]
fn year_errors() {
    let e = SchoolYear::new(d(2015, 5, 31), d(2014, 9, 1), trimesters()).unwrap_err();
    assert_eq!(e.code(), "calendar.invalid_year_range");
    let e = SchoolYear::new(d(2014, 9, 1), d(2015, 5, 31), vec![]).unwrap_err();
    assert_eq!(e.code(), "calendar.wrong_term_count");
    let mut terms = trimesters();
    terms.pop();
    let e = SchoolYear::new(d(2014, 9, 1), d(2015, 5, 31), terms).unwrap_err();
    assert_eq!(e.code(), "calendar.wrong_term_count");
    assert_eq!(e.to_string(), "Trimesters need 3 terms, 2 given");
    let mut terms = trimesters();
    terms.swap(0, 1);
    let e = SchoolYear::new(d(2014, 9, 1), d(2015, 5, 31), terms).unwrap_err();
    assert_eq!(e.code(), "calendar.terms_out_of_order");
    let mut terms = trimesters();
    terms[2] = Term::new(TermScheme::Quarters, 3, d(2015, 3, 1), d(2015, 5, 31)).unwrap();
    let e = SchoolYear::new(d(2014, 9, 1), d(2015, 5, 31), terms).unwrap_err();
    assert_eq!(e.code(), "calendar.mixed_term_schemes");
    let e = SchoolYear::new(d(2014, 9, 2), d(2015, 5, 31), trimesters()).unwrap_err();
    assert_eq!(e.code(), "calendar.term_outside_year");
    let e = SchoolYear::new(d(2014, 9, 1), d(2015, 5, 30), trimesters()).unwrap_err();
    assert_eq!(e.code(), "calendar.term_outside_year");
    let mut terms = trimesters();
    terms[1] = Term::new(TermScheme::Trimesters, 2, d(2014, 11, 30), d(2015, 2, 28)).unwrap();
    let e = SchoolYear::new(d(2014, 9, 1), d(2015, 5, 31), terms).unwrap_err();
    assert_eq!(e.code(), "calendar.terms_overlap");
    assert_eq!(
        e.to_string(),
        "term T2 starting 2014-11-30 overlaps term T1 ending 2014-11-30"
    );
}

#[test]
fn slots_validated_and_state_unchanged() {
    let mut y = SchoolYear::new(d(2014, 9, 1), d(2015, 5, 31), trimesters()).unwrap();
    y.add_slot(LessonSlot::new(2, t(9, 0), t(9, 45), Shift::First).unwrap())
        .unwrap();
    y.add_slot(LessonSlot::new(1, t(8, 0), t(8, 45), Shift::First).unwrap())
        .unwrap();
    // Same number in another shift is fine, even at an overlapping time.
    y.add_slot(LessonSlot::new(1, t(8, 30), t(9, 15), Shift::Second).unwrap())
        .unwrap();
    let before = y.clone();
    let e = y
        .add_slot(LessonSlot::new(1, t(13, 0), t(13, 45), Shift::First).unwrap())
        .unwrap_err();
    assert_eq!(e.code(), "calendar.duplicate_slot");
    let e = y
        .add_slot(LessonSlot::new(3, t(9, 30), t(10, 15), Shift::First).unwrap())
        .unwrap_err();
    assert_eq!(e.code(), "calendar.slots_overlap");
    assert_eq!(y, before);
    let numbers: Vec<_> = y.slots().iter().map(|s| (s.shift(), s.number())).collect();
    assert_eq!(
        numbers,
        [(Shift::First, 1), (Shift::First, 2), (Shift::Second, 1)]
    );
    assert_eq!(
        y.require_slot(Shift::Third, 1).unwrap_err().code(),
        "calendar.unknown_slot"
    );
}

#[test]
fn holidays_validated() {
    let mut y = SchoolYear::new(d(2014, 9, 1), d(2015, 5, 31), trimesters()).unwrap();
    let before = y.clone();
    let e = y
        .add_holiday(Holiday::new("X", d(2014, 8, 30), d(2014, 9, 2)).unwrap())
        .unwrap_err();
    assert_eq!(e.code(), "calendar.holiday_outside_year");
    assert_eq!(y, before);
}

#[test]
fn serde_round_trip_and_validation() {
    let y = SchoolYear::russian_2014_2015();
    let json = serde_json::to_string(&y).unwrap();
    let back: SchoolYear = serde_json::from_str(&json).unwrap();
    assert_eq!(back, y);
    let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
    v["terms"][1]["start"] = "2014-10-01".into();
    assert!(serde_json::from_value::<SchoolYear>(v).is_err());
    let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
    v["holidays"][0]["start"] = "2013-10-01".into();
    assert!(serde_json::from_value::<SchoolYear>(v).is_err());
    let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let first = v["slots"][0].clone();
    v["slots"].as_array_mut().unwrap().push(first);
    assert!(serde_json::from_value::<SchoolYear>(v).is_err());
    // Grade rules are written only when there are some, and validated.
    assert!(json.contains("study_weeks_by_grade"));
    let mut plain = SchoolYear::new(d(2014, 9, 1), d(2015, 5, 31), trimesters()).unwrap();
    let json = serde_json::to_string(&plain).unwrap();
    assert!(!json.contains("study_weeks_by_grade"));
    plain.set_study_week_for(4, StudyWeek::FiveDays).unwrap();
    let json = serde_json::to_string(&plain).unwrap();
    assert!(json.contains(r#""study_weeks_by_grade":[{"grade":4,"study_week":"five_days"}]"#));
    assert_eq!(serde_json::from_str::<SchoolYear>(&json).unwrap(), plain);
    let bad = json.replace(r#""grade":4"#, r#""grade":0"#);
    let e = serde_json::from_str::<SchoolYear>(&bad).unwrap_err();
    assert!(e.to_string().contains("grade 0 is outside 1..=11"), "{e}");
}

#[test]
fn grade_weeks_validated() {
    let mut y = SchoolYear::new(d(2014, 9, 1), d(2015, 5, 31), trimesters()).unwrap();
    let before = y.clone();
    for bad in [0, 12] {
        let e = y.set_study_week_for(bad, StudyWeek::FiveDays).unwrap_err();
        assert_eq!(e.code(), "calendar.invalid_grade");
    }
    assert_eq!(y, before);
    y.set_study_week_for(11, StudyWeek::FiveDays).unwrap();
    y.set_study_week_for(1, StudyWeek::FiveDays).unwrap();
    assert_eq!(
        y.study_weeks_by_grade()
            .iter()
            .map(|g| (g.grade, g.study_week))
            .collect::<Vec<_>>(),
        [(1, StudyWeek::FiveDays), (11, StudyWeek::FiveDays)]
    );
    assert_eq!(y.study_week_for(5), StudyWeek::SixDays);
    assert_eq!(y.study_week_for(0), StudyWeek::SixDays);
}
