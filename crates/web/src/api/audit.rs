use axum::Json;
use axum::extract::{Query, State};
use domain::Role;
use domain::policy::{Action, Resource};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::{AppError, AppState, Ctx};

#[derive(Debug, Deserialize)]
pub struct AuditQuery {
    limit: Option<u32>,
}

/// `GET /api/v1/audit`: the newest entries — all of them for a network admin, her own
/// organisation's for a director.
pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<AuditQuery>,
) -> Result<Json<Value>, AppError> {
    let scope = audit_scope(&ctx)?;
    let limit = query.limit.unwrap_or(100).clamp(1, 1000);
    let entries = state.store.audit_entries(scope, limit).await?;
    let items: Vec<Value> = entries
        .iter()
        .map(|r| {
            json!({
                "seq": r.seq,
                "at": r.event.at.to_rfc3339(),
                "actor": r.event.actor.map(|a| a.to_string()),
                "actor_organisation": r.event.actor_org.map(|o| o.to_string()),
                "action": r.event.action.as_str(),
                "subject": r.event.subject,
                "organisation": r.event.org_scope.map(|o| o.to_string()),
                "source": r.event.source,
                "detail": serde_json::from_str::<Value>(&r.event.detail).unwrap_or(Value::Null),
                "hash": r.hash,
            })
        })
        .collect();
    Ok(Json(json!({ "entries": items })))
}

/// Which entries the person may read: `None` means all.
pub(crate) fn audit_scope(ctx: &Ctx) -> Result<Option<domain::OrgId>, AppError> {
    let actor = ctx.actor()?;
    if actor.roles.contains(Role::NetworkAdmin) {
        ctx.authorize(Action::ReadAudit, Resource::Network)?;
        Ok(None)
    } else {
        ctx.authorize(Action::ReadAudit, Resource::Organisation(actor.org_id))?;
        Ok(Some(actor.org_id))
    }
}
