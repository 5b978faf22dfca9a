//! `/api/v1/exports`: lists as spreadsheets (CSV with a byte-order mark, XLSX, a zip of CSVs
//! for a form with repeats). The pages link to the same handlers under `/exports`, so a
//! download from a page and one from the API are the same file, checked and audited by the
//! same service (`app::exports`).

use axum::extract::{Path, Query, State};
use axum::http::HeaderValue;
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use domain::policy::{Action, Export, Resource};
use serde::Deserialize;
use utoipa::IntoParams;

use super::names;
use super::problems::{BadQuery, Forbidden, Invalid, NotFound, Unauthorized};
use crate::{AppError, AppState, Ctx};
use app::exports::{self, Download, Format};

/// The case list's filters, as `GET /api/v1/cases` and the list page take them, and whether
/// to add her identity.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CaseExportQuery {
    /// Words of her voice, searched in the cases the caller carries.
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
    /// Only cases whose plan is due for review.
    overdue: Option<bool>,
    /// Add her name, family and address (only for a caller who may open identity; each
    /// opening is audited).
    identity: Option<bool>,
}

impl From<CaseExportQuery> for exports::CaseQuery {
    fn from(q: CaseExportQuery) -> Self {
        Self {
            q: q.q,
            stage: q.stage,
            mine: q.mine.unwrap_or(false),
            carried_by: q.carried_by,
            code: q.code,
            opened_from: q.opened_from,
            opened_to: q.opened_to,
            overdue: q.overdue.unwrap_or(false),
            identity: q.identity.unwrap_or(false),
        }
    }
}

/// `filename=` in ASCII, and `filename*=` with the name as written (RFC 6266).
pub(super) fn disposition(name: &str) -> HeaderValue {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "._-".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"._-".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    HeaderValue::from_str(&format!(
        "attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}"
    ))
    .unwrap_or_else(|_| HeaderValue::from_static("attachment"))
}

/// The file as the answer: its type, a download with its name, never cached.
fn attachment(download: Download) -> Response {
    (
        [
            (
                CONTENT_TYPE,
                HeaderValue::from_static(download.format.content_type()),
            ),
            (CONTENT_DISPOSITION, disposition(&download.file_name)),
            (CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
        download.bytes,
    )
        .into_response()
}

async fn cases(
    state: AppState,
    ctx: Ctx,
    query: CaseExportQuery,
    format: Format,
) -> Result<Response, AppError> {
    let actor = ctx.authorize(
        Action::Export(Export::Cases),
        Resource::Organisation(ctx.actor()?.org_id),
    )?;
    let acting = ctx.acting(&actor, state.clock.now());
    let download = exports::cases(&state, &acting, &query.into(), ctx.lang, format).await?;
    Ok(attachment(download))
}

#[utoipa::path(get, path = "/api/v1/exports/cases.csv", tag = "exports",
    summary = "Her organisation's case list as CSV (UTF-8 with a byte-order mark), with the list's filters: director, case workers, counsellors. `identity=true` adds her name, family and address for a caller who may open identity. Audited.",
    params(CaseExportQuery),
    responses((status = 200, description = "The case list.", content_type = "text/csv", body = String),
        BadQuery, Unauthorized, Forbidden, Invalid))]
pub async fn cases_csv(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<CaseExportQuery>,
) -> Result<Response, AppError> {
    cases(state, ctx, query, Format::Csv).await
}

#[utoipa::path(get, path = "/api/v1/exports/cases.xlsx", tag = "exports",
    summary = "Her organisation's case list as an XLSX workbook, with the list's filters (as `cases.csv`). Audited.",
    params(CaseExportQuery),
    responses((status = 200, description = "The case list.", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>),
        BadQuery, Unauthorized, Forbidden, Invalid))]
pub async fn cases_xlsx(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<CaseExportQuery>,
) -> Result<Response, AppError> {
    cases(state, ctx, query, Format::Xlsx).await
}

#[utoipa::path(get, path = "/api/v1/exports/forms/{file}", tag = "exports",
    summary = "A form's filled assessments as KoboToolbox exports them: `KEY.xlsx` (a sheet per repeat), `KEY.csv` (a zip of CSVs when the form has repeats) or `KEY.zip`; one row per submission, one column per question name, choices in the caller's language. Case workers and counsellors, of the cases they read in full. Audited.",
    params(("file" = String, Path, description = "The form's key and the format: `KEY.csv`, `KEY.zip` or `KEY.xlsx`.")),
    responses((status = 200, description = "The assessments.", content(
            (String = "text/csv"),
            (Vec<u8> = "application/zip"),
            (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        Unauthorized, Forbidden, NotFound))]
pub async fn form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(file): Path<String>,
) -> Result<Response, AppError> {
    let actor = ctx.authorize(
        Action::Export(Export::Assessments),
        Resource::Organisation(ctx.actor()?.org_id),
    )?;
    let (key, format) = exports::split_file_name(&file).ok_or(AppError::NotFound)?;
    let acting = ctx.acting(&actor, state.clock.now());
    let download = exports::assessments(&state, &acting, key, ctx.lang, format).await?;
    Ok(attachment(download))
}

#[utoipa::path(get, path = "/api/v1/exports/workshops/{file}", tag = "exports",
    summary = "A workshop's attendance by day, its drop-outs with their reasons and its evaluation results: `ID.xlsx` (a sheet each) or `ID.csv` (a zip of three CSVs). Trainers and the network admin. Audited.",
    params(("file" = String, Path, description = "The workshop's id and the format: `ID.csv` or `ID.xlsx`.")),
    responses((status = 200, description = "The workshop's lists.", content(
            (Vec<u8> = "application/zip"),
            (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        Unauthorized, Forbidden, NotFound))]
pub async fn workshop(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(file): Path<String>,
) -> Result<Response, AppError> {
    let actor = ctx.authorize(Action::Export(Export::Attendance), Resource::Network)?;
    let (id, format) = exports::split_file_name(&file)
        .filter(|(_, f)| *f != Format::Zip)
        .ok_or(AppError::NotFound)?;
    let id: domain::WorkshopId = crate::path::id(id)?;
    let acting = ctx.acting(&actor, state.clock.now());
    let download = exports::attendance(&state, &acting, id, ctx.lang, format).await?;
    Ok(attachment(download))
}

#[utoipa::path(get, path = "/api/v1/exports/training.xlsx", tag = "exports",
    summary = "The training programme's drop-outs by workshop, each reason counted, and the exchange-visit matrix, as an XLSX workbook: directors, trainers and the network admin. Audited.",
    responses((status = 200, description = "The programme's lists.", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>),
        Unauthorized, Forbidden))]
pub async fn training(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let actor = ctx.authorize(Action::Export(Export::Training), Resource::Network)?;
    let acting = ctx.acting(&actor, state.clock.now());
    let download = exports::programme(&state, &acting, ctx.lang, Format::Xlsx).await?;
    Ok(attachment(download))
}
