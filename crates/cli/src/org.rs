//! `saathi org …`

use std::process::ExitCode;
use std::sync::Arc;

use app::Acting;
use app::accounts::{self, OrgInput};
use clap::Subcommand;
use domain::{Clock, SystemClock};
use store::Store;

use crate::Failure;

#[derive(Subcommand)]
pub enum OrgCommand {
    /// Add an organisation; prints its id.
    Add {
        /// The organisation's name, unique in the network.
        #[arg(long)]
        name: String,
        /// Where it stands on the route: destination, transit, source or community.
        #[arg(long)]
        kind: String,
        /// Two-letter country code: IN, BD, NP …
        #[arg(long)]
        country: String,
        /// The district it works in.
        #[arg(long, default_value = "")]
        district: String,
        /// Working languages, comma-separated: bn,hi,en.
        #[arg(long, default_value = "")]
        languages: String,
        /// Its time zone, an IANA name: Asia/Kolkata, Asia/Dhaka … (default: its country's).
        #[arg(long, default_value = "")]
        time_zone: String,
    },
    /// List organisations, one per line: id, kind, country, time zone, name.
    List,
    /// Add an organisation of another Saathi server to the directory, from the line its
    /// `saathi keys show` printed, so packages can be sent to it and its packages checked.
    Trust {
        file: std::path::PathBuf,
        /// Accept changed keys for an organisation already trusted.
        #[arg(long)]
        replace: bool,
    },
}

pub async fn run(store: &Arc<dyn Store>, command: OrgCommand) -> Result<ExitCode, Failure> {
    match command {
        OrgCommand::Trust { file, replace } => {
            return crate::package::trust(store, &file, replace).await;
        }
        OrgCommand::Add {
            name,
            kind,
            country,
            district,
            languages,
            time_zone,
        } => {
            // The same checks and audit entry as the pages and the API.
            let input = OrgInput {
                name,
                kind,
                country,
                district,
                languages,
                time_zone,
            };
            let org = accounts::create_organisation(store, &Acting::cli(SystemClock.now()), &input)
                .await
                .map_err(|e| Failure(e.english()))?;
            println!("{}", org.id);
        }
        OrgCommand::List => {
            for org in store.organisations().await? {
                println!(
                    "{}\t{}\t{}\t{}\t{}",
                    org.id,
                    org.fields.kind,
                    org.fields.country,
                    org.fields.time_zone,
                    org.fields.name
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
