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

/// The glance query for the cases whose ids are the placeholders `list` (`$1` the custodian,
/// `$2` her day). With `plan`, each row also carries the newest version of her plan that the
/// sight bound at `$4` (organisation) and `$5` (shared sections) reaches, and the newest
/// approved one it reaches: `PlanStore::plan`'s answer, for the summary (issue 16).
/// `w.org_id || ''` keeps SQLite off `voice_by_org_time` (migration 0031): with it, the
/// language of her newest words walked the organisation's every entry, newest first, for each
/// case glanced at; `voice_by_case` finds hers at once.
pub(crate) fn glance_sql(list: &str, plan: bool) -> String {
    let (plan_columns, plan_join) = if plan {
        (
            concat!(
                ", pv.body AS plan_body, pv.version AS plan_seen_version, \
                 pv.saved_by AS plan_updated_by, pv.saved_at AS plan_updated_at, \
                 (SELECT MAX(w.version) FROM plan_versions w WHERE w.case_id = c.id \
                 AND w.approved_at IS NOT NULL AND ",
                crate::cases::visible!("4", "5", "'voice'"),
                ") AS plan_approved_version"
            ),
            concat!(
                " LEFT JOIN plan_versions pv ON pv.case_id = c.id AND pv.version = \
                 (SELECT MAX(x.version) FROM plan_versions x WHERE x.case_id = c.id AND ",
                crate::cases::visible!("4", "5", "'voice'"),
                ")"
            ),
        )
    } else {
        ("", "")
    };
    format!(
        "SELECT c.id, \
         (SELECT MIN(f.due_on) FROM followups f WHERE f.case_id = c.id AND f.done_at IS NULL) AS next_followup, \
         (SELECT COUNT(*) FROM followups f WHERE f.case_id = c.id AND f.done_at IS NULL AND f.due_on < $2) AS missed_followups, \
         (SELECT COALESCE((SELECT MAX(r.reviewed_at) FROM plan_reviews r WHERE r.case_id = c.id), v.saved_at) \
          FROM plan_versions v WHERE v.case_id = c.id AND v.version = 1) AS review_from, \
         p.version AS plan_version, p.approved_version, \
         (SELECT MIN(h.sent_at) FROM handovers h WHERE h.case_id = c.id AND h.state = 'sent') AS waiting_since, \
         (SELECT w.language FROM voice_entries w WHERE w.case_id = c.id AND w.org_id || '' = $1 \
          ORDER BY w.recorded_at DESC LIMIT 1) AS language, \
         r.started_on, s.seq, s.step_key, s.expected_days, s.done_on{plan_columns} \
         FROM cases c \
         LEFT JOIN plans p ON p.case_id = c.id \
         LEFT JOIN repatriations r ON r.case_id = c.id \
         LEFT JOIN repatriation_steps s ON s.case_id = c.id{plan_join} \
         WHERE c.custodian_org_id = $1 AND c.id IN ({list}) \
         ORDER BY c.id, s.seq"
    )
}

/// A row of [`glance_sql`] with `plan`.
#[derive(sqlx::FromRow)]
pub(crate) struct GlancePlanRow {
    #[sqlx(flatten)]
    glance: GlanceRow,
    plan_body: Option<String>,
    plan_seen_version: Option<i64>,
    plan_updated_by: Option<Stored<domain::UserId>>,
    plan_updated_at: Option<i64>,
    plan_approved_version: Option<i64>,
}

/// The glance of one case and the plan its rows carry (the same on each row).
pub(crate) fn glance_and_plan(
    mut rows: Vec<GlancePlanRow>,
    today: time::Date,
) -> Result<(Option<Glance>, Option<domain::plan::Plan>), StoreError> {
    let plan = match rows.first_mut() {
        Some(GlancePlanRow {
            plan_body: body @ Some(_),
            plan_seen_version: Some(version),
            plan_updated_by,
            plan_updated_at: Some(updated_at),
            plan_approved_version,
            ..
        }) => Some(
            crate::cases::plan::PlanRow {
                body: body.take().unwrap_or_default(),
                version: *version,
                updated_by: plan_updated_by.take(),
                updated_at: *updated_at,
                approved_version: *plan_approved_version,
            }
            .try_into()?,
        ),
        _ => None,
    };
    let glance = glances(rows.into_iter().map(|r| r.glance).collect(), today)?
        .into_iter()
        .next();
    Ok((glance, plan))
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
