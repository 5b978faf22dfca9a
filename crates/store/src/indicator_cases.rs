//! The cases behind an indicator's figure, for her director's list (`docs/indicators.md`,
//! "Who sees what"): the same rows as the figure's own query, with the case each is about.
//! Always for one organisation and one period; the caller names her organisation.

use async_trait::async_trait;
use domain::indicators::Bounds;
use domain::indicators::continuity::FollowUpDue;
use domain::{CaseId, OrgId, Timestamp};

use crate::StoreError;
use crate::stored::Stored;

/// A stay that ended, with what she wanted: the case, when she left, the date she wanted to
/// leave (as recorded with her, in force when she left).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StayBehind {
    pub case: CaseId,
    pub left: Timestamp,
    pub wanted: time::Date,
}

#[async_trait]
pub trait IndicatorCaseStore: Send + Sync {
    /// R2d's cases: each plan version `org` approved in `span` with no review of that version
    /// recorded as agreed or partly agreed, as (case, when it was approved), oldest first.
    async fn approved_without_her_cases(
        &self,
        org: OrgId,
        span: Bounds,
    ) -> Result<Vec<(CaseId, Timestamp)>, StoreError>;
    /// R4c's cases: the stays that ended in `span` while `org` held her case (as
    /// `IndicatorStore::stays_ended`) for which the date she wanted to leave was recorded.
    async fn stays_with_her_date(
        &self,
        org: OrgId,
        span: Bounds,
    ) -> Result<Vec<StayBehind>, StoreError>;
    /// R6d's cases: the follow-ups due on a day from `days.0` up to, not including, `days.1`
    /// that R6d counts for `org` (as `ContinuityStore::follow_ups_due`, with its custodian
    /// at `end`), each with the case it is about, by due date.
    async fn follow_ups_due_cases(
        &self,
        org: OrgId,
        days: (time::Date, time::Date),
        end: Timestamp,
    ) -> Result<Vec<(CaseId, FollowUpDue)>, StoreError>;
}

#[derive(sqlx::FromRow)]
pub(crate) struct ApprovedRow {
    pub(crate) case_id: Stored<CaseId>,
    pub(crate) approved_at: i64,
}

#[derive(sqlx::FromRow)]
pub(crate) struct StayBehindRow {
    pub(crate) case_id: Stored<CaseId>,
    pub(crate) left_at: i64,
    pub(crate) wants: Option<String>,
}

macro_rules! impl_indicator_case_store {
    ($store:ty, $db:ty) => {
        #[async_trait::async_trait]
        impl $crate::IndicatorCaseStore for $store {
            async fn approved_without_her_cases(
                &self,
                org: domain::OrgId,
                span: domain::indicators::Bounds,
            ) -> Result<Vec<(domain::CaseId, domain::Timestamp)>, $crate::StoreError> {
                let rows: Vec<$crate::indicator_cases::ApprovedRow> = sqlx::query_as(
                    "SELECT p.case_id, p.approved_at FROM plan_versions p \
                     WHERE p.org_id = $1 AND p.approved_at >= $2 AND p.approved_at < $3 \
                     AND NOT EXISTS (SELECT 1 FROM plan_reviews r WHERE r.case_id = p.case_id \
                     AND r.plan_version = p.version AND r.agreement IN ('agreed', 'partly')) \
                     ORDER BY p.approved_at, p.case_id",
                )
                .bind(org.to_string())
                .bind(span.start.millis())
                .bind(span.end.millis())
                .fetch_all(&self.pool)
                .await?;
                Ok(rows
                    .into_iter()
                    .map(|r| (r.case_id.0, domain::Timestamp(r.approved_at)))
                    .collect())
            }

            async fn stays_with_her_date(
                &self,
                org: domain::OrgId,
                span: domain::indicators::Bounds,
            ) -> Result<Vec<$crate::indicator_cases::StayBehind>, $crate::StoreError> {
                let rows: Vec<$crate::indicator_cases::StayBehindRow> =
                    sqlx::query_as(concat!(
                        "SELECT l.case_id, l.changed_at AS left_at, ",
                        $crate::indicators::terms_when_she_left!("wants_to_leave_on"),
                        " AS wants",
                        $crate::indicators::stays_ended_from!(),
                        " AND EXISTS (SELECT 1 FROM stage_changes e WHERE e.case_id = l.case_id \
                         AND e.to_stage = 'in-care') \
                         ORDER BY l.changed_at, l.case_id"
                    ))
                    .bind(org.to_string())
                    .bind(span.start.millis())
                    .bind(span.end.millis())
                    .fetch_all(&self.pool)
                    .await?;
                let mut out = Vec::new();
                for r in rows {
                    let Some(wants) = r.wants else { continue };
                    out.push($crate::indicator_cases::StayBehind {
                        case: r.case_id.0,
                        left: domain::Timestamp(r.left_at),
                        wanted: $crate::stored::parse_column(
                            "wants_to_leave_on",
                            &wants,
                            domain::voice::parse_date,
                        )?,
                    });
                }
                Ok(out)
            }

            async fn follow_ups_due_cases(
                &self,
                org: domain::OrgId,
                days: (time::Date, time::Date),
                end: domain::Timestamp,
            ) -> Result<
                Vec<(domain::CaseId, domain::indicators::continuity::FollowUpDue)>,
                $crate::StoreError,
            > {
                let rows: Vec<$crate::continuity::FollowUpDueRow> =
                    sqlx::query_as($crate::continuity::follow_ups_due_query!())
                        .bind(org.to_string())
                        .bind(end.millis())
                        .bind(domain::voice::format_date_iso(days.0))
                        .bind(domain::voice::format_date_iso(days.1))
                        .fetch_all(&self.pool)
                        .await?;
                $crate::continuity::follow_ups_of_cases(rows)
            }
        }
    };
}
pub(crate) use impl_indicator_case_store;
