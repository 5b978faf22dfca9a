//! What the store keeps of decisions about her.

use async_trait::async_trait;
use domain::audit::AuditEvent;
use domain::decision::{Decision, DecisionFields};
use domain::sight::Sight;
use domain::{CaseId, Timestamp, UserId};

use crate::StoreError;
use crate::stored::Stored;

/// Decisions about her, with how she took part in each.
#[async_trait]
pub trait DecisionStore: Send + Sync {
    async fn log_decision(&self, decision: &Decision, audit: AuditEvent) -> Result<(), StoreError>;
    /// Those `sight` reaches, oldest first.
    async fn decisions_of(&self, case: CaseId, sight: &Sight) -> Result<Vec<Decision>, StoreError>;
}

#[derive(sqlx::FromRow)]
pub(crate) struct DecisionRow {
    id: Stored<uuid::Uuid>,
    case_id: Stored<CaseId>,
    topic: Stored<domain::decision::DecisionTopic>,
    what: String,
    decided_by: String,
    options: String,
    her_choice: String,
    participation: Stored<domain::decision::Participation>,
    her_view: String,
    absent_reason: String,
    recorded_by: Stored<UserId>,
    recorded_at: i64,
}

impl TryFrom<DecisionRow> for Decision {
    type Error = StoreError;
    fn try_from(row: DecisionRow) -> Result<Self, StoreError> {
        Ok(Decision {
            id: row.id.0,
            case_id: row.case_id.0,
            fields: DecisionFields {
                topic: row.topic.0,
                what: row.what,
                decided_by: row.decided_by,
                options: row
                    .options
                    .lines()
                    .map(str::to_string)
                    .filter(|o| !o.is_empty())
                    .collect(),
                her_choice: row.her_choice,
                participation: row.participation.0,
                her_view: row.her_view,
                absent_reason: row.absent_reason,
            },
            recorded_by: row.recorded_by.0,
            recorded_at: Timestamp(row.recorded_at),
        })
    }
}
