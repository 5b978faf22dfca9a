//! The signed inner layout (version 1), which age encrypts:
//!
//! ```text
//! saathi-handover-package 1\n
//! entry manifest.json 1234\n<1234 bytes>\n
//! entry case.json 99\n<99 bytes>\n
//! …
//! signature ed25519 64\n<64 bytes>
//! ```
//!
//! Lengths frame the contents, so attachments are carried as they are (no base64). The
//! manifest comes first and lists every other entry, in order, with its length and SHA-256; the
//! signature is the Ed25519 signature of `SIGNING_CONTEXT` followed by the SHA-256 of every byte
//! from the header to the end of the manifest entry. So the signature binds the manifest, and
//! the manifest binds each entry by its digest: one hashing pass over a package of scanned
//! reports, not Ed25519's two SHA-512 passes over all of it. The parser is strict: anything not
//! exactly this is refused, never guessed at. It is the fuzz target (`fuzz/`).

use ed25519_dalek::{Signer, Verifier};
use sha2::{Digest, Sha256};

use crate::manifest::{EntryInfo, FORMAT, Manifest};
use crate::{Draft, Package, PackageError};

pub const VERSION: u32 = 1;
const HEADER: &str = "saathi-handover-package ";
const SIGNATURE_LINE: &[u8] = b"signature ed25519 64\n";
const MANIFEST: &str = "manifest.json";
/// What is signed is this, then the 32-byte SHA-256 of the signed head; the context keeps a
/// package signature from being mistaken for any other use of the organisation's key.
const SIGNING_CONTEXT: &[u8] = b"saathi-handover-package 1 signature\n";

/// More entries than any case has documents; a bound so a hostile file cannot make us loop.
const MAX_ENTRIES: usize = 10_000;
const MAX_LINE: usize = 256;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    pub media_type: String,
    pub content: Vec<u8>,
}

impl Entry {
    pub fn new(name: &str, media_type: &str, content: Vec<u8>) -> Self {
        Entry {
            name: name.to_string(),
            media_type: media_type.to_string(),
            content,
        }
    }
}

/// Names are short relative paths of lower-case ASCII, digits, `-`, `_`, `.` and `/`, so a
/// package unpacked by hand can never write outside its folder.
fn check_name(name: &str) -> Result<(), PackageError> {
    let ok = !name.is_empty()
        && name.len() <= 128
        && !name.starts_with('/')
        && !name
            .split('/')
            .any(|part| part.is_empty() || part == "." || part == "..")
        && name.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'_' | b'.' | b'/')
        });
    if ok {
        Ok(())
    } else {
        Err(PackageError::Malformed(format!("entry name {name:?}")))
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn entry_line(name: &str, len: usize) -> String {
    format!("entry {name} {len}\n")
}

/// What is signed: the context, then the SHA-256 of the header and the manifest entry.
fn signed_digest(head: &[u8]) -> Vec<u8> {
    let digest: [u8; 32] = Sha256::digest(head).into();
    [SIGNING_CONTEXT, &digest].concat()
}

/// Lays the draft out, signed, into `out` (the age stream when sealing): the entries are
/// hashed once and written once, never copied into a buffer of their own.
pub fn write(
    draft: &Draft,
    signer: &ed25519_dalek::SigningKey,
    out: &mut impl std::io::Write,
) -> Result<(), PackageError> {
    let mut infos = Vec::with_capacity(draft.entries.len());
    for e in &draft.entries {
        check_name(&e.name)?;
        if e.name == MANIFEST || infos.iter().any(|i: &EntryInfo| i.name == e.name) {
            return Err(PackageError::Malformed(format!("entry {:?} twice", e.name)));
        }
        infos.push(EntryInfo {
            name: e.name.clone(),
            media_type: e.media_type.clone(),
            bytes: e.content.len() as u64,
            sha256: hex(&Sha256::digest(&e.content)),
        });
    }
    let manifest = Manifest {
        format: FORMAT.to_string(),
        version: VERSION,
        package_id: draft.package_id,
        kind: draft.kind,
        handover_id: draft.handover_id,
        case_id: draft.case_id,
        from: draft.from.clone(),
        to: draft.to.clone(),
        created_at: draft.created_at,
        entries: infos,
    };
    let manifest =
        serde_json::to_vec(&manifest).map_err(|e| PackageError::Malformed(e.to_string()))?;
    let mut head = format!(
        "{HEADER}{VERSION}\n{}",
        entry_line(MANIFEST, manifest.len())
    )
    .into_bytes();
    head.extend_from_slice(&manifest);
    head.push(b'\n');
    let signature = signer.sign(&signed_digest(&head));
    let io = |e: std::io::Error| PackageError::Seal(e.to_string());
    out.write_all(&head).map_err(io)?;
    for e in &draft.entries {
        out.write_all(entry_line(&e.name, e.content.len()).as_bytes())
            .map_err(io)?;
        out.write_all(&e.content).map_err(io)?;
        out.write_all(b"\n").map_err(io)?;
    }
    out.write_all(SIGNATURE_LINE).map_err(io)?;
    out.write_all(&signature.to_bytes()).map_err(io)?;
    Ok(())
}

/// A parsed package whose signature has not been checked yet.
#[derive(Debug)]
pub struct Unverified {
    manifest: Manifest,
    plaintext: Vec<u8>,
    /// The byte range of each entry after the manifest, in manifest order.
    ranges: Vec<std::ops::Range<usize>>,
    /// The signed head: the header line and the manifest entry.
    head_len: usize,
    signature: ed25519_dalek::Signature,
}

impl Unverified {
    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    pub fn check_addressee(&self, org: uuid::Uuid) -> Result<(), PackageError> {
        if self.manifest.to.id == org {
            Ok(())
        } else {
            Err(PackageError::WrongAddressee {
                name: self.manifest.to.name.clone(),
                id: self.manifest.to.id,
            })
        }
    }

    /// Checks the signature of the head; the entries were already checked against the
    /// manifest's digests when parsed.
    pub fn verify(self, key: &ed25519_dalek::VerifyingKey) -> Result<Package, PackageError> {
        key.verify(
            &signed_digest(&self.plaintext[..self.head_len]),
            &self.signature,
        )
        .map_err(|_| PackageError::BadSignature)?;
        Ok(Package {
            manifest: self.manifest,
            plaintext: self.plaintext,
            ranges: self.ranges,
        })
    }
}

struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Cursor<'a> {
    fn line(&mut self) -> Result<&'a str, PackageError> {
        let rest = &self.bytes[self.at..];
        let end = rest
            .iter()
            .take(MAX_LINE)
            .position(|b| *b == b'\n')
            .ok_or_else(|| PackageError::Malformed(format!("no line end at byte {}", self.at)))?;
        let line = std::str::from_utf8(&rest[..end])
            .map_err(|_| PackageError::Malformed(format!("line at byte {}", self.at)))?;
        self.at += end + 1;
        Ok(line)
    }

    fn take(&mut self, n: usize) -> Result<std::ops::Range<usize>, PackageError> {
        if self.bytes.len() - self.at < n {
            return Err(PackageError::Malformed(format!(
                "{n} bytes announced at byte {}, fewer remain",
                self.at
            )));
        }
        let range = self.at..self.at + n;
        self.at += n;
        Ok(range)
    }
}

/// Parses the decrypted layout. Strict; never trusts a length it has not checked.
pub fn parse(plaintext: Vec<u8>) -> Result<Unverified, PackageError> {
    let mut c = Cursor {
        bytes: &plaintext,
        at: 0,
    };
    let header = c.line()?;
    let version = header
        .strip_prefix(HEADER)
        .ok_or_else(|| PackageError::Malformed("no package header".into()))?;
    if version != VERSION.to_string() {
        return Err(PackageError::UnknownVersion(
            version.chars().take(20).collect(),
        ));
    }
    let mut entries: Vec<(String, std::ops::Range<usize>)> = Vec::new();
    let mut head_len = 0;
    loop {
        let start = c.at;
        if plaintext[start..].starts_with(SIGNATURE_LINE) {
            break;
        }
        let line = c.line()?;
        let mut words = line.split(' ');
        let (Some("entry"), Some(name), Some(len), None) =
            (words.next(), words.next(), words.next(), words.next())
        else {
            return Err(PackageError::Malformed(format!("line {line:?}")));
        };
        check_name(name)?;
        let len: usize = len
            .parse()
            .map_err(|_| PackageError::Malformed(format!("length {len:?}")))?;
        let range = c.take(len)?;
        let newline = c.take(1)?;
        if plaintext[newline.start] != b'\n' {
            return Err(PackageError::Malformed(format!("entry {name} not ended")));
        }
        if entries.iter().any(|(n, _)| n == name) {
            return Err(PackageError::Malformed(format!("entry {name} twice")));
        }
        if entries.len() >= MAX_ENTRIES {
            return Err(PackageError::Malformed("too many entries".into()));
        }
        entries.push((name.to_string(), range));
        if entries.len() == 1 {
            head_len = c.at;
        }
    }
    c.at += SIGNATURE_LINE.len();
    let signature = c.take(64)?;
    if c.at != plaintext.len() {
        return Err(PackageError::Malformed("bytes after the signature".into()));
    }
    let signature: [u8; 64] = plaintext[signature]
        .try_into()
        .map_err(|_| PackageError::Malformed("signature".into()))?;
    let mut entries = entries.into_iter();
    let manifest = match entries.next() {
        Some((name, range)) if name == MANIFEST => {
            serde_json::from_slice::<Manifest>(&plaintext[range])
                .map_err(|e| PackageError::Malformed(format!("manifest: {e}")))?
        }
        _ => return Err(PackageError::Malformed("the manifest is not first".into())),
    };
    if manifest.format != FORMAT {
        return Err(PackageError::Malformed(format!(
            "format {:?}",
            manifest.format
        )));
    }
    if manifest.version != VERSION {
        return Err(PackageError::UnknownVersion(manifest.version.to_string()));
    }
    let rest: Vec<(String, std::ops::Range<usize>)> = entries.collect();
    if rest.len() != manifest.entries.len() {
        return Err(PackageError::Malformed(
            "the manifest does not list every entry".into(),
        ));
    }
    for (info, (name, range)) in manifest.entries.iter().zip(&rest) {
        let content = &plaintext[range.clone()];
        if info.name != *name
            || info.bytes != content.len() as u64
            || info.sha256 != hex(&Sha256::digest(content))
        {
            // The manifest is what is signed: an entry that differs from it was changed.
            return Err(PackageError::BadSignature);
        }
    }
    let ranges = rest.into_iter().map(|(_, r)| r).collect();
    Ok(Unverified {
        manifest,
        plaintext,
        ranges,
        head_len,
        signature: ed25519_dalek::Signature::from_bytes(&signature),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::OrgSecrets;
    use proptest::prelude::*;

    fn signed(entries: Vec<Entry>) -> (OrgSecrets, Vec<u8>) {
        let keys = OrgSecrets::generate().expect("keys");
        let d = crate::tests::draft(uuid::Uuid::now_v7(), uuid::Uuid::now_v7(), entries);
        let mut bytes = Vec::new();
        write(&d, &keys.signing, &mut bytes).expect("write");
        (keys, bytes)
    }

    #[test]
    fn an_unknown_version_is_named() {
        let (_, bytes) = signed(vec![]);
        let text = bytes.clone();
        let bumped = [b"saathi-handover-package 2".as_slice(), &text[25..]].concat();
        match parse(bumped) {
            Err(PackageError::UnknownVersion(v)) => assert_eq!(v, "2"),
            other => panic!("expected an unknown version, got {other:?}"),
        }
    }

    #[test]
    fn a_flipped_byte_inside_is_caught_by_the_signature_or_the_parser() {
        let (keys, bytes) = signed(vec![Entry::new("a.txt", "text/plain", b"hello".to_vec())]);
        for i in 0..bytes.len() {
            let mut bad = bytes.clone();
            bad[i] ^= 0x20;
            let outcome = parse(bad).and_then(|u| u.verify(&keys.signing.verifying_key()));
            assert!(outcome.is_err(), "flipped byte {i} accepted");
        }
    }

    #[test]
    fn names_that_could_escape_a_folder_are_refused() {
        for name in ["../x", "/etc/passwd", "a//b", "A.txt", "a b", ""] {
            assert!(check_name(name).is_err(), "{name:?}");
        }
        assert!(check_name("documents/0192-a.pdf").is_ok());
    }

    fn name() -> impl Strategy<Value = String> {
        "[a-z0-9_-]{1,12}(/[a-z0-9_.-]{1,12})?".prop_filter("no dot segments", |n| {
            n.split('/').all(|p| p != "." && p != "..")
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Build → open gives back exactly what went in, whatever the bytes (entry contents
        /// with newlines, "signature" lines, nothing at all).
        #[test]
        fn build_then_open_round_trips(
            contents in proptest::collection::vec(
                (name(), proptest::collection::vec(any::<u8>(), 0..300)), 0..6),
        ) {
            let mut entries: Vec<Entry> = Vec::new();
            for (n, c) in contents {
                if n != MANIFEST && !entries.iter().any(|e| e.name == n) {
                    entries.push(Entry::new(&n, "application/octet-stream", c));
                }
            }
            let (keys, bytes) = signed(entries.clone());
            let package = parse(bytes).and_then(|u| u.verify(&keys.signing.verifying_key()));
            prop_assert_eq!(package.map(|p| p.entries()).ok(), Some(entries));
        }

        /// Any prefix is refused, never half-read.
        #[test]
        fn every_truncation_is_refused(cut in 0usize..400) {
            let (keys, bytes) = signed(vec![Entry::new("case.json", "application/json", b"{}".to_vec())]);
            let cut = cut.min(bytes.len() - 1);
            let outcome = parse(bytes[..cut].to_vec()).and_then(|u| u.verify(&keys.signing.verifying_key()));
            prop_assert!(outcome.is_err());
        }

        /// Arbitrary bytes never panic the parser.
        #[test]
        fn garbage_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            let mut with_header = b"saathi-handover-package 1\n".to_vec();
            with_header.extend_from_slice(&bytes);
            prop_assert!(parse(with_header).is_err());
            prop_assert!(parse(bytes).is_err());
        }
    }
}
