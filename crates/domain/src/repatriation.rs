//! Repatriation across a border: an ordered list of steps for the route (India → Bangladesh by
//! default), each with the responsible agency and an expected duration; a step not done within
//! its expected time after the one before it is overdue. Her informed preference is recorded at
//! each step, because it is her return.

use time::Date;

use crate::{CaseId, Timestamp, UserId};

/// One step of a route, as configured.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepTemplate {
    pub key: String,
    pub agency: String,
    pub expected_days: i64,
}

/// One step of her repatriation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub case_id: CaseId,
    pub seq: i64,
    pub key: String,
    pub agency: String,
    pub expected_days: i64,
    pub done_on: Option<Date>,
    /// What she said she wants at this step, after it was explained to her.
    pub her_preference: String,
    pub updated_by: Option<UserId>,
    pub updated_at: Option<Timestamp>,
}

/// When each step is due: the start (or the day the step before was done) plus its expected
/// days. A step is overdue when it is not done and today is past that.
pub fn due_dates(started_on: Date, steps: &[Step]) -> Vec<Date> {
    let mut from = started_on;
    let mut due = Vec::with_capacity(steps.len());
    for step in steps {
        let this = from.saturating_add(time::Duration::days(step.expected_days));
        due.push(this);
        from = step.done_on.unwrap_or(this);
    }
    due
}

pub fn overdue(started_on: Date, steps: &[Step], today: Date) -> Vec<bool> {
    due_dates(started_on, steps)
        .into_iter()
        .zip(steps)
        .map(|(due, step)| step.done_on.is_none() && today > due)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::voice::parse_date;

    fn step(seq: i64, days: i64, done: Option<&str>) -> Step {
        Step {
            case_id: CaseId::new(),
            seq,
            key: format!("s{seq}"),
            agency: "x".into(),
            expected_days: days,
            done_on: done.map(|d| parse_date(d).unwrap()),
            her_preference: String::new(),
            updated_by: None,
            updated_at: None,
        }
    }

    #[test]
    fn a_step_is_due_its_expected_days_after_the_one_before() {
        let start = parse_date("2026-01-01").unwrap();
        let steps = [
            step(1, 30, Some("2026-01-20")),
            step(2, 10, None),
            step(3, 5, None),
        ];
        let due: Vec<String> = due_dates(start, &steps)
            .into_iter()
            .map(crate::voice::format_date_iso)
            .collect();
        assert_eq!(due, ["2026-01-31", "2026-01-30", "2026-02-04"]);
        assert_eq!(
            overdue(start, &steps, parse_date("2026-02-01").unwrap()),
            [false, true, false]
        );
    }
}
