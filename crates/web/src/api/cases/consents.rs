//! `/api/v1/cases/{id}/…`: Her consents, and who has read her record.

use super::*;

pub fn consent_json(c: &domain::consent::Consent, now: domain::Timestamp) -> ConsentJson {
    ConsentJson {
        id: c.id.to_string(),
        purpose: c.fields.purpose.as_str(),
        section: c.fields.section.map(|s| s.as_str()),
        organisation: c.fields.organisation.map(|o| o.to_string()),
        explained_how: c.fields.explained_how.clone(),
        explained_in: c.fields.explained_in.code(),
        explained_by: c.fields.explained_by.clone(),
        expires_on: c.fields.expires_on.map(format_date_iso),
        status: c.status(now),
        recorded_by: c.recorded_by.to_string(),
        recorded_at: c.recorded_at.to_rfc3339(),
        revoked_at: c.revoked_at.map(|t| t.to_rfc3339()),
        revoked_reason: c.revoked_reason.clone(),
    }
}

#[utoipa::path(get, path = "/api/v1/cases/{id}/consents", tag = "cases",
    summary = "Her consents, active, revoked and expired.",
    params(("id" = String, Path, description = "The case.")),
    responses((status = 200, description = "The consents.", body = ConsentList),
        Unauthorized, Forbidden, NotFound))]
pub async fn consents(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<ConsentList>, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::ManageConsent).await?;
    let now = state.clock.now();
    let consents = state.store.consents_of(case.id, &ctx.scope()?).await?;
    casework::audit_read(&state.store, &ctx.acting(&actor, now), &case).await?;
    Ok(Json(ConsentList {
        consents: consents.iter().map(|c| consent_json(c, now)).collect(),
    }))
}

#[utoipa::path(post, path = "/api/v1/cases/{id}/consents", tag = "cases",
    summary = "Record her consent to a purpose: how it was explained, in which language, by whom; for sharing, the section and organisation.",
    params(("id" = String, Path, description = "The case.")),
    request_body = ConsentBody,
    responses((status = 201, description = "Recorded.", body = ConsentJson),
        Malformed, Unauthorized, Forbidden, NotFound, BodyTooLarge, Invalid))]
pub async fn record_consent(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<ConsentBody>,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::ManageConsent).await?;
    let now = state.clock.now();
    let body = body.into();
    let consent =
        casework::record_consent(&state.store, &ctx.acting(&actor, now), &case, &body).await?;
    Ok((StatusCode::CREATED, Json(consent_json(&consent, now))).into_response())
}

/// Why she withdrew a consent.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = Revoke)]
pub struct RevokeBody {
    #[serde(default)]
    #[schema(required = true, min_length = 1)]
    reason: String,
}

#[utoipa::path(post, path = "/api/v1/cases/{id}/consents/{cid}/revoke", tag = "cases",
    summary = "Revoke a consent: sharing under it stops from now on.",
    params(("id" = String, Path, description = "The case."),
        ("cid" = String, Path, description = "The consent.")),
    request_body = RevokeBody,
    responses((status = 200, description = "Revoked.", body = ConsentJson),
        Malformed, Unauthorized, Forbidden, NotFound, BodyTooLarge, Invalid))]
pub async fn revoke_consent(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, consent)): Path<(String, String)>,
    ApiJson(body): ApiJson<RevokeBody>,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::ManageConsent).await?;
    let now = state.clock.now();
    casework::revoke_consent(
        &state.store,
        &ctx.acting(&actor, now),
        &case,
        crate::path::id(&consent)?,
        &body.reason,
    )
    .await?;
    let consents = state.store.consents_of(case.id, &ctx.scope()?).await?;
    let revoked = consents
        .iter()
        .find(|c| c.id.to_string() == consent)
        .ok_or(AppError::NotFound)?;
    Ok(Json(consent_json(revoked, now)).into_response())
}

#[utoipa::path(get, path = "/api/v1/cases/{id}/readers", tag = "cases",
    summary = "Who read her record: organisation, roles and day, never a name.",
    params(("id" = String, Path, description = "The case.")),
    responses((status = 200, description = "The readings.", body = Readings),
        Unauthorized, Forbidden, NotFound))]
pub async fn readers(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<Readings>, AppError> {
    let case = ctx.case(&state, &id, Action::FollowJourney).await?;
    let acting = ctx.acting(&ctx.actor()?, state.clock.now());
    let lines = casework::readings(&state.store, &acting, &case, &ctx.zone).await?;
    Ok(Json(Readings {
        readings: lines
            .iter()
            .map(|r| Reading {
                organisation: r.organisation.clone(),
                roles: r.roles.iter().map(|role| role.as_str()).collect(),
                day: domain::voice::format_date_iso(r.day),
                what: if r.identity { "identity" } else { "record" },
                times: r.times,
            })
            .collect(),
    }))
}
