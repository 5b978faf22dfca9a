//! `/api/v1/glossary`: the terms, their curation by the network admin, and the scan.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::Language;
use domain::glossary::GlossaryTerm;
use domain::policy::{Action, Resource};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::organisations::origin;
use super::problems::{
    BodyTooLarge, Forbidden, IfMatchMissing, Invalid, Malformed, NotFound, Stale, Unauthorized,
};
use super::{ApiJson, if_match, names, with_etag};
use crate::{AppError, AppState, Ctx, FieldError};
use app::glossary::{self, Synonyms, TermInput};

/// A term of the network's glossary, with its headword and plain explanation in each language
/// and who reviewed each translation.
#[derive(Serialize, ToSchema)]
#[schema(as = GlossaryTerm)]
pub struct TermJson {
    #[schema(format = Uuid)]
    pub id: String,
    /// The term as reports write it.
    pub term: String,
    pub headwords: Headwords,
    pub synonyms: Vec<String>,
    pub explanations: Explanations,
    /// The translations someone reviewed as they read now; a language not listed is unreviewed.
    pub reviews: Vec<ReviewJson>,
    /// The version, as in the ETag.
    pub version: i64,
    #[schema(format = DateTime)]
    pub updated_at: String,
}

/// A plain explanation in each language.
#[derive(Serialize, ToSchema)]
pub struct Explanations {
    pub bn: String,
    pub hi: String,
    pub en: String,
}

/// The headword in Bengali and in Hindi; blank: the term is shown.
#[derive(Serialize, ToSchema)]
#[schema(as = GlossaryHeadwords)]
pub struct Headwords {
    pub bn: String,
    pub hi: String,
}

/// A translation that a named person reviewed.
#[derive(Serialize, ToSchema)]
#[schema(as = GlossaryReview)]
pub struct ReviewJson {
    #[schema(value_type = names::LanguageCode)]
    pub language: &'static str,
    pub reviewer: String,
    #[schema(format = DateTime)]
    pub reviewed_at: String,
}

/// Who reviewed the term's translation into one language (as it reads at the `If-Match`
/// version).
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = GlossaryReviewInput)]
pub struct ReviewBody {
    #[serde(default)]
    #[schema(value_type = names::LanguageCode, required = true)]
    language: String,
    /// The name of the person who read it.
    #[serde(default)]
    #[schema(required = true, min_length = 1, max_length = 100)]
    reviewer: String,
}

/// A term as typed in.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = GlossaryTermInput)]
pub struct TermBody {
    #[serde(default)]
    #[schema(required = true, min_length = 1, max_length = 100)]
    term: String,
    /// The headword in Bengali; blank or absent: none.
    #[serde(default)]
    #[schema(max_length = 100)]
    headword_bn: String,
    /// The headword in Hindi; blank or absent: none.
    #[serde(default)]
    #[schema(max_length = 100)]
    headword_hi: String,
    /// A list, or one text with one per line or separated by `|`.
    #[serde(default)]
    synonyms: SynonymsBody,
    #[serde(default)]
    #[schema(required = true, min_length = 1, max_length = 1000)]
    explanation_bn: String,
    #[serde(default)]
    #[schema(required = true, min_length = 1, max_length = 1000)]
    explanation_hi: String,
    #[serde(default)]
    #[schema(required = true, min_length = 1, max_length = 1000)]
    explanation_en: String,
}

/// Synonyms: one text, or a list.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(untagged)]
pub enum SynonymsBody {
    Text(String),
    /// At most 20.
    List(Vec<String>),
}

impl Default for SynonymsBody {
    fn default() -> Self {
        Self::Text(String::new())
    }
}

impl From<TermBody> for TermInput {
    fn from(b: TermBody) -> Self {
        Self {
            term: b.term,
            headword_bn: b.headword_bn,
            headword_hi: b.headword_hi,
            synonyms: match b.synonyms {
                SynonymsBody::Text(text) => Synonyms::Text(text),
                SynonymsBody::List(list) => Synonyms::List(list),
            },
            explanation_bn: b.explanation_bn,
            explanation_hi: b.explanation_hi,
            explanation_en: b.explanation_en,
        }
    }
}

pub fn term_json(t: &GlossaryTerm) -> TermJson {
    TermJson {
        id: t.id.to_string(),
        term: t.draft.term.clone(),
        headwords: Headwords {
            bn: t.draft.headwords.bn.clone(),
            hi: t.draft.headwords.hi.clone(),
        },
        synonyms: t.draft.synonyms.clone(),
        explanations: Explanations {
            bn: t.draft.explanations.bn.clone(),
            hi: t.draft.explanations.hi.clone(),
            en: t.draft.explanations.en.clone(),
        },
        reviews: Language::ALL
            .into_iter()
            .filter_map(|l| t.review(l))
            .map(|r| ReviewJson {
                language: r.language.code(),
                reviewer: r.reviewer.clone(),
                reviewed_at: r.at.to_rfc3339(),
            })
            .collect(),
        version: t.version,
        updated_at: t.updated_at.to_rfc3339(),
    }
}

#[utoipa::path(get, path = "/api/v1/glossary", tag = "glossary",
    summary = "The network's glossary: each term with its plain explanation in bn, hi and en.",
    responses((status = 200, description = "The terms.", body = Vec<TermJson>),
        Unauthorized, Forbidden))]
pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
) -> Result<Json<Vec<TermJson>>, AppError> {
    ctx.authorize(Action::ReadGlossary, Resource::Network)?;
    let terms = state.store.glossary().await?;
    Ok(Json(terms.iter().map(term_json).collect()))
}

#[utoipa::path(post, path = "/api/v1/glossary", tag = "glossary",
    summary = "Add a term (network admin).",
    request_body = TermBody,
    responses((status = 201, description = "Added.", body = TermJson,
            headers(("ETag" = String, description = "The version, for If-Match."))),
        Malformed, Unauthorized, Forbidden, BodyTooLarge, Invalid))]
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    ApiJson(body): ApiJson<TermBody>,
) -> Result<Response, AppError> {
    ctx.authorize(Action::EditGlossary, Resource::Network)?;
    let t = glossary::add(&state, &origin(&state, &ctx)?, &body.into()).await?;
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

#[utoipa::path(put, path = "/api/v1/glossary/{id}", tag = "glossary",
    summary = "Change a term (network admin). Needs If-Match.",
    params(("id" = String, Path, description = "The term."),
        ("If-Match" = String, Header, description = "The ETag read before the change.")),
    request_body = TermBody,
    responses((status = 200, description = "Changed.", body = TermJson,
            headers(("ETag" = String, description = "The new version."))),
        Malformed, Unauthorized, Forbidden, NotFound, Stale, BodyTooLarge, Invalid,
        IfMatchMissing))]
pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<TermBody>,
) -> Result<Response, AppError> {
    ctx.authorize(Action::EditGlossary, Resource::Network)?;
    let current = find(&state, &id).await?;
    let version = if_match(&headers, current.version)?;
    let t = glossary::update(
        &state,
        &origin(&state, &ctx)?,
        current.id,
        version,
        &body.into(),
    )
    .await?;
    Ok(with_etag(t.version, term_json(&t)))
}

#[utoipa::path(delete, path = "/api/v1/glossary/{id}", tag = "glossary",
    summary = "Remove a term (network admin). Needs If-Match.",
    params(("id" = String, Path, description = "The term."),
        ("If-Match" = String, Header, description = "The ETag read before the change.")),
    responses((status = 204, description = "Removed."),
        Unauthorized, Forbidden, NotFound, Stale, IfMatchMissing))]
pub async fn remove(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    ctx.authorize(Action::EditGlossary, Resource::Network)?;
    let current = find(&state, &id).await?;
    let version = if_match(&headers, current.version)?;
    glossary::remove(&state, &origin(&state, &ctx)?, &current, version).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[utoipa::path(post, path = "/api/v1/glossary/{id}/reviews", tag = "glossary",
    summary = "Record that a named person reviewed the term's translation into one language (network admin). Needs If-Match.",
    params(("id" = String, Path, description = "The term."),
        ("If-Match" = String, Header, description = "The ETag of the version she read.")),
    request_body = ReviewBody,
    responses((status = 200, description = "Recorded.", body = TermJson,
            headers(("ETag" = String, description = "The version (unchanged)."))),
        Malformed, Unauthorized, Forbidden, NotFound, Stale, BodyTooLarge, Invalid,
        IfMatchMissing))]
pub async fn review(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<ReviewBody>,
) -> Result<Response, AppError> {
    ctx.authorize(Action::ReviewGlossary, Resource::Network)?;
    let current = find(&state, &id).await?;
    let version = if_match(&headers, current.version)?;
    let input = glossary::ReviewInput {
        language: body.language,
        reviewer: body.reviewer,
    };
    let t = glossary::review(&state, &origin(&state, &ctx)?, &current, version, &input).await?;
    Ok(with_etag(t.version, term_json(&t)))
}

/// A text to scan for jargon.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = GlossaryScan)]
pub struct ScanBody {
    #[serde(default)]
    #[schema(required = true, max_length = 2000000)]
    text: String,
    /// The language of the explanations; blank or absent: the caller's.
    #[serde(default)]
    #[schema(value_type = names::LanguageCode)]
    language: String,
}

/// The terms found in a text.
#[derive(Serialize, ToSchema)]
#[schema(as = GlossaryScanResult)]
pub struct ScanResult {
    #[schema(value_type = names::LanguageCode)]
    pub language: &'static str,
    pub matches: Vec<HitJson>,
}

/// A term found in the text.
#[derive(Serialize, ToSchema)]
#[schema(as = GlossaryHit)]
pub struct HitJson {
    /// The glossary term.
    pub term: String,
    /// The words as written in the text.
    pub found: String,
    /// Character offset (Unicode scalar values) where it starts.
    pub start: usize,
    /// Character offset just after it.
    pub end: usize,
    pub explanation: String,
}

impl From<glossary::Hit> for HitJson {
    fn from(h: glossary::Hit) -> Self {
        Self {
            term: h.term,
            found: h.found,
            start: h.start,
            end: h.end,
            explanation: h.explanation,
        }
    }
}

/// `POST /api/v1/glossary/scan`: each term found, where (in characters), and its explanation.
#[utoipa::path(post, path = "/api/v1/glossary/scan", tag = "glossary",
    summary = "Find the glossary's terms in a text: where each is (in characters) and its plain explanation.",
    request_body = ScanBody,
    responses((status = 200, description = "The terms found.", body = ScanResult),
        Malformed, Unauthorized, Forbidden, BodyTooLarge, Invalid))]
pub async fn scan(
    State(state): State<AppState>,
    ctx: Ctx,
    ApiJson(body): ApiJson<ScanBody>,
) -> Result<Json<ScanResult>, AppError> {
    ctx.authorize(Action::ReadGlossary, Resource::Network)?;
    let language = if body.language.trim().is_empty() {
        ctx.lang
    } else {
        body.language
            .parse::<Language>()
            .map_err(|e| AppError::Invalid(vec![FieldError::new("language", &e)]))?
    };
    glossary::check_scan_text(&body.text)?;
    let glossary = state.glossary().await?;
    let hits = glossary.hits(&body.text, language);
    Ok(Json(ScanResult {
        language: language.code(),
        matches: hits.into_iter().map(HitJson::from).collect(),
    }))
}
