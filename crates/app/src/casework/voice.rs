//! Her words: recorded as she said them, in her language, read back to her or not, and
//! corrected only as new versions.

use std::sync::Arc;

use domain::audit::AuditAction;
use domain::policy::Action;
use domain::sight::Sight;
use domain::voice::{VoiceFields, check_spoken_since, parse_date, parse_voice_text};
use domain::zone::TimeZone;
use domain::{Case, Language, Timestamp, VoiceEntry, VoiceId};
use store::{NewVoice, Store};

use super::access::{check, event, sight};
use crate::{Acting, Error, FieldError};

/// A voice entry as typed in: the API's JSON and the form share it.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct VoiceInput {
    pub kind: String,
    pub text: String,
    pub language: String,
    /// `YYYY-MM-DD`; blank means today.
    pub spoken_on: Option<String>,
    pub read_back: bool,
}

impl VoiceInput {
    /// Checks every field; days ("today", "not in the future") are read on `zone`'s clock, the
    /// recording organisation's.
    pub fn validate(
        &self,
        case: &Case,
        now: Timestamp,
        zone: &TimeZone,
    ) -> Result<VoiceFields, Error> {
        let mut errors = Vec::new();
        let kind = if self.kind.trim().is_empty() {
            errors.push(FieldError::required("kind"));
            None
        } else {
            self.kind
                .parse()
                .map_err(|e| errors.push(FieldError::new("kind", &e)))
                .ok()
        };
        let text = parse_voice_text(&self.text)
            .map_err(|e| errors.push(FieldError::new("text", &e)))
            .ok();
        let language: Option<Language> = if self.language.trim().is_empty() {
            errors.push(FieldError::required("language"));
            None
        } else {
            self.language
                .parse()
                .map_err(|e| errors.push(FieldError::new("language", &e)))
                .ok()
        };
        let spoken_on = match self
            .spoken_on
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            None => Some(zone.date_of(now)),
            Some(text) => parse_date(text)
                .and_then(|d| {
                    let identified = case.intake.identified_day(case.opened_at, zone);
                    check_spoken_since(d, identified, now, zone).map(|()| d)
                })
                .map_err(|e| errors.push(FieldError::new("spoken_on", &e)))
                .ok(),
        };
        match (kind, text, language, spoken_on) {
            (Some(kind), Some(text), Some(language), Some(spoken_on)) if errors.is_empty() => {
                Ok(VoiceFields {
                    kind,
                    text,
                    language,
                    spoken_on,
                    read_back: self.read_back,
                })
            }
            _ => Err(Error::Invalid(errors)),
        }
    }
}

pub async fn record_voice(
    store: &Arc<dyn Store>,
    acting: &Acting,
    case: &Case,
    input: &VoiceInput,
) -> Result<VoiceEntry, Error> {
    let (actor, source, at) = acting.signed_in()?;
    check(actor, Action::RecordVoice, case)?;
    let zone = store.time_zone_of(actor.org_id).await?;
    let fields = input.validate(case, at, &zone)?;
    let id = VoiceId::new();
    let audit = event(actor, source, at, AuditAction::VoiceRecorded, case).with_detail(
        crate::accounts::detail(&[("entry", &id.to_string()), ("kind", fields.kind.as_str())]),
    );
    let voice = NewVoice {
        id,
        case_id: case.id,
        fields,
        recorded_by: actor.user_id,
        recorded_at: at,
    };
    Ok(store.record_voice(&voice, audit).await?)
}

pub async fn correct_voice(
    store: &Arc<dyn Store>,
    acting: &Acting,
    case: &Case,
    entry: VoiceId,
    expected_version: i64,
    input: &VoiceInput,
) -> Result<VoiceEntry, Error> {
    let (actor, source, at) = acting.signed_in()?;
    check(actor, Action::RecordVoice, case)?;
    // Only her own organisation's records are hers to correct; another's, even one she may
    // read, stays as its writer left it.
    let history = store
        .voice_history(entry, &Sight::own(actor.org_id))
        .await?;
    if history.first().is_none_or(|v| v.case_id != case.id) {
        let seen = sight(store, acting, case).await?;
        let readable = store.voice_history(entry, &seen).await?;
        return Err(match readable.first() {
            Some(v) if v.case_id == case.id => {
                Error::Forbidden(domain::policy::DenyReason::OtherOrganisation)
            }
            _ => Error::NotFound,
        });
    }
    let zone = store.time_zone_of(actor.org_id).await?;
    let fields = input.validate(case, at, &zone)?;
    let audit = event(actor, source, at, AuditAction::VoiceCorrected, case)
        .with_detail(crate::accounts::detail(&[("entry", &entry.to_string())]));
    Ok(store
        .correct_voice(entry, expected_version, &fields, actor.user_id, at, audit)
        .await?)
}
