//! The network's glossary: clinical and legal words that a small Bengali-speaking NGO may not
//! know, each with a plain explanation in bn, hi and en. Narrative text is scanned for them in
//! one pass (an Aho–Corasick automaton over every term and synonym), so a 10 MB report costs
//! the same whether the glossary has 50 terms or 5,000.
//!
//! Matching is case-insensitive (`Trauma`, `TRAUMA`, `ptsd`) except for acronyms of two or three
//! letters (`SIR` must not match "sir", nor `FIR` "fir"), and word-bounded: `trauma` is not found inside
//! `traumatised` unless that is listed as a synonym. Bengali nouns take their case endings
//! joined on (`ট্রমার`, `ট্রমাতে`), so a Bengali or Devanagari term also matches with one of the
//! common endings attached.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use unicode_normalization::UnicodeNormalization;

use crate::{DomainError, Language, Timestamp};

/// A plain explanation in each working language.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Explanations {
    pub bn: String,
    pub hi: String,
    pub en: String,
}

impl Explanations {
    pub fn get(&self, language: Language) -> &str {
        match language {
            Language::Bn => &self.bn,
            Language::Hi => &self.hi,
            Language::En => &self.en,
        }
    }
}

/// A term as typed in (or read from the starter list), before it is stored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TermDraft {
    pub term: String,
    pub synonyms: Vec<String>,
    pub explanations: Explanations,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GlossaryTerm {
    pub id: uuid::Uuid,
    pub draft: TermDraft,
    pub version: i64,
    pub updated_at: Timestamp,
}

pub const TERM_MAX: usize = 100;
pub const EXPLANATION_MAX: usize = 1000;
pub const SYNONYMS_MAX: usize = 20;

/// The key two terms may not share: the term lower-cased and normalised.
pub fn key(term: &str) -> String {
    term.trim().nfc().flat_map(char::to_lowercase).collect()
}

/// Checks and normalises a draft; each problem names its field.
pub fn check(draft: &TermDraft) -> Result<TermDraft, Vec<(&'static str, DomainError)>> {
    let mut errors = Vec::new();
    let mut text = |field: &'static str, value: &str, max: usize| {
        let value = crate::text::normalise(value);
        if value.is_empty() {
            errors.push((field, DomainError::EmptyText));
        } else if value.chars().count() > max {
            errors.push((field, DomainError::TextTooLong { max }));
        }
        value
    };
    let term = text("term", &draft.term, TERM_MAX);
    let explanations = Explanations {
        bn: text("explanation_bn", &draft.explanations.bn, EXPLANATION_MAX),
        hi: text("explanation_hi", &draft.explanations.hi, EXPLANATION_MAX),
        en: text("explanation_en", &draft.explanations.en, EXPLANATION_MAX),
    };
    let mut synonyms: Vec<String> = Vec::new();
    for s in &draft.synonyms {
        let s = crate::text::normalise(s);
        if s.is_empty() || key(&s) == key(&term) || synonyms.iter().any(|x| key(x) == key(&s)) {
            continue;
        }
        if s.chars().count() > TERM_MAX {
            errors.push(("synonyms", DomainError::TextTooLong { max: TERM_MAX }));
        }
        synonyms.push(s);
    }
    if synonyms.len() > SYNONYMS_MAX {
        errors.push((
            "synonyms",
            DomainError::TooManySynonyms { max: SYNONYMS_MAX },
        ));
    }
    if errors.is_empty() {
        Ok(TermDraft {
            term,
            synonyms,
            explanations,
        })
    } else {
        Err(errors)
    }
}

/// Synonyms as typed in a form: one per line or separated by `|`.
pub fn parse_synonyms(text: &str) -> Vec<String> {
    text.split(['\n', '|'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// The starter glossary every new Saathi has (`data/glossary-starter.tsv`): terms from
/// counselling, medical and legal reports about trafficking survivors, written with care
/// workers in mind.
pub fn starter() -> Vec<TermDraft> {
    include_str!("../data/glossary-starter.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|line| {
            let mut cols = line.split('\t');
            let term = cols.next()?.to_string();
            let synonyms = parse_synonyms(cols.next()?);
            let en = cols.next()?.to_string();
            let bn = cols.next()?.to_string();
            let hi = cols.next()?.to_string();
            Some(TermDraft {
                term,
                synonyms,
                explanations: Explanations { bn, hi, en },
            })
        })
        .collect()
}

/// Part of a word (as in `text`): letters and digits of any script, and the Bengali and
/// Devanagari blocks' signs, except their full stops; joiners too.
fn is_word_char(c: char) -> bool {
    let indic = ('\u{0900}'..='\u{09FF}').contains(&c) && c != '\u{0964}' && c != '\u{0965}';
    c.is_alphanumeric() || indic || c == '\u{200C}' || c == '\u{200D}'
}

fn is_indic(text: &str) -> bool {
    text.chars().any(|c| ('\u{0900}'..='\u{09FF}').contains(&c))
}

/// Endings that join a Bengali or Hindi noun without a space (case and plural markers).
const ENDINGS: [&str; 22] = [
    "র",
    "ের",
    "এর",
    "কে",
    "দের",
    "তে",
    "ে",
    "য়",
    "য়",
    "ও",
    "ই",
    "রা",
    "েরা",
    "গুলো",
    "গুলি",
    "টা",
    "টি",
    "টার",
    "টির",
    "ों",
    "ें",
    "ो",
];

/// Every spelling of a pattern the automaton must know: as given, NFC, and with the Bengali
/// nukta letters precomposed (য় ড় ঢ় are decomposed by NFC, but people's keyboards produce both).
fn spellings(pattern: &str) -> Vec<String> {
    let nfc: String = pattern.nfc().collect();
    let precomposed = nfc
        .replace("\u{09AF}\u{09BC}", "\u{09DF}")
        .replace("\u{09A1}\u{09BC}", "\u{09DC}")
        .replace("\u{09A2}\u{09BC}", "\u{09DD}");
    let mut all = vec![pattern.to_string()];
    for s in [nfc, precomposed] {
        if !all.contains(&s) {
            all.push(s);
        }
    }
    all
}

/// A short acronym (`SIR`, `FIR`, `HIV`): matched only as written, because in lower case it is
/// often an ordinary word. Longer ones (`PTSD`, `POCSO`) are matched in any case.
fn is_acronym(pattern: &str) -> bool {
    let letters = pattern.chars().filter(|c| c.is_ascii_alphabetic()).count();
    (2..=3).contains(&letters)
        && pattern
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

struct Pattern {
    term: usize,
    text: String,
    acronym: bool,
    indic: bool,
}

/// A glossary compiled for scanning.
pub struct Scanner {
    automaton: Option<AhoCorasick>,
    patterns: Vec<Pattern>,
}

/// A term found in a text: which term (its index in the list the scanner was built from) and
/// where, in bytes of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub term: usize,
    pub start: usize,
    pub end: usize,
}

impl Scanner {
    /// From the terms with their synonyms, in order; `Found::term` indexes this list.
    pub fn new<'a>(terms: impl IntoIterator<Item = &'a TermDraft>) -> Self {
        let mut patterns = Vec::new();
        for (i, t) in terms.into_iter().enumerate() {
            for p in std::iter::once(&t.term).chain(&t.synonyms) {
                let p = p.trim();
                if p.is_empty() {
                    continue;
                }
                for text in spellings(p) {
                    patterns.push(Pattern {
                        term: i,
                        acronym: is_acronym(&text),
                        indic: is_indic(&text),
                        text,
                    });
                }
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(patterns.iter().map(|p| &p.text))
            .ok();
        Scanner {
            automaton,
            patterns,
        }
    }

    /// Every term in `text`, in order, not overlapping.
    pub fn scan(&self, text: &str) -> Vec<Found> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let mut found: Vec<Found> = Vec::new();
        for m in automaton.find_iter(text) {
            let p = &self.patterns[m.pattern().as_usize()];
            let (start, mut end) = (m.start(), m.end());
            // A match inside the case ending the previous one took: not a term of its own.
            if found.last().is_some_and(|f| start < f.end) {
                continue;
            }
            if p.acronym && text[start..end] != p.text {
                continue;
            }
            if text[..start].chars().next_back().is_some_and(is_word_char) {
                continue;
            }
            let rest = &text[end..];
            if rest.chars().next().is_some_and(is_word_char) {
                let word_end = rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len());
                if p.indic && ENDINGS.contains(&&rest[..word_end]) {
                    end += word_end;
                } else {
                    continue;
                }
            }
            found.push(Found {
                term: p.term,
                start,
                end,
            });
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scanner() -> (Vec<TermDraft>, Scanner) {
        let terms = starter();
        let scanner = Scanner::new(&terms);
        (terms, scanner)
    }

    fn found(text: &str) -> Vec<String> {
        let (terms, scanner) = scanner();
        scanner
            .scan(text)
            .into_iter()
            .map(|f| format!("{}={}", &text[f.start..f.end], terms[f.term].term))
            .collect()
    }

    #[test]
    fn the_starter_glossary_has_forty_terms_explained_in_three_languages() {
        let terms = starter();
        assert!(terms.len() >= 40, "{} terms", terms.len());
        for t in &terms {
            let checked = check(t).unwrap_or_else(|e| panic!("{}: {e:?}", t.term));
            let e = &checked.explanations;
            assert!(
                e.bn.chars().any(|c| ('\u{0980}'..='\u{09FF}').contains(&c)),
                "{}: bn",
                t.term
            );
            assert!(
                e.hi.chars().any(|c| ('\u{0900}'..='\u{097F}').contains(&c)),
                "{}: hi",
                t.term
            );
            assert!(e.en.is_ascii(), "{}: en", t.term);
        }
        let mut keys: Vec<String> = terms
            .iter()
            .flat_map(|t| std::iter::once(&t.term).chain(&t.synonyms))
            .map(|s| key(s))
            .collect();
        let all = keys.len();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), all, "a spelling belongs to two terms");
    }

    #[test]
    fn mixed_language_text_finds_terms_case_insensitively_and_word_bounded() {
        assert_eq!(
            found("Signs of ptsd and Dissociation; CWC ordered an HIR. তার ট্রমার কথা বলে। उसे आघात है।"),
            vec![
                "ptsd=PTSD",
                "Dissociation=dissociation",
                "CWC=CWC",
                "HIR=HIR",
                "ট্রমার=trauma",
                "आघात=trauma"
            ]
        );
        // Inside a longer word, or an acronym in lower case: not a term.
        assert!(found("The fir tree; sir, the traumatology ward; a POCSOx file").is_empty());
        // The longest spelling wins.
        assert_eq!(
            found("post-traumatic stress disorder"),
            vec!["post-traumatic stress disorder=PTSD"]
        );
    }

    #[test]
    fn both_encodings_of_ya_are_found() {
        let terms = vec![TermDraft {
            term: "নিয়ম".into(),
            synonyms: vec![],
            explanations: Explanations::default(),
        }];
        let scanner = Scanner::new(&terms);
        let decomposed = "নি\u{09AF}\u{09BC}ম মেনে";
        let precomposed = "নি\u{09DF}ম মেনে";
        assert_eq!(scanner.scan(decomposed).len(), 1);
        assert_eq!(scanner.scan(precomposed).len(), 1);
    }

    #[test]
    fn a_draft_is_checked_field_by_field() {
        let draft = TermDraft {
            term: "  ".into(),
            synonyms: vec!["a".into(), "A".into()],
            explanations: Explanations {
                bn: "ব্যাখ্যা".into(),
                hi: String::new(),
                en: "x".repeat(EXPLANATION_MAX + 1),
            },
        };
        let errors = check(&draft).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.0).collect();
        assert_eq!(fields, vec!["term", "explanation_hi", "explanation_en"]);
        let ok = check(&TermDraft {
            term: " Trauma ".into(),
            synonyms: vec!["trauma".into(), "ট্রমা".into(), "ট্রমা".into()],
            explanations: Explanations {
                bn: "ক".into(),
                hi: "क".into(),
                en: "e".into(),
            },
        })
        .unwrap();
        assert_eq!(ok.term, "Trauma");
        assert_eq!(
            ok.synonyms,
            vec!["ট্রমা"],
            "repeats and the term itself dropped"
        );
    }
}
