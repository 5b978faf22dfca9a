//! The network's forms: every form with its version, each form's questions to read before
//! anyone fills it in, and (for the network admin) a new version from an XLSForm, with each row
//! that could not be taken listed.

use askama::Template;
use axum::extract::{Path, Query, State};
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

/// A question as the preview shows it: what is asked, how it is answered, and when.
pub struct PreviewQuestion {
    pub label: String,
    /// Its name as the form wrote it, the column it has in a spreadsheet export.
    pub name: String,
    /// How it is answered, in her words ("a date", "one of a list").
    pub kind: String,
    pub required: bool,
    pub help: String,
    pub choices: Vec<String>,
    /// "Asked only if …", or the form's own condition when it is more than one answer.
    pub condition: String,
    /// A calculation as the form wrote it.
    pub calculation: Option<String>,
}

pub enum PreviewItem {
    Question(PreviewQuestion),
    Repeat {
        label: String,
        condition: String,
        questions: Vec<PreviewQuestion>,
    },
}

pub struct PreviewSection {
    pub label: String,
    /// Who reads the answers: the section class, named as on the case page.
    pub class: String,
    pub condition: String,
    pub items: Vec<PreviewItem>,
}

#[derive(Template)]
#[template(path = "form_preview.html")]
struct PreviewTemplate<'a> {
    page: Page<'a>,
    meta: String,
    sections: Vec<PreviewSection>,
    questions: String,
}

/// When an item is shown: the one-answer condition in her words, else the form's expression.
fn preview_condition(
    t: &super::Tr,
    def: &domain::form::FormDef,
    simple: &Option<domain::form::Condition>,
    expression: &Option<String>,
) -> String {
    let said = super::assessments::condition_text(t, def, simple);
    match expression {
        Some(e) if said.is_empty() => t.with("form-preview-only-when", "condition", e),
        _ => said,
    }
}

fn preview_question(
    t: &super::Tr,
    def: &domain::form::FormDef,
    f: &domain::form::Field,
) -> PreviewQuestion {
    use domain::form::FieldKind;
    let choices = match f.kind {
        FieldKind::YesNo => vec![t.get("form-yes"), t.get("form-no")],
        FieldKind::Choice | FieldKind::Choices => f
            .choices
            .as_ref()
            .and_then(|l| def.choice_lists.get(l))
            .map(|list| {
                list.iter()
                    .map(|c| c.label.get(t.lang).to_string())
                    .collect()
            })
            .unwrap_or_default(),
        _ => Vec::new(),
    };
    let kind = match f.kind {
        FieldKind::Text => "text",
        FieldKind::LongText => "long-text",
        FieldKind::Number | FieldKind::Decimal => "number",
        FieldKind::Integer => "integer",
        FieldKind::Date => "date",
        FieldKind::Choice => "choice",
        FieldKind::Choices => "choices",
        FieldKind::YesNo => "yes-no",
        FieldKind::Time => "time",
        FieldKind::DateTime => "datetime",
        FieldKind::Note => "note",
        FieldKind::Calculate => "calculate",
        FieldKind::Acknowledge => "acknowledge",
        FieldKind::Range => "range",
        FieldKind::Geopoint => "geopoint",
        FieldKind::Image => "image",
        FieldKind::Audio => "audio",
        FieldKind::File => "file",
    };
    PreviewQuestion {
        label: f.label.get(t.lang).to_string(),
        name: f.name.clone(),
        kind: t.get(&format!("form-kind-{kind}")),
        required: f.required,
        help: f
            .help
            .as_ref()
            .map(|h| h.get(t.lang).to_string())
            .unwrap_or_default(),
        choices,
        condition: preview_condition(t, def, &f.relevant, &f.relevant_expression),
        calculation: f.calculation.clone(),
    }
}

/// `GET /forms/{key}`: the latest version of a form, its questions in the reader's language,
/// so that a worker (and the girl, if she asks) knows what will be asked before it is.
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(key): Path<String>,
) -> Result<Response, AppError> {
    ctx.authorize(Action::ReadForms, Resource::Network)?;
    let form = forms::form(&state.store, &key, None).await?;
    let t = ctx.tr(&state.i18n);
    let def = &form.def;
    let sections: Vec<PreviewSection> = def
        .sections
        .iter()
        .map(|s| PreviewSection {
            label: s.label.get(ctx.lang).to_string(),
            class: t.get(&format!("section-{}", s.sensitivity.as_str())),
            condition: preview_condition(&t, def, &s.relevant, &s.relevant_expression),
            items: s
                .items
                .iter()
                .map(|item| match item {
                    domain::form::Item::Field(f) => {
                        PreviewItem::Question(preview_question(&t, def, f))
                    }
                    domain::form::Item::Repeat {
                        label,
                        fields,
                        relevant,
                        relevant_expression,
                        ..
                    } => PreviewItem::Repeat {
                        label: label.get(ctx.lang).to_string(),
                        condition: preview_condition(&t, def, relevant, relevant_expression),
                        questions: fields
                            .iter()
                            .map(|f| preview_question(&t, def, f))
                            .collect(),
                    },
                })
                .collect(),
        })
        .collect();
    let asked = def.fields().filter(|(_, f)| f.kind.is_asked()).count();
    let page = Page::titled(&state, &ctx, "/forms", def.title.get(ctx.lang).to_string());
    render(&PreviewTemplate {
        meta: format!(
            "{} · {}",
            t.with(
                "form-version",
                "version",
                &i18n::format_number(ctx.lang, form.version)
            ),
            t.datetime(&form.created_at)
        ),
        questions: t.with(
            "form-preview-count",
            "count",
            &i18n::format_number(ctx.lang, i64::try_from(asked).unwrap_or(i64::MAX)),
        ),
        sections,
        page,
    })
}
