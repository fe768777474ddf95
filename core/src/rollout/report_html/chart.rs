//! The layout of the activation chart: where each band, point, mark and
//! line of the report goes, in the SVG's coordinates. Pure arithmetic on
//! the report's values (no rule is computed here), tested on its own; the
//! markup is written from it by [`super::chart_svg`].

use chrono::{Datelike, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};

use crate::activation::{BandStatus, Checkpoint};
use crate::rollout::RolloutReport;

/// The SVG's width, in its own units.
pub(super) const WIDTH: u32 = 720;
/// The SVG's height.
pub(super) const HEIGHT: u32 = 300;
const LEFT: u32 = 44;
const RIGHT: u32 = 28;
const TOP: u32 = 14;
const BOTTOM: u32 = 34;
/// The narrowest or lowest a band is drawn, so that every band shows.
const MIN_BAND: u32 = 3;
const MONTHS_RU: [&str; 12] = [
    "янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек",
];

/// A coordinate, one decimal place.
fn coord(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero)
}

/// Dates to x and shares (percent) to y inside the plot area; values
/// outside the range are drawn at its edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Scale {
    start: NaiveDate,
    end: NaiveDate,
}

impl Scale {
    /// The scale from `start` to `end`; an empty range is widened to a day.
    pub(super) fn new(start: NaiveDate, end: NaiveDate) -> Scale {
        let end = if end > start {
            end
        } else {
            start.succ_opt().unwrap_or(start)
        };
        Scale { start, end }
    }

    pub(super) fn left() -> Decimal {
        Decimal::from(LEFT)
    }

    pub(super) fn right() -> Decimal {
        Decimal::from(WIDTH - RIGHT)
    }

    pub(super) fn top() -> Decimal {
        Decimal::from(TOP)
    }

    pub(super) fn bottom() -> Decimal {
        Decimal::from(HEIGHT - BOTTOM)
    }

    /// The x of a day.
    pub(super) fn x(&self, date: NaiveDate) -> Decimal {
        let total = (self.end - self.start).num_days().max(1);
        let days = (date.clamp(self.start, self.end) - self.start).num_days();
        let width = Self::right() - Self::left();
        coord(Self::left() + width * Decimal::from(days) / Decimal::from(total))
    }

    /// The y of a share, percent.
    pub(super) fn y(&self, share: Decimal) -> Decimal {
        let share = share.clamp(Decimal::ZERO, Decimal::ONE_HUNDRED);
        let height = Self::bottom() - Self::top();
        coord(Self::bottom() - height * share / Decimal::ONE_HUNDRED)
    }
}

/// A target band shaded up to its checkpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct BandBox {
    pub(super) checkpoint: Checkpoint,
    pub(super) x: Decimal,
    pub(super) y: Decimal,
    pub(super) width: Decimal,
    pub(super) height: Decimal,
}

/// The share measured on a checkpoint's day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Marker {
    pub(super) checkpoint: Checkpoint,
    pub(super) share: Decimal,
    pub(super) status: Option<BandStatus>,
    pub(super) x: Decimal,
    pub(super) y: Decimal,
}

/// The linear projection from the report's day to the next checkpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct ProjectionLine {
    pub(super) from: (Decimal, Decimal),
    pub(super) to: (Decimal, Decimal),
    pub(super) share: Decimal,
    pub(super) checkpoint: Checkpoint,
}

/// A labelled tick of an axis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Tick {
    pub(super) at: Decimal,
    pub(super) label: String,
}

/// Everything the chart draws.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ChartLayout {
    pub(super) start: NaiveDate,
    pub(super) end: NaiveDate,
    pub(super) bands: Vec<BandBox>,
    /// The curve's points, in runs without a gap (a day with no eligible
    /// parent has no share and breaks the line).
    pub(super) runs: Vec<Vec<(Decimal, Decimal)>>,
    pub(super) markers: Vec<Marker>,
    pub(super) projection: Option<ProjectionLine>,
    pub(super) today: Decimal,
    pub(super) x_ticks: Vec<Tick>,
    pub(super) y_ticks: Vec<Tick>,
}

impl ChartLayout {
    /// The layout of `report`'s chart: from the curve's first day (or the
    /// report's day) to the latest of the report's day, the checkpoints and
    /// the projection's checkpoint.
    pub(super) fn of(report: &RolloutReport) -> ChartLayout {
        let start = report.curve.first().map_or(report.date, |p| p.date);
        let end = report
            .targets
            .iter()
            .map(|t| t.checkpoint.date)
            .chain(report.projection.map(|p| p.checkpoint.date))
            .chain(report.curve.last().map(|p| p.date))
            .fold(report.date, NaiveDate::max);
        let scale = Scale::new(start, end);
        let mut previous = start;
        let mut bands = Vec::with_capacity(report.targets.len());
        for t in &report.targets {
            bands.push(band_box(&scale, previous, &t.checkpoint));
            previous = previous.max(t.checkpoint.date);
        }
        let mut runs: Vec<Vec<(Decimal, Decimal)>> = Vec::new();
        let mut run = Vec::new();
        for p in &report.curve {
            match p.share {
                Some(share) => run.push((scale.x(p.date), scale.y(share))),
                None if run.is_empty() => {}
                None => runs.push(std::mem::take(&mut run)),
            }
        }
        if !run.is_empty() {
            runs.push(run);
        }
        let markers = report
            .targets
            .iter()
            .filter_map(|t| t.outcome)
            .filter_map(|o| {
                o.share.map(|share| Marker {
                    checkpoint: o.checkpoint,
                    share,
                    status: o.status,
                    x: scale.x(o.checkpoint.date),
                    y: scale.y(share),
                })
            })
            .collect();
        let projection = report
            .projection
            .zip(report.activation.share)
            .map(|(p, now)| ProjectionLine {
                from: (scale.x(p.basis_to), scale.y(now)),
                to: (scale.x(p.checkpoint.date), scale.y(p.projected_share)),
                share: p.projected_share,
                checkpoint: p.checkpoint,
            });
        ChartLayout {
            start: scale.start,
            end: scale.end,
            bands,
            runs,
            markers,
            projection,
            today: scale.x(report.date),
            x_ticks: month_ticks(&scale),
            y_ticks: (0..=5)
                .map(|i| Tick {
                    at: scale.y(Decimal::from(i * 20)),
                    label: format!("{}%", i * 20),
                })
                .collect(),
        }
    }
}

/// The band of `checkpoint`, shaded from `from` to its day, at least
/// [`MIN_BAND`] wide and high and inside the plot.
fn band_box(scale: &Scale, from: NaiveDate, checkpoint: &Checkpoint) -> BandBox {
    let min = Decimal::from(MIN_BAND);
    let right = scale.x(checkpoint.date);
    let left = scale.x(from.min(checkpoint.date));
    let width = (right - left).max(min);
    let x = left.min(Scale::right() - width);
    let top = scale.y(checkpoint.band.max());
    let height = (scale.y(checkpoint.band.min()) - top).max(min);
    let y = top.min(Scale::bottom() - height);
    BandBox {
        checkpoint: *checkpoint,
        x,
        y,
        width,
        height,
    }
}

/// The first day of each month in the range, every month while there are
/// at most twelve, else every second, third… month.
fn month_ticks(scale: &Scale) -> Vec<Tick> {
    let months: Vec<NaiveDate> = scale
        .start
        .iter_days()
        .take_while(|d| *d <= scale.end)
        .filter(|d| d.day() == 1)
        .collect();
    let step = months.len().div_ceil(12).max(1);
    months
        .iter()
        .step_by(step)
        .map(|d| Tick {
            at: scale.x(*d),
            label: format!("{} {}", MONTHS_RU[d.month0() as usize], d.year()),
        })
        .collect()
}

#[cfg(test)]
#[path = "chart_tests.rs"]
mod tests;
