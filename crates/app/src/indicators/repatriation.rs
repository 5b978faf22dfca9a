//! R7 Repatriation (`docs/indicators.md`): for each route and step, the median days the step
//! took against the days expected, and the share of steps delayed. The steps are data (each
//! route's list, and any step a repatriation still holds that its route no longer lists), so
//! R7 is a list of steps rather than one `Measure`; each step's two figures are suppressed
//! like any other, on the canonical tables of each year, and both have the same n (the steps
//! done), so both are hidden together.

use std::sync::Arc;

use domain::OrgId;
use domain::indicators::repatriation::{self as formula, StepKey};
use domain::indicators::{Period, StepRow};
use store::Store;

use super::report::count;
use super::words::figure_text;
use super::{Figure, Figures, Indicators, Measure, Sample, Value, protect_column};
use crate::exports::sheet::{Cell, Table};
use crate::{Error, Tr};

/// One step of a route, for one organisation or the network.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepLine {
    pub route: String,
    pub step: String,
    pub expected_days: i64,
    /// The days the step took: median and 90th percentile, n the steps done.
    pub days: Figures,
    /// The share of those steps that took longer than expected.
    pub delayed: Figures,
}

/// The steps `org`'s staff recorded done in `quarter`, with the days each took.
pub(super) async fn rows_of(
    store: &Arc<dyn Store>,
    org: OrgId,
    quarter: Period,
) -> Result<Vec<StepRow>, Error> {
    Ok(store
        .repatriation_steps_done(org, (quarter.first_day(), quarter.day_after()))
        .await?
        .iter()
        .map(formula::StepDone::row)
        .collect())
}

/// Every step to show: the configured routes' steps, then those only a repatriation holds.
pub(super) async fn keys_of(
    store: &Arc<dyn Store>,
    rows: &[Vec<Vec<StepRow>>],
) -> Result<Vec<StepKey>, Error> {
    let routes = store.repatriation_step_keys().await?;
    let all: Vec<StepRow> = rows.iter().flatten().flatten().cloned().collect();
    Ok(formula::keys(&routes, &all))
}

/// Suppresses and lays out R7: `rows[org][q]` holds each organisation's steps done in the
/// quarters of `years`, in order. Returns each organisation's steps and the network's.
pub fn assemble(
    period: Period,
    years: &[i32],
    keys: &[StepKey],
    rows: &[Vec<Vec<StepRow>>],
) -> (Vec<Vec<StepLine>>, Vec<StepLine>) {
    // Two columns per step: the days taken, and the share delayed.
    let samples: Vec<Vec<Vec<Sample>>> = rows
        .iter()
        .map(|quarters| {
            quarters
                .iter()
                .map(|done| {
                    formula::by_key(keys, done)
                        .into_iter()
                        .flat_map(|(days, delayed)| [Sample::Values(days), Sample::Share(delayed)])
                        .collect()
                })
                .collect()
        })
        .collect();
    let mut per_org: Vec<Vec<StepLine>> = vec![Vec::new(); rows.len()];
    let mut network = Vec::new();
    for (k, key) in keys.iter().enumerate() {
        let (days, days_total) = protect_column(period, years, &samples, 2 * k, false);
        let (delayed, delayed_total) = protect_column(period, years, &samples, 2 * k + 1, false);
        let line = |days: Figures, delayed: Figures| StepLine {
            route: key.route.clone(),
            step: key.step.clone(),
            expected_days: key.expected_days,
            days,
            delayed,
        };
        for ((steps, days), delayed) in per_org.iter_mut().zip(days).zip(delayed) {
            steps.push(line(days, delayed));
        }
        if let (Some(days), Some(delayed)) = (days_total, delayed_total) {
            network.push(line(days, delayed));
        }
    }
    (per_org, network)
}

/// A step in the reader's words: its name, the days expected, the days taken (median and
/// 90th percentile with n) and the share delayed, each "hidden" where suppressed.
pub struct StepWords {
    pub name: String,
    pub expected: String,
    pub days: String,
    pub delayed: String,
}

impl StepWords {
    pub fn of(t: &Tr, line: &StepLine) -> Self {
        StepWords {
            name: step_name(t, &line.step),
            expected: t.i18n.text_with(
                t.lang,
                "indicators-r7-expected",
                &[
                    ("count", i18n::Arg::Count(line.expected_days)),
                    (
                        "n",
                        i18n::Arg::Text(i18n::format_number(t.lang, line.expected_days)),
                    ),
                ],
            ),
            // Days read as days, a share as a share: the measures whose words they take.
            days: figure_text(t, Measure::StayDays, line.days.period),
            delayed: figure_text(t, Measure::VoiceLately, line.delayed.period),
        }
    }
}

/// A step's name in her language; a step no route lists any more keeps its key.
pub fn step_name(t: &Tr, step: &str) -> String {
    let id = format!("repatriation-step-{step}");
    let name = t.get(&id);
    if name == id { step.to_string() } else { name }
}

/// The routes of a list of steps, in their first order, each with its steps.
pub fn routes(steps: &[StepLine]) -> Vec<(&str, Vec<&StepLine>)> {
    let mut out: Vec<(&str, Vec<&StepLine>)> = Vec::new();
    for s in steps {
        match out.iter_mut().find(|(route, _)| *route == s.route) {
            Some((_, list)) => list.push(s),
            None => out.push((&s.route, vec![s])),
        }
    }
    out
}

const HEADER: [&str; 11] = [
    "organisation",
    "period",
    "route",
    "step",
    "expected_days",
    "n",
    "median_days",
    "p90_days",
    "delayed_percent",
    "figure",
    "status",
];

/// R7's sheet of the workbook: a row per holder (the network's total first), step and period
/// (the trend's quarters, and the year when one was asked for); a hidden step's cells marked.
pub fn sheet(t: &Tr, view: &Indicators) -> Option<Table> {
    let mut holders: Vec<(String, &Vec<StepLine>)> = Vec::new();
    if let Some(network) = &view.network_repatriation {
        holders.push((t.get("indicators-network-total"), network));
    }
    holders.extend(
        view.organisations
            .iter()
            .map(|o| (o.name.clone(), &o.repatriation)),
    );
    if holders.is_empty() {
        return None;
    }
    let mut periods: Vec<(Period, Option<usize>)> = view
        .trend
        .iter()
        .enumerate()
        .map(|(i, p)| (*p, Some(i)))
        .collect();
    if !view.trend.contains(&view.period) {
        periods.push((view.period, None));
    }
    let mut table = Table::new(KEY, HEADER.map(String::from).to_vec());
    for (holder, steps) in &holders {
        for line in steps.iter() {
            for &(p, at) in &periods {
                let pick = |f: &Figures| match at {
                    Some(i) => f.trend.get(i).copied().unwrap_or(Figure::Suppressed),
                    None => f.period,
                };
                let (days, delayed) = (pick(&line.days), pick(&line.delayed));
                let mut row = vec![
                    Cell::from(holder.as_str()),
                    Cell::Text(p.to_string()),
                    Cell::Text(line.route.clone()),
                    Cell::Text(step_name(t, &line.step)),
                    Cell::Count(line.expected_days),
                ];
                let blank = || Cell::from("");
                match (days, delayed) {
                    (
                        Figure::Shown {
                            n,
                            value: Value::Spread { median, p90 },
                        },
                        Figure::Shown {
                            value: Value::Percent(percent),
                            ..
                        },
                    ) => {
                        row.extend([
                            count(n),
                            median.map(Cell::Count).unwrap_or_else(blank),
                            p90.map(Cell::Count).unwrap_or_else(blank),
                            percent.map(count).unwrap_or_else(blank),
                            Cell::Text(figure_text(t, Measure::StayDays, days)),
                            Cell::from(if n == 0 { "no-data" } else { "shown" }),
                        ]);
                    }
                    _ => {
                        let marked = Cell::Text(t.get("indicators-export-suppressed"));
                        row.extend([
                            marked.clone(),
                            marked.clone(),
                            marked.clone(),
                            marked.clone(),
                            Cell::Text(t.get("indicators-hidden")),
                            Cell::from("suppressed"),
                        ]);
                    }
                }
                table.rows.push(row);
            }
        }
    }
    Some(table)
}

/// The sheet's name and the key of R7 in the API.
pub const KEY: &str = "r7-repatriation";

/// R7 in the PDF for one holder: a heading per route, then each step with its figures and its
/// median drawn as a bar against the days expected.
pub fn pdf_blocks(t: &Tr, steps: &[StepLine], blocks: &mut Vec<pdf::Block>) {
    use pdf::{Block, Chart};
    for (route, list) in routes(steps) {
        blocks.push(Block::Heading(t.with(
            "indicator-r7-repatriation",
            "route",
            route,
        )));
        let scale = scale(&list);
        for line in list {
            let words = StepWords::of(t, line);
            blocks.push(Block::Paragraph(format!(
                "{}: {} · {} · {}",
                words.name, words.days, words.expected, words.delayed
            )));
            if let Some(median) = median(line) {
                blocks.push(Block::Chart(Chart::Bar {
                    value: median * 100 / scale,
                    max: 100,
                    target: Some(expected(line) * 100 / scale),
                }));
            }
        }
    }
}

/// A step's shown median, in days.
pub fn median(line: &StepLine) -> Option<u64> {
    match line.days.period {
        Figure::Shown {
            value: Value::Spread {
                median: Some(m), ..
            },
            ..
        } => u64::try_from(m).ok(),
        _ => None,
    }
}

fn expected(line: &StepLine) -> u64 {
    u64::try_from(line.expected_days).unwrap_or(0)
}

/// The days a route's bars are drawn against: its longest expected or shown median.
pub fn scale(steps: &[&StepLine]) -> u64 {
    steps
        .iter()
        .flat_map(|l| [Some(expected(l)), median(l)])
        .flatten()
        .max()
        .unwrap_or(1)
        .max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(step: &str, expected_days: i64) -> StepKey {
        StepKey {
            route: "IN-BD".into(),
            step: step.into(),
            expected_days,
        }
    }

    fn row(step: &str, took_days: i64, expected_days: i64) -> StepRow {
        StepRow {
            route: "IN-BD".into(),
            step: step.into(),
            took_days,
            expected_days,
        }
    }

    #[test]
    fn each_step_is_shown_with_its_n_or_hidden_in_every_view() {
        let keys = [key("nationality-verified", 90), key("travel-permit", 14)];
        // Year 2026, quarters 1–4: two shelters with six and seven verifications a quarter (in
        // Q3 the second's all late, at 120 days) and a small home with two.
        let quarters = |count: usize, q3_days: i64| -> Vec<Vec<StepRow>> {
            let year: Vec<Vec<StepRow>> = (0..4)
                .map(|q| {
                    let took = if q == 2 { q3_days } else { 60 };
                    vec![row("nationality-verified", took, 90); count]
                })
                .collect();
            [vec![Vec::new(); 4], year].concat()
        };
        let q3 = Period::Quarter {
            year: 2026,
            quarter: 3,
        };
        let rows = [quarters(6, 60), quarters(7, 120), quarters(2, 200)];
        let (orgs, network) = assemble(q3, &[2025, 2026], &keys, &rows);
        let verified = |r: usize| &orgs[r][0];
        assert_eq!(verified(1).step, "nationality-verified");
        assert_eq!(
            verified(1).days.period,
            Figure::Shown {
                n: 7,
                value: Value::Spread {
                    median: Some(120),
                    p90: Some(120)
                }
            }
        );
        assert_eq!(
            verified(1).delayed.period,
            Figure::Shown {
                n: 7,
                value: Value::Percent(Some(100))
            }
        );
        // The small home is hidden in every quarter, both figures together, and so is the
        // smaller shelter, so that the network's total less the shown one gives neither back.
        // (The trend's first quarter, 2025-Q4, saw no steps: no data, which reveals no one.)
        for r in [0, 2] {
            assert!(
                verified(r).days.trend[1..]
                    .iter()
                    .all(|f| *f == Figure::Suppressed)
            );
            assert!(
                verified(r).delayed.trend[1..]
                    .iter()
                    .all(|f| *f == Figure::Suppressed)
            );
            assert_eq!(
                verified(r).days.trend[0],
                Figure::Shown {
                    n: 0,
                    value: Value::Spread {
                        median: None,
                        p90: None
                    }
                }
            );
        }
        assert!(matches!(
            network[0].days.period,
            Figure::Shown { n: 15, .. }
        ));
        // A step nobody did says no data, not 0 days.
        assert_eq!(
            orgs[1][1].days.period,
            Figure::Shown {
                n: 0,
                value: Value::Spread {
                    median: None,
                    p90: None
                }
            }
        );
        assert_eq!(network.len(), 2);
    }
}
