//! The network's forms: every form with its version, and (for the network admin) a new version
//! from an XLSForm, with each row that could not be taken listed.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use domain::policy::{Action, Resource};

use super::{Page, render, render_with_status, see_other};
use crate::{AppError, AppState, Ctx};
use app::forms;

#[derive(Template)]
#[template(path = "forms.html")]
struct FormsTemplate<'a> {
    page: Page<'a>,
    /// (title, key, version · date, whether its filled assessments can be downloaded)
    forms: Vec<(String, String, String, bool)>,
    can_import: bool,
    /// Whether she may download a form's filled assessments (of the cases she reads in full).
    can_export: bool,
    problems: Vec<String>,
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct NoticeQuery {
    imported: Option<String>,
}

async fn page<'a>(
    state: &'a AppState,
    ctx: &'a Ctx,
    notice: Option<String>,
    problems: Vec<String>,
) -> Result<FormsTemplate<'a>, AppError> {
    let actor = ctx.authorize(Action::ReadForms, Resource::Network)?;
    let t = ctx.tr(&state.i18n);
    let mut page = Page::new(state, ctx, "/forms", "forms-title");
    page.notice = notice;
    let forms = state
        .store
        .forms()
        .await?
        .iter()
        .map(|f| {
            (
                f.def.title.get(ctx.lang).to_string(),
                f.def.key.clone(),
                format!(
                    "{} · {}",
                    t.with(
                        "form-version",
                        "version",
                        &i18n::format_number(ctx.lang, f.version)
                    ),
                    t.datetime(&f.created_at)
                ),
                f.def.purpose.is_case(),
            )
        })
        .collect();
    Ok(FormsTemplate {
        page,
        forms,
        can_import: app::policy::allows(&actor, Action::ManageForms, &Resource::Network),
        can_export: app::policy::allows(
            &actor,
            Action::Export(domain::policy::Export::Assessments),
            &Resource::Organisation(actor.org_id),
        ),
        problems,
    })
}

pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let t = ctx.tr(&state.i18n);
    let notice = q.imported.map(|key| t.with("forms-imported", "key", &key));
    render(&page(&state, &ctx, notice, Vec::new()).await?)
}

pub async fn import(
    State(state): State<AppState>,
    ctx: Ctx,
    multipart: axum::extract::Multipart,
) -> Result<Response, AppError> {
    ctx.authorize(Action::ManageForms, Resource::Network)?;
    let origin = crate::api::organisations::origin(&state, &ctx)?;
    let result = match crate::upload::read(multipart).await {
        Ok((_, name, bytes)) => forms::import_xlsform(&state.store, &origin, &bytes, Some(&name))
            .await
            .map_err(AppError::from),
        Err(e) => Err(e),
    };
    let t = ctx.tr(&state.i18n);
    let (status, problems) = match result {
        Ok(f) => return Ok(see_other(&format!("/forms?imported={}", f.def.key))),
        Err(AppError::TooLarge) => (
            StatusCode::PAYLOAD_TOO_LARGE,
            vec![t.get("error-file-too-large")],
        ),
        // Each row's problem as the importer names it, under a heading in her language.
        Err(AppError::Invalid(errors)) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            errors
                .iter()
                .map(|e| {
                    forms::xlsform_problem(e, &state.i18n, ctx.lang)
                        .unwrap_or_else(|| e.english.clone())
                })
                .collect(),
        ),
        Err(other) => return Err(other),
    };
    render_with_status(status, &page(&state, &ctx, None, problems).await?)
}
