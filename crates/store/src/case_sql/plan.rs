//! The SQL of her plan: every saved version is kept and belongs to the organisation that saved
//! it; reviews of it likewise.

macro_rules! impl_plan_store {
    ($store:ty, $db:ty) => {
        impl $store {
            /// The newest version of the plan that `sight` reaches, with the newest approved
            /// one it reaches.
            async fn plan_in(
                conn: &mut <$db as sqlx::Database>::Connection,
                case: domain::CaseId,
                sight: &domain::sight::Sight,
            ) -> Result<Option<domain::plan::Plan>, $crate::StoreError> {
                let row: Option<$crate::cases::plan::PlanRow> = sqlx::query_as(concat!(
                    "SELECT body, version, saved_by AS updated_by, saved_at AS updated_at, \
                     (SELECT MAX(w.version) FROM plan_versions w WHERE w.case_id = $1 AND w.approved_at IS NOT NULL AND ",
                    $crate::cases::visible!("2", "3", "'voice'"),
                    ") AS approved_version FROM plan_versions WHERE case_id = $1 AND ",
                    $crate::cases::visible!("2", "3", "'voice'"),
                    " ORDER BY version DESC LIMIT 1"
                ))
                .bind(case.to_string())
                .bind(sight.org().to_string())
                .bind($crate::cases::shared_sections(sight))
                .fetch_optional(&mut *conn)
                .await?;
                row.map(TryInto::try_into).transpose()
            }

            async fn insert_review_in(
                conn: &mut <$db as sqlx::Database>::Connection,
                case: domain::CaseId,
                review: &domain::plan::PlanReview,
            ) -> Result<(), $crate::StoreError> {
                sqlx::query(
                    "INSERT INTO plan_reviews (id, case_id, plan_version, agreement, her_words, notes, reviewed_by, \
                     reviewed_at, org_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, (SELECT org_id FROM users WHERE id = $7))",
                )
                .bind(review.id.to_string())
                .bind(case.to_string())
                .bind(review.plan_version)
                .bind(review.agreement.as_str())
                .bind(&review.her_words)
                .bind(&review.notes)
                .bind(review.reviewed_by.to_string())
                .bind(review.reviewed_at.millis())
                .execute(&mut *conn)
                .await?;
                Ok(())
            }
        }

        #[async_trait::async_trait]
        impl $crate::PlanStore for $store {
            async fn plan(
                &self,
                case: domain::CaseId,
                sight: &domain::sight::Sight,
            ) -> Result<Option<domain::plan::Plan>, $crate::StoreError> {
                let mut conn = self.pool.acquire().await?;
                Self::plan_in(&mut conn, case, sight).await
            }

            async fn save_plan(
                &self,
                save: &$crate::PlanSave<'_>,
                audit: domain::audit::AuditEvent,
            ) -> Result<domain::plan::Plan, $crate::StoreError> {
                let case = save.case;
                let mut tx = self.begin_write().await?;
                let json = $crate::cases::plan::plan_json(save.body)?;
                // Based on the newest version its writer can see; numbered after every version
                // of the case, whoever wrote it.
                let current = Self::plan_in(&mut tx, case, save.sight).await?.map_or(0, |p| p.version);
                if current != save.expected_version {
                    return Err($crate::StoreError::Conflict { expected: save.expected_version, current });
                }
                let newest: Option<i64> =
                    sqlx::query_scalar("SELECT MAX(version) FROM plan_versions WHERE case_id = $1")
                        .bind(case.to_string())
                        .fetch_one(&mut *tx)
                        .await?;
                let version = newest.unwrap_or(0) + 1;
                sqlx::query(
                    "INSERT INTO plans (case_id, body, version, updated_by, updated_at, approved_version) \
                     VALUES ($1, $2, $3, $4, $5, NULL) \
                     ON CONFLICT (case_id) DO UPDATE SET body = $2, version = $3, updated_by = $4, updated_at = $5",
                )
                .bind(case.to_string())
                .bind(&json)
                .bind(version)
                .bind(save.by.to_string())
                .bind(save.at.millis())
                .execute(&mut *tx)
                .await
                .map_err(|e| $crate::StoreError::from_write(e, "plan"))?;
                sqlx::query(
                    "INSERT INTO plan_versions (case_id, version, body, saved_by, saved_at, org_id) \
                     VALUES ($1, $2, $3, $4, $5, (SELECT org_id FROM users WHERE id = $4))",
                )
                .bind(case.to_string())
                .bind(version)
                .bind(&json)
                .bind(save.by.to_string())
                .bind(save.at.millis())
                .execute(&mut *tx)
                .await
                .map_err(|e| $crate::StoreError::from_write(e, "plan"))?;
                Self::append_in(&mut tx, &audit).await?;
                let plan = Self::plan_in(&mut tx, case, save.sight).await?.ok_or($crate::StoreError::NotFound)?;
                tx.commit().await?;
                Ok(plan)
            }

            async fn approve_plan(
                &self,
                case: domain::CaseId,
                version: i64,
                sight: &domain::sight::Sight,
                audit: domain::audit::AuditEvent,
            ) -> Result<domain::plan::Plan, $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                let Some(current) = Self::plan_in(&mut tx, case, sight).await? else {
                    return Err($crate::StoreError::NotFound);
                };
                if current.version != version {
                    return Err($crate::StoreError::Conflict { expected: version, current: current.version });
                }
                sqlx::query("UPDATE plan_versions SET approved_at = $1 WHERE case_id = $2 AND version = $3")
                    .bind(audit.at.millis())
                    .bind(case.to_string())
                    .bind(version)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query("UPDATE plans SET approved_version = $1 WHERE case_id = $2 AND version = $1")
                    .bind(version)
                    .bind(case.to_string())
                    .execute(&mut *tx)
                    .await?;
                Self::append_in(&mut tx, &audit).await?;
                let plan = Self::plan_in(&mut tx, case, sight).await?.ok_or($crate::StoreError::NotFound)?;
                tx.commit().await?;
                Ok(plan)
            }

            async fn add_plan_review(
                &self,
                case: domain::CaseId,
                review: &domain::plan::PlanReview,
                audit: domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                Self::insert_review_in(&mut tx, case, review).await?;
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn plan_reviews(
                &self,
                case: domain::CaseId,
                sight: &domain::sight::Sight,
            ) -> Result<Vec<domain::plan::PlanReview>, $crate::StoreError> {
                let rows: Vec<$crate::cases::plan::ReviewRow> = sqlx::query_as(concat!(
                    "SELECT id, plan_version, agreement, her_words, notes, reviewed_by, reviewed_at \
                     FROM plan_reviews WHERE case_id = $1 AND ",
                    $crate::cases::visible!("2", "3", "'voice'"),
                    " ORDER BY reviewed_at, id"
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
pub(crate) use impl_plan_store;
