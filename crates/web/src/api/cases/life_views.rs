//! `/api/v1/cases/{id}/life-views`: her own view of her life in the six areas of her plan,
//! with the worker's rating beside hers (R8). Part of her plan: read as the plan is read
//! (`ReadPlan`, audited), recorded by those who may write it (`EditPlan`).

use super::*;
use domain::life_view::{self, LifeView};

/// One area of her life: her answer and the worker's rating.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = LifeAreaInput)]
pub struct LifeAreaBody {
    #[schema(value_type = names::GoalDomainName)]
    pub area: String,
    /// Her answer; `not-said` when she chose not to answer.
    #[schema(value_type = names::HerRatingName)]
    pub her: String,
    #[schema(value_type = names::RatingName)]
    pub worker: String,
}

/// Her view of her life as typed in: each of the six areas once.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = LifeViewInput)]
pub struct LifeViewBody {
    #[schema(value_type = names::LifeOccasionName)]
    pub occasion: String,
    /// The plan review or follow-up of this case it was asked at, if any.
    #[serde(default)]
    #[schema(format = Uuid)]
    pub reference: Option<String>,
    /// The day it was talked through with her.
    #[schema(format = Date)]
    pub recorded_on: String,
    #[schema(min_items = 6, max_items = 6)]
    pub areas: Vec<LifeAreaBody>,
}

impl From<LifeViewBody> for casework::LifeViewInput {
    fn from(b: LifeViewBody) -> Self {
        Self {
            occasion: b.occasion,
            reference: b.reference.unwrap_or_default(),
            recorded_on: b.recorded_on,
            her: b
                .areas
                .iter()
                .map(|a| (a.area.clone(), a.her.clone()))
                .collect(),
            worker: b.areas.into_iter().map(|a| (a.area, a.worker)).collect(),
        }
    }
}

/// One area as recorded, with whether she and the worker are two points or more apart.
#[derive(Serialize, ToSchema)]
#[schema(as = LifeArea)]
pub struct LifeAreaJson {
    #[schema(value_type = names::GoalDomainName)]
    pub area: &'static str,
    #[schema(value_type = names::HerRatingName)]
    pub her: &'static str,
    #[schema(value_type = names::RatingName)]
    pub worker: &'static str,
    pub flagged: bool,
}

/// Her view of her life as recorded.
#[derive(Serialize, ToSchema)]
#[schema(as = LifeView)]
pub struct LifeViewJson {
    #[schema(format = Uuid)]
    pub id: String,
    #[schema(value_type = names::LifeOccasionName)]
    pub occasion: &'static str,
    #[schema(format = Uuid)]
    pub reference: Option<String>,
    #[schema(format = Date)]
    pub recorded_on: String,
    /// The six areas, in the plan's order.
    pub areas: Vec<LifeAreaJson>,
    /// The organisation that recorded it (the custodian then).
    #[schema(format = Uuid)]
    pub organisation: String,
    #[schema(format = Uuid)]
    pub recorded_by: String,
    #[schema(format = DateTime)]
    pub recorded_at: String,
}

/// One area over time: her first and latest answer (absent until she has given one) and the
/// worker's, and whether the latest pair is flagged.
#[derive(Serialize, ToSchema)]
#[schema(as = LifeAreaChange)]
pub struct LifeAreaChangeJson {
    #[schema(value_type = names::GoalDomainName)]
    pub area: &'static str,
    #[schema(value_type = Option<names::RatingName>)]
    pub her_first: Option<&'static str>,
    #[schema(value_type = Option<names::RatingName>)]
    pub her_latest: Option<&'static str>,
    #[schema(value_type = Option<names::RatingName>)]
    pub worker_first: Option<&'static str>,
    #[schema(value_type = Option<names::RatingName>)]
    pub worker_latest: Option<&'static str>,
    pub flagged: bool,
}

/// Her views of her life, oldest first, and the change per area.
#[derive(Serialize, ToSchema)]
pub struct LifeViewList {
    pub views: Vec<LifeViewJson>,
    pub changes: Vec<LifeAreaChangeJson>,
}

pub fn life_view_json(v: &LifeView) -> LifeViewJson {
    LifeViewJson {
        id: v.id.to_string(),
        occasion: v.fields.occasion.as_str(),
        reference: v.fields.reference.map(|r| r.to_string()),
        recorded_on: format_date_iso(v.fields.recorded_on),
        areas: v
            .fields
            .areas
            .iter()
            .map(|a| LifeAreaJson {
                area: a.area.as_str(),
                her: a.her.as_str(),
                worker: a.worker.as_str(),
                flagged: a.flagged(),
            })
            .collect(),
        organisation: v.org_id.to_string(),
        recorded_by: v.recorded_by.to_string(),
        recorded_at: v.recorded_at.to_rfc3339(),
    }
}

#[utoipa::path(get, path = "/api/v1/cases/{id}/life-views", tag = "cases",
    summary = "Her own view of her life in the six areas of her plan, with the worker's beside it, oldest first, and the change per area.",
    params(("id" = String, Path, description = "The case.")),
    responses((status = 200, description = "Her views.", body = LifeViewList),
        Unauthorized, Forbidden, NotFound))]
pub async fn life_views(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<LifeViewList>, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::ReadPlan).await?;
    let views =
        casework::life_views(&state.store, &ctx.acting(&actor, state.clock.now()), &case).await?;
    let fields: Vec<life_view::LifeViewFields> = views.iter().map(|v| v.fields.clone()).collect();
    Ok(Json(LifeViewList {
        views: views.iter().map(life_view_json).collect(),
        changes: life_view::changes(&fields)
            .into_iter()
            .map(|c| LifeAreaChangeJson {
                area: c.area.as_str(),
                her_first: c.her.map(|(f, _)| f.as_str()),
                her_latest: c.her.map(|(_, l)| l.as_str()),
                worker_first: c.worker.map(|(f, _)| f.as_str()),
                worker_latest: c.worker.map(|(_, l)| l.as_str()),
                flagged: c.flagged,
            })
            .collect(),
    }))
}

#[utoipa::path(post, path = "/api/v1/cases/{id}/life-views", tag = "cases",
    summary = "Record her view of her life, with the worker's rating beside hers, in each of the six areas of her plan.",
    params(("id" = String, Path, description = "The case.")),
    request_body = LifeViewBody,
    responses((status = 201, description = "Recorded.", body = LifeViewJson),
        Malformed, Unauthorized, ForbiddenOrGated, NotFound, BodyTooLarge, Invalid))]
pub async fn record_life_view(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<LifeViewBody>,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::EditPlan).await?;
    let view = casework::record_life_view(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &case,
        &body.into(),
    )
    .await?;
    Ok((StatusCode::CREATED, Json(life_view_json(&view))).into_response())
}
