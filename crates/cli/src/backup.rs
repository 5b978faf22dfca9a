//! `saathi backup` and `saathi restore`: a consistent copy of the running database, encrypted
//! with age, and its restore into an empty database.
//!
//! The copy is SQLite's own database file (`VACUUM INTO`, one read transaction) or PostgreSQL's
//! `pg_dump --format=custom` (one snapshot). Either is encrypted to an age X25519 recipient, so
//! `age -d -i identity FILE` gives back a file that SQLite or `pg_restore` read directly.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{ExitCode, Stdio};

use keyfile::KeyFile;
use store::{AuditVerification, Engine};

use crate::Failure;

const SQLITE_MAGIC: &[u8] = b"SQLite format 3\0";
const PG_MAGIC: &[u8] = b"PGDMP";

#[derive(clap::Args)]
pub struct BackupArgs {
    /// Where to write the encrypted copy (replaced only once the new copy is complete).
    #[arg(long)]
    out: PathBuf,
    /// The age recipient (age1…) to encrypt to; without it, the key file's backup recipient.
    #[arg(long)]
    to: Option<String>,
}

#[derive(clap::Args)]
pub struct RestoreArgs {
    /// A file written by `saathi backup` or `serve --backup-dir`.
    file: PathBuf,
    /// An age identity file (as the `age` tool writes it); without it, the key file's backup
    /// identity.
    #[arg(long)]
    identity: Option<PathBuf>,
}

/// The recipient a backup is encrypted to: `--to`, else the key file's.
pub fn recipient(
    to: Option<&str>,
    keys: Option<&KeyFile>,
) -> Result<age::x25519::Recipient, Failure> {
    match (to, keys.and_then(KeyFile::backup_recipient)) {
        (Some(to), _) => Ok(keyfile::age_recipient(to)?),
        (None, Some(recipient)) => Ok(recipient),
        (None, None) => Err(Failure(
            "a backup is always encrypted: give --to age1… or a --key-file with a backup recipient"
                .into(),
        )),
    }
}

pub async fn run_backup(
    url: &str,
    keys: Option<&KeyFile>,
    args: BackupArgs,
) -> Result<ExitCode, Failure> {
    let recipient = recipient(args.to.as_deref(), keys)?;
    let bytes = write_backup(url, &recipient, &args.out).await?;
    println!(
        "{}\t{bytes} bytes\tencrypted to {recipient}",
        args.out.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// Writes an encrypted backup of the database at `url` to `out` (beside, then renamed).
/// Returns its size.
pub async fn write_backup(
    url: &str,
    recipient: &age::x25519::Recipient,
    out: &Path,
) -> Result<u64, Failure> {
    let partial = out.with_extension("partial");
    let result = match store::backup::engine_of(url)? {
        Engine::Sqlite => sqlite_backup(url, recipient.clone(), &partial).await,
        Engine::Postgres => pg_backup(url, recipient.clone(), &partial).await,
    };
    let size = result
        .and_then(|size| {
            std::fs::rename(&partial, out)
                .map_err(|e| Failure(format!("cannot write {}: {e}", out.display())))?;
            Ok(size)
        })
        .inspect_err(|_| {
            let _ = std::fs::remove_file(&partial);
        })?;
    Ok(size)
}

/// A new file only its owner may read.
fn private_file(path: &Path) -> Result<std::fs::File, Failure> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options
        .open(path)
        .map_err(|e| Failure(format!("cannot create {}: {e}", path.display())))
}

/// Streams `input` into an age file at `path` for `recipient`; returns the file's size.
fn encrypt(
    mut input: impl Read,
    recipient: &age::x25519::Recipient,
    path: &Path,
) -> Result<u64, Failure> {
    let fail = |e: std::io::Error| Failure(format!("cannot write {}: {e}", path.display()));
    let file = private_file(path)?;
    let encryptor =
        age::Encryptor::with_recipients(std::iter::once(recipient as &dyn age::Recipient))
            .map_err(|e| Failure(format!("age: {e}")))?;
    let mut writer = encryptor
        .wrap_output(std::io::BufWriter::new(file))
        .map_err(fail)?;
    std::io::copy(&mut input, &mut writer).map_err(fail)?;
    let file = writer
        .finish()
        .map_err(fail)?
        .into_inner()
        .map_err(|e| fail(e.into_error()))?;
    file.sync_all().map_err(fail)?;
    Ok(file.metadata().map_err(fail)?.len())
}

async fn sqlite_backup(
    url: &str,
    recipient: age::x25519::Recipient,
    partial: &Path,
) -> Result<u64, Failure> {
    // The plain copy lives beside the database (the same disk and the same protection as the
    // database itself), never beside the backups, and only until it is encrypted.
    let database = store::backup::sqlite_file(url)?;
    let plain = database.with_file_name(format!(
        ".saathi-backup-{}-{}.db",
        std::process::id(),
        uuid_like()
    ));
    drop(private_file(&plain)?);
    let result = async {
        store::backup::sqlite_snapshot(url, &plain).await?;
        let (plain, partial) = (plain.clone(), partial.to_path_buf());
        tokio::task::spawn_blocking(move || {
            let input = std::fs::File::open(&plain)
                .map_err(|e| Failure(format!("cannot read {}: {e}", plain.display())))?;
            encrypt(input, &recipient, &partial)
        })
        .await
        .map_err(|e| Failure(format!("backup task: {e}")))?
    }
    .await;
    let _ = std::fs::remove_file(&plain);
    result
}

async fn pg_backup(
    url: &str,
    recipient: age::x25519::Recipient,
    partial: &Path,
) -> Result<u64, Failure> {
    let mut command = store::backup::pg_command("pg_dump", url)?;
    command
        .args(["--format=custom", "--no-owner", "--no-privileges"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let partial = partial.to_path_buf();
    tokio::task::spawn_blocking(move || {
        let mut child = command.spawn().map_err(|e| {
            Failure(format!(
                "cannot run pg_dump (is postgresql-client installed?): {e}"
            ))
        })?;
        let stdout = child
            .stdout
            .take()
            .ok_or_else(|| Failure("pg_dump gave no output".into()))?;
        let encrypted = encrypt(stdout, &recipient, &partial);
        let output = child
            .wait_with_output()
            .map_err(|e| Failure(format!("pg_dump: {e}")))?;
        if !output.status.success() {
            return Err(Failure(format!(
                "pg_dump failed: {}",
                first_line(&output.stderr)
            )));
        }
        encrypted
    })
    .await
    .map_err(|e| Failure(format!("backup task: {e}")))?
}

fn first_line(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes)
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("no message")
        .to_string()
}

fn uuid_like() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    format!("{nanos:x}")
}

/// `saathi restore FILE`: into an empty database only, then the audit chain is walked.
pub async fn run_restore(
    url: &str,
    keys: Option<&KeyFile>,
    args: RestoreArgs,
) -> Result<ExitCode, Failure> {
    let identities = match (&args.identity, keys.and_then(KeyFile::backup_identity)) {
        (Some(path), _) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| Failure(format!("cannot read {}: {e}", path.display())))?;
            keyfile::age_identities(&text)
                .map_err(|e| Failure(format!("{}: {e}", path.display())))?
        }
        (None, Some(identity)) => vec![identity.clone()],
        (None, None) => {
            return Err(Failure(
                "give --identity FILE or a --key-file holding the backup identity".into(),
            ));
        }
    };
    if !store::backup::is_empty(url).await? {
        return Err(Failure(
            "the database is not empty: restore writes only into an empty database (a new SQLite file, or a newly created PostgreSQL database)".into(),
        ));
    }
    let file = args.file.clone();
    let input = std::fs::File::open(&file)
        .map_err(|e| Failure(format!("cannot read {}: {e}", file.display())))?;
    let decrypted = tokio::task::spawn_blocking(move || decryptor(input, &identities))
        .await
        .map_err(|e| Failure(format!("restore task: {e}")))?
        .map_err(|e| Failure(format!("{}: {}", file.display(), e.0)))?;
    match store::backup::engine_of(url)? {
        Engine::Sqlite => sqlite_restore(url, decrypted).await?,
        Engine::Postgres => pg_restore(url, decrypted).await?,
    }
    let store = store::open_with(url, keys.map(KeyFile::sealer)).await?;
    match store.verify_audit().await? {
        AuditVerification::Intact { entries } => {
            println!(
                "restored {} into the {} database: audit trail intact, {entries} entries",
                args.file.display(),
                store.engine()
            );
            // Restored is restored; but say now if its sealed keys need another key file.
            if let Err(store::StoreError::Secret(why)) = store.check_sealed_secrets().await {
                eprintln!("saathi: note: {why}");
            }
            Ok(ExitCode::SUCCESS)
        }
        AuditVerification::Broken(broken) => Err(Failure(format!(
            "restored, but the audit trail is broken: {broken}"
        ))),
    }
}

type Plain = age::stream::StreamReader<std::io::BufReader<std::fs::File>>;

fn decryptor(input: std::fs::File, identities: &[age::x25519::Identity]) -> Result<Plain, Failure> {
    let decryptor = age::Decryptor::new_buffered(std::io::BufReader::new(input))
        .map_err(|e| Failure(format!("not a readable age file: {e}")))?;
    decryptor
        .decrypt(identities.iter().map(|i| i as &dyn age::Identity))
        .map_err(|e| match e {
            age::DecryptError::NoMatchingKeys => {
                Failure("the backup was not encrypted to this identity".into())
            }
            other => Failure(format!("cannot decrypt: {other}")),
        })
}

/// Reads the first bytes to check what kind of copy this is.
fn check_magic(plain: &mut Plain, magic: &[u8], engine: &str) -> Result<Vec<u8>, Failure> {
    let mut head = vec![0u8; magic.len()];
    plain
        .read_exact(&mut head)
        .map_err(|e| Failure(format!("the backup is damaged: {e}")))?;
    if head != magic {
        return Err(Failure(format!(
            "this backup is not a {engine} backup: restore it into a database of the engine it came from"
        )));
    }
    Ok(head)
}

async fn sqlite_restore(url: &str, mut plain: Plain) -> Result<(), Failure> {
    let target = store::backup::sqlite_file(url)?;
    let partial = target.with_file_name(format!(
        ".{}.restore-{}",
        target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        uuid_like()
    ));
    let written = {
        let partial = partial.clone();
        tokio::task::spawn_blocking(move || {
            let head = check_magic(&mut plain, SQLITE_MAGIC, "SQLite")?;
            let fail =
                |e: std::io::Error| Failure(format!("cannot write {}: {e}", partial.display()));
            let mut file = private_file(&partial)?;
            file.write_all(&head).map_err(fail)?;
            std::io::copy(&mut plain, &mut file)
                .map_err(|e| Failure(format!("the backup is damaged or cannot be written: {e}")))?;
            file.sync_all().map_err(fail)
        })
        .await
        .map_err(|e| Failure(format!("restore task: {e}")))?
    };
    let moved = written.and_then(|_| {
        // The target is empty (checked): an empty file and its WAL files make way.
        for suffix in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", target.display()));
        }
        std::fs::rename(&partial, &target)
            .map_err(|e| Failure(format!("cannot write {}: {e}", target.display())))
    });
    if moved.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    moved
}

async fn pg_restore(url: &str, mut plain: Plain) -> Result<(), Failure> {
    let mut command = store::backup::pg_command("pg_restore", url)?;
    command
        .args([
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    tokio::task::spawn_blocking(move || {
        let head = check_magic(&mut plain, PG_MAGIC, "PostgreSQL")?;
        let mut child = command.spawn().map_err(|e| {
            Failure(format!(
                "cannot run pg_restore (is postgresql-client installed?): {e}"
            ))
        })?;
        let copied = match child.stdin.take() {
            Some(mut stdin) => stdin
                .write_all(&head)
                .and_then(|_| std::io::copy(&mut plain, &mut stdin).map(|_| ())),
            None => Ok(()),
        };
        let output = child
            .wait_with_output()
            .map_err(|e| Failure(format!("pg_restore: {e}")))?;
        if !output.status.success() {
            return Err(Failure(format!(
                "pg_restore failed, nothing was restored: {}",
                first_line(&output.stderr)
            )));
        }
        copied.map_err(|e| Failure(format!("the backup is damaged: {e}")))
    })
    .await
    .map_err(|e| Failure(format!("restore task: {e}")))?
}
