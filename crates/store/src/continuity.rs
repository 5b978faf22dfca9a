//! The rows R6d, R6e and R7 read (`docs/indicators.md`): follow-ups after her return, news
//! for the organisation that handed her case over, and the steps of her repatriation. One
//! query per indicator, for one organisation and one period, on both engines; the formulas are
//! in `domain::indicators::{continuity, repatriation}`.

use async_trait::async_trait;
use domain::indicators::Bounds;
use domain::indicators::continuity::FollowUpDue;
use domain::indicators::repatriation::{StepDone, StepKey};
use domain::voice::parse_date;
use domain::{OrgId, Timestamp};
use time::Date;

use crate::StoreError;
use crate::stored::parse_column;

#[async_trait]
pub trait ContinuityStore: Send + Sync {
    /// R6d: the follow-ups due on a day from `days.0` up to, not including, `days.1`, for
    /// `org`: those its staff did, and those not done of the cases in its custody at `end`.
    /// Each is placed in the schedule of her return it belongs to; one no return's schedule
    /// holds is left out.
    async fn follow_ups_due(
        &self,
        org: OrgId,
        days: (Date, Date),
        end: Timestamp,
    ) -> Result<Vec<FollowUpDue>, StoreError>;
    /// R6e: for each accepted handover `org` sent or received whose receiver's staff did a
    /// follow-up of her case in `span` (after accepting it), whether a follow-up update on that
    /// handover reached the sender in `span`. A handover counts for both sides.
    async fn sender_news(&self, org: OrgId, span: Bounds) -> Result<Vec<bool>, StoreError>;
    /// R7: the repatriation steps `org`'s staff recorded done on a day from `days.0` up to,
    /// not including, `days.1`, each from the day the newest earlier step of her repatriation
    /// was done (or the day it started).
    async fn repatriation_steps_done(
        &self,
        org: OrgId,
        days: (Date, Date),
    ) -> Result<Vec<StepDone>, StoreError>;
    /// R7: every configured route's steps, route by route, in order.
    async fn repatriation_step_keys(&self) -> Result<Vec<StepKey>, StoreError>;
}

#[derive(sqlx::FromRow)]
pub(crate) struct FollowUpDueRow {
    pub(crate) id: String,
    pub(crate) case_id: crate::stored::Stored<domain::CaseId>,
    pub(crate) due_on: String,
    pub(crate) done_at: Option<i64>,
    pub(crate) returned_at: Option<i64>,
}

/// One follow-up per id (the rows come ordered by it), with the case it is about and the days of her returns its
/// schedule may have been counted from (UTC days, as `followup::schedule` counted them).
pub(crate) fn follow_ups_of_cases(
    rows: Vec<FollowUpDueRow>,
) -> Result<Vec<(domain::CaseId, FollowUpDue)>, StoreError> {
    // (follow-up id, case, due on, done at, the days of her returns)
    type Grouped = (String, domain::CaseId, String, Option<i64>, Vec<Date>);
    let mut grouped: Vec<Grouped> = Vec::new();
    for row in rows {
        let returned = row.returned_at.map(|at| Timestamp(at).to_datetime().date());
        match grouped.last_mut() {
            Some((id, _, _, _, returns)) if *id == row.id => returns.extend(returned),
            _ => grouped.push((
                row.id,
                row.case_id.0,
                row.due_on,
                row.done_at,
                returned.into_iter().collect(),
            )),
        }
    }
    let mut out = Vec::new();
    for (_, case, due_on, done_at, returns) in grouped {
        let due_on = parse_column("due_on", &due_on, parse_date)?;
        if let Some(months) = domain::indicators::continuity::schedule_months(&returns, due_on) {
            out.push((
                case,
                FollowUpDue {
                    months,
                    due_on,
                    done_at: done_at.map(Timestamp),
                },
            ));
        }
    }
    Ok(out)
}

/// R6d's follow-ups due from `$3` up to, not including, `$4` (ISO days, which compare as
/// text) for `$1`: those its staff did, and those not done of the cases in its custody at
/// `$2`. One row per follow-up and return of her case. R6d's figure and the director's list
/// behind it read the same rows.
macro_rules! follow_ups_due_query {
    () => {
        concat!(
            "SELECT f.id, f.case_id, f.due_on, f.done_at, s.changed_at AS returned_at \
             FROM followups f JOIN cases c ON c.id = f.case_id \
             LEFT JOIN users u ON u.id = f.done_by \
             LEFT JOIN stage_changes s ON s.case_id = f.case_id AND s.to_stage = 'returned' \
             WHERE f.due_on >= $3 AND f.due_on < $4 AND COALESCE(u.org_id, ",
            $crate::indicators::custodian_at!(),
            ") = $1 ORDER BY f.due_on, f.id, s.changed_at"
        )
    };
}
pub(crate) use follow_ups_due_query;

#[derive(sqlx::FromRow)]
pub(crate) struct StepDoneRow {
    pub(crate) route: String,
    pub(crate) step_key: String,
    pub(crate) expected_days: i64,
    pub(crate) done_on: String,
    pub(crate) from_on: String,
}

pub(crate) fn steps_done(rows: Vec<StepDoneRow>) -> Result<Vec<StepDone>, StoreError> {
    rows.into_iter()
        .map(|r| {
            Ok(StepDone {
                from_on: parse_column("from_on", &r.from_on, parse_date)?,
                done_on: parse_column("done_on", &r.done_on, parse_date)?,
                route: r.route,
                step: r.step_key,
                expected_days: r.expected_days,
            })
        })
        .collect()
}

#[derive(sqlx::FromRow)]
pub(crate) struct StepKeyRow {
    pub(crate) route: String,
    pub(crate) step_key: String,
    pub(crate) expected_days: i64,
}

macro_rules! impl_continuity_store {
    ($store:ty, $db:ty) => {
        #[async_trait::async_trait]
        impl $crate::ContinuityStore for $store {
            async fn follow_ups_due(
                &self,
                org: domain::OrgId,
                days: (time::Date, time::Date),
                end: domain::Timestamp,
            ) -> Result<Vec<domain::indicators::continuity::FollowUpDue>, $crate::StoreError> {
                // The figure counts exactly the follow-ups its list of cases shows.
                let due =
                    $crate::IndicatorCaseStore::follow_ups_due_cases(self, org, days, end).await?;
                Ok(due.into_iter().map(|(_, due)| due).collect())
            }

            async fn sender_news(
                &self,
                org: domain::OrgId,
                span: domain::indicators::Bounds,
            ) -> Result<Vec<bool>, $crate::StoreError> {
                Ok(sqlx::query_scalar(
                    "SELECT EXISTS (SELECT 1 FROM followup_updates n WHERE n.handover_id = h.id \
                     AND n.at >= $2 AND n.at < $3) AS news FROM handovers h \
                     WHERE h.state = 'accepted' AND (h.from_org_id = $1 OR h.to_org_id = $1) \
                     AND EXISTS (SELECT 1 FROM followups f JOIN users u ON u.id = f.done_by \
                     WHERE f.case_id = h.case_id AND u.org_id = h.to_org_id \
                     AND f.done_at >= $2 AND f.done_at < $3 AND f.done_at >= h.decided_at) \
                     ORDER BY h.decided_at, h.id",
                )
                .bind(org.to_string())
                .bind(span.start.millis())
                .bind(span.end.millis())
                .fetch_all(&self.pool)
                .await?)
            }

            async fn repatriation_steps_done(
                &self,
                org: domain::OrgId,
                days: (time::Date, time::Date),
            ) -> Result<Vec<domain::indicators::repatriation::StepDone>, $crate::StoreError> {
                let rows: Vec<$crate::continuity::StepDoneRow> = sqlx::query_as(
                    "SELECT r.route, s.step_key, s.expected_days, s.done_on, \
                     COALESCE((SELECT MAX(p.done_on) FROM repatriation_steps p \
                     WHERE p.case_id = s.case_id AND p.seq < s.seq AND p.done_on <> ''), r.started_on) AS from_on \
                     FROM repatriation_steps s JOIN repatriations r ON r.case_id = s.case_id \
                     JOIN cases c ON c.id = s.case_id LEFT JOIN users u ON u.id = s.updated_by \
                     WHERE s.done_on >= $2 AND s.done_on < $3 \
                     AND COALESCE(u.org_id, c.custodian_org_id) = $1 \
                     ORDER BY r.route, s.seq, s.done_on, s.case_id",
                )
                .bind(org.to_string())
                .bind(domain::voice::format_date_iso(days.0))
                .bind(domain::voice::format_date_iso(days.1))
                .fetch_all(&self.pool)
                .await?;
                $crate::continuity::steps_done(rows)
            }

            async fn repatriation_step_keys(
                &self,
            ) -> Result<Vec<domain::indicators::repatriation::StepKey>, $crate::StoreError> {
                let rows: Vec<$crate::continuity::StepKeyRow> = sqlx::query_as(
                    "SELECT route, step_key, expected_days FROM repatriation_route_steps \
                     ORDER BY route, seq",
                )
                .fetch_all(&self.pool)
                .await?;
                Ok(rows
                    .into_iter()
                    .map(|r| domain::indicators::repatriation::StepKey {
                        route: r.route,
                        step: r.step_key,
                        expected_days: r.expected_days,
                    })
                    .collect())
            }
        }
    };
}
pub(crate) use impl_continuity_store;
