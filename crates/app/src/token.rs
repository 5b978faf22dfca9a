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
