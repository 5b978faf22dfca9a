//! The SQL of the glossary, shared by both engines.

macro_rules! impl_glossary_store {
    ($store:ty, $db:ty) => {
        impl $store {
            async fn term_in(
                conn: &mut <$db as sqlx::Database>::Connection,
                id: uuid::Uuid,
            ) -> Result<Option<domain::glossary::GlossaryTerm>, $crate::StoreError> {
                let row: Option<$crate::glossary::TermRow> = sqlx::query_as(concat!(
                    "SELECT ",
                    $crate::glossary::glossary_columns!(),
                    " FROM glossary_terms WHERE id = $1"
                ))
                .bind(id.to_string())
                .fetch_optional(&mut *conn)
                .await?;
                row.map(TryInto::try_into).transpose()
            }

            async fn insert_term_in(
                conn: &mut <$db as sqlx::Database>::Connection,
                id: uuid::Uuid,
                draft: &domain::glossary::TermDraft,
                by: Option<domain::UserId>,
                at: domain::Timestamp,
            ) -> Result<(), $crate::StoreError> {
                sqlx::query(
                    "INSERT INTO glossary_terms (id, term, term_key, synonyms, explanation_bn, explanation_hi, \
                     explanation_en, version, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8, $9)",
                )
                .bind(id.to_string())
                .bind(&draft.term)
                .bind(domain::glossary::key(&draft.term))
                .bind(draft.synonyms.join("\n"))
                .bind(&draft.explanations.bn)
                .bind(&draft.explanations.hi)
                .bind(&draft.explanations.en)
                .bind(by.map(|u| u.to_string()))
                .bind(at.millis())
                .execute(&mut *conn)
                .await
                .map_err(|e| $crate::StoreError::from_write(e, "glossary term"))?;
                Ok(())
            }
        }

        #[async_trait::async_trait]
        impl $crate::GlossaryStore for $store {
            async fn glossary(&self) -> Result<Vec<domain::glossary::GlossaryTerm>, $crate::StoreError> {
                let rows: Vec<$crate::glossary::TermRow> = sqlx::query_as(concat!(
                    "SELECT ",
                    $crate::glossary::glossary_columns!(),
                    " FROM glossary_terms ORDER BY term_key"
                ))
                .fetch_all(&self.pool)
                .await?;
                $crate::rows::convert(rows)
            }

            async fn glossary_term(
                &self,
                id: uuid::Uuid,
            ) -> Result<Option<domain::glossary::GlossaryTerm>, $crate::StoreError> {
                let mut conn = self.pool.acquire().await?;
                Self::term_in(&mut conn, id).await
            }

            async fn add_term(
                &self,
                id: uuid::Uuid,
                draft: &domain::glossary::TermDraft,
                by: Option<domain::UserId>,
                audit: domain::audit::AuditEvent,
            ) -> Result<domain::glossary::GlossaryTerm, $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                Self::insert_term_in(&mut tx, id, draft, by, audit.at).await?;
                Self::append_in(&mut tx, &audit).await?;
                let term = Self::term_in(&mut tx, id).await?.ok_or($crate::StoreError::NotFound)?;
                tx.commit().await?;
                Ok(term)
            }

            async fn update_term(
                &self,
                id: uuid::Uuid,
                expected_version: i64,
                draft: &domain::glossary::TermDraft,
                by: Option<domain::UserId>,
                audit: domain::audit::AuditEvent,
            ) -> Result<domain::glossary::GlossaryTerm, $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                let done = sqlx::query(
                    "UPDATE glossary_terms SET term = $1, term_key = $2, synonyms = $3, explanation_bn = $4, \
                     explanation_hi = $5, explanation_en = $6, version = version + 1, updated_by = $7, updated_at = $8 \
                     WHERE id = $9 AND version = $10",
                )
                .bind(&draft.term)
                .bind(domain::glossary::key(&draft.term))
                .bind(draft.synonyms.join("\n"))
                .bind(&draft.explanations.bn)
                .bind(&draft.explanations.hi)
                .bind(&draft.explanations.en)
                .bind(by.map(|u| u.to_string()))
                .bind(audit.at.millis())
                .bind(id.to_string())
                .bind(expected_version)
                .execute(&mut *tx)
                .await
                .map_err(|e| $crate::StoreError::from_write(e, "glossary term"))?;
                if done.rows_affected() == 0 {
                    return Err(Self::missing_or_conflict(
                        &mut tx,
                        "SELECT version FROM glossary_terms WHERE id = $1",
                        id.to_string(),
                        expected_version,
                    )
                    .await);
                }
                Self::append_in(&mut tx, &audit).await?;
                let term = Self::term_in(&mut tx, id).await?.ok_or($crate::StoreError::NotFound)?;
                tx.commit().await?;
                Ok(term)
            }

            async fn remove_term(
                &self,
                id: uuid::Uuid,
                expected_version: i64,
                audit: domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                let done = sqlx::query("DELETE FROM glossary_terms WHERE id = $1 AND version = $2")
                    .bind(id.to_string())
                    .bind(expected_version)
                    .execute(&mut *tx)
                    .await?;
                if done.rows_affected() == 0 {
                    return Err(Self::missing_or_conflict(
                        &mut tx,
                        "SELECT version FROM glossary_terms WHERE id = $1",
                        id.to_string(),
                        expected_version,
                    )
                    .await);
                }
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn seed_glossary(
                &self,
                terms: &[domain::glossary::TermDraft],
                at: domain::Timestamp,
            ) -> Result<bool, $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                let seeded: Option<i64> = sqlx::query_scalar("SELECT at FROM glossary_seeded WHERE id = 1")
                    .fetch_optional(&mut *tx)
                    .await?;
                if seeded.is_some() {
                    return Ok(false);
                }
                // Two servers starting at once on one PostgreSQL: the second one's insert of the
                // marker fails on its key and its transaction is rolled back whole.
                sqlx::query("INSERT INTO glossary_seeded (id, at) VALUES (1, $1)")
                    .bind(at.millis())
                    .execute(&mut *tx)
                    .await
                    .map_err(|e| $crate::StoreError::from_write(e, "glossary seed"))?;
                for draft in terms {
                    Self::insert_term_in(&mut tx, uuid::Uuid::now_v7(), draft, None, at).await?;
                }
                tx.commit().await?;
                Ok(true)
            }
        }
    };
}

pub(crate) use impl_glossary_store;
