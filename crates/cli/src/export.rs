//! `saathi export …`: reports as PDF files, from the server itself.

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
    }
    Ok(ExitCode::SUCCESS)
}
