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
                let Some(term) = row.map(domain::glossary::GlossaryTerm::try_from).transpose()? else {
                    return Ok(None);
                };
                let reviews: Vec<$crate::glossary::ReviewRow> = sqlx::query_as(
                    "SELECT term_id, language, reviewer, reviewed, marked_at FROM glossary_reviews WHERE term_id = $1",
                )
                .bind(id.to_string())
                .fetch_all(&mut *conn)
                .await?;
                Ok($crate::glossary::with_reviews(vec![term], reviews).pop())
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
                     explanation_en, version, updated_by, updated_at, headword_bn, headword_hi) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8, $9, $10, $11)",
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
                .bind(&draft.headwords.bn)
                .bind(&draft.headwords.hi)
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
                let terms = $crate::rows::convert(rows)?;
                let reviews: Vec<$crate::glossary::ReviewRow> = sqlx::query_as(
                    "SELECT term_id, language, reviewer, reviewed, marked_at FROM glossary_reviews",
                )
                .fetch_all(&self.pool)
                .await?;
                Ok($crate::glossary::with_reviews(terms, reviews))
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
                     explanation_hi = $5, explanation_en = $6, version = version + 1, updated_by = $7, updated_at = $8, \
                     headword_bn = $11, headword_hi = $12 WHERE id = $9 AND version = $10",
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
                .bind(&draft.headwords.bn)
                .bind(&draft.headwords.hi)
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
                let current: Option<i64> = sqlx::query_scalar("SELECT version FROM glossary_terms WHERE id = $1")
                    .bind(id.to_string())
                    .fetch_optional(&mut *tx)
                    .await?;
                if current == Some(expected_version) {
                    sqlx::query("DELETE FROM glossary_reviews WHERE term_id = $1")
                        .bind(id.to_string())
                        .execute(&mut *tx)
                        .await?;
                }
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

            async fn review_term(
                &self,
                id: uuid::Uuid,
                expected_version: i64,
                review: &domain::glossary::Review,
                by: Option<domain::UserId>,
                audit: domain::audit::AuditEvent,
            ) -> Result<domain::glossary::GlossaryTerm, $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                let current: Option<i64> = sqlx::query_scalar("SELECT version FROM glossary_terms WHERE id = $1")
                    .bind(id.to_string())
                    .fetch_optional(&mut *tx)
                    .await?;
                match current {
                    None => return Err($crate::StoreError::NotFound),
                    Some(current) if current != expected_version => {
                        return Err($crate::StoreError::Conflict { expected: expected_version, current });
                    }
                    Some(_) => {}
                }
                sqlx::query(
                    "INSERT INTO glossary_reviews (term_id, language, reviewer, reviewed, marked_by, marked_at) \
                     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (term_id, language) DO UPDATE SET \
                     reviewer = excluded.reviewer, reviewed = excluded.reviewed, marked_by = excluded.marked_by, \
                     marked_at = excluded.marked_at",
                )
                .bind(id.to_string())
                .bind(review.language.code())
                .bind(&review.reviewer)
                .bind(&review.text)
                .bind(by.map(|u| u.to_string()))
                .bind(review.at.millis())
                .execute(&mut *tx)
                .await
                .map_err(|e| $crate::StoreError::from_write(e, "glossary review"))?;
                Self::append_in(&mut tx, &audit).await?;
                let term = Self::term_in(&mut tx, id).await?.ok_or($crate::StoreError::NotFound)?;
                tx.commit().await?;
                Ok(term)
            }

            async fn seed_glossary(
                &self,
                terms: &[domain::glossary::StarterTerm],
                edition: i64,
                at: domain::Timestamp,
            ) -> Result<bool, $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                let seeded: Option<i64> = sqlx::query_scalar("SELECT edition FROM glossary_seeded WHERE id = 1")
                    .fetch_optional(&mut *tx)
                    .await?;
                let Some(loaded) = seeded else {
                    // Two servers starting at once on one PostgreSQL: the second one's insert of
                    // the marker fails on its key and its transaction is rolled back whole.
                    sqlx::query("INSERT INTO glossary_seeded (id, at, edition) VALUES (1, $1, $2)")
                        .bind(at.millis())
                        .bind(edition)
                        .execute(&mut *tx)
                        .await
                        .map_err(|e| $crate::StoreError::from_write(e, "glossary seed"))?;
                    for t in terms.iter().filter(|t| t.edition <= edition) {
                        Self::insert_term_in(&mut tx, uuid::Uuid::now_v7(), &t.draft, None, at).await?;
                    }
                    tx.commit().await?;
                    return Ok(true);
                };
                if loaded >= edition {
                    return Ok(false);
                }
                // The marker moves first: a second server doing the same waits for this row and
                // then finds nothing left to do.
                let moved = sqlx::query("UPDATE glossary_seeded SET edition = $1, at = $2 WHERE id = 1 AND edition = $3")
                    .bind(edition)
                    .bind(at.millis())
                    .bind(loaded)
                    .execute(&mut *tx)
                    .await?;
                if moved.rows_affected() == 0 {
                    return Ok(false);
                }
                for t in terms.iter().filter(|t| t.edition <= edition) {
                    let key = domain::glossary::key(&t.draft.term);
                    if t.edition > loaded {
                        let exists: Option<String> = sqlx::query_scalar("SELECT id FROM glossary_terms WHERE term_key = $1")
                            .bind(&key)
                            .fetch_optional(&mut *tx)
                            .await?;
                        if exists.is_none() {
                            Self::insert_term_in(&mut tx, uuid::Uuid::now_v7(), &t.draft, None, at).await?;
                        }
                    } else {
                        // A term of an edition loaded before: its headwords, where the network
                        // has not written its own.
                        sqlx::query(
                            "UPDATE glossary_terms SET headword_bn = $1 WHERE term_key = $2 AND headword_bn = ''",
                        )
                        .bind(&t.draft.headwords.bn)
                        .bind(&key)
                        .execute(&mut *tx)
                        .await?;
                        sqlx::query(
                            "UPDATE glossary_terms SET headword_hi = $1 WHERE term_key = $2 AND headword_hi = ''",
                        )
                        .bind(&t.draft.headwords.hi)
                        .bind(&key)
                        .execute(&mut *tx)
                        .await?;
                    }
                }
                tx.commit().await?;
                Ok(true)
            }
        }
    };
}

pub(crate) use impl_glossary_store;
