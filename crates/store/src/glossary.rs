//! The glossary's storage: the network-curated terms, and the starter list loaded once.

use async_trait::async_trait;
use domain::audit::AuditEvent;
use domain::glossary::{Explanations, GlossaryTerm, Headwords, Review, StarterTerm, TermDraft};
use domain::{Language, Timestamp, UserId};

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
    /// Records that `review.reviewer` read the term's translation into `review.language` as
    /// `review.text` (replacing an earlier review of that language), if the term is still at
    /// `expected_version`.
    async fn review_term(
        &self,
        id: uuid::Uuid,
        expected_version: i64,
        review: &Review,
        by: Option<UserId>,
        audit: AuditEvent,
    ) -> Result<GlossaryTerm, StoreError>;
    /// Loads the starter list up to `edition`: all of it on a new store; on one that loaded an
    /// older edition, the terms of the newer editions (unless the network has a term by that
    /// name already) and the headwords its older terms lacked. Returns whether it loaded anything.
    async fn seed_glossary(
        &self,
        terms: &[StarterTerm],
        edition: i64,
        at: Timestamp,
    ) -> Result<bool, StoreError>;
}

macro_rules! glossary_columns {
    () => {
        "id, term, headword_bn, headword_hi, synonyms, explanation_bn, explanation_hi, explanation_en, \
         version, updated_at"
    };
}
pub(crate) use glossary_columns;

#[derive(sqlx::FromRow)]
pub(crate) struct TermRow {
    id: Stored<uuid::Uuid>,
    term: String,
    headword_bn: String,
    headword_hi: String,
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
                headwords: Headwords {
                    bn: row.headword_bn,
                    hi: row.headword_hi,
                },
                synonyms: row.synonyms.lines().map(str::to_string).collect(),
                explanations: Explanations {
                    bn: row.explanation_bn,
                    hi: row.explanation_hi,
                    en: row.explanation_en,
                },
            },
            version: row.version,
            updated_at: Timestamp::from_millis(row.updated_at),
            reviews: Vec::new(),
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct ReviewRow {
    pub(crate) term_id: Stored<uuid::Uuid>,
    language: Stored<Language>,
    reviewer: String,
    reviewed: String,
    marked_at: i64,
}

impl ReviewRow {
    pub(crate) fn review(self) -> Review {
        Review {
            language: self.language.0,
            reviewer: self.reviewer,
            text: self.reviewed,
            at: Timestamp::from_millis(self.marked_at),
        }
    }
}

/// Each term with its reviews.
pub(crate) fn with_reviews(
    mut terms: Vec<GlossaryTerm>,
    reviews: Vec<ReviewRow>,
) -> Vec<GlossaryTerm> {
    for row in reviews {
        let id = row.term_id.0;
        if let Some(t) = terms.iter_mut().find(|t| t.id == id) {
            t.reviews.push(row.review());
        }
    }
    for t in &mut terms {
        t.reviews.sort_by_key(|r| r.language);
    }
    terms
}
