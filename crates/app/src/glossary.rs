//! The glossary for the pages and the API: reading it, scanning a text for its terms (with the
//! plain explanation in the reader's language), highlighting them in narrative, and the network
//! admin's curation with its audit entries.

use std::sync::Arc;

use domain::audit::AuditAction;
use domain::glossary::{
    Explanations, GlossaryTerm, Headwords, Review, Scanner, TermDraft, check, check_reviewer,
    parse_synonyms,
};
use domain::policy::{Action, Resource};
use domain::{DomainError, Language};
use store::{Store, StoreError};

use crate::accounts::detail;
use crate::{Acting, App};
use crate::{Error, FieldError};

/// The glossary as it stands, compiled for scanning: the terms and the automaton built from
/// them. [`crate::App::glossary`] keeps one until a curator changes a term.
pub struct Glossary {
    terms: Vec<GlossaryTerm>,
    scanner: Scanner,
}

/// A term found in a text. `start` and `end` count characters (Unicode scalar values), which
/// is what a script slicing the text by characters expects.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Hit {
    pub term: String,
    pub found: String,
    pub start: usize,
    pub end: usize,
    pub explanation: String,
}

impl Glossary {
    /// Reads every term (one query) and compiles them: for [`crate::App::glossary`], which
    /// keeps the result.
    pub(crate) async fn load(store: &Arc<dyn Store>) -> Result<Self, Error> {
        let terms = store.glossary().await?;
        Ok(Self::compile(terms))
    }

    fn compile(terms: Vec<GlossaryTerm>) -> Self {
        let scanner = Scanner::new(terms.iter().map(|t| &t.draft));
        Glossary { terms, scanner }
    }

    pub fn terms(&self) -> &[GlossaryTerm] {
        &self.terms
    }

    pub fn scanner(&self) -> &Scanner {
        &self.scanner
    }

    pub fn explanation(&self, term: usize, language: Language) -> &str {
        self.terms()
            .get(term)
            .map(|t| t.draft.explanations.get(language))
            .unwrap_or_default()
    }

    /// The term as a reader of `language` sees it: `ট্রমা (trauma)`.
    pub fn heading(&self, term: usize, language: Language) -> String {
        self.terms()
            .get(term)
            .map(|t| t.draft.heading(language))
            .unwrap_or_default()
    }

    pub fn term(&self, term: usize) -> &str {
        self.terms()
            .get(term)
            .map(|t| t.draft.term.as_str())
            .unwrap_or_default()
    }

    /// Every term in `text`, with character positions, in one pass.
    pub fn hits(&self, text: &str, language: Language) -> Vec<Hit> {
        let mut hits = Vec::new();
        // Matches come in order: count characters once, from one match to the next.
        let (mut byte, mut chars) = (0, 0);
        for f in self.scanner().scan(text) {
            chars += text[byte..f.start].chars().count();
            let start = chars;
            let found = &text[f.start..f.end];
            chars += found.chars().count();
            byte = f.end;
            hits.push(Hit {
                term: self.term(f.term).to_string(),
                found: found.to_string(),
                start,
                end: chars,
                explanation: self.explanation(f.term, language).to_string(),
            });
        }
        hits
    }

    /// The text as HTML, every term marked with its plain explanation (shown on hover and
    /// read out by screen readers), everything else escaped.
    pub fn highlight(&self, text: &str, language: Language) -> String {
        let mut html = String::with_capacity(text.len() + 64);
        let mut at = 0;
        for f in self.scanner().scan(text) {
            html.push_str(&escape(&text[at..f.start]));
            let explanation = escape(self.explanation(f.term, language));
            html.push_str(&format!(
                "<mark class=\"jargon\" title=\"{explanation}\">{}</mark>",
                escape(&text[f.start..f.end])
            ));
            at = f.end;
        }
        html.push_str(&escape(&text[at..]));
        html
    }

    /// The distinct terms in these texts with their explanations, in order of appearance:
    /// the "plain words" list under a narrative.
    pub fn explained(&self, texts: &[&str], language: Language) -> Vec<(String, String)> {
        let mut seen: Vec<usize> = Vec::new();
        for text in texts {
            for f in self.scanner().scan(text) {
                if !seen.contains(&f.term) {
                    seen.push(f.term);
                }
            }
        }
        seen.into_iter()
            .map(|t| {
                (
                    self.heading(t, language),
                    self.explanation(t, language).to_string(),
                )
            })
            .collect()
    }
}

pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            c => out.push(c),
        }
    }
    out
}

/// A term as typed into the form or the API.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TermInput {
    pub term: String,
    /// The headword in Bengali and in Hindi (blank: the term is shown).
    pub headword_bn: String,
    pub headword_hi: String,
    /// One per line, or separated by `|` (the API also takes a list).
    pub synonyms: Synonyms,
    pub explanation_bn: String,
    pub explanation_hi: String,
    pub explanation_en: String,
}

#[derive(Debug, Clone, serde::Deserialize)]
#[serde(untagged)]
pub enum Synonyms {
    Text(String),
    List(Vec<String>),
}

impl Default for Synonyms {
    fn default() -> Self {
        Synonyms::Text(String::new())
    }
}

impl TermInput {
    pub fn from_term(t: &GlossaryTerm) -> Self {
        TermInput {
            term: t.draft.term.clone(),
            headword_bn: t.draft.headwords.bn.clone(),
            headword_hi: t.draft.headwords.hi.clone(),
            synonyms: Synonyms::Text(t.draft.synonyms.join("\n")),
            explanation_bn: t.draft.explanations.bn.clone(),
            explanation_hi: t.draft.explanations.hi.clone(),
            explanation_en: t.draft.explanations.en.clone(),
        }
    }

    fn draft(&self) -> Result<TermDraft, Error> {
        let synonyms = match &self.synonyms {
            Synonyms::Text(text) => parse_synonyms(text),
            Synonyms::List(list) => list.clone(),
        };
        check(&TermDraft {
            term: self.term.clone(),
            headwords: Headwords {
                bn: self.headword_bn.clone(),
                hi: self.headword_hi.clone(),
            },
            synonyms,
            explanations: Explanations {
                bn: self.explanation_bn.clone(),
                hi: self.explanation_hi.clone(),
                en: self.explanation_en.clone(),
            },
        })
        .map_err(|errors| {
            Error::Invalid(
                errors
                    .iter()
                    .map(|(field, e)| FieldError::new(field, e))
                    .collect(),
            )
        })
    }
}

fn taken(e: StoreError) -> Error {
    match e {
        StoreError::Duplicate(_) => Error::Invalid(vec![FieldError {
            field: "term".into(),
            message_id: "error-glossary-term-taken",
            english: "the glossary has this term already".into(),
        }]),
        other => other.into(),
    }
}

fn audit(acting: &Acting, action: AuditAction, t: &GlossaryTerm) -> domain::audit::AuditEvent {
    acting
        .event(action, format!("glossary:{}", t.id), None)
        .with_detail(detail(&[("term", &t.draft.term)]))
}

/// Adds a term; the next [`App::glossary`] compiles it in.
pub async fn add(app: &App, acting: &Acting, input: &TermInput) -> Result<GlossaryTerm, Error> {
    acting.check(Action::EditGlossary, Resource::Network)?;
    let draft = input.draft()?;
    let id = uuid::Uuid::now_v7();
    let planned = GlossaryTerm {
        id,
        draft: draft.clone(),
        version: 1,
        updated_at: acting.at,
        reviews: Vec::new(),
    };
    let by = acting.actor.as_ref().map(|a| a.user_id);
    let added = app
        .store
        .add_term(
            id,
            &draft,
            by,
            audit(acting, AuditAction::GlossaryTermAdded, &planned),
        )
        .await
        .map_err(taken)?;
    app.glossary_changed();
    Ok(added)
}

/// Changes a term; the next [`App::glossary`] compiles the change in.
pub async fn update(
    app: &App,
    acting: &Acting,
    id: uuid::Uuid,
    expected_version: i64,
    input: &TermInput,
) -> Result<GlossaryTerm, Error> {
    acting.check(Action::EditGlossary, Resource::Network)?;
    let draft = input.draft()?;
    let planned = GlossaryTerm {
        id,
        draft: draft.clone(),
        version: expected_version + 1,
        updated_at: acting.at,
        reviews: Vec::new(),
    };
    let by = acting.actor.as_ref().map(|a| a.user_id);
    let changed = app
        .store
        .update_term(
            id,
            expected_version,
            &draft,
            by,
            audit(acting, AuditAction::GlossaryTermChanged, &planned),
        )
        .await
        .map_err(taken)?;
    app.glossary_changed();
    Ok(changed)
}

/// Removes a term; the next [`App::glossary`] no longer finds it.
pub async fn remove(
    app: &App,
    acting: &Acting,
    term: &GlossaryTerm,
    expected_version: i64,
) -> Result<(), Error> {
    acting.check(Action::EditGlossary, Resource::Network)?;
    app.store
        .remove_term(
            term.id,
            expected_version,
            audit(acting, AuditAction::GlossaryTermRemoved, term),
        )
        .await?;
    app.glossary_changed();
    Ok(())
}

/// A review as typed in: which translation, and who read it.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReviewInput {
    /// `bn`, `hi` or `en`.
    pub language: String,
    /// The name of the person who read the translation and found it right.
    pub reviewer: String,
}

/// Records that a named person reviewed the term's translation into one language as it reads
/// now (at `expected_version`); a later change to that translation makes it unreviewed again.
pub async fn review(
    app: &App,
    acting: &Acting,
    term: &GlossaryTerm,
    expected_version: i64,
    input: &ReviewInput,
) -> Result<GlossaryTerm, Error> {
    acting.check(Action::ReviewGlossary, Resource::Network)?;
    let mut errors = Vec::new();
    let language = input
        .language
        .parse::<Language>()
        .map_err(|e| errors.push(FieldError::new("language", &e)))
        .ok();
    let reviewer = check_reviewer(&input.reviewer)
        .map_err(|e| errors.push(FieldError::new("reviewer", &e)))
        .ok();
    let (Some(language), Some(reviewer)) = (language, reviewer) else {
        return Err(Error::Invalid(errors));
    };
    let review = Review {
        language,
        text: term.draft.translation(language),
        reviewer,
        at: acting.at,
    };
    let event = acting
        .event(
            AuditAction::GlossaryTranslationReviewed,
            format!("glossary:{}", term.id),
            None,
        )
        .with_detail(detail(&[
            ("term", &term.draft.term),
            ("language", language.code()),
            ("reviewer", &review.reviewer),
        ]));
    let by = acting.actor.as_ref().map(|a| a.user_id);
    let reviewed = app
        .store
        .review_term(term.id, expected_version, &review, by, event)
        .await?;
    app.glossary_changed();
    Ok(reviewed)
}

/// The longest text the scan takes in one request (the API body limit is the outer bound).
pub const SCAN_MAX_CHARS: usize = 2_000_000;

pub fn check_scan_text(text: &str) -> Result<(), Error> {
    if text.chars().count() > SCAN_MAX_CHARS {
        return Err(Error::Invalid(vec![FieldError::new(
            "text",
            &DomainError::TextTooLong {
                max: SCAN_MAX_CHARS,
            },
        )]));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlighting_escapes_everything_but_its_own_marks() {
        let terms = vec![GlossaryTerm {
            id: uuid::Uuid::nil(),
            draft: TermDraft {
                term: "PTSD".into(),
                headwords: Headwords::default(),
                synonyms: vec![],
                explanations: Explanations {
                    bn: "\"ভয়\" <পরে>".into(),
                    hi: "डर".into(),
                    en: "fear".into(),
                },
            },
            version: 1,
            updated_at: domain::Timestamp(0),
            reviews: Vec::new(),
        }];
        let glossary = Glossary::compile(terms);
        assert_eq!(
            glossary.highlight("<b>PTSD</b> & আরও", Language::Bn),
            "&lt;b&gt;<mark class=\"jargon\" title=\"&quot;ভয়&quot; &lt;পরে&gt;\">PTSD</mark>&lt;/b&gt; &amp; আরও"
        );
        let hits = glossary.hits("তার PTSD আছে", Language::Hi);
        assert_eq!(hits.len(), 1);
        assert_eq!(
            (hits[0].start, hits[0].end),
            (4, 8),
            "characters, not bytes"
        );
        assert_eq!(hits[0].explanation, "डर");
    }
}
