//! The `saathi` command. This first slice administers the store directly: migrations,
//! organisations, users, API tokens, the demo network and the audit trail. `serve` arrives with the web
//! crate (docs/decisions/0002).

mod demo;
mod org;
mod secret;
mod user;

use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand};
use store::{AuditVerification, Store};

#[derive(Parser)]
#[command(
    name = "saathi",
    version,
    about = "Case management and continuity of care for survivors of trafficking"
)]
struct Cli {
    /// Where Saathi keeps its data: sqlite://FILE (created if missing) or
    /// postgres://USER:PASSWORD@HOST/DB.
    #[arg(
        long,
        global = true,
        env = "SAATHI_DATABASE_URL",
        default_value = "sqlite://saathi.db"
    )]
    database_url: String,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Bring the database schema up to date (also done at every start).
    Migrate,
    /// Load a realistic demo network (organisations in Kolkata, Mumbai, Howrah, South 24
    /// Parganas and Jessore, and their users); running it again adds nothing.
    Demo,
    /// Manage the organisations of the network.
    #[command(subcommand)]
    Org(org::OrgCommand),
    /// Manage users.
    #[command(subcommand)]
    User(user::UserCommand),
    /// Manage API bearer tokens.
    #[command(subcommand)]
    Token(user::TokenCommand),
    /// Check the audit trail.
    #[command(subcommand)]
    Audit(AuditCommand),
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Walk the hash chain. Exits 0 when it is intact, 1 naming the first broken entry.
    Verify,
}

/// A failure to report: one readable line, then a non-zero exit.
pub struct Failure(pub String);

impl<E: std::fmt::Display> From<E> for Failure {
    fn from(err: E) -> Self {
        Self(err.to_string())
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli).await {
        Ok(code) => code,
        Err(Failure(message)) => {
            eprintln!("saathi: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> Result<ExitCode, Failure> {
    let store: Arc<dyn Store> = store::open(&cli.database_url).await?;
    match cli.command {
        Command::Migrate => {
            eprintln!("saathi: the {} database is up to date", store.engine());
            Ok(ExitCode::SUCCESS)
        }
        Command::Demo => demo::run(&store).await,
        Command::Org(command) => org::run(&store, command).await,
        Command::User(command) => user::run_user(&store, command).await,
        Command::Token(command) => user::run_token(&store, command).await,
        Command::Audit(AuditCommand::Verify) => match store.verify_audit().await? {
            AuditVerification::Intact { entries } => {
                println!("audit trail intact: {entries} entries");
                Ok(ExitCode::SUCCESS)
            }
            AuditVerification::Broken(broken) => {
                Err(Failure(format!("audit trail broken: {broken}")))
            }
        },
    }
}
