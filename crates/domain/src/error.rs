//! The domain's one error type. Each variant has a stable Fluent message id (`message_id`), so
//! the web and CLI can say it in the reader's language.

use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DomainError {
    #[error("{value:?} is not a valid {what} id")]
    InvalidId { what: &'static str, value: String },
    #[error("unknown language {0:?}: use bn, hi or en")]
    UnknownLanguage(String),
    #[error(
        "unknown role {0:?}: use network-admin, director, case-worker, counsellor, care-giver, trainer or survivor"
    )]
    UnknownRole(String),
    #[error("unknown organisation kind {0:?}: use destination, transit, source or community")]
    UnknownOrgKind(String),
    #[error("{0:?} is not a two-letter country code such as IN, BD or NP")]
    InvalidCountry(String),
    #[error("an organisation name must not be empty")]
    EmptyOrgName,
    #[error("an organisation name must be at most 200 characters")]
    OrgNameTooLong,
    #[error("a district must be at most 100 characters")]
    DistrictTooLong,
    #[error("a username must be 3 to 64 characters of lower-case letters, digits, '.', '-' or '_'")]
    InvalidUsername,
    #[error("a display name must be at most 120 characters")]
    DisplayNameTooLong,
    #[error("a user needs at least one role")]
    NoRoles,
    #[error("the password must be at least {min} characters long")]
    PasswordTooShort { min: usize },
    #[error("the password is too common; choose a longer, less predictable one")]
    PasswordTooCommon,
    #[error("the password must not contain the username")]
    PasswordContainsUsername,
}

impl DomainError {
    /// The Fluent message id that explains this error to a person.
    pub fn message_id(&self) -> &'static str {
        match self {
            Self::InvalidId { .. } => "error-invalid-id",
            Self::UnknownLanguage(_) => "error-unknown-language",
            Self::UnknownRole(_) => "error-unknown-role",
            Self::UnknownOrgKind(_) => "error-unknown-org-kind",
            Self::InvalidCountry(_) => "error-invalid-country",
            Self::EmptyOrgName => "error-empty-org-name",
            Self::OrgNameTooLong => "error-org-name-too-long",
            Self::DistrictTooLong => "error-district-too-long",
            Self::InvalidUsername => "error-invalid-username",
            Self::DisplayNameTooLong => "error-display-name-too-long",
            Self::NoRoles => "error-no-roles",
            Self::PasswordTooShort { .. } => "error-password-too-short",
            Self::PasswordTooCommon => "error-password-too-common",
            Self::PasswordContainsUsername => "error-password-contains-username",
        }
    }
}
