//! Case notes by kind (daily, psychosocial, …), each kind read and written by the roles the
//! policy names, and translations of a note beside it.

use std::sync::Arc;

use domain::audit::AuditAction;
use domain::policy::{Action, Actor};
use domain::{Case, Language};
use store::Store;

use super::access::{allowed, check, event, sight};
use crate::{Acting, Error, FieldError};

/// The kinds of note this person may read, or write, on this case.
pub fn note_kinds(actor: &Actor, case: &Case, write: bool) -> Vec<domain::note::NoteKind> {
    domain::note::NoteKind::ALL
        .into_iter()
        .filter(|k| {
            let action = if write {
                Action::WriteNote(*k)
            } else {
                Action::ReadNotes(*k)
            };
            allowed(actor, action, case)
        })
        .collect()
}

/// A note as typed in.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct NoteInput {
    pub kind: String,
    pub text: String,
    pub language: String,
    pub response: String,
    pub response_text: String,
}

pub async fn write_note(
    store: &Arc<dyn Store>,
    acting: &Acting,
    case: &Case,
    input: &NoteInput,
) -> Result<domain::note::Note, Error> {
    let (actor, source, at) = acting.signed_in()?;
    let kind: domain::note::NoteKind = if input.kind.trim().is_empty() {
        return Err(Error::Invalid(vec![FieldError::required("kind")]));
    } else {
        input
            .kind
            .parse()
            .map_err(|e| Error::Invalid(vec![FieldError::new("kind", &e)]))?
    };
    check(actor, Action::WriteNote(kind), case)?;
    let mut errors = Vec::new();
    let language: Option<Language> = input
        .language
        .parse()
        .map_err(|e| errors.push(FieldError::new("language", &e)))
        .ok();
    let checked =
        domain::note::check_note(kind, &input.text, &input.response, &input.response_text)
            .map_err(|found| errors.extend(found.iter().map(|(f, e)| FieldError::new(f, e))))
            .ok();
    let (Some(language), Some((text, response))) = (language, checked) else {
        return Err(Error::Invalid(errors));
    };
    let note = domain::note::Note {
        id: uuid::Uuid::now_v7(),
        case_id: case.id,
        kind,
        text,
        language,
        response,
        written_by: actor.user_id,
        written_at: at,
    };
    let mut detail = vec![
        ("note", note.id.to_string()),
        ("kind", kind.as_str().to_string()),
    ];
    if let Some((response, _)) = &note.response {
        detail.push(("response", response.as_str().to_string()));
    }
    let pairs: Vec<(&str, &str)> = detail.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let audit = event(actor, source, at, AuditAction::NoteWritten, case)
        .with_detail(crate::accounts::detail(&pairs));
    store.add_note(&note, audit).await?;
    Ok(note)
}

/// A translation as typed in.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TranslationInput {
    pub language: String,
    pub text: String,
    /// Who translated it (a name, in words).
    pub translator: String,
}

/// Adds a person's translation of a note. Whoever may write that kind of note may translate
/// one; a note she may not read is not found.
pub async fn translate_note(
    store: &Arc<dyn Store>,
    acting: &Acting,
    case: &Case,
    note: &str,
    input: &TranslationInput,
) -> Result<domain::note::NoteTranslation, Error> {
    let (actor, source, at) = acting.signed_in()?;
    let id: uuid::Uuid = note.parse().map_err(|_| Error::NotFound)?;
    let readable = note_kinds(actor, case, false);
    let note = store
        .notes_of(case.id, &readable, &sight(store, acting, case).await?)
        .await?
        .into_iter()
        .find(|n| n.id == id)
        .ok_or(Error::NotFound)?;
    check(actor, Action::WriteNote(note.kind), case)?;
    let mut errors = Vec::new();
    let language: Option<Language> = input
        .language
        .parse()
        .map_err(|e| errors.push(FieldError::new("language", &e)))
        .ok();
    let checked = language.and_then(|language| {
        domain::note::check_translation(&note, language, &input.text, &input.translator)
            .map_err(|found| errors.extend(found.iter().map(|(f, e)| FieldError::new(f, e))))
            .ok()
            .map(|(text, translator)| (language, text, translator))
    });
    let Some((language, text, translator)) = checked else {
        return Err(Error::Invalid(errors));
    };
    let translation = domain::note::NoteTranslation {
        id: uuid::Uuid::now_v7(),
        note_id: note.id,
        case_id: case.id,
        language,
        text,
        translator,
        added_by: actor.user_id,
        added_at: at,
    };
    let audit = event(actor, source, at, AuditAction::NoteTranslated, case).with_detail(
        crate::accounts::detail(&[
            ("note", &note.id.to_string()),
            ("language", language.code()),
        ]),
    );
    store.add_translation(&translation, audit).await?;
    Ok(translation)
}
