//! R7 on the indicator page: one card per route, its steps' median days drawn as bars with the
//! days the route expects marked, and the table of each step's figures beside it; under it, each
//! step's median days over the four quarters of the trend as a line, with its table.

use app::indicators::repatriation::{self, StepLine, StepWords};
use app::indicators::words::{drawn, figure_text};
use app::indicators::{Figure, Measure};
use domain::indicators::Period;

use super::Tr;
use super::chart::{Trend, WIDTH};

/// The height of one step's bar, in SVG units.
pub const STEP_HEIGHT: u64 = 20;

/// One step's bar: its median's width (none when hidden or without data) and the expected
/// days' mark.
pub struct StepBar {
    pub y: u64,
    pub filled: Option<u64>,
    pub expected_x: u64,
}

/// One step's line over the four quarters, and its row of the trend's table.
pub struct StepTrend {
    pub name: String,
    /// Every other step's line is drawn dashed, so that two lines that cross stay apart.
    pub alt: bool,
    pub trend: Trend,
    /// (quarter, figure) for each quarter of the trend.
    pub cells: Vec<(String, String)>,
}

/// One route's card.
pub struct RouteCard {
    /// Unique on the page, for the chart's `aria-labelledby`.
    pub id: String,
    pub name: String,
    pub why: String,
    pub desc: String,
    pub height: u64,
    pub bars: Vec<StepBar>,
    pub steps: Vec<StepWords>,
    /// Each step's median days over the trend's quarters.
    pub trend: Vec<StepTrend>,
    pub trend_desc: String,
    /// The axis under the trend: (x, months, year).
    pub axis: Vec<(u64, String, String)>,
    /// The trend's quarters, for the table's heading.
    pub quarters: Vec<String>,
}

/// A step's median days in a quarter, when shown.
fn median_of(figure: Figure) -> Option<u64> {
    drawn(figure)
}

/// Every route's card for one block of the page; `periods` are the trend's quarters.
pub fn cards(t: &Tr, prefix: &str, periods: &[Period], steps: &[StepLine]) -> Vec<RouteCard> {
    repatriation::routes(steps)
        .into_iter()
        .enumerate()
        .map(|(i, (route, list))| {
            let scale = repatriation::scale(&list);
            let x = |days: u64| days.min(scale) * WIDTH / scale;
            let words: Vec<StepWords> = list.iter().map(|l| StepWords::of(t, l)).collect();
            let desc = words
                .iter()
                .map(|w| format!("{}: {} ({})", w.name, w.days, w.expected))
                .collect::<Vec<_>>()
                .join("; ");
            // One scale for every step's line: the largest median shown in any quarter, or the
            // days the route expects, whichever is more.
            let trend_scale = list
                .iter()
                .flat_map(|l| l.days.trend.iter().filter_map(|f| median_of(*f)))
                .chain([scale])
                .max()
                .unwrap_or(1);
            let axis: Vec<(String, String)> =
                periods.iter().map(|p| super::axis_label(t, *p)).collect();
            let trend: Vec<StepTrend> = list
                .iter()
                .zip(&words)
                .enumerate()
                .map(|(k, (l, w))| {
                    let cells: Vec<(String, String)> = periods
                        .iter()
                        .zip(&l.days.trend)
                        .map(|(p, f)| {
                            (
                                super::period_label(t, *p),
                                figure_text(t, Measure::StayDays, *f),
                            )
                        })
                        .collect();
                    let values: Vec<(Option<u64>, String)> = l
                        .days
                        .trend
                        .iter()
                        .zip(&cells)
                        .map(|(f, (q, text))| (median_of(*f), format!("{}, {q}: {text}", w.name)))
                        .collect();
                    StepTrend {
                        name: w.name.clone(),
                        alt: k % 2 == 1,
                        trend: Trend::of(&values, axis.clone(), trend_scale),
                        cells,
                    }
                })
                .collect();
            let axis = trend
                .first()
                .map(|s| s.trend.axis.clone())
                .unwrap_or_default();
            RouteCard {
                id: format!("{prefix}-r7-{i}"),
                name: t.with("indicator-r7-repatriation", "route", route),
                why: t.get("indicator-r7-repatriation-why"),
                desc: t.with("indicators-r7-desc", "steps", &desc),
                trend_desc: t.with("indicators-r7-trend-desc", "route", route),
                height: list.len() as u64 * STEP_HEIGHT,
                bars: list
                    .iter()
                    .enumerate()
                    .map(|(k, l)| StepBar {
                        y: k as u64 * STEP_HEIGHT,
                        filled: repatriation::median(l).map(|m| x(m).max(2)),
                        expected_x: x(u64::try_from(l.expected_days).unwrap_or(0)),
                    })
                    .collect(),
                steps: words,
                trend,
                axis,
                quarters: periods.iter().map(|p| super::period_label(t, *p)).collect(),
            }
        })
        .collect()
}
