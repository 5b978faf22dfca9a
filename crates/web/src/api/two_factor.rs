//! Two-factor sign-in in the API: the roles that must use it (the network admin) and the reset
//! of someone's second factor. Enrolment is on *My account* only: API tokens are for machines
//! and carry no second factor.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use domain::Role;
use domain::policy::{Action, Resource};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::problems::{BodyTooLarge, Forbidden, Invalid, Malformed, NotFound, Unauthorized};
use super::{ApiJson, names};
use crate::{AppError, AppState, Ctx, FieldError};
use app::Acting;
use app::twofactor;

/// The roles that must sign in with a second factor.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RolesBody {
    #[schema(value_type = Vec<names::RoleName>)]
    pub roles: Vec<String>,
}

/// The roles that must sign in with a second factor.
#[derive(Serialize, ToSchema)]
pub struct TwoFactorRoles {
    #[schema(value_type = Vec<names::RoleName>)]
    pub roles: Vec<&'static str>,
}

fn origin(state: &AppState, ctx: &Ctx) -> Result<Acting, AppError> {
    Ok(Acting {
        actor: Some(ctx.actor()?),
        source: ctx.source.clone(),
        at: state.clock.now(),
    })
}

fn roles_json(roles: &[Role]) -> TwoFactorRoles {
    TwoFactorRoles {
        roles: roles.iter().map(|r| r.as_str()).collect(),
    }
}

/// `GET /api/v1/two-factor/roles`.
#[utoipa::path(get, path = "/api/v1/two-factor/roles", tag = "accounts",
    summary = "The roles that must sign in with a second factor (network admin).",
    responses((status = 200, description = "The roles.", body = TwoFactorRoles),
        Unauthorized, Forbidden))]
pub async fn roles(
    State(state): State<AppState>,
    ctx: Ctx,
) -> Result<Json<TwoFactorRoles>, AppError> {
    ctx.authorize(Action::RequireTwoFactor, Resource::Network)?;
    Ok(Json(roles_json(&state.store.two_factor_roles().await?)))
}

/// `POST /api/v1/two-factor/roles` with `{"roles": ["director", "counsellor"]}`: replaces the
/// set, answers it.
#[utoipa::path(post, path = "/api/v1/two-factor/roles", tag = "accounts",
    summary = "Replace the roles that must sign in with a second factor (network admin). They enrol at their next page.",
    request_body = RolesBody,
    responses((status = 200, description = "The roles now.", body = TwoFactorRoles),
        Malformed, Unauthorized, Forbidden, BodyTooLarge, Invalid))]
pub async fn set_roles(
    State(state): State<AppState>,
    ctx: Ctx,
    ApiJson(body): ApiJson<RolesBody>,
) -> Result<Json<TwoFactorRoles>, AppError> {
    ctx.authorize(Action::RequireTwoFactor, Resource::Network)?;
    let mut roles = Vec::new();
    for text in &body.roles {
        roles.push(text.parse::<Role>().map_err(|_| {
            AppError::Invalid(vec![FieldError {
                field: "roles".into(),
                message_id: "error-unknown-role",
                english: format!("unknown role {text:?}"),
            }])
        })?);
    }
    let roles = twofactor::set_required_roles(&state.store, &origin(&state, &ctx)?, &roles).await?;
    Ok(Json(roles_json(&roles)))
}

/// `DELETE /api/v1/users/{id}/two-factor`: she lost her phone. 204; her sessions end.
#[utoipa::path(delete, path = "/api/v1/users/{id}/two-factor", tag = "accounts",
    summary = "Reset her second factor when she lost her phone: her director, or the network admin for a director. API tokens carry no second factor.",
    params(("id" = String, Path, description = "The user.")),
    responses((status = 204, description = "Reset; her sessions ended."),
        Unauthorized, Forbidden, NotFound))]
pub async fn reset(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = id.parse().map_err(|_| AppError::NotFound)?;
    let target = state.store.user(id).await?;
    let org = target
        .as_ref()
        .map(|u| u.org_id)
        .unwrap_or(ctx.actor()?.org_id);
    ctx.authorize(Action::ViewUser, Resource::User { id, org })?;
    let target = target.ok_or(AppError::NotFound)?;
    twofactor::reset(&state.store, &origin(&state, &ctx)?, &target).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
