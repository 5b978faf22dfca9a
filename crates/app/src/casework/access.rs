//! Who may do what to a case, loading it so that an id reveals nothing, what her organisation
//! holds of it (`sight`), and the audit entry that every read of her content writes.

use std::sync::Arc;

use domain::audit::{AuditAction, AuditEvent};
use domain::policy::{Action, Actor, Resource};
use domain::sight::Sight;
use domain::{Case, CaseId, Timestamp};
use store::Store;

use crate::{Acting, Error};

/// The resource a case is to the policy, for this actor: how she and her organisation stand
/// to it.
pub fn resource(case: &Case, actor: &Actor) -> Resource {
    Resource::Case {
        custodian: case.custodian,
        assigned: case.is_assigned(actor.user_id),
        held: case.held_by(actor.org_id),
        awaited: case.awaited_by(actor.org_id),
        hers: case.survivor == Some(actor.user_id),
    }
}

/// What her organisation holds of the case when she acts: its own records, and the sections
/// that travelled to it while her consent lets them be read there. Every read of case content
/// passes it to the store. The operator at the CLI reads as the custodian holds it, never what
/// her consent keeps elsewhere.
pub async fn sight(store: &Arc<dyn Store>, acting: &Acting, case: &Case) -> Result<Sight, Error> {
    let org = match &acting.actor {
        // Staff who may see the case at all, or she herself.
        Some(actor)
            if allowed(actor, Action::ViewCaseSummary, case)
                || allowed(actor, Action::OwnRecord, case) =>
        {
            actor.org_id
        }
        Some(_) => return Err(Error::NotFound),
        None => case.custodian,
    };
    // Her consents decide only what a handover to this organisation carried; with none, they
    // would change nothing, and are not read.
    if !Sight::needs_consents(org, &case.passages) {
        return Ok(Sight::of(org, &case.passages, &[], acting.at));
    }
    let consents = store.consents_of(case.id, &acting.case_scope()).await?;
    Ok(Sight::of(org, &case.passages, &consents, acting.at))
}

pub fn allowed(actor: &Actor, action: Action, case: &Case) -> bool {
    crate::policy::allows(actor, action, &resource(case, actor))
}

/// Loads a case for `action`. A case she may not even see in summary answers `NotFound`, the
/// same as one that does not exist, so ids of other organisations' cases reveal nothing. The
/// operator at the CLI acts for the server and may.
pub async fn load(
    store: &Arc<dyn Store>,
    acting: &Acting,
    id: CaseId,
    action: Action,
) -> Result<Case, Error> {
    let case = store
        .case(id, &acting.case_scope())
        .await?
        .ok_or(Error::NotFound)?;
    if let Some(actor) = &acting.actor {
        if !allowed(actor, Action::ViewCaseSummary, &case) {
            return Err(Error::NotFound);
        }
        check(actor, action, &case)?;
    }
    Ok(case)
}

pub(crate) fn event(
    actor: &Actor,
    source: &str,
    at: Timestamp,
    action: AuditAction,
    case: &Case,
) -> AuditEvent {
    AuditEvent::new(at, action, format!("case:{}", case.id))
        .by(actor.user_id, actor.org_id)
        .scoped_to(case.custodian)
        .from_source(source.to_string())
}

/// Records that she (the actor) read the case's content.
pub async fn audit_read(store: &Arc<dyn Store>, acting: &Acting, case: &Case) -> Result<(), Error> {
    let (actor, source, at) = acting.signed_in()?;
    Ok(store
        .append_reading(event(actor, source, at, AuditAction::CaseViewed, case))
        .await?)
}

/// The policy on this case; a refusal by a training gate names the workshop she needs.
pub fn check(actor: &Actor, action: Action, case: &Case) -> Result<(), Error> {
    crate::policy::require(actor, action, &resource(case, actor))
}
