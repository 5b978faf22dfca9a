//! What the store keeps of her voice: each entry in her own words, with every version.

use async_trait::async_trait;
use domain::audit::AuditEvent;
use domain::sight::Sight;
use domain::voice::{VoiceFields, format_date_iso, parse_date};
use domain::{CaseId, Timestamp, UserId, VoiceEntry, VoiceId};

use crate::StoreError;

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
    entry_id: String,
    version: i64,
    case_id: String,
    kind: String,
    text: String,
    language: String,
    spoken_on: String,
    read_back: bool,
    recorded_by: String,
    recorded_at: i64,
}

impl TryFrom<VoiceRow> for VoiceEntry {
    type Error = StoreError;
    fn try_from(row: VoiceRow) -> Result<Self, StoreError> {
        Ok(VoiceEntry {
            id: row.entry_id.parse()?,
            case_id: row.case_id.parse()?,
            version: row.version,
            kind: row.kind.parse()?,
            text: row.text,
            language: row.language.parse()?,
            spoken_on: parse_date(&row.spoken_on)?,
            read_back: row.read_back,
            recorded_by: row.recorded_by.parse()?,
            recorded_at: Timestamp(row.recorded_at),
        })
    }
}

pub(crate) fn iso(fields: &VoiceFields) -> String {
    format_date_iso(fields.spoken_on)
}
