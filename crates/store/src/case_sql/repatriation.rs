//! The SQL of her repatriation: the route's steps copied to her case, and the ones overdue.

macro_rules! impl_repatriation_store {
    ($store:ty, $db:ty) => {
        #[async_trait::async_trait]
        impl $crate::RepatriationStore for $store {
            async fn route_steps(
                &self,
                route: &str,
            ) -> Result<Vec<domain::repatriation::StepTemplate>, $crate::StoreError> {
                let rows: Vec<(String, String, i64)> = sqlx::query_as(
                    "SELECT step_key, agency, expected_days FROM repatriation_route_steps WHERE route = $1 ORDER BY seq",
                )
                .bind(route)
                .fetch_all(&self.pool)
                .await?;
                Ok(rows
                    .into_iter()
                    .map(|(key, agency, expected_days)| domain::repatriation::StepTemplate { key, agency, expected_days })
                    .collect())
            }

            async fn start_repatriation(
                &self,
                case: domain::CaseId,
                route: &str,
                started_on: time::Date,
                audit: domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                sqlx::query("INSERT INTO repatriations (case_id, route, started_on) VALUES ($1, $2, $3)")
                    .bind(case.to_string())
                    .bind(route)
                    .bind(domain::voice::format_date_iso(started_on))
                    .execute(&mut *tx)
                    .await
                    .map_err(|e| $crate::StoreError::from_write(e, "repatriation"))?;
                sqlx::query(
                    "INSERT INTO repatriation_steps (case_id, seq, step_key, agency, expected_days, her_preference) \
                     SELECT $1, seq, step_key, agency, expected_days, '' FROM repatriation_route_steps WHERE route = $2",
                )
                .bind(case.to_string())
                .bind(route)
                .execute(&mut *tx)
                .await?;
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn repatriation(
                &self,
                case: domain::CaseId,
                scope: &domain::scope::CaseScope,
            ) -> Result<Option<(String, time::Date, Vec<domain::repatriation::Step>)>, $crate::StoreError> {
                let (org, user) = $crate::cases::scope_binds(scope);
                // The steps belong to the head row: once the head is within scope, so are they.
                let head: Option<(String, String)> = sqlx::query_as(concat!(
                    "SELECT route, started_on FROM repatriations WHERE case_id = $1 AND ",
                    $crate::cases::in_scope!("$1", "2", "3")
                ))
                        .bind(case.to_string())
                        .bind(org)
                        .bind(user)
                        .fetch_optional(&self.pool)
                        .await?;
                let Some((route, started_on)) = head else {
                    return Ok(None);
                };
                let rows: Vec<$crate::cases::repatriation::StepRow> = sqlx::query_as(
                    "SELECT case_id, seq, step_key, agency, expected_days, done_on, her_preference, updated_by, updated_at \
                     FROM repatriation_steps WHERE case_id = $1 ORDER BY seq",
                )
                .bind(case.to_string())
                .fetch_all(&self.pool)
                .await?;
                let started_on = $crate::stored::parse_column("started_on", &started_on, domain::voice::parse_date)?;
                Ok(Some((route, started_on, $crate::rows::convert(rows)?)))
            }

            async fn update_step(
                &self,
                step: &domain::repatriation::Step,
                audit: domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                let done = sqlx::query(
                    "UPDATE repatriation_steps SET done_on = $1, her_preference = $2, updated_by = $3, updated_at = $4 \
                     WHERE case_id = $5 AND seq = $6",
                )
                .bind(step.done_on.map(domain::voice::format_date_iso))
                .bind(&step.her_preference)
                .bind(step.updated_by.map(|u| u.to_string()))
                .bind(step.updated_at.map(|t| t.millis()))
                .bind(step.case_id.to_string())
                .bind(step.seq)
                .execute(&mut *tx)
                .await?;
                if done.rows_affected() == 0 {
                    return Err($crate::StoreError::NotFound);
                }
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn overdue_steps(
                &self,
                custodian: domain::OrgId,
                today: time::Date,
            ) -> Result<Vec<$crate::OverdueStep>, $crate::StoreError> {
                // Every step of each repatriation still under way: when a step is due depends on
                // the steps before it, which the domain works out.
                let rows: Vec<$crate::cases::repatriation::CodedStepRow> = sqlx::query_as(
                    "SELECT c.code, r.started_on, s.case_id, s.seq, s.step_key, s.agency, s.expected_days, s.done_on, \
                     s.her_preference, s.updated_by, s.updated_at \
                     FROM cases c JOIN repatriations r ON r.case_id = c.id JOIN repatriation_steps s ON s.case_id = c.id \
                     WHERE c.custodian_org_id = $1 AND c.stage <> 'closed' \
                     AND EXISTS (SELECT 1 FROM repatriation_steps o WHERE o.case_id = c.id AND o.done_on IS NULL) \
                     ORDER BY c.id, s.seq",
                )
                .bind(custodian.to_string())
                .fetch_all(&self.pool)
                .await?;
                $crate::cases::repatriation::overdue_steps(rows, today)
            }
        }
    };
}
pub(crate) use impl_repatriation_store;
