//! Each breach type of the load check, its limits and its boundaries.

use super::*;

fn date(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2021, m, d).unwrap()
}

/// A lesson of class 1 on slot 3 (neither first nor last), 4 hours a week.
fn lesson(id: u32, subject: u32, day: NaiveDate, assessment: bool) -> LoadLesson {
    LoadLesson {
        lesson: LessonId::new(id),
        class: ClassId::new(1),
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

/// Filler lessons so the year share stays under 10%.
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
    assert_eq!(LoadPolicy::default().check(&lessons), vec![]);
}

#[test]
fn more_than_one_a_day() {
    let mut lessons = filler(10, 40);
    lessons.extend(filler(20, 40));
    lessons.push(lesson(1, 10, date(9, 20), true));
    lessons.push(lesson(2, 20, date(9, 20), true));
    let breaches = LoadPolicy::default().check(&lessons);
    assert_eq!(rules(&breaches), vec![LoadRule::PerDay]);
    let b = &breaches[0];
    assert_eq!(b.class, ClassId::new(1));
    assert_eq!(b.subjects, vec![SubjectId::new(10), SubjectId::new(20)]);
    assert_eq!(b.dates, vec![date(9, 20)]);
    assert_eq!(b.lessons, vec![LessonId::new(1), LessonId::new(2)]);
    assert_eq!(
        b.to_string(),
        "class#1, subject#10, subject#20, 2021-09-20: more than the daily limit of assessment procedures"
    );
    // a limit of two allows it
    let lenient = LoadPolicy::new(2, Decimal::ONE, 18, Decimal::TEN).unwrap();
    assert_eq!(lenient.check(&lessons), vec![]);
    // another class the same day is not this class's load
    let mut other = lesson(2, 20, date(9, 20), true);
    other.class = ClassId::new(2);
    lessons.pop();
    lessons.push(other);
    lessons.extend(filler(20, 40).into_iter().map(|mut l| {
        l.class = ClassId::new(2);
        l
    }));
    assert_eq!(LoadPolicy::default().check(&lessons), vec![]);
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
    assert_eq!(LoadPolicy::default().check(&lessons), vec![]);
    // group 1 also has a whole-class test that day: a clash
    lessons.push(lesson(3, 10, date(9, 20), true));
    lessons.extend(filler(10, 40));
    assert_eq!(
        rules(&LoadPolicy::default().check(&lessons)),
        vec![LoadRule::PerDay]
    );
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
    let breaches = LoadPolicy::default().check(&lessons);
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
    assert_eq!(LoadPolicy::default().check(&lessons), vec![]);
    // 1.5 hours a week may not
    for l in &mut lessons {
        l.hours_per_week = "1.5".parse().unwrap();
    }
    assert_eq!(LoadPolicy::default().check(&lessons).len(), 2);
}

#[test]
fn two_and_a_half_weeks_means_eighteen_days() {
    let mut lessons = filler(10, 40);
    lessons.push(lesson(1, 10, date(9, 1), true));
    lessons.push(lesson(2, 10, date(9, 18), true)); // 17 days: a breach
    let breaches = LoadPolicy::default().check(&lessons);
    assert_eq!(rules(&breaches), vec![LoadRule::SubjectSpacing]);
    assert_eq!(breaches[0].dates, vec![date(9, 1), date(9, 18)]);
    assert_eq!(breaches[0].subjects, vec![SubjectId::new(10)]);
    lessons.pop();
    lessons.push(lesson(2, 10, date(9, 19), true)); // 18 days: fine
    assert_eq!(LoadPolicy::default().check(&lessons), vec![]);
    // other subjects do not count
    lessons.push(lesson(3, 20, date(9, 5), true));
    lessons.extend(filler(20, 40));
    assert_eq!(LoadPolicy::default().check(&lessons), vec![]);
    // each too-close pair is one breach
    lessons.push(lesson(4, 10, date(9, 25), true));
    let breaches = LoadPolicy::default().check(&lessons);
    assert_eq!(rules(&breaches), vec![LoadRule::SubjectSpacing]);
    assert_eq!(breaches[0].dates, vec![date(9, 19), date(9, 25)]);
    // subgroups of one subject write it on different days without a breach
    let mut lessons = filler(10, 40);
    let mut g1 = lesson(1, 10, date(9, 1), true);
    g1.subgroup = Some(SubgroupId::new(1));
    let mut g2 = lesson(2, 10, date(9, 2), true);
    g2.subgroup = Some(SubgroupId::new(2));
    lessons.extend([g1, g2]);
    let shares: Vec<_> = LoadPolicy::default()
        .check(&lessons)
        .into_iter()
        .filter(|b| b.rule == LoadRule::SubjectSpacing)
        .collect();
    assert_eq!(shares, vec![]);
    // a spacing of 0 turns the rule off
    let off = LoadPolicy::new(1, Decimal::ONE, 0, Decimal::TEN).unwrap();
    let mut lessons = filler(10, 40);
    lessons.push(lesson(1, 10, date(9, 1), true));
    lessons.push(lesson(2, 10, date(9, 2), true));
    assert_eq!(off.check(&lessons), vec![]);
}

#[test]
fn more_than_ten_percent_of_lessons() {
    // 3 assessments in 30 lessons: exactly 10%, allowed
    let mut lessons = filler(10, 27);
    for (i, day) in [date(9, 1), date(10, 1), date(11, 1)]
        .into_iter()
        .enumerate()
    {
        lessons.push(lesson(i as u32 + 1, 10, day, true));
    }
    assert_eq!(LoadPolicy::default().check(&lessons), vec![]);
    // 3 in 29: 10.34%
    lessons.remove(0);
    let breaches = LoadPolicy::default().check(&lessons);
    assert_eq!(rules(&breaches), vec![LoadRule::YearShare]);
    let b = &breaches[0];
    assert_eq!(b.share, Some("10.34".parse().unwrap()));
    assert_eq!(b.dates, vec![date(9, 1), date(10, 1), date(11, 1)]);
    assert_eq!(b.subjects, vec![SubjectId::new(10)]);
    assert_eq!(
        b.to_string(),
        "class#1, subject#10, 2021-09-01 and 2021-10-01 and 2021-11-01: assessment procedures over the year share of lessons (10.34%)"
    );
    let lenient = LoadPolicy::new(1, Decimal::ONE, 18, Decimal::from(11)).unwrap();
    assert_eq!(lenient.check(&lessons), vec![]);
}

#[test]
fn breaches_are_ordered_by_rule() {
    let mut a = lesson(1, 10, date(9, 1), true);
    a.first_of_day = true;
    let b = lesson(2, 10, date(9, 1), true);
    let breaches = LoadPolicy::default().check(&[a, b]);
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
    let e = LoadPolicy::new(0, Decimal::ONE, 18, Decimal::TEN).unwrap_err();
    assert_eq!(e.code(), "load.invalid_per_day_limit");
    let e = LoadPolicy::new(1, Decimal::NEGATIVE_ONE, 18, Decimal::TEN).unwrap_err();
    assert_eq!(e.code(), "load.invalid_exempt_hours");
    for share in [Decimal::ZERO, Decimal::from(101)] {
        let e = LoadPolicy::new(1, Decimal::ONE, 18, share).unwrap_err();
        assert_eq!(e.code(), "load.invalid_year_share");
    }
    assert_eq!(
        LoadPolicy::new(1, Decimal::ONE, 18, Decimal::ZERO)
            .unwrap_err()
            .to_string(),
        "the year share limit 0% must be greater than 0 and at most 100"
    );
    let json = serde_json::to_string(&d).unwrap();
    assert_eq!(serde_json::from_str::<LoadPolicy>(&json).unwrap(), d);
    let bad = json.replace(r#""max_per_day":1"#, r#""max_per_day":0"#);
    assert!(serde_json::from_str::<LoadPolicy>(&bad).is_err());
}
