//! The training programme as a page: its phases and their workshops in her language, the
//! workshops on the calendar, the drop-out rate against the network's projection, and the
//! training gates. Trainers schedule workshops here; the network admin sets the gates.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use domain::Role;
use domain::policy::{Action, Resource};
use domain::training::gate::GatedAction;

use serde::Deserialize;

use super::{Choice, FormData, FormView, Page, render, render_with_status, see_other};
use crate::{AppError, AppState, Ctx};

pub struct WorkshopRow {
    pub title: String,
    /// Days, residential or not, audience, group size.
    pub detail: String,
    /// On the calendar: dates, venue and facilitators, its page, its calendar file.
    pub scheduled: Vec<Scheduled>,
}

pub struct Scheduled {
    pub dates: String,
    pub about: String,
    pub href: String,
    pub ics: String,
}

#[derive(Template)]
#[template(path = "training.html")]
struct TrainingTemplate<'a> {
    page: Page<'a>,
    programme: String,
    dropout: String,
    dropout_high: bool,
    /// The drop-outs by workshop and the exchange matrix as a workbook, for those who may.
    can_export: bool,
    phases: Vec<(String, Vec<WorkshopRow>)>,
    can_schedule: bool,
    can_gate: bool,
    workshops: Vec<Choice>,
    gate_workshops: Vec<Choice>,
    schedule: FormView,
    /// Gates in force: what they say, and the values to lift each.
    gates: Vec<(String, String, String)>,
    gate_roles: Vec<Choice>,
    gate_actions: Vec<Choice>,
    gate: FormView,
}

async fn page<'a>(
    state: &'a AppState,
    ctx: &'a Ctx,
    schedule: FormView,
    gate: FormView,
    notice: Option<&str>,
) -> Result<TrainingTemplate<'a>, AppError> {
    ctx.authorize(Action::ReadTraining, Resource::Network)?;
    let t = ctx.tr(&state.i18n);
    let p = state.programme();
    let scheduled = state.store.workshops().await?;
    let date = |d| t.day(d);
    let phases = p
        .phases
        .iter()
        .map(|ph| {
            (
                t.with(
                    "training-phase",
                    "title",
                    &format!(
                        "{} · {}",
                        i18n::format_number(ctx.lang, i64::from(ph.number)),
                        ph.title.get(ctx.lang)
                    ),
                ),
                ph.workshops
                    .iter()
                    .map(|w| WorkshopRow {
                        title: w.title.get(ctx.lang).to_string(),
                        detail: [
                            t.count("training-days", w.days as usize),
                            t.get(if w.residential {
                                "training-residential"
                            } else {
                                "training-not-residential"
                            }),
                            t.get(&w.audience.message_id()),
                            t.count(
                                "training-group-size",
                                domain::training::TARGET_GROUP_SIZE as usize,
                            ),
                        ]
                        .join(" · "),
                        scheduled: scheduled
                            .iter()
                            .filter(|s| s.template.key == w.key)
                            .map(|s| Scheduled {
                                dates: format!("{} – {}", date(s.starts_on), date(s.ends_on)),
                                about: app::training::summary(&t, s),
                                href: format!("/training/workshops/{}", s.id),
                                ics: format!("/api/v1/training/workshops/{}/calendar.ics", s.id),
                            })
                            .collect(),
                    })
                    .collect(),
            )
        })
        .collect();
    let rate = state.store.dropout_rate(&p.key).await?;
    let dropout = state.i18n.text_with(
        ctx.lang,
        "training-dropout-rate",
        &[
            // A whole percent, rounded: "1 of 14 (7%)" reads better than 7.14.
            (
                "rate",
                i18n::Arg::Text(i18n::format_number(
                    ctx.lang,
                    (rate.percent_hundredths() + 50) / 100,
                )),
            ),
            (
                "dropped",
                i18n::Arg::Text(i18n::format_number(ctx.lang, rate.dropped as i64)),
            ),
            ("count", i18n::Arg::Count(rate.enrolled as i64)),
            (
                "projected",
                i18n::Arg::Text(i18n::format_number(
                    ctx.lang,
                    i64::from(domain::training::PROJECTED_DROPOUT_PERCENT),
                )),
            ),
        ],
    );
    let title_of = |key: &str| {
        p.workshop(key)
            .map(|w| w.title.get(ctx.lang).to_string())
            .unwrap_or_else(|| key.to_string())
    };
    let choice = |w: &domain::training::WorkshopTemplate| Choice {
        value: w.key.clone(),
        label: w.title.get(ctx.lang).to_string(),
    };
    let gates = state
        .store
        .gates()
        .await?
        .iter()
        .map(|g| {
            (
                state.i18n.text_with(
                    ctx.lang,
                    "gate-line",
                    &[
                        ("role", i18n::Arg::Text(t.get(g.role.message_id()))),
                        ("action", i18n::Arg::Text(t.get(&g.action.message_id()))),
                        ("workshop", i18n::Arg::Text(title_of(&g.workshop))),
                    ],
                ),
                g.role.as_str().to_string(),
                g.action.as_str().to_string(),
            )
        })
        .collect();
    let page = Page::new(state, ctx, "/training", "training-title").notice(notice);
    Ok(TrainingTemplate {
        page,
        programme: p.title.get(ctx.lang).to_string(),
        dropout,
        dropout_high: rate.above_projection(),
        phases,
        can_schedule: super::allowed(ctx, Action::ManageTraining, Resource::Network),
        can_export: super::allowed(
            ctx,
            Action::Export(domain::policy::Export::Training),
            Resource::Network,
        ),
        can_gate: super::allowed(ctx, Action::ManageGates, Resource::Network),
        workshops: p.workshops().map(choice).collect(),
        // A gate can only ask for a workshop staff can take.
        gate_workshops: p
            .workshops()
            .filter(|w| w.audience != domain::training::Audience::Survivors)
            .map(choice)
            .collect(),
        schedule,
        gates,
        gate_roles: [
            Role::Director,
            Role::CaseWorker,
            Role::Counsellor,
            Role::CareGiver,
        ]
        .iter()
        .map(|r| Choice {
            value: r.as_str().into(),
            label: t.get(r.message_id()),
        })
        .collect(),
        gate_actions: GatedAction::ALL
            .iter()
            .map(|a| Choice {
                value: a.as_str().into(),
                label: t.get(&a.message_id()),
            })
            .collect(),
        gate,
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
        Some("gate-set") => Some("gate-set"),
        Some("gate-lifted") => Some("gate-lifted"),
        _ => None,
    };
    render(
        &page(
            &state,
            &ctx,
            FormView::default(),
            FormView::default(),
            notice,
        )
        .await?,
    )
}

fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

/// A workshop put on the calendar. Facilitators and those trained in mental health come one
/// per line, trainers' usernames separated by commas.
#[derive(Default, Deserialize)]
#[serde(default)]
struct ScheduleForm {
    workshop: String,
    venue: String,
    starts_on: String,
    ends_on: String,
    announced_on: String,
    /// Kept as text: the handler says, in her language, when it is not a whole number.
    capacity: String,
    facilitators: String,
    mental_health: String,
    trainers: String,
}

/// A training gate: which role needs which workshop before which action.
#[derive(Default, Deserialize)]
#[serde(default)]
struct GateForm {
    role: String,
    action: String,
    workshop: String,
}

impl From<GateForm> for app::training::gates::GateInput {
    fn from(form: GateForm) -> Self {
        app::training::gates::GateInput {
            role: form.role,
            action: form.action,
            workshop: form.workshop,
        }
    }
}

/// Puts a workshop on the calendar and opens its page.
pub async fn schedule(
    State(state): State<AppState>,
    ctx: Ctx,
    data: FormData,
) -> Result<Response, AppError> {
    let origin = crate::api::organisations::origin(&state, &ctx)?;
    let form: ScheduleForm = data.read()?;
    let mental_health = lines(&form.mental_health);
    let mut facilitators: Vec<domain::training::Facilitator> = lines(&form.facilitators)
        .into_iter()
        .map(|name| domain::training::Facilitator {
            mental_health: mental_health.contains(&name),
            name,
        })
        .collect();
    for name in mental_health {
        if !facilitators.iter().any(|f| f.name == name) {
            facilitators.push(domain::training::Facilitator {
                name,
                mental_health: true,
            });
        }
    }
    let capacity = form.capacity;
    let input = app::training::ScheduleInput {
        workshop: form.workshop,
        venue: form.venue,
        starts_on: form.starts_on,
        ends_on: form.ends_on,
        announced_on: form.announced_on,
        capacity: super::whole_number(&capacity).and_then(Result::ok),
        facilitators,
        trainers: form
            .trainers
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect(),
    };
    let t = ctx.tr(&state.i18n);
    let mut problems = Vec::new();
    if !capacity.trim().is_empty() && input.capacity.is_none() {
        problems.push(crate::FieldError {
            field: "capacity".into(),
            message_id: "error-not-a-number",
            english: "capacity is not a whole number".into(),
        });
    }
    let result = if problems.is_empty() {
        app::training::schedule(&state, &origin, &input)
            .await
            .map_err(AppError::from)
    } else {
        Err(AppError::Invalid(problems))
    };
    match result {
        Ok(w) => Ok(see_other(&format!(
            "/training/workshops/{}?notice=workshop-scheduled",
            w.id
        ))),
        Err(AppError::Invalid(errors)) => render_with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &page(
                &state,
                &ctx,
                FormView::from_data(&data).with_errors(&t, &errors),
                FormView::default(),
                None,
            )
            .await?,
        ),
        Err(other) => Err(other),
    }
}

pub async fn set_gate(
    State(state): State<AppState>,
    ctx: Ctx,
    data: FormData,
) -> Result<Response, AppError> {
    let origin = crate::api::organisations::origin(&state, &ctx)?;
    let input = data.read::<GateForm>()?.into();
    match app::training::gates::set(&state, &origin, &input)
        .await
        .map_err(AppError::from)
    {
        Ok(_) => Ok(see_other("/training?notice=gate-set")),
        Err(AppError::Invalid(errors)) => {
            let t = ctx.tr(&state.i18n);
            render_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &page(
                    &state,
                    &ctx,
                    FormView::default(),
                    FormView::from_data(&data).with_errors(&t, &errors),
                    None,
                )
                .await?,
            )
        }
        Err(other) => Err(other),
    }
}

pub async fn lift_gate(
    State(state): State<AppState>,
    ctx: Ctx,
    data: FormData,
) -> Result<Response, AppError> {
    let origin = crate::api::organisations::origin(&state, &ctx)?;
    let input = data.read::<GateForm>()?.into();
    app::training::gates::lift(&state.store, &origin, &input).await?;
    Ok(see_other("/training?notice=gate-lifted"))
}
