use axum::Json;
use axum::extract::State;
use domain::policy::{Action, Resource};
use serde_json::{Value, json};

use super::{OrgJson, UserJson};
use crate::{AppError, AppState, Ctx};

/// `GET /api/v1/me`: who the token belongs to.
pub async fn me(State(state): State<AppState>, ctx: Ctx) -> Result<Json<Value>, AppError> {
    ctx.authorize(Action::UseOwnAccount, Resource::Network)?;
    let user = ctx.user()?;
    let org = state
        .store
        .organisation(user.org_id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(json!({
        "user": UserJson::from(user),
        "organisation": OrgJson::from(&org),
        "roles": user.roles.iter().map(|r| r.as_str()).collect::<Vec<_>>(),
        "language": user.language.code(),
    })))
}
