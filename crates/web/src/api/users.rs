use axum::Json;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use domain::UserId;
use domain::policy::{Action, Resource};
use serde::Deserialize;
use utoipa::ToSchema;

use super::organisations::{origin, parse_org_id};
use super::problems::{
    BodyTooLarge, Forbidden, IfMatchMissing, Invalid, Malformed, NotFound, Stale, Unauthorized,
    UsernameTaken,
};
use super::{ApiJson, UserJson, if_match, names, with_etag};
use crate::{AppError, AppState, Ctx};
use app::accounts::{self, UserInput, UserUpdateInput};

/// A new user.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = NewUser)]
pub struct NewUserBody {
    #[serde(default)]
    #[schema(required = true, pattern = "^[a-z0-9._-]{3,64}$")]
    username: String,
    #[serde(default)]
    display_name: Option<String>,
    #[serde(default)]
    #[schema(required = true, value_type = Vec<names::RoleName>, min_items = 1)]
    roles: Vec<String>,
    #[serde(default)]
    #[schema(value_type = Option<names::LanguageCode>)]
    language: Option<String>,
    #[serde(default)]
    #[schema(required = true, min_length = 12, write_only)]
    password: String,
}

/// A user's name, roles, language and active flag, as they are to be.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = UserUpdate)]
pub struct UpdateUserBody {
    #[serde(default)]
    display_name: Option<String>,
    #[schema(value_type = Vec<names::RoleName>, min_items = 1)]
    roles: Vec<String>,
    #[schema(value_type = names::LanguageCode)]
    language: String,
    active: bool,
}

fn parse_user_id(text: &str) -> Result<UserId, AppError> {
    text.parse().map_err(|_| AppError::NotFound)
}

#[utoipa::path(get, path = "/api/v1/organisations/{id}/users", tag = "accounts",
    summary = "The users of an organisation (its director, network admin).",
    params(("id" = String, Path, description = "The organisation.")),
    responses((status = 200, description = "Its users.", body = Vec<UserJson>),
        Unauthorized, Forbidden, NotFound))]
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

#[utoipa::path(post, path = "/api/v1/organisations/{id}/users", tag = "accounts",
    summary = "Add a user to an organisation.",
    params(("id" = String, Path, description = "The organisation.")),
    request_body = NewUserBody,
    responses((status = 201, description = "Added.", body = UserJson,
            headers(("ETag" = String, description = "The version, for If-Match."),
                ("Location" = String, description = "Where it is."))),
        Malformed, Unauthorized, Forbidden, NotFound, UsernameTaken, BodyTooLarge, Invalid))]
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
    Ok(super::created(
        user.version,
        UserJson::from(&user),
        &format!("/api/v1/users/{}", user.id),
    ))
}

#[utoipa::path(get, path = "/api/v1/users/{id}", tag = "accounts",
    summary = "One user, with its ETag.",
    params(("id" = String, Path, description = "The user.")),
    responses((status = 200, description = "The user.", body = UserJson,
            headers(("ETag" = String, description = "The version, for If-Match."))),
        Unauthorized, Forbidden, NotFound))]
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

#[utoipa::path(put, path = "/api/v1/users/{id}", tag = "accounts",
    summary = "Change a user's name, roles, language or active flag. Needs If-Match.",
    params(("id" = String, Path, description = "The user."),
        ("If-Match" = String, Header, description = "The ETag read before the change.")),
    request_body = UpdateUserBody,
    responses((status = 200, description = "Changed.", body = UserJson,
            headers(("ETag" = String, description = "The new version."))),
        Malformed, Unauthorized, Forbidden, NotFound, Stale, BodyTooLarge, Invalid,
        IfMatchMissing))]
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
