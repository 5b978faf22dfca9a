//! `/api/v1/training`: the programme with its phases and workshops.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use domain::policy::{Action, Resource};
use domain::training::{Programme, TARGET_GROUP_SIZE, Workshop};
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
        "calendar": format!("/api/v1/training/workshops/{}/calendar.ics", w.id),
    })
}

pub fn programme_json(p: &Programme, scheduled: &[Workshop]) -> Value {
    json!({
        "key": p.key,
        "title": p.title,
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
    let programme = crate::training::programme()?;
    let scheduled = state.store.workshops().await?;
    Ok(Json(Value::Array(vec![programme_json(
        &programme, &scheduled,
    )])))
}

pub async fn schedule(
    State(state): State<AppState>,
    ctx: Ctx,
    ApiJson(body): ApiJson<crate::training::ScheduleInput>,
) -> Result<Response, AppError> {
    let origin = super::organisations::origin(&state, &ctx)?;
    let w = crate::training::schedule(&state.store, &origin, &body).await?;
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
    let description = crate::training::summary(&t, &w);
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
