//! A case at a glance: what the case list and the top of the case page show beside her code
//! without opening any section of her record — the next dates due, how many are past, her
//! plan's state, a handover waiting for its answer, and the language her words were last
//! recorded in here. One query for a whole page of cases (`CaseStore::glances`).

use domain::voice::parse_date;
use domain::{CaseId, Language, Timestamp};

use crate::StoreError;
use crate::stored::{Stored, parse_column};

/// One case, at a glance. Everything here is the custodian's own work on the case: dates and
/// states, never her words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Glance {
    pub case: CaseId,
    /// The earliest follow-up not yet done.
    pub next_followup: Option<time::Date>,
    /// Follow-ups not done whose day has passed.
    pub missed_followups: u64,
    /// When the plan was last reviewed with her, or first saved if never: a review is due
    /// some days after it.
    pub review_from: Option<Timestamp>,
    /// Her plan's newest version and the newest approved one, when there is a plan.
    pub plan: Option<(i64, Option<i64>)>,
    /// Since when a handover of hers has been sent and not yet acknowledged.
    pub waiting_since: Option<Timestamp>,
    /// The language her words were last recorded in by the custodian's staff.
    pub language: Option<Language>,
    /// The next repatriation step not done, and its expected date.
    pub next_step: Option<(String, time::Date)>,
    /// Repatriation steps past their expected date.
    pub overdue_steps: u64,
}

/// One row of the glance query: the case's columns, with one of its repatriation steps (or
/// none) — a case with a repatriation comes once per step, steps in order.
#[derive(sqlx::FromRow)]
pub(crate) struct GlanceRow {
    id: Stored<CaseId>,
    next_followup: Option<String>,
    missed_followups: i64,
    review_from: Option<i64>,
    plan_version: Option<i64>,
    approved_version: Option<i64>,
    waiting_since: Option<i64>,
    language: Option<Stored<Language>>,
    started_on: Option<String>,
    seq: Option<i64>,
    step_key: Option<String>,
    expected_days: Option<i64>,
    done_on: Option<String>,
}

/// The glances of `rows` (each case's rows together, steps in order), on `today`.
pub(crate) fn glances(rows: Vec<GlanceRow>, today: time::Date) -> Result<Vec<Glance>, StoreError> {
    let mut out: Vec<(Glance, Option<time::Date>, Vec<domain::repatriation::Step>)> = Vec::new();
    for row in rows {
        let case = row.id.0;
        if out.last().is_none_or(|(g, _, _)| g.case != case) {
            let glance = Glance {
                case,
                next_followup: row
                    .next_followup
                    .as_deref()
                    .map(|d| parse_column("due_on", d, parse_date))
                    .transpose()?,
                missed_followups: u64::try_from(row.missed_followups).unwrap_or(0),
                review_from: row.review_from.map(Timestamp),
                plan: row.plan_version.map(|v| (v, row.approved_version)),
                waiting_since: row.waiting_since.map(Timestamp),
                language: row.language.map(Stored::into_inner),
                next_step: None,
                overdue_steps: 0,
            };
            let started = row
                .started_on
                .as_deref()
                .map(|d| parse_column("started_on", d, parse_date))
                .transpose()?;
            out.push((glance, started, Vec::new()));
        }
        if let (Some((_, _, steps)), Some(seq), Some(key), Some(days)) =
            (out.last_mut(), row.seq, row.step_key, row.expected_days)
        {
            steps.push(domain::repatriation::Step {
                case_id: case,
                seq,
                key,
                agency: String::new(),
                expected_days: days,
                done_on: row
                    .done_on
                    .as_deref()
                    .map(|d| parse_column("done_on", d, parse_date))
                    .transpose()?,
                her_preference: String::new(),
                updated_by: None,
                updated_at: None,
            });
        }
    }
    Ok(out
        .into_iter()
        .map(|(mut glance, started, steps)| {
            if let Some(started) = started {
                let due = domain::repatriation::due_dates(started, &steps);
                let late = domain::repatriation::overdue(started, &steps, today);
                glance.overdue_steps = late.iter().filter(|l| **l).count() as u64;
                glance.next_step = steps
                    .iter()
                    .zip(due)
                    .find(|(s, _)| s.done_on.is_none())
                    .map(|(s, due)| (s.key.clone(), due));
            }
            glance
        })
        .collect())
}
