//! The server's key file, kept apart from the database (`saathi keys init --key-file FILE`).
//!
//! One small text file holds three things that must never be in the database:
//! - the **seal key**: organisations' secret keys (and TOTP secrets) are stored sealed with it
//!   ([`Sealer`]), so a copied database alone does not hold them;
//! - the **audit key**: it signs audit checkpoints ([`Checkpoint`]), the proof outside the
//!   database of how long the audit trail was and what its newest entry was;
//! - optionally a **backup identity** or **recipient** (age X25519): backups are encrypted to it.
//!
//! The format is in [`keyfile`]; `docs/decisions/0005-audit-checkpoints-and-key-file.md` says why.

mod checkpoint;
mod error;
mod keyfile;
mod seal;

pub use checkpoint::{CHECKPOINT_FORMAT, Checkpoint, CheckpointSignature};
pub use error::KeyError;
pub use keyfile::KeyFile;
pub use seal::{SEALED_PREFIX, Sealer};

/// Reads an age identity file as the `age` tool writes it (`AGE-SECRET-KEY-1…` lines, `#`
/// comments), or a Saathi key file (its `backup-identity`).
pub fn age_identities(text: &str) -> Result<Vec<age::x25519::Identity>, KeyError> {
    if let Ok(keys) = KeyFile::parse(text) {
        return keys
            .backup_identity()
            .cloned()
            .map(|i| vec![i])
            .ok_or_else(|| KeyError::Format("the key file holds no backup identity".into()));
    }
    let identities = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            l.parse::<age::x25519::Identity>()
                .map_err(|e| KeyError::Format(format!("not an age identity: {e}")))
        })
        .collect::<Result<Vec<_>, _>>()?;
    if identities.is_empty() {
        return Err(KeyError::Format("no age identity in the file".into()));
    }
    Ok(identities)
}

/// An age recipient (`age1…`), as given with `--to`.
pub fn age_recipient(text: &str) -> Result<age::x25519::Recipient, KeyError> {
    text.trim()
        .parse::<age::x25519::Recipient>()
        .map_err(|e| KeyError::Format(format!("not an age recipient (age1…): {e}")))
}

pub(crate) fn random<const N: usize>() -> Result<[u8; N], KeyError> {
    let mut bytes = [0u8; N];
    getrandom::getrandom(&mut bytes).map_err(|e| KeyError::Random(e.to_string()))?;
    Ok(bytes)
}
