//! Saathi's test kit, a dev-dependency of the crates whose tests touch a database.
//!
//! [`TestStore`] gives each test a fresh, empty store: a new SQLite file, or a new database on
//! the test PostgreSQL server, so tests run in parallel. [`on_both_engines!`] runs each test once
//! on each engine, because both must behave alike and only a test on both proves it.
//!
//! PostgreSQL tests need `SAATHI_TEST_POSTGRES_URL` (set by `scripts/test`, which installs and
//! starts the server).

use std::sync::Arc;

use sqlx::Connection;
use store::{Store, StoreError, open};

/// The two engines every storage test runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// Runs each listed test once on SQLite and once on PostgreSQL, as `sqlite::NAME` and
/// `postgres::NAME`.
///
/// A test is either an `async fn(Engine)`, which builds what it needs on that engine (the web
/// harness does), or an `async fn(&TestStore)`, which is handed a fresh store that is removed
/// when the test has passed (a failed test leaves its database for `scripts/test` to sweep, and
/// for a person to look at).
#[macro_export]
macro_rules! on_both_engines {
    ($($case:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $case() {
                    $crate::EngineTest::run(super::$case, $crate::Engine::Sqlite).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $case() {
                    $crate::EngineTest::run(super::$case, $crate::Engine::Postgres).await;
                }
            )*
        }
    };
}

/// A test [`on_both_engines!`] can run. `M` is [`TakesEngine`] or [`TakesStore`]: it only tells
/// the two kinds of test apart by their argument, so that one macro serves both.
pub trait EngineTest<M> {
    fn run(self, engine: Engine) -> impl Future<Output = ()>;
}

/// Marks an `async fn(Engine)` test.
pub enum TakesEngine {}

/// Marks an `async fn(&TestStore)` test.
pub enum TakesStore {}

impl<F, Fut> EngineTest<TakesEngine> for F
where
    F: FnOnce(Engine) -> Fut,
    Fut: Future<Output = ()>,
{
    async fn run(self, engine: Engine) {
        self(engine).await;
    }
}

impl<F> EngineTest<TakesStore> for F
where
    F: AsyncFnOnce(&TestStore),
{
    async fn run(self, engine: Engine) {
        let t = match TestStore::new(engine).await {
            Ok(t) => t,
            Err(err) => panic!("cannot make a {engine:?} store for the test: {err}"),
        };
        self(&t).await;
        t.finish().await;
    }
}

/// A store for one test, and what to remove when it is done.
pub struct TestStore {
    pub store: Arc<dyn Store>,
    url: String,
    cleanup: Cleanup,
}

enum Cleanup {
    File(std::path::PathBuf),
    Database { admin_url: String, name: String },
}

impl TestStore {
    /// A new store on `engine`.
    pub async fn new(engine: Engine) -> Result<Self, StoreError> {
        match engine {
            Engine::Sqlite => Self::sqlite().await,
            Engine::Postgres => Self::postgres().await,
        }
    }

    /// A new SQLite file in the temporary directory.
    pub async fn sqlite() -> Result<Self, StoreError> {
        let path = std::env::temp_dir().join(format!("saathi-test-{}.db", uuid::Uuid::now_v7()));
        let url = format!("sqlite://{}", path.display());
        let store = open(&url).await?;
        Ok(Self {
            store,
            url,
            cleanup: Cleanup::File(path),
        })
    }

    /// A new database on the test PostgreSQL server.
    pub async fn postgres() -> Result<Self, StoreError> {
        let admin_url = std::env::var("SAATHI_TEST_POSTGRES_URL").map_err(|_| {
            StoreError::InvalidUrl(
                "SAATHI_TEST_POSTGRES_URL is not set: run the tests with ./scripts/test, which \
                 starts PostgreSQL"
                    .into(),
            )
        })?;
        let name = format!("saathi_t_{}", uuid::Uuid::now_v7().simple());
        let mut admin = sqlx::PgConnection::connect(&admin_url)
            .await
            .map_err(StoreError::Connect)?;
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .execute(&mut admin)
            .await?;
        admin.close().await?;
        let url = replace_database(&admin_url, &name);
        let store = open(&url).await?;
        Ok(Self {
            store,
            url,
            cleanup: Cleanup::Database { admin_url, name },
        })
    }

    /// The database URL, for tests that run the `saathi` binary against this store.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Runs SQL behind the store's back, as someone editing the database by hand would: for
    /// tests that prove tampering is detected.
    pub async fn tamper(&self, sql: &str) -> Result<u64, StoreError> {
        let sql = sqlx::AssertSqlSafe(sql.to_string());
        let done = if self.url.starts_with("sqlite:") {
            let mut conn = sqlx::SqliteConnection::connect(&self.url)
                .await
                .map_err(StoreError::Connect)?;
            sqlx::query(sql).execute(&mut conn).await?.rows_affected()
        } else {
            let mut conn = sqlx::PgConnection::connect(&self.url)
                .await
                .map_err(StoreError::Connect)?;
            sqlx::query(sql).execute(&mut conn).await?.rows_affected()
        };
        Ok(done)
    }

    /// Removes the database. Leftovers of a failed test are swept by `scripts/test`.
    pub async fn finish(self) {
        drop(self.store);
        remove(self.cleanup).await;
    }
}

/// A database that exists (PostgreSQL) or may be created (SQLite) but holds nothing: what
/// `saathi restore` writes into.
pub struct EmptyDatabase {
    pub url: String,
    cleanup: Cleanup,
}

impl TestStore {
    /// A new, empty database on the same engine as this store.
    pub async fn empty_database(&self) -> Result<EmptyDatabase, StoreError> {
        match &self.cleanup {
            Cleanup::File(_) => {
                let path =
                    std::env::temp_dir().join(format!("saathi-test-{}.db", uuid::Uuid::now_v7()));
                Ok(EmptyDatabase {
                    url: format!("sqlite://{}", path.display()),
                    cleanup: Cleanup::File(path),
                })
            }
            Cleanup::Database { admin_url, .. } => {
                let name = format!("saathi_t_{}", uuid::Uuid::now_v7().simple());
                let mut admin = sqlx::PgConnection::connect(admin_url)
                    .await
                    .map_err(StoreError::Connect)?;
                sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                    .execute(&mut admin)
                    .await?;
                admin.close().await?;
                Ok(EmptyDatabase {
                    url: replace_database(admin_url, &name),
                    cleanup: Cleanup::Database {
                        admin_url: admin_url.clone(),
                        name,
                    },
                })
            }
        }
    }
}

impl EmptyDatabase {
    pub async fn finish(self) {
        remove(self.cleanup).await;
    }
}

async fn remove(cleanup: Cleanup) {
    match cleanup {
        Cleanup::File(path) => {
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
            }
        }
        Cleanup::Database { admin_url, name } => {
            if let Ok(mut admin) = sqlx::PgConnection::connect(&admin_url).await {
                let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
                    "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                )))
                .execute(&mut admin)
                .await;
            }
        }
    }
}

/// `postgres://u:p@h:5432/db?x=y` with `db` replaced.
fn replace_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (url, None),
    };
    let scheme_end = base.find("://").map(|i| i + 3).unwrap_or(0);
    let prefix = match base[scheme_end..].find('/') {
        Some(slash) => &base[..scheme_end + slash],
        None => base,
    };
    match query {
        Some(query) => format!("{prefix}/{name}?{query}"),
        None => format!("{prefix}/{name}"),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn database_name_is_replaced() {
        assert_eq!(
            super::replace_database(
                "postgres://u:p@127.0.0.1:5432/saathi_test?sslmode=disable",
                "x"
            ),
            "postgres://u:p@127.0.0.1:5432/x?sslmode=disable"
        );
        assert_eq!(
            super::replace_database("postgres://h", "x"),
            "postgres://h/x"
        );
    }
}
