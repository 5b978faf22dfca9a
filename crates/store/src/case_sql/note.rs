//! The SQL of notes on a case and their human translations.

macro_rules! impl_note_store {
    ($store:ty, $db:ty) => {
        #[async_trait::async_trait]
        impl $crate::NoteStore for $store {
            async fn add_note(
                &self,
                note: &domain::note::Note,
                audit: domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                sqlx::query(
                    "INSERT INTO notes (id, case_id, kind, text, language, response, response_text, written_by, \
                     written_at, org_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, (SELECT org_id FROM users WHERE id = $8))",
                )
                .bind(note.id.to_string())
                .bind(note.case_id.to_string())
                .bind(note.kind.as_str())
                .bind(&note.text)
                .bind(note.language.code())
                .bind(note.response.as_ref().map(|r| r.0.as_str()))
                .bind(note.response.as_ref().map(|r| r.1.clone()))
                .bind(note.written_by.to_string())
                .bind(note.written_at.millis())
                .execute(&mut *tx)
                .await?;
                if note.kind != domain::note::NoteKind::Psychosocial {
                    Self::index_in(
                        &mut tx,
                        &note.case_id.to_string(),
                        &note.id.to_string(),
                        &note.text,
                        domain::sight::note_section(note.kind),
                        note.written_by,
                        true,
                    )
                    .await?;
                }
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn notes_of(
                &self,
                case: domain::CaseId,
                kinds: &[domain::note::NoteKind],
                sight: &domain::sight::Sight,
            ) -> Result<Vec<domain::note::Note>, $crate::StoreError> {
                let rows: Vec<$crate::cases::note::NoteRow> = sqlx::query_as(concat!(
                    "SELECT id, case_id, kind, text, language, response, response_text, written_by, written_at \
                     FROM notes WHERE case_id = $1 AND ",
                    $crate::cases::visible!(
                        "2",
                        "3",
                        "(CASE WHEN kind = 'psychosocial' THEN 'psychosocial' ELSE 'other' END)"
                    ),
                    " ORDER BY written_at DESC, id DESC"
                ))
                .bind(case.to_string())
                .bind(sight.org().to_string())
                .bind($crate::cases::shared_sections(sight))
                .fetch_all(&self.pool)
                .await?;
                let notes: Vec<domain::note::Note> = $crate::rows::convert(rows)?;
                Ok(notes.into_iter().filter(|n| kinds.contains(&n.kind)).collect())
            }

            async fn add_translation(
                &self,
                t: &domain::note::NoteTranslation,
                audit: domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                sqlx::query(
                    "INSERT INTO note_translations (id, note_id, case_id, language, text, translator, added_by, added_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                )
                .bind(t.id.to_string())
                .bind(t.note_id.to_string())
                .bind(t.case_id.to_string())
                .bind(t.language.code())
                .bind(&t.text)
                .bind(&t.translator)
                .bind(t.added_by.to_string())
                .bind(t.added_at.millis())
                .execute(&mut *tx)
                .await?;
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn translations_of(
                &self,
                case: domain::CaseId,
                scope: &domain::scope::CaseScope,
            ) -> Result<Vec<domain::note::NoteTranslation>, $crate::StoreError> {
                let (org, user) = $crate::cases::scope_binds(scope);
                let rows: Vec<$crate::cases::note::TranslationRow> = sqlx::query_as(concat!(
                    "SELECT id, note_id, case_id, language, text, translator, added_by, added_at \
                     FROM note_translations WHERE case_id = $1 AND ",
                    $crate::cases::in_scope!("$1", "2", "3"),
                    " ORDER BY added_at, id"
                ))
                .bind(case.to_string())
                .bind(org)
                .bind(user)
                .fetch_all(&self.pool)
                .await?;
                $crate::rows::convert(rows)
            }
        }
    };
}
pub(crate) use impl_note_store;
