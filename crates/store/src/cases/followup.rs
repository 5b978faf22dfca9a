//! What the store keeps of follow-ups after her return.

use async_trait::async_trait;
use domain::audit::AuditEvent;
use domain::followup::{FollowUp, FollowUpResult, FollowUpUpdate};
use domain::voice::parse_date;
use domain::{CaseCode, CaseId, OrgId, Timestamp, UserId};

use crate::StoreError;
use crate::stored::{Stored, parse_column};

/// Follow-ups after her return, and the updates that go back to the sending organisation.
#[async_trait]
pub trait FollowUpStore: Send + Sync {
    /// Oldest due first.
    async fn followups_of(
        &self,
        case: CaseId,
        scope: &domain::scope::CaseScope,
    ) -> Result<Vec<FollowUp>, StoreError>;
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
    id: Stored<uuid::Uuid>,
    case_id: Stored<CaseId>,
    due_on: String,
    outcome: Option<Stored<domain::followup::Outcome>>,
    her_words: Option<String>,
    done_by: Option<Stored<UserId>>,
    done_at: Option<i64>,
}

impl TryFrom<FollowUpRow> for FollowUp {
    type Error = StoreError;
    fn try_from(row: FollowUpRow) -> Result<Self, StoreError> {
        let done = match (row.outcome, row.done_by, row.done_at) {
            (Some(outcome), Some(by), Some(at)) => Some(FollowUpResult {
                outcome: outcome.0,
                her_words: row.her_words.unwrap_or_default(),
                by: by.0,
                at: Timestamp(at),
            }),
            _ => None,
        };
        Ok(FollowUp {
            id: row.id.0,
            case_id: row.case_id.0,
            due_on: parse_column("due_on", &row.due_on, parse_date)?,
            done,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct UpdateRow {
    id: Stored<uuid::Uuid>,
    handover_id: Stored<uuid::Uuid>,
    outcome: Stored<domain::followup::Outcome>,
    her_words: String,
    at: i64,
}

impl TryFrom<UpdateRow> for FollowUpUpdate {
    type Error = StoreError;
    fn try_from(row: UpdateRow) -> Result<Self, StoreError> {
        Ok(FollowUpUpdate {
            id: row.id.0,
            handover_id: row.handover_id.0,
            outcome: row.outcome.0,
            her_words: row.her_words,
            at: Timestamp(row.at),
        })
    }
}

/// A follow-up with the code of her case.
#[derive(sqlx::FromRow)]
pub(crate) struct CodedFollowUpRow {
    code: Stored<CaseCode>,
    #[sqlx(flatten)]
    followup: FollowUpRow,
}

impl TryFrom<CodedFollowUpRow> for (CaseCode, FollowUp) {
    type Error = StoreError;
    fn try_from(row: CodedFollowUpRow) -> Result<Self, StoreError> {
        Ok((row.code.0, row.followup.try_into()?))
    }
}
