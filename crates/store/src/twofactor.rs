//! Two-factor sign-in's storage: each user's authenticator secret (sealed here with the key
//! file when the server has one, like the organisations' keys), the newest step accepted from it, her one-time recovery codes (hashed), and the roles
//! that must use a second factor.

use async_trait::async_trait;
use domain::audit::AuditEvent;
use domain::{Role, Timestamp, UserId};

use crate::StoreError;

/// Her authenticator as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TotpRecord {
    /// The secret as `web::twofactor::seal_secret` wrote it (opened from the key file's seal).
    pub secret: String,
    /// When she confirmed it with a code; `None` while she is still enrolling.
    pub confirmed_at: Option<Timestamp>,
    /// The newest 30-second step whose code was accepted.
    pub last_step: Option<i64>,
}

impl TotpRecord {
    pub fn confirmed(&self) -> bool {
        self.confirmed_at.is_some()
    }
}

#[async_trait]
pub trait TwoFactorStore {
    async fn totp(&self, user: UserId) -> Result<Option<TotpRecord>, StoreError>;

    /// Keeps a new secret for her to confirm, replacing one not yet confirmed;
    /// `Duplicate("second factor")` when she has a confirmed one.
    async fn begin_totp(&self, user: UserId, secret: &str, at: Timestamp)
    -> Result<(), StoreError>;

    /// Confirms the secret with the step of the code she typed and keeps her recovery codes
    /// (hashed); `NotFound` when nothing waits for confirmation.
    async fn confirm_totp(
        &self,
        user: UserId,
        step: i64,
        recovery_hashes: &[String],
        audit: AuditEvent,
    ) -> Result<(), StoreError>;

    /// Records that a code of `step` was used. `false` when that step or a later one was
    /// accepted already (a code is never accepted twice), or she has no confirmed secret.
    async fn use_totp_step(&self, user: UserId, step: i64) -> Result<bool, StoreError>;

    /// Uses up one recovery code, with its audit entry; `false` (and nothing written) when no
    /// unused code has this hash.
    async fn use_recovery_code(
        &self,
        user: UserId,
        code_hash: &str,
        audit: AuditEvent,
    ) -> Result<bool, StoreError>;

    /// Her recovery codes not used yet.
    async fn recovery_codes_left(&self, user: UserId) -> Result<i64, StoreError>;

    /// Removes her secret and recovery codes (she lost her phone). Her sessions stay: the
    /// enrolment gate sends her to enrol again if her role requires it.
    async fn reset_two_factor(&self, user: UserId, audit: AuditEvent) -> Result<(), StoreError>;

    /// The roles that must sign in with a second factor.
    async fn two_factor_roles(&self) -> Result<Vec<Role>, StoreError>;

    /// Replaces the roles that must sign in with a second factor.
    async fn set_two_factor_roles(
        &self,
        roles: &[Role],
        audit: AuditEvent,
    ) -> Result<(), StoreError>;
}

#[derive(sqlx::FromRow)]
pub(crate) struct TotpRow {
    secret: String,
    confirmed_at: Option<i64>,
    last_step: Option<i64>,
}

impl From<TotpRow> for TotpRecord {
    fn from(row: TotpRow) -> Self {
        TotpRecord {
            secret: row.secret,
            confirmed_at: row.confirmed_at.map(Timestamp::from_millis),
            last_step: row.last_step,
        }
    }
}

/// What a sealed TOTP secret is bound to: its column and its user, so a sealed value copied to
/// another row does not open.
pub(crate) fn secret_context(user: UserId) -> String {
    format!("user_totp.secret:{user}")
}

macro_rules! impl_two_factor_store {
    ($store:ty, $db:ty) => {
        #[async_trait::async_trait]
        impl $crate::TwoFactorStore for $store {
            async fn totp(
                &self,
                user: domain::UserId,
            ) -> Result<Option<$crate::TotpRecord>, $crate::StoreError> {
                let row: Option<$crate::twofactor::TotpRow> = sqlx::query_as(
                    "SELECT secret, confirmed_at, last_step FROM user_totp WHERE user_id = $1",
                )
                .bind(user.to_string())
                .fetch_optional(&self.pool)
                .await?;
                let Some(row) = row else {
                    return Ok(None);
                };
                let mut record: $crate::TotpRecord = row.into();
                // Sealed with the key file when the server has one (decision 0005).
                record.secret = self
                    .secrets
                    .open(&$crate::twofactor::secret_context(user), &record.secret)?;
                Ok(Some(record))
            }

            async fn begin_totp(
                &self,
                user: domain::UserId,
                secret: &str,
                at: domain::Timestamp,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                let confirmed: Option<Option<i64>> =
                    sqlx::query_scalar("SELECT confirmed_at FROM user_totp WHERE user_id = $1")
                        .bind(user.to_string())
                        .fetch_optional(&mut *tx)
                        .await?;
                if matches!(confirmed, Some(Some(_))) {
                    return Err($crate::StoreError::Duplicate("second factor"));
                }
                sqlx::query("DELETE FROM user_totp WHERE user_id = $1")
                    .bind(user.to_string())
                    .execute(&mut *tx)
                    .await?;
                let stored = self
                    .secrets
                    .seal(&$crate::twofactor::secret_context(user), secret)?;
                sqlx::query(
                    "INSERT INTO user_totp (user_id, secret, created_at) VALUES ($1, $2, $3)",
                )
                .bind(user.to_string())
                .bind(stored)
                .bind(at.millis())
                .execute(&mut *tx)
                .await
                .map_err(|e| $crate::StoreError::from_write(e, "second factor"))?;
                tx.commit().await?;
                Ok(())
            }

            async fn confirm_totp(
                &self,
                user: domain::UserId,
                step: i64,
                recovery_hashes: &[String],
                audit: domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                let done = sqlx::query(
                    "UPDATE user_totp SET confirmed_at = $1, last_step = $2 \
                     WHERE user_id = $3 AND confirmed_at IS NULL",
                )
                .bind(audit.at.millis())
                .bind(step)
                .bind(user.to_string())
                .execute(&mut *tx)
                .await?;
                if done.rows_affected() == 0 {
                    return Err($crate::StoreError::NotFound);
                }
                sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1")
                    .bind(user.to_string())
                    .execute(&mut *tx)
                    .await?;
                for hash in recovery_hashes {
                    sqlx::query("INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, $2)")
                        .bind(user.to_string())
                        .bind(hash)
                        .execute(&mut *tx)
                        .await
                        .map_err(|e| $crate::StoreError::from_write(e, "recovery code"))?;
                }
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn use_totp_step(
                &self,
                user: domain::UserId,
                step: i64,
            ) -> Result<bool, $crate::StoreError> {
                // One statement: two requests with the same code cannot both move the step on.
                let done = sqlx::query(
                    "UPDATE user_totp SET last_step = $1 WHERE user_id = $2 \
                     AND confirmed_at IS NOT NULL AND (last_step IS NULL OR last_step < $1)",
                )
                .bind(step)
                .bind(user.to_string())
                .execute(&self.writer)
                .await?;
                Ok(done.rows_affected() == 1)
            }

            async fn use_recovery_code(
                &self,
                user: domain::UserId,
                code_hash: &str,
                audit: domain::audit::AuditEvent,
            ) -> Result<bool, $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                let done = sqlx::query(
                    "UPDATE recovery_codes SET used_at = $1 \
                     WHERE user_id = $2 AND code_hash = $3 AND used_at IS NULL",
                )
                .bind(audit.at.millis())
                .bind(user.to_string())
                .bind(code_hash)
                .execute(&mut *tx)
                .await?;
                if done.rows_affected() == 0 {
                    return Ok(false);
                }
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(true)
            }

            async fn recovery_codes_left(
                &self,
                user: domain::UserId,
            ) -> Result<i64, $crate::StoreError> {
                Ok(sqlx::query_scalar(
                    "SELECT COUNT(*) FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL",
                )
                .bind(user.to_string())
                .fetch_one(&self.pool)
                .await?)
            }

            async fn reset_two_factor(
                &self,
                user: domain::UserId,
                audit: domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                for statement in [
                    "DELETE FROM recovery_codes WHERE user_id = $1",
                    "DELETE FROM user_totp WHERE user_id = $1",
                ] {
                    sqlx::query(statement)
                        .bind(user.to_string())
                        .execute(&mut *tx)
                        .await?;
                }
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn two_factor_roles(&self) -> Result<Vec<domain::Role>, $crate::StoreError> {
                let rows: Vec<$crate::stored::Stored<domain::Role>> =
                    sqlx::query_scalar("SELECT role FROM two_factor_roles ORDER BY role")
                        .fetch_all(&self.pool)
                        .await?;
                Ok(rows.into_iter().map($crate::stored::Stored::into_inner).collect())
            }

            async fn set_two_factor_roles(
                &self,
                roles: &[domain::Role],
                audit: domain::audit::AuditEvent,
            ) -> Result<(), $crate::StoreError> {
                let mut tx = self.begin_write().await?;
                sqlx::query("DELETE FROM two_factor_roles")
                    .execute(&mut *tx)
                    .await?;
                for role in roles {
                    sqlx::query("INSERT INTO two_factor_roles (role, set_at) VALUES ($1, $2)")
                        .bind(role.as_str())
                        .bind(audit.at.millis())
                        .execute(&mut *tx)
                        .await
                        .map_err(|e| $crate::StoreError::from_write(e, "role"))?;
                }
                Self::append_in(&mut tx, &audit).await?;
                tx.commit().await?;
                Ok(())
            }
        }
    };
}

pub(crate) use impl_two_factor_store;
