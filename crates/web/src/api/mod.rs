//! The JSON API under `/api/v1`: bearer tokens, `application/problem+json` errors, ETags and
//! `If-Match` on every update.

pub mod audit;
pub mod cases;
pub mod forms;
pub mod glossary;
pub mod handovers;
pub mod me;
pub mod organisations;
pub mod packages;
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
use serde_json::json;

use crate::{AppError, AppState, Ctx};

pub const PROBLEM_JSON: &str = "application/problem+json";

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
    let mut body = json!({
        "type": format!("/problems/{code}"),
        "title": i18n.text(ctx.lang, &format!("problem-{code}-title")),
        "status": status.as_u16(),
        "detail": err.detail(i18n, ctx.lang),
        "code": code,
    });
    match err {
        AppError::Invalid(errors) => {
            body["errors"] = errors
                .iter()
                .map(|e| {
                    // `english` names the particular problem (which choice list, which
                    // package check) for scripts and logs; `message` says it in her language.
                    json!({
                        "field": e.field,
                        "code": e.message_id,
                        "message": app::forms::more_problems(e, i18n, ctx.lang)
                            .unwrap_or_else(|| i18n.text(ctx.lang, e.message_id)),
                        "english": e.english,
                    })
                })
                .collect();
        }
        AppError::Malformed(why) => body["reason"] = json!(why),
        AppError::TrainingRequired { workshop } => body["workshop"] = json!(workshop),
        AppError::PreconditionFailed { current_version } => {
            body["current_etag"] = json!(etag(*current_version));
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

#[derive(Serialize)]
pub struct OrgJson {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub country: String,
    pub district: Option<String>,
    pub languages: Vec<String>,
    pub version: i64,
    pub created_at: String,
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
            version: org.version,
            created_at: org.created_at.to_rfc3339(),
            updated_at: org.updated_at.to_rfc3339(),
        }
    }
}

#[derive(Serialize)]
pub struct UserJson {
    pub id: String,
    pub organisation_id: String,
    pub username: String,
    pub display_name: Option<String>,
    pub roles: Vec<String>,
    pub language: String,
    pub active: bool,
    pub version: i64,
    pub created_at: String,
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

pub async fn openapi_document() -> Response {
    Json(crate::openapi::document()).into_response()
}
