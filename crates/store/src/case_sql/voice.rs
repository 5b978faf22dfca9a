//! The SQL of her voice: every version of each entry is kept, and its words are indexed.

macro_rules! impl_voice_store {
    ($store:ty, $db:ty) => {
        impl $store {
            async fn voice_version_in(
                conn: &mut <$db as sqlx::Database>::Connection,
                entry: &str,
                version: i64,
            ) -> Result<domain::VoiceEntry, $crate::StoreError> {
                let row: $crate::cases::voice::VoiceRow = sqlx::query_as(concat!(
                    "SELECT ",
                    $crate::cases::voice::voice_columns!(),
                    " FROM voice_entries WHERE entry_id = $1 AND version = $2"
                ))
                .bind(entry)
                .bind(version)
                .fetch_one(&mut *conn)
                .await?;
                row.try_into()
            }

            #[allow(clippy::too_many_arguments)]
            async fn insert_voice_in(
                conn: &mut <$db as sqlx::Database>::Connection,
                entry: &str,
                version: i64,
                case_id: &str,
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
                .bind(entry)
                .bind(version)
                .bind(case_id)
                .bind(fields.kind.as_str())
                .bind(&fields.text)
                .bind(fields.language.code())
                .bind($crate::cases::voice::iso(fields))
                .bind(fields.read_back)
                .bind(by.to_string())
                .bind(at.millis())
                .execute(&mut *conn)
                .await?;
                Self::index_in(&mut *conn, case_id, entry, &fields.text, domain::consent::SectionClass::Voice, by)
                    .await?;
                Self::voice_version_in(&mut *conn, entry, version).await
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
                    &voice.id.to_string(),
                    1,
                    &voice.case_id.to_string(),
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
                let current: Option<(i64, String)> = sqlx::query_as(
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
                    Self::insert_voice_in(&mut tx, &entry_id, current + 1, &case_id, fields, by, at).await?;
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
