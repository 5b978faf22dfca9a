//! R8 Her own view of her life, in the indicators (`docs/indicators.md`): per organisation and
//! for the network, the six areas of her plan with her mean rating at the first and the latest
//! time she was asked and the worker's beside it, and the share of cases where the two were two
//! points or more apart the latest time.
//!
//! Suppression: each figure's n is a number of cases, summed over organisations to the
//! network's total, so each is protected along the line of organisations and their total
//! (`suppress::Line`): the number of cases first, and every area's figure after it, with an
//! organisation hidden on the first hidden on every other. A year is computed on its own cases
//! (those asked in the year, and asked before), not added up from its quarters.

use std::sync::Arc;

use domain::OrgId;
use domain::indicators::her_view::{self as formula, HerView, Movement};
use domain::indicators::suppress::{Line, too_small};
use domain::indicators::{Period, Share};
use domain::plan::GoalDomain;
use store::Store;

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
}

/// R8 in the view: the organisations the reader sees and, for the network admin, the total.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HerViewPart {
    pub organisations: Vec<HerViewOrg>,
    pub network: Option<HerViewFigures>,
}

/// Reads every organisation's R8 for `period` (one query each) and protects it: the canonical
/// line is the network's, whoever reads it.
pub async fn part(
    store: &Arc<dyn Store>,
    orgs: &[(OrgId, String)],
    period: Period,
    scope: Option<OrgId>,
    network: bool,
) -> Result<HerViewPart, Error> {
    let mut raw = Vec::with_capacity(orgs.len());
    for (org, _) in orgs {
        let zone = store.time_zone_of(*org).await?;
        let span = period.bounds(&zone);
        let rows = store.life_views_for_indicator(*org, span).await?;
        raw.push(formula::her_view(&rows, span));
    }
    let (figures, total) = protect(&raw);
    Ok(HerViewPart {
        organisations: orgs
            .iter()
            .zip(figures)
            .filter(|((org, _), _)| scope.is_none_or(|s| s == *org))
            .map(|((org, name), figures)| HerViewOrg {
                org: *org,
                name: name.clone(),
                figures,
            })
            .collect(),
        network: network.then_some(total),
    })
}

/// Protects one line of n: organisations' parts, each hidden already where `forced`, and their
/// total. Returns (each part hidden, the total hidden).
fn line(ns: &[u64], forced: &[bool], total_forced: bool) -> (Vec<bool>, bool) {
    let mut l = Line::of(ns);
    for (part, force) in l.parts.iter_mut().zip(forced) {
        part.1 |= *force;
    }
    l.total_hidden |= total_forced;
    l.protect();
    (l.parts.iter().map(|(_, h)| *h).collect(), l.total_hidden)
}

/// Suppresses the organisations' R8 and their total: (each organisation's, the network's).
pub fn protect(raw: &[HerView]) -> (Vec<HerViewFigures>, HerViewFigures) {
    let total = raw.iter().fold(HerView::default(), |a, b| a.merge(b));
    let cases: Vec<u64> = raw.iter().map(|v| v.cases).collect();
    let none = vec![false; raw.len()];
    let (org_hidden, total_hidden) = line(&cases, &none, false);
    let count = |n: u64, hidden: bool| Figure::of(&Sample::Count(n), hidden);
    let mut orgs: Vec<HerViewFigures> = raw
        .iter()
        .zip(&org_hidden)
        .map(|(v, hidden)| HerViewFigures {
            cases: count(v.cases, *hidden),
            areas: Vec::new(),
        })
        .collect();
    let mut network = HerViewFigures {
        cases: count(total.cases, total_hidden),
        areas: Vec::new(),
    };
    for (a, &area) in GoalDomain::ALL.iter().enumerate() {
        let area_of = |v: &HerView| v.areas.get(a).copied();
        let ns = |pick: &dyn Fn(&formula::AreaFigures) -> u64| -> Vec<u64> {
            raw.iter()
                .map(|v| area_of(v).map_or(0, |f| pick(&f)))
                .collect()
        };
        let (her_hidden, her_total_hidden) = line(&ns(&|f| f.her.n), &org_hidden, total_hidden);
        let (worker_hidden, worker_total_hidden) =
            line(&ns(&|f| f.worker.n), &org_hidden, total_hidden);
        let (gaps_hidden, gaps_total_hidden) = line(&ns(&|f| f.gaps.n), &org_hidden, total_hidden);
        let shown = |m: Movement, hidden: bool| (!hidden && !too_small(m.n)).then_some(m);
        for (r, v) in raw.iter().enumerate() {
            let Some(f) = area_of(v) else { continue };
            orgs[r].areas.push(AreaFigure {
                area,
                her: shown(f.her, her_hidden[r]),
                worker: shown(f.worker, worker_hidden[r]),
                gaps: Figure::of(&Sample::Share(f.gaps), gaps_hidden[r]),
            });
        }
        let t = total.areas.get(a).copied().unwrap_or(formula::AreaFigures {
            area,
            her: Movement::default(),
            worker: Movement::default(),
            gaps: Share::default(),
        });
        network.areas.push(AreaFigure {
            area,
            her: shown(t.her, her_total_hidden),
            worker: shown(t.worker, worker_total_hidden),
            gaps: Figure::of(&Sample::Share(t.gaps), gaps_total_hidden),
        });
    }
    (orgs, network)
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
    let plain = |v: Option<i64>| {
        v.map(|v| {
            Cell::Text(format!(
                "{}{}.{}",
                if v < 0 { "-" } else { "" },
                v.abs() / 10,
                v.abs() % 10
            ))
        })
        .unwrap_or_else(|| Cell::from(""))
    };
    let count = |v: u64| Cell::Count(i64::try_from(v).unwrap_or(i64::MAX));
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
    for (holder, figures) in shown {
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
    fn a_network_of_too_few_shows_nothing() {
        let (orgs, network) = protect(&[of(2, 2), of(1, 1)]);
        assert_eq!(network.cases, Figure::Suppressed);
        assert!(orgs.iter().all(|o| o.cases == Figure::Suppressed));
        assert_eq!(network.areas[0].her, None);
    }
}
