//! Exchange visits as a page: the matrix of counterparts each organisation has visited (none is
//! flagged), the visits with what was learned, and the form to record one.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use domain::policy::{Action, Resource};
use domain::training::exchange::Progress;

use serde::Deserialize;

use super::{Choice, FormData, FormView, Page, render, render_with_status, see_other};
use crate::{AppError, AppState, Ctx};

pub struct MatrixLine {
    pub name: String,
    pub kind: String,
    pub visited: String,
    pub hosted: String,
    pub progress: String,
    pub flagged: bool,
}

#[derive(Template)]
#[template(path = "exchange.html")]
struct ExchangeTemplate<'a> {
    page: Page<'a>,
    matrix: Vec<MatrixLine>,
    /// Who visited whom, when, who went, what they learned.
    visits: Vec<(String, String, String, String)>,
    can_record: bool,
    /// The programme's drop-outs and this matrix as a workbook, for those who may.
    can_export: bool,
    organisations: Vec<Choice>,
    form: FormView,
}

async fn page<'a>(
    state: &'a AppState,
    ctx: &'a Ctx,
    form: FormView,
    notice: Option<&str>,
) -> Result<ExchangeTemplate<'a>, AppError> {
    let origin = crate::api::organisations::origin(state, ctx)?;
    let (orgs, rows, visits) = app::training::exchange::overview(&state.store, &origin).await?;
    let t = ctx.tr(&state.i18n);
    let name = |id: &domain::OrgId| {
        orgs.iter()
            .find(|o| o.id == *id)
            .map(|o| o.fields.name.to_string())
            .unwrap_or_default()
    };
    let names = |ids: &[domain::OrgId]| ids.iter().map(name).collect::<Vec<_>>().join(", ");
    let matrix = rows
        .iter()
        .filter_map(|r| {
            let org = orgs.iter().find(|o| o.id == r.org)?;
            Some(MatrixLine {
                name: org.fields.name.to_string(),
                kind: t.get(&format!("org-kind-{}", org.fields.kind)),
                visited: format!(
                    "{} {}",
                    i18n::format_number(ctx.lang, r.visited.len() as i64),
                    names(&r.visited)
                ),
                hosted: names(&r.hosted),
                progress: t.get(&format!("exchange-progress-{}", r.progress.as_str())),
                flagged: r.progress == Progress::None,
            })
        })
        .collect();
    let visits = visits
        .iter()
        .map(|v| {
            (
                state.i18n.text_with(
                    ctx.lang,
                    "exchange-visit-line",
                    &[
                        ("visitor", i18n::Arg::Text(name(&v.visitor_org))),
                        ("host", i18n::Arg::Text(name(&v.host_org))),
                    ],
                ),
                i18n::format_day(ctx.lang, v.visited_on),
                v.visitors.clone(),
                v.learned.clone(),
            )
        })
        .collect();
    let can_record = super::allowed(ctx, Action::ManageTraining, Resource::Network);
    let organisations = orgs
        .iter()
        .map(|o| Choice {
            value: o.id.to_string(),
            label: format!(
                "{} ({})",
                o.fields.name,
                t.get(&format!("org-kind-{}", o.fields.kind))
            ),
        })
        .collect();
    let page = Page::new(state, ctx, "/training/exchange-visits", "exchange-title").notice(notice);
    Ok(ExchangeTemplate {
        can_export: super::allowed(
            ctx,
            Action::Export(domain::policy::Export::Training),
            Resource::Network,
        ),
        page,
        matrix,
        visits,
        can_record,
        organisations,
        form,
    })
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct NoticeQuery {
    notice: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    axum::extract::Query(query): axum::extract::Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let notice = (query.notice.as_deref() == Some("saved")).then_some("exchange-saved");
    render(&page(&state, &ctx, FormView::default(), notice).await?)
}

/// An exchange visit between two organisations, and what the visitors learned.
#[derive(Default, Deserialize)]
#[serde(default)]
struct VisitForm {
    visitor_org: String,
    host_org: String,
    visited_on: String,
    /// Kept as text: the service says, in her language, when it is not a number.
    visitors: String,
    learned: String,
}

pub async fn record(
    State(state): State<AppState>,
    ctx: Ctx,
    data: FormData,
) -> Result<Response, AppError> {
    let origin = crate::api::organisations::origin(&state, &ctx)?;
    let form: VisitForm = data.read()?;
    let input = app::training::exchange::VisitInput {
        visitor_org: form.visitor_org,
        host_org: form.host_org,
        visited_on: form.visited_on,
        visitors: form.visitors,
        learned: form.learned,
    };
    match app::training::exchange::record(&state.store, &origin, &input)
        .await
        .map_err(AppError::from)
    {
        Ok(_) => Ok(see_other("/training/exchange-visits?notice=saved")),
        Err(AppError::Invalid(errors)) => {
            let t = ctx.tr(&state.i18n);
            render_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &page(
                    &state,
                    &ctx,
                    FormView::from_data(&data).with_errors(&t, &errors),
                    None,
                )
                .await?,
            )
        }
        Err(other) => Err(other),
    }
}
