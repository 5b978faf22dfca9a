//! R7 Repatriation (`docs/indicators.md`, R7): for each route and step, the days the step took
//! against the days expected, and the share of steps delayed. The parent module's
//! [`super::repatriation_pace`] gives one organisation's spread; this module gives the parts that
//! add up across quarters and organisations, over a fixed list of steps.

use time::Date;

use super::{Share, StepRow};

/// One step of a route, as the indicators list it: the route, the step's key and the days
/// the route expects it to take.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepKey {
    pub route: String,
    pub step: String,
    pub expected_days: i64,
}

/// A step done: the day the step before it was done (or the repatriation started) and the
/// day it was done, with the days her copy of the route expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepDone {
    pub route: String,
    pub step: String,
    pub expected_days: i64,
    pub from_on: Date,
    pub done_on: Date,
}

impl StepDone {
    /// The days it took, from the day before's step to its own (never below zero: a step
    /// recorded done before the one before it took no time).
    pub fn row(&self) -> StepRow {
        StepRow {
            route: self.route.clone(),
            step: self.step.clone(),
            took_days: (self.done_on - self.from_on).whole_days().max(0),
            expected_days: self.expected_days,
        }
    }
}

/// The steps to show: the configured routes' steps in their order, then any step a
/// repatriation recorded that no route lists any more (a route changed after she started).
pub fn keys(routes: &[StepKey], rows: &[StepRow]) -> Vec<StepKey> {
    let mut keys = routes.to_vec();
    for r in rows {
        if !keys.iter().any(|k| k.route == r.route && k.step == r.step) {
            keys.push(StepKey {
                route: r.route.clone(),
                step: r.step.clone(),
                expected_days: r.expected_days,
            });
        }
    }
    keys
}

/// For each key, the days each of its steps took and the share that took longer than
/// expected: the parts a median and a share are made of.
pub fn by_key(keys: &[StepKey], rows: &[StepRow]) -> Vec<(Vec<i64>, Share)> {
    keys.iter()
        .map(|k| {
            let of: Vec<&StepRow> = rows
                .iter()
                .filter(|r| r.route == k.route && r.step == k.step)
                .collect();
            (
                of.iter().map(|r| r.took_days).collect(),
                Share::of(of.iter().map(|r| r.took_days > r.expected_days)),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;

    fn key(step: &str, expected_days: i64) -> StepKey {
        StepKey {
            route: "IN-BD".into(),
            step: step.into(),
            expected_days,
        }
    }

    #[test]
    fn a_step_takes_the_days_from_the_one_before() {
        let done = StepDone {
            route: "IN-BD".into(),
            step: "nationality-verified".into(),
            expected_days: 90,
            from_on: date!(2026 - 01 - 20),
            done_on: date!(2026 - 05 - 01),
        };
        assert_eq!(done.row().took_days, 101);
        let early = StepDone {
            done_on: date!(2026 - 01 - 10),
            ..done
        };
        assert_eq!(early.row().took_days, 0);
    }

    #[test]
    fn r7_lists_every_step_of_the_routes_and_the_share_delayed() {
        let routes = [key("hir-requested", 7), key("nationality-verified", 90)];
        let row = |step: &str, took_days, expected_days| StepRow {
            route: "IN-BD".into(),
            step: step.into(),
            took_days,
            expected_days,
        };
        let rows = [
            row("nationality-verified", 200, 90),
            row("nationality-verified", 90, 90),
            row("nationality-verified", 30, 90),
            row("old-step", 5, 3),
        ];
        let keys = keys(&routes, &rows);
        assert_eq!(
            keys.iter().map(|k| k.step.as_str()).collect::<Vec<_>>(),
            ["hir-requested", "nationality-verified", "old-step"]
        );
        let parts = by_key(&keys, &rows);
        assert_eq!(parts[0], (vec![], Share::default()));
        // 90 days of 90 expected is on time; 200 is late.
        assert_eq!(parts[1], (vec![200, 90, 30], Share { count: 1, n: 3 }));
        assert_eq!(parts[2], (vec![5], Share { count: 1, n: 1 }));
    }
}
