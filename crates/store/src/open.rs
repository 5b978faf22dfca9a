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
    open_with(url, None).await
}

/// Opens the store with the key file's sealer: secrets are written sealed and read through it
/// (decision 0005). `open` is `open_with(url, None)`.
pub async fn open_with(
    url: &str,
    sealer: Option<keyfile::Sealer>,
) -> Result<Arc<dyn Store>, StoreError> {
    let store = connect(url, crate::Secrets::new(sealer)).await?;
    store.migrate().await?;
    // Every new Saathi starts with the starter glossary and the built-in tools; the network
    // curates them from there.
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0);
    let at = domain::Timestamp::from_millis(now);
    // Another process may load them at the same moment: its marker row wins, ours rolls back.
    for seeded in [
        store
            .seed_glossary(
                &domain::glossary::starter_terms(),
                domain::glossary::STARTER_EDITION,
                at,
            )
            .await,
        store.seed_forms(&domain::form::built_in(), at).await,
    ] {
        match seeded {
            Ok(_) | Err(StoreError::Duplicate(_)) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(store)
}

/// Connects without migrating (for `saathi migrate` to report what it does).
pub async fn connect(url: &str, secrets: crate::Secrets) -> Result<Arc<dyn Store>, StoreError> {
    let trimmed = url.trim();
    if trimmed.starts_with("sqlite:") {
        Ok(Arc::new(SqliteStore::connect(trimmed, secrets).await?))
    } else if trimmed.starts_with("postgres://") || trimmed.starts_with("postgresql://") {
        Ok(Arc::new(PgStore::connect(trimmed, secrets).await?))
    } else {
        Err(StoreError::UnsupportedUrl(trimmed.to_string()))
    }
}
