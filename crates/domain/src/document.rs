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

/// Characters that reorder the text around them (embeddings, overrides, isolates, marks):
/// `invoice\u{202E}fdp.exe` shows as `invoiceexe.pdf`. A file name has no use for them.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
    )
}

/// A file name safe to show and to offer for download: no path, no control or bidirectional
/// control characters, at most 200 characters; empty becomes `document`.
pub fn clean_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let cleaned: String = base
        .chars()
        .filter(|c| !c.is_control() && !is_bidi_control(*c) && *c != '"')
        .take(200)
        .collect();
    let cleaned = cleaned.trim().to_string();
    if cleaned.is_empty() {
        "document".into()
    } else {
        cleaned
    }
}

/// The extensions a name may end with for a kind of file, the first the one given.
fn extensions(media_type: &str) -> &'static [&'static str] {
    match media_type {
        "application/pdf" => &["pdf"],
        "image/png" => &["png"],
        "image/jpeg" => &["jpg", "jpeg"],
        _ => &[],
    }
}

/// The name a document is kept and offered under: [`clean_name`], with the extension made to
/// match what the content is (its first bytes decided `media_type`), so a PDF named `x.html`
/// downloads as `x.pdf` and nothing opens it as a web page.
pub fn stored_name(name: &str, media_type: &str) -> String {
    let name = clean_name(name);
    let allowed = extensions(media_type);
    let Some(wanted) = allowed.first() else {
        return name;
    };
    let stem = match name.rsplit_once('.') {
        Some((stem, ext))
            if !stem.is_empty()
                && (1..=5).contains(&ext.len())
                && ext.chars().all(|c| c.is_ascii_alphanumeric()) =>
        {
            if allowed.iter().any(|a| a.eq_ignore_ascii_case(ext)) {
                return name;
            }
            stem
        }
        _ => name.as_str(),
    };
    format!("{}.{wanted}", stem.trim_end())
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

    #[test]
    fn names_lose_bidirectional_controls() {
        assert_eq!(clean_name("invoice\u{202E}fdp.exe"), "invoicefdp.exe");
        let all = "a\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}\u{2066}\u{2067}\u{2068}\u{2069}\u{200E}\u{200F}\u{061C}b.pdf";
        assert_eq!(clean_name(all), "ab.pdf");
        // Bengali and its joiners are not controls.
        assert_eq!(clean_name("আদালতের আদেশ.pdf"), "আদালতের আদেশ.pdf");
    }

    #[test]
    fn the_extension_is_made_to_match_the_content() {
        assert_eq!(stored_name("x.html", "application/pdf"), "x.pdf");
        assert_eq!(stored_name("scan.JPEG", "image/jpeg"), "scan.JPEG");
        assert_eq!(stored_name("scan.jpg", "image/png"), "scan.png");
        assert_eq!(
            stored_name("court order", "application/pdf"),
            "court order.pdf"
        );
        assert_eq!(
            stored_name("Rina D. order", "application/pdf"),
            "Rina D. order.pdf"
        );
        assert_eq!(stored_name("report.pdf", "application/pdf"), "report.pdf");
        assert_eq!(stored_name(".htaccess", "image/png"), ".htaccess.png");
        assert_eq!(stored_name("", "application/pdf"), "document.pdf");
        assert_eq!(
            stored_name("bill\u{202E}fdp.html", "application/pdf"),
            "billfdp.pdf"
        );
    }
}
