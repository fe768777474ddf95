//! Tests of the page: what it holds, counted against the report.

use chrono::NaiveDate;

use crate::demo::{DemoConfig, demo_rollout};
use crate::rollout::{ReportOptions, RolloutReport};

fn report(day: NaiveDate) -> RolloutReport {
    let demo = demo_rollout(&DemoConfig::gymnasium17(2014)).unwrap();
    RolloutReport::build(
        &demo.plan,
        &demo.school,
        &demo.registry,
        day,
        &ReportOptions::default(),
    )
}

fn count(page: &str, needle: &str) -> usize {
    page.matches(needle).count()
}

#[test]
fn the_page_holds_every_part_of_the_report() {
    let r = report(NaiveDate::from_ymd_opt(2014, 12, 1).unwrap());
    let page = r.to_html();
    assert!(page.starts_with("<!DOCTYPE html><html lang=\"ru\">"));
    // Self-contained: no script, nothing to fetch.
    for banned in [
        "<script", "http:", "https:", "src=", "<link", "@import", "url(",
    ] {
        assert!(!page.contains(banned), "{banned} in the page");
    }
    assert!(page.contains("Текущий этап: <strong>II. Основной этап</strong>"));
    assert_eq!(count(&page, "<article class=\"card "), r.stages.len());
    assert_eq!(count(&page, "<rect class=\"band\""), r.targets.len());
    let measured = r.targets.iter().filter(|t| t.outcome.is_some()).count();
    assert_eq!(count(&page, "<circle class=\"mark "), measured);
    assert!(page.contains(&format!("data-days=\"{}\"", r.curve.len())));
    assert!(page.contains("линейный прогноз на 01.01.2015: 80,35%"));
    assert_eq!(count(&page, " data-class=\""), r.classes.len());
    assert_eq!(count(&page, "<li class=\"step\""), 7);
    let a = &r.applications;
    for (key, n) in [
        ("submitted", a.submitted),
        ("registered", a.registered),
        ("approved", a.approved),
        ("credentials_issued", a.credentials_issued),
        ("activated", a.activated),
        ("rejected", a.rejected),
        ("revoked", a.revoked),
    ] {
        assert!(
            page.contains(&format!("data-step=\"{key}\" data-count=\"{n}\"")),
            "{key}"
        );
    }
    // The due-soon tasks are a table; there are no overdue ones.
    assert_eq!(count(&page, "<table class=\"tasks\" id=\"due-soon\""), 1);
    assert!(page.contains("<p class=\"none\" id=\"overdue\">Просроченные задачи: нет.</p>"));
    // Accessible: the chart is an image with a title and a description
    // that says what it shows.
    assert!(page.contains("role=\"img\" aria-labelledby=\"chart-title chart-desc\""));
    assert!(page.contains("до 01.10.2014 30–40%: 30,92% (286 из 925) — выполнено"));
    assert_eq!(count(&page, "<caption>"), 3);
}

#[test]
fn the_classes_are_listed_lagging_first() {
    let r = report(NaiveDate::from_ymd_opt(2014, 12, 1).unwrap());
    let page = r.to_html();
    let order: Vec<&str> = page
        .split(" data-class=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect();
    let expected: Vec<String> = r
        .classes_lagging_first()
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(order, expected);
    // 7Б (47,06%) lags most on 01.12.2014.
    assert_eq!(order[0], "7Б");
    assert!(page.contains("<tr class=\"lag-current\" data-class=\"7Б\">"));
}

#[test]
fn text_is_escaped() {
    let mut r = report(NaiveDate::from_ymd_opt(2014, 10, 1).unwrap());
    r.school = "Школа <b>&</b>".into();
    let page = r.to_html();
    assert!(page.contains("Школа &lt;b&gt;&amp;&lt;/b&gt;"));
    assert!(!page.contains("<b>&</b>"));
}

#[test]
fn before_any_checkpoint_and_without_applications() {
    let r = report(NaiveDate::from_ymd_opt(2014, 8, 20).unwrap());
    let page = r.to_html();
    assert_eq!(r.current_checkpoint, None);
    assert_eq!(count(&page, "<rect class=\"band\""), 4);
    assert_eq!(count(&page, "<circle class=\"mark "), 0);
    assert!(page.contains("срок не наступил"));
}

#[test]
fn without_classes_the_page_says_so() {
    let mut r = report(NaiveDate::from_ymd_opt(2014, 12, 1).unwrap());
    r.classes.clear();
    let page = r.to_html();
    assert!(page.contains("<p class=\"none\" id=\"class-table\">"));
    assert!(!page.contains("<table class=\"classes\""));
}
