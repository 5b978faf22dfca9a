//! The glossary page: find the plain words for a text, read every term with its explanation in
//! her language, and (for the network admin) add, change or remove terms.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use domain::policy::{Action, Resource};

use serde::Deserialize;

use super::{FormData, FormView, Page, render, render_with_status, see_other};
use crate::{AppError, AppState, Ctx};
use app::glossary::{self, TermInput};

pub struct TermRow {
    pub term: String,
    pub synonyms: String,
    pub explanation: String,
    pub edit_href: String,
}

#[derive(Template)]
#[template(path = "glossary.html")]
struct GlossaryTemplate<'a> {
    page: Page<'a>,
    terms: Vec<TermRow>,
    can_edit: bool,
    /// The text scanned, and the result: highlighted HTML and the plain words found.
    scan: FormView,
    highlighted: Option<String>,
    explained: Vec<(String, String)>,
    /// The add or edit form.
    form: FormView,
    /// Editing one term: its path and version.
    editing: Option<(String, i64)>,
}

fn origin(state: &AppState, ctx: &Ctx) -> Result<app::Acting, AppError> {
    crate::api::organisations::origin(state, ctx)
}

async fn page<'a>(
    state: &'a AppState,
    ctx: &'a Ctx,
    scan: FormView,
    form: FormView,
    editing: Option<(String, i64)>,
    notice: Option<&str>,
) -> Result<GlossaryTemplate<'a>, AppError> {
    let actor = ctx.authorize(Action::ReadGlossary, Resource::Network)?;
    let page = Page::new(state, ctx, "/glossary", "glossary-title").notice(notice);
    let glossary = state.glossary().await?;
    let text = scan.value("text").to_string();
    let (highlighted, explained) = if text.trim().is_empty() {
        (None, Vec::new())
    } else {
        (
            Some(glossary.highlight(&text, ctx.lang)),
            glossary.explained(&[&text], ctx.lang),
        )
    };
    let terms = glossary
        .terms()
        .iter()
        .map(|t| TermRow {
            term: t.draft.term.clone(),
            synonyms: t.draft.synonyms.join(", "),
            explanation: t.draft.explanations.get(ctx.lang).to_string(),
            edit_href: format!("/glossary/{}/edit", t.id),
        })
        .collect();
    Ok(GlossaryTemplate {
        page,
        terms,
        can_edit: app::policy::allows(&actor, Action::EditGlossary, &Resource::Network),
        scan,
        highlighted,
        explained,
        form,
        editing,
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
    let notice = match query.notice.as_deref() {
        Some("saved") => Some("glossary-saved"),
        Some("removed") => Some("glossary-removed"),
        _ => None,
    };
    render(
        &page(
            &state,
            &ctx,
            FormView::default(),
            FormView::default(),
            None,
            notice,
        )
        .await?,
    )
}

/// Text to scan for glossary terms.
#[derive(Default, Deserialize)]
#[serde(default)]
struct ScanForm {
    text: String,
}

/// A glossary term, its synonyms one per line, and its plain explanation in each language;
/// `version` when it is edited or removed.
#[derive(Default, Deserialize)]
#[serde(default)]
struct TermForm {
    term: String,
    synonyms: String,
    explanation_bn: String,
    explanation_hi: String,
    explanation_en: String,
    version: String,
}

impl TermForm {
    /// The version the change is based on; a missing or unreadable one is 0, which the service
    /// refuses as out of date.
    fn version(&self) -> i64 {
        self.version.trim().parse().unwrap_or(0)
    }

    fn input(self) -> TermInput {
        TermInput {
            term: self.term,
            synonyms: glossary::Synonyms::Text(self.synonyms),
            explanation_bn: self.explanation_bn,
            explanation_hi: self.explanation_hi,
            explanation_en: self.explanation_en,
        }
    }
}

/// Scans the text typed in and shows it again with its terms marked and explained.
pub async fn scan(
    State(state): State<AppState>,
    ctx: Ctx,
    data: FormData,
) -> Result<Response, AppError> {
    let t = ctx.tr(&state.i18n);
    let scan = FormView::from_data(&data);
    let form: ScanForm = data.read()?;
    if let Err(app::Error::Invalid(errors)) = glossary::check_scan_text(&form.text) {
        let scan = scan.with_errors(&t, &errors);
        return render_with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &page(&state, &ctx, scan, FormView::default(), None, None).await?,
        );
    }
    render(&page(&state, &ctx, scan, FormView::default(), None, None).await?)
}

/// After a change: the glossary again, or the form with her input and what was wrong.
async fn after(
    state: &AppState,
    ctx: &Ctx,
    data: &FormData,
    result: Result<(), AppError>,
    editing: Option<(String, i64)>,
) -> Result<Response, AppError> {
    match result {
        Ok(()) => Ok(see_other("/glossary?notice=saved")),
        Err(AppError::Invalid(errors)) => {
            let t = ctx.tr(&state.i18n);
            let form = FormView::from_data(data).with_errors(&t, &errors);
            render_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &page(state, ctx, FormView::default(), form, editing, None).await?,
            )
        }
        Err(other) => Err(other),
    }
}

pub async fn add(
    State(state): State<AppState>,
    ctx: Ctx,
    data: FormData,
) -> Result<Response, AppError> {
    ctx.authorize(Action::EditGlossary, Resource::Network)?;
    let input = data.read::<TermForm>()?.input();
    let result = glossary::add(&state, &origin(&state, &ctx)?, &input)
        .await
        .map(|_| ())
        .map_err(AppError::from);
    after(&state, &ctx, &data, result, None).await
}

async fn term(state: &AppState, id: &str) -> Result<domain::glossary::GlossaryTerm, AppError> {
    let id: uuid::Uuid = id.parse().map_err(|_| AppError::NotFound)?;
    state
        .store
        .glossary_term(id)
        .await?
        .ok_or(AppError::NotFound)
}

pub async fn edit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    ctx.authorize(Action::EditGlossary, Resource::Network)?;
    let t = term(&state, &id).await?;
    let input = TermInput::from_term(&t);
    let mut form = FormView::default();
    form.set("term", input.term);
    form.set("synonyms", t.draft.synonyms.join("\n"));
    form.set("explanation_bn", input.explanation_bn);
    form.set("explanation_hi", input.explanation_hi);
    form.set("explanation_en", input.explanation_en);
    let editing = Some((format!("/glossary/{}", t.id), t.version));
    render(&page(&state, &ctx, FormView::default(), form, editing, None).await?)
}

pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    data: FormData,
) -> Result<Response, AppError> {
    ctx.authorize(Action::EditGlossary, Resource::Network)?;
    let t = term(&state, &id).await?;
    let form: TermForm = data.read()?;
    let version = form.version();
    let result = glossary::update(&state, &origin(&state, &ctx)?, t.id, version, &form.input())
        .await
        .map(|_| ())
        .map_err(AppError::from);
    let editing = Some((format!("/glossary/{}", t.id), version));
    after(&state, &ctx, &data, result, editing).await
}

pub async fn remove(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    data: FormData,
) -> Result<Response, AppError> {
    ctx.authorize(Action::EditGlossary, Resource::Network)?;
    let t = term(&state, &id).await?;
    let version = data.read::<TermForm>()?.version();
    glossary::remove(&state, &origin(&state, &ctx)?, &t, version).await?;
    Ok(see_other("/glossary?notice=removed"))
}
