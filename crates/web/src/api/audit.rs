use axum::Json;
use axum::extract::{Query, State};
use domain::Role;
use domain::policy::{Action, Resource};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::{IntoParams, ToSchema};

use super::names;
use super::problems::{BadQuery, Forbidden, Unauthorized};
use crate::{AppError, AppState, Ctx};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    /// How many of the newest entries (at most 1000).
    #[param(minimum = 1, maximum = 1000, default = 100)]
    limit: Option<u32>,
}

/// The newest audit entries.
#[derive(Serialize, ToSchema)]
pub struct AuditEntries {
    pub entries: Vec<AuditEntry>,
}

/// One entry of the hash-chained audit log.
#[derive(Serialize, ToSchema)]
pub struct AuditEntry {
    pub seq: i64,
    #[schema(format = DateTime)]
    pub at: String,
    /// The user who acted; `null` for the system.
    #[schema(format = Uuid)]
    pub actor: Option<String>,
    #[schema(format = Uuid)]
    pub actor_organisation: Option<String>,
    #[schema(value_type = names::AuditActionName)]
    pub action: &'static str,
    /// What it was done to, e.g. `case:…`.
    pub subject: String,
    /// The organisation whose log it belongs to.
    #[schema(format = Uuid)]
    pub organisation: Option<String>,
    /// Where the request came from.
    pub source: String,
    /// Details of the action as recorded; `null` when there are none.
    #[schema(value_type = Option<Object>)]
    pub detail: Value,
    /// This entry's link in the hash chain.
    pub hash: String,
}

/// `GET /api/v1/audit`: the newest entries — all of them for a network admin, her own
/// organisation's for a director.
#[utoipa::path(get, path = "/api/v1/audit", tag = "accounts", params(AuditQuery),
    summary = "The newest audit entries: all for a network admin, her organisation's for a director.",
    responses((status = 200, description = "The entries, newest first.", body = AuditEntries),
        BadQuery, Unauthorized, Forbidden))]
pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<AuditQuery>,
) -> Result<Json<AuditEntries>, AppError> {
    let scope = audit_scope(&ctx)?;
    let limit = query.limit.unwrap_or(100).clamp(1, 1000);
    let entries = state.store.audit_entries(scope, limit).await?;
    let entries = entries
        .iter()
        .map(|r| AuditEntry {
            seq: r.seq,
            at: r.event.at.to_rfc3339(),
            actor: r.event.actor.map(|a| a.to_string()),
            actor_organisation: r.event.actor_org.map(|o| o.to_string()),
            action: r.event.action.as_str(),
            subject: r.event.subject.clone(),
            organisation: r.event.org_scope.map(|o| o.to_string()),
            source: r.event.source.clone(),
            detail: serde_json::from_str::<Value>(&r.event.detail).unwrap_or(Value::Null),
            hash: r.hash.clone(),
        })
        .collect();
    Ok(Json(AuditEntries { entries }))
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
