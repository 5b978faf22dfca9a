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

/// A term as a reader of one language sees it.
pub struct TermRow {
    /// Its place on the page (`#term-…`).
    pub anchor: String,
    /// Her language's headword with the term in brackets.
    pub heading: String,
    pub synonyms: String,
    pub explanation: String,
    /// "Reviewed by …, on …", or none: the page marks the translation as not yet reviewed.
    pub reviewed: Option<String>,
    pub edit_href: String,
}

/// One language's translation of the term being edited, and who reviewed it.
pub struct ReviewLine {
    pub language: &'static str,
    pub code: &'static str,
    pub reviewed: Option<String>,
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
    /// The filter typed in (`?q=`), and how many terms it left of how many.
    query: String,
    shown: Option<String>,
    /// Editing one term, for the network admin: each translation's review, and the form to
    /// record one.
    reviews: Vec<ReviewLine>,
    review_form: FormView,
    can_review: bool,
}

/// What the glossary page shows besides the terms: a text scanned, a form being filled, the
/// term being edited, a notice, and the filter.
#[derive(Default)]
struct View {
    scan: FormView,
    form: FormView,
    editing: Option<(String, i64)>,
    review_form: FormView,
    notice: Option<&'static str>,
    query: String,
}

/// "Reviewed by Rupa Das on 26 August 2026", in her language.
fn reviewed_line(t: &app::Tr, review: &domain::glossary::Review) -> String {
    t.i18n.text_with(
        t.lang,
        "glossary-reviewed-by",
        &[
            ("reviewer", i18n::Arg::Text(review.reviewer.clone())),
            ("date", i18n::Arg::Text(t.date(review.at))),
        ],
    )
}

/// Whether a term answers the filter: the words typed appear in its term, a headword, another
/// spelling, or the explanation in her language (any case, any Unicode form).
fn matches(term: &domain::glossary::GlossaryTerm, query: &str, lang: domain::Language) -> bool {
    let query = domain::glossary::key(query);
    if query.is_empty() {
        return true;
    }
    let d = &term.draft;
    std::iter::once(&d.term)
        .chain([&d.headwords.bn, &d.headwords.hi])
        .chain(&d.synonyms)
        .chain(std::iter::once(&d.explanations.get(lang).to_string()))
        .any(|text| domain::glossary::key(text).contains(&query))
}

fn origin(state: &AppState, ctx: &Ctx) -> Result<app::Acting, AppError> {
    crate::api::organisations::origin(state, ctx)
}

async fn page<'a>(
    state: &'a AppState,
    ctx: &'a Ctx,
    view: View,
) -> Result<GlossaryTemplate<'a>, AppError> {
    let actor = ctx.authorize(Action::ReadGlossary, Resource::Network)?;
    let page = Page::new(state, ctx, "/glossary", "glossary-title").notice(view.notice);
    let t = ctx.tr(&state.i18n);
    let glossary = state.glossary().await?;
    let text = view.scan.value("text").to_string();
    let (highlighted, explained) = if text.trim().is_empty() {
        (None, Vec::new())
    } else {
        (
            Some(glossary.highlight(&text, ctx.lang)),
            glossary.explained(&[&text], ctx.lang),
        )
    };
    let all = glossary.terms();
    let mut terms: Vec<TermRow> = all
        .iter()
        .filter(|term| matches(term, &view.query, ctx.lang))
        .map(|term| TermRow {
            anchor: format!("term-{}", term.id),
            heading: term.draft.heading(ctx.lang),
            synonyms: term.draft.synonyms.join(", "),
            explanation: term.draft.explanations.get(ctx.lang).to_string(),
            reviewed: term.review(ctx.lang).map(|r| reviewed_line(&t, r)),
            edit_href: format!("/glossary/{}/edit", term.id),
        })
        .collect();
    // In the order of her alphabet: the headwords she reads.
    terms.sort_by_key(|row| domain::glossary::key(&row.heading));
    let shown = (!view.query.trim().is_empty()).then(|| {
        t.i18n.text_with(
            t.lang,
            "glossary-shown",
            &[
                ("count", i18n::Arg::Count(terms.len() as i64)),
                ("total", i18n::Arg::Text(t.number(all.len() as i64))),
            ],
        )
    });
    let editing_term = view
        .editing
        .as_ref()
        .and_then(|(path, _)| path.rsplit('/').next())
        .and_then(|id| id.parse::<uuid::Uuid>().ok())
        .and_then(|id| all.iter().find(|term| term.id == id));
    let reviews = editing_term
        .map(|term| {
            domain::Language::ALL
                .into_iter()
                .map(|l| ReviewLine {
                    language: l.autonym(),
                    code: l.code(),
                    reviewed: term.review(l).map(|r| reviewed_line(&t, r)),
                })
                .collect()
        })
        .unwrap_or_default();
    Ok(GlossaryTemplate {
        page,
        terms,
        can_edit: app::policy::allows(&actor, Action::EditGlossary, &Resource::Network),
        can_review: app::policy::allows(&actor, Action::ReviewGlossary, &Resource::Network),
        scan: view.scan,
        highlighted,
        explained,
        form: view.form,
        editing: view.editing,
        query: view.query,
        shown,
        reviews,
        review_form: view.review_form,
    })
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct NoticeQuery {
    notice: Option<String>,
    /// Words to filter the terms by.
    q: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    axum::extract::Query(query): axum::extract::Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let notice = match query.notice.as_deref() {
        Some("saved") => Some("glossary-saved"),
        Some("removed") => Some("glossary-removed"),
        Some("reviewed") => Some("glossary-review-saved"),
        _ => None,
    };
    let view = View {
        notice,
        query: query.q.unwrap_or_default().trim().to_string(),
        ..View::default()
    };
    render(&page(&state, &ctx, view).await?)
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
    headword_bn: String,
    headword_hi: String,
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
            headword_bn: self.headword_bn,
            headword_hi: self.headword_hi,
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
            &page(
                &state,
                &ctx,
                View {
                    scan,
                    ..View::default()
                },
            )
            .await?,
        );
    }
    render(
        &page(
            &state,
            &ctx,
            View {
                scan,
                ..View::default()
            },
        )
        .await?,
    )
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
                &page(
                    state,
                    ctx,
                    View {
                        form,
                        editing,
                        ..View::default()
                    },
                )
                .await?,
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

/// The term's fields as the edit form shows them.
fn term_form(t: &domain::glossary::GlossaryTerm) -> FormView {
    let input = TermInput::from_term(t);
    let mut form = FormView::default();
    form.set("term", input.term);
    form.set("headword_bn", input.headword_bn);
    form.set("headword_hi", input.headword_hi);
    form.set("synonyms", t.draft.synonyms.join("\n"));
    form.set("explanation_bn", input.explanation_bn);
    form.set("explanation_hi", input.explanation_hi);
    form.set("explanation_en", input.explanation_en);
    form
}

pub async fn edit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    ctx.authorize(Action::EditGlossary, Resource::Network)?;
    let t = term(&state, &id).await?;
    let form = term_form(&t);
    let editing = Some((format!("/glossary/{}", t.id), t.version));
    render(
        &page(
            &state,
            &ctx,
            View {
                form,
                editing,
                ..View::default()
            },
        )
        .await?,
    )
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

/// Who reviewed which translation, and the version she read.
#[derive(Default, Deserialize)]
#[serde(default)]
struct ReviewForm {
    language: String,
    reviewer: String,
    version: String,
}

/// Records that a named person reviewed one translation of the term; back to the glossary, or
/// the edit page again with her input and what was wrong.
pub async fn review(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    data: FormData,
) -> Result<Response, AppError> {
    ctx.authorize(Action::ReviewGlossary, Resource::Network)?;
    let t = term(&state, &id).await?;
    let form: ReviewForm = data.read()?;
    // A missing or unreadable version is 0, which the store refuses as out of date.
    let version = form.version.trim().parse().unwrap_or(0);
    let input = glossary::ReviewInput {
        language: form.language,
        reviewer: form.reviewer,
    };
    match glossary::review(&state, &origin(&state, &ctx)?, &t, version, &input).await {
        Ok(_) => Ok(see_other(&format!(
            "/glossary?notice=reviewed#term-{}",
            t.id
        ))),
        Err(app::Error::Invalid(errors)) => {
            let tr = ctx.tr(&state.i18n);
            let review_form = FormView::from_data(&data).with_errors(&tr, &errors);
            let form = term_form(&t);
            render_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &page(
                    &state,
                    &ctx,
                    View {
                        form,
                        editing: Some((format!("/glossary/{}", t.id), t.version)),
                        review_form,
                        ..View::default()
                    },
                )
                .await?,
            )
        }
        Err(other) => Err(other.into()),
    }
}
