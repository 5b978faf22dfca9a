//! Roles (DESIGN §4). Least privilege: each role sees and does only what its work needs.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::DomainError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    NetworkAdmin,
    Director,
    CaseWorker,
    Counsellor,
    CareGiver,
    Trainer,
    Survivor,
}

impl Role {
    pub const ALL: [Role; 7] = [
        Role::NetworkAdmin,
        Role::Director,
        Role::CaseWorker,
        Role::Counsellor,
        Role::CareGiver,
        Role::Trainer,
        Role::Survivor,
    ];

    /// The name used on the command line, in the API and in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::NetworkAdmin => "network-admin",
            Self::Director => "director",
            Self::CaseWorker => "case-worker",
            Self::Counsellor => "counsellor",
            Self::CareGiver => "care-giver",
            Self::Trainer => "trainer",
            Self::Survivor => "survivor",
        }
    }

    /// The Fluent id of the role's human name.
    pub fn message_id(self) -> &'static str {
        match self {
            Self::NetworkAdmin => "role-network-admin",
            Self::Director => "role-director",
            Self::CaseWorker => "role-case-worker",
            Self::Counsellor => "role-counsellor",
            Self::CareGiver => "role-care-giver",
            Self::Trainer => "role-trainer",
            Self::Survivor => "role-survivor",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Role {
    type Err = DomainError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        Role::ALL
            .into_iter()
            .find(|role| role.as_str() == s)
            .ok_or_else(|| DomainError::UnknownRole(s.to_string()))
    }
}

/// A user's roles: a non-empty, sorted set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Vec<Role>", into = "Vec<Role>")]
pub struct Roles(Vec<Role>);

impl Roles {
    pub fn new(roles: impl IntoIterator<Item = Role>) -> Result<Self, DomainError> {
        let mut roles: Vec<Role> = roles.into_iter().collect();
        roles.sort();
        roles.dedup();
        if roles.is_empty() {
            return Err(DomainError::NoRoles);
        }
        Ok(Self(roles))
    }

    pub fn single(role: Role) -> Self {
        Self(vec![role])
    }

    pub fn contains(&self, role: Role) -> bool {
        self.0.contains(&role)
    }

    pub fn iter(&self) -> impl Iterator<Item = Role> + '_ {
        self.0.iter().copied()
    }

    /// Comma-separated names, the form kept in the database.
    pub fn to_list(&self) -> String {
        self.0
            .iter()
            .map(|r| r.as_str())
            .collect::<Vec<_>>()
            .join(",")
    }

    /// Parses the comma-separated form.
    pub fn parse_list(list: &str) -> Result<Self, DomainError> {
        let roles = list
            .split(',')
            .filter(|s| !s.trim().is_empty())
            .map(str::parse)
            .collect::<Result<Vec<Role>, _>>()?;
        Self::new(roles)
    }
}

impl TryFrom<Vec<Role>> for Roles {
    type Error = DomainError;
    fn try_from(roles: Vec<Role>) -> Result<Self, Self::Error> {
        Self::new(roles)
    }
}

impl From<Roles> for Vec<Role> {
    fn from(roles: Roles) -> Self {
        roles.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_names_round_trip() {
        for role in Role::ALL {
            assert_eq!(role.as_str().parse::<Role>(), Ok(role));
        }
        assert!("admin".parse::<Role>().is_err());
    }

    #[test]
    fn roles_are_a_non_empty_sorted_set() {
        let roles = Roles::parse_list("counsellor,case-worker,counsellor").unwrap();
        assert_eq!(roles.to_list(), "case-worker,counsellor");
        assert_eq!(Roles::parse_list(""), Err(DomainError::NoRoles));
    }
}
