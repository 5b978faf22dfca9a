//! Versioned forms and the assessments filled in them.

use async_trait::async_trait;
use domain::audit::AuditEvent;
use domain::form::{Assessment, FormDef, FormVersion};
use domain::{CaseId, Timestamp, UserId};

use crate::StoreError;
use crate::stored::Stored;

#[async_trait]
pub trait FormStore {
    /// The newest version of every form, by key.
    async fn forms(&self) -> Result<Vec<FormVersion>, StoreError>;
    /// One version of a form, or its newest when `version` is `None`.
    async fn form(
        &self,
        key: &str,
        version: Option<i64>,
    ) -> Result<Option<FormVersion>, StoreError>;
    /// Stores `def` as the next version of its form (1 for a new form).
    async fn add_form_version(
        &self,
        def: &FormDef,
        by: Option<UserId>,
        audit: AuditEvent,
    ) -> Result<FormVersion, StoreError>;
    async fn add_assessment(&self, a: &Assessment, audit: AuditEvent) -> Result<(), StoreError> {
        self.add_assessment_with_files(a, &[], audit).await
    }
    /// A filled form with the documents its photo, recording and file questions became, each
    /// with its own audit entry, in one transaction: never an answer naming a document that
    /// was not written, nor a document of an assessment that was not.
    async fn add_assessment_with_files(
        &self,
        a: &Assessment,
        files: &[AnswerFile],
        audit: AuditEvent,
    ) -> Result<(), StoreError>;
    async fn assessment(&self, id: uuid::Uuid) -> Result<Option<Assessment>, StoreError>;
    /// Newest first.
    async fn assessments_of(&self, case: CaseId) -> Result<Vec<Assessment>, StoreError>;
    /// Loads each built-in tool the store does not have yet (a form the network revised stays
    /// as it is); returns whether it added any.
    async fn seed_forms(&self, defs: &[FormDef], at: Timestamp) -> Result<bool, StoreError>;
}

/// A file a form's question was answered with, becoming a document of the case.
#[derive(Debug, Clone)]
pub struct AnswerFile {
    pub info: domain::document::DocumentInfo,
    pub content: Vec<u8>,
    pub audit: AuditEvent,
}

#[derive(sqlx::FromRow)]
pub(crate) struct FormRow {
    form_key: String,
    version: i64,
    definition: String,
    created_at: i64,
}

impl TryFrom<FormRow> for FormVersion {
    type Error = StoreError;
    fn try_from(row: FormRow) -> Result<Self, StoreError> {
        Ok(FormVersion {
            def: serde_json::from_str(&row.definition).map_err(|e| {
                StoreError::Corrupt(format!("form {} v{}: {e}", row.form_key, row.version))
            })?,
            version: row.version,
            created_at: Timestamp::from_millis(row.created_at),
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct AssessmentRow {
    id: Stored<uuid::Uuid>,
    case_id: Stored<domain::CaseId>,
    form_key: String,
    form_version: i64,
    answers: String,
    recorded_by: Stored<domain::UserId>,
    recorded_at: i64,
    org_id: Option<Stored<domain::OrgId>>,
}

impl TryFrom<AssessmentRow> for Assessment {
    type Error = StoreError;
    fn try_from(row: AssessmentRow) -> Result<Self, StoreError> {
        let bad = |what: &str| StoreError::Corrupt(format!("assessment {what} of {}", row.id.0));
        Ok(Assessment {
            id: row.id.0,
            case_id: row.case_id.0,
            form_key: row.form_key.clone(),
            form_version: row.form_version,
            answers: serde_json::from_str(&row.answers).map_err(|_| bad("answers"))?,
            recorded_by: row.recorded_by.0,
            recorded_at: Timestamp::from_millis(row.recorded_at),
            org: row
                .org_id
                .map(Stored::into_inner)
                .ok_or_else(|| bad("organisation"))?,
        })
    }
}
