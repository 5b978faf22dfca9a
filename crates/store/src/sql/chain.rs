//! The audit chain, appended to inside the transaction of the change it records: every store's
//! writes call `append_in`, so there is never a change without its entry, or an entry without
//! its change.

macro_rules! impl_audit_chain {
    ($store:ty, $db:ty) => {
        impl $store {
            /// Appends `event` to the chain inside the caller's transaction.
            async fn append_in(
                conn: &mut <$db as sqlx::Database>::Connection,
                event: &domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                Self::append_all_in(conn, std::slice::from_ref(event)).await
            }

            /// Appends `events` to the chain, in order, inside the caller's transaction: the
            /// head is read once and written once, however many there are (an import's batch).
            async fn append_all_in(
                conn: &mut <$db as sqlx::Database>::Connection,
                events: &[domain::audit::AuditEvent],
            ) -> Result<(), $crate::StoreError> {
                if events.is_empty() {
                    return Ok(());
                }
                Self::lock_audit(&mut *conn).await?;
                let head: Option<(i64, String)> =
                    sqlx::query_as("SELECT seq, hash FROM audit_head WHERE id = 1")
                        .fetch_optional(&mut *conn)
                        .await?;
                let (mut seq, mut prev_hash) = match head {
                    Some((seq, hash)) => (seq, hash),
                    None => (0, domain::audit::GENESIS_HASH.to_string()),
                };
                for event in events {
                    seq += 1;
                    prev_hash = Self::insert_audit_in(&mut *conn, seq, prev_hash, event).await?;
                }
                sqlx::query(
                    "INSERT INTO audit_head (id, seq, hash) VALUES (1, $1, $2) \
                     ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash",
                )
                .bind(seq)
                .bind(&prev_hash)
                .execute(&mut *conn)
                .await?;
                Ok(())
            }

            /// One entry of the chain, after `prev_hash`; its own hash comes back.
            async fn insert_audit_in(
                conn: &mut <$db as sqlx::Database>::Connection,
                seq: i64,
                prev_hash: String,
                event: &domain::audit::AuditEvent,
            ) -> Result<String, $crate::StoreError> {
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
                Ok(hash)
            }
        }
    };
}
pub(crate) use impl_audit_chain;
