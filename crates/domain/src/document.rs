//! Documents attached to a case: a section class that decides who may open them, a size limit,
//! and only the kinds of file a shelter actually sends (PDF, JPEG, PNG), recognised by their
//! first bytes rather than by what the uploader claims.

use crate::consent::SectionClass;
use crate::{CaseId, DomainError, Timestamp, UserId};

/// The largest document: a scanned court order or medical report fits easily.
pub const DOCUMENT_MAX_BYTES: usize = 10 * 1024 * 1024;

/// The classes a document can have (her voice is never a file).
pub const DOCUMENT_CLASSES: [SectionClass; 5] = [
    SectionClass::Legal,
    SectionClass::Health,
    SectionClass::Psychosocial,
    SectionClass::Identity,
    SectionClass::Other,
];

/// The media type of an allowed file, from its first bytes.
pub fn sniff(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"%PDF-") {
        Some("application/pdf")
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else {
        None
    }
}

/// A file name safe to show and to offer for download: no path, no control characters, at most
/// 200 characters; empty becomes `document`.
pub fn clean_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let cleaned: String = base
        .chars()
        .filter(|c| !c.is_control() && *c != '"')
        .take(200)
        .collect();
    let cleaned = cleaned.trim().to_string();
    if cleaned.is_empty() {
        "document".into()
    } else {
        cleaned
    }
}

/// Checks an upload: a class documents can have, not empty, not too big, an allowed kind.
pub fn check_document(
    class: &str,
    bytes: &[u8],
) -> Result<(SectionClass, &'static str), (&'static str, DomainError)> {
    let class: SectionClass = class.parse().map_err(|e| ("section", e))?;
    if !DOCUMENT_CLASSES.contains(&class) {
        return Err((
            "section",
            DomainError::UnknownSection(class.as_str().to_string()),
        ));
    }
    if bytes.is_empty() {
        return Err(("file", DomainError::EmptyFile));
    }
    if bytes.len() > DOCUMENT_MAX_BYTES {
        return Err((
            "file",
            DomainError::FileTooLarge {
                max_mb: DOCUMENT_MAX_BYTES / (1024 * 1024),
            },
        ));
    }
    let media_type = sniff(bytes).ok_or(("file", DomainError::FileTypeNotAllowed))?;
    Ok((class, media_type))
}

/// What is known of a stored document without its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentInfo {
    pub id: uuid::Uuid,
    pub case_id: CaseId,
    pub class: SectionClass,
    pub name: String,
    pub media_type: String,
    pub size: i64,
    pub uploaded_by: UserId,
    pub uploaded_at: Timestamp,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_pdf_and_images_of_a_sane_size_are_taken() {
        assert_eq!(
            check_document("legal", b"%PDF-1.7 ...").unwrap(),
            (SectionClass::Legal, "application/pdf")
        );
        assert_eq!(
            check_document("health", b"\x89PNG\r\n\x1a\n....").map(|r| r.1),
            Ok("image/png")
        );
        assert_eq!(
            check_document("other", b"MZ\x90\x00 an exe").unwrap_err(),
            ("file", DomainError::FileTypeNotAllowed)
        );
        assert_eq!(check_document("voice", b"%PDF-").unwrap_err().0, "section");
        assert_eq!(
            check_document("legal", b"").unwrap_err(),
            ("file", DomainError::EmptyFile)
        );
        let big = vec![b'%'; DOCUMENT_MAX_BYTES + 1];
        assert!(matches!(
            check_document("legal", &big).unwrap_err().1,
            DomainError::FileTooLarge { .. }
        ));
    }

    #[test]
    fn names_lose_their_paths_and_control_characters() {
        assert_eq!(clean_name("C:\\scans\\court order.pdf"), "court order.pdf");
        assert_eq!(clean_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_name("a\u{0}b\"c.pdf"), "abc.pdf");
        assert_eq!(clean_name("  "), "document");
    }
}
