//! Her words: what she said, in her language, with every earlier version of a corrected entry.

use std::collections::HashMap;

use domain::policy::Action;
use domain::{VoiceId, VoiceKind};

use super::Viewing;
use crate::AppError;
use crate::pages::{Choice, FormView};

pub struct VoiceView {
    pub kind: String,
    pub text: String,
    pub lang: &'static str,
    pub meta: String,
    pub read_back: bool,
    pub corrected: bool,
    /// Where a correction goes, the version it is based on, and the form (her pending
    /// correction after a conflict, else the entry as it stands).
    pub correct_action: String,
    /// Earlier versions, oldest first, with when they were recorded.
    pub earlier: Vec<(String, String)>,
    pub version: i64,
    pub form: FormView,
    pub open: bool,
}

pub struct VoiceSection {
    /// Her entries; empty when the reader may see only the case's summary.
    pub entries: Vec<VoiceView>,
    /// The form for a new entry: her input after a refusal, else her language and "hope".
    pub form: FormView,
    pub kinds: Vec<Choice>,
    pub can_record: bool,
}

/// Her words as the reader may see them. `form` is a new entry re-shown after a refusal, and
/// `correction` a correction of one entry that could not be saved.
pub async fn voice(
    v: &Viewing<'_>,
    form: Option<FormView>,
    correction: Option<(VoiceId, FormView)>,
) -> Result<VoiceSection, AppError> {
    let t = v.t;
    let entries = if v.may(Action::ViewCase) {
        // The entries with their writers' names, in one statement (issue 16).
        let (found, who): (Vec<_>, Vec<_>) = v
            .state
            .store
            .voice_of_with_writers(v.case.id, v.seen)
            .await?
            .into_iter()
            .unzip();
        let mut history = HashMap::new();
        for e in found.iter().filter(|e| e.version > 1) {
            history.insert(e.id, v.state.store.voice_history(e.id, v.seen).await?);
        }
        let correction_for = correction.as_ref().map(|(id, _)| *id);
        found
            .iter()
            .zip(who)
            .map(|(e, writer)| VoiceView {
                earlier: history
                    .get(&e.id)
                    .map(|versions| {
                        versions
                            .iter()
                            .filter(|old| old.version < e.version)
                            .map(|old| (old.text.clone(), t.datetime(&old.recorded_at)))
                            .collect()
                    })
                    .unwrap_or_default(),
                correct_action: format!("/cases/{}/voice/{}", v.case.id, e.id),
                version: e.version,
                open: correction_for == Some(e.id),
                form: match (&correction, correction_for == Some(e.id)) {
                    (Some((_, form)), true) => form.clone(),
                    _ => {
                        let mut form = FormView::default();
                        form.set("kind", e.kind.as_str());
                        form.set("text", e.text.clone());
                        form.set("language", e.language.code());
                        form.set("spoken_on", domain::voice::format_date_iso(e.spoken_on));
                        if e.read_back {
                            form.set("read_back", "on");
                        }
                        form
                    }
                },
                kind: t.get(e.kind.message_id()),
                text: e.text.clone(),
                lang: e.language.code(),
                meta: t.with(
                    "voice-meta",
                    "when",
                    &format!("{} · {}", v.day(e.spoken_on), writer),
                ),
                read_back: e.read_back,
                corrected: e.version > 1,
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(VoiceSection {
        entries,
        form: form.unwrap_or_else(|| {
            let mut form = FormView::default();
            form.set("language", v.ctx.lang.code());
            form.set("kind", VoiceKind::Hope.as_str());
            form
        }),
        kinds: VoiceKind::ALL
            .iter()
            .map(|k| Choice {
                value: k.as_str().into(),
                label: t.get(k.message_id()),
            })
            .collect(),
        can_record: v.may(Action::RecordVoice),
    })
}
