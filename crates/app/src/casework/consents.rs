//! Her consents: to whom each section may travel, for what purpose and until when; recorded
//! and revoked by the custodian with her.

use std::sync::Arc;

use domain::Case;
use domain::audit::AuditAction;
use domain::case::parse_reason;
use domain::policy::{Action, Actor};
use store::Store;

use super::access::{check, event};
use crate::{Acting, Error, FieldError};

/// A consent as typed in: the API's JSON and the form share it.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ConsentInput {
    pub purpose: String,
    pub section: String,
    pub organisation: String,
    pub explained_how: String,
    pub explained_in: String,
    pub explained_by: String,
    pub expires_on: String,
}

fn check_manage(actor: &Actor, case: &Case) -> Result<(), Error> {
    check(actor, Action::ManageConsent, case)
}

pub async fn record_consent(
    store: &Arc<dyn Store>,
    acting: &Acting,
    case: &Case,
    input: &ConsentInput,
) -> Result<domain::consent::Consent, Error> {
    let (actor, source, at) = acting.signed_in()?;
    check_manage(actor, case)?;
    let draft = domain::consent::ConsentDraft {
        purpose: &input.purpose,
        section: &input.section,
        organisation: &input.organisation,
        explained_how: &input.explained_how,
        explained_in: &input.explained_in,
        explained_by: &input.explained_by,
        expires_on: &input.expires_on,
    };
    let mut errors: Vec<FieldError> = Vec::new();
    // "Not already past" on her organisation's calendar.
    let today = store.time_zone_of(actor.org_id).await?.date_of(at);
    let fields = match draft.check(today) {
        Ok(fields) => Some(fields),
        Err(found) => {
            errors.extend(found.iter().map(|(field, e)| FieldError::new(field, e)));
            None
        }
    };
    // The organisation must be one the directory knows.
    if let Some(org) = fields.as_ref().and_then(|f| f.organisation)
        && store.organisation(org).await?.is_none()
    {
        errors.push(FieldError {
            field: "organisation".into(),
            message_id: "error-unknown-organisation",
            english: format!("no organisation {org} in the directory"),
        });
    }
    let Some(fields) = fields.filter(|_| errors.is_empty()) else {
        return Err(Error::Invalid(errors));
    };
    let consent = domain::consent::Consent {
        id: uuid::Uuid::now_v7(),
        case_id: case.id,
        fields,
        recorded_by: actor.user_id,
        recorded_at: at,
        revoked_at: None,
        revoked_reason: None,
    };
    let audit = event(actor, source, at, AuditAction::ConsentRecorded, case).with_detail(
        crate::accounts::detail(&[
            ("consent", &consent.id.to_string()),
            ("purpose", consent.fields.purpose.as_str()),
        ]),
    );
    store.record_consent(&consent, audit).await?;
    Ok(consent)
}

pub async fn revoke_consent(
    store: &Arc<dyn Store>,
    acting: &Acting,
    case: &Case,
    consent_id: domain::ConsentId,
    reason: &str,
) -> Result<(), Error> {
    let (actor, source, at) = acting.signed_in()?;
    check_manage(actor, case)?;
    let id = consent_id.0;
    let consents = store.consents_of(case.id, &acting.case_scope()).await?;
    let consent = consents
        .iter()
        .find(|c| c.id == id)
        .ok_or(Error::NotFound)?;
    if consent.revoked_at.is_some() {
        return Err(Error::Invalid(vec![FieldError::new(
            "consent",
            &domain::DomainError::AlreadyRevoked,
        )]));
    }
    let reason =
        parse_reason(reason).map_err(|e| Error::Invalid(vec![FieldError::new("reason", &e)]))?;
    let audit = event(actor, source, at, AuditAction::ConsentRevoked, case)
        .with_detail(crate::accounts::detail(&[("consent", &id.to_string())]));
    Ok(store
        .revoke_consent(id, actor.user_id, at, &reason, audit)
        .await?)
}
