//! The SQL of importing a register: a batch of new cases, each with everything it carries, in
//! one transaction, the audit head read and written once for the whole batch.

macro_rules! impl_import_store {
    ($store:ty, $db:ty) => {
        impl $store {
            /// Inserts `rows` of the search index (case, source, term, section, organisation),
            /// many to a statement.
            async fn insert_terms_in(
                conn: &mut <$db as sqlx::Database>::Connection,
                rows: &[[String; 5]],
            ) -> Result<(), $crate::StoreError> {
                for chunk in rows.chunks($crate::cases::import::ROWS_PER_INSERT) {
                    let sql = $crate::cases::import::values_sql(
                        "INSERT INTO case_terms (case_id, source_id, term, section, org_id) VALUES ",
                        5,
                        chunk.len(),
                    );
                    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
                    for row in chunk {
                        for value in row {
                            query = query.bind(value.as_str());
                        }
                    }
                    query.execute(&mut *conn).await?;
                }
                Ok(())
            }

            /// Appends `events` to the chain in order, many to a statement, the head read and
            /// written once.
            async fn append_batch_in(
                conn: &mut <$db as sqlx::Database>::Connection,
                events: &[&domain::audit::AuditEvent],
            ) -> Result<(), $crate::StoreError> {
                Self::lock_audit(&mut *conn).await?;
                let head: Option<(i64, String)> =
                    sqlx::query_as("SELECT seq, hash FROM audit_head WHERE id = 1")
                        .fetch_optional(&mut *conn)
                        .await?;
                let (mut seq, mut prev) = match head {
                    Some((seq, hash)) => (seq, hash),
                    None => (0, domain::audit::GENESIS_HASH.to_string()),
                };
                let mut chained = Vec::with_capacity(events.len());
                for event in events {
                    seq += 1;
                    let hash = domain::audit::chain_hash(seq, &prev, event);
                    chained.push((seq, std::mem::replace(&mut prev, hash.clone()), hash, *event));
                }
                for chunk in chained.chunks($crate::cases::import::ROWS_PER_INSERT / 2) {
                    let sql = $crate::cases::import::values_sql(
                        concat!("INSERT INTO audit_log (", $crate::rows::audit_columns!(), ") VALUES "),
                        11,
                        chunk.len(),
                    );
                    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
                    for (seq, prev_hash, hash, event) in chunk {
                        query = query
                            .bind(*seq)
                            .bind(event.at.millis())
                            .bind(event.actor.map(|a| a.to_string()))
                            .bind(event.actor_org.map(|o| o.to_string()))
                            .bind(event.action.as_str())
                            .bind(event.subject.as_str())
                            .bind(event.org_scope.map(|o| o.to_string()))
                            .bind(event.source.as_str())
                            .bind(event.detail.as_str())
                            .bind(prev_hash.as_str())
                            .bind(hash.as_str());
                    }
                    query.execute(&mut *conn).await?;
                }
                sqlx::query(
                    "INSERT INTO audit_head (id, seq, hash) VALUES (1, $1, $2) \
                     ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash",
                )
                .bind(seq)
                .bind(&prev)
                .execute(&mut *conn)
                .await?;
                Ok(())
            }

            async fn import_one_in(
                conn: &mut <$db as sqlx::Database>::Connection,
                imported: &$crate::ImportedCase,
                terms: &mut Vec<[String; 5]>,
            ) -> Result<(), $crate::StoreError> {
                let case = &imported.case;
                let id = case.id.to_string();
                let org = case.custodian.to_string();
                Self::insert_case_in(&mut *conn, case, domain::Stage::Identified, case.opened_at, "case code")
                    .await?;
                for user in &case.assigned {
                    sqlx::query(
                        "INSERT INTO case_assignments (case_id, user_id, assigned_at) VALUES ($1, $2, $3)",
                    )
                    .bind(&id)
                    .bind(user.to_string())
                    .bind(case.opened_at.millis())
                    .execute(&mut *conn)
                    .await?;
                }
                if let Some(reference) = &imported.reference {
                    sqlx::query(
                        "INSERT INTO case_references (org_id, reference, case_id) VALUES ($1, $2, $3)",
                    )
                    .bind(&org)
                    .bind(reference)
                    .bind(&id)
                    .execute(&mut *conn)
                    .await
                    .map_err(|e| $crate::StoreError::from_write(e, "case reference"))?;
                }
                for voice in &imported.voice {
                    let entry = voice.id.to_string();
                    sqlx::query(concat!(
                        "INSERT INTO voice_entries (",
                        $crate::cases::voice::voice_columns!(),
                        ", org_id) VALUES ($1, 1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
                    ))
                    .bind(&entry)
                    .bind(&id)
                    .bind(voice.fields.kind.as_str())
                    .bind(&voice.fields.text)
                    .bind(voice.fields.language.code())
                    .bind($crate::cases::voice::iso(&voice.fields))
                    .bind(voice.fields.read_back)
                    .bind(voice.recorded_by.to_string())
                    .bind(voice.recorded_at.millis())
                    .bind(&org)
                    .execute(&mut *conn)
                    .await?;
                    for term in domain::text::terms(&voice.fields.text) {
                        terms.push([
                            id.clone(),
                            entry.clone(),
                            term,
                            domain::consent::SectionClass::Voice.as_str().to_string(),
                            org.clone(),
                        ]);
                    }
                }
                for note in &imported.notes {
                    let note_id = note.id.to_string();
                    sqlx::query(
                        "INSERT INTO notes (id, case_id, kind, text, language, response, response_text, \
                         written_by, written_at, org_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                    )
                    .bind(&note_id)
                    .bind(&id)
                    .bind(note.kind.as_str())
                    .bind(&note.text)
                    .bind(note.language.code())
                    .bind(note.response.as_ref().map(|r| r.0.as_str()))
                    .bind(note.response.as_ref().map(|r| r.1.clone()))
                    .bind(note.written_by.to_string())
                    .bind(note.written_at.millis())
                    .bind(&org)
                    .execute(&mut *conn)
                    .await?;
                    if note.kind != domain::note::NoteKind::Psychosocial {
                        for term in domain::text::terms(&note.text) {
                            terms.push([
                                id.clone(),
                                note_id.clone(),
                                term,
                                domain::sight::note_section(note.kind).as_str().to_string(),
                                org.clone(),
                            ]);
                        }
                    }
                }
                Ok(())
            }
        }

        #[async_trait::async_trait]
        impl $crate::ImportStore for $store {
            async fn import_cases(&self, batch: &[$crate::ImportedCase]) -> Result<(), $crate::StoreError> {
                if batch.is_empty() {
                    return Ok(());
                }
                let mut tx = self.begin_write().await?;
                let mut terms = Vec::new();
                for imported in batch {
                    Self::import_one_in(&mut tx, imported, &mut terms).await?;
                }
                Self::insert_terms_in(&mut tx, &terms).await?;
                let audit: Vec<&domain::audit::AuditEvent> =
                    batch.iter().flat_map(|c| c.audit.iter()).collect();
                Self::append_batch_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn case_references(
                &self,
                org: domain::OrgId,
            ) -> Result<std::collections::HashMap<String, domain::CaseCode>, $crate::StoreError> {
                let rows: Vec<(String, $crate::stored::Stored<domain::CaseCode>)> = sqlx::query_as(
                    "SELECT r.reference, c.code FROM case_references r JOIN cases c ON c.id = r.case_id \
                     WHERE r.org_id = $1",
                )
                .bind(org.to_string())
                .fetch_all(&self.pool)
                .await?;
                Ok(rows.into_iter().map(|(r, code)| (r, code.0)).collect())
            }
        }
    };
}
pub(crate) use impl_import_store;
