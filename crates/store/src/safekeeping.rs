//! What keeps the store's contents safe beyond the database itself: secrets sealed with the key
//! file (decision 0005), and the audit chain's entries as an outside checkpoint needs them.
//!
//! Sealing happens here, in the store, so every caller above reads and writes plain secrets and
//! none can forget to seal one. Without a key file the store works as it always did; a sealed
//! value then cannot be read, and says how to fix that.

use async_trait::async_trait;
use keyfile::Sealer;

use crate::StoreError;

/// The key file's sealer, when the store was opened with one.
#[derive(Debug, Clone, Default)]
pub struct Secrets {
    sealer: Option<Sealer>,
}

impl Secrets {
    pub fn new(sealer: Option<Sealer>) -> Self {
        Self { sealer }
    }

    pub fn sealer(&self) -> Option<&Sealer> {
        self.sealer.as_ref()
    }

    /// The text to store for `plain`: sealed when there is a key file, else as it is.
    /// `context` names the column and row (e.g. `org_keys.age_identity:<org id>`).
    pub fn seal(&self, context: &str, plain: &str) -> Result<String, StoreError> {
        match &self.sealer {
            Some(sealer) => sealer
                .seal_text(context, plain)
                .map_err(|e| StoreError::Secret(e.to_string())),
            None => Ok(plain.to_string()),
        }
    }

    /// The secret in a stored value, sealed or from before sealing.
    pub fn open(&self, context: &str, stored: &str) -> Result<String, StoreError> {
        match (&self.sealer, Sealer::is_sealed(stored)) {
            (_, false) => Ok(stored.to_string()),
            (Some(sealer), true) => sealer
                .open_text(context, stored)
                .map_err(|e| StoreError::Secret(e.to_string())),
            (None, true) => Err(StoreError::Secret(
                "this database's secret keys are sealed: give the key file (--key-file or SAATHI_KEY_FILE)"
                    .into(),
            )),
        }
    }
}

/// Safekeeping, as `saathi serve`, `audit` and `keys` need it.
#[async_trait]
pub trait SafekeepingStore {
    /// The sealer of the key file the store was opened with, for other secrets to be sealed the
    /// same way (TOTP secrets).
    fn secrets(&self) -> &Secrets;

    /// Seals every secret still stored unsealed (kept before the key file was used). Returns how
    /// many values were sealed; does nothing without a key file. One transaction.
    async fn seal_stored_secrets(&self) -> Result<u64, StoreError>;

    /// Opens one sealed secret, if any is stored: a key file that does not fit is found at
    /// start, not when a package arrives. `Ok(false)` when nothing is sealed.
    async fn check_sealed_secrets(&self) -> Result<bool, StoreError>;

    /// The newest audit entry's seq and hash (None for an empty trail).
    async fn audit_newest(&self) -> Result<Option<(i64, String)>, StoreError>;

    /// The hash stored for entry `seq`.
    async fn audit_hash_at(&self, seq: i64) -> Result<Option<String>, StoreError>;
}

pub(crate) fn identity_context(org: &str) -> String {
    format!("org_keys.age_identity:{org}")
}

pub(crate) fn signing_context(org: &str) -> String {
    format!("org_keys.ed25519_secret:{org}")
}

macro_rules! impl_safekeeping_store {
    ($store:ty, $db:ty) => {
        #[async_trait::async_trait]
        impl $crate::SafekeepingStore for $store {
            fn secrets(&self) -> &$crate::Secrets {
                &self.secrets
            }

            async fn seal_stored_secrets(&self) -> Result<u64, $crate::StoreError> {
                if self.secrets.sealer().is_none() {
                    return Ok(0);
                }
                let mut tx = self.begin_write().await?;
                let rows: Vec<(String, String, String)> = sqlx::query_as(
                    "SELECT org_id, age_identity, ed25519_secret FROM org_keys \
                     WHERE age_identity IS NOT NULL AND ed25519_secret IS NOT NULL",
                )
                .fetch_all(&mut *tx)
                .await?;
                let mut sealed = 0;
                for (org, identity, secret) in rows {
                    let identity_context = $crate::safekeeping::identity_context(&org);
                    let signing_context = $crate::safekeeping::signing_context(&org);
                    let mut changed = false;
                    let identity = if keyfile::Sealer::is_sealed(&identity) {
                        // Opening proves it was sealed with this key file.
                        self.secrets.open(&identity_context, &identity)?;
                        identity
                    } else {
                        changed = true;
                        sealed += 1;
                        self.secrets.seal(&identity_context, &identity)?
                    };
                    let secret = if keyfile::Sealer::is_sealed(&secret) {
                        self.secrets.open(&signing_context, &secret)?;
                        secret
                    } else {
                        changed = true;
                        sealed += 1;
                        self.secrets.seal(&signing_context, &secret)?
                    };
                    if changed {
                        sqlx::query(
                            "UPDATE org_keys SET age_identity = $1, ed25519_secret = $2 WHERE org_id = $3",
                        )
                        .bind(&identity)
                        .bind(&secret)
                        .bind(&org)
                        .execute(&mut *tx)
                        .await?;
                    }
                }
                // Second-factor secrets written before the key file was adopted, likewise.
                let totp: Vec<(String, String)> =
                    sqlx::query_as("SELECT user_id, secret FROM user_totp")
                        .fetch_all(&mut *tx)
                        .await?;
                for (user, secret) in totp {
                    let context = $crate::twofactor::secret_context($crate::stored::parse_column(
                        "user_id",
                        &user,
                        str::parse,
                    )?);
                    if keyfile::Sealer::is_sealed(&secret) {
                        self.secrets.open(&context, &secret)?;
                        continue;
                    }
                    sqlx::query("UPDATE user_totp SET secret = $1 WHERE user_id = $2")
                        .bind(self.secrets.seal(&context, &secret)?)
                        .bind(&user)
                        .execute(&mut *tx)
                        .await?;
                    sealed += 1;
                }
                tx.commit().await?;
                Ok(sealed)
            }

            async fn check_sealed_secrets(&self) -> Result<bool, $crate::StoreError> {
                let row: Option<(String, String)> = sqlx::query_as(
                    "SELECT org_id, age_identity FROM org_keys \
                     WHERE age_identity LIKE 'sealed:%' ORDER BY org_id LIMIT 1",
                )
                .fetch_optional(&self.pool)
                .await?;
                match row {
                    Some((org, identity)) => {
                        self.secrets
                            .open(&$crate::safekeeping::identity_context(&org), &identity)?;
                        Ok(true)
                    }
                    None => Ok(false),
                }
            }

            async fn audit_newest(&self) -> Result<Option<(i64, String)>, $crate::StoreError> {
                Ok(
                    sqlx::query_as("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
                        .fetch_optional(&self.pool)
                        .await?,
                )
            }

            async fn audit_hash_at(&self, seq: i64) -> Result<Option<String>, $crate::StoreError> {
                Ok(sqlx::query_scalar("SELECT hash FROM audit_log WHERE seq = $1")
                    .bind(seq)
                    .fetch_optional(&self.pool)
                    .await?)
            }
        }
    };
}

pub(crate) use impl_safekeeping_store;
