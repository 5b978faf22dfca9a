//! The SQL of forms and assessments, shared by both engines.

macro_rules! impl_form_store {
    ($store:ty, $db:ty) => {
        impl $store {
            async fn insert_form_in(
                conn: &mut <$db as sqlx::Database>::Connection,
                def: &domain::form::FormDef,
                by: Option<domain::UserId>,
                at: domain::Timestamp,
            ) -> Result<i64, $crate::StoreError> {
                let current: Option<i64> =
                    sqlx::query_scalar("SELECT MAX(version) FROM form_versions WHERE form_key = $1")
                        .bind(&def.key)
                        .fetch_one(&mut *conn)
                        .await?;
                let version = current.unwrap_or(0) + 1;
                let json = serde_json::to_string(def)
                    .map_err(|e| $crate::StoreError::Corrupt(e.to_string()))?;
                sqlx::query(
                    "INSERT INTO form_versions (form_key, version, definition, created_by, created_at) \
                     VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(&def.key)
                .bind(version)
                .bind(json)
                .bind(by.map(|u| u.to_string()))
                .bind(at.millis())
                .execute(&mut *conn)
                .await
                .map_err(|e| $crate::StoreError::from_write(e, "form version"))?;
                Ok(version)
            }
        }

        #[async_trait::async_trait]
        impl $crate::FormStore for $store {
            async fn forms(&self) -> Result<Vec<domain::form::FormVersion>, $crate::StoreError> {
                let rows: Vec<$crate::forms::FormRow> = sqlx::query_as(
                    "SELECT f.form_key, f.version, f.definition, f.created_at FROM form_versions f \
                     WHERE f.version = (SELECT MAX(v.version) FROM form_versions v WHERE v.form_key = f.form_key) \
                     ORDER BY f.form_key",
                )
                .fetch_all(&self.pool)
                .await?;
                $crate::rows::convert(rows)
            }

            async fn form(
                &self,
                key: &str,
                version: Option<i64>,
            ) -> Result<Option<domain::form::FormVersion>, $crate::StoreError> {
                let row: Option<$crate::forms::FormRow> = match version {
                    Some(v) => sqlx::query_as(
                        "SELECT form_key, version, definition, created_at FROM form_versions \
                         WHERE form_key = $1 AND version = $2",
                    )
                    .bind(key)
                    .bind(v)
                    .fetch_optional(&self.pool)
                    .await?,
                    None => sqlx::query_as(
                        "SELECT form_key, version, definition, created_at FROM form_versions \
                         WHERE form_key = $1 ORDER BY version DESC LIMIT 1",
                    )
                    .bind(key)
                    .fetch_optional(&self.pool)
                    .await?,
                };
                row.map(TryInto::try_into).transpose()
            }

            async fn add_form_version(
                &self,
                def: &domain::form::FormDef,
                by: Option<domain::UserId>,
                audit: domain::audit::AuditEvent,
            ) -> Result<domain::form::FormVersion, $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                let version = Self::insert_form_in(&mut tx, def, by, audit.at).await?;
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(domain::form::FormVersion {
                    def: def.clone(),
                    version,
                    created_at: audit.at,
                })
            }

            async fn add_assessment_with_files(
                &self,
                a: &domain::form::Assessment,
                files: &[$crate::forms::AnswerFile],
                audit: domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                for file in files {
                    Self::insert_document_in(&mut tx, &file.info, &file.content).await?;
                    Self::append_in(&mut tx, &file.audit).await?;
                }
                let answers = serde_json::to_string(&a.answers)
                    .map_err(|e| $crate::StoreError::Corrupt(e.to_string()))?;
                sqlx::query(
                    "INSERT INTO assessments (id, case_id, form_key, form_version, answers, recorded_by, recorded_at, org_id) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                )
                .bind(a.id.to_string())
                .bind(a.case_id.to_string())
                .bind(&a.form_key)
                .bind(a.form_version)
                .bind(answers)
                .bind(a.recorded_by.to_string())
                .bind(a.recorded_at.millis())
                .bind(a.org.to_string())
                .execute(&mut *tx)
                .await?;
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn assessment(
                &self,
                id: uuid::Uuid,
            ) -> Result<Option<domain::form::Assessment>, $crate::StoreError> {
                let row: Option<$crate::forms::AssessmentRow> = sqlx::query_as(
                    "SELECT id, case_id, form_key, form_version, answers, recorded_by, recorded_at, org_id \
                     FROM assessments WHERE id = $1",
                )
                .bind(id.to_string())
                .fetch_optional(&self.pool)
                .await?;
                row.map(TryInto::try_into).transpose()
            }

            async fn assessments_of(
                &self,
                case: domain::CaseId,
            ) -> Result<Vec<domain::form::Assessment>, $crate::StoreError> {
                let rows: Vec<$crate::forms::AssessmentRow> = sqlx::query_as(
                    "SELECT id, case_id, form_key, form_version, answers, recorded_by, recorded_at, org_id \
                     FROM assessments WHERE case_id = $1 ORDER BY recorded_at DESC, id DESC",
                )
                .bind(case.to_string())
                .fetch_all(&self.pool)
                .await?;
                $crate::rows::convert(rows)
            }

            async fn seed_forms(
                &self,
                defs: &[domain::form::FormDef],
                at: domain::Timestamp,
            ) -> Result<bool, $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                let seeded: Option<i64> = sqlx::query_scalar("SELECT at FROM forms_seeded WHERE id = 1")
                    .fetch_optional(&mut *tx)
                    .await?;
                if seeded.is_none() {
                    sqlx::query("INSERT INTO forms_seeded (id, at) VALUES (1, $1)")
                        .bind(at.millis())
                        .execute(&mut *tx)
                        .await
                        .map_err(|e| $crate::StoreError::from_write(e, "forms seed"))?;
                }
                // A built-in form that a later release added arrives too; one the network
                // already has (and may have revised) is left as it is.
                let mut added = false;
                for def in defs {
                    let known: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM form_versions WHERE form_key = $1")
                        .bind(&def.key)
                        .fetch_one(&mut *tx)
                        .await?;
                    if known == 0 {
                        Self::insert_form_in(&mut tx, def, None, at).await?;
                        added = true;
                    }
                }
                tx.commit().await?;
                Ok(added)
            }
        }
    };
}

pub(crate) use impl_form_store;
