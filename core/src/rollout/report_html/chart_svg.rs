//! The activation chart as inline SVG, written from its [`ChartLayout`],
//! with a title and a text alternative.

use maud::{Markup, html};
use rust_decimal::Decimal;

use super::chart::{ChartLayout, HEIGHT, Scale, WIDTH};
use crate::rollout::RolloutReport;
use crate::rollout::report_text::{band_ru, date_ru, decimal_ru, share_text, target_ru};

/// `x1,y1 x2,y2 …` of a polyline.
fn points(run: &[(Decimal, Decimal)]) -> String {
    run.iter()
        .map(|(x, y)| format!("{x},{y}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The chart's text alternative: what it shows, in sentences.
pub(super) fn text_alternative(report: &RolloutReport, layout: &ChartLayout) -> String {
    let mut parts = vec![format!(
        "Доля активированных родителей по дням с {} по {}; на {} — {}.",
        date_ru(layout.start),
        date_ru(report.date),
        date_ru(report.date),
        share_text(report.activation.share)
    )];
    if !report.targets.is_empty() {
        let targets: Vec<String> = report
            .targets
            .iter()
            .map(|t| target_ru(t, report.date))
            .collect();
        parts.push(format!("Цели плана: {}.", targets.join("; ")));
    }
    if let Some(p) = &report.projection {
        parts.push(format!(
            "Линейный прогноз на {}: {}% — {}.",
            date_ru(p.checkpoint.date),
            decimal_ru(p.projected_share),
            band_ru(Some(p.status))
        ));
    }
    parts.join(" ")
}

/// The chart of the school's activation by day, the target bands, the
/// measured share at each checkpoint and the projection.
pub(super) fn activation_chart(report: &RolloutReport) -> Markup {
    let c = ChartLayout::of(report);
    let (left, right, top, bottom) = (Scale::left(), Scale::right(), Scale::top(), Scale::bottom());
    html! {
        svg class="chart" id="activation-chart" viewBox=(format!("0 0 {WIDTH} {HEIGHT}"))
            width=(WIDTH) height=(HEIGHT) role="img"
            aria-labelledby="chart-title chart-desc" {
            title id="chart-title" { "Активация родителей по дням и цели плана" }
            desc id="chart-desc" { (text_alternative(report, &c)) }
            g class="grid" aria-hidden="true" {
                @for t in &c.y_ticks {
                    line x1=(left) x2=(right) y1=(t.at) y2=(t.at) {}
                    text class="tick" x=(left - Decimal::from(6)) y=(t.at + Decimal::from(4))
                        text-anchor="end" { (t.label) }
                }
                @for t in &c.x_ticks {
                    line x1=(t.at) x2=(t.at) y1=(bottom) y2=(bottom + Decimal::from(5)) {}
                    text class="tick" x=(t.at) y=(bottom + Decimal::from(18))
                        text-anchor="middle" { (t.label) }
                }
            }
            g class="bands" {
                @for b in &c.bands {
                    rect class="band" data-band=(b.checkpoint.date) x=(b.x) y=(b.y)
                        width=(b.width) height=(b.height) {
                        title { "Цель на " (date_ru(b.checkpoint.date)) ": " (b.checkpoint.band) }
                    }
                    text class="band-label" x=(b.x + Decimal::from(3))
                        y=(b.y - Decimal::from(3)) aria-hidden="true" {
                        (b.checkpoint.band)
                    }
                }
            }
            line class="today" x1=(c.today) x2=(c.today) y1=(top) y2=(bottom) {}
            @for run in &c.runs {
                polyline class="curve" data-days=(run.len()) points=(points(run)) {}
            }
            @if let Some(p) = &c.projection {
                g class="projection" {
                    line class="projection-line" x1=(p.from.0) y1=(p.from.1) x2=(p.to.0) y2=(p.to.1) {}
                    text class="projection-label" x=(p.to.0)
                        y=(p.to.1 - Decimal::from(10)) text-anchor="end" {
                        "линейный прогноз на " (date_ru(p.checkpoint.date)) ": "
                        (decimal_ru(p.share)) "%"
                    }
                }
            }
            g class="marks" {
                @for m in &c.markers {
                    circle class=(format!("mark {}", m.status.map_or("none", |s| s.as_str())))
                        data-checkpoint=(m.checkpoint.date) cx=(m.x) cy=(m.y) r="5" {
                        title {
                            (date_ru(m.checkpoint.date)) ": " (decimal_ru(m.share)) "% при цели "
                            (m.checkpoint.band) " — " (band_ru(m.status))
                        }
                    }
                    text class="mark-label" x=(m.x - Decimal::from(7)) y=(m.y - Decimal::from(8))
                        text-anchor="end" aria-hidden="true" { (decimal_ru(m.share)) "%" }
                }
            }
        }
    }
}
