//! Organisations of the network: destination shelters, transit homes, source-area NGOs and
//! community-based organisations, on both sides of the border.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::{DomainError, Language, OrgId, Timestamp};

/// Where an organisation stands on a survivor's route.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OrgKind {
    Destination,
    Transit,
    Source,
    Community,
}

impl OrgKind {
    pub const ALL: [OrgKind; 4] = [
        OrgKind::Destination,
        OrgKind::Transit,
        OrgKind::Source,
        OrgKind::Community,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Destination => "destination",
            Self::Transit => "transit",
            Self::Source => "source",
            Self::Community => "community",
        }
    }

    pub fn message_id(self) -> &'static str {
        match self {
            Self::Destination => "org-kind-destination",
            Self::Transit => "org-kind-transit",
            Self::Source => "org-kind-source",
            Self::Community => "org-kind-community",
        }
    }
}

impl fmt::Display for OrgKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for OrgKind {
    type Err = DomainError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        OrgKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| DomainError::UnknownOrgKind(s.to_string()))
    }
}

/// An ISO 3166-1 alpha-2 country code, upper case (IN, BD, NP …).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CountryCode(String);

impl CountryCode {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for CountryCode {
    type Err = DomainError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let code = s.trim().to_ascii_uppercase();
        if code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()) {
            Ok(Self(code))
        } else {
            Err(DomainError::InvalidCountry(s.to_string()))
        }
    }
}

impl TryFrom<String> for CountryCode {
    type Error = DomainError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<CountryCode> for String {
    fn from(c: CountryCode) -> Self {
        c.0
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An organisation's name: trimmed, non-empty, at most 200 characters. Names are unique in a
/// network, so that `--org NAME` on the command line is unambiguous.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct OrgName(String);

impl OrgName {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for OrgName {
    type Err = DomainError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let name = s.trim();
        if name.is_empty() {
            Err(DomainError::EmptyOrgName)
        } else if name.chars().count() > 200 {
            Err(DomainError::OrgNameTooLong)
        } else {
            Ok(Self(name.to_string()))
        }
    }
}

impl TryFrom<String> for OrgName {
    type Error = DomainError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<OrgName> for String {
    fn from(n: OrgName) -> Self {
        n.0
    }
}

impl fmt::Display for OrgName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Checks an optional district: blank means none.
pub fn parse_district(s: &str) -> Result<Option<String>, DomainError> {
    let d = s.trim();
    if d.is_empty() {
        Ok(None)
    } else if d.chars().count() > 100 {
        Err(DomainError::DistrictTooLong)
    } else {
        Ok(Some(d.to_string()))
    }
}

/// Parses a comma-separated language list (`bn,en`); blank means none given.
pub fn parse_languages(list: &str) -> Result<Vec<Language>, DomainError> {
    let mut languages = list
        .split(',')
        .filter(|s| !s.trim().is_empty())
        .map(str::parse)
        .collect::<Result<Vec<Language>, _>>()?;
    languages.sort();
    languages.dedup();
    Ok(languages)
}

/// What is asked of a new or changed organisation, already validated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationFields {
    pub name: OrgName,
    pub kind: OrgKind,
    pub country: CountryCode,
    pub district: Option<String>,
    pub languages: Vec<Language>,
    /// Where its days begin, and the clock its people read times by.
    #[serde(default)]
    pub time_zone: crate::zone::TimeZone,
}

/// An organisation as stored. `version` grows by one on every change; it is the ETag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organisation {
    pub id: OrgId,
    #[serde(flatten)]
    pub fields: OrganisationFields,
    pub version: i64,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_codes_are_two_letters() {
        assert_eq!("bd".parse::<CountryCode>().unwrap().as_str(), "BD");
        assert!("IND".parse::<CountryCode>().is_err());
        assert!("1N".parse::<CountryCode>().is_err());
    }

    #[test]
    fn names_are_trimmed_and_required() {
        assert_eq!("  Sanjog  ".parse::<OrgName>().unwrap().as_str(), "Sanjog");
        assert_eq!("   ".parse::<OrgName>(), Err(DomainError::EmptyOrgName));
        assert_eq!(
            "x".repeat(201).parse::<OrgName>(),
            Err(DomainError::OrgNameTooLong)
        );
    }

    #[test]
    fn language_lists_parse_and_refuse_unknown_codes() {
        assert_eq!(
            parse_languages("en, bn,bn").unwrap(),
            vec![Language::Bn, Language::En]
        );
        assert!(parse_languages("bn,fr").is_err());
        assert!(parse_languages("").unwrap().is_empty());
    }
}
