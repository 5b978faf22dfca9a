//! The SQLite store: the default, one file beside the binary, in WAL mode with foreign keys on.
//!
//! Two pools (issue 16): readers, several, and one writer. SQLite lets one transaction write at
//! a time anyway; with a single writer connection the writes queue in the pool instead of
//! spinning on the busy timeout, and reads never wait behind them (WAL). `synchronous=FULL`:
//! a commit is on disk, through a power cut, when it returns.

use std::str::FromStr;
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Sqlite, SqliteConnection, SqlitePool, Transaction};

use crate::readings::Readings;
use crate::{Engine, StoreError};

pub(crate) struct SqliteStore {
    /// Readers: queries that change nothing.
    pool: SqlitePool,
    /// The one connection that writes.
    writer: SqlitePool,
    /// The group commit of the audit entries of readings.
    readings: Readings,
    /// How common each search term was a minute ago (`term_counts.rs`).
    term_counts: crate::term_counts::TermCounts,
    secrets: crate::Secrets,
}

impl SqliteStore {
    const ENGINE: Engine = Engine::Sqlite;

    pub(crate) async fn connect(url: &str, secrets: crate::Secrets) -> Result<Self, StoreError> {
        let options = SqliteConnectOptions::from_str(url)
            .map_err(|e| StoreError::InvalidUrl(e.to_string()))?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        // The writer first: it creates the file and puts it in WAL mode.
        let writer = SqlitePoolOptions::new()
            .max_connections(1)
            .connect_with(options.clone())
            .await
            .map_err(StoreError::Connect)?;
        let pool = SqlitePoolOptions::new()
            .max_connections(crate::readings::pool_size())
            .connect_with(options)
            .await
            .map_err(StoreError::Connect)?;
        let batches = writer.clone();
        let readings = Readings::start(move |events| {
            let pool = batches.clone();
            async move { Self::append_batch(&pool, &events).await }
        });
        Ok(Self {
            pool,
            writer,
            readings,
            term_counts: Default::default(),
            secrets,
        })
    }

    fn migrator() -> sqlx::migrate::Migrator {
        sqlx::migrate!("migrations/sqlite")
    }

    /// `BEGIN IMMEDIATE` takes SQLite's write lock at the start, so two writers queue (up to the
    /// busy timeout) instead of one failing when it upgrades a read transaction.
    async fn begin_write_on(pool: &SqlitePool) -> Result<Transaction<'static, Sqlite>, StoreError> {
        Ok(pool.begin_with("BEGIN IMMEDIATE").await?)
    }

    /// The write lock taken by `begin_write` already serialises appends to the audit chain.
    async fn lock_audit(_conn: &mut SqliteConnection) -> Result<(), StoreError> {
        Ok(())
    }
}

crate::sql::impl_store!(SqliteStore, Sqlite);
crate::case_sql::impl_case_store!(SqliteStore, Sqlite);
crate::package_sql::impl_package_store!(SqliteStore, Sqlite);
crate::glossary_sql::impl_glossary_store!(SqliteStore, Sqlite);
crate::forms_sql::impl_form_store!(SqliteStore, Sqlite);
crate::training::impl_training_store!(SqliteStore, Sqlite);
crate::survivor_training::impl_survivor_training_store!(SqliteStore, Sqlite);
crate::twofactor::impl_two_factor_store!(SqliteStore, Sqlite);
crate::safekeeping::impl_safekeeping_store!(SqliteStore, Sqlite);
crate::zones::impl_time_zone_store!(SqliteStore, Sqlite);
crate::indicators::impl_indicator_store!(SqliteStore, Sqlite);
crate::indicator_cases::impl_indicator_case_store!(SqliteStore, Sqlite);
crate::continuity::impl_continuity_store!(SqliteStore, Sqlite);
