//! Every Bengali and Hindi word of a report, read back out of the PDF by poppler's `pdftotext`
//! and by pypdf, and the structure a screen reader walks (`pdfinfo -struct-text`).
//!
//! pdftotext reads `ActualText`, so it must give back every word whole. pypdf reads only each
//! glyph's ToUnicode entry, in the order the glyphs are drawn, so a word whose glyphs are not in
//! the order of its characters stays out of its reach: the test names each such word with the
//! reason, worked out from the word's characters (not from how the PDF was made), and fails on
//! any other word pypdf cannot read.

use std::path::{Path, PathBuf};
use std::process::Command;

use saathi_pdf::{Block, Fonts, Report, render};

/// Words with conjuncts, vowel signs under, over, before and around their letter, a reph,
/// nukta letters, chandrabindu, and the words the issue found broken (`স্কু ল`, `कै सा`).
const BENGALI: [&str; 16] = [
    "স্কুল",
    "কেমন",
    "কিশোরী",
    "পরিকল্পনা",
    "সেলাই",
    "দোকান",
    "ক্ষতিপূরণ",
    "কর্ম",
    "আমি",
    "বাড়ি",
    "চাঁদ",
    "মুক্তি",
    "স্বপ্ন",
    "ভয়",
    "কৌশল",
    "সুস্থ",
];
const HINDI: [&str; 12] = [
    "कैसा",
    "स्कूल",
    "प्रशिक्षण",
    "किशोरी",
    "दाखिला",
    "कर्म",
    "सहारा",
    "हूँ",
    "चाहती",
    "पढ़ाई",
    "मुक्ति",
    "ज़िंदगी",
];

/// Why pypdf cannot read a word back, from its characters: a vowel sign drawn before the
/// letter it follows (ি ে ৈ, and ো ৌ which begin with ে; Hindi's ि). Such a sign takes room on
/// the line before its letter, so its glyph comes first, and pypdf, which reads glyphs in the
/// order they are drawn and no `ActualText`, reads it first. (A reph or a candrabindu takes no
/// room of its own, so it is drawn in reading order and pypdf reads it.)
fn out_of_pypdf_reach(word: &str) -> Option<&'static str> {
    const PRE_BASE: [char; 6] = [
        '\u{09BF}', '\u{09C7}', '\u{09C8}', '\u{09CB}', '\u{09CC}', '\u{093F}',
    ];
    word.chars()
        .any(|c| PRE_BASE.contains(&c))
        .then_some("a vowel sign drawn before the letter it follows")
}

fn python() -> PathBuf {
    let python = std::env::var_os("SAATHI_PYPDF_PYTHON")
        .or_else(|| std::env::var_os("SAATHI_PYOTP_PYTHON"))
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/var/cache/saathi-test/pyotp/bin/python"));
    assert!(
        python.exists(),
        "pypdf's Python {} is missing: run scripts/test-deps",
        python.display()
    );
    python
}

fn run(program: &Path, args: &[&str]) -> String {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{} (scripts/test-deps installs it): {e}", program.display()));
    assert!(
        out.status.success(),
        "{}: {}",
        program.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    // pdfinfo prints a structure element's title as it is stored (UTF-16).
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The words a tool gave back, split at white space.
fn words(text: &str) -> Vec<&str> {
    text.split_whitespace().collect()
}

#[test]
fn every_word_reads_back_whole_or_is_named_with_the_reason() {
    let fonts = Fonts::from_env().expect("fonts-noto-core (scripts/test-deps installs it)");
    let bengali = BENGALI.join(" ");
    let hindi = HINDI.join(" ");
    let report = Report {
        language: "bn".into(),
        title: "পরিকল্পনা".into(),
        header: "KOL-0001 · পরিকল্পনা".into(),
        blocks: vec![
            Block::Title("কিশোরী স্কুল".into()),
            Block::Heading(hindi.clone()),
            Block::Paragraph(bengali.clone()),
            Block::Bullet(format!("{bengali} {hindi}")),
            Block::Term("PTSD".into(), hindi.clone()),
        ],
    };
    let pdf = render(&report, &fonts, &|n| format!("পৃষ্ঠা {n}")).expect("render");
    let path = std::env::temp_dir().join(format!("saathi-readback-{}.pdf", std::process::id()));
    std::fs::write(&path, &pdf).unwrap();
    let file = path.to_str().unwrap();

    let poppler = run(Path::new("pdftotext"), &[file, "-"]);
    let pypdf = run(
        &python(),
        &[
            "-c",
            "import sys, pypdf\nfor p in pypdf.PdfReader(sys.argv[1]).pages: print(p.extract_text())",
            file,
        ],
    );
    let info = run(Path::new("pdfinfo"), &[file]);
    let structure = run(Path::new("pdfinfo"), &["-struct-text", file]);
    std::fs::remove_file(&path).ok();

    // pdftotext: every word whole, as many times as the report has it.
    let got = words(&poppler);
    let mut unread = Vec::new();
    for word in BENGALI.iter().chain(&HINDI) {
        let times = [&bengali, &hindi]
            .iter()
            .filter(|t| t.contains(word))
            .count();
        if got.iter().filter(|w| **w == *word).count() < times {
            unread.push(*word);
        }
    }
    assert!(
        unread.is_empty(),
        "pdftotext cannot read {unread:?}:\n{poppler}"
    );

    // pypdf: every word it can reach; the others named, with the reason.
    let got = words(&pypdf);
    let mut failed = Vec::new();
    let mut named = Vec::new();
    for word in BENGALI.iter().chain(&HINDI) {
        let read = got.contains(word);
        match (read, out_of_pypdf_reach(word)) {
            (true, _) => {}
            (false, Some(why)) => named.push(format!("{word}: {why}")),
            (false, None) => failed.push(*word),
        }
    }
    eprintln!("pypdf cannot read, and why:\n  {}", named.join("\n  "));
    assert!(failed.is_empty(), "pypdf cannot read {failed:?}:\n{pypdf}");
    for word in [
        "স্কুল",
        "कैसा",
        "सहारा",
        "ভয়",
        "चाहती",
        "কর্ম",
        "कर्म",
        "চাঁদ",
        "हूँ",
    ] {
        assert!(
            got.contains(&word),
            "{word} is within pypdf's reach:\n{pypdf}"
        );
    }

    // Tagged, in her language, with the running header and footer left out of the structure.
    let field = |name: &str| {
        info.lines()
            .find(|l| l.starts_with(name))
            .map(|l| l[name.len()..].trim().to_string())
            .unwrap_or_default()
    };
    assert_eq!(field("Tagged:"), "yes", "{info}");
    for part in ["H1", "H2", "P", "L", "LI"] {
        assert!(
            structure
                .lines()
                .any(|l| l.trim_start().starts_with(&format!("{part} "))),
            "no {part} in the structure:\n{structure}"
        );
    }
    assert!(structure.contains("\"स्कूल\""), "{structure}");
    assert!(
        !structure.contains("KOL-0001"),
        "the header is an artifact:\n{structure}"
    );
    assert!(
        !structure.contains("পৃষ্ঠা"),
        "the footer is an artifact:\n{structure}"
    );
    assert!(
        pdf.windows(9).any(|w| w == b"/Lang (bn"),
        "the document's language"
    );
}

#[test]
fn the_reasons_come_from_the_characters() {
    assert_eq!(out_of_pypdf_reach("স্কুল"), None);
    assert_eq!(out_of_pypdf_reach("कैसा"), None);
    assert!(out_of_pypdf_reach("কিশোরী").is_some());
    assert!(out_of_pypdf_reach("দোকান").is_some(), "ো begins with ে");
    assert_eq!(
        out_of_pypdf_reach("कर्म"),
        None,
        "a reph takes no room of its own"
    );
    assert_eq!(out_of_pypdf_reach("চাঁদ"), None);
}
