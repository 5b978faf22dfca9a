use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::OrgId;
use domain::policy::{Action, Resource};
use serde::Deserialize;

use super::{ApiJson, OrgJson, if_match, with_etag};
use crate::{AppError, AppState, Ctx};
use app::Acting;
use app::accounts::{self, OrgInput};

/// The body of a create or update.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrgBody {
    #[serde(default)]
    name: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    country: String,
    #[serde(default)]
    district: Option<String>,
    #[serde(default)]
    languages: Vec<String>,
}

impl From<OrgBody> for OrgInput {
    fn from(body: OrgBody) -> Self {
        Self {
            name: body.name,
            kind: body.kind,
            country: body.country,
            district: body.district.unwrap_or_default(),
            languages: body.languages.join(","),
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

pub async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Json<Vec<OrgJson>>, AppError> {
    ctx.authorize(Action::ViewDirectory, Resource::Network)?;
    let orgs = state.store.organisations().await?;
    Ok(Json(orgs.iter().map(OrgJson::from).collect()))
}

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

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    ApiJson(body): ApiJson<OrgBody>,
) -> Result<Response, AppError> {
    ctx.authorize(Action::CreateOrganisation, Resource::Network)?;
    let org =
        accounts::create_organisation(&state.store, &origin(&state, &ctx)?, &body.into()).await?;
    let mut response = with_etag(org.version, OrgJson::from(&org));
    *response.status_mut() = StatusCode::CREATED;
    if let Ok(v) = format!("/api/v1/organisations/{}", org.id).parse() {
        response
            .headers_mut()
            .insert(axum::http::header::LOCATION, v);
    }
    Ok(response)
}

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
