//! The SQL of decisions about her, with how she took part in each.

macro_rules! impl_decision_store {
    ($store:ty, $db:ty) => {
        impl $store {
            /// Shared by `log_decision` and by the import of a handover package.
            async fn insert_decision_in(
                conn: &mut <$db as sqlx::Database>::Connection,
                decision: &domain::decision::Decision,
            ) -> Result<(), $crate::StoreError> {
                let f = &decision.fields;
                sqlx::query(
                    "INSERT INTO decisions (id, case_id, topic, what, decided_by, options, her_choice, \
                     participation, her_view, absent_reason, recorded_by, recorded_at, org_id) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, \
                     (SELECT org_id FROM users WHERE id = $11))",
                )
                .bind(decision.id.to_string())
                .bind(decision.case_id.to_string())
                .bind(f.topic.as_str())
                .bind(&f.what)
                .bind(&f.decided_by)
                .bind(f.options.join("\n"))
                .bind(&f.her_choice)
                .bind(f.participation.as_str())
                .bind(&f.her_view)
                .bind(&f.absent_reason)
                .bind(decision.recorded_by.to_string())
                .bind(decision.recorded_at.millis())
                .execute(&mut *conn)
                .await?;
                Ok(())
            }
        }

        #[async_trait::async_trait]
        impl $crate::DecisionStore for $store {
            async fn log_decision(
                &self,
                decision: &domain::decision::Decision,
                audit: domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                Self::insert_decision_in(&mut tx, decision).await?;
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn decisions_of(
                &self,
                case: domain::CaseId,
                sight: &domain::sight::Sight,
            ) -> Result<Vec<domain::decision::Decision>, $crate::StoreError> {
                let rows: Vec<$crate::cases::decision::DecisionRow> = sqlx::query_as(concat!(
                    "SELECT id, case_id, topic, what, decided_by, options, her_choice, participation, \
                     her_view, absent_reason, recorded_by, recorded_at FROM decisions \
                     WHERE case_id = $1 AND ",
                    $crate::cases::visible!("2", "3", "'voice'"),
                    " ORDER BY recorded_at, id"
                ))
                .bind(case.to_string())
                .bind(sight.org().to_string())
                .bind($crate::cases::shared_sections(sight))
                .fetch_all(&self.pool)
                .await?;
                $crate::rows::convert(rows)
            }
        }
    };
}
pub(crate) use impl_decision_store;
