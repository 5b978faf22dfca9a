//! The SQL of documents: their bytes are read only with the reading recorded.

macro_rules! impl_document_store {
    ($store:ty, $db:ty) => {
        impl $store {
            async fn insert_document_in(
                conn: &mut <$db as sqlx::Database>::Connection,
                info: &domain::document::DocumentInfo,
                content: &[u8],
            ) -> Result<(), $crate::StoreError> {
                sqlx::query(concat!(
                    "INSERT INTO documents (",
                    $crate::cases::document::document_columns!(),
                    ", content, org_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, \
                     (SELECT org_id FROM users WHERE id = $7))"
                ))
                .bind(info.id.to_string())
                .bind(info.case_id.to_string())
                .bind(info.class.as_str())
                .bind(&info.name)
                .bind(&info.media_type)
                .bind(info.size)
                .bind(info.uploaded_by.to_string())
                .bind(info.uploaded_at.millis())
                .bind(content)
                .execute(&mut *conn)
                .await?;
                Ok(())
            }
        }

        #[async_trait::async_trait]
        impl $crate::DocumentStore for $store {
            async fn add_document(
                &self,
                info: &domain::document::DocumentInfo,
                content: &[u8],
                audit: domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                Self::insert_document_in(&mut tx, info, content).await?;
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn documents_of(
                &self,
                case: domain::CaseId,
                sight: &domain::sight::Sight,
            ) -> Result<Vec<domain::document::DocumentInfo>, $crate::StoreError> {
                let rows: Vec<$crate::cases::document::DocumentRow> = sqlx::query_as(concat!(
                    "SELECT ",
                    $crate::cases::document::document_columns!(),
                    " FROM documents WHERE case_id = $1 AND ",
                    $crate::cases::visible!("2", "3", "section"),
                    " ORDER BY uploaded_at DESC, id DESC"
                ))
                .bind(case.to_string())
                .bind(sight.org().to_string())
                .bind($crate::cases::shared_sections(sight))
                .fetch_all(&self.pool)
                .await?;
                $crate::rows::convert(rows)
            }

            async fn open_document(
                &self,
                case: domain::CaseId,
                id: uuid::Uuid,
                sight: &domain::sight::Sight,
                audit: domain::audit::AuditEvent,
            ) -> Result<Option<(domain::document::DocumentInfo, Vec<u8>)>, $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                let row: Option<$crate::cases::document::DocumentRow> = sqlx::query_as(concat!(
                    "SELECT ",
                    $crate::cases::document::document_columns!(),
                    " FROM documents WHERE case_id = $1 AND id = $2 AND ",
                    $crate::cases::visible!("3", "4", "section")
                ))
                .bind(case.to_string())
                .bind(id.to_string())
                .bind(sight.org().to_string())
                .bind($crate::cases::shared_sections(sight))
                .fetch_optional(&mut *tx)
                .await?;
                let Some(row) = row else {
                    return Ok(None);
                };
                let content: Vec<u8> =
                    sqlx::query_scalar("SELECT content FROM documents WHERE id = $1")
                        .bind(id.to_string())
                        .fetch_one(&mut *tx)
                        .await?;
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(Some((row.try_into()?, content)))
            }
        }
    };
}
pub(crate) use impl_document_store;
