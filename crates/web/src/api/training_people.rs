//! `/api/v1/training`, the people side: survivors in their workshops (for those workshops'
//! trainers only), their unattributed feedback summary, peer roles, exchange visits and their
//! matrix, questionnaires and their results, and training gates.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use domain::form::{RawAnswers, Text};
use domain::training::evaluation::{ItemChange, decimal};
use domain::training::survivors::Cell;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

use super::organisations::origin;
use super::problems::{BodyTooLarge, Forbidden, Invalid, Malformed, NotFound, Unauthorized};
use super::training::DropoutJson;
use super::{ApiJson, names};
use crate::{AppError, AppState, Ctx};

fn created<T: Serialize>(v: T) -> Response {
    (StatusCode::CREATED, Json(v)).into_response()
}

fn dates(days: &[time::Date]) -> Vec<String> {
    days.iter()
        .map(|d| domain::voice::format_date_iso(*d))
        .collect()
}

/// A survivor in a survivor workshop, as her trainers see her.
#[derive(Serialize, ToSchema)]
pub struct SurvivorPlace {
    #[schema(format = Uuid)]
    pub place: String,
    /// Her pseudonymous code, e.g. `SW-7KQ3`.
    pub code: String,
    /// The name her trainers use with her.
    pub known_as: String,
    #[schema(format = Uuid)]
    pub organisation: Option<String>,
    pub days_attended: Vec<String>,
    pub completed: bool,
    pub dropout: Option<DropoutJson>,
}

/// `GET /api/v1/training/workshops/{id}/survivors`: who is in a survivor workshop, for its
/// trainers alone.
#[utoipa::path(get, path = "/api/v1/training/workshops/{id}/survivors", tag = "training",
    summary = "Who is in a survivor workshop (its trainers alone).",
    params(("id" = String, Path, description = "The workshop.")),
    responses((status = 200, description = "The survivors.", body = Vec<SurvivorPlace>),
        Unauthorized, Forbidden, NotFound))]
pub async fn survivors(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<Vec<SurvivorPlace>>, AppError> {
    let origin = origin(&state, &ctx)?;
    let (w, places) =
        app::training::survivors::survivors(&state.store, &origin, crate::path::id(&id)?).await?;
    Ok(Json(
        places
            .iter()
            .map(|(p, t, days)| SurvivorPlace {
                place: p.id.to_string(),
                code: t.code.clone(),
                known_as: t.known_as.clone(),
                organisation: t.org_id.map(|o| o.to_string()),
                days_attended: dates(days),
                completed: domain::training::completed(&w, days.len()),
                dropout: p.dropout.as_ref().map(|d| DropoutJson {
                    reason: d.reason.as_str(),
                    note: d.note.clone(),
                    at: None,
                }),
            })
            .collect(),
    ))
}

/// A survivor to add to a workshop: by the code she already has, or new with the name her
/// trainers use.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = SurvivorInput)]
pub struct SurvivorBody {
    /// Her code, if she has one.
    #[serde(default)]
    code: String,
    /// The name her trainers use, for someone new.
    #[serde(default)]
    #[schema(max_length = 100)]
    known_as: String,
    /// The organisation that supports her, if she wants it recorded.
    #[serde(default)]
    #[schema(format = Uuid)]
    organisation: String,
    #[serde(default)]
    beyond_capacity: bool,
}

impl From<SurvivorBody> for app::training::survivors::SurvivorInput {
    fn from(b: SurvivorBody) -> Self {
        Self {
            code: b.code,
            known_as: b.known_as,
            organisation: b.organisation,
            beyond_capacity: b.beyond_capacity,
        }
    }
}

/// A place in a survivor workshop.
#[derive(Serialize, ToSchema)]
pub struct SurvivorAdded {
    #[schema(format = Uuid)]
    pub place: String,
    pub code: String,
}

#[utoipa::path(post, path = "/api/v1/training/workshops/{id}/survivors", tag = "training",
    summary = "Add a survivor to a survivor workshop (its trainers).",
    params(("id" = String, Path, description = "The workshop.")),
    request_body = SurvivorBody,
    responses((status = 201, description = "Added.", body = SurvivorAdded),
        Malformed, Unauthorized, Forbidden, NotFound, BodyTooLarge, Invalid))]
pub async fn add_survivor(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<SurvivorBody>,
) -> Result<Response, AppError> {
    let origin = origin(&state, &ctx)?;
    let body = body.into();
    let (t, p) =
        app::training::survivors::add_survivor(&state.store, &origin, crate::path::id(&id)?, &body)
            .await?;
    Ok(created(SurvivorAdded {
        place: p.id.to_string(),
        code: t.code,
    }))
}

/// A day a survivor attended.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PlaceDay {
    #[serde(default)]
    #[schema(required = true, format = Uuid)]
    place: String,
    #[serde(default)]
    #[schema(required = true, format = Date)]
    day: String,
}

#[utoipa::path(post, path = "/api/v1/training/workshops/{id}/survivors/attendance", tag = "training",
    summary = "Record a day a survivor attended.",
    params(("id" = String, Path, description = "The workshop.")),
    request_body = PlaceDay,
    responses((status = 204, description = "Recorded."),
        Malformed, Unauthorized, Forbidden, NotFound, BodyTooLarge, Invalid))]
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
        crate::path::id(&id)?,
        std::slice::from_ref(&body.place),
        &body.day,
    )
    .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// A survivor who left, and why.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PlaceDropout {
    #[serde(default)]
    #[schema(required = true, format = Uuid)]
    place: String,
    #[serde(default)]
    #[schema(required = true, value_type = names::DropoutReasonName)]
    reason: String,
    /// In words; required for `other`.
    #[serde(default)]
    note: String,
}

#[utoipa::path(post, path = "/api/v1/training/workshops/{id}/survivors/dropouts", tag = "training",
    summary = "Record that a survivor left, and why.",
    params(("id" = String, Path, description = "The workshop.")),
    request_body = PlaceDropout,
    responses((status = 204, description = "Recorded."),
        Malformed, Unauthorized, Forbidden, NotFound, BodyTooLarge, Invalid))]
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
        crate::path::id(&id)?,
        &body.place,
        &body.reason,
        &body.note,
    )
    .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// A piece of feedback, with no name.
#[derive(Serialize, ToSchema)]
#[schema(as = Feedback)]
pub struct FeedbackJson {
    #[schema(value_type = names::ThemeName)]
    pub theme: &'static str,
    #[schema(value_type = names::ToneName)]
    pub tone: &'static str,
    pub words: String,
    #[schema(value_type = names::LanguageCode)]
    pub language: &'static str,
}

/// `GET /api/v1/training/workshops/{id}/feedback`: each piece, with no name (trainers of the
/// workshop only).
#[utoipa::path(get, path = "/api/v1/training/workshops/{id}/feedback", tag = "training",
    summary = "Each piece of survivors' feedback, with no name (the workshop's trainers only).",
    params(("id" = String, Path, description = "The workshop.")),
    responses((status = 200, description = "The feedback.", body = Vec<FeedbackJson>),
        Unauthorized, Forbidden, NotFound))]
pub async fn feedback(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<Vec<FeedbackJson>>, AppError> {
    let origin = origin(&state, &ctx)?;
    let all =
        app::training::survivors::feedback(&state.store, &origin, crate::path::id(&id)?).await?;
    Ok(Json(
        all.iter()
            .map(|f| FeedbackJson {
                theme: f.theme.as_str(),
                tone: f.tone.as_str(),
                words: f.words.clone(),
                language: f.language.code(),
            })
            .collect(),
    ))
}

/// Feedback as her trainer writes it down.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = FeedbackInput)]
pub struct FeedbackBody {
    #[serde(default)]
    #[schema(required = true, value_type = names::ThemeName)]
    theme: String,
    #[serde(default)]
    #[schema(required = true, value_type = names::ToneName)]
    tone: String,
    #[serde(default)]
    #[schema(required = true, min_length = 1, max_length = 4000)]
    words: String,
    /// Blank or absent: the trainer's own language.
    #[serde(default)]
    #[schema(value_type = names::LanguageCode)]
    language: String,
}

impl From<FeedbackBody> for app::training::survivors::FeedbackInput {
    fn from(b: FeedbackBody) -> Self {
        Self {
            theme: b.theme,
            tone: b.tone,
            words: b.words,
            language: b.language,
        }
    }
}

/// A thing recorded, by its id.
#[derive(Serialize, ToSchema)]
pub struct Created {
    #[schema(format = Uuid)]
    pub id: String,
}

#[utoipa::path(post, path = "/api/v1/training/workshops/{id}/feedback", tag = "training",
    summary = "Write down a survivor's feedback on the workshop: theme, tone, her words. Nothing records who said it.",
    params(("id" = String, Path, description = "The workshop.")),
    request_body = FeedbackBody,
    responses((status = 201, description = "Recorded.", body = Created),
        Malformed, Unauthorized, Forbidden, NotFound, BodyTooLarge, Invalid))]
pub async fn add_feedback(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<FeedbackBody>,
) -> Result<Response, AppError> {
    let origin = origin(&state, &ctx)?;
    let body = body.into();
    let f = app::training::survivors::add_feedback(
        &state.store,
        &origin,
        crate::path::id(&id)?,
        &body,
        ctx.lang,
    )
    .await?;
    Ok(created(Created {
        id: f.id.to_string(),
    }))
}

/// The unattributed view of survivors' feedback: counts under `k` are `null`.
#[derive(Serialize, ToSchema)]
pub struct FeedbackSummary {
    #[schema(format = Uuid)]
    pub workshop: String,
    pub k: usize,
    #[schema(value_type = Option<usize>)]
    pub total: Cell,
    pub total_suppressed: bool,
    pub themes: Vec<ThemeCount>,
    pub tones: Vec<ToneCount>,
}

/// Feedback on one theme.
#[derive(Serialize, ToSchema)]
pub struct ThemeCount {
    #[schema(value_type = names::ThemeName)]
    pub theme: &'static str,
    #[schema(value_type = Option<usize>)]
    pub count: Cell,
    pub suppressed: bool,
}

/// Feedback of one tone.
#[derive(Serialize, ToSchema)]
pub struct ToneCount {
    #[schema(value_type = names::ToneName)]
    pub tone: &'static str,
    #[schema(value_type = Option<usize>)]
    pub count: Cell,
    pub suppressed: bool,
}

/// `GET /api/v1/training/workshops/{id}/feedback-summary`: the unattributed view. Counts under
/// 5 are `null` and listed as suppressed.
#[utoipa::path(get, path = "/api/v1/training/workshops/{id}/feedback-summary", tag = "training",
    summary = "The unattributed view of survivors' feedback: counts under 5 are null and marked suppressed.",
    params(("id" = String, Path, description = "The workshop.")),
    responses((status = 200, description = "The summary.", body = FeedbackSummary),
        Unauthorized, Forbidden, NotFound))]
pub async fn feedback_summary(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<FeedbackSummary>, AppError> {
    let origin = origin(&state, &ctx)?;
    let (w, s) =
        app::training::survivors::feedback_summary(&state.store, &origin, crate::path::id(&id)?)
            .await?;
    let suppressed = |c: &Cell| *c == Cell::Suppressed;
    Ok(Json(FeedbackSummary {
        workshop: w.id.to_string(),
        k: domain::training::survivors::K,
        total_suppressed: suppressed(&s.total),
        total: s.total,
        themes: s
            .themes
            .iter()
            .map(|(t, c)| ThemeCount {
                theme: t.as_str(),
                count: *c,
                suppressed: suppressed(c),
            })
            .collect(),
        tones: s
            .tones
            .iter()
            .map(|(t, c)| ToneCount {
                tone: t.as_str(),
                count: *c,
                suppressed: suppressed(c),
            })
            .collect(),
    }))
}

/// A peer role as asked for: her code, the role, and her yes.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = PeerInput)]
pub struct PeerBody {
    #[serde(default)]
    #[schema(required = true, min_length = 1)]
    code: String,
    #[serde(default)]
    #[schema(required = true, value_type = names::PeerRoleName)]
    role: String,
    /// She said yes herself, after it was explained to her.
    #[serde(default)]
    #[schema(required = true)]
    consent: bool,
    /// The language it was explained in.
    #[serde(default)]
    #[schema(required = true, value_type = names::LanguageCode)]
    consent_language: String,
}

impl From<PeerBody> for app::training::survivors::PeerInput {
    fn from(b: PeerBody) -> Self {
        Self {
            code: b.code,
            role: b.role,
            consent: b.consent,
            consent_language: b.consent_language,
        }
    }
}

/// A peer role recorded.
#[derive(Serialize, ToSchema)]
pub struct PeerRecorded {
    pub code: String,
    #[schema(value_type = names::PeerRoleName)]
    pub role: &'static str,
    #[schema(value_type = names::LanguageCode)]
    pub consent_language: &'static str,
}

#[utoipa::path(post, path = "/api/v1/training/peers", tag = "training",
    summary = "Record a survivor as a peer supporter, educator or leader: after phase 3, with her consent.",
    request_body = PeerBody,
    responses((status = 201, description = "Recorded.", body = PeerRecorded),
        Malformed, Unauthorized, Forbidden, BodyTooLarge, Invalid))]
pub async fn set_peer(
    State(state): State<AppState>,
    ctx: Ctx,
    ApiJson(body): ApiJson<PeerBody>,
) -> Result<Response, AppError> {
    let origin = origin(&state, &ctx)?;
    let body = body.into();
    let (t, p) = app::training::survivors::set_peer(&state, &origin, &body).await?;
    Ok(created(PeerRecorded {
        code: t.code,
        role: p.role.as_str(),
        consent_language: p.consent_language.code(),
    }))
}

/// An exchange visit as typed in.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = VisitInput)]
pub struct VisitBody {
    /// The organisation whose staff went.
    #[serde(default)]
    #[schema(required = true, format = Uuid)]
    visitor_org: String,
    /// The organisation they visited.
    #[serde(default)]
    #[schema(required = true, format = Uuid)]
    host_org: String,
    #[serde(default)]
    #[schema(required = true, format = Date)]
    visited_on: String,
    /// Who went: names and roles.
    #[serde(default)]
    #[schema(required = true, min_length = 1)]
    visitors: String,
    /// What they learned, in their words.
    #[serde(default)]
    #[schema(required = true, min_length = 1)]
    learned: String,
}

impl From<VisitBody> for app::training::exchange::VisitInput {
    fn from(b: VisitBody) -> Self {
        Self {
            visitor_org: b.visitor_org,
            host_org: b.host_org,
            visited_on: b.visited_on,
            visitors: b.visitors,
            learned: b.learned,
        }
    }
}

/// An exchange visit between organisations.
#[derive(Serialize, ToSchema)]
#[schema(as = ExchangeVisit)]
pub struct VisitJson {
    #[schema(format = Uuid)]
    pub id: String,
    #[schema(format = Uuid)]
    pub visitor_org: String,
    #[schema(format = Uuid)]
    pub host_org: String,
    #[schema(format = Date)]
    pub visited_on: String,
    pub visitors: String,
    pub learned: String,
}

#[utoipa::path(post, path = "/api/v1/training/exchange-visits", tag = "training",
    summary = "Record an exchange visit (trainers, network admin).",
    request_body = VisitBody,
    responses((status = 201, description = "Recorded.", body = VisitJson),
        Malformed, Unauthorized, Forbidden, BodyTooLarge, Invalid))]
pub async fn add_visit(
    State(state): State<AppState>,
    ctx: Ctx,
    ApiJson(body): ApiJson<VisitBody>,
) -> Result<Response, AppError> {
    let origin = origin(&state, &ctx)?;
    let v = app::training::exchange::record(&state.store, &origin, &body.into()).await?;
    Ok(created(visit_json(&v)))
}

fn visit_json(v: &domain::training::exchange::ExchangeVisit) -> VisitJson {
    VisitJson {
        id: v.id.to_string(),
        visitor_org: v.visitor_org.to_string(),
        host_org: v.host_org.to_string(),
        visited_on: domain::voice::format_date_iso(v.visited_on),
        visitors: v.visitors.clone(),
        learned: v.learned.clone(),
    }
}

#[utoipa::path(get, path = "/api/v1/training/exchange-visits", tag = "training",
    summary = "Every exchange visit.",
    responses((status = 200, description = "The visits.", body = Vec<VisitJson>),
        Unauthorized, Forbidden))]
pub async fn visits(
    State(state): State<AppState>,
    ctx: Ctx,
) -> Result<Json<Vec<VisitJson>>, AppError> {
    let origin = origin(&state, &ctx)?;
    let (_, _, visits) = app::training::exchange::overview(&state.store, &origin).await?;
    Ok(Json(visits.iter().map(visit_json).collect()))
}

/// For each organisation, the counterparts it visited and hosted.
#[derive(Serialize, ToSchema)]
pub struct VisitMatrix {
    pub goal: VisitGoal,
    pub organisations: Vec<VisitRow>,
}

/// Each organisation should visit at least one counterpart, ideally three.
#[derive(Serialize, ToSchema)]
pub struct VisitGoal {
    pub at_least: usize,
    pub ideal: usize,
}

/// One organisation's visits.
#[derive(Serialize, ToSchema)]
pub struct VisitRow {
    #[schema(format = Uuid)]
    pub organisation: String,
    pub name: String,
    pub counterparts_visited: usize,
    pub visited: Vec<String>,
    pub hosted: Vec<String>,
    /// `none`, `started` or `ideal`.
    pub progress: &'static str,
    /// It has visited none.
    pub flagged: bool,
}

/// `GET /api/v1/training/exchange-visits/matrix`: for each organisation, the counterparts it
/// visited and hosted, and whether it has visited none (flagged), some, or the ideal three.
#[utoipa::path(get, path = "/api/v1/training/exchange-visits/matrix", tag = "training",
    summary = "For each organisation, the counterparts it visited and hosted, and whether it has visited none (flagged), some, or the ideal three.",
    responses((status = 200, description = "The matrix.", body = VisitMatrix),
        Unauthorized, Forbidden))]
pub async fn matrix(
    State(state): State<AppState>,
    ctx: Ctx,
) -> Result<Json<VisitMatrix>, AppError> {
    let origin = origin(&state, &ctx)?;
    let (orgs, rows, _) = app::training::exchange::overview(&state.store, &origin).await?;
    let name = |id: &domain::OrgId| {
        orgs.iter()
            .find(|o| o.id == *id)
            .map(|o| o.fields.name.to_string())
            .unwrap_or_default()
    };
    Ok(Json(VisitMatrix {
        goal: VisitGoal {
            at_least: domain::training::exchange::GOAL_AT_LEAST,
            ideal: domain::training::exchange::GOAL_IDEAL,
        },
        organisations: rows
            .iter()
            .map(|r| VisitRow {
                organisation: r.org.to_string(),
                name: name(&r.org),
                counterparts_visited: r.visited.len(),
                visited: r.visited.iter().map(|o| o.to_string()).collect(),
                hosted: r.hosted.iter().map(|o| o.to_string()).collect(),
                progress: r.progress.as_str(),
                flagged: r.progress == domain::training::exchange::Progress::None,
            })
            .collect(),
    }))
}

/// A questionnaire, before or after the workshop.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = EvaluationInput)]
pub struct EvaluationBody {
    #[serde(default)]
    #[schema(required = true, format = Uuid)]
    enrolment: String,
    /// `pre` or `post`.
    #[serde(default)]
    #[schema(required = true, pattern = "^(pre|post)$")]
    stage: String,
    /// Each field's answer: a string, or a list for several choices.
    #[serde(default)]
    #[schema(required = true, value_type = Object)]
    answers: BTreeMap<String, Value>,
}

/// A questionnaire recorded.
#[derive(Serialize, ToSchema)]
pub struct EvaluationRecorded {
    #[schema(format = Uuid)]
    pub id: String,
    /// The questionnaire's form.
    pub form: String,
    pub version: i64,
}

#[utoipa::path(post, path = "/api/v1/training/workshops/{id}/evaluations", tag = "training",
    summary = "Record someone's questionnaire, before (`pre`) or after (`post`) the workshop.",
    params(("id" = String, Path, description = "The workshop.")),
    request_body = EvaluationBody,
    responses((status = 201, description = "Recorded.", body = EvaluationRecorded),
        Malformed, Unauthorized, Forbidden, NotFound, BodyTooLarge, Invalid))]
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
        crate::path::id(&id)?,
        &body.enrolment,
        &body.stage,
        &raw,
    )
    .await?;
    Ok(created(EvaluationRecorded {
        id: e.id.to_string(),
        form: e.form_key,
        version: e.form_version,
    }))
}

/// A JSON value as the text a form input would carry.
fn plain(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// The change on one attitude item.
#[derive(Serialize, ToSchema)]
pub struct ItemChangeJson {
    pub item: String,
    #[schema(value_type = names::LocalText)]
    pub label: Text,
    pub pre: MeanJson,
    pub post: MeanJson,
    /// Post minus pre, a decimal; `null` when either mean is not shown.
    pub change: Option<String>,
}

/// A mean over the answers (`null` over fewer than 5).
#[derive(Serialize, ToSchema)]
#[schema(as = Mean)]
pub struct MeanJson {
    pub answered: usize,
    /// A decimal, e.g. `3.25`.
    pub mean: Option<String>,
}

fn changes_json(items: &[ItemChange]) -> Vec<ItemChangeJson> {
    let mean = |h: Option<i64>| h.map(decimal);
    items
        .iter()
        .map(|c| ItemChangeJson {
            item: c.item.clone(),
            label: c.label.clone(),
            pre: MeanJson {
                answered: c.pre.answered,
                mean: mean(c.pre.hundredths),
            },
            post: MeanJson {
                answered: c.post.answered,
                mean: mean(c.post.hundredths),
            },
            change: mean(c.change_hundredths),
        })
        .collect()
}

/// The change on each attitude item, for the workshop and for each organisation.
#[derive(Serialize, ToSchema)]
pub struct EvaluationResults {
    pub form: String,
    pub version: i64,
    pub answered: Answered,
    pub workshop: Vec<ItemChangeJson>,
    pub organisations: Vec<OrgChanges>,
}

/// How many answered before and after.
#[derive(Serialize, ToSchema)]
pub struct Answered {
    pub pre: usize,
    pub post: usize,
}

/// One organisation's staff.
#[derive(Serialize, ToSchema)]
pub struct OrgChanges {
    #[schema(format = Uuid)]
    pub organisation: String,
    pub name: String,
    pub items: Vec<ItemChangeJson>,
}

/// `GET /api/v1/training/workshops/{id}/evaluation-results`: the change on each attitude item,
/// for the workshop and for each organisation (means over fewer than 5 answers are `null`).
#[utoipa::path(get, path = "/api/v1/training/workshops/{id}/evaluation-results", tag = "training",
    summary = "The change on each attitude item, for the workshop and each organisation (means over fewer than 5 answers are null).",
    params(("id" = String, Path, description = "The workshop.")),
    responses((status = 200, description = "The results.", body = EvaluationResults),
        Unauthorized, Forbidden, NotFound))]
pub async fn evaluation_results(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<EvaluationResults>, AppError> {
    let origin = origin(&state, &ctx)?;
    let r =
        app::training::evaluation::results(&state.store, &origin, crate::path::id(&id)?).await?;
    Ok(Json(EvaluationResults {
        form: r.form.def.key.clone(),
        version: r.form.version,
        answered: Answered {
            pre: r.answered.0,
            post: r.answered.1,
        },
        workshop: changes_json(&r.workshop),
        organisations: r
            .by_org
            .iter()
            .map(|(o, items)| OrgChanges {
                organisation: o.id.to_string(),
                name: o.fields.name.to_string(),
                items: changes_json(items),
            })
            .collect(),
    }))
}

/// A training gate: a role may do an action only after a workshop.
#[derive(Serialize, ToSchema)]
#[schema(as = Gate)]
pub struct GateJson {
    #[schema(value_type = names::RoleName)]
    pub role: &'static str,
    #[schema(value_type = names::GatedActionName)]
    pub action: &'static str,
    /// The workshop to complete first (its key).
    pub workshop: String,
}

fn gate_json(g: &domain::training::gate::Gate) -> GateJson {
    GateJson {
        role: g.role.as_str(),
        action: g.action.as_str(),
        workshop: g.workshop.clone(),
    }
}

#[utoipa::path(get, path = "/api/v1/training/gates", tag = "training",
    summary = "The training gates in force.",
    responses((status = 200, description = "The gates.", body = Vec<GateJson>),
        Unauthorized, Forbidden))]
pub async fn gates(
    State(state): State<AppState>,
    ctx: Ctx,
) -> Result<Json<Vec<GateJson>>, AppError> {
    ctx.authorize(
        domain::policy::Action::ReadTraining,
        domain::policy::Resource::Network,
    )?;
    let gates = state.store.gates().await?;
    Ok(Json(gates.iter().map(gate_json).collect()))
}

/// A training gate to set.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = GateInput)]
pub struct GateBody {
    #[serde(default)]
    #[schema(required = true, value_type = names::RoleName)]
    role: String,
    #[serde(default)]
    #[schema(required = true, value_type = names::GatedActionName)]
    action: String,
    /// The workshop of the programme to complete first (its key).
    #[serde(default)]
    #[schema(required = true, min_length = 1)]
    workshop: String,
}

impl From<GateBody> for app::training::gates::GateInput {
    fn from(b: GateBody) -> Self {
        Self {
            role: b.role,
            action: b.action,
            workshop: b.workshop,
        }
    }
}

#[utoipa::path(post, path = "/api/v1/training/gates", tag = "training",
    summary = "Set a training gate (network admin). A person refused by it gets 403 `training-required` naming the workshop.",
    request_body = GateBody,
    responses((status = 201, description = "Set.", body = GateJson),
        Malformed, Unauthorized, Forbidden, BodyTooLarge, Invalid))]
pub async fn set_gate(
    State(state): State<AppState>,
    ctx: Ctx,
    ApiJson(body): ApiJson<GateBody>,
) -> Result<Response, AppError> {
    let origin = origin(&state, &ctx)?;
    let g = app::training::gates::set(&state, &origin, &body.into()).await?;
    Ok(created(gate_json(&g)))
}

#[utoipa::path(delete, path = "/api/v1/training/gates/{role}/{action}", tag = "training",
    summary = "Lift a training gate (network admin).",
    params(("role" = names::RoleName, Path, description = "The role."),
        ("action" = names::GatedActionName, Path, description = "The action.")),
    responses((status = 204, description = "Lifted."),
        Unauthorized, Forbidden, NotFound, Invalid))]
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
