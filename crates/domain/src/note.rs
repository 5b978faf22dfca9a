//! Notes on a case. Psychosocial notes are for counsellors only; care-givers write the daily
//! notes and record incidents in the shelter with the response taken — positive discipline or a
//! punitive measure — because the network wants to see punitive measures disappear.

use std::fmt;
use std::str::FromStr;

use crate::{CaseId, DomainError, Language, Timestamp, UserId};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NoteKind {
    /// A case worker's or counsellor's note on the case.
    Case,
    /// A counsellor's session note: counsellors only.
    Psychosocial,
    /// A care-giver's note on her day.
    Daily,
    /// Something that happened in the shelter, with the response taken.
    Incident,
}

impl NoteKind {
    pub const ALL: [NoteKind; 4] = [
        NoteKind::Case,
        NoteKind::Psychosocial,
        NoteKind::Daily,
        NoteKind::Incident,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            NoteKind::Case => "case",
            NoteKind::Psychosocial => "psychosocial",
            NoteKind::Daily => "daily",
            NoteKind::Incident => "incident",
        }
    }

    pub fn message_id(self) -> String {
        format!("note-kind-{}", self.as_str())
    }
}

impl FromStr for NoteKind {
    type Err = DomainError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_ascii_lowercase();
        NoteKind::ALL
            .into_iter()
            .find(|k| k.as_str() == wanted)
            .ok_or_else(|| DomainError::UnknownNoteKind(s.to_string()))
    }
}

impl fmt::Display for NoteKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The response to an incident.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Response {
    /// Talking it through, restoring, a consequence that teaches: what the network trains for.
    Positive,
    /// Punishment: withdrawing food, contact or outings, shaming, hitting.
    Punitive,
}

impl Response {
    pub const ALL: [Response; 2] = [Response::Positive, Response::Punitive];

    pub fn as_str(self) -> &'static str {
        match self {
            Response::Positive => "positive",
            Response::Punitive => "punitive",
        }
    }

    pub fn message_id(self) -> String {
        format!("response-{}", self.as_str())
    }
}

impl FromStr for Response {
    type Err = DomainError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_ascii_lowercase();
        Response::ALL
            .into_iter()
            .find(|r| r.as_str() == wanted)
            .ok_or_else(|| DomainError::UnknownResponse(s.to_string()))
    }
}

pub const NOTE_TEXT_MAX: usize = 10_000;

/// A note as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub id: uuid::Uuid,
    pub case_id: CaseId,
    pub kind: NoteKind,
    pub text: String,
    pub language: Language,
    /// Incidents only: what was done, and how.
    pub response: Option<ResponseTaken>,
    pub written_by: UserId,
    pub written_at: Timestamp,
}

/// A person's translation of a note into another language, kept beside the note (which is never
/// changed) with the translator's name, so a reader knows whose words she is reading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteTranslation {
    pub id: uuid::Uuid,
    pub note_id: uuid::Uuid,
    pub case_id: CaseId,
    pub language: Language,
    pub text: String,
    pub translator: String,
    pub added_by: UserId,
    pub added_at: Timestamp,
}

pub const TRANSLATOR_MAX: usize = 200;

/// Checks a translation of `note`: text and translator given, in another language.
pub fn check_translation(
    note: &Note,
    language: Language,
    text: &str,
    translator: &str,
) -> Result<(String, String), Vec<(&'static str, DomainError)>> {
    let mut errors = Vec::new();
    let text = crate::text::normalise(text);
    if text.is_empty() {
        errors.push(("text", DomainError::EmptyText));
    } else if text.chars().count() > NOTE_TEXT_MAX {
        errors.push(("text", DomainError::TextTooLong { max: NOTE_TEXT_MAX }));
    }
    let translator = crate::text::normalise(translator);
    if translator.is_empty() {
        errors.push(("translator", DomainError::EmptyText));
    } else if translator.chars().count() > TRANSLATOR_MAX {
        errors.push((
            "translator",
            DomainError::TextTooLong {
                max: TRANSLATOR_MAX,
            },
        ));
    }
    if language == note.language {
        errors.push(("language", DomainError::SameLanguage));
    }
    if errors.is_empty() {
        Ok((text, translator))
    } else {
        Err(errors)
    }
}

/// An incident's response: positive or punitive, and what was done.
pub type ResponseTaken = (Response, String);

/// Each problem of an input, with the field it belongs to.
pub type FieldProblems = Vec<(&'static str, DomainError)>;

/// Checks a note's text and, for an incident, its response (required, with what was done).
pub fn check_note(
    kind: NoteKind,
    text: &str,
    response: &str,
    response_text: &str,
) -> Result<(String, Option<ResponseTaken>), FieldProblems> {
    let mut errors = Vec::new();
    let text = crate::text::normalise(text);
    if text.is_empty() {
        errors.push(("text", DomainError::EmptyText));
    } else if text.chars().count() > NOTE_TEXT_MAX {
        errors.push(("text", DomainError::TextTooLong { max: NOTE_TEXT_MAX }));
    }
    let response = if kind == NoteKind::Incident {
        let kind: Option<Response> = if response.trim().is_empty() {
            errors.push(("response", DomainError::ResponseRequired));
            None
        } else {
            response
                .parse()
                .map_err(|e| errors.push(("response", e)))
                .ok()
        };
        let what = crate::text::normalise(response_text);
        if what.is_empty() {
            errors.push(("response_text", DomainError::EmptyText));
        }
        kind.map(|k| (k, what))
    } else {
        None
    };
    if errors.is_empty() {
        Ok((text, response))
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_incident_needs_the_response_taken() {
        let errors = check_note(NoteKind::Incident, "দুজন মেয়ের মধ্যে ঝগড়া", "", "").unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, ["response", "response_text"]);
        let (_, response) = check_note(
            NoteKind::Incident,
            "দুজন মেয়ের মধ্যে ঝগড়া",
            "positive",
            "দুজনের সঙ্গে বসে কথা বলা হয়েছে",
        )
        .unwrap();
        assert_eq!(response.map(|r| r.0), Some(Response::Positive));
        assert!(
            check_note(NoteKind::Daily, "ভালো খেয়েছে, বিকেলে গান গেয়েছে", "", "")
                .unwrap()
                .1
                .is_none()
        );
        assert_eq!(
            check_note(NoteKind::Case, "  ", "", "").unwrap_err()[0].0,
            "text"
        );
        assert!(matches!(
            check_note(NoteKind::Incident, "x", "slap", "y").unwrap_err()[0].1,
            DomainError::UnknownResponse(_)
        ));
    }
}
