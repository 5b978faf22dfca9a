//! R8 on the indicators page: her view of her life beside the worker's, per area, as a chart
//! drawn on the server (for each area, a line for her and one for the worker, from the mean of
//! the first ratings to the mean of the latest on the scale of 1 to 4), with its table beside.
//! Everything hidden by `app::indicators::her_view` stays hidden: a hidden figure has no line.
//! Under it, her mean and the worker's over the four quarters of the trend, as two lines with
//! their table.

use app::indicators::her_view::{
    AreaFigure, HerViewFigures, HerViewPart, Shown, movement_text as movement, tenths_text,
};
use app::indicators::words::{figure_text, number};
use app::indicators::{Figure, Measure};
use domain::indicators::Period;
use domain::indicators::her_view::Movement;
use domain::plan::GoalDomain;

use super::Tr;
use super::chart::{Trend, WIDTH};

/// Space left and right of the scale, in SVG units.
const MARGIN: u64 = 14;
/// The height of one area's rows.
const AREA_HEIGHT: u64 = 46;
/// The legend's height above the areas.
const LEGEND_HEIGHT: u64 = 22;
/// The scale's labels under the areas.
const AXIS_HEIGHT: u64 = 20;

/// A line from the first mean to the latest.
pub struct Segment {
    pub x1: u64,
    pub x2: u64,
    pub y: u64,
    /// What it says, for its `<title>`.
    pub title: String,
}

/// One area in the chart.
pub struct ChartArea {
    pub label: String,
    pub label_y: u64,
    pub her: Option<Segment>,
    pub worker: Option<Segment>,
}

/// One area in the table.
pub struct Row {
    pub area: String,
    pub her: String,
    pub worker: String,
    pub gaps: String,
}

/// R8 for one organisation or the network.
pub struct HerViewBlock {
    pub id: String,
    pub heading: String,
    /// The cases it is about, or why there is no figure.
    pub figure: String,
    pub areas: Vec<ChartArea>,
    pub desc: String,
    pub rows: Vec<Row>,
    /// For the network admin: each organisation's number of cases.
    pub members: Vec<(String, String)>,
    pub height: u64,
    pub axis_y: u64,
    /// The scale's marks: (x, the point in her digits).
    pub ticks: Vec<(u64, String)>,
    /// Her mean and the worker's over the trend's quarters, and the axis under them.
    pub trend_her: Trend,
    pub trend_worker: Trend,
    /// (quarter, hers, the worker's).
    pub trend_rows: Vec<(String, String, String)>,
}

/// Picks her figure or the worker's from an area.
type Pick = fn(&AreaFigure) -> Shown;

/// The mean of the latest ratings over `areas` (indices into the plan's six), in tenths; none
/// when the quarter's cases or one of those areas is hidden.
fn pooled(f: &HerViewFigures, pick: Pick, areas: &[usize]) -> Option<i64> {
    if f.cases == Figure::Suppressed || areas.is_empty() {
        return None;
    }
    areas
        .iter()
        .try_fold(Movement::default(), |all, a| {
            f.areas.get(*a).and_then(pick).map(|m| all.merge(m))
        })?
        .latest_tenths()
}

/// The areas shown in every quarter whose cases are shown: the line is the mean over the same
/// areas from one quarter to the next, and over shown figures alone.
fn common_areas(quarters: &[HerViewFigures], pick: Pick) -> Vec<usize> {
    let shown: Vec<&HerViewFigures> = quarters
        .iter()
        .filter(|f| matches!(f.cases, Figure::Shown { n, .. } if n > 0) && !f.areas.is_empty())
        .collect();
    (0..GoalDomain::ALL.len())
        .filter(|a| {
            !shown.is_empty()
                && shown
                    .iter()
                    .all(|f| f.areas.get(*a).and_then(pick).is_some_and(|m| m.n > 0))
        })
        .collect()
}

/// The two trend lines and their table.
fn trend(
    t: &Tr,
    periods: &[Period],
    quarters: &[HerViewFigures],
) -> (Trend, Trend, Vec<(String, String, String)>) {
    let axis: Vec<(String, String)> = periods.iter().map(|p| super::axis_label(t, *p)).collect();
    let text = |v: Option<i64>| {
        v.map(|v| tenths_text(t, v, false))
            .unwrap_or_else(|| t.get("indicators-hidden"))
    };
    let her_areas = common_areas(quarters, |a| a.her);
    let worker_areas = common_areas(quarters, |a| a.worker);
    let mut rows = Vec::new();
    let mut her = Vec::new();
    let mut worker = Vec::new();
    for (p, f) in periods.iter().zip(quarters) {
        let label = super::period_label(t, *p);
        let (h, w) = (
            pooled(f, |a| a.her, &her_areas),
            pooled(f, |a| a.worker, &worker_areas),
        );
        // Tenths above "very hard" (1.0), on a scale from 1 to 4.
        let y = |v: Option<i64>| v.and_then(|v| u64::try_from(v - 10).ok());
        her.push((
            y(h),
            format!("{}, {label}: {}", t.get("life-view-her-short"), text(h)),
        ));
        worker.push((
            y(w),
            format!("{}, {label}: {}", t.get("life-view-worker-short"), text(w)),
        ));
        rows.push((label, text(h), text(w)));
    }
    (
        Trend::of(&her, axis.clone(), 30),
        Trend::of(&worker, axis, 30),
        rows,
    )
}

fn x_of(tenths_value: i64) -> u64 {
    let v = u64::try_from(tenths_value.clamp(10, 40) - 10).unwrap_or(0);
    MARGIN + v * (WIDTH - 2 * MARGIN) / 30
}

fn block(
    t: &Tr,
    id: String,
    heading: String,
    f: &HerViewFigures,
    (periods, quarters): (&[Period], &[HerViewFigures]),
) -> HerViewBlock {
    let (trend_her, trend_worker, trend_rows) = trend(t, periods, quarters);
    let figure = match f.cases {
        Figure::Shown { n, .. } if n > 0 => t.i18n.text_with(
            t.lang,
            "indicator-r8-cases",
            &[("n", i18n::Arg::Text(number(t, n)))],
        ),
        Figure::Shown { .. } => t.get("indicators-no-data"),
        Figure::Suppressed => t.get("indicators-hidden"),
    };
    let segment = |m: Shown, y: u64, who: &str| {
        let m = m?;
        let (first, latest) = (m.first_tenths()?, m.latest_tenths()?);
        Some(Segment {
            x1: x_of(first),
            x2: x_of(latest),
            y,
            title: format!("{}: {}", t.get(who), movement(t, Some(m))),
        })
    };
    let mut areas = Vec::new();
    let mut rows = Vec::new();
    for (i, a) in f.areas.iter().enumerate() {
        let top = LEGEND_HEIGHT + i as u64 * AREA_HEIGHT;
        let label = t.get(&a.area.message_id());
        areas.push(ChartArea {
            label: label.clone(),
            label_y: top + 12,
            her: segment(a.her, top + 24, "life-view-her-short"),
            worker: segment(a.worker, top + 37, "life-view-worker-short"),
        });
        // A share of cases with its n, as every share on the page.
        let gaps = figure_text(t, Measure::VoiceLately, a.gaps);
        rows.push(Row {
            area: label,
            her: movement(t, a.her),
            worker: movement(t, a.worker),
            gaps,
        });
    }
    let desc = rows
        .iter()
        .map(|r| {
            format!(
                "{}: {} {}; {} {}",
                r.area,
                t.get("life-view-her-short"),
                r.her,
                t.get("life-view-worker-short"),
                r.worker
            )
        })
        .collect::<Vec<_>>()
        .join(". ");
    let axis_y = LEGEND_HEIGHT + f.areas.len() as u64 * AREA_HEIGHT + 14;
    HerViewBlock {
        id,
        heading,
        figure,
        areas,
        desc: format!("{} {}", t.get("indicator-r8-chart-desc"), desc),
        rows,
        members: Vec::new(),
        height: axis_y + AXIS_HEIGHT - 14,
        axis_y,
        ticks: (1..=4)
            .map(|p| (x_of(p * 10), i18n::localise_digits(t.lang, &p.to_string())))
            .collect(),
        trend_her,
        trend_worker,
        trend_rows,
    }
}

/// The network's R8 with each organisation's number of cases beside it, for the network
/// admin; each organisation's own otherwise.
pub fn blocks(t: &Tr, part: &HerViewPart, periods: &[Period]) -> Vec<HerViewBlock> {
    if let Some(network) = &part.network {
        let mut b = block(
            t,
            "r8-network".into(),
            t.get("indicators-network-total"),
            network,
            (periods, part.network_trend.as_deref().unwrap_or_default()),
        );
        b.members = part
            .organisations
            .iter()
            .map(|o| {
                (
                    o.name.clone(),
                    figure_text(t, Measure::Identified, o.figures.cases),
                )
            })
            .collect();
        vec![b]
    } else {
        part.organisations
            .iter()
            .enumerate()
            .map(|(i, o)| {
                block(
                    t,
                    format!("r8-org{i}"),
                    o.name.clone(),
                    &o.figures,
                    (periods, &o.trend),
                )
            })
            .collect()
    }
}
