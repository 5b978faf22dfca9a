//! `saathi forms …`: the network's documentation tools.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use app::Acting;
use clap::Subcommand;
use domain::{Clock, SystemClock};
use store::Store;

use crate::Failure;

#[derive(Subcommand)]
pub enum FormsCommand {
    /// Read an XLSForm (.xlsx or .xls with survey, choices and settings sheets) into a new version of
    /// its form. Nothing is saved unless every row can be taken; the rows that cannot are named.
    Import { file: PathBuf },
    /// List the forms, one per line: key, version, title.
    List,
}

pub async fn run(store: &Arc<dyn Store>, command: FormsCommand) -> Result<ExitCode, Failure> {
    match command {
        FormsCommand::Import { file } => {
            let bytes = std::fs::read(&file)
                .map_err(|e| Failure(format!("cannot read {}: {e}", file.display())))?;
            let origin = Acting::cli(SystemClock.now());
            let name = file.file_name().map(|n| n.to_string_lossy().into_owned());
            let f = app::forms::import_xlsform(store, &origin, &bytes, name.as_deref())
                .await
                .map_err(|e| match e {
                    app::Error::Invalid(errors) => Failure(format!(
                        "the form was not imported: {}",
                        errors
                            .iter()
                            .map(|e| e.english.as_str())
                            .collect::<Vec<_>>()
                            .join("; ")
                    )),
                    other => Failure(other.english()),
                })?;
            let questions = f.def.fields().count();
            println!(
                "{}\tversion {}\t{} sections, {} questions",
                f.def.key,
                f.version,
                f.def.sections.len(),
                questions
            );
        }
        FormsCommand::List => {
            for f in store.forms().await? {
                println!("{}\t{}\t{}", f.def.key, f.version, f.def.title.en);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
