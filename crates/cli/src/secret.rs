//! Password hashes and API tokens for the command line.
//!
//! The same scheme as `web` uses (Argon2id; tokens stored as SHA-256): when `web` joins the
//! workspace, the CLI calls its modules instead and this file goes (docs/decisions/0002).

use argon2::Argon2;
use argon2::password_hash::rand_core::{OsRng, RngCore};
use argon2::password_hash::{PasswordHasher, SaltString};
use sha2::{Digest, Sha256};

use crate::Failure;

pub fn hash_password(password: &str) -> Result<String, Failure> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| Failure(format!("cannot hash the password: {e}")))
}

/// A new bearer token; the prefix makes a leaked one easy to recognise.
pub fn new_api_token() -> String {
    let mut bytes = [0_u8; 32];
    OsRng.fill_bytes(&mut bytes);
    format!("saathi_{}", hex(&bytes))
}

/// What the database keeps instead of the token.
pub fn hash_secret(secret: &str) -> String {
    hex(&Sha256::digest(secret.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
