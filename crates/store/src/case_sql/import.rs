//! The SQL of importing a register: a batch of new cases, each with everything it carries, in
//! one transaction, the audit head read and written once for the whole batch.

macro_rules! impl_import_store {
    ($store:ty, $db:ty) => {
        impl $store {
            /// The search terms of a new source (nothing to replace), marked with the
            /// organisation that wrote it.
            async fn index_new_in(
                conn: &mut <$db as sqlx::Database>::Connection,
                case_id: &str,
                source_id: &str,
                text: &str,
                section: domain::consent::SectionClass,
                org: &str,
            ) -> Result<(), $crate::StoreError> {
                for term in domain::text::terms(text) {
                    sqlx::query(
                        "INSERT INTO case_terms (case_id, source_id, term, section, org_id) \
                         VALUES ($1, $2, $3, $4, $5)",
                    )
                    .bind(case_id)
                    .bind(source_id)
                    .bind(term)
                    .bind(section.as_str())
                    .bind(org)
                    .execute(&mut *conn)
                    .await?;
                }
                Ok(())
            }

            async fn import_one_in(
                conn: &mut <$db as sqlx::Database>::Connection,
                imported: &$crate::ImportedCase,
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
                    Self::index_new_in(
                        &mut *conn,
                        &id,
                        &entry,
                        &voice.fields.text,
                        domain::consent::SectionClass::Voice,
                        &org,
                    )
                    .await?;
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
                        Self::index_new_in(
                            &mut *conn,
                            &id,
                            &note_id,
                            &note.text,
                            domain::sight::note_section(note.kind),
                            &org,
                        )
                        .await?;
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
                for imported in batch {
                    Self::import_one_in(&mut tx, imported).await?;
                }
                let audit: Vec<domain::audit::AuditEvent> =
                    batch.iter().flat_map(|c| c.audit.iter().cloned()).collect();
                Self::append_all_in(&mut tx, &audit).await?;
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
