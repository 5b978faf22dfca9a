//! Filling a form for a case and reading it back: one engine renders every form for entry
//! (her input kept and each problem beside its field on a bad submission), for reading (in the
//! version it was filled in, with glossary terms explained), and as PDF.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use domain::form::{Condition, Field, FieldKind, FormDef, FormVersion, Item, ROWS_MAX, RawAnswers};
use domain::policy::Action;

use domain::Case;

use serde::Deserialize;

use super::{FormData, Page, Tr, render, render_with_status, see_other};
use crate::{AppError, AppState, Ctx};
use app::reports::assessment::{Reader, assessment_pdf, reading};
use app::{casework, forms};

pub struct EntryField {
    /// The input's name: `reason`, or `members.1.age` in a repeat.
    pub name: String,
    pub label: String,
    pub help: String,
    pub kind: &'static str,
    pub required: bool,
    /// (value, label, chosen)
    pub options: Vec<(String, String, bool)>,
    pub value: String,
    /// "Answer only if …", when the field depends on another answer.
    pub condition: String,
    pub error: Option<String>,
    /// For a photo, recording or file question: the kinds of file the picker offers.
    pub accept: &'static str,
}

pub enum EntryItem {
    Field(EntryField),
    Repeat {
        label: String,
        rows: Vec<Vec<EntryField>>,
    },
}

pub struct EntrySection {
    pub label: String,
    pub items: Vec<EntryItem>,
}

#[derive(Template)]
#[template(path = "assessment_form.html")]
struct EntryTemplate<'a> {
    page: Page<'a>,
    action: String,
    key: String,
    version: i64,
    version_note: String,
    has_errors: bool,
    /// Whether a question takes a file: the form is then sent as multipart.
    has_media: bool,
    sections: Vec<EntrySection>,
}

fn kind_name(kind: FieldKind) -> &'static str {
    match kind {
        FieldKind::Text => "text",
        FieldKind::LongText => "long-text",
        FieldKind::Number => "number",
        FieldKind::Date => "date",
        FieldKind::Choice => "choice",
        FieldKind::Choices => "choices",
        FieldKind::YesNo => "yes-no",
        FieldKind::Integer | FieldKind::Decimal | FieldKind::Range => "number",
        FieldKind::Time => "time",
        FieldKind::DateTime => "datetime",
        FieldKind::Note => "note",
        FieldKind::Calculate => "calculate",
        FieldKind::Acknowledge => "acknowledge",
        FieldKind::Geopoint => "geopoint",
        FieldKind::Image | FieldKind::Audio | FieldKind::File => "media",
    }
}

/// What a condition says, in her words: "Answer only if «Is the home safe?» is «No»".
pub(super) fn condition_text(t: &Tr, def: &FormDef, condition: &Option<Condition>) -> String {
    let Some(c) = condition else {
        return String::new();
    };
    let Some((_, field)) = def.fields().find(|(_, f)| f.name == c.field) else {
        return String::new();
    };
    let answer = match field.kind {
        FieldKind::YesNo if c.equals == "yes" => t.get("form-yes"),
        FieldKind::YesNo => t.get("form-no"),
        _ => def.choice_label(field, &c.equals, t.lang),
    };
    let question = field.label.get(t.lang).to_string();
    t.i18n.text_with(
        t.lang,
        "form-only-if",
        &[
            ("question", i18n::Arg::Text(question)),
            ("answer", i18n::Arg::Text(answer)),
        ],
    )
}

fn entry_field(
    t: &Tr,
    def: &FormDef,
    f: &Field,
    name: String,
    input: &RawAnswers,
    errors: &std::collections::HashMap<String, String>,
) -> EntryField {
    let values = input.get(&name).cloned().unwrap_or_default();
    let options = match f.kind {
        FieldKind::YesNo => vec![
            ("yes".to_string(), t.get("form-yes")),
            ("no".to_string(), t.get("form-no")),
        ],
        FieldKind::Choice | FieldKind::Choices => f
            .choices
            .as_ref()
            .and_then(|l| def.choice_lists.get(l))
            .map(|list| {
                list.iter()
                    .map(|c| (c.value.clone(), c.label.get(t.lang).to_string()))
                    .collect()
            })
            .unwrap_or_default(),
        _ => Vec::new(),
    }
    .into_iter()
    .map(|(v, l)| {
        let chosen = values.contains(&v);
        (v, l, chosen)
    })
    .collect();
    EntryField {
        label: f.label.get(t.lang).to_string(),
        help: f
            .help
            .as_ref()
            .map(|h| h.get(t.lang).to_string())
            .unwrap_or_default(),
        kind: kind_name(f.kind),
        required: f.required,
        options,
        value: values.first().cloned().unwrap_or_default(),
        condition: condition_text(t, def, &f.relevant),
        error: errors.get(&name).cloned(),
        accept: match f.kind {
            FieldKind::Image => "image/jpeg,image/png",
            FieldKind::Audio => "audio/*,.m4a,.amr,.opus",
            _ => "application/pdf,image/jpeg,image/png,audio/*,.m4a,.amr,.opus",
        },
        name,
    }
}

/// The entry form: her input back in its fields, each problem beside its field.
fn entry_sections(
    t: &Tr,
    form: &FormVersion,
    may: &dyn Fn(domain::consent::SectionClass) -> bool,
    input: &RawAnswers,
    errors: &std::collections::HashMap<String, String>,
) -> Vec<EntrySection> {
    let def = &form.def;
    def.sections
        .iter()
        .filter(|s| may(s.sensitivity))
        .map(|s| EntrySection {
            label: s.label.get(t.lang).to_string(),
            items: s
                .items
                .iter()
                .map(|item| match item {
                    Item::Field(f) => {
                        EntryItem::Field(entry_field(t, def, f, f.name.clone(), input, errors))
                    }
                    Item::Repeat {
                        name,
                        label,
                        fields,
                        ..
                    } => {
                        // The rows she filled, and two more empty ones.
                        let filled = (0..ROWS_MAX)
                            .filter(|i| {
                                let prefix = format!("{name}.{i}.");
                                input.keys().any(|k| k.starts_with(&prefix))
                            })
                            .max()
                            .map_or(0, |i| i + 1);
                        let rows = (0..(filled + 2).min(ROWS_MAX))
                            .map(|i| {
                                fields
                                    .iter()
                                    .map(|f| {
                                        let input_name = format!("{name}.{i}.{}", f.name);
                                        entry_field(t, def, f, input_name, input, errors)
                                    })
                                    .collect()
                            })
                            .collect();
                        EntryItem::Repeat {
                            label: label.get(t.lang).to_string(),
                            rows,
                        }
                    }
                })
                .collect(),
        })
        .collect()
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct NewQuery {
    form: String,
}

async fn entry_page<'a>(
    state: &'a AppState,
    ctx: &'a Ctx,
    case: &Case,
    form: &FormVersion,
    input: &RawAnswers,
    errors: &[crate::FieldError],
) -> Result<EntryTemplate<'a>, AppError> {
    let actor = ctx.actor()?;
    let t = ctx.tr(&state.i18n);
    let messages = errors
        .iter()
        .map(|e| (e.field.to_string(), t.get(e.message_id)))
        .collect();
    let may = forms::may(&actor, case);
    let page = Page::titled(
        state,
        ctx,
        "/cases",
        format!("{} · {}", form.def.title.get(ctx.lang), case.code.as_str()),
    );
    Ok(EntryTemplate {
        page,
        action: format!("/cases/{}/assessments", case.id),
        key: form.def.key.clone(),
        version: form.version,
        version_note: t.with(
            "form-version",
            "version",
            &i18n::format_number(ctx.lang, form.version),
        ),
        has_errors: !errors.is_empty(),
        has_media: form.def.fields().any(|(_, f)| f.kind.is_media()),
        sections: entry_sections(&t, form, &may, input, &messages),
    })
}

pub async fn new(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Query(q): Query<NewQuery>,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::ViewCase).await?;
    let form = forms::form(&state.store, &q.form, None).await?;
    let may = forms::may(&actor, &case);
    if !form.def.sections.iter().any(|s| may(s.sensitivity)) {
        return Err(AppError::Forbidden(domain::policy::DenyReason::NotAssigned));
    }
    render(&entry_page(&state, &ctx, &case, &form, &RawAnswers::new(), &[]).await?)
}

/// A filled assessment: which form and version, then her answers under the names the
/// XLSForm gave its questions (so they cannot be fields of a struct).
struct FilledForm {
    form: String,
    /// `None` when absent or unreadable: the newest version is used.
    version: Option<i64>,
    answers: RawAnswers,
}

/// The fields every assessment form sends besides its answers.
#[derive(Default, Deserialize)]
#[serde(default)]
struct FilledFields {
    form: String,
    version: String,
}

impl FilledForm {
    fn read(data: &FormData) -> Result<Self, AppError> {
        let fixed: FilledFields = data.read()?;
        let mut answers = RawAnswers::new();
        for (k, v) in &data.0 {
            if !matches!(k.as_str(), "csrf" | "form" | "version") {
                answers.entry(k.clone()).or_default().push(v.clone());
            }
        }
        Ok(Self {
            form: fixed.form,
            version: fixed.version.trim().parse().ok(),
            answers,
        })
    }
}

/// Saves a filled form. A form with photo, recording or file questions comes as multipart,
/// its files beside its answers; any other as an ordinary form.
pub async fn fill(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    request: axum::extract::Request,
) -> Result<Response, AppError> {
    use axum::extract::FromRequest;
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::ViewCase).await?;
    let is_multipart = request
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    let (data, files) = if is_multipart {
        let multipart = axum::extract::Multipart::from_request(request, &state)
            .await
            .map_err(|e| AppError::Malformed(e.body_text()))?;
        let (fields, files) = crate::upload::read_form(multipart).await?;
        (FormData(fields), files)
    } else {
        (FormData::from_request(request, &state).await?, Vec::new())
    };
    let FilledForm {
        form: key,
        version,
        answers: raw,
    } = FilledForm::read(&data)?;
    let result = forms::fill(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &case,
        &key,
        version,
        &raw,
        files,
    )
    .await
    .map_err(AppError::from);
    match result {
        Ok(a) => Ok(see_other(&format!(
            "/cases/{}/assessments/{}",
            case.id, a.id
        ))),
        Err(AppError::Invalid(errors)) if errors.iter().all(|e| e.field != "form") => {
            let form = forms::form(&state.store, &key, version).await?;
            render_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &entry_page(&state, &ctx, &case, &form, &raw, &errors).await?,
            )
        }
        Err(other) => Err(other),
    }
}

#[derive(Template)]
#[template(path = "assessment.html")]
struct ViewTemplate<'a> {
    page: Page<'a>,
    meta: String,
    pdf_href: String,
    hidden_note: Option<String>,
    sections: Vec<forms::ShownSection>,
    plain_words: Vec<(String, String)>,
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, aid)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::ViewCase).await?;
    let seen = ctx.sight(&state, &case).await?;
    let role = forms::may_read(&actor, &case);
    let reader = Reader {
        role: &role,
        sight: &seen,
    };
    let r = reading(
        &state,
        &reader,
        ctx.tr(&state.i18n),
        &case,
        crate::path::id(&aid)?,
        true,
    )
    .await?;
    casework::audit_read(&state.store, &ctx.acting(&actor, state.clock.now()), &case).await?;
    let page = Page::titled(&state, &ctx, "/cases", r.title);
    render(&ViewTemplate {
        page,
        meta: r.meta,
        pdf_href: format!("/cases/{}/assessments/{}/pdf", case.id, aid),
        hidden_note: r.hidden_note,
        sections: r.sections,
        plain_words: r.plain_words,
    })
}

pub async fn pdf_download(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, aid)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::ViewCase).await?;
    let seen = ctx.sight(&state, &case).await?;
    let role = forms::may_read(&actor, &case);
    let reader = Reader {
        role: &role,
        sight: &seen,
    };
    let bytes = assessment_pdf(
        &state,
        &reader,
        &case,
        crate::path::id(&aid)?,
        ctx.tr(&state.i18n),
    )
    .await?;
    casework::audit_read(&state.store, &ctx.acting(&actor, state.clock.now()), &case).await?;
    let file = format!("assessment-{}-{}.pdf", case.code.as_str(), ctx.lang.code());
    Ok((
        [
            (
                axum::http::header::CONTENT_TYPE,
                "application/pdf".to_string(),
            ),
            (
                axum::http::header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file}\""),
            ),
        ],
        bytes,
    )
        .into_response())
}
