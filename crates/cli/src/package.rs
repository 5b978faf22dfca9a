//! `saathi keys …` and `saathi handover …`: the keys of this server's organisations, and
//! handover packages to and from organisations on other Saathi servers.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use app::Acting;
use app::package::Imported;
use clap::Subcommand;
use domain::{Clock, SystemClock};
use store::Store;

use crate::Failure;

#[derive(Subcommand)]
pub enum KeysCommand {
    /// Make a new key file at --key-file (never overwriting one; mode 600): the seal key for
    /// secret keys at rest, the audit key that signs checkpoints, and a backup identity.
    Init {
        /// Encrypt backups to this age recipient (age1…) instead of a new identity kept in the
        /// key file: its identity then stays wherever you keep it.
        #[arg(long)]
        backup_recipient: Option<String>,
    },
    /// Print an organisation's public keys as one line of JSON, for `saathi org trust` on
    /// another server. The keys are made on first use.
    Show {
        /// The organisation's id or exact name.
        #[arg(long)]
        org: String,
    },
    /// Print the organisation's age identity (secret), to keep offline or to decrypt a
    /// package with the `age` tool. Recorded in the audit trail.
    Identity {
        /// The organisation's id or exact name.
        #[arg(long)]
        org: String,
    },
}

#[derive(Subcommand)]
pub enum HandoverCommand {
    /// Seal a sent handover (or the answer to one that came in a package) for its receiver on
    /// another server.
    Export {
        #[arg(long)]
        handover: String,
        /// Where to write the package.
        #[arg(long)]
        out: PathBuf,
    },
    /// Check and import a package: a case handed over to one of this server's organisations,
    /// or the receiver's answer to one sent from here.
    Import { file: PathBuf },
}

fn failed(e: app::Error) -> Failure {
    Failure(e.english())
}

async fn org(store: &Arc<dyn Store>, id_or_name: &str) -> Result<domain::Organisation, Failure> {
    app::accounts::find_organisation(store, id_or_name)
        .await
        .map_err(|_| Failure(format!("no organisation with id or name {id_or_name:?}")))
}

pub async fn run_keys(store: &Arc<dyn Store>, command: KeysCommand) -> Result<ExitCode, Failure> {
    let origin = Acting::cli(SystemClock.now());
    match command {
        // Made before the store is opened (see main).
        KeysCommand::Init { .. } => {}
        KeysCommand::Show { org: name } => {
            let org = org(store, &name).await?;
            let keys = app::package::public_keys(store, &origin, &org)
                .await
                .map_err(failed)?;
            println!("{}", serde_json::to_string(&keys)?);
        }
        KeysCommand::Identity { org: name } => {
            let org = org(store, &name).await?;
            let identity = app::package::age_identity(store, &origin, &org)
                .await
                .map_err(failed)?;
            println!("{identity}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `saathi org trust FILE [--replace]`: every line of the file is one organisation.
pub async fn trust(
    store: &Arc<dyn Store>,
    file: &std::path::Path,
    replace: bool,
) -> Result<ExitCode, Failure> {
    let text = std::fs::read_to_string(file)
        .map_err(|e| Failure(format!("cannot read {}: {e}", file.display())))?;
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    if lines.is_empty() {
        return Err(Failure(format!(
            "{} is empty: expected the line `saathi keys show` printed",
            file.display()
        )));
    }
    let origin = Acting::cli(SystemClock.now());
    for line in lines {
        let (id, outcome) = app::package::trust(store, &origin, line, replace)
            .await
            .map_err(failed)?;
        let what = match outcome {
            store::TrustOutcome::Added => "added to the directory",
            store::TrustOutcome::Unchanged => "already trusted with these keys",
            store::TrustOutcome::Replaced => "keys replaced",
        };
        println!("{id}\t{what}");
    }
    Ok(ExitCode::SUCCESS)
}

pub async fn run_handover(
    store: &Arc<dyn Store>,
    command: HandoverCommand,
) -> Result<ExitCode, Failure> {
    let origin = Acting::cli(SystemClock.now());
    match command {
        HandoverCommand::Export { handover, out } => {
            let exported = app::package::export(store, &origin, &handover)
                .await
                .map_err(|e| match e {
                    app::Error::NotFound => Failure(format!("no handover {handover}")),
                    other => failed(other),
                })?;
            // Write beside, then rename: a package is never left half-written under its name.
            let partial = out.with_extension("partial");
            std::fs::write(&partial, &exported.bytes)
                .and_then(|_| std::fs::rename(&partial, &out))
                .map_err(|e| Failure(format!("cannot write {}: {e}", out.display())))?;
            println!(
                "{}\t{} bytes\tfor {}",
                out.display(),
                exported.bytes.len(),
                exported.to
            );
        }
        HandoverCommand::Import { file } => {
            let bytes = std::fs::read(&file)
                .map_err(|e| Failure(format!("cannot read {}: {e}", file.display())))?;
            let Imported {
                kind,
                handover_id,
                case_code,
                from,
                state,
                updates,
                ..
            } = app::package::import(store, &origin, &bytes, None)
                .await
                .map_err(failed)?;
            println!(
                "{kind}\t{handover_id}\tcase {case_code}\tfrom {from}\t{state}\t{updates} follow-up updates"
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
