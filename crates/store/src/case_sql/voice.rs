//! The SQL of her voice: every version of each entry is kept, and its words are indexed.

macro_rules! impl_voice_store {
    ($store:ty, $db:ty) => {
        impl $store {
            #[allow(clippy::too_many_arguments)]
            async fn insert_voice_in(
                conn: &mut <$db as sqlx::Database>::Connection,
                entry: domain::VoiceId,
                version: i64,
                case_id: domain::CaseId,
                fields: &domain::voice::VoiceFields,
                by: domain::UserId,
                at: domain::Timestamp,
            ) -> Result<domain::VoiceEntry, $crate::StoreError> {
                sqlx::query(concat!(
                    "INSERT INTO voice_entries (",
                    $crate::cases::voice::voice_columns!(),
                    ", org_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, \
                     (SELECT org_id FROM users WHERE id = $9))"
                ))
                .bind(entry.to_string())
                .bind(version)
                .bind(case_id.to_string())
                .bind(fields.kind.as_str())
                .bind(&fields.text)
                .bind(fields.language.code())
                .bind($crate::cases::voice::iso(fields))
                .bind(fields.read_back)
                .bind(by.to_string())
                .bind(at.millis())
                .execute(&mut *conn)
                .await?;
                // A first version's entry is new (its key was unique): no terms to replace.
                Self::index_in(
                    &mut *conn,
                    &case_id.to_string(),
                    &entry.to_string(),
                    &fields.text,
                    domain::consent::SectionClass::Voice,
                    by,
                    version == 1,
                )
                .await?;
                // What was written, as written: nothing to read back (issue 16: a statement
                // fewer under the write lock).
                Ok(domain::VoiceEntry {
                    id: entry,
                    case_id,
                    version,
                    kind: fields.kind,
                    text: fields.text.clone(),
                    language: fields.language,
                    spoken_on: fields.spoken_on,
                    read_back: fields.read_back,
                    recorded_by: by,
                    recorded_at: at,
                })
            }
        }

        #[async_trait::async_trait]
        impl $crate::VoiceStore for $store {
            async fn record_voice(
                &self,
                voice: &$crate::NewVoice,
                audit: domain::audit::AuditEvent,
            ) -> Result<domain::VoiceEntry, $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                let entry = Self::insert_voice_in(
                    &mut tx,
                    voice.id,
                    1,
                    voice.case_id,
                    &voice.fields,
                    voice.recorded_by,
                    voice.recorded_at,
                )
                .await?;
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(entry)
            }

            async fn correct_voice(
                &self,
                entry: domain::VoiceId,
                expected_version: i64,
                fields: &domain::voice::VoiceFields,
                by: domain::UserId,
                at: domain::Timestamp,
                audit: domain::audit::AuditEvent,
            ) -> Result<domain::VoiceEntry, $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                let entry_id = entry.to_string();
                let current: Option<(i64, $crate::stored::Stored<domain::CaseId>)> = sqlx::query_as(
                    "SELECT version, case_id FROM voice_entries WHERE entry_id = $1 \
                     ORDER BY version DESC LIMIT 1",
                )
                .bind(&entry_id)
                .fetch_optional(&mut *tx)
                .await?;
                let Some((current, case_id)) = current else {
                    return Err($crate::StoreError::NotFound);
                };
                if current != expected_version {
                    return Err($crate::StoreError::Conflict { expected: expected_version, current });
                }
                let corrected =
                    Self::insert_voice_in(&mut tx, entry, current + 1, case_id.0, fields, by, at).await?;
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(corrected)
            }

            async fn voice_of(
                &self,
                case: domain::CaseId,
                sight: &domain::sight::Sight,
            ) -> Result<Vec<domain::VoiceEntry>, $crate::StoreError> {
                let rows: Vec<$crate::cases::voice::VoiceRow> = sqlx::query_as(concat!(
                    "SELECT ",
                    $crate::cases::voice::voice_columns!(),
                    " FROM voice_entries v WHERE case_id = $1 AND ",
                    $crate::cases::visible!("2", "3", "'voice'"),
                    " AND version = \
                     (SELECT MAX(version) FROM voice_entries w WHERE w.entry_id = v.entry_id) \
                     ORDER BY (SELECT MIN(recorded_at) FROM voice_entries f WHERE f.entry_id = v.entry_id) DESC, entry_id DESC"
                ))
                .bind(case.to_string())
                .bind(sight.org().to_string())
                .bind($crate::cases::shared_sections(sight))
                .fetch_all(&self.pool)
                .await?;
                $crate::rows::convert(rows)
            }

            async fn voice_of_with_writers(
                &self,
                case: domain::CaseId,
                sight: &domain::sight::Sight,
            ) -> Result<Vec<(domain::VoiceEntry, String)>, $crate::StoreError> {
                // `voice_of`'s statement, with the writer's name as `User::name` makes it.
                let rows: Vec<$crate::cases::voice::WrittenVoiceRow> = sqlx::query_as(concat!(
                    "SELECT ",
                    $crate::cases::voice::voice_columns!(),
                    ", (SELECT COALESCE(u.display_name, u.username) FROM users u \
                     WHERE u.id = v.recorded_by) AS writer \
                     FROM voice_entries v WHERE case_id = $1 AND ",
                    $crate::cases::visible!("2", "3", "'voice'"),
                    " AND version = \
                     (SELECT MAX(version) FROM voice_entries w WHERE w.entry_id = v.entry_id) \
                     ORDER BY (SELECT MIN(recorded_at) FROM voice_entries f WHERE f.entry_id = v.entry_id) DESC, entry_id DESC"
                ))
                .bind(case.to_string())
                .bind(sight.org().to_string())
                .bind($crate::cases::shared_sections(sight))
                .fetch_all(&self.pool)
                .await?;
                $crate::rows::convert(rows)
            }

            async fn voice_history(
                &self,
                entry: domain::VoiceId,
                sight: &domain::sight::Sight,
            ) -> Result<Vec<domain::VoiceEntry>, $crate::StoreError> {
                let rows: Vec<$crate::cases::voice::VoiceRow> = sqlx::query_as(concat!(
                    "SELECT ",
                    $crate::cases::voice::voice_columns!(),
                    " FROM voice_entries WHERE entry_id = $1 AND ",
                    $crate::cases::visible!("2", "3", "'voice'"),
                    " ORDER BY version"
                ))
                .bind(entry.to_string())
                .bind(sight.org().to_string())
                .bind($crate::cases::shared_sections(sight))
                .fetch_all(&self.pool)
                .await?;
                $crate::rows::convert(rows)
            }
        }
    };
}
pub(crate) use impl_voice_store;
