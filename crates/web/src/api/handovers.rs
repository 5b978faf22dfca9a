//! `/api/v1/.../handovers`: start, list, read, completeness, and the workflow's steps.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use domain::handover::{Completeness, Handover};
use domain::policy::{Action, Resource};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::problems::{
    BadQuery, BodyTooLarge, Forbidden, ForbiddenOrGated, Invalid, Malformed, MalformedOrBadSeq,
    NotDraft, NotFound, Stale, Unauthorized,
};
use super::{ApiJson, names};
use crate::{AppError, AppState, Ctx};
use app::{casework, handovers};

/// A handover of her case from its custodian to another organisation.
#[derive(Serialize, ToSchema)]
#[schema(as = Handover)]
pub struct HandoverJson {
    #[schema(format = Uuid)]
    pub id: String,
    #[schema(format = Uuid)]
    pub case: String,
    #[schema(format = Uuid)]
    pub from: String,
    #[schema(format = Uuid)]
    pub to: String,
    #[schema(value_type = names::HandoverStateName)]
    pub state: &'static str,
    pub reason: String,
    #[schema(value_type = Vec<names::SectionName>)]
    pub sections: Vec<&'static str>,
    /// The completeness score (0–100) recorded when it was sent.
    pub score: Option<i64>,
    #[schema(value_type = Vec<names::GapName>)]
    pub gaps: Vec<&'static str>,
    /// Why it went with gaps.
    pub gaps_reason: String,
    pub decline_reason: String,
    #[schema(format = DateTime)]
    pub created_at: String,
    #[schema(format = DateTime)]
    pub sent_at: Option<String>,
    #[schema(format = DateTime)]
    pub acknowledged_at: Option<String>,
    #[schema(format = DateTime)]
    pub decided_at: Option<String>,
    pub version: i64,
}

/// Handovers of her organisation.
#[derive(Serialize, ToSchema)]
pub struct HandoverList {
    pub handovers: Vec<HandoverJson>,
}

/// The completeness report: as it stands for a draft (with `checked` and `jargon`), or as
/// recorded when it was sent (with `gaps_reason`).
#[derive(Serialize, ToSchema)]
pub struct CompletenessReport {
    /// 0–100: the share of checks passed; `null` for one sent before scores were kept.
    pub score: Option<i64>,
    /// How many things were checked (draft only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub checked: Option<usize>,
    pub gaps: Vec<GapJson>,
    /// Glossary terms found in her words and the notes (draft only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub jargon: Option<Vec<JargonJson>>,
    /// How many of the things checked are here, travelling with it (`checked` minus the gaps;
    /// draft only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub present: Option<usize>,
    /// Nothing at all travels with it: no section of her record is covered by her consent for
    /// the receiver, or none was chosen (draft only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nothing_travels: Option<bool>,
    /// Why it went with gaps (once sent).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gaps_reason: Option<String>,
}

/// Something the receiving organisation would miss.
#[derive(Serialize, ToSchema)]
#[schema(as = Gap)]
pub struct GapJson {
    #[schema(value_type = names::GapName)]
    pub code: &'static str,
    /// In the caller's language.
    pub message: String,
    /// How to close it, in the caller's language.
    pub fix: String,
    /// The page of the case where it is closed (a path on this server).
    pub fix_href: String,
}

/// A glossary term found, with its plain explanation.
#[derive(Serialize, ToSchema)]
#[schema(as = Jargon)]
pub struct JargonJson {
    pub term: String,
    /// The words as written.
    pub found: String,
    pub explanation: String,
}

pub fn handover_json(h: &Handover) -> HandoverJson {
    HandoverJson {
        id: h.id.to_string(),
        case: h.case_id.to_string(),
        from: h.from_org.to_string(),
        to: h.to_org.to_string(),
        state: h.state.as_str(),
        reason: h.reason.clone(),
        sections: h.sections.iter().map(|s| s.as_str()).collect(),
        score: h.score,
        gaps: h.gaps.iter().map(|g| g.as_str()).collect(),
        gaps_reason: h.gaps_reason.clone(),
        decline_reason: h.decline_reason.clone(),
        created_at: h.created_at.to_rfc3339(),
        sent_at: h.sent_at.map(|t| t.to_rfc3339()),
        acknowledged_at: h.acknowledged_at.map(|t| t.to_rfc3339()),
        decided_at: h.decided_at.map(|t| t.to_rfc3339()),
        version: h.version,
    }
}

fn gaps_json(
    state: &AppState,
    ctx: &Ctx,
    case: domain::CaseId,
    gaps: &[domain::handover::Gap],
) -> Vec<GapJson> {
    gaps.iter()
        .map(|g| GapJson {
            code: g.as_str(),
            message: state.i18n.text(ctx.lang, &g.message_id()),
            fix: state.i18n.text(ctx.lang, &g.fix_message_id()),
            fix_href: format!("/cases/{case}/{}", g.fix_page()),
        })
        .collect()
}

fn report_json(
    state: &AppState,
    ctx: &Ctx,
    case: domain::CaseId,
    r: &Completeness,
    glossary: &app::glossary::Glossary,
) -> CompletenessReport {
    CompletenessReport {
        score: Some(r.score()),
        checked: Some(r.checked),
        present: Some(r.present()),
        nothing_travels: Some(r.nothing_travels),
        gaps: gaps_json(state, ctx, case, &r.gaps),
        jargon: Some(
            r.jargon
                .iter()
                .map(|j| JargonJson {
                    term: glossary.term(j.term).to_string(),
                    found: j.found.clone(),
                    explanation: glossary.explanation(j.term, ctx.lang).to_string(),
                })
                .collect(),
        ),
        gaps_reason: None,
    }
}

/// A handover to start.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = HandoverStart)]
pub struct StartBody {
    /// The receiving organisation.
    #[serde(default)]
    #[schema(required = true, format = Uuid)]
    to: String,
    #[serde(default)]
    #[schema(required = true, min_length = 1)]
    reason: String,
    /// The sections that go with her (consent permitting).
    #[serde(default)]
    #[schema(value_type = Vec<names::SectionName>)]
    sections: Vec<String>,
}

#[utoipa::path(post, path = "/api/v1/cases/{id}/handovers", tag = "handovers",
    summary = "Start a handover of her case to another organisation (a draft).",
    params(("id" = String, Path, description = "The case.")),
    request_body = StartBody,
    responses((status = 201, description = "Started, as a draft.", body = HandoverJson),
        Malformed, Unauthorized, ForbiddenOrGated, NotFound, BodyTooLarge, Invalid))]
pub async fn start(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<StartBody>,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::ViewCaseSummary).await?;
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

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// `outgoing` (the default) or `incoming`.
    #[param(pattern = "^(incoming|outgoing)$")]
    direction: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/handovers", tag = "handovers", params(ListQuery),
    summary = "Her organisation's handovers, outgoing or incoming.",
    responses((status = 200, description = "The handovers.", body = HandoverList),
        BadQuery, Unauthorized, Forbidden))]
pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<ListQuery>,
) -> Result<Json<HandoverList>, AppError> {
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
    Ok(Json(HandoverList {
        handovers: found.iter().map(handover_json).collect(),
    }))
}

#[utoipa::path(get, path = "/api/v1/handovers/{id}", tag = "handovers",
    summary = "One handover (either side).",
    params(("id" = String, Path, description = "The handover.")),
    responses((status = 200, description = "The handover.", body = HandoverJson),
        Unauthorized, Forbidden, NotFound))]
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<HandoverJson>, AppError> {
    let (h, _) = ctx.handover(&state, &id).await?;
    Ok(Json(handover_json(&h)))
}

/// The report as it stands (for the sender, who can read the case), or as recorded when sent.
#[utoipa::path(get, path = "/api/v1/handovers/{id}/completeness", tag = "handovers",
    summary = "The completeness report: as it stands for a draft, or as recorded when sent.",
    params(("id" = String, Path, description = "The handover.")),
    responses((status = 200, description = "The report.", body = CompletenessReport),
        Unauthorized, Forbidden, NotFound))]
pub async fn completeness(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<CompletenessReport>, AppError> {
    let actor = ctx.actor()?;
    let (h, case) = ctx.handover(&state, &id).await?;
    if h.from_org == actor.org_id
        && casework::allowed(&actor, Action::ViewCase, &case)
        && h.sent_at.is_none()
    {
        let (report, glossary) =
            handovers::report(&state, &ctx.acting(&actor, state.clock.now()), &case, &h).await?;
        return Ok(Json(report_json(&state, &ctx, case.id, &report, &glossary)));
    }
    Ok(Json(CompletenessReport {
        score: h.score,
        checked: None,
        present: None,
        nothing_travels: None,
        gaps: gaps_json(&state, &ctx, h.case_id, &h.gaps),
        jargon: None,
        gaps_reason: Some(h.gaps_reason.clone()),
    }))
}

/// A step's optional body.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = HandoverStep)]
pub struct StepBody {
    /// Why it is declined (decline).
    #[serde(default)]
    reason: String,
    /// Why it goes with gaps (send).
    #[serde(default)]
    gaps_reason: String,
}

async fn step(
    state: AppState,
    ctx: Ctx,
    id: String,
    action: &str,
    body: StepBody,
) -> Result<Json<HandoverJson>, AppError> {
    let actor = ctx.actor()?;
    let (h, case) = ctx.handover(&state, &id).await?;
    let (store, acting) = (&state.store, ctx.acting(&actor, state.clock.now()));
    let next = match action {
        "send" => handovers::send(&state, &acting, &h, &case, &body.gaps_reason).await?,
        "acknowledge" => handovers::acknowledge(store, &acting, &h).await?,
        "accept" => handovers::accept(store, &acting, &h).await?,
        "decline" => handovers::decline(store, &acting, &h, &body.reason).await?,
        "cancel" => handovers::cancel(store, &acting, &h, &case).await?,
        _ => return Err(AppError::NotFound),
    };
    Ok(Json(handover_json(&next)))
}

/// A step's body is optional (`{}`, JSON `null` or none at all); a body that is there must be
/// valid. (`null` is what a client sends for an optional body it leaves out: schemathesis did.)
async fn body_of(req: axum::extract::Request) -> Result<StepBody, AppError> {
    let bytes = axum::body::to_bytes(req.into_body(), 64 * 1024)
        .await
        .map_err(|_| AppError::Malformed("the body is too large".into()))?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(StepBody::default());
    }
    serde_json::from_slice::<Option<StepBody>>(&bytes)
        .map(Option::unwrap_or_default)
        .map_err(|e| AppError::Malformed(e.to_string()))
}

macro_rules! step_route {
    ($name:ident, $action:literal, $path:literal, $summary:literal) => {
        #[utoipa::path(post, path = $path, tag = "handovers",
            summary = $summary,
            params(("id" = String, Path, description = "The handover.")),
            request_body(content = Option<StepBody>, description = "Optional: `{}` or none at all."),
            responses((status = 200, description = "Done; the handover as it is now.", body = HandoverJson),
                Malformed, Unauthorized, Forbidden, NotFound, Stale, Invalid))]
        pub async fn $name(
            State(state): State<AppState>,
            ctx: Ctx,
            Path(id): Path<String>,
            req: axum::extract::Request,
        ) -> Result<Json<HandoverJson>, AppError> {
            let body = body_of(req).await?;
            step(state, ctx, id, $action, body).await
        }
    };
}

step_route!(
    send,
    "send",
    "/api/v1/handovers/{id}/send",
    "Send a draft (the custodian); with gaps, `gaps_reason` says why it goes anyway."
);
step_route!(
    acknowledge,
    "acknowledge",
    "/api/v1/handovers/{id}/acknowledge",
    "Acknowledge that it arrived (the receiving organisation)."
);
step_route!(
    accept,
    "accept",
    "/api/v1/handovers/{id}/accept",
    "Accept her case (the receiving organisation): it becomes the custodian."
);
/// Cancels a draft (whoever may send it); a sent handover is refused with 409.
#[utoipa::path(post, path = "/api/v1/handovers/{id}/cancel", tag = "handovers",
    summary = "Cancel a draft (whoever may send it); one already sent cannot be cancelled.",
    params(("id" = String, Path, description = "The handover.")),
    request_body(content = Option<StepBody>, description = "Optional: `{}` or none at all."),
    responses((status = 200, description = "Cancelled; the handover as it is now.", body = HandoverJson),
        Malformed, Unauthorized, Forbidden, NotFound, NotDraft, Stale, Invalid))]
pub async fn cancel(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    req: axum::extract::Request,
) -> Result<Json<HandoverJson>, AppError> {
    let body = body_of(req).await?;
    step(state, ctx, id, "cancel", body).await
}

step_route!(
    decline,
    "decline",
    "/api/v1/handovers/{id}/decline",
    "Decline, with a `reason` (the receiving organisation)."
);

/// A case's follow-up contacts after her return.
#[derive(Serialize, ToSchema)]
pub struct FollowUps {
    pub followups: Vec<FollowUpJson>,
}

/// A follow-up contact, due or done.
#[derive(Serialize, ToSchema)]
#[schema(as = FollowUp)]
pub struct FollowUpJson {
    #[schema(format = Uuid)]
    pub id: String,
    #[schema(format = Date)]
    pub due_on: String,
    pub missed: bool,
    #[schema(value_type = Option<names::OutcomeName>)]
    pub outcome: Option<&'static str>,
    pub her_words: Option<String>,
    #[schema(format = DateTime)]
    pub recorded_at: Option<String>,
}

/// A follow-up contact as typed in.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = FollowUpInput)]
pub struct FollowUpBody {
    #[serde(default)]
    #[schema(required = true, value_type = names::OutcomeName)]
    outcome: String,
    /// Her words, where she agreed to them being written down.
    #[serde(default)]
    her_words: String,
}

impl From<FollowUpBody> for handovers::FollowUpInput {
    fn from(b: FollowUpBody) -> Self {
        Self {
            outcome: b.outcome,
            her_words: b.her_words,
        }
    }
}

/// A follow-up recorded.
#[derive(Serialize, ToSchema)]
pub struct FollowUpRecorded {
    /// Always `true`.
    pub recorded: bool,
    /// Whether a short update went to the organisation that handed her over (she consented).
    pub update_sent_to_sender: bool,
}

/// The follow-up updates that came back to the sending side.
#[derive(Serialize, ToSchema)]
pub struct FollowUpUpdates {
    pub updates: Vec<FollowUpUpdateJson>,
}

/// One update.
#[derive(Serialize, ToSchema)]
#[schema(as = FollowUpUpdate)]
pub struct FollowUpUpdateJson {
    #[schema(value_type = names::OutcomeName)]
    pub outcome: &'static str,
    pub her_words: String,
    #[schema(format = DateTime)]
    pub at: String,
}

/// The follow-ups of a case (the staff who carry it).
#[utoipa::path(get, path = "/api/v1/cases/{id}/followups", tag = "handovers",
    summary = "Her follow-up contacts after return: due, missed and done.",
    params(("id" = String, Path, description = "The case.")),
    responses((status = 200, description = "The follow-ups.", body = FollowUps),
        Unauthorized, Forbidden, NotFound))]
pub async fn followups(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<FollowUps>, AppError> {
    let case = ctx.case(&state, &id, Action::FollowJourney).await?;
    let today = state.clock.now().to_datetime().date();
    let list = state.store.followups_of(case.id, &ctx.scope()?).await?;
    Ok(Json(FollowUps {
        followups: list
            .iter()
            .map(|f| FollowUpJson {
                id: f.id.to_string(),
                due_on: domain::voice::format_date_iso(f.due_on),
                missed: f.is_missed(today),
                outcome: f.done.as_ref().map(|d| d.outcome.as_str()),
                her_words: f.done.as_ref().map(|d| d.her_words.clone()),
                recorded_at: f.done.as_ref().map(|d| d.at.to_rfc3339()),
            })
            .collect(),
    }))
}

#[utoipa::path(post, path = "/api/v1/cases/{id}/followups/{fid}", tag = "handovers",
    summary = "Record a follow-up contact; with her consent a short update goes to the organisation that handed her over.",
    params(("id" = String, Path, description = "The case."),
        ("fid" = String, Path, description = "The follow-up.")),
    request_body = FollowUpBody,
    responses((status = 200, description = "Recorded.", body = FollowUpRecorded),
        Malformed, Unauthorized, ForbiddenOrGated, NotFound, BodyTooLarge, Invalid))]
pub async fn record_followup(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, followup)): Path<(String, String)>,
    ApiJson(body): ApiJson<FollowUpBody>,
) -> Result<Json<FollowUpRecorded>, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::RecordVoice).await?;
    let sent = handovers::record_followup(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &case,
        &followup,
        &body.into(),
    )
    .await?;
    Ok(Json(FollowUpRecorded {
        recorded: true,
        update_sent_to_sender: sent,
    }))
}

/// The follow-up updates the receiver's work has sent back (the sending side reads them).
#[utoipa::path(get, path = "/api/v1/handovers/{id}/updates", tag = "handovers",
    summary = "The follow-up updates the receiving organisation sent back (with her consent).",
    params(("id" = String, Path, description = "The handover.")),
    responses((status = 200, description = "The updates.", body = FollowUpUpdates),
        Unauthorized, Forbidden, NotFound))]
pub async fn updates(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<FollowUpUpdates>, AppError> {
    let (h, _) = ctx.handover(&state, &id).await?;
    let list = state.store.followup_updates(h.id).await?;
    Ok(Json(FollowUpUpdates {
        updates: list
            .iter()
            .map(|u| FollowUpUpdateJson {
                outcome: u.outcome.as_str(),
                her_words: u.her_words.clone(),
                at: u.at.to_rfc3339(),
            })
            .collect(),
    }))
}

/// Her repatriation to start.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = RepatriationStart)]
pub struct RepatriationBody {
    /// The route; blank or absent: `IN-BD`.
    #[serde(default)]
    route: String,
    /// `YYYY-MM-DD`; blank or absent: today.
    #[serde(default)]
    #[schema(format = Date)]
    started_on: String,
}

/// Her repatriation, step by step.
#[derive(Serialize, ToSchema)]
pub struct Repatriation {
    pub route: String,
    #[schema(format = Date)]
    pub started_on: String,
    pub steps: Vec<RepatriationStepJson>,
}

/// One step of her repatriation.
#[derive(Serialize, ToSchema)]
#[schema(as = RepatriationStepState)]
pub struct RepatriationStepJson {
    pub seq: i64,
    pub key: String,
    /// In the caller's language.
    pub label: String,
    pub agency: String,
    pub expected_days: i64,
    #[schema(format = Date)]
    pub due_on: String,
    #[schema(format = Date)]
    pub done_on: Option<String>,
    pub overdue: bool,
    pub her_preference: String,
}

/// Starts her repatriation on a route (default India → Bangladesh).
#[utoipa::path(post, path = "/api/v1/cases/{id}/repatriation", tag = "handovers",
    summary = "Start her repatriation on a route (default India → Bangladesh).",
    params(("id" = String, Path, description = "The case.")),
    request_body = RepatriationBody,
    responses((status = 201, description = "Started.", body = Repatriation),
        Malformed, Unauthorized, Forbidden, NotFound, BodyTooLarge, Invalid))]
pub async fn start_repatriation(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<RepatriationBody>,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::Repatriate).await?;
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
) -> Result<Repatriation, AppError> {
    let Some((route, started_on, steps)) = state.store.repatriation(case.id, &ctx.scope()?).await?
    else {
        return Err(AppError::NotFound);
    };
    let today = state.clock.now().to_datetime().date();
    let due = domain::repatriation::due_dates(started_on, &steps);
    let late = domain::repatriation::overdue(started_on, &steps, today);
    Ok(Repatriation {
        route,
        started_on: domain::voice::format_date_iso(started_on),
        steps: steps
            .iter()
            .zip(due)
            .zip(late)
            .map(|((s, due), late)| RepatriationStepJson {
                seq: s.seq,
                key: s.key.clone(),
                label: state
                    .i18n
                    .text(ctx.lang, &format!("repatriation-step-{}", s.key)),
                agency: s.agency.clone(),
                expected_days: s.expected_days,
                due_on: domain::voice::format_date_iso(due),
                done_on: s.done_on.map(domain::voice::format_date_iso),
                overdue: late,
                her_preference: s.her_preference.clone(),
            })
            .collect(),
    })
}

#[utoipa::path(get, path = "/api/v1/cases/{id}/repatriation", tag = "handovers",
    summary = "Her repatriation, step by step, with due dates and overdue steps.",
    params(("id" = String, Path, description = "The case.")),
    responses((status = 200, description = "Her repatriation.", body = Repatriation),
        Unauthorized, Forbidden, NotFound))]
pub async fn repatriation(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<Repatriation>, AppError> {
    let case = ctx.case(&state, &id, Action::FollowJourney).await?;
    Ok(Json(repatriation_json(&state, &ctx, &case).await?))
}

/// A step of her repatriation as recorded.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = RepatriationStep)]
pub struct StepUpdate {
    /// `YYYY-MM-DD`: not before her repatriation started, not in the future.
    #[serde(default)]
    #[schema(format = Date)]
    done_on: String,
    /// Her informed preference: required once the step is done.
    #[serde(default)]
    her_preference: String,
}

/// Records a step: done on a day (not before her repatriation started, not in the future), and
/// her informed preference, which is required once the step is done.
#[utoipa::path(post, path = "/api/v1/cases/{id}/repatriation/{seq}", tag = "handovers",
    summary = "Record a step of her repatriation: the day it was done and her informed preference.",
    params(("id" = String, Path, description = "The case."),
        ("seq" = i64, Path, description = "The step's number.")),
    request_body = StepUpdate,
    responses((status = 200, description = "Recorded; her repatriation as it is now.", body = Repatriation),
        MalformedOrBadSeq, Unauthorized, Forbidden, NotFound, BodyTooLarge, Invalid))]
pub async fn update_step(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, seq)): Path<(String, i64)>,
    ApiJson(body): ApiJson<StepUpdate>,
) -> Result<Json<Repatriation>, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::Repatriate).await?;
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
