//! Handover packages over the API: download one for a handover whose other side is on another
//! server, and import one (the body is the file as it is).

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

use super::organisations::origin;
use super::problems::{AlreadyHere, FileTooLarge, Forbidden, NotFound, Unauthorized};
use crate::{AppError, AppState, Ctx};
use app::package;

/// What an imported package brought.
#[derive(Serialize, ToSchema)]
#[schema(as = ImportedPackage)]
pub struct ImportedJson {
    /// `handover` (a case handed over to us) or `receipt` (the answer to one we sent).
    pub kind: &'static str,
    pub handover_id: uuid::Uuid,
    pub case_id: uuid::Uuid,
    pub case_code: String,
    /// The sending organisation's name.
    pub from: String,
    /// The handover's state now.
    #[schema(value_type = super::names::HandoverStateName)]
    pub state: String,
    /// Follow-up updates an answer brought that were new here.
    pub updates: usize,
}

impl From<package::Imported> for ImportedJson {
    fn from(i: package::Imported) -> Self {
        Self {
            kind: i.kind,
            handover_id: i.handover_id,
            case_id: i.case_id,
            case_code: i.case_code,
            from: i.from,
            state: i.state,
            updates: i.updates,
        }
    }
}

/// The largest package taken: a case's documents (10 MB each) with room for several.
pub const PACKAGE_MAX_BYTES: usize = 64 * 1024 * 1024;

/// `GET …/handovers/{id}/package`: the sealed file, for the pages and the API alike.
#[utoipa::path(get, path = "/api/v1/handovers/{id}/package", tag = "handovers",
    summary = "The handover as a sealed package file, for a receiving organisation on another server.",
    params(("id" = String, Path, description = "The handover.")),
    responses((status = 200, description = "The package file.",
            content_type = "application/octet-stream", body = Vec<u8>),
        Unauthorized, Forbidden, NotFound,
        (status = 422, description = "Not ready to travel (a draft), the other side is on this server or not in the directory, or a consent no longer covers a section.",
            content_type = "application/problem+json", body = super::Problem)))]
pub async fn download(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let origin = origin(&state, &ctx)?;
    // Someone who cannot see the handover learns nothing of it: 404.
    let (h, case) = ctx.handover(&state, &id).await?;
    let exported = package::export(&state.store, &origin, &h.id.to_string()).await?;
    let kind = match exported.kind {
        ::package::Kind::Handover => "handover",
        ::package::Kind::Receipt => "answer",
    };
    let file = format!("{}-{kind}.saathi.age", case.code.as_str());
    Ok((
        [
            (header::CONTENT_TYPE, "application/octet-stream".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file}\""),
            ),
        ],
        exported.bytes,
    )
        .into_response())
}

/// `POST /api/v1/handover-packages`: imports a package for the caller's organisation.
#[utoipa::path(post, path = "/api/v1/handover-packages", tag = "handovers",
    summary = "Import a package (the body is the file as it is) for the caller's organisation: a case handed over, or the answer to one sent from here. Nothing is written but an audit entry when it is refused.",
    request_body(content = Vec<u8>, content_type = "application/octet-stream"),
    responses((status = 201, description = "Imported.", body = ImportedJson),
        Unauthorized, Forbidden, AlreadyHere, FileTooLarge,
        (status = 422, description = "Refused, with nothing written: `errors[0].message` says why (damaged, not for us, unknown sender, bad signature, unknown version, replay, a value refused by local rules).",
            content_type = "application/problem+json", body = super::Problem)))]
pub async fn import(
    State(state): State<AppState>,
    ctx: Ctx,
    body: Bytes,
) -> Result<Response, AppError> {
    let origin = origin(&state, &ctx)?;
    let org = ctx.actor()?.org_id;
    let imported = package::import(&state.store, &origin, &body, Some(org)).await?;
    Ok((StatusCode::CREATED, Json(ImportedJson::from(imported))).into_response())
}

pub fn limit() -> axum::extract::DefaultBodyLimit {
    axum::extract::DefaultBodyLimit::max(PACKAGE_MAX_BYTES)
}
