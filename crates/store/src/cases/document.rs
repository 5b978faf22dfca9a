//! What the store keeps of documents: their description apart from their bytes.

use async_trait::async_trait;
use domain::audit::AuditEvent;
use domain::document::DocumentInfo;
use domain::sight::Sight;
use domain::{CaseId, Timestamp, UserId};

use crate::StoreError;
use crate::stored::Stored;

/// Documents of her case; opening one is recorded.
#[async_trait]
pub trait DocumentStore: Send + Sync {
    async fn add_document(
        &self,
        info: &DocumentInfo,
        content: &[u8],
        audit: AuditEvent,
    ) -> Result<(), StoreError>;
    /// Those `sight` reaches, newest first, without their bytes.
    async fn documents_of(
        &self,
        case: CaseId,
        sight: &Sight,
    ) -> Result<Vec<DocumentInfo>, StoreError>;
    /// One document with its bytes; the reading is recorded in the same transaction. `None`
    /// when absent or out of `sight`.
    async fn open_document(
        &self,
        case: CaseId,
        id: uuid::Uuid,
        sight: &Sight,
        audit: AuditEvent,
    ) -> Result<Option<(DocumentInfo, Vec<u8>)>, StoreError>;
}

macro_rules! document_columns {
    () => {
        "id, case_id, section, name, media_type, size, uploaded_by, uploaded_at"
    };
}
pub(crate) use document_columns;

#[derive(sqlx::FromRow)]
pub(crate) struct DocumentRow {
    id: Stored<uuid::Uuid>,
    case_id: Stored<CaseId>,
    section: Stored<domain::consent::SectionClass>,
    name: String,
    media_type: String,
    size: i64,
    uploaded_by: Stored<UserId>,
    uploaded_at: i64,
}

impl TryFrom<DocumentRow> for DocumentInfo {
    type Error = StoreError;
    fn try_from(row: DocumentRow) -> Result<Self, StoreError> {
        Ok(DocumentInfo {
            id: row.id.0,
            case_id: row.case_id.0,
            class: row.section.0,
            name: row.name,
            media_type: row.media_type,
            size: row.size,
            uploaded_by: row.uploaded_by.0,
            uploaded_at: Timestamp(row.uploaded_at),
        })
    }
}
