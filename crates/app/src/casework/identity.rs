//! Opening a case and its identity section: her name, family and address, the most guarded
//! part of her record, opened only with an audit entry.

use std::sync::Arc;

use domain::audit::{AuditAction, AuditEvent};
use domain::case::Identity;
use domain::policy::{Action, Resource};
use domain::{Case, CaseCode, CaseId};
use rand_core::{OsRng, RngCore};
use store::{NewCase, Store, StoreError};

use super::access::{check, event, sight};
use super::intake::IntakeInput;
use crate::{Acting, Error, FieldError};

/// The identity section as typed in.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct IdentityInput {
    pub name: String,
    pub family: String,
    pub address: String,
}

fn identity_field(field: &'static str, text: &str, errors: &mut Vec<FieldError>) -> String {
    domain::case::parse_identity_field(text).unwrap_or_else(|e| {
        errors.push(FieldError::new(field, &e));
        domain::text::normalise(text)
    })
}

impl IdentityInput {
    /// Her identity section as it is kept; every problem beside its field (a name is needed).
    pub fn validate(&self, errors: &mut Vec<FieldError>) -> Identity {
        let identity = Identity {
            name: identity_field("name", &self.name, errors),
            family: identity_field("family", &self.family, errors),
            address: identity_field("address", &self.address, errors),
        };
        if identity.name.is_empty() {
            errors.push(FieldError::required("name"));
        }
        identity
    }
}

/// Opens a case in her own organisation, assigned to her, knowing nothing yet of how she came.
pub async fn create(
    store: &Arc<dyn Store>,
    acting: &Acting,
    input: &IdentityInput,
) -> Result<Case, Error> {
    open(store, acting, input, &IntakeInput::default()).await
}

/// Opens a case as it happened: her identity section and the intake facts (when and where she
/// was identified, her age, gender, languages, citizenship, the type of exploitation), every
/// problem of both beside its field.
pub async fn open(
    store: &Arc<dyn Store>,
    acting: &Acting,
    input: &IdentityInput,
    intake: &IntakeInput,
) -> Result<Case, Error> {
    let (actor, source, at) = acting.signed_in()?;
    crate::policy::require(
        actor,
        Action::CreateCase,
        &Resource::Organisation(actor.org_id),
    )?;
    let mut errors = Vec::new();
    let identity = input.validate(&mut errors);
    let zone = store.time_zone_of(actor.org_id).await?;
    let intake = intake.validate(at, &zone, &mut errors);
    if !errors.is_empty() {
        return Err(Error::Invalid(errors));
    }
    // A fresh code; on the rare collision, another.
    for _ in 0..5 {
        let mut bytes = [0_u8; 5];
        OsRng.fill_bytes(&mut bytes);
        let new = NewCase {
            id: CaseId::new(),
            code: CaseCode::from_random(bytes),
            custodian: actor.org_id,
            opened_at: at,
            assigned: vec![actor.user_id],
            identity: identity.clone(),
            intake: intake.clone(),
        };
        let audit = AuditEvent::new(at, AuditAction::CaseCreated, format!("case:{}", new.id))
            .by(actor.user_id, actor.org_id)
            .scoped_to(actor.org_id)
            .from_source(source.to_string())
            .with_detail(crate::accounts::detail(&[("code", new.code.as_str())]));
        match store.create_case(&new, audit).await {
            Err(StoreError::Duplicate(_)) => continue,
            other => return Ok(other?),
        }
    }
    Err(Error::internal("no free case code after five tries"))
}

/// Opens the identity section; the store records the opening in the same transaction.
pub async fn open_identity(
    store: &Arc<dyn Store>,
    acting: &Acting,
    case: &Case,
) -> Result<Identity, Error> {
    let (actor, source, at) = acting.signed_in()?;
    check(actor, Action::OpenIdentity, case)?;
    let seen = sight(store, acting, case).await?;
    let audit = event(actor, source, at, AuditAction::IdentityOpened, case);
    store
        .open_identity(case.id, &seen, audit)
        .await?
        .ok_or(Error::NotFound)
}
