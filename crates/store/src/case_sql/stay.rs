//! The SQL of the terms of her stay.

macro_rules! impl_stay_store {
    ($store:ty, $db:ty) => {
        #[async_trait::async_trait]
        impl $crate::StayStore for $store {
            async fn record_stay_terms(
                &self,
                terms: &domain::stay::StayTerms,
                audit: domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                sqlx::query(
                    "INSERT INTO stay_terms (id, case_id, length_set_by, wants_to_leave_on, org_id, \
                     recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                )
                .bind(uuid::Uuid::now_v7().to_string())
                .bind(terms.case_id.to_string())
                .bind(terms.fields.length_set_by.as_str())
                .bind(terms.fields.wants_to_leave_on.map(domain::voice::format_date_iso))
                .bind(terms.org_id.to_string())
                .bind(terms.recorded_by.to_string())
                .bind(terms.recorded_at.millis())
                .execute(&mut *tx)
                .await?;
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn stay_terms_of(
                &self,
                case: domain::CaseId,
            ) -> Result<Option<domain::stay::StayTerms>, $crate::StoreError> {
                let row: Option<$crate::cases::stay::StayRow> = sqlx::query_as(
                    "SELECT case_id, length_set_by, wants_to_leave_on, org_id, recorded_by, \
                     recorded_at FROM stay_terms WHERE case_id = $1 \
                     ORDER BY recorded_at DESC, id DESC LIMIT 1",
                )
                .bind(case.to_string())
                .fetch_optional(&self.pool)
                .await?;
                row.map(TryInto::try_into).transpose()
            }
        }
    };
}
pub(crate) use impl_stay_store;
