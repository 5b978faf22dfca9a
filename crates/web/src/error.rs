//! Every way a request can fail, each with a status and the Fluent ids that explain it: the
//! services' [`app::Error`] mapped to its status, and what only HTTP can get wrong (a CSRF token,
//! a method, a body's size or encoding).
//!
//! Handlers return `AppError`; its `IntoResponse` only marks the response. The context
//! middleware then renders the mark for the reader: an HTML page in her language, or an
//! `application/problem+json` body for the API. Causes of internal errors are logged, never
//! shown.

use app::FieldError;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use domain::policy::DenyReason;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AppError {
    /// No session or token.
    SignInRequired,
    Forbidden(DenyReason),
    /// A training gate: the network asks for this workshop (a template key) first.
    TrainingRequired {
        workshop: String,
    },
    /// A form without the right CSRF token.
    CsrfFailed,
    NotFound,
    /// The body could not be read at all (malformed JSON, wrong content type).
    Malformed(String),
    /// The body was read, but fields are wrong.
    Invalid(Vec<FieldError>),
    /// A unique value is taken; the id says which (`error-duplicate-username` …).
    Duplicate(&'static str),
    /// `If-Match` names a version that is no longer current.
    PreconditionFailed {
        current_version: i64,
    },
    /// An update came without `If-Match`.
    PreconditionRequired,
    /// The body is larger than the route takes (an attachment over the limit).
    TooLarge,
    /// A request body (JSON, a form) over the limit of the route.
    BodyTooLarge,
    /// The path exists, but not with this method (405; the `Allow` header lists the others).
    MethodNotAllowed,
    /// A form whose text is not valid UTF-8: refused rather than saved with replacement
    /// characters.
    BadEncoding,
    /// Too many failed sign-ins.
    Throttled {
        retry_after_seconds: i64,
    },
    /// Something broke on our side; the cause is logged, not shown.
    Internal(String),
}

impl AppError {
    pub fn internal(cause: impl Into<String>) -> Self {
        Self::Internal(cause.into())
    }

    /// The detail sentence in `lang`, with the workshop's title for a training gate.
    pub fn detail(&self, app: &app::App, lang: domain::Language) -> String {
        let i18n = &app.i18n;
        match self {
            Self::TrainingRequired { workshop } => {
                let title = app
                    .programme()
                    .workshop(workshop)
                    .map(|w| w.title.get(lang).to_string())
                    .unwrap_or_else(|| workshop.clone());
                i18n.text_with(
                    lang,
                    "forbidden-training-required",
                    &[("workshop", i18n::Arg::Text(title))],
                )
            }
            other => i18n.text(lang, other.detail_id()),
        }
    }

    pub fn status(&self) -> StatusCode {
        match self {
            Self::SignInRequired => StatusCode::UNAUTHORIZED,
            Self::Forbidden(_) | Self::TrainingRequired { .. } | Self::CsrfFailed => {
                StatusCode::FORBIDDEN
            }
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::Malformed(_) => StatusCode::BAD_REQUEST,
            Self::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::Duplicate(_) => StatusCode::CONFLICT,
            Self::PreconditionFailed { .. } => StatusCode::PRECONDITION_FAILED,
            Self::PreconditionRequired => StatusCode::PRECONDITION_REQUIRED,
            Self::Throttled { .. } => StatusCode::TOO_MANY_REQUESTS,
            Self::TooLarge | Self::BodyTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Self::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            Self::BadEncoding => StatusCode::BAD_REQUEST,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// A stable code, used as the problem `type` and as the stem of the Fluent ids
    /// `problem-CODE-title` and `problem-CODE-detail`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::SignInRequired => "sign-in-required",
            Self::Forbidden(_) => "forbidden",
            Self::TrainingRequired { .. } => "training-required",
            Self::CsrfFailed => "csrf-failed",
            Self::NotFound => "not-found",
            Self::Malformed(_) => "malformed",
            Self::Invalid(_) => "invalid",
            Self::Duplicate(_) => "duplicate",
            Self::PreconditionFailed { .. } => "precondition-failed",
            Self::PreconditionRequired => "precondition-required",
            Self::Throttled { .. } => "throttled",
            Self::TooLarge | Self::BodyTooLarge => "too-large",
            Self::MethodNotAllowed => "method-not-allowed",
            Self::BadEncoding => "bad-encoding",
            Self::Internal(_) => "internal",
        }
    }

    /// The Fluent id of the detail sentence.
    pub fn detail_id(&self) -> &'static str {
        match self {
            Self::Forbidden(reason) => reason.message_id(),
            Self::TrainingRequired { .. } => "forbidden-training-required",
            Self::Duplicate(id) => id,
            Self::SignInRequired => "problem-sign-in-required-detail",
            Self::CsrfFailed => "problem-csrf-failed-detail",
            Self::NotFound => "problem-not-found-detail",
            Self::Malformed(_) => "problem-malformed-detail",
            Self::Invalid(_) => "problem-invalid-detail",
            Self::PreconditionFailed { .. } => "problem-precondition-failed-detail",
            Self::PreconditionRequired => "problem-precondition-required-detail",
            Self::Throttled { .. } => "problem-throttled-detail",
            Self::TooLarge => "problem-too-large-detail",
            Self::BodyTooLarge => "problem-body-too-large-detail",
            Self::MethodNotAllowed => "problem-method-not-allowed-detail",
            Self::BadEncoding => "problem-bad-encoding-detail",
            Self::Internal(_) => "problem-internal-detail",
        }
    }
}

/// The web's one mapping of a service's refusal to a status: every `app::Error` becomes the
/// `AppError` with the same meaning, whose `status` is the HTTP side of it.
impl From<app::Error> for AppError {
    fn from(err: app::Error) -> Self {
        use app::Error as E;
        match err {
            E::SignInRequired => Self::SignInRequired,
            E::Forbidden(reason) => Self::Forbidden(reason),
            E::TrainingRequired { workshop } => Self::TrainingRequired { workshop },
            E::NotFound => Self::NotFound,
            E::Malformed(why) => Self::Malformed(why),
            E::Invalid(errors) => Self::Invalid(errors),
            E::Duplicate(id) => Self::Duplicate(id),
            E::PreconditionFailed { current_version } => {
                Self::PreconditionFailed { current_version }
            }
            E::TooLarge => Self::TooLarge,
            E::Internal(cause) => Self::Internal(cause),
        }
    }
}

/// A store error reached a handler directly (a plain read): as the services map it.
impl From<store::StoreError> for AppError {
    fn from(err: store::StoreError) -> Self {
        app::Error::from(err).into()
    }
}

/// The mark the context middleware looks for.
#[derive(Debug, Clone)]
pub(crate) struct ErrorMark(pub AppError);

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        if let Self::Internal(cause) = &self {
            tracing::error!(%cause, "internal error");
        }
        let mut response = self.status().into_response();
        response.extensions_mut().insert(ErrorMark(self));
        response
    }
}
