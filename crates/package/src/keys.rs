//! An organisation's two key pairs: X25519 (age) so packages can be encrypted to it, Ed25519 so
//! the packages it sends can be checked. The public halves travel as one line of JSON
//! ([`PublicKeys`]) that another server adds to its directory.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Serialize};

use crate::PackageError;

/// The secret halves, held by the organisation's own server.
pub struct OrgSecrets {
    pub age: age::x25519::Identity,
    pub signing: ed25519_dalek::SigningKey,
}

impl OrgSecrets {
    pub fn generate() -> Result<Self, PackageError> {
        let mut seed = [0u8; 32];
        getrandom::getrandom(&mut seed).map_err(|e| PackageError::Key(e.to_string()))?;
        Ok(OrgSecrets {
            age: age::x25519::Identity::generate(),
            signing: ed25519_dalek::SigningKey::from_bytes(&seed),
        })
    }

    /// From their stored text forms: `AGE-SECRET-KEY-1…` and the base64 Ed25519 seed.
    pub fn parse(age_identity: &str, ed25519_secret: &str) -> Result<Self, PackageError> {
        let age = age_identity
            .trim()
            .parse::<age::x25519::Identity>()
            .map_err(|e| PackageError::Key(format!("age identity: {e}")))?;
        let seed: [u8; 32] = STANDARD
            .decode(ed25519_secret.trim())
            .ok()
            .and_then(|b| b.try_into().ok())
            .ok_or_else(|| PackageError::Key("Ed25519 secret key".into()))?;
        Ok(OrgSecrets {
            age,
            signing: ed25519_dalek::SigningKey::from_bytes(&seed),
        })
    }

    /// The age identity as the `age` tool reads it (`AGE-SECRET-KEY-1…`).
    pub fn age_identity_text(&self) -> String {
        use age::secrecy::ExposeSecret;
        self.age.to_string().expose_secret().to_string()
    }

    pub fn ed25519_secret_text(&self) -> String {
        STANDARD.encode(self.signing.to_bytes())
    }

    pub fn age_recipient_text(&self) -> String {
        self.age.to_public().to_string()
    }

    pub fn ed25519_public_text(&self) -> String {
        STANDARD.encode(self.signing.verifying_key().to_bytes())
    }
}

/// One organisation's public keys as `saathi keys show` prints them and `saathi org trust`
/// reads them. `kind`, `country` and `languages` let the receiving directory describe it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicKeys {
    pub name: String,
    pub id: uuid::Uuid,
    pub age_recipient: String,
    pub ed25519: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
}

impl PublicKeys {
    /// Checks that both keys parse; an organisation is never trusted with a key it cannot use.
    pub fn check(&self) -> Result<(), PackageError> {
        recipient(&self.age_recipient)?;
        verifying_key(&self.ed25519)?;
        if self.name.trim().is_empty() {
            return Err(PackageError::Key("the organisation has no name".into()));
        }
        Ok(())
    }
}

pub fn recipient(text: &str) -> Result<age::x25519::Recipient, PackageError> {
    text.trim()
        .parse::<age::x25519::Recipient>()
        .map_err(|e| PackageError::Key(format!("age recipient: {e}")))
}

pub fn verifying_key(text: &str) -> Result<ed25519_dalek::VerifyingKey, PackageError> {
    let bytes: [u8; 32] = STANDARD
        .decode(text.trim())
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or_else(|| PackageError::Key("Ed25519 public key: not 32 bytes of base64".into()))?;
    ed25519_dalek::VerifyingKey::from_bytes(&bytes)
        .map_err(|e| PackageError::Key(format!("Ed25519 public key: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_text_forms_give_back_the_same_keys() {
        let keys = OrgSecrets::generate().expect("generate");
        let again = OrgSecrets::parse(&keys.age_identity_text(), &keys.ed25519_secret_text())
            .expect("parse");
        assert_eq!(again.age_recipient_text(), keys.age_recipient_text());
        assert_eq!(again.ed25519_public_text(), keys.ed25519_public_text());
        assert!(keys.age_identity_text().starts_with("AGE-SECRET-KEY-1"));
        assert!(keys.age_recipient_text().starts_with("age1"));
    }

    #[test]
    fn broken_public_keys_are_refused() {
        let keys = OrgSecrets::generate().expect("generate");
        let mut public = PublicKeys {
            name: "Jessore".into(),
            id: uuid::Uuid::now_v7(),
            age_recipient: keys.age_recipient_text(),
            ed25519: keys.ed25519_public_text(),
            kind: None,
            country: None,
            languages: vec![],
        };
        assert!(public.check().is_ok());
        public.ed25519 = "AAAA".into();
        assert!(public.check().is_err());
        public.ed25519 = keys.ed25519_public_text();
        public.age_recipient = "age1notakey".into();
        assert!(public.check().is_err());
    }
}
