//! The SQL of her consents and their revocation.

macro_rules! impl_consent_store {
    ($store:ty, $db:ty) => {
        impl $store {
            async fn insert_consent_in(
                conn: &mut <$db as sqlx::Database>::Connection,
                consent: &domain::consent::Consent,
            ) -> Result<(), $crate::StoreError> {
                let f = &consent.fields;
                sqlx::query(concat!(
                    "INSERT INTO consents (",
                    $crate::cases::consent::consent_columns!(),
                    ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)"
                ))
                .bind(consent.id.to_string())
                .bind(consent.case_id.to_string())
                .bind(f.purpose.as_str())
                .bind(f.section.map(|s| s.as_str()))
                .bind(f.organisation.map(|o| o.to_string()))
                .bind(&f.explained_how)
                .bind(f.explained_in.code())
                .bind(&f.explained_by)
                .bind(f.expires_on.map(domain::voice::format_date_iso))
                .bind(consent.recorded_by.to_string())
                .bind(consent.recorded_at.millis())
                .bind(consent.revoked_at.map(|t| t.millis()))
                .bind(consent.revoked_reason.as_deref())
                .execute(&mut *conn)
                .await?;
                Ok(())
            }
        }

        #[async_trait::async_trait]
        impl $crate::ConsentStore for $store {
            async fn record_consent(
                &self,
                consent: &domain::consent::Consent,
                audit: domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                Self::insert_consent_in(&mut tx, consent).await?;
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn consents_of(
                &self,
                case: domain::CaseId,
                scope: &domain::scope::CaseScope,
            ) -> Result<Vec<domain::consent::Consent>, $crate::StoreError> {
                let (org, user) = $crate::cases::scope_binds(scope);
                let rows: Vec<$crate::cases::consent::ConsentRow> = sqlx::query_as(concat!(
                    "SELECT ",
                    $crate::cases::consent::consent_columns!(),
                    " FROM consents WHERE case_id = $1 AND ",
                    $crate::cases::in_scope!("$1", "2", "3"),
                    " ORDER BY recorded_at, id"
                ))
                .bind(case.to_string())
                .bind(org)
                .bind(user)
                .fetch_all(&self.pool)
                .await?;
                $crate::rows::convert(rows)
            }

            async fn revoke_consent(
                &self,
                id: uuid::Uuid,
                by: domain::UserId,
                at: domain::Timestamp,
                reason: &str,
                audit: domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                let done = sqlx::query(
                    "UPDATE consents SET revoked_at = $1, revoked_by = $2, revoked_reason = $3 \
                     WHERE id = $4 AND revoked_at IS NULL",
                )
                .bind(at.millis())
                .bind(by.to_string())
                .bind(reason)
                .bind(id.to_string())
                .execute(&mut *tx)
                .await?;
                if done.rows_affected() == 0 {
                    return Err($crate::StoreError::NotFound);
                }
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(())
            }
        }
    };
}
pub(crate) use impl_consent_store;
