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

/// The headword in Bengali and in Hindi; the English one is the term itself. Blank: the
/// term is shown as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Headwords {
    pub bn: String,
    pub hi: String,
}

/// A term as typed in (or read from the starter list), before it is stored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TermDraft {
    /// The term as the reports write it (most often English): the key two terms may not share.
    pub term: String,
    pub headwords: Headwords,
    pub synonyms: Vec<String>,
    pub explanations: Explanations,
}

impl TermDraft {
    /// The headword in this language: the Bengali or Hindi one, or the term itself.
    pub fn headword(&self, language: Language) -> &str {
        let own = match language {
            Language::Bn => &self.headwords.bn,
            Language::Hi => &self.headwords.hi,
            Language::En => &self.term,
        };
        if own.trim().is_empty() {
            &self.term
        } else {
            own
        }
    }

    /// What a reader of this language sees as the entry's title: her language's headword with
    /// the term as reports write it in brackets (`ট্রমা (trauma)`), or the term alone.
    pub fn heading(&self, language: Language) -> String {
        let own = self.headword(language);
        if key(own) == key(&self.term) {
            self.term.clone()
        } else {
            format!("{own} ({})", self.term)
        }
    }

    /// The translation into one language, as a reviewer reads it: the headword and the
    /// explanation. A review holds this text; a change to it makes the translation unreviewed.
    pub fn translation(&self, language: Language) -> String {
        format!(
            "{}\n{}",
            self.headword(language),
            self.explanations.get(language)
        )
    }
}

/// Someone who speaks the language read a translation and found it right: her name as the
/// network admin typed it, and the text she read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    pub language: Language,
    pub reviewer: String,
    /// [`TermDraft::translation`] at the time.
    pub text: String,
    pub at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GlossaryTerm {
    pub id: uuid::Uuid,
    pub draft: TermDraft,
    pub version: i64,
    pub updated_at: Timestamp,
    /// The reviews recorded, one per language at most (current or not; see [`Self::review`]).
    pub reviews: Vec<Review>,
}

impl GlossaryTerm {
    /// The review of this language's translation as it reads now; none when nobody reviewed it
    /// or it changed since.
    pub fn review(&self, language: Language) -> Option<&Review> {
        let now = self.draft.translation(language);
        self.reviews
            .iter()
            .find(|r| r.language == language && r.text == now)
    }
}

pub const TERM_MAX: usize = 100;
pub const EXPLANATION_MAX: usize = 1000;
pub const SYNONYMS_MAX: usize = 20;
pub const REVIEWER_MAX: usize = 100;

/// The reviewer's name, normalised; blank or too long is refused.
pub fn check_reviewer(name: &str) -> Result<String, DomainError> {
    let name = crate::text::normalise(name);
    if name.is_empty() {
        Err(DomainError::EmptyText)
    } else if name.chars().count() > REVIEWER_MAX {
        Err(DomainError::TextTooLong { max: REVIEWER_MAX })
    } else {
        Ok(name)
    }
}

/// The key two terms may not share: the term lower-cased and normalised.
pub fn key(term: &str) -> String {
    term.trim().nfc().flat_map(char::to_lowercase).collect()
}

/// Checks and normalises a draft; each problem names its field.
pub fn check(draft: &TermDraft) -> Result<TermDraft, Vec<(&'static str, DomainError)>> {
    let mut errors = Vec::new();
    let term = {
        let value = crate::text::normalise(&draft.term);
        if value.is_empty() {
            errors.push(("term", DomainError::EmptyText));
        } else if value.chars().count() > TERM_MAX {
            errors.push(("term", DomainError::TextTooLong { max: TERM_MAX }));
        }
        value
    };
    let mut headword = |field: &'static str, value: &str| {
        let value = crate::text::normalise(value);
        if value.chars().count() > TERM_MAX {
            errors.push((field, DomainError::TextTooLong { max: TERM_MAX }));
        }
        value
    };
    let headwords = Headwords {
        bn: headword("headword_bn", &draft.headwords.bn),
        hi: headword("headword_hi", &draft.headwords.hi),
    };
    let mut text = |field: &'static str, value: &str, max: usize| {
        let value = crate::text::normalise(value);
        if value.is_empty() {
            errors.push((field, DomainError::EmptyText));
        } else if value.chars().count() > max {
            errors.push((field, DomainError::TextTooLong { max }));
        }
        value
    };
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
            headwords,
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

/// The starter glossary's newest edition. A Saathi that loaded an older one adds the terms of
/// the newer editions (and the headwords of the older ones) when it starts.
pub const STARTER_EDITION: i64 = 2;

/// A term of the starter list and the edition that brought it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StarterTerm {
    pub edition: i64,
    pub draft: TermDraft,
}

/// The starter glossary every new Saathi has (`data/glossary-starter.tsv`): terms from
/// counselling, psychiatric, medical and legal reports about trafficking survivors, from India
/// and from Bangladesh, and the words of case management and repatriation, written for care
/// workers at a small NGO.
pub fn starter_terms() -> Vec<StarterTerm> {
    include_str!("../data/glossary-starter.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|line| {
            let mut cols = line.split('\t');
            let edition = cols.next()?.trim().parse().ok()?;
            let term = cols.next()?.to_string();
            let headwords = Headwords {
                bn: cols.next()?.to_string(),
                hi: cols.next()?.to_string(),
            };
            let synonyms = parse_synonyms(cols.next()?);
            let en = cols.next()?.to_string();
            let bn = cols.next()?.to_string();
            let hi = cols.next()?.to_string();
            Some(StarterTerm {
                edition,
                draft: TermDraft {
                    term,
                    headwords,
                    synonyms,
                    explanations: Explanations { bn, hi, en },
                },
            })
        })
        .collect()
}

/// Every term of the starter glossary, of every edition.
pub fn starter() -> Vec<TermDraft> {
    starter_terms().into_iter().map(|t| t.draft).collect()
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

    fn has_script(text: &str, block: std::ops::RangeInclusive<char>) -> bool {
        text.chars().any(|c| block.contains(&c))
    }

    #[test]
    fn the_starter_glossary_has_150_terms_explained_and_headed_in_three_languages() {
        let terms = starter();
        assert!(terms.len() >= 150, "{} terms", terms.len());
        for t in &terms {
            let checked = check(t).unwrap_or_else(|e| panic!("{}: {e:?}", t.term));
            let e = &checked.explanations;
            assert!(has_script(&e.bn, '\u{0980}'..='\u{09FF}'), "{}: bn", t.term);
            assert!(has_script(&e.hi, '\u{0900}'..='\u{097F}'), "{}: hi", t.term);
            assert!(e.en.is_ascii(), "{}: en", t.term);
            assert_ne!(e.bn, e.en, "{}: bn is the English", t.term);
            assert_ne!(e.hi, e.en, "{}: hi is the English", t.term);
            let h = &checked.headwords;
            assert!(
                has_script(&h.bn, '\u{0980}'..='\u{09FF}'),
                "{}: bn headword",
                t.term
            );
            assert!(
                has_script(&h.hi, '\u{0900}'..='\u{097F}'),
                "{}: hi headword",
                t.term
            );
        }
        // The labels the programme profile itself names, and Bangladesh's law beside India's.
        for needed in [
            "passive-aggressive behaviours",
            "manic-depressive tendencies",
            "Prevention and Suppression of Human Trafficking Act 2012",
            "Children Act 2013",
            "GD entry",
            "Victim Support Centre",
            "ITPA",
            "JJ Act",
            "CWC",
            "FIR",
            "164 statement",
        ] {
            let (terms, scanner) = scanner();
            let found = scanner.scan(needed);
            assert_eq!(found.len(), 1, "{needed}");
            assert_eq!(
                (found[0].start, found[0].end),
                (0, needed.len()),
                "{needed} is found whole, as {}",
                terms[found[0].term].term
            );
        }
        let editions: Vec<i64> = starter_terms().iter().map(|t| t.edition).collect();
        assert!(editions.iter().all(|e| (1..=STARTER_EDITION).contains(e)));
        assert_eq!(editions.iter().filter(|e| **e == 1).count(), 50);
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
    fn a_headword_is_shown_in_her_language_with_the_term_in_brackets() {
        let terms = starter();
        let trauma = terms.iter().find(|t| t.term == "trauma").unwrap();
        assert_eq!(trauma.heading(Language::Bn), "মানসিক আঘাত (trauma)");
        assert_eq!(trauma.heading(Language::Hi), "मानसिक आघात (trauma)");
        assert_eq!(trauma.heading(Language::En), "trauma");
        let bare = TermDraft {
            term: "কাউন্সেলিং".into(),
            ..TermDraft::default()
        };
        assert_eq!(
            bare.heading(Language::Bn),
            "কাউন্সেলিং",
            "no headword: the term alone"
        );
    }

    #[test]
    fn a_review_holds_only_while_the_translation_reads_as_reviewed() {
        let draft = starter().into_iter().find(|t| t.term == "PTSD").unwrap();
        let mut term = GlossaryTerm {
            id: uuid::Uuid::nil(),
            reviews: vec![Review {
                language: Language::Bn,
                reviewer: "রুপা দাস".into(),
                text: draft.translation(Language::Bn),
                at: Timestamp(0),
            }],
            draft,
            version: 1,
            updated_at: Timestamp(0),
        };
        assert_eq!(
            term.review(Language::Bn).map(|r| r.reviewer.as_str()),
            Some("রুপা দাস")
        );
        assert!(term.review(Language::Hi).is_none());
        term.draft.explanations.bn.push_str(" আরও।");
        assert!(term.review(Language::Bn).is_none(), "changed since");
        assert_eq!(check_reviewer("  "), Err(DomainError::EmptyText));
        assert_eq!(check_reviewer(" রুপা দাস ").as_deref(), Ok("রুপা দাস"));
    }

    #[test]
    fn both_encodings_of_ya_are_found() {
        let terms = vec![TermDraft {
            term: "নিয়ম".into(),
            headwords: Headwords::default(),
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
            headwords: Headwords::default(),
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
            headwords: Headwords::default(),
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
