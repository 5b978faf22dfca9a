//! A workshop's page for its trainers: who is enrolled, the drop-out risks flagged for each,
//! attendance day by day, drop-outs, the questionnaires and their change, and each
//! participant's joining brief. For a survivor workshop, its own trainers see the survivors
//! under their codes and what they said; directors and managers see only the unattributed
//! summary.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use domain::form::{FieldKind, Item, RawAnswers};
use domain::policy::{Action, Resource};
use domain::training::survivors::{Cell, PeerRole, Theme, Tone};
use domain::training::{DropoutReason, Workshop};

use serde::Deserialize;

use super::{Choice, FormData, FormView, Page, Tr, render_with_status, see_other};
use crate::{AppError, AppState, Ctx, FieldError};
use app::Acting;

pub struct ParticipantRow {
    pub id: String,
    pub name: String,
    pub organisation: String,
    pub attended: String,
    pub completed: bool,
    pub risks: Vec<String>,
    pub dropout: Option<String>,
    pub brief_href: String,
}

pub struct SurvivorRow {
    pub place: String,
    pub code: String,
    pub known_as: String,
    pub attended: String,
    pub completed: bool,
    pub dropout: Option<String>,
}

/// One question of the questionnaire: its input name, label, and choices (none: free text).
pub struct Question {
    pub name: String,
    pub label: String,
    pub choices: Vec<Choice>,
    pub required: bool,
}

/// An item's change: label, pre mean, post mean, change (or "fewer than 5").
pub type ChangeRow = (String, String, String, String);

/// The questionnaires' results: how many answered, the workshop's rows, each organisation's.
pub type Results = (String, Vec<ChangeRow>, Vec<(String, Vec<ChangeRow>)>);

/// The forms of the page, each shown again with her input when it was refused.
#[derive(Default)]
pub struct Forms {
    pub enrol: FormView,
    pub attend: FormView,
    pub dropout: FormView,
    pub evaluation: FormView,
    pub survivor: FormView,
    pub survivor_attend: FormView,
    pub survivor_dropout: FormView,
    pub feedback: FormView,
    pub peer: FormView,
}

#[derive(Template)]
#[template(path = "workshop.html")]
struct WorkshopTemplate<'a> {
    page: Page<'a>,
    id: String,
    dates: String,
    about: String,
    topics: Vec<String>,
    ics: String,
    can_manage: bool,
    survivors_workshop: bool,
    participants: Vec<ParticipantRow>,
    days: Vec<Choice>,
    reasons: Vec<Choice>,
    stages: Vec<Choice>,
    questions: Vec<Question>,
    results: Option<Results>,
    /// For the workshop's own trainers: the survivors, what they said (no names), choices.
    survivors: Option<Vec<SurvivorRow>>,
    feedback: Vec<(String, String, String)>,
    themes: Vec<Choice>,
    tones: Vec<Choice>,
    peer_roles: Vec<Choice>,
    languages: Vec<Choice>,
    /// For directors and managers: themes and tones with their counts.
    summary: Option<Vec<(String, String)>>,
    forms: Forms,
    /// Attendance, drop-outs and evaluation results as a spreadsheet, for those who may.
    can_export: bool,
}

fn origin(state: &AppState, ctx: &Ctx) -> Result<Acting, AppError> {
    crate::api::organisations::origin(state, ctx)
}

use super::allowed;

fn days_of(t: &Tr, w: &Workshop) -> Vec<Choice> {
    let mut out = Vec::new();
    let mut d = w.starts_on;
    while d <= w.ends_on {
        out.push(Choice {
            value: domain::voice::format_date_iso(d),
            label: t.day(d),
        });
        match d.next_day() {
            Some(next) => d = next,
            None => break,
        }
    }
    out
}

fn attended(t: &Tr, w: &Workshop, days: usize) -> String {
    let total = (w.ends_on - w.starts_on).whole_days() + 1;
    t.i18n.text_with(
        t.lang,
        "workshop-days-attended",
        &[
            ("count", i18n::Arg::Count(days as i64)),
            // Written out, not a count: only one count may set `$n`.
            ("total", i18n::Arg::Text(i18n::format_number(t.lang, total))),
        ],
    )
}

fn dropout_text(t: &Tr, d: &domain::training::Dropout) -> String {
    let reason = t.get(&format!("dropout-reason-{}", d.reason.as_str()));
    if d.note.is_empty() {
        reason
    } else {
        format!("{reason}: {}", d.note)
    }
}

fn cell(t: &Tr, c: &Cell) -> String {
    match c {
        Cell::Shown(n) => i18n::format_number(t.lang, *n as i64),
        Cell::Suppressed => t.get("training-suppressed"),
    }
}

fn change_rows(t: &Tr, items: &[domain::training::evaluation::ItemChange]) -> Vec<ChangeRow> {
    let mean = |h: Option<i64>| match h {
        Some(h) => i18n::localise_digits(t.lang, &domain::training::evaluation::decimal(h)),
        None => t.get("training-suppressed"),
    };
    items
        .iter()
        .map(|c| {
            (
                c.label.get(t.lang).to_string(),
                mean(c.pre.hundredths),
                mean(c.post.hundredths),
                mean(c.change_hundredths),
            )
        })
        .collect()
}

async fn page<'a>(
    state: &'a AppState,
    ctx: &'a Ctx,
    id: &str,
    forms: Forms,
    notice: Option<&str>,
) -> Result<WorkshopTemplate<'a>, AppError> {
    let can_manage = allowed(ctx, Action::ManageTraining, Resource::Network);
    let can_read_results = allowed(ctx, Action::ReadTrainingResults, Resource::Network);
    if !can_manage && !can_read_results {
        ctx.authorize(Action::ManageTraining, Resource::Network)?;
    }
    let origin = origin(state, ctx)?;
    let id: domain::WorkshopId = crate::path::id(id)?;
    let w = app::training::workshop(&state.store, id).await?;
    let t = ctx.tr(&state.i18n);
    let survivors_workshop = w.template.audience == domain::training::Audience::Survivors;
    let mut participants = Vec::new();
    if can_manage && !survivors_workshop {
        for (e, days) in state.store.enrolments_of(w.id).await? {
            let user = state.store.user(e.user_id).await?;
            let org = state.store.organisation(e.org_id).await?;
            let kind = org
                .as_ref()
                .map(|o| o.fields.kind)
                .unwrap_or(domain::OrgKind::Source);
            participants.push(ParticipantRow {
                id: e.id.to_string(),
                name: user.map(|u| u.name().to_string()).unwrap_or_default(),
                organisation: org.map(|o| o.fields.name.to_string()).unwrap_or_default(),
                attended: attended(&t, &w, days.len()),
                completed: domain::training::completed(&w, days.len()),
                risks: domain::training::risks(&w, &e, kind, state.config.notice_weeks * 7)
                    .iter()
                    .map(|r| t.get(&format!("training-risk-{}", r.as_str())))
                    .collect(),
                dropout: e.dropout.as_ref().map(|d| dropout_text(&t, d)),
                brief_href: format!("/training/workshops/{}/brief/{}", w.id, e.id),
            });
        }
    }
    let questionnaire = app::training::evaluation::questionnaire(&state.store).await?;
    let def = &questionnaire.def;
    let questions = def
        .sections
        .iter()
        .flat_map(|s| &s.items)
        .filter_map(|item| match item {
            Item::Field(f) => Some(f),
            Item::Repeat { .. } => None,
        })
        .map(|f| Question {
            name: f.name.clone(),
            label: f.label.get(ctx.lang).to_string(),
            choices: match f.kind {
                FieldKind::Choice => f
                    .choices
                    .as_ref()
                    .and_then(|l| def.choice_lists.get(l))
                    .map(|cs| {
                        cs.iter()
                            .map(|c| Choice {
                                value: c.value.clone(),
                                label: c.label.get(ctx.lang).to_string(),
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
                _ => Vec::new(),
            },
            required: f.required,
        })
        .collect();
    let results = if can_read_results && !survivors_workshop {
        let r = app::training::evaluation::results(&state.store, &origin, id).await?;
        Some((
            t.i18n.text_with(
                ctx.lang,
                "evaluation-answered",
                &[
                    (
                        "pre",
                        i18n::Arg::Text(i18n::format_number(ctx.lang, r.answered.0 as i64)),
                    ),
                    (
                        "post",
                        i18n::Arg::Text(i18n::format_number(ctx.lang, r.answered.1 as i64)),
                    ),
                ],
            ),
            change_rows(&t, &r.workshop),
            r.by_org
                .iter()
                .map(|(o, items)| {
                    // An organisation with nothing to show gets one line, not a table of
                    // "fewer than 5".
                    let shown = items
                        .iter()
                        .any(|c| c.pre.hundredths.is_some() || c.post.hundredths.is_some());
                    let rows = if shown {
                        change_rows(&t, items)
                    } else {
                        Vec::new()
                    };
                    (o.fields.name.to_string(), rows)
                })
                .collect(),
        ))
    } else {
        None
    };
    let trains_it = survivors_workshop
        && allowed(
            ctx,
            Action::SurvivorParticipants,
            app::training::survivors::resource(&origin, &w),
        );
    let (survivors, feedback) = if trains_it {
        let (_, places) = app::training::survivors::survivors(&state.store, &origin, id).await?;
        let rows = places
            .iter()
            .map(|(p, tr, days)| SurvivorRow {
                place: p.id.to_string(),
                code: tr.code.clone(),
                known_as: tr.known_as.clone(),
                attended: attended(&t, &w, days.len()),
                completed: domain::training::completed(&w, days.len()),
                dropout: p.dropout.as_ref().map(|d| dropout_text(&t, d)),
            })
            .collect();
        let said = app::training::survivors::feedback(&state.store, &origin, id)
            .await?
            .iter()
            .map(|f| {
                (
                    t.get(&f.theme.message_id()),
                    t.get(&f.tone.message_id()),
                    f.words.clone(),
                )
            })
            .collect();
        (Some(rows), said)
    } else {
        (None, Vec::new())
    };
    let summary = if survivors_workshop && can_read_results {
        let (_, s) = app::training::survivors::feedback_summary(&state.store, &origin, id).await?;
        let mut rows = vec![(t.get("feedback-total"), cell(&t, &s.total))];
        rows.extend(
            s.themes
                .iter()
                .map(|(th, c)| (t.get(&th.message_id()), cell(&t, c))),
        );
        rows.extend(
            s.tones
                .iter()
                .map(|(to, c)| (t.get(&to.message_id()), cell(&t, c))),
        );
        Some(rows)
    } else {
        None
    };
    let choices = |items: Vec<(String, String)>| {
        items
            .into_iter()
            .map(|(value, id)| Choice {
                value,
                label: t.get(&id),
            })
            .collect::<Vec<_>>()
    };
    let page = Page::titled(
        state,
        ctx,
        &format!("/training/workshops/{}", w.id),
        w.template.title.get(ctx.lang).to_string(),
    )
    .notice(notice);
    Ok(WorkshopTemplate {
        can_export: allowed(
            ctx,
            Action::Export(domain::policy::Export::Attendance),
            Resource::Network,
        ),
        page,
        id: w.id.to_string(),
        dates: format!("{} – {}", t.day(w.starts_on), t.day(w.ends_on)),
        about: app::training::summary(&t, &w),
        topics: w
            .template
            .topics
            .iter()
            .map(|x| x.get(ctx.lang).to_string())
            .collect(),
        ics: format!("/api/v1/training/workshops/{}/calendar.ics", w.id),
        can_manage,
        survivors_workshop,
        participants,
        days: days_of(&t, &w),
        reasons: choices(
            DropoutReason::ALL
                .iter()
                .map(|r| {
                    (
                        r.as_str().to_string(),
                        format!("dropout-reason-{}", r.as_str()),
                    )
                })
                .collect(),
        ),
        stages: choices(vec![
            ("pre".into(), "evaluation-stage-pre".into()),
            ("post".into(), "evaluation-stage-post".into()),
        ]),
        questions,
        results,
        survivors,
        feedback,
        themes: choices(
            Theme::ALL
                .iter()
                .map(|x| (x.as_str().to_string(), x.message_id()))
                .collect(),
        ),
        tones: choices(
            Tone::ALL
                .iter()
                .map(|x| (x.as_str().to_string(), x.message_id()))
                .collect(),
        ),
        peer_roles: choices(
            PeerRole::ALL
                .iter()
                .map(|x| (x.as_str().to_string(), x.message_id()))
                .collect(),
        ),
        languages: super::language_choices(),
        summary,
        forms,
    })
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct NoticeQuery {
    notice: Option<String>,
}

/// The confirmations a change on this page can end with.
const NOTICES: [&str; 8] = [
    "workshop-enrolled",
    "workshop-attendance-saved",
    "workshop-dropout-saved",
    "evaluation-saved",
    "survivor-added",
    "feedback-saved",
    "peer-saved",
    "workshop-scheduled",
];

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    axum::extract::Query(query): axum::extract::Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let notice = query
        .notice
        .as_deref()
        .and_then(|n| NOTICES.iter().find(|x| **x == n).copied());
    super::render(&page(&state, &ctx, &id, Forms::default(), notice).await?)
}

/// After a change: back to the page with a confirmation, or the page again with her input and
/// each problem beside its field.
async fn after(
    state: &AppState,
    ctx: &Ctx,
    id: &str,
    data: &FormData,
    result: Result<(), AppError>,
    notice: &str,
    which: fn(&mut Forms) -> &mut FormView,
) -> Result<Response, AppError> {
    match result {
        Ok(()) => Ok(see_other(&format!(
            "/training/workshops/{id}?notice={notice}"
        ))),
        Err(AppError::Invalid(errors)) => {
            let t = ctx.tr(&state.i18n);
            let mut forms = Forms::default();
            *which(&mut forms) = FormView::from_data(data).with_errors(&t, &errors);
            render_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &page(state, ctx, id, forms, None).await?,
            )
        }
        Err(other) => Err(other),
    }
}

/// Enrolling a staff member in a workshop.
#[derive(Default, Deserialize)]
#[serde(default)]
struct EnrolForm {
    user: String,
    /// Kept as text: [`number`] says, in her language, when it is not a whole number.
    years_in_org: String,
    childcare_needs: bool,
    beyond_capacity: bool,
}

/// A day's attendance: one checkbox per enrolment (or survivor's place) present.
#[derive(Default, Deserialize)]
#[serde(default)]
struct AttendForm {
    enrolment: Vec<String>,
    place: Vec<String>,
    day: String,
}

/// Someone leaving a workshop: whose enrolment (or survivor's place), why, and a note.
#[derive(Default, Deserialize)]
#[serde(default)]
struct DropOutForm {
    enrolment: String,
    place: String,
    reason: String,
    note: String,
}

/// The fixed fields of a workshop evaluation; its answers are named by the form's questions.
#[derive(Default, Deserialize)]
#[serde(default)]
struct EvaluationFields {
    enrolment: String,
    stage: String,
}

/// A survivor taking part in a workshop, known by a code.
#[derive(Default, Deserialize)]
#[serde(default)]
struct SurvivorForm {
    code: String,
    known_as: String,
    beyond_capacity: bool,
}

/// Survivors' feedback, with no link to who gave it.
#[derive(Default, Deserialize)]
#[serde(default)]
struct FeedbackForm {
    theme: String,
    tone: String,
    words: String,
    language: String,
}

/// A survivor's peer role, with her consent and the language it was asked in.
#[derive(Default, Deserialize)]
#[serde(default)]
struct PeerForm {
    code: String,
    role: String,
    consent: bool,
    consent_language: String,
}

fn number(text: &str, name: &'static str) -> Result<Option<u32>, AppError> {
    super::whole_number(text).transpose().map_err(|()| {
        AppError::Invalid(vec![FieldError {
            field: name.into(),
            message_id: "error-not-a-number",
            english: format!("{name} is not a whole number"),
        }])
    })
}

pub async fn enrol(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    data: FormData,
) -> Result<Response, AppError> {
    let origin = origin(&state, &ctx)?;
    let result = async {
        let form: EnrolForm = data.read()?;
        let input = app::training::EnrolInput {
            user: form.user,
            years_in_org: number(&form.years_in_org, "years_in_org")?.unwrap_or(0),
            childcare_needs: form.childcare_needs,
            beyond_capacity: form.beyond_capacity,
        };
        app::training::enrol(&state.store, &origin, crate::path::id(&id)?, &input)
            .await
            .map(|_| ())
            .map_err(AppError::from)
    }
    .await;
    after(&state, &ctx, &id, &data, result, "workshop-enrolled", |f| {
        &mut f.enrol
    })
    .await
}

/// Records one day for everyone ticked.
pub async fn attend(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    data: FormData,
) -> Result<Response, AppError> {
    let origin = origin(&state, &ctx)?;
    let form: AttendForm = data.read()?;
    let result = app::training::attend(
        &state.store,
        &origin,
        crate::path::id(&id)?,
        &form.enrolment,
        &form.day,
    )
    .await
    .map_err(AppError::from);
    after(
        &state,
        &ctx,
        &id,
        &data,
        result,
        "workshop-attendance-saved",
        |f| &mut f.attend,
    )
    .await
}

pub async fn drop_out(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    data: FormData,
) -> Result<Response, AppError> {
    let origin = origin(&state, &ctx)?;
    let form: DropOutForm = data.read()?;
    let result = app::training::drop_out(
        &state.store,
        &origin,
        crate::path::id(&id)?,
        &form.enrolment,
        &form.reason,
        &form.note,
    )
    .await
    .map_err(AppError::from);
    after(
        &state,
        &ctx,
        &id,
        &data,
        result,
        "workshop-dropout-saved",
        |f| &mut f.dropout,
    )
    .await
}

pub async fn evaluate(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    data: FormData,
) -> Result<Response, AppError> {
    let origin = origin(&state, &ctx)?;
    let fixed: EvaluationFields = data.read()?;
    let mut raw = RawAnswers::new();
    for (k, v) in &data.0 {
        if !matches!(k.as_str(), "csrf" | "enrolment" | "stage") {
            raw.entry(k.clone()).or_default().push(v.clone());
        }
    }
    let result = app::training::evaluation::record(
        &state.store,
        &origin,
        crate::path::id(&id)?,
        &fixed.enrolment,
        &fixed.stage,
        &raw,
    )
    .await
    .map_err(AppError::from)
    .map(|_| ());
    after(&state, &ctx, &id, &data, result, "evaluation-saved", |f| {
        &mut f.evaluation
    })
    .await
}

pub async fn add_survivor(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    data: FormData,
) -> Result<Response, AppError> {
    let origin = origin(&state, &ctx)?;
    let form: SurvivorForm = data.read()?;
    let input = app::training::survivors::SurvivorInput {
        code: form.code,
        known_as: form.known_as,
        organisation: String::new(),
        beyond_capacity: form.beyond_capacity,
    };
    let result = app::training::survivors::add_survivor(
        &state.store,
        &origin,
        crate::path::id(&id)?,
        &input,
    )
    .await
    .map_err(AppError::from)
    .map(|_| ());
    after(&state, &ctx, &id, &data, result, "survivor-added", |f| {
        &mut f.survivor
    })
    .await
}

pub async fn survivor_attend(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    data: FormData,
) -> Result<Response, AppError> {
    let origin = origin(&state, &ctx)?;
    let form: AttendForm = data.read()?;
    let result = app::training::survivors::attend(
        &state.store,
        &origin,
        crate::path::id(&id)?,
        &form.place,
        &form.day,
    )
    .await
    .map_err(AppError::from);
    after(
        &state,
        &ctx,
        &id,
        &data,
        result,
        "workshop-attendance-saved",
        |f| &mut f.survivor_attend,
    )
    .await
}

pub async fn survivor_drop_out(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    data: FormData,
) -> Result<Response, AppError> {
    let origin = origin(&state, &ctx)?;
    let form: DropOutForm = data.read()?;
    let result = app::training::survivors::drop_out(
        &state.store,
        &origin,
        crate::path::id(&id)?,
        &form.place,
        &form.reason,
        &form.note,
    )
    .await
    .map_err(AppError::from);
    after(
        &state,
        &ctx,
        &id,
        &data,
        result,
        "workshop-dropout-saved",
        |f| &mut f.survivor_dropout,
    )
    .await
}

pub async fn add_feedback(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    data: FormData,
) -> Result<Response, AppError> {
    let origin = origin(&state, &ctx)?;
    let form: FeedbackForm = data.read()?;
    let input = app::training::survivors::FeedbackInput {
        theme: form.theme,
        tone: form.tone,
        words: form.words,
        language: form.language,
    };
    let result = app::training::survivors::add_feedback(
        &state.store,
        &origin,
        crate::path::id(&id)?,
        &input,
        ctx.lang,
    )
    .await
    .map_err(AppError::from)
    .map(|_| ());
    after(&state, &ctx, &id, &data, result, "feedback-saved", |f| {
        &mut f.feedback
    })
    .await
}

pub async fn set_peer(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    data: FormData,
) -> Result<Response, AppError> {
    let origin = origin(&state, &ctx)?;
    let form: PeerForm = data.read()?;
    let input = app::training::survivors::PeerInput {
        code: form.code,
        role: form.role,
        consent: form.consent,
        consent_language: form.consent_language,
    };
    let result = app::training::survivors::set_peer(&state, &origin, &input)
        .await
        .map_err(AppError::from)
        .map(|_| ());
    after(&state, &ctx, &id, &data, result, "peer-saved", |f| {
        &mut f.peer
    })
    .await
}

#[derive(Template)]
#[template(path = "workshop_brief.html")]
struct BriefTemplate<'a> {
    page: Page<'a>,
    /// The participant's language, for the `lang` of the brief itself.
    lang: &'static str,
    lines: Vec<String>,
    topics_heading: String,
    topics: Vec<String>,
}

/// A printable joining brief in the participant's own language: dates, venue, what to bring,
/// what completing it takes, and a word about what the coordinator knows may stop her coming.
pub async fn brief(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, enrolment)): Path<(String, String)>,
) -> Result<Response, AppError> {
    ctx.authorize(Action::ManageTraining, Resource::Network)?;
    let w = app::training::workshop(&state.store, crate::path::id(&id)?).await?;
    let enrolment: uuid::Uuid = enrolment.parse().map_err(|_| AppError::NotFound)?;
    let (e, _) = state
        .store
        .enrolments_of(w.id)
        .await?
        .into_iter()
        .find(|(e, _)| e.id == enrolment)
        .ok_or(AppError::NotFound)?;
    let user = state
        .store
        .user(e.user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let org = state.store.organisation(e.org_id).await?;
    let lang = user.language;
    // Written to her, in her language and on her organisation's clock.
    let zone = org
        .as_ref()
        .map(|o| o.fields.time_zone.clone())
        .unwrap_or_default();
    let t = Tr::new(&state.i18n, lang, &zone);
    let programme = state.programme();
    let title = w.template.title.get(lang).to_string();
    let day_count = (w.ends_on - w.starts_on).whole_days() + 1;
    let text = |id: &str, args: &[(&str, i18n::Arg)]| state.i18n.text_with(lang, id, args);
    let arg = |s: &str| i18n::Arg::Text(s.to_string());
    let mut lines = vec![
        text("brief-greeting", &[("name", arg(user.name()))]),
        text(
            "brief-invited",
            &[
                ("workshop", arg(&title)),
                ("programme", arg(programme.title.get(lang))),
            ],
        ),
        text(
            "brief-dates",
            &[
                ("from", arg(&t.day(w.starts_on))),
                ("to", arg(&t.day(w.ends_on))),
                ("count", i18n::Arg::Count(day_count)),
            ],
        ),
        text("brief-venue", &[("venue", arg(&w.venue))]),
    ];
    lines.push(if w.template.residential {
        text(
            "brief-residential",
            &[("count", i18n::Arg::Count(day_count))],
        )
    } else {
        t.get("brief-not-residential")
    });
    lines.push(t.get("brief-bring"));
    lines.push(t.get("brief-completion"));
    let kind = org
        .map(|o| o.fields.kind)
        .unwrap_or(domain::OrgKind::Source);
    for risk in domain::training::risks(&w, &e, kind, state.config.notice_weeks * 7) {
        lines.push(t.get(&format!("brief-risk-{}", risk.as_str())));
    }
    if !w.facilitators.is_empty() {
        let names: Vec<&str> = w.facilitators.iter().map(|f| f.name.as_str()).collect();
        lines.push(text(
            "brief-facilitators",
            &[("names", arg(&names.join(", ")))],
        ));
    }
    let page = Page::titled(
        &state,
        &ctx,
        &format!("/training/workshops/{}/brief/{}", w.id, e.id),
        t.with("brief-title", "workshop", &title),
    );
    super::render(&BriefTemplate {
        page,
        lang: lang.code(),
        lines,
        topics_heading: t.get("brief-topics"),
        topics: w
            .template
            .topics
            .iter()
            .map(|x| x.get(lang).to_string())
            .collect(),
    })
}
