//! What the store keeps of notes on her case and their translations.

use async_trait::async_trait;
use domain::audit::AuditEvent;
use domain::note::{Note, NoteKind, NoteTranslation};
use domain::sight::Sight;
use domain::{CaseId, Timestamp, UserId};

use crate::StoreError;
use crate::stored::Stored;

/// Notes on her case, and human translations of them.
#[async_trait]
pub trait NoteStore: Send + Sync {
    /// Adds a note; its words join the search index, except a psychosocial note's (a search by
    /// a case worker must not reveal what only counsellors may read).
    async fn add_note(&self, note: &Note, audit: AuditEvent) -> Result<(), StoreError>;
    /// The notes of the given kinds that `sight` reaches, newest first.
    async fn notes_of(
        &self,
        case: CaseId,
        kinds: &[NoteKind],
        sight: &Sight,
    ) -> Result<Vec<Note>, StoreError>;
    async fn add_translation(
        &self,
        translation: &NoteTranslation,
        audit: AuditEvent,
    ) -> Result<(), StoreError>;
    /// Every translation of the case's notes, oldest first (the caller shows only those of the
    /// notes she may read).
    async fn translations_of(
        &self,
        case: CaseId,
        scope: &domain::scope::CaseScope,
    ) -> Result<Vec<NoteTranslation>, StoreError>;
}

#[derive(sqlx::FromRow)]
pub(crate) struct NoteRow {
    id: Stored<uuid::Uuid>,
    case_id: Stored<CaseId>,
    kind: Stored<NoteKind>,
    text: String,
    language: Stored<domain::Language>,
    response: Option<Stored<domain::note::Response>>,
    response_text: Option<String>,
    written_by: Stored<UserId>,
    written_at: i64,
}

impl TryFrom<NoteRow> for Note {
    type Error = StoreError;
    fn try_from(row: NoteRow) -> Result<Self, StoreError> {
        let response = match row.response {
            Some(kind) => Some((kind.0, row.response_text.unwrap_or_default())),
            None => None,
        };
        Ok(Note {
            id: row.id.0,
            case_id: row.case_id.0,
            kind: row.kind.0,
            text: row.text,
            language: row.language.0,
            response,
            written_by: row.written_by.0,
            written_at: Timestamp(row.written_at),
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct TranslationRow {
    id: Stored<uuid::Uuid>,
    note_id: Stored<uuid::Uuid>,
    case_id: Stored<CaseId>,
    language: Stored<domain::Language>,
    text: String,
    translator: String,
    added_by: Stored<UserId>,
    added_at: i64,
}

impl TryFrom<TranslationRow> for NoteTranslation {
    type Error = StoreError;
    fn try_from(row: TranslationRow) -> Result<Self, StoreError> {
        Ok(NoteTranslation {
            id: row.id.0,
            note_id: row.note_id.0,
            case_id: row.case_id.0,
            language: row.language.0,
            text: row.text,
            translator: row.translator,
            added_by: row.added_by.0,
            added_at: Timestamp::from_millis(row.added_at),
        })
    }
}
