//! What the store keeps of decisions about her.

use async_trait::async_trait;
use domain::audit::AuditEvent;
use domain::decision::{Decision, DecisionFields};
use domain::sight::Sight;
use domain::{CaseId, Timestamp};

use crate::StoreError;

/// Decisions about her, with how she took part in each.
#[async_trait]
pub trait DecisionStore: Send + Sync {
    async fn log_decision(&self, decision: &Decision, audit: AuditEvent) -> Result<(), StoreError>;
    /// Those `sight` reaches, oldest first.
    async fn decisions_of(&self, case: CaseId, sight: &Sight) -> Result<Vec<Decision>, StoreError>;
}

#[derive(sqlx::FromRow)]
pub(crate) struct DecisionRow {
    id: String,
    case_id: String,
    topic: String,
    what: String,
    decided_by: String,
    options: String,
    her_choice: String,
    participation: String,
    her_view: String,
    absent_reason: String,
    recorded_by: String,
    recorded_at: i64,
}

impl TryFrom<DecisionRow> for Decision {
    type Error = StoreError;
    fn try_from(row: DecisionRow) -> Result<Self, StoreError> {
        Ok(Decision {
            id: row
                .id
                .parse()
                .map_err(|_| StoreError::Corrupt(format!("decision id {}", row.id)))?,
            case_id: row.case_id.parse()?,
            fields: DecisionFields {
                topic: row.topic.parse()?,
                what: row.what,
                decided_by: row.decided_by,
                options: row
                    .options
                    .lines()
                    .map(str::to_string)
                    .filter(|o| !o.is_empty())
                    .collect(),
                her_choice: row.her_choice,
                participation: row.participation.parse()?,
                her_view: row.her_view,
                absent_reason: row.absent_reason,
            },
            recorded_by: row.recorded_by.parse()?,
            recorded_at: Timestamp(row.recorded_at),
        })
    }
}
