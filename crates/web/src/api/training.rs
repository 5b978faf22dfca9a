//! `/api/v1/training`: the programme with its phases and workshops.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use domain::form::Text;
use domain::policy::{Action, Resource};
use domain::training::Facilitator;
use domain::training::{
    DropoutRate, PROJECTED_DROPOUT_PERCENT, Programme, TARGET_GROUP_SIZE, Workshop,
};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::problems::{BodyTooLarge, Forbidden, Invalid, Malformed, NotFound, Unauthorized};
use super::{ApiJson, names};
use crate::{AppError, AppState, Ctx};

/// A workshop of the programme on the calendar.
#[derive(Serialize, ToSchema)]
#[schema(as = Workshop)]
pub struct WorkshopJson {
    #[schema(format = Uuid)]
    pub id: String,
    /// The programme's key.
    pub programme: String,
    /// The programme workshop it runs (its key).
    pub workshop: String,
    #[schema(value_type = names::LocalText)]
    pub title: Text,
    pub venue: String,
    #[schema(format = Date)]
    pub starts_on: String,
    #[schema(format = Date)]
    pub ends_on: String,
    #[schema(format = Date)]
    pub announced_on: String,
    pub capacity: u32,
    #[schema(value_type = Vec<FacilitatorJson>)]
    pub facilitators: Vec<Facilitator>,
    /// The trainers who run it (user ids).
    pub trainers: Vec<String>,
    /// Who it is for.
    pub audience: &'static str,
    #[schema(value_type = Vec<names::LocalText>)]
    pub topics: Vec<Text>,
    /// Where its calendar file is.
    pub calendar: String,
    /// Everyone enrolled (one workshop only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub participants: Option<Vec<Participant>>,
}

/// Someone who leads a workshop.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = Facilitator)]
pub struct FacilitatorJson {
    #[schema(min_length = 1)]
    pub name: String,
    /// She is a mental-health professional.
    #[serde(default)]
    pub mental_health: bool,
}

/// Someone enrolled in a workshop, with the days she came.
#[derive(Serialize, ToSchema)]
pub struct Participant {
    #[schema(format = Uuid)]
    pub id: String,
    #[schema(format = Uuid)]
    pub user: String,
    #[schema(value_type = Vec<names::RoleName>)]
    pub roles: Vec<&'static str>,
    #[schema(format = Uuid)]
    pub organisation: String,
    pub years_in_org: u32,
    pub days_attended: Vec<String>,
    pub completed: bool,
    pub dropout: Option<DropoutJson>,
    /// Drop-out risks flagged for her.
    pub risks: Vec<&'static str>,
}

/// Why she left, and when.
#[derive(Serialize, ToSchema)]
#[schema(as = Dropout)]
pub struct DropoutJson {
    #[schema(value_type = names::DropoutReasonName)]
    pub reason: &'static str,
    pub note: String,
    /// When it was recorded (staff workshops only).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(format = DateTime)]
    pub at: Option<String>,
}

/// A training programme with its phases, workshops and drop-out rate.
#[derive(Serialize, ToSchema)]
pub struct ProgrammeJson {
    pub key: String,
    #[schema(value_type = names::LocalText)]
    pub title: Text,
    pub dropout: DropoutRateJson,
    pub phases: Vec<PhaseJson>,
}

/// How many enrolled and how many left, against the projection.
#[derive(Serialize, ToSchema)]
#[schema(as = DropoutRate)]
pub struct DropoutRateJson {
    pub enrolled: usize,
    pub dropped: usize,
    /// A decimal, e.g. `12.50`.
    pub rate_percent: String,
    pub projected_percent: u32,
    pub above_projection: bool,
}

/// A phase of the programme.
#[derive(Serialize, ToSchema)]
#[schema(as = Phase)]
pub struct PhaseJson {
    pub number: u32,
    #[schema(value_type = names::LocalText)]
    pub title: Text,
    pub workshops: Vec<TemplateJson>,
}

/// A workshop of the programme, with its sessions on the calendar.
#[derive(Serialize, ToSchema)]
#[schema(as = ProgrammeWorkshop)]
pub struct TemplateJson {
    pub key: String,
    #[schema(value_type = names::LocalText)]
    pub title: Text,
    pub days: u32,
    pub residential: bool,
    pub audience: &'static str,
    pub target_group_size: u32,
    #[schema(value_type = Vec<names::LocalText>)]
    pub topics: Vec<Text>,
    pub scheduled: Vec<WorkshopJson>,
}

pub fn workshop_json(w: &Workshop) -> WorkshopJson {
    WorkshopJson {
        id: w.id.to_string(),
        programme: w.programme.clone(),
        workshop: w.template.key.clone(),
        title: w.template.title.clone(),
        venue: w.venue.clone(),
        starts_on: domain::voice::format_date_iso(w.starts_on),
        ends_on: domain::voice::format_date_iso(w.ends_on),
        announced_on: domain::voice::format_date_iso(w.announced_on),
        capacity: w.capacity,
        facilitators: w.facilitators.clone(),
        trainers: w.trainers.iter().map(|u| u.to_string()).collect(),
        audience: w.template.audience.as_str(),
        topics: w.template.topics.clone(),
        calendar: format!("/api/v1/training/workshops/{}/calendar.ics", w.id),
        participants: None,
    }
}

pub fn programme_json(
    p: &Programme,
    scheduled: &[Workshop],
    dropout: DropoutRate,
) -> ProgrammeJson {
    ProgrammeJson {
        key: p.key.clone(),
        title: p.title.clone(),
        dropout: DropoutRateJson {
            enrolled: dropout.enrolled,
            dropped: dropout.dropped,
            rate_percent: domain::training::evaluation::decimal(dropout.percent_hundredths()),
            projected_percent: PROJECTED_DROPOUT_PERCENT,
            above_projection: dropout.above_projection(),
        },
        phases: p
            .phases
            .iter()
            .map(|ph| PhaseJson {
                number: ph.number,
                title: ph.title.clone(),
                workshops: ph
                    .workshops
                    .iter()
                    .map(|w| TemplateJson {
                        key: w.key.clone(),
                        title: w.title.clone(),
                        days: w.days,
                        residential: w.residential,
                        audience: w.audience.as_str(),
                        target_group_size: TARGET_GROUP_SIZE,
                        topics: w.topics.clone(),
                        scheduled: scheduled
                            .iter()
                            .filter(|s| s.programme == p.key && s.template.key == w.key)
                            .map(workshop_json)
                            .collect(),
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// `GET /api/v1/training/programmes`: every programme, with its phases and workshops, and the
/// workshops of each that are on the calendar.
#[utoipa::path(get, path = "/api/v1/training/programmes", tag = "training",
    summary = "Every training programme with its phases and workshops, the sessions of each on the calendar, and the drop-out rate.",
    responses((status = 200, description = "The programmes.", body = Vec<ProgrammeJson>),
        Unauthorized, Forbidden))]
pub async fn programmes(
    State(state): State<AppState>,
    ctx: Ctx,
) -> Result<Json<Vec<ProgrammeJson>>, AppError> {
    ctx.authorize(Action::ReadTraining, Resource::Network)?;
    let programme = state.programme();
    let scheduled = state.store.workshops().await?;
    let dropout = state.store.dropout_rate(&programme.key).await?;
    Ok(Json(vec![programme_json(programme, &scheduled, dropout)]))
}

/// A workshop to schedule, as typed in.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = ScheduleInput)]
pub struct ScheduleBody {
    /// The programme workshop it runs: `knowing-the-survivor`.
    #[serde(default)]
    #[schema(required = true, min_length = 1)]
    workshop: String,
    #[serde(default)]
    #[schema(required = true, min_length = 1, max_length = 200)]
    venue: String,
    #[serde(default)]
    #[schema(required = true, format = Date)]
    starts_on: String,
    /// Blank or absent: as many days as the workshop has.
    #[serde(default)]
    #[schema(format = Date)]
    ends_on: String,
    /// Blank or absent: today.
    #[serde(default)]
    #[schema(format = Date)]
    announced_on: String,
    /// Absent: the programme's group size.
    #[serde(default, deserialize_with = "super::bodies::whole_opt")]
    #[schema(minimum = 1, maximum = 200)]
    capacity: Option<u32>,
    #[serde(default)]
    facilitators: Vec<FacilitatorJson>,
    /// Usernames of the trainers who run it besides the one scheduling it.
    #[serde(default)]
    trainers: Vec<String>,
}

impl From<ScheduleBody> for app::training::ScheduleInput {
    fn from(b: ScheduleBody) -> Self {
        Self {
            workshop: b.workshop,
            venue: b.venue,
            starts_on: b.starts_on,
            ends_on: b.ends_on,
            announced_on: b.announced_on,
            capacity: b.capacity,
            facilitators: b
                .facilitators
                .into_iter()
                .map(|f| Facilitator {
                    name: f.name,
                    mental_health: f.mental_health,
                })
                .collect(),
            trainers: b.trainers,
        }
    }
}

#[utoipa::path(post, path = "/api/v1/training/workshops", tag = "training",
    summary = "Put a workshop of the programme on the calendar (trainers, network admin).",
    request_body = ScheduleBody,
    responses((status = 201, description = "Scheduled.", body = WorkshopJson),
        Malformed, Unauthorized, Forbidden, BodyTooLarge, Invalid))]
pub async fn schedule(
    State(state): State<AppState>,
    ctx: Ctx,
    ApiJson(body): ApiJson<ScheduleBody>,
) -> Result<Response, AppError> {
    let origin = super::organisations::origin(&state, &ctx)?;
    let w = app::training::schedule(&state, &origin, &body.into()).await?;
    Ok((StatusCode::CREATED, Json(workshop_json(&w))).into_response())
}

/// `GET /api/v1/training/workshops/{id}/calendar.ics`: the workshop for a calendar, its title
/// in the reader's language.
#[utoipa::path(get, path = "/api/v1/training/workshops/{id}/calendar.ics", tag = "training",
    summary = "The workshop as a calendar file, its title in the caller's language.",
    params(("id" = String, Path, description = "The workshop.")),
    responses((status = 200, description = "The calendar file.", content_type = "text/calendar", body = String),
        Unauthorized, Forbidden, NotFound))]
pub async fn calendar(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    ctx.authorize(Action::ReadTraining, Resource::Network)?;
    let id: uuid::Uuid = id.parse().map_err(|_| AppError::NotFound)?;
    let w = state.store.workshop(id).await?.ok_or(AppError::NotFound)?;
    let t = ctx.tr(&state.i18n);
    let description = app::training::summary(&t, &w);
    let ics = domain::training::calendar(&w, ctx.lang, &description, state.clock.now());
    Ok((
        [
            (
                header::CONTENT_TYPE,
                "text/calendar; charset=utf-8".to_string(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{}.ics\"", w.template.key),
            ),
        ],
        ics,
    )
        .into_response())
}

/// An enrolment as typed in.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = EnrolInput)]
pub struct EnrolBody {
    /// The participant's username.
    #[serde(default)]
    #[schema(required = true, min_length = 1)]
    user: String,
    #[serde(default, deserialize_with = "super::bodies::whole")]
    years_in_org: u32,
    #[serde(default)]
    childcare_needs: bool,
    /// Enrol even though the workshop is full (the trainer decided so).
    #[serde(default)]
    beyond_capacity: bool,
}

impl From<EnrolBody> for app::training::EnrolInput {
    fn from(b: EnrolBody) -> Self {
        Self {
            user: b.user,
            years_in_org: b.years_in_org,
            childcare_needs: b.childcare_needs,
            beyond_capacity: b.beyond_capacity,
        }
    }
}

/// An enrolment made.
#[derive(Serialize, ToSchema)]
pub struct Enrolled {
    #[schema(format = Uuid)]
    pub id: String,
    #[schema(format = Uuid)]
    pub user: String,
    #[schema(format = Uuid)]
    pub organisation: String,
}

#[utoipa::path(post, path = "/api/v1/training/workshops/{id}/enrolments", tag = "training",
    summary = "Enrol a member of staff in a workshop.",
    params(("id" = String, Path, description = "The workshop.")),
    request_body = EnrolBody,
    responses((status = 201, description = "Enrolled.", body = Enrolled),
        Malformed, Unauthorized, Forbidden, NotFound, BodyTooLarge, Invalid))]
pub async fn enrol(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<EnrolBody>,
) -> Result<Response, AppError> {
    let origin = super::organisations::origin(&state, &ctx)?;
    let e =
        app::training::enrol(&state.store, &origin, crate::path::id(&id)?, &body.into()).await?;
    Ok((
        StatusCode::CREATED,
        Json(Enrolled {
            id: e.id.to_string(),
            user: e.user_id.to_string(),
            organisation: e.org_id.to_string(),
        }),
    )
        .into_response())
}

/// A day someone attended.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = AttendanceInput)]
pub struct AttendBody {
    #[serde(default)]
    #[schema(required = true, format = Uuid)]
    enrolment: String,
    #[serde(default)]
    #[schema(required = true, format = Date)]
    day: String,
}

#[utoipa::path(post, path = "/api/v1/training/workshops/{id}/attendance", tag = "training",
    summary = "Record a day someone attended.",
    params(("id" = String, Path, description = "The workshop.")),
    request_body = AttendBody,
    responses((status = 204, description = "Recorded."),
        Malformed, Unauthorized, Forbidden, NotFound, BodyTooLarge, Invalid))]
pub async fn attend(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<AttendBody>,
) -> Result<Response, AppError> {
    let origin = super::organisations::origin(&state, &ctx)?;
    app::training::attend(
        &state.store,
        &origin,
        crate::path::id(&id)?,
        std::slice::from_ref(&body.enrolment),
        &body.day,
    )
    .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Someone who left a workshop, and why.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = DropoutInput)]
pub struct DropoutBody {
    #[serde(default)]
    #[schema(required = true, format = Uuid)]
    enrolment: String,
    #[serde(default)]
    #[schema(required = true, value_type = names::DropoutReasonName)]
    reason: String,
    /// In words; required for `other`.
    #[serde(default)]
    note: String,
}

#[utoipa::path(post, path = "/api/v1/training/workshops/{id}/dropouts", tag = "training",
    summary = "Record that someone left a workshop, and why.",
    params(("id" = String, Path, description = "The workshop.")),
    request_body = DropoutBody,
    responses((status = 204, description = "Recorded."),
        Malformed, Unauthorized, Forbidden, NotFound, BodyTooLarge, Invalid))]
pub async fn drop_out(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<DropoutBody>,
) -> Result<Response, AppError> {
    let origin = super::organisations::origin(&state, &ctx)?;
    app::training::drop_out(
        &state.store,
        &origin,
        crate::path::id(&id)?,
        &body.enrolment,
        &body.reason,
        &body.note,
    )
    .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// `GET /api/v1/training/workshops/{id}`: the workshop with everyone enrolled, the days each
/// attended, whether she completed it, why she left, and the drop-out risks flagged for her.
#[utoipa::path(get, path = "/api/v1/training/workshops/{id}", tag = "training",
    summary = "A workshop with everyone enrolled: days attended, completion, drop-out and its risks.",
    params(("id" = String, Path, description = "The workshop.")),
    responses((status = 200, description = "The workshop.", body = WorkshopJson),
        Unauthorized, Forbidden, NotFound))]
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<WorkshopJson>, AppError> {
    ctx.authorize(Action::ManageTraining, Resource::Network)?;
    let id: uuid::Uuid = id.parse().map_err(|_| AppError::NotFound)?;
    let w = state.store.workshop(id).await?.ok_or(AppError::NotFound)?;
    let mut participants = Vec::new();
    for (e, days) in state.store.enrolments_of(w.id).await? {
        let kind = state
            .store
            .organisation(e.org_id)
            .await?
            .map(|o| o.fields.kind)
            .unwrap_or(domain::organisation::OrgKind::Source);
        let roles: Vec<&'static str> = state
            .store
            .user(e.user_id)
            .await?
            .map(|u| u.roles.iter().map(|r| r.as_str()).collect())
            .unwrap_or_default();
        participants.push(Participant {
            id: e.id.to_string(),
            user: e.user_id.to_string(),
            roles,
            organisation: e.org_id.to_string(),
            years_in_org: e.years_in_org,
            days_attended: days
                .iter()
                .map(|d| domain::voice::format_date_iso(*d))
                .collect(),
            completed: domain::training::completed(&w, days.len()),
            dropout: e.dropout.as_ref().map(|d| DropoutJson {
                reason: d.reason.as_str(),
                note: d.note.clone(),
                at: Some(d.at.to_rfc3339()),
            }),
            risks: domain::training::risks(&w, &e, kind, state.config.notice_weeks * 7)
                .iter()
                .map(|r| r.as_str())
                .collect(),
        });
    }
    Ok(Json(WorkshopJson {
        participants: Some(participants),
        ..workshop_json(&w)
    }))
}
