//! Newtype ids, so an organisation id can never be passed where a user id is meant.
//!
//! New ids are UUIDv7: time-ordered, which keeps database indexes compact and lists stable.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::DomainError;

macro_rules! id_type {
    ($(#[$meta:meta])* $name:ident, $what:literal) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            /// A fresh, time-ordered id.
            pub fn new() -> Self {
                Self(Uuid::now_v7())
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.hyphenated().fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = DomainError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s.trim())
                    .map(Self)
                    .map_err(|_| DomainError::InvalidId { what: $what, value: s.to_string() })
            }
        }
    };
}

id_type!(
    /// An organisation in the network.
    OrgId,
    "organisation"
);
id_type!(
    /// A person who signs in to Saathi.
    UserId,
    "user"
);
id_type!(
    /// An API bearer token (the id, never the secret).
    TokenId,
    "token"
);

id_type!(
    /// One survivor's case.
    CaseId,
    "case"
);
id_type!(
    /// One handover of a case from one organisation to another.
    HandoverId,
    "handover"
);
id_type!(
    /// One filled assessment form on a case.
    AssessmentId,
    "assessment"
);
id_type!(
    /// One document kept on a case.
    DocumentId,
    "document"
);
id_type!(
    /// One consent she gave (or withdrew).
    ConsentId,
    "consent"
);
id_type!(
    /// One workshop of the training programme, as scheduled.
    WorkshopId,
    "workshop"
);
id_type!(
    /// One entry of her voice; its corrections are versions of the same entry.
    VoiceId,
    "voice entry"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_through_text() {
        let id = OrgId::new();
        let parsed: OrgId = id.to_string().parse().unwrap();
        assert_eq!(id, parsed);
    }

    #[test]
    fn garbage_is_refused_with_what_was_expected() {
        let err = "not-a-uuid".parse::<UserId>().unwrap_err();
        assert_eq!(
            err,
            DomainError::InvalidId {
                what: "user",
                value: "not-a-uuid".into()
            }
        );
    }
}
