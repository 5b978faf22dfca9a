//! What the store keeps of follow-ups after her return.

use async_trait::async_trait;
use domain::audit::AuditEvent;
use domain::followup::{FollowUp, FollowUpResult, FollowUpUpdate};
use domain::voice::parse_date;
use domain::{CaseCode, CaseId, OrgId, Timestamp};

use crate::StoreError;

/// Follow-ups after her return, and the updates that go back to the sending organisation.
#[async_trait]
pub trait FollowUpStore: Send + Sync {
    /// Oldest due first.
    async fn followups_of(&self, case: CaseId) -> Result<Vec<FollowUp>, StoreError>;
    /// Records a follow-up's result (once: `Conflict` if already recorded), and the update for
    /// the sending organisation when there is one, in one transaction.
    async fn record_followup(
        &self,
        id: uuid::Uuid,
        result: &FollowUpResult,
        update: Option<&FollowUpUpdate>,
        audit: AuditEvent,
    ) -> Result<(), StoreError>;
    async fn followup_updates(
        &self,
        handover: uuid::Uuid,
    ) -> Result<Vec<FollowUpUpdate>, StoreError>;
    /// The follow-ups of the custodian's cases (closed ones aside) that were due before `today`
    /// and not recorded (`FollowUp::is_missed`), each with her case code; oldest due first.
    async fn overdue_followups(
        &self,
        custodian: OrgId,
        today: time::Date,
    ) -> Result<Vec<(CaseCode, FollowUp)>, StoreError>;
}

#[derive(sqlx::FromRow)]
pub(crate) struct FollowUpRow {
    id: String,
    case_id: String,
    due_on: String,
    outcome: Option<String>,
    her_words: Option<String>,
    done_by: Option<String>,
    done_at: Option<i64>,
}

impl TryFrom<FollowUpRow> for FollowUp {
    type Error = StoreError;
    fn try_from(row: FollowUpRow) -> Result<Self, StoreError> {
        let done = match (row.outcome, row.done_by, row.done_at) {
            (Some(outcome), Some(by), Some(at)) => Some(FollowUpResult {
                outcome: outcome.parse()?,
                her_words: row.her_words.unwrap_or_default(),
                by: by.parse()?,
                at: Timestamp(at),
            }),
            _ => None,
        };
        Ok(FollowUp {
            id: row
                .id
                .parse()
                .map_err(|_| StoreError::Corrupt(format!("follow-up id {}", row.id)))?,
            case_id: row.case_id.parse()?,
            due_on: parse_date(&row.due_on)?,
            done,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct UpdateRow {
    id: String,
    handover_id: String,
    outcome: String,
    her_words: String,
    at: i64,
}

impl TryFrom<UpdateRow> for FollowUpUpdate {
    type Error = StoreError;
    fn try_from(row: UpdateRow) -> Result<Self, StoreError> {
        Ok(FollowUpUpdate {
            id: row
                .id
                .parse()
                .map_err(|_| StoreError::Corrupt(format!("update id {}", row.id)))?,
            handover_id: row
                .handover_id
                .parse()
                .map_err(|_| StoreError::Corrupt("update handover".into()))?,
            outcome: row.outcome.parse()?,
            her_words: row.her_words,
            at: Timestamp(row.at),
        })
    }
}

/// A follow-up with the code of her case.
#[derive(sqlx::FromRow)]
pub(crate) struct CodedFollowUpRow {
    code: String,
    #[sqlx(flatten)]
    followup: FollowUpRow,
}

impl TryFrom<CodedFollowUpRow> for (CaseCode, FollowUp) {
    type Error = StoreError;
    fn try_from(row: CodedFollowUpRow) -> Result<Self, StoreError> {
        Ok((row.code.parse()?, row.followup.try_into()?))
    }
}
