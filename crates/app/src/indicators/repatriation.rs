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

use super::{Figures, Sample, protect_column};
use crate::Error;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::{Figure, Value};

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
