//! `/api/v1/forms` and a case's assessments.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use domain::form::{FormDef, FormVersion};
use domain::policy::{Action, Resource};
use serde_json::{Value, json};

use super::ApiJson;
use crate::{AppError, AppState, Ctx};
use app::{casework, forms};

fn summary(f: &FormVersion) -> Value {
    json!({
        "key": f.def.key,
        "version": f.version,
        "title": f.def.title,
        "created_at": f.created_at.to_rfc3339(),
    })
}

pub async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Json<Value>, AppError> {
    ctx.authorize(Action::ReadForms, Resource::Network)?;
    let forms = state.store.forms().await?;
    Ok(Json(Value::Array(forms.iter().map(summary).collect())))
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct VersionQuery {
    version: Option<i64>,
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(key): Path<String>,
    Query(q): Query<VersionQuery>,
) -> Result<Json<Value>, AppError> {
    ctx.authorize(Action::ReadForms, Resource::Network)?;
    let f = forms::form(&state.store, &key, q.version).await?;
    let mut v = summary(&f);
    v["definition"] =
        serde_json::to_value(&f.def).map_err(|e| AppError::internal(e.to_string()))?;
    Ok(Json(v))
}

/// `POST /api/v1/forms`: a definition as JSON becomes the next version of its form.
pub async fn add(
    State(state): State<AppState>,
    ctx: Ctx,
    ApiJson(def): ApiJson<FormDef>,
) -> Result<Response, AppError> {
    let origin = super::organisations::origin(&state, &ctx)?;
    let f = forms::add_version(&state.store, &origin, &def).await?;
    Ok((StatusCode::CREATED, Json(summary(&f))).into_response())
}

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FillBody {
    form: String,
    #[serde(default)]
    version: Option<i64>,
    answers: Value,
}

pub async fn fill(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<FillBody>,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = casework::load(&state.store, &actor, &id, Action::ViewCase).await?;
    let raw = forms::raw_from_json(&body.answers)?;
    let a = forms::fill(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &case,
        &body.form,
        body.version,
        &raw,
    )
    .await?;
    let form = forms::form(&state.store, &a.form_key, Some(a.form_version)).await?;
    let seen = casework::sight(&state.store, &actor, &case, state.clock.now()).await?;
    let role = forms::may_read(&actor, &case);
    let may = |class| role(class) && seen.sees(class, a.org);
    Ok((
        StatusCode::CREATED,
        Json(json!({
            "id": a.id.to_string(),
            "form": a.form_key,
            "version": a.form_version,
            "answers": forms::answers_json(&form, &a, &may),
            "recorded_at": a.recorded_at.to_rfc3339(),
        })),
    )
        .into_response())
}

pub async fn list_for_case(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<Value>, AppError> {
    let actor = ctx.actor()?;
    let case = casework::load(&state.store, &actor, &id, Action::ViewCase).await?;
    let seen = casework::sight(&state.store, &actor, &case, state.clock.now()).await?;
    let found = forms::assessments_of(&state.store, &case, &seen).await?;
    Ok(Json(Value::Array(
        found
            .iter()
            .map(|(a, _)| {
                json!({
                    "id": a.id.to_string(),
                    "form": a.form_key,
                    "version": a.form_version,
                    "recorded_by": a.recorded_by.to_string(),
                    "recorded_at": a.recorded_at.to_rfc3339(),
                })
            })
            .collect(),
    )))
}

pub async fn show_for_case(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, aid)): Path<(String, String)>,
) -> Result<Json<Value>, AppError> {
    let actor = ctx.actor()?;
    let case = casework::load(&state.store, &actor, &id, Action::ViewCase).await?;
    let seen = casework::sight(&state.store, &actor, &case, state.clock.now()).await?;
    let (a, form) = forms::assessment_of(&state.store, &case, &aid, &seen).await?;
    casework::audit_read(&state.store, &ctx.acting(&actor, state.clock.now()), &case).await?;
    let role = forms::may_read(&actor, &case);
    let may = |class| role(class) && seen.sees(class, a.org);
    Ok(Json(json!({
        "id": a.id.to_string(),
        "form": a.form_key,
        "version": a.form_version,
        "answers": forms::answers_json(&form, &a, &may),
        "recorded_by": a.recorded_by.to_string(),
        "recorded_at": a.recorded_at.to_rfc3339(),
    })))
}

/// `POST /api/v1/forms/xlsform`: the body is the `.xlsx` as it is.
pub async fn import_xlsform(
    State(state): State<AppState>,
    ctx: Ctx,
    body: axum::body::Bytes,
) -> Result<Response, AppError> {
    let origin = super::organisations::origin(&state, &ctx)?;
    let f = forms::import_xlsform(&state.store, &origin, &body).await?;
    Ok((StatusCode::CREATED, Json(summary(&f))).into_response())
}
