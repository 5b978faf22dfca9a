//! The audit chain, appended to inside the transaction of the change it records: every store's
//! writes call `append_in`, so there is never a change without its entry, or an entry without
//! its change.

macro_rules! impl_audit_chain {
    ($store:ty, $db:ty) => {
        impl $store {
            /// A write transaction on the writer pool.
            async fn begin_write(
                &self,
            ) -> Result<sqlx::Transaction<'static, $db>, $crate::StoreError> {
                Self::begin_write_on(&self.writer).await
            }

            /// Appends a batch of readings' entries to the chain in one transaction and
            /// commits it (`readings.rs`): each entry exactly as `append_in` writes it alone.
            async fn append_batch(
                pool: &sqlx::Pool<$db>,
                events: &[domain::audit::AuditEvent],
            ) -> Result<(), $crate::StoreError> {
                let mut tx = Self::begin_write_on(pool).await?;
                for event in events {
                    Self::append_in(&mut tx, event).await?;
                }
                tx.commit().await?;
                Ok(())
            }

            /// Appends `event` to the chain inside the caller's transaction.
            async fn append_in(
                conn: &mut <$db as sqlx::Database>::Connection,
                event: &domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                Self::lock_audit(&mut *conn).await?;
                let head: Option<(i64, String)> =
                    sqlx::query_as("SELECT seq, hash FROM audit_head WHERE id = 1")
                        .fetch_optional(&mut *conn)
                        .await?;
                let (seq, prev_hash) = match head {
                    Some((seq, hash)) => (seq + 1, hash),
                    None => (1, domain::audit::GENESIS_HASH.to_string()),
                };
                let hash = domain::audit::chain_hash(seq, &prev_hash, event);
                sqlx::query(concat!(
                    "INSERT INTO audit_log (",
                    $crate::rows::audit_columns!(),
                    ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
                ))
                .bind(seq)
                .bind(event.at.millis())
                .bind(event.actor.map(|a| a.to_string()))
                .bind(event.actor_org.map(|o| o.to_string()))
                .bind(event.action.as_str())
                .bind(&event.subject)
                .bind(event.org_scope.map(|o| o.to_string()))
                .bind(&event.source)
                .bind(&event.detail)
                .bind(&prev_hash)
                .bind(&hash)
                .execute(&mut *conn)
                .await?;
                sqlx::query(
                    "INSERT INTO audit_head (id, seq, hash) VALUES (1, $1, $2) \
                     ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash",
                )
                .bind(seq)
                .bind(&hash)
                .execute(&mut *conn)
                .await?;
                Ok(())
            }
        }
    };
}
pub(crate) use impl_audit_chain;
