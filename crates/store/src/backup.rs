//! Consistent copies of a running database, and what a restore needs: SQLite's `VACUUM INTO`
//! (a read transaction, so writers carry on), and PostgreSQL's own `pg_dump` / `pg_restore`.
//! Encryption and files are the caller's (`saathi backup`, `saathi restore`).

use std::path::{Path, PathBuf};
use std::str::FromStr;

use sqlx::Connection;

use crate::{Engine, StoreError};

/// Which engine a database URL names.
pub fn engine_of(url: &str) -> Result<Engine, StoreError> {
    let url = url.trim();
    if url.starts_with("sqlite:") {
        Ok(Engine::Sqlite)
    } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        Ok(Engine::Postgres)
    } else {
        Err(StoreError::UnsupportedUrl(url.to_string()))
    }
}

/// The file of a `sqlite://FILE` URL.
pub fn sqlite_file(url: &str) -> Result<PathBuf, StoreError> {
    let options = sqlx::sqlite::SqliteConnectOptions::from_str(url.trim())
        .map_err(|e| StoreError::InvalidUrl(e.to_string()))?;
    Ok(options.get_filename().to_path_buf())
}

/// Copies the SQLite database at `url` into `dest`, which must not exist yet or be empty. The
/// copy is one consistent snapshot even while the server writes.
pub async fn sqlite_snapshot(url: &str, dest: &Path) -> Result<(), StoreError> {
    let options = sqlx::sqlite::SqliteConnectOptions::from_str(url.trim())
        .map_err(|e| StoreError::InvalidUrl(e.to_string()))?
        .read_only(true)
        .busy_timeout(std::time::Duration::from_secs(30));
    let mut conn = sqlx::SqliteConnection::connect_with(&options)
        .await
        .map_err(StoreError::Connect)?;
    let dest = dest
        .to_str()
        .ok_or_else(|| StoreError::InvalidUrl("the backup path is not valid UTF-8".into()))?;
    sqlx::query("VACUUM INTO $1")
        .bind(dest)
        .execute(&mut conn)
        .await?;
    conn.close().await?;
    Ok(())
}

/// True when the database holds no tables at all (a missing SQLite file counts as empty): the
/// only kind a restore writes into.
pub async fn is_empty(url: &str) -> Result<bool, StoreError> {
    match engine_of(url)? {
        Engine::Sqlite => {
            let file = sqlite_file(url)?;
            match std::fs::metadata(&file) {
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(true),
                Err(e) => return Err(StoreError::InvalidUrl(format!("{}: {e}", file.display()))),
                Ok(meta) if meta.len() == 0 => return Ok(true),
                Ok(_) => {}
            }
            let options = sqlx::sqlite::SqliteConnectOptions::from_str(url.trim())
                .map_err(|e| StoreError::InvalidUrl(e.to_string()))?
                .read_only(true);
            let mut conn = sqlx::SqliteConnection::connect_with(&options)
                .await
                .map_err(StoreError::Connect)?;
            let tables: i64 = sqlx::query_scalar("SELECT count(*) FROM sqlite_master")
                .fetch_one(&mut conn)
                .await?;
            conn.close().await?;
            Ok(tables == 0)
        }
        Engine::Postgres => {
            let mut conn = sqlx::PgConnection::connect(url.trim())
                .await
                .map_err(StoreError::Connect)?;
            let tables: i64 = sqlx::query_scalar(
                "SELECT count(*) FROM pg_catalog.pg_tables \
                 WHERE schemaname NOT IN ('pg_catalog', 'information_schema')",
            )
            .fetch_one(&mut conn)
            .await?;
            conn.close().await?;
            Ok(tables == 0)
        }
    }
}

/// `pg_dump` or `pg_restore` for the database at `url`. The password travels in the
/// environment (`PGPASSWORD`), never on the command line where `ps` would show it.
pub fn pg_command(program: &str, url: &str) -> Result<std::process::Command, StoreError> {
    let mut parsed =
        url::Url::parse(url.trim()).map_err(|e| StoreError::InvalidUrl(e.to_string()))?;
    let password = parsed.password().map(percent_decode);
    parsed
        .set_password(None)
        .map_err(|_| StoreError::InvalidUrl("cannot remove the password from the URL".into()))?;
    let mut command = std::process::Command::new(program);
    command.arg("--dbname").arg(parsed.as_str());
    if let Some(password) = password {
        command.env("PGPASSWORD", password);
    }
    Ok(command)
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    #[test]
    fn the_password_leaves_the_url_for_the_environment() {
        let command = super::pg_command(
            "pg_dump",
            "postgres://saathi:p%40ss@127.0.0.1:5432/db?sslmode=disable",
        )
        .unwrap();
        let args: Vec<_> = command
            .get_args()
            .map(|a| a.to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            args,
            [
                "--dbname",
                "postgres://saathi@127.0.0.1:5432/db?sslmode=disable"
            ]
        );
        let env: Vec<_> = command.get_envs().collect();
        assert_eq!(env.len(), 1);
        assert_eq!(env[0].1.unwrap().to_string_lossy(), "p@ss");
    }
}
