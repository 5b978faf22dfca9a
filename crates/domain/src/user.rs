//! People who sign in: staff of one organisation, or (optionally) a survivor herself.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::{DomainError, Language, OrgId, Roles, Timestamp, UserId};

/// A sign-in name: 3–64 of `a-z 0-9 . - _`, lower-cased, so that `Director.Kolkata` and
/// `director.kolkata` are one account.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Username(String);

impl Username {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for Username {
    type Err = DomainError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let name = s.trim().to_lowercase();
        let ok_chars = name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '-' | '_'));
        if ok_chars && (3..=64).contains(&name.len()) {
            Ok(Self(name))
        } else {
            Err(DomainError::InvalidUsername)
        }
    }
}

impl TryFrom<String> for Username {
    type Error = DomainError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<Username> for String {
    fn from(u: Username) -> Self {
        u.0
    }
}

impl fmt::Display for Username {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Checks a display name; blank means "use the username".
pub fn parse_display_name(s: &str) -> Result<Option<String>, DomainError> {
    let name = s.trim();
    if name.is_empty() {
        Ok(None)
    } else if name.chars().count() > 120 {
        Err(DomainError::DisplayNameTooLong)
    } else {
        Ok(Some(name.to_string()))
    }
}

/// A user as stored (never with the password hash: that stays in the store).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    pub id: UserId,
    pub org_id: OrgId,
    pub username: Username,
    pub display_name: Option<String>,
    pub roles: Roles,
    pub language: Language,
    pub active: bool,
    pub version: i64,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

impl User {
    /// The name to greet the person by.
    pub fn name(&self) -> &str {
        self.display_name
            .as_deref()
            .unwrap_or(self.username.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames_are_lower_cased_and_restricted() {
        assert_eq!(
            "Director.Kolkata".parse::<Username>().unwrap().as_str(),
            "director.kolkata"
        );
        assert!("ab".parse::<Username>().is_err());
        assert!("has space".parse::<Username>().is_err());
        assert!("রহিমা".parse::<Username>().is_err());
    }
}
