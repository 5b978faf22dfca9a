use axum::Json;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use domain::OrgId;
use domain::policy::{Action, Resource};
use serde::Deserialize;
use utoipa::ToSchema;

use super::problems::{
    BodyTooLarge, Forbidden, IfMatchMissing, Invalid, Malformed, NameTaken, NotFound, Stale,
    Unauthorized,
};
use super::{ApiJson, OrgJson, if_match, names, with_etag};
use crate::{AppError, AppState, Ctx};
use app::Acting;
use app::accounts::{self, OrgInput};

/// The body of a create or update.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = OrganisationInput)]
pub struct OrgBody {
    #[serde(default)]
    #[schema(required = true, min_length = 1, max_length = 200)]
    name: String,
    #[serde(default)]
    #[schema(required = true, value_type = names::OrgKindName)]
    kind: String,
    /// ISO 3166-1 alpha-2, in either case.
    #[serde(default)]
    #[schema(required = true, pattern = "^[A-Za-z]{2}$")]
    country: String,
    #[serde(default)]
    #[schema(max_length = 100)]
    district: Option<String>,
    #[serde(default)]
    #[schema(value_type = Vec<names::LanguageCode>)]
    languages: Vec<String>,
    /// An IANA time-zone name (`Asia/Kolkata`, `Asia/Dhaka`); left out, its country's.
    #[serde(default)]
    #[schema(example = "Asia/Dhaka")]
    time_zone: Option<String>,
}

impl From<OrgBody> for OrgInput {
    fn from(body: OrgBody) -> Self {
        Self {
            name: body.name,
            kind: body.kind,
            country: body.country,
            district: body.district.unwrap_or_default(),
            languages: body.languages.join(","),
            time_zone: body.time_zone.unwrap_or_default(),
        }
    }
}

pub(crate) fn parse_org_id(text: &str) -> Result<OrgId, AppError> {
    text.parse().map_err(|_| AppError::NotFound)
}

pub(crate) fn origin(state: &AppState, ctx: &Ctx) -> Result<Acting, AppError> {
    Ok(Acting {
        actor: Some(ctx.actor()?),
        source: ctx.source.clone(),
        at: state.clock.now(),
    })
}

#[utoipa::path(get, path = "/api/v1/organisations", tag = "accounts",
    summary = "The organisation directory.",
    responses((status = 200, description = "Every organisation.", body = Vec<OrgJson>),
        Unauthorized, Forbidden))]
pub async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Json<Vec<OrgJson>>, AppError> {
    ctx.authorize(Action::ViewDirectory, Resource::Network)?;
    let orgs = state.store.organisations().await?;
    Ok(Json(orgs.iter().map(OrgJson::from).collect()))
}

#[utoipa::path(get, path = "/api/v1/organisations/{id}", tag = "accounts",
    summary = "One organisation, with its ETag.",
    params(("id" = String, Path, description = "The organisation.")),
    responses((status = 200, description = "The organisation.", body = OrgJson,
            headers(("ETag" = String, description = "The version, for If-Match."))),
        Unauthorized, Forbidden, NotFound))]
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    ctx.authorize(Action::ViewDirectory, Resource::Network)?;
    let org = state
        .store
        .organisation(parse_org_id(&id)?)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(with_etag(org.version, OrgJson::from(&org)))
}

#[utoipa::path(post, path = "/api/v1/organisations", tag = "accounts",
    summary = "Add an organisation (network admin).",
    request_body = OrgBody,
    responses((status = 201, description = "Added.", body = OrgJson,
            headers(("ETag" = String, description = "The version, for If-Match."),
                ("Location" = String, description = "Where it is."))),
        Malformed, Unauthorized, Forbidden, NameTaken, BodyTooLarge, Invalid))]
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    ApiJson(body): ApiJson<OrgBody>,
) -> Result<Response, AppError> {
    ctx.authorize(Action::CreateOrganisation, Resource::Network)?;
    let org =
        accounts::create_organisation(&state.store, &origin(&state, &ctx)?, &body.into()).await?;
    Ok(super::created(
        org.version,
        OrgJson::from(&org),
        &format!("/api/v1/organisations/{}", org.id),
    ))
}

#[utoipa::path(put, path = "/api/v1/organisations/{id}", tag = "accounts",
    summary = "Change an organisation (network admin). Needs If-Match.",
    params(("id" = String, Path, description = "The organisation."),
        ("If-Match" = String, Header, description = "The ETag read before the change.")),
    request_body = OrgBody,
    responses((status = 200, description = "Changed.", body = OrgJson,
            headers(("ETag" = String, description = "The new version."))),
        Malformed, Unauthorized, Forbidden, NotFound, NameTaken, Stale, BodyTooLarge, Invalid,
        IfMatchMissing))]
pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<OrgBody>,
) -> Result<Response, AppError> {
    let id = parse_org_id(&id)?;
    ctx.authorize(Action::UpdateOrganisation, Resource::Organisation(id))?;
    let current = state
        .store
        .organisation(id)
        .await?
        .ok_or(AppError::NotFound)?;
    let version = if_match(&headers, current.version)?;
    let org = accounts::update_organisation(
        &state.store,
        &origin(&state, &ctx)?,
        id,
        version,
        &body.into(),
    )
    .await?;
    Ok(with_etag(org.version, OrgJson::from(&org)).into_response())
}
