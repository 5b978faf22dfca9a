//! The JSON API under `/api/v1`: bearer tokens, `application/problem+json` errors, ETags and
//! `If-Match` on every update.

pub mod audit;
pub mod bodies;
pub mod cases;
pub mod exports;
pub mod forms;
pub mod glossary;
pub mod handovers;
pub mod her_view;
pub mod indicators;
pub mod me;
pub mod names;
pub mod organisations;
pub mod packages;
pub mod problems;
pub mod training;
pub mod training_people;
pub mod two_factor;
pub mod users;

use axum::Json;
use axum::extract::{FromRequest, Request};
use axum::http::header::{CONTENT_TYPE, ETAG, IF_MATCH, RETRY_AFTER};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::{Organisation, User};
use serde::Serialize;
use serde::de::DeserializeOwned;
use utoipa::ToSchema;

use crate::{AppError, AppState, Ctx};

pub const PROBLEM_JSON: &str = "application/problem+json";

/// An error as RFC 9457 problem details: the body of every 4xx and 5xx of the API.
#[derive(Debug, Serialize, ToSchema)]
pub struct Problem {
    /// `/problems/CODE`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The kind of problem, in the caller's language.
    pub title: String,
    /// The HTTP status, the same as the response's.
    pub status: u16,
    /// What happened, in the caller's language.
    pub detail: String,
    /// A stable code: `not-found`, `invalid`, `precondition-failed`…
    pub code: String,
    /// With `invalid`: each field that is wrong.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<ProblemField>>,
    /// With `malformed`: what could not be read, in English.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// With `training-required`: the workshop to complete first (its key).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub workshop: Option<String>,
    /// With `precondition-failed`: the ETag of the version there is now.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current_etag: Option<String>,
}

/// One field that is wrong.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProblemField {
    /// The member, e.g. `password` or `goals[1].target`.
    pub field: String,
    /// The Fluent id of the message.
    pub code: String,
    /// The problem in the caller's language.
    pub message: String,
    /// The particular problem (which choice list, which package check), for scripts and logs.
    pub english: String,
}

/// Renders an error as RFC 9457 problem details, in the requester's language.
pub fn problem(state: &AppState, ctx: &Ctx, err: &AppError) -> Response {
    problem_with_status(state, ctx, err, err.status())
}

/// The same, for a response whose status was decided elsewhere (a rejection from axum): the
/// body's `status` is always the status sent.
pub fn problem_with_status(
    state: &AppState,
    ctx: &Ctx,
    err: &AppError,
    status: StatusCode,
) -> Response {
    let i18n = &state.i18n;
    let code = err.code();
    let mut body = Problem {
        kind: format!("/problems/{code}"),
        title: i18n.text(ctx.lang, &format!("problem-{code}-title")),
        status: status.as_u16(),
        detail: err.detail(state, ctx.lang),
        code: code.to_string(),
        errors: None,
        reason: None,
        workshop: None,
        current_etag: None,
    };
    match err {
        AppError::Invalid(errors) => {
            body.errors = Some(
                errors
                    .iter()
                    .map(|e| ProblemField {
                        field: e.field.to_string(),
                        code: e.message_id.to_string(),
                        message: app::forms::xlsform_problem(e, i18n, ctx.lang)
                            .or_else(|| app::tr::dated_problem(e, i18n, ctx.lang))
                            .unwrap_or_else(|| i18n.text(ctx.lang, e.message_id)),
                        english: e.english.clone(),
                    })
                    .collect(),
            );
        }
        AppError::Malformed(why) => body.reason = Some(why.clone()),
        AppError::TrainingRequired { workshop } => body.workshop = Some(workshop.clone()),
        AppError::PreconditionFailed { current_version } => {
            body.current_etag = Some(etag(*current_version));
        }
        _ => {}
    }
    let mut response = (status, Json(body)).into_response();
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
    if let AppError::Throttled {
        retry_after_seconds,
    } = err
        && let Ok(v) = HeaderValue::from_str(&retry_after_seconds.to_string())
    {
        response.headers_mut().insert(RETRY_AFTER, v);
    }
    response
}

/// A JSON body whose rejection (bad JSON, wrong content type) is a problem, not plain text.
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match Json::<T>::from_request(req, state).await {
            Ok(Json(value)) => Ok(Self(value)),
            Err(rejection) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                Err(AppError::BodyTooLarge)
            }
            Err(rejection) => Err(AppError::Malformed(rejection.body_text())),
        }
    }
}

/// The strong ETag of a record at `version`.
pub fn etag(version: i64) -> String {
    format!("\"{version}\"")
}

/// The version an update is based on, from `If-Match`: required (428 without it). It is
/// compared with the record as loaded, before any rule of the change is checked, so a stale tag
/// is always 412 (naming the current version), never a complaint about the change itself.
/// `*` matches whatever version exists (RFC 9110 §13.1.1); a list matches if any tag does.
pub fn if_match(headers: &HeaderMap, current_version: i64) -> Result<i64, AppError> {
    let value = headers
        .get(IF_MATCH)
        .ok_or(AppError::PreconditionRequired)?;
    let text = value
        .to_str()
        .map_err(|_| AppError::Malformed("If-Match is not text".into()))?;
    let matches = |tag: &str| {
        let tag = tag.trim();
        // A proxy that compresses may have weakened our tag; the version in it still counts.
        tag == "*"
            || tag
                .trim_start_matches("W/")
                .trim_matches('"')
                .parse::<i64>()
                == Ok(current_version)
    };
    if text.split(',').any(matches) {
        Ok(current_version)
    } else {
        Err(AppError::PreconditionFailed { current_version })
    }
}

/// A JSON response with an ETag.
pub fn with_etag<T: Serialize>(version: i64, body: T) -> Response {
    let mut response = Json(body).into_response();
    if let Ok(v) = HeaderValue::from_str(&etag(version)) {
        response.headers_mut().insert(ETAG, v);
    }
    response
}

/// A record just made: 201 Created, its ETag, and where it now lives (`Location`).
pub fn created<T: Serialize>(version: i64, body: T, location: &str) -> Response {
    let mut response = with_etag(version, body);
    *response.status_mut() = StatusCode::CREATED;
    if let Ok(v) = HeaderValue::from_str(location) {
        response
            .headers_mut()
            .insert(axum::http::header::LOCATION, v);
    }
    response
}

/// An organisation of the directory.
#[derive(Serialize, ToSchema)]
#[schema(as = Organisation)]
pub struct OrgJson {
    #[schema(format = Uuid)]
    pub id: String,
    pub name: String,
    #[schema(value_type = names::OrgKindName)]
    pub kind: String,
    /// ISO 3166-1 alpha-2.
    #[schema(pattern = "^[A-Z]{2}$")]
    pub country: String,
    pub district: Option<String>,
    #[schema(value_type = Vec<names::LanguageCode>)]
    pub languages: Vec<String>,
    /// Its IANA time-zone name: where its days begin.
    #[schema(example = "Asia/Kolkata")]
    pub time_zone: String,
    /// The version, as in the ETag.
    pub version: i64,
    #[schema(format = DateTime)]
    pub created_at: String,
    #[schema(format = DateTime)]
    pub updated_at: String,
}

impl From<&Organisation> for OrgJson {
    fn from(org: &Organisation) -> Self {
        Self {
            id: org.id.to_string(),
            name: org.fields.name.to_string(),
            kind: org.fields.kind.to_string(),
            country: org.fields.country.to_string(),
            district: org.fields.district.clone(),
            languages: org
                .fields
                .languages
                .iter()
                .map(|l| l.code().to_string())
                .collect(),
            time_zone: org.fields.time_zone.to_string(),
            version: org.version,
            created_at: org.created_at.to_rfc3339(),
            updated_at: org.updated_at.to_rfc3339(),
        }
    }
}

/// A user account.
#[derive(Serialize, ToSchema)]
#[schema(as = User)]
pub struct UserJson {
    #[schema(format = Uuid)]
    pub id: String,
    #[schema(format = Uuid)]
    pub organisation_id: String,
    pub username: String,
    pub display_name: Option<String>,
    #[schema(value_type = Vec<names::RoleName>)]
    pub roles: Vec<String>,
    #[schema(value_type = names::LanguageCode)]
    pub language: String,
    pub active: bool,
    /// The version, as in the ETag.
    pub version: i64,
    #[schema(format = DateTime)]
    pub created_at: String,
    #[schema(format = DateTime)]
    pub updated_at: String,
}

impl From<&User> for UserJson {
    fn from(user: &User) -> Self {
        Self {
            id: user.id.to_string(),
            organisation_id: user.org_id.to_string(),
            username: user.username.to_string(),
            display_name: user.display_name.clone(),
            roles: user.roles.iter().map(|r| r.as_str().to_string()).collect(),
            language: user.language.code().to_string(),
            active: user.active,
            version: user.version,
            created_at: user.created_at.to_rfc3339(),
            updated_at: user.updated_at.to_rfc3339(),
        }
    }
}

/// `GET /api/v1/openapi.json`: the document, derived from the types below and the handlers'
/// annotations.
#[utoipa::path(get, path = "/api/v1/openapi.json", tag = "meta", security(),
    summary = "This document.",
    responses((status = 200, description = "The OpenAPI document.", body = Object)))]
pub async fn openapi_document() -> Response {
    Json(crate::openapi::document()).into_response()
}
