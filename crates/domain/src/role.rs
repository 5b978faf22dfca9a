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

/// A user's roles: a non-empty, sorted set in which `survivor` stands alone (DESIGN §4: a
/// survivor's account is never a staff account).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Vec<Role>", into = "Vec<Role>")]
pub struct Roles(Vec<Role>);

impl Roles {
    /// The roles to give someone: refuses an empty set and `survivor` with any other role.
    pub fn new(roles: impl IntoIterator<Item = Role>) -> Result<Self, DomainError> {
        let roles = Self::stored(roles)?;
        if roles.mixes_survivor_and_staff() {
            return Err(DomainError::SurvivorWithOtherRoles);
        }
        Ok(roles)
    }

    /// Roles as an older database may hold them, `survivor` with a staff role included: such
    /// an account is loaded so that it can be listed, refused sign-in and split, never given.
    pub fn stored(roles: impl IntoIterator<Item = Role>) -> Result<Self, DomainError> {
        let mut roles: Vec<Role> = roles.into_iter().collect();
        roles.sort();
        roles.dedup();
        if roles.is_empty() {
            return Err(DomainError::NoRoles);
        }
        Ok(Self(roles))
    }

    /// `survivor` together with a staff role: what `new` refuses, and what an account made
    /// before that rule may still hold until an administrator splits it.
    pub fn mixes_survivor_and_staff(&self) -> bool {
        self.contains(Role::Survivor) && self.0.len() > 1
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

    /// Parses the comma-separated form, with the rule of `new`.
    pub fn parse_list(list: &str) -> Result<Self, DomainError> {
        Self::new(Self::parse_names(list)?)
    }

    /// Parses the comma-separated form as stored (see `stored`).
    pub fn parse_stored(list: &str) -> Result<Self, DomainError> {
        Self::stored(Self::parse_names(list)?)
    }

    fn parse_names(list: &str) -> Result<Vec<Role>, DomainError> {
        list.split(',')
            .filter(|s| !s.trim().is_empty())
            .map(str::parse)
            .collect()
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

    #[test]
    fn survivor_stands_alone() {
        assert!(Roles::new([Role::Survivor]).is_ok());
        for staff in Role::ALL.into_iter().filter(|r| *r != Role::Survivor) {
            assert_eq!(
                Roles::new([staff, Role::Survivor]),
                Err(DomainError::SurvivorWithOtherRoles),
                "{staff}"
            );
        }
        assert_eq!(
            serde_json::from_str::<Roles>(r#"["survivor","counsellor"]"#)
                .map_err(|e| e.to_string().contains("survivor")),
            Err(true)
        );
        let old = Roles::parse_stored("survivor,counsellor").unwrap();
        assert!(old.mixes_survivor_and_staff());
        assert!(!Roles::single(Role::Survivor).mixes_survivor_and_staff());
        assert!(
            !Roles::parse_list("director,case-worker")
                .unwrap()
                .mixes_survivor_and_staff()
        );
    }
}
