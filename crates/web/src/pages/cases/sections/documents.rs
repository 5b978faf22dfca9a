//! Her documents: the ones the reader may see, and the classes she may attach.

use domain::policy::Action;

use super::Viewing;
use crate::AppError;
use crate::pages::Choice;
use app::casework;

pub struct DocumentView {
    pub href: String,
    pub name: String,
    pub class: String,
    pub meta: String,
}

pub struct DocumentsSection {
    pub entries: Vec<DocumentView>,
    /// The classes she may attach (empty: no upload form).
    pub classes: Vec<Choice>,
    /// Why the last upload was refused, in her language.
    pub error: Option<String>,
}

/// Her documents as the reader may see them; `error` is an upload's refusal to show.
pub async fn documents(
    v: &Viewing<'_>,
    error: Option<String>,
) -> Result<DocumentsSection, AppError> {
    let t = v.t;
    let entries = if v.may(Action::ViewCase) {
        casework::documents(&v.state.store, v.actor, v.case, v.seen)
            .await?
            .iter()
            .map(|d| DocumentView {
                href: format!("/cases/{}/documents/{}", v.case.id, d.id),
                name: d.name.clone(),
                class: t.get(d.class.message_id()),
                meta: format!(
                    "{} KB · {}",
                    i18n::format_number(v.ctx.lang, (d.size + 1023) / 1024),
                    t.datetime(&d.uploaded_at)
                ),
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(DocumentsSection {
        entries,
        classes: domain::document::DOCUMENT_CLASSES
            .iter()
            .filter(|c| v.may(Action::Document(**c)))
            .map(|c| Choice {
                value: c.as_str().into(),
                label: t.get(c.message_id()),
            })
            .collect(),
        error,
    })
}
