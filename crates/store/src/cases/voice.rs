//! What the store keeps of her voice: each entry in her own words, with every version.

use async_trait::async_trait;
use domain::audit::AuditEvent;
use domain::sight::Sight;
use domain::voice::{VoiceFields, format_date_iso, parse_date};
use domain::{CaseId, Timestamp, UserId, VoiceEntry, VoiceId};

use crate::StoreError;
use crate::stored::{Stored, parse_column};

/// A voice entry to record.
#[derive(Debug, Clone)]
pub struct NewVoice {
    pub id: VoiceId,
    pub case_id: CaseId,
    pub fields: VoiceFields,
    pub recorded_by: UserId,
    pub recorded_at: Timestamp,
}

/// Her own words, each entry kept with every version: a correction adds a version, never
/// overwrites one.
#[async_trait]
pub trait VoiceStore: Send + Sync {
    async fn record_voice(
        &self,
        voice: &NewVoice,
        audit: AuditEvent,
    ) -> Result<VoiceEntry, StoreError>;
    /// Adds a new version of an entry. `Conflict` when a newer version than `expected_version`
    /// exists; the older text is kept either way.
    async fn correct_voice(
        &self,
        entry: VoiceId,
        expected_version: i64,
        fields: &VoiceFields,
        by: UserId,
        at: Timestamp,
        audit: AuditEvent,
    ) -> Result<VoiceEntry, StoreError>;
    /// The newest version of each entry of a case that `sight` reaches, newest entry first.
    async fn voice_of(&self, case: CaseId, sight: &Sight) -> Result<Vec<VoiceEntry>, StoreError>;
    /// [`VoiceStore::voice_of`] with each entry's writer's name as `User::name` gives it (empty
    /// when there is no such user), in the same one statement (issue 16: her words' page read
    /// the names in a second).
    async fn voice_of_with_writers(
        &self,
        case: CaseId,
        sight: &Sight,
    ) -> Result<Vec<(VoiceEntry, String)>, StoreError>;
    /// Every version of one entry, oldest first (none when `sight` does not reach it).
    async fn voice_history(
        &self,
        entry: VoiceId,
        sight: &Sight,
    ) -> Result<Vec<VoiceEntry>, StoreError>;
}

macro_rules! voice_columns {
    () => {
        "entry_id, version, case_id, kind, text, language, spoken_on, read_back, recorded_by, recorded_at"
    };
}
pub(crate) use voice_columns;

#[derive(sqlx::FromRow)]
pub(crate) struct VoiceRow {
    entry_id: Stored<VoiceId>,
    version: i64,
    case_id: Stored<CaseId>,
    kind: Stored<domain::VoiceKind>,
    text: String,
    language: Stored<domain::Language>,
    spoken_on: String,
    read_back: bool,
    recorded_by: Stored<UserId>,
    recorded_at: i64,
}

/// A [`VoiceRow`] with its writer's name (`writer`).
#[derive(sqlx::FromRow)]
pub(crate) struct WrittenVoiceRow {
    #[sqlx(flatten)]
    row: VoiceRow,
    writer: Option<String>,
}

impl TryFrom<WrittenVoiceRow> for (VoiceEntry, String) {
    type Error = StoreError;
    fn try_from(row: WrittenVoiceRow) -> Result<Self, StoreError> {
        Ok((row.row.try_into()?, row.writer.unwrap_or_default()))
    }
}

impl TryFrom<VoiceRow> for VoiceEntry {
    type Error = StoreError;
    fn try_from(row: VoiceRow) -> Result<Self, StoreError> {
        Ok(VoiceEntry {
            id: row.entry_id.0,
            case_id: row.case_id.0,
            version: row.version,
            kind: row.kind.0,
            text: row.text,
            language: row.language.0,
            spoken_on: parse_column("spoken_on", &row.spoken_on, parse_date)?,
            read_back: row.read_back,
            recorded_by: row.recorded_by.0,
            recorded_at: Timestamp(row.recorded_at),
        })
    }
}

pub(crate) fn iso(fields: &VoiceFields) -> String {
    format_date_iso(fields.spoken_on)
}
