//! Audit checkpoints: the newest entry's number and hash, written outside the database.
//!
//! One line of JSON (a newline after it):
//!
//! ```json
//! {"format":"saathi-audit-checkpoint","version":1,"seq":1234,"hash":"<64 hex>","at":1795910400000,
//!  "signature":{"ed25519_public":"<32 bytes, base64>","value":"<64 bytes, base64>"}}
//! ```
//!
//! `signature` is `null` for an unsigned checkpoint. The signature is Ed25519 over the bytes
//! `"saathi-audit-checkpoint 1\nseq {seq}\nhash {hash}\nat {at}\n"`. A checkpoint is checked
//! with the public key of the key file, never with the one it carries (which only says which
//! key signed it).

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use ed25519_dalek::{Signer, Verifier};
use serde::{Deserialize, Serialize};

use crate::KeyError;

pub const CHECKPOINT_FORMAT: &str = "saathi-audit-checkpoint";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checkpoint {
    pub format: String,
    pub version: u32,
    /// The newest entry's sequence number (0 for an empty trail).
    pub seq: i64,
    /// That entry's hash (lower-case hex).
    pub hash: String,
    /// When the checkpoint was taken, milliseconds since the epoch.
    pub at: i64,
    pub signature: Option<CheckpointSignature>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckpointSignature {
    pub ed25519_public: String,
    pub value: String,
}

impl Checkpoint {
    pub fn new(seq: i64, hash: &str, at: i64) -> Self {
        Self {
            format: CHECKPOINT_FORMAT.into(),
            version: 1,
            seq,
            hash: hash.to_string(),
            at,
            signature: None,
        }
    }

    fn signed_bytes(&self) -> Vec<u8> {
        format!(
            "saathi-audit-checkpoint 1\nseq {}\nhash {}\nat {}\n",
            self.seq, self.hash, self.at
        )
        .into_bytes()
    }

    pub fn sign(mut self, key: &ed25519_dalek::SigningKey) -> Self {
        let signature = key.sign(&self.signed_bytes());
        self.signature = Some(CheckpointSignature {
            ed25519_public: STANDARD.encode(key.verifying_key().to_bytes()),
            value: STANDARD.encode(signature.to_bytes()),
        });
        self
    }

    /// The file's text: one line of JSON and a newline.
    pub fn to_text(&self) -> String {
        // Serialising plain strings and integers cannot fail.
        let mut text = serde_json::to_string(self).unwrap_or_default();
        text.push('\n');
        text
    }

    pub fn parse(text: &str) -> Result<Self, KeyError> {
        let checkpoint: Checkpoint = serde_json::from_str(text.trim())
            .map_err(|e| KeyError::Checkpoint(format!("not an audit checkpoint: {e}")))?;
        if checkpoint.format != CHECKPOINT_FORMAT {
            return Err(KeyError::Checkpoint(format!(
                "not an audit checkpoint (format {:?})",
                checkpoint.format
            )));
        }
        if checkpoint.version != 1 {
            return Err(KeyError::Checkpoint(format!(
                "audit checkpoint version {} is not known to this Saathi (expected 1)",
                checkpoint.version
            )));
        }
        let hex = checkpoint.hash.len() == 64
            && checkpoint
                .hash
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        if checkpoint.seq < 0 || !hex {
            return Err(KeyError::Checkpoint(
                "the checkpoint's seq or hash is malformed".into(),
            ));
        }
        Ok(checkpoint)
    }

    /// Checks the signature with the key file's audit key. An unsigned checkpoint, or one
    /// signed by another key, is refused.
    pub fn verify_signature(&self, key: &ed25519_dalek::VerifyingKey) -> Result<(), KeyError> {
        let signature = self.signature.as_ref().ok_or_else(|| {
            KeyError::Checkpoint("the checkpoint is not signed, but a key file was given".into())
        })?;
        if signature.ed25519_public != STANDARD.encode(key.to_bytes()) {
            return Err(KeyError::Checkpoint(
                "the checkpoint was signed with another audit key than the key file's".into(),
            ));
        }
        let bytes: [u8; 64] = STANDARD
            .decode(&signature.value)
            .ok()
            .and_then(|b| b.try_into().ok())
            .ok_or_else(|| {
                KeyError::Checkpoint("the checkpoint's signature is malformed".into())
            })?;
        key.verify(
            &self.signed_bytes(),
            &ed25519_dalek::Signature::from_bytes(&bytes),
        )
        .map_err(|_| {
            KeyError::Checkpoint(
                "the checkpoint's signature does not verify: it was altered after signing".into(),
            )
        })
    }

    /// Compares with the trail in the database: its newest entry's number, and the hash it
    /// holds for the checkpoint's entry (None when there is no such entry).
    pub fn check_trail(&self, last_seq: i64, hash_at_seq: Option<&str>) -> Result<(), KeyError> {
        if last_seq < self.seq {
            return Err(KeyError::Checkpoint(format!(
                "the audit trail is shorter than the checkpoint: it ends at entry {last_seq}, the checkpoint names entry {}",
                self.seq
            )));
        }
        if self.seq == 0 {
            return Ok(());
        }
        match hash_at_seq {
            Some(hash) if hash == self.hash => Ok(()),
            Some(_) => Err(KeyError::Checkpoint(format!(
                "entry {} has another hash than the checkpoint: the trail was rewritten at or before it",
                self.seq
            ))),
            None => Err(KeyError::Checkpoint(format!(
                "entry {} of the checkpoint is missing from the audit trail",
                self.seq
            ))),
        }
    }

    /// The first 16 hex digits in groups of four, to note down or read out: `3f9a 1c0b 77de 0412`.
    pub fn short_hash(&self) -> String {
        let head: Vec<&str> = (0..4)
            .filter_map(|i| self.hash.get(i * 4..i * 4 + 4))
            .collect();
        head.join(" ")
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    const HASH: &str = "3f9a1c0b77de04120000000000000000000000000000000000000000000000ff";

    #[test]
    fn signed_checkpoints_round_trip_and_refuse_changes() {
        let key = ed25519_dalek::SigningKey::from_bytes(&[3; 32]);
        let checkpoint = Checkpoint::new(42, HASH, 1_795_910_400_000).sign(&key);
        let text = checkpoint.to_text();
        assert_eq!(text.lines().count(), 1);
        let again = Checkpoint::parse(&text).unwrap();
        assert_eq!(again, checkpoint);
        again.verify_signature(&key.verifying_key()).unwrap();
        assert_eq!(again.short_hash(), "3f9a 1c0b 77de 0412");

        let moved = Checkpoint::parse(&text.replace("\"seq\":42", "\"seq\":41")).unwrap();
        assert!(moved.verify_signature(&key.verifying_key()).is_err());
        let other = ed25519_dalek::SigningKey::from_bytes(&[4; 32]);
        let err = again.verify_signature(&other.verifying_key()).unwrap_err();
        assert!(err.to_string().contains("another audit key"), "{err}");
        let unsigned = Checkpoint::new(42, HASH, 0);
        assert!(unsigned.verify_signature(&key.verifying_key()).is_err());
        assert!(Checkpoint::parse(&text.replace("\"version\":1", "\"version\":2")).is_err());
        assert!(Checkpoint::parse("{}").is_err());
    }

    #[test]
    fn a_shorter_or_rewritten_trail_is_refused() {
        let checkpoint = Checkpoint::new(42, HASH, 0);
        assert!(checkpoint.check_trail(42, Some(HASH)).is_ok());
        assert!(checkpoint.check_trail(50, Some(HASH)).is_ok());
        let short = checkpoint.check_trail(40, None).unwrap_err().to_string();
        assert!(short.contains("shorter"), "{short}");
        let rewritten = checkpoint
            .check_trail(42, Some("00"))
            .unwrap_err()
            .to_string();
        assert!(rewritten.contains("another hash"), "{rewritten}");
    }
}
