//! `/api/v1/cases`: cases, her voice, and the journey. A case the caller may not see answers
//! 404, the same as one that does not exist.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::policy::{Action, Resource};
use domain::voice::format_date_iso;
use domain::{Case, VoiceEntry, VoiceId};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

pub use super::bodies::{
    ConsentBody, DecisionBody, IdentityBody, IntakeBody, IntakeJson, NoteBody, PlanBodyJson,
    ReviewBody, TranslationBody, VoiceBody,
};
use super::problems::{
    BadQuery, BodyTooLarge, DocumentTooLarge, Forbidden, ForbiddenOrGated, IfMatchMissing, Invalid,
    Malformed, NotFound, Stale, Unauthorized,
};
use super::{ApiJson, if_match, names, with_etag};
use crate::{AppError, AppState, Ctx};
use app::casework;

mod consents;
mod decisions;
mod documents;
mod life_views;
mod notes;
mod plan;

pub use consents::*;
pub use decisions::*;
pub use documents::*;
pub use life_views::*;
pub use notes::*;
pub use plan::*;

/// A case in summary.
#[derive(Serialize, ToSchema)]
#[schema(as = Case)]
pub struct CaseJson {
    #[schema(format = Uuid)]
    pub id: String,
    /// Her pseudonymous case code, e.g. `K7QM-4P2D`.
    pub code: String,
    /// The organisation that holds her case now.
    #[schema(format = Uuid)]
    pub custodian: String,
    #[schema(value_type = names::StageName)]
    pub stage: &'static str,
    /// The staff assigned (user ids).
    pub assigned: Vec<String>,
    #[schema(format = DateTime)]
    pub opened_at: String,
    /// The version, as in the ETag.
    pub version: i64,
    #[schema(format = DateTime)]
    pub updated_at: String,
    /// How she came to the case: when and where she was identified, her age, gender,
    /// languages, citizenship and the type of exploitation.
    pub intake: IntakeJson,
}

/// Cases, newest first.
#[derive(Serialize, ToSchema)]
pub struct CaseList {
    pub cases: Vec<CaseJson>,
}

/// An entry of her voice: her words, as she said them.
#[derive(Serialize, ToSchema)]
#[schema(as = VoiceEntry)]
pub struct VoiceJson {
    #[schema(format = Uuid)]
    pub id: String,
    /// The version, as in the ETag.
    pub version: i64,
    #[schema(value_type = names::VoiceKindName)]
    pub kind: &'static str,
    pub text: String,
    #[schema(value_type = names::LanguageCode)]
    pub language: &'static str,
    #[schema(format = Date)]
    pub spoken_on: String,
    /// Whether it was read back to her.
    pub read_back: bool,
    #[schema(format = Uuid)]
    pub recorded_by: String,
    #[schema(format = DateTime)]
    pub recorded_at: String,
}

/// Her voice entries.
#[derive(Serialize, ToSchema)]
pub struct VoiceList {
    pub entries: Vec<VoiceJson>,
}

/// The identity section: the most protected part of her record.
#[derive(Serialize, ToSchema)]
pub struct Identity {
    pub name: String,
    pub family: String,
    pub address: String,
}

/// A decision, with her part in it.
#[derive(Serialize, ToSchema)]
#[schema(as = Decision)]
pub struct DecisionJson {
    #[schema(format = Uuid)]
    pub id: String,
    #[schema(value_type = names::DecisionTopicName)]
    pub topic: &'static str,
    pub what: String,
    pub decided_by: String,
    pub options: Vec<String>,
    pub her_choice: String,
    #[schema(value_type = names::ParticipationName)]
    pub participation: &'static str,
    pub her_view: String,
    pub absent_reason: String,
    #[schema(format = Uuid)]
    pub recorded_by: String,
    #[schema(format = DateTime)]
    pub recorded_at: String,
}

/// A case's decisions.
#[derive(Serialize, ToSchema)]
pub struct DecisionList {
    pub decisions: Vec<DecisionJson>,
}

/// A consent she gave, and where it stands.
#[derive(Serialize, ToSchema)]
#[schema(as = Consent)]
pub struct ConsentJson {
    #[schema(format = Uuid)]
    pub id: String,
    #[schema(value_type = names::PurposeName)]
    pub purpose: &'static str,
    #[schema(value_type = Option<names::SectionName>)]
    pub section: Option<&'static str>,
    #[schema(format = Uuid)]
    pub organisation: Option<String>,
    pub explained_how: String,
    #[schema(value_type = names::LanguageCode)]
    pub explained_in: &'static str,
    pub explained_by: String,
    #[schema(format = Date)]
    pub expires_on: Option<String>,
    /// `active`, `revoked` or `expired`.
    pub status: &'static str,
    #[schema(format = Uuid)]
    pub recorded_by: String,
    #[schema(format = DateTime)]
    pub recorded_at: String,
    #[schema(format = DateTime)]
    pub revoked_at: Option<String>,
    pub revoked_reason: Option<String>,
}

/// A case's consents.
#[derive(Serialize, ToSchema)]
pub struct ConsentList {
    pub consents: Vec<ConsentJson>,
}

/// Who read her record: organisation, roles and day, never a name.
#[derive(Serialize, ToSchema)]
pub struct Readings {
    pub readings: Vec<Reading>,
}

/// Reads of her record by one organisation's roles on one day.
#[derive(Serialize, ToSchema)]
pub struct Reading {
    pub organisation: String,
    #[schema(value_type = Vec<names::RoleName>)]
    pub roles: Vec<&'static str>,
    #[schema(format = Date)]
    pub day: String,
    /// `record` or `identity`.
    pub what: &'static str,
    pub times: usize,
}

/// Her case plan, with its reviews.
#[derive(Serialize, ToSchema)]
pub struct Plan {
    /// The version, as in the ETag.
    pub version: i64,
    pub approved_version: Option<i64>,
    #[schema(format = DateTime)]
    pub updated_at: String,
    #[schema(value_type = Vec<super::bodies::GoalJson>)]
    pub goals: Vec<domain::plan::Goal>,
    pub reviews: Vec<PlanReviewJson>,
}

/// A review of the plan with her.
#[derive(Serialize, ToSchema)]
#[schema(as = PlanReviewEntry)]
pub struct PlanReviewJson {
    pub plan_version: i64,
    #[schema(value_type = names::AgreementName)]
    pub agreement: &'static str,
    pub her_words: String,
    pub notes: String,
    #[schema(format = Uuid)]
    pub reviewed_by: String,
    #[schema(format = DateTime)]
    pub reviewed_at: String,
}

/// A review as recorded.
#[derive(Serialize, ToSchema)]
pub struct ReviewRecorded {
    pub plan_version: i64,
    #[schema(value_type = names::AgreementName)]
    pub agreement: &'static str,
    pub her_words: String,
}

/// A case note.
#[derive(Serialize, ToSchema)]
#[schema(as = Note)]
pub struct NoteJson {
    #[schema(format = Uuid)]
    pub id: String,
    #[schema(value_type = names::NoteKindName)]
    pub kind: &'static str,
    pub text: String,
    #[schema(value_type = names::LanguageCode)]
    pub language: &'static str,
    /// Incidents: how staff answered.
    #[schema(value_type = Option<names::NoteResponseName>)]
    pub response: Option<&'static str>,
    /// Incidents: what was done.
    pub response_text: Option<String>,
    #[schema(format = Uuid)]
    pub written_by: String,
    #[schema(format = DateTime)]
    pub written_at: String,
    /// People's translations of it (in the list only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub translations: Option<Vec<TranslationJson>>,
}

/// A case's notes.
#[derive(Serialize, ToSchema)]
pub struct NoteList {
    pub notes: Vec<NoteJson>,
}

/// A person's translation of a note.
#[derive(Serialize, ToSchema)]
#[schema(as = Translation)]
pub struct TranslationJson {
    #[schema(format = Uuid)]
    pub id: String,
    #[schema(format = Uuid)]
    pub note: String,
    #[schema(value_type = names::LanguageCode)]
    pub language: &'static str,
    pub text: String,
    pub translator: String,
    #[schema(format = Uuid)]
    pub added_by: String,
    #[schema(format = DateTime)]
    pub added_at: String,
}

/// A document's description (its bytes are at its own path).
#[derive(Serialize, ToSchema)]
#[schema(as = Document)]
pub struct DocumentJson {
    #[schema(format = Uuid)]
    pub id: String,
    #[schema(value_type = names::SectionName)]
    pub section: &'static str,
    pub name: String,
    pub media_type: String,
    pub size: i64,
    #[schema(format = Uuid)]
    pub uploaded_by: String,
    #[schema(format = DateTime)]
    pub uploaded_at: String,
}

/// A case's documents.
#[derive(Serialize, ToSchema)]
pub struct DocumentList {
    pub documents: Vec<DocumentJson>,
}

/// The multipart form of an upload: these two parts and no other.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // a schema only: `casework::read_upload` reads the parts
pub struct DocumentUpload {
    #[schema(value_type = names::SectionName)]
    section: String,
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
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
            intake: IntakeJson::from(&case.intake),
        }
    }
}

pub fn voice_json(entry: &VoiceEntry) -> VoiceJson {
    VoiceJson {
        id: entry.id.to_string(),
        version: entry.version,
        kind: entry.kind.as_str(),
        text: entry.text.clone(),
        language: entry.language.code(),
        spoken_on: format_date_iso(entry.spoken_on),
        read_back: entry.read_back,
        recorded_by: entry.recorded_by.to_string(),
        recorded_at: entry.recorded_at.to_rfc3339(),
    }
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CaseQuery {
    /// Words to search for in her voice, in the cases assigned to the caller.
    q: Option<String>,
    /// Only cases at this stage.
    #[param(value_type = Option<names::StageName>)]
    stage: Option<String>,
    /// Only the caller's own cases.
    mine: Option<bool>,
    /// Only the cases this colleague (a username of the caller's organisation) carries.
    carried_by: Option<String>,
    /// Only cases whose code begins so (`K7Q2`).
    code: Option<String>,
    /// Opened on or after this day (YYYY-MM-DD).
    #[param(format = Date)]
    opened_from: Option<String>,
    /// Opened on or before this day (YYYY-MM-DD).
    #[param(format = Date)]
    opened_to: Option<String>,
    /// Only cases whose plan is due for review (not reviewed with her for 90 days).
    overdue: Option<bool>,
    /// At most this many (1 to 500; default 50).
    limit: Option<u32>,
    offset: Option<u32>,
}

#[utoipa::path(get, path = "/api/v1/cases", tag = "cases", params(CaseQuery),
    summary = "Cases of her organisation, newest first. `q` searches her words in the cases assigned to the caller; `stage`, `mine=true`, `carried_by`, `code`, `opened_from`, `opened_to` and `overdue=true` filter (the same filters `GET /api/v1/exports/cases.csv` takes).",
    responses((status = 200, description = "The cases.", body = CaseList),
        BadQuery, Unauthorized, Forbidden, Invalid))]
pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<CaseQuery>,
) -> Result<Json<CaseList>, AppError> {
    let actor = ctx.authorize(
        Action::ListCases,
        Resource::Organisation(ctx.actor()?.org_id),
    )?;
    let wanted = app::exports::CaseQuery {
        q: query.q,
        stage: query.stage,
        mine: query.mine.unwrap_or(false),
        carried_by: query.carried_by,
        code: query.code,
        opened_from: query.opened_from,
        opened_to: query.opened_to,
        overdue: query.overdue.unwrap_or(false),
        identity: false,
    };
    let acting = ctx.acting(&actor, state.clock.now());
    let mut filter = app::exports::case_filter(&state, &acting, &wanted).await?;
    filter.limit = query.limit.unwrap_or(50).clamp(1, 500);
    filter.offset = query.offset.unwrap_or(0);
    let cases = state.store.find_cases(&filter).await?;
    Ok(Json(CaseList {
        cases: cases.iter().map(CaseJson::from).collect(),
    }))
}

/// A new case: her identity section, which may be left blank until she is ready, and how she
/// came to the case (every fact optional).
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = NewCase)]
pub struct NewCaseBody {
    #[serde(default)]
    identity: IdentityBody,
    #[serde(default)]
    intake: IntakeBody,
}

#[utoipa::path(post, path = "/api/v1/cases", tag = "cases",
    summary = "Open a case (case worker); the caller is assigned to it.",
    request_body = NewCaseBody,
    responses((status = 201, description = "Opened.", body = CaseJson,
            headers(("ETag" = String, description = "The version, for If-Match."),
                ("Location" = String, description = "Where it is."))),
        Malformed, Unauthorized, Forbidden, BodyTooLarge, Invalid))]
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    ApiJson(body): ApiJson<NewCaseBody>,
) -> Result<Response, AppError> {
    let actor = ctx.authorize(
        Action::CreateCase,
        Resource::Organisation(ctx.actor()?.org_id),
    )?;
    let case = casework::open(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &body.identity.into(),
        &body.intake.into(),
    )
    .await?;
    Ok(super::created(
        case.version,
        CaseJson::from(&case),
        &format!("/api/v1/cases/{}", case.id),
    ))
}

#[utoipa::path(get, path = "/api/v1/cases/{id}", tag = "cases",
    summary = "One case in summary, with its ETag. 404 when the caller may not see it.",
    params(("id" = String, Path, description = "The case.")),
    responses((status = 200, description = "The case.", body = CaseJson,
            headers(("ETag" = String, description = "The version, for If-Match."))),
        Unauthorized, Forbidden, NotFound))]
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let case = ctx.case(&state, &id, Action::ViewCaseSummary).await?;
    Ok(with_etag(case.version, CaseJson::from(&case)))
}

#[utoipa::path(get, path = "/api/v1/cases/{id}/voice", tag = "cases",
    summary = "Her voice entries (the staff who may read her case in full). The read is audited.",
    params(("id" = String, Path, description = "The case.")),
    responses((status = 200, description = "Her words.", body = VoiceList),
        Unauthorized, Forbidden, NotFound))]
pub async fn voice(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<VoiceList>, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::ViewCase).await?;
    let seen = ctx.sight(&state, &case).await?;
    let entries = state.store.voice_of(case.id, &seen).await?;
    casework::audit_read(&state.store, &ctx.acting(&actor, state.clock.now()), &case).await?;
    Ok(Json(VoiceList {
        entries: entries.iter().map(voice_json).collect(),
    }))
}

#[utoipa::path(post, path = "/api/v1/cases/{id}/voice", tag = "cases",
    summary = "Record her words: a hope, fear, plan, preference or feedback, in her language.",
    params(("id" = String, Path, description = "The case.")),
    request_body = VoiceBody,
    responses((status = 201, description = "Recorded.", body = VoiceJson,
            headers(("ETag" = String, description = "The version, for If-Match."))),
        Malformed, Unauthorized, ForbiddenOrGated, NotFound, BodyTooLarge, Invalid))]
pub async fn record_voice(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<VoiceBody>,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::RecordVoice).await?;
    let entry = casework::record_voice(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &case,
        &body.into(),
    )
    .await?;
    let mut response = with_etag(entry.version, voice_json(&entry));
    *response.status_mut() = StatusCode::CREATED;
    Ok(response)
}

#[utoipa::path(put, path = "/api/v1/cases/{id}/voice/{entry}", tag = "cases",
    summary = "Correct an entry of her words; the earlier text is kept. Needs If-Match.",
    params(("id" = String, Path, description = "The case."),
        ("entry" = String, Path, description = "The voice entry."),
        ("If-Match" = String, Header, description = "The ETag read before the change.")),
    request_body = VoiceBody,
    responses((status = 200, description = "Corrected.", body = VoiceJson,
            headers(("ETag" = String, description = "The new version."))),
        Malformed, Unauthorized, ForbiddenOrGated, NotFound, Stale, BodyTooLarge, Invalid,
        IfMatchMissing))]
pub async fn correct_voice(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, entry)): Path<(String, String)>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<VoiceBody>,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::RecordVoice).await?;
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
        &body.into(),
    )
    .await?;
    Ok(with_etag(corrected.version, voice_json(&corrected)))
}

/// A move of her case to another stage, and why.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = StageChange)]
pub struct StageBody {
    #[serde(default)]
    #[schema(required = true, value_type = names::StageName)]
    stage: String,
    #[serde(default)]
    #[schema(required = true, min_length = 1, max_length = 2000)]
    reason: String,
}

#[utoipa::path(post, path = "/api/v1/cases/{id}/stage", tag = "cases",
    summary = "Move her case to another stage, with a reason. Needs If-Match.",
    params(("id" = String, Path, description = "The case."),
        ("If-Match" = String, Header, description = "The ETag read before the change.")),
    request_body = StageBody,
    responses((status = 200, description = "Moved.", body = CaseJson,
            headers(("ETag" = String, description = "The new version."))),
        Malformed, Unauthorized, Forbidden, NotFound, Stale, BodyTooLarge, Invalid,
        IfMatchMissing))]
pub async fn change_stage(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<StageBody>,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::ViewCaseSummary).await?;
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

#[utoipa::path(get, path = "/api/v1/cases/{id}/identity", tag = "cases",
    summary = "Her identity section (name, family, address); every opening is audited.",
    params(("id" = String, Path, description = "The case.")),
    responses((status = 200, description = "Her identity.", body = Identity),
        Unauthorized, ForbiddenOrGated, NotFound))]
pub async fn identity(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<Identity>, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::OpenIdentity).await?;
    let identity =
        casework::open_identity(&state.store, &ctx.acting(&actor, state.clock.now()), &case)
            .await?;
    Ok(Json(Identity {
        name: identity.name,
        family: identity.family,
        address: identity.address,
    }))
}

/// The survivor's own account to link to her case.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = LinkSurvivor)]
pub struct LinkBody {
    #[serde(default)]
    #[schema(required = true, format = Uuid)]
    user: String,
}

#[utoipa::path(post, path = "/api/v1/cases/{id}/survivor", tag = "cases",
    summary = "Link her own survivor account to her case, so she can read and add to her record.",
    params(("id" = String, Path, description = "The case.")),
    request_body = LinkBody,
    responses((status = 200, description = "Linked.", body = CaseJson),
        Malformed, Unauthorized, Forbidden, NotFound, BodyTooLarge, Invalid))]
pub async fn link_survivor(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<LinkBody>,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::LinkSurvivor).await?;
    let linked = casework::link_survivor(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &case,
        &body.user,
    )
    .await?;
    Ok(Json(CaseJson::from(&linked)).into_response())
}
