//! The SQL both engines share, written once.
//!
//! `impl_store!` expands to `impl Store for` an engine's store type. The engines differ only in
//! how a write transaction starts and how the audit chain is locked, which each engine's module
//! provides as `begin_write` and `lock_audit`. The SQL text is identical: `$N` placeholders,
//! UUID text and millisecond integers work the same in SQLite and PostgreSQL. Appending to the
//! audit chain, which every store's writes do, is in `chain.rs`.

mod chain;

pub(crate) use chain::impl_audit_chain;

macro_rules! impl_store {
    ($store:ty, $db:ty) => {
        $crate::sql::impl_audit_chain!($store, $db);

        impl $store {
            async fn org_in(
                conn: &mut <$db as sqlx::Database>::Connection,
                id: domain::OrgId,
            ) -> Result<Option<domain::Organisation>, $crate::StoreError> {
                let row: Option<$crate::rows::OrgRow> = sqlx::query_as(concat!(
                    "SELECT ",
                    $crate::rows::org_columns!(),
                    " FROM organisations WHERE id = $1"
                ))
                .bind(id.to_string())
                .fetch_optional(&mut *conn)
                .await?;
                row.map(TryInto::try_into).transpose()
            }

            async fn user_in(
                conn: &mut <$db as sqlx::Database>::Connection,
                id: domain::UserId,
            ) -> Result<Option<domain::User>, $crate::StoreError> {
                let row: Option<$crate::rows::UserRow> = sqlx::query_as(concat!(
                    "SELECT ",
                    $crate::rows::user_columns!(),
                    " FROM users WHERE id = $1"
                ))
                .bind(id.to_string())
                .fetch_optional(&mut *conn)
                .await?;
                row.map(TryInto::try_into).transpose()
            }

            /// After an UPDATE … WHERE version = expected touched nothing: tells a missing
            /// record from one someone else changed.
            async fn missing_or_conflict(
                conn: &mut <$db as sqlx::Database>::Connection,
                table_query: &'static str,
                id: String,
                expected: i64,
            ) -> $crate::StoreError {
                match sqlx::query_scalar::<_, i64>(table_query)
                    .bind(id)
                    .fetch_optional(&mut *conn)
                    .await
                {
                    Ok(Some(current)) => $crate::StoreError::Conflict { expected, current },
                    Ok(None) => $crate::StoreError::NotFound,
                    Err(err) => err.into(),
                }
            }
        }

        #[async_trait::async_trait]
        impl $crate::Store for $store {
            fn engine(&self) -> $crate::Engine {
                Self::ENGINE
            }

            async fn migrate(&self) -> Result<(), $crate::StoreError> {
                Self::migrator().run(&self.writer).await?;
                Ok(())
            }

            async fn create_organisation(
                &self,
                id: domain::OrgId,
                fields: &domain::organisation::OrganisationFields,
                audit: domain::audit::AuditEvent,
            ) -> Result<domain::Organisation, $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                sqlx::query(
                    "INSERT INTO organisations (id, name, kind, country, district, languages, \
                     time_zone, version, created_at, updated_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $8, 1, $7, $7)",
                )
                .bind(id.to_string())
                .bind(fields.name.as_str())
                .bind(fields.kind.as_str())
                .bind(fields.country.as_str())
                .bind(fields.district.as_deref())
                .bind($crate::rows::language_list(fields))
                .bind(audit.at.millis())
                .bind(fields.time_zone.as_str())
                .execute(&mut *tx)
                .await
                .map_err(|e| $crate::StoreError::from_write(e, "organisation"))?;
                Self::append_in(&mut tx, &audit).await?;
                let org = Self::org_in(&mut tx, id).await?.ok_or($crate::StoreError::NotFound)?;
                tx.commit().await?;
                Ok(org)
            }

            async fn update_organisation(
                &self,
                id: domain::OrgId,
                expected_version: i64,
                fields: &domain::organisation::OrganisationFields,
                audit: domain::audit::AuditEvent,
            ) -> Result<domain::Organisation, $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                let done = sqlx::query(
                    "UPDATE organisations SET name = $1, kind = $2, country = $3, district = $4, \
                     languages = $5, version = version + 1, updated_at = $6, time_zone = $9 \
                     WHERE id = $7 AND version = $8",
                )
                .bind(fields.name.as_str())
                .bind(fields.kind.as_str())
                .bind(fields.country.as_str())
                .bind(fields.district.as_deref())
                .bind($crate::rows::language_list(fields))
                .bind(audit.at.millis())
                .bind(id.to_string())
                .bind(expected_version)
                .bind(fields.time_zone.as_str())
                .execute(&mut *tx)
                .await
                .map_err(|e| $crate::StoreError::from_write(e, "organisation"))?;
                if done.rows_affected() == 0 {
                    return Err(Self::missing_or_conflict(
                        &mut tx,
                        "SELECT version FROM organisations WHERE id = $1",
                        id.to_string(),
                        expected_version,
                    )
                    .await);
                }
                Self::append_in(&mut tx, &audit).await?;
                let org = Self::org_in(&mut tx, id).await?.ok_or($crate::StoreError::NotFound)?;
                tx.commit().await?;
                Ok(org)
            }

            async fn organisation(
                &self,
                id: domain::OrgId,
            ) -> Result<Option<domain::Organisation>, $crate::StoreError> {
                let mut conn = self.pool.acquire().await?;
                Self::org_in(&mut conn, id).await
            }

            async fn organisation_by_name(
                &self,
                name: &str,
            ) -> Result<Option<domain::Organisation>, $crate::StoreError> {
                let row: Option<$crate::rows::OrgRow> = sqlx::query_as(concat!(
                    "SELECT ",
                    $crate::rows::org_columns!(),
                    " FROM organisations WHERE name = $1"
                ))
                .bind(name.trim())
                .fetch_optional(&self.pool)
                .await?;
                row.map(TryInto::try_into).transpose()
            }

            async fn organisations(&self) -> Result<Vec<domain::Organisation>, $crate::StoreError> {
                let rows: Vec<$crate::rows::OrgRow> = sqlx::query_as(concat!(
                    "SELECT ",
                    $crate::rows::org_columns!(),
                    " FROM organisations ORDER BY name"
                ))
                .fetch_all(&self.pool)
                .await?;
                $crate::rows::convert(rows)
            }

            async fn create_user(
                &self,
                user: &$crate::NewUser,
                audit: domain::audit::AuditEvent,
            ) -> Result<domain::User, $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                sqlx::query(
                    "INSERT INTO users (id, org_id, username, display_name, password_hash, roles, \
                     language, active, version, created_at, updated_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, TRUE, 1, $8, $8)",
                )
                .bind(user.id.to_string())
                .bind(user.org_id.to_string())
                .bind(user.username.as_str())
                .bind(user.display_name.as_deref())
                .bind(&user.password_hash)
                .bind(user.roles.to_list())
                .bind(user.language.code())
                .bind(audit.at.millis())
                .execute(&mut *tx)
                .await
                .map_err(|e| $crate::StoreError::from_write(e, "username"))?;
                Self::append_in(&mut tx, &audit).await?;
                let created =
                    Self::user_in(&mut tx, user.id).await?.ok_or($crate::StoreError::NotFound)?;
                tx.commit().await?;
                Ok(created)
            }

            async fn update_user(
                &self,
                id: domain::UserId,
                expected_version: i64,
                changes: &$crate::UserChanges,
                audit: domain::audit::AuditEvent,
            ) -> Result<domain::User, $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                let done = sqlx::query(
                    "UPDATE users SET display_name = $1, roles = $2, language = $3, active = $4, \
                     version = version + 1, updated_at = $5 WHERE id = $6 AND version = $7",
                )
                .bind(changes.display_name.as_deref())
                .bind(changes.roles.to_list())
                .bind(changes.language.code())
                .bind(changes.active)
                .bind(audit.at.millis())
                .bind(id.to_string())
                .bind(expected_version)
                .execute(&mut *tx)
                .await?;
                if done.rows_affected() == 0 {
                    return Err(Self::missing_or_conflict(
                        &mut tx,
                        "SELECT version FROM users WHERE id = $1",
                        id.to_string(),
                        expected_version,
                    )
                    .await);
                }
                if !changes.active {
                    // A deactivated account's sessions end with it.
                    sqlx::query("DELETE FROM sessions WHERE user_id = $1")
                        .bind(id.to_string())
                        .execute(&mut *tx)
                        .await?;
                }
                Self::append_in(&mut tx, &audit).await?;
                let user = Self::user_in(&mut tx, id).await?.ok_or($crate::StoreError::NotFound)?;
                tx.commit().await?;
                Ok(user)
            }

            async fn set_password(
                &self,
                id: domain::UserId,
                password_hash: &str,
                audit: domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                let done = sqlx::query(
                    "UPDATE users SET password_hash = $1, must_change_password = FALSE, \
                     version = version + 1, updated_at = $2 WHERE id = $3",
                )
                .bind(password_hash)
                .bind(audit.at.millis())
                .bind(id.to_string())
                .execute(&mut *tx)
                .await?;
                if done.rows_affected() == 0 {
                    return Err($crate::StoreError::NotFound);
                }
                sqlx::query("DELETE FROM sessions WHERE user_id = $1")
                    .bind(id.to_string())
                    .execute(&mut *tx)
                    .await?;
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn require_password_change(
                &self,
                id: domain::UserId,
                audit: domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                let done = sqlx::query(
                    "UPDATE users SET must_change_password = TRUE \
                     WHERE id = $1 AND must_change_password = FALSE",
                )
                .bind(id.to_string())
                .execute(&mut *tx)
                .await?;
                if done.rows_affected() == 0 {
                    // Already asked (or no such user): nothing changed, nothing to record.
                    return Ok(());
                }
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn user(
                &self,
                id: domain::UserId,
            ) -> Result<Option<domain::User>, $crate::StoreError> {
                let mut conn = self.pool.acquire().await?;
                Self::user_in(&mut conn, id).await
            }

            async fn user_by_username(
                &self,
                username: &domain::Username,
            ) -> Result<Option<domain::User>, $crate::StoreError> {
                let row: Option<$crate::rows::UserRow> = sqlx::query_as(concat!(
                    "SELECT ",
                    $crate::rows::user_columns!(),
                    " FROM users WHERE username = $1"
                ))
                .bind(username.as_str())
                .fetch_optional(&self.pool)
                .await?;
                row.map(TryInto::try_into).transpose()
            }

            async fn credentials(
                &self,
                username: &domain::Username,
            ) -> Result<Option<$crate::UserCredentials>, $crate::StoreError> {
                let row: Option<$crate::rows::CredentialsRow> = sqlx::query_as(concat!(
                    "SELECT password_hash, ",
                    $crate::rows::user_columns!(),
                    " FROM users WHERE username = $1"
                ))
                .bind(username.as_str())
                .fetch_optional(&self.pool)
                .await?;
                row.map(TryInto::try_into).transpose()
            }

            async fn users_in(
                &self,
                org: domain::OrgId,
            ) -> Result<Vec<domain::User>, $crate::StoreError> {
                let rows: Vec<$crate::rows::UserRow> = sqlx::query_as(concat!(
                    "SELECT ",
                    $crate::rows::user_columns!(),
                    " FROM users WHERE org_id = $1 ORDER BY username"
                ))
                .bind(org.to_string())
                .fetch_all(&self.pool)
                .await?;
                $crate::rows::convert(rows)
            }

            async fn users_among(
                &self,
                ids: &[domain::UserId],
            ) -> Result<Vec<domain::User>, $crate::StoreError> {
                if ids.is_empty() {
                    return Ok(Vec::new());
                }
                let list = (1..=ids.len()).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ");
                let sql = format!(
                    "SELECT {} FROM users WHERE id IN ({list})",
                    $crate::rows::user_columns!()
                );
                let mut query = sqlx::query_as::<_, $crate::rows::UserRow>(sqlx::AssertSqlSafe(sql));
                for id in ids {
                    query = query.bind(id.to_string());
                }
                $crate::rows::convert(query.fetch_all(&self.pool).await?)
            }

            async fn survivor_accounts_in(
                &self,
                org: domain::OrgId,
            ) -> Result<Vec<domain::User>, $crate::StoreError> {
                // Those holding `survivor`; the caller keeps those with it alone.
                let rows: Vec<$crate::rows::UserRow> = sqlx::query_as(concat!(
                    "SELECT ",
                    $crate::rows::user_columns!(),
                    " FROM users WHERE org_id = $1 AND active = TRUE AND roles LIKE '%survivor%' \
                     ORDER BY username"
                ))
                .bind(org.to_string())
                .fetch_all(&self.pool)
                .await?;
                $crate::rows::convert(rows)
            }

            async fn users_among_and_survivors(
                &self,
                ids: &[domain::UserId],
                survivors_of: Option<domain::OrgId>,
            ) -> Result<Vec<domain::User>, $crate::StoreError> {
                let Some(org) = survivors_of else {
                    return self.users_among(ids).await;
                };
                // Assembled from fixed fragments: `$1` the organisation, one placeholder per
                // id, every value bound. `UNION` keeps each user once.
                let list = (0..ids.len())
                    .map(|i| format!("${}", i + 2))
                    .collect::<Vec<_>>()
                    .join(", ");
                let among = if ids.is_empty() {
                    String::new()
                } else {
                    format!(
                        "SELECT {} FROM users WHERE id IN ({list}) UNION ",
                        $crate::rows::user_columns!()
                    )
                };
                let sql = format!(
                    "{among}SELECT {} FROM users WHERE org_id = $1 AND active = TRUE \
                     AND roles LIKE '%survivor%' ORDER BY username",
                    $crate::rows::user_columns!()
                );
                let mut query = sqlx::query_as::<_, $crate::rows::UserRow>(sqlx::AssertSqlSafe(sql))
                    .bind(org.to_string());
                for id in ids {
                    query = query.bind(id.to_string());
                }
                $crate::rows::convert(query.fetch_all(&self.pool).await?)
            }

            async fn create_token(
                &self,
                id: domain::TokenId,
                user: domain::UserId,
                token_hash: &str,
                label: &str,
                expires_at: domain::Timestamp,
                audit: domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                sqlx::query(
                    "INSERT INTO api_tokens (id, user_id, token_hash, label, created_at, \
                     expires_at) VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(id.to_string())
                .bind(user.to_string())
                .bind(token_hash)
                .bind(label)
                .bind(audit.at.millis())
                .bind(expires_at.millis())
                .execute(&mut *tx)
                .await
                .map_err(|e| $crate::StoreError::from_write(e, "token"))?;
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn token_holder(
                &self,
                token_hash: &str,
                now: domain::Timestamp,
            ) -> Result<Option<$crate::TokenHolder>, $crate::StoreError> {
                let row: Option<$crate::rows::TokenHolderRow> = sqlx::query_as(concat!(
                    "SELECT t.last_used_at, u.id, u.org_id, u.username, u.display_name, u.roles, \
                     u.language, u.active, u.version, u.created_at, u.updated_at, o.country, \
                     o.time_zone, ",
                    $crate::rows::checks_columns!(),
                    " FROM api_tokens t JOIN users u ON u.id = t.user_id \
                     JOIN organisations o ON o.id = u.org_id \
                     WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.active = TRUE \
                     AND t.expires_at > $2"
                ))
                .bind(token_hash)
                .bind(now.millis())
                .fetch_optional(&self.pool)
                .await?;
                // When it was last used, to the minute: one small write a minute at most,
                // never an audit entry, and no statement at all on the writer in between.
                if row
                    .as_ref()
                    .is_some_and(|r| r.last_used_at.is_none_or(|at| at < now.millis() - 60_000))
                {
                    sqlx::query(
                        "UPDATE api_tokens SET last_used_at = $1 WHERE token_hash = $2 \
                         AND (last_used_at IS NULL OR last_used_at < $1 - 60000)",
                    )
                    .bind(now.millis())
                    .bind(token_hash)
                    .execute(&self.writer)
                    .await?;
                }
                row.map(TryInto::try_into).transpose()
            }

            async fn tokens_of(
                &self,
                user: domain::UserId,
            ) -> Result<Vec<$crate::TokenInfo>, $crate::StoreError> {
                let rows: Vec<$crate::rows::TokenRow> = sqlx::query_as(concat!(
                    "SELECT ",
                    $crate::rows::token_columns!(),
                    " FROM api_tokens WHERE user_id = $1 ORDER BY created_at, id"
                ))
                .bind(user.to_string())
                .fetch_all(&self.pool)
                .await?;
                $crate::rows::convert(rows)
            }

            async fn token(
                &self,
                id: domain::TokenId,
            ) -> Result<Option<$crate::TokenInfo>, $crate::StoreError> {
                let row: Option<$crate::rows::TokenRow> = sqlx::query_as(concat!(
                    "SELECT ",
                    $crate::rows::token_columns!(),
                    " FROM api_tokens WHERE id = $1"
                ))
                .bind(id.to_string())
                .fetch_optional(&self.pool)
                .await?;
                row.map(TryInto::try_into).transpose()
            }

            async fn revoke_token(
                &self,
                id: domain::TokenId,
                audit: domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                let exists: Option<Option<i64>> =
                    sqlx::query_scalar("SELECT revoked_at FROM api_tokens WHERE id = $1")
                        .bind(id.to_string())
                        .fetch_optional(&mut *tx)
                        .await?;
                match exists {
                    None => return Err($crate::StoreError::NotFound),
                    Some(Some(_)) => return Ok(()),
                    Some(None) => {}
                }
                sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE id = $2")
                    .bind(audit.at.millis())
                    .bind(id.to_string())
                    .execute(&mut *tx)
                    .await?;
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn create_session(
                &self,
                session: &$crate::NewSession,
            ) -> Result<(), $crate::StoreError> {
                sqlx::query(
                    "INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, expires_at) \
                     VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(&session.id_hash)
                .bind(session.user_id.to_string())
                .bind(&session.csrf_token)
                .bind(session.created_at.millis())
                .bind(session.expires_at.millis())
                .execute(&self.writer)
                .await?;
                Ok(())
            }

            async fn session(
                &self,
                id_hash: &str,
                now: domain::Timestamp,
            ) -> Result<Option<$crate::Session>, $crate::StoreError> {
                let row: Option<$crate::rows::SessionRow> = sqlx::query_as(concat!(
                    "SELECT s.csrf_token, s.expires_at, u.must_change_password, o.name AS org_name, u.id, u.org_id, \
                     u.username, u.display_name, u.roles, u.language, u.active, u.version, u.created_at, \
                     u.updated_at, o.country, o.time_zone, ",
                    $crate::rows::checks_columns!(),
                    " FROM sessions s JOIN users u ON u.id = s.user_id \
                     JOIN organisations o ON o.id = u.org_id \
                     WHERE s.id_hash = $1 AND s.expires_at > $2 AND u.active = TRUE"
                ))
                .bind(id_hash)
                .bind(now.millis())
                .fetch_optional(&self.pool)
                .await?;
                row.map(TryInto::try_into).transpose()
            }

            async fn delete_session(&self, id_hash: &str) -> Result<(), $crate::StoreError> {
                sqlx::query("DELETE FROM sessions WHERE id_hash = $1")
                    .bind(id_hash)
                    .execute(&self.writer)
                    .await?;
                Ok(())
            }

            async fn delete_expired_sessions(
                &self,
                now: domain::Timestamp,
            ) -> Result<u64, $crate::StoreError> {
                let done = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
                    .bind(now.millis())
                    .execute(&self.writer)
                    .await?;
                Ok(done.rows_affected())
            }

            async fn append_audit(
                &self,
                event: domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                Self::append_in(&mut tx, &event).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn append_reading(
                &self,
                event: domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                self.readings.append(event).await
            }

            async fn audit_page(
                &self,
                scope: Option<domain::OrgId>,
                before: Option<i64>,
                limit: u32,
            ) -> Result<Vec<domain::audit::AuditRecord>, $crate::StoreError> {
                let before = before.unwrap_or(i64::MAX);
                let rows: Vec<$crate::rows::AuditRow> = match scope {
                    Some(org) => {
                        sqlx::query_as(concat!(
                            "SELECT ",
                            $crate::rows::audit_columns!(),
                            " FROM audit_log WHERE org_scope = $1 AND seq < $3 ORDER BY seq DESC LIMIT $2"
                        ))
                        .bind(org.to_string())
                        .bind(i64::from(limit))
                        .bind(before)
                        .fetch_all(&self.pool)
                        .await?
                    }
                    None => {
                        sqlx::query_as(concat!(
                            "SELECT ",
                            $crate::rows::audit_columns!(),
                            " FROM audit_log WHERE seq < $2 ORDER BY seq DESC LIMIT $1"
                        ))
                        .bind(i64::from(limit))
                        .bind(before)
                        .fetch_all(&self.pool)
                        .await?
                    }
                };
                $crate::rows::convert(rows)
            }

            async fn verify_audit(&self) -> Result<$crate::AuditVerification, $crate::StoreError> {
                // One read transaction, so the head and the rows are one consistent snapshot.
                let mut tx = self.pool.begin().await?;
                let head: Option<(i64, String)> =
                    sqlx::query_as("SELECT seq, hash FROM audit_head WHERE id = 1")
                        .fetch_optional(&mut *tx)
                        .await?;
                let rows: Vec<$crate::rows::AuditRow> = sqlx::query_as(concat!(
                    "SELECT ",
                    $crate::rows::audit_columns!(),
                    " FROM audit_log ORDER BY seq"
                ))
                .fetch_all(&mut *tx)
                .await?;
                tx.commit().await?;
                let records: Vec<domain::audit::AuditRecord> = $crate::rows::convert(rows)?;
                let head = head.as_ref().map(|(seq, hash)| (*seq, hash.as_str()));
                Ok(match domain::audit::verify_chain(&records, head) {
                    Ok(entries) => $crate::AuditVerification::Intact { entries },
                    Err(broken) => $crate::AuditVerification::Broken(broken),
                })
            }
        }
    };
}

pub(crate) use impl_store;
