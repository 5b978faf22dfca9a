//! Every way a request can fail, each with a status and the Fluent ids that explain it.
//!
//! Handlers return `AppError`; its `IntoResponse` only marks the response. The context
//! middleware then renders the mark for the reader: an HTML page in her language, or an
//! `application/problem+json` body for the API. Causes of internal errors are logged, never
//! shown.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use domain::DomainError;
use domain::policy::DenyReason;
use store::StoreError;

/// A problem with one field of a form or JSON body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The form field / JSON member, e.g. `password`, or an input named at run time
    /// (`members.1.age` in a form).
    pub field: std::borrow::Cow<'static, str>,
    /// The Fluent id of the message.
    pub message_id: &'static str,
    /// The English text (for the CLI, logs and the API's `detail`).
    pub english: String,
}

impl FieldError {
    pub fn new(field: &'static str, err: &DomainError) -> Self {
        Self {
            field: field.into(),
            message_id: err.message_id(),
            english: err.to_string(),
        }
    }

    pub fn required(field: &'static str) -> Self {
        Self {
            field: field.into(),
            message_id: "error-required",
            english: format!("{field} is required"),
        }
    }
}

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

    /// The error for a refusal: a training gate names the workshop she needs, so she knows
    /// what to do next; anything else says why in general.
    pub fn refused(
        actor: &domain::policy::Actor,
        action: domain::policy::Action,
        reason: DenyReason,
    ) -> Self {
        match (reason, actor.training.unmet(&actor.roles, action)) {
            (DenyReason::TrainingRequired, Some(gate)) => Self::TrainingRequired {
                workshop: gate.workshop.clone(),
            },
            _ => Self::Forbidden(reason),
        }
    }

    /// The detail sentence in `lang`, with the workshop's title for a training gate.
    pub fn detail(&self, i18n: &i18n::I18n, lang: domain::Language) -> String {
        match self {
            Self::TrainingRequired { workshop } => {
                let title = crate::training::programme()
                    .ok()
                    .and_then(|p| p.workshop(workshop).map(|w| w.title.get(lang).to_string()))
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

    /// One English line, for the command line.
    pub fn english(&self) -> String {
        match self {
            Self::Invalid(errors) => errors
                .iter()
                .map(|e| e.english.clone())
                .collect::<Vec<_>>()
                .join("; "),
            Self::Malformed(why) => format!("the request could not be read: {why}"),
            Self::Duplicate("error-duplicate-username") => "that username is already taken".into(),
            Self::Duplicate("package-error-voice-exists") => {
                "an entry of her words in this package is already on this server; nothing was imported"
                    .into()
            }
            Self::Duplicate("package-error-document-exists") => {
                "a document in this package is already on this server; nothing was imported".into()
            }
            Self::Duplicate("package-error-record-exists") => {
                "a record in this package is already on this server; nothing was imported".into()
            }
            Self::BadEncoding => "the text sent is not valid UTF-8".into(),
            Self::MethodNotAllowed => "this path does not take that method".into(),
            Self::BodyTooLarge => "the request body is larger than this route takes".into(),
            Self::Duplicate(_) => "an organisation with that name already exists".into(),
            Self::NotFound => "not found".into(),
            Self::Forbidden(reason) => format!("not allowed ({reason:?})"),
            Self::TrainingRequired { workshop } => {
                format!("the network asks for the workshop {workshop:?} to be completed first")
            }
            Self::Internal(_) => "an internal error occurred; see the log".into(),
            other => other.code().replace('-', " "),
        }
    }
}

impl From<StoreError> for AppError {
    fn from(err: StoreError) -> Self {
        match err {
            StoreError::NotFound => Self::NotFound,
            StoreError::Duplicate("username") => Self::Duplicate("error-duplicate-username"),
            StoreError::Duplicate(_) => Self::Duplicate("error-duplicate-organisation"),
            StoreError::Conflict { current, .. } => Self::PreconditionFailed {
                current_version: current,
            },
            other => Self::Internal(other.to_string()),
        }
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
