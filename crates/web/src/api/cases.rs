//! `/api/v1/cases`: cases, her voice, and the journey. A case the caller may not see answers
//! 404, the same as one that does not exist.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::policy::{Action, Resource};
use domain::voice::format_date_iso;
use domain::{Case, Stage, VoiceEntry, VoiceId};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use store::CaseFilter;

use super::{ApiJson, if_match, with_etag};
use crate::{AppError, AppState, Ctx};
use app::casework::{self, IdentityInput, VoiceInput};

#[derive(Serialize)]
pub struct CaseJson {
    pub id: String,
    pub code: String,
    pub custodian: String,
    pub stage: &'static str,
    pub assigned: Vec<String>,
    pub opened_at: String,
    pub version: i64,
    pub updated_at: String,
}

impl From<&Case> for CaseJson {
    fn from(case: &Case) -> Self {
        Self {
            id: case.id.to_string(),
            code: case.code.to_string(),
            custodian: case.custodian.to_string(),
            stage: case.stage.as_str(),
            assigned: case.assigned.iter().map(|u| u.to_string()).collect(),
            opened_at: case.opened_at.to_rfc3339(),
            version: case.version,
            updated_at: case.updated_at.to_rfc3339(),
        }
    }
}

pub fn voice_json(entry: &VoiceEntry) -> Value {
    json!({
        "id": entry.id.to_string(),
        "version": entry.version,
        "kind": entry.kind.as_str(),
        "text": entry.text,
        "language": entry.language.code(),
        "spoken_on": format_date_iso(entry.spoken_on),
        "read_back": entry.read_back,
        "recorded_by": entry.recorded_by.to_string(),
        "recorded_at": entry.recorded_at.to_rfc3339(),
    })
}

#[derive(Debug, Default, Deserialize)]
pub struct CaseQuery {
    q: Option<String>,
    stage: Option<String>,
    mine: Option<bool>,
    /// Only cases whose plan is due for review (not reviewed with her for 90 days).
    overdue: Option<bool>,
    limit: Option<u32>,
    offset: Option<u32>,
}

/// The filter a query asks for, within her own organisation. Searching her words is limited to
/// the cases she is assigned to: a summary must not leak what a case says.
pub fn filter_for(
    ctx: &Ctx,
    now: domain::Timestamp,
    q: Option<&str>,
    stage: Option<&str>,
    mine: bool,
) -> Result<CaseFilter, AppError> {
    let actor = ctx.authorize(
        Action::ListCases,
        Resource::Organisation(ctx.actor()?.org_id),
    )?;
    let mut filter = CaseFilter::of(actor.org_id, now);
    filter.stage = match stage.map(str::trim).filter(|s| !s.is_empty()) {
        Some(text) => Some(
            text.parse::<Stage>()
                .map_err(|e| AppError::Invalid(vec![crate::FieldError::new("stage", &e)]))?,
        ),
        None => None,
    };
    filter.terms = q.map(domain::text::terms).unwrap_or_default();
    if mine || !filter.terms.is_empty() {
        filter.assigned_to = Some(actor.user_id);
    }
    Ok(filter)
}

/// How often a plan is reviewed with her; a plan not reviewed for longer is overdue.
pub const REVIEW_EVERY_DAYS: i64 = 90;

pub fn review_due_before(now: domain::Timestamp) -> domain::Timestamp {
    now.plus_seconds(-REVIEW_EVERY_DAYS * 86_400)
}

pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<CaseQuery>,
) -> Result<Json<Value>, AppError> {
    let mut filter = filter_for(
        &ctx,
        state.clock.now(),
        query.q.as_deref(),
        query.stage.as_deref(),
        query.mine.unwrap_or(false),
    )?;
    if query.overdue.unwrap_or(false) {
        filter.review_due_before = Some(review_due_before(state.clock.now()));
    }
    filter.limit = query.limit.unwrap_or(50).clamp(1, 500);
    filter.offset = query.offset.unwrap_or(0);
    let cases = state.store.find_cases(&filter).await?;
    Ok(Json(
        json!({ "cases": cases.iter().map(CaseJson::from).collect::<Vec<_>>() }),
    ))
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewCaseBody {
    #[serde(default)]
    identity: IdentityInput,
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    ApiJson(body): ApiJson<NewCaseBody>,
) -> Result<Response, AppError> {
    let actor = ctx.authorize(
        Action::CreateCase,
        Resource::Organisation(ctx.actor()?.org_id),
    )?;
    let case = casework::create(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &body.identity,
    )
    .await?;
    let mut response = with_etag(case.version, CaseJson::from(&case));
    *response.status_mut() = StatusCode::CREATED;
    if let Ok(v) = format!("/api/v1/cases/{}", case.id).parse() {
        response
            .headers_mut()
            .insert(axum::http::header::LOCATION, v);
    }
    Ok(response)
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let case = casework::load(&state.store, &ctx.actor()?, &id, Action::ViewCaseSummary).await?;
    Ok(with_etag(case.version, CaseJson::from(&case)))
}

pub async fn voice(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<Value>, AppError> {
    let actor = ctx.actor()?;
    let case = casework::load(&state.store, &actor, &id, Action::ViewCase).await?;
    let seen = casework::sight(&state.store, &actor, &case, state.clock.now()).await?;
    let entries = state.store.voice_of(case.id, &seen).await?;
    casework::audit_read(&state.store, &ctx.acting(&actor, state.clock.now()), &case).await?;
    Ok(Json(
        json!({ "entries": entries.iter().map(voice_json).collect::<Vec<_>>() }),
    ))
}

pub async fn record_voice(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<VoiceInput>,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = casework::load(&state.store, &actor, &id, Action::RecordVoice).await?;
    let entry = casework::record_voice(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &case,
        &body,
    )
    .await?;
    let mut response = with_etag(entry.version, voice_json(&entry));
    *response.status_mut() = StatusCode::CREATED;
    Ok(response)
}

pub async fn correct_voice(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, entry)): Path<(String, String)>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<VoiceInput>,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = casework::load(&state.store, &actor, &id, Action::RecordVoice).await?;
    let entry: VoiceId = entry.parse().map_err(|_| AppError::NotFound)?;
    let current = state
        .store
        .voice_history(entry, &domain::sight::Sight::own(actor.org_id))
        .await?
        .last()
        .map(|v| v.version)
        .ok_or(AppError::NotFound)?;
    let version = if_match(&headers, current)?;
    let corrected = casework::correct_voice(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &case,
        entry,
        version,
        &body,
    )
    .await?;
    Ok(with_etag(corrected.version, voice_json(&corrected)))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StageBody {
    stage: String,
    reason: String,
}

pub async fn change_stage(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<StageBody>,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = casework::load(&state.store, &actor, &id, Action::ViewCaseSummary).await?;
    // Someone who may move this case neither along nor to its close is refused before her
    // ETag is looked at; a stale one is then 412 before any rule of the move.
    if !casework::allowed(&actor, Action::CloseCase, &case) {
        casework::check(&actor, Action::ChangeStage, &case)?;
    }
    let version = if_match(&headers, case.version)?;
    let moved = casework::change_stage(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &case,
        version,
        &body.stage,
        &body.reason,
    )
    .await?;
    Ok(with_etag(moved.version, CaseJson::from(&moved)).into_response())
}

pub async fn identity(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<Value>, AppError> {
    let actor = ctx.actor()?;
    let case = casework::load(&state.store, &actor, &id, Action::OpenIdentity).await?;
    let identity =
        casework::open_identity(&state.store, &ctx.acting(&actor, state.clock.now()), &case)
            .await?;
    Ok(Json(
        json!({ "name": identity.name, "family": identity.family, "address": identity.address }),
    ))
}

pub fn decision_json(d: &domain::decision::Decision) -> Value {
    json!({
        "id": d.id.to_string(),
        "topic": d.fields.topic.as_str(),
        "what": d.fields.what,
        "decided_by": d.fields.decided_by,
        "options": d.fields.options,
        "her_choice": d.fields.her_choice,
        "participation": d.fields.participation.as_str(),
        "her_view": d.fields.her_view,
        "absent_reason": d.fields.absent_reason,
        "recorded_by": d.recorded_by.to_string(),
        "recorded_at": d.recorded_at.to_rfc3339(),
    })
}

pub async fn decisions(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<Value>, AppError> {
    let actor = ctx.actor()?;
    let case = casework::load(&state.store, &actor, &id, Action::ReadDecisions).await?;
    let seen = casework::sight(&state.store, &actor, &case, state.clock.now()).await?;
    let decisions = state.store.decisions_of(case.id, &seen).await?;
    casework::audit_read(&state.store, &ctx.acting(&actor, state.clock.now()), &case).await?;
    Ok(Json(
        json!({ "decisions": decisions.iter().map(decision_json).collect::<Vec<_>>() }),
    ))
}

pub async fn log_decision(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<casework::DecisionInput>,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = casework::load(&state.store, &actor, &id, Action::LogDecision).await?;
    let decision = casework::log_decision(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &case,
        &body,
    )
    .await?;
    Ok((StatusCode::CREATED, Json(decision_json(&decision))).into_response())
}

pub fn consent_json(c: &domain::consent::Consent, now: domain::Timestamp) -> Value {
    json!({
        "id": c.id.to_string(),
        "purpose": c.fields.purpose.as_str(),
        "section": c.fields.section.map(|s| s.as_str()),
        "organisation": c.fields.organisation.map(|o| o.to_string()),
        "explained_how": c.fields.explained_how,
        "explained_in": c.fields.explained_in.code(),
        "explained_by": c.fields.explained_by,
        "expires_on": c.fields.expires_on.map(format_date_iso),
        "status": c.status(now),
        "recorded_by": c.recorded_by.to_string(),
        "recorded_at": c.recorded_at.to_rfc3339(),
        "revoked_at": c.revoked_at.map(|t| t.to_rfc3339()),
        "revoked_reason": c.revoked_reason,
    })
}

pub async fn consents(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<Value>, AppError> {
    let actor = ctx.actor()?;
    let case = casework::load(&state.store, &actor, &id, Action::ManageConsent).await?;
    let now = state.clock.now();
    let consents = state.store.consents_of(case.id).await?;
    casework::audit_read(&state.store, &ctx.acting(&actor, now), &case).await?;
    Ok(Json(
        json!({ "consents": consents.iter().map(|c| consent_json(c, now)).collect::<Vec<_>>() }),
    ))
}

pub async fn record_consent(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<casework::ConsentInput>,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = casework::load(&state.store, &actor, &id, Action::ManageConsent).await?;
    let now = state.clock.now();
    let consent =
        casework::record_consent(&state.store, &ctx.acting(&actor, now), &case, &body).await?;
    Ok((StatusCode::CREATED, Json(consent_json(&consent, now))).into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RevokeBody {
    reason: String,
}

pub async fn revoke_consent(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, consent)): Path<(String, String)>,
    ApiJson(body): ApiJson<RevokeBody>,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = casework::load(&state.store, &actor, &id, Action::ManageConsent).await?;
    let now = state.clock.now();
    casework::revoke_consent(
        &state.store,
        &ctx.acting(&actor, now),
        &case,
        &consent,
        &body.reason,
    )
    .await?;
    let consents = state.store.consents_of(case.id).await?;
    let revoked = consents
        .iter()
        .find(|c| c.id.to_string() == consent)
        .ok_or(AppError::NotFound)?;
    Ok(Json(consent_json(revoked, now)).into_response())
}

pub async fn readers(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<Value>, AppError> {
    let actor = ctx.actor()?;
    let case = casework::load(&state.store, &actor, &id, Action::FollowJourney).await?;
    let lines = casework::readings(&state.store, &case).await?;
    Ok(Json(json!({
        "readings": lines.iter().map(|r| json!({
            "organisation": r.organisation,
            "roles": r.roles.iter().map(|role| role.as_str()).collect::<Vec<_>>(),
            "day": domain::voice::format_date_iso(r.day.to_datetime().date()),
            "what": if r.identity { "identity" } else { "record" },
            "times": r.times,
        })).collect::<Vec<_>>()
    })))
}

pub async fn plan_json(
    state: &AppState,
    case: &Case,
    plan: &domain::plan::Plan,
    sight: &domain::sight::Sight,
) -> Result<Value, AppError> {
    let reviews = state.store.plan_reviews(case.id, sight).await?;
    Ok(json!({
        "version": plan.version,
        "approved_version": plan.approved_version,
        "updated_at": plan.updated_at.to_rfc3339(),
        "goals": serde_json::to_value(&plan.body.goals).map_err(|e| AppError::internal(e.to_string()))?,
        "reviews": reviews.iter().map(|r| json!({
            "plan_version": r.plan_version,
            "agreement": r.agreement.as_str(),
            "her_words": r.her_words,
            "notes": r.notes,
            "reviewed_by": r.reviewed_by.to_string(),
            "reviewed_at": r.reviewed_at.to_rfc3339(),
        })).collect::<Vec<_>>(),
    }))
}

pub async fn plan(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = casework::load(&state.store, &actor, &id, Action::ReadPlan).await?;
    let seen = casework::sight(&state.store, &actor, &case, state.clock.now()).await?;
    let plan = casework::plan_of(&state.store, &case, &seen).await?;
    casework::audit_read(&state.store, &ctx.acting(&actor, state.clock.now()), &case).await?;
    Ok(with_etag(
        plan.version,
        plan_json(&state, &case, &plan, &seen).await?,
    ))
}

pub async fn save_plan(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<domain::plan::PlanBody>,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = casework::load(&state.store, &actor, &id, Action::EditPlan).await?;
    let seen = casework::sight(&state.store, &actor, &case, state.clock.now()).await?;
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

pub async fn approve_plan(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = casework::load(&state.store, &actor, &id, Action::ApprovePlan).await?;
    let seen = casework::sight(&state.store, &actor, &case, state.clock.now()).await?;
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

pub async fn review_plan(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<casework::ReviewInput>,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = casework::load(&state.store, &actor, &id, Action::EditPlan).await?;
    let review = casework::review_plan(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &case,
        &body,
    )
    .await?;
    let body = json!({"plan_version": review.plan_version, "agreement": review.agreement.as_str(), "her_words": review.her_words});
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

pub fn note_json(n: &domain::note::Note) -> Value {
    json!({
        "id": n.id.to_string(),
        "kind": n.kind.as_str(),
        "text": n.text,
        "language": n.language.code(),
        "response": n.response.as_ref().map(|r| r.0.as_str()),
        "response_text": n.response.as_ref().map(|r| r.1.clone()),
        "written_by": n.written_by.to_string(),
        "written_at": n.written_at.to_rfc3339(),
    })
}

/// The notes she may read (psychosocial ones for counsellors only), newest first.
pub async fn notes(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<Value>, AppError> {
    let actor = ctx.actor()?;
    let case = casework::load(&state.store, &actor, &id, Action::ViewCaseSummary).await?;
    let kinds = casework::note_kinds(&actor, &case, false);
    if kinds.is_empty() {
        return Err(AppError::Forbidden(
            domain::policy::DenyReason::RoleNotAllowed,
        ));
    }
    let seen = casework::sight(&state.store, &actor, &case, state.clock.now()).await?;
    let notes = state.store.notes_of(case.id, &kinds, &seen).await?;
    let translations = state.store.translations_of(case.id).await?;
    casework::audit_read(&state.store, &ctx.acting(&actor, state.clock.now()), &case).await?;
    let notes: Vec<Value> = notes
        .iter()
        .map(|n| {
            let mut v = note_json(n);
            v["translations"] = translations
                .iter()
                .filter(|t| t.note_id == n.id)
                .map(translation_json)
                .collect();
            v
        })
        .collect();
    Ok(Json(json!({ "notes": notes })))
}

pub fn translation_json(t: &domain::note::NoteTranslation) -> Value {
    json!({
        "id": t.id.to_string(),
        "note": t.note_id.to_string(),
        "language": t.language.code(),
        "text": t.text,
        "translator": t.translator,
        "added_by": t.added_by.to_string(),
        "added_at": t.added_at.to_rfc3339(),
    })
}

/// `POST …/notes/{nid}/translations`: a person's translation, kept beside the note.
pub async fn translate_note(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, note)): Path<(String, String)>,
    ApiJson(body): ApiJson<casework::TranslationInput>,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = casework::load(&state.store, &actor, &id, Action::ViewCaseSummary).await?;
    if casework::note_kinds(&actor, &case, true).is_empty() {
        return Err(AppError::Forbidden(
            domain::policy::DenyReason::RoleNotAllowed,
        ));
    }
    let t = casework::translate_note(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &case,
        &note,
        &body,
    )
    .await?;
    Ok((StatusCode::CREATED, Json(translation_json(&t))).into_response())
}

pub async fn write_note(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<casework::NoteInput>,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = casework::load(&state.store, &actor, &id, Action::ViewCaseSummary).await?;
    if casework::note_kinds(&actor, &case, true).is_empty() {
        return Err(AppError::Forbidden(
            domain::policy::DenyReason::RoleNotAllowed,
        ));
    }
    let note = casework::write_note(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &case,
        &body,
    )
    .await?;
    Ok((StatusCode::CREATED, Json(note_json(&note))).into_response())
}

pub fn document_json(d: &domain::document::DocumentInfo) -> Value {
    json!({
        "id": d.id.to_string(),
        "section": d.class.as_str(),
        "name": d.name,
        "media_type": d.media_type,
        "size": d.size,
        "uploaded_by": d.uploaded_by.to_string(),
        "uploaded_at": d.uploaded_at.to_rfc3339(),
    })
}

pub async fn documents(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<Value>, AppError> {
    let actor = ctx.actor()?;
    let case = casework::load(&state.store, &actor, &id, Action::ViewCase).await?;
    let seen = casework::sight(&state.store, &actor, &case, state.clock.now()).await?;
    let docs = casework::documents(&state.store, &actor, &case, &seen).await?;
    Ok(Json(
        json!({ "documents": docs.iter().map(document_json).collect::<Vec<_>>() }),
    ))
}

pub async fn add_document(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    multipart: axum::extract::Multipart,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = casework::load(&state.store, &actor, &id, Action::ViewCase).await?;
    let (section, name, bytes) = crate::upload::read(multipart).await?;
    let info = casework::add_document(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &case,
        &section,
        &name,
        &bytes,
    )
    .await?;
    Ok((StatusCode::CREATED, Json(document_json(&info))).into_response())
}

/// The file itself, as an attachment (never shown inline: it is not Saathi's page).
pub async fn download(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, doc)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = casework::load(&state.store, &actor, &id, Action::ViewCase).await?;
    let (info, bytes) = casework::open_document(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &case,
        &doc,
    )
    .await?;
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    if let Ok(v) = axum::http::HeaderValue::from_str(&info.media_type) {
        headers.insert(axum::http::header::CONTENT_TYPE, v);
    }
    // Named after what the file is, also for documents stored before names were made to match.
    let name = domain::document::stored_name(&info.name, &info.media_type);
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || ".-_ ".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    // The name in her script too (RFC 6266), for browsers that read it.
    let utf8: String = name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b".-_".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    if let Ok(v) = axum::http::HeaderValue::from_str(&format!(
        "attachment; filename=\"{ascii}\"; filename*=UTF-8''{utf8}"
    )) {
        headers.insert(axum::http::header::CONTENT_DISPOSITION, v);
    }
    Ok(response)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LinkBody {
    user: String,
}

pub async fn link_survivor(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<LinkBody>,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = casework::load(&state.store, &actor, &id, Action::LinkSurvivor).await?;
    let linked = casework::link_survivor(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &case,
        &body.user,
    )
    .await?;
    Ok(Json(CaseJson::from(&linked)).into_response())
}
