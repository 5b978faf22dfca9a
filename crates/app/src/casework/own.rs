//! Her own record, for the survivor it belongs to: linking her account to her case (never as
//! staff), her own words and her say on her plan.

use std::sync::Arc;

use domain::audit::AuditAction;
use domain::policy::Action;
use domain::{Case, CaseId, VoiceEntry, VoiceId};
use store::{NewVoice, Store};

use super::{ReviewInput, VoiceInput, allowed, check, event};
use crate::{Acting, Error, FieldError};

/// Links a survivor's own account to her case, so she can read her record and add her words.
/// The account must be a survivor's alone (never one with a staff role), active, in the same
/// organisation. Linking never makes her one of the staff who carry the case.
pub async fn link_survivor(
    store: &Arc<dyn Store>,
    acting: &Acting,
    case: &Case,
    user: &str,
) -> Result<Case, Error> {
    let (actor, source, at) = acting.signed_in()?;
    check(actor, Action::LinkSurvivor, case)?;
    let invalid = || {
        Error::Invalid(vec![FieldError {
            field: "user".into(),
            message_id: "error-not-a-survivor-account",
            english: "choose an active survivor account of this organisation".into(),
        }])
    };
    let id: domain::UserId = user.parse().map_err(|_| invalid())?;
    let account = store.user(id).await?.ok_or_else(invalid)?;
    if !account.active
        || account.org_id != case.custodian
        || account.roles.iter().any(|r| r != domain::Role::Survivor)
        || !account.roles.contains(domain::Role::Survivor)
    {
        return Err(invalid());
    }
    let audit = event(actor, source, at, AuditAction::SurvivorLinked, case)
        .with_detail(crate::accounts::detail(&[("user", &id.to_string())]));
    Ok(store.link_survivor(case.id, id, audit).await?)
}

/// Loads a case for its survivor. To anyone else it is forbidden if they can see the case,
/// else not found.
pub async fn load_own(store: &Arc<dyn Store>, acting: &Acting, id: CaseId) -> Result<Case, Error> {
    let (actor, _, _) = acting.signed_in()?;
    let case = store
        .case(id, &acting.case_scope())
        .await?
        .ok_or(Error::NotFound)?;
    if allowed(actor, Action::OwnRecord, &case) {
        Ok(case)
    } else if allowed(actor, Action::ViewCaseSummary, &case) {
        Err(Error::Forbidden(domain::policy::DenyReason::RoleNotAllowed))
    } else {
        Err(Error::NotFound)
    }
}

/// Her own words, written by herself: recorded as said, and read back by definition.
pub async fn record_own_words(
    store: &Arc<dyn Store>,
    acting: &Acting,
    case: &Case,
    input: &VoiceInput,
) -> Result<VoiceEntry, Error> {
    let (actor, source, at) = acting.signed_in()?;
    check(actor, Action::OwnRecord, case)?;
    let zone = store.time_zone_of(actor.org_id).await?;
    let mut fields = input.validate(case, at, &zone)?;
    fields.read_back = true;
    let id = VoiceId::new();
    let audit = event(actor, source, at, AuditAction::VoiceRecorded, case).with_detail(
        crate::accounts::detail(&[("entry", &id.to_string()), ("by", "herself")]),
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

/// She says whether she agrees with her plan, in her words: a review of her own.
pub async fn own_review(
    store: &Arc<dyn Store>,
    acting: &Acting,
    case: &Case,
    input: &ReviewInput,
) -> Result<domain::plan::PlanReview, Error> {
    super::plan::add_review(store, acting, case, input, super::plan::Reviewer::Herself).await
}
