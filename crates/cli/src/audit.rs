//! `saathi audit …`: walk the hash chain, and write or check a checkpoint kept outside the
//! database (decision 0005). A database can be rewritten by whoever holds it, and then the chain
//! and `audit_head` with it; a checkpoint kept elsewhere cannot.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::Subcommand;
use domain::{Clock, SystemClock};
use keyfile::{Checkpoint, KeyFile};
use store::{AuditVerification, Store};

use crate::Failure;

#[derive(Subcommand)]
pub enum AuditCommand {
    /// Walk the hash chain. Exits 0 when it is intact, 1 naming the first broken entry. With
    /// --checkpoint, the trail must also reach the checkpoint's entry with the same hash.
    Verify {
        /// A checkpoint written by `audit checkpoint` or `serve --checkpoint-dir`. A signed one
        /// is checked with the audit key of --key-file.
        #[arg(long)]
        checkpoint: Option<PathBuf>,
    },
    /// Write the newest entry's number and hash to FILE, signed with the audit key when a key
    /// file is given. Keep it away from the database: on another disk, or sent off the machine.
    Checkpoint {
        #[arg(long)]
        out: PathBuf,
    },
}

pub async fn run(
    store: &Arc<dyn Store>,
    keys: Option<&KeyFile>,
    command: AuditCommand,
) -> Result<ExitCode, Failure> {
    match command {
        AuditCommand::Verify { checkpoint } => verify(store, keys, checkpoint.as_deref()).await,
        AuditCommand::Checkpoint { out } => {
            let checkpoint = take(store, keys, SystemClock.now().millis()).await?;
            write(&out, &checkpoint)?;
            println!(
                "{}\tentry {}\t{}\t{}",
                out.display(),
                checkpoint.seq,
                checkpoint.short_hash(),
                if checkpoint.signature.is_some() {
                    "signed"
                } else {
                    "unsigned"
                }
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// A checkpoint of the trail as it is now.
pub async fn take(
    store: &Arc<dyn Store>,
    keys: Option<&KeyFile>,
    at: i64,
) -> Result<Checkpoint, Failure> {
    let (seq, hash) = store
        .audit_newest()
        .await?
        .unwrap_or((0, domain::audit::GENESIS_HASH.to_string()));
    let checkpoint = Checkpoint::new(seq, &hash, at);
    Ok(match keys {
        Some(keys) => checkpoint.sign(keys.audit_key()),
        None => checkpoint,
    })
}

/// Writes beside, syncs, then renames: a checkpoint is never half-written under its name.
pub fn write(path: &Path, checkpoint: &Checkpoint) -> Result<(), Failure> {
    use std::io::Write;
    let partial = path.with_extension("partial");
    let written = std::fs::File::create(&partial).and_then(|mut file| {
        file.write_all(checkpoint.to_text().as_bytes())?;
        file.sync_all()
    });
    written
        .and_then(|_| std::fs::rename(&partial, path))
        .map_err(|e| {
            let _ = std::fs::remove_file(&partial);
            Failure(format!("cannot write {}: {e}", path.display()))
        })
}

async fn verify(
    store: &Arc<dyn Store>,
    keys: Option<&KeyFile>,
    checkpoint: Option<&Path>,
) -> Result<ExitCode, Failure> {
    // Read and check the checkpoint first: a bad file is reported as such.
    let checkpoint = match checkpoint {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| Failure(format!("cannot read {}: {e}", path.display())))?;
            let checkpoint = Checkpoint::parse(&text)
                .map_err(|e| Failure(format!("{}: {e}", path.display())))?;
            let signature = match (&checkpoint.signature, keys) {
                (Some(_), Some(keys)) => {
                    checkpoint
                        .verify_signature(&keys.audit_key().verifying_key())
                        .map_err(|e| Failure(format!("{}: {e}", path.display())))?;
                    "signed, signature checked"
                }
                (Some(_), None) => "signed; signature not checked without --key-file",
                (None, _) => "unsigned",
            };
            Some((checkpoint, signature))
        }
        None => None,
    };
    let entries = match store.verify_audit().await? {
        AuditVerification::Intact { entries } => entries,
        AuditVerification::Broken(broken) => {
            return Err(Failure(format!("audit trail broken: {broken}")));
        }
    };
    let Some((checkpoint, signature)) = checkpoint else {
        println!("audit trail intact: {entries} entries");
        return Ok(ExitCode::SUCCESS);
    };
    let last = store.audit_newest().await?.map(|(seq, _)| seq).unwrap_or(0);
    let hash = store.audit_hash_at(checkpoint.seq).await?;
    checkpoint
        .check_trail(last, hash.as_deref())
        .map_err(|e| Failure(format!("audit trail refused: {e}")))?;
    println!(
        "audit trail intact: {entries} entries; entry {} matches the checkpoint of {} ({signature})",
        checkpoint.seq,
        domain::Timestamp::from_millis(checkpoint.at).to_rfc3339()
    );
    Ok(ExitCode::SUCCESS)
}
