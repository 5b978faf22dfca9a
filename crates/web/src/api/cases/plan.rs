//! `/api/v1/cases/{id}/…`: Her plan: read, saved on a version, approved, reviewed with her.

use super::*;

pub async fn plan_json(
    state: &AppState,
    case: &Case,
    plan: &domain::plan::Plan,
    sight: &domain::sight::Sight,
) -> Result<Plan, AppError> {
    let reviews = state.store.plan_reviews(case.id, sight).await?;
    Ok(Plan {
        version: plan.version,
        approved_version: plan.approved_version,
        updated_at: plan.updated_at.to_rfc3339(),
        goals: plan.body.goals.clone(),
        reviews: reviews
            .iter()
            .map(|r| PlanReviewJson {
                plan_version: r.plan_version,
                agreement: r.agreement.as_str(),
                her_words: r.her_words.clone(),
                notes: r.notes.clone(),
                reviewed_by: r.reviewed_by.to_string(),
                reviewed_at: r.reviewed_at.to_rfc3339(),
            })
            .collect(),
    })
}

#[utoipa::path(get, path = "/api/v1/cases/{id}/plan", tag = "cases",
    summary = "Her case plan, with its ETag and its reviews with her.",
    params(("id" = String, Path, description = "The case.")),
    responses((status = 200, description = "The plan.", body = Plan,
            headers(("ETag" = String, description = "The version, for If-Match."))),
        Unauthorized, Forbidden, NotFound))]
pub async fn plan(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::ReadPlan).await?;
    let seen = ctx.sight(&state, &case).await?;
    let plan = casework::plan_of(&state.store, &case, &seen).await?;
    casework::audit_read(&state.store, &ctx.acting(&actor, state.clock.now()), &case).await?;
    Ok(with_etag(
        plan.version,
        plan_json(&state, &case, &plan, &seen).await?,
    ))
}

#[utoipa::path(put, path = "/api/v1/cases/{id}/plan", tag = "cases",
    summary = "Replace the plan's goals and actions. Needs If-Match.",
    params(("id" = String, Path, description = "The case."),
        ("If-Match" = String, Header, description = "The ETag read before the change.")),
    request_body = PlanBodyJson,
    responses((status = 200, description = "Saved.", body = Plan,
            headers(("ETag" = String, description = "The new version."))),
        Malformed, Unauthorized, Forbidden, NotFound, Stale, BodyTooLarge, Invalid,
        IfMatchMissing))]
pub async fn save_plan(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<PlanBodyJson>,
) -> Result<Response, AppError> {
    let body = domain::plan::PlanBody::try_from(body)?;
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::EditPlan).await?;
    let seen = ctx.sight(&state, &case).await?;
    let current = casework::plan_of(&state.store, &case, &seen).await?;
    let version = if_match(&headers, current.version)?;
    let saved = casework::save_plan(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &case,
        version,
        body,
    )
    .await?;
    Ok(with_etag(
        saved.version,
        plan_json(&state, &case, &saved, &seen).await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/cases/{id}/plan/approve", tag = "cases",
    summary = "Approve the plan as it stands (director). Needs If-Match and a logged plan decision with her participation.",
    params(("id" = String, Path, description = "The case."),
        ("If-Match" = String, Header, description = "The ETag read before the change.")),
    responses((status = 200, description = "Approved.", body = Plan,
            headers(("ETag" = String, description = "The new version."))),
        Unauthorized, Forbidden, NotFound, Stale, Invalid, IfMatchMissing))]
pub async fn approve_plan(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::ApprovePlan).await?;
    let seen = ctx.sight(&state, &case).await?;
    let current = casework::plan_of(&state.store, &case, &seen).await?;
    let version = if_match(&headers, current.version)?;
    let approved = casework::approve_plan(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &case,
        version,
    )
    .await?;
    Ok(with_etag(
        approved.version,
        plan_json(&state, &case, &approved, &seen).await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/cases/{id}/plan/reviews", tag = "cases",
    summary = "Record a review of the plan with her: does she agree, in her words.",
    params(("id" = String, Path, description = "The case.")),
    request_body = ReviewBody,
    responses((status = 201, description = "Recorded.", body = ReviewRecorded),
        Malformed, Unauthorized, Forbidden, NotFound, BodyTooLarge, Invalid))]
pub async fn review_plan(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<ReviewBody>,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::EditPlan).await?;
    let review = casework::review_plan(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &case,
        &body.into(),
    )
    .await?;
    let body = ReviewRecorded {
        plan_version: review.plan_version,
        agreement: review.agreement.as_str(),
        her_words: review.her_words,
    };
    Ok((StatusCode::CREATED, Json(body)).into_response())
}
