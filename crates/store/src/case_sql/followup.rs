//! The SQL of follow-ups after her return, and the updates sent back to the organisation that
//! handed her case over.

macro_rules! impl_followup_store {
    ($store:ty, $db:ty) => {
        #[async_trait::async_trait]
        impl $crate::FollowUpStore for $store {
            async fn followups_of(
                &self,
                case: domain::CaseId,
                scope: &domain::scope::CaseScope,
            ) -> Result<Vec<domain::followup::FollowUp>, $crate::StoreError> {
                let (org, user) = $crate::cases::scope_binds(scope);
                let rows: Vec<$crate::cases::followup::FollowUpRow> = sqlx::query_as(concat!(
                    "SELECT id, case_id, due_on, outcome, her_words, done_by, done_at FROM followups \
                     WHERE case_id = $1 AND ",
                    $crate::cases::in_scope!("$1", "2", "3"),
                    " ORDER BY due_on, id"
                ))
                .bind(case.to_string())
                .bind(org)
                .bind(user)
                .fetch_all(&self.pool)
                .await?;
                $crate::rows::convert(rows)
            }

            async fn record_followup(
                &self,
                id: uuid::Uuid,
                result: &domain::followup::FollowUpResult,
                update: Option<&domain::followup::FollowUpUpdate>,
                audit: domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                let done = sqlx::query(
                    "UPDATE followups SET outcome = $1, her_words = $2, done_by = $3, done_at = $4 \
                     WHERE id = $5 AND done_at IS NULL",
                )
                .bind(result.outcome.as_str())
                .bind(&result.her_words)
                .bind(result.by.to_string())
                .bind(result.at.millis())
                .bind(id.to_string())
                .execute(&mut *tx)
                .await?;
                if done.rows_affected() == 0 {
                    return Err($crate::StoreError::Conflict { expected: 0, current: 1 });
                }
                if let Some(u) = update {
                    sqlx::query(
                        "INSERT INTO followup_updates (id, handover_id, outcome, her_words, at) VALUES ($1, $2, $3, $4, $5)",
                    )
                    .bind(u.id.to_string())
                    .bind(u.handover_id.to_string())
                    .bind(u.outcome.as_str())
                    .bind(&u.her_words)
                    .bind(u.at.millis())
                    .execute(&mut *tx)
                    .await?;
                }
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn followup_updates(
                &self,
                handover: uuid::Uuid,
            ) -> Result<Vec<domain::followup::FollowUpUpdate>, $crate::StoreError> {
                let rows: Vec<$crate::cases::followup::UpdateRow> = sqlx::query_as(
                    "SELECT id, handover_id, outcome, her_words, at FROM followup_updates WHERE handover_id = $1 ORDER BY at, id",
                )
                .bind(handover.to_string())
                .fetch_all(&self.pool)
                .await?;
                $crate::rows::convert(rows)
            }

            async fn overdue_followups(
                &self,
                custodian: domain::OrgId,
                today: time::Date,
            ) -> Result<Vec<(domain::CaseCode, domain::followup::FollowUp)>, $crate::StoreError> {
                // ISO dates compare as text.
                let rows: Vec<$crate::cases::followup::CodedFollowUpRow> = sqlx::query_as(
                    "SELECT c.code, f.id, f.case_id, f.due_on, f.outcome, f.her_words, f.done_by, f.done_at \
                     FROM cases c JOIN followups f ON f.case_id = c.id \
                     WHERE c.custodian_org_id = $1 AND c.stage <> 'closed' AND f.done_at IS NULL AND f.due_on < $2 \
                     ORDER BY f.due_on, c.code, f.id",
                )
                .bind(custodian.to_string())
                .bind(domain::voice::format_date_iso(today))
                .fetch_all(&self.pool)
                .await?;
                $crate::rows::convert(rows)
            }
        }
    };
}
pub(crate) use impl_followup_store;
