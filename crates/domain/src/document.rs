//! Documents attached to a case: a section class that decides who may open them, a size limit,
//! and only the kinds of file a shelter actually sends — PDF, JPEG and PNG papers, and the voice
//! recordings phones make (MP3, M4A/AAC, OGG/Opus, AMR, WebM, WAV) — recognised by their first
//! bytes rather than by what the uploader claims.

use crate::consent::SectionClass;
use crate::{CaseId, DomainError, Timestamp, UserId};

/// The largest paper document: a scanned court order or medical report fits easily.
pub const DOCUMENT_MAX_BYTES: usize = 10 * 1024 * 1024;

/// The largest recording: half an hour of her speaking, as a phone's recorder or WhatsApp saves
/// it (AMR and Opus take well under 1 MB a minute; M4A at 128 kbit/s about 1 MB).
pub const RECORDING_MAX_BYTES: usize = 25 * 1024 * 1024;

/// The largest upload of any kind, for the web server's body limit.
pub const UPLOAD_MAX_BYTES: usize = RECORDING_MAX_BYTES;

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
    let at = |from: usize, magic: &[u8]| bytes.get(from..from + magic.len()) == Some(magic);
    if at(0, b"%PDF-") {
        Some("application/pdf")
    } else if at(0, b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if at(0, &[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if at(0, b"#!AMR-WB\n") {
        Some("audio/amr-wb")
    } else if at(0, b"#!AMR\n") {
        Some("audio/amr")
    } else if at(0, b"OggS") {
        Some("audio/ogg")
    } else if at(0, b"RIFF") && at(8, b"WAVE") {
        Some("audio/wav")
    } else if at(0, &[0x1A, 0x45, 0xDF, 0xA3]) {
        // Matroska; only its WebM form, which is what a browser's recorder writes.
        let head = &bytes[..bytes.len().min(64)];
        head.windows(4)
            .any(|w| w == b"webm")
            .then_some("audio/webm")
    } else if at(4, b"ftyp") {
        iso_media(bytes.get(8..12)?)
    } else if at(0, b"ID3") {
        Some("audio/mpeg")
    } else {
        mpeg_frame(bytes)
    }
}

/// ISO base media (MP4) by its major brand: the audio-only brands phones write for voice memos
/// (`M4A `), and the general ones Android recorders use for `.m4a` and `.3gp` recordings.
fn iso_media(brand: &[u8]) -> Option<&'static str> {
    match brand {
        b"M4A " | b"M4B " | b"mp42" | b"mp41" | b"isom" | b"iso2" | b"dash" => Some("audio/mp4"),
        b"3gp4" | b"3gp5" | b"3gp6" | b"3gp7" | b"3g2a" => Some("audio/3gpp"),
        _ => None,
    }
}

/// A raw MPEG audio frame header: eleven sync bits, then layer bits that tell MP3 (layer I–III)
/// from AAC's ADTS framing (layer 0). A JPEG's `FF D8` fails the sync bits.
fn mpeg_frame(bytes: &[u8]) -> Option<&'static str> {
    let [first, second] = *bytes.first_chunk::<2>()?;
    if first != 0xFF || second & 0xE0 != 0xE0 {
        return None;
    }
    let version = (second >> 3) & 0b11;
    let layer = (second >> 1) & 0b11;
    match (version, layer) {
        (_, 0) if second & 0xF6 == 0xF0 => Some("audio/aac"),
        (0b01, _) | (_, 0) => None,
        _ => Some("audio/mpeg"),
    }
}

/// Whether a kind of file is a recording rather than a paper.
pub fn is_recording(media_type: &str) -> bool {
    media_type.starts_with("audio/")
}

/// The size limit for a kind of file.
pub fn max_bytes(media_type: &str) -> usize {
    if is_recording(media_type) {
        RECORDING_MAX_BYTES
    } else {
        DOCUMENT_MAX_BYTES
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
        "audio/mpeg" => &["mp3"],
        "audio/aac" => &["aac"],
        "audio/mp4" => &["m4a", "mp4", "aac"],
        "audio/3gpp" => &["3gp", "3gpp"],
        "audio/ogg" => &["ogg", "opus", "oga"],
        "audio/amr" | "audio/amr-wb" => &["amr"],
        "audio/webm" => &["webm", "weba"],
        "audio/wav" => &["wav"],
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
    let media_type = sniff(bytes).ok_or(("file", DomainError::FileTypeNotAllowed))?;
    let max = max_bytes(media_type);
    if bytes.len() > max {
        return Err((
            "file",
            DomainError::FileTooLarge {
                max_mb: max / (1024 * 1024),
            },
        ));
    }
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
        let mut big = b"%PDF-".to_vec();
        big.resize(DOCUMENT_MAX_BYTES + 1, b'%');
        assert!(matches!(
            check_document("legal", &big).unwrap_err().1,
            DomainError::FileTooLarge { .. }
        ));
    }

    #[test]
    fn phone_recordings_are_recognised_by_their_content() {
        let cases: [(&[u8], &str); 12] = [
            (b"ID3\x04\x00\x00\x00\x00\x00\x00", "audio/mpeg"),
            (&[0xFF, 0xFB, 0x90, 0x64], "audio/mpeg"),
            (&[0xFF, 0xF1, 0x50, 0x80], "audio/aac"),
            (b"\x00\x00\x00\x20ftypM4A \x00\x00\x00\x00", "audio/mp4"),
            (b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00", "audio/mp4"),
            (b"\x00\x00\x00\x18ftyp3gp4\x00\x00\x00\x00", "audio/3gpp"),
            (b"OggS\x00\x02\x00\x00OpusHead", "audio/ogg"),
            (b"#!AMR\n\x3c", "audio/amr"),
            (b"#!AMR-WB\n\x04", "audio/amr-wb"),
            (
                b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x84webm",
                "audio/webm",
            ),
            (b"RIFF\x24\x00\x00\x00WAVEfmt ", "audio/wav"),
            (b"%PDF-1.4", "application/pdf"),
        ];
        for (bytes, media_type) in cases {
            assert_eq!(sniff(bytes), Some(media_type), "{bytes:?}");
            assert_eq!(check_document("psychosocial", bytes).unwrap().1, media_type);
        }
        // Not recordings: a Matroska video that is not WebM, an MP4 of an unknown brand, a
        // reserved MPEG version, a QuickTime movie, and text.
        for bytes in [
            &b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01matroska"[..],
            b"\x00\x00\x00\x18ftypqt  \x00\x00",
            &[0xFF, 0xEB, 0x90, 0x64],
            b"\x00\x00\x00\x14ftyp",
            b"hello",
        ] {
            assert_eq!(sniff(bytes), None, "{bytes:?}");
        }
    }

    #[test]
    fn a_recording_may_be_larger_than_a_paper_but_not_without_limit() {
        let mut long = b"OggS".to_vec();
        long.resize(DOCUMENT_MAX_BYTES + 1, 0);
        assert_eq!(
            check_document("psychosocial", &long).unwrap().1,
            "audio/ogg"
        );
        long.resize(RECORDING_MAX_BYTES + 1, 0);
        assert_eq!(
            check_document("psychosocial", &long).unwrap_err(),
            ("file", DomainError::FileTooLarge { max_mb: 25 })
        );
        assert_eq!(stored_name("voice note", "audio/ogg"), "voice note.ogg");
        assert_eq!(stored_name("PTT-2026.opus", "audio/ogg"), "PTT-2026.opus");
        assert_eq!(stored_name("memo.m4a", "audio/mp4"), "memo.m4a");
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
