//! What the store keeps of the terms of her stay: every recording, the newest in force.

use async_trait::async_trait;
use domain::audit::AuditEvent;
use domain::plan::SetBy;
use domain::stay::{StayTerms, StayTermsFields};
use domain::voice::parse_date;
use domain::{CaseId, OrgId, Timestamp, UserId};

use crate::StoreError;
use crate::stored::{Stored, parse_column};

/// Who set the length of her stay and the date she wants to leave.
#[async_trait]
pub trait StayStore: Send + Sync {
    /// Records the terms (the organisation is the recorder's), with its audit entry.
    async fn record_stay_terms(
        &self,
        terms: &StayTerms,
        audit: AuditEvent,
    ) -> Result<(), StoreError>;
    /// The terms in force: the newest recording, if any.
    async fn stay_terms_of(&self, case: CaseId) -> Result<Option<StayTerms>, StoreError>;
}

#[derive(sqlx::FromRow)]
pub(crate) struct StayRow {
    case_id: Stored<CaseId>,
    length_set_by: Stored<SetBy>,
    wants_to_leave_on: Option<String>,
    org_id: Stored<OrgId>,
    recorded_by: Stored<UserId>,
    recorded_at: i64,
}

impl TryFrom<StayRow> for StayTerms {
    type Error = StoreError;
    fn try_from(row: StayRow) -> Result<Self, StoreError> {
        Ok(StayTerms {
            case_id: row.case_id.0,
            fields: StayTermsFields {
                length_set_by: row.length_set_by.0,
                wants_to_leave_on: row
                    .wants_to_leave_on
                    .map(|d| parse_column("wants_to_leave_on", &d, parse_date))
                    .transpose()?,
            },
            org_id: row.org_id.0,
            recorded_by: row.recorded_by.0,
            recorded_at: Timestamp(row.recorded_at),
        })
    }
}
