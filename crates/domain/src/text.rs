//! Text as people write it in Bengali, Hindi and English: stored in one normal form, and cut
//! into search terms that keep Bengali and Devanagari words whole.
//!
//! Without care a Bengali word is shredded: vowel signs and the hasanta are combining marks,
//! which generic tokenisers treat as separators; `য়` has two encodings; Bengali digits differ
//! from ASCII ones (`../shared/background/domain-notes.md`).

use unicode_normalization::UnicodeNormalization;

const ZWJ: char = '\u{200D}';
const ZWNJ: char = '\u{200C}';

/// The form every stored text takes: NFC, trimmed. Joiners stay — they change how a Bengali
/// conjunct is drawn.
pub fn normalise(text: &str) -> String {
    text.trim().nfc().collect()
}

/// Part of a word: letters and digits of any script, and every character of the Bengali and
/// Devanagari blocks (vowel signs, hasanta, nukta, chandrabindu) except their full stops.
fn is_word_char(c: char) -> bool {
    let indic = ('\u{0900}'..='\u{09FF}').contains(&c) && c != '\u{0964}' && c != '\u{0965}';
    c.is_alphanumeric() || indic
}

/// Bengali and Devanagari digits as ASCII, so `২০২৬`, `२०२६` and `2026` find each other.
pub fn fold_digit(c: char) -> char {
    match c {
        '\u{09E6}'..='\u{09EF}' => char::from(b'0' + (c as u32 - 0x09E6) as u8),
        '\u{0966}'..='\u{096F}' => char::from(b'0' + (c as u32 - 0x0966) as u8),
        other => other,
    }
}

/// A number or date as she typed it, with Bengali (২৬) and Devanagari (२६) digits read as
/// ASCII ones (26): the one step before every parse of a number or a date that a person typed.
/// Nothing else changes, so a parser still refuses what is not a number.
pub fn ascii_digits(text: &str) -> String {
    text.chars().map(fold_digit).collect()
}

/// The search terms of a text: normalised, joiners removed, lower-cased, digits folded, split
/// at everything that is not part of a word. Repeats are kept once.
pub fn terms(text: &str) -> Vec<String> {
    let cleaned: String = text
        .nfc()
        .filter(|c| *c != ZWJ && *c != ZWNJ)
        .flat_map(char::to_lowercase)
        .map(fold_digit)
        .collect();
    let mut found: Vec<String> = Vec::new();
    for word in cleaned.split(|c: char| !is_word_char(c)) {
        if !word.is_empty() && word.chars().count() <= 64 && !found.iter().any(|w| w == word) {
            found.push(word.to_string());
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bengali_words_stay_whole() {
        assert_eq!(
            terms("আমি আবার স্কুলে যেতে চাই।"),
            vec!["আমি", "আবার", "স্কুলে", "যেতে", "চাই"]
        );
        assert_eq!(
            terms("मैं घर जाना चाहती हूँ।"),
            vec!["मैं", "घर", "जाना", "चाहती", "हूँ"]
        );
    }

    #[test]
    fn both_encodings_of_ya_match_and_joiners_do_not_split() {
        let composed = "\u{09DF}"; // য়
        let decomposed = "\u{09AF}\u{09BC}";
        assert_eq!(
            terms(&format!("মা{composed}ের")),
            terms(&format!("মা{decomposed}ের"))
        );
        assert_eq!(terms("র\u{200D}্যাব"), terms("র্যাব"));
    }

    #[test]
    fn digits_fold_and_english_is_lower_cased() {
        assert_eq!(terms("২০২৬ School"), vec!["2026", "school"]);
        assert_eq!(terms("२०२६"), vec!["2026"]);
    }
}
