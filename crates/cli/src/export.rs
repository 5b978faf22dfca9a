//! `saathi export …`: reports as PDF files, and lists as spreadsheets in the name of a user
//! (`--as`), from the server itself.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::Subcommand;
use domain::audit::{AuditAction, AuditEvent};
use domain::{Clock, Language, SystemClock};
use store::Store;

use crate::Failure;

#[derive(Subcommand)]
pub enum ExportCommand {
    /// A case plan as PDF in one language (bn, hi or en), with the case code in the header,
    /// never her name. Recorded in the audit trail.
    Plan {
        /// The case's id or its code (e.g. K7Q2-XM4P).
        #[arg(long)]
        case: String,
        #[arg(long, default_value = "bn")]
        language: String,
        #[arg(long)]
        out: PathBuf,
    },
    /// A filled assessment as PDF in one language, in the form version it was filled in, with
    /// the case code in the header. Recorded in the audit trail.
    Assessment {
        #[arg(long)]
        assessment: String,
        #[arg(long, default_value = "bn")]
        language: String,
        #[arg(long)]
        out: PathBuf,
    },
    /// Her organisation's case list as a spreadsheet, with the list's filters. Identity only
    /// with --identity, and only for someone who may open it. Recorded in the audit trail.
    Cases {
        #[command(flatten)]
        sheet: SheetArgs,
        /// Only cases at this stage (e.g. in-care).
        #[arg(long)]
        stage: Option<String>,
        /// Only the cases --as carries.
        #[arg(long)]
        mine: bool,
        /// Only the cases this colleague (a username) carries.
        #[arg(long)]
        carried_by: Option<String>,
        /// Only cases whose code begins so (e.g. K7Q2).
        #[arg(long)]
        code: Option<String>,
        /// Opened on or after this day (YYYY-MM-DD).
        #[arg(long)]
        opened_from: Option<String>,
        /// Opened on or before this day (YYYY-MM-DD).
        #[arg(long)]
        opened_to: Option<String>,
        /// Only cases whose plan is due for review.
        #[arg(long)]
        overdue: bool,
        /// Add her name, family and address (each opening is audited).
        #[arg(long)]
        identity: bool,
    },
    /// A form's filled assessments, one row per submission and one column per question name
    /// (a repeat on its own sheet; as CSV, a zip of files when the form has repeats).
    /// Recorded in the audit trail.
    Assessments {
        #[command(flatten)]
        sheet: SheetArgs,
        /// The form's key (e.g. home-family-assessment).
        #[arg(long)]
        form: String,
    },
    /// A workshop's attendance by day, its drop-outs and evaluation results (as CSV, a zip of
    /// three files). Recorded in the audit trail.
    Attendance {
        #[command(flatten)]
        sheet: SheetArgs,
        /// The workshop's id.
        #[arg(long)]
        workshop: String,
    },
    /// The anonymised HTCDS 2.0 export: one row per case whose survivor consented to
    /// statistics, k-anonymous (k = 5). The format follows --out's ending (.csv or .json).
    /// Without --as, the whole network, as the operator; with it, what that person may take
    /// (the network admin: the network; a director: her organisation). Prints what was
    /// generalised and suppressed. Recorded in the audit trail.
    Htcds {
        /// The username whose rights apply; the audit trail records her as the one who
        /// exported.
        #[arg(long = "as", value_name = "USERNAME")]
        as_user: Option<String>,
        /// FILE.csv or FILE.json.
        #[arg(long)]
        out: PathBuf,
    },
}

/// What every spreadsheet export takes.
#[derive(clap::Args)]
pub struct SheetArgs {
    /// The username whose rights apply; the audit trail records her as the one who exported.
    #[arg(long = "as", value_name = "USERNAME")]
    as_user: String,
    #[arg(long, value_parser = ["csv", "xlsx"])]
    format: String,
    /// The language of labels (stages, choices, yes/no): bn, hi or en.
    #[arg(long, default_value = "en")]
    language: String,
    #[arg(long)]
    out: PathBuf,
}

/// The person `--as` names, acting from the command line now.
async fn acting_as(store: &Arc<dyn Store>, username: &str) -> Result<app::Acting, Failure> {
    app::accounts::acting_as(store, username, "cli", SystemClock.now())
        .await
        .map_err(|e| match e {
            app::Error::NotFound => Failure(format!("no active user {username}")),
            other => failed(other),
        })
}

/// Writes a spreadsheet export and says where, and what it became (a CSV of several tables
/// comes as a zip).
async fn sheet(
    store: &Arc<dyn Store>,
    args: &SheetArgs,
    not_found: String,
    export: impl AsyncFnOnce(
        &app::App,
        &app::Acting,
        Language,
        app::exports::Format,
    ) -> Result<app::exports::Download, app::Error>,
) -> Result<(), Failure> {
    let language = self::language(&args.language)?;
    let format = app::exports::Format::from_extension(&args.format)
        .ok_or_else(|| Failure(format!("unknown format {:?}: use csv or xlsx", args.format)))?;
    let acting = acting_as(store, &args.as_user).await?;
    let app = self::app(store)?;
    let download = export(&app, &acting, language, format)
        .await
        .map_err(|e| match e {
            app::Error::NotFound => Failure(not_found),
            // The refusal as the pages say it, in English.
            app::Error::Forbidden(reason) => Failure(format!(
                "refused to {}: {}",
                args.as_user,
                app.i18n.text(Language::En, reason.message_id())
            )),
            other => failed(other),
        })?;
    write(&args.out, &download.bytes)?;
    println!(
        "{}\t{} rows\t{}",
        args.out.display(),
        download.rows,
        download.format.extension()
    );
    Ok(())
}

fn language(text: &str) -> Result<Language, Failure> {
    text.parse()
        .map_err(|_| Failure(format!("unknown language {text:?}: use bn, hi or en")))
}

/// Writes beside, then renames: a report is never left half-written under its name.
fn write(out: &std::path::Path, bytes: &[u8]) -> Result<(), Failure> {
    let partial = out.with_extension("partial");
    std::fs::write(&partial, bytes)
        .and_then(|_| std::fs::rename(&partial, out))
        .map_err(|e| Failure(format!("cannot write {}: {e}", out.display())))
}

/// What the report services reach: the store, the words and the clock.
fn app(store: &Arc<dyn Store>) -> Result<app::App, Failure> {
    let i18n = i18n::I18n::load().map_err(|e| Failure(format!("interface text: {e}")))?;
    app::App::new(store.clone(), Arc::new(i18n), Arc::new(SystemClock)).map_err(failed)
}

fn failed(e: app::Error) -> Failure {
    match e {
        app::Error::Internal(why) => Failure(why),
        other => Failure(other.english()),
    }
}

/// Recorded before the file is written: her data never leaves without its entry.
async fn audit(
    store: &Arc<dyn Store>,
    case: &domain::Case,
    language: Language,
    action: AuditAction,
) -> Result<(), Failure> {
    let event = AuditEvent::new(SystemClock.now(), action, format!("case:{}", case.id))
        .scoped_to(case.custodian)
        .from_source("cli")
        .with_detail(app::accounts::detail(&[("language", language.code())]));
    store.append_audit(event).await?;
    Ok(())
}

pub async fn run(store: &Arc<dyn Store>, command: ExportCommand) -> Result<ExitCode, Failure> {
    match command {
        ExportCommand::Plan {
            case,
            language,
            out,
        } => {
            let language = self::language(&language)?;
            let found = match case.parse::<domain::CaseId>() {
                Ok(id) => store.case(id, &domain::scope::CaseScope::Network).await?,
                Err(_) => match case.parse::<domain::CaseCode>() {
                    Ok(code) => store.case_by_code(&code).await?,
                    Err(_) => None,
                },
            };
            let case = found.ok_or_else(|| Failure(format!("no case {case}")))?;
            let app = self::app(store)?;
            let sight = app::reports::custodian_sight(store, &case, SystemClock.now())
                .await
                .map_err(failed)?;
            // Times on the custodian's clock: hers is the view the operator prints.
            let zone = store.time_zone_of(case.custodian).await?;
            let t = app::Tr::new(&app.i18n, language, &zone);
            let bytes = app::reports::plan_pdf(&app, &case, &sight, t)
                .await
                .map_err(failed)?;
            audit(store, &case, language, AuditAction::PlanExported).await?;
            write(&out, &bytes)?;
            println!("{}\t{} bytes", out.display(), bytes.len());
        }
        ExportCommand::Assessment {
            assessment,
            language,
            out,
        } => {
            let language = self::language(&language)?;
            let id: domain::AssessmentId = assessment
                .parse()
                .map_err(|_| Failure(format!("no assessment {assessment}")))?;
            let app = self::app(store)?;
            let (case, bytes) = app::reports::assessment_pdf(&app, id, language, SystemClock.now())
                .await
                .map_err(|e| match e {
                    app::Error::NotFound => Failure(format!("no assessment {assessment}")),
                    other => failed(other),
                })?;
            audit(store, &case, language, AuditAction::AssessmentExported).await?;
            write(&out, &bytes)?;
            println!("{}\t{} bytes", out.display(), bytes.len());
        }
        ExportCommand::Cases {
            sheet,
            stage,
            mine,
            carried_by,
            code,
            opened_from,
            opened_to,
            overdue,
            identity,
        } => {
            let query = app::exports::CaseQuery {
                q: None,
                stage,
                mine,
                carried_by,
                code,
                opened_from,
                opened_to,
                overdue,
                identity,
            };
            let none = "no cases".to_string();
            self::sheet(
                store,
                &sheet,
                none,
                async |app, acting, language, format| {
                    app::exports::cases(app, acting, &query, language, format).await
                },
            )
            .await?;
        }
        ExportCommand::Assessments { sheet, form } => {
            let none = format!("no form {form}");
            self::sheet(
                store,
                &sheet,
                none,
                async |app, acting, language, format| {
                    app::exports::assessments(app, acting, &form, language, format).await
                },
            )
            .await?;
        }
        ExportCommand::Attendance { sheet, workshop } => {
            let id: domain::WorkshopId = workshop
                .parse()
                .map_err(|_| Failure(format!("no workshop {workshop}")))?;
            let none = format!("no workshop {workshop}");
            self::sheet(
                store,
                &sheet,
                none,
                async |app, acting, language, format| {
                    app::exports::attendance(app, acting, id, language, format).await
                },
            )
            .await?;
        }
        ExportCommand::Htcds { as_user, out } => {
            let extension = out.extension().and_then(|e| e.to_str()).unwrap_or_default();
            let format = app::exports::HtcdsFormat::from_extension(extension).ok_or_else(|| {
                Failure(format!("{}: name the file .csv or .json", out.display()))
            })?;
            let acting = match &as_user {
                Some(username) => acting_as(store, username).await?,
                None => app::Acting::cli(SystemClock.now()),
            };
            let app = self::app(store)?;
            let export = app::exports::htcds(&app, &acting, format)
                .await
                .map_err(|e| match e {
                    app::Error::Forbidden(reason) => Failure(format!(
                        "refused to {}: {}",
                        as_user.as_deref().unwrap_or("the operator"),
                        app.i18n.text(Language::En, reason.message_id())
                    )),
                    other => failed(other),
                })?;
            write(&out, &export.bytes)?;
            println!("{}	{}", out.display(), export.report.line());
        }
    }
    Ok(ExitCode::SUCCESS)
}
