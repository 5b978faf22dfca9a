//! `/api/v1/forms` and a case's assessments.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use domain::form::{FormDef, FormVersion};
use domain::policy::{Action, Resource};
use serde::Serialize;
use serde_json::Value;
use utoipa::{IntoParams, ToSchema};

use super::ApiJson;
use super::problems::{
    BadQuery, BodyTooLarge, FileTooLarge, Forbidden, Invalid, Malformed, NotFound, Unauthorized,
};
use crate::{AppError, AppState, Ctx};
use app::{casework, forms};

/// A version of a form, in short.
#[derive(Serialize, ToSchema)]
pub struct FormSummary {
    pub key: String,
    pub version: i64,
    /// The title in bn, hi and en.
    #[schema(value_type = Object)]
    pub title: domain::form::Text,
    #[schema(format = DateTime)]
    pub created_at: String,
}

/// A version of a form with its whole definition.
#[derive(Serialize, ToSchema)]
pub struct FormVersionJson {
    pub key: String,
    pub version: i64,
    /// The title in bn, hi and en.
    #[schema(value_type = Object)]
    pub title: domain::form::Text,
    #[schema(format = DateTime)]
    pub created_at: String,
    #[schema(value_type = FormDefinition)]
    pub definition: FormDef,
}

/// A form definition: sections, fields, choice lists and labels in bn, hi and en. The domain
/// reads it (`domain::form::FormDef`) and names each problem it finds; the document gives its
/// outline, not the whole grammar of a form.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct FormDefinition {
    /// Stable across versions: `home-family-assessment`.
    #[schema(pattern = "^[a-z0-9_-]{1,64}$")]
    key: String,
    #[schema(value_type = super::names::LocalText)]
    title: Value,
    #[schema(value_type = Vec<Object>)]
    sections: Vec<Value>,
    #[schema(value_type = Option<Object>)]
    choice_lists: Option<Value>,
    /// What it is filled for: `case` (the default) or `training` (a workshop's questionnaire).
    #[schema(value_type = Option<FormPurposeName>, nullable = false)]
    purpose: Option<String>,
}

/// An assessment as filled in.
#[derive(Serialize, ToSchema)]
pub struct Assessment {
    #[schema(format = Uuid)]
    pub id: String,
    /// The form's key.
    pub form: String,
    pub version: i64,
    /// The answers the caller may read, by field.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub answers: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(format = Uuid)]
    pub recorded_by: Option<String>,
    #[schema(format = DateTime)]
    pub recorded_at: String,
}

fn summary(f: &FormVersion) -> FormSummary {
    FormSummary {
        key: f.def.key.clone(),
        version: f.version,
        title: f.def.title.clone(),
        created_at: f.created_at.to_rfc3339(),
    }
}

#[utoipa::path(get, path = "/api/v1/forms", tag = "forms",
    summary = "Every version of every form, in short.",
    responses((status = 200, description = "The forms.", body = Vec<FormSummary>),
        Unauthorized, Forbidden))]
pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
) -> Result<Json<Vec<FormSummary>>, AppError> {
    ctx.authorize(Action::ReadForms, Resource::Network)?;
    let forms = state.store.forms().await?;
    Ok(Json(forms.iter().map(summary).collect()))
}

#[derive(Debug, Default, serde::Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct VersionQuery {
    /// A version; absent: the newest.
    version: Option<i64>,
}

#[utoipa::path(get, path = "/api/v1/forms/{key}", tag = "forms",
    summary = "A form with its definition: the newest version, or `version`.",
    params(("key" = String, Path, description = "The form's key."), VersionQuery),
    responses((status = 200, description = "The form.", body = FormVersionJson),
        BadQuery, Unauthorized, Forbidden, NotFound))]
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(key): Path<String>,
    Query(q): Query<VersionQuery>,
) -> Result<Json<FormVersionJson>, AppError> {
    ctx.authorize(Action::ReadForms, Resource::Network)?;
    let f = forms::form(&state.store, &key, q.version).await?;
    let FormSummary {
        key,
        version,
        title,
        created_at,
    } = summary(&f);
    Ok(Json(FormVersionJson {
        key,
        version,
        title,
        created_at,
        definition: f.def,
    }))
}

/// `POST /api/v1/forms`: a definition as JSON becomes the next version of its form.
#[utoipa::path(post, path = "/api/v1/forms", tag = "forms",
    summary = "Add a form definition as the next version of its form (network admin).",
    request_body = FormDefinition,
    responses((status = 201, description = "Added.", body = FormSummary),
        Malformed, Unauthorized, Forbidden, BodyTooLarge, Invalid))]
pub async fn add(
    State(state): State<AppState>,
    ctx: Ctx,
    ApiJson(def): ApiJson<FormDef>,
) -> Result<Response, AppError> {
    let origin = super::organisations::origin(&state, &ctx)?;
    let f = forms::add_version(&state.store, &origin, &def).await?;
    Ok((StatusCode::CREATED, Json(summary(&f))).into_response())
}

/// What a form is filled for.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "kebab-case")]
#[allow(dead_code)] // a schema only: the domain's `FormPurpose` is what is read
pub enum FormPurposeName {
    Case,
    Training,
}

/// An assessment to fill in.
#[derive(Debug, serde::Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = AssessmentInput)]
pub struct FillBody {
    /// The form's key.
    form: String,
    /// A version; absent: the newest.
    #[serde(default, deserialize_with = "super::bodies::whole_opt")]
    version: Option<i64>,
    /// Each field's answer, by its name (`null` is read as not answered). A photo, recording or
    /// file question is answered with the id of a document of the case, in the class of the
    /// question's section: upload it first (`POST /api/v1/cases/{id}/documents`).
    #[schema(value_type = std::collections::BTreeMap<String, super::bodies::Answer>)]
    answers: Value,
}

#[utoipa::path(post, path = "/api/v1/cases/{id}/assessments", tag = "forms",
    summary = "Fill in an assessment of her case with a form.",
    params(("id" = String, Path, description = "The case.")),
    request_body = FillBody,
    responses((status = 201, description = "Recorded.", body = Assessment),
        Malformed, Unauthorized, Forbidden, NotFound, BodyTooLarge, Invalid))]
pub async fn fill(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<FillBody>,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::ViewCase).await?;
    let raw = forms::raw_from_json(&body.answers)?;
    let a = forms::fill(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &case,
        &body.form,
        body.version,
        &raw,
        Vec::new(),
    )
    .await?;
    let form = forms::form(&state.store, &a.form_key, Some(a.form_version)).await?;
    let seen = ctx.sight(&state, &case).await?;
    let role = forms::may_read(&actor, &case);
    let may = |class| role(class) && seen.sees(class, a.org);
    Ok((
        StatusCode::CREATED,
        Json(Assessment {
            id: a.id.to_string(),
            form: a.form_key.clone(),
            version: a.form_version,
            answers: Some(forms::answers_json(&form, &a, &may)),
            recorded_by: None,
            recorded_at: a.recorded_at.to_rfc3339(),
        }),
    )
        .into_response())
}

#[utoipa::path(get, path = "/api/v1/cases/{id}/assessments", tag = "forms",
    summary = "The assessments of her case, in short.",
    params(("id" = String, Path, description = "The case.")),
    responses((status = 200, description = "The assessments.", body = Vec<Assessment>),
        Unauthorized, Forbidden, NotFound))]
pub async fn list_for_case(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<Vec<Assessment>>, AppError> {
    let case = ctx.case(&state, &id, Action::ViewCase).await?;
    let seen = ctx.sight(&state, &case).await?;
    let found = forms::assessments_of(&state.store, &case, &seen).await?;
    Ok(Json(
        found
            .iter()
            .map(|(a, _)| Assessment {
                id: a.id.to_string(),
                form: a.form_key.clone(),
                version: a.form_version,
                answers: None,
                recorded_by: Some(a.recorded_by.to_string()),
                recorded_at: a.recorded_at.to_rfc3339(),
            })
            .collect(),
    ))
}

#[utoipa::path(get, path = "/api/v1/cases/{id}/assessments/{aid}", tag = "forms",
    summary = "One assessment, with the answers the caller may read. The read is audited.",
    params(("id" = String, Path, description = "The case."),
        ("aid" = String, Path, description = "The assessment.")),
    responses((status = 200, description = "The assessment.", body = Assessment),
        Unauthorized, Forbidden, NotFound))]
pub async fn show_for_case(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, aid)): Path<(String, String)>,
) -> Result<Json<Assessment>, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::ViewCase).await?;
    let seen = ctx.sight(&state, &case).await?;
    let (a, form) =
        forms::assessment_of(&state.store, &case, crate::path::id(&aid)?, &seen).await?;
    casework::audit_read(&state.store, &ctx.acting(&actor, state.clock.now()), &case).await?;
    let role = forms::may_read(&actor, &case);
    let may = |class| role(class) && seen.sees(class, a.org);
    Ok(Json(Assessment {
        id: a.id.to_string(),
        form: a.form_key.clone(),
        version: a.form_version,
        answers: Some(forms::answers_json(&form, &a, &may)),
        recorded_by: Some(a.recorded_by.to_string()),
        recorded_at: a.recorded_at.to_rfc3339(),
    }))
}

/// `POST /api/v1/forms/xlsform`: the body is the `.xlsx` or `.xls` as it is; a
/// `Content-Disposition` file name names a form whose settings have no `form_id`.
#[utoipa::path(post, path = "/api/v1/forms/xlsform", tag = "forms",
    summary = "Import an XLSForm (the body is the .xlsx or .xls as it is; a Content-Disposition filename names a form without form_id) as the next version of its form (network admin). All or nothing: each row that cannot be taken is listed in `errors`.",
    request_body(content = Vec<u8>, content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    responses((status = 201, description = "Imported.", body = FormSummary),
        Unauthorized, Forbidden, FileTooLarge, Invalid))]
pub async fn import_xlsform(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: axum::http::HeaderMap,
    body: axum::body::Bytes,
) -> Result<Response, AppError> {
    let origin = super::organisations::origin(&state, &ctx)?;
    // `attachment; filename="visit.xlsx"`: the name alone, as a browser would save it.
    let file_name = headers
        .get(axum::http::header::CONTENT_DISPOSITION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            v.split(';')
                .find_map(|p| p.trim().strip_prefix("filename="))
        })
        .map(|n| n.trim_matches('"').to_string());
    let f = forms::import_xlsform(&state.store, &origin, &body, file_name.as_deref()).await?;
    Ok((StatusCode::CREATED, Json(summary(&f))).into_response())
}
