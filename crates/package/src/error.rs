//! Why a package could not be made or opened. Each reason has a message id so the web pages
//! can say it in the reader's language; the English text is for the CLI and the logs.

#[derive(Debug, thiserror::Error)]
pub enum PackageError {
    #[error("this file is not a Saathi handover package (it is not age-encrypted)")]
    NotAPackage,
    #[error("the package is damaged or incomplete: {0}")]
    Damaged(String),
    #[error("the package is not addressed to an organisation whose key this server holds")]
    NotForUs,
    #[error("the package layout is not valid: {0}")]
    Malformed(String),
    #[error("the package has layout version {0}, which this Saathi does not know")]
    UnknownVersion(String),
    #[error("the signature does not match: the package was changed or signed by another key")]
    BadSignature,
    #[error("the sender {name} ({id}) is not in the organisation directory; trust its keys first")]
    UnknownSender { name: String, id: uuid::Uuid },
    #[error("the package is addressed to {name} ({id}), not to this organisation")]
    WrongAddressee { name: String, id: uuid::Uuid },
    #[error("a key is not valid: {0}")]
    Key(String),
    #[error("the package could not be sealed: {0}")]
    Seal(String),
}

impl PackageError {
    /// The Fluent id of the message that explains it.
    pub fn message_id(&self) -> &'static str {
        match self {
            PackageError::NotAPackage => "package-error-not-a-package",
            PackageError::Damaged(_) => "package-error-damaged",
            PackageError::NotForUs => "package-error-not-for-us",
            PackageError::Malformed(_) => "package-error-malformed",
            PackageError::UnknownVersion(_) => "package-error-unknown-version",
            PackageError::BadSignature => "package-error-bad-signature",
            PackageError::UnknownSender { .. } => "package-error-unknown-sender",
            PackageError::WrongAddressee { .. } => "package-error-wrong-addressee",
            PackageError::Key(_) => "package-error-key",
            PackageError::Seal(_) => "package-error-seal",
        }
    }
}
