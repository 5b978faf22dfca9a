//! R8 on the indicators page: her view of her life beside the worker's, per area, as a chart
//! drawn on the server (for each area, a line for her and one for the worker, from the mean of
//! the first ratings to the mean of the latest on the scale of 1 to 4), with its table beside.
//! Everything hidden by `app::indicators::her_view` stays hidden: a hidden figure has no line.
//! Under it, her mean and the worker's over the four quarters of the trend, as two lines with
//! their table.

use app::indicators::cases::CaseList;
use app::indicators::her_view::{HerViewFigures, HerViewPart, Shown, movement_text as movement};
use app::indicators::words::{figure_text, number};
use app::indicators::{Figure, Measure};
use domain::OrgId;
use domain::indicators::Period;

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
    /// For her director: the list of her organisation's cases behind the gaps.
    pub cases: Option<String>,
}

/// The two trend lines and their table.
fn trend(
    t: &Tr,
    periods: &[Period],
    quarters: &[HerViewFigures],
) -> (Trend, Trend, Vec<(String, String, String)>) {
    let axis: Vec<(String, String)> = periods.iter().map(|p| super::axis_label(t, *p)).collect();
    let text = |v: Option<i64>| app::indicators::her_view::mean_text(t, v);
    let means = app::indicators::her_view::trend_means(quarters);
    let mut rows = Vec::new();
    let mut her = Vec::new();
    let mut worker = Vec::new();
    for ((p, _), m) in periods.iter().zip(quarters).zip(&means) {
        let label = super::period_label(t, *p);
        let (h, w) = (m.her, m.worker);
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
        cases: None,
    }
}

/// The network's R8 with each organisation's number of cases beside it, for the network
/// admin; each organisation's own otherwise, and on her director's own organisation's block
/// (`lists`: her organisation and the period) the link to the cases behind its gaps.
pub fn blocks(
    t: &Tr,
    part: &HerViewPart,
    periods: &[Period],
    lists: Option<(OrgId, Period)>,
) -> Vec<HerViewBlock> {
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
                let mut b = block(
                    t,
                    format!("r8-org{i}"),
                    o.name.clone(),
                    &o.figures,
                    (periods, &o.trend),
                );
                b.cases = lists.filter(|(org, _)| *org == o.org).map(|(_, period)| {
                    format!(
                        "/indicators/cases?figure={}&period={period}",
                        CaseList::HerViewGaps.key()
                    )
                });
                b
            })
            .collect()
    }
}
