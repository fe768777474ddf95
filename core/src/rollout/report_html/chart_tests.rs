//! Tests of the chart's layout.

use super::*;
use crate::demo::{DemoConfig, demo_rollout};
use crate::rollout::ReportOptions;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn report(day: NaiveDate) -> RolloutReport {
    let demo = demo_rollout(&DemoConfig::tiny(7)).unwrap();
    RolloutReport::build(
        &demo.plan,
        &demo.school,
        &demo.registry,
        day,
        &ReportOptions::default(),
    )
}

#[test]
fn the_scale_maps_the_range_onto_the_plot() {
    let s = Scale::new(date(2014, 9, 1), date(2015, 1, 1));
    assert_eq!(s.x(date(2014, 9, 1)), Scale::left());
    assert_eq!(s.x(date(2015, 1, 1)), Scale::right());
    // 122 days over 648 units: 30 days → 159.3 units.
    assert_eq!(s.x(date(2014, 10, 1)), dec("203.3"));
    // Outside the range: at the edge.
    assert_eq!(s.x(date(2014, 8, 1)), Scale::left());
    assert_eq!(s.x(date(2016, 1, 1)), Scale::right());
    assert_eq!(s.y(Decimal::ZERO), Scale::bottom());
    assert_eq!(s.y(Decimal::ONE_HUNDRED), Scale::top());
    assert_eq!(s.y(dec("50")), dec("140"));
    assert_eq!(s.y(dec("70.05")), dec("89.5"));
    assert_eq!(s.y(dec("120")), Scale::top());
}

#[test]
fn an_empty_range_is_a_day_wide() {
    let day = date(2014, 9, 1);
    let s = Scale::new(day, day);
    assert_eq!(s.x(day), Scale::left());
    assert_eq!(s.x(date(2014, 9, 2)), Scale::right());
}

#[test]
fn the_gymnasium_chart_on_the_first_of_december() {
    let r = report(date(2014, 12, 1));
    let c = ChartLayout::of(&r);
    assert_eq!((c.start, c.end), (date(2014, 9, 1), date(2015, 1, 1)));
    // One band per target, each from the checkpoint before to its own.
    assert_eq!(c.bands.len(), r.targets.len());
    let s = Scale::new(c.start, c.end);
    assert_eq!(c.bands[0].x, Scale::left());
    assert_eq!(c.bands[0].x + c.bands[0].width, s.x(date(2014, 10, 1)));
    assert_eq!(c.bands[1].x, s.x(date(2014, 10, 1)));
    assert_eq!(c.bands[1].x + c.bands[1].width, s.x(date(2014, 11, 1)));
    // 41–60%: from y(60) down to y(41).
    assert_eq!(c.bands[1].y, s.y(dec("60")));
    assert_eq!(c.bands[1].y + c.bands[1].height, s.y(dec("41")));
    // 100%: a band of no height is drawn MIN_BAND high, inside the plot.
    assert_eq!(c.bands[3].height, Decimal::from(MIN_BAND));
    assert!(c.bands[3].y + c.bands[3].height <= Scale::bottom());
    // Three checkpoints measured, marked at their share.
    assert_eq!(c.markers.len(), 3);
    for (m, t) in c.markers.iter().zip(&r.targets) {
        let o = t.outcome.unwrap();
        assert_eq!(Some(m.share), o.share);
        assert_eq!((m.x, m.y), (s.x(o.checkpoint.date), s.y(m.share)));
    }
    // One run of 92 days ending at today's share.
    assert_eq!(c.runs.len(), 1);
    assert_eq!(c.runs[0].len(), 92);
    let today = (s.x(r.date), s.y(r.activation.share.unwrap()));
    assert_eq!(c.runs[0].last(), Some(&today));
    assert_eq!(c.today, today.0);
    // The projection continues from today to 01.01.2015.
    let p = c.projection.unwrap();
    assert_eq!(p.from, today);
    assert_eq!(p.to.0, Scale::right());
    assert_eq!(p.to.1, s.y(r.projection.unwrap().projected_share));
    // Month ticks: 01.09, 01.10, 01.11, 01.12, 01.01.
    let labels: Vec<&str> = c.x_ticks.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(
        labels,
        ["сен 2014", "окт 2014", "ноя 2014", "дек 2014", "янв 2015"]
    );
    assert_eq!(c.y_ticks.len(), 6);
    assert_eq!(c.y_ticks[5].at, Scale::top());
}

#[test]
fn bands_before_the_curve_still_show() {
    // Two years on, every checkpoint is before the curve: each band is
    // drawn at the left edge, MIN_BAND wide.
    let r = report(date(2017, 6, 1));
    let c = ChartLayout::of(&r);
    assert_eq!(c.bands.len(), 4);
    for b in &c.bands {
        assert_eq!(b.x, Scale::left());
        assert_eq!(b.width, Decimal::from(MIN_BAND));
    }
    assert!(c.projection.is_none());
    // 24 months fit in at most twelve ticks.
    assert!(c.x_ticks.len() <= 12 && c.x_ticks.len() >= 8);
}

#[test]
fn a_day_without_eligible_parents_breaks_the_line() {
    use crate::activation::{ActivationCount, CurvePoint};
    let mut r = report(date(2014, 12, 1));
    r.curve[10] = CurvePoint::new(r.curve[10].date, ActivationCount::default());
    let c = ChartLayout::of(&r);
    assert_eq!(c.runs.iter().map(Vec::len).collect::<Vec<_>>(), [10, 81]);
}
