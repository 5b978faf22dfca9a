//! `/api/v1/training`, the people side: survivors in their workshops (for those workshops'
//! trainers only), their unattributed feedback summary, peer roles, exchange visits and their
//! matrix, questionnaires and their results, and training gates.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use domain::form::RawAnswers;
use domain::training::evaluation::{ItemChange, decimal};
use serde_json::{Value, json};

use super::ApiJson;
use super::organisations::origin;
use crate::{AppError, AppState, Ctx};

fn created(v: Value) -> Response {
    (StatusCode::CREATED, Json(v)).into_response()
}

fn dates(days: &[time::Date]) -> Vec<String> {
    days.iter()
        .map(|d| domain::voice::format_date_iso(*d))
        .collect()
}

/// `GET /api/v1/training/workshops/{id}/survivors`: who is in a survivor workshop, for its
/// trainers alone.
pub async fn survivors(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<Value>, AppError> {
    let origin = origin(&state, &ctx)?;
    let (w, places) = app::training::survivors::survivors(&state.store, &origin, &id).await?;
    Ok(Json(Value::Array(
        places
            .iter()
            .map(|(p, t, days)| {
                json!({
                    "place": p.id.to_string(),
                    "code": t.code,
                    "known_as": t.known_as,
                    "organisation": t.org_id.map(|o| o.to_string()),
                    "days_attended": dates(days),
                    "completed": domain::training::completed(&w, days.len()),
                    "dropout": p.dropout.as_ref().map(|d| json!({"reason": d.reason.as_str(), "note": d.note})),
                })
            })
            .collect(),
    )))
}

pub async fn add_survivor(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<app::training::survivors::SurvivorInput>,
) -> Result<Response, AppError> {
    let origin = origin(&state, &ctx)?;
    let (t, p) = app::training::survivors::add_survivor(&state.store, &origin, &id, &body).await?;
    Ok(created(json!({"place": p.id.to_string(), "code": t.code})))
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PlaceDay {
    place: String,
    day: String,
}

pub async fn survivor_attendance(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<PlaceDay>,
) -> Result<Response, AppError> {
    let origin = origin(&state, &ctx)?;
    app::training::survivors::attend(
        &state.store,
        &origin,
        &id,
        std::slice::from_ref(&body.place),
        &body.day,
    )
    .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PlaceDropout {
    place: String,
    reason: String,
    note: String,
}

pub async fn survivor_dropout(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<PlaceDropout>,
) -> Result<Response, AppError> {
    let origin = origin(&state, &ctx)?;
    app::training::survivors::drop_out(
        &state.store,
        &origin,
        &id,
        &body.place,
        &body.reason,
        &body.note,
    )
    .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// `GET /api/v1/training/workshops/{id}/feedback`: each piece, with no name (trainers of the
/// workshop only).
pub async fn feedback(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<Value>, AppError> {
    let origin = origin(&state, &ctx)?;
    let all = app::training::survivors::feedback(&state.store, &origin, &id).await?;
    Ok(Json(Value::Array(
        all.iter()
            .map(|f| {
                json!({
                    "theme": f.theme.as_str(),
                    "tone": f.tone.as_str(),
                    "words": f.words,
                    "language": f.language.code(),
                })
            })
            .collect(),
    )))
}

pub async fn add_feedback(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<app::training::survivors::FeedbackInput>,
) -> Result<Response, AppError> {
    let origin = origin(&state, &ctx)?;
    let f =
        app::training::survivors::add_feedback(&state.store, &origin, &id, &body, ctx.lang).await?;
    Ok(created(json!({"id": f.id.to_string()})))
}

/// `GET /api/v1/training/workshops/{id}/feedback-summary`: the unattributed view. Counts under
/// 5 are `null` and listed as suppressed.
pub async fn feedback_summary(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<Value>, AppError> {
    let origin = origin(&state, &ctx)?;
    let (w, s) = app::training::survivors::feedback_summary(&state.store, &origin, &id).await?;
    let suppressed =
        |c: &domain::training::survivors::Cell| *c == domain::training::survivors::Cell::Suppressed;
    Ok(Json(json!({
        "workshop": w.id.to_string(),
        "k": domain::training::survivors::K,
        "total": s.total,
        "total_suppressed": suppressed(&s.total),
        "themes": s.themes.iter().map(|(t, c)| json!({"theme": t.as_str(), "count": c, "suppressed": suppressed(c)})).collect::<Vec<_>>(),
        "tones": s.tones.iter().map(|(t, c)| json!({"tone": t.as_str(), "count": c, "suppressed": suppressed(c)})).collect::<Vec<_>>(),
    })))
}

pub async fn set_peer(
    State(state): State<AppState>,
    ctx: Ctx,
    ApiJson(body): ApiJson<app::training::survivors::PeerInput>,
) -> Result<Response, AppError> {
    let origin = origin(&state, &ctx)?;
    let (t, p) = app::training::survivors::set_peer(&state.store, &origin, &body).await?;
    Ok(created(json!({
        "code": t.code,
        "role": p.role.as_str(),
        "consent_language": p.consent_language.code(),
    })))
}

pub async fn add_visit(
    State(state): State<AppState>,
    ctx: Ctx,
    ApiJson(body): ApiJson<app::training::exchange::VisitInput>,
) -> Result<Response, AppError> {
    let origin = origin(&state, &ctx)?;
    let v = app::training::exchange::record(&state.store, &origin, &body).await?;
    Ok(created(visit_json(&v)))
}

fn visit_json(v: &domain::training::exchange::ExchangeVisit) -> Value {
    json!({
        "id": v.id.to_string(),
        "visitor_org": v.visitor_org.to_string(),
        "host_org": v.host_org.to_string(),
        "visited_on": domain::voice::format_date_iso(v.visited_on),
        "visitors": v.visitors,
        "learned": v.learned,
    })
}

pub async fn visits(State(state): State<AppState>, ctx: Ctx) -> Result<Json<Value>, AppError> {
    let origin = origin(&state, &ctx)?;
    let (_, _, visits) = app::training::exchange::overview(&state.store, &origin).await?;
    Ok(Json(Value::Array(visits.iter().map(visit_json).collect())))
}

/// `GET /api/v1/training/exchange-visits/matrix`: for each organisation, the counterparts it
/// visited and hosted, and whether it has visited none (flagged), some, or the ideal three.
pub async fn matrix(State(state): State<AppState>, ctx: Ctx) -> Result<Json<Value>, AppError> {
    let origin = origin(&state, &ctx)?;
    let (orgs, rows, _) = app::training::exchange::overview(&state.store, &origin).await?;
    let name = |id: &domain::OrgId| {
        orgs.iter()
            .find(|o| o.id == *id)
            .map(|o| o.fields.name.to_string())
            .unwrap_or_default()
    };
    Ok(Json(json!({
        "goal": {"at_least": domain::training::exchange::GOAL_AT_LEAST, "ideal": domain::training::exchange::GOAL_IDEAL},
        "organisations": rows.iter().map(|r| json!({
            "organisation": r.org.to_string(),
            "name": name(&r.org),
            "counterparts_visited": r.visited.len(),
            "visited": r.visited.iter().map(|o| o.to_string()).collect::<Vec<_>>(),
            "hosted": r.hosted.iter().map(|o| o.to_string()).collect::<Vec<_>>(),
            "progress": r.progress.as_str(),
            "flagged": r.progress == domain::training::exchange::Progress::None,
        })).collect::<Vec<_>>(),
    })))
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EvaluationBody {
    enrolment: String,
    /// `pre` or `post`.
    stage: String,
    /// Each field's answer: a string, or a list for several choices.
    answers: BTreeMap<String, Value>,
}

pub async fn add_evaluation(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<EvaluationBody>,
) -> Result<Response, AppError> {
    let origin = origin(&state, &ctx)?;
    let raw: RawAnswers = body
        .answers
        .iter()
        .map(|(k, v)| {
            let values = match v {
                Value::Array(items) => items.iter().map(plain).collect(),
                other => vec![plain(other)],
            };
            (k.clone(), values)
        })
        .collect();
    let e = app::training::evaluation::record(
        &state.store,
        &origin,
        &id,
        &body.enrolment,
        &body.stage,
        &raw,
    )
    .await?;
    Ok(created(json!({
        "id": e.id.to_string(),
        "form": e.form_key,
        "version": e.form_version,
    })))
}

/// A JSON value as the text a form input would carry.
fn plain(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn changes_json(items: &[ItemChange]) -> Value {
    let mean = |h: Option<i64>| h.map(decimal);
    Value::Array(
        items
            .iter()
            .map(|c| {
                json!({
                    "item": c.item,
                    "label": c.label,
                    "pre": {"answered": c.pre.answered, "mean": mean(c.pre.hundredths)},
                    "post": {"answered": c.post.answered, "mean": mean(c.post.hundredths)},
                    "change": mean(c.change_hundredths),
                })
            })
            .collect(),
    )
}

/// `GET /api/v1/training/workshops/{id}/evaluation-results`: the change on each attitude item,
/// for the workshop and for each organisation (means over fewer than 5 answers are `null`).
pub async fn evaluation_results(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<Value>, AppError> {
    let origin = origin(&state, &ctx)?;
    let r = app::training::evaluation::results(&state.store, &origin, &id).await?;
    Ok(Json(json!({
        "form": r.form.def.key,
        "version": r.form.version,
        "answered": {"pre": r.answered.0, "post": r.answered.1},
        "workshop": changes_json(&r.workshop),
        "organisations": r.by_org.iter().map(|(o, items)| json!({
            "organisation": o.id.to_string(),
            "name": o.fields.name.to_string(),
            "items": changes_json(items),
        })).collect::<Vec<_>>(),
    })))
}

pub async fn gates(State(state): State<AppState>, ctx: Ctx) -> Result<Json<Value>, AppError> {
    ctx.authorize(
        domain::policy::Action::ReadTraining,
        domain::policy::Resource::Network,
    )?;
    let gates = state.store.gates().await?;
    Ok(Json(Value::Array(
        gates
            .iter()
            .map(|g| json!({"role": g.role.as_str(), "action": g.action.as_str(), "workshop": g.workshop}))
            .collect(),
    )))
}

pub async fn set_gate(
    State(state): State<AppState>,
    ctx: Ctx,
    ApiJson(body): ApiJson<app::training::gates::GateInput>,
) -> Result<Response, AppError> {
    let origin = origin(&state, &ctx)?;
    let g = app::training::gates::set(&state.store, &origin, &body).await?;
    Ok(created(
        json!({"role": g.role.as_str(), "action": g.action.as_str(), "workshop": g.workshop}),
    ))
}

pub async fn lift_gate(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((role, action)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let origin = origin(&state, &ctx)?;
    let input = app::training::gates::GateInput {
        role,
        action,
        workshop: String::new(),
    };
    app::training::gates::lift(&state.store, &origin, &input).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
