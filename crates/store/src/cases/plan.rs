//! What the store keeps of her plan: every version, and the reviews of it.

use async_trait::async_trait;
use domain::audit::AuditEvent;
use domain::plan::{Plan, PlanBody, PlanReview};
use domain::sight::Sight;
use domain::{CaseId, Timestamp, UserId};

use crate::StoreError;
use crate::stored::Stored;

/// Her plan, versioned per organisation, and its reviews.
#[async_trait]
pub trait PlanStore: Send + Sync {
    /// The newest version of her plan that `sight` reaches: each organisation continues the
    /// plan it can see, and a version belongs to the organisation that saved it.
    async fn plan(&self, case: CaseId, sight: &Sight) -> Result<Option<Plan>, StoreError>;
    /// Saves a new version of the plan. `expected_version` is the version it was based on (0
    /// for the first plan), the newest its writer's `sight` reaches; `Conflict` when someone
    /// saved meanwhile. Every version is kept.
    async fn save_plan(&self, save: &PlanSave<'_>, audit: AuditEvent) -> Result<Plan, StoreError>;
    /// Marks `version` approved; `Conflict` if the plan `sight` reaches has moved on.
    async fn approve_plan(
        &self,
        case: CaseId,
        version: i64,
        sight: &Sight,
        audit: AuditEvent,
    ) -> Result<Plan, StoreError>;
    async fn add_plan_review(
        &self,
        case: CaseId,
        review: &PlanReview,
        audit: AuditEvent,
    ) -> Result<(), StoreError>;
    /// Those `sight` reaches, oldest first.
    async fn plan_reviews(
        &self,
        case: CaseId,
        sight: &Sight,
    ) -> Result<Vec<PlanReview>, StoreError>;
}

/// A new version of her plan, as its writer sees the plan.
#[derive(Debug, Clone)]
pub struct PlanSave<'a> {
    pub case: CaseId,
    pub expected_version: i64,
    pub body: &'a PlanBody,
    pub by: UserId,
    pub at: Timestamp,
    pub sight: &'a Sight,
}

#[derive(sqlx::FromRow)]
pub(crate) struct PlanRow {
    pub(crate) body: String,
    pub(crate) version: i64,
    pub(crate) updated_by: Option<Stored<UserId>>,
    pub(crate) updated_at: i64,
    pub(crate) approved_version: Option<i64>,
}

impl TryFrom<PlanRow> for Plan {
    type Error = StoreError;
    fn try_from(row: PlanRow) -> Result<Self, StoreError> {
        Ok(Plan {
            body: serde_json::from_str(&row.body)
                .map_err(|e| StoreError::Corrupt(format!("plan: {e}")))?,
            version: row.version,
            updated_by: row.updated_by.map(Stored::into_inner),
            updated_at: Timestamp(row.updated_at),
            approved_version: row.approved_version,
        })
    }
}

pub(crate) fn plan_json(body: &PlanBody) -> Result<String, StoreError> {
    serde_json::to_string(body).map_err(|e| StoreError::Corrupt(format!("plan: {e}")))
}

#[derive(sqlx::FromRow)]
pub(crate) struct ReviewRow {
    id: Stored<uuid::Uuid>,
    plan_version: i64,
    agreement: Stored<domain::plan::Agreement>,
    her_words: String,
    notes: String,
    reviewed_by: Stored<UserId>,
    reviewed_at: i64,
}

impl TryFrom<ReviewRow> for PlanReview {
    type Error = StoreError;
    fn try_from(row: ReviewRow) -> Result<Self, StoreError> {
        Ok(PlanReview {
            id: row.id.0,
            plan_version: row.plan_version,
            agreement: row.agreement.0,
            her_words: row.her_words,
            notes: row.notes,
            reviewed_by: row.reviewed_by.0,
            reviewed_at: Timestamp(row.reviewed_at),
        })
    }
}
