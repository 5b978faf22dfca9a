//! `/api/v1/cases/{id}/…`: Documents on her case: listed, uploaded, downloaded.

use super::*;

pub fn document_json(d: &domain::document::DocumentInfo) -> DocumentJson {
    DocumentJson {
        id: d.id.to_string(),
        section: d.class.as_str(),
        name: d.name.clone(),
        media_type: d.media_type.clone(),
        size: d.size,
        uploaded_by: d.uploaded_by.to_string(),
        uploaded_at: d.uploaded_at.to_rfc3339(),
    }
}

#[utoipa::path(get, path = "/api/v1/cases/{id}/documents", tag = "cases",
    summary = "The documents of her case that the caller may see.",
    params(("id" = String, Path, description = "The case.")),
    responses((status = 200, description = "The documents.", body = DocumentList),
        Unauthorized, Forbidden, NotFound))]
pub async fn documents(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Json<DocumentList>, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::ViewCase).await?;
    let seen = ctx.sight(&state, &case).await?;
    let docs = casework::documents(&state.store, &actor, &case, &seen).await?;
    Ok(Json(DocumentList {
        documents: docs.iter().map(document_json).collect(),
    }))
}

#[utoipa::path(post, path = "/api/v1/cases/{id}/documents", tag = "cases",
    summary = "Attach a document (multipart: `section` and `file`), at most 10 MB.",
    params(("id" = String, Path, description = "The case.")),
    request_body(content = DocumentUpload, content_type = "multipart/form-data"),
    responses((status = 201, description = "Attached.", body = DocumentJson),
        Malformed, Unauthorized, Forbidden, NotFound, DocumentTooLarge, Invalid))]
pub async fn add_document(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    multipart: axum::extract::Multipart,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::ViewCase).await?;
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
#[utoipa::path(get, path = "/api/v1/cases/{id}/documents/{doc}", tag = "cases",
    summary = "The document's file, as an attachment. The read is audited.",
    params(("id" = String, Path, description = "The case."),
        ("doc" = String, Path, description = "The document.")),
    responses((status = 200, description = "The file, with the media type it was stored with.",
            content_type = "*/*", body = Vec<u8>),
        Unauthorized, Forbidden, NotFound))]
pub async fn download(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, doc)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let actor = ctx.actor()?;
    let case = ctx.case(&state, &id, Action::ViewCase).await?;
    let (info, bytes) = casework::open_document(
        &state.store,
        &ctx.acting(&actor, state.clock.now()),
        &case,
        crate::path::id(&doc)?,
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
