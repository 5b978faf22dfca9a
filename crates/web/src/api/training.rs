//! `/api/v1/training`: the programme with its phases and workshops.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use domain::policy::{Action, Resource};
use domain::training::{
    DropoutRate, PROJECTED_DROPOUT_PERCENT, Programme, TARGET_GROUP_SIZE, Workshop,
};
use serde_json::{Value, json};

use super::ApiJson;
use crate::{AppError, AppState, Ctx};

pub fn workshop_json(w: &Workshop) -> Value {
    json!({
        "id": w.id.to_string(),
        "programme": w.programme,
        "workshop": w.template.key,
        "title": w.template.title,
        "venue": w.venue,
        "starts_on": domain::voice::format_date_iso(w.starts_on),
        "ends_on": domain::voice::format_date_iso(w.ends_on),
        "announced_on": domain::voice::format_date_iso(w.announced_on),
        "capacity": w.capacity,
        "facilitators": w.facilitators,
        "trainers": w.trainers.iter().map(|u| u.to_string()).collect::<Vec<_>>(),
        "audience": w.template.audience.as_str(),
        "topics": w.template.topics,
        "calendar": format!("/api/v1/training/workshops/{}/calendar.ics", w.id),
    })
}

pub fn programme_json(p: &Programme, scheduled: &[Workshop], dropout: DropoutRate) -> Value {
    json!({
        "key": p.key,
        "title": p.title,
        "dropout": {
            "enrolled": dropout.enrolled,
            "dropped": dropout.dropped,
            "rate_percent": domain::training::evaluation::decimal(dropout.percent_hundredths()),
            "projected_percent": PROJECTED_DROPOUT_PERCENT,
            "above_projection": dropout.above_projection(),
        },
        "phases": p.phases.iter().map(|ph| json!({
            "number": ph.number,
            "title": ph.title,
            "workshops": ph.workshops.iter().map(|w| json!({
                "key": w.key,
                "title": w.title,
                "days": w.days,
                "residential": w.residential,
                "audience": w.audience.as_str(),
                "target_group_size": TARGET_GROUP_SIZE,
                "topics": w.topics,
                "scheduled": scheduled
                    .iter()
                    .filter(|s| s.programme == p.key && s.template.key == w.key)
                    .map(workshop_json)
                    .collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

/// `GET /api/v1/training/programmes`: every programme, with its phases and workshops, and the
/// workshops of each that are on the calendar.
pub async fn programmes(State(state): State<AppState>, ctx: Ctx) -> Result<Json<Value>, AppError> {
    ctx.authorize(Action::ReadTraining, Resource::Network)?;
    let programme = app::training::programme()?;
    let scheduled = state.store.workshops().await?;
    let dropout = state.store.dropout_rate(&programme.key).await?;
    Ok(Json(Value::Array(vec![programme_json(
        &programme, &scheduled, dropout,
    )])))
}

pub async fn schedule(
    State(state): State<AppState>,
    ctx: Ctx,
    ApiJson(body): ApiJson<app::training::ScheduleInput>,
) -> Result<Response, AppError> {
    let origin = super::organisations::origin(&state, &ctx)?;
    let w = app::training::schedule(&state.store, &origin, &body).await?;
    Ok((StatusCode::CREATED, Json(workshop_json(&w))).into_response())
}

/// `GET /api/v1/training/workshops/{id}/calendar.ics`: the workshop for a calendar, its title
/// in the reader's language.
pub async fn calendar(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    ctx.authorize(Action::ReadTraining, Resource::Network)?;
    let id: uuid::Uuid = id.parse().map_err(|_| AppError::NotFound)?;
    let w = state.store.workshop(id).await?.ok_or(AppError::NotFound)?;
    let t = crate::pages::Tr {
        i18n: &state.i18n,
        lang: ctx.lang,
    };
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

pub async fn enrol(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<app::training::EnrolInput>,
) -> Result<Response, AppError> {
    let origin = super::organisations::origin(&state, &ctx)?;
    let e = app::training::enrol(&state.store, &origin, &id, &body).await?;
    Ok((
        StatusCode::CREATED,
        Json(json!({"id": e.id.to_string(), "user": e.user_id.to_string(), "organisation": e.org_id.to_string()})),
    )
        .into_response())
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AttendBody {
    enrolment: String,
    day: String,
}

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
        &id,
        std::slice::from_ref(&body.enrolment),
        &body.day,
    )
    .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DropoutBody {
    enrolment: String,
    reason: String,
    note: String,
}

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
        &id,
        &body.enrolment,
        &body.reason,
        &body.note,
    )
    .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// `GET /api/v1/training/workshops/{id}`: the workshop with everyone enrolled, the days each
/// attended, whether she completed it, why she left, and the drop-out risks flagged for her.
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<Value>, AppError> {
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
        let roles: Vec<&str> = state
            .store
            .user(e.user_id)
            .await?
            .map(|u| u.roles.iter().map(|r| r.as_str()).collect())
            .unwrap_or_default();
        participants.push(json!({
            "id": e.id.to_string(),
            "user": e.user_id.to_string(),
            "roles": roles,
            "organisation": e.org_id.to_string(),
            "years_in_org": e.years_in_org,
            "days_attended": days.iter().map(|d| domain::voice::format_date_iso(*d)).collect::<Vec<_>>(),
            "completed": domain::training::completed(&w, days.len()),
            "dropout": e.dropout.as_ref().map(|d| json!({"reason": d.reason.as_str(), "note": d.note, "at": d.at.to_rfc3339()})),
            "risks": domain::training::risks(&w, &e, kind, state.config.notice_weeks * 7)
                .iter().map(|r| r.as_str()).collect::<Vec<_>>(),
        }));
    }
    let mut v = workshop_json(&w);
    v["participants"] = Value::Array(participants);
    Ok(Json(v))
}
