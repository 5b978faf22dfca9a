//! The SQL of handovers between organisations; an accepted one moves custody.

macro_rules! impl_handover_store {
    ($store:ty, $db:ty) => {
        impl $store {
            async fn insert_handover_in(
                conn: &mut <$db as sqlx::Database>::Connection,
                h: &domain::handover::Handover,
            ) -> Result<(), $crate::StoreError> {
                sqlx::query(concat!(
                    "INSERT INTO handovers (",
                    $crate::cases::handover::handover_columns!(),
                    ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)"
                ))
                .bind(h.id.to_string())
                .bind(h.case_id.to_string())
                .bind(h.from_org.to_string())
                .bind(h.to_org.to_string())
                .bind(h.state.as_str())
                .bind(&h.reason)
                .bind($crate::cases::join(&h.sections, |s| s.as_str()))
                .bind(h.score)
                .bind($crate::cases::join(&h.gaps, |g| g.as_str()))
                .bind(&h.gaps_reason)
                .bind(&h.decline_reason)
                .bind(h.created_by.to_string())
                .bind(h.created_at.millis())
                .bind(h.sent_at.map(|t| t.millis()))
                .bind(h.acknowledged_at.map(|t| t.millis()))
                .bind(h.decided_at.map(|t| t.millis()))
                .bind(h.version)
                .execute(&mut *conn)
                .await
                .map_err(|e| $crate::StoreError::from_write(e, "handover"))?;
                Ok(())
            }
        }

        #[async_trait::async_trait]
        impl $crate::HandoverStore for $store {
            async fn create_handover(
                &self,
                h: &domain::handover::Handover,
                audit: domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                Self::insert_handover_in(&mut tx, h).await?;
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn handover(
                &self,
                id: uuid::Uuid,
                scope: &domain::scope::CaseScope,
            ) -> Result<Option<domain::handover::Handover>, $crate::StoreError> {
                let (org, user) = $crate::cases::scope_binds(scope);
                let row: Option<$crate::cases::handover::HandoverRow> = sqlx::query_as(concat!(
                    "SELECT ",
                    $crate::cases::handover::handover_columns!(),
                    " FROM handovers WHERE id = $1 AND ",
                    $crate::cases::in_scope!("handovers.case_id", "2", "3")
                ))
                .bind(id.to_string())
                .bind(org)
                .bind(user)
                .fetch_optional(&self.pool)
                .await?;
                row.map(TryInto::try_into).transpose()
            }

            async fn unacknowledged_handovers(
                &self,
                sent_before: domain::Timestamp,
            ) -> Result<Vec<domain::handover::Handover>, $crate::StoreError> {
                let rows: Vec<$crate::cases::handover::HandoverRow> = sqlx::query_as(concat!(
                    "SELECT ",
                    $crate::cases::handover::handover_columns!(),
                    " FROM handovers WHERE state = 'sent' AND sent_at < $1 ORDER BY sent_at, id"
                ))
                .bind(sent_before.millis())
                .fetch_all(&self.pool)
                .await?;
                $crate::rows::convert(rows)
            }

            async fn handovers_of(
                &self,
                org: domain::OrgId,
                incoming: bool,
            ) -> Result<Vec<domain::handover::Handover>, $crate::StoreError> {
                let sql = if incoming {
                    concat!("SELECT ", $crate::cases::handover::handover_columns!(), " FROM handovers WHERE to_org_id = $1 AND state <> 'draft' ORDER BY created_at DESC, id DESC")
                } else {
                    concat!("SELECT ", $crate::cases::handover::handover_columns!(), " FROM handovers WHERE from_org_id = $1 ORDER BY created_at DESC, id DESC")
                };
                let rows: Vec<$crate::cases::handover::HandoverRow> =
                    sqlx::query_as(sql).bind(org.to_string()).fetch_all(&self.pool).await?;
                $crate::rows::convert(rows)
            }

            async fn update_handover(
                &self,
                h: &domain::handover::Handover,
                expected_version: i64,
                custody: Option<(domain::OrgId, domain::UserId)>,
                audit: domain::audit::AuditEvent,
            ) -> Result<domain::handover::Handover, $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                let done = sqlx::query(
                    "UPDATE handovers SET state = $1, sections = $2, score = $3, gaps = $4, gaps_reason = $5, \
                     decline_reason = $6, sent_at = $7, acknowledged_at = $8, decided_at = $9, version = version + 1 \
                     WHERE id = $10 AND version = $11",
                )
                .bind(h.state.as_str())
                .bind($crate::cases::join(&h.sections, |s| s.as_str()))
                .bind(h.score)
                .bind($crate::cases::join(&h.gaps, |g| g.as_str()))
                .bind(&h.gaps_reason)
                .bind(&h.decline_reason)
                .bind(h.sent_at.map(|t| t.millis()))
                .bind(h.acknowledged_at.map(|t| t.millis()))
                .bind(h.decided_at.map(|t| t.millis()))
                .bind(h.id.to_string())
                .bind(expected_version)
                .execute(&mut *tx)
                .await?;
                if done.rows_affected() == 0 {
                    return Err(Self::missing_or_conflict(
                        &mut tx,
                        "SELECT version FROM handovers WHERE id = $1",
                        h.id.to_string(),
                        expected_version,
                    )
                    .await);
                }
                if let Some((org, user)) = custody {
                    let decided = h.decided_at.unwrap_or(audit.at);
                    Self::move_custody_in(&mut tx, h.case_id, org, decided).await?;
                    let at = decided.millis();
                    sqlx::query(
                        "INSERT INTO case_assignments (case_id, user_id, assigned_at, opened_at) \
                         SELECT $1, $2, $3, c.opened_at FROM cases c WHERE c.id = $1 \
                         ON CONFLICT (case_id, user_id) DO NOTHING",
                    )
                    .bind(h.case_id.to_string())
                    .bind(user.to_string())
                    .bind(at)
                    .execute(&mut *tx)
                    .await?;
                }
                Self::append_in(&mut tx, &audit).await?;
                let row: $crate::cases::handover::HandoverRow = sqlx::query_as(concat!(
                    "SELECT ",
                    $crate::cases::handover::handover_columns!(),
                    " FROM handovers WHERE id = $1"
                ))
                .bind(h.id.to_string())
                .fetch_one(&mut *tx)
                .await?;
                tx.commit().await?;
                row.try_into()
            }
        }
    };
}
pub(crate) use impl_handover_store;
