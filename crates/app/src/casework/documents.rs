//! Her documents: attaching one (the class decides who may, the bytes must be an allowed kind),
//! listing and opening those her organisation holds, each opening audited.

use std::sync::Arc;

use domain::Case;
use domain::audit::AuditAction;
use domain::policy::{Action, Actor};
use domain::sight::Sight;
use store::Store;

use super::{allowed, check, event, sight};
use crate::{Acting, Error, FieldError};

/// Attaches a document: the class decides who may (psychosocial: the counsellor), the bytes
/// must be an allowed kind and within the limit.
pub async fn add_document(
    store: &Arc<dyn Store>,
    acting: &Acting,
    case: &Case,
    section: &str,
    name: &str,
    bytes: &[u8],
) -> Result<domain::document::DocumentInfo, Error> {
    let (actor, source, at) = acting.signed_in()?;
    let (class, media_type) = match domain::document::check_document(section, bytes) {
        Ok(checked) => checked,
        Err((_, domain::DomainError::FileTooLarge { .. })) => return Err(Error::TooLarge),
        Err((field, e)) => return Err(Error::Invalid(vec![FieldError::new(field, &e)])),
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
) -> Result<Vec<domain::document::DocumentInfo>, Error> {
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
    acting: &Acting,
    case: &Case,
    id: domain::DocumentId,
) -> Result<(domain::document::DocumentInfo, Vec<u8>), Error> {
    let (actor, source, at) = acting.signed_in()?;
    let id = id.0;
    let seen = sight(store, acting, case).await?;
    let listed = documents(store, actor, case, &seen).await?;
    if !listed.iter().any(|d| d.id == id) {
        return Err(Error::NotFound);
    }
    let audit = event(actor, source, at, AuditAction::DocumentOpened, case)
        .with_detail(crate::accounts::detail(&[("document", &id.to_string())]));
    store
        .open_document(case.id, id, &seen, audit)
        .await?
        .ok_or(Error::NotFound)
}
