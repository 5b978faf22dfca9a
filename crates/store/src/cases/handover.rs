//! What the store keeps of handovers between organisations.

use async_trait::async_trait;
use domain::audit::AuditEvent;
use domain::handover::Handover;
use domain::{CaseId, OrgId, Timestamp, UserId};

use super::list;
use crate::StoreError;
use crate::stored::Stored;

/// Handovers of her case from one organisation to another.
#[async_trait]
pub trait HandoverStore: Send + Sync {
    async fn create_handover(
        &self,
        handover: &Handover,
        audit: AuditEvent,
    ) -> Result<(), StoreError>;
    /// The handover, if `scope` reaches the case it names.
    async fn handover(
        &self,
        id: uuid::Uuid,
        scope: &domain::scope::CaseScope,
    ) -> Result<Option<Handover>, StoreError>;
    /// Handovers sent before `sent_before` and still not acknowledged, oldest first.
    async fn unacknowledged_handovers(
        &self,
        sent_before: Timestamp,
    ) -> Result<Vec<Handover>, StoreError>;
    /// Newest first: those `org` receives (`incoming`) or sends.
    async fn handovers_of(&self, org: OrgId, incoming: bool) -> Result<Vec<Handover>, StoreError>;
    /// Writes the handover's new state (built from the one read, at `expected_version`). With
    /// `custody`, the case moves to that organisation and that person is assigned, in the same
    /// transaction.
    async fn update_handover(
        &self,
        handover: &Handover,
        expected_version: i64,
        custody: Option<(OrgId, UserId)>,
        audit: AuditEvent,
    ) -> Result<Handover, StoreError>;
}

macro_rules! handover_columns {
    () => {
        "id, case_id, from_org_id, to_org_id, state, reason, sections, score, gaps, gaps_reason, decline_reason, \
         created_by, created_at, sent_at, acknowledged_at, decided_at, version"
    };
}
pub(crate) use handover_columns;

#[derive(sqlx::FromRow)]
pub(crate) struct HandoverRow {
    id: Stored<uuid::Uuid>,
    case_id: Stored<CaseId>,
    from_org_id: Stored<OrgId>,
    to_org_id: Stored<OrgId>,
    state: Stored<domain::handover::HandoverState>,
    reason: String,
    sections: String,
    score: Option<i64>,
    gaps: String,
    gaps_reason: String,
    decline_reason: String,
    created_by: Stored<UserId>,
    created_at: i64,
    sent_at: Option<i64>,
    acknowledged_at: Option<i64>,
    decided_at: Option<i64>,
    version: i64,
}

impl TryFrom<HandoverRow> for Handover {
    type Error = StoreError;
    fn try_from(row: HandoverRow) -> Result<Self, StoreError> {
        Ok(Handover {
            id: row.id.0,
            case_id: row.case_id.0,
            from_org: row.from_org_id.0,
            to_org: row.to_org_id.0,
            state: row.state.0,
            reason: row.reason,
            sections: list("sections", &row.sections)?,
            score: row.score,
            gaps: list("gaps", &row.gaps)?,
            gaps_reason: row.gaps_reason,
            decline_reason: row.decline_reason,
            created_by: row.created_by.0,
            created_at: Timestamp(row.created_at),
            sent_at: row.sent_at.map(Timestamp),
            acknowledged_at: row.acknowledged_at.map(Timestamp),
            decided_at: row.decided_at.map(Timestamp),
            version: row.version,
        })
    }
}
