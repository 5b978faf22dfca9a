//! Every way a service can refuse or fail, each with the Fluent ids that explain it. No HTTP
//! status here: `web` maps each variant to one, the CLI to one line of English.

use domain::DomainError;
use domain::policy::{Action, Actor, DenyReason};
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

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// Nobody is signed in where a person must act.
    #[error("sign-in required")]
    SignInRequired,
    /// The policy said no.
    #[error("not allowed ({0:?})")]
    Forbidden(DenyReason),
    /// A training gate: the network asks for this workshop (a template key) first.
    #[error("the network asks for the workshop {workshop:?} to be completed first")]
    TrainingRequired { workshop: String },
    #[error("not found")]
    NotFound,
    /// What was sent could not be read at all (a package that is not one, a broken upload).
    #[error("the request could not be read: {0}")]
    Malformed(String),
    /// It was read, but fields are wrong.
    #[error("{}", english_of(.0))]
    Invalid(Vec<FieldError>),
    /// A unique value is taken; the id says which (`error-duplicate-username` …).
    #[error("{}", duplicate_english(.0))]
    Duplicate(&'static str),
    /// The change was based on a version that is no longer current.
    #[error("the record changed since it was read (now version {current_version})")]
    PreconditionFailed { current_version: i64 },
    /// An attachment over the limit.
    #[error("the file is larger than allowed")]
    TooLarge,
    /// Something broke on our side; the cause is logged, not shown.
    #[error("an internal error occurred: {0}")]
    Internal(String),
}

fn english_of(errors: &[FieldError]) -> String {
    errors
        .iter()
        .map(|e| e.english.clone())
        .collect::<Vec<_>>()
        .join("; ")
}

fn duplicate_english(id: &str) -> String {
    match id {
        "error-duplicate-username" => "that username is already taken".into(),
        "package-error-voice-exists" => {
            "an entry of her words in this package is already on this server; nothing was imported"
                .into()
        }
        "package-error-document-exists" => {
            "a document in this package is already on this server; nothing was imported".into()
        }
        "package-error-record-exists" => {
            "a record in this package is already on this server; nothing was imported".into()
        }
        "error-duplicate-organisation" => "an organisation with that name already exists".into(),
        other => format!("already exists ({other})"),
    }
}

impl Error {
    pub fn internal(cause: impl Into<String>) -> Self {
        Self::Internal(cause.into())
    }

    /// The error for a refusal: a training gate names the workshop she needs, so she knows
    /// what to do next; anything else says why in general.
    pub fn refused(actor: &Actor, action: Action, reason: DenyReason) -> Self {
        match (reason, actor.training.unmet(&actor.roles, action)) {
            (DenyReason::TrainingRequired, Some(gate)) => Self::TrainingRequired {
                workshop: gate.workshop.clone(),
            },
            _ => Self::Forbidden(reason),
        }
    }

    /// One English line, for the command line: an internal cause stays in the log.
    pub fn english(&self) -> String {
        match self {
            Self::Internal(_) => "an internal error occurred; see the log".into(),
            other => other.to_string(),
        }
    }
}

impl From<StoreError> for Error {
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
