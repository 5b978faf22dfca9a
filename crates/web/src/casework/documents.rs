//! Her documents: attaching one (the class decides who may, the bytes must be an allowed kind),
//! listing and opening those her organisation holds, each opening audited.

use std::sync::Arc;

use domain::audit::AuditAction;
use domain::policy::{Action, Actor};
use domain::sight::Sight;
use domain::{Case, Timestamp};
use store::Store;

use super::{allowed, check, event, sight};
use crate::{AppError, FieldError};

/// Attaches a document: the class decides who may (psychosocial: the counsellor), the bytes
/// must be an allowed kind and within the limit.
#[allow(clippy::too_many_arguments)]
pub async fn add_document(
    store: &Arc<dyn Store>,
    actor: &Actor,
    source: &str,
    at: Timestamp,
    case: &Case,
    section: &str,
    name: &str,
    bytes: &[u8],
) -> Result<domain::document::DocumentInfo, AppError> {
    let (class, media_type) = match domain::document::check_document(section, bytes) {
        Ok(checked) => checked,
        Err((_, domain::DomainError::FileTooLarge { .. })) => return Err(AppError::TooLarge),
        Err((field, e)) => return Err(AppError::Invalid(vec![FieldError::new(field, &e)])),
    };
    check(actor, Action::Document(class), case)?;
    let info = domain::document::DocumentInfo {
        id: uuid::Uuid::now_v7(),
        case_id: case.id,
        class,
        name: domain::document::stored_name(name, media_type),
        media_type: media_type.to_string(),
        size: i64::try_from(bytes.len()).unwrap_or(i64::MAX),
        uploaded_by: actor.user_id,
        uploaded_at: at,
    };
    let audit = event(actor, source, at, AuditAction::DocumentAdded, case).with_detail(
        crate::accounts::detail(&[
            ("document", &info.id.to_string()),
            ("section", class.as_str()),
        ]),
    );
    store.add_document(&info, bytes, audit).await?;
    Ok(info)
}

/// The documents this person may open: her role allows their class, and her organisation
/// holds them (`sight`).
pub async fn documents(
    store: &Arc<dyn Store>,
    actor: &Actor,
    case: &Case,
    sight: &Sight,
) -> Result<Vec<domain::document::DocumentInfo>, AppError> {
    Ok(store
        .documents_of(case.id, sight)
        .await?
        .into_iter()
        .filter(|d| allowed(actor, Action::ReadDocument(d.class), case))
        .collect())
}

/// Opens a document, recording the reading. One she may not open answers 404, as if absent.
pub async fn open_document(
    store: &Arc<dyn Store>,
    actor: &Actor,
    source: &str,
    at: Timestamp,
    case: &Case,
    id: &str,
) -> Result<(domain::document::DocumentInfo, Vec<u8>), AppError> {
    let id: uuid::Uuid = id.parse().map_err(|_| AppError::NotFound)?;
    let seen = sight(store, actor, case, at).await?;
    let listed = documents(store, actor, case, &seen).await?;
    if !listed.iter().any(|d| d.id == id) {
        return Err(AppError::NotFound);
    }
    let audit = event(actor, source, at, AuditAction::DocumentOpened, case)
        .with_detail(crate::accounts::detail(&[("document", &id.to_string())]));
    store
        .open_document(case.id, id, &seen, audit)
        .await?
        .ok_or(AppError::NotFound)
}

/// The section and the file of a multipart upload. A body over the route's limit is `TooLarge`.
pub async fn read_upload(
    mut multipart: axum::extract::Multipart,
) -> Result<(String, String, Vec<u8>), AppError> {
    let mut section = String::new();
    let mut name = String::new();
    let mut bytes = Vec::new();
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(e) if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE => {
                return Err(AppError::TooLarge);
            }
            Err(e) => return Err(AppError::Malformed(e.body_text())),
        };
        match field.name().unwrap_or_default() {
            "section" => {
                section = field
                    .text()
                    .await
                    .map_err(|e| AppError::Malformed(e.body_text()))?
            }
            "file" => {
                name = field.file_name().unwrap_or_default().to_string();
                bytes = match field.bytes().await {
                    Ok(b) => b.to_vec(),
                    Err(e) if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE => {
                        return Err(AppError::TooLarge);
                    }
                    Err(e) => return Err(AppError::Malformed(e.body_text())),
                };
            }
            _ => {}
        }
    }
    Ok((section, name, bytes))
}
