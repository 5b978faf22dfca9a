//! `/api/v1/glossary`: the terms, their curation by the network admin, and the scan.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::Language;
use domain::glossary::GlossaryTerm;
use domain::policy::{Action, Resource};
use serde_json::{Value, json};

use super::organisations::origin;
use super::{ApiJson, if_match, with_etag};
use crate::{AppError, AppState, Ctx, FieldError};
use app::glossary::{self, Glossary, TermInput};

pub fn term_json(t: &GlossaryTerm) -> Value {
    json!({
        "id": t.id.to_string(),
        "term": t.draft.term,
        "synonyms": t.draft.synonyms,
        "explanations": {
            "bn": t.draft.explanations.bn,
            "hi": t.draft.explanations.hi,
            "en": t.draft.explanations.en,
        },
        "version": t.version,
        "updated_at": t.updated_at.to_rfc3339(),
    })
}

pub async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Json<Value>, AppError> {
    ctx.authorize(Action::ReadGlossary, Resource::Network)?;
    let terms = state.store.glossary().await?;
    Ok(Json(Value::Array(terms.iter().map(term_json).collect())))
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    ApiJson(body): ApiJson<TermInput>,
) -> Result<Response, AppError> {
    ctx.authorize(Action::EditGlossary, Resource::Network)?;
    let t = glossary::add(&state.store, &origin(&state, &ctx)?, &body).await?;
    let mut response = with_etag(t.version, term_json(&t));
    *response.status_mut() = StatusCode::CREATED;
    Ok(response)
}

async fn find(state: &AppState, id: &str) -> Result<GlossaryTerm, AppError> {
    let id: uuid::Uuid = id.parse().map_err(|_| AppError::NotFound)?;
    state
        .store
        .glossary_term(id)
        .await?
        .ok_or(AppError::NotFound)
}

pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<TermInput>,
) -> Result<Response, AppError> {
    ctx.authorize(Action::EditGlossary, Resource::Network)?;
    let current = find(&state, &id).await?;
    let version = if_match(&headers, current.version)?;
    let t = glossary::update(
        &state.store,
        &origin(&state, &ctx)?,
        current.id,
        version,
        &body,
    )
    .await?;
    Ok(with_etag(t.version, term_json(&t)))
}

pub async fn remove(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    ctx.authorize(Action::EditGlossary, Resource::Network)?;
    let current = find(&state, &id).await?;
    let version = if_match(&headers, current.version)?;
    glossary::remove(&state.store, &origin(&state, &ctx)?, &current, version).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ScanBody {
    text: String,
    /// The language of the explanations; blank: the caller's.
    language: String,
}

/// `POST /api/v1/glossary/scan`: each term found, where (in characters), and its explanation.
pub async fn scan(
    State(state): State<AppState>,
    ctx: Ctx,
    ApiJson(body): ApiJson<ScanBody>,
) -> Result<Json<Value>, AppError> {
    ctx.authorize(Action::ReadGlossary, Resource::Network)?;
    let language = if body.language.trim().is_empty() {
        ctx.lang
    } else {
        body.language
            .parse::<Language>()
            .map_err(|e| AppError::Invalid(vec![FieldError::new("language", &e)]))?
    };
    glossary::check_scan_text(&body.text)?;
    let glossary = Glossary::load(&state.store).await?;
    let hits = glossary.hits(&body.text, language);
    Ok(Json(
        json!({ "language": language.code(), "matches": hits }),
    ))
}
