//! The glossary's storage: the network-curated terms, and the starter list loaded once.

use async_trait::async_trait;
use domain::audit::AuditEvent;
use domain::glossary::{Explanations, GlossaryTerm, TermDraft};
use domain::{Timestamp, UserId};

use crate::StoreError;
use crate::stored::Stored;

#[async_trait]
pub trait GlossaryStore {
    /// Every term, by its key.
    async fn glossary(&self) -> Result<Vec<GlossaryTerm>, StoreError>;
    async fn glossary_term(&self, id: uuid::Uuid) -> Result<Option<GlossaryTerm>, StoreError>;
    /// `Duplicate("glossary term")` when the term is there already.
    async fn add_term(
        &self,
        id: uuid::Uuid,
        draft: &TermDraft,
        by: Option<UserId>,
        audit: AuditEvent,
    ) -> Result<GlossaryTerm, StoreError>;
    async fn update_term(
        &self,
        id: uuid::Uuid,
        expected_version: i64,
        draft: &TermDraft,
        by: Option<UserId>,
        audit: AuditEvent,
    ) -> Result<GlossaryTerm, StoreError>;
    async fn remove_term(
        &self,
        id: uuid::Uuid,
        expected_version: i64,
        audit: AuditEvent,
    ) -> Result<(), StoreError>;
    /// Loads `terms` unless a starter list was loaded before; returns whether it did.
    async fn seed_glossary(&self, terms: &[TermDraft], at: Timestamp) -> Result<bool, StoreError>;
}

macro_rules! glossary_columns {
    () => {
        "id, term, synonyms, explanation_bn, explanation_hi, explanation_en, version, updated_at"
    };
}
pub(crate) use glossary_columns;

#[derive(sqlx::FromRow)]
pub(crate) struct TermRow {
    id: Stored<uuid::Uuid>,
    term: String,
    synonyms: String,
    explanation_bn: String,
    explanation_hi: String,
    explanation_en: String,
    version: i64,
    updated_at: i64,
}

impl TryFrom<TermRow> for GlossaryTerm {
    type Error = StoreError;
    fn try_from(row: TermRow) -> Result<Self, StoreError> {
        Ok(GlossaryTerm {
            id: row.id.0,
            draft: TermDraft {
                term: row.term,
                synonyms: row.synonyms.lines().map(str::to_string).collect(),
                explanations: Explanations {
                    bn: row.explanation_bn,
                    hi: row.explanation_hi,
                    en: row.explanation_en,
                },
            },
            version: row.version,
            updated_at: Timestamp::from_millis(row.updated_at),
        })
    }
}
