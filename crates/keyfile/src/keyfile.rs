//! The key file's format, version 1: text, one `name value` pair a line, `#` comments.
//!
//! ```text
//! # Saathi key file …
//! saathi-key-file 1
//! seal-key <32 bytes, base64>
//! audit-key <Ed25519 seed, 32 bytes, base64>
//! backup-identity AGE-SECRET-KEY-1…     (optional)
//! backup-recipient age1…                (optional; without it, that of backup-identity)
//! ```
//!
//! Unknown names and repeated names are refused: a key file is never half-understood.

use std::io::Write;
use std::path::Path;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use crate::{KeyError, Sealer};

const HEADER: &str = "saathi-key-file 1";

/// The keys in a key file. `Debug` prints none of them.
pub struct KeyFile {
    seal_key: [u8; 32],
    audit_key: ed25519_dalek::SigningKey,
    backup_identity: Option<age::x25519::Identity>,
    backup_recipient: Option<age::x25519::Recipient>,
}

impl std::fmt::Debug for KeyFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KeyFile")
            .field("audit_public", &self.audit_public_text())
            .field(
                "backup_recipient",
                &self.backup_recipient().map(|r| r.to_string()),
            )
            .finish_non_exhaustive()
    }
}

impl KeyFile {
    /// New keys. The backup identity is made here too unless backups go to a recipient whose
    /// identity is kept elsewhere (`backup_recipient`).
    pub fn generate(backup_recipient: Option<age::x25519::Recipient>) -> Result<Self, KeyError> {
        let seed: [u8; 32] = crate::random()?;
        let backup_identity = match backup_recipient {
            Some(_) => None,
            None => Some(age::x25519::Identity::generate()),
        };
        Ok(Self {
            seal_key: crate::random()?,
            audit_key: ed25519_dalek::SigningKey::from_bytes(&seed),
            backup_identity,
            backup_recipient,
        })
    }

    pub fn parse(text: &str) -> Result<Self, KeyError> {
        let mut lines = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'));
        match lines.next() {
            Some(HEADER) => {}
            Some(other) if other.starts_with("saathi-key-file ") => {
                return Err(KeyError::Format(format!(
                    "key file version {:?} is not known to this Saathi (expected 1)",
                    other.trim_start_matches("saathi-key-file ")
                )));
            }
            _ => {
                return Err(KeyError::Format(
                    "not a Saathi key file (it must start with `saathi-key-file 1`)".into(),
                ));
            }
        }
        let mut seal_key = None;
        let mut audit_key = None;
        let mut backup_identity = None;
        let mut backup_recipient = None;
        for line in lines {
            let (name, value) = line.split_once(char::is_whitespace).ok_or_else(|| {
                KeyError::Format(format!(
                    "key file line without a value: {name:?}",
                    name = line
                ))
            })?;
            let value = value.trim();
            let seen = match name {
                "seal-key" => seal_key.replace(bytes32(name, value)?).is_some(),
                "audit-key" => audit_key.replace(bytes32(name, value)?).is_some(),
                "backup-identity" => backup_identity
                    .replace(value.parse::<age::x25519::Identity>().map_err(|e| {
                        KeyError::Format(format!("backup-identity is not an age identity: {e}"))
                    })?)
                    .is_some(),
                "backup-recipient" => backup_recipient
                    .replace(crate::age_recipient(value)?)
                    .is_some(),
                other => {
                    return Err(KeyError::Format(format!(
                        "unknown name {other:?} in the key file"
                    )));
                }
            };
            if seen {
                return Err(KeyError::Format(format!(
                    "{name} appears twice in the key file"
                )));
            }
        }
        let seal_key =
            seal_key.ok_or_else(|| KeyError::Format("the key file has no seal-key".into()))?;
        let audit_key =
            audit_key.ok_or_else(|| KeyError::Format("the key file has no audit-key".into()))?;
        Ok(Self {
            seal_key,
            audit_key: ed25519_dalek::SigningKey::from_bytes(&audit_key),
            backup_identity,
            backup_recipient,
        })
    }

    /// The file's text, with a comment that says what it is for.
    pub fn to_text(&self) -> String {
        use age::secrecy::ExposeSecret;
        let mut text = String::from(
            "# Saathi key file. Keep it off the database's disk and keep a copy offline:\n\
             # without it, the sealed secret keys and the encrypted backups cannot be read.\n",
        );
        text.push_str(HEADER);
        text.push('\n');
        text.push_str(&format!("seal-key {}\n", STANDARD.encode(self.seal_key)));
        text.push_str(&format!(
            "audit-key {}\n",
            STANDARD.encode(self.audit_key.to_bytes())
        ));
        if let Some(identity) = &self.backup_identity {
            text.push_str(&format!(
                "backup-identity {}\n",
                identity.to_string().expose_secret()
            ));
        }
        if let Some(recipient) = &self.backup_recipient {
            text.push_str(&format!("backup-recipient {recipient}\n"));
        }
        text
    }

    /// Reads a key file, refusing one that other users may read.
    pub fn load(path: &Path) -> Result<Self, KeyError> {
        let fail = |message: String| KeyError::File {
            path: path.display().to_string(),
            message,
        };
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(path)
                .map_err(|e| fail(e.to_string()))?
                .permissions()
                .mode();
            if mode & 0o077 != 0 {
                return Err(fail(format!(
                    "other users may read or change it (mode {:o}); run chmod 600 on it",
                    mode & 0o777
                )));
            }
        }
        let text = std::fs::read_to_string(path).map_err(|e| fail(e.to_string()))?;
        Self::parse(&text).map_err(|e| fail(e.to_string()))
    }

    /// Writes a new key file with mode 0600. An existing file is never overwritten: it may be
    /// the only key to the secrets sealed with it.
    pub fn create(&self, path: &Path) -> Result<(), KeyError> {
        let fail = |message: String| KeyError::File {
            path: path.display().to_string(),
            message,
        };
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut file = options.open(path).map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                fail("already exists; a key file is never overwritten (the secrets sealed with it would be lost)".into())
            } else {
                fail(e.to_string())
            }
        })?;
        let written = file
            .write_all(self.to_text().as_bytes())
            .and_then(|_| file.sync_all());
        if let Err(e) = written {
            // Never leave half a key file behind.
            let _ = std::fs::remove_file(path);
            return Err(fail(e.to_string()));
        }
        Ok(())
    }

    pub fn sealer(&self) -> Sealer {
        Sealer::new(&self.seal_key)
    }

    pub fn audit_key(&self) -> &ed25519_dalek::SigningKey {
        &self.audit_key
    }

    /// The audit key's public half (base64), as signed checkpoints carry it.
    pub fn audit_public_text(&self) -> String {
        STANDARD.encode(self.audit_key.verifying_key().to_bytes())
    }

    pub fn backup_identity(&self) -> Option<&age::x25519::Identity> {
        self.backup_identity.as_ref()
    }

    /// Where backups are encrypted to: the recipient named in the file, else that of its
    /// backup identity.
    pub fn backup_recipient(&self) -> Option<age::x25519::Recipient> {
        self.backup_recipient
            .clone()
            .or_else(|| self.backup_identity.as_ref().map(|i| i.to_public()))
    }
}

fn bytes32(name: &str, value: &str) -> Result<[u8; 32], KeyError> {
    STANDARD
        .decode(value)
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or_else(|| KeyError::Format(format!("{name} is not 32 bytes of base64")))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_key_file_reads_back_the_same_keys() {
        let keys = KeyFile::generate(None).unwrap();
        let again = KeyFile::parse(&keys.to_text()).unwrap();
        assert_eq!(again.audit_public_text(), keys.audit_public_text());
        assert_eq!(
            again.backup_recipient().map(|r| r.to_string()),
            keys.backup_recipient().map(|r| r.to_string())
        );
        let sealed = keys.sealer().seal(b"x").unwrap();
        assert_eq!(again.sealer().open(&sealed).unwrap(), b"x");
        assert!(!format!("{keys:?}").contains("seal"));
    }

    #[test]
    fn broken_key_files_are_refused_by_name() {
        let text = KeyFile::generate(None).unwrap().to_text();
        for (bad, expected) in [
            (
                text.replace("saathi-key-file 1", "saathi-key-file 2"),
                "version",
            ),
            (
                text.replace("saathi-key-file 1", ""),
                "not a Saathi key file",
            ),
            (format!("{text}colour blue\n"), "unknown name"),
            (
                text.lines()
                    .filter(|l| !l.starts_with("audit-key"))
                    .collect::<Vec<_>>()
                    .join("\n"),
                "no audit-key",
            ),
            (text.replace("seal-key ", "seal-key AAAA"), "seal-key"),
            (
                format!(
                    "{text}{}\n",
                    text.lines().find(|l| l.starts_with("seal-key")).unwrap()
                ),
                "twice",
            ),
        ] {
            let err = KeyFile::parse(&bad).unwrap_err().to_string();
            assert!(err.contains(expected), "{err}");
        }
    }

    #[test]
    fn create_never_overwrites_and_is_private() {
        let path = std::env::temp_dir().join(format!("saathi-keyfile-{}", std::process::id()));
        let _ = std::fs::remove_file(&path);
        let keys = KeyFile::generate(None).unwrap();
        keys.create(&path).unwrap();
        let err = KeyFile::generate(None).unwrap().create(&path).unwrap_err();
        assert!(err.to_string().contains("never overwritten"), "{err}");
        let loaded = KeyFile::load(&path).unwrap();
        assert_eq!(loaded.audit_public_text(), keys.audit_public_text());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
            assert!(
                KeyFile::load(&path)
                    .unwrap_err()
                    .to_string()
                    .contains("chmod 600")
            );
        }
        std::fs::remove_file(&path).unwrap();
    }
}
