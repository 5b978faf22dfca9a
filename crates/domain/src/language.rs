//! The three languages every screen and document exists in.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::DomainError;

/// An interface language. Bengali first: it is the language of the people at the end of the
/// journey, who most often receive reports they cannot read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    Bn,
    Hi,
    En,
}

impl Language {
    pub const ALL: [Language; 3] = [Language::Bn, Language::Hi, Language::En];

    /// The BCP 47 code, as used in `<html lang>` and `?lang=`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Bn => "bn",
            Self::Hi => "hi",
            Self::En => "en",
        }
    }

    /// The language's name in itself, for the language switch.
    pub fn autonym(self) -> &'static str {
        match self {
            Self::Bn => "বাংলা",
            Self::Hi => "हिन्दी",
            Self::En => "English",
        }
    }

    /// Parses a code leniently: `bn`, `BN`, `bn-IN`, `bn_BD` all mean Bengali.
    pub fn from_tag(tag: &str) -> Option<Self> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "bn" => Some(Self::Bn),
            "hi" => Some(Self::Hi),
            "en" => Some(Self::En),
            _ => None,
        }
    }

    /// Picks the best of our languages for an HTTP `Accept-Language` header, honouring q-values.
    pub fn negotiate(accept_language: &str) -> Option<Self> {
        let mut best: Option<(f32, usize, Self)> = None;
        for (index, part) in accept_language.split(',').enumerate() {
            let mut pieces = part.split(';');
            let tag = pieces.next().unwrap_or_default();
            let q = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            if q <= 0.0 {
                continue;
            }
            if let Some(language) = Self::from_tag(tag) {
                // Higher q wins; on a tie the earlier entry wins.
                let better = match best {
                    None => true,
                    Some((best_q, _, _)) => q > best_q,
                };
                if better {
                    best = Some((q, index, language));
                }
            }
        }
        best.map(|(_, _, language)| language)
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Language {
    type Err = DomainError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim() {
            "bn" => Ok(Self::Bn),
            "hi" => Ok(Self::Hi),
            "en" => Ok(Self::En),
            other => Err(DomainError::UnknownLanguage(other.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_prefers_highest_quality() {
        assert_eq!(
            Language::negotiate("fr, hi;q=0.5, bn-IN;q=0.9"),
            Some(Language::Bn)
        );
        assert_eq!(Language::negotiate("en-GB,en;q=0.9"), Some(Language::En));
        assert_eq!(Language::negotiate("fr, de"), None);
        assert_eq!(Language::negotiate("bn;q=0, hi"), Some(Language::Hi));
    }

    #[test]
    fn codes_parse_strictly_but_tags_leniently() {
        assert_eq!("bn".parse::<Language>(), Ok(Language::Bn));
        assert!("bengali".parse::<Language>().is_err());
        assert_eq!(Language::from_tag("HI_in"), Some(Language::Hi));
    }
}
