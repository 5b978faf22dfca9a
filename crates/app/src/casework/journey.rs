//! The case journey: moving along its stages by their rules, closing only on a decision
//! logged with her.

use std::sync::Arc;

use domain::audit::AuditAction;
use domain::case::{StageChange, parse_reason};
use domain::decision::closure_is_approved;
use domain::policy::Action;
use domain::{Case, Stage};
use store::Store;

use super::access::{allowed, check, event, sight};
use crate::{Acting, Error, FieldError};

/// Moves the case along the journey: the journey's rules, then the policy (closing is the
/// director's), then the store (which refuses a stale version).
pub async fn change_stage(
    store: &Arc<dyn Store>,
    acting: &Acting,
    case: &Case,
    expected_version: i64,
    to: &str,
    reason: &str,
) -> Result<Case, Error> {
    let (actor, source, at) = acting.signed_in()?;
    // Someone who may move no case at all is told so before anything about her input.
    if !allowed(actor, Action::CloseCase, case) {
        check(actor, Action::ChangeStage, case)?;
    }
    let mut errors = Vec::new();
    let to: Option<Stage> = if to.trim().is_empty() {
        errors.push(FieldError::required("stage"));
        None
    } else {
        to.parse()
            .map_err(|e| errors.push(FieldError::new("stage", &e)))
            .ok()
    };
    let reason = parse_reason(reason)
        .map_err(|e| errors.push(FieldError::new("reason", &e)))
        .ok();
    if let Some(to) = to
        && let Err(e) = case.stage.check_change(to)
    {
        errors.push(FieldError::new("stage", &e));
    }
    let (Some(to), Some(reason)) = (to, reason) else {
        return Err(Error::Invalid(errors));
    };
    if !errors.is_empty() {
        return Err(Error::Invalid(errors));
    }
    let action = if to == Stage::Closed {
        Action::CloseCase
    } else {
        Action::ChangeStage
    };
    check(actor, action, case)?;
    if to == Stage::Closed {
        // The approval stands on a logged decision with her participation (or why not).
        let decisions = store
            .decisions_of(case.id, &sight(store, acting, case).await?)
            .await?;
        closure_is_approved(&decisions)
            .map_err(|e| Error::Invalid(vec![FieldError::new("stage", &e)]))?;
    }
    let change = StageChange {
        from: case.stage,
        to,
        reason,
        by: Some(actor.user_id),
        at,
    };
    let audit = event(actor, source, at, AuditAction::CaseStageChanged, case).with_detail(
        crate::accounts::detail(&[("from", case.stage.as_str()), ("to", to.as_str())]),
    );
    Ok(store
        .change_stage(case.id, expected_version, &change, audit)
        .await?)
}
