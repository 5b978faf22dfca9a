//! `/api/v1/cases/{id}/…`: Decisions about her, logged with her participation.

use super::*;

pub fn decision_json(d: &domain::decision::Decision) -> DecisionJson {
    DecisionJson {
        id: d.id.to_string(),
        topic: d.fields.topic.as_str(),
        what: d.fields.what.clone(),
        decided_by: d.fields.decided_by.clone(),
        options: d.fields.options.clone(),
        her_choice: d.fields.her_choice.clone(),
        participation: d.fields.participation.as_str(),
        her_view: d.fields.her_view.clone(),
        absent_reason: d.fields.absent_reason.clone(),
        recorded_by: d.recorded_by.to_string(),
        recorded_at: d.recorded_at.to_rfc3339(),
    }
}

#[utoipa::path(get, path = "/api/v1/cases/{id}/decisions", tag = "cases",
    summary = "The decisions about her case, with her part in each.",
    params(("id" = String, Path, description = "The case.")),
    responses((status = 200, description = "The decisions.", body = DecisionList),
        Unauthorized, Forbidden, NotFound))]
pub async fn decisions(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<DecisionList>, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::ReadDecisions).await?;
    let seen = ctx.sight(&state, &case).await?;
    let decisions = state.store.decisions_of(case.id, &seen).await?;
    casework::audit_read(&state.store, &ctx.acting(&actor, state.clock.now()), &case).await?;
    Ok(Json(DecisionList {
        decisions: decisions.iter().map(decision_json).collect(),
    }))
}

#[utoipa::path(post, path = "/api/v1/cases/{id}/decisions", tag = "cases",
    summary = "Log a decision: what, by whom, the options she was given, what she chose, her view, or why she could not take part.",
    params(("id" = String, Path, description = "The case.")),
    request_body = DecisionBody,
    responses((status = 201, description = "Logged.", body = DecisionJson),
        Malformed, Unauthorized, ForbiddenOrGated, NotFound, BodyTooLarge, Invalid))]
pub async fn log_decision(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<DecisionBody>,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::LogDecision).await?;
    let decision = casework::log_decision(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &case,
        &body.into(),
    )
    .await?;
    Ok((StatusCode::CREATED, Json(decision_json(&decision))).into_response())
}
