//! What the store keeps of notes on her case and their translations.

use async_trait::async_trait;
use domain::audit::AuditEvent;
use domain::note::{Note, NoteKind, NoteTranslation};
use domain::sight::Sight;
use domain::{CaseId, Timestamp};

use crate::StoreError;

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
    async fn translations_of(&self, case: CaseId) -> Result<Vec<NoteTranslation>, StoreError>;
}

#[derive(sqlx::FromRow)]
pub(crate) struct NoteRow {
    id: String,
    case_id: String,
    kind: String,
    text: String,
    language: String,
    response: Option<String>,
    response_text: Option<String>,
    written_by: String,
    written_at: i64,
}

impl TryFrom<NoteRow> for Note {
    type Error = StoreError;
    fn try_from(row: NoteRow) -> Result<Self, StoreError> {
        let response = match row.response {
            Some(kind) => Some((kind.parse()?, row.response_text.unwrap_or_default())),
            None => None,
        };
        Ok(Note {
            id: row
                .id
                .parse()
                .map_err(|_| StoreError::Corrupt(format!("note id {}", row.id)))?,
            case_id: row.case_id.parse()?,
            kind: row.kind.parse()?,
            text: row.text,
            language: row.language.parse()?,
            response,
            written_by: row.written_by.parse()?,
            written_at: Timestamp(row.written_at),
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct TranslationRow {
    id: String,
    note_id: String,
    case_id: String,
    language: String,
    text: String,
    translator: String,
    added_by: String,
    added_at: i64,
}

impl TryFrom<TranslationRow> for NoteTranslation {
    type Error = StoreError;
    fn try_from(row: TranslationRow) -> Result<Self, StoreError> {
        let bad = |what: &str| StoreError::Corrupt(format!("translation {what} of {}", row.id));
        Ok(NoteTranslation {
            id: row.id.parse().map_err(|_| bad("id"))?,
            note_id: row.note_id.parse().map_err(|_| bad("note"))?,
            case_id: row.case_id.parse().map_err(|_| bad("case"))?,
            language: row.language.parse().map_err(|_| bad("language"))?,
            text: row.text,
            translator: row.translator,
            added_by: row.added_by.parse().map_err(|_| bad("author"))?,
            added_at: Timestamp::from_millis(row.added_at),
        })
    }
}
