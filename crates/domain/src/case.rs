//! A survivor's case: a pseudonymous code, the organisation that has custody, and the stage of
//! her journey. The journey moves one stage at a time, forwards or (when plans change) back;
//! closing is the only jump, and it needs the director (see `policy`).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::{CaseId, DomainError, OrgId, Timestamp, UserId};

/// The journey, in order (DESIGN §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    Identified,
    InCare,
    PreparingReturn,
    InTransit,
    Returned,
    Reintegrating,
    FollowUp,
    Closed,
}

impl Stage {
    pub const ALL: [Stage; 8] = [
        Stage::Identified,
        Stage::InCare,
        Stage::PreparingReturn,
        Stage::InTransit,
        Stage::Returned,
        Stage::Reintegrating,
        Stage::FollowUp,
        Stage::Closed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Identified => "identified",
            Stage::InCare => "in-care",
            Stage::PreparingReturn => "preparing-return",
            Stage::InTransit => "in-transit",
            Stage::Returned => "returned",
            Stage::Reintegrating => "reintegrating",
            Stage::FollowUp => "follow-up",
            Stage::Closed => "closed",
        }
    }

    pub fn message_id(self) -> &'static str {
        match self {
            Stage::Identified => "stage-identified",
            Stage::InCare => "stage-in-care",
            Stage::PreparingReturn => "stage-preparing-return",
            Stage::InTransit => "stage-in-transit",
            Stage::Returned => "stage-returned",
            Stage::Reintegrating => "stage-reintegrating",
            Stage::FollowUp => "stage-follow-up",
            Stage::Closed => "stage-closed",
        }
    }

    fn index(self) -> usize {
        Stage::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    /// Whether the journey allows going from `self` to `to`: one step forward, one step back,
    /// or closing from any open stage. Who may close is the policy's question, not this one.
    pub fn check_change(self, to: Stage) -> Result<(), DomainError> {
        if self == Stage::Closed {
            return Err(DomainError::CaseClosed);
        }
        if to == self {
            return Err(DomainError::StageUnchanged);
        }
        if to == Stage::Closed || self.index().abs_diff(to.index()) == 1 {
            Ok(())
        } else {
            Err(DomainError::StageSkipped {
                from: self.as_str(),
                to: to.as_str(),
            })
        }
    }

    /// The stages a case at `self` may move to, for the form that offers them.
    pub fn next_choices(self) -> Vec<Stage> {
        Stage::ALL
            .into_iter()
            .filter(|to| self.check_change(*to).is_ok())
            .collect()
    }
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Stage {
    type Err = DomainError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_ascii_lowercase().replace('_', "-");
        Stage::ALL
            .into_iter()
            .find(|stage| stage.as_str() == wanted)
            .ok_or_else(|| DomainError::UnknownStage(s.to_string()))
    }
}

/// The pseudonymous code shown on every screen instead of her name: eight characters from an
/// alphabet without look-alikes (no I, L, O, U), read aloud easily over a phone, e.g. `K7QM-4P2D`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CaseCode(String);

const CODE_ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

impl CaseCode {
    /// A code from five random bytes (40 bits: a collision is unlikely and the store's unique
    /// index catches one).
    pub fn from_random(bytes: [u8; 5]) -> Self {
        let mut bits: u64 = bytes.iter().fold(0, |acc, b| (acc << 8) | u64::from(*b));
        let mut chars = [0_u8; 8];
        for c in chars.iter_mut().rev() {
            *c = CODE_ALPHABET[(bits & 31) as usize];
            bits >>= 5;
        }
        let text = String::from_utf8_lossy(&chars).into_owned();
        Self(format!("{}-{}", &text[..4], &text[4..]))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for CaseCode {
    type Err = DomainError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let upper = s.trim().to_ascii_uppercase();
        let ok = upper.len() == 9
            && upper.as_bytes()[4] == b'-'
            && upper
                .bytes()
                .enumerate()
                .all(|(i, b)| i == 4 || CODE_ALPHABET.contains(&b));
        if ok {
            Ok(Self(upper))
        } else {
            Err(DomainError::InvalidCaseCode(s.to_string()))
        }
    }
}

impl TryFrom<String> for CaseCode {
    type Error = DomainError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<CaseCode> for String {
    fn from(code: CaseCode) -> Self {
        code.0
    }
}

impl fmt::Display for CaseCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A case as every screen sees it: no name, no address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Case {
    pub id: CaseId,
    pub code: CaseCode,
    pub custodian: OrgId,
    pub stage: Stage,
    /// Staff who carry the case (they see it in full, as their organisation holds it). Staff
    /// of an earlier custodian stay here and keep reading their own organisation's records.
    pub assigned: Vec<UserId>,
    pub opened_at: Timestamp,
    pub version: i64,
    pub updated_at: Timestamp,
    /// Her own account, when one is linked: never one of the staff.
    #[serde(default)]
    pub survivor: Option<UserId>,
    /// How she came to the case: when and where she was identified, her age, gender,
    /// languages, citizenship and the type of exploitation ([`crate::intake`]).
    #[serde(skip)]
    pub intake: crate::intake::Intake,
    /// Its handovers, oldest first: who held custody before, who is waiting to receive her,
    /// and which sections travelled to whom (see [`crate::sight`]).
    #[serde(skip)]
    pub passages: Vec<crate::sight::Passage>,
}

impl Case {
    pub fn is_assigned(&self, user: UserId) -> bool {
        self.assigned.contains(&user)
    }

    /// Whether `org` held custody before the current custodian.
    pub fn held_by(&self, org: OrgId) -> bool {
        org != self.custodian && crate::sight::former_custodians(&self.passages).any(|o| o == org)
    }

    /// Whether a handover to `org` has been sent and awaits its answer.
    pub fn awaited_by(&self, org: OrgId) -> bool {
        self.passages.iter().any(|p| p.awaits(org))
    }
}

/// One move along the journey, with who, when and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageChange {
    pub from: Stage,
    pub to: Stage,
    pub reason: String,
    pub by: Option<UserId>,
    pub at: Timestamp,
}

/// The most protected section: who she is and where her family lives. Only assigned staff of
/// the custodian open it, and every opening is audited.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identity {
    pub name: String,
    pub family: String,
    pub address: String,
}

/// The longest free text of an identity field.
pub const IDENTITY_FIELD_MAX: usize = 500;

/// One field of her identity (name, family, address): normalised, at most
/// [`IDENTITY_FIELD_MAX`] characters.
pub fn parse_identity_field(text: &str) -> Result<String, DomainError> {
    let text = crate::text::normalise(text);
    if text.chars().count() > IDENTITY_FIELD_MAX {
        return Err(DomainError::TextTooLong {
            max: IDENTITY_FIELD_MAX,
        });
    }
    Ok(text)
}

/// Checks a reason for a stage change: required, and not a novel.
pub fn parse_reason(text: &str) -> Result<String, DomainError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(DomainError::ReasonRequired);
    }
    if text.chars().count() > 2000 {
        return Err(DomainError::TextTooLong { max: 2000 });
    }
    Ok(crate::text::normalise(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_journey_moves_one_step_at_a_time_or_closes() {
        assert!(Stage::Identified.check_change(Stage::InCare).is_ok());
        assert!(
            Stage::PreparingReturn.check_change(Stage::InCare).is_ok(),
            "plans change"
        );
        assert_eq!(
            Stage::Identified.check_change(Stage::Returned),
            Err(DomainError::StageSkipped {
                from: "identified",
                to: "returned"
            })
        );
        assert!(Stage::InTransit.check_change(Stage::Closed).is_ok());
        assert_eq!(
            Stage::Closed.check_change(Stage::FollowUp),
            Err(DomainError::CaseClosed)
        );
        assert_eq!(
            Stage::InCare.check_change(Stage::InCare),
            Err(DomainError::StageUnchanged)
        );
        assert_eq!(
            Stage::InCare.next_choices(),
            vec![Stage::Identified, Stage::PreparingReturn, Stage::Closed]
        );
    }

    #[test]
    fn stages_parse_from_their_names() {
        for stage in Stage::ALL {
            assert_eq!(stage.as_str().parse::<Stage>(), Ok(stage));
        }
        assert!("in_transit".parse::<Stage>().is_ok());
        assert!("gone".parse::<Stage>().is_err());
    }

    #[test]
    fn case_codes_are_eight_unambiguous_characters() {
        let code = CaseCode::from_random([0xde, 0xad, 0xbe, 0xef, 0x42]);
        assert_eq!(code.as_str().len(), 9);
        assert_eq!(code.as_str().parse::<CaseCode>(), Ok(code.clone()));
        assert_ne!(code, CaseCode::from_random([0xde, 0xad, 0xbe, 0xef, 0x43]));
        assert!(code.as_str().chars().all(|c| !"ILOU".contains(c)));
        assert!(
            "k7qm-4p2d".parse::<CaseCode>().is_ok(),
            "typed in small letters"
        );
        assert!("K7QM-4P2I".parse::<CaseCode>().is_err());
        assert!("K7QM4P2D".parse::<CaseCode>().is_err());
    }

    #[test]
    fn a_stage_change_needs_a_reason() {
        assert_eq!(parse_reason("  "), Err(DomainError::ReasonRequired));
        assert_eq!(
            parse_reason(" মায়ের সঙ্গে কথা হয়েছে "),
            Ok("মায়ের সঙ্গে কথা হয়েছে".to_string())
        );
    }
}
