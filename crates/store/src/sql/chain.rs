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
            /// commits it (`readings.rs`): each entry exactly as `append_in` writes it alone,
            /// but the head read and written once and the entries many to a statement. The
            /// batch is the serial point of every audited page, and each statement is a round
            /// trip to the connection's thread (SQLite) or the server (PostgreSQL): three per
            /// entry made a batch of 40 readings 120 round trips under the write lock.
            async fn append_batch(
                pool: &sqlx::Pool<$db>,
                events: &[domain::audit::AuditEvent],
            ) -> Result<(), $crate::StoreError> {
                let events: Vec<&domain::audit::AuditEvent> = events.iter().collect();
                let mut tx = Self::begin_write_on(pool).await?;
                Self::append_batch_in(&mut tx, &events).await?;
                tx.commit().await?;
                Ok(())
            }

            /// Appends `event` to the chain inside the caller's transaction.
            async fn append_in(
                conn: &mut <$db as sqlx::Database>::Connection,
                event: &domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                Self::append_batch_in(conn, &[event]).await
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
                Self::insert_rows_in(
                    &mut *conn,
                    concat!("INSERT INTO audit_log (", $crate::rows::audit_columns!(), ") VALUES "),
                    "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    &chained,
                    |query, (seq, prev_hash, hash, event)| {
                        query
                            .bind(*seq)
                            .bind(event.at.millis())
                            .bind(event.actor.map(|a| a.to_string()))
                            .bind(event.actor_org.map(|o| o.to_string()))
                            .bind(event.action.as_str())
                            .bind(event.subject.clone())
                            .bind(event.org_scope.map(|o| o.to_string()))
                            .bind(event.source.clone())
                            .bind(event.detail.clone())
                            .bind(prev_hash.clone())
                            .bind(hash.clone())
                    },
                )
                .await?;
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
        }
    };
}
pub(crate) use impl_audit_chain;
