//! The rows the restorative-care indicators read (`docs/indicators.md`): one query per
//! indicator, always for one organisation and one period. Each record counts for the
//! organisation that wrote it (`org_id`), which is the custodian at that moment, since only the
//! custodian's staff write to a case: the custody rule, kept by the write path.

use async_trait::async_trait;
use domain::decision::Participation;
use domain::indicators::Bounds;
use domain::note::Response;
use domain::plan::Agreement;
use domain::{OrgId, Timestamp};

use crate::StoreError;
use crate::stored::Stored;

#[async_trait]
pub trait IndicatorStore: Send + Sync {
    /// R1b: for each entry of her words `org` first recorded in `span`, whether its newest
    /// version was read back to her.
    async fn voice_read_back(&self, org: OrgId, span: Bounds) -> Result<Vec<bool>, StoreError>;
    /// R2c: the agreement recorded at each plan review `org` held in `span`.
    async fn review_agreements(
        &self,
        org: OrgId,
        span: Bounds,
    ) -> Result<Vec<Agreement>, StoreError>;
    /// R3: her participation in each decision `org` logged in `span`.
    async fn decision_participation(
        &self,
        org: OrgId,
        span: Bounds,
    ) -> Result<Vec<Participation>, StoreError>;
    /// R5: each shelter incident `org` recorded in `span` with a response, and when.
    async fn incident_responses(
        &self,
        org: OrgId,
        span: Bounds,
    ) -> Result<Vec<(Timestamp, Response)>, StoreError>;
}

#[derive(sqlx::FromRow)]
pub(crate) struct IncidentRow {
    pub(crate) written_at: i64,
    pub(crate) response: Stored<Response>,
}

macro_rules! impl_indicator_store {
    ($store:ty, $db:ty) => {
        #[async_trait::async_trait]
        impl $crate::IndicatorStore for $store {
            async fn voice_read_back(
                &self,
                org: domain::OrgId,
                span: domain::indicators::Bounds,
            ) -> Result<Vec<bool>, $crate::StoreError> {
                Ok(sqlx::query_scalar(
                    "SELECT n.read_back FROM voice_entries f JOIN voice_entries n \
                     ON n.entry_id = f.entry_id \
                     AND n.version = (SELECT MAX(m.version) FROM voice_entries m WHERE m.entry_id = f.entry_id) \
                     WHERE f.version = (SELECT MIN(m.version) FROM voice_entries m WHERE m.entry_id = f.entry_id) \
                     AND f.org_id = $1 AND f.recorded_at >= $2 AND f.recorded_at < $3 \
                     ORDER BY f.recorded_at, f.entry_id",
                )
                .bind(org.to_string())
                .bind(span.start.millis())
                .bind(span.end.millis())
                .fetch_all(&self.pool)
                .await?)
            }

            async fn review_agreements(
                &self,
                org: domain::OrgId,
                span: domain::indicators::Bounds,
            ) -> Result<Vec<domain::plan::Agreement>, $crate::StoreError> {
                let rows: Vec<$crate::stored::Stored<domain::plan::Agreement>> = sqlx::query_scalar(
                    "SELECT agreement FROM plan_reviews \
                     WHERE org_id = $1 AND reviewed_at >= $2 AND reviewed_at < $3 \
                     ORDER BY reviewed_at, id",
                )
                .bind(org.to_string())
                .bind(span.start.millis())
                .bind(span.end.millis())
                .fetch_all(&self.pool)
                .await?;
                Ok(rows.into_iter().map($crate::stored::Stored::into_inner).collect())
            }

            async fn decision_participation(
                &self,
                org: domain::OrgId,
                span: domain::indicators::Bounds,
            ) -> Result<Vec<domain::decision::Participation>, $crate::StoreError> {
                let rows: Vec<$crate::stored::Stored<domain::decision::Participation>> =
                    sqlx::query_scalar(
                        "SELECT participation FROM decisions \
                         WHERE org_id = $1 AND recorded_at >= $2 AND recorded_at < $3 \
                         ORDER BY recorded_at, id",
                    )
                    .bind(org.to_string())
                    .bind(span.start.millis())
                    .bind(span.end.millis())
                    .fetch_all(&self.pool)
                    .await?;
                Ok(rows.into_iter().map($crate::stored::Stored::into_inner).collect())
            }

            async fn incident_responses(
                &self,
                org: domain::OrgId,
                span: domain::indicators::Bounds,
            ) -> Result<Vec<(domain::Timestamp, domain::note::Response)>, $crate::StoreError> {
                let rows: Vec<$crate::indicators::IncidentRow> = sqlx::query_as(
                    "SELECT written_at, response FROM notes \
                     WHERE kind = 'incident' AND response IS NOT NULL \
                     AND org_id = $1 AND written_at >= $2 AND written_at < $3 \
                     ORDER BY written_at, id",
                )
                .bind(org.to_string())
                .bind(span.start.millis())
                .bind(span.end.millis())
                .fetch_all(&self.pool)
                .await?;
                Ok(rows
                    .into_iter()
                    .map(|r| (domain::Timestamp(r.written_at), r.response.0))
                    .collect())
            }
        }
    };
}
pub(crate) use impl_indicator_store;
