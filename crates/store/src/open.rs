//! Opening a store from a database URL.

use std::fmt;
use std::sync::Arc;

use crate::postgres::PgStore;
use crate::sqlite::SqliteStore;
use crate::{Store, StoreError};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

impl fmt::Display for Engine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Sqlite => "SQLite",
            Self::Postgres => "PostgreSQL",
        })
    }
}

/// Opens (creating if needed, for SQLite) the database at `url` and brings its schema up to
/// date. `sqlite://saathi.db` is a file in the working directory; `postgres://…` a server.
pub async fn open(url: &str) -> Result<Arc<dyn Store>, StoreError> {
    let store = connect(url).await?;
    store.migrate().await?;
    // Every new Saathi starts with the starter glossary; the network curates it from there.
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0);
    match store
        .seed_glossary(
            &domain::glossary::starter(),
            domain::Timestamp::from_millis(now),
        )
        .await
    {
        // Another process loaded it at the same moment.
        Ok(_) | Err(StoreError::Duplicate(_)) => Ok(store),
        Err(e) => Err(e),
    }
}

/// Connects without migrating (for `saathi migrate` to report what it does).
pub async fn connect(url: &str) -> Result<Arc<dyn Store>, StoreError> {
    let trimmed = url.trim();
    if trimmed.starts_with("sqlite:") {
        Ok(Arc::new(SqliteStore::connect(trimmed).await?))
    } else if trimmed.starts_with("postgres://") || trimmed.starts_with("postgresql://") {
        Ok(Arc::new(PgStore::connect(trimmed).await?))
    } else {
        Err(StoreError::UnsupportedUrl(trimmed.to_string()))
    }
}
