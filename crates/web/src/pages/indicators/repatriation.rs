//! R7 on the indicator page: one card per route, its steps' median days drawn as bars with the
//! days the route expects marked, and the table of each step's figures beside it.

use app::indicators::repatriation::{self, StepLine, StepWords};

use super::Tr;
use super::chart::WIDTH;

/// The height of one step's bar, in SVG units.
pub const STEP_HEIGHT: u64 = 20;

/// One step's bar: its median's width (none when hidden or without data) and the expected
/// days' mark.
pub struct StepBar {
    pub y: u64,
    pub filled: Option<u64>,
    pub expected_x: u64,
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
}

/// Every route's card for one block of the page.
pub fn cards(t: &Tr, prefix: &str, steps: &[StepLine]) -> Vec<RouteCard> {
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
            RouteCard {
                id: format!("{prefix}-r7-{i}"),
                name: t.with("indicator-r7-repatriation", "route", route),
                why: t.get("indicator-r7-repatriation-why"),
                desc: t.with("indicators-r7-desc", "steps", &desc),
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
            }
        })
        .collect()
}
