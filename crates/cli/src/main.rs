//! The `saathi` command: `serve` runs the web UI and API; the other subcommands administer the
//! store directly on the server (migrations, organisations, users, API tokens, the demo network
//! and the audit trail).

mod audit;
mod backup;
mod demo;
mod export;
mod forms;
mod import;
mod key_file;
mod org;
mod package;
mod schedule;
mod user;

use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand};
use domain::{Clock, SystemClock};
use i18n::I18n;
use store::Store;
use web::{AppState, WebConfig};

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

    /// The key file (`saathi keys init`): seals organisations' secret keys in the database,
    /// signs audit checkpoints and holds the backup recipient. Keep it off the database's disk.
    #[arg(long, global = true, env = "SAATHI_KEY_FILE")]
    key_file: Option<std::path::PathBuf>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web interface and the JSON API (`/api/v1`).
    Serve(ServeArgs),
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
    /// Check the audit trail, and write checkpoints of it to keep elsewhere.
    #[command(subcommand)]
    Audit(audit::AuditCommand),
    /// Write an encrypted copy of the database (consistent while the server runs).
    Backup(backup::BackupArgs),
    /// Restore a backup into an empty database.
    Restore(backup::RestoreArgs),
    /// Package keys of this server's organisations.
    #[command(subcommand)]
    Keys(package::KeysCommand),
    /// Handover packages to and from other Saathi servers.
    #[command(subcommand)]
    Handover(package::HandoverCommand),
    /// Reports as PDF files, and lists as spreadsheets (CSV or XLSX).
    #[command(subcommand)]
    Export(export::ExportCommand),
    /// The network's forms (documentation tools).
    #[command(subcommand)]
    Forms(forms::FormsCommand),
    /// Registers an organisation already keeps, moved into Saathi (docs/import.md).
    #[command(subcommand)]
    Import(import::ImportCommand),
}

#[derive(clap::Args)]
struct ServeArgs {
    /// The address and port to listen on. Use 0.0.0.0:8080 to be reachable from other machines
    /// (behind a TLS proxy, with --secure-cookies).
    #[arg(long, env = "SAATHI_LISTEN", default_value = "127.0.0.1:8080")]
    listen: std::net::SocketAddr,
    /// Load the demo network first (idempotent), and print its users and their password.
    #[arg(long)]
    demo: bool,
    /// Mark cookies Secure: set this when Saathi is reached over HTTPS.
    #[arg(long, env = "SAATHI_SECURE_COOKIES")]
    secure_cookies: bool,
    /// How many hours a sign-in lasts.
    #[arg(long, default_value_t = 12, value_parser = clap::value_parser!(i64).range(1..=168))]
    session_hours: i64,
    /// Days after which a sent handover that nobody acknowledged becomes an alert.
    #[arg(long, default_value_t = 7, value_parser = clap::value_parser!(i64).range(1..=90))]
    acknowledge_days: i64,
    /// Weeks of notice the network asks for before a workshop; less is flagged as a drop-out
    /// risk.
    #[arg(long, default_value_t = 6, value_parser = clap::value_parser!(i64).range(0..=26))]
    notice_weeks: i64,
    /// The address of a reverse proxy in front of Saathi. Only for connections from it is the
    /// client's address (for throttling and the audit trail) taken from `X-Forwarded-For`.
    #[arg(long, value_name = "ADDR")]
    trusted_proxy: Option<std::net::IpAddr>,
    #[command(flatten)]
    safekeeping: schedule::SafekeepingArgs,
}

/// A failure to report: one readable line, then a non-zero exit.
pub struct Failure(pub String);

impl<E: std::fmt::Display> From<E> for Failure {
    fn from(err: E) -> Self {
        Self(err.to_string())
    }
}

#[tokio::main]
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
    let url = cli.database_url.as_str();
    // These must not open (and so migrate) the database first, or read a key file that is
    // still to be written.
    if let Command::Keys(package::KeysCommand::Init { backup_recipient }) = &cli.command {
        return key_file::init(cli.key_file.as_deref(), backup_recipient.as_deref());
    }
    let keys = key_file::load(cli.key_file.as_deref())?;
    let command = match cli.command {
        Command::Restore(args) => return backup::run_restore(url, keys.as_ref(), args).await,
        Command::Backup(args) => return backup::run_backup(url, keys.as_ref(), args).await,
        other => other,
    };
    let store: Arc<dyn Store> = key_file::open_store(url, keys.as_ref()).await?;
    match command {
        Command::Migrate => {
            eprintln!("saathi: the {} database is up to date", store.engine());
            user::list_mixed_accounts(&store).await?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Serve(args) => serve(store, url, keys, args).await,
        Command::Demo => demo::run(&store).await,
        Command::Org(command) => org::run(&store, command).await,
        Command::User(command) => user::run_user(&store, command).await,
        Command::Token(command) => user::run_token(&store, command).await,
        Command::Keys(command) => {
            key_file::secrets_readable(&store).await?;
            package::run_keys(&store, command).await
        }
        Command::Handover(command) => {
            key_file::secrets_readable(&store).await?;
            package::run_handover(&store, command).await
        }
        Command::Export(command) => export::run(&store, command).await,
        Command::Forms(command) => forms::run(&store, command).await,
        Command::Import(command) => import::run(&store, command).await,
        Command::Audit(command) => audit::run(&store, keys.as_ref(), command).await,
        // Handled above, before the store is opened.
        Command::Backup(_) | Command::Restore(_) => Ok(ExitCode::SUCCESS),
    }
}

async fn serve(
    store: Arc<dyn Store>,
    url: &str,
    keys: Option<keyfile::KeyFile>,
    args: ServeArgs,
) -> Result<ExitCode, Failure> {
    tracing_subscriber::fmt().with_target(false).init();
    key_file::announce(&store, keys.as_ref()).await?;
    // Bind first: a taken port is reported before anything is loaded or announced.
    let listener = tokio::net::TcpListener::bind(args.listen)
        .await
        .map_err(|e| Failure(format!("cannot listen on {}: {e}", args.listen)))?;
    if args.demo {
        demo::run(&store).await?;
    }
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    let swept = store.delete_expired_sessions(clock.now()).await?;
    if swept > 0 {
        eprintln!("saathi: removed {swept} expired sessions");
    }
    let i18n = Arc::new(I18n::load().map_err(|e| Failure(format!("interface text: {e}")))?);
    let config = WebConfig {
        secure_cookies: args.secure_cookies,
        session_hours: args.session_hours,
        acknowledge_days: args.acknowledge_days,
        notice_weeks: args.notice_weeks,
        trusted_proxy: args.trusted_proxy,
        demo: args.demo,
        checkpoint_dir: args.safekeeping.checkpoint_dir.clone(),
        ..WebConfig::default()
    };
    schedule::start(&store, url, keys.map(Arc::new), &args.safekeeping)?;
    let state = AppState::new(store, i18n, clock, config)
        .map_err(|e| Failure(format!("cannot start: {}", e.english())))?;
    // The store is migrated (opened above): work out today's indicator tables in the
    // background, so the first director of the day does not wait for them.
    app::indicators::warm(&state.app);
    eprintln!(
        "saathi: open http://{} in a browser (Ctrl-C stops)",
        args.listen
    );
    web::serve(state, listener)
        .await
        .map_err(|e| Failure(format!("serving on {}: {e}", args.listen)))?;
    Ok(ExitCode::SUCCESS)
}
