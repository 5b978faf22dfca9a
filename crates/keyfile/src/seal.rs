//! Secrets sealed at rest with XChaCha20-Poly1305 (a random 24-byte nonce per value, so no
//! counter has to be kept). A sealed value says which format it is in, and the text form starts
//! with [`SEALED_PREFIX`] so a reader can tell a sealed value from one stored before sealing.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};

use crate::KeyError;

/// How a sealed value stored as text begins: `sealed:1:` then base64.
pub const SEALED_PREFIX: &str = "sealed:1:";

const VERSION: u8 = 1;
const NONCE: usize = 24;
const DOMAIN: &[u8] = b"saathi-seal-v1";

/// Seals and opens secrets with the key file's seal key. `Debug` shows nothing of the key.
#[derive(Clone)]
pub struct Sealer {
    cipher: XChaCha20Poly1305,
}

impl std::fmt::Debug for Sealer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Sealer(..)")
    }
}

impl Sealer {
    pub fn new(key: &[u8; 32]) -> Self {
        Self {
            cipher: XChaCha20Poly1305::new(key.into()),
        }
    }

    /// `version ‖ nonce ‖ ciphertext+tag`.
    pub fn seal(&self, plaintext: &[u8]) -> Result<Vec<u8>, KeyError> {
        self.seal_for("", plaintext)
    }

    pub fn open(&self, sealed: &[u8]) -> Result<Vec<u8>, KeyError> {
        self.open_for("", sealed)
    }

    /// Seals bound to `context` (for example `org_keys.age_identity:<org id>`): the value opens
    /// only for the same context, so a sealed secret cannot be moved to another row unseen.
    pub fn seal_for(&self, context: &str, plaintext: &[u8]) -> Result<Vec<u8>, KeyError> {
        let nonce: [u8; NONCE] = crate::random()?;
        let aad = aad(context);
        let ciphertext = self
            .cipher
            .encrypt(
                &XNonce::from(nonce),
                Payload {
                    msg: plaintext,
                    aad: &aad,
                },
            )
            .map_err(|_| KeyError::Unseal)?;
        let mut out = Vec::with_capacity(1 + NONCE + ciphertext.len());
        out.push(VERSION);
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&ciphertext);
        Ok(out)
    }

    pub fn open_for(&self, context: &str, sealed: &[u8]) -> Result<Vec<u8>, KeyError> {
        let (version, rest) = sealed.split_first().ok_or(KeyError::Unseal)?;
        if *version != VERSION || rest.len() < NONCE + 16 {
            return Err(KeyError::Unseal);
        }
        let (nonce, ciphertext) = rest.split_at(NONCE);
        let nonce: [u8; NONCE] = nonce.try_into().map_err(|_| KeyError::Unseal)?;
        let aad = aad(context);
        self.cipher
            .decrypt(
                &XNonce::from(nonce),
                Payload {
                    msg: ciphertext,
                    aad: &aad,
                },
            )
            .map_err(|_| KeyError::Unseal)
    }

    /// A text secret sealed for a text column: `sealed:1:<base64>`.
    pub fn seal_text(&self, context: &str, plaintext: &str) -> Result<String, KeyError> {
        let sealed = self.seal_for(context, plaintext.as_bytes())?;
        Ok(format!("{SEALED_PREFIX}{}", STANDARD.encode(sealed)))
    }

    /// Opens a text column: a sealed value with this key, or a value stored before sealing as
    /// it is (see [`is_sealed`](Self::is_sealed)).
    pub fn open_text(&self, context: &str, stored: &str) -> Result<String, KeyError> {
        let Some(encoded) = stored.strip_prefix(SEALED_PREFIX) else {
            return Ok(stored.to_string());
        };
        let sealed = STANDARD.decode(encoded).map_err(|_| KeyError::Unseal)?;
        let plain = self.open_for(context, &sealed)?;
        String::from_utf8(plain).map_err(|_| KeyError::Unseal)
    }

    pub fn is_sealed(stored: &str) -> bool {
        stored.starts_with(SEALED_PREFIX)
    }
}

fn aad(context: &str) -> Vec<u8> {
    let mut aad = DOMAIN.to_vec();
    aad.push(b'\n');
    aad.extend_from_slice(context.as_bytes());
    aad
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn sealed_values_open_only_with_the_same_key_and_context() {
        let sealer = Sealer::new(&[7; 32]);
        let sealed = sealer.seal(b"AGE-SECRET-KEY-1").unwrap();
        assert_eq!(sealer.open(&sealed).unwrap(), b"AGE-SECRET-KEY-1");
        assert_ne!(sealer.seal(b"x").unwrap(), sealer.seal(b"x").unwrap());
        assert!(Sealer::new(&[8; 32]).open(&sealed).is_err());

        let text = sealer.seal_text("org:1", "secret").unwrap();
        assert!(Sealer::is_sealed(&text));
        assert!(!text.contains("secret"));
        assert_eq!(sealer.open_text("org:1", &text).unwrap(), "secret");
        assert!(sealer.open_text("org:2", &text).is_err());
        assert_eq!(sealer.open_text("org:1", "plain").unwrap(), "plain");

        for i in 0..sealed.len() {
            let mut flipped = sealed.clone();
            flipped[i] ^= 1;
            assert!(sealer.open(&flipped).is_err(), "byte {i}");
        }
        assert!(sealer.open(&sealed[..sealed.len() - 1]).is_err());
        assert!(sealer.open(&[]).is_err());
    }
}
