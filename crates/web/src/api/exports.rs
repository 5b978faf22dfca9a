//! `/api/v1/exports`: lists as spreadsheets (CSV with a byte-order mark, XLSX, a zip of CSVs
//! for a form with repeats). The pages link to the same handlers under `/exports`, so a
//! download from a page and one from the API are the same file, checked and audited by the
//! same service (`app::exports`).

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::HeaderValue;
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use domain::policy::{Action, Export, Resource};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::names;
use super::problems::{BadQuery, Forbidden, Invalid, NotFound, Unauthorized};
use crate::{AppError, AppState, Ctx};
use app::exports::{self, Download, Format, HtcdsFormat};

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

/// The header that carries the k-anonymity report of an HTCDS export (both formats; the JSON
/// also has it inside): `k=5; age=band; area=state; considered=40; exported=38; suppressed=2`.
pub const ANONYMITY_HEADER: &str = "x-saathi-anonymity";

/// What the HTCDS export did to stay k-anonymous.
#[derive(Serialize, ToSchema)]
#[schema(as = HtcdsAnonymity)]
pub struct AnonymityBody {
    /// The smallest group any combination of quasi-identifiers may have (5).
    pub k: usize,
    /// How ages were generalised: `band` (0-11, 12-14, 15-17, 18-24, 25-34, 35-49, 50+) or
    /// `child-or-adult` (0-17, 18+).
    #[schema(value_type = String, pattern = "^(band|child-or-adult)$")]
    pub age: &'static str,
    /// How the place she was identified was generalised: `district`, `state`, `country` or
    /// `withheld`.
    #[schema(value_type = String, pattern = "^(district|state|country|withheld)$")]
    pub area: &'static str,
    /// Cases with her consent to statistics, in the caller's scope.
    pub considered: usize,
    pub exported: usize,
    /// Cases left out whole because their group stayed under `k`.
    pub suppressed: usize,
}

/// One case, de-identified, with HTCDS 2.0 field names (and Saathi's own `saathi_` columns
/// for the generalised quasi-identifiers); `docs/htcds.md` maps each. Unknown is `null`.
#[derive(Serialize, ToSchema)]
#[schema(as = HtcdsRecord)]
pub struct HtcdsRecordBody {
    /// `Feminine`, `Masculine`, `TransgenderFeminine`, `TransgenderMasculine`,
    /// `NonConforming` or `NonSpecifiedUnknown`.
    #[serde(rename = "prs_Gender")]
    pub gender: Option<&'static str>,
    /// ISO 3166-1 alpha-2.
    #[serde(rename = "prs_Citizenship")]
    pub citizenship: Option<String>,
    /// HTCDS value names, e.g. `SexualExploitation`.
    #[serde(rename = "vic_TypeOfExploitation")]
    pub exploitation: Vec<&'static str>,
    /// `Active`, `FollowUp` or `Closed`.
    #[serde(rename = "cas_Status")]
    pub status: &'static str,
    #[serde(rename = "con_Consent")]
    pub consent: bool,
    /// The age group when she was identified (`15-17`, `0-17`, `18+` …).
    #[serde(rename = "saathi_AgeGroup")]
    pub age_group: Option<&'static str>,
    #[serde(rename = "saathi_IdentifiedYear")]
    pub year: i32,
    /// `null` unless the export kept districts.
    #[serde(rename = "saathi_IdentifiedDistrict")]
    pub district: Option<String>,
    #[serde(rename = "saathi_IdentifiedState")]
    pub state: Option<String>,
    #[serde(rename = "saathi_IdentifiedCountry")]
    pub country: Option<String>,
}

/// The HTCDS export as JSON.
#[derive(Serialize, ToSchema)]
#[schema(as = HtcdsExport)]
pub struct HtcdsBody {
    /// `HTCDS 2.0`.
    pub standard: &'static str,
    pub anonymity: AnonymityBody,
    pub records: Vec<HtcdsRecordBody>,
}

impl From<&exports::HtcdsExport> for HtcdsBody {
    fn from(e: &exports::HtcdsExport) -> Self {
        Self {
            standard: exports::htcds::STANDARD,
            anonymity: AnonymityBody {
                k: e.report.k,
                age: e.report.age.as_str(),
                area: e.report.area.as_str(),
                considered: e.report.considered,
                exported: e.report.exported,
                suppressed: e.report.suppressed,
            },
            records: e
                .records
                .iter()
                .map(|r| HtcdsRecordBody {
                    gender: r.gender,
                    citizenship: r.citizenship.clone(),
                    exploitation: r.exploitation.clone(),
                    status: r.status,
                    consent: r.consent,
                    age_group: r.age_group,
                    year: r.year,
                    district: r.district.clone(),
                    state: r.state.clone(),
                    country: r.country.clone(),
                })
                .collect(),
        }
    }
}

async fn htcds(state: AppState, ctx: Ctx, format: HtcdsFormat) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let acting = ctx.acting(&actor, state.clock.now());
    // The service asks the policy: the network for the network admin, her organisation for a
    // director.
    let export = exports::htcds(&state, &acting, format).await?;
    let report = HeaderValue::from_str(&export.report.line())
        .unwrap_or_else(|_| HeaderValue::from_static(""));
    let mut response = match format {
        HtcdsFormat::Json => Json(HtcdsBody::from(&export)).into_response(),
        HtcdsFormat::Csv => (
            [(
                CONTENT_TYPE,
                HeaderValue::from_static(format.content_type()),
            )],
            export.bytes,
        )
            .into_response(),
    };
    let headers = response.headers_mut();
    headers.insert(CONTENT_DISPOSITION, disposition(&export.file_name));
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(ANONYMITY_HEADER, report);
    Ok(response)
}

#[utoipa::path(get, path = "/api/v1/exports/htcds.csv", tag = "exports",
    summary = "The anonymised HTCDS 2.0 export as CSV (UTF-8 with a byte-order mark): one row per case whose survivor consented to statistics, k-anonymous with k = 5 over age group, gender, citizenship, place and year she was identified. The network admin exports the network, a director her organisation. The report of what was generalised and suppressed is in the `X-Saathi-Anonymity` header. Audited.",
    responses((status = 200, description = "The records.", content_type = "text/csv", body = String,
            headers(("X-Saathi-Anonymity" = String, description = "What was generalised and suppressed: `k=5; age=band; area=state; considered=40; exported=38; suppressed=2`."))),
        Unauthorized, Forbidden))]
pub async fn htcds_csv(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    htcds(state, ctx, HtcdsFormat::Csv).await
}

#[utoipa::path(get, path = "/api/v1/exports/htcds.json", tag = "exports",
    summary = "The anonymised HTCDS 2.0 export as JSON, with the report of what was generalised and suppressed inside (`anonymity`). As `htcds.csv`. Audited.",
    responses((status = 200, description = "The records and the report.", body = HtcdsBody,
            headers(("X-Saathi-Anonymity" = String, description = "The report, as in `htcds.csv`."))),
        Unauthorized, Forbidden))]
pub async fn htcds_json(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    htcds(state, ctx, HtcdsFormat::Json).await
}
