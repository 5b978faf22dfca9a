//! `/api/v1/.../handovers`: start, list, read, completeness, and the workflow's steps.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use domain::handover::{Completeness, Handover};
use domain::policy::{Action, Resource};
use serde::Deserialize;
use serde_json::{Value, json};

use super::ApiJson;
use crate::{AppError, AppState, Ctx};
use app::{casework, handovers};

pub fn handover_json(h: &Handover) -> Value {
    json!({
        "id": h.id.to_string(),
        "case": h.case_id.to_string(),
        "from": h.from_org.to_string(),
        "to": h.to_org.to_string(),
        "state": h.state.as_str(),
        "reason": h.reason,
        "sections": h.sections.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
        "score": h.score,
        "gaps": h.gaps.iter().map(|g| g.as_str()).collect::<Vec<_>>(),
        "gaps_reason": h.gaps_reason,
        "decline_reason": h.decline_reason,
        "created_at": h.created_at.to_rfc3339(),
        "sent_at": h.sent_at.map(|t| t.to_rfc3339()),
        "acknowledged_at": h.acknowledged_at.map(|t| t.to_rfc3339()),
        "decided_at": h.decided_at.map(|t| t.to_rfc3339()),
        "version": h.version,
    })
}

fn report_json(
    state: &AppState,
    ctx: &Ctx,
    r: &Completeness,
    glossary: &app::glossary::Glossary,
) -> Value {
    json!({
        "score": r.score(),
        "checked": r.checked,
        "gaps": r.gaps.iter().map(|g| json!({"code": g.as_str(), "message": state.i18n.text(ctx.lang, &g.message_id())})).collect::<Vec<_>>(),
        "jargon": r.jargon.iter().map(|j| json!({"term": glossary.term(j.term), "found": j.found, "explanation": glossary.explanation(j.term, ctx.lang)})).collect::<Vec<_>>(),
    })
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StartBody {
    to: String,
    reason: String,
    sections: Vec<String>,
}

pub async fn start(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<StartBody>,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = casework::load(&state.store, &actor, &id, Action::ViewCaseSummary).await?;
    // The custodian hands her over; an organisation that held her before shares what it holds.
    if !casework::allowed(&actor, Action::ShareSection, &case) {
        casework::check(&actor, Action::StartHandover, &case)?;
    }
    let h = handovers::start(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &case,
        &body.to,
        &body.reason,
        &body.sections,
    )
    .await?;
    Ok((StatusCode::CREATED, Json(handover_json(&h))).into_response())
}

#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    direction: Option<String>,
}

pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<ListQuery>,
) -> Result<Json<Value>, AppError> {
    let actor = ctx.authorize(
        Action::ViewHandovers,
        Resource::Organisation(ctx.actor()?.org_id),
    )?;
    let incoming = match query.direction.as_deref().unwrap_or("outgoing") {
        "incoming" => true,
        "outgoing" => false,
        other => {
            return Err(AppError::Malformed(format!(
                "direction must be incoming or outgoing, not {other:?}"
            )));
        }
    };
    let found = state.store.handovers_of(actor.org_id, incoming).await?;
    Ok(Json(
        json!({ "handovers": found.iter().map(handover_json).collect::<Vec<_>>() }),
    ))
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<Value>, AppError> {
    let (h, _) = handovers::load(&state.store, &ctx.actor()?, &id).await?;
    Ok(Json(handover_json(&h)))
}

/// The report as it stands (for the sender, who can read the case), or as recorded when sent.
pub async fn completeness(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<Value>, AppError> {
    let actor = ctx.actor()?;
    let (h, case) = handovers::load(&state.store, &actor, &id).await?;
    if h.from_org == actor.org_id
        && casework::allowed(&actor, Action::ViewCase, &case)
        && h.sent_at.is_none()
    {
        let (report, glossary) =
            handovers::report(&state.store, &case, &h, state.clock.now()).await?;
        return Ok(Json(report_json(&state, &ctx, &report, &glossary)));
    }
    Ok(Json(json!({
        "score": h.score,
        "gaps": h.gaps.iter().map(|g| json!({"code": g.as_str(), "message": state.i18n.text(ctx.lang, &g.message_id())})).collect::<Vec<_>>(),
        "gaps_reason": h.gaps_reason,
    })))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StepBody {
    reason: String,
    gaps_reason: String,
}

async fn step(
    state: AppState,
    ctx: Ctx,
    id: String,
    action: &str,
    body: StepBody,
) -> Result<Json<Value>, AppError> {
    let actor = ctx.actor()?;
    let (h, case) = handovers::load(&state.store, &actor, &id).await?;
    let (store, acting) = (&state.store, ctx.acting(&actor, state.clock.now()));
    let next = match action {
        "send" => handovers::send(store, &acting, &h, &case, &body.gaps_reason).await?,
        "acknowledge" => handovers::acknowledge(store, &acting, &h).await?,
        "accept" => handovers::accept(store, &acting, &h).await?,
        "decline" => handovers::decline(store, &acting, &h, &body.reason).await?,
        _ => return Err(AppError::NotFound),
    };
    Ok(Json(handover_json(&next)))
}

/// A step's body is optional (`{}` or none at all); a body that is there must be valid.
async fn body_of(req: axum::extract::Request) -> Result<StepBody, AppError> {
    let bytes = axum::body::to_bytes(req.into_body(), 64 * 1024)
        .await
        .map_err(|_| AppError::Malformed("the body is too large".into()))?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(StepBody::default());
    }
    serde_json::from_slice(&bytes).map_err(|e| AppError::Malformed(e.to_string()))
}

macro_rules! step_route {
    ($name:ident, $action:literal) => {
        pub async fn $name(
            State(state): State<AppState>,
            ctx: Ctx,
            Path(id): Path<String>,
            req: axum::extract::Request,
        ) -> Result<Json<Value>, AppError> {
            let body = body_of(req).await?;
            step(state, ctx, id, $action, body).await
        }
    };
}

step_route!(send, "send");
step_route!(acknowledge, "acknowledge");
step_route!(accept, "accept");
step_route!(decline, "decline");

/// The follow-ups of a case (the staff who carry it).
pub async fn followups(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<Value>, AppError> {
    let actor = ctx.actor()?;
    let case = casework::load(&state.store, &actor, &id, Action::FollowJourney).await?;
    let today = state.clock.now().to_datetime().date();
    let list = state.store.followups_of(case.id).await?;
    Ok(Json(json!({
        "followups": list.iter().map(|f| json!({
            "id": f.id.to_string(),
            "due_on": domain::voice::format_date_iso(f.due_on),
            "missed": f.is_missed(today),
            "outcome": f.done.as_ref().map(|d| d.outcome.as_str()),
            "her_words": f.done.as_ref().map(|d| d.her_words.clone()),
            "recorded_at": f.done.as_ref().map(|d| d.at.to_rfc3339()),
        })).collect::<Vec<_>>()
    })))
}

pub async fn record_followup(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, followup)): Path<(String, String)>,
    ApiJson(body): ApiJson<handovers::FollowUpInput>,
) -> Result<Json<Value>, AppError> {
    let actor = ctx.actor()?;
    let case = casework::load(&state.store, &actor, &id, Action::RecordVoice).await?;
    let sent = handovers::record_followup(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &case,
        &followup,
        &body,
    )
    .await?;
    Ok(Json(
        json!({ "recorded": true, "update_sent_to_sender": sent }),
    ))
}

/// The follow-up updates the receiver's work has sent back (the sending side reads them).
pub async fn updates(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<Value>, AppError> {
    let (h, _) = handovers::load(&state.store, &ctx.actor()?, &id).await?;
    let list = state.store.followup_updates(h.id).await?;
    Ok(Json(json!({
        "updates": list.iter().map(|u| json!({
            "outcome": u.outcome.as_str(),
            "her_words": u.her_words,
            "at": u.at.to_rfc3339(),
        })).collect::<Vec<_>>()
    })))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RepatriationBody {
    route: String,
    started_on: String,
}

/// Starts her repatriation on a route (default India → Bangladesh).
pub async fn start_repatriation(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<RepatriationBody>,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = casework::load(&state.store, &actor, &id, Action::Repatriate).await?;
    handovers::repatriate(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &case,
        &body.route,
        &body.started_on,
    )
    .await?;
    let json = repatriation_json(&state, &ctx, &case).await?;
    Ok((StatusCode::CREATED, Json(json)).into_response())
}

async fn repatriation_json(
    state: &AppState,
    ctx: &Ctx,
    case: &domain::Case,
) -> Result<Value, AppError> {
    let Some((route, started_on, steps)) = state.store.repatriation(case.id).await? else {
        return Err(AppError::NotFound);
    };
    let today = state.clock.now().to_datetime().date();
    let due = domain::repatriation::due_dates(started_on, &steps);
    let late = domain::repatriation::overdue(started_on, &steps, today);
    Ok(json!({
        "route": route,
        "started_on": domain::voice::format_date_iso(started_on),
        "steps": steps.iter().zip(due).zip(late).map(|((s, due), late)| json!({
            "seq": s.seq,
            "key": s.key,
            "label": state.i18n.text(ctx.lang, &format!("repatriation-step-{}", s.key)),
            "agency": s.agency,
            "expected_days": s.expected_days,
            "due_on": domain::voice::format_date_iso(due),
            "done_on": s.done_on.map(domain::voice::format_date_iso),
            "overdue": late,
            "her_preference": s.her_preference,
        })).collect::<Vec<_>>(),
    }))
}

pub async fn repatriation(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<Value>, AppError> {
    let actor = ctx.actor()?;
    let case = casework::load(&state.store, &actor, &id, Action::FollowJourney).await?;
    Ok(Json(repatriation_json(&state, &ctx, &case).await?))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StepUpdate {
    done_on: String,
    her_preference: String,
}

/// Records a step: done on a day (not before her repatriation started, not in the future), and
/// her informed preference, which is required once the step is done.
pub async fn update_step(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, seq)): Path<(String, i64)>,
    ApiJson(body): ApiJson<StepUpdate>,
) -> Result<Json<Value>, AppError> {
    let actor = ctx.actor()?;
    let case = casework::load(&state.store, &actor, &id, Action::Repatriate).await?;
    handovers::record_step(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &case,
        seq,
        &body.done_on,
        &body.her_preference,
    )
    .await?;
    Ok(Json(repatriation_json(&state, &ctx, &case).await?))
}
