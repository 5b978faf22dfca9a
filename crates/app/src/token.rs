//! Random secrets (session ids, CSRF tokens, API tokens) and their stored hashes.

use rand_core::{OsRng, RngCore};
use sha2::{Digest, Sha256};

/// 32 random bytes as hex.
pub fn random_hex() -> String {
    let mut bytes = [0_u8; 32];
    OsRng.fill_bytes(&mut bytes);
    hex(&bytes)
}

/// A new API bearer token. The prefix makes a leaked token easy to recognise and search for.
pub fn new_api_token() -> String {
    format!("saathi_{}", random_hex())
}

/// What the database keeps instead of a secret: its SHA-256, so a copy of the database cannot
/// be used to sign in.
pub fn hash_secret(secret: &str) -> String {
    hex(&Sha256::digest(secret.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Compares secrets in time independent of where they differ.
pub fn constant_time_eq(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0_u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_hashes_stable() {
        assert_ne!(new_api_token(), new_api_token());
        assert!(new_api_token().starts_with("saathi_"));
        assert_eq!(hash_secret("x"), hash_secret("x"));
        assert_eq!(hash_secret("x").len(), 64);
        assert!(constant_time_eq("abc", "abc"));
        assert!(!constant_time_eq("abc", "abd"));
    }
}

/// A token just made: its id, the secret (shown once, never stored) and when it stops working.
#[derive(Debug, Clone)]
pub struct Issued {
    pub id: domain::TokenId,
    pub secret: String,
    pub expires_at: domain::Timestamp,
}

/// Makes an API bearer token for `user`, working for `lifetime_seconds`. Only its hash is
/// stored; the audit entry names the user, the label and the expiry, never the secret.
pub async fn issue(
    store: &std::sync::Arc<dyn store::Store>,
    acting: &crate::Acting,
    user: &domain::User,
    label: &str,
    lifetime_seconds: i64,
) -> Result<Issued, crate::Error> {
    acting.administer(user)?;
    let secret = new_api_token();
    let id = domain::TokenId::new();
    let expires_at = acting.at.plus_seconds(lifetime_seconds);
    let event = acting
        .event(
            domain::audit::AuditAction::TokenCreated,
            format!("token:{id}"),
            Some(user.org_id),
        )
        .with_detail(crate::accounts::detail(&[
            ("user", user.username.as_str()),
            ("label", label),
            ("expires_at", &expires_at.to_rfc3339()),
        ]));
    store
        .create_token(id, user.id, &hash_secret(&secret), label, expires_at, event)
        .await?;
    Ok(Issued {
        id,
        secret,
        expires_at,
    })
}

/// Revokes a token: it stops working at once, and the revocation is audited in the
/// organisation of the person it belonged to.
pub async fn revoke(
    store: &std::sync::Arc<dyn store::Store>,
    acting: &crate::Acting,
    id: domain::TokenId,
) -> Result<(), crate::Error> {
    let token = store.token(id).await?.ok_or(crate::Error::NotFound)?;
    let owner = store.user(token.user_id).await?;
    if let Some(owner) = &owner {
        acting.administer(owner)?;
    }
    let event = acting.event(
        domain::audit::AuditAction::TokenRevoked,
        format!("token:{id}"),
        owner.map(|u| u.org_id),
    );
    Ok(store.revoke_token(id, event).await?)
}
