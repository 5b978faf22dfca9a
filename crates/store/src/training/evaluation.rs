//! Workshop questionnaires, as stored.

use domain::Timestamp;
use domain::training::evaluation::Evaluation;

use crate::StoreError;
use crate::stored::Stored;

#[derive(sqlx::FromRow)]
pub(crate) struct EvaluationRow {
    id: Stored<uuid::Uuid>,
    workshop_id: Stored<uuid::Uuid>,
    enrolment_id: Stored<uuid::Uuid>,
    org_id: Stored<domain::OrgId>,
    stage: Stored<domain::training::evaluation::Stage>,
    form_key: String,
    form_version: i64,
    answers: String,
    recorded_at: i64,
}

impl TryFrom<EvaluationRow> for Evaluation {
    type Error = StoreError;
    fn try_from(row: EvaluationRow) -> Result<Self, StoreError> {
        let bad = |what: &str| StoreError::Corrupt(format!("evaluation {what} of {}", row.id.0));
        Ok(Evaluation {
            id: row.id.0,
            workshop_id: row.workshop_id.0,
            enrolment_id: row.enrolment_id.0,
            org_id: row.org_id.0,
            stage: row.stage.0,
            form_key: row.form_key,
            form_version: row.form_version,
            answers: serde_json::from_str(&row.answers).map_err(|_| bad("answers"))?,
            recorded_at: Timestamp::from_millis(row.recorded_at),
        })
    }
}
