use thiserror::Error;

#[derive(Debug, Error)]
pub enum StoreError {
    /// The `--database-url` could not be understood.
    #[error("invalid database URL: {0}")]
    InvalidUrl(String),
    /// The URL names an engine Saathi does not support.
    #[error(
        "unsupported database URL {0:?}: use sqlite://FILE or postgres://USER:PASSWORD@HOST/DB"
    )]
    UnsupportedUrl(String),
    /// Connecting failed (server down, wrong password, unwritable file).
    #[error("cannot open the database: {0}")]
    Connect(#[source] sqlx::Error),
    #[error("database migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// A unique value is taken (an organisation name, a username).
    #[error("{0} already exists")]
    Duplicate(&'static str),
    /// The record was changed by someone else since the version the caller read.
    #[error("the record was changed since version {expected}; it is now at version {current}")]
    Conflict { expected: i64, current: i64 },
    #[error("not found")]
    NotFound,
    /// A stored value no longer parses: the database was edited outside Saathi. The text names
    /// the column (or the record) and the value.
    #[error("stored data is not valid: {0}")]
    Corrupt(String),
    #[error("database error: {0}")]
    Database(#[source] sqlx::Error),
    /// A batch of audit entries recording readings was not written (group commit): every
    /// reading in it is refused, none is answered as recorded.
    #[error("the audit entries of this batch were not written: {0}")]
    AuditBatch(String),
    /// A sealed secret could not be opened: no key file, or another one.
    #[error("{0}")]
    Secret(String),
}

impl StoreError {
    /// Maps a query error, turning unique-constraint violations into `Duplicate(what)`.
    pub(crate) fn from_write(err: sqlx::Error, what: &'static str) -> Self {
        match &err {
            sqlx::Error::Database(db) if db.is_unique_violation() => Self::Duplicate(what),
            _ => Self::from_sqlx(err),
        }
    }

    /// Names a unique violation that surfaced as a plain database error (a query run with `?`).
    pub(crate) fn named(self, what: &'static str) -> Self {
        match self {
            Self::Database(err) => Self::from_write(err, what),
            other => other,
        }
    }

    /// The Fluent message id that explains this error to a person.
    pub fn message_id(&self) -> &'static str {
        match self {
            Self::InvalidUrl(_) | Self::UnsupportedUrl(_) => "error-database-url",
            Self::Duplicate("username") => "error-duplicate-username",
            Self::Duplicate(_) => "error-duplicate-organisation",
            Self::Conflict { .. } => "error-conflict",
            Self::NotFound => "error-not-found",
            _ => "error-internal",
        }
    }
}

impl From<sqlx::Error> for StoreError {
    fn from(err: sqlx::Error) -> Self {
        Self::from_sqlx(err)
    }
}

impl From<domain::DomainError> for StoreError {
    fn from(err: domain::DomainError) -> Self {
        Self::Corrupt(err.to_string())
    }
}
