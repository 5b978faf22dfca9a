use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::UserId;
use domain::policy::{Action, Resource};
use serde::Deserialize;

use super::organisations::{origin, parse_org_id};
use super::{ApiJson, UserJson, if_match, with_etag};
use crate::{AppError, AppState, Ctx};
use app::accounts::{self, UserInput, UserUpdateInput};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewUserBody {
    #[serde(default)]
    username: String,
    #[serde(default)]
    display_name: Option<String>,
    #[serde(default)]
    roles: Vec<String>,
    #[serde(default)]
    language: Option<String>,
    #[serde(default)]
    password: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UpdateUserBody {
    #[serde(default)]
    display_name: Option<String>,
    roles: Vec<String>,
    language: String,
    active: bool,
}

fn parse_user_id(text: &str) -> Result<UserId, AppError> {
    text.parse().map_err(|_| AppError::NotFound)
}

pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<Vec<UserJson>>, AppError> {
    let org = parse_org_id(&id)?;
    ctx.authorize(Action::ListUsers, Resource::Organisation(org))?;
    state
        .store
        .organisation(org)
        .await?
        .ok_or(AppError::NotFound)?;
    let users = state.store.users_in(org).await?;
    Ok(Json(users.iter().map(UserJson::from).collect()))
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<NewUserBody>,
) -> Result<Response, AppError> {
    let org_id = parse_org_id(&id)?;
    ctx.authorize(Action::CreateUser, Resource::Organisation(org_id))?;
    let org = state
        .store
        .organisation(org_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let input = UserInput {
        username: body.username,
        display_name: body.display_name.unwrap_or_default(),
        roles: body.roles,
        language: body.language.unwrap_or_default(),
        password: body.password,
    };
    let user = accounts::create_user(&state.store, &origin(&state, &ctx)?, &org, &input).await?;
    let mut response = with_etag(user.version, UserJson::from(&user));
    *response.status_mut() = StatusCode::CREATED;
    if let Ok(v) = format!("/api/v1/users/{}", user.id).parse() {
        response
            .headers_mut()
            .insert(axum::http::header::LOCATION, v);
    }
    Ok(response)
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = parse_user_id(&id)?;
    // Ask the policy before revealing whether the user exists in another organisation.
    let user = state.store.user(id).await?;
    let org = user
        .as_ref()
        .map(|u| u.org_id)
        .unwrap_or(ctx.actor()?.org_id);
    ctx.authorize(Action::ViewUser, Resource::User { id, org })?;
    let user = user.ok_or(AppError::NotFound)?;
    Ok(with_etag(user.version, UserJson::from(&user)))
}

pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<UpdateUserBody>,
) -> Result<Response, AppError> {
    let id = parse_user_id(&id)?;
    let user = state.store.user(id).await?;
    let org = user
        .as_ref()
        .map(|u| u.org_id)
        .unwrap_or(ctx.actor()?.org_id);
    let actor = ctx.authorize(Action::UpdateUser, Resource::User { id, org })?;
    let user = user.ok_or(AppError::NotFound)?;
    app::policy::require_administer(&actor, &user)?;
    let version = if_match(&headers, user.version)?;
    let input = UserUpdateInput {
        display_name: body.display_name.unwrap_or_default(),
        roles: body.roles,
        language: body.language,
        active: body.active,
    };
    let updated =
        accounts::update_user(&state.store, &origin(&state, &ctx)?, &user, version, &input).await?;
    Ok(with_etag(updated.version, UserJson::from(&updated)))
}
