//! R8 Her own view of her life, in the indicators (`docs/indicators.md`): per organisation and
//! for the network, the six areas of her plan with her mean rating at the first and the latest
//! time she was asked and the worker's beside it, and the share of cases where the two were two
//! points or more apart the latest time.
//!
//! Suppression: each figure's n is a number of cases, summed over organisations to the
//! network's total. A year is computed on its own cases (those asked in the year, and asked
//! before), not added up from its quarters; but a case asked once a year is in one quarter and
//! its year, so a year is, as often as not, its quarters' sum. Each calendar year is therefore
//! protected as one grid (`Grid`), as the other indicators are: organisations by quarters,
//! each organisation's year beside its quarters, the network's quarters and year under them,
//! every line protected as if its parts added up to its total, and a total hidden with one of
//! its parts at least (else the parts would add up to it). The number of cases first, and every
//! area's figure after it, with a cell hidden in the first hidden in every other. Every view (a
//! quarter, a year, the four-quarter trend) reads its cells from those grids.

use std::sync::Arc;

use domain::OrgId;
use domain::indicators::her_view::{self as formula, HerView, Movement};
use domain::indicators::suppress::{Line, too_small};
use domain::indicators::{Period, Share};
use domain::plan::GoalDomain;
use store::Store;

use super::report::count;
use super::words::{figure_text, number, period_label};
use super::{Figure, Indicators, Measure, Sample};
use crate::exports::sheet::{Cell, Table};
use crate::{Error, Tr};

/// A mean movement as shown, or hidden (`None`).
pub type Shown = Option<Movement>;

/// One area's figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AreaFigure {
    pub area: GoalDomain,
    pub her: Shown,
    pub worker: Shown,
    /// Cases where she and the worker were two points or more apart the latest time, of those
    /// where she said a rating.
    pub gaps: Figure,
}

/// R8 for one organisation or the network, as the reader may see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HerViewFigures {
    /// The cases asked in the period and asked before (its n), or hidden.
    pub cases: Figure,
    pub areas: Vec<AreaFigure>,
}

/// One organisation's R8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HerViewOrg {
    pub org: OrgId,
    pub name: String,
    pub figures: HerViewFigures,
    /// The four quarters of the view's trend, oldest first.
    pub trend: Vec<HerViewFigures>,
}

/// R8 in the view: the organisations the reader sees and, for the network admin, the total.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HerViewPart {
    pub organisations: Vec<HerViewOrg>,
    pub network: Option<HerViewFigures>,
    /// The network's four quarters of the trend, beside `network`.
    pub network_trend: Option<Vec<HerViewFigures>>,
}

/// Reads every organisation's R8 for each quarter and each of `years` (one query each) and
/// protects each year's grid: the canonical grids are the network's, whoever reads them. Part
/// of the kept tables (`cache::Tables::her_view`), so a kept view makes no R8 query.
pub(crate) async fn grids(
    store: &Arc<dyn Store>,
    orgs: &[(OrgId, String)],
    years: &[i32],
) -> Result<Vec<YearFigures>, Error> {
    let mut zones = Vec::with_capacity(orgs.len());
    for (org, _) in orgs {
        zones.push(store.time_zone_of(*org).await?);
    }
    let mut grids = Vec::with_capacity(years.len());
    for &year in years {
        let mut raw = Vec::with_capacity(orgs.len());
        for ((org, _), zone) in orgs.iter().zip(&zones) {
            let mut five = Vec::with_capacity(5);
            for p in Period::Year(year)
                .quarters()
                .into_iter()
                .chain([Period::Year(year)])
            {
                let span = p.bounds(zone);
                let rows = store.life_views_for_indicator(*org, span).await?;
                five.push(formula::her_view(&rows, span));
            }
            raw.push(five);
        }
        grids.push(protect_year(&raw));
    }
    Ok(grids)
}

/// The reader's R8 for `period` and its trend, read from the protected `grids` of `years`
/// (which hold the period's year and every year of its trend).
pub(crate) fn part(
    grids: &[YearFigures],
    years: &[i32],
    orgs: &[(OrgId, String)],
    period: Period,
    scope: Option<OrgId>,
    network: bool,
) -> HerViewPart {
    let trend = period.trend();
    // Where a period's figures sit: its year's grid, and 0–3 for a quarter or 4 for the year.
    let at = |p: Period| {
        let (year, slot) = match p {
            Period::Quarter { year, quarter } => (year, usize::from(quarter) - 1),
            Period::Year(year) => (year, 4),
        };
        years
            .iter()
            .position(|y| *y == year)
            .and_then(|y| grids.get(y))
            .map(|g| (g, slot))
    };
    let hidden_figures = || HerViewFigures {
        cases: Figure::Suppressed,
        areas: Vec::new(),
    };
    let org_figures = |r: usize, p: Period| {
        at(p).map_or_else(hidden_figures, |(g, slot)| g.orgs[r][slot].clone())
    };
    let network_figures =
        |p: Period| at(p).map_or_else(hidden_figures, |(g, slot)| g.network[slot].clone());
    HerViewPart {
        organisations: orgs
            .iter()
            .enumerate()
            .filter(|(_, (org, _))| scope.is_none_or(|s| s == *org))
            .map(|(r, (org, name))| HerViewOrg {
                org: *org,
                name: name.clone(),
                figures: org_figures(r, period),
                trend: trend.iter().map(|p| org_figures(r, *p)).collect(),
            })
            .collect(),
        network: network.then(|| network_figures(period)),
        network_trend: network.then(|| trend.iter().map(|p| network_figures(*p)).collect()),
    }
}

/// Which figures of one year's grid are hidden: organisations (rows) by its four quarters
/// (columns), each organisation's year, each quarter's network total and the network's year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grid {
    pub hidden: Vec<[bool; 4]>,
    pub year_hidden: Vec<bool>,
    pub network_hidden: [bool; 4],
    pub network_year_hidden: bool,
}

impl Grid {
    /// Protects the grid of n: `quarters[r]` the organisation's quarters, `years[r]` its year
    /// (counted on its own: not always its quarters' sum). Every figure already hidden in
    /// `forced` (the number of cases' grid, for an area's figure) is hidden here too. Each line
    /// (an organisation's quarters and year, a quarter's organisations and network total, the
    /// organisations' years and the network's, the network's quarters and year) is protected
    /// as [`Line::protect`] does, and a hidden total takes a non-zero part with it when every
    /// part is shown; again and again until nothing changes.
    pub fn protect(quarters: &[[u64; 4]], years: &[u64], forced: Option<&Grid>) -> Grid {
        let column = |c: usize| quarters.iter().map(|q| q[c]).sum::<u64>();
        let grand: u64 = years.iter().sum();
        let mut g = Grid {
            hidden: quarters.iter().map(|q| q.map(too_small)).collect(),
            year_hidden: years.iter().map(|y| too_small(*y)).collect(),
            network_hidden: [0, 1, 2, 3].map(|c| too_small(column(c))),
            network_year_hidden: too_small(grand),
        };
        if let Some(f) = forced {
            for (row, forced_row) in g.hidden.iter_mut().zip(&f.hidden) {
                for (h, forced) in row.iter_mut().zip(forced_row) {
                    *h |= *forced;
                }
            }
            for (h, forced) in g.year_hidden.iter_mut().zip(&f.year_hidden) {
                *h |= *forced;
            }
            for (h, forced) in g.network_hidden.iter_mut().zip(&f.network_hidden) {
                *h |= *forced;
            }
            g.network_year_hidden |= f.network_year_hidden;
        }
        // Protects one line in place; whether it hid anything.
        fn protect(parts: &mut [(u64, &mut bool)], total: &mut bool) -> bool {
            let mut line = Line {
                parts: parts.iter().map(|(n, h)| (*n, **h)).collect(),
                total_hidden: *total,
            };
            let mut changed = line.protect();
            // A hidden total whose parts are all shown is their sum: hide the smallest.
            if line.total_hidden
                && !line.parts.iter().any(|(n, h)| *h && *n > 0)
                && let Some(i) = line
                    .parts
                    .iter()
                    .enumerate()
                    .filter(|(_, (n, _))| *n > 0)
                    .min_by_key(|(i, (n, _))| (*n, *i))
                    .map(|(i, _)| i)
            {
                line.parts[i].1 = true;
                changed = true;
            }
            for ((_, h), (_, shown)) in parts.iter_mut().zip(&line.parts) {
                **h = *shown;
            }
            *total = line.total_hidden;
            changed
        }
        loop {
            let mut changed = false;
            for ((q, hidden), year) in quarters
                .iter()
                .zip(g.hidden.iter_mut())
                .zip(g.year_hidden.iter_mut())
            {
                let mut parts: Vec<(u64, &mut bool)> =
                    q.iter().copied().zip(hidden.iter_mut()).collect();
                changed |= protect(&mut parts, year);
            }
            for c in 0..4 {
                let mut parts: Vec<(u64, &mut bool)> = quarters
                    .iter()
                    .zip(g.hidden.iter_mut())
                    .map(|(q, h)| (q[c], &mut h[c]))
                    .collect();
                changed |= protect(&mut parts, &mut g.network_hidden[c]);
            }
            let mut parts: Vec<(u64, &mut bool)> = years
                .iter()
                .copied()
                .zip(g.year_hidden.iter_mut())
                .collect();
            changed |= protect(&mut parts, &mut g.network_year_hidden);
            let mut parts: Vec<(u64, &mut bool)> = (0..4)
                .map(column)
                .zip(g.network_hidden.iter_mut())
                .collect();
            changed |= protect(&mut parts, &mut g.network_year_hidden);
            if !changed {
                return g;
            }
        }
    }
}

/// One year's R8, protected: each organisation's four quarters and year, and the network's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearFigures {
    /// `orgs[r][0..4]` the quarters, `orgs[r][4]` the year.
    pub orgs: Vec<Vec<HerViewFigures>>,
    pub network: Vec<HerViewFigures>,
}

/// Suppresses one year's R8: `raw[r]` holds organisation `r`'s four quarters and its year.
pub fn protect_year(raw: &[Vec<HerView>]) -> YearFigures {
    let empty = HerView::default();
    let slot = |r: usize, s: usize| raw[r].get(s).unwrap_or(&empty);
    let grid_of = |pick: &dyn Fn(&HerView) -> u64, forced: Option<&Grid>| {
        let quarters: Vec<[u64; 4]> = (0..raw.len())
            .map(|r| [0, 1, 2, 3].map(|q| pick(slot(r, q))))
            .collect();
        let years: Vec<u64> = (0..raw.len()).map(|r| pick(slot(r, 4))).collect();
        Grid::protect(&quarters, &years, forced)
    };
    let cases = grid_of(&|v| v.cases, None);
    let hidden_at = |g: &Grid, r: Option<usize>, s: usize| match (r, s) {
        (Some(r), 4) => g.year_hidden[r],
        (Some(r), q) => g.hidden[r][q],
        (None, 4) => g.network_year_hidden,
        (None, q) => g.network_hidden[q],
    };
    // Every organisation's (r) or the network's (None) figures in slot s.
    let network_raw: Vec<HerView> = (0..5)
        .map(|s| (0..raw.len()).fold(HerView::default(), |a, r| a.merge(slot(r, s))))
        .collect();
    let figures_at = |r: Option<usize>, s: usize| HerViewFigures {
        cases: Figure::of(
            &Sample::Count(match r {
                Some(r) => slot(r, s).cases,
                None => network_raw[s].cases,
            }),
            hidden_at(&cases, r, s),
        ),
        areas: Vec::new(),
    };
    let mut out = YearFigures {
        orgs: (0..raw.len())
            .map(|r| (0..5).map(|s| figures_at(Some(r), s)).collect())
            .collect(),
        network: (0..5).map(|s| figures_at(None, s)).collect(),
    };
    for (a, &area) in GoalDomain::ALL.iter().enumerate() {
        let area_of = |v: &HerView| {
            v.areas.get(a).copied().unwrap_or(formula::AreaFigures {
                area,
                her: Movement::default(),
                worker: Movement::default(),
                gaps: Share::default(),
            })
        };
        let her = grid_of(&|v| area_of(v).her.n, Some(&cases));
        let worker = grid_of(&|v| area_of(v).worker.n, Some(&cases));
        let gaps = grid_of(&|v| area_of(v).gaps.n, Some(&cases));
        let shown = |m: Movement, hidden: bool| (!hidden && !too_small(m.n)).then_some(m);
        let figure = |f: formula::AreaFigures, r: Option<usize>, s: usize| AreaFigure {
            area,
            her: shown(f.her, hidden_at(&her, r, s)),
            worker: shown(f.worker, hidden_at(&worker, r, s)),
            gaps: Figure::of(&Sample::Share(f.gaps), hidden_at(&gaps, r, s)),
        };
        for (r, slots) in out.orgs.iter_mut().enumerate() {
            for (s, f) in slots.iter_mut().enumerate() {
                f.areas.push(figure(area_of(slot(r, s)), Some(r), s));
            }
        }
        for (s, f) in out.network.iter_mut().enumerate() {
            f.areas.push(figure(area_of(&network_raw[s]), None, s));
        }
    }
    out
}

/// Suppresses the organisations' R8 for one period alone and their total: (each
/// organisation's, the network's). As [`protect_year`] with the period as every slot.
pub fn protect(raw: &[HerView]) -> (Vec<HerViewFigures>, HerViewFigures) {
    let five: Vec<Vec<HerView>> = raw
        .iter()
        .map(|v| {
            vec![
                v.clone(),
                HerView::default(),
                HerView::default(),
                HerView::default(),
                v.clone(),
            ]
        })
        .collect();
    let year = protect_year(&five);
    (
        year.orgs
            .into_iter()
            .map(|mut f| f.swap_remove(0))
            .collect(),
        year.network.into_iter().next().unwrap_or(HerViewFigures {
            cases: Figure::Suppressed,
            areas: Vec::new(),
        }),
    )
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

/// One quarter of R8's trend: her mean and the worker's, in tenths of a point, or none (hidden
/// or no data).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrendMeans {
    pub her: Option<i64>,
    pub worker: Option<i64>,
}

/// R8's trend as the page draws it and every export writes it: for each quarter of `quarters`
/// (a holder's trend, read from the protected grids), the mean of the latest ratings over the
/// areas shown in every quarter whose cases are shown, hers and the worker's. Made from shown
/// figures alone, so nothing hidden comes back through it.
pub fn trend_means(quarters: &[HerViewFigures]) -> Vec<TrendMeans> {
    let her_areas = common_areas(quarters, |a| a.her);
    let worker_areas = common_areas(quarters, |a| a.worker);
    quarters
        .iter()
        .map(|f| TrendMeans {
            her: pooled(f, |a| a.her, &her_areas),
            worker: pooled(f, |a| a.worker, &worker_areas),
        })
        .collect()
}

/// Each holder's trend beside its name: the network's first when shown, then each
/// organisation's.
fn trend_holders<'a>(t: &Tr, part: &'a HerViewPart) -> Vec<(String, &'a [HerViewFigures])> {
    let mut out = Vec::new();
    if let Some(network) = &part.network_trend {
        out.push((t.get("indicators-network-total"), network.as_slice()));
    }
    out.extend(
        part.organisations
            .iter()
            .map(|o| (o.name.clone(), o.trend.as_slice())),
    );
    out
}

/// A mean or change in tenths of a point as the workbook writes it: text, "2.5" or "-1.0".
fn tenths(v: i64) -> Cell {
    let sign = if v < 0 { "-" } else { "" };
    Cell::Text(format!("{sign}{}.{}", v.abs() / 10, v.abs() % 10))
}

const TREND_HEADER: [&str; 7] = [
    "organisation",
    "period",
    "area",
    "figure",
    "n",
    "latest",
    "status",
];

/// The workbook's sheet of R8's trend (`r8-trend`): for each holder and quarter of the trend,
/// her mean and the worker's as the page draws them (over the areas shown every quarter), then
/// each area's latest mean, hers and the worker's, read from the same protected grids; a hidden
/// figure's cells marked.
pub fn trend_table(t: &Tr, view: &Indicators) -> Option<Table> {
    let part = view.her_view.as_ref()?;
    let holders = trend_holders(t, part);
    if holders.is_empty() {
        return None;
    }
    let mut table = Table::new("r8-trend", TREND_HEADER.map(String::from).to_vec());
    let marked = || Cell::Text(t.get("indicators-export-suppressed"));
    let all = t.get("indicator-r8-trend-mean");
    for (holder, quarters) in holders {
        let means = trend_means(quarters);
        for ((p, f), m) in view.trend.iter().zip(quarters).zip(&means) {
            let cases = match f.cases {
                Figure::Shown { n, .. } => Some(n),
                Figure::Suppressed => None,
            };
            for (who, mean) in [
                ("life-view-her-short", m.her),
                ("life-view-worker-short", m.worker),
            ] {
                let mut cells = vec![
                    Cell::from(holder.as_str()),
                    Cell::Text(p.to_string()),
                    Cell::Text(all.clone()),
                    Cell::Text(format!("{}: {}", t.get(who), mean_text(t, mean))),
                ];
                match (cases, mean) {
                    (Some(n), Some(v)) => cells.extend([count(n), tenths(v), Cell::from("shown")]),
                    (Some(n), None) if n > 0 => {
                        cells.extend([count(n), marked(), Cell::from("suppressed")])
                    }
                    (Some(n), None) => {
                        cells.extend([count(n), Cell::from(""), Cell::from("no-data")])
                    }
                    (None, _) => cells.extend([marked(), marked(), Cell::from("suppressed")]),
                }
                table.rows.push(cells);
            }
            for a in &f.areas {
                for (who, m) in [
                    ("life-view-her-short", a.her),
                    ("life-view-worker-short", a.worker),
                ] {
                    let latest = m.and_then(|m| m.latest_tenths());
                    let mut cells = vec![
                        Cell::from(holder.as_str()),
                        Cell::Text(p.to_string()),
                        Cell::Text(t.get(&a.area.message_id())),
                        Cell::Text(format!("{}: {}", t.get(who), mean_text(t, latest))),
                    ];
                    match m {
                        Some(m) => cells.extend([
                            count(m.n),
                            latest.map_or_else(|| Cell::from(""), tenths),
                            Cell::from(if m.n == 0 { "no-data" } else { "shown" }),
                        ]),
                        None => cells.extend([marked(), marked(), Cell::from("suppressed")]),
                    }
                    table.rows.push(cells);
                }
            }
        }
    }
    Some(table)
}

/// A mean in her digits ("2.5"), or why there is none.
pub fn mean_text(t: &Tr, v: Option<i64>) -> String {
    v.map(|v| tenths_text(t, v, false))
        .unwrap_or_else(|| t.get("indicators-hidden"))
}

/// Tenths of a point in her digits: "2.5"; with `signed`, a change: "+1.0", "−0.5".
pub fn tenths_text(t: &Tr, v: i64, signed: bool) -> String {
    let sign = match (signed, v.signum()) {
        (true, 1) => "+",
        (_, -1) => "−",
        _ => "",
    };
    let a = v.unsigned_abs();
    i18n::localise_digits(t.lang, &format!("{sign}{}.{}", a / 10, a % 10))
}

/// A movement in words: "2.0 → 3.0 (+1.0) (n = 12)", or why there is none.
pub fn movement_text(t: &Tr, m: Shown) -> String {
    let Some(m) = m else {
        return t.get("indicators-hidden");
    };
    match (m.first_tenths(), m.latest_tenths(), m.change_tenths()) {
        (Some(first), Some(latest), Some(change)) => t.i18n.text_with(
            t.lang,
            "indicators-with-n",
            &[
                (
                    "figure",
                    i18n::Arg::Text(format!(
                        "{} → {} ({})",
                        tenths_text(t, first, false),
                        tenths_text(t, latest, false),
                        tenths_text(t, change, true)
                    )),
                ),
                ("n", i18n::Arg::Text(number(t, m.n))),
            ],
        ),
        _ => t.get("indicators-no-data"),
    }
}

/// Who holds each R8 figure in the report: the network's total first when shown, then each
/// organisation.
fn holders<'a>(t: &Tr, part: &'a HerViewPart) -> Vec<(String, &'a HerViewFigures)> {
    let mut out = Vec::new();
    if let Some(network) = &part.network {
        out.push((t.get("indicators-network-total"), network));
    }
    out.extend(
        part.organisations
            .iter()
            .map(|o| (o.name.clone(), &o.figures)),
    );
    out
}

const HEADER: [&str; 9] = [
    "organisation",
    "period",
    "area",
    "figure",
    "n",
    "first",
    "latest",
    "change",
    "status",
];

/// The workbook's R8 sheet (`r8-her-view`): for each organisation (and the network), each area
/// three rows — her, the worker, the gaps — with the means in tenths of a point written as
/// text in her digits' place ("2.5"), a hidden figure's cells marked.
pub fn table(t: &Tr, view: &Indicators) -> Option<Table> {
    let part = view.her_view.as_ref()?;
    let holders = holders(t, part);
    if holders.is_empty() {
        return None;
    }
    let mut table = Table::new("r8-her-view", HEADER.map(String::from).to_vec());
    let marked = || Cell::Text(t.get("indicators-export-suppressed"));
    let plain = |v: Option<i64>| v.map_or_else(|| Cell::from(""), tenths);
    for (holder, figures) in holders {
        for a in &figures.areas {
            let area = t.get(&a.area.message_id());
            for (who, m) in [
                ("life-view-her-short", a.her),
                ("life-view-worker-short", a.worker),
            ] {
                let mut cells = vec![
                    Cell::from(holder.as_str()),
                    Cell::Text(view.period.to_string()),
                    Cell::Text(area.clone()),
                    Cell::Text(format!("{}: {}", t.get(who), movement_text(t, m))),
                ];
                match m {
                    Some(m) => cells.extend([
                        count(m.n),
                        plain(m.first_tenths()),
                        plain(m.latest_tenths()),
                        plain(m.change_tenths()),
                        Cell::from(if m.n == 0 { "no-data" } else { "shown" }),
                    ]),
                    None => cells.extend([
                        marked(),
                        marked(),
                        marked(),
                        marked(),
                        Cell::from("suppressed"),
                    ]),
                }
                table.rows.push(cells);
            }
            let mut cells = vec![
                Cell::from(holder.as_str()),
                Cell::Text(view.period.to_string()),
                Cell::Text(area),
                Cell::Text(format!(
                    "{}: {}",
                    t.get("indicator-r8-gaps"),
                    figure_text(t, Measure::VoiceLately, a.gaps)
                )),
            ];
            match a.gaps {
                Figure::Shown { n, value } => {
                    let percent = match value {
                        super::Value::Percent(Some(p)) => count(p),
                        _ => Cell::from(""),
                    };
                    cells.extend([
                        count(n),
                        Cell::from(""),
                        Cell::from(""),
                        percent,
                        Cell::from(if n == 0 { "no-data" } else { "shown" }),
                    ]);
                }
                Figure::Suppressed => cells.extend([
                    marked(),
                    marked(),
                    marked(),
                    marked(),
                    Cell::from("suppressed"),
                ]),
            }
            table.rows.push(cells);
        }
    }
    Some(table)
}

/// R8 in the PDF: for each holder, each area's mean the latest time drawn as a bar on the scale
/// of 1 to 4 with a mark where it started, hers and the worker's, their figures written beside.
pub fn pdf_blocks(t: &Tr, view: &Indicators, blocks: &mut Vec<pdf::Block>) {
    use pdf::{Block, Chart};
    let Some(part) = view.her_view.as_ref() else {
        return;
    };
    let period = period_label(t, view.period);
    // The network admin's report shows the network's total; the members' cases under it.
    let holders = holders(t, part);
    let shown: Vec<&(String, &HerViewFigures)> = if part.network.is_some() {
        holders.iter().take(1).collect()
    } else {
        holders.iter().collect()
    };
    // Each holder's trend, in the same order (the network's first when shown).
    let trends = trend_holders(t, part);
    for ((holder, figures), (_, quarters)) in shown.into_iter().zip(&trends) {
        blocks.push(Block::Heading(format!(
            "{} · {holder} · {period}",
            t.get("indicator-r8-her-view")
        )));
        blocks.push(Block::Meta(t.get("indicator-r8-her-view-intro")));
        blocks.push(Block::Paragraph(match figures.cases {
            Figure::Shown { n, .. } if n > 0 => t.i18n.text_with(
                t.lang,
                "indicator-r8-cases",
                &[("n", i18n::Arg::Text(number(t, n)))],
            ),
            Figure::Shown { .. } => t.get("indicators-no-data"),
            Figure::Suppressed => t.get("indicators-hidden"),
        }));
        for a in &figures.areas {
            blocks.push(Block::Paragraph(t.get(&a.area.message_id())));
            for (who, m) in [
                ("life-view-her-short", a.her),
                ("life-view-worker-short", a.worker),
            ] {
                blocks.push(Block::Meta(format!(
                    "{}: {}",
                    t.get(who),
                    movement_text(t, m)
                )));
                if let Some((first, latest)) =
                    m.and_then(|m| m.first_tenths().zip(m.latest_tenths()))
                {
                    // Tenths above "very hard" (1.0), on a bar from 1 to 4.
                    let above = |v: i64| u64::try_from(v - 10).unwrap_or(0);
                    blocks.push(Block::Chart(Chart::Bar {
                        value: above(latest),
                        max: 30,
                        target: Some(above(first)),
                    }));
                }
            }
            blocks.push(Block::Meta(format!(
                "{}: {}",
                t.get("indicator-r8-gaps"),
                figure_text(t, Measure::VoiceLately, a.gaps)
            )));
        }
        trend_blocks(t, view, quarters, blocks);
    }
    if part.network.is_some() {
        for o in &part.organisations {
            blocks.push(Block::Bullet(format!(
                "{}: {}",
                o.name,
                figure_text(t, Measure::Identified, o.figures.cases)
            )));
        }
    }
}

/// R8's trend in the PDF, under the holder's areas: her mean and the worker's over the four
/// quarters as two lines on the scale of 1 to 4 (a hidden quarter has no point), their figures
/// written under each, as the page draws them.
fn trend_blocks(
    t: &Tr,
    view: &Indicators,
    quarters: &[HerViewFigures],
    blocks: &mut Vec<pdf::Block>,
) {
    use pdf::{Block, Chart};
    let means = trend_means(quarters);
    blocks.push(Block::Paragraph(t.get("indicator-r8-trend-title")));
    blocks.push(Block::Meta(t.get("indicator-r8-trend-desc")));
    for (who, pick) in [
        (
            "life-view-her-short",
            (|m: &TrendMeans| m.her) as fn(&TrendMeans) -> Option<i64>,
        ),
        ("life-view-worker-short", |m: &TrendMeans| m.worker),
    ] {
        // Tenths above "very hard" (1.0), on a line from 1 to 4.
        let points = means
            .iter()
            .map(|m| pick(m).and_then(|v| u64::try_from(v - 10).ok()))
            .collect();
        blocks.push(Block::Meta(t.get(who)));
        blocks.push(Block::Chart(Chart::Trend { points, max: 30 }));
        blocks.push(Block::Meta(
            view.trend
                .iter()
                .zip(&means)
                .map(|(p, m)| format!("{}: {}", period_label(t, *p), mean_text(t, pick(m))))
                .collect::<Vec<_>>()
                .join(" · "),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::indicators::her_view::AreaFigures;

    /// An organisation's R8 with `cases` cases, each area's figures about `her_n` of them.
    fn of(cases: u64, her_n: u64) -> HerView {
        HerView {
            cases,
            areas: GoalDomain::ALL
                .iter()
                .map(|&area| AreaFigures {
                    area,
                    her: Movement {
                        n: her_n,
                        first: 2 * her_n as i64,
                        latest: 3 * her_n as i64,
                    },
                    worker: Movement {
                        n: cases,
                        first: 2 * cases as i64,
                        latest: 2 * cases as i64,
                    },
                    gaps: Share { count: 1, n: her_n },
                })
                .collect(),
        }
    }

    #[test]
    fn a_small_organisation_is_hidden_and_another_with_it_so_the_total_gives_nothing_away() {
        let (orgs, network) = protect(&[of(12, 10), of(3, 3), of(7, 6)]);
        assert_eq!(orgs[1].cases, Figure::Suppressed, "three cases");
        assert_eq!(
            orgs[2].cases,
            Figure::Suppressed,
            "the next smallest, with it"
        );
        assert!(matches!(orgs[0].cases, Figure::Shown { n: 12, .. }));
        assert!(matches!(network.cases, Figure::Shown { n: 22, .. }));
        // Every area of a hidden organisation is hidden.
        assert!(
            orgs[1]
                .areas
                .iter()
                .all(|a| a.her.is_none() && a.worker.is_none() && a.gaps == Figure::Suppressed)
        );
        assert!(orgs[2].areas.iter().all(|a| a.her.is_none()));
        assert_eq!(
            orgs[0].areas[0].her.map(|m| m.change_tenths()),
            Some(Some(10))
        );
        // No hidden figure is the total less the shown ones.
        let shown: u64 = orgs
            .iter()
            .filter_map(|o| match o.cases {
                Figure::Shown { n, .. } => Some(n),
                Figure::Suppressed => None,
            })
            .sum();
        assert!(22 - shown >= 5);
    }

    #[test]
    fn an_area_she_answered_too_rarely_is_hidden_while_the_cases_show() {
        let (orgs, network) = protect(&[of(8, 4), of(9, 9)]);
        assert!(matches!(orgs[0].cases, Figure::Shown { n: 8, .. }));
        assert_eq!(orgs[0].areas[2].her, None, "four of her answers");
        assert!(orgs[0].areas[2].worker.is_some());
        // Her figure for the other organisation is hidden with it, else the network's would
        // give the first one back.
        assert_eq!(orgs[1].areas[2].her, None);
        assert_eq!(network.areas[2].her.map(|m| m.n), Some(13));
    }

    #[test]
    fn the_trend_is_drawn_from_shown_figures_alone() {
        let (orgs, _) = protect(&[of(12, 10), of(9, 9)]);
        let shown = orgs[0].clone();
        let hidden = HerViewFigures {
            cases: Figure::Suppressed,
            areas: Vec::new(),
        };
        let means = trend_means(&[shown.clone(), hidden, shown.clone()]);
        assert_eq!(
            means[0],
            TrendMeans {
                her: Some(30),
                worker: Some(20)
            }
        );
        assert_eq!(
            means[1],
            TrendMeans {
                her: None,
                worker: None
            },
            "a hidden quarter has no mean"
        );
        assert_eq!(means[2], means[0]);
        // An area hidden in one quarter leaves every quarter's mean: the same areas throughout.
        let mut partly = shown.clone();
        partly.areas[2].her = None;
        let means = trend_means(&[shown.clone(), partly]);
        assert_eq!(means[0].her, Some(30));
        let (_, network) = protect(&[of(2, 2), of(1, 1)]);
        assert_eq!(trend_means(&[network])[0].her, None);
    }

    #[test]
    fn a_network_of_too_few_shows_nothing() {
        let (orgs, network) = protect(&[of(2, 2), of(1, 1)]);
        assert_eq!(network.cases, Figure::Suppressed);
        assert!(orgs.iter().all(|o| o.cases == Figure::Suppressed));
        assert_eq!(network.areas[0].her, None);
    }
}
