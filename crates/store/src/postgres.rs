//! The PostgreSQL store, for a network hub that outgrows one machine.

use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::{PgConnection, PgPool, Postgres, Transaction};

use crate::readings::Readings;
use crate::{Engine, StoreError};

/// An arbitrary constant naming the advisory lock that serialises audit appends.
const AUDIT_LOCK: i64 = 0x5AA7_A1D1;

pub(crate) struct PgStore {
    pool: PgPool,
    /// The same pool: PostgreSQL writes from any connection.
    writer: PgPool,
    /// The group commit of the audit entries of readings.
    readings: Readings,
    /// How common each search term was a minute ago (`term_counts.rs`).
    term_counts: crate::term_counts::TermCounts,
    secrets: crate::Secrets,
}

impl PgStore {
    const ENGINE: Engine = Engine::Postgres;

    pub(crate) async fn connect(url: &str, secrets: crate::Secrets) -> Result<Self, StoreError> {
        let options =
            PgConnectOptions::from_str(url).map_err(|e| StoreError::InvalidUrl(e.to_string()))?;
        // Sized to the cores (issue 16): the database does the work of a query, on the same
        // cores, and connections beyond them only queue there.
        let pool = PgPoolOptions::new()
            .max_connections(crate::readings::pool_size())
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(options)
            .await
            .map_err(StoreError::Connect)?;
        let batches = pool.clone();
        let readings = Readings::start(move |events| {
            let pool = batches.clone();
            async move { Self::append_batch(&pool, &events).await }
        });
        Ok(Self {
            writer: pool.clone(),
            pool,
            readings,
            term_counts: Default::default(),
            secrets,
        })
    }

    fn migrator() -> sqlx::migrate::Migrator {
        sqlx::migrate!("migrations/postgres")
    }

    async fn begin_write_on(pool: &PgPool) -> Result<Transaction<'static, Postgres>, StoreError> {
        Ok(pool.begin().await?)
    }

    /// Concurrent transactions must append to the chain one at a time, or two entries would
    /// claim the same predecessor. The lock is released at commit or rollback.
    async fn lock_audit(conn: &mut PgConnection) -> Result<(), StoreError> {
        sqlx::query("SELECT pg_advisory_xact_lock($1)")
            .bind(AUDIT_LOCK)
            .execute(conn)
            .await?;
        Ok(())
    }
}

crate::sql::impl_store!(PgStore, Postgres);
crate::case_sql::impl_case_store!(PgStore, Postgres);
crate::package_sql::impl_package_store!(PgStore, Postgres);
crate::glossary_sql::impl_glossary_store!(PgStore, Postgres);
crate::forms_sql::impl_form_store!(PgStore, Postgres);
crate::training::impl_training_store!(PgStore, Postgres);
crate::survivor_training::impl_survivor_training_store!(PgStore, Postgres);
crate::twofactor::impl_two_factor_store!(PgStore, Postgres);
crate::safekeeping::impl_safekeeping_store!(PgStore, Postgres);
crate::zones::impl_time_zone_store!(PgStore, Postgres);
crate::indicators::impl_indicator_store!(PgStore, Postgres);
crate::indicator_cases::impl_indicator_case_store!(PgStore, Postgres);
crate::continuity::impl_continuity_store!(PgStore, Postgres);
