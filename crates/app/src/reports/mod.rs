//! Reports as PDF, for the pages and the `saathi export` command: the case plan in a chosen
//! language (assessments follow with the forms engine).

pub mod assessment;
pub mod plan;

use std::sync::Arc;

use domain::sight::Sight;
use domain::{Case, Language};
use i18n::I18n;
use store::Store;

use crate::{App, Tr};
use crate::{Error, casework};

/// A PDF that cannot be made is the server's problem (a missing font names the package to
/// install); the message goes to the log and the CLI.
fn failed(e: pdf::PdfError) -> Error {
    Error::internal(e.to_string())
}

/// What the case's custodian holds of it now: the operator at the CLI prints the case as her
/// organisation holds it, never what her consent keeps elsewhere. The operator's reads reach
/// the whole network.
pub async fn custodian_sight(
    store: &Arc<dyn Store>,
    case: &Case,
    at: domain::Timestamp,
) -> Result<Sight, Error> {
    let consents = store
        .consents_of(case.id, &domain::scope::CaseScope::Network)
        .await?;
    Ok(Sight::of(case.custodian, &case.passages, &consents, at))
}

/// The case plan as a PDF in the reader's language (`t`), as `sight` reaches it, with its glossary terms
/// explained at the end.
pub async fn plan_pdf(app: &App, case: &Case, sight: &Sight, t: Tr<'_>) -> Result<Vec<u8>, Error> {
    let (store, i18n, language) = (&app.store, &*app.i18n, t.lang);
    let plan = casework::plan_of(store, case, sight).await?;
    let views = crate::reports::plan::views(store, &t, case, &plan, sight).await?;
    let glossary = app.glossary().await?;
    let report = crate::reports::plan::report(&t, case, &views, &glossary);
    render(report, i18n, language).await
}

/// Any report, with the page numbers in the reader's language. Laying out and shaping a long
/// report takes a while, so it runs on a blocking thread, never on the server's workers.
pub(crate) async fn render(
    report: pdf::Report,
    i18n: &I18n,
    language: Language,
) -> Result<Vec<u8>, Error> {
    const PLACE: char = '\u{E000}';
    let label = i18n.text_with(
        language,
        "pdf-page",
        &[("page", i18n::Arg::Text(PLACE.to_string()))],
    );
    tokio::task::spawn_blocking(move || {
        let fonts = pdf::Fonts::from_env()?;
        pdf::render(&report, &fonts, &|n| {
            label.replace(PLACE, &i18n::format_number(language, n as i64))
        })
    })
    .await
    .map_err(|e| Error::internal(format!("the PDF task: {e}")))?
    .map_err(failed)
}

/// A filled assessment as a PDF in `language`, every section the custodian holds (the operator
/// at the CLI), in the form version it was filled in. Returns the case it belongs to, for the
/// audit entry.
pub async fn assessment_pdf(
    app: &App,
    assessment: domain::AssessmentId,
    language: Language,
    at: domain::Timestamp,
) -> Result<(Case, Vec<u8>), Error> {
    let store = &app.store;
    let a = store
        .assessment(assessment.0)
        .await?
        .ok_or(Error::NotFound)?;
    let case = store
        .case(a.case_id, &domain::scope::CaseScope::Network)
        .await?
        .ok_or(Error::NotFound)?;
    let sight = custodian_sight(store, &case, at).await?;
    // Times on the custodian's clock: hers is the view the operator prints.
    let zone = store.time_zone_of(case.custodian).await?;
    let bytes = crate::reports::assessment::assessment_pdf(
        app,
        &crate::reports::assessment::Reader {
            role: &|_| true,
            sight: &sight,
        },
        &case,
        assessment,
        Tr::new(&app.i18n, language, &zone),
    )
    .await?;
    Ok((case, bytes))
}
