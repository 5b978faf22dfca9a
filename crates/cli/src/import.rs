//! `saathi import cases`: a register the organisation already keeps, moved into Saathi in the
//! name of a user (`--as`), as `docs/import.md` describes.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::Subcommand;
use domain::{Clock, Language, SystemClock};
use store::Store;

use crate::Failure;

#[derive(Subcommand)]
pub enum ImportCommand {
    /// Opens a case for each line of a register (FILE.csv, .xlsx, .xls or .jsonl), as the
    /// mapping (MAP.toml) says, in the organisation of --as and assigned to her. A line with
    /// any problem is refused whole and reported with its line number; the others are written
    /// in batches, each one transaction. Exit status: 0 when every line was taken, 2 when some
    /// were refused (the others were written), 1 when nothing could be done.
    Cases {
        /// The register: .csv (UTF-8), .xlsx, .xls or .jsonl (one JSON object per line).
        file: PathBuf,
        /// Which column fills which field (docs/import.md).
        #[arg(long)]
        mapping: PathBuf,
        /// The username whose rights apply: she must be allowed to open cases; they are
        /// opened in her organisation, assigned to her, and the audit trail records her.
        #[arg(long = "as", value_name = "USERNAME")]
        as_user: String,
        /// Read and check every line, report each that would be refused, and write nothing.
        #[arg(long)]
        dry_run: bool,
    },
}

/// The exit status when some lines were refused.
const SOME_REFUSED: u8 = 2;

pub async fn run(store: &Arc<dyn Store>, command: ImportCommand) -> Result<ExitCode, Failure> {
    let ImportCommand::Cases {
        file,
        mapping,
        as_user,
        dry_run,
    } = command;
    let extension = file
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default();
    let format = app::imports::RegisterFormat::from_extension(extension).ok_or_else(|| {
        Failure(format!(
            "{}: name the register .csv, .xlsx, .xls or .jsonl",
            file.display()
        ))
    })?;
    let read = |path: &PathBuf| {
        std::fs::read(path).map_err(|e| Failure(format!("cannot read {}: {e}", path.display())))
    };
    let bytes = read(&file)?;
    let text = String::from_utf8(read(&mapping)?)
        .map_err(|_| Failure(format!("{}: not UTF-8 text", mapping.display())))?;
    let map = app::imports::Mapping::parse(&text).map_err(|e| match e {
        app::Error::Malformed(why) => Failure(format!("{}: {why}", mapping.display())),
        other => Failure(other.english()),
    })?;
    let acting = app::accounts::acting_as(store, &as_user, "cli", SystemClock.now())
        .await
        .map_err(|e| match e {
            app::Error::NotFound => Failure(format!("no active user {as_user}")),
            other => Failure(other.english()),
        })?;
    let report = app::imports::import_cases(store, &acting, &bytes, format, &map, dry_run)
        .await
        .map_err(|e| match e {
            // The refusal as the pages say it, in English.
            app::Error::Forbidden(reason) => match i18n::I18n::load() {
                Ok(i18n) => Failure(format!(
                    "refused to {as_user}: {}",
                    i18n.text(Language::En, reason.message_id())
                )),
                Err(_) => Failure(format!("refused to {as_user}")),
            },
            app::Error::Malformed(why) => Failure(why),
            other => Failure(other.english()),
        })?;
    for refusal in &report.refused {
        eprintln!("saathi: {}", refusal.english());
    }
    let refused = report.refused.len();
    if dry_run {
        println!(
            "dry run: {} of {} lines would be imported, {refused} refused; nothing was written",
            report.imported, report.lines
        );
    } else {
        println!(
            "imported {} of {} lines, {refused} refused",
            report.imported, report.lines
        );
    }
    Ok(if refused == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(SOME_REFUSED)
    })
}
