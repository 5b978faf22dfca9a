//! Case notes of the kinds the reader may read, with people's translations and the plain
//! words of the glossary terms in them.

use super::{Viewing, names};
use crate::AppError;
use crate::pages::{Choice, FormView};
use app::casework;

pub struct NoteView {
    pub kind: String,
    /// Her text as HTML, glossary terms marked with their plain explanation.
    pub html: String,
    /// Written in a language other than the reader's: says so, in hers.
    pub other_language: Option<String>,
    /// People's translations of it: (language · translator, language code, text).
    pub translations: Vec<(String, &'static str, String)>,
    /// Where a translation goes, when she may add one, and the form.
    pub translate_action: Option<String>,
    pub translate_form: FormView,
    pub lang: &'static str,
    pub response: String,
    pub punitive: bool,
    pub meta: String,
}

pub struct NotesSection {
    pub entries: Vec<NoteView>,
    /// The glossary terms in the notes, with their plain explanation in her language.
    pub plain_words: Vec<(String, String)>,
    /// The kinds she may write (empty: no form).
    pub kinds: Vec<Choice>,
    pub form: FormView,
    pub responses: Vec<Choice>,
}

/// The notes as the reader may read them. `form` is a new note re-shown after a refusal, and
/// `translation` a translation of one note that could not be saved.
pub async fn notes(
    v: &Viewing<'_>,
    form: Option<FormView>,
    translation: Option<(uuid::Uuid, FormView)>,
) -> Result<NotesSection, AppError> {
    let t = v.t;
    let readable = casework::note_kinds(v.actor, v.case, false);
    let writable = casework::note_kinds(v.actor, v.case, true);
    let (entries, plain_words) = if readable.is_empty() {
        (Vec::new(), Vec::new())
    } else {
        let found = v.state.store.notes_of(v.case.id, &readable, v.seen).await?;
        let who = names(v.state, found.iter().map(|n| n.written_by)).await?;
        let glossary = v.state.glossary().await?;
        let translations = v.state.store.translations_of(v.case.id, &v.scope()).await?;
        let texts: Vec<&str> = found.iter().map(|n| n.text.as_str()).collect();
        let plain_words = glossary.explained(&texts, t.lang);
        let views = found
            .iter()
            .map(|n| NoteView {
                kind: t.get(&n.kind.message_id()),
                html: glossary.highlight(&n.text, t.lang),
                other_language: (n.language != t.lang)
                    .then(|| t.with("note-other-language", "language", n.language.autonym())),
                translations: translations
                    .iter()
                    .filter(|tr| tr.note_id == n.id)
                    .map(|tr| {
                        (
                            format!("{} · {}", tr.language.autonym(), tr.translator),
                            tr.language.code(),
                            tr.text.clone(),
                        )
                    })
                    .collect(),
                translate_action: writable
                    .contains(&n.kind)
                    .then(|| format!("/cases/{}/notes/{}/translations", v.case.id, n.id)),
                translate_form: match &translation {
                    Some((id, form)) if *id == n.id => form.clone(),
                    _ => FormView::default(),
                },
                lang: n.language.code(),
                response: n
                    .response
                    .as_ref()
                    .map(|(r, what)| format!("{}: {}", t.get(&r.message_id()), what))
                    .unwrap_or_default(),
                punitive: n
                    .response
                    .as_ref()
                    .is_some_and(|r| r.0 == domain::note::Response::Punitive),
                meta: format!(
                    "{} · {}",
                    t.datetime(&n.written_at),
                    who.get(&n.written_by).cloned().unwrap_or_default()
                ),
            })
            .collect();
        (views, plain_words)
    };
    Ok(NotesSection {
        entries,
        plain_words,
        kinds: writable
            .iter()
            .map(|k| Choice {
                value: k.as_str().into(),
                label: t.get(&k.message_id()),
            })
            .collect(),
        form: form.unwrap_or_else(|| {
            let mut form = FormView::default();
            form.set("language", v.ctx.lang.code());
            form
        }),
        responses: domain::note::Response::ALL
            .iter()
            .map(|r| Choice {
                value: r.as_str().into(),
                label: t.get(&r.message_id()),
            })
            .collect(),
    })
}
