//! The handover package: how a case travels when the receiving organisation runs its own Saathi
//! server. One file, readable by nobody but the addressee and provably from the sender:
//!
//! - the inner layout ([`layout`]) is a manifest plus named entries, signed with the sending
//!   organisation's Ed25519 key;
//! - the whole is encrypted with the age format to the receiving organisation's X25519 recipient,
//!   so the standard `age` tool can decrypt it with that organisation's identity file.
//!
//! `docs/handover-package.md` is the written contract for the layout. This crate knows nothing of
//! cases or databases: the web crate decides what the entries hold and where they are written.

pub mod error;
pub mod keys;
pub mod layout;
pub mod manifest;

use std::io::Read;

pub use error::PackageError;
pub use keys::{OrgSecrets, PublicKeys};
pub use layout::{Entry, Unverified};
pub use manifest::{Kind, Manifest, Party};

/// What the sender puts in a package, before it is signed and sealed.
#[derive(Debug, Clone)]
pub struct Draft {
    pub package_id: uuid::Uuid,
    pub kind: Kind,
    pub handover_id: uuid::Uuid,
    pub case_id: uuid::Uuid,
    pub from: Party,
    pub to: Party,
    /// Milliseconds since the epoch.
    pub created_at: i64,
    pub entries: Vec<Entry>,
}

/// A package opened, decrypted and verified: what the receiver may write. It keeps the
/// decrypted bytes and lends out each entry, so a package of large scans is not copied again.
#[derive(Debug)]
pub struct Package {
    pub manifest: Manifest,
    plaintext: Vec<u8>,
    ranges: Vec<std::ops::Range<usize>>,
}

impl Package {
    /// An entry's content by name.
    pub fn entry(&self, name: &str) -> Option<&[u8]> {
        self.manifest
            .entries
            .iter()
            .position(|e| e.name == name)
            .map(|i| &self.plaintext[self.ranges[i].clone()])
    }

    /// Every entry after the manifest, in order, as owned values.
    pub fn entries(&self) -> Vec<Entry> {
        self.manifest
            .entries
            .iter()
            .zip(&self.ranges)
            .map(|(info, range)| Entry {
                name: info.name.clone(),
                media_type: info.media_type.clone(),
                content: self.plaintext[range.clone()].to_vec(),
            })
            .collect()
    }
}

/// Signs the draft with the sender's key and encrypts it to the receiver's recipient.
pub fn seal(
    draft: &Draft,
    signer: &ed25519_dalek::SigningKey,
    recipient: &age::x25519::Recipient,
) -> Result<Vec<u8>, PackageError> {
    let encryptor =
        age::Encryptor::with_recipients(std::iter::once(recipient as &dyn age::Recipient))
            .map_err(|e| PackageError::Seal(e.to_string()))?;
    let size: usize = draft.entries.iter().map(|e| e.content.len() + 160).sum();
    // age adds a 16-byte tag per 64 KiB chunk and a header of about 200 bytes.
    let mut out = Vec::with_capacity(size + size / 4096 + 4096);
    let mut writer = encryptor
        .wrap_output(&mut out)
        .map_err(|e| PackageError::Seal(e.to_string()))?;
    layout::write(draft, signer, &mut writer)?;
    writer
        .finish()
        .map_err(|e| PackageError::Seal(e.to_string()))?;
    Ok(out)
}

/// Decrypts with whichever of `identities` the package is encrypted to, and parses the layout.
/// Returns the index of the identity that opened it. Nothing is trusted yet: the caller looks up
/// the sender's key from the manifest and calls [`Unverified::verify`].
pub fn decrypt(
    bytes: &[u8],
    identities: &[&age::x25519::Identity],
) -> Result<(usize, Unverified), PackageError> {
    if !bytes.starts_with(b"age-encryption.org/v1\n") {
        return Err(PackageError::NotAPackage);
    }
    for (i, identity) in identities.iter().enumerate() {
        let decryptor = age::Decryptor::new_buffered(bytes).map_err(damaged)?;
        match decryptor.decrypt(std::iter::once(*identity as &dyn age::Identity)) {
            Ok(mut reader) => {
                let mut plaintext = Vec::with_capacity(bytes.len());
                reader.read_to_end(&mut plaintext).map_err(|e| {
                    PackageError::Damaged(format!("the encrypted contents do not check out: {e}"))
                })?;
                return Ok((i, layout::parse(plaintext)?));
            }
            Err(age::DecryptError::NoMatchingKeys) => continue,
            Err(e) => return Err(damaged(e)),
        }
    }
    Err(PackageError::NotForUs)
}

fn damaged(e: age::DecryptError) -> PackageError {
    PackageError::Damaged(e.to_string())
}

/// Opens a package for one organisation: decrypts with its identity, checks the manifest names
/// it as the addressee, and verifies the signature with the sender's key as found by `sender`
/// (the organisation directory). Every check happens before the caller writes anything.
pub fn open(
    bytes: &[u8],
    identity: &age::x25519::Identity,
    addressee: uuid::Uuid,
    sender: impl FnOnce(uuid::Uuid) -> Option<ed25519_dalek::VerifyingKey>,
) -> Result<Package, PackageError> {
    let (_, unverified) = decrypt(bytes, &[identity])?;
    unverified.check_addressee(addressee)?;
    let from = unverified.manifest().from.clone();
    let key = sender(from.id).ok_or(PackageError::UnknownSender {
        name: from.name,
        id: from.id,
    })?;
    unverified.verify(&key)
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn draft(from: uuid::Uuid, to: uuid::Uuid, entries: Vec<Entry>) -> Draft {
        Draft {
            package_id: uuid::Uuid::now_v7(),
            kind: Kind::Handover,
            handover_id: uuid::Uuid::now_v7(),
            case_id: uuid::Uuid::now_v7(),
            from: Party {
                id: from,
                name: "Kolkata shelter".into(),
            },
            to: Party {
                id: to,
                name: "যশোর সংস্থা".into(),
            },
            created_at: 1_790_000_000_000,
            entries,
        }
    }

    fn json(name: &str, text: &str) -> Entry {
        Entry::new(name, "application/json", text.as_bytes().to_vec())
    }

    struct World {
        sender: OrgSecrets,
        receiver: OrgSecrets,
        from: uuid::Uuid,
        to: uuid::Uuid,
    }

    fn world() -> World {
        World {
            sender: OrgSecrets::generate().expect("keys"),
            receiver: OrgSecrets::generate().expect("keys"),
            from: uuid::Uuid::now_v7(),
            to: uuid::Uuid::now_v7(),
        }
    }

    fn sealed(w: &World) -> (Draft, Vec<u8>) {
        let d = draft(
            w.from,
            w.to,
            vec![
                json("case.json", r#"{"code":"KOL-1"}"#),
                json("voice.json", "[\"আমি স্কুলে যেতে চাই\"]"),
            ],
        );
        let bytes = seal(&d, &w.sender.signing, &w.receiver.age.to_public()).expect("seal");
        (d, bytes)
    }

    fn open_as(w: &World, bytes: &[u8]) -> Result<Package, PackageError> {
        let key = w.sender.signing.verifying_key();
        open(bytes, &w.receiver.age, w.to, |id| {
            (id == w.from).then_some(key)
        })
    }

    #[test]
    fn what_is_sealed_opens_intact_for_the_addressee() {
        let w = world();
        let (d, bytes) = sealed(&w);
        let p = open_as(&w, &bytes).expect("open");
        assert_eq!(p.manifest.package_id, d.package_id);
        assert_eq!(p.manifest.to.name, "যশোর সংস্থা");
        assert_eq!(p.entries(), d.entries);
        assert_eq!(
            p.entry("voice.json"),
            Some("[\"আমি স্কুলে যেতে চাই\"]".as_bytes())
        );
    }

    #[test]
    fn every_flipped_byte_and_every_truncation_is_refused() {
        let w = world();
        let (_, bytes) = sealed(&w);
        // Every position: the header, the stanza, the MAC, the nonce, the payload, the tag.
        for i in 0..bytes.len() {
            let mut bad = bytes.clone();
            bad[i] ^= 0x01;
            assert!(open_as(&w, &bad).is_err(), "flipped byte {i} was accepted");
        }
        for cut in [1, 20, 60, bytes.len() / 2, bytes.len() - 1] {
            assert!(open_as(&w, &bytes[..cut]).is_err(), "cut at {cut} accepted");
        }
    }

    #[test]
    fn another_addressee_or_an_unknown_sender_or_the_wrong_key_is_refused() {
        let w = world();
        let (_, bytes) = sealed(&w);
        let other = OrgSecrets::generate().expect("keys");
        assert!(matches!(
            open(&bytes, &other.age, w.to, |_| Some(
                w.sender.signing.verifying_key()
            )),
            Err(PackageError::NotForUs)
        ));
        assert!(matches!(
            open(&bytes, &w.receiver.age, uuid::Uuid::now_v7(), |_| None),
            Err(PackageError::WrongAddressee { .. })
        ));
        assert!(matches!(
            open(&bytes, &w.receiver.age, w.to, |_| None),
            Err(PackageError::UnknownSender { .. })
        ));
        assert!(matches!(
            open(&bytes, &w.receiver.age, w.to, |_| Some(
                other.signing.verifying_key()
            )),
            Err(PackageError::BadSignature)
        ));
    }

    #[test]
    fn a_file_that_is_not_a_package_says_so() {
        let w = world();
        assert!(matches!(
            open_as(&w, b"%PDF-1.7 not a package"),
            Err(PackageError::NotAPackage)
        ));
    }
}
