//! Handover packages over the API: download one for a handover whose other side is on another
//! server, and import one (the body is the file as it is).

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::organisations::origin;
use crate::{AppError, AppState, Ctx};
use app::{handovers, package};

/// The largest package taken: a case's documents (10 MB each) with room for several.
pub const PACKAGE_MAX_BYTES: usize = 64 * 1024 * 1024;

/// `GET …/handovers/{id}/package`: the sealed file, for the pages and the API alike.
pub async fn download(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let origin = origin(&state, &ctx)?;
    let actor = ctx.actor()?;
    // Someone who cannot see the handover learns nothing of it: 404.
    let (h, case) = handovers::load(&state.store, &actor, &id).await?;
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
pub async fn import(
    State(state): State<AppState>,
    ctx: Ctx,
    body: Bytes,
) -> Result<Response, AppError> {
    let origin = origin(&state, &ctx)?;
    let org = ctx.actor()?.org_id;
    let imported = package::import(&state.store, &origin, &body, Some(org)).await?;
    Ok((StatusCode::CREATED, Json(imported)).into_response())
}

pub fn limit() -> axum::extract::DefaultBodyLimit {
    axum::extract::DefaultBodyLimit::max(PACKAGE_MAX_BYTES)
}
