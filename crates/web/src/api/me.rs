use axum::Json;
use axum::extract::State;
use domain::policy::{Action, Resource};
use serde::Serialize;
use utoipa::ToSchema;

use super::problems::{Forbidden, NotFound, Unauthorized};
use super::{OrgJson, UserJson, names};
use crate::{AppError, AppState, Ctx};

/// Who a token belongs to.
#[derive(Serialize, ToSchema)]
pub struct Me {
    pub user: UserJson,
    pub organisation: OrgJson,
    #[schema(value_type = Vec<names::RoleName>)]
    pub roles: Vec<&'static str>,
    #[schema(value_type = names::LanguageCode)]
    pub language: &'static str,
}

/// `GET /api/v1/me`: who the token belongs to.
#[utoipa::path(get, path = "/api/v1/me", tag = "accounts",
    summary = "The token's user, organisation, roles and language.",
    responses((status = 200, description = "Her account.", body = Me),
        Unauthorized, Forbidden, NotFound))]
pub async fn me(State(state): State<AppState>, ctx: Ctx) -> Result<Json<Me>, AppError> {
    ctx.authorize(Action::UseOwnAccount, Resource::Network)?;
    let user = ctx.user()?;
    let org = state
        .store
        .organisation(user.org_id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(Me {
        user: UserJson::from(user),
        organisation: OrgJson::from(&org),
        roles: user.roles.iter().map(|r| r.as_str()).collect(),
        language: user.language.code(),
    }))
}
