//! Her consents: what she agreed to, how it was explained to her, and whether it still holds.

use domain::consent::{Purpose, SectionClass};
use domain::policy::Action;

use super::Viewing;
use crate::AppError;
use crate::pages::{Choice, FormView};

pub struct ConsentView {
    pub purpose: String,
    pub scope: String,
    pub explained: String,
    pub status: String,
    pub active: bool,
    pub revoke_action: String,
    pub revoked_reason: String,
}

pub struct ConsentsSection {
    /// Newest first; empty when she may not manage them.
    pub entries: Vec<ConsentView>,
    pub form: FormView,
    pub purposes: Vec<Choice>,
    pub sections: Vec<Choice>,
    /// The directory, for whom a section may be shared with.
    pub organisations: Vec<Choice>,
}

/// Her consents, for whoever may manage them (`ManageConsent`); `form` is a consent re-shown
/// after a refusal.
pub async fn consents(
    v: &Viewing<'_>,
    form: Option<FormView>,
) -> Result<ConsentsSection, AppError> {
    let t = v.t;
    let can_consent = v.may(Action::ManageConsent);
    let directory = if can_consent {
        v.state.store.organisations().await?
    } else {
        Vec::new()
    };
    let entries = if can_consent {
        let now = v.state.clock.now();
        let org_name = |id: Option<domain::OrgId>| {
            id.and_then(|id| directory.iter().find(|o| o.id == id))
                .map(|o| o.fields.name.to_string())
                .unwrap_or_default()
        };
        v.state
            .store
            .consents_of(v.case.id, &v.scope())
            .await?
            .iter()
            .rev()
            .map(|c| ConsentView {
                purpose: t.get(c.fields.purpose.message_id()),
                scope: [
                    c.fields
                        .section
                        .map(|s| t.get(s.message_id()))
                        .unwrap_or_default(),
                    org_name(c.fields.organisation),
                ]
                .into_iter()
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join(" → "),
                explained: format!(
                    "{} · {} · {}",
                    c.fields.explained_how,
                    c.fields.explained_in.autonym(),
                    c.fields.explained_by
                ),
                status: match c.status(now) {
                    "active" => match c.fields.expires_on {
                        Some(last) => t.with("consent-active-until", "date", &v.day(last)),
                        None => t.get("consent-active"),
                    },
                    "revoked" => t.get("consent-revoked"),
                    _ => t.get("consent-expired"),
                },
                active: c.is_active(now),
                revoke_action: format!("/cases/{}/consents/{}/revoke", v.case.id, c.id),
                revoked_reason: c.revoked_reason.clone().unwrap_or_default(),
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(ConsentsSection {
        entries,
        form: form.unwrap_or_else(|| {
            let mut form = FormView::default();
            form.set("explained_in", v.ctx.lang.code());
            form
        }),
        purposes: Purpose::ALL
            .iter()
            .map(|p| Choice {
                value: p.as_str().into(),
                label: t.get(p.message_id()),
            })
            .collect(),
        sections: SectionClass::ALL
            .iter()
            .map(|c| Choice {
                value: c.as_str().into(),
                label: t.get(c.message_id()),
            })
            .collect(),
        organisations: directory
            .iter()
            .map(|o| Choice {
                value: o.id.to_string(),
                label: o.fields.name.to_string(),
            })
            .collect(),
    })
}
