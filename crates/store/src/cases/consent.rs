//! What the store keeps of her consents.

use async_trait::async_trait;
use domain::audit::AuditEvent;
use domain::consent::{Consent, ConsentFields};
use domain::voice::parse_date;
use domain::{CaseId, OrgId, Timestamp, UserId};

use crate::StoreError;
use crate::stored::{Stored, parse_column};

/// What she agreed to, and when she took it back.
#[async_trait]
pub trait ConsentStore: Send + Sync {
    async fn record_consent(&self, consent: &Consent, audit: AuditEvent) -> Result<(), StoreError>;
    /// Oldest first, revoked ones included.
    async fn consents_of(
        &self,
        case: CaseId,
        scope: &domain::scope::CaseScope,
    ) -> Result<Vec<Consent>, StoreError>;
    /// Revokes an active consent; `NotFound` when there is no such consent still active.
    async fn revoke_consent(
        &self,
        id: uuid::Uuid,
        by: UserId,
        at: Timestamp,
        reason: &str,
        audit: AuditEvent,
    ) -> Result<(), StoreError>;
}

macro_rules! consent_columns {
    () => {
        "id, case_id, purpose, section, organisation_id, explained_how, explained_in, explained_by, \
         expires_on, recorded_by, recorded_at, revoked_at, revoked_reason"
    };
}
pub(crate) use consent_columns;

#[derive(sqlx::FromRow)]
pub(crate) struct ConsentRow {
    id: Stored<uuid::Uuid>,
    case_id: Stored<CaseId>,
    purpose: Stored<domain::consent::Purpose>,
    section: Option<Stored<domain::consent::SectionClass>>,
    organisation_id: Option<Stored<OrgId>>,
    explained_how: String,
    explained_in: Stored<domain::Language>,
    explained_by: String,
    expires_on: Option<String>,
    recorded_by: Stored<UserId>,
    recorded_at: i64,
    revoked_at: Option<i64>,
    revoked_reason: Option<String>,
}

impl TryFrom<ConsentRow> for Consent {
    type Error = StoreError;
    fn try_from(row: ConsentRow) -> Result<Self, StoreError> {
        Ok(Consent {
            id: row.id.0,
            case_id: row.case_id.0,
            fields: ConsentFields {
                purpose: row.purpose.0,
                section: row.section.map(Stored::into_inner),
                organisation: row.organisation_id.map(Stored::into_inner),
                explained_how: row.explained_how,
                explained_in: row.explained_in.0,
                explained_by: row.explained_by,
                expires_on: row
                    .expires_on
                    .map(|d| parse_column("expires_on", &d, parse_date))
                    .transpose()?,
            },
            recorded_by: row.recorded_by.0,
            recorded_at: Timestamp(row.recorded_at),
            revoked_at: row.revoked_at.map(Timestamp),
            revoked_reason: row.revoked_reason,
        })
    }
}
