//! Each breach type of the load check, its limits and its boundaries.

use super::*;
use crate::thematic_plan::{PlanSection, PlanTopic, ThematicPlan};

fn date(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2021, m, d).unwrap()
}

/// A lesson of class 1 on slot 3 (neither first nor last), 4 hours a week.
fn lesson(id: u32, subject: u32, day: NaiveDate, assessment: bool) -> LoadLesson {
    LoadLesson {
        lesson: LessonId::new(id),
        class_id: ClassId::new(1),
        subgroup: None,
        subject: SubjectId::new(subject),
        date: day,
        slot: 3,
        first_of_day: false,
        last_of_day: false,
        hours_per_week: Decimal::from(4),
        assessment,
    }
}

fn planned(class: u32, subject: u32, hours: u32) -> PlannedHours {
    PlannedHours::new(
        ClassId::new(class),
        SubjectId::new(subject),
        Decimal::from(hours),
    )
    .unwrap()
}

/// 4 hours a week × 34 weeks for subjects 10, 20 and 30 of classes 1 and 2.
fn year_plans() -> Vec<PlannedHours> {
    let mut out = Vec::new();
    for class in [1, 2] {
        for subject in [10, 20, 30] {
            out.push(planned(class, subject, 136));
        }
    }
    out
}

/// The breaches under `policy` with [`year_plans`].
fn check_with(policy: LoadPolicy, lessons: &[LoadLesson]) -> Vec<LoadBreach> {
    let report = policy.check(lessons, &year_plans()).unwrap();
    assert_eq!(report.year_share_skipped, vec![]);
    report.breaches
}

/// The breaches under the default policy with [`year_plans`].
fn check(lessons: &[LoadLesson]) -> Vec<LoadBreach> {
    check_with(LoadPolicy::default(), lessons)
}

fn policy(per_day: u32, days: u32, share: u32) -> LoadPolicy {
    LoadPolicy::new(per_day, Decimal::ONE, days, Decimal::from(share), 34).unwrap()
}

/// Ordinary lessons of a subject, not assessment procedures.
fn filler(subject: u32, n: u32) -> Vec<LoadLesson> {
    (0..n)
        .map(|i| lesson(1000 + subject * 100 + i, subject, date(10, 1), false))
        .collect()
}

fn rules(breaches: &[LoadBreach]) -> Vec<LoadRule> {
    breaches.iter().map(|b| b.rule).collect()
}

#[test]
fn clean_schedule_has_no_breach() {
    let mut lessons = filler(10, 40);
    lessons.extend(filler(20, 40));
    lessons.push(lesson(1, 10, date(9, 20), true));
    lessons.push(lesson(2, 20, date(9, 21), true));
    lessons.push(lesson(3, 10, date(10, 8), true)); // 18 days after 20.09
    assert_eq!(check(&lessons), vec![]);
}

#[test]
fn more_than_one_a_day() {
    let mut lessons = filler(10, 40);
    lessons.extend(filler(20, 40));
    lessons.push(lesson(1, 10, date(9, 20), true));
    lessons.push(lesson(2, 20, date(9, 20), true));
    let breaches = check(&lessons);
    assert_eq!(rules(&breaches), vec![LoadRule::PerDay]);
    let b = &breaches[0];
    assert_eq!(b.class_id, ClassId::new(1));
    assert_eq!(b.subjects, vec![SubjectId::new(10), SubjectId::new(20)]);
    assert_eq!(b.dates, vec![date(9, 20)]);
    assert_eq!(b.lessons, vec![LessonId::new(1), LessonId::new(2)]);
    assert_eq!(
        b.to_string(),
        "class#1, subject#10, subject#20, 2021-09-20: more than the daily limit of assessment procedures"
    );
    // a limit of two allows it
    assert_eq!(check_with(policy(2, 18, 10), &lessons), vec![]);
    // another class the same day is not this class's load
    let mut other = lesson(2, 20, date(9, 20), true);
    other.class_id = ClassId::new(2);
    lessons.pop();
    lessons.push(other);
    lessons.extend(filler(20, 40).into_iter().map(|mut l| {
        l.class_id = ClassId::new(2);
        l
    }));
    assert_eq!(check(&lessons), vec![]);
}

#[test]
fn subgroups_clash_only_when_a_student_sits_both() {
    let mut lessons = filler(30, 40);
    let mut g1 = lesson(1, 30, date(9, 20), true);
    g1.subgroup = Some(SubgroupId::new(1));
    let mut g2 = lesson(2, 30, date(9, 20), true);
    g2.subgroup = Some(SubgroupId::new(2));
    lessons.extend([g1, g2]);
    lessons.extend(filler(30, 40).into_iter().map(|mut l| {
        l.subgroup = Some(SubgroupId::new(1));
        l
    }));
    lessons.extend(filler(30, 40).into_iter().map(|mut l| {
        l.subgroup = Some(SubgroupId::new(2));
        l
    }));
    assert_eq!(check(&lessons), vec![]);
    // group 1 also has a whole-class test that day: a clash
    lessons.push(lesson(3, 10, date(9, 20), true));
    lessons.extend(filler(10, 40));
    assert_eq!(rules(&check(&lessons)), vec![LoadRule::PerDay]);
}

#[test]
fn first_or_last_lesson() {
    let mut lessons = filler(10, 40);
    let mut first = lesson(1, 10, date(9, 20), true);
    first.first_of_day = true;
    first.slot = 1;
    let mut last = lesson(2, 10, date(10, 20), true);
    last.last_of_day = true;
    lessons.extend([first, last]);
    let breaches = check(&lessons);
    assert_eq!(
        rules(&breaches),
        vec![LoadRule::FirstOrLastLesson, LoadRule::FirstOrLastLesson]
    );
    assert_eq!(breaches[0].dates, vec![date(9, 20)]);
    assert_eq!(breaches[1].lessons, vec![LessonId::new(2)]);
    assert_eq!(breaches[1].subjects, vec![SubjectId::new(10)]);
    // a one-hour-a-week subject may
    for l in &mut lessons {
        l.hours_per_week = Decimal::ONE;
    }
    assert_eq!(check(&lessons), vec![]);
    // 1.5 hours a week may not
    for l in &mut lessons {
        l.hours_per_week = "1.5".parse().unwrap();
    }
    assert_eq!(check(&lessons).len(), 2);
}

#[test]
fn two_and_a_half_weeks_means_eighteen_days() {
    let mut lessons = filler(10, 40);
    lessons.push(lesson(1, 10, date(9, 1), true));
    lessons.push(lesson(2, 10, date(9, 18), true)); // 17 days: a breach
    let breaches = check(&lessons);
    assert_eq!(rules(&breaches), vec![LoadRule::SubjectSpacing]);
    assert_eq!(breaches[0].dates, vec![date(9, 1), date(9, 18)]);
    assert_eq!(breaches[0].subjects, vec![SubjectId::new(10)]);
    lessons.pop();
    lessons.push(lesson(2, 10, date(9, 19), true)); // 18 days: fine
    assert_eq!(check(&lessons), vec![]);
    // other subjects do not count
    lessons.push(lesson(3, 20, date(9, 5), true));
    lessons.extend(filler(20, 40));
    assert_eq!(check(&lessons), vec![]);
    // each too-close pair is one breach
    lessons.push(lesson(4, 10, date(9, 25), true));
    let breaches = check(&lessons);
    assert_eq!(rules(&breaches), vec![LoadRule::SubjectSpacing]);
    assert_eq!(breaches[0].dates, vec![date(9, 19), date(9, 25)]);
    // subgroups of one subject write it on different days without a breach
    let mut lessons = filler(10, 40);
    let mut g1 = lesson(1, 10, date(9, 1), true);
    g1.subgroup = Some(SubgroupId::new(1));
    let mut g2 = lesson(2, 10, date(9, 2), true);
    g2.subgroup = Some(SubgroupId::new(2));
    lessons.extend([g1, g2]);
    let shares: Vec<_> = check(&lessons)
        .into_iter()
        .filter(|b| b.rule == LoadRule::SubjectSpacing)
        .collect();
    assert_eq!(shares, vec![]);
    // a spacing of 0 turns the rule off
    let off = policy(1, 0, 10);
    let mut lessons = filler(10, 40);
    lessons.push(lesson(1, 10, date(9, 1), true));
    lessons.push(lesson(2, 10, date(9, 2), true));
    assert_eq!(check_with(off, &lessons), vec![]);
}

#[test]
fn year_share_is_measured_against_planned_hours_not_lessons_so_far() {
    // October: 20 lessons of subject 10 held so far, 3 of them tests (15% of
    // the lessons so far), but 3 of the year's 136 planned hours (2.21%)
    let mut lessons = filler(10, 17);
    for (i, day) in [date(9, 1), date(9, 20), date(10, 8)]
        .into_iter()
        .enumerate()
    {
        lessons.push(lesson(i as u32 + 1, 10, day, true));
    }
    assert_eq!(check(&lessons), vec![]);
    // the same with hours a week: 1 hour × 34 weeks; 3 of 34 is 8.82%
    let one_hour =
        PlannedHours::from_hours_per_week(ClassId::new(1), SubjectId::new(10), Decimal::ONE, 34)
            .unwrap();
    assert_eq!(one_hour.hours(), Decimal::from(34));
    let report = LoadPolicy::default().check(&lessons, &[one_hour]).unwrap();
    assert_eq!(report, LoadReport::default());
}

#[test]
fn more_than_ten_percent_of_planned_hours() {
    // 34 planned hours: 3 tests are 8.82%, 4 are 11.76%
    let plan = [planned(1, 10, 34)];
    let mut lessons = filler(10, 5);
    let days = [date(9, 1), date(10, 1), date(11, 1), date(12, 1)];
    for (i, day) in days.into_iter().take(3).enumerate() {
        lessons.push(lesson(i as u32 + 1, 10, day, true));
    }
    let report = LoadPolicy::default().check(&lessons, &plan).unwrap();
    assert_eq!(report.breaches, vec![]);
    lessons.push(lesson(4, 10, days[3], true));
    let breaches = LoadPolicy::default()
        .check(&lessons, &plan)
        .unwrap()
        .breaches;
    assert_eq!(rules(&breaches), vec![LoadRule::YearShare]);
    let b = &breaches[0];
    assert_eq!(b.planned_hours, Some(Decimal::from(34)));
    assert_eq!(b.share, Some("11.76".parse().unwrap()));
    assert_eq!(b.dates, days.to_vec());
    assert_eq!(b.subjects, vec![SubjectId::new(10)]);
    assert_eq!(
        b.to_string(),
        "class#1, subject#10, 2021-09-01 and 2021-10-01 and 2021-11-01 and 2021-12-01: \
         assessment procedures over the year share of planned hours (4 of 34 planned hours, 11.76%)"
    );
    // exactly 10% is allowed: 4 of 40
    let report = LoadPolicy::default()
        .check(&lessons, &[planned(1, 10, 40)])
        .unwrap();
    assert_eq!(report.breaches, vec![]);
    // a policy of 12% allows 4 of 34
    let lenient = policy(1, 18, 12);
    assert_eq!(lenient.check(&lessons, &plan).unwrap().breaches, vec![]);
    // each English group against the class's planned hours of English
    let mut groups = Vec::new();
    for (id, group, day) in [(1, 1, date(9, 1)), (2, 1, date(10, 1)), (3, 2, date(9, 2))] {
        let mut l = lesson(id, 30, day, true);
        l.subgroup = Some(SubgroupId::new(group));
        groups.push(l);
    }
    let breaches = LoadPolicy::default()
        .check(&groups, &[planned(1, 30, 17)])
        .unwrap()
        .breaches;
    assert_eq!(rules(&breaches), vec![LoadRule::YearShare]);
    assert_eq!(
        breaches[0].lessons,
        vec![LessonId::new(1), LessonId::new(2)]
    );
}

#[test]
fn year_share_without_planned_hours_is_skipped_and_reported() {
    // subject 10 has a plan; subject 20 (whole class and a group) has none
    let mut lessons = vec![
        lesson(1, 10, date(9, 1), true),
        lesson(2, 20, date(9, 2), true),
        lesson(3, 20, date(10, 2), true),
        lesson(4, 40, date(10, 2), false), // no assessment: nothing to check
    ];
    let mut g = lesson(5, 20, date(11, 2), true);
    g.subgroup = Some(SubgroupId::new(1));
    lessons.push(g);
    let report = LoadPolicy::default()
        .check(&lessons, &[planned(1, 10, 5), planned(2, 20, 100)])
        .unwrap();
    // subject 10: 1 of 5 hours is 20%
    assert_eq!(rules(&report.breaches), vec![LoadRule::YearShare]);
    assert_eq!(report.breaches[0].subjects, vec![SubjectId::new(10)]);
    // subject 20 of class 1: not checked, never guessed from 3 lessons
    let skipped = YearShareSkipped {
        class_id: ClassId::new(1),
        subject: SubjectId::new(20),
        assessments: 3,
    };
    assert_eq!(report.year_share_skipped, vec![skipped]);
    assert_eq!(
        skipped.to_string(),
        "class#1, subject#20: 3 assessment procedures, the year share not checked: planned hours unknown"
    );
    let json = serde_json::to_string(&report).unwrap();
    assert_eq!(serde_json::from_str::<LoadReport>(&json).unwrap(), report);
}

#[test]
fn planned_hours_are_validated() {
    let plan = ThematicPlan::new(vec![
        PlanSection::new(
            "Числа",
            vec![
                PlanTopic::new("Счёт", 100).unwrap(),
                PlanTopic::new("Дроби", 36).unwrap(),
            ],
        )
        .unwrap(),
    ])
    .unwrap();
    let from_plan = PlannedHours::from_plan(ClassId::new(1), SubjectId::new(10), &plan).unwrap();
    assert_eq!(from_plan, planned(1, 10, 136));
    let huge = ThematicPlan::new(vec![
        PlanSection::new(
            "Много",
            (0..5)
                .map(|i| PlanTopic::new(&format!("Тема {i}"), 500).unwrap())
                .collect(),
        )
        .unwrap(),
    ])
    .unwrap();
    let e = PlannedHours::from_plan(ClassId::new(1), SubjectId::new(10), &huge).unwrap_err();
    assert_eq!(e.code(), "load.invalid_planned_hours");
    assert_eq!(
        e.to_string(),
        "planned hours of subject#10 in class#1 must be greater than 0 and at most 2080, got 2500"
    );
    let (c, s) = (ClassId::new(1), SubjectId::new(10));
    for hours in [Decimal::ZERO, Decimal::NEGATIVE_ONE, Decimal::from(2081)] {
        let e = PlannedHours::new(c, s, hours).unwrap_err();
        assert_eq!(e.code(), "load.invalid_planned_hours");
    }
    for hours in [Decimal::ZERO, Decimal::from(41)] {
        let e = PlannedHours::from_hours_per_week(c, s, hours, 34).unwrap_err();
        assert_eq!(e.code(), "load.invalid_hours_per_week");
    }
    let e = PlannedHours::from_hours_per_week(c, s, Decimal::ONE, 53).unwrap_err();
    assert_eq!(e.code(), "load.invalid_study_weeks");
    let json = serde_json::to_string(&from_plan).unwrap();
    assert_eq!(json, r#"{"class_id":1,"subject":10,"hours":"136"}"#);
    assert_eq!(
        serde_json::from_str::<PlannedHours>(&json).unwrap(),
        from_plan
    );
    let zero = json.replace(r#""136""#, r#""0""#);
    assert!(serde_json::from_str::<PlannedHours>(&zero).is_err());
    // the same entry twice is one; two different hours are refused
    let lessons = [lesson(1, 10, date(9, 1), true)];
    let twice = [planned(1, 10, 34), planned(1, 10, 34)];
    assert!(LoadPolicy::default().check(&lessons, &twice).is_ok());
    let e = LoadPolicy::default()
        .check(&lessons, &[planned(1, 10, 34), planned(1, 10, 68)])
        .unwrap_err();
    assert_eq!(e.code(), "load.conflicting_planned_hours");
    assert_eq!(
        e.to_string(),
        "planned hours of subject#10 in class#1 given twice: 34 and 68"
    );
}

#[test]
fn breaches_are_ordered_by_rule() {
    let mut a = lesson(1, 10, date(9, 1), true);
    a.first_of_day = true;
    let b = lesson(2, 10, date(9, 1), true);
    let breaches = LoadPolicy::default()
        .check(&[a, b], &[planned(1, 10, 10)])
        .unwrap()
        .breaches;
    assert_eq!(
        rules(&breaches),
        vec![
            LoadRule::PerDay,
            LoadRule::FirstOrLastLesson,
            LoadRule::SubjectSpacing,
            LoadRule::YearShare
        ]
    );
    let codes: Vec<_> = breaches.iter().map(|b| b.rule.code()).collect();
    assert_eq!(
        codes,
        [
            "load.per_day",
            "load.first_or_last_lesson",
            "load.subject_spacing",
            "load.year_share"
        ]
    );
}

#[test]
fn policy_is_validated() {
    let d = LoadPolicy::default();
    assert_eq!(d.max_per_day(), 1);
    assert_eq!(d.exempt_hours_per_week(), Decimal::ONE);
    assert_eq!(d.min_days_between(), 18);
    assert_eq!(d.max_year_share(), Decimal::TEN);
    assert_eq!(d.study_weeks(), 34);
    let e = LoadPolicy::new(0, Decimal::ONE, 18, Decimal::TEN, 34).unwrap_err();
    assert_eq!(e.code(), "load.invalid_per_day_limit");
    let e = LoadPolicy::new(1, Decimal::NEGATIVE_ONE, 18, Decimal::TEN, 34).unwrap_err();
    assert_eq!(e.code(), "load.invalid_exempt_hours");
    for share in [Decimal::ZERO, Decimal::from(101)] {
        let e = LoadPolicy::new(1, Decimal::ONE, 18, share, 34).unwrap_err();
        assert_eq!(e.code(), "load.invalid_year_share");
    }
    assert_eq!(
        LoadPolicy::new(1, Decimal::ONE, 18, Decimal::ZERO, 34)
            .unwrap_err()
            .to_string(),
        "the year share limit 0% must be greater than 0 and at most 100"
    );
    for weeks in [0, 53] {
        let e = LoadPolicy::new(1, Decimal::ONE, 18, Decimal::TEN, weeks).unwrap_err();
        assert_eq!(e.code(), "load.invalid_study_weeks");
    }
    let json = serde_json::to_string(&d).unwrap();
    assert_eq!(serde_json::from_str::<LoadPolicy>(&json).unwrap(), d);
    let bad = json.replace(r#""max_per_day":1"#, r#""max_per_day":0"#);
    assert!(serde_json::from_str::<LoadPolicy>(&bad).is_err());
    // a policy saved before study weeks existed reads as 34
    let old = json.replace(r#","study_weeks":34"#, "");
    assert_ne!(old, json);
    assert_eq!(serde_json::from_str::<LoadPolicy>(&old).unwrap(), d);
    let bad = json.replace(r#""study_weeks":34"#, r#""study_weeks":0"#);
    assert!(serde_json::from_str::<LoadPolicy>(&bad).is_err());
}
