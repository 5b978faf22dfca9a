//! `saathi org …`

use std::process::ExitCode;
use std::sync::Arc;

use clap::Subcommand;
use domain::audit::{AuditAction, AuditEvent};
use domain::organisation::{OrganisationFields, parse_district, parse_languages};
use domain::{Clock, OrgId, SystemClock};
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
    },
    /// List organisations, one per line: id, kind, country, name.
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
        } => {
            let fields = OrganisationFields {
                name: name.parse()?,
                kind: kind.parse()?,
                country: country.parse()?,
                district: parse_district(&district)?,
                languages: parse_languages(&languages)?,
            };
            let id = OrgId::new();
            let event = AuditEvent::new(
                SystemClock.now(),
                AuditAction::OrganisationCreated,
                format!("organisation:{id}"),
            )
            .scoped_to(id)
            .from_source("cli")
            .with_detail(serde_json::json!({ "name": fields.name.as_str() }).to_string());
            store.create_organisation(id, &fields, event).await?;
            println!("{id}");
        }
        OrgCommand::List => {
            for org in store.organisations().await? {
                println!(
                    "{}\t{}\t{}\t{}",
                    org.id, org.fields.kind, org.fields.country, org.fields.name
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
